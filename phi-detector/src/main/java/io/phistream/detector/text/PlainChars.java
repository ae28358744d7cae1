package io.phistream.detector.text;

/**
 * The text with look-alike characters read as the ASCII ones the rules know: no-break and other Unicode spaces as a
 * space, Unicode hyphens, dashes and the minus sign as '-', curly double quotes as '"', fullwidth forms as ASCII. Word
 * processors and web forms put them in notes ("617–555–0123" with en dashes, "Mary&nbsp;Smith"), and a rule reading
 * '-' or ' ' would not see them. Hand-written rather than {@link java.text.Normalizer} NFKC, which may change a text's
 * length: this maps each char to one char, so spans found in the view are spans of the text.
 */
final class PlainChars {
    private PlainChars() {
    }

    /**
     * The view, as a String for the views read after it; the text itself when it is a String and holds none of these
     * characters (most notes: one pass, no copy).
     */
    static String of(CharSequence text) {
        int n = text.length();
        int i = 0;
        while (i < n && plain(text.charAt(i)) == text.charAt(i)) {
            i++;
        }
        if (i == n) {
            return text.toString();
        }
        char[] view = new char[n];
        for (int j = 0; j < n; j++) {
            view[j] = plain(text.charAt(j));
        }
        return new String(view);
    }

    static char plain(char c) {
        if (c < 0xA0) {
            return c; // ASCII and C1 controls: the common case first
        }
        if (c == '\u00A0' || c >= '\u2000' && c <= '\u200A' || c == '\u202F' || c == '\u205F' || c == '\u3000') {
            return ' ';
        }
        if (c >= '\u2010' && c <= '\u2015' || c == '\u2212' || c == '\uFE58' || c == '\uFE63') {
            return '-';
        }
        if (c >= '\u201C' && c <= '\u201F') {
            return '"'; // curly double quotes around a nickname: "Sully"
        }
        if (c >= '\uFF01' && c <= '\uFF5E') {
            return (char) (c - 0xFF01 + '!'); // fullwidth ASCII
        }
        return c;
    }
}
