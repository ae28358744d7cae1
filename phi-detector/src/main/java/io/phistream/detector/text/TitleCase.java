package io.phistream.detector.text;

/**
 * A note in Title Case ("Patient Seen And Examined With Wife At Bedside", as some templates write) read in upper case.
 * Its capitals say nothing of names, and the rules read a capital inside a sentence as a sign of one; they read an
 * ALL-CAPS note without that sign. On the blind batches 202-233 set in Title Case, span precision was 0.815 and is
 * 0.875 (recall 0.993 -> 0.991). The view maps each char to one char: spans in it are spans of the text.
 */
final class TitleCase {
    /**
     * Words every Title Case style capitalises (pronouns, verbs, "patient") and no other writing does inside a
     * sentence, where names never stand for them. A note dense with names and places capitalises many words, but not these.
     */
    private static final String[] TELLING = {"is", "was", "are", "were", "be", "been", "has", "had", "have", "she",
        "he", "her", "his", "it", "they", "them", "we", "you", "this", "that", "not", "patient"};
    /** Fewer telling words capitalised inside sentences than this: too few to tell. */
    private static final int MIN_WORDS = 3;

    private TitleCase() {
    }

    /** Whether text[start, end) is a telling word, in any case; no allocation (every short word is asked). */
    private static boolean telling(String text, int start, int end) {
        for (String w : TELLING) {
            if (w.length() == end - start && text.regionMatches(true, start, w, 0, w.length())) {
                return true;
            }
        }
        return false;
    }

    /** The text in upper case when the telling words inside its sentences are mostly capitalised; else the text. */
    static CharSequence upper(CharSequence text) {
        String t = text.toString();
        int n = t.length();
        if (!mostlyCapitalised(t)) {
            return text;
        }
        int capital = 0;
        int lower = 0;
        // a word inside a sentence follows a space (String.indexOf finds those many chars at a time); cheap tests
        // first: most words start with no telling word's letter or are too long
        for (int space = t.indexOf(' '); space >= 0 && space + 1 < n; space = t.indexOf(' ', space + 1)) {
            int start = space + 1;
            char c = t.charAt(start);
            if (c >= 128 || !STARTS[c | 0x20]) {
                continue;
            }
            int end = start + 1;
            while (end < n && end - start <= 7 && letter(t.charAt(end))) {
                end++;
            }
            if (end - start > 7 || end < n && letter(t.charAt(end)) || opensSentence(t, space)
                    || end - start >= 2 && !Character.isLowerCase(t.charAt(start + 1)) || !telling(t, start, end)) {
                continue;
            }
            if (Character.isUpperCase(c)) {
                capital++;
            } else {
                lower++;
            }
        }
        if (capital < MIN_WORDS || capital <= lower) {
            return text;
        }
        char[] view = new char[n];
        for (int j = 0; j < n; j++) {
            view[j] = Character.toUpperCase(t.charAt(j));
        }
        return new String(view);
    }

    /**
     * Whether more words after a space are capitalised ("Xx") than start in lower case: Title Case in any style; a
     * note in sentences has far more lower-case words, an ALL-CAPS one none of either. One quick pass over the chars.
     */
    private static boolean mostlyCapitalised(String t) {
        int capital = 0;
        int lower = 0;
        for (int i = 1; i + 1 < t.length(); i++) {
            if (t.charAt(i - 1) == ' ') {
                char c = t.charAt(i);
                if (c >= 'A' && c <= 'Z') {
                    char d = t.charAt(i + 1);
                    capital += d >= 'a' && d <= 'z' ? 1 : 0;
                } else if (c >= 'a' && c <= 'z') {
                    lower++;
                }
            }
        }
        return capital > lower;
    }

    /** Whether the blanks ending at {@code space} follow a sentence's end, a colon or a line break, or start the text. */
    private static boolean opensSentence(String t, int space) {
        int q = space;
        while (q > 0 && (t.charAt(q - 1) == ' ' || t.charAt(q - 1) == '\t')) {
            q--;
        }
        if (q == 0) {
            return true;
        }
        char p = t.charAt(q - 1);
        return p == '.' || p == '!' || p == '?' || p == ':' || p == '\n' || p == '\r';
    }

    private static boolean letter(char c) {
        return c < 128 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : Character.isLetter(c);
    }

    /** The first letters of the telling words, by ASCII code. */
    private static final boolean[] STARTS = new boolean[128];

    static {
        for (String w : TELLING) {
            STARTS[w.charAt(0)] = true;
        }
    }
}
