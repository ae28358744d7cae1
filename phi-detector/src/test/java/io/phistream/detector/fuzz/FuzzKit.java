package io.phistream.detector.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.config.TinkConfig;
import com.google.crypto.tink.daead.PredefinedDeterministicAeadParameters;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import io.phistream.detector.DetectingScrubber;
import io.phistream.detector.deid.DateShifter;
import io.phistream.detector.deid.KeyedDigest;
import io.phistream.detector.deid.Tokenizer;
import io.phistream.detector.deid.Zip3;
import io.phistream.detector.fhir.FhirDeidentifier;
import io.phistream.detector.fhir.FhirPolicy;
import io.phistream.detector.fhir.IdentityMap;
import io.phistream.detector.hl7.Hl7Deidentifier;
import io.phistream.detector.hl7.Hl7Policy;
import io.phistream.detector.text.TextPhiDetector;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * What the fuzz targets share: de-identifiers wired as the pipeline wires them (span-level free-text scrubbing with
 * the built-in detector), fixed synthetic PHI values to plant, and the leak check. All values are invented.
 */
final class FuzzKit {

    /** A fake patient and relative; every value is invented. */
    static final String FAMILY = "Quackenbush";
    static final String GIVEN = "Philomena";
    static final String REL_FAMILY = "Wolfenden";
    static final String REL_GIVEN = "Bartholomew";
    static final String MRN = "QX7654321";
    static final String SSN = "999-12-3456";
    static final String PHONE = "(617) 555-0142";
    static final String REL_PHONE = "(508) 555-0199";
    static final String EMAIL = "philomena.q@example.org";
    static final String STREET = "12 Hawthorn Lane";
    static final String CITY = "Marblehead";
    static final String ACCOUNT = "AC99887766";
    static final String LICENSE = "S12345678";
    static final String MRN_SYSTEM = "http://hospital.example.org/mrn";

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    static final Tokenizer TOKENIZER;
    static final Hl7Deidentifier HL7;
    static final FhirDeidentifier FHIR;
    static final TextPhiDetector TEXT = TextPhiDetector.builtIn();

    static {
        try {
            TinkConfig.register();
            TOKENIZER = Tokenizer.fromKeyset(KeysetHandle.generateNew(PredefinedDeterministicAeadParameters.AES256_SIV));
            DateShifter shifter = DateShifter.fromKeyset(KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF), 365);
            KeyedDigest digest = new KeyedDigest(KeysetHandle.generateNew(PredefinedMacParameters.HMAC_SHA256_256BITTAG)
                    .getPrimitive(RegistryConfiguration.get(), Mac.class));
            DetectingScrubber spans = new DetectingScrubber(TEXT);
            HL7 = new Hl7Deidentifier(Hl7Policy.builtIn(), TOKENIZER, shifter, Zip3.defaultUnion(), digest, spans, CLOCK);
            FHIR = new FhirDeidentifier(FhirPolicy.builtIn(), IdentityMap.empty(), TOKENIZER, shifter,
                    Zip3.defaultUnion(), digest, spans, CLOCK);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private FuzzKit() {
    }

    /** Short fuzzed text; the fuzzer also gets to pick one of the planted values to copy into it. */
    static String text(FuzzedDataProvider data, int max) {
        return data.consumeString(max);
    }

    static <T> T pick(FuzzedDataProvider data, List<T> options) {
        return options.get(data.consumeInt(0, options.size() - 1));
    }

    /**
     * The first planted value found in {@code output} (case-insensitive, as a whole word, tokens of ours masked), or
     * null. Names and words shorter than 4 letters are not checked (initials, codes).
     */
    static String leaked(String output, List<String> planted) {
        String hay = maskTokens(output).toLowerCase(Locale.ROOT);
        for (String v : planted) {
            String n = v.toLowerCase(Locale.ROOT).strip();
            if (n.length() >= 4 && containsWord(hay, n)) {
                return v;
            }
        }
        return null;
    }

    /** Our tokens are base64url text; by chance one can contain a short planted word: mask every token. */
    static String maskTokens(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            int j = i;
            while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '-'
                    || s.charAt(j) == '_')) {
                j++;
            }
            if (j > i) {
                String run = s.substring(i, j);
                out.append(Tokenizer.looksLikeToken(run) ? "\u0001" : run);
                i = j;
            } else {
                out.append(s.charAt(i++));
            }
        }
        return out.toString();
    }

    static boolean containsWord(String hay, String needle) {
        int from = 0;
        int at;
        while ((at = hay.indexOf(needle, from)) >= 0) {
            from = at + 1;
            int end = at + needle.length();
            boolean startOk = at == 0 || !Character.isLetterOrDigit(hay.charAt(at - 1))
                    || !Character.isLetterOrDigit(needle.charAt(0));
            boolean endOk = end == hay.length() || !Character.isLetterOrDigit(hay.charAt(end))
                    || !Character.isLetterOrDigit(needle.charAt(needle.length() - 1));
            if (startOk && endOk) {
                return true;
            }
        }
        return false;
    }
}
