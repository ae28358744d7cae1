package io.phistream.detector.hl7;

import io.phistream.detector.KnownPhi;
import io.phistream.detector.PhiType;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The last fail-closed check before release: no value that the policy treated as PHI may still stand in the
 * output, in any case. Tokens are masked first (a token is ciphertext, and random base64 can spell a short
 * name). Values with letters must match as whole words; digit-only values need seven digits or more, so that
 * shifted dates and measurements do not collide with them by chance.
 */
final class ResidualPhiGuard {

    private static final Set<PhiType> GUARDED = EnumSet.of(PhiType.NAME, PhiType.SSN, PhiType.MRN,
            PhiType.ACCOUNT, PhiType.HEALTH_PLAN, PhiType.LICENSE, PhiType.PHONE, PhiType.FAX, PhiType.EMAIL,
            PhiType.VEHICLE, PhiType.DEVICE, PhiType.URL, PhiType.IP, PhiType.GEO, PhiType.DATE);

    private ResidualPhiGuard() {
    }

    static boolean finds(String output, Collection<String> tokens, List<KnownPhi.Value> values) {
        return firstHit(output, tokens, values) != null;
    }

    /** The first value found again, or null. Package-private for tests: the result is PHI. */
    static KnownPhi.Value firstHit(String output, Collection<String> tokens, List<KnownPhi.Value> values) {
        String masked = output;
        for (String token : tokens) {
            if (!token.isEmpty()) {
                masked = masked.replace(token, "\u0001");
            }
        }
        String haystack = masked.toLowerCase(Locale.ROOT);
        Set<String> searched = new HashSet<>();
        for (KnownPhi.Value v : values) {
            if (!v.guarded() || !GUARDED.contains(v.type())) {
                continue;
            }
            String needle = v.value().toLowerCase(Locale.ROOT);
            // one search per distinct value: an ORU names the same observer in every OBX
            if (!significant(needle, v.type()) || !searched.add(needle)) {
                continue;
            }
            if (containsWord(haystack, needle)) {
                return v;
            }
        }
        return null;
    }

    private static boolean significant(String value, PhiType type) {
        int letters = 0;
        int digits = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
            } else if (Character.isDigit(c)) {
                digits++;
            }
        }
        if (letters == 0) {
            return digits >= 7;
        }
        return type == PhiType.NAME ? letters >= 3 : value.length() >= 4;
    }

    /** Occurrence not preceded or followed by a letter or digit. */
    private static boolean containsWord(String haystack, String needle) {
        int from = 0;
        int i;
        while ((i = haystack.indexOf(needle, from)) >= 0) {
            int end = i + needle.length();
            boolean startOk = i == 0 || !Character.isLetterOrDigit(haystack.charAt(i - 1))
                    || !Character.isLetterOrDigit(needle.charAt(0));
            boolean endOk = end == haystack.length() || !Character.isLetterOrDigit(haystack.charAt(end))
                    || !Character.isLetterOrDigit(needle.charAt(needle.length() - 1));
            if (startOk && endOk) {
                return true;
            }
            from = i + 1;
        }
        return false;
    }
}
