package io.phistream.detector.deid;

import java.util.regex.Pattern;

/**
 * Test outputs with their keyed values (tokens, UUID pseudonyms, content ids) taken out. The test keys are fresh
 * per run, so a keyed value holds any short digit run by chance ("1926" sat in a pseudonym's hex once in CI): a test
 * that says "no 1926 in the output" means outside the keyed values.
 */
public final class KeyedValues {

    private static final Pattern KEYED = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}" // FhirDeidentifier.pseudonym
                    + "|\\b[a-z]{2,8}-[A-Za-z0-9_-]{24,}" // Tokenizer: a type prefix and base64url
                    + "|\\bc[0-9a-f]{32,}\\b"); // a content id

    private KeyedValues() {}

    public static String without(String output) {
        return KEYED.matcher(output).replaceAll("<keyed>");
    }
}
