package io.phistream.detector.deid;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a de-identification policy does with a field's value. Policy files write the names in lower case. */
public enum Treatment {
    /** Replace by a keyed, reversible {@link Tokenizer} token. */
    TOKEN,
    /** Remove the value. */
    REDACT,
    /** Shift by the patient's {@link DateShifter} offset. */
    DATE,
    /** Generalise a ZIP code to its Safe Harbor three digits ({@link Zip3}). */
    ZIP3,
    /** Aggregate ages over 89 ({@link AgeGeneraliser}). */
    AGE,
    /** Keep as is (the policy asserts the field holds no PHI). */
    KEEP,
    /**
     * A state, province or country: kept when it reads as a name ({@link Region#isName}), else removed. A sender that
     * skips an address component puts the ZIP code where the state belongs ("Fairfax^VA^22031^USA").
     */
    REGION,
    /**
     * A reference range: kept when it reads as one ({@link ReferenceRange#isRange}: "3.5-5.0 mmol/L", "&lt;200",
     * "Negative"), else removed.
     */
    RANGE,
    /** Free text: scrubbed by the configured free-text scrubber (whole-field redaction until span detection is on). */
    TEXT;

    private static final String EXPECTED = Arrays.stream(values()).map(Treatment::policyName)
            .collect(Collectors.joining(", "));

    /** The name as written in policy files. */
    public String policyName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The treatment a policy word names. Only the lower-case spelling is accepted, so one policy has one
     * way to say a thing. The message names a bad word: a policy word is configuration, not PHI.
     *
     * @throws IllegalArgumentException for a missing or unknown word
     */
    public static Treatment parse(String word) {
        if (word == null || word.isEmpty()) {
            throw new IllegalArgumentException("treatment is missing; expected one of " + EXPECTED);
        }
        for (Treatment t : values()) {
            if (t.policyName().equals(word)) {
                return t;
            }
        }
        String shown = word.length() > 40 ? word.substring(0, 40) + "..." : word;
        throw new IllegalArgumentException("unknown treatment '" + shown + "'; expected one of " + EXPECTED);
    }
}
