package io.phistream.detector.text;

/** Month and day of a structured date value (HL7 DTM yyyyMMdd..., ISO yyyy-MM-dd, US M/d/yyyy). */
final class DateParts {
    private DateParts() {
    }

    static int[] monthDay(String v) {
        String s = v.strip();
        try {
            if (s.matches("\\d{8}.*")) {
                return check(Integer.parseInt(s.substring(4, 6)), Integer.parseInt(s.substring(6, 8)));
            }
            if (s.matches("\\d{4}-\\d{1,2}-\\d{1,2}.*")) {
                String[] p = s.split("[-T ]");
                return check(Integer.parseInt(p[1]), Integer.parseInt(p[2]));
            }
            if (s.matches("\\d{1,2}/\\d{1,2}/\\d{2,4}")) {
                String[] p = s.split("/");
                return check(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
            }
        } catch (NumberFormatException e) {
            return null; // the value itself is never echoed
        }
        return null;
    }

    private static int[] check(int m, int d) {
        return m >= 1 && m <= 12 && d >= 1 && d <= 31 ? new int[] {m, d} : null;
    }
}
