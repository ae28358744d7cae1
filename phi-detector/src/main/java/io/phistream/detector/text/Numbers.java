package io.phistream.detector.text;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.phistream.detector.PhiType;
import io.phistream.detector.text.lexicon.Fold;
import java.util.BitSet;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Numbers and codes: phone and fax numbers (libphonenumber, run only on short candidate windows so
 * its cost and regexes never see the whole input), SSNs with the SSA validity rules, credit cards
 * (Luhn), ZIP codes after a state or "ZIP", identifiers introduced by a keyword (MRN, account,
 * member, licence, plate, serial...), VINs (check digit), DEA numbers (check digit), NPIs (Luhn with
 * the 80840 prefix), Medicare beneficiary identifiers and other long digit runs.
 */
final class Numbers {
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private static final Map<String, PhiType> KEYWORDS = Map.ofEntries(
            Map.entry("MRN", PhiType.MRN), Map.entry("MR", PhiType.MRN), Map.entry("RECORD", PhiType.MRN),
            Map.entry("RECORDS", PhiType.MRN), Map.entry("CHART", PhiType.MRN), Map.entry("EMPI", PhiType.MRN),
            Map.entry("MPI", PhiType.MRN), Map.entry("REC", PhiType.MRN), Map.entry("UNIT", PhiType.MRN),
            Map.entry("ACCOUNT", PhiType.ACCOUNT), Map.entry("ACCT", PhiType.ACCOUNT), Map.entry("ACC", PhiType.ACCOUNT),
            Map.entry("BILLING", PhiType.ACCOUNT), Map.entry("INVOICE", PhiType.ACCOUNT), Map.entry("FIN", PhiType.ACCOUNT),
            Map.entry("CSN", PhiType.ACCOUNT), Map.entry("HAR", PhiType.ACCOUNT), Map.entry("ENCOUNTER", PhiType.ACCOUNT),
            Map.entry("IBAN", PhiType.ACCOUNT), Map.entry("CARD", PhiType.ACCOUNT), Map.entry("VISA", PhiType.ACCOUNT),
            Map.entry("MASTERCARD", PhiType.ACCOUNT), Map.entry("AMEX", PhiType.ACCOUNT),
            Map.entry("INSURANCE", PhiType.HEALTH_PLAN), Map.entry("MEMBER", PhiType.HEALTH_PLAN),
            Map.entry("POLICY", PhiType.HEALTH_PLAN), Map.entry("SUBSCRIBER", PhiType.HEALTH_PLAN),
            Map.entry("MEDICAID", PhiType.HEALTH_PLAN), Map.entry("MEDICARE", PhiType.HEALTH_PLAN),
            Map.entry("PLAN", PhiType.HEALTH_PLAN), Map.entry("BENEFICIARY", PhiType.HEALTH_PLAN),
            Map.entry("HICN", PhiType.HEALTH_PLAN), Map.entry("MBI", PhiType.HEALTH_PLAN), Map.entry("PAYER", PhiType.HEALTH_PLAN),
            Map.entry("GROUP", PhiType.HEALTH_PLAN), Map.entry("INS", PhiType.HEALTH_PLAN),
            Map.entry("CIN", PhiType.HEALTH_PLAN), // Medi-Cal's client index number
            Map.entry("LICENSE", PhiType.LICENSE), Map.entry("LICENCE", PhiType.LICENSE), Map.entry("LIC", PhiType.LICENSE),
            Map.entry("DL", PhiType.LICENSE),
            Map.entry("CDL", PhiType.LICENSE), Map.entry("CERTIFICATE", PhiType.LICENSE),
            Map.entry("CERT", PhiType.LICENSE),
            Map.entry("PERMIT", PhiType.LICENSE), Map.entry("DEA", PhiType.LICENSE), Map.entry("PASSPORT", PhiType.LICENSE),
            Map.entry("REGISTRATION", PhiType.LICENSE),
            Map.entry("VIN", PhiType.VEHICLE), Map.entry("PLATE", PhiType.VEHICLE), Map.entry("PLATES", PhiType.VEHICLE),
            // a taxi's licence to operate, painted on the cab: "cab medallion 7K42"
            Map.entry("MEDALLION", PhiType.VEHICLE),
            Map.entry("VEHICLE", PhiType.VEHICLE),
            Map.entry("SERIAL", PhiType.DEVICE), Map.entry("SN", PhiType.DEVICE), Map.entry("DEVICE", PhiType.DEVICE),
            Map.entry("IMPLANT", PhiType.DEVICE), Map.entry("UDI", PhiType.DEVICE), Map.entry("IMEI", PhiType.DEVICE),
            Map.entry("MODEL", PhiType.DEVICE),
            Map.entry("TRANSMITTER", PhiType.DEVICE), Map.entry("LOT", PhiType.DEVICE),
            Map.entry("PACEMAKER", PhiType.DEVICE),
            // an ECMO or balloon pump's console by its serial: "console CX-22048" (round 46)
            Map.entry("CONSOLE", PhiType.DEVICE),
            Map.entry("SSN", PhiType.SSN), Map.entry("SS", PhiType.SSN), Map.entry("SOCIAL", PhiType.SSN),
            Map.entry("NPI", PhiType.OTHER_ID), Map.entry("ID", PhiType.OTHER_ID), Map.entry("IDENTIFIER", PhiType.OTHER_ID),
            Map.entry("NO", PhiType.OTHER_ID), Map.entry("NUMBER", PhiType.OTHER_ID), Map.entry("NUM", PhiType.OTHER_ID),
            Map.entry("CASE", PhiType.OTHER_ID), Map.entry("ACCESSION", PhiType.OTHER_ID), Map.entry("SPECIMEN", PhiType.OTHER_ID),
            Map.entry("REQUISITION", PhiType.OTHER_ID), Map.entry("CLAIM", PhiType.OTHER_ID), Map.entry("REF", PhiType.OTHER_ID),
            Map.entry("REFERENCE", PhiType.OTHER_ID), Map.entry("CONFIRMATION", PhiType.OTHER_ID),
            // dictation trailers: "JOB #: 660184", "Job 771520", "Document No. 48120"
            Map.entry("JOB", PhiType.OTHER_ID), Map.entry("DOCUMENT", PhiType.OTHER_ID),
            // reports of agencies, schools and courts: "Incident # FUSD-HI-25-0412", "report APS-25-PO-00861"
            Map.entry("INCIDENT", PhiType.OTHER_ID), Map.entry("REPORT", PhiType.OTHER_ID),
            Map.entry("TICKET", PhiType.OTHER_ID), Map.entry("DOCKET", PhiType.OTHER_ID),
            Map.entry("CITATION", PhiType.OTHER_ID), Map.entry("VOUCHER", PhiType.OTHER_ID),
            // officers and transports: "badge C-117", "Mission PSAM-25-1187", "arrest # LPD-25-41920"
            Map.entry("BADGE", PhiType.OTHER_ID), Map.entry("MISSION", PhiType.OTHER_ID),
            // "OFFICER #448", "DEPUTY #2291": an officer's badge number; "ACCIDENT RPT JH-512278": a report's
            Map.entry("OFFICER", PhiType.OTHER_ID), Map.entry("DEPUTY", PhiType.OTHER_ID),
            Map.entry("TROOPER", PhiType.OTHER_ID), Map.entry("RPT", PhiType.OTHER_ID),
            Map.entry("ARREST", PhiType.OTHER_ID), Map.entry("BOOKING", PhiType.OTHER_ID),
            // interpreter-line operators, pathology accessions, pharmacy profiles: "operator 41177",
            // "biopsy SD25-004412", "Rx profile CA-448190"; aircraft: "TAIL # N417ML"
            Map.entry("OPERATOR", PhiType.OTHER_ID), Map.entry("BIOPSY", PhiType.OTHER_ID),
            Map.entry("PROFILE", PhiType.OTHER_ID), Map.entry("TAIL", PhiType.VEHICLE),
            // public-health investigations: "Investigation TBCI-25-0147", "Outbreak OB-CBHD-25-004", "Event RAB-YK-25-0088"
            Map.entry("INVESTIGATION", PhiType.OTHER_ID), Map.entry("INV", PhiType.OTHER_ID),
            Map.entry("OUTBREAK", PhiType.OTHER_ID), Map.entry("CLUSTER", PhiType.OTHER_ID),
            Map.entry("EVENT", PhiType.OTHER_ID), Map.entry("REGISTRY", PhiType.OTHER_ID),
            Map.entry("PARTICIPANT", PhiType.OTHER_ID), Map.entry("COMPLAINT", PhiType.OTHER_ID),
            // tribal enrollment, prior authorisations, answering-service messages, group numbers abbreviated
            Map.entry("ENROLLMENT", PhiType.OTHER_ID), Map.entry("AUTH", PhiType.OTHER_ID),
            Map.entry("AUTHORIZATION", PhiType.OTHER_ID), Map.entry("MSG", PhiType.OTHER_ID),
            Map.entry("GRP", PhiType.HEALTH_PLAN), Map.entry("INTERPRETER", PhiType.OTHER_ID),
            Map.entry("INTERP", PhiType.OTHER_ID), // "INTERP SPA-40218"
            // transport run numbers, organ donors, police stars: "RUN 24-3317", "DONOR AKHJ229", "STAR 20714"
            Map.entry("RUN", PhiType.OTHER_ID), Map.entry("DONOR", PhiType.OTHER_ID), Map.entry("STAR", PhiType.OTHER_ID),
            // boat, sled and car registrations: "SLED REG NH 44718S", "MA REG 2QK 447"
            Map.entry("REG", PhiType.VEHICLE));

    /** The words of {@link #KEYWORDS}, asked by lexicon id before the map is. */
    private static final Words KEYWORD_WORDS = Words.of(KEYWORDS.keySet().toArray(new String[0]));

    private static final Words PHONE_CTX = Words.of("PHONE", "PH", "TEL", "TELEPHONE", "CELL", "MOBILE", "CALL", "CALLED",
        "CONTACT", "HOME", "WORK", "PAGER", "BEEPER", "PGR", "FAX", "REACH", "REACHED", "TEXT", "NUMBER", "CALLBACK",
        "OFFICE", "CELLPHONE", "MOB", "TELEPHONED", "DIAL", "EXT", "EXTENSION", "HM", "WK", "C",
        // Spanish, Portuguese and German labels: "Teléfono celular 55 1234 5678", "Telefon 030 12345678", "Handy ..."
        "TELEFONO", "TELEFONOS", "CELULAR", "MOVIL", "FIJO", "TLF", "TFNO", "NUMERO", "CONTACTO", "LLAMA", "LLAMAR",
        "LLAMO", "TELEFONE", "TELEFON", "HANDY", "RUFNUMMER");
    private static final Words FAX_CTX = Words.of("FAX", "FAXED", "FX", "FACSIMILE", "TELEFAX");
    private static final String[] UNIT_LETTERS = {"MG", "ML", "MCG", "UNITS", "U", "L", "CC", "KG", "G", "MM", "CM",
        "MEQ", "HR", "HRS", "H", "MIN", "X", "PM", "AM", "S", "TH", "ST", "ND", "RD", "K", "MMHG", "LB", "LBS", "OZ",
        "IU", "MMOL", "NG", "DL", "GM", "MIU", "KCAL", "HZ", "MHZ", "GB", "MB", "KB", "SEC", "MS", "YO", "YRS", "D"};

    private Numbers() {
    }

    static void detect(Scan s) {
        BitSet claimed = new BitSet(s.text.length());
        for (PhiSpan p : s.found) {
            claimed.set(p.start(), p.end());
        }
        int[] numbers = s.numberTokens(); // (four passes below open on one)
        plates(s, claimed);
        usernames(s, claimed);
        lastFour(s, claimed, numbers);
        alienNumbers(s, claimed);
        keywordIds(s, claimed, numbers);
        codes(s, claimed, numbers);
        tailNumbers(s, claimed, numbers);
        yearCoded(s, claimed);
        clusters(s, claimed);
        spokenDigits(s, claimed);
    }

    private static final Words TAIL_NUMBER_CUES = Words.of("AIRCRAFT", "ACFT", "TAIL", "PLANE", "JET", "LEARJET",
            "CESSNA", "PILATUS", "BEAVER", "OTTER", "CARAVAN", "HELICOPTER", "KING", "AIR", "NAVAJO", "PIPER");

    /**
     * "Learjet N808PK", "ACFT KING AIR 200 N729TW": a US aircraft registration, N, two to five digits and two capitals,
     * or one capital near an aircraft word (an N-number of digits alone is left alone: "N95", "N20"; "N2O" has one
     * digit; "N501Y" is a protein variant).
     */
    private static void tailNumbers(Scan s, BitSet claimed, int[] numbers) {
        Tokens tk = s.tk;
        for (int t : numbers) {
            int len = tk.len(t);
            if (tk.kind[t] != Tokens.ALNUM || len < 4 || len > 8 || tk.firstChar(t) != 'N' || claimed.get(tk.start[t])
                    || t > 0 && tk.adjacent(t - 1, t) || t + 1 < tk.n && tk.adjacent(t, t + 1)
                    && !tk.isPunct(t + 1, '.') && !tk.isPunct(t + 1, ',') && !tk.isPunct(t + 1, ')')
                    && !tk.isPunct(t + 1, ';')) {
                continue;
            }
            int start = tk.start[t];
            int i = start + 1;
            int digits = 0;
            while (i < tk.end[t] && Character.isDigit(s.text.charAt(i))) {
                i++;
                digits++;
            }
            int letters = 0;
            while (i < tk.end[t] && s.text.charAt(i) >= 'A' && s.text.charAt(i) <= 'Z') {
                i++;
                letters++;
            }
            // one letter only near an aircraft word: "N501Y", "GBA N370S" are protein variants
            boolean aircraft = letters == 2 || s.before(t, 4, TAIL_NUMBER_CUES);
            if (i == tk.end[t] && digits >= 2 && digits <= 5 && letters >= 1 && letters <= 2 && aircraft
                    && s.text.charAt(start + 1) != '0') {
                s.add(PhiType.VEHICLE, start, tk.end[t], "vehicle.tail-number", 0.85);
                claimed.set(start, tk.end[t]);
            }
        }
    }

    /**
     * "CMP-25-0611", "OB-SVPH-26-002", "RAB-YK-25-0088", "ISL-25-M3308": an agency's case number, capitals, a two-digit
     * year and a sequence, joined by dashes, with or without a keyword before it. Clinical text writes no such shape
     * ("COVID-19", "CA-125", "ICD-10-CM" have no year and sequence after the letters).
     */
    private static void yearCoded(Scan s, BitSet claimed) {
        Tokens tk = s.tk;
        for (int t = 0; t + 2 < tk.n; t++) {
            if (yearFirst(s, t) && dashed(tk, t + 1) && !claimed.get(tk.start[t])
                    && !(t > 0 && tk.adjacent(t - 1, t)) && sequence(tk, t + 2)) {
                // "CB25-M001", "SD25-004412": the capitals and the year in one token
                s.addTokens(PhiType.OTHER_ID, t, t + 2, "id.case-number", 0.8);
                claimed.set(tk.start[t], tk.end[t + 2]);
                t += 2;
                continue;
            }
            // (cheap tests first: a dash glued after the word, which every case number below has, is rare)
            if (t + 4 >= tk.n || tk.kind[t] != Tokens.WORD || !dashed(tk, t + 1) || tk.len(t) < 2 || tk.len(t) > 6
                    || !tk.allUpper(t) || claimed.get(tk.start[t])
                    || t > 0 && tk.adjacent(t - 1, t) && tk.kind[t - 1] != Tokens.PUNCT
                    || t > 0 && tk.adjacent(t - 1, t) && (tk.isPunct(t - 1, '-') || tk.isPunct(t - 1, '/'))) {
                continue;
            }
            int u = t + 1;
            if (dashed(tk, u) && tk.kind[u + 1] == Tokens.WORD && tk.len(u + 1) >= 2 && tk.len(u + 1) <= 6
                    && tk.allUpper(u + 1)) {
                u += 2; // a second group of capitals: "OB-SVPH-26-002"
            }
            if (!dashed(tk, u) || tk.kind[u + 1] != Tokens.NUM || tk.len(u + 1) != 2 || !dashed(tk, u + 2)) {
                continue;
            }
            int seq = u + 3;
            if (!sequence(tk, seq)) {
                continue;
            }
            int last = seq;
            // a check letter or suffix group: "-A", "-P2"
            if (dashed(tk, last) && (tk.kind[last + 1] == Tokens.WORD || tk.kind[last + 1] == Tokens.ALNUM)
                    && tk.len(last + 1) <= 3) {
                last += 2;
            }
            s.addTokens(PhiType.OTHER_ID, t, last, "id.case-number", 0.8);
            claimed.set(tk.start[t], tk.end[last]);
            t = last;
        }
    }

    /** A case number's running part: three to seven digits, or a letter and digits ("M3308"). */
    private static boolean sequence(Tokens tk, int t) {
        return t < tk.n && (tk.kind[t] == Tokens.NUM && tk.len(t) >= 3 && tk.len(t) <= 7
                || tk.kind[t] == Tokens.ALNUM && tk.len(t) >= 4 && Character.isLetter(tk.firstChar(t)));
    }

    /** Two to five capitals then two digits in one token: "CB25", "SD25" (not a spine level "T12"). */
    private static boolean yearFirst(Scan s, int t) {
        Tokens tk = s.tk;
        int len = tk.len(t);
        if (tk.kind[t] != Tokens.ALNUM || len < 4 || len > 7) {
            return false;
        }
        int start = tk.start[t];
        for (int i = 0; i < len - 2; i++) {
            char c = s.text.charAt(start + i);
            if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        return Character.isDigit(s.text.charAt(start + len - 2)) && Character.isDigit(s.text.charAt(start + len - 1));
    }

    /** A dash at u glued to the tokens on both sides, and a token after it. */
    private static boolean dashed(Tokens tk, int u) {
        return u + 1 < tk.n && tk.isPunct(u, '-') && tk.adjacent(u - 1, u) && tk.adjacent(u, u + 1);
    }

    /** The digits words read aloud: "five" 5, "oh" 0. */
    private static final Map<String, Integer> DIGIT_WORDS = Map.ofEntries(Map.entry("ZERO", 0), Map.entry("OH", 0),
            Map.entry("ONE", 1), Map.entry("TWO", 2), Map.entry("THREE", 3), Map.entry("FOUR", 4), Map.entry("FIVE", 5),
            Map.entry("SIX", 6), Map.entry("SEVEN", 7), Map.entry("EIGHT", 8), Map.entry("NINE", 9));

    /** The words of {@link #DIGIT_WORDS}, asked by lexicon id before any key is read. */
    private static final Words DIGIT_WORD_LIST = Words.of(DIGIT_WORDS.keySet().toArray(new String[0]));

    /** The digit a word reads aloud ("five" 5, "oh" 0), -1 for any other token. */
    private static int digitWord(Scan s, int t) {
        if (t < 0 || t >= s.tk.n || s.tk.kind[t] != Tokens.WORD || s.tk.len(t) < 2 || s.tk.len(t) > 5
                || !digitInitial(initial(s.tk, t)) || !s.isAny(t, DIGIT_WORD_LIST)) {
            return -1;
        }
        return DIGIT_WORDS.get(s.key(t));
    }

    /** The initials of {@link #DIGIT_WORDS}: a cheap test before the word list, which runs for every word. */
    private static boolean digitInitial(char c) {
        return c == 'Z' || c == 'O' || c == 'T' || c == 'F' || c == 'S' || c == 'E' || c == 'N';
    }

    private static final Words SPOKEN_FILLERS = Words.of("UM", "UH", "ER", "UHM", "UMM");
    /** Words that say a phone number follows: "call me back at", "my cell", "area code". */
    private static final Words CALL_CUES = Words.of("CALL", "CALLED", "CALLING", "CALLBACK", "PHONE", "CELL", "NUMBER",
        "REACH", "REACHED", "TEXT", "CODE", "LINE", "HOME", "WORK", "MOBILE", "FAX", "DIAL", "PAGER", "BEEPER");
    /** Keywords too common to type a short run alone ("No no, one two three four", "Plan: count one two..."). */
    private static final Words WEAK_KEYWORDS = Words.of("NO", "PLAN", "GROUP", "CASE", "CARD", "NUMBER", "NUM", "UNIT",
        "REPORT", "EVENT", "MODEL", "LOT", "REF", "RUN", "DONOR", "STAR");

    /**
     * Numbers read aloud digit by digit, as voicemails and phone calls are transcribed: "call me back at five five
     * five, oh one two three" (seven digits or more after a call cue: a phone, a fax after a fax word), "his chart
     * number is, um, four four zero nine one" (four digits or more right after an identifier's word). Digits may be
     * grouped by commas or dashes and broken by fillers (um, uh); a run counting up or down ("nine eight seven...")
     * is counting, not a number.
     */
    private static void spokenDigits(Scan s, BitSet claimed) {
        Tokens tk = s.tk;
        for (int t = 0; t < tk.n; t++) {
            int prevDigit = digitWord(s, t);
            if (prevDigit < 0 || digitWord(s, s.prevWord(t, 1)) >= 0 && !tk.nlBefore[t]) {
                continue;
            }
            int digits = 1;
            int last = t;
            boolean counting = true;
            int u = t + 1;
            while (u < tk.n && !tk.nlBefore[u]) {
                if (tk.isPunct(u, ',') || tk.isPunct(u, '-') || s.isAny(u, SPOKEN_FILLERS)) {
                    u++;
                    continue;
                }
                int d = digitWord(s, u);
                if (d < 0) {
                    break;
                }
                counting &= Math.abs(d - prevDigit) == 1;
                prevDigit = d;
                digits++;
                last = u;
                u++;
            }
            if (digits < 4 || counting || claimed.get(tk.start[t])) {
                t = last;
                continue;
            }
            PhiType type = null;
            if (digits >= 7) {
                if (s.before(t, 6, CALL_CUES) || s.before(t, 2, "AT", "IS")) {
                    type = s.before(t, 6, FAX_CTX) ? PhiType.FAX : PhiType.PHONE;
                }
            } else {
                // the identifier's word right before, or before IS or a colon: "chart number is, um, ..."
                int p = s.prevWord(t, 2);
                while (p >= 0 && s.isAny(p, SPOKEN_FILLERS)) {
                    p = s.prevWord(p, 2);
                }
                if (s.is(p, "IS") || tk.isPunct(p + 1, ':')) {
                    p = s.is(p, "IS") ? s.prevWord(p, 1) : p;
                }
                PhiType kw = keyword(s, p);
                PhiType kind = kw == PhiType.OTHER_ID ? keyword(s, s.prevWord(p, 1)) : null;
                if (kind != null) {
                    type = kind; // "chart number": the word before a generic NUMBER or ID says which kind
                } else if (kw != null && !s.isAny(p, WEAK_KEYWORDS)) {
                    type = kw;
                }
            }
            if (type != null) {
                s.addTokens(type, t, last, "number.spoken", 0.85);
                claimed.set(tk.start[t], tk.end[last]);
            }
            t = last;
        }
    }

    private static PhiType keyword(Scan s, int t) {
        if (t < 0 || s.tk.kind[t] == Tokens.PUNCT) {
            return null;
        }
        PhiType k = s.isAny(t, KEYWORD_WORDS) ? KEYWORDS.get(s.key(t)) : null;
        return k == null && serialAbbreviation(s, t) ? PhiType.DEVICE : k;
    }

    /** "S/N", "s/n": the N of a serial number's abbreviation, which the tokenizer splits into three tokens. */
    private static boolean serialAbbreviation(Scan s, int t) {
        Tokens tk = s.tk;
        return t >= 2 && tk.len(t) == 1 && s.is(t, "N") && tk.isPunct(t - 1, '/') && tk.adjacent(t - 2, t - 1)
                && tk.adjacent(t - 1, t) && tk.len(t - 2) == 1 && s.is(t - 2, "S");
    }

    private static final Words USER_CUES = Words.of("USER", "USERNAME", "USERID", "LOGIN", "LOGON");

    /**
     * A user name after its cue: "portal user meletui77", "username hprice_proxy", "user=sfifita.tac", "login: jdoe42",
     * "portal user wgrace". Shaped like a handle (a digit, '_' or an inner '.'), or, after a user-name label or a portal
     * or proxy user, a single word no lexicon knows; a word after a bare "user" ("heroin user since 2019", "user
     * friendly") is left alone.
     */
    private static void usernames(Scan s, BitSet claimed) {
        Tokens tk = s.tk;
        for (int t = 0; t + 1 < tk.n; t++) {
            if (tk.kind[t] != Tokens.WORD || tk.len(t) < 4) {
                continue; // (the length, one array read, before the first letter, read from the text)
            }
            char c0 = tk.firstChar(t);
            if (c0 != 'u' && c0 != 'U' && c0 != 'l' && c0 != 'L' || !s.isAny(t, USER_CUES)) {
                continue; // (the first letter before any word list: this runs over every word)
            }
            int c = t + 1;
            if (s.isAny(c, "NAME", "ID") && tk.spaceOnly(t, c)) {
                c++;
            }
            boolean labelled = c < tk.n && (tk.isPunct(c, ':') || tk.isPunct(c, '=') || tk.isPunct(c, '#'));
            if (labelled) {
                c++;
            }
            // a bare "user" takes only a handle's shape, unless a portal or proxy account is being spoken of
            boolean strong = labelled || c > t + 1 || !s.is(t, "USER") || s.isAny(s.prevWord(t, 1), "PORTAL", "PROXY", "APP");
            if (c >= tk.n || tk.nlBefore[c] || tk.kind[c] == Tokens.PUNCT || claimed.get(tk.start[c])
                    || !labelled && !tk.spaceOnly(c - 1, c)) {
                continue;
            }
            int start = tk.start[c];
            int end = start;
            boolean digit = false;
            boolean joiner = false;
            boolean letter = false;
            while (end < s.text.length() && end - start < 40) {
                char ch = s.text.charAt(end);
                if (ch < 128 && Character.isLetterOrDigit(ch)) {
                    digit |= Character.isDigit(ch);
                    letter |= Character.isLetter(ch);
                } else if (ch == '.' || ch == '_' || ch == '-') {
                    if (end + 1 >= s.text.length() || !Character.isLetterOrDigit(s.text.charAt(end + 1))) {
                        break; // a full stop or dash after the name ends it
                    }
                    joiner = true;
                } else {
                    break;
                }
                end++;
            }
            if (!letter || end - start < 4 || end < s.text.length() && s.text.charAt(end) == '@') {
                continue; // e-mail addresses are Web's
            }
            boolean plainWord = !digit && !joiner;
            if (plainWord && (!strong || tk.end[c] != end || tk.lex[c] >= 0 && (s.flags(c) & Lexicon.NAME_LISTED) == 0
                    || !tk.lowerInitial(c) && !labelled)) {
                continue; // after a bare "user", a known word, or a capitalised one that is a name's to judge
            }
            s.add(PhiType.OTHER_ID, start, end, "id.username", 0.85);
            claimed.set(start, end);
        }
    }

    /**
     * The VA's short identifiers: "Last 4: 4082", "Last 4: W9152" (the surname's initial and the last four of the SSN),
     * and the same right after a name in parentheses ("JACKSON,SERGEANT LEE (J7316)", "Burl Tatum (T6105)").
     */
    private static void lastFour(Scan s, BitSet claimed, int[] numbers) {
        Tokens tk = s.tk;
        for (int t : numbers) {
            if (!lastFourShape(s, t) || claimed.get(tk.start[t])) {
                continue;
            }
            int p = s.prevWord(t, 2);
            // "Last 4: 1147", "last four 4082", "L4: 0931"
            boolean labelled = p >= 0 && (s.isAny(p, "4", "FOUR") && s.is(s.prevWord(p, 1), "LAST") || s.is(p, "L4"));
            boolean afterName = tk.kind[t] == Tokens.ALNUM && t >= 2 && t + 1 < tk.n && tk.isPunct(t - 1, '(')
                    && tk.isPunct(t + 1, ')') && surnameInitial(s, t);
            if (labelled || afterName) {
                s.add(PhiType.OTHER_ID, tk.start[t], tk.end[t], "id.last-four", 0.85);
                claimed.set(tk.start[t], tk.end[t]);
            }
        }
    }

    /**
     * The letter of "(J7316)" opens one of the capitalised words in the four before the bracket: the VA writes the
     * surname's initial before the last four of the SSN ("JACKSON,SERGEANT LEE (J7316)", "Burl Tatum (T6105)").
     */
    private static boolean surnameInitial(Scan s, int t) {
        Tokens tk = s.tk;
        char initial = s.text.charAt(tk.start[t]);
        int w = t - 1;
        for (int k = 0; k < 4; k++) {
            w = s.prevWord(w, 1);
            if (w < 0 || tk.kind[w] != Tokens.WORD || tk.nlBefore[w + 1] && k > 0) {
                return false;
            }
            if (tk.len(w) >= 2 && tk.firstChar(w) == initial && (s.flags(w) & Lexicon.CLINICAL) == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * An alien registration number: "A# A 246 903 118", "A 243-118-906": the letter A, then eight or nine digits in two
     * or three blank- or dash-separated groups. Three groups of three need no cue; otherwise an A#, "alien" or
     * "A-number" is among the three words before.
     */
    private static void alienNumbers(Scan s, BitSet claimed) {
        Tokens tk = s.tk;
        for (int t = 0; t + 2 < tk.n; t++) {
            // (the rarest test first: a number right after the token)
            if (tk.kind[t + 1] != Tokens.NUM || tk.len(t) != 1 || tk.kind[t] != Tokens.WORD || tk.firstChar(t) != 'A'
                    || claimed.get(tk.start[t]) || !tk.spaceOnly(t, t + 1) || tk.nlBefore[t + 1]) {
                continue;
            }
            int last = t + 1;
            int digits = tk.len(last);
            int groups = 1;
            boolean threes = tk.len(last) == 3;
            while (groups < 3 && last + 1 < tk.n) {
                int nx = last + 1;
                if (tk.isPunct(nx, '-') && tk.adjacent(last, nx) && nx + 1 < tk.n && tk.adjacent(nx, nx + 1)) {
                    nx++;
                } else if (!tk.spaceOnly(last, nx) || tk.start[nx] - tk.end[last] != 1) {
                    break;
                }
                if (tk.kind[nx] != Tokens.NUM || tk.len(nx) < 2 || tk.len(nx) > 4) {
                    break;
                }
                threes &= tk.len(nx) == 3;
                digits += tk.len(nx);
                last = nx;
                groups++;
            }
            if (groups < 2 || digits < 8 || digits > 9 || last + 1 < tk.n && tk.adjacent(last, last + 1)
                    && tk.kind[last + 1] != Tokens.PUNCT) {
                continue;
            }
            boolean cue = s.before(t, 3, "ALIEN", "NUMBER") || t > 0 && tk.isPunct(t - 1, '#');
            if (!(threes && groups == 3) && !cue) {
                continue;
            }
            s.add(PhiType.OTHER_ID, tk.start[t], tk.end[last], "id.alien-number", 0.9);
            claimed.set(tk.start[t], tk.end[last]);
            t = last;
        }
    }

    /** Four digits, or one capital and four digits. */
    private static boolean lastFourShape(Scan s, int t) {
        Tokens tk = s.tk;
        if (tk.kind[t] == Tokens.NUM) {
            return tk.len(t) == 4;
        }
        CharSequence x = s.text;
        int a = tk.start[t];
        if (tk.len(t) != 5 || !Character.isUpperCase(x.charAt(a))) {
            return false;
        }
        for (int i = a + 1; i < a + 5; i++) {
            if (!Character.isDigit(x.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A transport run number: "24-3317" (a two-digit year and a sequence), or seven digits or more; no small letters.
     * Not "RUN 0700-1100" (a dialysis run's hours) or "run 150-190" (a range).
     */
    private static boolean runNumber(Scan s, int a, int b) {
        CharSequence x = s.text;
        int dash = -1;
        int dashes = 0;
        int digits = 0;
        int letters = 0;
        for (int i = a; i < b; i++) {
            char c = x.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            if (c == '-') {
                dash = dash < 0 ? i : dash;
                dashes++;
            }
            digits += Character.isDigit(c) ? 1 : 0;
            letters += Character.isUpperCase(c) ? 1 : 0;
        }
        // "RUN # R23-0122-3318": seven digits or more with letters or in three groups, which no range of clock times
        // has ("run 1900-0700")
        return digits >= 7 && (dash < 0 || letters > 0 || dashes >= 2) || dash - a == 2 && b - dash - 1 >= 4;
    }

    private static final Words ID_DOCUMENT_WORDS = Words.of("REPORT", "RPT", "TICKET", "INCIDENT", "CITATION",
            "VOUCHER", "DOCKET", "ARREST", "BOOKING", "EVENT", "COMPLAINT", "OUTBREAK", "BIOPSY", "PROFILE", "OPERATOR",
            "MSG", "AUTH", "ENROLLMENT", "INTERP", "INTERPRETER");

    /** Words before an id's number that do not say what kind of id it is ("PLATE # OF THE CAR (7XK-219)"). */
    private static final Words NOT_AN_ID_KIND = Words.of("IS", "OF", "THE", "S", "N", "PT", "PATIENT", "PATIENTS",
            "HOSPITAL", "MEDICAL", "DRIVERS", "DRIVER", "SECURITY", "HEALTH", "CREDIT", "PRIMARY", "SECONDARY",
            "LICENSE", "TAG", "CAR", "TRUCK", "AUTO", "VAN", "MOTORCYCLE", "HIS", "HER", "THEIR");

    /** An id after its keyword: "MRN: 0012345", "LICENSE PLATE 7ABC123", "MEMBER ID XJH88812". */
    private static void keywordIds(Scan s, BitSet claimed, int[] numbers) {
        Tokens tk = s.tk;
        int from = 0; // the first token not yet read as part of an id
        for (int at = 0; at < numbers.length; at++) {
            if ((at & 511) == 0) {
                s.budget.check();
            }
            int t = numbers[at];
            if (t < from || claimed.get(tk.start[t])) {
                continue;
            }
            if (t > 0 && tk.adjacent(t - 1, t) && tk.kind[t - 1] != Tokens.PUNCT) {
                continue;
            }
            // the id: tokens glued together or by '-' / '.' with no blanks
            int last = t;
            while (last + 1 < tk.n && last - t < 12 && tk.adjacent(last, last + 1)
                    && (tk.kind[last + 1] != Tokens.PUNCT || (tk.isPunct(last + 1, '-') || tk.isPunct(last + 1, '.')
                    || tk.isPunct(last + 1, '/')) && last + 2 < tk.n && tk.adjacent(last + 1, last + 2)
                    && tk.kind[last + 2] != Tokens.PUNCT)) {
                last += tk.kind[last + 1] == Tokens.PUNCT ? 2 : 1;
            }
            // "4111 1111 1111 1111": blank-separated digit groups of one number
            // ("PA DL 31 882 407": a two-digit first group when two groups of three or four follow)
            boolean twoDigitLead = last == t && tk.kind[t] == Tokens.NUM && tk.len(t) == 2 && t + 2 < tk.n
                    && spacedGroup(s, t, t + 1) && spacedGroup(s, t + 1, t + 2);
            while (tk.kind[t] == Tokens.NUM && (tk.len(t) >= 3 || twoDigitLead) && last + 1 < tk.n
                    && tk.kind[last + 1] == Tokens.NUM
                    && tk.spaceOnly(last, last + 1) && tk.len(last + 1) >= 3 && tk.len(last + 1) <= 4 && last - t < 6) {
                last++;
            }
            PhiType type = null;
            int p = t;
            // a short letter prefix glued by a dash belongs to the id: "CLAIM # WC-88213-A"
            int first = t;
            while (first >= 2 && tk.isPunct(first - 1, '-') && tk.adjacent(first - 2, first - 1)
                    && tk.adjacent(first - 1, first) && tk.kind[first - 2] == Tokens.WORD && tk.len(first - 2) <= 4
                    && first - t > -4) {
                first -= 2;
            }
            if (first < t) {
                p = first;
            }
            // "MRN: SBH 2208 4471": a facility's capital-letter prefix between the keyword and the digits
            if (first == t && facilityPrefix(s, t)) {
                first = t - 1;
                p = first;
            }
            boolean generic = false;
            boolean jobOnly = false;
            boolean reportWord = false;
            boolean badge = false;
            boolean run = false;
            boolean stateCode = false;
            boolean interp = false;
            for (int k = 0; k < 5 && type == null; k++) {
                p = s.prevWord(p, 3);
                if (p < 0 || tk.kind[p] == Tokens.NUM) {
                    break;
                }
                PhiType kt = keyword(s, p);
                if (kt == PhiType.OTHER_ID && !s.is(p, "NPI")) {
                    jobOnly = !generic && s.is(p, "JOB") && p == s.prevWord(t, 0);
                    reportWord |= s.isAny(p, ID_DOCUMENT_WORDS);
                    interp |= s.isAny(p, "INTERP", "INTERPRETER");
                    badge |= s.isAny(p, "BADGE", "OFFICER", "DEPUTY", "TROOPER");
                    run |= s.is(p, "RUN");
                    generic = true;
                    continue; // "ID", "NO", "#": look further back for what kind of id
                }
                if (kt != null) {
                    type = kt;
                } else if (!s.isAny(p, NOT_AN_ID_KIND)) {
                    if (tk.len(p) == 2 && tk.allUpper(p) && s.has(p, Lexicon.USPS)) {
                        stateCode = true; // "REG ME 4471 HK": a plate's state before its number
                        continue;
                    }
                    break;
                }
            }
            if (type == null && generic) {
                type = PhiType.OTHER_ID;
            }
            if (stateCode && type != PhiType.VEHICLE && type != PhiType.LICENSE) {
                type = null; // only a plate or a licence takes a state's code before it ("PLAN: CT 1400" is a scan)
            }
            boolean hashBefore = first > 0 && (tk.isPunct(first - 1, '#') || first > 1 && tk.isPunct(first - 1, ':')
                    && tk.isPunct(first - 2, '#') && tk.adjacent(first - 2, first - 1));
            if (type == null && !hashBefore && specimenInParentheses(s, first, last)) {
                type = PhiType.OTHER_ID;
            }
            if (type == null && !hashBefore) {
                from = last + 1; // the glued run is one candidate: never rescan it token by token
                continue; // (before counting its characters: most numbers have no keyword)
            }
            int digits = 0;
            int alnum = 0;
            for (int i = tk.start[t]; i < tk.end[last]; i++) {
                char c = s.text.charAt(i);
                if (Character.isDigit(c)) {
                    digits++;
                }
                if (Character.isLetterOrDigit(c)) {
                    alnum++;
                }
            }
            if (first < t) {
                // the prefix's letters count too: "INTERP ID MKE-SP-118" has eight characters, not three
                for (int i = tk.start[first]; i < tk.start[t]; i++) {
                    if (Character.isLetterOrDigit(s.text.charAt(i))) {
                        alnum++;
                    }
                }
            }
            if (type == null && digits >= 4) {
                type = PhiType.OTHER_ID; // "#48271", "Doc #: 48271"
            }
            if (type == PhiType.OTHER_ID && jobOnly && digits < 5) {
                continue; // "back to her job 0700": a bare JOB before a clock-sized number; job numbers are longer
            }
            if (type == PhiType.OTHER_ID && reportWord && digits == 4 && alnum == 4 && clockShaped(s, t) && first == t
                    && !(first > 0 && tk.isPunct(first - 1, '#'))) {
                continue; // "TOOK REPORT @ 0700", "cardiac arrest 2019": a clock time or a year, not "Incident #4412"
            }
            if (type == PhiType.OTHER_ID && badge && first == t && alnum == digits && (digits == 4 && clockShaped(s, t)
                    || s.text.subSequence(tk.start[t], tk.end[last]).toString().equals("911"))
                    && s.isAny(s.prevWord(t, 0), "OFFICER", "DEPUTY", "TROOPER")) {
                continue; // "OFFICER 1400 CAME TO BS", "STATE TROOPER 911 CALL": a clock time, the emergency line
            }
            if (type == PhiType.OTHER_ID && interp && alnum == digits && s.text.subSequence(tk.start[first], tk.end[last])
                    .chars().anyMatch(c -> c == '/' || c == '.')) {
                continue; // "ABG INTERP 7.21/55/60": a reading, not an interpreter's code
            }
            if (type == null) {
                from = last + 1; // the glued run is one candidate: never rescan it token by token
                continue;
            }
            if (run && !runNumber(s, tk.start[first], tk.end[last])) {
                continue; // "sugars run 150-190", "Run: 3h45m": a range or a duration, not "RUN 24-3317"
            }
            if (type == PhiType.VEHICLE && alnum == digits && s.before(first, 3, "TAIL")) {
                continue; // a tail number has letters ("N417ML"); "pancreatic tail 2300" does not
            }
            // badge numbers are short ("badge 913"); so are codes with letters ("donor ID AJHK117")
            boolean lettered = alnum - digits >= 2;
            // a licence may be mostly letters: Washington's spell the holder's name ("WA DL WDLBAUTIRM48")
            int minDigits = type == PhiType.VEHICLE ? 1 : type == PhiType.OTHER_ID && !badge && !lettered ? 4
                    : type == PhiType.LICENSE && alnum >= 10 ? 2 : 3;
            if (digits < minDigits || alnum < (type == PhiType.VEHICLE ? 2 : badge ? 3 : 4)) {
                continue;
            }
            if (type == PhiType.VEHICLE && digits == alnum && hardwareSize(s, last)) {
                continue; // "plate 3.5 mm", "PLATE 12 X 4": an orthopaedic plate's size, not a number plate
            }
            if (type == PhiType.SSN && digits != 9) {
                type = PhiType.OTHER_ID;
            }
            s.add(type, tk.start[first], tk.end[last], "id.keyword", 0.9);
            claimed.set(tk.start[first], tk.end[last]);
            from = last + 1;
        }
    }

    private static final Words SPECIMEN_WORDS = Words.of("SPECIMEN", "SPECIMENS", "ACCESSION", "BIOPSY", "BX");

    /**
     * "Specimen to pathology (S26-55102)": a specimen's id in parentheses, its word a few words back in the same
     * clause. Only the shape of an accession (letters and four digits or more, or six digits; parts glued or by
     * '-'), so that "biopsy (C50.9)", "biopsy of the mass (1400)" or "(3 cores)" stay.
     */
    private static boolean specimenInParentheses(Scan s, int first, int last) {
        Tokens tk = s.tk;
        if (first < 2 || !tk.isPunct(first - 1, '(') || !tk.adjacent(first - 1, first) || !tk.isPunct(last + 1, ')')
                || !tk.adjacent(last, last + 1) || tk.nlBefore[first - 1]) {
            return false;
        }
        int digits = 0;
        boolean letter = false;
        for (int i = tk.start[first]; i < tk.end[last]; i++) {
            char c = s.text.charAt(i);
            if (Character.isDigit(c)) {
                digits++;
            } else if (Character.isLetter(c)) {
                letter = true;
            } else if (c != '-') {
                return false;
            }
        }
        if (digits < (letter ? 4 : 6)) {
            return false;
        }
        // back over at most five words, no punctuation or line break between: one clause
        for (int p = first - 2, k = 0; p >= 0 && k < 5 && tk.kind[p] != Tokens.PUNCT && !tk.nlBefore[p + 1];
                p--, k++) {
            if (s.isAny(p, SPECIMEN_WORDS)) {
                return true;
            }
        }
        return false;
    }

    /** Four digits that read as a clock time (0000-2359): also every year from 1900 to 2359. */
    private static boolean clockShaped(Scan s, int t) {
        return s.tk.clockTime(t);
    }

    /** Token b is a group of 3-4 digits after a, blanks only between: the next part of a number written in groups. */
    private static boolean spacedGroup(Scan s, int a, int b) {
        Tokens tk = s.tk;
        return tk.kind[b] == Tokens.NUM && tk.spaceOnly(a, b) && tk.len(b) >= 3 && tk.len(b) <= 4;
    }

    /**
     * A facility prefix of a medical record number: "MRN: SBH 2208 4471", "MR# BWH 1234567". The prefix is 2-5
     * capital letters that are no English or clinical word, right before the digits, with MRN/MR right before it.
     */
    private static boolean facilityPrefix(Scan s, int t) {
        Tokens tk = s.tk;
        int w = t - 1;
        if (w < 1 || tk.kind[t] != Tokens.NUM || tk.kind[w] != Tokens.WORD || !tk.spaceOnly(w, t) || tk.nlBefore[t]
                || tk.len(w) < 2 || tk.len(w) > 5 || !tk.allUpper(w) || tk.nlBefore[w]) {
            return false;
        }
        int f = s.flags(w);
        if ((f & (Lexicon.STOP | Lexicon.UNIT | Lexicon.MONTH | Lexicon.WEEKDAY | Lexicon.TITLE | Lexicon.CLINICAL
                | Lexicon.COMMON)) != 0) {
            return false; // "PLAN: CT 1400", "ACCT BAL 5000": a clinical or English word, not a facility
        }
        int k = s.prevWord(w, 3);
        // (and a maker's prefix of a serial: "PPM SN RVX 552 0417")
        if (k >= 0 && k >= w - 4 && !s.tk.nlBefore[w] && s.isAny(k, "SN", "SERIAL")) {
            // a serial's digits run long or in groups: not "SERIAL CKS 1400, 1200" (a lab drawn again and again)
            return tk.len(t) >= 5 || t + 1 < tk.n && !tk.nlBefore[t + 1] && spacedGroup(s, t, t + 1);
        }
        return k >= 0 && k >= w - 4 && !s.tk.nlBefore[w] && s.isAny(k, "MRN", "MR", "EMPI", "MPI");
    }

    /**
     * A plate written in blank- or dash-separated groups after PLATE: "NM plate BKR 447", "(OR plate ZFK 204)",
     * "PLATE # 4KJ 882", "plate is 123 XYZ". Groups are digits or capital letters (no English or unit word: an
     * orthopaedic "plate and screws", "PLATE 3 HOLE" is no plate number), two of them, 5 to 8 characters, with
     * letters and digits both. A plate in one token (7ABC123) is left to {@link #keywordIds}.
     */
    private static final Words DOSE_UNITS = Words.of("AM", "PM", "HR", "MG", "ML", "CC", "MM", "CM", "KG", "LB", "IU");

    /**
     * "BOAT (NC 8830 EW)", "JET SKI TX 9026 BH": a state's boat number, its two letters, four digits and two letters,
     * each group a single blank apart (not a time: "MA 1200 PM").
     */
    private static void boatNumber(Scan s, int t) {
        Tokens tk = s.tk;
        int a = t - 1;
        int b = t + 1;
        if (a < 0 || b >= tk.n || tk.kind[a] != Tokens.WORD || tk.kind[b] != Tokens.WORD || tk.len(a) != 2
                || tk.len(b) != 2 || !tk.allUpper(a) || !tk.allUpper(b) || tk.start[t] - tk.end[a] != 1
                || tk.start[b] - tk.end[t] != 1 || !tk.spaceOnly(a, t) || !tk.spaceOnly(t, b)
                || !s.has(a, Lexicon.USPS) || s.has(a, Lexicon.STOP) || s.has(b, Lexicon.STOP) // ("IN 1430 TO ICU")
                || s.isAny(b, DOSE_UNITS)
                || b + 1 < tk.n && tk.adjacent(b, b + 1) && tk.kind[b + 1] != Tokens.PUNCT) {
            return;
        }
        int v = tk.intValue(t);
        if ((tk.clockTime(t) || v >= 1900 && v <= 2099) && !boatWordBefore(s, a)) {
            return; // a year or a time between abbreviations needs a boat on the line: not "MI 2019 PE", "MD 1400 RE"
        }
        s.addTokens(PhiType.VEHICLE, a, b, "vehicle.boat", 0.8);
    }

    private static final Words BOAT_WORDS = Words.of("BOAT", "BOATS", "SKI", "JETSKI", "VESSEL", "REG", "REGISTRATION",
            "TRAWLER", "SKIFF", "KAYAK", "CANOE", "WATERCRAFT", "PWC", "HULL", "DEADRISE", "PONTOON", "YACHT",
            "SAILBOAT", "SHRIMPER", "DINGHY", "OUTBOARD");

    /** A boat's word in the ten tokens before a on its line: "BOAT REG TX 1430 KD", "JET SKI (MA 2019 AB)". */
    private static boolean boatWordBefore(Scan s, int a) {
        Tokens tk = s.tk;
        for (int i = a - 1; i >= 0 && i >= a - 10; i--) {
            if (tk.kind[i] == Tokens.WORD && s.isAny(i, BOAT_WORDS)) {
                return true;
            }
            if (tk.nlBefore[i]) {
                break;
            }
        }
        return false;
    }

    private static final Words PLATE_WORDS = Words.of("PLATE", "PLATES", "TAG", "TAGS");

    private static void plates(Scan s, BitSet claimed) {
        Tokens tk = s.tk;
        for (int t = 0; t < tk.n; t++) {
            if (tk.kind[t] == Tokens.NUM && tk.len(t) == 4) {
                boatNumber(s, t);
                continue;
            }
            // "DE tag PC 218847": a tag is a plate too (two groups, letters and digits, keep skin tags and name tags out)
            // (cheap tests first: the initial of PLATE or TAG before the word list)
            if (tk.kind[t] != Tokens.WORD || tk.len(t) < 3 || tk.len(t) > 6 || initial(tk, t) != 'P' && initial(tk, t) != 'T'
                    || !s.isAny(t, PLATE_WORDS)) {
                continue;
            }
            int g = t + 1;
            for (int k = 0; k < 4 && g < tk.n && !tk.nlBefore[g]; k++) {
                if (tk.isPunct(g, '#') || tk.isPunct(g, ':') || tk.isPunct(g, '.') && g > t + 1
                        || s.isAny(g, "NO", "NUMBER", "NUM", "IS", "READS")) {
                    g++;
                } else {
                    break;
                }
            }
            int last = -1;
            int chars = 0;
            int groups = 0;
            boolean letters = false;
            boolean digits = false;
            int i = g;
            while (i < tk.n && groups < 2 && plateGroup(s, i)) {
                if (groups > 0 && !(tk.spaceOnly(i - 1, i) && tk.start[i] - tk.end[i - 1] == 1)) {
                    break;
                }
                chars += tk.len(i);
                letters |= tk.kind[i] != Tokens.NUM;
                digits |= tk.kind[i] != Tokens.WORD;
                groups++;
                last = i;
                // "BKR-447": a dash inside the plate joins the next group
                if (i + 2 < tk.n && tk.isPunct(i + 1, '-') && tk.adjacent(i, i + 1) && tk.adjacent(i + 1, i + 2)
                        && plateGroup(s, i + 2)) {
                    chars += tk.len(i + 2);
                    letters |= tk.kind[i + 2] != Tokens.NUM;
                    digits |= tk.kind[i + 2] != Tokens.WORD;
                    last = i + 2;
                    i += 3;
                } else {
                    i++;
                }
            }
            // one token (7ABC123) is keywordIds' to read
            if (last <= g || !letters || !digits || chars < 5 || chars > 8 || claimed.get(tk.start[g])
                    || i < tk.n && tk.adjacent(last, i) && tk.kind[i] != Tokens.PUNCT) {
                continue;
            }
            s.add(PhiType.VEHICLE, tk.start[g], tk.end[last], "plate.groups", 0.9);
            claimed.set(tk.start[g], tk.end[last]);
            t = last;
        }
    }

    private static final Words HARDWARE_WORDS = Words.of("X", "MM", "CM", "HOLE", "HOLES", "SCREW", "SCREWS", "IN",
            "INCH");

    private static boolean hardwareSize(Scan s, int last) {
        int nx = last + 1;
        return nx < s.tk.n && !s.tk.nlBefore[nx] && s.tk.kind[nx] != Tokens.PUNCT && (s.has(nx, Lexicon.UNIT)
                || s.isAny(nx, HARDWARE_WORDS));
    }

    /** A plate group: 1-6 digits, 1-4 capital letters that are no word, or a capital letter-digit run up to 5. */
    private static boolean plateGroup(Scan s, int t) {
        Tokens tk = s.tk;
        if (t >= tk.n || tk.nlBefore[t] || tk.len(t) > 6) {
            return false;
        }
        if (tk.kind[t] == Tokens.NUM) {
            return true;
        }
        if (tk.len(t) > 5) {
            return false;
        }
        if (tk.kind[t] == Tokens.PUNCT || !tk.allUpper(t)) {
            return false;
        }
        if (tk.kind[t] == Tokens.ALNUM) {
            return true;
        }
        // clinical abbreviations, state codes and two-letter words are letters like any other here ("plate AB 12345")
        int f = s.flags(t);
        return tk.len(t) <= 4 && (f & (Lexicon.STOP | Lexicon.UNIT | Lexicon.MONTH | Lexicon.WEEKDAY | Lexicon.TITLE)) == 0
                && (tk.len(t) <= 2 || (f & Lexicon.COMMON) == 0);
    }

    /** An MBI written 4-3-4 with dashes from token t: "1EG4-TE5-MK73". */
    private static boolean dashedMbi(Scan s, int t) {
        Tokens tk = s.tk;
        if (!tk.isPunct(t + 1, '-') || !tk.isPunct(t + 3, '-') || tk.len(t + 2) != 3 || tk.len(t + 4) != 4
                || tk.kind[t + 2] == Tokens.PUNCT || tk.kind[t + 4] == Tokens.PUNCT || !tk.adjacent(t, t + 1)
                || !tk.adjacent(t + 1, t + 2) || !tk.adjacent(t + 2, t + 3) || !tk.adjacent(t + 3, t + 4)
                || t + 5 < tk.n && tk.adjacent(t + 4, t + 5) && tk.kind[t + 5] != Tokens.PUNCT) {
            return false;
        }
        String w = (s.text.subSequence(tk.start[t], tk.end[t]).toString() + s.text.subSequence(tk.start[t + 2], tk.end[t + 2])
                + s.text.subSequence(tk.start[t + 4], tk.end[t + 4])).toUpperCase(java.util.Locale.ROOT);
        return mbi(w);
    }

    /** Words of flying near an aircraft's registration ("Sawtooth AirMed (N38SA)", "fixed wing (N771FR)"). */
    private static final Words AIRCRAFT_WORDS = Words.of("AIR", "AIRMED", "AIRLIFT", "WING", "FLIGHT", "HELICOPTER",
        "HELO", "PLANE", "AIRCRAFT", "TAIL", "JET", "ROTOR", "CARAVAN", "FLOATPLANE", "MEDEVAC", "LIFEFLIGHT", "AIRCARE");

    /**
     * A US aircraft registration (N, a digit 1-9, up to four more digits, up to two letters; five characters after the
     * N at most) within four words after a word of flying; never N95 or N99, which are masks.
     */
    private static boolean tailNumber(Scan s, int t, String w) {
        int n = w.length();
        if (n < 3 || n > 6 || w.charAt(0) != 'N' || w.charAt(1) < '1' || w.charAt(1) > '9' || w.equals("N2O")) {
            return false; // (nitrous oxide: "LIFEFLIGHT GAVE N2O")
        }
        int i = 2;
        while (i < n && Character.isDigit(w.charAt(i))) {
            i++;
        }
        String digits = w.substring(1, i);
        if (i - 1 > 5 || n - i > 2 || digits.equals("95") || digits.equals("99") || digits.equals("100")) {
            return false; // masks, also in the plural ("N95S")
        }
        Tokens tk = s.tk;
        if (t + 2 < tk.n && tk.isPunct(t + 1, '.') && tk.adjacent(t, t + 1) && tk.kind[t + 2] == Tokens.NUM
                && tk.adjacent(t + 1, t + 2)) {
            return false; // a diagnosis code: "ROOM AIR, N18.6 ESRD"
        }
        for (int j = i; j < n; j++) {
            if (w.charAt(j) < 'A' || w.charAt(j) > 'Z') {
                return false;
            }
        }
        int p = t;
        for (int k = 0; k < 4; k++) {
            p = s.prevWord(p, 2);
            if (p < 0 || s.tk.nlBefore[p + 1] && p + 1 <= t) {
                return false;
            }
            // (not "ROOM AIR", nor a hospital's wing: "WEST WING ROOM N312")
            if (s.isAny(p, AIRCRAFT_WORDS) && !(s.is(p, "AIR") && s.is(s.prevWord(p, 0), "ROOM"))
                    && !(s.is(p, "WING") && !s.isAny(s.prevWord(p, 1), "FIXED", "ROTOR", "ROTARY"))) {
                return true;
            }
        }
        return false;
    }

    /** VIN, DEA, MBI and other letter-digit codes (one token). */
    private static void codes(Scan s, BitSet claimed, int[] numbers) {
        Tokens tk = s.tk;
        int from = 0; // (a dashed MBI's groups are not read again)
        for (int t : numbers) {
            if (t < from || tk.kind[t] != Tokens.ALNUM || claimed.get(tk.start[t])) {
                continue;
            }
            if (tk.len(t) < 3 && s.text.charAt(tk.start[t]) < 128 && s.text.charAt(tk.end[t] - 1) < 128) {
                continue; // no rule below takes a code under three characters ("2x", "q6"), and ASCII keeps its length
            }
            String w = s.text.subSequence(tk.start[t], tk.end[t]).toString().toUpperCase(java.util.Locale.ROOT);
            if (w.length() == 17 && vin(w)) {
                s.add(PhiType.VEHICLE, tk.start[t], tk.end[t], "vin.check-digit", 0.95);
            } else if (w.length() == 9 && dea(w)) {
                s.add(PhiType.LICENSE, tk.start[t], tk.end[t], "dea.check-digit", 0.85);
            } else if (w.length() == 11 && mbi(w)) {
                s.add(PhiType.HEALTH_PLAN, tk.start[t], tk.end[t], "mbi.format", 0.85);
            } else if (w.length() == 4 && t + 4 < tk.n && dashedMbi(s, t)) {
                // "6TR4-KM8-PX21": Medicare's card prints the MBI in groups of 4, 3 and 4
                s.add(PhiType.HEALTH_PLAN, tk.start[t], tk.end[t + 4], "mbi.format", 0.85);
                claimed.set(tk.start[t], tk.end[t + 4]);
                from = t + 5;
                continue;
            } else if (tailNumber(s, t, w)) {
                s.add(PhiType.VEHICLE, tk.start[t], tk.end[t], "vehicle.tail-number", 0.8);
            } else if (genericCode(s, t, w)) {
                s.add(PhiType.OTHER_ID, tk.start[t], tk.end[t], "id.code", 0.5);
            } else {
                continue;
            }
            claimed.set(tk.start[t], tk.end[t]);
        }
    }

    // a fixed pattern (java.util.regex is safe here: no input-controlled pattern, no nested quantifiers)
    private static final Pattern GRAVIDA_PARA = Pattern.compile("G\\d{1,2}P\\d{1,4}(?:AB?\\d{1,2})?",
            Pattern.CASE_INSENSITIVE);

    private static boolean genericCode(Scan s, int t, String w) {
        if ((s.flags(t) & Lexicon.CLINICAL) != 0 || w.length() < 6) {
            return false;
        }
        if (w.length() == 11 && w.regionMatches(true, 0, "NCT", 0, 3)) {
            return false; // a ClinicalTrials.gov registry number names a trial, not a person
        }
        int digits = 0;
        for (int i = 0; i < w.length(); i++) {
            if (Character.isDigit(w.charAt(i))) {
                digits++;
            }
        }
        if (digits < 5) {
            return false;
        }
        // 500X14 (vent settings), 2X10: a multiplication, not a code
        for (int k = 1; k + 1 < w.length(); k++) {
            if (w.charAt(k) == 'X' && Character.isDigit(w.charAt(k - 1)) && Character.isDigit(w.charAt(k + 1))) {
                return false;
            }
        }
        // G2P1001, G3P2012: gravida and para (term, preterm, abortions, living), an obstetric history, not a code
        if (GRAVIDA_PARA.matcher(w).matches()) {
            return false;
        }
        // 500MG, 1000ML, 100000UNITS: a quantity with a unit, not a code
        int i = 0;
        while (i < w.length() && Character.isDigit(w.charAt(i))) {
            i++;
        }
        String rest = w.substring(i);
        for (String u : UNIT_LETTERS) {
            if (rest.equals(u)) {
                return false;
            }
        }
        return true;
    }

    static boolean vin(String w) {
        int[] values = new int[128];
        String letters = "ABCDEFGHJKLMNPRSTUVWXYZ";
        int[] lv = {1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9};
        for (int i = 0; i < letters.length(); i++) {
            values[letters.charAt(i)] = lv[i];
        }
        int[] weights = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
        int sum = 0;
        int digits = 0;
        for (int i = 0; i < 17; i++) {
            char c = w.charAt(i);
            int v;
            if (c >= '0' && c <= '9') {
                v = c - '0';
                digits++;
            } else if (c < 128 && values[c] > 0) {
                v = values[c];
            } else {
                return false;
            }
            sum += v * weights[i];
        }
        int check = sum % 11;
        char expected = check == 10 ? 'X' : (char) ('0' + check);
        return w.charAt(8) == expected && digits >= 5 && digits < 17;
    }

    static boolean dea(String w) {
        if ("ABCDEFGHJKLMPRSTUX".indexOf(w.charAt(0)) < 0 || !Character.isLetter(w.charAt(1))) {
            return false;
        }
        int[] d = new int[7];
        for (int i = 0; i < 7; i++) {
            char c = w.charAt(i + 2);
            if (c < '0' || c > '9') {
                return false;
            }
            d[i] = c - '0';
        }
        int sum = d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5]);
        return sum % 10 == d[6];
    }

    /** Medicare Beneficiary Identifier: C A AN N A AN N A A N N, letters without S L O I B Z. */
    static boolean mbi(String w) {
        String pattern = "CAXNAXNAANN";
        for (int i = 0; i < 11; i++) {
            char c = w.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            boolean letter = c >= 'A' && c <= 'Z' && "SLOIBZ".indexOf(c) < 0;
            boolean ok = switch (pattern.charAt(i)) {
                case 'C' -> c >= '1' && c <= '9';
                case 'N' -> digit;
                case 'A' -> letter;
                default -> digit || letter;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static boolean luhn(CharSequence digits) {
        int sum = 0;
        boolean dbl = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }

    static boolean npi(String tenDigits) {
        return tenDigits.length() == 10 && (tenDigits.charAt(0) == '1' || tenDigits.charAt(0) == '2')
                && luhn("80840" + tenDigits);
    }

    static boolean ssnValid(int area, int group, int serial) {
        return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0;
    }

    /** Digit runs with separators: phone numbers, SSNs, cards, ZIPs, long ids. */
    private static void clusters(Scan s, BitSet claimed) {
        CharSequence x = s.text;
        int n = x.length();
        int[] groups = new int[24];
        StringBuilder runDigits = new StringBuilder(32); // the run's digits, refilled for each run
        // only the chars that can open a run are visited: read off the tokens, not by testing every char
        RunOpeners openers = new RunOpeners(s);
        for (int i = openers.next(0); i < n; i = openers.next(i + 1)) {
            char c = x.charAt(i);
            boolean opener = c == '(' || c == '+';
            if (i > 0 && (x.charAt(i - 1) == 'x' || x.charAt(i - 1) == 'X') && (i < 2 || !Character.isLetterOrDigit(x.charAt(i - 2)))) {
                // "x6-2290", "(Ramon, x4481)": an internal extension written with a bare x
                int e = i;
                int ds = 0;
                boolean dash = false;
                while (e < n && e - i < 8 && (Character.isDigit(x.charAt(e)) || x.charAt(e) == '-' && !dash && e > i
                        && e + 1 < n && Character.isDigit(x.charAt(e + 1)))) {
                    dash |= x.charAt(e) == '-';
                    ds += Character.isDigit(x.charAt(e)) ? 1 : 0;
                    e++;
                }
                int c0 = claimed.nextSetBit(i - 1);
                // three digits only closing a parenthesis after a word: "(Georgette x211)", not "amb x150'"
                boolean shortExt = ds == 3 && !dash && e < n && x.charAt(e) == ')' && i >= 3 && x.charAt(i - 2) == ' '
                        && Character.isLetter(x.charAt(i - 3));
                if ((ds >= 4 && ds <= 6 || shortExt) && (e >= n || !Character.isLetterOrDigit(x.charAt(e)))
                        && (c0 < 0 || c0 >= e)) {
                    s.add(PhiType.PHONE, i - 1, e, "phone.extension", 0.75);
                    claimed.set(i - 1, e);
                    i = e;
                    continue;
                }
            }
            if (i > 0) {
                char p = x.charAt(i - 1);
                // "CELL:314-555-0127", "her.956-555-0182", "called 2030,915-555-0187": a whole phone number glued
                // to what precedes it by a colon, a full stop or a comma is still a number of its own
                boolean gluedPhone = (p == ':' || p == '.' || p == ',') && phoneShapedAt(x, i)
                        || c == '(' && phoneShapedAt(x, i + 1); // "MOTHER NILDA(413-555-0133)"
                if (!gluedPhone && (Character.isLetterOrDigit(p) || p == '.' || p == '/' || p == '-' && i > 1
                        && Character.isDigit(x.charAt(i - 2)) || p == ':' || p == '$' || p == ',' && i > 1
                        && Character.isDigit(x.charAt(i - 2)))) {
                    while (i + 1 < n && Character.isLetterOrDigit(x.charAt(i + 1))) {
                        i++;
                    }
                    continue;
                }
            }
            // gather
            int start = i;
            int j = opener ? i + 1 : i;
            int g = 0;
            int digits = 0;
            int lastDigit = -1;
            boolean dots = false;
            boolean spaces = false;
            boolean dashes = false;
            boolean parens = false;
            boolean capped = true; // until the run ends by itself rather than by a length limit
            boolean lastBySpace = false; // the last group was joined by a lone space
            boolean spacesBefore = false; // and whether a space joined the groups before it
            int endBefore = -1; // where the run ended before its last group
            runDigits.setLength(0);
            while (j < n && j - start < 32 && g < groups.length) {
                int k = j;
                while (k < n && Character.isDigit(x.charAt(k)) && k - j < 19) {
                    k++;
                }
                if (k == j) {
                    capped = false;
                    break;
                }
                groups[g++] = k - j;
                digits += k - j;
                runDigits.append(x, j, k);
                lastDigit = k;
                if (k < n && Character.isDigit(x.charAt(k))) {
                    break; // a digit group longer than any identifier: capped
                }
                // a separator run of at most 2 chars leading to another digit
                int m = k;
                int seps = 0;
                boolean sp = false;
                boolean dt = false;
                boolean da = false;
                boolean pa = false;
                while (m < n && seps < 2) {
                    char sc = x.charAt(m);
                    if (sc == ' ') {
                        sp = true;
                    } else if (sc == '.') {
                        dt = true;
                    } else if (sc == '-') {
                        da = true;
                    } else if (sc == '(' || sc == ')') {
                        pa = true;
                    } else {
                        break;
                    }
                    m++;
                    seps++;
                }
                if (seps == 0 || m >= n || !Character.isDigit(x.charAt(m)) || sp && seps == 2 && !x.subSequence(k, m).toString().equals(") ")) {
                    capped = false;
                    break;
                }
                // "2 3" with a lone space joins only phone-sized groups (3-4 digits), never small counts
                if (sp && !dt && !da && (k - j < 2)) {
                    capped = false;
                    break;
                }
                spacesBefore = spaces;
                spaces |= sp;
                dots |= dt;
                dashes |= da;
                parens |= pa;
                lastBySpace = sp && seps == 1;
                endBefore = k;
                j = m;
            }
            int end = lastDigit;
            if (!capped && lastBySpace && end < n && (Character.isLetter(x.charAt(end)) || x.charAt(end) == '/'
                    || x.charAt(end) == '.' && end + 1 < n && Character.isDigit(x.charAt(end + 1)))) {
                // "978-555-0179 11/30", "555-0179 2mg": the group after the space opens the next value (a date, a
                // dose), so the run ends before it rather than being dropped whole
                g--;
                digits -= groups[g];
                runDigits.setLength(digits);
                spaces = spacesBefore;
                end = endBefore;
            }
            if (end < 0) {
                continue;
            }
            if (capped) {
                // longer than any identifier this class knows (32 chars, 24 groups or a 19-digit group): values
                // glued together, or an id of unknown shape. Fail closed over the whole glued run; the rest of it
                // would otherwise be skipped as the continuation of a number.
                int far = gluedEnd(x, end);
                s.add(PhiType.OTHER_ID, start, far, "id.long-run", 0.6);
                claimed.set(start, far);
                i = far;
                continue;
            }
            if (c == '(' && g > 0 && !(start + 1 + groups[0] < n && x.charAt(start + 1 + groups[0]) == ')')) {
                start++; // "wife (413-555-0133) attends": a bracket around the whole number is the sentence's
            }
            // "617-555-0123x45": an extension glued to a phone number
            int ext = end;
            if (end + 1 < n && (x.charAt(end) == 'x' || x.charAt(end) == 'X') && Character.isDigit(x.charAt(end + 1))
                    && digits >= 10) {
                ext = end + 1;
                while (ext < n && Character.isDigit(x.charAt(ext)) && ext - end < 7) {
                    ext++;
                }
                if (ext < n && Character.isLetterOrDigit(x.charAt(ext))) {
                    ext = end;
                }
            }
            if (ext > end) {
                int firstClaimed = claimed.nextSetBit(start);
                if (firstClaimed < 0 || firstClaimed >= ext) {
                    s.add(PhiType.PHONE, start, ext, "phone.extension", 0.85);
                    claimed.set(start, ext);
                }
                i = ext;
                continue;
            }
            if (end < n && (Character.isLetter(x.charAt(end)) || x.charAt(end) == '/'
                    || x.charAt(end) == '.' && end + 1 < n && Character.isDigit(x.charAt(end + 1)))) {
                i = end;
                continue;
            }
            int firstClaimed = claimed.nextSetBit(start);
            if (firstClaimed >= 0 && firstClaimed < end) {
                i = end;
                continue;
            }
            if (digits >= 4) { // nothing below four digits is an identifier this class reports (and needs no String)
                classify(s, start, end, groups, g, digits, runDigits.toString(), dots, spaces, dashes, parens, c == '+');
            }
            i = end;
        }
    }

    /**
     * The chars {@link #clusters} can open a run at, in text order: an ASCII digit, or a '(' or '+' before a digit
     * ({@link Character#isDigit}). ASCII digits are only in number and alphanumeric tokens, '(' and '+' are
     * punctuation tokens of their own, so a pass over the tokens finds them all.
     */
    private static final class RunOpeners {
        private final Scan s;
        private final Tokens tk;
        private int t;

        RunOpeners(Scan s) {
            this.s = s;
            this.tk = s.tk;
        }

        /** The first opening char at or after {@code from}, or the text's length; {@code from} never decreases. */
        int next(int from) {
            CharSequence x = s.text;
            for (; t < tk.n; t++) {
                if ((t & 1023) == 0) {
                    s.budget.check();
                }
                int e = tk.end[t];
                if (e <= from) {
                    continue;
                }
                byte k = tk.kind[t];
                int b = tk.start[t];
                if (k == Tokens.NUM || k == Tokens.ALNUM) {
                    for (int i = Math.max(b, from); i < e; i++) {
                        char c = x.charAt(i);
                        if (c >= '0' && c <= '9') {
                            return i;
                        }
                    }
                } else if (k == Tokens.PUNCT && (tk.isPunct(t, '(') || tk.isPunct(t, '+'))
                        && b + 1 < x.length() && Character.isDigit(x.charAt(b + 1))) {
                    return b;
                }
            }
            return x.length();
        }
    }

    /** {@code ddd-ddd-dddd} (or with dots) at {@code i}, not followed by another digit. */
    private static boolean phoneShapedAt(CharSequence x, int i) {
        int n = x.length();
        if (i + 12 > n || i + 12 < n && Character.isDigit(x.charAt(i + 12))) {
            return false;
        }
        char sep = x.charAt(i + 3);
        if (sep != '-' && sep != '.' || x.charAt(i + 7) != sep) {
            return false;
        }
        for (int k = 0; k < 12; k++) {
            if (k != 3 && k != 7 && !Character.isDigit(x.charAt(i + k))) {
                return false;
            }
        }
        return true;
    }

    /** The end of a glued run of digits from {@code from}: digits, and separator runs ("-", ") ", ".") between them. */
    private static int gluedEnd(CharSequence x, int from) {
        int n = x.length();
        int end = from;
        int k = from;
        while (k < n) {
            while (k < n && Character.isDigit(x.charAt(k))) {
                k++;
            }
            end = k;
            int m = k;
            while (m < n && m - k < 2 && " .-()".indexOf(x.charAt(m)) >= 0) {
                m++;
            }
            if (m == k || m >= n || !Character.isDigit(x.charAt(m))) {
                break;
            }
            k = m;
        }
        return end;
    }

    private static final Words LABELS_AFTER = Words.of("CELL", "MOBILE", "HOME", "WORK", "OFFICE", "PAGER", "LANDLINE",
            "CELLPHONE", "MOB", "HM", "WK", "PH", "TEL", "PHONE");
    private static final Words LETTERS_AFTER = Words.of("C", "H", "W", "M");
    private static final Words CONTACT_WORDS = Words.of("SPOKE", "SPOKEN", "TALKED", "LEFT", "MESSAGE", "MSG", "VM",
            "VOICEMAIL", "ANSWERING", "REACHABLE");

    /** "555 0143 (cell)", "617 555 0199 home": the word after a number, past at most one '(', labels it a phone. */
    private static boolean labelAfter(Scan s, int end) {
        int a = s.tokenAt(end - 1) + 1;
        if (a <= 0 || a >= s.tk.n) {
            return false;
        }
        if (s.tk.isPunct(a, '(')) {
            return a + 1 < s.tk.n && (s.isAny(a + 1, LABELS_AFTER) || s.isAny(a + 1, LETTERS_AFTER));
        }
        return s.tk.kind[a] == Tokens.WORD && s.isAny(a, LABELS_AFTER);
    }

    /** "spoke with daughter Mary at 555 0143": a local number right after AT or @, in a sentence about reaching someone. */
    private static boolean atInContact(Scan s, int t) {
        int p = s.prevWord(t, 0);
        boolean at = p >= 0 && s.is(p, "AT") || t > 0 && s.tk.isPunct(t - 1, '@');
        return at && (s.before(t, 6, PHONE_CTX) || s.before(t, 6, CONTACT_WORDS));
    }

    private static final Words SSN_LABELS = Words.of("SSN", "SS", "SOCIAL", "SECURITY");
    private static final Words PHONE_LABELS = Words.of("PHONE", "PH", "TEL", "CELL", "FAX", "PAGER", "NUMBER");
    private static final Words PAGER_LABELS = Words.of("PAGER", "BEEPER", "PGR", "BEEP", "PAGE", "EXT", "EXTENSION",
            "X", "VOCERA");

    private static void classify(Scan s, int start, int end, int[] gr, int g, int digits, String ds,
                                 boolean dots, boolean spaces, boolean dashes, boolean parens, boolean plus) {
        int t = s.tokenAt(start);
        if (t < 0) {
            return;
        }
        boolean faxCtx = s.before(t, 4, FAX_CTX) || s.isAny(s.nextWord(s.tokenAt(end - 1), 1), FAX_CTX);
        boolean phoneCtx = faxCtx || s.before(t, 4, PHONE_CTX) || digits >= 7 && labelAfter(s, end);
        // SSN 123-45-6789
        if (g == 3 && gr[0] == 3 && gr[1] == 2 && gr[2] == 4 && !dots) {
            int area = Integer.parseInt(ds.substring(0, 3));
            int grp = Integer.parseInt(ds.substring(3, 5));
            int ser = Integer.parseInt(ds.substring(5));
            if (ssnValid(area, grp, ser)) {
                s.add(PhiType.SSN, start, end, "ssn.format", 0.95);
            } else {
                s.add(PhiType.OTHER_ID, start, end, "id.ssn-shaped", 0.6);
            }
            return;
        }
        if (g == 1 && digits == 9 && s.before(t, 3, SSN_LABELS)) {
            s.add(PhiType.SSN, start, end, "ssn.context", 0.9);
            return;
        }
        // credit cards
        if (digits >= 13 && digits <= 19 && (g == 1 || allFours(gr, g)) && !dots && luhn(ds)) {
            s.add(PhiType.ACCOUNT, start, end, "card.luhn", 0.9);
            return;
        }
        // 1915-2005: a span of clock times ("RESTRAINT 1915-2005"), not a phone number even after "CALLED"
        if (g == 2 && gr[0] == 4 && gr[1] == 4 && clock(ds.substring(0, 4)) && clock(ds.substring(4)) && dashes
                && !spaces && !dots && !s.before(t, 2, PHONE_LABELS)) {
            return;
        }
        // phones
        boolean phoneShape = digits == 10 && (g == 3 && gr[0] == 3 && gr[1] == 3 && gr[2] == 4 || g == 2 && gr[0] == 3 && gr[1] == 7)
                || digits == 11 && ds.charAt(0) == '1' && g == 4 && gr[0] == 1
                || digits == 7 && g == 2 && gr[0] == 3 && gr[1] == 4 && (dashes || dots
                        || spaces && ds.charAt(0) >= '2' && atInContact(s, t))
                || plus && digits >= 8 && digits <= 15;
        if (phoneShape || phoneCtx && digits >= 7 && digits <= 15 || digits == 10 && g == 1 && phoneCtx) {
            boolean possible = possibleUs(s.text, start, end, ds, plus);
            if (possible || phoneCtx && digits >= 7 || digits == 7 && phoneShape) {
                int e = extension(s, end);
                s.add(faxCtx ? PhiType.FAX : PhiType.PHONE, start, e, faxCtx ? "fax" : "phone", possible ? 0.92 : 0.8);
                return;
            }
        }
        // pager / extension numbers
        // (hospital pagers are often written 3-4417)
        if ((g == 1 || g == 2 && dashes && !dots) && digits >= 4 && digits <= 7
                && (s.before(t, 2, PAGER_LABELS)
                || pgRightBefore(s, t)
                // "paged (6-4471)"; "MD PAGED 0230" is a time
                || s.before(t, 1, "PAGED") && !(g == 1 && digits == 4 && clock(ds))
                || pageMeAt(s, t, g == 1 && digits == 4 && clock(ds)))) {
            s.add(PhiType.PHONE, start, end, "phone.pager", 0.8);
            return;
        }
        // ZIP after a state: "BOSTON, MA 02114", "ZIP 02114"
        if ((g == 1 && digits == 5 || g == 2 && gr[0] == 5 && gr[1] == 4 && dashes) && zipContext(s, t)) {
            s.add(PhiType.GEO, start, end, "zip", 0.9);
            return;
        }
        if (g == 1 && digits == 10 && npi(ds) && s.before(t, 3, "NPI")) {
            s.add(PhiType.OTHER_ID, start, end, "npi.luhn", 0.9);
            return;
        }
        // 0700-1900: a shift, not an id
        if (g == 2 && gr[0] == 4 && gr[1] == 4 && clock(ds.substring(0, 4)) && clock(ds.substring(4))) {
            return;
        }
        // any other long run of digits (ids, accession numbers) or dashed code
        if (!dots && (g == 1 && digits >= 7 || dashes && digits >= 7 && g <= 5 || spaces && digits >= 9 && phoneCtx)) {
            s.add(PhiType.OTHER_ID, start, end, "id.digits", 0.5);
        } else if (g > 5 && digits >= 12 && (dashes || parens)) {
            // numbers glued by dashes and brackets past any single identifier's shape: fail closed
            s.add(PhiType.OTHER_ID, start, end, "id.long-run", 0.5);
        }
    }

    private static final Words TUBE_ROUTE_WORDS = Words.of("VIA", "PER", "THRU", "THROUGH", "BY", "FROM", "OG", "NG",
            "NJ", "GJ", "PEG", "TUBE", "BILIOUS", "OUTPUT", "OUT", "DRAINAGE", "TO", "IN");
    private static final Words OUTPUT_WORDS = Words.of("ML", "MLS", "CC", "CCS", "L", "OUT", "OUTPUT", "DRAINAGE",
            "TOTAL", "ML/HR", "BILIOUS");

    /**
     * "Dr. Okafor pg 5521": PG right before the number is a pager, but PG is also a gastrostomy tube, so not after a
     * slash or a tube's words ("OG/PG 1500", "VIA PG 2000 ML") nor before a volume ("PG 1500 ML").
     */
    private static boolean pgRightBefore(Scan s, int t) {
        Tokens tk = s.tk;
        int p = t - 1;
        if (s.is(p, "ME") && tk.spaceOnly(p, t)) {
            p--; // "pg me 4417"
        }
        if (p < 0 || !s.is(p, "PG") || !tk.spaceOnly(p, p + 1)) {
            return false;
        }
        int q = s.prevWord(p, 0);
        int nx = t + 1;
        return !tk.isPunct(p - 1, '/') && !tk.isPunct(p - 1, '-') && (q < 0 || !s.isAny(q, TUBE_ROUTE_WORDS))
                && (nx >= tk.n || tk.nlBefore[nx] || !s.isAny(nx, OUTPUT_WORDS));
    }

    private static final Words PAGE_TARGETS = Words.of("ME", "US", "HIM", "HER", "THEM", "AT", "IS", "ON", "VIA", "TO",
            "NUMBER", "NO");

    /**
     * "page me at 2271", "beeper is #4417", "pgr: 3-8821": a pager word, then only pronouns, AT, IS, ON, VIA before the
     * number. After AT a four-digit clock time ("page me at 2230") is a time, not a pager.
     */
    private static boolean pageMeAt(Scan s, int t, boolean clockShaped) {
        int p = t;
        boolean at = false;
        for (int k = 0; k < 4; k++) {
            if (s.tk.nlBefore[p]) {
                return false; // one line
            }
            p = s.prevWord(p, 2);
            if (p < 0) {
                return false;
            }
            if (s.isAny(p, "PAGE", "PAGER", "BEEPER", "PGR", "BEEP")) {
                return !(at && clockShaped);
            }
            if (!s.isAny(p, PAGE_TARGETS)) {
                return false;
            }
            at |= s.is(p, "AT");
        }
        return false;
    }

    /**
     * The lengths at which libphonenumber finds a US number possible, asked of the library itself once per length, for
     * a number of that many digits that starts with a 2 (no prefix it strips starts with 2 to 9).
     */
    private static final boolean[] POSSIBLE_US_LENGTHS = possibleUsLengths();

    private static boolean[] possibleUsLengths() {
        boolean[] possible = new boolean[33]; // (a cluster runs 32 characters at most)
        for (int len = 1; len < possible.length; len++) {
            possible[len] = PHONES.isPossibleNumber("2" + "0".repeat(len - 1), "US");
        }
        return possible;
    }

    /**
     * libphonenumber's {@code isPossibleNumber(start..end, "US")}, without parsing where the answer is known: a cluster
     * with no '+' whose first digit is 2 to 9 has no international, country or trunk prefix (011, 1) for the library
     * to strip, so its answer depends on the count of digits alone. Parsing every cluster was a quarter of this pass.
     */
    static boolean possibleUs(CharSequence x, int start, int end, String ds, boolean plus) {
        if (!plus && ds.charAt(0) >= '2' && ds.charAt(0) <= '9' && ds.length() < POSSIBLE_US_LENGTHS.length
                && asciiDigits(ds)) {
            return POSSIBLE_US_LENGTHS[ds.length()];
        }
        return PHONES.isPossibleNumber(x.subSequence(start, end), "US");
    }

    private static boolean asciiDigits(String ds) {
        for (int i = 0; i < ds.length(); i++) {
            if (ds.charAt(i) < '0' || ds.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean clock(String hhmm) {
        int v = Integer.parseInt(hhmm);
        return v / 100 < 24 && v % 100 < 60;
    }

    private static boolean allFours(int[] gr, int g) {
        for (int i = 0; i < g - 1; i++) {
            if (gr[i] != 4 && !(i == 1 && gr[i] == 6) && !(i == 2 && gr[i] == 5)) {
                return false;
            }
        }
        return g >= 3;
    }

    private static int extension(Scan s, int end) {
        CharSequence x = s.text;
        int i = end;
        while (i < x.length() && x.charAt(i) == ' ') {
            i++;
        }
        int w = i;
        while (w < x.length() && Character.isLetter(x.charAt(w)) && w - i < 9) {
            w++;
        }
        String word = x.subSequence(i, w).toString().toUpperCase(java.util.Locale.ROOT);
        if (word.equals("X") || word.equals("EXT") || word.equals("EXTENSION")) {
            int d = w;
            while (d < x.length() && (x.charAt(d) == ' ' || x.charAt(d) == '.')) {
                d++;
            }
            int e = d;
            while (e < x.length() && Character.isDigit(x.charAt(e)) && e - d < 6) {
                e++;
            }
            if (e > d) {
                return e;
            }
        }
        return end;
    }

    private static boolean zipContext(Scan s, int t) {
        int p = s.prevWord(t, 1);
        if (p >= 0 && s.is(p, "IS")) {
            p = s.prevWord(p, 1); // "my zip code is 02114"
        }
        if (p < 0) {
            return false;
        }
        if (s.has(p, Lexicon.USPS) && s.tk.allUpper(p) && s.tk.len(p) == 2) {
            return true;
        }
        if (s.isAny(p, "ZIP", "ZIPCODE", "POSTAL", "CODE") || s.has(p, Lexicon.STATE_NAME)) {
            return !s.is(p, "CODE") || s.before(p, 1, "ZIP", "POSTAL");
        }
        return false;
    }

    /** Token t's first character folded: the first letter of its key, without reading the key. */
    private static char initial(Tokens tk, int t) {
        return Fold.fold(tk.firstChar(t));
    }

    static String fold(CharSequence c) {
        return Fold.word(c);
    }
}
