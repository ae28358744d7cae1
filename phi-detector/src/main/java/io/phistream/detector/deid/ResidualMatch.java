package io.phistream.detector.deid;

import io.phistream.detector.PhiType;

/**
 * The matching rules the HL7 v2 and FHIR residual guards share: which known values are worth searching for, and
 * when an occurrence counts. Each guard keeps its own search (the HL7 guard masks tokens and searches each value
 * with {@code indexOf}; the FHIR guard scans the output once against anchors), because their inputs differ in size.
 */
public final class ResidualMatch {

    private ResidualMatch() {
    }

    /**
     * Whether a value is long enough to search for without chance hits: names need three letters, other values
     * with letters four characters, digit-only values seven digits (shifted dates and measurements are shorter).
     */
    public static boolean significant(String value, PhiType type) {
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

    /**
     * Whether the occurrence of {@code needle} at {@code start} of {@code text} is a whole word: not preceded or
     * followed by a letter or digit where the needle itself starts or ends with one. The caller has matched it.
     */
    public static boolean wholeWord(String text, int start, String needle) {
        int end = start + needle.length();
        boolean startOk = start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1))
                || !Character.isLetterOrDigit(needle.charAt(0));
        boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end))
                || !Character.isLetterOrDigit(needle.charAt(needle.length() - 1));
        return startOk && endOk;
    }
}
