package io.phistream.detector.text;

import io.phistream.detector.text.lexicon.Fold;

/**
 * The words, numbers and punctuation of one text, as parallel arrays (one pass, no regex: a
 * hand-written scanner is linear in the input whatever it contains, and allocation-light).
 * Words keep internal apostrophes (O'Brien); every other non-word char is its own punctuation
 * token; whitespace, control chars and lone surrogates only separate.
 */
final class Tokens {
    static final byte WORD = 1;
    static final byte NUM = 2;
    static final byte ALNUM = 3;
    static final byte PUNCT = 4;

    final CharSequence text;
    int n;
    int[] start;
    int[] end;
    byte[] kind;
    int[] lex;
    boolean[] nlBefore;
    /** Case of each token, read once while scanning ({@link #CAP}, {@link #HAS_LOWER}, {@link #LOWER_FIRST}). */
    byte[] shape;
    private static final byte CAP = 1;
    private static final byte HAS_LOWER = 2;
    private static final byte LOWER_FIRST = 4;
    /**
     * Each token's hash as {@link TokenTable} computes it, taken while folding: the {@code String.hashCode} of its folded
     * key ({@link Scan#key}), so that a word list rejects a token without reading its key; 0 for punctuation.
     */
    int[] hash;
    /** Each punctuation token's character, 0 for the other tokens: {@link #isPunct} reads one array. */
    private char[] punct;
    /** Each token's length: {@link #len}, which nearly every pass over the tokens asks first, reads one array. */
    private int[] lens;
    /** Whether letters are mostly upper case: then case says nothing about names. */
    final boolean upperDoc;
    /**
     * Each word, number and alphanumeric token's chars folded ({@link Fold#fold}), at their places in the text (0 or an
     * apostrophe elsewhere): its key is these chars less apostrophes, so {@link Scan#key} need not fold the text again.
     */
    final char[] folded;

    Tokens(CharSequence text, Lexicon lexicon, Budget budget) {
        this.text = text;
        int len = text.length();
        int cap = Math.max(16, len / 4);
        start = new int[cap];
        end = new int[cap];
        kind = new byte[cap];
        lex = new int[cap];
        nlBefore = new boolean[cap];
        shape = new byte[cap];
        hash = new int[cap];
        punct = new char[cap];
        lens = new int[cap];
        char[] folded = new char[len];
        this.folded = folded;
        int upper = 0;
        int lower = 0;
        boolean nl = true;
        int i = 0;
        while (i < len) {
            char c = text.charAt(i);
            char f = Fold.fold(c);
            if (f != 0 && f != '\'') {
                int s = i;
                boolean letters = false;
                boolean digits = false;
                boolean upperFirst = false;
                int sh = 0;
                int h = 0; // TokenTable's hash of the folded word, so that its lookup need not fold it again
                while (i < len) {
                    char d = text.charAt(i);
                    char g = Fold.fold(d);
                    folded[i] = g;
                    if (g == '\'') {
                        // keep an apostrophe only between letters: O'BRIEN, WOMEN'S
                        if (i + 1 < len && Character.isLetter(text.charAt(i + 1)) && letters) {
                            i++;
                            continue;
                        }
                        break;
                    }
                    if (g == 0) {
                        break;
                    }
                    h = 31 * h + g;
                    if (g >= '0' && g <= '9') {
                        digits = true;
                    } else {
                        letters = true;
                        // ASCII by range (the same answers), the rest by Character's tables
                        if (d < 128 ? d >= 'A' && d <= 'Z' : Character.isUpperCase(d)) {
                            upper++;
                            upperFirst |= i == s;
                        } else if (d < 128 ? d >= 'a' && d <= 'z' : Character.isLowerCase(d)) {
                            lower++;
                            sh |= i == s ? HAS_LOWER | LOWER_FIRST : upperFirst ? HAS_LOWER | CAP : HAS_LOWER;
                        }
                    }
                    i++;
                }
                add(s, i, letters && digits ? ALNUM : digits ? NUM : WORD, nl);
                shape[n - 1] = (byte) sh;
                hash[n - 1] = h;
                nl = false;
                if ((n & 1023) == 0) {
                    budget.check();
                }
            } else if (c == '\n' || c == '\r') {
                nl = true;
                i++;
            } else if (c == ' ' // cheap test first: the blank, most separators
                    || Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSurrogate(c)
                    || c == '\u00A0') {
                i++;
            } else {
                add(i, i + 1, PUNCT, nl);
                punct[n - 1] = c;
                nl = false;
                i++;
            }
        }
        // case carries no information when nearly everything is upper case, or nearly nothing is
        upperDoc = upper + lower == 0 || upper > 3 * lower || lower > 30 * upper || !capitalisesWords();
        if (!upperDoc) {
            markLowerLines();
        }
        // every word's slot first (held in lex until the second loop turns it into the id), then its key: the table is
        // far larger than the caches, and reads of different words overlap where one word's reads wait on each other
        TokenTable words = lexicon.words;
        for (int t = 0; t < n; t++) {
            lex[t] = kind[t] == PUNCT || kind[t] == NUM ? -1 : words.slot(hash[t]);
        }
        for (int t = 0; t < n; t++) {
            if (lex[t] >= 0) {
                lex[t] = lookup(lexicon, t, folded, hash[t], lex[t]);
            }
        }
        whole = lex;
        if (possessive != null) {
            whole = lex.clone();
            for (int t = 0; t < n; t++) {
                if (possessive[t]) {
                    whole[t] = fullLex != null && fullLex[t] != -2 ? fullLex[t] : -1;
                }
            }
        }
    }

    /**
     * Word id; for a possessive or contraction ending in 's the id of the word before it (SMITH'S ->
     * SMITH, HERE'S -> HERE), the full form being kept in {@link #fullLex} for phrase lists that
     * spell it whole (WOMEN'S -> WOMENS). Slot is the token's {@link TokenTable#slot}.
     */
    private int lookup(Lexicon lexicon, int t, char[] folded, int hash, int slot) {
        int e = end[t];
        if (e - start[t] > 2 && (text.charAt(e - 1) == 's' || text.charAt(e - 1) == 'S')
                && Fold.isApostrophe(text.charAt(e - 2))) {
            int full = lexicon.words.find(text, start[t], e);
            int base = lexicon.words.find(text, start[t], e - 2);
            if (possessive == null) {
                possessive = new boolean[start.length];
            }
            possessive[t] = true;
            if (full >= 0 && full != base) {
                if (fullLex == null) {
                    fullLex = new int[start.length];
                    java.util.Arrays.fill(fullLex, -2);
                }
                fullLex[t] = full;
            }
            return base >= 0 ? base : full;
        }
        return lexicon.words.findFrom(slot, folded, start[t], e, hash);
    }

    /** Full-form ids of possessive words, -2 where the same as {@link #lex}; null when none. */
    int[] fullLex;

    /** Tokens on a line written all in lower case inside a note that capitalises; null when none. */
    private boolean[] lowerLine;

    /**
     * Whether case says nothing about names at token t: the whole note is in one case, or t's line is ("01:58
     * client: here. nurse britt nice" in a capitalised text log, a pasted lower-case portal message).
     */
    boolean caseBlind(int t) {
        return upperDoc || lowerLine != null && lowerLine[t];
    }

    /** A line of four or more words, three or more starting lower case, none capitalised ("Xxxx"). */
    private void markLowerLines() {
        int from = 0;
        while (from < n) {
            int to = from + 1;
            while (to < n && !nlBefore[to]) {
                to++;
            }
            int words = 0;
            int lowers = 0;
            boolean capital = false;
            for (int t = from; t < to && !capital; t++) {
                if (kind[t] != WORD || end[t] - start[t] < 2) {
                    continue;
                }
                words++;
                if (lowerInitial(t)) {
                    lowers++;
                } else if (capitalized(t)) {
                    capital = true;
                }
            }
            if (!capital && words >= 4 && lowers >= 3) {
                if (lowerLine == null) {
                    lowerLine = new boolean[start.length];
                }
                java.util.Arrays.fill(lowerLine, from, to, true);
            }
            from = to;
        }
    }

    /** Tokens read as a possessive by {@link #lookup}; null when none. */
    private boolean[] possessive;

    /** Per token, {@link #wholeLex}: {@link #lex} itself when no token is a possessive. */
    int[] whole;

    /** Id of the whole token's folded form (SMITH'S -> SMITHS), -1 when the lexicon does not know it. */
    int wholeLex(int t) {
        return whole[t];
    }

    int phraseLex(int t) {
        return fullLex != null && fullLex[t] != -2 ? fullLex[t] : lex[t];
    }

    private void add(int s, int e, byte k, boolean nl) {
        if (n == start.length) {
            int cap = n * 2;
            start = java.util.Arrays.copyOf(start, cap);
            end = java.util.Arrays.copyOf(end, cap);
            kind = java.util.Arrays.copyOf(kind, cap);
            lex = java.util.Arrays.copyOf(lex, cap);
            nlBefore = java.util.Arrays.copyOf(nlBefore, cap);
            shape = java.util.Arrays.copyOf(shape, cap);
            hash = java.util.Arrays.copyOf(hash, cap);
            punct = java.util.Arrays.copyOf(punct, cap);
            lens = java.util.Arrays.copyOf(lens, cap);
        }
        start[n] = s;
        end[n] = e;
        kind[n] = k;
        nlBefore[n] = nl;
        lens[n] = e - s;
        n++;
    }

    int len(int t) {
        return lens[t];
    }

    char firstChar(int t) {
        return text.charAt(start[t]);
    }

    /**
     * Whether the writer capitalises words: some word inside a sentence is written "Xxxx". A lower-case note whose only
     * capitals are abbreviations ("s/p L crani for SDH, sister rosalind at bedside") gives case no say about names.
     * Nor does one whose writer starts sentences in lower case and capitalises only a few words in between (an agency,
     * an insurer, "Dr. Xxx": "d/c w/ Parmenter VNA ... lives w/ wife bev"): there a lower-case word may still be a
     * name, and case-blind rules (as in ALL-CAPS notes) read it; a writer who capitalises sentences keeps case rules.
     */
    private boolean capitalisesWords() {
        int lowerWords = 0;
        int capitalInside = 0; // runs of capitalised words inside sentences: "Hospice of the North Shore" is two
        int lowerStarts = 0;
        int capitalStarts = 0;
        int lastCapital = -3;
        for (int t = 0; t < n; t++) {
            if (kind[t] != WORD || end[t] - start[t] < 2) {
                continue;
            }
            boolean atStart = sentenceStart(t);
            // only a line or a full stop opens a sentence for this count: quotes and colons open lower-case phrases
            boolean opens = t == 0 || nlBefore[t] || kind[t - 1] == PUNCT && (text.charAt(start[t - 1]) == '.'
                    || text.charAt(start[t - 1]) == '!' || text.charAt(start[t - 1]) == '?');
            if (Character.isLowerCase(text.charAt(start[t]))) {
                lowerWords++;
                if (opens) {
                    lowerStarts++;
                }
            } else if (capitalized(t)) {
                if (opens) {
                    capitalStarts++;
                } else if (atStart) {
                    continue;
                } else {
                    if (t > lastCapital + 2) {
                        capitalInside++;
                    }
                    lastCapital = t;
                }
            }
        }
        if (capitalInside == 0) {
            return lowerWords < 12; // too short to tell: keep the letter-count verdict
        }
        return lowerStarts <= capitalStarts || capitalInside * 10 > lowerWords;
    }

    /** One letter with a full stop glued after it: a dotted initial's part ("k." of "k.l."). */
    boolean letterDot(int u) {
        return u >= 0 && u + 1 < n && kind[u] == WORD && end[u] - start[u] == 1 && isPunct(u + 1, '.')
                && adjacent(u, u + 1);
    }

    boolean isPunct(int t, char c) {
        return t >= 0 && t < n && punct[t] == c && c != 0;
    }

    boolean isWord(int t) {
        return t >= 0 && t < n && kind[t] == WORD;
    }

    /** First char upper case, some later letter lower case: "Smith". */
    boolean capitalized(int t) {
        return (shape[t] & CAP) != 0;
    }

    /** No lower-case letter (punctuation and numbers too). */
    boolean allUpper(int t) {
        return (shape[t] & HAS_LOWER) == 0;
    }

    boolean lowerInitial(int t) {
        return (shape[t] & LOWER_FIRST) != 0;
    }

    /** Only blanks (no newline) between tokens a and b = a+1. */
    boolean tight(int a, int b) {
        return b < n && !nlBefore[b] && start[b] - end[a] <= 1 && start[b] == end[a] + (start[b] - end[a]);
    }

    boolean adjacent(int a, int b) {
        return b < n && start[b] == end[a];
    }

    boolean spaceOnly(int a, int b) {
        if (b >= n || nlBefore[b]) {
            return false;
        }
        for (int i = end[a]; i < start[b]; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /** At a sentence start: first token, after a newline, or after . ! ? : */
    boolean sentenceStart(int t) {
        if (t == 0 || nlBefore[t]) {
            return true;
        }
        int p = t - 1;
        if (kind[p] == PUNCT) {
            char c = text.charAt(start[p]);
            return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '*' || c == '-' || c == '"';
        }
        return false;
    }

    /** Two blanks or more, or a tab, between a and b on one line: a header's or a form's column gap. */
    boolean wideGap(int a, int b) {
        return a >= 0 && spaceOnly(a, b) && (start[b] - end[a] >= 2 || text.charAt(end[a]) == '\t');
    }

    /** Four digits that read as a clock time, 0000-2359 (also every year from 1900 to 2359). */
    boolean clockTime(int t) {
        int v = intValue(t);
        return kind[t] == NUM && len(t) == 4 && v / 100 < 24 && v % 100 < 60;
    }

    /** Integer value of a NUM token of at most 9 digits, else -1. */
    int intValue(int t) {
        if (t < 0 || t >= n || kind[t] != NUM || len(t) > 9) {
            return -1;
        }
        int v = 0;
        for (int i = start[t]; i < end[t]; i++) {
            v = v * 10 + (text.charAt(i) - '0');
        }
        return v;
    }
}
