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
        if (v.isEmpty() || v.length() > 64) { // ("the twenty-seventh of September, two thousand and twenty-two")
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
            return compactDigits(v, days, referenceYear, read);
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
        if (g.length == 2 && g[0].length() <= 2 && g[1].length() == 4) { // "03/2019": a month of a year
            int month = Integer.parseInt(g[0]);
            if (month < 1 || month > 12) {
                return null;
            }
            LocalDate m = middleMoved(Integer.parseInt(g[1]), month, days, false);
            return pad(m.getMonthValue(), g[0]) + sep + m.getYear();
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
     * "Jan 5", "Jan 5th", "January 5, 2019", "5 Jan 2019", "5th of March", "12-JAN-2020", "4MAR26", "JAN-05-19", "Aug
     * '23", "fifth of March", "March the twenty-first", "March 2019", "in April": a month's name, a day (digits or an
     * ordinal in words) and a year (four digits, or two after a dash, an apostrophe or glued to the month), each but the
     * month optional; the words between them kept. A month without a day moves as its middle does: it names no day.
     */
    private static String named(String v, int days, int referenceYear, LocalDate[] read) {
        int monthAt = -1;
        int monthEnd = -1;
        int month = -1;
        String[] names = MONTHS;
        int dayAt = -1;
        int dayEnd = -1;
        int suffixEnd = -1; // after the day's ordinal suffix ("5th", "1ro"), when it has one
        int dayWordAt = -1; // a day in words: "fifth", "twenty-first"
        int dayWordEnd = -1;
        int dayValue = -1;
        int yearAt = -1;
        int yearEnd = -1;
        int i = 0;
        while (i < v.length()) {
            char c = v.charAt(i);
            int j = i;
            if (Character.isLetter(c)) {
                while (j < v.length() && Character.isLetter(v.charAt(j))) {
                    j++;
                }
                String w = v.substring(i, j);
                int m = month(w);
                int ordinal = dayAt < 0 && dayWordAt < 0 ? ordinalWord(w) : -1;
                int unitEnd = -1;
                if (ordinal < 0 && dayAt < 0 && dayWordAt < 0 && (w.equalsIgnoreCase("twenty") || w.equalsIgnoreCase("thirty"))) {
                    // "twenty-first", "thirty first": the tens, one blank or hyphen, a unit's ordinal
                    int k = j + 1;
                    int e = k;
                    while (e < v.length() && Character.isLetter(v.charAt(e))) {
                        e++;
                    }
                    int tens = w.equalsIgnoreCase("twenty") ? 20 : 30;
                    int unit = j < v.length() && (v.charAt(j) == '-' || v.charAt(j) == ' ') && e > k
                            ? ordinalWord(v.substring(k, e)) : -1;
                    if (unit >= 1 && unit <= 9 && tens + unit <= 31) {
                        ordinal = tens + unit;
                        unitEnd = e;
                    }
                }
                if (m >= 0 && ordinal < 0) {
                    if (month >= 0) {
                        return null;
                    }
                    month = m % 12;
                    names = m < 12 ? MONTHS : MESES;
                    monthAt = i;
                    monthEnd = j;
                } else if (ordinal > 0) {
                    dayWordAt = i;
                    dayWordEnd = unitEnd > 0 ? unitEnd : j;
                    dayValue = ordinal;
                    j = dayWordEnd;
                } else if (i == dayEnd && (isOrdinal(v, i, j) || spanishFirst(v, dayAt, i, j))) {
                    suffixEnd = j;
                } else if (yearAt < 0 && month >= 0 && spokenYear(v.substring(i)) > 0) {
                    yearAt = i; // "June third, two thousand sixteen": a year read aloud ends the date
                    yearEnd = v.length();
                    j = yearEnd;
                } else if (!w.equalsIgnoreCase("of") && !w.equalsIgnoreCase("the") && !w.equalsIgnoreCase("de")
                        && !w.equalsIgnoreCase("del")) {
                    return null;
                }
            } else if (Character.isDigit(c)) {
                while (j < v.length() && Character.isDigit(v.charAt(j))) {
                    j++;
                }
                char before = i > 0 ? v.charAt(i - 1) : ' ';
                boolean apostrophe = before == '\'' || before == '\u2019';
                // a year of two digits: after an apostrophe, or once month and day are read, after a dash or glued to
                // the month ("4MAR26", "12-JAN-20", "JAN-05-19")
                boolean twoDigitYear = j - i == 2 && yearAt < 0 && (apostrophe || month >= 0
                        && (dayAt >= 0 || dayWordAt >= 0) && (before == '-' || i == monthEnd));
                if (twoDigitYear || j - i == 4 && yearAt < 0) {
                    yearAt = i;
                    yearEnd = j;
                } else if (j - i <= 2 && dayAt < 0 && dayWordAt < 0 && !apostrophe) {
                    dayAt = i;
                    dayEnd = j;
                } else {
                    return null;
                }
            } else if (c != ' ' && c != ',' && c != '-' && c != '.' && c != '/' && c != '\'' && c != '\u2019') {
                return null;
            } else {
                j = i + 1;
            }
            i = j;
        }
        boolean dayAlone = month < 0 && yearAt < 0 && (suffixEnd > 0 || dayWordAt >= 0); // "the 14th", "the fifth"
        if (month < 0 && !dayAlone) {
            return null;
        }
        boolean spoken = yearAt >= 0 && Character.isLetter(v.charAt(yearAt));
        int year = referenceYear;
        if (spoken) {
            year = spokenYear(v.substring(yearAt));
        } else if (yearAt >= 0) {
            year = Integer.parseInt(v, yearAt, yearEnd, 10);
            if (yearEnd - yearAt == 2) {
                year += 2000;
                if (year > referenceYear) {
                    year -= 100;
                }
            }
        }
        java.util.List<Object[]> edits = new java.util.ArrayList<>(3);
        LocalDate d;
        if (dayAt < 0 && dayWordAt < 0) {
            d = middleMoved(year, month + 1, days, yearAt < 0); // no read: a month names no day
        } else if (dayAlone) {
            // a day of no month named, moved as that day of a month of 31 days; no read: it names no date
            int dayOfMonth = dayAt >= 0 ? Integer.parseInt(v, dayAt, dayEnd, 10) : dayValue;
            if (dayOfMonth < 1 || dayOfMonth > 31) {
                return null;
            }
            d = LocalDate.of(referenceYear, 1, dayOfMonth).plusDays(days);
            if (days != 0 && d.getDayOfMonth() == dayOfMonth) {
                d = d.plusDays(days < 0 ? -1 : 1); // (a shift of whole months would give the day back)
            }
        } else {
            int dayOfMonth = dayAt >= 0 ? Integer.parseInt(v, dayAt, dayEnd, 10) : dayValue;
            d = date(year, month + 1, dayOfMonth);
            if (d == null && yearAt < 0) {
                d = date(LEAP_YEAR, month + 1, dayOfMonth); // "Feb 29th", no year
            }
            if (d == null) {
                return null;
            }
            if (read != null) {
                read[0] = d;
            }
            d = moved(d, days, yearAt < 0);
        }
        if (dayAt >= 0 || dayWordAt >= 0) {
            if (dayAt >= 0) {
                String suffix = suffixEnd > 0 ? v.substring(dayEnd, suffixEnd) : "";
                // (Spanish writes only the first as an ordinal: "1ro de julio", "5 de julio")
                String newSuffix = suffix.isEmpty() ? "" : spanishFirst(v, dayAt, dayEnd, suffixEnd)
                        ? d.getDayOfMonth() == 1 ? suffix : "" : caseLike(suffix, ordinal(d.getDayOfMonth()));
                edits.add(new Object[] {dayAt, suffixEnd > 0 ? suffixEnd : dayEnd,
                    pad(d.getDayOfMonth(), v.substring(dayAt, dayEnd)) + newSuffix});
            } else {
                edits.add(new Object[] {dayWordAt, dayWordEnd, dayInWords(d.getDayOfMonth(), v.substring(dayWordAt, dayWordEnd))});
            }
        }
        if (month >= 0) {
            String monthWord = v.substring(monthAt, monthEnd);
            String newMonth = names[d.getMonthValue() - 1];
            if (monthWord.length() < names[month].length()) { // abbreviated: "Jan", "Sept"
                newMonth = newMonth.substring(0, 3);
            }
            edits.add(new Object[] {monthAt, monthEnd, caseLike(monthWord, newMonth)});
        }
        if (yearAt >= 0) {
            edits.add(new Object[] {yearAt, yearEnd, spoken ? yearInWords(d.getYear(), v.substring(yearAt))
                    : yearEnd - yearAt == 2
                    ? String.format(Locale.ROOT, "%02d", d.getYear() % 100) : String.valueOf(d.getYear())});
        }
        // rebuild in place, right to left so earlier offsets hold
        edits.sort((x, y) -> Integer.compare((Integer) y[0], (Integer) x[0]));
        StringBuilder b = new StringBuilder(v);
        for (Object[] e : edits) {
            b.replace((Integer) e[0], (Integer) e[1], (String) e[2]);
        }
        return b.toString();
    }

    private static final String[] SMALL = {"ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT",
        "NINE", "TEN", "ELEVEN", "TWELVE", "THIRTEEN", "FOURTEEN", "FIFTEEN", "SIXTEEN", "SEVENTEEN", "EIGHTEEN",
        "NINETEEN"};
    private static final String[] TENS = {"", "", "TWENTY", "THIRTY", "FORTY", "FIFTY", "SIXTY", "SEVENTY", "EIGHTY",
        "NINETY"};

    /**
     * A year read aloud, the whole of {@code words}: "two thousand sixteen", "two thousand and five", "nineteen
     * eighty-two", "twenty oh five" (the forms {@code Dates} reads); or -1.
     */
    private static int spokenYear(String words) {
        String[] w = words.strip().toUpperCase(Locale.ROOT).split("[ -]+");
        if (w.length >= 2 && w[0].equals("TWO") && w[1].equals("THOUSAND")) {
            int k = w.length > 2 && w[2].equals("AND") ? 3 : 2;
            int rest = k == w.length ? 0 : below100(w, k);
            return rest < 0 || k == 3 && rest == 0 ? -1 : 2000 + rest;
        }
        if (w.length >= 2 && (w[0].equals("NINETEEN") || w[0].equals("TWENTY"))) {
            int century = w[0].equals("NINETEEN") ? 1900 : 2000;
            if (w[1].equals("OH")) {
                int unit = w.length == 3 ? small(w[2]) : -1;
                return unit >= 1 && unit <= 9 ? century + unit : -1;
            }
            int rest = below100(w, 1);
            return rest >= 10 ? century + rest : -1;
        }
        return -1;
    }

    /** The number 0-99 that words w[from..] make whole ("sixteen", "eighty two"), or -1. */
    private static int below100(String[] w, int from) {
        if (w.length - from == 1) {
            int n = small(w[from]);
            return n >= 0 ? n : java.util.Arrays.asList(TENS).indexOf(w[from]) * 10;
        }
        int tens = java.util.Arrays.asList(TENS).indexOf(w[from]);
        int unit = w.length - from == 2 ? small(w[from + 1]) : -1;
        return tens >= 2 && unit >= 1 && unit <= 9 ? tens * 10 + unit : -1;
    }

    private static int small(String w) {
        return java.util.Arrays.asList(SMALL).indexOf(w);
    }

    private static final java.util.regex.Pattern TENS_BLANK_UNIT = java.util.regex.Pattern.compile(
            "(TWENTY|THIRTY|FORTY|FIFTY|SIXTY|SEVENTY|EIGHTY|NINETY) (ONE|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE)\\b");

    /** A year in words in the style of {@code original}: "two thousand [and] ..." when it was and can be, else by centuries. */
    private static String yearInWords(int year, String original) {
        String o = original.toUpperCase(Locale.ROOT);
        char joint = TENS_BLANK_UNIT.matcher(o).find() ? ' ' : '-'; // "eighty two" as written, else "eighty-two"
        int rest = year % 100;
        String words;
        if (o.startsWith("TWO") && year >= 2000 && year < 2100) {
            words = "TWO THOUSAND" + (rest == 0 ? "" : (o.contains(" AND ") ? " AND " : " ") + below100Words(rest, joint));
        } else {
            words = (year / 100 == 20 ? "TWENTY" : SMALL[year / 100]) + " " + (rest == 0 ? "HUNDRED" : rest < 10 ? "OH " + SMALL[rest]
                    : below100Words(rest, joint));
        }
        if (original.equals(original.toLowerCase(Locale.ROOT))) {
            return words.toLowerCase(Locale.ROOT);
        }
        if (original.equals(o)) {
            return words;
        }
        return words.charAt(0) + words.substring(1).toLowerCase(Locale.ROOT); // "Nineteen eighty-two"
    }

    private static String below100Words(int n, char joint) {
        return n < 20 ? SMALL[n] : n % 10 == 0 ? TENS[n / 10] : TENS[n / 10] + joint + SMALL[n % 10];
    }

    /** "1ro", "1ero": the Spanish ordinal of the first (letters from..to right after the day's digits). */
    private static boolean spanishFirst(String v, int dayAt, int from, int to) {
        String w = v.substring(from, to);
        return dayAt >= 0 && from - dayAt == 1 && v.charAt(dayAt) == '1'
                && (w.equalsIgnoreCase("ro") || w.equalsIgnoreCase("ero"));
    }

    private static final String[] ORDINAL_WORDS = {"FIRST", "SECOND", "THIRD", "FOURTH", "FIFTH", "SIXTH", "SEVENTH",
        "EIGHTH", "NINTH", "TENTH", "ELEVENTH", "TWELFTH", "THIRTEENTH", "FOURTEENTH", "FIFTEENTH", "SIXTEENTH",
        "SEVENTEENTH", "EIGHTEENTH", "NINETEENTH", "TWENTIETH"};

    /** 1-20 for "first"-"twentieth", 30 for "thirtieth", else -1. */
    private static int ordinalWord(String w) {
        String u = w.toUpperCase(Locale.ROOT);
        for (int k = 0; k < ORDINAL_WORDS.length; k++) {
            if (ORDINAL_WORDS[k].equals(u)) {
                return k + 1;
            }
        }
        return u.equals("THIRTIETH") ? 30 : -1;
    }

    /** The day in words, in the case of the words it replaces and joined as they were ("twenty-first", "thirty first"). */
    private static String dayInWords(int day, String original) {
        String words;
        if (day <= 20 || day == 30) {
            words = day == 30 ? "THIRTIETH" : ORDINAL_WORDS[day - 1];
        } else {
            char joint = original.indexOf(' ') >= 0 ? ' ' : '-';
            words = (day < 30 ? "TWENTY" : "THIRTY") + joint + ORDINAL_WORDS[day % 10 - 1];
        }
        if (original.equals(original.toUpperCase(Locale.ROOT))) {
            return words;
        }
        if (original.equals(original.toLowerCase(Locale.ROOT))) {
            return words.toLowerCase(Locale.ROOT);
        }
        return words.charAt(0) + words.substring(1).toLowerCase(Locale.ROOT);
    }

    /**
     * The middle of a month moved by {@code days}: a month written without its day moves as its dates do on average,
     * so months keep their order. Without a year, a month the shift brings round to itself (a shift of about a year)
     * moves one month further, as {@link #moved} does for a day.
     */
    private static LocalDate middleMoved(int year, int month, int days, boolean yearless) {
        LocalDate mid = LocalDate.of(year, month, 15);
        LocalDate m = mid.plusDays(days);
        if (yearless && Math.abs(days) > 31 && m.getMonthValue() == month) {
            m = m.plusMonths(days < 0 ? -1 : 1);
        }
        return m;
    }

    /**
     * "113044", "11301944", "19441130": a date of birth written without separators (mmddyy, mmddyyyy, yyyymmdd; an
     * eight-digit value that reads as a year first is read so), written back in its own layout.
     */
    private static String compactDigits(String v, int days, int referenceYear, LocalDate[] read) {
        if (v.length() != 6 && v.length() != 8) {
            return null;
        }
        boolean ymd = v.length() == 8 && date(Integer.parseInt(v, 0, 4, 10), Integer.parseInt(v, 4, 6, 10),
                Integer.parseInt(v, 6, 8, 10)) != null && (v.startsWith("19") || v.startsWith("20"));
        LocalDate d;
        if (ymd) {
            d = date(Integer.parseInt(v, 0, 4, 10), Integer.parseInt(v, 4, 6, 10), Integer.parseInt(v, 6, 8, 10));
        } else {
            int year = Integer.parseInt(v, 4, v.length(), 10);
            if (v.length() == 6) {
                year += 2000;
                if (year > referenceYear) {
                    year -= 100;
                }
            }
            d = date(year, Integer.parseInt(v, 0, 2, 10), Integer.parseInt(v, 2, 4, 10));
        }
        if (d == null) {
            return null;
        }
        if (read != null) {
            read[0] = d;
        }
        d = d.plusDays(days);
        String mm = String.format(Locale.ROOT, "%02d", d.getMonthValue());
        String dd = String.format(Locale.ROOT, "%02d", d.getDayOfMonth());
        return ymd ? String.format(Locale.ROOT, "%04d", d.getYear()) + mm + dd
                : mm + dd + (v.length() == 6 ? String.format(Locale.ROOT, "%02d", d.getYear() % 100)
                : String.format(Locale.ROOT, "%04d", d.getYear()));
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
