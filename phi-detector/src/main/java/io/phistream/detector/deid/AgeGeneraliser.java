package io.phistream.detector.deid;

/**
 * Safe Harbor age rule, 45 CFR 164.514(b)(2)(i)(C): ages over 89, and any date element indicating
 * such an age, aggregate into one category "90 or older".
 */
public final class AgeGeneraliser {

    /** The value that stands for "90 or older". */
    public static final String NINETY_OR_OLDER = "90";

    public static final int MAX_KEPT_AGE = 89;

    private AgeGeneraliser() {
    }

    /**
     * A whole number of years (ASCII digits, surrounding whitespace ignored): above 89 becomes
     * {@code "90"}, 89 or less is returned as written (trimmed). Anything else (null, empty, negative,
     * decimals, units, words) becomes {@code ""}: an age we cannot read could be over 89 (fail safe).
     */
    public static String generalise(String age) {
        if (age == null) {
            return "";
        }
        String s = age.strip();
        if (s.isEmpty()) {
            return "";
        }
        // whole years, or years with a fraction ("92.9", which had been dropped as unreadable)
        int point = s.indexOf('.');
        String whole = point < 0 ? s : s.substring(0, point);
        if (whole.isEmpty() || point >= 0 && (point == s.length() - 1 || s.indexOf('.', point + 1) >= 0)) {
            return "";
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < '0' || c > '9') && i != point) {
                return "";
            }
        }
        // compare without parsing, so arbitrarily long digit strings cannot overflow
        String digits = whole.replaceFirst("^0+(?=.)", "");
        boolean over = digits.length() > 2 || Integer.parseInt(digits) > MAX_KEPT_AGE;
        return over ? NINETY_OR_OLDER : s;
    }

    /**
     * Whether someone born in {@code birthYear} could be older than 89 in {@code referenceYear}. With
     * years only the birthday is unknown, so a difference of exactly 90 counts (the person is 89 or
     * 90): the rule errs towards generalising.
     */
    public static boolean impliesOver89(int birthYear, int referenceYear) {
        return (long) referenceYear - birthYear > MAX_KEPT_AGE;
    }
}
