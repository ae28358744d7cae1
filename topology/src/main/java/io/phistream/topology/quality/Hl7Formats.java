package io.phistream.topology.quality;

import java.time.Year;

/**
 * Value formats the HL7 rules name. Hand-written character scans rather than regular expressions or
 * {@code java.time} parsing: they run on every message in the hot path, must reject impossible calendar values
 * (a 30 February passes a regex) and allocate nothing.
 */
public final class Hl7Formats {

    private Hl7Formats() {
    }

    /** A named format of a rules file; the names are the file's vocabulary. */
    public enum Format {
        /** HL7 DTM (and TS component 1): {@code YYYY[MM[DD[HH[MM[SS[.S[S[S[S]]]]]]]]][+/-ZZZZ]}. */
        DTM("dtm"),
        /** HL7 DT: {@code YYYY[MM[DD]]}. */
        DT("dt"),
        /** HL7 NM: an optional sign, digits and at most one decimal point. */
        NM("nm"),
        /** A LOINC code: 1-7 digits, a hyphen and the mod-10 (Luhn) check digit. */
        LOINC("loinc");

        private final String label;

        Format(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean test(String v) {
            return switch (this) {
                case DTM -> isDtm(v);
                case DT -> isDt(v);
                case NM -> isNumeric(v);
                case LOINC -> isLoinc(v);
            };
        }

        public static Format of(String label) {
            for (Format f : values()) {
                if (f.label.equals(label)) {
                    return f;
                }
            }
            return null;
        }
    }

    public static boolean isDtm(String v) {
        int n = v.length();
        int digits = leadingDigits(v, 0);
        if (digits < 4 || digits > 14 || digits % 2 != 0 || !validCalendar(v, digits)) {
            return false;
        }
        int i = digits;
        if (i < n && v.charAt(i) == '.') {
            if (digits != 14) {
                return false; // fractions of a second only after the seconds
            }
            int frac = leadingDigits(v, i + 1);
            if (frac < 1 || frac > 4) {
                return false;
            }
            i += 1 + frac;
        }
        if (i == n) {
            return true;
        }
        char sign = v.charAt(i);
        if ((sign != '+' && sign != '-') || n - i != 5 || leadingDigits(v, i + 1) != 4) {
            return false;
        }
        int hh = num(v, i + 1);
        int mm = num(v, i + 3);
        return hh <= 14 && mm <= 59;
    }

    public static boolean isDt(String v) {
        int digits = leadingDigits(v, 0);
        return digits == v.length() && (digits == 4 || digits == 6 || digits == 8) && validCalendar(v, digits);
    }

    public static boolean isNumeric(String v) {
        int n = v.length();
        int i = 0;
        if (i < n && (v.charAt(i) == '+' || v.charAt(i) == '-')) {
            i++;
        }
        boolean digit = false;
        boolean point = false;
        for (; i < n; i++) {
            char c = v.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return false;
            }
        }
        return digit;
    }

    public static boolean isLoinc(String v) {
        int n = v.length();
        int body = leadingDigits(v, 0);
        if (body < 1 || body > 7 || n != body + 2 || v.charAt(body) != '-' || !isDigit(v.charAt(body + 1))) {
            return false;
        }
        // LOINC's mod-10 check digit is the Luhn algorithm over the code's digits
        int sum = 0;
        boolean twice = true;
        for (int i = body - 1; i >= 0; i--) {
            int d = v.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return (10 - sum % 10) % 10 == v.charAt(body + 1) - '0';
    }

    private static boolean validCalendar(String v, int digits) {
        int year = num(v, 0) * 100 + num(v, 2);
        if (year < 1000) {
            return false;
        }
        if (digits >= 6) {
            int month = num(v, 4);
            if (month < 1 || month > 12) {
                return false;
            }
            if (digits >= 8) {
                int day = num(v, 6);
                if (day < 1 || day > Year.of(year).atMonth(month).lengthOfMonth()) {
                    return false;
                }
            }
        }
        return (digits < 10 || num(v, 8) <= 23) && (digits < 12 || num(v, 10) <= 59)
                && (digits < 14 || num(v, 12) <= 59);
    }

    private static int leadingDigits(String v, int from) {
        int i = from;
        while (i < v.length() && isDigit(v.charAt(i))) {
            i++;
        }
        return i - from;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int num(String v, int at) {
        return (v.charAt(at) - '0') * 10 + (v.charAt(at + 1) - '0');
    }
}
