package io.phistream.detector.text;

import io.phistream.detector.PhiType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** State of one detection call: the tokens, the candidate spans, the budget. Not shared. */
final class Scan {
    final CharSequence text;
    final Tokens tk;
    final Lexicon lx;
    final DetectionContext ctx;
    final TextPhiDetector.Config cfg;
    final Budget budget;
    final List<PhiSpan> found = new ArrayList<>();
    /** Per token, what its line holds of a note's header (Geo builds it on first use; see {@code Geo.headerLine}). */
    int[] headerLines;

    Scan(CharSequence text, Lexicon lx, DetectionContext ctx, TextPhiDetector.Config cfg, Budget budget) {
        this.text = text;
        this.lx = lx;
        this.ctx = ctx;
        this.cfg = cfg;
        this.budget = budget;
        this.tk = new Tokens(text, lx, budget);
        this.n = tk.n;
        this.kind = tk.kind;
        this.hashes = tk.hash;
        this.whole = tk.whole;
        this.keys = new String[n];
        this.tokenFlags = new int[n];
        for (int t = 0; t < n; t++) {
            tokenFlags[t] = lx.flags(tk.lex[t]);
        }
    }

    /*
     * The tokens' arrays the primitives below read, held here: the rules call them thousands of times per note, from
     * methods too large for the JIT to inline much into, so each is kept short (one or two array reads) and its rare
     * part is a method of its own.
     */
    private final int n;
    private final byte[] kind;
    /** Per token, the hash of its key ({@link Tokens#hash}). */
    private final int[] hashes;
    /** Per token, {@link Tokens#wholeLex}. */
    private final int[] whole;
    /** Per token, its folded key once asked ({@link #key}). */
    private final String[] keys;
    /** Per token, the lexicon's flags of its id. */
    private final int[] tokenFlags;

    /**
     * The characters under a name the lexicon guessed ({@code name.lexicon}), so that a place claiming its words back
     * ({@code Geo.claim}) looks through the candidates only when there is one to take: that look is linear in the
     * candidates, and a long text of places would otherwise make it quadratic. Never cleared; a bit left over only
     * costs a look.
     */
    java.util.BitSet lexiconNames;

    /** The number and alphanumeric tokens in text order, built on first use: the passes that open on one walk these. */
    private int[] numberTokens;

    int[] numberTokens() {
        int[] numbers = numberTokens;
        if (numbers == null) {
            numbers = new int[n];
            int count = 0;
            for (int t = 0; t < n; t++) {
                if (kind[t] == Tokens.NUM || kind[t] == Tokens.ALNUM) {
                    numbers[count++] = t;
                }
            }
            numbers = java.util.Arrays.copyOf(numbers, count);
            numberTokens = numbers;
        }
        return numbers;
    }

    /** Per token, whether its line is Spanish ({@link SpanishLines#mark}); computed on first use, null when none is. */
    private boolean[] spanish;
    private boolean spanishMarked;

    /** Whether word t, in a Spanish line, may not be taken for a name on a guess alone ({@link SpanishLines}). */
    boolean notAGuessedName(int t) {
        if (!spanishMarked) {
            spanish = SpanishLines.mark(this);
            spanishMarked = true;
        }
        return SpanishLines.notAGuessedName(this, spanish, t);
    }

    /** Places that claimed a lexicon name's words, start and end by pairs (Geo drops those names at its end). */
    int[] claims;
    int claimCount;

    void add(PhiType type, int start, int end, String rule, double conf) {
        if (end > start) {
            found.add(new PhiSpan(type, start, end, rule, conf));
            if (type == PhiType.NAME && "name.lexicon".equals(rule)) {
                if (lexiconNames == null) {
                    lexiconNames = new java.util.BitSet();
                }
                lexiconNames.set(start, end);
            }
        }
    }

    /** "FOB'S", "Smith's": a possessive of three characters or more. */
    boolean possessive(int t) {
        int e = tk.end[t];
        return tk.len(t) > 2 && (text.charAt(e - 1) == 's' || text.charAt(e - 1) == 'S')
                && io.phistream.detector.text.lexicon.Fold.isApostrophe(text.charAt(e - 2));
    }

    /** A shift's name in a header: NOC, NOCS, DAYS, NIGHTS, EVES. */
    boolean shiftWord(int t) {
        return isAny(t, "NOC", "NOCS", "DAYS", "NIGHTS", "EVES");
    }

    /** A care unit's name: MICU, CVICU, SDU, PCU, IMC, TCU, CCU, STEPDOWN, TELE. */
    boolean careUnit(int t) {
        return t >= 0 && t < tk.n && tk.kind[t] == Tokens.WORD && tk.len(t) >= 3
                && (key(t).endsWith("ICU") || isAny(t, "SDU", "PCU", "IMC", "TCU", "CVU", "CCU", "STEPDOWN", "TELE"));
    }

    /** Whether a lexicon-guessed name was added over any character of start..end. */
    boolean lexiconNameWithin(int start, int end) {
        if (lexiconNames == null) {
            return false;
        }
        int b = lexiconNames.nextSetBit(start);
        return b >= 0 && b < end;
    }

    void addTokens(PhiType type, int t0, int t1, String rule, double conf) {
        add(type, tk.start[t0], tk.end[t1], rule, conf);
    }

    int flags(int t) {
        return t >= 0 && t < n ? tokenFlags[t] : 0;
    }

    boolean has(int t, int flag) {
        return (flags(t) & flag) != 0;
    }

    /**
     * {@code lx.has(tk.phraseLex(t), flag)}, read from the token's own flags (one array in token order) unless t is a
     * possessive whose whole form the lexicon holds apart: the lexicon's flag array is large and read at random, and
     * the phrase rules ask this of nearly every word.
     */
    boolean phraseHas(int t, int flag) {
        int[] full = tk.fullLex;
        return full != null && full[t] != -2 ? lx.has(full[t], flag) : has(t, flag);
    }

    /** Folded key of a token, computed once per token and call. */
    String key(int t) {
        String k = keys[t];
        return k != null ? k : foldKey(t);
    }

    /**
     * From the chars the tokenizer folded, also for a word the lexicon knows (whose key it spells): a new String of a
     * few chars costs less than reading the lexicon's shared one, which lies at random in memory far larger than the
     * caches.
     */
    private String foldKey(int t) {
        String k = foldedChars(tk.folded, tk.start[t], tk.end[t]);
        keys[t] = k;
        return k;
    }

    /**
     * {@code Fold.word} of a token's text, from the chars the tokenizer folded ({@link Tokens#folded}): those less
     * apostrophes and 0s (a punctuation token's char, which Fold.word drops too).
     */
    private static String foldedChars(char[] folded, int start, int end) {
        int len = 0;
        for (int i = start; i < end; i++) {
            char f = folded[i];
            if (f != 0 && f != '\'') {
                len++;
            }
        }
        if (len == end - start) {
            return new String(folded, start, len);
        }
        char[] k = new char[len];
        int j = 0;
        for (int i = start; i < end; i++) {
            char f = folded[i];
            if (f != 0 && f != '\'') {
                k[j++] = f;
            }
        }
        return new String(k);
    }

    /**
     * Whether token t folds to {@code folded}. Compares with the token's folded key, computed once per token and call:
     * rules ask about the same tokens many times, against word lists, so one fold beats folding at every comparison.
     * The key's hash is known per token ({@link Tokens#hash}), so one int compare rejects almost every other word
     * without reading the key.
     */
    boolean is(int t, String folded) {
        return hashAt(t) == folded.hashCode() && keyIs(t, folded);
    }

    boolean isAny(int t, String... folded) {
        int h = hashAt(t);
        for (String f : folded) {
            if (h == f.hashCode() && keyIs(t, f)) {
                return true;
            }
        }
        return false;
    }

    /** The hash of token t's key ({@link Tokens#hash}); 0 outside the text (where {@link #keyIs} answers no). */
    private int hashAt(int t) {
        return t >= 0 && t < n ? hashes[t] : 0;
    }

    /** Whether t is a token of the text whose key is {@code folded}: the check behind an equal hash. */
    private boolean keyIs(int t, String folded) {
        return listable(t) && key(t).equals(folded);
    }

    /** Whether t is a token of the text that word lists can hold: not outside the text, not punctuation. */
    private boolean listable(int t) {
        return t >= 0 && t < n && kind[t] != Tokens.PUNCT;
    }

    /*
     * Fixed-arity forms of isAny(int, String...), with the same answers: a call that names up to eight words passes no
     * array. The rules' methods are large, so the JIT does not inline the varargs form into them and every call
     * allocated its array; longer lists are Words constants. Together they halved the detector's garbage.
     */

    boolean isAny(int t, String w0) {
        return is(t, w0);
    }

    boolean isAny(int t, String w0, String w1) {
        int h = hashAt(t);
        return h == w0.hashCode() && keyIs(t, w0) || h == w1.hashCode() && keyIs(t, w1);
    }

    boolean isAny(int t, String w0, String w1, String w2) {
        int h = hashAt(t);
        return h == w0.hashCode() && keyIs(t, w0) || h == w1.hashCode() && keyIs(t, w1)
                || h == w2.hashCode() && keyIs(t, w2);
    }

    boolean isAny(int t, String w0, String w1, String w2, String w3) {
        int h = hashAt(t);
        return h == w0.hashCode() && keyIs(t, w0) || h == w1.hashCode() && keyIs(t, w1)
                || h == w2.hashCode() && keyIs(t, w2) || h == w3.hashCode() && keyIs(t, w3);
    }

    boolean isAny(int t, String w0, String w1, String w2, String w3, String w4) {
        int h = hashAt(t);
        return h == w0.hashCode() && keyIs(t, w0) || h == w1.hashCode() && keyIs(t, w1)
                || h == w2.hashCode() && keyIs(t, w2) || h == w3.hashCode() && keyIs(t, w3)
                || h == w4.hashCode() && keyIs(t, w4);
    }

    boolean isAny(int t, String w0, String w1, String w2, String w3, String w4, String w5) {
        int h = hashAt(t);
        return h == w0.hashCode() && keyIs(t, w0) || h == w1.hashCode() && keyIs(t, w1)
                || h == w2.hashCode() && keyIs(t, w2) || h == w3.hashCode() && keyIs(t, w3)
                || h == w4.hashCode() && keyIs(t, w4) || h == w5.hashCode() && keyIs(t, w5);
    }

    boolean isAny(int t, String w0, String w1, String w2, String w3, String w4, String w5, String w6) {
        int h = hashAt(t);
        return h == w0.hashCode() && keyIs(t, w0) || h == w1.hashCode() && keyIs(t, w1)
                || h == w2.hashCode() && keyIs(t, w2) || h == w3.hashCode() && keyIs(t, w3)
                || h == w4.hashCode() && keyIs(t, w4) || h == w5.hashCode() && keyIs(t, w5)
                || h == w6.hashCode() && keyIs(t, w6);
    }

    boolean isAny(int t, String w0, String w1, String w2, String w3, String w4, String w5, String w6, String w7) {
        int h = hashAt(t);
        return h == w0.hashCode() && keyIs(t, w0) || h == w1.hashCode() && keyIs(t, w1)
                || h == w2.hashCode() && keyIs(t, w2) || h == w3.hashCode() && keyIs(t, w3)
                || h == w4.hashCode() && keyIs(t, w4) || h == w5.hashCode() && keyIs(t, w5)
                || h == w6.hashCode() && keyIs(t, w6) || h == w7.hashCode() && keyIs(t, w7);
    }

    /** Whether token t is one of the words: by lexicon id (see {@link Words}); the same answer as the String form. */
    boolean isAny(int t, Words words) {
        if (t < 0 || t >= n) {
            return false;
        }
        Words.Resolved r = words.in(lx);
        int id = whole[t]; // (punctuation has none)
        if (id >= 0) {
            return r.containsId(id);
        }
        return r.mayBeStray(hashes[t]) && kind[t] != Tokens.PUNCT && r.containsStray(key(t));
    }

    /** "18-WHEELER", "4-wheeler": token t is glued to a number before it by a dash (a vehicle, a count, a code). */
    boolean afterNumberDash(int t) {
        return t >= 2 && tk.isPunct(t - 1, '-') && tk.adjacent(t - 1, t) && tk.kind[t - 2] == Tokens.NUM;
    }

    /** "Language: Kiowa", "speaks Punjabi", "Code Silver": token t names a language or a code, not a person or a place. */
    boolean languageOrCode(int t) {
        return isAny(prevWord(t, 1), "LANGUAGE", "LANGUAGES", "SPEAKS", "SPEAKING", "CODE");
    }

    /** Previous non-punctuation token, stepping over at most {@code maxPunct} punctuation tokens. */
    int prevWord(int t, int maxPunct) {
        int p = t - 1;
        return p < 0 || kind[p] != Tokens.PUNCT ? p : prevWordPast(p, maxPunct);
    }

    /** {@link #prevWord} from punctuation token p. */
    private int prevWordPast(int p, int maxPunct) {
        int skipped = 0;
        while (p >= 0 && kind[p] == Tokens.PUNCT) {
            if (++skipped > maxPunct) {
                return -1;
            }
            p--;
        }
        return p;
    }

    int nextWord(int t, int maxPunct) {
        int p = t + 1;
        if (p >= n) {
            return -1;
        }
        return kind[p] != Tokens.PUNCT ? p : nextWordPast(p, maxPunct);
    }

    /** {@link #nextWord} from punctuation token p. */
    private int nextWordPast(int p, int maxPunct) {
        int skipped = 0;
        while (p < n && kind[p] == Tokens.PUNCT) {
            if (++skipped > maxPunct) {
                return -1;
            }
            p++;
        }
        return p < n ? p : -1;
    }

    /** Any of the folded words among the {@code window} word tokens before t (punctuation skipped). */
    boolean before(int t, int window, String... folded) {
        int p = t;
        for (int k = 0; k < window; k++) {
            p = prevWord(p, 3);
            if (p < 0) {
                return false;
            }
            if (isAny(p, folded)) {
                return true;
            }
        }
        return false;
    }

    /** {@link #before(int, int, String...)} for one word, without an array. */
    boolean before(int t, int window, String w0) {
        return before(t, window, w0, w0);
    }

    /** {@link #before(int, int, String...)} for two words, without an array. */
    boolean before(int t, int window, String w0, String w1) {
        int p = t;
        for (int k = 0; k < window; k++) {
            p = prevWord(p, 3);
            if (p < 0) {
                return false;
            }
            if (isAny(p, w0, w1)) {
                return true;
            }
        }
        return false;
    }

    /** Any of the words among the {@code window} word tokens before t (punctuation skipped). */
    boolean before(int t, int window, Words words) {
        int p = t;
        for (int k = 0; k < window; k++) {
            p = prevWord(p, 3);
            if (p < 0) {
                return false;
            }
            if (isAny(p, words)) {
                return true;
            }
        }
        return false;
    }

    int tokenAt(int charPos) {
        int lo = 0;
        int hi = tk.n - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (tk.end[mid] <= charPos) {
                lo = mid + 1;
            } else if (tk.start[mid] > charPos) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return lo < tk.n ? lo : -1;
    }

    char charAt(int i) {
        return i >= 0 && i < text.length() ? text.charAt(i) : '\0';
    }

    /**
     * By start, then the longer first: one comparison in a lambda (a composed comparator calls through four, and the
     * sort is stable either way, so the order is the same).
     */
    private static final Comparator<PhiSpan> BY_START_LONGEST_FIRST = (a, b) -> a.start() != b.start()
            ? Integer.compare(a.start(), b.start()) : Integer.compare(b.end(), a.end());

    /** Sorted, non-overlapping spans: overlapping candidates merge, the most confident names the type. */
    List<PhiSpan> resolve() {
        found.sort(BY_START_LONGEST_FIRST);
        List<PhiSpan> out = new ArrayList<>();
        PhiSpan cur = null;
        PhiSpan best = null;
        for (PhiSpan s : found) {
            if (cur != null && s.start() < cur.end()) {
                // the candidate covering more text names the type, unless the other is much surer
                if (s.length() > best.length() && s.confidence() + 0.2 > best.confidence()
                        || s.length() <= best.length() && s.confidence() > best.confidence() + 0.2) {
                    best = s;
                }
                if (s.end() > cur.end()) {
                    cur = new PhiSpan(cur.type(), cur.start(), s.end(), cur.rule(), cur.confidence());
                }
                continue;
            }
            if (cur != null) {
                out.add(merge(cur, best));
            }
            cur = s;
            best = s;
        }
        if (cur != null) {
            out.add(merge(cur, best));
        }
        return out;
    }

    private static PhiSpan merge(PhiSpan extent, PhiSpan best) {
        if (extent == best || (extent.start() == best.start() && extent.end() == best.end())) {
            return best;
        }
        return new PhiSpan(best.type(), extent.start(), extent.end(), best.rule(), best.confidence());
    }
}
