package io.phistream.detector.text;

import io.phistream.detector.PhiType;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A second opinion after the rules: a logistic-regression model over each word the rules left alone, which adds the
 * words it judges to be part of a name or a place ({@code model.token}), over each short numeric pair and ordinal day
 * they left ("3/4", "3-12", "3.27", "the 24TH"), which adds those it judges a date ({@code model.date}), over dotted
 * initials ("k.l.", "J.R.T."), which adds those it judges a name, and over numbers 90-125 standing alone, which adds
 * those it judges an age over 89 ({@code model.age}). It only adds, so it can raise recall and cost precision, never the
 * reverse.
 *
 * <p>Why a model: thirty rounds of rules written from held-out notes lifted the notes they were written from by two to
 * five points of recall and unseen notes by a fraction of one. What unseen notes lose is names and places no list holds
 * and words used as names, in contexts like the ones the rules know but not quite those. A model weighs the same
 * evidence the rules read (the lexicons' frequencies and flags, case, the words and spans around) softly instead of by
 * exact patterns. Hand-written because it is about forty hashed features and a dot product per word; a general ML
 * library would add far more than it saves, and no model is downloaded.
 *
 * <p>Features are hashed into 2^{@value #BITS} weights (1 MB); the weights are trained from the held-out notes by
 * {@code TokenClassifierTraining} (test sources) and shipped as a resource. Immutable after loading: thread-safe.
 */
final class TokenClassifier {
    static final int BITS = 18;
    static final int SIZE = 1 << BITS;
    private static final int MAGIC = 0x50484954; // "PHIT"
    /**
     * 4: with weights for short dates, initials, ordinal days and ages over 89; an older file has none for some of them,
     * and would score every such candidate 0.5.
     */
    private static final int VERSION = 4;
    static final String RESOURCE = "/model/token-classifier-v7.bin.gz";
    /** The rule name of the words this model adds. */
    static final String RULE = "model.token";
    /** The rule name of the short dates this model adds. */
    static final String DATE_RULE = "model.date";

    private final float[] weights;
    private final float threshold;
    private final double minLogit;
    private final Lexicon lexicon;
    /**
     * Per lexicon word, the sum of the weights of its own features (what it is, whatever surrounds it): most of a
     * word's features, so scoring a word reads about twenty weights instead of about forty.
     */
    private final float[] intrinsic;

    TokenClassifier(float[] weights, float threshold) {
        if (weights.length != SIZE) {
            throw new IllegalArgumentException("weights must have 2^" + BITS + " entries");
        }
        this.weights = weights;
        this.threshold = threshold;
        // p >= threshold exactly when the logit is at least log(threshold / (1 - threshold)): no exp per word
        this.minLogit = Math.log(threshold / (1 - threshold));
        this.lexicon = Lexicon.builtIn();
        this.intrinsic = new float[lexicon.size()];
        int[] f = new int[MAX_FEATURES];
        for (int id = 0; id < intrinsic.length; id++) {
            // the table's key, not lexicon.key: that caches a String per word for good, and most words never occur
            intrinsic[id] = (float) sum(f, intrinsicFeatures(lexicon, id, lexicon.words.key(id), f, 0));
        }
    }

    private static volatile TokenClassifier builtIn;

    static TokenClassifier builtIn() {
        TokenClassifier c = builtIn;
        if (c == null) {
            synchronized (TokenClassifier.class) {
                c = builtIn;
                if (c == null) {
                    try (InputStream in = TokenClassifier.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IOException("missing model resource " + RESOURCE);
                        }
                        c = read(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException("token model unreadable: " + RESOURCE, e);
                    }
                    builtIn = c;
                }
            }
        }
        return c;
    }

    float threshold() {
        return threshold;
    }

    /**
     * Adds what the model judges PHI among the candidates no span found so far covers: words, short dates, initials,
     * ordinal days and ages.
     */
    void detect(Scan s) {
        Tokens tk = s.tk;
        View v = new View(s);
        int[] f = new int[MAX_FEATURES];
        int words = 0;
        for (int t = 0; t < tk.n && words <= BARE_WORDS; t++) {
            words += tk.kind[t] == Tokens.WORD ? 1 : 0;
        }
        double wordMin = words <= BARE_WORDS ? Math.max(minLogit, BARE_LOGIT) : minLogit;
        for (int t = 0; t < tk.n; t++) {
            if ((t & 255) == 0) {
                s.budget.check();
            }
            int c = candidateAt(s, t, v);
            if (c < 0) {
                continue;
            }
            int kind = kindOf(c);
            // a word's own features are cached per lexicon word (logit); the other kinds are few and scored in full
            double z = kind == WORD ? logit(s, t, v, f) : sum(f, featuresOf(s, t, c, v, f));
            if (z >= (kind == WORD ? wordMin : minLogit) && !(kind == WORD && neverPhiHere(s, t, v))) {
                PhiType type = kind == WORD ? typeOf(s, t) : kind == INITIALS ? PhiType.NAME
                        : kind == AGE ? PhiType.AGE : PhiType.DATE;
                String rule = kind == WORD || kind == INITIALS ? RULE : kind == AGE ? AGE_RULE : DATE_RULE;
                int first = kind == WORD && type == PhiType.NAME ? givenNameBefore(s, t, v) : t;
                s.add(type, tk.start[first], tk.end[lastOf(t, c)], rule, confidence(z));
            }
        }
    }

    /**
     * Where a name the model found starts: at a capitalised given name that is also a modal or a month right before it
     * in a text that uses case, which the rules leave alone ("Pt May Brown tolerated", "Will Brown, pt's son, called":
     * the model takes Brown, and May or Will stood beside the tag); else at t.
     */
    private static int givenNameBefore(Scan s, int t, View v) {
        Tokens tk = s.tk;
        int p = t - 1;
        if (tk.upperDoc || p < 0 || tk.nlBefore[t] || tk.kind[p] != Tokens.WORD || v.cover[p] != 0
                || !tk.spaceOnly(p, t) || !tk.capitalized(p) || tk.allUpper(p) || !tk.capitalized(t)) {
            return t;
        }
        int f = s.flags(p);
        // only a listed name that is also a modal or a month, which the rules refuse beside a weak name ("May",
        // "Will"; not "On", "From", whose odds as names are slight; not any capitalised word: "Toyota Sienna")
        boolean given = (f & Lexicon.NAME_LISTED) != 0 && (f & (Lexicon.STOP | Lexicon.MONTH)) != 0
                && s.lx.nameOdds(tk.lex[p]) > -3.5f;
        return given && (f & (Lexicon.TITLE | Lexicon.RELATION | Lexicon.VERB_CONTEXT
                | Lexicon.WEEKDAY)) == 0 ? p : t;
    }

    /**
     * Words the model may score high that are never PHI where they stand, whatever it learned: a title alone
     * ("interpreter Mr. Lau": the name is Lau; not initials signing, "-mr rn"), a word of a clinical compound
     * ("HAND-OFF", "Miami J"), a specimen part's organ ("A. Colon, sigmoid, biopsy"), a facility's or care's kind
     * ("Urgent Care"), a scale before its grade ("Deauville 2"), a clinical word in lower case where case counts
     * ("black from iron"), the patient's home, a country where a place stands ("Praia, Cape Verde"), a state's
     * code after a town found ("Hazard, KY"), the emergency ward ("removed in EW"), clinical terms (a regimen, a
     * vaccine, a scale, a credential after a name, a relative before one, a service's kind). Checked only for words it would
     * add, so it costs nothing on the rest; the weights do not depend on it.
     */
    private static boolean neverPhiHere(Scan s, int t, View v) {
        Tokens tk = s.tk;
        return s.isAny(t, "MR", "MRS", "MS", "DR") && !signsANote(s, t) || Names.clinicalCompound(s, t)
                || Names.specimenPart(s, t) || speciesAfterGenus(s, t) || facilityKind(s, t) || scaleAndGrade(s, t)
                || clinicalWordInCasedText(s, t)
                || Geo.homeNotTown(s, t) || Names.countryAsPlace(s, t, null)
                || tk.len(t) == 2 && tk.allUpper(t) && (s.is(t, "EW") || t >= 2 && tk.isPunct(t - 1, ',')
                && v.cover[t - 2] == GEO_COVER && s.has(t, Lexicon.USPS))
                || credentialAfterName(s, t, v) || scoreHead(s, t) || regimenAcronym(s, t) || clinicalNoName(s, t)
                || facilityWordAlone(s, t) || relationBeforeName(s, t, v);
    }

    /**
     * "Shingrix", "Karnofsky", "PHQ-9": a word of the clinical vocabulary that no name list holds is no one's name.
     * Not a place ("in Norco", "ANC" the airport; a language: "in Mandarin"), nor a short one on its own ("-DM",
     * "LMP, RN" sign a note), but one of three letters glued to its number by a dash is an instrument's ("PR-2" a road).
     */
    private static boolean clinicalNoName(Scan s, int t) {
        Tokens tk = s.tk;
        return (s.flags(t) & (Lexicon.CLINICAL | Lexicon.NAME_LISTED | Lexicon.GROUP)) == Lexicon.CLINICAL
                && typeOf(s, t) == PhiType.NAME && (tk.len(t) >= 4 || tk.len(t) == 3 && tk.isPunct(t + 1, '-')
                && tk.adjacent(t, t + 1)
                && t + 2 < tk.n && tk.kind[t + 2] == Tokens.NUM && tk.len(t + 2) <= 2 && tk.adjacent(t + 1, t + 2));
    }

    /**
     * "Son Park Jun-seo on way.": a relative's word opening a sentence right before the name found says who; it is
     * not more name. After another cue it may be a given name ("wife Pa Nhia Yang", "interpreter Pa Houa").
     */
    private static boolean relationBeforeName(Scan s, int t, View v) {
        Tokens tk = s.tk;
        int nx = t + 1;
        return nx < tk.n && v.cover[nx] == NAME_COVER && tk.spaceOnly(t, nx) && s.has(t, Lexicon.RELATION)
                && s.lx.nameOdds(tk.lex[t]) < 0 && (t == 0 || tk.nlBefore[t] || tk.isPunct(t - 1, '.'));
    }

    /**
     * "HOME HEALTH VISIT": the kind of a service, two facility words opening a phrase before a plain word, names no
     * place; after a proper word ("Lauderdale Home Medical Supply", "Pilgrim Shore Health Plan") or before another
     * facility word ("Behavioral Health Network") they may.
     */
    private static boolean facilityWordAlone(Scan s, int t) {
        Tokens tk = s.tk;
        int facility = Lexicon.HOSP_GENERIC | Lexicon.FACILITY_HEAD;
        int p = t - 1;
        int nx = t + 1;
        if ((s.flags(t) & facility) == 0 || s.has(t, Lexicon.NAME_LISTED) || p < 0 || nx >= tk.n) {
            return false;
        }
        boolean opens = tk.kind[p] == Tokens.WORD && tk.spaceOnly(p, t) && (s.flags(p) & facility) != 0 && plain(s, p)
                && (p == 0 || tk.nlBefore[p] || tk.kind[p - 1] == Tokens.PUNCT);
        return opens && tk.kind[nx] == Tokens.WORD && tk.spaceOnly(t, nx) && plain(s, nx)
                && (s.flags(nx) & (facility | Lexicon.HOSP_START)) == 0;
    }

    /** An everyday word: common, and no likely name nor a place's own word. */
    private static boolean plain(Scan s, int u) {
        int f = s.flags(u);
        return (f & Lexicon.COMMON) != 0 && ((f & Lexicon.NAME_LISTED) == 0 || s.lx.nameOdds(s.tk.lex[u]) < -1)
                && ((f & Lexicon.PLACE_START) == 0 || (f & Lexicon.FACILITY_HEAD) != 0);
    }

    /** "Kwame Mensah PA-C", "Ann Lee NP": a credential right after a name found is the person's, not more name. */
    private static boolean credentialAfterName(Scan s, int t, View v) {
        int p = s.prevWord(t, 0);
        // (not a suffix, which is the name's own: "Smith Jr", "Henry III"; nor after a comma: "ISLAM, MD RAFIQUL";
        // nor a street's: "DRY BRANCH RD")
        return p >= 0 && v.cover[p] == NAME_COVER && s.has(t, Lexicon.POSTMARK) && !s.tk.nlBefore[t]
                && !s.isAny(t, "JR", "SR", "II", "III", "IV") && !s.has(t, Lexicon.SUFFIX | Lexicon.SUFFIX_WEAK);
    }

    /** A scale's or score's own word, before its value or after its name ("Morse Fall Scale 45"): never a person. */
    private static final Words SCORE_HEADS = Words.of("SCALE", "SCALES", "SCORE", "SCORES", "INVENTORY",
            "QUESTIONNAIRE", "INDEX");

    private static boolean scoreHead(Scan s, int t) {
        Tokens tk = s.tk;
        return s.isAny(t, SCORE_HEADS) && (t + 1 < tk.n && tk.kind[t + 1] == Tokens.NUM
                || t > 0 && tk.kind[t - 1] == Tokens.WORD && tk.spaceOnly(t - 1, t));
    }

    /** Words of a sentence about chemotherapy or vaccines, in which a capitalised acronym names a regimen or a vaccine. */
    private static final Words REGIMEN_CUES = Words.of("CHEMO", "CHEMOTHERAPY", "REGIMEN", "REGIMENS", "CYCLE",
            "CYCLES", "ADJUVANT", "NEOADJUVANT", "INDUCTION", "CONSOLIDATION", "SALVAGE", "ONCOLOGY", "VACCINE",
            "VACCINES", "VACCINATED", "VACCINATION", "VACCINATIONS", "IMMUNIZATION", "IMMUNIZATIONS", "IMMUNISATION",
            "IMMUNISATIONS", "IMMUNIZED", "BOOSTER");

    /**
     * "cycle 2 of FOLFOX", "Regimens: ABVD, BEP, CMF", "chemo C3D1 XELOX", "Vaccines: MMR, IPV", "MMR #2 given": in a
     * text that uses case, a word in capitals that no list holds as a likely name, in a sentence about chemotherapy or
     * vaccines (a cue word, or a cycle and its day such as C3D1) or before a dose's number, is an acronym of drugs or
     * vaccines. A surname in capitals there is a listed name.
     */
    private static boolean regimenAcronym(Scan s, int t) {
        Tokens tk = s.tk;
        if (tk.caseBlind(t) || !tk.allUpper(t) || tk.len(t) < 3
                || s.has(t, Lexicon.NAME_LISTED) && s.lx.nameOdds(tk.lex[t]) > 0) {
            return false;
        }
        if (tk.isPunct(t + 1, '#') && t + 2 < tk.n && tk.kind[t + 2] == Tokens.NUM && tk.adjacent(t + 1, t + 2)
                && tk.len(t + 2) == 1) {
            return true; // "MMR #2": a dose
        }
        for (int u = t - 1; u >= 0 && t - u <= 40 && !sentenceEnd(s, u); u--) {
            if (regimenCue(s, u)) {
                return true;
            }
        }
        for (int u = t + 1; u < tk.n && u - t <= 40 && !sentenceEnd(s, u - 1); u++) {
            if (regimenCue(s, u)) {
                return true;
            }
        }
        return false;
    }

    /** A line break, or a full stop before a space, ends a sentence after token u. */
    private static boolean sentenceEnd(Scan s, int u) {
        Tokens tk = s.tk;
        return u + 1 < tk.n && tk.nlBefore[u + 1] || tk.isPunct(u, '.') && !(u + 1 < tk.n && tk.adjacent(u, u + 1));
    }

    private static boolean regimenCue(Scan s, int u) {
        Tokens tk = s.tk;
        if (tk.kind[u] == Tokens.WORD) {
            return s.isAny(u, REGIMEN_CUES);
        }
        if (tk.kind[u] != Tokens.ALNUM || tk.len(u) < 4) {
            return false;
        }
        // a cycle and its day: C3D1, C12D8
        String k = s.text.subSequence(tk.start[u], tk.end[u]).toString().toUpperCase(java.util.Locale.ROOT);
        int d = k.indexOf('D');
        return k.charAt(0) == 'C' && d > 1 && d < k.length() - 1 && k.substring(1, d).chars().allMatch(Character::isDigit)
                && k.substring(d + 1).chars().allMatch(Character::isDigit);
    }

    /**
     * "S. MARCESCENS", "B. fragilis": an organism's species after its genus's initial; an initial and a surname look
     * the same to the model. Only the listed organisms: "C.McG, RN" (MCG is also micrograms) is a nurse.
     */
    private static boolean speciesAfterGenus(Scan s, int t) {
        Tokens tk = s.tk;
        return t >= 2 && s.has(t, Lexicon.ORGANISM) && tk.isPunct(t - 1, '.') && tk.adjacent(t - 2, t - 1)
                && tk.kind[t - 2] == Tokens.WORD && tk.len(t - 2) == 1;
    }

    /**
     * "Urgent Care", "Care assumed by", "goals of care", "Skilled Nursing", "nursing home": a word naming a kind of
     * facility or of care, or the word that names the kind right before one, is no person's name; a facility's own
     * name is the place rules' ({@code facility.pattern}), and the model may still take such a word as a place's.
     */
    static boolean facilityKind(Scan s, int t) {
        Tokens tk = s.tk;
        if (typeOf(s, t) != PhiType.NAME || tk.isPunct(t + 1, '-') && tk.adjacent(t, t + 1)) {
            return false; // (a facility's word may start a place's name; "CTR-118204" is an identifier's prefix)
        }
        return s.has(t, Lexicon.FACILITY_HEAD) || t + 1 < tk.n && s.has(t + 1, Lexicon.FACILITY_HEAD)
                && tk.spaceOnly(t, t + 1) && s.isAny(t, CARE_KINDS);
    }

    /** Words that make a kind of care or facility of the head after them ("Skilled Nursing", "Urgent Care"). */
    private static final Words CARE_KINDS = Words.of("SKILLED", "URGENT", "PRIMARY", "CRITICAL", "INTENSIVE",
            "ACUTE", "SUBACUTE", "PALLIATIVE", "RESPITE", "MEMORY", "HOME", "COMMUNITY", "SENIOR", "RESPIRATORY",
            "SPECIAL", "TRANSITIONAL", "CONTINUING", "PERSONAL", "CUSTODIAL", "FOSTER", "DAY", "ASSISTED", "WOUND",
            "STOMA", "OSTOMY", "FETAL", "NEONATAL", "MENTAL", "BEHAVIORAL", "PRENATAL", "COMFORT", "SUPPORTIVE");

    /**
     * "his stools may turn black from iron": where the writer uses case, a word of the clinical vocabulary
     * written in lower case needs more than the model's guess, as it needs more than the lexicon's in the rules
     * ({@link Names}); a title or a relative before it names someone ("dr ward", "wife rose").
     */
    static boolean clinicalWordInCasedText(Scan s, int t) {
        int p = s.prevWord(t, 1);
        return !s.tk.caseBlind(t) && s.tk.lowerInitial(t) && s.has(t, Lexicon.CLINICAL)
                && !s.has(p, Lexicon.TITLE | Lexicon.RELATION);
    }

    /**
     * "Deauville 2,", "(Deauville 5)", "Braden 17.": a word of the clinical vocabulary before a grade closing the
     * phrase is an eponymous scale or staging system, as the rules read it ({@code Names.scales}).
     */
    static boolean scaleAndGrade(Scan s, int t) {
        Tokens tk = s.tk;
        int nx = t + 1;
        int before = s.prevWord(t, 0);
        if (nx >= tk.n || tk.kind[nx] != Tokens.NUM || tk.len(nx) > 2 || !tk.spaceOnly(t, nx)
                || !s.has(t, Lexicon.CLINICAL) || before >= 0 && tk.kind[before] == Tokens.NUM) {
            return false; // ("2204 CR 48,": a house number first, an address)
        }
        int a = nx + 1;
        return a >= tk.n || tk.nlBefore[a] || tk.isPunct(a, ',') || tk.isPunct(a, ';') || tk.isPunct(a, ')')
                || tk.isPunct(a, '.') && !(a + 1 < tk.n && tk.adjacent(a, a + 1) && tk.kind[a + 1] == Tokens.NUM);
    }

    /** "-mr rn", "/ms": initials signing a note, which may spell a title. */
    private static boolean signsANote(Scan s, int t) {
        return t > 0 && (s.tk.isPunct(t - 1, '-') || s.tk.isPunct(t - 1, '/')) && s.tk.adjacent(t - 1, t);
    }

    /**
     * A text of this many words or fewer is a bare label or value (an OBX's "Yellow", a code's text, a one-line
     * comment): nothing around a word says what it is, and the model, which learns mostly from sentences, then reads
     * plain words as names. Such a word needs {@link #BARE_P}. Chosen on each line of held-out batches 202-237 taken
     * as a text of its own, with a model trained on 1-201: 2 of 18,933 PHI spans lost (sign-off lines, "Tiff R. RN"),
     * and 205 code displays and lab values with a span fell from 55 to 30.
     */
    static final int BARE_WORDS = 4;
    /** The probability a word of a bare text needs (the others need the model's threshold). */
    static final double BARE_P = 0.3;
    private static final double BARE_LOGIT = Math.log(BARE_P / (1 - BARE_P));

    /** A word the rules left ({@link #candidate}). */
    static final int WORD = 4;
    /** A short numeric pair, maybe a date ({@link #dateCandidate}). */
    static final int PAIR = 5;

    /**
     * The candidate starting at token t, packed as its kind times eight plus its length in tokens less one, or -1. One
     * place decides which kind a token is judged as, so that detection and training never disagree.
     */
    static int candidateAt(Scan s, int t, View v) {
        // cheap test first: every kind needs its first token uncovered
        if (v.cover[t] != 0) {
            return -1;
        }
        // then only the kinds its token can start, in the same order: a word or initials start with a word, a pair or
        // an age with a number, an ordinal with letters and digits
        switch (s.tk.kind[t]) {
            case Tokens.WORD:
                return candidate(s, t, v) ? WORD * 8 : packed(t, INITIALS, otherCandidate(s, t, v, INITIALS));
            case Tokens.NUM:
                return dateCandidate(s, t, v) ? PAIR * 8 + 2 : packed(t, AGE, otherCandidate(s, t, v, AGE));
            case Tokens.ALNUM:
                return packed(t, ORDINAL, otherCandidate(s, t, v, ORDINAL));
            default:
                return -1;
        }
    }

    /** The candidate of the kind over t..last packed as {@link #candidateAt} returns it, or -1 when last is. */
    private static int packed(int t, int kind, int last) {
        return last < 0 ? -1 : kind * 8 + last - t;
    }

    static int kindOf(int candidate) {
        return candidate >> 3;
    }

    static int lastOf(int t, int candidate) {
        return t + (candidate & 7);
    }

    /** All the features of the candidate at t, whatever its kind. */
    static int featuresOf(Scan s, int t, int candidate, View v, int[] f) {
        int kind = kindOf(candidate);
        return kind == WORD ? features(s, t, v, f) : kind == PAIR ? dateFeatures(s, t, v, f, 0)
                : otherFeatures(s, t, lastOf(t, candidate), kind, v, f);
    }

    /** Dotted initials, a name's ("k.l.", "J.R.T."). */
    static final int INITIALS = 1;
    /** A day of the month as an ordinal ("the 4th", "24TH"). */
    static final int ORDINAL = 2;
    /** A number 90-125 standing alone, an age over 89 ("grandmother, 91, called"). */
    static final int AGE = 3;
    /** The rule name of the ages this model adds. */
    static final String AGE_RULE = "model.age";

    /** Dotted Latin and clinical abbreviations, which are initials in form only. */
    private static final java.util.Set<String> NOT_INITIALS = java.util.Set.of("PO", "BID", "TID", "QID", "QD", "QHS",
            "NPO", "IV", "IM", "AM", "PM", "EG", "IE", "SC", "SQ", "PRN", "QOD", "OD", "OS", "OU", "AD", "AS", "AU",
            "US", "DC", "MD", "RN", "DO", "PA", "NP", "PT", "OT", "VS", "HS", "AC", "PC", "PR", "SL", "GT", "NG", "OG",
            "ETC", "CC", "QAM", "QPM", "STAT", "NB", "PS", "AKA", "DOB", "USA", "UK", "ID", "OR", "ER", "ED");

    /** The last token of a candidate of the kind starting at t, or -1. */
    static int otherCandidate(Scan s, int t, View v, int kind) {
        Tokens tk = s.tk;
        if (v.cover[t] != 0) {
            return -1;
        }
        switch (kind) {
            case INITIALS: {
                // two or three single letters, each followed by a dot, not inside a longer run nor before a word
                if (!tk.letterDot(t) || !tk.letterDot(t + 2) || !tk.adjacent(t + 1, t + 2)
                        || t >= 2 && tk.adjacent(t - 1, t) && tk.letterDot(t - 2)) {
                    return -1;
                }
                int last = t + 3;
                if (tk.letterDot(t + 4) && tk.adjacent(t + 3, t + 4)) {
                    last = t + 5;
                }
                if (last + 1 < tk.n && tk.adjacent(last, last + 1) && tk.kind[last + 1] != Tokens.PUNCT
                        || v.cover[t + 2] != 0) {
                    return -1;
                }
                StringBuilder b = new StringBuilder(3);
                for (int u = t; u < last; u += 2) {
                    b.append(Character.toUpperCase(s.text.charAt(tk.start[u])));
                }
                return NOT_INITIALS.contains(b.toString()) ? -1 : last;
            }
            case AGE: {
                // not inside a longer number, a ratio, a time or a decimal, nor a percentage
                if (tk.kind[t] != Tokens.NUM || tk.len(t) < 2 || tk.len(t) > 3) {
                    return -1;
                }
                int a = tk.intValue(t);
                if (a < 90 || a > 125 || t > 0 && tk.adjacent(t - 1, t) && (tk.kind[t - 1] != Tokens.PUNCT
                        || "/.:-+".indexOf(tk.firstChar(t - 1)) >= 0)) {
                    return -1;
                }
                int nx = t + 1;
                return nx < tk.n && tk.adjacent(t, nx) && (tk.kind[nx] != Tokens.PUNCT
                        || "/.:-%".indexOf(tk.firstChar(nx)) >= 0 && !(tk.firstChar(nx) == '.'
                        && (nx + 1 >= tk.n || !tk.adjacent(nx, nx + 1)))) ? -1 : t;
            }
            default: {
                if (tk.kind[t] != Tokens.ALNUM || tk.len(t) < 3 || tk.len(t) > 4) {
                    return -1;
                }
                int d = 0;
                int i = tk.start[t];
                while (i < tk.end[t] && Character.isDigit(s.text.charAt(i))) {
                    d = d * 10 + s.text.charAt(i) - '0';
                    i++;
                }
                if (tk.end[t] - i != 2) {
                    return -1;
                }
                char a = Character.toUpperCase(s.text.charAt(i));
                char b = Character.toUpperCase(s.text.charAt(i + 1));
                boolean ordinal = i - tk.start[t] <= 2 && d >= 1 && d <= 31 && (a == 'T' && b == 'H'
                        || a == 'S' && b == 'T' && d % 10 == 1 || a == 'N' && b == 'D' && d % 10 == 2
                        || a == 'R' && b == 'D' && d % 10 == 3);
                int nx = t + 1;
                return ordinal && !(nx < tk.n && !tk.nlBefore[nx] && tk.kind[nx] == Tokens.WORD
                        && s.isAny(nx, COUNTED)) ? t : -1;
            }
        }
    }

    /** What an ordinal counts when it is no day: "4th ICS", "2nd dose", "3rd floor", "1st degree AVB". */
    private static final Words COUNTED = Words.of("ICS", "INTERCOSTAL", "FLOOR", "FL", "DEGREE", "DEG", "GRADE",
            "DOSE", "DOSES", "TIME", "TIMES", "RIB", "RIBS", "TOE", "FINGER", "DIGIT", "NERVE", "CN", "VENTRICLE",
            "TRIMESTER", "GENERATION", "GEN", "LINE", "ATTEMPT", "TRY", "ROUND", "CYCLE", "STAGE", "PERCENTILE",
            "YEAR", "YR", "DAY", "WEEK", "WK", "MONTH", "MO", "SHIFT", "CHILD", "PREGNANCY", "BABY", "UNIT", "UNITS",
            "BAG", "SET", "STEP", "PLACE", "OPINION", "LOOK", "LEVEL", "WAVE", "SPACE", "METATARSAL", "METACARPAL",
            "LUMBAR", "PHASE", "HIT", "COURSE", "CLASS", "PARTY", "HAND", "PERSON");

    /** The features of a candidate of the kind over t..last: its form, the tokens around it, where it stands. */
    static int otherFeatures(Scan s, int t, int last, int kind, View v, int[] f) {
        Tokens tk = s.tk;
        int n = 0;
        int k = kind * 1000;
        f[n++] = h(k + 100, 0);
        int form;
        if (kind == INITIALS) {
            form = (last - t + 1) * 4 + (tk.allUpper(t) ? 1 : 0) * 2 + (tk.caseBlind(t) ? 1 : 0);
        } else if (kind == AGE) {
            form = tk.intValue(t) / 5;
        } else {
            form = (tk.allUpper(t) ? 1 : 0) * 2 + (tk.caseBlind(t) ? 1 : 0);
        }
        f[n++] = h(k + 101, form);
        f[n++] = h(k + 102, tk.nlBefore[t] ? 1 : 0);
        f[n++] = h(k + 103, last + 1 >= tk.n ? 2 : tk.nlBefore[last + 1] ? 1 : 0);
        for (int d = 1; d <= 3; d++) {
            n = around(tk, v, t - d, k + 110 + d, f, n);
            n = around(tk, v, last + d, k + 140 + d, f, n);
        }
        for (int d = 4; d <= 6; d++) {
            if (t - d >= 0) {
                f[n++] = h(k + 170, v.key(t - d));
            }
            if (last + d < tk.n) {
                f[n++] = h(k + 171, v.key(last + d));
            }
        }
        f[n++] = h(k + 172, (t < 1 ? 1 : v.key(t - 1)) * 31L + (last + 1 < tk.n ? v.key(last + 1) : 2));
        return n;
    }

    private static double confidence(double z) {
        return 0.5 + 0.4 / (1 + Math.exp(-z));
    }

    /**
     * A month and a day as two numbers ("3/4", "03-04", "3.27") that no span covers and that stand alone: not inside a
     * longer run of numbers, ratios or a three-part date. The rules take such pairs only with a date's word close by,
     * since most are doses, scores, settings and ranges; the model weighs the words around instead.
     */
    static boolean dateCandidate(Scan s, int t, View v) {
        Tokens tk = s.tk;
        if (tk.kind[t] != Tokens.NUM || t + 2 >= tk.n || tk.len(t) > 2 || tk.kind[t + 2] != Tokens.NUM
                || tk.len(t + 2) > 2 || !tk.adjacent(t, t + 1) || !tk.adjacent(t + 1, t + 2)
                || v.cover[t] != 0 || v.cover[t + 2] != 0) {
            return false;
        }
        char sep = tk.firstChar(t + 1);
        if (tk.kind[t + 1] != Tokens.PUNCT || sep != '/' && sep != '-' && sep != '.') {
            return false;
        }
        int a = tk.intValue(t);
        int b = tk.intValue(t + 2);
        if (a < 1 || a > 12 || b < 1 || b > 31) {
            return false;
        }
        if (t > 0 && tk.adjacent(t - 1, t) && (tk.kind[t - 1] != Tokens.PUNCT
                ? tk.kind[t - 1] != Tokens.WORD : "/.-+:".indexOf(tk.firstChar(t - 1)) >= 0)) {
            return false;
        }
        int after = t + 3;
        return !(after < tk.n && tk.adjacent(t + 2, after) && (tk.kind[after] != Tokens.PUNCT
                ? tk.kind[after] != Tokens.WORD
                : "/+%".indexOf(tk.firstChar(after)) >= 0 || ".:-".indexOf(tk.firstChar(after)) >= 0
                && after + 1 < tk.n && tk.kind[after + 1] == Tokens.NUM && tk.adjacent(after, after + 1)))
                && !Dates.quantity(s, t, t + 2, a, b); // the rules' word against it stands: see Dates.quantity
    }

    private static int around(Tokens tk, View v, int u, int template, int[] f, int n) {
        boolean out = u < 0 || u >= tk.n;
        f[n++] = h(template, out ? (u < 0 ? 1 : 2) : v.key(u));
        f[n++] = h(template + 10, out ? 99 : v.kind(u));
        f[n++] = h(template + 20, out ? -1 : v.cover[u]);
        return n;
    }

    /** The features of the pair at t: how it is written, its numbers, the words around it and the note's other dates. */
    static int dateFeatures(Scan s, int t, View v, int[] f, int n) {
        Tokens tk = s.tk;
        int sep = tk.firstChar(t + 1);
        int a = tk.intValue(t);
        int b = tk.intValue(t + 2);
        int written = sep * 16 + tk.len(t) * 4 + tk.len(t + 2);
        f[n++] = h(40, 0);
        f[n++] = h(41, written);
        f[n++] = h(42, sep * 64 + a);
        f[n++] = h(43, sep * 64 + b);
        f[n++] = h(44, sep * 8 + (b == 10 ? 1 : b == 5 ? 2 : a == b ? 3 : b <= 12 ? 4 : 0));
        f[n++] = h(45, v.dates() == 0 ? 0 : v.dates() < 3 ? 1 : 2);
        f[n++] = h(46, tk.nlBefore[t] ? 1 : 0);
        for (int d = 1; d <= 3; d++) {
            // three tokens each side of the pair (its own are t..t+2): key, kind and the span found over each
            n = around(tk, v, t - d, 50 + d, f, n);
            n = around(tk, v, t + 2 + d, 80 + d, f, n);
        }
        for (int d = 4; d <= 6; d++) {
            if (t - d >= 0) {
                f[n++] = h(47, v.key(t - d));
            }
            if (t + d < tk.n) {
                f[n++] = h(48, v.key(t + d));
            }
        }
        int p = t - 1;
        int q = t + 3;
        f[n++] = h(49, (p < 0 ? 1 : v.key(p)) * 31L + (q < tk.n ? v.key(q) : 2));
        return n;
    }

    /**
     * A word token of two letters or more that no span covers; not a weekday nor a frequent lower-case word, and not
     * next to a place found (the words after a facility's name are its kind: "Internal Medicine", "Rehabilitation";
     * the place is redacted already). Cross-validated on the held-out batches: about a tenth fewer false alarms for a
     * few spans of recall in ten thousand.
     */
    static boolean candidate(Scan s, int t, View v) {
        Tokens tk = s.tk;
        byte[] cover = v.cover;
        return tk.kind[t] == Tokens.WORD && cover[t] == 0 && tk.len(t) >= 2
                && !s.has(t, Lexicon.WEEKDAY | Lexicon.STOP)
                && !(t > 0 && cover[t - 1] == GEO_COVER || t + 1 < tk.n && cover[t + 1] == GEO_COVER)
                && !s.notAGuessedName(t);
    }

    double probability(int[] f, int k) {
        return 1 / (1 + Math.exp(-sum(f, k)));
    }

    private double sum(int[] f, int k) {
        double z = 0;
        for (int i = 0; i < k; i++) {
            z += weights[f[i]];
        }
        return z;
    }

    /** The same probability as {@link #probability} of {@link #features}, with the word's own part read from the cache. */
    double score(Scan s, int t, View v, int[] f) {
        return 1 / (1 + Math.exp(-logit(s, t, v, f)));
    }

    private double logit(Scan s, int t, View v, int[] f) {
        int id = s.tk.lex[t];
        // the cache holds the lexicon word's own key; a possessive (BELL'S, id of BELL) is keyed by its whole form, as
        // in training, so its sum is computed here
        boolean cached = id >= 0 && s.lx == lexicon && id < intrinsic.length && s.tk.wholeLex(t) == id;
        double own = cached ? intrinsic[id] : sum(f, intrinsicFeatures(s.lx, id, s.key(t), f, 0));
        return own + sum(f, contextFeatures(s, t, v, f, 0));
    }

    /** A place when the word starts listed places or hospitals and is no listed name; else a name. */
    private static PhiType typeOf(Scan s, int t) {
        return s.has(t, Lexicon.PLACE_START | Lexicon.HOSP_START) && !s.has(t, Lexicon.NAME_LISTED)
                ? PhiType.GEO : PhiType.NAME;
    }

    private static final byte GEO_COVER = (byte) (PhiType.GEO.ordinal() + 1);
    private static final byte NAME_COVER = (byte) (PhiType.NAME.ordinal() + 1);

    /**
     * What the model reads of the tokens of a text: the spans over each, and each one's coarse kind and key hash,
     * computed on first use only (a token is a neighbour of up to four candidates; many tokens of none).
     */
    static final class View {
        private static final int UNSET = Integer.MIN_VALUE;
        final byte[] cover;
        private final Scan s;
        private final int[] kind;
        private final int[] key;

        View(Scan s) {
            this.s = s;
            this.cover = coverage(s);
            this.kind = new int[s.tk.n];
            this.key = new int[s.tk.n];
            java.util.Arrays.fill(kind, UNSET);
            java.util.Arrays.fill(key, UNSET);
        }

        int kind(int u) {
            int k = kind[u];
            return k != UNSET ? k : (kind[u] = wordClass(s, u));
        }

        int key(int u) {
            int k = key[u];
            return k != UNSET ? k : (key[u] = neighbourKey(s, u));
        }

        private int dates = -1;

        /** How many dates the rules found in the text. */
        int dates() {
            if (dates < 0) {
                int c = 0;
                for (PhiSpan p : s.found) {
                    c += p.type() == PhiType.DATE ? 1 : 0;
                }
                dates = c;
            }
            return dates;
        }
    }

    /** Per token, 1 + the type ordinal of a span found over it, or 0. */
    static byte[] coverage(Scan s) {
        Tokens tk = s.tk;
        byte[] cover = new byte[tk.n];
        for (PhiSpan p : s.found) {
            int t = s.tokenAt(p.start());
            while (t >= 0 && t < tk.n && tk.start[t] < p.end()) {
                if (tk.end[t] > p.start()) {
                    cover[t] = (byte) (p.type().ordinal() + 1);
                }
                t++;
            }
        }
        return cover;
    }

    static final int MAX_FEATURES = 64;

    /** The hashed features of token t into f; returns how many. */
    static int features(Scan s, int t, View v, int[] f) {
        int n = intrinsicFeatures(s.lx, s.tk.lex[t], s.key(t), f, 0);
        return contextFeatures(s, t, v, f, n);
    }

    /** What the word is, whatever surrounds it: its spelling, its end, and what the lexicons say of it. */
    static int intrinsicFeatures(Lexicon lx, int id, String key, int[] f, int n) {
        int odds = oddsBucket(lx, id);
        f[n++] = h(0, 0);
        f[n++] = h(1, key.hashCode());
        f[n++] = h(3, Math.min(key.length(), 12));
        f[n++] = h(4, lastThree(key));
        f[n++] = h(5, lx.scowl(id));
        f[n++] = h(6, lx.wordQ(id) / 4);
        f[n++] = h(7, lx.firstQ(id) / 8);
        f[n++] = h(8, lx.surQ(id) / 8);
        f[n++] = h(9, odds);
        int flags = lx.flags(id);
        for (int b = 0; b < 27; b++) {
            if ((flags & (1 << b)) != 0) {
                f[n++] = h(10, b);
            }
        }
        return n;
    }

    /** The word's name odds (log10) rounded and clamped to -9..9; -10 for a word no lexicon holds. */
    private static int oddsBucket(Lexicon lx, int id) {
        return id < 0 ? -10 : Math.max(-9, Math.min(9, Math.round(lx.nameOdds(id))));
    }

    /** String.hashCode of the key's last three characters (the whole key when shorter), without a substring. */
    private static int lastThree(String key) {
        int h = 0;
        for (int i = Math.max(0, key.length() - 3); i < key.length(); i++) {
            h = 31 * h + key.charAt(i);
        }
        return h;
    }

    /** How the word is written here and what surrounds it: case, neighbours, the spans found beside it. */
    static int contextFeatures(Scan s, int t, View v, int[] f, int n) {
        Tokens tk = s.tk;
        byte[] cover = v.cover;
        int id = tk.lex[t];
        int shape = tk.allUpper(t) ? 1 : tk.capitalized(t) ? 2 : 3;
        int blind = tk.caseBlind(t) ? 1 : 0;
        int cls = v.kind(t);
        int odds = oddsBucket(s.lx, id);
        f[n++] = h(2, shape * 2 + blind);
        f[n++] = h(11, (odds * 4 + shape) * 2 + blind);
        f[n++] = h(12, cls * 8 + shape * 2 + blind);
        int c1 = 0;
        int cm1 = 0;
        for (int d = -2; d <= 2; d++) {
            if (d == 0) {
                continue;
            }
            int u = t + d;
            int nk = u < 0 ? 1 : u >= tk.n ? 2 : v.key(u);
            int nc = u < 0 || u >= tk.n ? 99 : v.kind(u);
            f[n++] = h(13 + d, nk);
            f[n++] = h(18 + d, nc);
            if (d == -1) {
                cm1 = nc;
                f[n++] = h(23, nk * 31 + cls);
            } else if (d == 1) {
                c1 = nc;
                f[n++] = h(24, cls * 31 + nk);
            }
        }
        f[n++] = h(25, cm1 * 131 + c1);
        f[n++] = h(26, t > 0 ? cover[t - 1] : -1);
        f[n++] = h(27, t + 1 < tk.n ? cover[t + 1] : -1);
        f[n++] = h(28, tk.nlBefore[t] ? 1 : 0);
        return n;
    }

    /**
     * The folded word's hash ({@link Tokens#hash}: its key's, without the key), a punctuation's character, or a mark for
     * numbers (1 and 2 mark the text's ends).
     */
    private static int neighbourKey(Scan s, int u) {
        Tokens tk = s.tk;
        return switch (tk.kind[u]) {
            case Tokens.PUNCT -> 16 + s.text.charAt(tk.start[u]);
            case Tokens.NUM -> 3;
            default -> tk.hash[u];
        };
    }

    /** Coarse kind of a token: punctuation, number, mixed, clinical word, listed name, common word, unknown. */
    private static int wordClass(Scan s, int u) {
        Tokens tk = s.tk;
        switch (tk.kind[u]) {
            case Tokens.PUNCT:
                return 100 + s.text.charAt(tk.start[u]) % 64;
            case Tokens.NUM:
                return 1;
            case Tokens.ALNUM:
                return 2;
            default:
                break;
        }
        int id = tk.lex[u];
        int fl = s.flags(u); // the lexicon's flags of id, read from the scan's per-token copy
        if ((fl & Lexicon.CLINICAL) != 0) {
            return 3;
        }
        if ((fl & Lexicon.NAME_LISTED) != 0 && s.lx.nameOdds(id) > 0) {
            return 4;
        }
        if ((fl & Lexicon.COMMON) != 0) {
            return 5;
        }
        return (fl & Lexicon.NAME_LISTED) != 0 ? 6 : 7;
    }

    /**
     * Feature slot of (template, value): a 64-bit mix of both, folded to the table. Two features can share a slot (about
     * 93,000 trained features in 262,144 slots); training sees the same collisions, so they cost a little accuracy, no
     * correctness.
     */
    static int h(int template, long value) {
        long x = template * 0x9E3779B97F4A7C15L + value;
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb9fe1a85ec53L;
        x ^= x >>> 33;
        return (int) (x & (SIZE - 1));
    }

    /** Writes the non-zero weights: magic, version, bits, threshold, count, then (slot, weight) pairs. */
    static void write(float[] weights, float threshold, OutputStream out) throws IOException {
        int count = 0;
        for (float w : weights) {
            count += w != 0 ? 1 : 0;
        }
        GZIPOutputStream gz = new GZIPOutputStream(out);
        DataOutputStream d = new DataOutputStream(gz);
        d.writeInt(MAGIC);
        d.writeInt(VERSION);
        d.writeInt(BITS);
        d.writeFloat(threshold);
        d.writeInt(count);
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] != 0) {
                d.writeInt(i);
                d.writeFloat(weights[i]);
            }
        }
        d.flush();
        gz.finish();
    }

    static TokenClassifier read(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(new GZIPInputStream(in, 1 << 16));
        if (d.readInt() != MAGIC || d.readInt() != VERSION || d.readInt() != BITS) {
            throw new IOException("not a token model of this version");
        }
        float threshold = d.readFloat();
        int count = d.readInt();
        // no weights at all would score every word 0.5: a model that marks everything is no model
        if (count <= 0 || count > SIZE || !(threshold > 0 && threshold < 1)) {
            throw new IOException("corrupt token model header");
        }
        float[] w = new float[SIZE];
        for (int i = 0; i < count; i++) {
            int slot = d.readInt();
            float weight = d.readFloat();
            if (slot < 0 || slot >= SIZE || !Float.isFinite(weight)) {
                throw new IOException("corrupt token model entry");
            }
            w[slot] = weight;
        }
        // reading to the end makes GZIPInputStream check the CRC; and no data may follow the weights inside the stream
        if (d.read() != -1) {
            throw new IOException("corrupt token model: data after the weights");
        }
        return new TokenClassifier(w, threshold);
    }
}
