package io.phistream.detector.text;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Shifts a date as free text writes it by a number of days, in the same form: "3/4" -> "4/12", "03-04-2019" ->
 * "04-12-2019", "15/12/2026" (day first when the first number is no month) -> "23/02/2027", "2019-03-04", "Jan 5th" -> "Feb 13th", "5 March 2019", "12-JAN-2020". A form without a year is read in
 * the reference year. Anything else (a month and year, a season, "the 14th") gives null, and the caller falls back to
 * a surrogate that keeps nothing of the value.
 *
 * <p>Hand-parsed rather than with DateTimeFormatter patterns: a note writes one date a dozen ways, the form must come
 * back exactly (zero-padding, separators, case, ordinal suffix), and a pattern per form would still need this reading.
 */
final class TextDates {
    private static final String[] MONTHS = {"JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST",
        "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER"};
    /** Spanish months, for "15 de diciembre de 2026": a shifted date keeps its language. */
    private static final String[] MESES = {"ENERO", "FEBRERO", "MARZO", "ABRIL", "MAYO", "JUNIO", "JULIO", "AGOSTO",
        "SEPTIEMBRE", "OCTUBRE", "NOVIEMBRE", "DICIEMBRE"};
    private static final int LEAP_YEAR = 2024;

    private TextDates() {
    }

    /** The date shifted by {@code days} in the form it was written, or null when it is not a whole date this reads. */
    static String shift(String value, int days, int referenceYear) {
        return shift(value, days, referenceYear, null);
    }

    /** The day the value names (a date without a year in the reference year), or null when this reads no date. */
    static LocalDate read(String value, int referenceYear) {
        LocalDate[] day = new LocalDate[1];
        return shift(value, 0, referenceYear, day) == null ? null : day[0];
    }

    /** As {@link #shift(String, int, int)}; {@code read}, when given, receives the day read before it is moved. */
    private static String shift(String value, int days, int referenceYear, LocalDate[] read) {
        String v = value.strip();
        if (v.isEmpty() || v.length() > 40) {
            return null;
        }
        String out = Character.isDigit(v.charAt(0)) && Character.isDigit(v.charAt(v.length() - 1))
                && !hasLetter(v) ? numeric(v, days, referenceYear, read) : named(v, days, referenceYear, read);
        return out == null ? null : value.substring(0, value.indexOf(v)) + out
                + value.substring(value.indexOf(v) + v.length());
    }

    /** m/d, m/d/yy, m/d/yyyy, m-d-yyyy, m.d.yyyy, yyyy-mm-dd, yyyy/mm/dd: digits and one kind of separator. */
    private static String numeric(String v, int days, int referenceYear, LocalDate[] read) {
        char sep = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!Character.isDigit(c)) {
                if (c != '/' && c != '-' && c != '.' || sep != 0 && c != sep) {
                    return null;
                }
                sep = c;
            }
        }
        if (sep == 0) {
            return null;
        }
        String[] g = v.split(sep == '.' ? "\\." : String.valueOf(sep), -1);
        if (g.length < 2 || g.length > 3) {
            return null;
        }
        for (String x : g) {
            if (x.isEmpty() || x.length() > 4) {
                return null;
            }
        }
        if (g.length == 3 && g[0].length() == 4) { // yyyy-mm-dd
            LocalDate d = date(Integer.parseInt(g[0]), Integer.parseInt(g[1]), Integer.parseInt(g[2]));
            if (d == null) {
                return null;
            }
            if (read != null) {
                read[0] = d;
            }
            d = d.plusDays(days);
            // ISO and its kin pad every two-digit group: "2019-12-05" becomes "2020-01-04", not "2020-1-4"
            return d.getYear() + String.valueOf(sep) + pad(d.getMonthValue(), g[1].length() == 2 ? "00" : g[1]) + sep
                    + pad(d.getDayOfMonth(), g[2].length() == 2 ? "00" : g[2]);
        }
        if (g[0].length() > 2 || g[1].length() > 2) {
            return null;
        }
        int year = referenceYear;
        if (g.length == 3) {
            if (g[2].length() == 2) {
                year = 2000 + Integer.parseInt(g[2]);
                if (year > referenceYear) {
                    year -= 100;
                }
            } else if (g[2].length() == 4) {
                year = Integer.parseInt(g[2]);
            } else {
                return null;
            }
        }
        // day first where the first number is no month: "15/12/2026", "25.03.2026" (European and Latin American)
        boolean dayFirst = Integer.parseInt(g[0]) > 12 && Integer.parseInt(g[1]) <= 12;
        int month = Integer.parseInt(g[dayFirst ? 1 : 0]);
        int day = Integer.parseInt(g[dayFirst ? 0 : 1]);
        LocalDate d = date(year, month, day);
        if (d == null && g.length == 2) {
            d = date(LEAP_YEAR, month, day); // "2/29" in a common reference year
        }
        if (d == null) {
            return null;
        }
        if (read != null) {
            read[0] = d;
        }
        d = moved(d, days, g.length == 2);
        String out = dayFirst ? pad(d.getDayOfMonth(), g[0]) + sep + pad(d.getMonthValue(), g[1])
                : pad(d.getMonthValue(), g[0]) + sep + pad(d.getDayOfMonth(), g[1]);
        if (g.length == 3) {
            out += sep + (g[2].length() == 2 ? String.format(Locale.ROOT, "%02d", d.getYear() % 100) : String.valueOf(d.getYear()));
        }
        return out;
    }

    /**
     * "Jan 5", "Jan 5th", "January 5, 2019", "5 Jan 2019", "5th of March", "12-JAN-2020": a month's name and a day,
     * with or without a year; the words between them kept.
     */
    private static String named(String v, int days, int referenceYear, LocalDate[] read) {
        // the pieces: runs of letters, runs of digits (with an ordinal suffix), and what lies between them
        int monthAt = -1;
        int monthEnd = -1;
        int month = -1;
        String[] names = MONTHS;
        int dayAt = -1;
        int dayEnd = -1;
        int yearAt = -1;
        int i = 0;
        while (i < v.length()) {
            char c = v.charAt(i);
            int j = i;
            if (Character.isLetter(c)) {
                while (j < v.length() && Character.isLetter(v.charAt(j))) {
                    j++;
                }
                int m = month(v.substring(i, j));
                if (m >= 0) {
                    if (month >= 0) {
                        return null;
                    }
                    month = m % 12;
                    names = m < 12 ? MONTHS : MESES;
                    monthAt = i;
                    monthEnd = j;
                } else if (!isOrdinal(v, i, j) && !v.substring(i, j).equalsIgnoreCase("of")
                        && !v.substring(i, j).equalsIgnoreCase("de") && !v.substring(i, j).equalsIgnoreCase("del")) {
                    return null;
                }
            } else if (Character.isDigit(c)) {
                while (j < v.length() && Character.isDigit(v.charAt(j))) {
                    j++;
                }
                if (j - i <= 2 && dayAt < 0) {
                    dayAt = i;
                    dayEnd = j;
                } else if (j - i == 4 && yearAt < 0) {
                    yearAt = i;
                } else {
                    return null;
                }
            } else if (c != ' ' && c != ',' && c != '-' && c != '.' && c != '/') {
                return null;
            } else {
                j = i + 1;
            }
            i = j;
        }
        if (month < 0 || dayAt < 0) {
            return null;
        }
        int year = yearAt >= 0 ? Integer.parseInt(v.substring(yearAt, yearAt + 4)) : referenceYear;
        LocalDate d = date(year, month + 1, Integer.parseInt(v.substring(dayAt, dayEnd)));
        if (d == null && yearAt < 0) {
            d = date(LEAP_YEAR, month + 1, Integer.parseInt(v.substring(dayAt, dayEnd))); // "Feb 29th", no year
        }
        if (d == null) {
            return null;
        }
        if (read != null) {
            read[0] = d;
        }
        d = moved(d, days, yearAt < 0);
        String monthWord = v.substring(monthAt, monthEnd);
        String newMonth = names[d.getMonthValue() - 1];
        if (monthWord.length() < names[month].length()) { // abbreviated: "Jan", "Sept"
            newMonth = newMonth.substring(0, 3);
        }
        newMonth = caseLike(monthWord, newMonth);
        String day = pad(d.getDayOfMonth(), v.substring(dayAt, dayEnd));
        String suffix = dayEnd < v.length() && Character.isLetter(v.charAt(dayEnd)) ? v.substring(dayEnd, dayEnd + 2) : "";
        String newSuffix = suffix.isEmpty() ? "" : caseLike(suffix, ordinal(d.getDayOfMonth()));
        // rebuild in place, right to left so earlier offsets hold
        StringBuilder b = new StringBuilder(v);
        int[][] edits = yearAt >= 0
                ? new int[][] {{yearAt, yearAt + 4, 2}, {dayAt, dayEnd + suffix.length(), 1}, {monthAt, monthEnd, 0}}
                : new int[][] {{dayAt, dayEnd + suffix.length(), 1}, {monthAt, monthEnd, 0}};
        java.util.Arrays.sort(edits, (x, y) -> Integer.compare(y[0], x[0]));
        for (int[] e : edits) {
            String with = e[2] == 0 ? newMonth : e[2] == 1 ? day + newSuffix : String.valueOf(d.getYear());
            b.replace(e[0], e[1], with);
        }
        return b.toString();
    }

    private static boolean isOrdinal(String v, int from, int to) {
        String w = v.substring(from, to).toLowerCase(Locale.ROOT);
        return to - from == 2 && from > 0 && Character.isDigit(v.charAt(from - 1))
                && (w.equals("st") || w.equals("nd") || w.equals("rd") || w.equals("th"));
    }

    private static String ordinal(int day) {
        return day % 10 == 1 && day != 11 ? "st" : day % 10 == 2 && day != 12 ? "nd" : day % 10 == 3 && day != 13 ? "rd"
                : "th";
    }

    /**
     * A month's full name or a prefix of it of three letters or more ("Sep", "Sept"): 0-11 in English, 12-23 in Spanish
     * ("diciembre", "dic"; a prefix both languages share reads as English); or -1.
     */
    private static int month(String word) {
        String w = word.toUpperCase(Locale.ROOT);
        if (w.length() < 3) {
            return -1;
        }
        for (int m = 0; m < 12; m++) {
            if (MONTHS[m].startsWith(w)) {
                return m;
            }
        }
        for (int m = 0; m < 12; m++) {
            if (MESES[m].startsWith(w)) {
                return 12 + m;
            }
        }
        return -1;
    }

    /**
     * The date moved by {@code days}. Written without a year, a date moved by a whole year (an offset of 365 days, or 366
     * over a February 29th) would read exactly as before: it moves one day further, so its day and month never stay.
     */
    private static LocalDate moved(LocalDate d, int days, boolean yearless) {
        LocalDate m = d.plusDays(days);
        if (yearless && days != 0 && m.getMonthValue() == d.getMonthValue() && m.getDayOfMonth() == d.getDayOfMonth()) {
            m = m.plusDays(days < 0 ? -1 : 1);
        }
        return m;
    }

    private static LocalDate date(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The value zero-padded to two digits when the group it replaces was ("03"), else as it comes ("12" from "29"). */
    private static String pad(int value, String group) {
        String s = String.valueOf(value);
        return group.length() == 2 && group.charAt(0) == '0' && s.length() == 1 ? "0" + s : s;
    }

    private static boolean hasLetter(String v) {
        for (int i = 0; i < v.length(); i++) {
            if (Character.isLetter(v.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String caseLike(String original, String word) {
        if (original.equals(original.toUpperCase(Locale.ROOT))) {
            return word.toUpperCase(Locale.ROOT);
        }
        if (original.equals(original.toLowerCase(Locale.ROOT))) {
            return word.toLowerCase(Locale.ROOT);
        }
        return word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT);
    }
}
