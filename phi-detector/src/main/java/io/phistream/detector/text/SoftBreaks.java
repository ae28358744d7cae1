package io.phistream.detector.text;

/**
 * Hard-wrapped text read as its writer wrote it: a line break that only wraps prose at the text's width becomes a
 * space. Notes exported at a fixed width, and reports sent one HL7 OBX or NTE line at a time, break lines in the middle
 * of phrases ("admitted from Mercy\nHospital", "daughter\nMary Smith"), where the rules read a line break as the end of
 * a field. The view has the text's length and offsets, so spans found in it are spans of the text.
 *
 * <p>A break is soft when the line before it is full: the next line's first word would not have fitted on it within
 * the width, the longest line's length. The text must show the pattern at least twice and in a quarter of its breaks,
 * so that one long paragraph of an otherwise unwrapped note is not taken for wrapping. A line that ends a label (":")
 * or a sentence, or a next line that opens a list item, keeps its break.
 */
final class SoftBreaks {
    /** Narrower than any width notes are wrapped at: a text whose longest line is shorter is not wrapped prose. */
    private static final int MIN_WIDTH = 40;
    /** Wider than any fixed width: a longer line is a paragraph written as one line. */
    private static final int MAX_WIDTH = 160;
    private static final int MIN_SOFT = 2;

    private SoftBreaks() {
    }

    /** The text with its soft breaks (and a carriage return before one) turned into spaces; the text itself if none. */
    static CharSequence unwrap(CharSequence text) {
        String t = text.toString(); // (String.indexOf finds the breaks many chars at a time)
        int n = t.length();
        int width = 0;
        int lines = 1;
        for (int start = 0; ; lines++) {
            int nl = t.indexOf('\n', start);
            width = Math.max(width, lineLength(t, start, nl < 0 ? n : nl));
            if (nl < 0) {
                break;
            }
            start = nl + 1;
        }
        if (lines <= MIN_SOFT || width < MIN_WIDTH || width > MAX_WIDTH) {
            return text;
        }
        char[] view = null;
        int count = 0;
        int between = 0; // breaks between two lines with text
        for (int start = 0, nl; (nl = t.indexOf('\n', start)) >= 0; start = nl + 1) {
            between += lineLength(t, start, nl) > 0 && nl + 1 < n && t.charAt(nl + 1) != '\n' ? 1 : 0;
            if (isSoft(t, start, nl, width)) {
                if (view == null) {
                    view = t.toCharArray();
                }
                view[nl] = ' ';
                if (nl > 0 && view[nl - 1] == '\r') {
                    view[nl - 1] = ' ';
                }
                count++;
            }
        }
        return count < MIN_SOFT || count * 4 < between ? text : new String(view);
    }

    /** Whether the break at {@code nl}, ending the line that starts at {@code start}, wraps a full line. */
    private static boolean isSoft(CharSequence text, int start, int nl, int width) {
        int len = lineLength(text, start, nl);
        char last = len == 0 ? 0 : text.charAt(start + len - 1);
        if (len == 0 || last == ':' || last == '.' && !abbreviation(text, start, start + len - 1)) {
            return false;
        }
        int next = nl + 1;
        int n = text.length();
        while (next < n && (text.charAt(next) == ' ' || text.charAt(next) == '\t')) {
            next++;
        }
        int wordEnd = next;
        while (wordEnd < n && !Character.isWhitespace(text.charAt(wordEnd))) {
            wordEnd++;
        }
        if (wordEnd == next || opensItem(text, next, wordEnd) || text.charAt(wordEnd - 1) == ':') {
            return false;
        }
        return len + 1 + (wordEnd - next) > width;
    }

    /** "Dr." or "St." before the full stop at {@code dot}: a title or a short abbreviation, not a sentence's end. */
    private static boolean abbreviation(CharSequence text, int start, int dot) {
        int i = dot;
        while (i > start && Character.isLetter(text.charAt(i - 1))) {
            i--;
        }
        return dot - i >= 1 && dot - i <= 3 && (i == start || text.charAt(i - 1) == ' ');
    }

    /** "- x", "* x", "• x", "#3", "1.", "2)": a list item, a line of its own however full the line before. */
    private static boolean opensItem(CharSequence text, int from, int to) {
        char c = text.charAt(from);
        if (c == '-' || c == '*' || c == '\u2022' || c == '#' || c == '>') {
            return true;
        }
        int i = from;
        while (i < to && Character.isDigit(text.charAt(i))) {
            i++;
        }
        return i > from && i + 1 == to && (text.charAt(i) == '.' || text.charAt(i) == ')');
    }

    /** Length of the line [start, end) without trailing spaces, tabs and a carriage return. */
    private static int lineLength(CharSequence text, int start, int end) {
        int e = end;
        while (e > start && (text.charAt(e - 1) == ' ' || text.charAt(e - 1) == '\t' || text.charAt(e - 1) == '\r')) {
            e--;
        }
        return e - start;
    }
}
