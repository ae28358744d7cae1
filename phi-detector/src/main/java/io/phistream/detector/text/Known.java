package io.phistream.detector.text;

import io.phistream.detector.PhiType;
import io.phistream.detector.text.lexicon.Fold;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Values the message's structure identified (ids, phones, places, e-mails) and the patient's
 * remembered digests, found again in the text in other spacing, separators and case. Names are
 * matched inside {@link Names} so that they take part in the name-sequence logic.
 */
final class Known {
    private Known() {
    }

    /**
     * What people write between the groups of one number, as the residual guards read them (ResidualMatch): a walkthrough
     * found "978*555*0134" and "978&555&0134" (HL7's \T\ decoded) passing.
     */
    private static final String IN_NUMBER = "-./()*&_+\u00b7\u2022";

    static void detect(Scan s) {
        DetectionContext c = s.ctx;
        if (c.isEmpty()) {
            return;
        }
        Tokens tk = s.tk;
        boolean memory = c.hasMemory();
        if (!c.nameKeys.isEmpty() || memory) {
            everydayWords(s);
        }
        for (int t = 0; t < tk.n; t++) {
            if ((t & 255) == 0) {
                s.budget.check();
            }
            byte k = tk.kind[t];
            if (k == Tokens.NUM && !c.zipKeys.isEmpty()) {
                zip(s, t);
            }
            if (k == Tokens.ALNUM && (!c.nameKeys.isEmpty() || !c.geoKeys.isEmpty())) {
                wordsIn(s, tk.start[t], tk.end[t]); // "3456QUACKENBUSH": a name glued to a number
            }
            if (k == Tokens.NUM || k == Tokens.ALNUM) {
                // the whole id: tokens glued or joined by separators without letters in between
                int last = t;
                while (last + 1 < tk.n && (tk.adjacent(last, last + 1) || tk.spaceOnly(last, last + 1)
                        && tk.kind[last + 1] == Tokens.NUM) && last - t < 12) {
                    int nx = last + 1;
                    if (tk.kind[nx] == Tokens.PUNCT && IN_NUMBER.indexOf(tk.firstChar(nx)) < 0) {
                        break;
                    }
                    if (tk.kind[nx] == Tokens.WORD) {
                        break;
                    }
                    last = nx;
                }
                while (last > t && tk.kind[last] == Tokens.PUNCT) {
                    last--;
                }
                // try the longest run first, then shorter prefixes (an id may be followed by other numbers)
                for (int e = last; e >= t; e--) {
                    if (tk.kind[e] == Tokens.PUNCT) {
                        continue;
                    }
                    CharSequence v = s.text.subSequence(tk.start[t], tk.end[e]);
                    String idKey = DetectionContext.idKey(PhiType.OTHER_ID, v);
                    String phoneKey = DetectionContext.idKey(PhiType.PHONE, v);
                    PhiType hit = c.idKeys.get(idKey);
                    if (hit == null && phoneKey.length() == 10) {
                        hit = c.idKeys.get(phoneKey);
                    }
                    // memory: hash only the whole run and its first token (each digest is a keyed hash)
                    if (hit == null && memory && idKey.length() >= 4 && (e == last || e == t)
                            && (c.remembers("i:", idKey) || phoneKey.length() == 10 && c.remembers("i:", phoneKey))) {
                        hit = PhiType.OTHER_ID;
                        s.addTokens(hit, t, e, "id.memory", 0.95);
                        t = e;
                        break;
                    }
                    if (hit != null) {
                        s.addTokens(hit, t, e, "id.known", 0.97);
                        t = e;
                        break;
                    }
                    if (e - t > 10) {
                        break;
                    }
                }
            } else if (k == Tokens.WORD && tk.len(t) >= 3) {
                if (c.geoKeys.isEmpty() && !memory) {
                    continue;
                }
                if (!c.geoKeys.isEmpty() && apostrophe(s, t)) {
                    wordsIn(s, tk.start[t], tk.end[t]); // "marblehead's": the place without its possessive
                }
                int f = s.flags(t);
                if ((f & Lexicon.STOP) != 0) {
                    continue;
                }
                String key = s.key(t);
                boolean hit = c.geoKeys.contains(key);
                if (!hit && memory && ((f & (Lexicon.COMMON | Lexicon.CLINICAL)) == 0
                        || (f & Lexicon.NAME_LISTED) != 0)) {
                    hit = c.remembers("g:", key);
                }
                if (hit) {
                    int first = t;
                    int last = t;
                    // widen to the street: house number before, suffix after
                    if (t > 0 && tk.kind[t - 1] == Tokens.NUM && tk.spaceOnly(t - 1, t)) {
                        first = t - 1;
                    }
                    if (t + 1 < tk.n && s.has(t + 1, Lexicon.SUFFIX) && tk.spaceOnly(t, t + 1)) {
                        last = t + 1;
                    }
                    s.addTokens(PhiType.GEO, first, last, memory && !c.geoKeys.contains(key) ? "geo.memory" : "geo.known", 0.95);
                }
            }
        }
        if (!c.nameKeys.isEmpty()) {
            splitNames(s);
            hyphenatedInitials(s);
        }
        glued(s);
        if (!c.webKeys.isEmpty()) {
            String text = s.text.toString();
            for (var e : c.webKeys.entrySet()) {
                String v = e.getKey();
                // regionMatches keeps offsets exact (toLowerCase may change the length of some texts)
                for (int i = 0; i + v.length() <= text.length(); i++) {
                    if (text.regionMatches(true, i, v, 0, v.length())) {
                        s.add(e.getValue(), i, i + v.length(), "web.known", 0.97);
                        i += v.length() - 1;
                    }
                    if ((i & 4095) == 0) {
                        s.budget.check();
                    }
                }
            }
        }
        leftovers(s);
    }

    /**
     * The name spans the name rules gave for a known (or remembered) name alone, withdrawn where they hold one word and
     * it is the everyday word it also is ({@link #theWord}; a letter it pulled in may stand beside it): "brown stool"
     * and "I hope she improves" had become "[NAME] stool" and "[NAME] she improves" for relatives named Brown and Hope.
     * Two such words together ("will brown") are a name.
     */
    private static void everydayWords(Scan s) {
        if (s.tk.upperDoc) {
            return; // (cheap test first: in a text in one case no word is)
        }
        s.found.removeIf(sp -> sp.type() == PhiType.NAME && ("name.known".equals(sp.rule())
                || "name.memory".equals(sp.rule())) && everyWordTheWord(s, sp.start(), sp.end()));
    }

    private static boolean everyWordTheWord(Scan s, int start, int end) {
        Tokens tk = s.tk;
        int first = java.util.Arrays.binarySearch(tk.start, 0, tk.n, start);
        if (first < 0) {
            return false;
        }
        int words = 0;
        for (int t = first; t < tk.n && tk.start[t] < end; t++) {
            if (tk.kind[t] == Tokens.PUNCT || tk.kind[t] == Tokens.WORD && tk.len(t) == 1) {
                continue; // ("I hope": the letter joined the name beside it)
            }
            if (tk.kind[t] != Tokens.WORD || ++words > 1 || !theWord(s, t)) {
                return false;
            }
        }
        return words == 1;
    }

    /**
     * Whether word t, which may be one of the message's names, is the everyday word it also is ("will", "hope",
     * "brown"): written in lower case where the text uses case, and far more often a word than a name by the lexicon
     * (name odds under 1: "brown" 0.2, "will" -2.8; not "smith" 1.6, which lower case stays a name). Not after a title
     * ("Mrs. brown"); after a relative only a modal or such before a word, as the name rules read one ("Son will
     * call"; "daughter hope called" stays a name). Where case says nothing (all capitals, all lower case, Title Case)
     * the word may be the name, so it stays one and the guard still quarantines it: a leak is worse than a quarantine.
     */
    static boolean theWord(Scan s, int t) {
        Tokens tk = s.tk;
        if (tk.caseBlind(t)) {
            return false;
        }
        for (int i = tk.start[t]; i < tk.end[t]; i++) {
            if (Character.isUpperCase(s.text.charAt(i))) {
                return false;
            }
        }
        int id = tk.lex[t];
        int f = s.lx.flags(id);
        if ((f & Lexicon.COMMON) == 0 || s.lx.nameOdds(id) >= 1) {
            return false;
        }
        int p = s.prevWord(t, 1);
        if (p >= 0 && s.has(p, Lexicon.TITLE)) {
            return false;
        }
        if (p >= 0 && s.has(p, Lexicon.RELATION)) {
            int nx = t + 1;
            return (f & Lexicon.STOP) != 0 && nx < tk.n && tk.kind[nx] == Tokens.WORD && !tk.nlBefore[nx]
                    && s.has(nx, Lexicon.COMMON) && s.lx.nameOdds(tk.lex[nx]) < -1;
        }
        return true;
    }

    /**
     * The message's name words the text keeps, no span over them, as the everyday words they also are
     * ({@link #theWord}), folded, one per occurrence: the residual guards allow that many of each.
     */
    static List<String> wordsKept(Scan s, List<PhiSpan> spans) {
        Tokens tk = s.tk;
        if (s.ctx.nameKeys.isEmpty() || tk.upperDoc) {
            return List.of();
        }
        List<String> kept = null;
        int k = 0; // spans are sorted and do not overlap
        for (int t = 0; t < tk.n; t++) {
            if (tk.kind[t] != Tokens.WORD || tk.len(t) < 2) {
                continue;
            }
            String name = knownPart(s, t);
            if (name == null || !theWord(s, t)) {
                continue;
            }
            while (k < spans.size() && spans.get(k).end() <= tk.start[t]) {
                k++;
            }
            if (k < spans.size() && spans.get(k).start() < tk.end[t]) {
                continue; // replaced
            }
            if (kept == null) {
                kept = new ArrayList<>();
            }
            kept.add(name);
        }
        return kept == null ? List.of() : kept;
    }

    /** The known name word t is, whole or before an apostrophe ("hope's"), folded; or null. */
    private static String knownPart(Scan s, int t) {
        String key = s.key(t);
        if (s.ctx.nameKeys.contains(key)) {
            return key;
        }
        for (int i = s.tk.start[t]; i < s.tk.end[t]; i++) {
            if (Fold.isApostrophe(s.text.charAt(i))) {
                String part = Fold.word(s.text.subSequence(s.tk.start[t], i));
                return s.ctx.nameKeys.contains(part) ? part : null;
            }
        }
        return null;
    }

    /**
     * A known name written in pieces the name rules do not join: "Quill-feather" for QUILLFEATHER, or "Quill feather"
     * when QUILL is itself known (from "Bartholomew-Quill"), which left "[NAME]-feather" (a walkthrough). Two to four
     * words, each glued to the next, parted by one hyphen or by blanks, that spell a known name together.
     */
    private static void splitNames(Scan s) {
        Tokens tk = s.tk;
        int longest = 0;
        for (String key : s.ctx.nameKeys) {
            longest = Math.max(longest, key.length());
        }
        StringBuilder b = new StringBuilder();
        for (int t = 0; t + 1 < tk.n; t++) {
            if ((t & 255) == 0) {
                s.budget.check();
            }
            if (tk.kind[t] != Tokens.WORD) {
                continue;
            }
            b.setLength(0);
            b.append(s.key(t));
            int last = t;
            for (int parts = 1; parts < 4; parts++) {
                int next = last + 1;
                if (tk.isPunct(next, '-') && tk.adjacent(last, next) && tk.adjacent(next, next + 1)) {
                    next++;
                } else if (!(tk.adjacent(last, next) || tk.spaceOnly(last, next))) {
                    break;
                }
                if (next >= tk.n || tk.kind[next] != Tokens.WORD) {
                    break;
                }
                b.append(s.key(next));
                last = next;
                if (b.length() > longest) {
                    break;
                }
                if (s.ctx.nameKeys.contains(b.toString())) {
                    s.addTokens(PhiType.NAME, t, last, "name.known-split", 0.95);
                    break;
                }
            }
        }
    }

    /**
     * "Mr. W-L", "Perpetua B-Q", "Ambrose W.-L.": a hyphenated name's initials, hyphenated too, after a title or beside
     * a known name (alone, "A-P" and "P-O" are clinical shorthand).
     */
    private static void hyphenatedInitials(Scan s) {
        Tokens tk = s.tk;
        for (int t = 0; t + 2 < tk.n; t++) {
            if (tk.kind[t] != Tokens.WORD || tk.len(t) != 1 || !Character.isLetter(tk.firstChar(t))) {
                continue;
            }
            int dash = tk.letterDot(t) ? t + 2 : t + 1;
            int second = dash + 1;
            if (!tk.isPunct(dash, '-') || !tk.adjacent(dash - 1, dash) || !tk.adjacent(dash, second)
                    || tk.kind[second] != Tokens.WORD || tk.len(second) != 1) {
                continue;
            }
            String letters = (String.valueOf(tk.firstChar(t)) + tk.firstChar(second)).toUpperCase(java.util.Locale.ROOT);
            if (!s.ctx.initials.contains(letters)) {
                continue;
            }
            int last = tk.letterDot(second) ? second + 1 : second;
            int before = s.prevWord(t, 1);
            int after = last + 1 < tk.n && tk.kind[last + 1] == Tokens.WORD && tk.spaceOnly(last, last + 1) ? last + 1 : -1;
            boolean title = before >= 0 && (s.flags(before) & Lexicon.TITLE) != 0;
            boolean beside = before >= 0 && before == t - 1 && tk.spaceOnly(before, t) && knownWord(s, before)
                    || after >= 0 && knownWord(s, after);
            if (title || beside) {
                s.addTokens(PhiType.NAME, t, last, "name.known-initials", 0.9);
            }
            t = last;
        }
    }

    /** Whether word t is one of the message's known names, whole or before its possessive. */
    private static boolean knownWord(Scan s, int t) {
        return s.tk.kind[t] == Tokens.WORD && (s.ctx.nameKeys.contains(s.key(t))
                || s.possessive(t) && s.ctx.nameKeys.contains(s.key(t).substring(0, s.key(t).length() - 1)));
    }

    /**
     * Where a span ends or starts inside a word ("quackenbushphilomena.q@example.org", "999-12-3456QUACKENBUSH"), the
     * rest of that word stands alone once the span is replaced: a known name or place there must go too.
     */
    private static void leftovers(Scan s) {
        if (s.ctx.nameKeys.isEmpty() && s.ctx.geoKeys.isEmpty() || s.found.isEmpty()) {
            return;
        }
        BitSet covered = new BitSet(s.text.length());
        for (PhiSpan sp : s.found) {
            covered.set(sp.start(), sp.end());
        }
        Tokens tk = s.tk;
        for (int t = 0; t < tk.n; t++) {
            if ((t & 255) == 0) {
                s.budget.check();
            }
            if (tk.kind[t] == Tokens.PUNCT) {
                continue;
            }
            int a = tk.start[t];
            int e = tk.end[t];
            int c = covered.nextSetBit(a);
            if (c < 0 || c >= e || c == a && covered.nextClearBit(a) >= e) {
                continue; // untouched, or replaced whole
            }
            // every stretch of the word left between spans
            for (int i = covered.nextClearBit(a); i < e; i = covered.nextClearBit(i)) {
                int j = Math.min(e, covered.nextSetBit(i) < 0 ? e : covered.nextSetBit(i));
                wordsIn(s, i, j);
                i = j;
            }
        }
    }

    /**
     * Known names and place words among the words in text[from, to): runs of letters, apostrophes between letters
     * kept, each matched whole and by its apostrophe-separated parts as in {@link Names}.
     */
    private static void wordsIn(Scan s, int from, int to) {
        CharSequence x = s.text;
        int i = from;
        while (i < to) {
            if (!Character.isLetter(x.charAt(i))) {
                i++;
                continue;
            }
            int a = i;
            PhiType hit = null;
            int part = i;
            while (i <= to) {
                boolean letter = i < to && Character.isLetter(x.charAt(i));
                boolean inner = i + 1 < to && Fold.isApostrophe(x.charAt(i)) && Character.isLetter(x.charAt(i + 1));
                if (letter) {
                    i++;
                    continue;
                }
                if (hit == null) {
                    hit = known(s, part, i);
                }
                part = i + 1;
                if (!inner) {
                    break;
                }
                i++;
            }
            if (hit == null) {
                hit = known(s, a, i);
            }
            if (hit != null) {
                s.add(hit, a, i, hit == PhiType.NAME ? "name.known-glued" : "geo.known-glued", 0.95);
            }
        }
    }

    private static boolean apostrophe(Scan s, int t) {
        for (int i = s.tk.start[t]; i < s.tk.end[t]; i++) {
            if (Fold.isApostrophe(s.text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static PhiType known(Scan s, int from, int to) {
        if (to - from < 2) {
            return null;
        }
        String w = Fold.word(s.text.subSequence(from, to));
        return s.ctx.nameKeys.contains(w) ? PhiType.NAME : s.ctx.geoKeys.contains(w) ? PhiType.GEO : null;
    }

    /** A known postal code as written ("01945"), as ZIP+4 ("01945-1234", "01945 1234") or glued ("019451234"). */
    private static void zip(Scan s, int t) {
        Tokens tk = s.tk;
        int len = tk.len(t);
        if (len != 5 && len != 9 || !s.ctx.zipKeys.contains(s.text.subSequence(tk.start[t], tk.start[t] + 5).toString())) {
            return;
        }
        int last = t;
        if (len == 5 && t + 2 < tk.n && tk.kind[t + 2] == Tokens.NUM && tk.len(t + 2) == 4
                && (tk.isPunct(t + 1, '-') && tk.adjacent(t, t + 1) && tk.adjacent(t + 1, t + 2))) {
            last = t + 2;
        } else if (len == 5 && t + 1 < tk.n && tk.kind[t + 1] == Tokens.NUM && tk.len(t + 1) == 4
                && tk.spaceOnly(t, t + 1) && tk.end[t] + 1 == tk.start[t + 1]) {
            last = t + 1;
        }
        s.addTokens(PhiType.GEO, t, last, "zip.known", 0.95);
    }

    /** Known keys this long are searched anywhere inside a run of digits and separators, not only token-aligned. */
    static final int GLUED_MIN = 7;

    /**
     * Known identifiers inside a longer run of digits, letters and separators: values glued together
     * ("(617) 555-0142(508) 555-0199999-12-3456"), prefixed or suffixed. Token-aligned matching above cannot see
     * a value that starts or ends inside a token, so each run is normalised (digits only for digit-only keys, letters
     * and digits otherwise) and searched for every known key of at least {@link #GLUED_MIN} characters. Shorter
     * keys stay token-aligned: four or five digits recur inside unrelated numbers too often.
     */
    private static void glued(Scan s) {
        List<String> digitKeys = new ArrayList<>();
        List<String> alnumKeys = new ArrayList<>();
        for (String key : s.ctx.idKeys.keySet()) {
            if (key.length() >= GLUED_MIN) {
                (allDigits(key) ? digitKeys : alnumKeys).add(key);
            }
        }
        if (digitKeys.isEmpty() && alnumKeys.isEmpty()) {
            return;
        }
        Tokens tk = s.tk;
        StringBuilder digits = new StringBuilder();
        StringBuilder alnum = new StringBuilder();
        int[] dAt = new int[16];
        int[] aAt = new int[16];
        int t = 0;
        while (t < tk.n) {
            byte k = tk.kind[t];
            if (k != Tokens.NUM && k != Tokens.ALNUM) {
                t++;
                continue;
            }
            int last = t;
            while (last + 1 < tk.n && joins(s, last, last + 1)) {
                last++;
            }
            s.budget.check();
            digits.setLength(0);
            alnum.setLength(0);
            int chars = tk.end[last] - tk.start[t];
            if (dAt.length < chars) {
                dAt = new int[chars];
                aAt = new int[chars];
            }
            for (int i = tk.start[t]; i < tk.end[last]; i++) {
                char ch = s.text.charAt(i);
                if (ch >= '0' && ch <= '9') {
                    dAt[digits.length()] = i;
                    digits.append(ch);
                }
                if (ch >= '0' && ch <= '9' || Character.isLetter(ch)) { // as idKey normalises
                    aAt[alnum.length()] = i;
                    alnum.append(Character.toUpperCase(ch));
                }
            }
            find(s, digits, dAt, digitKeys);
            find(s, alnum, aAt, alnumKeys);
            t = last + 1;
        }
    }

    /** Whether token b continues the run ending at token a: glued, or a space before a number or an opening bracket. */
    private static boolean joins(Scan s, int a, int b) {
        Tokens tk = s.tk;
        byte k = tk.kind[b];
        char c = tk.firstChar(b);
        if (k == Tokens.PUNCT && IN_NUMBER.indexOf(c) < 0 && c != '#' && c != ':') { // (and a label's: "#4821377")
            return false;
        }
        return tk.adjacent(a, b) || k != Tokens.WORD && tk.spaceOnly(a, b);
    }

    private static void find(Scan s, StringBuilder run, int[] at, List<String> keys) {
        for (String key : keys) {
            int from = 0;
            int i;
            while ((i = run.indexOf(key, from)) >= 0) {
                PhiType type = s.ctx.idKeys.get(key);
                s.add(type, at[i], at[i + key.length() - 1] + 1, "id.known-glued", 0.97);
                from = i + 1;
            }
        }
    }

    private static boolean allDigits(String key) {
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) < '0' || key.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
