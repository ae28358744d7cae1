package io.phistream.detector.text;

import static io.phistream.detector.text.Lexicon.CLINICAL;
import static io.phistream.detector.text.Lexicon.COMMON;
import static io.phistream.detector.text.Lexicon.FIRST_NAME;
import static io.phistream.detector.text.Lexicon.NAME_LISTED;
import static io.phistream.detector.text.Lexicon.POSTMARK;
import static io.phistream.detector.text.Lexicon.RELATION;
import static io.phistream.detector.text.Lexicon.STOP;
import static io.phistream.detector.text.Lexicon.TITLE;
import static io.phistream.detector.text.Lexicon.VERB_CONTEXT;

import io.phistream.detector.PhiType;
import java.util.HashSet;
import java.util.Set;

/**
 * Person names. Each word gets log10 odds of being a name from the lexicons (how many people bear
 * it vs. how often English uses it as a word), adjusted by its shape (case is evidence only in
 * mixed-case text) and by clinical vocabulary; context (titles, relatives, "spoke with", "RN"
 * after), neighbouring names and other occurrences in the same text then decide the ambiguous ones.
 */
final class Names {
    /** Words that introduce names are not names themselves ("HCP IS FRIEND X", "MD X NOTIFIED"). */
    private static final int NOT_A_NAME = RELATION | TITLE | POSTMARK | Lexicon.STATE_NAME | Lexicon.MONTH
            | Lexicon.WEEKDAY;
    private static final byte NONE = 0;
    private static final byte SCORE = 1;
    private static final byte CONTEXT = 2;
    private static final byte KNOWN = 3;
    private static final byte MEMORY = 4;
    private static final byte REPEAT = 5;
    private static final byte NEIGHBOUR = 6;
    private static final byte INITIAL = 7;

    private Names() {
    }

    private static final Words ESQUIRE = Words.of("ESQ", "ESQUIRE");

    /** The modals among given names: after a relative and before a verb they are the word ("SON WILL CALL"). */
    private static final Words MODALS = Words.of("WILL", "MAY", "CAN", "MIGHT", "MUST", "SHALL");

    private static final String[] SPEAKS_WORDS = {"SPEAKS", "SPEAKING"};
    private static final Words SPEAKS = Words.of(SPEAKS_WORDS);

    static void detect(Scan s) {
        Tokens tk = s.tk;
        Lexicon lx = s.lx;
        int n = tk.n;
        boolean upper = tk.upperDoc;
        float[] base = new float[n];
        float[] score = new float[n];
        byte[] acc = new byte[n];
        boolean knownNames = !s.ctx.nameKeys.isEmpty();
        boolean memory = s.ctx.hasMemory();
        byte[] knownStop = null; // KNOWN or MEMORY
        java.util.Map<Integer, Boolean> stopsRemembered = null;
        boolean[] holiday = holidays(s);
        int present = 0; // the Triggers bits of the words (and quotes) the note holds
        // the one-letter capitals, the dashes, colons and slashes, the roles and the writers' verbs (by their Triggers
        // bits), the words that open a line: the passes of initials, sign-offs, chat speakers, dictation, attendings,
        // writers and signature lines visit only these, not every token (ages before a sex walk s.numberTokens())
        TokenList capitalList = new TokenList();
        TokenList dashList = new TokenList();
        TokenList colonList = new TokenList();
        TokenList slashList = new TokenList();
        TokenList roleList = new TokenList();
        TokenList writerList = new TokenList();
        TokenList lineOpenerList = new TokenList();
        // the words' name odds first, in a loop of their own: the reads are spread over a table far larger than the
        // cache, and here they overlap instead of waiting one by one in the long loop below
        for (int t = 0; t < n; t++) {
            if (tk.kind[t] == Tokens.WORD) {
                base[t] = lx.nameOdds(tk.lex[t]);
            }
        }
        for (int t = 0; t < n; t++) {
            if ((t & 511) == 0) {
                s.budget.check();
            }
            if (tk.kind[t] != Tokens.WORD) {
                if (tk.isPunct(t, '-') || tk.isPunct(t, '\u2013') || tk.isPunct(t, '\u2014')) {
                    dashList.add(t);
                } else if (tk.isPunct(t, ':')) {
                    colonList.add(t);
                } else if (tk.isPunct(t, '/')) {
                    slashList.add(t);
                }
                if (quote(s, t)) {
                    present |= Triggers.QUOTE; // (a number's key holds no letter, so no trigger word)
                }
                score[t] = -99;
                continue;
            }
            int bits = Triggers.at(tk, t);
            present |= bits;
            if ((bits & Triggers.ROLE) != 0) {
                roleList.add(t);
            }
            if ((bits & Triggers.WRITER) != 0) {
                writerList.add(t);
            }
            if (t == 0 || tk.nlBefore[t] || (t == 1 || tk.nlBefore[t - 1]) && tk.isPunct(t - 1, '-')) {
                lineOpenerList.add(t); // ("- A.M., RN": a dash that opens the line may stand first)
            }
            if (tk.len(t) == 1 && Character.isUpperCase(tk.firstChar(t))) {
                capitalList.add(t);
            }
            int f = s.flags(t);
            float b = base[t];
            if (tk.len(t) > 3) {
                int owner = ownerId(s, t); // "nora's cell": judged as "nora"
                if (owner >= 0 && (tk.lex[t] < 0 || lx.nameOdds(owner) > b)) {
                    f = lx.flags(owner);
                    b = lx.nameOdds(owner);
                    base[t] = b;
                }
            }
            int len = tk.len(t);
            float sc = b + shape(tk, t, upper || tk.caseBlind(t), len);
            if ((f & CLINICAL) != 0) {
                sc -= 4;
            }
            // only a listed name's score matters (SCORE and a neighbour's pull), so only those look for an eponym head;
            // and only a score above 0 (SCORE, a pull and a lexicon span's confidence each need one), so the two
            // tests that lower it skip a word already at 0 or below
            if (sc > 0 && (f & NAME_LISTED) != 0 && (eponym(s, t) || (f & CLINICAL) != 0 && s.possessive(t))) {
                sc -= 6; // "Parkinson's disease", and "Hx COPD, Parkinson's." with the noun left out
            }
            if (sc > 0 && len <= 5 && (upper || tk.allUpper(t)) && noVowel(s.text, tk.start[t], tk.end[t])) {
                sc -= 4; // HTN, BKA, NSTEMI-like shorthand; names without a vowel need context ("DR NG")
            }
            boolean known = len >= 2 && knownNames && knownName(s, t);
            if (!known && (contraction(s, t) || holiday != null && holiday[t])) {
                score[t] = -99;
                base[t] = -9;
                continue; // I'M, WE'LL, DON'T, "Christmas Day": never names (unless the message names someone DON)
            }
            if (len == 1) {
                sc = -99;
            }
            score[t] = sc;
            boolean remembered = false;
            if (!known && memory && len >= 2 && (f & STOP) != 0 && (tk.capitalized(t) || tk.allUpper(t))) {
                // "Be called at 0800" with the relative's name only in memory (the other tests skip stop words);
                // hashed once per word and text
                if (stopsRemembered == null) {
                    stopsRemembered = new java.util.HashMap<>();
                }
                Boolean r = stopsRemembered.get(tk.lex[t]);
                if (r == null) {
                    r = s.ctx.remembers("n:", s.key(t));
                    stopsRemembered.put(tk.lex[t], r);
                }
                remembered = r;
            }
            if ((known || remembered) && (f & STOP) != 0) {
                // a patient called WILL or MAY: decided below, only where it reads as a name
                if (knownStop == null) {
                    knownStop = new byte[n];
                }
                knownStop[t] = known ? KNOWN : MEMORY;
            }
            if (len >= 2 && (knownNames || memory) && (f & STOP) == 0) {
                if (known) {
                    acc[t] = KNOWN;
                    continue;
                }
                String key = s.key(t);
                String owner = possessiveBase(s, t, key);
                // hashed: listed names and unknown words; clinical shorthand no name list knows (HR, SBP) is skipped
                if (memory && ((f & NAME_LISTED) != 0 || (f & (COMMON | CLINICAL)) == 0)
                        && (s.ctx.remembers("n:", key) || owner != null && s.ctx.remembers("n:", owner))) {
                    acc[t] = MEMORY;
                    continue;
                }
            }
            if (len >= 2 && sc > 0 && (f & NAME_LISTED) != 0 && (f & NOT_A_NAME) == 0) {
                acc[t] = SCORE;
            }
        }
        int[] capitals = capitalList.toArray();
        int[] dashes = dashList.toArray();
        int[] colons = colonList.toArray();
        int[] slashes = slashList.toArray();
        int[] roles = roleList.toArray();
        int[] writers = writerList.toArray();
        int[] lineOpeners = lineOpenerList.toArray();
        boolean speaks = (present & Triggers.SPEAKS) != 0;
        for (int t = 0; t < n; t++) {
            if (acc[t] == SCORE && (tk.isPunct(t + 1, '-') && tk.adjacent(t, t + 1) && s.has(t + 2, CLINICAL)
                    && tk.adjacent(t + 1, t + 2) || t >= 2 && tk.isPunct(t - 1, '-') && tk.adjacent(t - 1, t)
                    && s.has(t - 2, CLINICAL) && tk.adjacent(t - 2, t - 1))) {
                acc[t] = NONE; // "Wright-Giemsa", "Kirby-Bauer": one half is a method, so the pair is an eponym
            }
            if (acc[t] == SCORE && (s.isAny(t, CAR_MAKES) || t + 1 < n && tk.kind[t + 1] == Tokens.NUM
                    && tk.len(t + 1) >= 5 && tk.spaceOnly(t, t + 1) && tk.len(t) <= 3 && tk.allUpper(t))) {
                acc[t] = NONE; // "SILVER NISSAN ALTIMA"; "SID 1088273": the label of a number
            }
            if (acc[t] == SCORE && thingNotPerson(s, t)) {
                acc[t] = NONE;
            }
            if (acc[t] == SCORE && (s.isAny(t, Countries.NOT_NAMES) || abbreviationShape(s, t)
                    || s.isAny(s.prevWord(t, 0), "DONT", "CANT", "WONT", "DIDNT", "DOESNT", "DON'T", "CAN'T", "WON'T")
                    || s.is(t + 1, "SCIENTIFIC") || tk.isPunct(t + 1, '#'))) {
                // "Chengdu, China"; "per NSurg"; "DON'T CHASE HR"; "Boston Scientific ICD"; "Doc #: 9917734"
                acc[t] = NONE;
            }
            // (cheap test first: only a lexicon guess is asked whether it labels a field)
            boolean fieldLabel = acc[t] == SCORE && tk.isPunct(t + 1, ':') && tk.adjacent(t, t + 1)
                    && !tk.isPunct(t + 2, ':') && (s.flags(t) & FIRST_NAME) == 0
                    && (t == 0 || tk.nlBefore[t] || tk.kind[t - 1] == Tokens.PUNCT && !afterInitial(s, t));
            if (acc[t] == SCORE && (fieldLabel || !upper && (s.flags(t) & CLINICAL) != 0)) {
                // "Seguro: Salud ...": a word that is not a given name opening a field is its label ("Amy: ..." in a
                // dialogue stays); "A-line, Foley.": in mixed case a clinical word needs more than the name lexicon
                // (a title, a relative, a neighbouring name)
                acc[t] = NONE;
            }
            if (speaks && acc[t] != KNOWN && acc[t] != MEMORY && tk.kind[t] == Tokens.WORD && s.isAny(t, SPEAKS)) {
                // "speaks Navajo only", "Speaks Keres": the word after is a language (cheap tests first, the list last)
                acc[t] = NONE;
                int nx = s.nextWord(t, 0);
                if (nx > 0 && acc[nx] != KNOWN && acc[nx] != MEMORY) {
                    acc[nx] = NONE;
                    score[nx] = -99;
                }
                score[t] = -99;
            }
        }
        for (int t = 0; t < n; t++) {
            // a weak lexicon guess right after a relative or title becomes strong enough to pull its neighbours
            // ("Sister Faith Brown"); other contexts ("FROM WORCESTER") leave it to the other recognizers
            boolean weakAfterKin = acc[t] == SCORE && score[t] < 1.5f && s.prevWord(t, 2) >= 0
                    && (s.flags(s.prevWord(t, 2)) & (RELATION | TITLE)) != 0;
            if ((acc[t] == NONE || weakAfterKin) && tk.kind[t] == Tokens.WORD && tk.len(t) >= 2
                    && byContext(s, t, base[t]) && !eponymAfterNonTitle(s, t) && !thingNotPerson(s, t)) {
                acc[t] = CONTEXT;
                if (t >= 2 && tk.isPunct(t - 1, '.') && tk.len(t - 2) == 1 && acc[t - 2] == NONE
                        && Character.isLowerCase(tk.firstChar(t - 2)) && p0InitialAfterTitle(s, t)) {
                    acc[t - 2] = INITIAL; // "rn a. green": the initials pass visits capitals only
                }
            }
        }
        // a pass that needs some word runs only when the note holds it (see Triggers)
        if ((present & Triggers.PATIENT_LABEL) != 0) {
            labelledName(s, acc);
        }
        if ((present & Triggers.PERSON_LABEL) != 0) {
            labelledFullName(s, acc);
        }
        initialsWithAge(s, acc, capitals);
        nameBeforeAgeSex(s, acc);
        if ((present & Triggers.DTRS) != 0) {
            daughtersNamed(s, acc);
        }
        wordNamesThatAct(s, acc);
        if ((present & Triggers.TITLE) != 0) {
            titledLetter(s, acc, capitals);
        }
        if ((present & (Triggers.QUOTE | Triggers.KIN)) == (Triggers.QUOTE | Triggers.KIN)) {
            kinNickname(s, acc);
        }
        if ((present & (Triggers.QUOTE | Triggers.NICKNAME_CUE)) != 0) {
            nicknames(s, acc, base);
        }
        if ((present & Triggers.KIN) != 0) {
            kinInitials(s, acc, capitals);
            kinNameBeforeAge(s, acc);
        }
        if (!upper) {
            listOfGivenNames(s, acc); // (in a note of one case no word is capitalised)
        }
        if ((present & Triggers.BABY) != 0) {
            babyNames(s, acc, base);
        }
        if ((present & Triggers.NAMED) != 0) {
            namedChild(s, acc);
        }
        if ((present & Triggers.REMINDER) != 0) {
            remindedPerson(s, acc);
        }
        initialSurnameOfRole(s, acc, capitals);
        chatSpeakers(s, acc, colons);
        beforePhone(s, acc, base);
        if ((present & Triggers.WILL) != 0 && !upper) {
            capitalisedWill(s, acc); // (in a note of one case no word is capitalised)
        }
        if ((present & Triggers.ROLE) != 0) {
            initialsOfAnAttending(s, acc, roles);
        }
        boolean[] scale = scales(s, acc);
        // neighbours: a name next to a name ("JOHN SMITH", "SMITH, JOHN", "MARY SMITH-JONES")
        for (int round = 0; round < 2; round++) {
            boolean added = false;
            for (int t = 0; t < n; t++) {
                if (acc[t] != NONE || tk.kind[t] != Tokens.WORD || tk.len(t) < 2 || scale != null && scale[t]) {
                    continue;
                }
                if (!accepted(acc, t - 1) && !accepted(acc, t + 1) && !accepted(acc, t - 2) && !accepted(acc, t + 2)) {
                    continue; // (cheap test first: each way below needs a name at most two tokens away)
                }
                int f = s.flags(t);
                boolean listed = (f & NAME_LISTED) != 0;
                boolean unknownProper = !upper && tk.capitalized(t) && (f & COMMON) == 0 && (f & CLINICAL) == 0;
                if (!listed && !unknownProper || s.notAGuessedName(t)) {
                    continue; // (cheap test first: the flags rule out most words; a foreign line's words: SpanishLines)
                }
                // "Will Smith": in mixed-case text two capitalised words side by side are a name
                boolean capsPair = !upper && tk.capitalized(t)
                        && (accepted(acc, t + 1) && tk.capitalized(t + 1) || accepted(acc, t - 1) && tk.capitalized(t - 1));
                // "Amber West", "Mary Washington": a state word right after a strong given name is a surname,
                // unless the state's name goes on ("West Virginia")
                boolean stateSurname = (f & Lexicon.STATE_NAME) != 0 && pulls(acc, score, t - 1) && joined(s, t - 1, t)
                        && !(t + 1 < n && s.has(t + 1, Lexicon.STATE_NAME) && joined(s, t, t + 1));
                int notName = stateSurname ? NOT_A_NAME & ~Lexicon.STATE_NAME : NOT_A_NAME;
                if ((f & STOP) != 0 && !(capsPair && base[t] >= -3.5f) || (f & (notName | VERB_CONTEXT)) != 0
                        || s.isAny(t, Countries.NOT_NAMES) || (f & Lexicon.USPS) != 0 && tk.len(t) == 2
                        || s.isAny(t, ESQUIRE)) {
                    continue; // "Harlan, KY": a state's code is not a name part; nor is "Esq." after one
                }
                if (listed && base[t] + shape(tk, t, upper, tk.len(t)) + (capsPair ? 4.5f : 2.5f) <= 0) {
                    continue;
                }
                // "Ulric Bramblecote": a capitalised word no list knows right after a capitalised given name found is
                // its surname, however weak the given name's own odds (not before it: "Respira Caribe")
                boolean unknownPart = unknownProper && !listed && !s.has(t, Lexicon.PLACE_START) && capsPair
                        && accepted(acc, t - 1)
                        && tk.capitalized(t - 1) && joined(s, t - 1, t)
                        && (s.flags(t - 1) & (FIRST_NAME | COMMON)) == FIRST_NAME;
                if (pulls(acc, score, t - 1) && joined(s, t - 1, t) || pulls(acc, score, t + 1) && joined(s, t, t + 1)
                        || commaNeighbour(s, acc, score, t) || unknownPart) {
                    acc[t] = NEIGHBOUR;
                    added = true;
                }
            }
            if (!added) {
                break; // the next round would see the same words and add none either
            }
        }
        vietnameseGivenNames(s, acc);
        if (knownNames) {
            // a known name spelled apart in the text: "De La Cruz" / "Van Der Berg" for DELACRUZ, VANDERBERG
            for (int t = 0; t + 1 < n; t++) {
                if (tk.kind[t] != Tokens.WORD || acc[t] != NONE && acc[t] != SCORE) {
                    continue;
                }
                StringBuilder b = new StringBuilder(s.key(t));
                for (int u = t + 1; u < n && u - t <= 3 && tk.kind[u] == Tokens.WORD
                        && (tk.spaceOnly(u - 1, u) || tk.adjacent(u - 1, u)); u++) {
                    b.append(s.key(u));
                    if (s.ctx.nameKeys.contains(b.toString())) {
                        for (int k = t; k <= u; k++) {
                            acc[k] = KNOWN;
                        }
                        break;
                    }
                }
            }
        }
        if (knownStop != null) {
            for (int t = 0; t < n; t++) {
                if (knownStop[t] != NONE && acc[t] == NONE) {
                    int p = s.prevWord(t, 1);
                    boolean afterKin = p >= 0 && (s.flags(p) & RELATION) != 0;
                    // fail closed: capitalised, or in capitals, it is the person ("An tolerated diet.", a sentence's
                    // first word too), unless a modal between a relative and a verb ("DAUGHTER WILL CALL BACK")
                    boolean written = (tk.capitalized(t) || tk.allUpper(t))
                            && !(afterKin && s.isAny(t, MODALS) && verbFollows(s, t));
                    boolean named = written
                            || accepted(acc, t + 1) && joined(s, t, t + 1) || accepted(acc, t - 1) && joined(s, t - 1, t)
                            || p >= 0 && (s.flags(p) & TITLE) != 0
                            || afterKin && !verbFollows(s, t);
                    if (named) {
                        acc[t] = knownStop[t];
                    }
                }
            }
        }
        initials(s, acc, capitals);
        signOff(s, acc, dashes);
        signatureLines(s, acc, lineOpeners);
        dictationInitials(s, acc, slashes);
        if ((present & Triggers.WRITER) != 0) {
            initialsOfAWriter(s, acc, writers);
        }
        countriesAsPlaces(s, acc);
        repeat(s, acc, base, scale);
        for (int t = 0; t < n; t++) {
            if (acc[t] == SCORE && s.notAGuessedName(t)) {
                acc[t] = NONE; // a Spanish or Creole line's word, on the lexicon's guess alone: see SpanishLines
            }
            if (holiday != null && holiday[t] && acc[t] != KNOWN && acc[t] != MEMORY) {
                acc[t] = NONE; // (nor a neighbour's or a repeat's)
            }
        }
        emit(s, acc, score);
        agesAfterNames(s);
    }

    /**
     * The words of the holidays the dates found ("born Christmas Day 1929", "New Year's Day"), or null: a holiday is a
     * date, and "Christmas Day" had become a name (CHRISTMAS and DAY are surnames), its year kept beside it.
     */
    private static boolean[] holidays(Scan s) {
        boolean[] in = null;
        for (PhiSpan sp : s.found) {
            if (sp.type() == PhiType.DATE && "date.holiday".equals(sp.rule())) {
                if (in == null) {
                    in = new boolean[s.tk.n];
                }
                for (int t = s.tokenAt(sp.start()); t >= 0 && t < s.tk.n && s.tk.start[t] < sp.end(); t++) {
                    in[t] = true;
                }
            }
        }
        return in;
    }

    /**
     * A name ends where its hyphenated word does: "Soo-ah Kim", "Min-jun Lee", "Do-yun Kang" kept "-ah", "-jun", "Do-"
     * where one rule (or the token model) took one half. Every name candidate grows over the words glued to it by a
     * hyphen, unless another kind of span holds them. Runs after the token model, over every rule's names.
     */
    static void wholeHyphenatedWords(Scan s) {
        Tokens tk = s.tk;
        java.util.BitSet others = null;
        for (int i = 0, size = s.found.size(); i < size; i++) {
            PhiSpan sp = s.found.get(i);
            if (sp.type() != PhiType.NAME) {
                continue;
            }
            int first = s.tokenAt(sp.start());
            int last = s.tokenAt(sp.end() - 1);
            if (first < 0 || last < 0 || tk.start[first] != sp.start() || tk.end[last] != sp.end()) {
                continue; // (a piece of a word: Known.leftovers' own)
            }
            int a = first;
            int b = last;
            while (a >= 2 && hyphenated(s, a - 2, a)) {
                a -= 2;
            }
            while (b + 2 < tk.n && hyphenated(s, b, b + 2)) {
                b += 2;
            }
            if (a == first && b == last) {
                continue;
            }
            if (others == null) {
                others = new java.util.BitSet(s.text.length());
                for (PhiSpan o : s.found) {
                    if (o.type() != PhiType.NAME) {
                        others.set(o.start(), o.end());
                    }
                }
            }
            int from = others.nextSetBit(tk.start[a]);
            if (from < 0 || from >= tk.end[b]) {
                s.found.set(i, new PhiSpan(PhiType.NAME, tk.start[a], tk.end[b], sp.rule(), sp.confidence()));
            }
        }
    }

    /** Words a and b (= a + 2) glued by a hyphen: "Soo-ah". */
    private static boolean hyphenated(Scan s, int a, int b) {
        Tokens tk = s.tk;
        return tk.kind[a] == Tokens.WORD && tk.kind[b] == Tokens.WORD && tk.isPunct(a + 1, '-') && tk.adjacent(a, a + 1)
                && tk.adjacent(a + 1, b);
    }

    /** Vietnamese surnames, without their marks, as {@link #vietnameseGivenNames} reads them before a middle name. */
    private static final Words VIET_SURNAMES = Words.of("NGUYEN", "TRAN", "LE", "PHAM", "HOANG", "HUYNH", "PHAN", "VU",
            "VO", "DANG", "BUI", "DO", "HO", "NGO", "DUONG", "LY", "DINH", "TRUONG", "LAM", "MAI", "CAO", "DOAN", "LUONG",
            "TRINH", "HA", "TA", "LUU", "KIEU", "QUACH", "TON", "THAI", "LA", "CHAU", "VUONG", "TANG", "PHUNG", "DIEP",
            "TRIEU", "THACH", "LAI", "HUA", "TIEU", "DAM", "KHUC", "LUC", "MAC", "TONG");

    /** The middle names that stand between a Vietnamese surname and the given name: Văn, Thị, Đức, Hữu, Ngọc... */
    private static final Words VIET_MIDDLE_NAMES = Words.of("VAN", "THI", "DUC", "HUU", "NGOC", "MINH", "THANH", "QUOC",
            "XUAN", "HONG", "KIM", "CONG", "GIA", "BAO", "QUANG", "TRONG", "MANH", "DINH");

    /**
     * Whether word t is one of the words read without its Vietnamese marks: Fold keeps the letters past Latin
     * Extended-B and Đ ("Phạm", "Thị", "Đức" are PHẠM, THỊ, ĐỨC to the other rules).
     */
    private static boolean vietnamese(Scan s, int t, Words words) {
        if (s.isAny(t, words)) {
            return true;
        }
        // (cheap test first: called for every word, and only a word with a mark needs its key read without them)
        boolean marked = false;
        for (int i = s.tk.start[t]; i < s.tk.end[t] && !marked; i++) {
            marked = s.text.charAt(i) >= 0x80;
        }
        if (!marked) {
            return false;
        }
        String k = s.key(t);
        for (int i = 0; i < k.length(); i++) {
            if (k.charAt(i) >= 0x80) {
                String nfd = java.text.Normalizer.normalize(k, java.text.Normalizer.Form.NFD);
                StringBuilder plain = new StringBuilder(nfd.length());
                for (int j = 0; j < nfd.length(); j++) {
                    char c = nfd.charAt(j);
                    if (Character.getType(c) != Character.NON_SPACING_MARK) {
                        plain.append(c == '\u0110' || c == '\u0111' ? 'D' : Character.toUpperCase(c));
                    }
                }
                return words.contains(plain.toString());
            }
        }
        return false;
    }

    private static void vietnameseGivenNames(Scan s, byte[] acc) {
        Tokens tk = s.tk;
        for (int t = 0; t + 2 < tk.n; t++) {
            if (tk.kind[t] != Tokens.WORD || !vietnamese(s, t, VIET_SURNAMES) || !joined(s, t, t + 1)
                    || !vietnamese(s, t + 1, VIET_MIDDLE_NAMES)) {
                continue;
            }
            int g = t + 2;
            if (g + 1 < tk.n && vietnamese(s, g, VIET_MIDDLE_NAMES) && joined(s, g - 1, g) && joined(s, g, g + 1)
                    && tk.kind[g + 1] == Tokens.WORD && (tk.upperDoc || !tk.lowerInitial(g + 1))) {
                g++; // "Nguyễn Thị Minh Khai"
            }
            if (tk.kind[g] != Tokens.WORD || tk.len(g) < 2 || !joined(s, g - 1, g) || tk.nlBefore[g]
                    || tk.nlBefore[t + 1]) {
                continue;
            }
            boolean name = !tk.upperDoc;
            for (int u = t; u <= g; u++) {
                name = tk.upperDoc ? name || accepted(acc, u) : name && !tk.lowerInitial(u);
            }
            if (name) {
                for (int u = t; u <= g; u++) {
                    if (acc[u] == NONE || acc[u] == SCORE) {
                        acc[u] = CONTEXT;
                    }
                }
                t = g;
            }
        }
    }

    /** Token indexes in rising order, gathered in detect's first loop for the passes that look at no other tokens. */
    private static final class TokenList {
        private int[] at = new int[16];
        private int size;

        void add(int t) {
            if (size == at.length) {
                at = java.util.Arrays.copyOf(at, 2 * size);
            }
            at[size++] = t;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(at, size);
        }
    }

    /**
     * The words without which a pass over the tokens takes nothing, one bit per pass (or per word a pass needs):
     * detect's first loop reads every token's hash anyway, and a key equal to a word has that word's hash, so a pass
     * whose words the note lacks is skipped whole (another word of the same hash only costs the pass). Each list is
     * what its pass tests first; keep them in step.
     */
    private static final class Triggers {
        /** {@link #labelledName}. */
        static final int PATIENT_LABEL = 1;
        /** {@link #labelledFullName}. */
        static final int PERSON_LABEL = 1 << 1;
        /** {@link #daughtersNamed}. */
        static final int DTRS = 1 << 2;
        /** {@link #titledLetter}. */
        static final int TITLE = 1 << 3;
        /** {@link #kinNickname}, {@link #kinInitials}, {@link #kinNameBeforeAge}. */
        static final int KIN = 1 << 4;
        /** A quote mark ({@link #quote}), set from the punctuation: {@link #kinNickname}, {@link #nicknames}. */
        static final int QUOTE = 1 << 5;
        /** The words a {@link #nicknameCue} needs one of ("GOES" of "goes by"): {@link #nicknames}. */
        static final int NICKNAME_CUE = 1 << 6;
        /** {@link #babyNames}. */
        static final int BABY = 1 << 7;
        /** {@link #namedChild}. */
        static final int NAMED = 1 << 8;
        /** {@link #remindedPerson}. */
        static final int REMINDER = 1 << 9;
        /** {@link #capitalisedWill}. */
        static final int WILL = 1 << 10;
        /** {@link #initialsOfAnAttending}. */
        static final int ROLE = 1 << 11;
        /** {@link #initialsOfAWriter}. */
        static final int WRITER = 1 << 12;
        /** The languages' rule in detect. */
        static final int SPEAKS = 1 << 13;

        /** The words' hashes, sorted, and each one's bits. */
        private static final int[] HASHES;
        private static final int[] BITS;
        /** A bit per hash modulo 1024: most tokens are none of the words, and one bit test turns them away. */
        private static final long[] FILTER = new long[16];

        static {
            java.util.TreeMap<Integer, Integer> bits = new java.util.TreeMap<>();
            add(bits, PATIENT_LABEL, "PT", "PATIENT", "NAME");
            add(bits, PERSON_LABEL, PERSON_LABEL_WORDS);
            add(bits, DTRS, "DTRS");
            add(bits, TITLE, "DR", "DRS", "MR", "MRS", "MS");
            add(bits, KIN, KIN_WORDS);
            add(bits, NICKNAME_CUE, "NICKNAMED", "NICKNAME", "AKA", "GOES", "GO", "GOING", "WENT", "KNOWN", "CALLS",
                    "CALL", "CALLED", "CALLING");
            add(bits, BABY, "BABY");
            add(bits, NAMED, "NAMED");
            add(bits, REMINDER, "REMINDER");
            add(bits, WILL, "WILL");
            add(bits, ROLE, ROLE_WORDS);
            add(bits, WRITER, WRITER_VERB_WORDS);
            add(bits, SPEAKS, SPEAKS_WORDS);
            HASHES = bits.keySet().stream().mapToInt(Integer::intValue).toArray();
            BITS = bits.values().stream().mapToInt(Integer::intValue).toArray();
            for (int h : HASHES) {
                FILTER[(h >>> 6) & 15] |= 1L << h;
            }
        }

        private Triggers() {
        }

        private static void add(java.util.Map<Integer, Integer> bits, int bit, String... words) {
            for (String w : words) {
                bits.merge(w.hashCode(), bit, (a, b) -> a | b);
            }
        }

        /** The labels that their passes take only before a colon ("PT:", "Reminder:"). */
        private static final int BEFORE_COLON = PATIENT_LABEL | PERSON_LABEL | REMINDER;

        /**
         * The bits of word t: those of the words of its hash ({@link Tokens#hash}), 0 for most; a label's only before
         * its colon, a title's only before its full stop ({@link #titledLetter}).
         */
        static int at(Tokens tk, int t) {
            int hash = tk.hash[t];
            if ((FILTER[(hash >>> 6) & 15] & 1L << hash) == 0) {
                return 0;
            }
            int i = java.util.Arrays.binarySearch(HASHES, hash);
            if (i < 0) {
                return 0;
            }
            int bits = BITS[i];
            if (!tk.isPunct(t + 1, ':')) {
                bits &= ~BEFORE_COLON;
            }
            if (!tk.isPunct(t + 1, '.')) {
                bits &= ~TITLE;
            }
            return bits;
        }
    }

    /**
     * "Mrs. Kuhlmann, 96, is now bed-bound", "her mother, Ruby Hartsell, is 91 and ...", "Ebube's grandmother (93)": a
     * number from 90 to 125 right after a person's name, between commas, in parentheses or after IS/WAS, is their age
     * (Safe Harbor: every age over 89, of anyone). Runs after the names are known; a unit after the number rules it out.
     */
    private static void agesAfterNames(Scan s) {
        Tokens tk = s.tk;
        int found = s.found.size();
        for (int i = 0; i < found; i++) {
            PhiSpan sp = s.found.get(i);
            if (sp.type() != PhiType.NAME) {
                continue;
            }
            int last = s.tokenAt(sp.end() - 1);
            if (last < 0 || !numberWithin(tk, last, 5)) {
                continue; // (cheap test first: the age is a number at most five tokens on)
            }
            int u = last + 1;
            while (u < tk.n && (tk.isPunct(u, ')') || quote(s, u)) && u - last <= 2) {
                u++; // "(\"Motty\"), 90," "(LAKSHMI), 90,"
            }
            // a table's cell bar ("Hazel Dunkirk | 96 |") separates like a comma
            boolean comma = tk.isPunct(u, ',') || tk.isPunct(u, '|');
            // "Ole Brekkestad 101, temp 38.6": the age right after the name, closed by a comma
            // ... when the name is a resident's, a patient's or a relative's (not "Dr. Patel 104, exam room")
            int before = s.prevWord(s.tokenAt(sp.start()), 1);
            boolean ownerNamed = s.isAny(before, "RESIDENT", "PATIENT", "PT", "RE", "MEMBER", "CLIENT")
                    || before >= 0 && s.isAny(before, KIN);
            boolean bare = ownerNamed && !comma && u < tk.n && tk.kind[u] == Tokens.NUM && !tk.nlBefore[u]
                    && tk.isPunct(u + 1, ',') && tk.adjacent(u, u + 1);
            boolean paren = tk.isPunct(u, '(');
            if (comma || paren) {
                u++;
            }
            if (s.isAny(u, "IS", "WAS", "NOW", "AGE", "AGED")) {
                u++;
            }
            if (u >= tk.n || tk.kind[u] != Tokens.NUM || tk.len(u) > 3 || tk.nlBefore[u] || u - last > 5) {
                continue;
            }
            int v = tk.intValue(u);
            if (v < 90 || v > 125) {
                continue;
            }
            int a = u + 1;
            boolean closed = a >= tk.n || tk.nlBefore[a] || tk.isPunct(a, ',') || tk.isPunct(a, ')') && paren
                    || tk.isPunct(a, '.') && !(a + 1 < tk.n && tk.kind[a + 1] == Tokens.NUM && tk.adjacent(a, a + 1))
                    || tk.isPunct(a, ';') || tk.isPunct(a, '|') && comma
                    || comma && tk.start[a] - tk.end[u] >= 3 // a form's next column: "Pearl Ratliff, 91   Faith: ..."

                    || tk.isPunct(a, '-') && !tk.adjacent(u, a) && a + 1 < tk.n && !tk.adjacent(a, a + 1)
                    || s.isAny(a, "AND", "BUT", "WHO", "YEARS", "YO", "Y");
            boolean afterVerb = s.isAny(u - 1, "IS", "WAS", "NOW", "AGE", "AGED");
            if (closed && (comma || paren || afterVerb || bare)) {
                s.add(PhiType.AGE, tk.start[u], tk.end[u], "age.after-name", 0.85);
            }
        }
    }

    /** Whether one of the {@code k} tokens after token t is a number. */
    private static boolean numberWithin(Tokens tk, int t, int k) {
        for (int u = t + 1; u <= t + k && u < tk.n; u++) {
            if (tk.kind[u] == Tokens.NUM) {
                return true;
            }
        }
        return false;
    }

    /** "per Portland protocol", "pt's wife: Graves disease": an eponym head after the word outweighs a context word. */
    private static boolean eponymAfterNonTitle(Scan s, int t) {
        Tokens tk = s.tk;
        int nx = t + 1;
        if (nx + 1 < tk.n && tk.isPunct(nx, '\'') && tk.adjacent(t, nx)) {
            nx++; // "mother with Graves' disease"
        }
        // the head right after the word, lower-case where case tells ("Albert Nodes, MD" is a person)
        // a possessive is someone's ("teodor's cell" is a phone), unless the word is a listed eponym
        if (nx >= tk.n || tk.kind[nx] != Tokens.WORD || !s.isAny(nx, EPONYM_NOUNS) || s.possessive(t)
                || !tk.upperDoc && !tk.lowerInitial(nx) || !eponym(s, t)) {
            return false;
        }
        int p = s.prevWord(t, 1);
        return !(p >= 0 && (s.flags(p) & TITLE) != 0);
    }

    private static boolean quote(Scan s, int t) {
        Tokens tk = s.tk;
        return tk.isPunct(t, '"') || tk.isPunct(t, '\u201C') || tk.isPunct(t, '\u201D'); // (no text read)
    }

    /**
     * The closing quote's token when a quote opens right before word t and closes right after it or after a
     * hyphenated run ("T-Boy", "Jun-Jun"); -1 otherwise.
     */
    private static int quotedEnd(Scan s, int t) {
        Tokens tk = s.tk;
        if (!(quote(s, t - 1) && tk.adjacent(t - 1, t))) {
            return -1;
        }
        int u = t;
        while (u + 2 < tk.n && tk.isPunct(u + 1, '-') && tk.adjacent(u, u + 1) && tk.kind[u + 2] == Tokens.WORD
                && tk.adjacent(u + 1, u + 2) && u - t < 6) {
            u += 2;
        }
        return quote(s, u + 1) && tk.adjacent(u, u + 1) ? u + 1 : -1;
    }

    /** The words that {@link #nicknameCue} tests t for (keep the two in step). */
    private static final Words NICKNAME_CUE_WORDS = Words.of("NICKNAMED", "NICKNAME", "AKA", "BY", "AS", "HIM", "HER",
            "THEM", "CALLED");

    /** Words that hand over a nickname: "goes by", "known as", "aka", "nicknamed", "prefers to be called". */
    private static int nicknameCue(Scan s, int t) {
        if (!s.isAny(t, NICKNAME_CUE_WORDS)) {
            return -1; // (cheap test first: one look-up of the word rules out every cue below)
        }
        if (s.isAny(t, "NICKNAMED", "NICKNAME", "AKA")) {
            return t;
        }
        if (s.is(t, "BY") && s.isAny(s.prevWord(t, 0), "GOES", "GO", "GOING", "WENT")) {
            return t;
        }
        if (s.is(t, "AS") && s.isAny(s.prevWord(t, 0), "KNOWN")) {
            return t;
        }
        if (s.isAny(t, "HIM", "HER", "THEM") && s.isAny(s.prevWord(t, 0), "CALLS", "CALL", "CALLED", "CALLING")) {
            return t; // "everyone calls him \"boy\""
        }
        if (s.is(t, "CALLED") && s.is(s.prevWord(t, 0), "BE") && s.is(s.prevWord(s.prevWord(t, 0), 0), "TO")) {
            return t; // "prefers to be called"
        }
        return -1;
    }

    /**
     * The word right after a nickname's closing quote, on its line, shaped like a surname that no rule has taken yet
     * ("William \"Will\" Thornbury": the neighbour rules take Thornbury later): capitalised (any case in a caseless
     * note), no stop, clinical or never-a-name word.
     */
    private static boolean surnameAfterNickname(Scan s, int close) {
        Tokens tk = s.tk;
        int u = close + 1;
        return u < tk.n && tk.kind[u] == Tokens.WORD && tk.len(u) >= 2 && tk.spaceOnly(close, u)
                && (tk.upperDoc || tk.capitalized(u)) && (s.flags(u) & (STOP | CLINICAL | NOT_A_NAME)) == 0;
    }

    /**
     * Nicknames: the word a nickname cue hands over ("goes by Nell", "aka 'Tiny'"), and a quoted word in parentheses
     * or between the parts right after a person's name ("Marcus Hale ("Tiny")", "Robert "Bobby" Hale"). Quoted, any
     * word but a clinical one is taken; unquoted after a cue, only a listed name or an unknown proper word ("goes by
     * ambulance" stays).
     */
    private static void nicknames(Scan s, byte[] acc, float[] base) {
        Tokens tk = s.tk;
        for (int t = 0; t < tk.n; t++) {
            if (acc[t] != NONE || tk.kind[t] != Tokens.WORD) {
                continue;
            }
            int close = quotedEnd(s, t);
            if (s.has(t, CLINICAL) && !(close > 0 && (tk.isPunct(t - 2, '(')
                    || accepted(acc, t - 2) && surnameAfterNickname(s, close)))) {
                // a clinical word is a nickname only quoted in parentheses ("Sharp (\"Rose\")") or between a name's
                // parts ("William \"Will\" Thornbury")
                continue;
            }
            if (tk.len(t) < 2 && close <= t + 1) {
                continue; // one letter is a nickname only as part of a hyphenated one ("T-Boy")
            }
            boolean quoted = close > 0;
            int p = s.prevWord(t, quoted ? 1 : 0);
            boolean cue = p >= 0 && tk.kind[p] == Tokens.WORD && tk.len(p) <= 9 && !tk.nlBefore[t]
                    && nicknameCue(s, p) >= 0;
            if (cue) {
                int f = s.flags(t);
                boolean nameLike = (f & NAME_LISTED) != 0 && base[t] >= -3 && (f & (STOP | NOT_A_NAME)) == 0
                        || !tk.upperDoc && tk.capitalized(t) && (f & COMMON) == 0;
                // "calls him" hands over a nickname only in quotes: "call her church" is a call to her church
                if (quoted || nameLike && !s.isAny(p, "HIM", "HER", "THEM")) {
                    acc[t] = CONTEXT;
                }
                continue;
            }
            if (quoted) {
                // the name before: directly, or with "(" between, or after a suffix ("Thibodeaux Jr. (\"T-Boy\")")
                int q = t - 2;
                if (q >= 0 && tk.isPunct(q, '(')) {
                    q--;
                }
                if (q >= 1 && tk.isPunct(q, '.') && s.isAny(q - 1, "JR", "SR")) {
                    q -= 2;
                } else if (q >= 0 && s.isAny(q, "JR", "SR", "II", "III")) {
                    q--;
                }
                // in parentheses ("Hale (\"Tiny\")"), or between the parts ("Robert \"Bobby\" Hale"), not a quoted
                // word after a name and before anything else ("IN WORCESTER \"MAYBE\"")
                boolean nameWord = tk.lex[t] < 0 || (s.flags(t) & NAME_LISTED) != 0 && s.lx.nameOdds(tk.lex[t]) >= -3
                        && (s.flags(t) & STOP) == 0;
                boolean framed = tk.isPunct(t - 2, '(') || close + 1 < tk.n && (accepted(acc, close + 1)
                        || surnameAfterNickname(s, close))
                        || nameWord && (s.flags(t) & COMMON) == 0 // "HOLLOWAY, REGINALD \"BISHOP\""
                        || nameWord && q >= 2 && tk.isPunct(q - 1, ',') && accepted(acc, q - 2);
                if (framed && q >= 0 && accepted(acc, q) && tk.kind[q] == Tokens.WORD) {
                    for (int u = t; u < close; u++) {
                        if (tk.kind[u] == Tokens.WORD) {
                            acc[u] = CONTEXT;
                        }
                    }
                }
            }
        }
    }

    /** "Dr. Q," "Mr. K.": a title and a single capital letter is a person named by an initial. */
    private static void titledLetter(Scan s, byte[] acc, int[] capitals) {
        Tokens tk = s.tk;
        for (int t : capitals) {
            if (t < 2 || !tk.isPunct(t - 1, '.') || acc[t] != NONE) {
                continue;
            }
            int p = s.prevWord(t, 1);
            boolean closed = t + 1 >= tk.n || tk.nlBefore[t + 1] || tk.isPunct(t + 1, ',') || tk.isPunct(t + 1, ':')
                    || tk.isPunct(t + 1, '.') && (t + 2 >= tk.n || !tk.adjacent(t + 1, t + 2));
            if (p >= 0 && s.isAny(p, "DR", "DRS", "MR", "MRS", "MS") && tk.isPunct(p + 1, '.') && p + 2 == t && closed) {
                acc[t] = CONTEXT;
            }
        }
    }

    private static final Words PARTICLES = Words.of("VAN", "VON", "DER", "DEN", "DE", "DEL", "DELLA", "LA", "LE",
            "DI", "DA", "DOS", "DAS", "MAC", "MC", "O", "ST", "TEN", "TER", "BIN", "BEN", "AL", "EL", "Y");

    /**
     * "PT: VAN DER MEULEN, HENDRIKA J.": after a patient or name label, "Last, First" is the name when the word after
     * the comma is a listed given name or a word no lexicon knows; the surname may have particles or several words
     * (up to four).
     */
    private static void labelledName(Scan s, byte[] acc) {
        Tokens tk = s.tk;
        for (int t = 0; t + 4 < tk.n; t++) {
            if (!(tk.isPunct(t + 1, ':') && s.isAny(t, "PT", "PATIENT", "NAME"))) { // the cheap test first
                continue;
            }
            int a = t + 2;
            int c = a;
            while (c < tk.n && c - a < 4 && tk.kind[c] == Tokens.WORD && !tk.nlBefore[c]
                    && (s.isAny(c, PARTICLES) || (s.flags(c) & (CLINICAL | STOP | NOT_A_NAME)) == 0)) {
                c++;
            }
            int g = c + 1;
            if (c == a || c >= tk.n || !tk.isPunct(c, ',') || g >= tk.n || tk.nlBefore[g] || tk.kind[g] != Tokens.WORD
                    || (s.flags(g) & (STOP | NOT_A_NAME | CLINICAL)) != 0) {
                continue;
            }
            // a listed given name, or a word no lexicon knows ("HENDRIKA"), not one shaped like an English word
            if ((s.flags(g) & FIRST_NAME) == 0 && !(tk.lex[g] < 0 && tk.len(g) >= 3 && !wordLike(s, g))) {
                continue;
            }
            for (int u = a; u < c; u++) {
                if (acc[u] == NONE) {
                    acc[u] = CONTEXT;
                }
            }
            if (acc[g] == NONE) {
                acc[g] = CONTEXT;
            }
            if (g + 1 < tk.n && tk.kind[g + 1] == Tokens.WORD && tk.len(g + 1) == 1 && !tk.nlBefore[g + 1]
                    && Character.isUpperCase(tk.firstChar(g + 1)) && acc[g + 1] == NONE) {
                acc[g + 1] = INITIAL;
            }
        }
    }

    /**
     * "Aunt \"Baby\" (Kulwinder)", "PT'S SISTER, \"BABY\" AUNTY (LAKSHMI)": a quoted word after a relative is what the
     * family calls them, and a single word in parentheses right after it is their name.
     */
    private static void kinNickname(Scan s, byte[] acc) {
        Tokens tk = s.tk;
        for (int t = 1; t < tk.n; t++) {
            if (tk.kind[t] != Tokens.WORD || !quote(s, t - 1)) {
                continue;
            }
            int close = quotedEnd(s, t);
            if (close < 0) {
                continue;
            }
            int p = s.prevWord(t, 2);
            if (p < 0 || !s.isAny(p, KIN)) {
                continue;
            }
            for (int u = t; u < close; u++) {
                if (tk.kind[u] == Tokens.WORD) {
                    acc[u] = CONTEXT;
                }
            }
            int q = close + 1;
            if (q < tk.n && tk.kind[q] == Tokens.WORD && s.isAny(q, KIN) || s.isAny(q, "AUNTY", "AUNTIE")) {
                q++; // "\"BABY\" AUNTY (LAKSHMI)"
            }
            if (tk.isPunct(q, '(') && q + 2 < tk.n && tk.kind[q + 1] == Tokens.WORD && tk.isPunct(q + 2, ')')
                    && (s.flags(q + 1) & (CLINICAL | STOP | NOT_A_NAME)) == 0 && tk.len(q + 1) >= 3) {
                acc[q + 1] = CONTEXT;
            }
        }
    }

    /** "son R.T. is HCP", "dtr J.K. at bedside": dotted initials right after a relative are the relative's name. */
    private static void kinInitials(Scan s, byte[] acc, int[] capitals) {
        Tokens tk = s.tk;
        for (int t : capitals) {
            if (t < 1 || t + 3 >= tk.n
                    || !(dottedCapital(s, t) && dottedCapital(s, t + 2) && tk.adjacent(t + 1, t + 2))) {
                continue;
            }
            int p = s.prevWord(t, 1);
            if (p >= 0 && s.isAny(p, KIN) && !tk.nlBefore[t]) {
                acc[t] = INITIAL;
                acc[t + 2] = INITIAL;
            }
        }
    }

    private static final Words BABY_STATES = Words.of("BORN", "DELIVERED", "NOW", "STABLE", "DOING", "ADMITTED",
        "TRANSFERRED", "REMAINS", "NOTED", "BORNE");

    private static final Words BABY_SEXES = Words.of("BOY", "GIRL");

    /**
     * "BABY BOY OKAFOR", "BABY GIRL CHILD (TWIN A)": newborns are named by sex and surname; the word after is the
     * surname when it is a listed name that is not a clinical or ordinary word of the sentence ("BABY GIRL FEEDING
     * WELL"), or when a parenthesis or comma closes it.
     */
    private static void babyNames(Scan s, byte[] acc, float[] base) {
        Tokens tk = s.tk;
        for (int t = 2; t < tk.n; t++) {
            if (acc[t] != NONE || tk.kind[t] != Tokens.WORD || tk.len(t) < 2 || tk.nlBefore[t] || tk.len(t - 2) != 4
                    || !s.isAny(t - 1, BABY_SEXES) || !s.is(t - 2, "BABY") || !tk.spaceOnly(t - 2, t - 1)
                    || !tk.spaceOnly(t - 1, t)) {
                continue;
            }
            if (!tk.upperDoc && !tk.capitalized(t)) {
                continue;
            }
            int f = s.flags(t);
            if ((f & (CLINICAL | STOP | NOT_A_NAME | VERB_CONTEXT)) != 0 || wordLike(s, t)
                    || s.isAny(t, BABY_STATES)) {
                continue; // "BABY GIRL BORN 3/2": what the baby did, not her surname
            }
            boolean closed = t + 1 >= tk.n || tk.nlBefore[t + 1] || tk.isPunct(t + 1, '(') || tk.isPunct(t + 1, ',');
            if ((f & NAME_LISTED) != 0 && base[t] >= -3 || closed) {
                acc[t] = CONTEXT;
            }
        }
    }

    /**
     * "Reminder: TARLANG has an appt with Dr. ...": an appointment reminder opens with the patient's name. Only the one
     * word between the reminder's colon and HAS or IS, and never an ordinary word ("Reminder: Tomorrow is...",
     * "Reminder: Parking is..."); in capitals a listed given name that is also a word may be taken.
     */
    private static void remindedPerson(Scan s, byte[] acc) {
        Tokens tk = s.tk;
        for (int t = 0; t + 3 < tk.n; t++) {
            if (tk.kind[t] != Tokens.WORD || tk.len(t) != 8 || !s.is(t, "REMINDER") || !tk.isPunct(t + 1, ':')) {
                continue;
            }
            int u = t + 2;
            if (tk.kind[u] == Tokens.WORD && tk.len(u) >= 2 && !tk.nlBefore[u] && s.isAny(u + 1, "HAS", "IS")
                    && (s.flags(u) & (STOP | CLINICAL | RELATION | TITLE | VERB_CONTEXT)) == 0
                    && ((s.flags(u) & COMMON) == 0 || (s.flags(u) & NAME_LISTED) != 0 && !tk.capitalized(u))
                    && !s.isAny(u, "PATIENT", "PT", "YOUR", "THE", "APPOINTMENT", "APPT", "CHILD", "BABY")) {
                acc[u] = CONTEXT;
            }
        }
    }

    private static final Words CULTURE_WORDS = Words.of("GREW", "GROWING", "GROWTH", "ISOLATED", "ISOLATE", "POSITIVE",
            "POS", "CULTURE", "CULTURES", "SPECIES", "OF", "WITH", "FOR");

    /**
     * "T. Banks, LMSW", "K. Ransom, QMHP", "L. OKONJO BADGE S-207": an initial and a surname before a credential or a
     * badge name a clinician or an officer, even when the surname is an ordinary word.
     */
    private static void initialSurnameOfRole(Scan s, byte[] acc, int[] capitals) {
        Tokens tk = s.tk;
        for (int i : capitals) {
            if (i + 3 >= tk.n || !tk.isPunct(i + 1, '.') || !tk.adjacent(i, i + 1)) {
                continue;
            }
            int w = i + 2;
            if (tk.kind[w] != Tokens.WORD || tk.nlBefore[w] || tk.len(w) < 2 || !tk.upperDoc && !tk.capitalized(w)
                    || (s.flags(w) & (STOP | TITLE | POSTMARK | RELATION | CLINICAL)) != 0 || acc[w] != NONE
                    || (s.flags(w) & COMMON) != 0 && (s.flags(w) & NAME_LISTED) == 0) { // "A. Fib, RN" is no one
                continue;
            }
            int c = w + 1;
            // JR, SR, II-IV are suffixes, and IV is also intravenous: "C. Diff, IV flagyl" is no one
            boolean credential = tk.isPunct(c, ',') && c + 1 < tk.n && !tk.nlBefore[c + 1] && s.has(c + 1, POSTMARK)
                    && !s.isAny(c + 1, "JR", "SR", "II", "III", "IV")
                    && !s.isAny(s.prevWord(i, 1), CULTURE_WORDS);
            boolean badge = !tk.nlBefore[c] && s.is(c, "BADGE");
            if (credential || badge) {
                acc[w] = CONTEXT;
                if (acc[i] == NONE) {
                    acc[i] = INITIAL;
                }
            }
        }
    }

    private static final Words CHAT_ROLES = Words.of("PT", "CLIENT", "STAFF", "DOULA", "NURSE", "MD", "RN", "MOM",
            "DAD", "CALLER", "ME", "YOU", "SYSTEM", "AUTO", "IN", "OUT", "SUBJECT", "CALLBACK", "RE", "FROM", "TO",
            "CC", "SENT", "MESSAGE", "MSG", "NOTE", "REPLY", "CALL", "TEXT", "VOICEMAIL", "VM", "UPDATE", "PLAN",
            "TEAM", "DISPATCH", "UNIT", "ADDENDUM", "RESPONSE");

    /**
     * "5:12 am jd: hey kelsey": in a text or chat log the word between a message's time and the colon is who wrote it.
     * Roles and words any dictionary knows are not ("23:44 client:", "08:00 vitals:", "12:30 Lunch:"), so a writer
     * whose name is also a word ("lane") is left to the other rules.
     */
    private static void chatSpeakers(Scan s, byte[] acc, int[] colons) {
        Tokens tk = s.tk;
        for (int colon : colons) {
            int t = colon - 1;
            if (t < 3 || tk.kind[t] != Tokens.WORD || !tk.adjacent(t, colon) || acc[t] != NONE
                    || tk.len(t) < 2 || tk.nlBefore[t]) {
                continue;
            }
            int c = s.isAny(t - 1, "AM", "PM") ? t - 2 : t - 1;
            if (c < 2 || tk.kind[c] != Tokens.NUM || !tk.isPunct(c - 1, ':') || tk.kind[c - 2] != Tokens.NUM
                    || !tk.adjacent(c - 2, c - 1) || !tk.adjacent(c - 1, c) || tk.len(c) != 2
                    || c >= 3 && tk.isPunct(c - 3, ':') && tk.adjacent(c - 3, c - 2)) {
                continue; // (a time with seconds is a log line's: "10:15:22 WARN:")
            }
            int f = s.flags(t);
            // only a word no dictionary knows as an ordinary word: "jd", "kelsey" (not "vitals:", "Lunch:", "Triage:")
            if ((f & (STOP | CLINICAL | TITLE | RELATION | POSTMARK | VERB_CONTEXT | COMMON)) != 0
                    // a listed word that is no name ("vitals", "Triage"), unless lower-case initials ("jd")
                    || (f & NAME_LISTED) == 0 && tk.lex[t] >= 0 && !(tk.len(t) <= 3 && isLowerWord(s, t))
                    || s.isAny(t, CHAT_ROLES)) {
                continue;
            }
            acc[t] = CONTEXT;
        }
    }

    /** Roles one is named to: "named him Power of Attorney", "NAMED HER POA". */
    private static final Words APPOINTED_ROLES = Words.of("POA", "POWER", "PROXY", "HCP", "AGENT", "EXECUTOR",
        "EXECUTRIX", "BENEFICIARY", "HEALTH", "DECISION", "SURROGATE", "PRIMARY", "GUARDIAN", "TRUSTEE", "DPOA",
        "SPOKESPERSON", "CONTACT", "UNKNOWN", "BOY", "GIRL", "BABY");

    private static final Words CHILD_WORDS = Words.of("BABY", "GIRL", "BOY", "NEWBORN", "INFANT", "TWIN", "SON",
            "DAUGHTER");

    /**
     * "We named her Kentucky", "MOB NAMED BABY "SKY"": the word after naming a child is its given name, whatever else
     * the word means. After HER, HIM or THEM (which also name an appointment: "named him Power of Attorney") the word
     * must be a listed given name or quoted; roles one is named to never are.
     */
    private static void namedChild(Scan s, byte[] acc) {
        Tokens tk = s.tk;
        for (int t = 0; t + 2 < tk.n; t++) {
            if (tk.kind[t] != Tokens.WORD || tk.len(t) != 5 || !s.is(t, "NAMED")) {
                continue;
            }
            int u = t + 1;
            boolean pronoun = s.isAny(u, "HER", "HIM", "THEM");
            if (pronoun || s.is(u, "BABY")) {
                u++;
            } else if (s.is(u, "THE") && s.isAny(u + 1, "BABY", "CHILD")) {
                u += 2;
            } else if (!(s.has(u, FIRST_NAME) && s.before(t, 8, CHILD_WORDS))) {
                continue; // "BABY GIRL IN NICU, NAMED GRACE": a child just mentioned, then its given name
            }
            boolean quoted = tk.isPunct(u, '"') || tk.isPunct(u, '\u201C');
            if (quoted) {
                u++;
            }
            if (u >= tk.n || tk.kind[u] != Tokens.WORD || tk.nlBefore[u] || !tk.caseBlind(u) && !tk.capitalized(u)
                    || (s.flags(u) & (STOP | RELATION | TITLE)) != 0 || s.isAny(u, "AFTER", "FOR", "AS", "BY")
                    || s.isAny(u, APPOINTED_ROLES) || pronoun && !quoted && (s.flags(u) & FIRST_NAME) == 0) {
                continue;
            }
            acc[u] = CONTEXT;
        }
    }

    /**
     * "brother in Galway, Ireland", "lives in Praia, Cape Verde", "died in San Miguel, El Salvador": a country after a
     * town and its comma, or one of two words after IN, FROM or OF, is where and not who (Safe Harbor does not count
     * countries as places).
     */
    private static void countriesAsPlaces(Scan s, byte[] acc) {
        for (int t = 1; t < s.tk.n; t++) {
            if (acc[t] != NONE && acc[t] != KNOWN && acc[t] != MEMORY && countryAsPlace(s, t, acc)) {
                acc[t] = NONE;
            }
        }
    }

    /** "NP L. Cornett:": word t follows an initial's full stop, so it is a surname, not the label of a field. */
    private static boolean afterInitial(Scan s, int t) {
        Tokens tk = s.tk;
        return t >= 2 && tk.isPunct(t - 1, '.') && tk.adjacent(t - 2, t - 1) && tk.kind[t - 2] == Tokens.WORD
                && tk.len(t - 2) == 1 && !tk.lowerInitial(t - 2);
    }

    /** Words before a comma that are no town of a country after it: a relative, a title, a street's suffix or unit. */
    private static final int NO_TOWN_BEFORE_COUNTRY = RELATION | TITLE | POSTMARK | Lexicon.SUFFIX | Lexicon.SUFFIX_WEAK
            | Lexicon.UNIT;

    /**
     * Whether word t is (part of) a country named where a place stands ({@link #countriesAsPlaces}; with no names known,
     * {@code acc} null, the model's veto). A country that is also a given name follows a comma only after a word that is
     * no name itself, or after a town of "in Galway, Ireland": "Patient: Farris, Israel" names a man.
     */
    static boolean countryAsPlace(Scan s, int t, byte[] acc) {
        Tokens tk = s.tk;
        if (tk.kind[t] != Tokens.WORD) {
            return false;
        }
        int first;
        boolean twoWords = true;
        boolean alsoName = false;
        // (cheap test first: a pair's key is built only when its first word opens a country of two words)
        if (t + 1 < tk.n && s.isAny(t, Countries.FIRST_OF_SEVERAL) && tk.spaceOnly(t, t + 1)
                && Countries.isCountry(s.key(t) + ' ' + s.key(t + 1))) {
            first = t;
        } else if (t > 0 && s.isAny(t - 1, Countries.FIRST_OF_SEVERAL) && tk.spaceOnly(t - 1, t)
                && Countries.isCountry(s.key(t - 1) + ' ' + s.key(t))) {
            first = t - 1;
        } else if (s.isAny(t, Countries.ONE_WORD)) {
            first = t;
            twoWords = false;
            alsoName = !Countries.isCountryNotName(s.key(t));
        } else {
            return false;
        }
        int p = s.prevWord(first, 1);
        boolean afterTown = p >= 0 && p == first - 2 && tk.isPunct(first - 1, ',') && tk.kind[p] == Tokens.WORD
                && (s.flags(p) & NO_TOWN_BEFORE_COUNTRY) == 0
                && !tk.lowerInitial(p) // (after a street's suffix or unit it is the town: "167TH ST 2ND FL, JAMAICA")
                && (!alsoName || acc != null && acc[p] == NONE
                || s.isAny(s.prevWord(p, 0), "IN", "FROM", "OF", "NEAR"));
        // one word after IN or FROM may well be a US town of that name ("lives in Brazil (Clay County)", "from Holland")
        return afterTown || twoWords && p == first - 1 && s.isAny(p, "IN", "FROM", "OF");
    }

    /**
     * "Spoke w/ Will (218-555-0129)", "signed by Will.", "naming Will as agent": in a note that capitalises names, "Will"
     * capitalised inside a sentence is a man's name, since the modal is written in lower case there (132 of 139 such
     * words in batches 1-209 were names; the rest named a church or a county: "Free Will Baptist", "Will County").
     */
    private static void capitalisedWill(Scan s, byte[] acc) {
        Tokens tk = s.tk;
        for (int t = 1; t < tk.n; t++) {
            if (acc[t] != NONE || tk.len(t) != 4 || tk.caseBlind(t) || !tk.capitalized(t) || !s.is(t, "WILL")
                    || tk.sentenceStart(t)) {
                continue;
            }
            int p = s.prevWord(t, 0);
            if (p >= 0 && tk.capitalized(p) && tk.spaceOnly(p, t) && !accepted(acc, p)
                    || s.isAny(p, "FREE", "LIVING", "LAST", "HIS", "HER", "A", "THE") || s.isAny(t + 1, "COUNTY", "BAPTIST")) {
                continue; // "Free Will Baptist", "a Living Will", a heading's Title Case ("Patient Will Need")
            }
            acc[t] = CONTEXT;
        }
    }

    private static final String[] ROLE_WORDS = {"ATTENDING", "ATTG", "FELLOW", "RESIDENT", "INTERN"};
    private static final Words ROLES_BEFORE_INITIALS = Words.of(ROLE_WORDS);
    /** Capitals after a role that the lexicon's flags do not already rule out: "attending PGR 617...", "fellow ETA 2000". */
    private static final Words NOT_INITIALS_AFTER_ROLE = Words.of("PGR", "ETA");

    /**
     * "Attending MHG notified", "(ATTENDING JPH)", "accepting fellow, attending GKH": two or three capitals right after an
     * attending, a fellow or a resident are their initials, unless the lexicon knows them as a word, a clinical
     * abbreviation, a title, a weekday or a month ({@link #byContext} takes such short capitals for an abbreviation).
     */
    private static void initialsOfAnAttending(Scan s, byte[] acc, int[] roles) {
        Tokens tk = s.tk;
        for (int role : roles) {
            int t = role + 1;
            if (t >= tk.n) {
                continue;
            }
            int len = tk.len(t);
            if (acc[t] != NONE || len < 2 || len > 3 || tk.kind[t] != Tokens.WORD || !tk.allUpper(t)
                    || !s.isAny(t - 1, ROLES_BEFORE_INITIALS) || !tk.spaceOnly(t - 1, t)
                    || (s.flags(t) & (COMMON | CLINICAL | STOP | TITLE | RELATION | VERB_CONTEXT | POSTMARK
                    | Lexicon.WEEKDAY | Lexicon.MONTH)) != 0
                    || s.isAny(t, NOT_INITIALS_AFTER_ROLE) || t + 1 < tk.n && tk.adjacent(t, t + 1)
                    && !tk.isPunct(t + 1, ',') && !tk.isPunct(t + 1, ')') && !tk.isPunct(t + 1, '.')
                    && !tk.isPunct(t + 1, ':') && !tk.isPunct(t + 1, ';')) {
                continue;
            }
            acc[t] = CONTEXT;
        }
    }

    /**
     * "NH CONTACT BARB 781-555-0104", "call Deb 508-555-0199": a listed given name right before a phone number on the
     * same line is the person to call; words such as CELL, HOME, PAGER have low name odds or are not listed.
     */
    private static void beforePhone(Scan s, byte[] acc, float[] base) {
        Tokens tk = s.tk;
        for (PhiSpan sp : s.found) {
            if (sp.type() != PhiType.PHONE) {
                continue;
            }
            int first = s.tokenAt(sp.start());
            if (first < 1 || tk.start[first] != sp.start()) {
                continue;
            }
            int t = first - 1;
            // "JACK'S CELL 978-555-0106": the owner of the number, one phone word between
            if (tk.kind[t] == Tokens.WORD && s.isAny(t, "CELL", "PHONE", "MOBILE", "NUMBER", "HOME", "WORK", "PAGER")
                    && t >= 1 && tk.kind[t - 1] == Tokens.WORD && s.possessive(t - 1) && tk.spaceOnly(t - 1, t)) {
                t--;
            } else if (tk.isPunct(t, '(') && t >= 1 && tk.spaceOnly(t - 1, t)) {
                t--; // "RAY GREEN (617-555-0193)"
            } else if (!tk.spaceOnly(t, first)) {
                continue;
            }
            if (acc[t] != NONE || tk.kind[t] != Tokens.WORD || tk.len(t) < 3) {
                continue;
            }
            int f = lx(s, t);
            // a clinical word is a name here only after CONTACT or CALL ("NH CONTACT PEG 978-...")
            int p = s.prevWord(t, 1);
            boolean called = p >= 0 && s.isAny(p, "CONTACT", "CALL", "CALLED", "PAGE", "PAGED", "REACH");
            int bar = called ? STOP | NOT_A_NAME | VERB_CONTEXT : CLINICAL | STOP | NOT_A_NAME | VERB_CONTEXT;
            boolean owner = t + 1 < first && s.possessive(t); // "Blessing's cell 862-...": the number is hers
            if (owner && (f & (CLINICAL | STOP | NOT_A_NAME | VERB_CONTEXT)) == 0 && (tk.upperDoc || tk.capitalized(t))) {
                acc[t] = CONTEXT; // a possessive, a phone word and a number: whoever it is, it is a person's number
            } else if ((f & FIRST_NAME) != 0 && (base[t] >= -1 || called) && (f & bar) == 0
                    && (tk.upperDoc || tk.capitalized(t))) {
                acc[t] = CONTEXT;
            } else if ((f & NAME_LISTED) != 0 && (f & (STOP | NOT_A_NAME | VERB_CONTEXT)) == 0 && t >= 1
                    && tk.kind[t - 1] == Tokens.WORD && tk.spaceOnly(t - 1, t) && acc[t - 1] == NONE
                    && (s.flags(t - 1) & FIRST_NAME) != 0 && base[t - 1] >= -1
                    && (s.flags(t - 1) & (CLINICAL | STOP | NOT_A_NAME | VERB_CONTEXT)) == 0
                    && (tk.upperDoc || tk.capitalized(t) && tk.capitalized(t - 1))) {
                acc[t - 1] = CONTEXT; // "RAY GREEN (617-555-0193)": a given name and a surname before the number
                acc[t] = CONTEXT;
            }
        }
    }

    /** Flags of a word, judged by its owner for a possessive ("JACK'S" as JACK). */
    private static int lx(Scan s, int t) {
        int owner = ownerId(s, t);
        return owner >= 0 ? s.lx.flags(owner) : s.flags(t);
    }

    /** The lexicon id of a possessive's owner ("nora" for "nora's"), or -1 when t is no possessive or not listed. */
    private static int ownerId(Scan s, int t) {
        return endsInPossessive(s, t) ? s.lx.words.find(s.text, s.tk.start[t], s.tk.end[t] - 2) : -1;
    }

    /** Shape evidence: case counts only in mixed-case text; short all-caps words are abbreviations. */
    private static float shape(Tokens tk, int t, boolean upper, int len) {
        if (!upper) {
            if (tk.lowerInitial(t)) {
                return -4f;
            }
            if (tk.capitalized(t)) {
                return tk.sentenceStart(t) ? 0.3f : 1.5f;
            }
            return len <= 4 ? -1.5f : 0f;
        }
        return len <= 3 ? -1.5f : len == 4 ? -0.5f : 0f;
    }

    private static boolean noVowel(CharSequence x, int a, int b) {
        for (int i = a; i < b; i++) {
            char c = Character.toUpperCase(x.charAt(i));
            if (c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U' || c == 'Y') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether word t is a name the message's structure gave, in any case: the whole word, or one of its
     * apostrophe-separated parts, so that possessives and contractions of it are found too ("wolfenden's",
     * "WOLFENDEN’S", "quackenbush'd"); known names have at least two letters, so a part is never a bare "s".
     */
    private static boolean knownName(Scan s, int t) {
        if (s.ctx.nameKeys.contains(s.key(t))) {
            return true;
        }
        Tokens tk = s.tk;
        int from = tk.start[t];
        boolean apostrophe = false;
        for (int i = from; i <= tk.end[t]; i++) {
            if (i < tk.end[t] && !io.phistream.detector.text.lexicon.Fold.isApostrophe(s.text.charAt(i))) {
                continue;
            }
            apostrophe |= i < tk.end[t];
            if (apostrophe && i - from >= 2
                    && s.ctx.nameKeys.contains(io.phistream.detector.text.lexicon.Fold.word(s.text.subSequence(from, i)))) {
                return true;
            }
            from = i + 1;
        }
        return false;
    }

    /** The folded word without its possessive 's ("SMITH" for "Smith's"), or null. */
    private static String possessiveBase(Scan s, int t, String key) {
        return endsInPossessive(s, t) ? key.substring(0, key.length() - 1) : null;
    }

    /** Whether word t ends in a possessive 's after at least two letters ("Smith's"): read off the text, no key. */
    private static boolean endsInPossessive(Scan s, int t) {
        int e = s.tk.end[t];
        // (cheap test first: a note without a possessive shares its whole-word ids with its ids, see Tokens#whole)
        return s.tk.whole != s.tk.lex && e - s.tk.start[t] > 3
                && (s.text.charAt(e - 1) == 's' || s.text.charAt(e - 1) == 'S')
                && io.phistream.detector.text.lexicon.Fold.isApostrophe(s.text.charAt(e - 2));
    }

    private static boolean contraction(Scan s, int t) {
        Tokens tk = s.tk;
        // the last apostrophe after the first letter, with one or two letters after it: so one of the last three
        // characters but the very last (an earlier last apostrophe leaves more letters, which no case below takes)
        int e = tk.end[t];
        int a = e - 2;
        if (a <= tk.start[t] || !io.phistream.detector.text.lexicon.Fold.isApostrophe(s.text.charAt(a))) {
            a = e - 3;
            if (a <= tk.start[t] || !io.phistream.detector.text.lexicon.Fold.isApostrophe(s.text.charAt(a))) {
                return false;
            }
        }
        int rest = e - a - 1;
        char c1 = Character.toUpperCase(s.text.charAt(a + 1));
        char c2 = rest > 1 ? Character.toUpperCase(s.text.charAt(a + 2)) : 0;
        return rest == 1 && (c1 == 'M' || c1 == 'D' || c1 == 'T')
                || rest == 2 && (c1 == 'L' && c2 == 'L' || c1 == 'V' && c2 == 'E' || c1 == 'R' && c2 == 'E');
    }

    private static final Words KIN_VERB_FOLLOWERS = Words.of("TO", "FOR", "ON", "AT", "ONLY", "NIGHTS", "DAYS", "HOME",
            "BACK", "AWAY", "UP", "OUT", "IN", "WITH", "ABOUT", "MSGS", "THAT", "BY");

    /**
     * In capitals, an English word after a relative that is no given name and is followed by a preposition, a time of
     * day or the end of its clause is what the relative does or is ("MOM HOPES TO COME", "DAD WORKS NIGHTS", "MAMAW
     * TEARFUL."), not a name. Relatives are named by given names, so listed surnames that are words are left alone only
     * when the name lists weigh them as names (base odds above -1.5).
     */
    private static boolean kinDoes(Scan s, int t, int f, float base) {
        if ((f & COMMON) == 0 || (f & FIRST_NAME) != 0 || base >= -1.5f) {
            return false;
        }
        Tokens tk = s.tk;
        int nx = t + 1;
        if (nx >= tk.n || tk.nlBefore[nx]) {
            return true;
        }
        if (tk.kind[nx] == Tokens.PUNCT) {
            return tk.isPunct(nx, '.') || tk.isPunct(nx, ',') || tk.isPunct(nx, ';');
        }
        return tk.kind[nx] == Tokens.WORD && s.isAny(nx, KIN_VERB_FOLLOWERS);
    }

    /** Relatives and people close to the patient (not roles such as PCP or RN) that name the word next to them. */
    private static final String[] KIN_WORDS = {"DAUGHTER", "SON", "WIFE", "HUSBAND", "MOTHER", "FATHER", "MOM",
            "DAD", "SISTER", "BROTHER", "NIECE", "NEPHEW", "GRANDSON", "GRANDDAUGHTER", "GRANDMOTHER", "GRANDFATHER",
            "FRIEND", "SPOUSE", "HCP", "PROXY", "DTR", "NEIGHBOR", "NEIGHBOUR", "PARTNER", "AUNT", "UNCLE", "COUSIN",
            "GUARDIAN", "BOYFRIEND", "GIRLFRIEND", "FIANCE", "FIANCEE", "STEPSON", "STEPDAUGHTER", "CAREGIVER",
            "SIBLING", "ROOMMATE", "SITTER", "SPONSOR", "PARENTS"};
    private static final Words KIN = Words.of(KIN_WORDS);

    /** "NSurg", "CTSurg", "IRad": two capitals then lower case is a service's shorthand, not a name (McCoy is). */
    private static boolean abbreviationShape(Scan s, int t) {
        Tokens tk = s.tk;
        if (tk.upperDoc || tk.len(t) < 4) {
            return false;
        }
        int a = tk.start[t];
        return Character.isUpperCase(s.text.charAt(a)) && Character.isUpperCase(s.text.charAt(a + 1))
                && Character.isLowerCase(s.text.charAt(a + 2));
    }

    /** Services and roles that stand before a credential ("BURN PA", "CHARGE RN", "FLOAT RN", "WOUND NP"). */
    private static final Words SERVICES = Words.of("BURN", "BURNS", "CHARGE", "FLOAT", "TRAVEL", "TRAVELER",
            "NIGHT", "DAY", "WOUND", "TRAUMA", "ORTHO", "NEURO", "CARDS", "RENAL", "PAIN", "PEDS", "TRANSPLANT", "VASCULAR",
            "SURGICAL", "SURGERY", "ANESTHESIA", "RESOURCE", "RAPID", "RESPONSE", "ADMIT", "TRIAGE", "PRIMARY", "STAFF",
            "AGENCY", "HOSPICE", "PALLIATIVE", "STROKE", "SEPSIS", "EDUCATOR", "LACTATION", "INFUSION", "DIALYSIS",
            "ENDO", "ENDOCRINE", "HEME", "ONC", "GI", "PULM", "ID", "PSYCH", "GERI", "NEPHRO", "URO", "DERM", "ENT",
            "APS", "PLEX", "APHERESIS", "ECMO", "IV", "PICC", "VAD", "OSTOMY", "CODE", "NEUROSURG", "NSGY", "NSURG",
            "MICU", "SICU", "CCU", "NICU", "PICU", "CVICU", "ICU", "TSICU", "CSRU", "ED", "ER", "OR", "PACU", "FLOOR",
            "CICU", "NSICU", "TICU", "PCU", "IMU", "SDU", "STEPDOWN", "TELE", "ADM", "BMT", "NEONATAL");

    /** Car makes read as names ("SILVER NISSAN ALTIMA"); makes that are common names or places (Ford) are left out. */
    private static final Words CAR_MAKES = Words.of("NISSAN", "TOYOTA", "HONDA", "CHEVY", "CHEVROLET", "SUBARU",
            "HYUNDAI", "KIA", "MAZDA", "LEXUS", "ACURA", "BUICK", "CHRYSLER", "VOLKSWAGEN", "VW", "PONTIAC", "INFINITI");

    private static final Words COLOURS = Words.of("GOLD", "BLUE", "RED", "GREEN", "ORANGE", "PURPLE", "SILVER",
            "WHITE", "BLACK", "YELLOW", "GRAY", "GREY", "BROWN", "PINK", "MAROON", "TEAL");

    /** Words of things, not people: "Client: ...", "Hola doctora", "Medi-Cal", "reading his Bible", "USCG HELO". */
    private static final Words THINGS_NOT_PEOPLE = Words.of("CLIENT", "CLIENTS", "HOLA", "MEDI", "SHERIFF", "SHERIFFS",
            "BIBLE", "HELO", "OKD");

    /**
     * A name-like word that names a thing: "Medtronic Evera ICD", "(Weber B)", "5 Fr Judkins", "Tel 505-555-0146",
     * "Ki-67" (a word glued to a number by a dash is a marker or a code).
     */
    private static boolean thingNotPerson(Scan s, int t) {
        Tokens tk = s.tk;
        // cheapest first: this runs for every name candidate
        boolean numberNext = t + 1 < tk.n && tk.kind[t + 1] == Tokens.NUM;
        return numberNext && s.isAny(t, "TEL", "TELEPHONE", "PH", "CELL", "MOBILE", "PAGER", "FAX")
                || tk.isPunct(t + 1, '-') && tk.adjacent(t, t + 1) && t + 2 < tk.n && tk.kind[t + 2] == Tokens.NUM
                && tk.adjacent(t + 1, t + 2)
                || s.isAny(t, THINGS_NOT_PEOPLE)
                || s.is(t, "LORD") && s.is(s.prevWord(t, 0), "THE") // "reading his Bible", "USCG HELO", "mom OK'd"
                || s.isAny(t + 1, "NATION", "CITIZEN", "TRIBE", "TRIBAL", "INTERPRETER", "INTERPRETERS", "SPEAKER",
                "SPEAKING") // "Choctaw citizen", "Karen interpreter by video"
                || s.isAny(t, "ESQ", "AMERICA") || s.isAny(t, "CENTRAL", "SOUTH", "NORTH", "LATIN") && s.is(t + 1, "AMERICA")
                || t > 0 && tk.kind[t - 1] == Tokens.NUM && s.isAny(t, "GY", "CGY") // "70 Gy": gray, a dose
                || camelCode(s, t)
                || s.is(t, "CAL") && tk.isPunct(t - 1, '-')
                && s.is(t - 2, "MEDI") // "Client: ...", "Hola doctora", "Medi-Cal"
                || s.isAny(t + 1, "EYES", "EYE", "HAIR") && !tk.nlBefore[t + 1] // "Hazel eyes", not "wife Hazel eye..."
                && !s.has(s.prevWord(t, 1), Lexicon.TITLE | Lexicon.RELATION)
                // "18-WHEELER", "Code Silver", "Language: Kiowa", "speaks Punjabi"
                || s.afterNumberDash(t) || s.languageOrCode(t) || s.isAny(s.prevWord(t, 1), "DESERT", "OPERATION")
                || frenchSize(s, t) || classification(s, t) || examSign(s, t) || product(s, t)
                || clinicalCompound(s, t) || specimenPart(s, t);
    }

    /** How a pathology report's specimen part was taken ("A. Colon, sigmoid, biopsies:"): {@link #specimenPart}. */
    private static final Words SPECIMEN_PROCEDURES = Words.of("BIOPSY", "BIOPSIES", "BX", "EXCISION", "EXCISIONAL",
            "REEXCISION", "RESECTION", "SHAVE", "PUNCH", "CURETTAGE", "CURETTINGS", "POLYPECTOMY", "ASPIRATE",
            "ASPIRATION", "FNA", "CORE", "CORES", "WEDGE", "CONE", "LEEP", "BRUSHING", "BRUSHINGS", "WASHING",
            "WASHINGS", "CYTOLOGY", "SPECIMEN");

    /**
     * "A. Colon, sigmoid, biopsies:", "B. Skin, left forearm, shave:": a capital letter and its full stop opening a
     * line (or after a colon) label a pathology report's specimen part, and the word after it is the organ, not a
     * surname after an initial, when the comma-set description names how the part was taken. Without that word ("J.
     * Smith, RN") the letter stays an initial.
     */
    static boolean specimenPart(Scan s, int t) {
        Tokens tk = s.tk;
        int letter = t - 2;
        if (letter < 0 || !tk.isPunct(t + 1, ',') || !tk.isPunct(t - 1, '.') || tk.len(letter) != 1
                || tk.kind[letter] != Tokens.WORD || !Character.isUpperCase(tk.firstChar(letter))
                || !(letter == 0 || tk.nlBefore[letter] || tk.isPunct(letter - 1, ':'))) {
            return false;
        }
        for (int u = t + 2; u < tk.n && u <= t + 16 && !tk.nlBefore[u] && !tk.isPunct(u, ':'); u++) {
            if (tk.kind[u] == Tokens.WORD && (s.isAny(u, SPECIMEN_PROCEDURES) || s.key(u).endsWith("ECTOMY"))) {
                return true;
            }
        }
        return false;
    }

    /** Heads that follow an eponym and never a person's name ("Jane cell", "Rose line" are not among them). */
    private static final Words EPONYM_HEADS = Words.of("DISEASE", "SYNDROME", "SIGN", "PALSY", "DEMENTIA", "CHOREA",
            "LYMPHOMA", "SARCOMA", "ESOPHAGUS", "ULCER", "TRIAD", "PHENOMENON", "MANEUVER", "MANOEUVRE", "POINT", "REFLEX",
            "CYST", "DIVERTICULUM", "ENCEPHALOPATHY", "THYROIDITIS", "ANEURYSM", "SCALE", "SCORE", "CRITERIA",
            "CLASSIFICATION", "STAGE", "STAGING", "GRADE", "LEVEL", "DEPTH", "CATEGORY", "CATHETER", "SUMP", "CAUTERY",
            "FUNDOPLICATION", "PROCEDURE", "RESPIRATIONS", "HERNIA", "FRACTURE", "POUCH", "SCORES", "SCALES", "INVENTORY",
            "QUESTIONNAIRE", "INDEX");

    /**
     * "Tanner stage 3", "McBurney point", "Barrett esophagus", "Salem sump": a word right before an eponym's head
     * (lower-case where case tells) names the eponym, for the rules and the token model alike; a person only with a
     * person's context before it: a title, a relative, a verb of contact ("Dr. Barrett", "called Clark").
     */
    private static boolean eponymBeforeHead(Scan s, int t) {
        Tokens tk = s.tk;
        int nx = t + 1;
        if (nx >= tk.n || tk.kind[nx] != Tokens.WORD || !tk.spaceOnly(t, nx) || !s.isAny(nx, EPONYM_HEADS)
                || !tk.upperDoc && !tk.lowerInitial(nx) || s.possessive(t)) {
            return false;
        }
        int p = s.prevWord(t, 1);
        return !(p >= 0 && ((s.flags(p) & (TITLE | RELATION | VERB_CONTEXT)) != 0
                || s.isAny(p, "WITH", "TO", "BY") && s.has(s.prevWord(p, 1), VERB_CONTEXT))); // "spoke with Tanner"
    }

    /**
     * "Hamilton Anxiety 12,", "Vanderbilt ADHD Scale": an eponym, its scale's own words ({@link #scaleWord}), then a
     * grade that ends the phrase or a score's head names a scale, for the rules, the place rules and the token model;
     * a person only with a person's context before it ("Mrs. Beck called", "Dr. Hamilton").
     */
    private static boolean namedScale(Scan s, int t) {
        Tokens tk = s.tk;
        if (tk.kind[t] != Tokens.WORD || !s.has(t, NAME_LISTED)) {
            return false; // (cheap test first: both readings below need a listed name, and clinicalCompound asks often)
        }
        int u = t + 1;
        while (u < tk.n && u - t <= 2 && scaleWord(s, u) && tk.spaceOnly(u - 1, u)) {
            u++;
        }
        if (u >= tk.n || !tk.spaceOnly(u - 1, u) || tk.kind[t] != Tokens.WORD) {
            return false;
        }
        int a = u + 1;
        boolean stop = tk.isPunct(a, '.') && !(a + 1 < tk.n && tk.adjacent(a, a + 1));
        boolean grade = tk.kind[u] == Tokens.NUM && tk.len(u) <= 2 && (a >= tk.n || tk.nlBefore[a]
                || tk.isPunct(a, ',') || tk.isPunct(a, ';') || tk.isPunct(a, ')') || stop);
        if (u == t + 1) {
            // without its own words, only a listed name with a one-digit grade that closes a sentence ("Edinburgh 4."),
            // or read as a level that closes its clause ("Vanderbilt elevated.", not "Jones elevated her legs"); in a
            // text that uses case ("FLOAT DESMOND 6." assigns a nurse), not a street's word ("on Rd 4.")
            boolean level = tk.kind[u] == Tokens.WORD && s.isAny(u, "ELEVATED", "NORMAL", "ABNORMAL", "BORDERLINE")
                    && (a >= tk.n || tk.nlBefore[a] || stop || tk.isPunct(a, ',') || tk.isPunct(a, ';'));
            // or a gestational age in a list of scores (", Bishop score 8, Ballard 34 weeks,"); opening its phrase:
            // "on Thayer 4." is a ward
            int w = a + 1;
            boolean weeks = tk.kind[u] == Tokens.NUM && tk.len(u) <= 2 && s.isAny(a, "WEEKS", "WKS", "WK")
                    && (w >= tk.n || tk.nlBefore[w] || tk.isPunct(w, ',') || tk.isPunct(w, ';')
                    || tk.isPunct(w, '.')) && t >= 3 && tk.isPunct(t - 1, ',') && tk.kind[t - 2] == Tokens.NUM
                    && (s.has(t - 3, CLINICAL) || s.isAny(t - 3, INSTRUMENT_NOUNS)); // not "Bed 2, Ballard 34 weeks"
            boolean opens = t == 0 || tk.nlBefore[t] || tk.kind[t - 1] == Tokens.PUNCT;
            return (grade && stop && tk.len(u) == 1 || level || weeks) && opens && s.has(t, NAME_LISTED)
                    && !tk.caseBlind(t)
                    && !s.has(t, Lexicon.SUFFIX | Lexicon.SUFFIX_WEAK | Lexicon.USPS) && noPersonBefore(s, t);
        }
        if (!grade && !(tk.kind[u] == Tokens.WORD && s.isAny(u, EPONYM_HEADS))) {
            return false;
        }
        // an eponym is a person's name; a union's, a rig's or a ward's number is no grade ("Dock Workers Local 81",
        // "Hardpan Rig 31", "Heart Pavilion 4")
        return s.has(t, NAME_LISTED) && s.lx.nameOdds(tk.lex[t]) > 0 && noPersonBefore(s, t)
                && !(grade && s.has(u - 1, Lexicon.FACILITY_HEAD | Lexicon.HOSP_GENERIC | Lexicon.UNIT));
    }

    /** No title, relative or verb of contact right before t. */
    private static boolean noPersonBefore(Scan s, int t) {
        int p = s.prevWord(t, 1);
        return !(p >= 0 && (s.flags(p) & (TITLE | RELATION | VERB_CONTEXT)) != 0);
    }

    /** Clinical bodily findings a listed name stands before: "frank blood", "FRANK PUS". */
    private static final Words FRANK_FINDINGS = Words.of("BLOOD", "BLOODY", "PUS", "HEMATURIA", "HEMATOCHEZIA",
        "BLEEDING", "BRBPR", "CLOTS", "MELENA", "HEMOPTYSIS", "HEMATEMESIS", "PURULENCE", "DEHISCENCE", "FLUID");

    /** The words that {@link #clinicalCompound} tests t for after its first case (keep the two in step). */
    private static final Words COMPOUND_WORDS = Words.of("MIAMI", "FISHER", "FRANK", "JACKSON", "PRATT", "GLASGOW",
            "HUNT", "HESS", "IVOR", "LEWIS", "LOU", "GEHRIG", "GEHRIGS", "HEART", "SITU", "VIVO", "VITRO", "TOTO", "BLOC",
            "CLEAR", "FREE", "NEGATIVE", "POSITIVE", "INVOLVED", "UNINVOLVED", "CLOSE");
    /** A surgical margin's finding ("margins clear", "margin: free"): {@link #clinicalCompound}. */
    private static final Words MARGIN_FINDINGS = Words.of("CLEAR", "FREE", "NEGATIVE", "POSITIVE", "INVOLVED",
            "UNINVOLVED", "CLOSE");
    /** What follows HEART in a note's vital signs and examination: "Heart rate 72", "Heart sounds regular". */
    private static final Words HEART_FINDINGS = Words.of("RATE", "RATES", "SOUNDS", "SOUND", "RHYTHM", "TONES",
            "MURMUR", "FAILURE");
    /** What names a practice after such words: "SCENIC CITY HEART RHYTHM CLINIC" is a facility's name. */
    private static final Words PRACTICE_WORDS = Words.of("CLINIC", "CLINICS", "CENTER", "CENTERS", "CENTRE",
            "INSTITUTE", "ASSOCIATES", "GROUP", "HOSPITAL", "SPECIALISTS", "SERVICES", "PROGRAM", "PRACTICE");

    /**
     * Words of a clinical compound, not people: "CHARGE RN HAND-OFF" (after a title), "Miami J collar", "modified
     * Fisher 4" (a bleed's grade), "frank blood" ("to be frank"), a "Jackson-Pratt" drain, "Glasgow 5" (a coma score),
     * "Hunt-Hess 3" (a bleed's grade), an "Ivor Lewis" esophagectomy, "Lou Gehrig's" disease, "Heart rate 72" (not in a
     * practice's name: "Heart Rhythm Clinic"), a pathologist's Latin ("in situ", "in toto", "en bloc") and a margin's
     * finding ("margins clear", "clear margins").
     */
    static boolean clinicalCompound(Scan s, int t) {
        Tokens tk = s.tk;
        int nx = t + 1;
        if (tk.isPunct(nx, '-') && tk.adjacent(t, nx) && s.is(nx + 1, "OFF") && tk.adjacent(nx, nx + 1)) {
            return true;
        }
        if (eponymBeforeHead(s, t) || namedScale(s, t)) {
            return true;
        }
        if (!s.isAny(t, COMPOUND_WORDS)) {
            return false; // (cheap test first: one look-up of the word rules out all the compounds below)
        }
        return s.is(t, "MIAMI") && s.is(nx, "J") && tk.len(nx) == 1
                || s.is(t, "FISHER") && (nx < tk.n && tk.kind[nx] == Tokens.NUM && tk.len(nx) == 1
                && !s.has(s.prevWord(t, 1), Lexicon.TITLE | Lexicon.RELATION) || s.is(s.prevWord(t, 0), "MODIFIED"))
                || s.is(t, "FRANK") && (s.isAny(s.nextWord(t, 0), FRANK_FINDINGS) || s.is(s.prevWord(t, 0), "BE"))
                || s.is(t, "JACKSON") && tk.isPunct(nx, '-') && s.is(nx + 1, "PRATT")
                || s.is(t, "PRATT") && tk.isPunct(t - 1, '-') && s.is(t - 2, "JACKSON")
                || s.is(t, "GLASGOW") && (nx < tk.n && tk.kind[nx] == Tokens.NUM || s.is(s.prevWord(t, 1), "GCS")
                || s.isAny(nx, "COMA", "SCORE", "SCALE"))
                || s.is(t, "HUNT") && tk.isPunct(nx, '-') && s.is(nx + 1, "HESS")
                || s.is(t, "HESS") && tk.isPunct(t - 1, '-') && s.is(t - 2, "HUNT")
                || s.is(t, "IVOR") && s.is(nx, "LEWIS") || s.is(t, "LEWIS") && s.is(t - 1, "IVOR")
                || s.is(t, "LOU") && s.isAny(nx, "GEHRIG", "GEHRIGS")
                || s.isAny(t, "GEHRIG", "GEHRIGS") && s.is(t - 1, "LOU")
                || s.is(t, "HEART") && s.isAny(nx, HEART_FINDINGS) && !s.isAny(s.nextWord(nx, 0), PRACTICE_WORDS)
                || s.isAny(t, "SITU", "VIVO", "VITRO", "TOTO") && s.is(t - 1, "IN") || s.is(t, "BLOC") && s.is(t - 1, "EN")
                || s.isAny(t, MARGIN_FINDINGS) && (s.isAny(s.prevWord(t, 1), "MARGIN", "MARGINS")
                || s.isAny(nx, "MARGIN", "MARGINS"));
    }

    /**
     * An examination sign read as positive or negative: "Ortolani/Barlow neg", "Murphy negative", "Homans' sign neg"
     * is the eponym's noun left out. Not after a title or a relative ("Dr. Murphy negative about surgery").
     */
    private static boolean examSign(Scan s, int t) {
        Tokens tk = s.tk;
        int u = t + 1;
        // a pair of signs joined by '/' or '-' ("Ortolani/Barlow", "Kernig-Brudzinski")
        if ((tk.isPunct(u, '/') || tk.isPunct(u, '-')) && tk.adjacent(t, u) && u + 1 < tk.n && tk.adjacent(u, u + 1)
                && tk.kind[u + 1] == Tokens.WORD) {
            u += 2;
        } else if (t >= 2 && (tk.isPunct(t - 1, '/') || tk.isPunct(t - 1, '-')) && tk.adjacent(t - 1, t)) {
            return examSign(s, t - 2); // the second of the pair
        }
        if (u >= tk.n || tk.nlBefore[u] || !s.isAny(u, "NEG", "NEGATIVE", "POS", "POSITIVE", "NEGATIVES")) {
            return false;
        }
        if (s.is(u + 1, "FOR") || s.is(u + 1, "ABOUT")) {
            return false; // "Jones positive for flu": a person with a result
        }
        int w = s.prevWord(t, 1);
        return w < 0 || !(s.has(w, Lexicon.TITLE) || s.has(w, Lexicon.RELATION));
    }

    /** Field labels that a person's name follows: "Student: Tatevik Avetisyan", "Client: Randall Sipple". */
    private static final String[] PERSON_LABEL_WORDS = {"STUDENT", "CLIENT", "RESIDENT", "CHILD", "INFANT", "MEMBER",
        "CONSUMER", "PARTICIPANT", "DECEDENT", "PATIENT", "PT", "NAME", "GUARDIAN", "CAREGIVER", "PARENT", "ATHLETE"};
    private static final Words PERSON_LABELS = Words.of(PERSON_LABEL_WORDS);

    /**
     * "Student: Chance Yurkovich     Grade 10": a person's label with a colon, then two to four capitalised words
     * that end the field (line end, a column gap, a comma, a bracket or a DOB). Words that are clinical or function
     * words end the run; every word of the name is then a name, whatever else it is ("Chance", "Major").
     */
    private static void labelledFullName(Scan s, byte[] acc) {
        Tokens tk = s.tk;
        if (tk.upperDoc) {
            return; // in capitals every word is capitalised: the label alone says too little
        }
        for (int t = 0; t + 3 < tk.n; t++) {
            if (!tk.isPunct(t + 1, ':') || !s.isAny(t, PERSON_LABELS)) {
                continue;
            }
            int a = t + 2;
            int c = a;
            while (c < tk.n && c - a < 4 && tk.kind[c] == Tokens.WORD && !tk.nlBefore[c] && tk.capitalized(c)
                    && (s.isAny(c, PARTICLES) || (s.flags(c) & (STOP | CLINICAL | NOT_A_NAME)) == 0)
                    && (c == a || !columnGapBefore(s, c))) { // ("Lê Quốc Bảo": LE is also a particle)
                c++;
            }
            if (c - a < 2) {
                continue;
            }
            boolean closed = c >= tk.n || tk.nlBefore[c] || columnGapBefore(s, c)
                    || tk.isPunct(c, ',') || tk.isPunct(c, '(') || s.isAny(c, "DOB", "MRN", "AGE");
            if (!closed) {
                continue;
            }
            for (int u = a; u < c; u++) {
                if (acc[u] == NONE || acc[u] == SCORE) {
                    acc[u] = CONTEXT;
                }
            }
        }
    }

    /**
     * "1. K.B., 34 F, MRN ...", "(L.S., 92 F)": a patient named by dotted initials in a case list, known by the age and
     * sex that follow them. Two or three capitals each with its full stop, then a comma, a number and a sex or "yo".
     */
    private static void initialsWithAge(Scan s, byte[] acc, int[] capitals) {
        Tokens tk = s.tk;
        int from = 0; // a run taken is stepped over: the next letter looked at comes after it
        for (int t : capitals) {
            if (t < from || t + 5 >= tk.n || !dottedCapital(s, t)
                    || t > 0 && tk.adjacent(t - 1, t) && tk.kind[t - 1] != Tokens.PUNCT) {
                continue;
            }
            int e = t + 2;
            while (e < t + 6 && dottedCapital(s, e) && tk.adjacent(e - 1, e)) {
                e += 2;
            }
            int letters = (e - t) / 2;
            if (letters < 2 || e + 2 >= tk.n || !tk.isPunct(e, ',') || tk.kind[e + 1] != Tokens.NUM || tk.len(e + 1) > 3
                    || !s.isAny(e + 2, "M", "F", "YO", "YOM", "YOF", "Y", "YEAR", "YEARS")) {
                continue;
            }
            for (int u = t; u < e; u += 2) {
                if (acc[u] == NONE) {
                    acc[u] = INITIAL;
                }
            }
            from = e + 1;
        }
    }

    /**
     * "BED 2 OKORO 62M", "PT KING, DEMETRIUS 45M", "0120 TRAN VAN BINH 63 YO M": on a census or handoff line the words
     * between an anchor (the line's start, a column gap, PT or NAME, a number such as a bed, a date or a time, a colon
     * or a dash) and an age with a sex are the patient's name. A clinical, function or ordinary word that no name list
     * holds ends the run, so "PT 61F" and "OBESE 45M" name no one.
     */
    private static void nameBeforeAgeSex(Scan s, byte[] acc) {
        Tokens tk = s.tk;
        for (int t : s.numberTokens()) {
            if (t < 1 || tk.len(t) > 6) {
                continue;
            }
            byte kind = tk.kind[t];
            if (!(kind == Tokens.NUM && tk.len(t) <= 3 && t + 1 < tk.n && tk.kind[t + 1] == Tokens.WORD
                    && tk.len(t + 1) <= 6 && tk.intValue(t) <= 120 && ageSexAfter(s, t)
                    || kind == Tokens.ALNUM && gluedAgeSex(s, t))) {
                continue;
            }
            int first = t;
            int right = t; // the run's leftmost token so far
            int words = 0;
            int initials = 0;
            boolean comma = false;
            boolean proper = false;
            int u = t - 1;
            while (u >= 0 && words < 4 && initials < 4 && !tk.nlBefore[right]) {
                boolean joined = tk.spaceOnly(u, right)
                        || (tk.isPunct(right, ',') || tk.isPunct(right, '.') || tk.isPunct(right, '-'))
                        && tk.adjacent(u, right);
                // "GREEN, TERRENCE": before the comma of a surname-first name, a listed surname that is also a word
                boolean surname = comma && tk.isPunct(right, ',') && right == u + 1 && (s.flags(u) & NAME_LISTED) != 0
                        && (s.flags(u) & (STOP | NOT_A_NAME)) == 0;
                // "SOON-JA": the first half of a hyphenated name, whatever English word it also is
                boolean firstHalf = (tk.isPunct(right, '-') || u > 1 && tk.isPunct(u - 1, '-') && tk.adjacent(u - 1, u)
                        && tk.kind[u - 2] == Tokens.WORD && tk.len(u - 2) >= 2 && tk.adjacent(u - 2, u - 1))
                        && (s.flags(u) & (STOP | NOT_A_NAME)) == 0 && ((s.flags(u) & CLINICAL) == 0
                        || (s.flags(u) & Lexicon.SURNAME) != 0 && tk.isPunct(right, '-')); // (or its second half, "JA")
                if (tk.kind[u] == Tokens.WORD && joined && tk.len(u) >= 2 && (censusNameWord(s, u) || surname
                        || firstHalf || u == t - 1 && (boardSurname(s, u) || capitalizedGivenName(s, u)))) {
                    proper |= !s.isAny(u, PARTICLES)
                            && ((s.flags(u) & NAME_LISTED) != 0 || (s.flags(u) & COMMON) == 0);
                    words++;
                } else if (tk.kind[u] == Tokens.WORD && joined && tk.len(u) == 1
                        && Character.isUpperCase(tk.firstChar(u))) {
                    initials++; // "SEAN P 27M", "D.N. 64M": an initial
                } else if (tk.isPunct(u, '.') && u > 0 && tk.kind[u - 1] == Tokens.WORD && tk.len(u - 1) == 1
                        && tk.adjacent(u - 1, u) && (tk.spaceOnly(u, right) || tk.adjacent(u, right))) {
                    right = u--; // a dotted initial's full stop
                    continue;
                } else if (tk.isPunct(u, '-') && u > 0 && tk.kind[u - 1] == Tokens.WORD && tk.len(u - 1) >= 2
                        && tk.len(right) >= 2 && tk.adjacent(u - 1, u) && tk.adjacent(u, right) && right == first
                        && tk.kind[right] == Tokens.WORD) {
                    right = u--; // "SOON-JA", "SMITH-JONES": the halves of one name
                    continue;
                } else if (tk.isPunct(u, ',') && !comma && (words > 0 || initials == 1) && u > 0 && tk.spaceOnly(u, right)) {
                    comma = true; // "KING, DEMETRIUS", "KING, E 64F": surname first
                    right = u--;
                    continue;
                } else {
                    break;
                }
                first = right = u--;
            }
            if (right != first) {
                continue; // the run began with its comma
            }
            if (first < 0 || !(words > 0 && proper || words == 0 && initials >= 2) || !censusAnchor(s, first, u)) {
                continue;
            }
            for (int w = first; w < t; w++) {
                if (tk.kind[w] == Tokens.WORD && (acc[w] == NONE || acc[w] == SCORE)) {
                    acc[w] = tk.len(w) == 1 ? INITIAL : CONTEXT;
                }
            }
        }
    }

    /**
     * "BED 1 BROWN 64F", "1 FOLEY 70M POD1": right after a bed's number on a board, a listed surname is the patient's
     * even when it is also a colour or an eponym; a number alone counts only at a line's start.
     */
    private static boolean boardSurname(Scan s, int u) {
        Tokens tk = s.tk;
        int f = s.flags(u);
        if ((f & Lexicon.SURNAME) == 0 || (f & (STOP | NOT_A_NAME | VERB_CONTEXT)) != 0 || s.isAny(u, COLOURS_OF_SKIN)
                || !tk.upperDoc || u < 1 || !(tk.kind[u - 1] == Tokens.NUM && tk.len(u - 1) <= 2 || bedLabel(s, u - 1))
                || tk.nlBefore[u]) {
            return false;
        }
        if ((f & CLINICAL) != 0 && frenchGaugeAfter(s, u + 1)) {
            return false; // a device and its French gauge: "2 FOLEY 16F PLACED", "BED 7 SWAN 8F INTRODUCER"
        }
        int b = u - 1;
        return s.is(b - 1, "BED") && !tk.nlBefore[b] || b == 0 || tk.nlBefore[b];
    }

    /** "16F", "8 F": a size of at most 30 and F, which after a device's eponym is its French gauge, not a girl's age. */
    private static boolean frenchGaugeAfter(Scan s, int t) {
        Tokens tk = s.tk;
        if (t >= tk.n || tk.nlBefore[t]) {
            return false;
        }
        String k = s.key(t);
        int d = 0;
        while (d < k.length() && d < 3 && Character.isDigit(k.charAt(d))) {
            d++;
        }
        if (d == 0 || d > 2 || Integer.parseInt(k.substring(0, d)) > 30) {
            return false;
        }
        String rest = k.substring(d);
        return tk.kind[t] == Tokens.ALNUM && (rest.equals("F") || rest.equals("FR"))
                || tk.kind[t] == Tokens.NUM && rest.isEmpty() && t + 1 < tk.n && s.isAny(t + 1, "F", "FR");
    }

    /** "62M", "79YOM", "63 YO M", "14 MO M", "16 yo F": an age and a sex after the number t. */
    static boolean ageSexAfter(Scan s, int t) {
        Tokens tk = s.tk;
        int a = t + 1;
        if (tk.kind[a] != Tokens.WORD || tk.nlBefore[a] || !tk.spaceOnly(t, a) || tk.start[a] - tk.end[t] > 1) {
            return false;
        }
        if (s.isAny(a, "M", "F", "YOM", "YOF", "YOW", "YOB", "YOG")) {
            return a + 1 >= tk.n || tk.nlBefore[a + 1] || !tk.adjacent(a, a + 1) || tk.kind[a + 1] == Tokens.PUNCT
                    && !tk.isPunct(a + 1, '/');
        }
        int b = a + 1;
        return s.isAny(a, "YO", "Y", "YR", "MO", "MOS", "WK", "WKS") && b < tk.n && !tk.nlBefore[b]
                && tk.spaceOnly(a, b) && s.isAny(b, "M", "F", "MALE", "FEMALE", "BOY", "GIRL");
    }

    /**
     * "DTRS FAITH AND HOPE": daughters and their given names. DTRS is also deep tendon reflexes, so only listed given
     * names that do not describe a reflex ("DTRS TRACE", "DTRS BRISK") are taken.
     */
    private static void daughtersNamed(Scan s, byte[] acc) {
        Tokens tk = s.tk;
        for (int t = 0; t + 1 < tk.n; t++) {
            if (tk.kind[t] != Tokens.WORD || tk.len(t) != 4 || !s.is(t, "DTRS")) {
                continue;
            }
            int u = t + 1;
            while (u < tk.n && !tk.nlBefore[u] && tk.kind[u] == Tokens.WORD && (s.flags(u) & FIRST_NAME) != 0
                    && !s.isAny(u, REFLEX_WORDS) && (acc[u] == NONE || acc[u] == SCORE)) {
                acc[u] = CONTEXT;
                if (u + 2 < tk.n && s.is(u + 1, "AND") && !tk.nlBefore[u + 2]) {
                    u += 2; // "... AND HOPE"
                } else {
                    break;
                }
            }
        }
    }

    /** Words before a person's verb that are no one's name: pronouns, negations, roles. */
    private static final Words NOT_PEOPLE = Words.of("SHE", "HE", "THEY", "IT", "WE", "YOU", "HER", "HIM", "THEM", "THIS",
        "THAT", "WHO", "EVERYONE", "SOMEONE", "NOBODY", "STILL", "NEW", "HOME", "LORD", "GOD", "CODE", "NOT", "NEVER",
        "AIDE", "CLIENT", "PATIENT", "STUDENT", "STAFF", "TEAM", "FAMILY", "NURSE", "DOCTOR", "ALSO", "THEN", "NOW",
        // what a child calls a parent ("Daddy said at 95 he was..."), and babies
        "DADDY", "MOMMY", "MOMMA", "MAMA", "PAPA", "BABY", "INFANT", "OTHER", "ANY");

    /**
     * Verbs only a person does: an ordinary noun that is also a given name needs one of these after it ("Hope says",
     * "Faith called"), not a verb a thing does too ("Culture came back +", "Scan will be done", "Tip left in place",
     * "Tray refused", "Bill will be sent").
     */
    private static final Words PERSON_ONLY_ACTS = Words.of("CALLED", "CALLS", "VISITED", "VISITS", "VISITING", "SAYS",
        "SAID", "STATES", "STATED", "PREFERS", "WANTS", "WANTED", "ASKED", "ASKS", "AGREES", "AGREED", "DROVE", "DRIVES",
        "SPOKE", "THINKS", "KNOWS", "UNDERSTANDS", "HOPES", "WISHES");

    /**
     * What a person, or a thing, does: after a modal or a month these also make a name ("Will will be in", "May came
     * in at 1400", "SON WILL FOUND HIM"), since no modal is followed by a past tense or another modal.
     */
    private static final Words ACTS_OF_ANYONE = Words.of("CAME", "LEFT", "ARRIVED", "BROUGHT", "BRINGS", "FOUND",
        "REPORTS", "REPORTED", "REQUESTS", "REQUESTED", "REFUSES", "REFUSED", "WORKS", "WILL", "WOULD", "STAYED", "STAYS",
        "UPDATED", "DECLINED", "SIGNED", "FEELS", "FELT", "PLANS");

    /**
     * "DTR MAY CALLING Q2H", "son will picked her up": a present participle or a past tense (by its ending, as the lists
     * cannot hold every verb), which no modal takes after it (a month may: "March started"). Not the words that end so
     * and a modal does take ("may need", "will bring"), nor -ING nouns ("May meeting").
     */
    private static boolean noModalBefore(Scan s, int nx) {
        if (s.tk.kind[nx] != Tokens.WORD || s.tk.len(nx) < 6 || (s.flags(nx) & (STOP | NAME_LISTED)) != 0) {
            return false;
        }
        String k = s.key(nx);
        return k.endsWith("ING") && !s.isAny(nx, ING_NOT_PARTICIPLES) || k.endsWith("ED") && !k.endsWith("EED");
    }

    private static final Words ING_NOT_PARTICIPLES = Words.of("MORNING", "EVENING", "NOTHING", "SOMETHING", "ANYTHING",
        "EVERYTHING", "DURING", "SPRING", "STRING", "CEILING", "MEETING", "BILLING", "STAFFING", "SCHEDULING",
        "HEARING", "FEEDING", "FEEDINGS", "SEIZING", "BLEEDING", "NURSING", "HOUSING", "TIMING", "BRIEFING", "CLOTHING",
        "SETTING", "SETTINGS", "WEDDING", "BUILDING", "TRAINING", "FUNDING", "WAITING", "PARKING", "LANDING");

    /**
     * "May called x2", "Will will be in tomorrow", "June's cell 781-555-0103", "SON WILL FOUND HIM": a given name that is
     * also a modal, a month or a word is a person's when a person's verb follows it (no modal is followed by a past
     * tense) or a possessive of it owns a phone; in capitals only after a relative.
     */
    private static void wordNamesThatAct(Scan s, byte[] acc) {
        Tokens tk = s.tk;
        for (int t = 0; t + 1 < tk.n; t++) {
            int f = s.flags(t); // (cheap test first: the flags rule out punctuation and nearly every word)
            if ((f & (FIRST_NAME | Lexicon.MONTH)) == 0 || (f & NAME_LISTED) == 0
                    || (f & (STOP | Lexicon.MONTH | COMMON)) == 0
                    || (f & (RELATION | TITLE | POSTMARK | VERB_CONTEXT)) != 0 || tk.kind[t] != Tokens.WORD
                    || tk.len(t) < 3 || tk.len(t) > 8 || acc[t] != NONE && acc[t] != SCORE || s.isAny(t, NOT_PEOPLE)) {
                continue;
            }
            boolean mixedCapital = !tk.upperDoc && tk.capitalized(t) && !tk.allUpper(t);
            int pk = s.prevWord(t, 0);
            boolean afterKin = tk.upperDoc && pk >= 0 && s.isAny(pk, KIN);
            if (!mixedCapital && !afterKin) {
                continue;
            }
            int nx = t + 1;
            // a modal or a month cannot be followed by a past tense or a modal ("May called", "Will will"); an
            // ordinary noun can ("Culture came back", "Scan will be done"), so it needs a verb only a person does
            boolean word = (s.flags(t) & (STOP | Lexicon.MONTH)) == 0;
            boolean acts = !tk.nlBefore[nx] && tk.spaceOnly(t, nx) && !s.possessive(t)
                    && (s.isAny(nx, PERSON_ONLY_ACTS) || !word && (s.isAny(nx, ACTS_OF_ANYONE)
                    || (s.flags(t) & STOP) != 0 && noModalBefore(s, nx)));
            boolean ownsPhone = s.possessive(t) && !tk.nlBefore[nx] && s.isAny(nx, "CELL", "PHONE", "NUMBER", "MOBILE", "HOME",
                    "WORK", "PH", "TEL") && nx + 1 < tk.n && phoneSoonAfter(s, nx);
            if (acts || ownsPhone) {
                acc[t] = CONTEXT;
            }
        }
    }

    /**
     * A phone the number recognizers found (they run before the names) starting among the three tokens after t: the
     * same libphonenumber reading as everywhere else, not a shape of its own.
     */
    private static boolean phoneSoonAfter(Scan s, int t) {
        Tokens tk = s.tk;
        int last = Math.min(tk.n - 1, t + 3);
        if (t + 1 > last) {
            return false;
        }
        int from = tk.start[t + 1];
        int to = tk.end[last];
        for (PhiSpan p : s.found) {
            if ((p.type() == PhiType.PHONE || p.type() == PhiType.FAX) && p.start() >= from && p.start() < to) {
                return true;
            }
        }
        return false;
    }

    private static final Words REFLEX_WORDS = Words.of("TRACE", "BRISK", "SLUGGISH", "ABSENT", "INTACT", "NORMAL",
        "DIMINISHED", "DECREASED", "SYMMETRIC", "EQUAL", "HYPOACTIVE", "HYPERACTIVE", "PRESENT", "REDUCED", "NONE",
        "BRISKLY", "DOWN", "UP", "BILAT", "BILATERAL", "WNL", "NL");

    /** "62M", "79YOM", "90YO F": one token of an age of up to three digits and a sex. */
    static boolean gluedAgeSex(Scan s, int t) {
        Tokens tk = s.tk;
        int a = tk.start[t];
        int d = a;
        while (d < tk.end[t] && Character.isDigit(s.text.charAt(d))) {
            d++;
        }
        if (d == a || d - a > 3 || d == tk.end[t]) {
            return false;
        }
        int len = tk.end[t] - d;
        if (len > 3) {
            return false;
        }
        // compared by character: this runs for every token of letters and digits
        char c0 = Character.toUpperCase(s.text.charAt(d));
        char c1 = len > 1 ? Character.toUpperCase(s.text.charAt(d + 1)) : 0;
        char c2 = len > 2 ? Character.toUpperCase(s.text.charAt(d + 2)) : 0;
        int nx = t + 1;
        boolean ends = nx >= tk.n || tk.nlBefore[nx] || !tk.adjacent(t, nx) || tk.kind[nx] == Tokens.PUNCT
                && !tk.isPunct(nx, '/');
        if (len == 1 && (c0 == 'M' || c0 == 'F')
                || len == 3 && c0 == 'Y' && c1 == 'O' && (c2 == 'M' || c2 == 'F' || c2 == 'W')) {
            return ends; // 62M, 79YOM
        }
        boolean yo = len == 2 && c0 == 'Y' && c1 == 'O' || len == 1 && c0 == 'Y';
        return yo && nx < tk.n && !tk.nlBefore[nx] && tk.spaceOnly(t, nx)
                && s.isAny(nx, "M", "F", "MALE", "FEMALE", "BOY", "GIRL"); // 90YO F
    }

    /** A word that may be part of a name on a census line: no clinical, function, role or group word. */
    static boolean censusNameWord(Scan s, int u) {
        int f = s.flags(u);
        Tokens tk = s.tk;
        if (s.isAny(u, PARTICLES) && (tk.upperDoc || tk.capitalized(u) || tk.lowerInitial(u))) {
            return true; // "TRAN VAN BINH", "GARCIA DE LA CRUZ"
        }
        if ((f & (STOP | CLINICAL | NOT_A_NAME | VERB_CONTEXT | Lexicon.GROUP)) != 0 || !(tk.upperDoc || tk.capitalized(u))
                || s.isAny(u, COLOURS_OF_SKIN) || s.shiftWord(u)) {
            return false;
        }
        String key = s.key(u);
        if (key.length() <= 6 && (key.endsWith("MC") || key.endsWith("MH") || key.endsWith("HC")) && (f & NAME_LISTED) == 0) {
            return false; // a hospital's acronym before the census name ("SDU 10-8 CCMC ARCENEAUX, LOUELLA 67F")
        }
        if ((f & COMMON) != 0) {
            // "PLEASANT 80F", "FRAIL 92F": an English word needs the name lists to weigh it as a name
            return (f & NAME_LISTED) != 0 && s.lx.nameOdds(tk.lex[u]) > -1.5f;
        }
        // "INTUBATED 62M", "DIAPHORETIC 45M", "CACHECTIC 80F": a state the patient is in, spelt as no list has it
        String k = s.key(u);
        return (f & NAME_LISTED) != 0 || !(k.endsWith("ED") || k.endsWith("IC") || k.endsWith("IVE") || k.endsWith("AL")
                || k.endsWith("OUS") || k.endsWith("ING") || k.endsWith("ILE"));
    }

    private static final Words COLOURS_OF_SKIN = Words.of("WHITE", "BLACK", "CAUCASIAN", "HISPANIC", "ASIAN",
            "LATINO", "LATINA", "AA");

    /**
     * "10/3/25 Will 14 M": in a note of mixed case, a given name written with its capital (WILL, MAY, JUNE are also
     * words, so the lists alone do not make them names) right before an age and a sex.
     */
    private static boolean capitalizedGivenName(Scan s, int u) {
        Tokens tk = s.tk;
        return !tk.upperDoc && tk.capitalized(u) && !tk.allUpper(u) && (s.flags(u) & FIRST_NAME) != 0
                && (s.flags(u) & NOT_A_NAME) == 0 && !frenchGaugeAfter(s, u + 1); // (not "Foley 16 F")
    }

    /** A bed's label on a board: a letter and one to three digits ("B14", "N4"). */
    private static boolean bedLabel(Scan s, int b) {
        Tokens tk = s.tk;
        return b >= 0 && tk.kind[b] == Tokens.ALNUM && tk.len(b) <= 4 && tk.len(b) >= 2
                && Character.isLetter(tk.firstChar(b)) && Character.isDigit(s.text.charAt(tk.end[b] - 1))
                && Character.isDigit(s.text.charAt(tk.start[b] + 1));
    }

    /** What may stand right before a census line's name: see {@link #nameBeforeAgeSex}. */
    private static boolean censusAnchor(Scan s, int first, int before) {
        Tokens tk = s.tk;
        if (first == 0 || tk.nlBefore[first] || columnGapBefore(s, first)) {
            return true;
        }
        if (tk.kind[before] == Tokens.NUM) {
            return true;
        }
        if (bedLabel(s, before)) {
            // a bed's label: "B14 GREEN, WINIFRED 92F", "N4 BROWN 70M"; a listed name or a surname first, not a
            // diagnosis no list holds ("B4 SEPSIS 88F", "B7 SYNCOPE 80F")
            return (s.flags(first) & NAME_LISTED) != 0 || tk.isPunct(first + 1, ',');
        }
        if (tk.isPunct(before, ':') || tk.isPunct(before, '-') && !tk.adjacent(before, first)) {
            return true;
        }
        if (tk.isPunct(before, '.') && before > 0 && tk.kind[before - 1] == Tokens.NUM && tk.len(before - 1) <= 2
                && (before == 1 || tk.nlBefore[before - 1])) {
            return true; // a numbered list of patients: "3. BROWN-HOLLIS 89F"
        }
        // (or a header's shift: "10-14-24 DAYS PARK, SOON-JA 67F")
        return tk.kind[before] == Tokens.WORD && (s.isAny(before, "PT", "PATIENT", "NAME", "PTS") || s.shiftWord(before));
    }

    private static boolean dottedCapital(Scan s, int t) {
        Tokens tk = s.tk;
        // (the full stop first: few tokens are followed by one)
        return tk.isPunct(t + 1, '.') && tk.len(t) == 1 && tk.kind[t] == Tokens.WORD
                && Character.isUpperCase(tk.firstChar(t)) && tk.adjacent(t, t + 1);
    }

    /** Two or more blanks (a form's column gap) between token {@code c} and the one before it. */
    private static boolean columnGapBefore(Scan s, int c) {
        return c > 0 && s.tk.wideGap(c - 1, c);
    }

    /** "IgA", "IgG", "pH", "mEq": a short word with a capital after a small letter is a code, not a name. */
    private static boolean camelCode(Scan s, int t) {
        Tokens tk = s.tk;
        if (tk.len(t) > 4 || tk.len(t) < 2) {
            return false;
        }
        for (int i = tk.start[t] + 1; i < tk.end[t]; i++) {
            if (Character.isUpperCase(s.text.charAt(i)) && Character.isLowerCase(s.text.charAt(i - 1))) {
                return true;
            }
        }
        return false;
    }

    /** Nouns of devices, vehicles and their identifiers: a listed name just before one is a make or a model. */
    private static final Words PRODUCT_NOUNS = Words.of("ICD", "AICD", "PPM", "PACEMAKER", "DEFIBRILLATOR",
            "CRT", "CRTD", "PUMP", "TRANSMITTER", "CPAP", "BIPAP", "APAP", "VENTILATOR", "NEBULIZER", "CONCENTRATOR",
            "GLUCOMETER", "CGM", "STIMULATOR", "LVAD", "WHEELCHAIR", "SCOOTER", "VAN", "SEDAN", "TRUCK", "SUV",
            "PICKUP", "MINIVAN", "SERIAL", "VIN", "MODEL", "IMPLANT", "GENERATOR"); // (not SN: also a student nurse)

    /** Car makes that are also names or places: a make only after a colour or a model year ("2021 Ford Transit"). */
    private static final Words NAME_MAKES = Words.of("FORD", "DODGE", "TESLA", "JEEP", "LINCOLN", "MERCURY",
            "CADILLAC", "VOLVO", "AUDI", "BMW", "MERCEDES", "PORSCHE", "JAGUAR", "SATURN", "RAM", "GMC", "MINI");

    /**
     * A make or model, not a person: "Medtronic Evera ICD", "CADD-Solis VIP pump", "Trilogy Evo SN ...", "black Dodge
     * Charger", "Merlin@home": a device or vehicle noun within the next three words of the phrase (no title or kin
     * word before it), a name-like make after a colour or a year, or a word glued to '@' that is no e-mail.
     */
    private static boolean product(Scan s, int t) {
        Tokens tk = s.tk;
        if (tk.isPunct(t + 1, '@') && tk.adjacent(t, t + 1)) {
            return true;
        }
        int w = s.prevWord(t, 1);
        if (w >= 0 && (s.has(w, Lexicon.TITLE) || s.isAny(w, KIN))) {
            return false; // "Dr. Whitlock ICD clinic"
        }
        int p = t - 1;
        if (p >= 0 && !tk.nlBefore[t] && tk.spaceOnly(p, t) && (s.isAny(p, CAR_MAKES)
                || s.isAny(p, NAME_MAKES) && p > 0 && (s.isAny(p - 1, COLOURS)
                || tk.kind[p - 1] == Tokens.NUM && tk.len(p - 1) == 4))) {
            return true; // "grey Toyota Sienna", "black Dodge Charger": the model after the make
        }
        if (s.isAny(t, NAME_MAKES) && p >= 0 && !tk.nlBefore[t]
                && (s.isAny(p, COLOURS) || tk.kind[p] == Tokens.NUM && tk.len(p) == 4)) {
            return true;
        }
        // up to four words on ("Abbott Assurity MRI dual-chamber PPM"); a hyphenated compound is one word
        int u = t + 1;
        for (int words = 0; words < 4 && u < tk.n && !tk.nlBefore[u]; u++) {
            if (tk.kind[u] == Tokens.PUNCT) {
                if (!(tk.isPunct(u, '-') && tk.adjacent(u - 1, u))) {
                    return false;
                }
                words--;
                continue;
            }
            if (tk.kind[u] == Tokens.WORD && s.isAny(u, PRODUCT_NOUNS) && !(s.is(u, "VAN") && u + 1 < tk.n
                    && tk.kind[u + 1] == Tokens.WORD && !tk.nlBefore[u + 1]
                    && (tk.capitalized(u + 1) || s.isAny(u + 1, PARTICLES)))) {
                return true; // (not "Maika van de Noort": a particle)
            }
            if (s.has(u, STOP)) {
                return false; // "driver Ron Mast in his van": a make and its model carry no function word
            }
            words++;
        }
        return false;
    }

    /**
     * A classification named after a person, with its class: "(Weber B)", "Garden IV", "(Barbeau B)", "Paris 0-Is",
     * "Prague C2M4", "Weber B lateral malleolus". A single capital A-D, a Roman numeral I-V or a short letter-digit code
     * right after the word, the pair in parentheses or followed by a clinical word; not after a title ("Dr. Weber B."
     * is an initial).
     */
    private static boolean classification(Scan s, int t) {
        Tokens tk = s.tk;
        int c = t + 1;
        if (c >= tk.n || tk.nlBefore[c] || !tk.spaceOnly(t, c)) {
            return false;
        }
        boolean grade = tk.kind[c] == Tokens.WORD && tk.allUpper(c) && gradeWord(s, c)
                || tk.kind[c] == Tokens.ALNUM && tk.len(c) <= 5 && tk.allUpper(c)
                || tk.kind[c] == Tokens.NUM && tk.len(c) == 1 && tk.isPunct(c + 1, '-') && tk.adjacent(c, c + 1);
        if (!grade || s.has(s.prevWord(t, 1), Lexicon.TITLE)) {
            return false; // (the class first: it rules out nearly every word; then the title before)
        }
        int after = c + 1;
        while (after < tk.n && tk.adjacent(after - 1, after) && tk.kind[after] != Tokens.PUNCT) {
            after++;
        }
        if (tk.isPunct(after, '-') && tk.adjacent(after - 1, after)) {
            after += 2;
        }
        boolean inParens = t > 0 && tk.isPunct(t - 1, '(') && (after >= tk.n || tk.isPunct(after, ')'));
        return inParens || after < tk.n && !tk.nlBefore[after] && s.has(after, CLINICAL);
    }

    /** Whether word t is a class's letter A-D or Roman numeral I-V. */
    private static boolean gradeWord(Scan s, int t) {
        // (by the token's hash: no key is built for the word after every name candidate)
        return s.isAny(t, "A", "B", "C", "D") || s.isAny(t, "I", "II", "III", "IV", "V");
    }

    /** "5 Fr Judkins", "19 Fr Blake drain": FR after a size is French gauge, not Father, and the next word a make. */
    private static boolean frenchSize(Scan s, int t) {
        Tokens tk = s.tk;
        int fr = t - 1;
        // (not F: "72 F Jones" is a woman of 72)
        return fr >= 1 && s.isAny(fr, "FR", "FRENCH") && tk.kind[fr - 1] == Tokens.NUM && !tk.nlBefore[t];
    }

    /**
     * Whether word t follows an initial with its full stop that follows a title ("Ofc. T. Rainwater") or, right before
     * the initial, a clinician's credential or role ("RN T. WHITE", "RRT K. Sparks", "SW P. ROSE").
     */
    private static boolean p0InitialAfterTitle(Scan s, int t) {
        Tokens tk = s.tk;
        int i;
        if (tk.isPunct(t - 1, '.')) {
            i = s.prevWord(t, 1);
            // in a note of one case the initial is as lower as the rest ("rn a. green")
            if (i < 0 || tk.kind[i] != Tokens.WORD || tk.len(i) != 1
                    || !Character.isUpperCase(tk.firstChar(i)) && !tk.caseBlind(i)
                    || !tk.isPunct(i + 1, '.') || i + 2 != t) {
                return false;
            }
        } else {
            // "RN A Green": without its full stop only where case tells an initial from the article
            i = t - 1;
            if (i < 0 || tk.kind[i] != Tokens.WORD || tk.len(i) != 1 || tk.caseBlind(i) || tk.caseBlind(t)
                    || !Character.isUpperCase(tk.firstChar(i)) || !tk.capitalized(t) || !tk.spaceOnly(i, t)) {
                return false;
            }
        }
        int title = s.prevWord(i, 1);
        return title >= 0 && ((s.flags(title) & TITLE) != 0
                || ((s.flags(title) & POSTMARK) != 0 || s.isAny(title, ROLES_BEFORE_INITIAL)) && title + 1 == i);
    }

    /**
     * "PT'S SISTER MAY (NINETY-THREE YO)", "BROTHER WILL, 93, DRIVES": a relative, a listed name that is also a word, and
     * right after it the relative's age in parentheses or between commas; in shouted text as in mixed case.
     */
    private static void kinNameBeforeAge(Scan s, byte[] acc) {
        Tokens tk = s.tk;
        for (int t = 1; t + 2 < tk.n; t++) {
            if (acc[t] != NONE || tk.kind[t] != Tokens.WORD || !(tk.isPunct(t + 1, '(') || tk.isPunct(t + 1, ','))
                    || !s.has(t, FIRST_NAME | Lexicon.SURNAME) || !tk.spaceOnly(t - 1, t) || !s.isAny(t - 1, KIN)) {
                continue;
            }
            int a = tk.start[t + 2];
            for (int i = 0; i < s.found.size(); i++) {
                PhiSpan sp = s.found.get(i);
                if (sp.type() == PhiType.AGE && sp.start() == a) {
                    acc[t] = CONTEXT;
                    break;
                }
            }
        }
    }

    /**
     * "Children present: Will, Bill and May": in a note that capitalises names, capitalised given names listed with
     * commas and a closing AND or OR, one of them a name found, are all names (the modal and the month among them).
     */
    private static void listOfGivenNames(Scan s, byte[] acc) {
        Tokens tk = s.tk;
        for (int t = 0; t < tk.n; t++) {
            if (acc[t] == NONE || tk.kind[t] != Tokens.WORD || !tk.capitalized(t) || !s.has(t, FIRST_NAME)
                    || !oneWord(s, t)) {
                continue; // (cheap test first: the lists are found from a given name they hold)
            }
            int first = t;
            int last = t;
            boolean and = false;
            for (int u = listNeighbour(s, first, -1); u >= 0; u = listNeighbour(s, first, -1)) {
                and |= s.isAny(first - 1, CONJUNCTIONS);
                first = u;
            }
            for (int u = listNeighbour(s, last, 1); u >= 0; u = listNeighbour(s, last, 1)) {
                and |= s.isAny(last + 1, CONJUNCTIONS);
                last = u;
            }
            if (!and || first == last) {
                continue;
            }
            for (int u = first; u <= last; u++) {
                if (tk.kind[u] == Tokens.WORD && acc[u] == NONE && !s.isAny(u, CONJUNCTIONS)) {
                    acc[u] = CONTEXT;
                }
            }
            t = last;
        }
    }

    /** The capitalised listed name one comma or conjunction before (dir -1) or after (dir 1) word t, or -1. */
    private static int listNeighbour(Scan s, int t, int dir) {
        Tokens tk = s.tk;
        int sep = t + dir;
        int u = t + 2 * dir;
        if (u < 0 || u >= tk.n || tk.nlBefore[dir > 0 ? u : t] || !(tk.isPunct(sep, ',') || s.isAny(sep, CONJUNCTIONS))
                || tk.kind[u] != Tokens.WORD || !tk.capitalized(u) || !s.has(u, FIRST_NAME | Lexicon.SURNAME)
                || (s.flags(u) & (TITLE | RELATION)) != 0 || s.isAny(u, CONJUNCTIONS)
                || (s.flags(u) & (STOP | FIRST_NAME)) == STOP && tk.sentenceStart(u) // "He and Lorraine"
                || !oneWord(s, u)) {
            return -1;
        }
        return u;
    }

    /** No capitalised word beside word t: "Flatbush Ave and Church Ave" lists streets, not given names. */
    private static boolean oneWord(Scan s, int t) {
        Tokens tk = s.tk;
        return !(t + 1 < tk.n && tk.kind[t + 1] == Tokens.WORD && tk.capitalized(t + 1) && tk.spaceOnly(t, t + 1))
                && !(t > 0 && tk.kind[t - 1] == Tokens.WORD && tk.capitalized(t - 1) && tk.spaceOnly(t - 1, t));
    }

    /** Roles written like a credential before a colleague's initial: "SW P. ROSE TO SEE", "CM J. Hale". */
    private static final Words ROLES_BEFORE_INITIAL = Words.of("SW", "CM", "RT", "OT", "SLP", "CHAPLAIN");

    /** "Younger sister Ivy", "LATE HUSBAND": words that say which relative, not who. */
    private static final Words KIN_ADJECTIVES = Words.of("YOUNGER", "OLDER", "ELDER", "ELDEST", "OLDEST",
            "YOUNGEST", "BIG", "LITTLE", "BABY", "TWIN", "STEP", "HALF", "LATE", "DECEASED", "ESTRANGED", "FORMER", "EX",
            "BIOLOGICAL", "ADOPTIVE", "FOSTER", "SURVIVING", "ONLY", "YO", "YR", "YRS", "OLD", "MO", "MOS", "WK", "BEST",
            "CLOSE", "LIFELONG", "CHILDHOOD");

    /** "(husband)", "(daughter, HCP)": an opening parenthesis right after the word, a relative first inside. */
    private static boolean kinInParentheses(Scan s, int t) {
        Tokens tk = s.tk;
        int nx = t + 2;
        return nx < tk.n && tk.isPunct(t + 1, '(') && !tk.nlBefore[t + 1] && tk.kind[nx] == Tokens.WORD
                && tk.adjacent(t + 1, nx) && s.isAny(nx, KIN);
    }

    /** In shouted text a modal after a relative is a name only when a surname-like word follows on the line. */
    private static boolean nameFollows(Scan s, int t) {
        int nx = t + 1;
        if (nx >= s.tk.n || s.tk.kind[nx] != Tokens.WORD || s.tk.nlBefore[nx] || !s.tk.spaceOnly(t, nx)) {
            return false;
        }
        int f = s.flags(nx);
        int notName = nx + 1 < s.tk.n && s.has(nx + 1, Lexicon.STATE_NAME) ? NOT_A_NAME
                : NOT_A_NAME & ~Lexicon.STATE_NAME; // "MAY WEST", not "MAY WEST VIRGINIA"
        return (f & NAME_LISTED) != 0 && (f & (STOP | CLINICAL | notName | VERB_CONTEXT)) == 0
                && s.lx.nameOdds(s.tk.lex[nx]) >= -1.5;
    }

    private static final Words PRESENCE_WORDS = Words.of("AT", "HERE", "THERE", "PRESENT", "IN", "WITH", "VISITING",
            "VISITED", "CALLED", "AWARE", "UPDATED", "NOTIFIED", "IS", "WAS", "HAS", "WILL", "MAY", "CAN", "WOULD",
            "SHOULD", "COULD", "MIGHT", "MUST", "WANTS", "PLANS", "AGREES");
    private static final Words KIN_STATUS_WORDS = Words.of("DECEASED", "HCP", "NOK", "POA", "AGE", "AGED", "WORKS",
            "LIVES", "LIVED", "WORKED", "HIS", "HER", "THEIR");

    /**
     * "WIFE MAY AT BEDSIDE", "SON WILL HERE", "brother will (deceased)": after a relative, a modal followed by where
     * the person is, or by a parenthesis about them, is the relative's name; a verb after it ("MAY CALL") is not.
     */
    private static boolean placeFollows(Scan s, int t) {
        Tokens tk = s.tk;
        int nx = t + 1;
        if (nx >= tk.n || tk.nlBefore[nx]) {
            return false;
        }
        if (tk.kind[nx] == Tokens.WORD) {
            if (s.isAny(nx, "AND", "&") && nx + 1 < tk.n && (s.isAny(nx + 1, KIN)
                    || s.has(nx + 1, Lexicon.FIRST_NAME) && !s.has(nx + 1, COMMON | CLINICAL | STOP | VERB_CONTEXT))) {
                return true; // "WIFE MAY AND GRANDSON HUNTER VISITED", "PARENTS WILL AND KATHRYN FLEW IN"
            }
            // "SON WILL WILL DRIVE IN": a modal right after the modal word, so the first one is the name
            return tk.spaceOnly(t, nx) && s.isAny(nx, PRESENCE_WORDS);
        }
        if (tk.kind[nx] == Tokens.NUM && tk.len(nx) == 3 && tk.isPunct(nx + 1, '-') && tk.adjacent(nx, nx + 1)) {
            return true; // "SON WILL 409-555-0135": a phone, never a modal's object
        }
        return tk.isPunct(nx, '(') && nx + 1 < tk.n && (s.isAny(nx + 1, KIN_STATUS_WORDS) // "NEPHEW WILL (WORKS THE BARN W/ HIM)"
                || tk.kind[nx + 1] == Tokens.NUM
                // the name in full or in another language: "SON WILL (GUGLIELMO) IS HCP"
                || tk.kind[nx + 1] == Tokens.WORD && tk.isPunct(nx + 2, ')') && tk.len(nx + 1) >= 3
                && (s.flags(nx + 1) & (COMMON | CLINICAL | STOP | VERB_CONTEXT)) == 0
                && (tk.lex[nx + 1] < 0 || s.has(nx + 1, Lexicon.NAME_LISTED))); // a name, not "(ASAP)"
    }

    /** "WILL CALL", "MAY NEED": the word after is an ordinary word, so the modal reading wins. */
    private static boolean verbFollows(Scan s, int t) {
        int nx = t + 1;
        return nx < s.tk.n && s.tk.kind[nx] == Tokens.WORD && !s.tk.nlBefore[nx] && s.has(nx, COMMON)
                && s.lx.nameOdds(s.tk.lex[nx]) < -1;
    }

    /** A neighbour strong enough to make the word next to it a name: a weak lexicon guess is not. */
    private static boolean pulls(byte[] acc, float[] score, int t) {
        return accepted(acc, t) && (acc[t] != SCORE || score[t] >= 1.5f);
    }

    private static boolean accepted(byte[] acc, int t) {
        return t >= 0 && t < acc.length && acc[t] != NONE;
    }

    /** Words of one name: blanks between, or a hyphen with no blanks (SMITH-JONES). */
    private static boolean joined(Scan s, int a, int b) {
        Tokens tk = s.tk;
        if (a < 0 || b >= tk.n) {
            return false;
        }
        // a form's column gap ("Student: Chance Yurkovich     Grade 10") separates fields, not parts of a name
        return tk.spaceOnly(a, b) && tk.start[b] - tk.end[a] < 3;
    }

    private static boolean commaNeighbour(Scan s, byte[] acc, float[] score, int t) {
        Tokens tk = s.tk;
        // SMITH-JONES
        if (t >= 2 && tk.isPunct(t - 1, '-') && tk.adjacent(t - 2, t - 1) && tk.adjacent(t - 1, t)
                && accepted(acc, t - 2)) {
            return true;
        }
        if (t + 2 < tk.n && tk.isPunct(t + 1, '-') && tk.adjacent(t, t + 1) && tk.adjacent(t + 1, t + 2)
                && accepted(acc, t + 2)) {
            return true;
        }
        // "DAUGHTERS MARY AND HOPE", "CHILDREN JOHN, MARY AND PAUL": a list continues a confirmed name
        if (t >= 2 && (s.is(t - 1, "AND") || tk.isPunct(t - 1, '&')) && pulls(acc, score, t - 2)
                && (s.flags(t) & NAME_LISTED) != 0 && s.lx.nameOdds(tk.lex[t]) >= -3 && !tk.nlBefore[t]) {
            return true;
        }
        // SMITH, JOHN (only when the comma pair is not part of a longer list)
        if (t >= 2 && tk.isPunct(t - 1, ',') && accepted(acc, t - 2) && !tk.nlBefore[t] && !s.has(t, CLINICAL)
                && (t + 1 >= tk.n || !tk.isPunct(t + 1, ','))) {
            return pulls(acc, score, t - 2) || s.tk.sentenceStart(t - 2);
        }
        return false;
    }

    private static final Words FORM_WORDS = Words.of("OK", "OKAY", "YES", "NO", "NONE", "ALL", "BOTH", "RE", "FYI",
        "CC", "ATTN");

    private static final Words LINKING_WORDS = Words.of("WITH", "BY", "IS", "NAMED", "WAS", "FROM", "TO");

    private static final Words POSSESSIVE_PRONOUNS = Words.of("HIS", "HER", "THEIR", "MY", "YOUR", "OUR", "ITS");

    private static final Words PATIENT_LABELS = Words.of("PT", "PATIENT", "PTS", "MR", "NAME", "FAMILY", "VISITOR",
            "VISITORS", "EMERGENCY", "CONTACT", "SW", "CM", "PER");
    private static final Words NOTIFIED_VERBS = Words.of("AWARE", "NOTIFIED", "PAGED", "INFORMED", "UPDATED",
            "CONSULTED", "CONTACTED", "AGREES", "REQUESTS", "VISITED", "ASKED", "STATED", "STATES", "REPORTS",
            "REPORTED", "CONSENTED", "DECLINED");

    private static boolean byContext(Scan s, int t, float base) {
        Tokens tk = s.tk;
        int f = s.flags(t);
        if ((f & STOP) != 0 && ((f & NAME_LISTED) == 0 || base < -3.5)) {
            // (cheap test first: AND, THE, TO reach here in every note) each way below to take a STOP word as a name
            // asks for a listed name of odds -3.5 or better (the others ask for an uncommon word, and a STOP word is
            // always COMMON)
            return false;
        }
        boolean upper = tk.caseBlind(t);
        if (!upper && tk.lowerInitial(t)) {
            // in mixed-case text a lower-case word is not a name, whatever precedes it, but for a listed name that is no
            // English or clinical word right after "dr": "like dr okafor said" (not "dr appt", "dr recs", "dr said")
            if ((f & NAME_LISTED) == 0 || (f & (COMMON | CLINICAL | STOP | VERB_CONTEXT | RELATION | TITLE)) != 0
                    || tk.len(t) < 3) {
                return false; // (cheap test first: the word's flags rule out nearly every lower-case word)
            }
            int d = s.prevWord(t, 1);
            return d >= 0 && d == t - (tk.isPunct(t - 1, '.') ? 2 : 1) && s.isAny(d, "DR", "DOCTOR")
                    && !wordLike(s, t); // a listed name: not chart shorthand ("dr recs")
        }
        if (upper && !tk.upperDoc && (f & COMMON) != 0 && ((f & NAME_LISTED) == 0 || base < -1)) {
            return false; // on a lower-case line of a capitalised note: "daughter works nights" is no name
        }
        boolean listed = (f & NAME_LISTED) != 0;
        boolean clinical = (f & CLINICAL) != 0;
        boolean common = (f & COMMON) != 0;
        boolean properShape = !upper && tk.capitalized(t);
        if (!listed && !properShape && (clinical || common && tk.len(t) > 3 && !tk.isPunct(t - 1, '.'))) {
            // (cheap test first) a clinical word, or an ordinary one of four letters or more, that no name list holds
            // and that case does not mark as a name: nothing below takes it (each way asks for a listed name, a proper
            // shape, an unknown word or a signature's short initials), but for the initial after a title with its full
            // stop right before the word ("Ofc. T. Rainwater")
            return false;
        }
        int p = s.prevWord(t, 2);
        if ((f & STOP) == 0 && !cueAround(s, t, p)) {
            return false; // (cheap test first: most words have no cue around them, and each way below needs one)
        }
        if (clinical && tk.isPunct(t + 1, ':') && tk.adjacent(t, t + 1) || abbreviationShape(s, t)) {
            return false; // "PER GRANDSON GI: BM X1": a clinical word with a colon opens a section; "per NSurg"
        }
        // a listed name that is also a clinical word ("RN T. WHITE", "SW P. ROSE") counts here, an organism never
        // ("MD E. COLI")
        boolean clinicalName = (f & (NAME_LISTED | Lexicon.ORGANISM)) == NAME_LISTED;
        if ((f & (STOP | NOT_A_NAME)) == 0 && (!clinical || clinicalName) && p0InitialAfterTitle(s, t)
                && (upper || tk.capitalized(t)
                || tk.allUpper(t) && tk.allUpper(s.prevWord(s.prevWord(t, 1), 1)))) {
            return true; // "Ofc. T. Rainwater", "Dr. J. Okoro", "DEPUTY R. GOURD" in a capitals sentence of mixed text
        }
        if (s.isAny(t, Countries.NOT_NAMES) || (f & Lexicon.STATE_NAME) != 0 && s.isAny(s.prevWord(t, 0), "FROM", "IN")) {
            return false; // "called from germany", "CALLED FROM ARIZONA"
        }
        if (tk.len(t) <= 4 && s.isAny(t, FORM_WORDS)) {
            return false; // "WIFE OK W/ UPDATES"
        }
        if (s.isAny(s.prevWord(t, 0), POSSESSIVE_PRONOUNS)) {
            return false; // "WORRIED ABOUT HER APT, SISTER SAYS": what someone has, not who
        }
        if (s.isAny(t, COLOURS) && s.is(t + 1, "TEAM")) {
            return false; // "(GOLD TEAM)": a colour names a team, not a person
        }
        // in shouted text an unlisted, uncommon word after a relative or a verb of contact is a name (its shape here;
        // each use asks wordLike last, only when it decides: the ending search is not cheap)
        boolean unknownShape = !listed && !common && !clinical && tk.len(t) >= 4 && (f & NOT_A_NAME) == 0
                && (upper ? tk.allUpper(t) || tk.upperDoc : tk.capitalized(t));
        if (p >= 4 && tk.isPunct(p - 1, '-') && s.is(p, "LAW") && s.is(p - 2, "IN") && tk.isPunct(p - 3, '-')
                && tk.adjacent(p - 4, p - 3) && s.isAny(p - 4, KIN) && punctOk(s, p, t)) { // (the dash first: cheap)
            // "BROTHER-IN-LAW VIC", "mother-in-law (Patrice)": the in-law is a relative like the word it is built on
            return (f & (STOP | NOT_A_NAME | VERB_CONTEXT)) == 0 && listed && base >= -3 || properShape && !common && !clinical
                    || unknownShape && !wordLike(s, t);
        }
        boolean wordBefore = p >= 0 && tk.kind[p] == Tokens.WORD && punctOk(s, p, t);
        if (wordBefore) {
            int pf = s.flags(p);
            // "Kozlowski, MS, RD": a title never takes a comma before the name it introduces
            if ((pf & TITLE) != 0 && (upper || !tk.lowerInitial(t)) && (f & TITLE) == 0 && !tk.isPunct(p + 1, ',')) {
                boolean weakTitle = s.isAny(p, "MS", "MISS", "SR", "SISTER", "FATHER", "NURSE", "MR");
                boolean dotted = tk.isPunct(p + 1, '.');
                boolean titled;
                if ((f & STOP) != 0) {
                    // "Mr. May", "DR. WILL": a modal after a title is a name only when it is one
                    titled = listed && base >= -3.5 && (!weakTitle || dotted) && (upper || tk.capitalized(t));
                } else if (weakTitle) {
                    titled = listed && base >= -3 && (!clinical || dotted && properShape) || properShape && !common
                            || dotted && unknownShape && !wordLike(s, t);
                } else {
                    titled = listed && (base >= -4 || !clinical) || !common && !clinical || properShape;
                }
                if (titled || (pf & RELATION) == 0) {
                    return titled;
                }
                // SISTER and FATHER are relatives too: "Per sister Amber" is judged as after a relative below
            }
        }
        if ((f & STOP) != 0 && listed && base >= -3.5 && p >= 0 && s.is(p, "DEAR") && tk.isPunct(t + 1, ',')) {
            return true; // "Dear Will," opens a letter to Will
        }
        if ((f & STOP) != 0 && listed && base >= -3.5 && (upper || tk.capitalized(t)) && kinInParentheses(s, t)) {
            return true; // "Will (husband) can be reached": only a relative in the parenthesis, not "will (likely)"
        }
        if ((f & STOP) != 0 && upper && listed && base >= -3.5 && p >= 0 && punctOk(s, p, t)
                && s.isAny(p, KIN) && (nameFollows(s, t) || placeFollows(s, t))) {
            return true; // "PER SISTER MAY WEST" in shouted text; "SISTER MAY VISIT" stays a modal
        }
        if ((f & STOP) != 0 && !upper && tk.capitalized(t) && !tk.sentenceStart(t) && listed && base >= -3.5) {
            // "Pt's brother Will": a capitalised modal right after a relative
            int p0 = s.prevWord(t, 2);
            return p0 >= 0 && (s.flags(p0) & RELATION) != 0 && punctOk(s, p0, t);
        }
        if ((f & (STOP | RELATION | TITLE | POSTMARK | VERB_CONTEXT)) != 0) {
            // state and month names may still be names here: "GRANDSON VIRGINIA", "DAUGHTER JUNE"; words that
            // introduce names are not names ("ASKED RN TO CALL HIS BROTHER")
            return false;
        }
        if (wordBefore) {
            int q = p;
            if (s.isAny(p, LINKING_WORDS)) {
                q = s.prevWord(p, 1);
            } else if (tk.isPunct(p - 1, '/') && s.is(p, "W") && s.isAny(p - 2, "D", "C")) {
                q = -2; // D/W = discussed with (the slash first: cheap)
            }
            int qf = q >= 0 ? s.flags(q) : 0;
            // "RN JONES" introduces a name; "MD, Neurology" and a signature's "MD" ending a line do not
            boolean credentialThenPunct = (qf & POSTMARK) != 0 && q == p && (p + 1 < t || tk.nlBefore[t]);
            // "... is HCP. Elder services": a full stop after a relative (not after a title or DTR.) ends the sentence
            boolean sentenceBreak = q == p && (qf & TITLE) == 0 && dotBetween(s, p, t)
                    && !s.isAny(p, "DTR", "DAU", "HUSB", "SIS", "BRO");
            // "granddaughter's wedding": what follows a relative's possessive is theirs, not their name
            boolean possessive = q == p && p + 1 == t && s.possessive(p);
            if (q >= 0 && (qf & RELATION) != 0 && (q == p || !s.is(p, "FROM")) && !credentialThenPunct && !sentenceBreak
                    && !possessive) {
                // "FH: father CAD": in mixed case a clinical abbreviation in capitals after a relative is their disease
                boolean diagnosis = clinical && !upper && tk.allUpper(t);
                if ((f & Lexicon.GROUP) != 0 && s.isAny(q, KIN)) {
                    return false; // "mother Spanish only"; but "MD FRENCH NOTIFIED" is Dr. French
                }
                if (upper && kinDoes(s, t, f, base)) {
                    return false; // "MOM HOPES TO COME", "DAD WORKS NIGHTS", "MAMAW TEARFUL.": what the relative does
                }
                return listed && base >= -3 && !diagnosis || properShape && !common && !clinical
                        || unknownShape && !wordLike(s, t);
            }
            if (q == -2 || q >= 0 && (qf & VERB_CONTEXT) != 0) {
                // "PT" or "FAMILY" before a word says little: "PT INTUBATED", "FAMILY MEETING"
                boolean weakVerb = q >= 0 && s.isAny(q, PATIENT_LABELS);
                boolean named = listed && base >= (weakVerb ? 0.5 : -1.5) && !clinical
                        || properShape && !common && !clinical && !tk.sentenceStart(t)
                        || !weakVerb && unknownShape && !wordLike(s, t);
                if (named || q != p || !dotBetween(s, p, t)) {
                    return named;
                }
                // "PASSED TO FAMILY. KM RN": the word before ends its sentence; what follows decides (a signature)
            }
        }
        // "ROSE (DAUGHTER)", "MARY, WIFE,"
        int nx = s.nextWord(t, 2);
        if (nx > 0 && (s.flags(nx) & RELATION) != 0 && s.isAny(nx, KIN) && !s.isAny(t, KIN_ADJECTIVES)
                && (f & Lexicon.GROUP) == 0 // "English neighbor", "Haitian aunt"
                && nx - t <= 2 && (nx == t + 1 || tk.isPunct(t + 1, '(') || tk.isPunct(t + 1, ','))) {
            return listed && base >= -3 && (!clinical || base >= -1) || properShape && !common;
        }
        // "WHITE AWARE", "YOUNG NOTIFIED": a word before a verb of being told is someone
        if (nx == t + 1 && !tk.nlBefore[nx] && listed && base >= -1.5 && !clinical && tk.len(t) >= 3
                && s.isAny(nx, NOTIFIED_VERBS)) {
            return true;
        }
        // "J SMITH, RN", "SMITH MD"
        if (nx > 0 && (s.flags(nx) & POSTMARK) != 0 && nx - t <= 2 && !tk.nlBefore[nx]
                && (nx == t + 1 || tk.isPunct(t + 1, ','))) {
            boolean ambiguousMark = s.isAny(nx, "DO", "PA", "IV", "II", "SR", "RD", "MD");
            if ((clinical || s.isAny(t, "GRADE", "STAGE", "CLASS", "TYPE", "PHASE", "LEVEL", "ZONE"))
                    && s.isAny(nx, "II", "III", "IV")) {
                return false; // "NYHA IV", "STAGE II": a class, not a name and its suffix
            }
            int after = nx + 1;
            boolean endsThere = after >= tk.n || tk.nlBefore[after] || tk.kind[after] == Tokens.PUNCT;
            if (!ambiguousMark || endsThere || s.is(nx, "MD") && tk.isPunct(t + 1, ',')) {
                // initials as a signature: "-KM RN", "/JS MD"
                boolean initials = tk.len(t) <= 3 && (tk.allUpper(t) || upper) && !clinical
                        && (tk.sentenceStart(t) || tk.isPunct(t - 1, '/') || tk.isPunct(t - 1, '-'));
                // "ED RN note", "(BMT NP)": a clinical abbreviation or a vowelless shorthand names a service
                boolean shorthand = (clinical && base < 0 && tk.len(t) <= 3 || !listed && tk.len(t) <= 4
                        && noVowel(s.text, tk.start[t], tk.end[t]) || s.isAny(t, SERVICES))
                        && !(p >= 0 && tk.len(p) == 1); // not "M. LONG RN"; "BY BURN PA", "CHARGE RN"
                return !shorthand && (listed && base >= -3 || !common && !clinical) || initials;
            }
        }
        return false;
    }

    private static final Words EPONYM_NOUNS = Words.of("DISEASE", "DISEASES", "SYNDROME",
        "SIGN", "SIGNS", "PALSY", "DEMENTIA", "TUMOR", "TUMOUR", "LYMPHOMA", "SARCOMA", "ESOPHAGUS", "POUCH", "ULCER",
        "TRIAD", "PHENOMENON", "TEST", "MANEUVER", "MANOEUVRE", "POINT", "REFLEX", "CYST", "NODE", "NODES",
        "RESPIRATIONS", "RESPIRATION", "POSITION", "SOLUTION", "SCALE", "SCORE", "CRITERIA", "CLASSIFICATION",
        "CATHETER", "TUBE", "DRAIN", "BLADE", "STAIN", "DIVERTICULUM", "ENCEPHALOPATHY", "THYROIDITIS", "ANEURYSM",
        "FRACTURE", "CELLS", "CELL", "BODIES", "BODY", "ARTHROPATHY", "NEUROMA", "PROCEDURE", "OPERATION", "REPAIR",
        "FUNDOPLICATION", "SHUNT", "SPLINT", "MASK", "LAW", "CURVE", "BLOCK", "TYPE", "SCLEROSIS", "DISORDER",
        "STAGE", "STAGING", "CLASS", "GRADE", "CLAMP", "FORCEPS", "RETRACTOR",
        // devices, scores and rules named after people or places ("PARKLAND FORMULA", "ASPEN COLLAR", "FINNEGAN SCORES")
        "FORMULA", "COLLAR", "SCORES", "SCALES", "BOOTS", "BOOT", "PUMP", "VALVE", "STENT", "FILTER", "DRESSING",
        "PROTOCOL", "REGIMEN", "EQUATION", "RULE", "RULES", "CRITERION", "MATTRESS", "BAG", "NEEDLE", "SHEATH", "SUMP",
        "HERNIA", "DEFORMITY", "CONTRACTURE", "NODULES", "MURMUR", "SPOTS", "WAVES", "PROCEDURES", "TUBES", "CATHETERS",
        "DRAINS", "SPLINTS", "BRACE", "FRAME", "TRACTION", "TONGS", "HALO",
        // breathing patterns ("CHEYNE-STOKES PATTERN", "KUSSMAUL BREATHING")
        "PATTERN", "PATTERNS", "BREATHING", "MONOFILAMENT", "TENDON", "TENDINOPATHY", "TENDINITIS",
        // lesions, techniques, guidelines and measures ("Hill-Sachs lesion", "Hasson technique", "Lung-RADS")
        "LESION", "LESIONS", "DEFECT", "REMPLISSAGE", "TECHNIQUE", "METHOD", "BIPLANE", "GUIDELINES", "GUIDELINE",
        "UNITS", "FAT", "RADS", "SEGMENT", "INCISION", "LIGAMENT", "TRIANGLE", "LINE", "LINES", "ANGLE",
        // grades and devices ("Clark level", "Breslow depth", "Bethesda category", "Huntington chorea", "Bovie cautery")
        "LEVEL", "DEPTH", "CATEGORY", "CHOREA", "CAUTERY",
        // instruments ("Beck Depression Inventory", "Barthel index")
        "INVENTORY", "QUESTIONNAIRE", "INDEX");

    /** The nouns of a scale or an instrument, which may follow its eponym's own words ("Beck Depression Inventory"). */
    private static final Words INSTRUMENT_NOUNS = Words.of("SCALE", "SCALES", "SCORE", "SCORES", "INVENTORY",
        "QUESTIONNAIRE", "INDEX", "CRITERIA", "CLASSIFICATION", "STAGING", "GRADE", "TEST");

    private static final Words CONJUNCTIONS = Words.of("OR", "AND", "NOR");

    /** "Parkinson's disease", "Hodgkin lymphoma", "Swan Ganz catheter": an eponym, not a person. */
    static boolean eponym(Scan s, int t) {
        Tokens tk = s.tk;
        int u = t + 1;
        boolean nameMayFollow = true; // the next word may be the eponym's second name ("Grey Turner sign")
        // after a scale's own words only an instrument's noun, capitalised as theirs ("Shenango Freight Lines" is a
        // company, "Palouse Grain Growers scale house" a place)
        boolean scaleWords = false;
        for (int k = 0; k < 6 && u < tk.n; k++) {
            if (tk.nlBefore[u]) {
                return false;
            }
            if (tk.kind[u] == Tokens.PUNCT) {
                if (tk.isPunct(u, '-') || tk.isPunct(u, '\'')
                        || tk.isPunct(u, ')') && k == 0 && t > 0 && tk.isPunct(t - 1, '(')) {
                    u++; // "(Baker's) cyst", "(Denver) shunt": the eponym set in parentheses before its noun
                    continue;
                }
                return false;
            }
            if (tk.kind[u] == Tokens.WORD && s.isAny(u, EPONYM_NOUNS)) {
                return !scaleWords || s.isAny(u, INSTRUMENT_NOUNS) && tk.capitalized(u);
            }
            if (tk.kind[u] == Tokens.WORD && s.isAny(u, CONJUNCTIONS) && u + 1 < tk.n
                    && tk.kind[u + 1] == Tokens.WORD && (s.has(u + 1, NAME_LISTED) || tk.capitalized(u + 1))
                    && (s.flags(u + 1) & NOT_A_NAME) == 0) { // not "FRANK AND SISTER-IN-LAW" 
                nameMayFollow = true; // "Grey Turner or Cullen sign", "Cheyne and Stokes respirations"
                u++;
                continue;
            }
            if (!(tk.kind[u] == Tokens.WORD && (tk.adjacent(u - 1, u) || nameMayFollow && s.has(u, NAME_LISTED)))) {
                if (!(tk.kind[u] == Tokens.WORD && scaleWord(s, u))) {
                    return false;
                }
                scaleWords = true; // "Beck Depression Inventory"
            }
            nameMayFollow = false;
            u++;
        }
        return false;
    }

    private static final String[] WORD_ENDINGS = {"ED", "ING", "IC", "AL", "OUS", "IVE", "TION", "SION", "LY",
        "IZE", "ISE", "ENT", "ANT", "ABLE", "IBLE", "ITIS", "OSIS", "EMIA", "OMA", "GRAM", "SCOPY", "OTOMY", "ECTOMY",
        // drug stems (USAN): rituximab, imatinib, lisinopril, losartan, metoprolol, ... apixaban, semaglutide
        "MAB", "NIB", "PRIL", "SARTAN", "OLOL", "AZOLE", "MYCIN", "CILLIN", "FLOXACIN", "STATIN", "AZEPAM", "AZOLAM",
        "TIDINE", "PRAZOLE", "DIPINE", "PARIN", "XABAN", "GLIFLOZIN", "GLUTIDE", "VUDINE", "CAINE", "CYCLINE", "ONIDE"};

    /** {@link #WORD_ENDINGS} by last letter, A to Z: a key is compared only with the endings of its last letter. */
    private static final String[][] WORD_ENDINGS_BY_LAST = new String[26][];

    static {
        for (int c = 0; c < 26; c++) {
            char last = (char) ('A' + c);
            WORD_ENDINGS_BY_LAST[c] = java.util.Arrays.stream(WORD_ENDINGS)
                    .filter(e -> e.charAt(e.length() - 1) == last).toArray(String[]::new);
        }
    }

    /** Shaped like an English or medical word (intubated, diuresing, afebrile...): not a name by shape. */
    private static boolean wordLike(Scan s, int t) {
        String k = s.key(t);
        char last = k.isEmpty() ? 0 : k.charAt(k.length() - 1);
        if (last < 'A' || last > 'Z') {
            return false; // every ending ends in a letter A-Z
        }
        for (String e : WORD_ENDINGS_BY_LAST[last - 'A']) {
            if (k.endsWith(e) && k.length() > e.length() + 2) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a cue {@link #byContext} reads stands around word t, p the word before it (past up to two punctuation
     * marks): each way there to take a word other than a STOP word as a name asks for one of these. Before t: an
     * initial's full stop (after a title), a title, a relative or a verb of contact, a linking word ("SPOKE WITH"), the
     * LAW of an in-law or the W of D/W. After t: a relative, a credential or a verb of being told.
     */
    private static boolean cueAround(Scan s, int t, int p) {
        if ((s.flags(p) & (TITLE | RELATION | VERB_CONTEXT)) != 0 || s.tk.isPunct(t - 1, '.')) {
            return true;
        }
        if (p >= 1 && p == t - 1 && s.tk.len(p) == 1 && (s.flags(p - 1) & (TITLE | POSTMARK)) != 0) {
            return true; // "RN A Green": an initial without its full stop after a credential
        }
        int nx = s.nextWord(t, 2);
        return (s.flags(nx) & (RELATION | POSTMARK)) != 0 || nx == t + 1 && s.isAny(nx, NOTIFIED_VERBS)
                || s.isAny(p, LINKING_WORDS) || s.isAny(p, "LAW", "W");
    }

    private static boolean dotBetween(Scan s, int p, int t) {
        for (int i = p + 1; i < t; i++) {
            if (s.tk.isPunct(i, '.')) {
                return true;
            }
        }
        return false;
    }

    /** Between a context word and the name only ". : , (" may stand, and for titles only ".". */
    private static boolean punctOk(Scan s, int p, int t) {
        for (int i = p + 1; i < t; i++) {
            char c = s.text.charAt(s.tk.start[i]);
            if (c != '.' && c != ':' && c != ',' && c != '(' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static void initials(Scan s, byte[] acc, int[] capitals) {
        Tokens tk = s.tk;
        if (s.ctx.initials.isEmpty()) {
            // without the message's own initials only a capital letter can be one: those alone are visited
            for (int t : capitals) {
                if (acc[t] == NONE) {
                    initialLetter(s, acc, t);
                }
            }
            return;
        }
        for (int t = 0; t < tk.n; t++) {
            if (acc[t] != NONE || tk.kind[t] != Tokens.WORD) {
                continue;
            }
            int len = tk.len(t);
            if (len == 1 && Character.isUpperCase(tk.firstChar(t))) {
                initialLetter(s, acc, t);
            } else if (len <= 3 && tk.allUpper(t) && s.ctx.initials.contains(s.key(t))) {
                acc[t] = INITIAL;
            }
        }
        // J.S. / J. S.
        for (int t = 0; t + 2 < tk.n; t++) {
            if (tk.kind[t] == Tokens.WORD && tk.len(t) == 1 && tk.isPunct(t + 1, '.') && tk.kind[t + 2] == Tokens.WORD
                    && tk.len(t + 2) == 1 && tk.isPunct(t + 3, '.')) {
                String ini = ("" + tk.firstChar(t) + tk.firstChar(t + 2)).toUpperCase(java.util.Locale.ROOT);
                if (s.ctx.initials.contains(ini)) {
                    acc[t] = INITIAL;
                    acc[t + 2] = INITIAL;
                }
            }
        }
    }

    /** "J. Smith", "Smith, J.", "John Q Smith": a capital letter beside a name, with or without its full stop. */
    private static void initialLetter(Scan s, byte[] acc, int t) {
        Tokens tk = s.tk;
        if (t >= 2 && tk.isPunct(t - 1, '-') && tk.adjacent(t - 2, t - 1) && tk.adjacent(t - 1, t)
                && s.has(t - 2, POSTMARK)) {
            return; // "Mensah PA-C. Obi": a credential's letter
        }
        boolean dot = tk.isPunct(t + 1, '.') && tk.adjacent(t, t + 1);
        int after = dot ? t + 2 : t + 1;
        boolean nameAfter = after < tk.n && accepted(acc, after) && acc[after] != INITIAL
                && (dot ? tk.spaceOnly(t + 1, after) || tk.adjacent(t + 1, after) : tk.spaceOnly(t, after));
        boolean nameBefore = t > 0 && accepted(acc, t - 1) && tk.spaceOnly(t - 1, t);
        boolean commaBefore = t > 1 && tk.isPunct(t - 1, ',') && accepted(acc, t - 2);
        if (nameAfter && (dot || nameBefore) || nameBefore && (dot || nameAfter) || commaBefore && dot) {
            acc[t] = INITIAL;
        } else if (nameAfter && !dot && tk.upperDoc == false) {
            acc[t] = INITIAL; // "J Smith"
        }
    }

    /**
     * A word of a scale's name after the eponym ("Beck Depression Inventory", "Hamilton Anxiety"): an everyday or
     * clinical word that is no likely name, capitalised in a text that uses case.
     */
    private static boolean scaleWord(Scan s, int u) {
        Tokens tk = s.tk;
        int f = s.flags(u);
        // (not in a text of one case, where "HEGSTROM BED 8" is a census line)
        return tk.kind[u] == Tokens.WORD && tk.len(u) >= 3 && !tk.caseBlind(u) && tk.capitalized(u)
                && (f & (COMMON | CLINICAL)) != 0 && (f & (STOP | NOT_A_NAME)) == 0
                && ((f & NAME_LISTED) == 0 || s.lx.nameOdds(tk.lex[u]) < -3);
    }

    /**
     * "BERG 38/56", "HUNT HESS 3", "FISHER 4": words that only the name lexicon calls names, directly followed by a
     * small number or score, are an eponymous scale and its grade. Names with context (titles, relatives, verbs of
     * contact) are kept; the words are also barred from the neighbour and repeat rules. Returns the barred words.
     */
    private static boolean[] scales(Scan s, byte[] acc) {
        Tokens tk = s.tk;
        boolean[] barred = null;
        for (int t = 0; t + 1 < tk.n; t++) {
            if (acc[t] != SCORE) {
                continue;
            }
            int nx = t + 1;
            // "Hamilton Anxiety 12": the scale's name goes on in its own words, after an eponym, which is a person's
            // name (not "Fort Point Dock Workers Local 81.", "Mission Hill Urgent Care 11/3")
            while (nx < tk.n && nx - t <= 2 && scaleWord(s, nx) && tk.spaceOnly(nx - 1, nx)
                    && s.lx.nameOdds(tk.lex[t]) > 0) {
                nx++;
            }
            boolean named = nx > t + 1;
            if (nx >= tk.n || tk.kind[nx] != Tokens.NUM || tk.len(nx) > 2 || !tk.spaceOnly(nx - 1, nx)) {
                continue;
            }
            // the grade ends the phrase ("FISHER 4,", "HESS 3.") or is a score ("Berg 38/56"); in mixed case only a
            // score, since "Via Scala 50." is an address; never after a house number ("93 Via Pisanelli 89,")
            int a1 = nx + 1;
            boolean ratio = tk.isPunct(a1, '/') && tk.adjacent(nx, a1) && a1 + 1 < tk.n && tk.kind[a1 + 1] == Tokens.NUM
                    && tk.adjacent(a1, a1 + 1);
            boolean ends = a1 >= tk.n || tk.nlBefore[a1] || (tk.isPunct(a1, ',') || tk.isPunct(a1, ';')
                    || tk.isPunct(a1, ')') || tk.isPunct(a1, '.') && !(a1 + 1 < tk.n && tk.adjacent(a1, a1 + 1)
                    && tk.kind[a1 + 1] == Tokens.NUM));
            // a clinical word with a grade is a scale in any case ("Braden 17,", "Apgar 8")
            // in mixed case a one-digit grade closed by a comma, semicolon or parenthesis is a list of grades
            // ("Hunt-Hess 2, Fisher 3,"); an address's house number has more digits or ends the address with a stop
            boolean gradeList = tk.len(nx) == 1 && (tk.isPunct(a1, ',') || tk.isPunct(a1, ';') || tk.isPunct(a1, ')'));
            // so is a listed word with its scale's own words and a grade that ends the phrase ("Hamilton Anxiety 12,")
            // (not a ratio after such words: "Mohamed Ali Hassan   Sent 3/17/2026" is a date)
            if (!(ratio && !named) && !(tk.upperDoc && ends) && !((s.has(t, CLINICAL) || named) && ends)
                    && !(gradeList && !named)) {
                continue;
            }
            int after = nx + 1;
            if (after < tk.n && !tk.nlBefore[after] && tk.kind[after] == Tokens.WORD && tk.spaceOnly(nx, after)
                    && s.isAny(after, "YO", "Y", "YR", "YRS", "YEAR", "YEARS", "YOM", "YOF")) {
                continue; // "JONES 45 YO": an age, the word before it may well be a name
            }
            if (barred == null) {
                barred = new boolean[tk.n];
            }
            int first = t;
            while (first > 0 && tk.kind[first - 1] == Tokens.WORD && (acc[first - 1] == SCORE || acc[first - 1] == NONE
                    && s.has(first - 1, NAME_LISTED)) && tk.spaceOnly(first - 1, first)) {
                first--;
            }
            while (first > 1 && tk.isPunct(first - 1, '-') && tk.adjacent(first - 2, first - 1)
                    && tk.adjacent(first - 1, first) && tk.kind[first - 2] == Tokens.WORD) {
                first -= 2; // "Hunt-Hess 2"
            }
            int before = s.prevWord(first, 0);
            if (before >= 0 && tk.kind[before] == Tokens.NUM) {
                continue; // a house number first: an address
            }
            int titleBefore = s.prevWord(first, 1); // "DR. FIGUEROA 6/14": a title keeps its full stop
            if (titleBefore >= 0 && tk.kind[titleBefore] == Tokens.WORD && (s.flags(titleBefore) & TITLE) != 0
                    && s.isAny(titleBefore, "DR", "DRS", "DOCTOR", "MR", "MRS", "MS")
                    && (titleBefore == before || tk.isPunct(titleBefore + 1, '.'))) {
                continue; // "f/u w/ dr kittredge 6/10": a title names a person, whatever follows
            }
            for (int u = first; u <= t; u++) {
                acc[u] = NONE;
                barred[u] = true;
            }
        }
        return barred;
    }

    /**
     * "MY/tkw", "EP/dlh", "RB/DvdH/lc": the dictating clinician's (and a co-author's) and the typist's initials, upper
     * case first, lower case last, around slashes, ending a line or followed by the dictation and transcription dates
     * ("D: 06/12/2024").
     */
    private static void dictationInitials(Scan s, byte[] acc, int[] slashes) {
        Tokens tk = s.tk;
        for (int slash : slashes) {
            int t = slash - 1;
            if (t < 0 || t + 2 >= tk.n || !(tk.kind[t] == Tokens.WORD && tk.adjacent(t, t + 1)
                    && tk.len(t) >= 2 && tk.len(t) <= 3 && tk.allUpper(t)) || t > 0 && tk.adjacent(t - 1, t)) {
                continue;
            }
            // the parts after the first: a co-author's in the middle starting with a capital ("DvdH"), the typist's
            // last, in lower case; with three parts the middle one may not be a clinical word ("PT/OT/slp", "IV/PO/sq")
            int b = t + 2;
            int mid = -1;
            if (b + 2 < tk.n && tk.kind[b] == Tokens.WORD && tk.adjacent(t + 1, b) && tk.len(b) >= 2 && tk.len(b) <= 5
                    && !tk.lowerInitial(b) && tk.isPunct(b + 1, '/') && tk.adjacent(b, b + 1)
                    && tk.kind[b + 2] == Tokens.WORD && tk.adjacent(b + 1, b + 2) && tk.lowerInitial(b + 2)) {
                if ((s.flags(b) & (CLINICAL | STOP)) != 0) {
                    continue;
                }
                mid = b;
                b += 2;
            }
            if (!(tk.kind[b] == Tokens.WORD && tk.adjacent(b - 1, b) && tk.len(b) >= 2 && tk.len(b) <= 4
                    && tk.lowerInitial(b) && isLowerWord(s, b))) {
                continue;
            }
            int after = b + 1;
            boolean closes = after >= tk.n || tk.nlBefore[after] || s.isAny(after, "D", "DD", "T", "DT", "CC")
                    && after + 1 < tk.n && (tk.isPunct(after + 1, ':') || tk.kind[after + 1] == Tokens.NUM);
            int pw = s.prevWord(t, 0);
            // after a job number, a line break, a signed name or its credentials ("Gaddam, DDS, MD   VRG/am")
            boolean dictated = t > 0 && (s.isAny(s.prevWord(t, 2), "JOB", "DOC")
                    || pw >= 0 && (tk.kind[pw] == Tokens.NUM || tk.kind[pw] == Tokens.ALNUM) || tk.nlBefore[t]
                    || s.has(pw, NAME_LISTED) && accepted(acc, pw)
                    || pw == t - 1 && s.has(pw, POSTMARK) && tk.start[t] - tk.end[pw] >= 2);
            if (closes && dictated) {
                acc[t] = CONTEXT; // two or three letters each: emitted on their own, unlike a single initial
                acc[b] = CONTEXT;
                if (mid >= 0) {
                    acc[mid] = CONTEXT;
                }
            }
        }
    }

    private static final String[] WRITER_VERB_WORDS = {"TRANSCRIBED", "DICTATED", "TYPED", "ENTERED", "VERIFIED",
        "REVIEWED", "SIGNED", "COSIGNED", "EDITED", "PREPARED", "APPROVED", "SCREENED", "READ", "DIAGNOSES",
        "COMPLETED", "DOCUMENTED", "RECORDED", "TRANSCRIPTIONIST", "TYPIST", "SCRIBE"};
    private static final Words WRITER_VERBS = Words.of(WRITER_VERB_WORDS);

    /**
     * "Transcribed by: mgp", "transcribed by LMB", "Frozen section diagnoses by MRL", "Ins verified jl": the initials
     * of whoever wrote, read or checked the record. Two to four letters all in one case that no word list knows.
     */
    private static void initialsOfAWriter(Scan s, byte[] acc, int[] writers) {
        Tokens tk = s.tk;
        for (int v : writers) {
            if (v + 1 >= tk.n || tk.len(v) < 4 || !s.isAny(v, WRITER_VERBS)) {
                continue;
            }
            int t;
            boolean by = false;
            if (s.isAny(v, "TRANSCRIPTIONIST", "TYPIST", "SCRIBE") && tk.isPunct(v + 1, ':')) {
                t = v + 2; // "Transcriptionist: jbt": the label says who, as BY does
                by = true;
            } else {
                // "Transcribed 08/23/2025 09:12 by rmb": a date and time may stand between the verb and BY
                int b = v + 1;
                while (b < tk.n && b - v <= 10 && !tk.nlBefore[b] && (tk.kind[b] == Tokens.NUM
                        || tk.isPunct(b, '/') || tk.isPunct(b, ':') || tk.isPunct(b, '-'))) {
                    b++;
                }
                by = s.is(b, "BY");
                t = !by ? v + 1 : tk.isPunct(b + 1, ':') ? b + 2 : b + 1; // "Typed by: mgp"
            }
            if (t >= tk.n || tk.kind[t] != Tokens.WORD || tk.nlBefore[t] || tk.len(t) < 2 || tk.len(t) > 4
                    || acc[t] != NONE || (s.flags(t) & (COMMON | CLINICAL | STOP | NOT_A_NAME)) != 0) {
                continue;
            }
            boolean oneCase = isLowerWord(s, t) || tk.allUpper(t) && !tk.upperDoc;
            // without BY only lower-case initials closing the line: "Ins verified jl" (not "Ins verified BCBS")
            boolean closes = (t + 1 >= tk.n || tk.nlBefore[t + 1]) && isLowerWord(s, t);
            if (oneCase && (by || closes)) {
                acc[t] = CONTEXT;
            }
        }
    }

    private static boolean isLowerWord(Scan s, int t) {
        for (int i = s.tk.start[t]; i < s.tk.end[t]; i++) {
            if (!Character.isLowerCase(s.text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** "- GH TO PW", "-JT": initials closing a line after a dash sign a note or a hand-off. */
    private static void signOff(Scan s, byte[] acc, int[] dashes) {
        Tokens tk = s.tk;
        for (int d : dashes) {
            if (d + 1 >= tk.n) {
                continue;
            }
            // ... or a spaced dash after a number: "faxed 7 pgs @1105 -MG", "pt cell 406-555-0124 -MG"
            boolean opens = d == 0 || tk.nlBefore[d] || tk.kind[d - 1] == Tokens.PUNCT
                    && (tk.isPunct(d - 1, '.') || tk.isPunct(d - 1, ')') || tk.isPunct(d - 1, ';')
                    || tk.isPunct(d - 1, '!')) || tk.kind[d - 1] == Tokens.NUM && !tk.adjacent(d - 1, d);
            if (!opens) {
                continue;
            }
            int a = d + 1;
            if (a < tk.n && acc[a] == NONE && tk.kind[a] == Tokens.WORD && tk.adjacent(d, a) && tk.len(a) >= 3
                    && (s.flags(a) & FIRST_NAME) != 0 && (s.flags(a) & (CLINICAL | NOT_A_NAME | VERB_CONTEXT)) == 0
                    && (a + 1 >= tk.n || tk.nlBefore[a + 1] || quote(s, a + 1))) {
                acc[a] = CONTEXT; // "Thanks!! -Joy": a given name signing a message
                continue;
            }
            int dotted = dottedPairEnd(s, a);
            if (dotted > 0 && (dotted + 1 >= tk.n || tk.nlBefore[dotted + 1])) {
                acc[a] = INITIAL; // "... until he is home. -m. r.": two dotted initials close the note
                acc[dotted - 1] = INITIAL;
                continue;
            }
            if (!signOffInitials(s, acc, a)) {
                if (credentialSignOff(s, acc, a)) {
                    acc[a] = CONTEXT;
                }
                continue;
            }
            int end = a;
            int b = -1;
            if (a + 2 < tk.n && !tk.nlBefore[a + 1] && (s.is(a + 1, "TO") || tk.isPunct(a + 1, '/'))
                    && signOffInitials(s, acc, a + 2)) {
                b = a + 2;
                end = b;
            }
            // the initials must close the line, or the log entry before the next one's date ("-MG 2/10 0815 - ...")
            boolean nextEntry = end + 3 < tk.n && tk.kind[end + 1] == Tokens.NUM && tk.isPunct(end + 2, '/')
                    && tk.adjacent(end + 1, end + 2) && tk.kind[end + 3] == Tokens.NUM;
            if (end + 1 < tk.n && !tk.nlBefore[end + 1] && !nextEntry) {
                continue;
            }
            acc[a] = CONTEXT;
            if (b > 0) {
                acc[b] = CONTEXT;
            }
        }
    }

    /** The closing full stop of two dotted initials from token a ("m. r.", "J.R."), or -1. */
    private static int dottedPairEnd(Scan s, int a) {
        Tokens tk = s.tk;
        if (a + 3 >= tk.n || tk.kind[a] != Tokens.WORD || tk.len(a) != 1 || !tk.isPunct(a + 1, '.')
                || tk.kind[a + 2] != Tokens.WORD || tk.len(a + 2) != 1 || !tk.isPunct(a + 3, '.')
                || !tk.adjacent(a, a + 1) || !tk.adjacent(a + 2, a + 3) || !tk.spaceOnly(a + 1, a + 2)
                || tk.nlBefore[a + 2]) {
            return -1;
        }
        return a + 3;
    }

    /**
     * "ar rn", "DK, RN", "S.L., RN": a line of two or three letters (or dotted initials) and its credentials alone
     * signs the note, in any case and even when the letters spell an abbreviation; the line's shape leaves no other
     * reading. Not a line of credentials or roles alone ("PT OT", "SW CM").
     */
    private static void signatureLines(Scan s, byte[] acc, int[] lineOpeners) {
        Tokens tk = s.tk;
        for (int t : lineOpeners) {
            if (t + 1 >= tk.n || acc[t] != NONE || tk.len(t) > 3
                    || (s.flags(t) & (STOP | NOT_A_NAME | VERB_CONTEXT)) != 0 && tk.len(t) > 1 || signOffCredential(s, t)) {
                continue;
            }
            int last = t; // the letters: one word of two or three ("ar"), or two or three dotted ("S.L.")
            if (tk.len(t) == 1) {
                while (tk.letterDot(last) && tk.letterDot(last + 2) && tk.adjacent(last + 1, last + 2) && last - t < 4) {
                    last += 2;
                }
                if (last == t) {
                    continue; // one dotted letter alone is no signature
                }
            }
            int c = last + (tk.len(t) == 1 ? 2 : 1);
            if (tk.isPunct(c, ',') && tk.adjacent(c - 1, c)) {
                c++;
            }
            if (credentialsCloseLine(s, c)) {
                for (int u = t; u <= last; u += 2) {
                    acc[u] = CONTEXT;
                }
            }
        }
    }

    /**
     * "-kg pt", "-MB NP": after a dash, two or three letters and a credential that close the line sign the note even
     * when the letters spell a unit or an abbreviation; the credential leaves no other reading.
     */
    private static boolean credentialSignOff(Scan s, byte[] acc, int t) {
        Tokens tk = s.tk;
        int c = t + 1;
        if (!(c < tk.n && tk.kind[t] == Tokens.WORD && acc[t] == NONE && tk.len(t) >= 2 && tk.len(t) <= 3
                && (tk.allUpper(t) || tk.upperDoc) && !tk.nlBefore[t]
                && ((s.flags(t) & (STOP | NOT_A_NAME | VERB_CONTEXT)) == 0 || suffixBeforeCredential(s, t)))) {
            return false;
        }
        return credentialsCloseLine(s, c); // "- JR RN CWOCN"
    }

    /** One or more credentials from token c on, blank-separated, and nothing else to the line's end. */
    private static boolean credentialsCloseLine(Scan s, int c) {
        Tokens tk = s.tk;
        int k = 0;
        while (c < tk.n && !tk.nlBefore[c] && tk.spaceOnly(c - 1, c) && signOffCredential(s, c)) {
            c++;
            k++;
        }
        return k > 0 && (c >= tk.n || tk.nlBefore[c]);
    }

    private static boolean signOffCredential(Scan s, int c) {
        return s.tk.kind[c] == Tokens.WORD && ((s.flags(c) & POSTMARK) != 0 || s.isAny(c, "PT", "OT", "SW", "CM", "RT"))
                && !s.isAny(c, "JR", "SR", "II", "III", "IV");
    }

    /** "- JR RN": right after a dash a suffix has no name to follow, so the letters are initials. */
    private static boolean suffixBeforeCredential(Scan s, int t) {
        return s.isAny(t, "JR", "SR") && (s.flags(t) & (STOP | RELATION | VERB_CONTEXT)) == 0
                && t + 1 < s.tk.n && signOffCredential(s, t + 1);
    }

    private static boolean signOffInitials(Scan s, byte[] acc, int t) {
        Tokens tk = s.tk;
        int len = t < tk.n ? tk.len(t) : 0;
        return t < tk.n && tk.kind[t] == Tokens.WORD && acc[t] == NONE && len >= 2 && len <= 3 && tk.allUpper(t)
                && !tk.nlBefore[t] && (s.flags(t) & (CLINICAL | STOP | NOT_A_NAME | POSTMARK | VERB_CONTEXT)) == 0;
    }

    /**
     * Where case says nothing, a repeated name that is also an ordinary word ("DOWN HALL", "GRANT APPLICATION",
     * "unpaid bill") is taken again only beside another name part or after a title or relative. The caller applies
     * this only to words more often words than names (odds below 0: HALL, GRANT, BILL, but not DAWN).
     */
    private static boolean bareCommonWord(Scan s, byte[] acc, int t) {
        Tokens tk = s.tk;
        if (!tk.upperDoc || !s.has(t, COMMON)) {
            return false;
        }
        return !(personBefore(s, acc, t) || accepted(acc, t + 1) && joined(s, t, t + 1));
    }

    /** A person's word right before t: a title, a relative or a name already taken ("RN Foley", "Ann Foley"). */
    private static boolean personBefore(Scan s, byte[] acc, int t) {
        int p = s.prevWord(t, 1);
        return p >= 0 && ((s.flags(p) & (TITLE | RELATION)) != 0 || accepted(acc, p) && joined(s, p, t));
    }

    /** A word confirmed as a name anywhere in the text is a name wherever else it appears. */
    private static void repeat(Scan s, byte[] acc, float[] base, boolean[] barred) {
        Tokens tk = s.tk;
        Set<String> unknown = null;
        // the confirmed words' lexicon ids, sorted: looked up for every word, so no boxed Integer per lookup
        int[] ids = null;
        int idCount = 0;
        for (int t = 0; t < tk.n; t++) {
            byte a = acc[t];
            if (a == CONTEXT || a == KNOWN || a == MEMORY || a == NEIGHBOUR
                    || a == SCORE && base[t] > 1) {
                int id = tk.lex[t];
                if (id >= 0) {
                    if (ids == null) {
                        ids = new int[8];
                    } else if (idCount == ids.length) {
                        ids = java.util.Arrays.copyOf(ids, 2 * idCount);
                    }
                    ids[idCount++] = id;
                } else {
                    if (unknown == null) {
                        unknown = new HashSet<>();
                    }
                    unknown.add(s.key(t));
                }
            }
        }
        if (ids == null && unknown == null) {
            return;
        }
        long[] idBits = new long[16]; // a bit per id modulo 1024: most words are turned away before the search
        if (ids != null) {
            ids = java.util.Arrays.copyOf(ids, idCount);
            java.util.Arrays.sort(ids);
            for (int id : ids) {
                idBits[(id >>> 6) & 15] |= 1L << id;
            }
        }
        for (int t = 0; t < tk.n; t++) {
            if (acc[t] != NONE || tk.kind[t] != Tokens.WORD || tk.len(t) < 2 || barred != null && barred[t]) {
                continue;
            }
            if (!tk.upperDoc && tk.lowerInitial(t)) {
                continue;
            }
            // cheap test first: whether the word is one of the confirmed names at all, then what may rule it out
            if (!repeats(s, acc, base, ids, idBits, unknown, t)) {
                continue;
            }
            if (eponym(s, t) || s.isAny(s.prevWord(t, 0), "DONT", "CANT", "WONT", "DIDNT", "DOESNT")) {
                continue; // "DON'T CHASE HR": a verb
            }
            if (clinicalCompound(s, t) || s.has(t, CLINICAL) && !personBefore(s, acc, t) && !s.possessive(t)) {
                // "RN Maureen Foley" named once does not make every "Foley" a person, nor "frank blood"; "per Peg's
                // request" still is one
                continue;
            }
            acc[t] = REPEAT;
        }
    }

    /** Whether word t is one of the confirmed names ({@link #repeat}): by its id, its owner's ("nora's") or its key. */
    private static boolean repeats(Scan s, byte[] acc, float[] base, int[] ids, long[] idBits, Set<String> unknown,
            int t) {
        if (endsInPossessive(s, t)) {
            // "nora's cell": the owner named before ("wife (nora)")
            int owner = ownerId(s, t);
            if (owner >= 0 && confirmedId(ids, idBits, owner) || unknown != null
                    && unknown.contains(s.key(t).substring(0, s.key(t).length() - 1))) {
                return true;
            }
        }
        int id = s.tk.lex[t];
        if (id >= 0) {
            return confirmedId(ids, idBits, id) && (s.lx.flags(id) & (STOP | NOT_A_NAME)) == 0 && base[t] >= -3
                    && ((s.lx.flags(id) & CLINICAL) == 0 || base[t] >= 0)
                    && !(base[t] < 0 && bareCommonWord(s, acc, t));
        }
        return unknown != null && unknown.contains(s.key(t));
    }

    /** Whether the id is one of the confirmed names' ({@link #repeat}): its bit first, then the sorted ids. */
    private static boolean confirmedId(int[] ids, long[] idBits, int id) {
        return ids != null && (idBits[(id >>> 6) & 15] & 1L << id) != 0 && java.util.Arrays.binarySearch(ids, id) >= 0;
    }

    private static void emit(Scan s, byte[] acc, float[] score) {
        Tokens tk = s.tk;
        int t = 0;
        while (t < tk.n) {
            if (acc[t] == NONE) {
                t++;
                continue;
            }
            int first = t;
            int last = t;
            byte best = acc[t];
            float maxScore = score[t];
            int u = t + 1;
            while (u < tk.n) {
                if (acc[u] != NONE && tk.spaceOnly(last, u)) {
                    last = u;
                } else if (tk.isPunct(u, '.') && acc[last] == INITIAL && u + 1 < tk.n && acc[u + 1] != NONE
                        && (tk.spaceOnly(u, u + 1) || tk.adjacent(u, u + 1))) {
                    last = u + 1;
                    u++;
                } else if (tk.isPunct(u, '-') && tk.adjacent(last, u) && u + 1 < tk.n && acc[u + 1] != NONE
                        && tk.adjacent(u, u + 1)) {
                    last = u + 1;
                    u++;
                } else {
                    break;
                }
                best = stronger(best, acc[last]);
                maxScore = Math.max(maxScore, score[last]);
                u++;
            }
            int end = tk.end[last];
            if (acc[last] == INITIAL && tk.isPunct(last + 1, '.') && tk.adjacent(last, last + 1)) {
                end = tk.end[last + 1];
            }
            if (!(first == last && acc[first] == INITIAL)) {
                double conf = switch (best) {
                    case KNOWN -> 0.97;
                    case MEMORY -> 0.95;
                    case CONTEXT -> 0.9;
                    case NEIGHBOUR, REPEAT -> 0.8;
                    case INITIAL -> 0.85; // initials alone: known ones, or dotted after a relative
                    default -> Math.min(0.95, 0.5 + 0.1 * maxScore);
                };
                String rule = switch (best) {
                    case KNOWN -> "name.known";
                    case MEMORY -> "name.memory";
                    case CONTEXT -> "name.context";
                    case NEIGHBOUR -> "name.neighbour";
                    case REPEAT -> "name.repeat";
                    case INITIAL -> "name.initials";
                    default -> "name.lexicon";
                };
                s.add(PhiType.NAME, tk.start[first], end, rule, conf);
            }
            t = last + 1;
        }
    }

    private static byte stronger(byte a, byte b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(byte a) {
        return switch (a) {
            case KNOWN -> 7;
            case MEMORY -> 6;
            case CONTEXT -> 5;
            case SCORE -> 4;
            case NEIGHBOUR -> 3;
            case REPEAT -> 2;
            default -> 1;
        };
    }
}
