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
        // a Chinese, Japanese or Korean name is often two characters ("小明"), and each is a syllable, not a letter
        return type == PhiType.NAME ? letters >= 3 || letters >= 2 && cjk(value.charAt(0)) : value.length() >= 4;
    }

    /**
     * What to search for of a known value, each folded by {@link #foldAccents}: the value, and for a name of several
     * words ("Fernandez Ortega", "López de Hernández", "Fernandez-Ortega") each word of three letters or more but the
     * particles, since a system can write one of a compound surname alone ("ORTEGA" as a sending application).
     */
    public static java.util.List<String> forms(String value, PhiType type) {
        String whole = foldAccents(value);
        // (cheap test first: most values are one word, searched as they are)
        if (type != PhiType.NAME || whole.indexOf(' ') < 0 && whole.indexOf('-') < 0 && whole.indexOf('\t') < 0
                && whole.indexOf('\'') < 0) {
            return java.util.List.of(whole);
        }
        java.util.List<String> forms = new java.util.ArrayList<>(3);
        forms.add(whole);
        if (whole.indexOf('\'') > 0) {
            forms.add(whole.replace("'", "")); // "O'DONNELL" written "ODONNELL"
        }
        for (String part : WORD_BREAKS.split(whole)) {
            if (!part.equals(whole) && significant(part, type) && !io.phistream.detector.NameParticles.is(part)) {
                forms.add(part);
            }
        }
        return forms;
    }

    /**
     * A name form's plurals, a family's ("Quillfeathers", "the Joneses"; "QUILLFEATHERS'" is their possessive): +s, and
     * +es after a sibilant; none for a form not ending in a letter. A walkthrough found them passing the guards.
     */
    public static java.util.List<String> plurals(String form) {
        int n = form.length();
        if (n < 3 || !Character.isLetter(form.charAt(n - 1))) {
            return java.util.List.of();
        }
        return sibilant(form) ? java.util.List.of(form + "s", form + "es") : java.util.List.of(form + "s");
    }

    /** Ends in s, x, z, ch or sh, either case (no lower-cased copy: the HL7 guard asks per occurrence). */
    private static boolean sibilant(String form) {
        int n = form.length();
        char last = n == 0 ? 0 : Character.toLowerCase(form.charAt(n - 1));
        return last == 's' || last == 'x' || last == 'z'
                || last == 'h' && n >= 2 && "cs".indexOf(Character.toLowerCase(form.charAt(n - 2))) >= 0;
    }

    /**
     * As {@link #wholeWord}, or the occurrence ends a word in one of the needle's {@link #plurals}: the HL7 guard's
     * one search for a name and its plurals, where searching each plural alone cost a scan of the output apiece.
     */
    public static boolean wholeWordOrPlural(String text, int start, String needle) {
        if (wholeWord(text, start, needle)) {
            return true;
        }
        int n = needle.length();
        int end = start + n;
        if (n < 3 || !Character.isLetter(needle.charAt(n - 1)) || end >= text.length()
                || start > 0 && Character.isLetterOrDigit(text.charAt(start - 1)) || cjk(needle.charAt(n - 1))) {
            return false;
        }
        if (Character.toLowerCase(text.charAt(end)) != 's') {
            return sibilant(needle) && end + 2 <= text.length() && text.regionMatches(true, end, "es", 0, 2)
                    && wordEnds(text, end + 2);
        }
        return wordEnds(text, end + 1)
                || sibilant(needle) && end + 2 <= text.length() && text.regionMatches(true, end, "es", 0, 2)
                && wordEnds(text, end + 2);
    }

    private static boolean wordEnds(String text, int at) {
        return at == text.length() || !Character.isLetterOrDigit(text.charAt(at));
    }

    /**
     * A street line's other spelling of its suffix ("4417 Marrowbone Lane" as "4417 Marrowbone Ln", "12 Elm St." as
     * "12 Elm Street"), or null: only for a line that starts with a house number and ends with a suffix of
     * {@link #STREET_SUFFIXES}, so the other spelling keeps the number and stays as particular as the value.
     */
    public static String streetForm(PhiType type, String value) {
        if (type != PhiType.GEO) {
            return null;
        }
        String s = value.strip();
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        int space = s.lastIndexOf(' ');
        if (space < 1 || s.charAt(0) < '0' || s.charAt(0) > '9' || s.indexOf(' ') == space) {
            return null; // a number, a street name and a suffix at least
        }
        String last = s.substring(space + 1).toLowerCase(java.util.Locale.ROOT);
        for (String[] suffix : STREET_SUFFIXES) {
            if (last.equals(suffix[0]) || last.equals(suffix[1])) {
                String other = last.equals(suffix[0]) ? suffix[1] : suffix[0];
                return s.substring(0, space + 1) + other;
            }
        }
        return null;
    }

    /** Common US street suffixes, the word and its USPS abbreviation. */
    private static final String[][] STREET_SUFFIXES = {
        {"street", "st"}, {"avenue", "ave"}, {"road", "rd"}, {"lane", "ln"}, {"drive", "dr"}, {"boulevard", "blvd"},
        {"court", "ct"}, {"place", "pl"}, {"terrace", "ter"}, {"circle", "cir"}, {"parkway", "pkwy"},
        {"highway", "hwy"}, {"square", "sq"}, {"trail", "trl"}};

    /**
     * The five-digit ZIP of a place value that is a US postal code ("01945", "01945-1234", "01945 1234", "019451234"),
     * or null. A postal code is PHI in full (Safe Harbor B) though shorter than other guarded numbers: the structure
     * keeps its ZIP3, so the five digits must not stand anywhere else.
     */
    public static String zip5(PhiType type, String value) {
        if (type != PhiType.GEO) {
            return null;
        }
        String s = value.strip();
        int n = s.length();
        boolean shape = n == 5 && digits(s, 0, 5)
                || n == 9 && digits(s, 0, 9)
                || n == 10 && digits(s, 0, 5) && (s.charAt(5) == '-' || s.charAt(5) == ' ') && digits(s, 6, 10);
        return shape ? s.substring(0, 5) : null;
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static final java.util.regex.Pattern WORD_BREAKS = java.util.regex.Pattern.compile("[\\s\\-]+");

    /**
     * The digits of a value worth finding again however it is punctuated ("123-45-6789" as "123456789", an MRN
     * "4821377" as "482-1377"), or null: six digits or more for an identifier, seven for the rest ({@link #minDigits}),
     * of a type made of digits. A birth date's digits are its
     * value (YYYYMMDD), whose written forms {@link DayMentions} reads.
     */
    public static String digitsOf(String value, PhiType type) {
        switch (type) {
            case SSN, PHONE, FAX, MRN, ACCOUNT, HEALTH_PLAN, LICENSE, DEVICE, VEHICLE, OTHER_ID, DATE -> {
                StringBuilder b = new StringBuilder(value.length());
                for (int i = 0; i < value.length(); i++) {
                    char c = value.charAt(i);
                    if (c >= '0' && c <= '9') {
                        b.append(c);
                    } else if (Character.isLetter(c)) {
                        return null; // letters are searched as written
                    }
                }
                return b.length() >= minDigits(type) ? b.toString() : null;
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * How many digits make a value worth finding again as a whole run: six for a record, account or plan number or
     * another identifier (hospitals' MRNs are often six digits; a walkthrough listed them as unsearched), seven for the
     * rest (a phone's line, a date's digits are read as days).
     */
    private static int minDigits(PhiType type) {
        return switch (type) {
            case MRN, ACCOUNT, HEALTH_PLAN, OTHER_ID, LICENSE -> 6;
            default -> 7;
        };
    }

    /**
     * The text's digit groups joined across the punctuation people write inside numbers ("(508) 555-0142" ->
     * "5085550142", "03/12/1958" -> "03121958"), each run standing alone between spaces: where {@link #digitsOf}
     * forms are searched.
     */
    public static String digitRuns(String text) {
        StringBuilder out = new StringBuilder(text.length() / 2 + 1);
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                i++;
                continue;
            }
            out.append(' ');
            int end = digitGroupEnd(text, i);
            out.append(text, i, end);
            for (int next = nextDigitGroup(text, end); next >= 0; next = nextDigitGroup(text, end)) {
                end = digitGroupEnd(text, next);
                out.append(text, next, end);
            }
            i = end;
        }
        return out.append(' ').toString();
    }

    /** The end of the digits from {@code i}. */
    static int digitGroupEnd(CharSequence text, int i) {
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    /**
     * Where the next group of digits of the same number starts after a group ending at {@code i}, or -1: one to three
     * separators between digits keep a number going ("123 - 45 - 6789"). One rule for {@link #digitRuns} and
     * {@link DayMentions}, which reads its date forms from the same runs.
     */
    static int nextDigitGroup(CharSequence text, int i) {
        int n = text.length();
        int j = i;
        while (j < n && j - i < 3 && NUMBER_PUNCTUATION.indexOf(text.charAt(j)) >= 0) {
            j++;
        }
        return j > i && j < n && text.charAt(j) >= '0' && text.charAt(j) <= '9' ? j : -1;
    }

    /**
     * Whether {@code digits} (of {@link #digitsOf}) stand as a whole run of {@code runs} (of {@link #digitRuns}), zeros
     * before them allowed ("0004821377"); a phone's or fax's also at the end of a longer run (after its country or area
     * code), and a ten-digit one's last seven alone ("call 555-0142" for "(508)555-0142").
     */
    public static boolean digitHit(String runs, String digits, PhiType type) {
        boolean phone = type == PhiType.PHONE || type == PhiType.FAX;
        return run(runs, digits, phone) || phone && digits.length() == 10 && run(runs, digits.substring(3), false);
    }

    /** With {@code tail} also at the end of a longer run. */
    private static boolean run(String runs, String digits, boolean tail) {
        for (int i = runs.indexOf(digits); i >= 0; i = runs.indexOf(digits, i + 1)) {
            if (runs.charAt(i + digits.length()) != ' ') {
                continue;
            }
            int j = i - 1;
            while (runs.charAt(j) == '0') {
                j--;
            }
            if (runs.charAt(j) == ' ' || tail) {
                return true;
            }
        }
        return false;
    }

    /**
     * What people write between a number's groups: dashes, dots, spaces, brackets, slashes, underscores, plus signs,
     * middle dots, asterisks and ampersands (a walkthrough released "978*555*0134" and "978\T\555\T\0134", HL7's
     * escape of "&"). Commas, colons and semicolons stay out: they part numbers in lists and times.
     */
    static final String NUMBER_PUNCTUATION = "-. ()/\u2010\u2011\u2012\u2013\u2014\u2212*&_+\u00b7\u2022";

    /**
     * The text with the accents of its letters taken off ("Hernández" -> "Hernandez"), so that a value and an output that
     * spell one name with and without them match; the text itself when it is ASCII (the common case, no copy).
     */
    public static String foldAccents(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128) {
                // compatibility forms too: fullwidth "ＱＵＩＬＬ" is "QUILL"; and "ß" is "ss", as "STRASSE" spells
                // "Straße"; a typographic apostrophe is the plain one (a walkthrough: each had passed the guard)
                String d = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKD);
                return foldStroked(COMBINING.matcher(d).replaceAll("")).replace('\u2019', '\'').replace('\u02bc', '\'');
            }
        }
        return text;
    }

    /** A Han ideograph, kana or Hangul syllable. */
    public static boolean cjk(char c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    /** Letters no decomposition takes apart, as their plain spelling: "Østergaard" is "OSTERGAARD", "Wałęsa" "WALESA". */
    private static String foldStroked(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case '\u00f8' -> "o";
                case '\u00d8' -> "O";
                case '\u0142' -> "l";
                case '\u0141' -> "L";
                case '\u00e6' -> "ae";
                case '\u00c6' -> "AE";
                case '\u0153' -> "oe";
                case '\u0152' -> "OE";
                case '\u0131' -> "i";
                case '\u0111', '\u00f0' -> "d";
                case '\u0110', '\u00d0' -> "D";
                case '\u00fe' -> "th";
                case '\u00de' -> "TH";
                case '\u00df' -> "ss";
                default -> null;
            };
            if (r != null && b == null) {
                b = new StringBuilder(s.length() + 4).append(s, 0, i);
            }
            if (b != null) {
                if (r != null) {
                    b.append(r);
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? s : b.toString();
    }

    private static final java.util.regex.Pattern COMBINING = java.util.regex.Pattern.compile("\\p{M}+");

    /**
     * Whether the occurrence of {@code needle} at {@code start} of {@code text} is a whole word: not preceded or
     * followed by a letter or digit where the needle itself starts or ends with one. The caller has matched it.
     */
    public static boolean wholeWord(String text, int start, String needle) {
        int end = start + needle.length();
        // (scripts written without spaces between words have no word ends to find: "王小明先生" holds "小明")
        boolean startOk = start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1))
                || !Character.isLetterOrDigit(needle.charAt(0)) || cjk(needle.charAt(0));
        boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end))
                || !Character.isLetterOrDigit(needle.charAt(needle.length() - 1)) || cjk(needle.charAt(needle.length() - 1));
        return startOk && endOk;
    }
}
