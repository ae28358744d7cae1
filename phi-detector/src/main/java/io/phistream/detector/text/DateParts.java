package io.phistream.detector.text;

/**
 * Month and day of a structured date value (HL7 DTM yyyyMMdd..., ISO yyyy-MM-dd..., US M/d/yyyy).
 * Hand-parsed: no regex runs on values that come from messages.
 */
final class DateParts {
    private DateParts() {
    }

    static int[] monthDay(String v) {
        String s = v.strip();
        int[] nums = new int[3];
        int[] lens = new int[3];
        char[] seps = new char[2];
        int g = 0;
        int i = 0;
        while (i < s.length() && g < 3) {
            int st = i;
            int val = 0;
            while (i < s.length() && Character.isDigit(s.charAt(i)) && i - st < 8) {
                val = val * 10 + (s.charAt(i) - '0');
                i++;
            }
            if (i == st) {
                return null;
            }
            nums[g] = val;
            lens[g] = i - st;
            g++;
            if (i >= s.length() || g == 3) {
                break;
            }
            char c = s.charAt(i);
            if (c != '-' && c != '/') {
                break; // HL7 time part, ISO 'T'
            }
            seps[g - 1] = c;
            i++;
        }
        if (g == 1 && lens[0] == 8) {
            // yyyyMMdd (HL7 DTM prefix)
            return check(nums[0] / 100 % 100, nums[0] % 100);
        }
        if (g == 1 && lens[0] > 8) {
            return null;
        }
        if (g == 3 && lens[0] == 4 && seps[0] == '-') {
            return check(nums[1], nums[2]);
        }
        if (g == 3 && seps[0] == '/' && lens[0] <= 2 && lens[1] <= 2) {
            return check(nums[0], nums[1]);
        }
        return null;
    }

    private static int[] check(int m, int d) {
        return m >= 1 && m <= 12 && d >= 1 && d <= 31 ? new int[] {m, d} : null;
    }
}
