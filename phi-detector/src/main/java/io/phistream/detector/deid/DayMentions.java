package io.phistream.detector.deid;

import java.util.HashMap;
import java.util.Map;

/**
 * The whole days (YYYYMMDD) a text names, with how often: what the residual guards compare with the original days of
 * the dates the de-identifier moved. A moved date's original written unmoved in a kept field ("Admitted 3/10/2025" in
 * a code's text) gives the real date, and beside the moved copy the patient's offset.
 *
 * <p>Read: six to eight digits alone ("20250310", "03102025") or three groups of digits shaped as a date, with one to
 * three of the characters people write between them ("03/10/2025", "3/10/2025", "10.3.2025", "2025-03-10", "2025 - 03 -
 * 10"), in every order they can stand for (year first, month first, day first), also where a space parts them from
 * other digits (a time after them: "03/10/2025 08:15"); the day of a timestamp of 10, 12 or 14 digits
 * ("20250310081500-0500", "202503100815"); and a month's name with a day and a year ("March 10, 2025", "10 Mar
 * 2025", "10-MAR-2025", "Sept. 10th 2025"). A day without its year ("3/10") is not
 * read: alone it is too common to find again. Nor are other runs of digits and punctuation (a decimal "3.2102019", a
 * phone, an SSN), whose digits would name a day by chance. A form that can be several days is counted for each, so the
 * same text read for the dates written moved gives the same counts.
 *
 * <p>Hand-written rather than the free-text detector's date rules: this must read the whole output of a message (a
 * Bundle of megabytes) in one pass without allocating per word, and it reads only the forms above.
 */
public final class DayMentions {

    private static final String[] MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december"};

    private static final String MONTH_INITIALS = "jfmasond";

    private DayMentions() {
    }

    /**
     * Told each day a text names, as the number yyyymmdd (no text is made for it: a Bundle names thousands of days, all
     * but a few of no interest), with where the form that names it stands.
     */
    @FunctionalInterface
    public interface Sink {
        void day(int yyyymmdd, int start, int end);
    }

    /** Every day the text names (YYYYMMDD), with how many times. */
    public static Map<String, Integer> of(CharSequence text) {
        Map<String, Integer> days = new HashMap<>();
        add(text, 1, days);
        return days;
    }

    /** Adds {@code times} times each day {@code text} names (YYYYMMDD) to {@code days}. */
    public static void add(CharSequence text, int times, Map<String, Integer> days) {
        forEach(text, (day, start, end) -> days.merge(key(day), times, Integer::sum));
    }

    /** Whether a mention at [start, end) counts (the FHIR guard skips its own tokens). */
    @FunctionalInterface
    public interface Counted {
        boolean test(int start, int end);
    }

    /**
     * The first of {@code days} (YYYYMMDD) the text names, in mentions {@code counted} accepts, more often than the
     * de-identifier wrote it moved ({@link #moved}); or null. What both residual guards ask of an output.
     */
    public static String firstUnmoved(String text, java.util.Collection<String> days, Counted counted,
                                      Map<String, Integer> writtenDates, java.util.List<String> textDates) {
        return firstUnmoved(named(text, days, counted, null), writtenDates, textDates);
    }

    /**
     * How many times the text names each of {@code days} (YYYYMMDD), in mentions {@code counted} accepts, in the order
     * first named; and, when {@code digitRuns} is not null, the text's digit runs written to it as
     * {@link ResidualMatch#digitRuns} writes them, from the same reading (the FHIR guard needs both of a Bundle).
     */
    public static Map<String, Integer> named(CharSequence text, java.util.Collection<String> days, Counted counted,
                                             StringBuilder digitRuns) {
        // (a sorted array, no boxing: a Bundle names thousands of days, its moved ones among them)
        int[] wanted = days.stream().mapToInt(DayMentions::number).sorted().toArray();
        Map<String, Integer> named = new java.util.LinkedHashMap<>();
        forEach(text, (day, start, end) -> {
            if (java.util.Arrays.binarySearch(wanted, day) >= 0 && counted.test(start, end)) {
                named.merge(key(day), 1, Integer::sum);
            }
        }, digitRuns);
        return named;
    }

    /**
     * The first day of {@code named} (of {@link #named}) named more often than the de-identifier wrote it moved
     * ({@link #moved}); or null.
     */
    public static String firstUnmoved(Map<String, Integer> named, Map<String, Integer> writtenDates,
                                      java.util.List<String> textDates) {
        if (named.isEmpty()) {
            return null;
        }
        Map<String, Integer> moved = moved(writtenDates, textDates);
        for (Map.Entry<String, Integer> day : named.entrySet()) {
            if (day.getValue() > moved.getOrDefault(day.getKey(), 0)) {
                return day.getKey();
            }
        }
        return null;
    }

    /**
     * The days the de-identifier wrote moved, with how many times: each written date (with how often it was written)
     * and each free-text date moved as a surrogate, read as a text is. A guard counts an original day as a residual
     * only where the output names it more often than this.
     */
    static Map<String, Integer> moved(Map<String, Integer> writtenDates, java.util.List<String> textDates) {
        Map<String, Integer> moved = new HashMap<>();
        writtenDates.forEach((written, times) -> add(written, times, moved));
        textDates.forEach(written -> add(written, 1, moved));
        return moved;
    }

    /** A day number as its eight digits, YYYYMMDD. */
    public static String key(int yyyymmdd) {
        String s = Integer.toString(yyyymmdd);
        return s.length() >= 8 ? s : "0".repeat(8 - s.length()) + s;
    }

    /** An eight-digit day (YYYYMMDD...) as its number, or -1. */
    public static int number(String yyyymmdd) {
        if (yyyymmdd.length() < 8) {
            return -1;
        }
        try {
            return Integer.parseInt(yyyymmdd, 0, 8, 10);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Tells {@code sink} each day the text names, in order. */
    public static void forEach(CharSequence text, Sink sink) {
        forEach(text, sink, null);
    }

    /**
     * As {@link #forEach(CharSequence, Sink)}, and writes the text's digit runs to {@code digitRuns} (when not null)
     * as {@link ResidualMatch#digitRuns} makes them: each date form is read from the digits and the punctuation between
     * them that make one such run, so one reading gives both.
     */
    static void forEach(CharSequence text, Sink sink, StringBuilder digitRuns) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                i = digits(text, i, sink, digitRuns);
            } else if (letter(c)) {
                int end = i + 1;
                while (end < n && letter(text.charAt(end))) {
                    end++;
                }
                if (spaceOrDashAfter(text, end)) { // (rarely: JSON's words end at a quote)
                    int month = month(text, i, end);
                    if (month > 0) {
                        monthForms(text, i, end, month, sink);
                    }
                }
                i = end;
            } else {
                i++;
            }
        }
        if (digitRuns != null) {
            digitRuns.append(' ');
        }
    }

    /**
     * Whether a blank or a dash follows the word ending at {@code end}, after a period if one stands there: every form
     * {@link #monthForms} reads has one ("March 10", "Mar. 10", "10-MAR-2025"), so a word without it names no day.
     */
    static boolean spaceOrDashAfter(CharSequence text, int end) {
        int after = end < text.length() && text.charAt(end) == '.' ? end + 1 : end;
        return after < text.length() && (text.charAt(after) == ' ' || text.charAt(after) == '-');
    }

    /** {@link Character#isLetter(char)}, ASCII first: every character of a Bundle is asked. */
    private static boolean letter(char c) {
        return c < 128 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : Character.isLetter(c);
    }

    /** Groups of one run of digits and punctuation read for dates; a longer run's further groups are not. */
    private static final int MAX_GROUPS = 16;

    /**
     * Reads the digits and punctuation at {@code start} as date forms, if they hold any; returns their end. A run is
     * read whole, and where plain spaces part it, each part on its own: a date and a time ("03/10/2025 08:15",
     * "2025-03-10 08:15"), a count and a date ("12 03/10/2025").
     */
    private static int digits(CharSequence text, int start, Sink sink, StringBuilder runs) {
        int i = ResidualMatch.digitGroupEnd(text, start);
        if (runs != null) {
            runs.append(' ').append(text, start, i);
        }
        // digits glued to a word ("A20250310") are an identifier's
        boolean glued = start > 0 && Character.isLetter(text.charAt(start - 1));
        int next = ResidualMatch.nextDigitGroup(text, i);
        if (next < 0) { // one group, as most runs are: no arrays (a Bundle has thousands of digit runs)
            if (!glued) {
                oneGroup(text, start, i - start, i, sink);
            }
            return i;
        }
        int[] groupStart = new int[MAX_GROUPS];
        int[] groupLength = new int[MAX_GROUPS];
        boolean[] spacedFromLast = new boolean[MAX_GROUPS]; // only spaces between this group and the one before
        groupLength[0] = i - start;
        groupStart[0] = start;
        int groups = 1;
        while (next >= 0) {
            boolean spaced = onlySpaces(text, i, next);
            int g = next;
            i = ResidualMatch.digitGroupEnd(text, g);
            if (runs != null) {
                runs.append(text, g, i);
            }
            if (groups < MAX_GROUPS) { // (a longer run is read for its first groups' dates only)
                spacedFromLast[groups] = spaced;
                groupStart[groups] = g;
                groupLength[groups] = i - g;
                groups++;
            }
            next = ResidualMatch.nextDigitGroup(text, i);
        }
        if (glued) {
            return i;
        }
        boolean parted = false;
        for (int g = 1; g < groups && !parted; g++) {
            parted = spacedFromLast[g];
        }
        if (!parted) {
            part(text, groupStart, groupLength, 0, groups, sink);
            return i;
        }
        if (groups == 3) {
            threeGroups(text, groupStart, groupLength, 0, sink); // "3 10 2025"
        }
        int from = 0;
        for (int g = 1; g <= groups; g++) {
            if (g == groups || spacedFromLast[g]) {
                part(text, groupStart, groupLength, from, g, sink);
                from = g;
            }
        }
        return i;
    }

    private static boolean onlySpaces(CharSequence text, int from, int to) {
        for (int k = from; k < to; k++) {
            if (text.charAt(k) != ' ') {
                return false;
            }
        }
        return true;
    }

    /** Reads groups [from, to) of a run as one date form, if they are one. */
    private static void part(CharSequence text, int[] groupStart, int[] groupLength, int from, int to, Sink sink) {
        int first = groupLength[from];
        if (first == 10 || first == 12 || first == 14) {
            // a timestamp, with its zone or fraction ("20250310081500-0500", "20250310081500.1234+0100")
            timestamp(text, groupStart[from], first, groupStart[to - 1] + groupLength[to - 1], sink);
        } else if (to - from == 1) {
            oneGroup(text, groupStart[from], first, groupStart[from] + first, sink);
        } else if (to - from == 3) {
            threeGroups(text, groupStart, groupLength, from, sink);
        }
    }

    /** One group of digits: six to eight digits alone, or a timestamp of 10, 12 or 14 (end: where its form ends). */
    private static void oneGroup(CharSequence text, int start, int length, int end, Sink sink) {
        if (length == 10 || length == 12 || length == 14) {
            timestamp(text, start, length, end, sink);
        } else if (length >= 6 && length <= 8) {
            CharSequence r = text.subSequence(start, start + length);
            switch (length) {
                case 8 -> {
                    day(r, 0, 4, 4, 2, 6, 2, start, end, sink); // YYYYMMDD
                    day(r, 4, 4, 0, 2, 2, 2, start, end, sink); // MMDDYYYY
                    day(r, 4, 4, 2, 2, 0, 2, start, end, sink); // DDMMYYYY
                }
                case 7 -> {
                    day(r, 3, 4, 0, 1, 1, 2, start, end, sink); // MDDYYYY
                    day(r, 3, 4, 0, 2, 2, 1, start, end, sink); // MMDYYYY
                    day(r, 3, 4, 1, 2, 0, 1, start, end, sink); // DMMYYYY
                    day(r, 3, 4, 2, 1, 0, 2, start, end, sink); // DDMYYYY
                }
                default -> {
                    day(r, 2, 4, 0, 1, 1, 1, start, end, sink); // MDYYYY
                    day(r, 2, 4, 1, 1, 0, 1, start, end, sink); // DMYYYY
                }
            }
        }
    }

    /** Three groups from {@code from} shaped as a date: 2025-03-10, 03/10/2025, 10.03.2025. */
    private static void threeGroups(CharSequence text, int[] groupStart, int[] groupLength, int from, Sink sink) {
        int a = groupLength[from];
        int b = groupLength[from + 1];
        int c = groupLength[from + 2];
        int start = groupStart[from];
        int end = groupStart[from + 2] + c;
        if (a == 4 && b <= 2 && c <= 2) {
            emit(value(text, start, 4), value(text, groupStart[from + 1], b), value(text, groupStart[from + 2], c),
                    start, end, sink); // 2025-03-10
        } else if (a <= 2 && b <= 2 && c == 4) {
            int year = value(text, groupStart[from + 2], 4);
            int firstPart = value(text, start, a);
            int second = value(text, groupStart[from + 1], b);
            emit(year, firstPart, second, start, end, sink); // 03/10/2025
            emit(year, second, firstPart, start, end, sink); // 10.03.2025
        }
    }

    /**
     * YYYYMMDDHH[MM[SS]] at {@code start} ({@code length} digits): its day, when the hour, minutes and seconds are a
     * time. HL7 writes every time so ("20250310081500-0500"), and a day no longer stands alone in it.
     */
    private static void timestamp(CharSequence text, int start, int length, int end, Sink sink) {
        int hour = value(text, start + 8, 2);
        int minute = length >= 12 ? value(text, start + 10, 2) : 0;
        int second = length == 14 ? value(text, start + 12, 2) : 0;
        if (hour <= 23 && minute <= 59 && second <= 60) {
            emit(value(text, start, 4), value(text, start + 4, 2), value(text, start + 6, 2), start, end, sink);
        }
    }

    private static int value(CharSequence text, int start, int length) {
        return Integer.parseInt(text, start, start + length, 10);
    }

    /** The day read from r's year, month and day digits, when it is one (a one-digit part is 1-9). */
    private static void day(CharSequence r, int y, int yn, int m, int mn, int d, int dn, int start, int end, Sink sink) {
        emit(Integer.parseInt(r, y, y + yn, 10), Integer.parseInt(r, m, m + mn, 10), Integer.parseInt(r, d, d + dn, 10),
                start, end, sink);
    }

    private static void emit(int year, int month, int day, int start, int end, Sink sink) {
        if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
            sink.day(year * 10_000 + month * 100 + day, start, end);
        }
    }

    /** The month a word names (its full name, three letters, or "sept"), 1-12, or 0. */
    private static int month(CharSequence text, int from, int to) {
        int len = to - from;
        if (len < 3 || len > 9 || MONTH_INITIALS.indexOf(Character.toLowerCase(text.charAt(from))) < 0) {
            return 0; // (most words: every JSON key is one)
        }
        for (int m = 0; m < 12; m++) {
            String name = MONTHS[m];
            if ((len == 3 || len == name.length() || m == 8 && len == 4) && regionMatches(text, from, name, len)) {
                return m + 1;
            }
        }
        return 0;
    }

    private static boolean regionMatches(CharSequence text, int from, String lower, int len) {
        for (int k = 0; k < len; k++) {
            if (Character.toLowerCase(text.charAt(from + k)) != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** "March 10, 2025", "Mar. 10th 2025" after the name; "10 March 2025", "10-MAR-2025" around it. */
    private static void monthForms(CharSequence text, int from, int to, int month, Sink sink) {
        int n = text.length();
        int after = to < n && text.charAt(to) == '.' ? to + 1 : to;
        // the day after the name, then the year
        int i = spaces(text, after);
        if (i > after) {
            int dayEnd = digitsUpTo(text, i, 2);
            if (dayEnd > i) {
                int j = ordinal(text, dayEnd);
                j = j < n && text.charAt(j) == ',' ? j + 1 : j;
                int y = spaces(text, j);
                int yearEnd = digitsUpTo(text, y, 4);
                if (y > j && yearEnd - y == 4) {
                    emit(value(text, y, 4), month, Integer.parseInt(text, i, dayEnd, 10), from, yearEnd, sink);
                }
            }
        }
        // the day before the name, the year after it, each one space or dash away
        if (from >= 2 && (text.charAt(from - 1) == ' ' || text.charAt(from - 1) == '-')
                && after < n && (text.charAt(after) == ' ' || text.charAt(after) == '-')) {
            int dayEnd = from - 1;
            int dayStart = dayEnd;
            while (dayStart > 0 && dayEnd - dayStart < 2 && Character.isDigit(text.charAt(dayStart - 1))) {
                dayStart--;
            }
            boolean dayAlone = dayStart < dayEnd && (dayStart == 0 || !Character.isLetterOrDigit(text.charAt(dayStart - 1)));
            int yearEnd = digitsUpTo(text, after + 1, 4);
            if (dayAlone && yearEnd - (after + 1) == 4) {
                emit(value(text, after + 1, 4), month, Integer.parseInt(text, dayStart, dayEnd, 10), dayStart, yearEnd,
                        sink);
            }
        }
    }

    private static int spaces(CharSequence text, int i) {
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** The end of up to {@code max} digits at i, when no further digit follows; i otherwise. */
    private static int digitsUpTo(CharSequence text, int i, int max) {
        int j = i;
        while (j < text.length() && j - i < max && Character.isDigit(text.charAt(j))) {
            j++;
        }
        return j < text.length() && Character.isDigit(text.charAt(j)) ? i : j;
    }

    /** Past "st", "nd", "rd" or "th" after a day, if there. */
    private static int ordinal(CharSequence text, int i) {
        if (i + 2 <= text.length()) {
            String two = text.subSequence(i, i + 2).toString().toLowerCase(java.util.Locale.ROOT);
            if ((two.equals("st") || two.equals("nd") || two.equals("rd") || two.equals("th"))
                    && (i + 2 == text.length() || !Character.isLetter(text.charAt(i + 2)))) {
                return i + 2;
            }
        }
        return i;
    }
}
