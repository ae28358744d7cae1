package io.phistream.detector.text.lexicon;

import java.text.Normalizer;

/**
 * The one folding rule shared by the lexicon builder and the detector, so that a key built from a
 * lexicon row and a key read from free text compare equal: upper case, Latin diacritics stripped,
 * apostrophes dropped (O'Brien -> OBRIEN, as the Census spells it). Letters and digits are word
 * characters; everything else separates words.
 */
public final class Fold {
    /** Folded form of U+0000..U+024F (0 = not a word character, '\'' = dropped apostrophe). */
    private static final char[] TABLE = new char[0x250];

    static {
        for (char c = 0; c < TABLE.length; c++) {
            char f = 0;
            if (c >= 'a' && c <= 'z') {
                f = (char) (c - 32);
            } else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                f = c;
            } else if (c >= 0xC0 && Character.isLetter(c)) {
                String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
                char b = Character.toUpperCase(base.charAt(0));
                if (b < 0x80 && Character.isLetter(b)) {
                    f = b;
                } else if (c == 'ß') {
                    f = 'S';
                } else if (c == 'Æ' || c == 'æ') {
                    f = 'E';
                } else if (c == 'Ø' || c == 'ø') {
                    f = 'O';
                } else {
                    f = Character.toUpperCase(c);
                }
            }
            TABLE[c] = f;
        }
        TABLE['\''] = '\'';
    }

    private Fold() {
    }

    /** Folded char, 0 when c is not a word character, '\'' for an apostrophe (callers skip it). */
    public static char fold(char c) {
        if (c < TABLE.length) {
            return TABLE[c];
        }
        if (c == '\u2019' || c == '\u02BC') {
            return '\'';
        }
        if (Character.isSurrogate(c)) {
            return 0;
        }
        return Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : 0;
    }

    public static boolean isWordChar(char c) {
        char f = fold(c);
        return f != 0 && f != '\'';
    }

    public static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019' || c == '\u02BC';
    }

    /** Folds one word (no separators expected); apostrophes are dropped, other separators too. */
    public static String word(CharSequence s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char f = fold(s.charAt(i));
            if (f != 0 && f != '\'') {
                b.append(f);
            }
        }
        return b.toString();
    }

    /**
     * Folds a phrase into space-separated folded words: "St. Mary's Hospital" -> "ST MARYS HOSPITAL",
     * "A & B" -> "A AND B". Apostrophes inside a word are dropped, every other non-word char splits.
     */
    public static String phrase(CharSequence s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char f = fold(c);
            if (c == '&') {
                if (b.length() > 0) {
                    b.append(' ');
                }
                b.append("AND");
                pendingSpace = true;
            } else if (f == '\'') {
                continue;
            } else if (f == 0) {
                pendingSpace = b.length() > 0;
            } else {
                if (pendingSpace) {
                    b.append(' ');
                    pendingSpace = false;
                }
                b.append(f);
            }
        }
        return b.toString();
    }
}
