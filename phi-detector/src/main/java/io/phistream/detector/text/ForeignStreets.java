package io.phistream.detector.text;

import io.phistream.detector.PhiType;

/**
 * Street addresses written the continental European and Latin American way, which the US street rules
 * ({@code Geo.street}: a number, then the street's name, then its type) do not read:
 * <ul>
 *   <li>a compound street name, then the house number: "Königstraße 17", "Kerkstraat 112", "Storgatan 8",
 *   "Friedrichstr. 123", "Bahnhofstrasse 3a";</li>
 *   <li>the street's type first, its name, then the number: "Calle Mayor 23", "Via Roma 10", "Avenida da Liberdade
 *   110", "ul. Długa 44";</li>
 *   <li>the number, the type, then the name: "45 Rue de Rivoli", "12 bis Boulevard Voltaire".</li>
 * </ul>
 * A postal code and town right after such a street ("…, 70173 Stuttgart", "…, 1017 GC Amsterdam") go with it. Without
 * these, a foreign patient's or relative's house number and postal code stood in the text while the words around them
 * were redacted.
 */
final class ForeignStreets {
    private ForeignStreets() {
    }

    /**
     * Endings of compound street names (German, Dutch, Scandinavian, Finnish, Hungarian), folded as keys are: ß is S,
     * so "STRASE" is "-straße". Endings that end English words too ("-ring", "-tie") are left out.
     */
    private static final String[] COMPOUND_ENDINGS = {"STRASSE", "STRASE", "STR", "WEG", "GASSE", "PLATZ", "ALLEE",
        "DAMM", "UFER", "CHAUSSEE", "STRAAT", "LAAN", "GRACHT", "PLEIN", "KADE", "SINGEL", "GATAN", "GATA", "VAGEN",
        "VEIEN", "VEGEN", "VEJ", "GADE", "KATU", "UTCA"};

    /** A street's type written before its name, in words no English sentence uses alone. */
    private static final Words TYPE_FIRST = Words.of("CALLE", "AVENIDA", "AVDA", "RUA", "PASEO", "CARRER", "PIAZZA",
            "VIALE", "ULICA", "STRADA", "CARRERA", "PRACA", "ALAMEDA", "TRAVESSA", "RONDA", "CALLEJON",
            "AVINGUDA", "PIAZZALE", "LUNGOMARE", "COL"); // (COL only as "Col.", a Mexican colonia: see typeFirst)
    /**
     * The same in words English or clinical text also has ("via EMS", "Camino ICP 4-9", "largo"): only in a text that
     * uses case, with names written "Xxxx" after.
     */
    private static final Words TYPE_FIRST_WEAK = Words.of("VIA", "PLAZA", "CORSO", "LARGO", "UL", "CAMINO");

    /** A French street's type, after its number: "45 Rue de Rivoli". */
    private static final Words FRENCH_TYPES = Words.of("RUE", "BOULEVARD", "BD", "CHEMIN", "IMPASSE", "QUAI", "ALLEE",
            "AVENUE", "PLACE", "COURS", "ROUTE");

    /** Words joining a street's name: "Avenida da Liberdade", "Rue de la Paix", "Via dei Mille". */
    private static final Words PARTICLES = Words.of("DE", "DEL", "DELLA", "DELLE", "DEI", "DEGLI", "DI", "DA", "DO",
            "DOS", "DAS", "LA", "LAS", "LOS", "LE", "LES", "DU", "DES", "L", "D", "SAN", "SANTA", "SANTO", "SAO", "Y",
            "E");

    /** Either list of types written first: one look turns away nearly every word. */
    private static final Words ANY_TYPE_FIRST = Words.union(TYPE_FIRST, TYPE_FIRST_WEAK);

    static void detect(Scan s) {
        Tokens tk = s.tk;
        for (int t = 0; t < tk.n; t++) {
            if ((t & 511) == 0) {
                s.budget.check();
            }
            int end = -1;
            int first = t;
            if (tk.kind[t] == Tokens.WORD) {
                end = compound(s, t);
                if (end >= 0) {
                    first = namePartsBefore(s, t);
                } else {
                    end = typeFirst(s, t);
                }
            } else if (tk.kind[t] == Tokens.NUM) {
                end = french(s, t);
            }
            if (end < 0 && tk.kind[t] == Tokens.ALNUM && tk.len(t) <= 4) {
                int code = britishOrCanadianPostcode(s, t);
                if (code > t) {
                    s.addTokens(PhiType.GEO, t, code, "zip.uk-ca", 0.85);
                    t = code;
                    continue;
                }
            }
            if (end < 0 && tk.kind[t] == Tokens.NUM && tk.len(t) == 5) {
                int town = codeAndTown(s, t);
                if (town > t) {
                    s.addTokens(PhiType.GEO, t, town, "geo.postal-town", 0.8);
                    Geo.claim(s, tk.start[t], tk.end[town]);
                    t = town;
                    continue;
                }
            }
            if (end < 0 && tk.kind[t] == Tokens.WORD && tk.len(t) <= 3) {
                int code = labelledPostalCode(s, t);
                if (code > t) {
                    boolean suffix = tk.isPunct(code + 1, '-') && code + 2 < tk.n && tk.kind[code + 2] == Tokens.NUM
                            && tk.adjacent(code + 1, code + 2); // "CEP 01310-100"
                    s.addTokens(PhiType.GEO, code, suffix ? code + 2 : code, "zip.labelled", 0.85);
                    t = code;
                    continue;
                }
            }
            if (end >= 0) {
                s.addTokens(PhiType.GEO, first, end, "street.foreign", 0.85);
                Geo.claim(s, tk.start[first], tk.end[end]);
                int town = postalTown(s, end);
                if (town > end) {
                    int from = tk.isPunct(end + 1, ',') ? end + 2 : end + 1;
                    s.addTokens(PhiType.GEO, from, town, "geo.postal-town", 0.8);
                    Geo.claim(s, tk.start[from], tk.end[town]); // ("Zürich", "Lisboa" are also given names)
                    end = town;
                }
                t = end;
            }
        }
    }

    /** "Königstraße 17", "Friedrichstr. 123": the last token of street and number, or -1. */
    private static int compound(Scan s, int t) {
        Tokens tk = s.tk;
        if (tk.len(t) < 6 || s.has(t, Lexicon.COMMON | Lexicon.CLINICAL)) {
            return -1;
        }
        String ending = null;
        for (String e : COMPOUND_ENDINGS) {
            if (endsWith(tk, t, e)) {
                ending = e;
                break;
            }
        }
        if (ending == null) {
            return -1;
        }
        int u = t + 1;
        if (tk.isPunct(u, '.') && tk.adjacent(t, u)) {
            u++; // "Friedrichstr. 123"
        } else if (ending.equals("STR")) {
            return -1; // an abbreviation only with its full stop: "-str" ends other words
        }
        return houseNumber(s, u);
    }

    /**
     * "CP 03940", "C.P. 28014", "PLZ 70173", "CEP 01310-100": a postal code after its label in Spanish, German or
     * Portuguese; the code's token, or -1. Five digits only: "CP" is also chest pain or cerebral palsy in English.
     */
    private static int labelledPostalCode(Scan s, int t) {
        Tokens tk = s.tk;
        int u;
        if (s.isAny(t, POSTAL_LABELS)) {
            u = t + 1;
        } else if (s.is(t, "C") && tk.isPunct(t + 1, '.') && s.is(t + 2, "P") && tk.isPunct(t + 3, '.')) {
            u = t + 4;
        } else {
            return -1;
        }
        if (u >= tk.n || tk.nlBefore[u] || tk.kind[u] != Tokens.NUM || tk.len(u) != 5
                || u + 1 < tk.n && tk.adjacent(u, u + 1) && !tk.isPunct(u + 1, '-') && tk.kind[u + 1] != Tokens.PUNCT) {
            return -1;
        }
        return u;
    }

    private static final Words POSTAL_LABELS = Words.of("CP", "PLZ", "CEP");

    /**
     * "SW1A 2AA", "M1 1AE" (British), "K1A 0B6", "H7N 3K2" (Canadian): the outward code and the inward code, both in
     * capitals; the inward code's token, or -1. Their shapes are the postcodes' own: no clinical shorthand writes a
     * digit and two capitals after a letter-digit group.
     */
    private static int britishOrCanadianPostcode(Scan s, int t) {
        Tokens tk = s.tk;
        int u = t + 1;
        if (u >= tk.n || tk.nlBefore[u] || !tk.spaceOnly(t, u) || tk.kind[u] != Tokens.ALNUM || tk.len(u) != 3
                || t > 0 && tk.adjacent(t - 1, t) && tk.kind[t - 1] != Tokens.PUNCT
                || u + 1 < tk.n && tk.adjacent(u, u + 1) && tk.kind[u + 1] != Tokens.PUNCT) {
            return -1;
        }
        String out = s.text.subSequence(tk.start[t], tk.end[t]).toString();
        String in = s.text.subSequence(tk.start[u], tk.end[u]).toString();
        boolean british = BRITISH_OUTWARD.matcher(out).matches() && BRITISH_INWARD.matcher(in).matches()
                && !ORDINAL_ENDINGS.contains(in.substring(1)); // "Q8 1ST DOSE": a dosing interval and an ordinal
        boolean canadian = CANADIAN_HALF.matcher(out).matches() && CANADIAN_INWARD.matcher(in).matches();
        return british || canadian ? u : -1;
    }

    private static final java.util.Set<String> ORDINAL_ENDINGS = java.util.Set.of("ST", "ND", "RD", "TH");

    // (RE2/J: linear time whatever the input; these run only on two short tokens)
    private static final com.google.re2j.Pattern BRITISH_OUTWARD = com.google.re2j.Pattern.compile(
            "[A-Z]{1,2}[0-9][A-Z0-9]?");
    private static final com.google.re2j.Pattern BRITISH_INWARD = com.google.re2j.Pattern.compile("[0-9][A-Z]{2}");
    private static final com.google.re2j.Pattern CANADIAN_HALF = com.google.re2j.Pattern.compile("[A-Z][0-9][A-Z]");
    private static final com.google.re2j.Pattern CANADIAN_INWARD = com.google.re2j.Pattern.compile("[0-9][A-Z][0-9]");

    /**
     * ", 28014 Madrid", ", 03940 Ciudad de México": five digits after a comma and a town's word or two after them, where
     * no street was read before (a unit between: "Calle de Alcalá 45, 3º izq., 28014 Madrid"); the town's last token,
     * or -1.
     */
    private static int codeAndTown(Scan s, int t) {
        Tokens tk = s.tk;
        int u = t + 1;
        if (t == 0 || !tk.isPunct(t - 1, ',') || u >= tk.n || tk.nlBefore[u] || tk.kind[u] != Tokens.WORD
                || !town(s, u) || !tk.spaceOnly(t, u)
                || s.has(u, Lexicon.COMMON) && !s.has(u, Lexicon.PLACE_START)) { // ", 10000 Units heparin"
            return -1;
        }
        int last = u;
        if (u + 1 < tk.n && !tk.nlBefore[u + 1] && tk.kind[u + 1] == Tokens.WORD && town(s, u + 1)) {
            last = u + 1;
        } else if (u + 2 < tk.n && s.isAny(u + 1, PARTICLES) && tk.kind[u + 2] == Tokens.WORD && town(s, u + 2)
                && !tk.nlBefore[u + 2]) {
            last = u + 2; // "Ciudad de México"
        }
        return last;
    }

    /** Whether token t's folded chars end in {@code e} after three more (read in place: no key is made). */
    private static boolean endsWith(Tokens tk, int t, String e) {
        int from = tk.end[t] - e.length();
        if (from - tk.start[t] < 3) {
            return false;
        }
        for (int i = e.length() - 1; i >= 0; i--) {
            if (tk.folded[from + i] != e.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Words of a compound street's name before it: "Obere Bahnhofstrasse", "Carry van Bruggenweg"; the first token. */
    private static int namePartsBefore(Scan s, int t) {
        Tokens tk = s.tk;
        int first = t;
        for (int u = t - 1; u >= 0 && u >= t - 3 && tk.kind[u] == Tokens.WORD && !tk.nlBefore[first]; u--) {
            if (s.isAny(u, NAME_PARTICLES)) {
                first = u;
            } else if (!tk.caseBlind(u) && tk.capitalized(u) && tk.len(u) >= 3
                    && !s.has(u, Lexicon.CLINICAL | Lexicon.TITLE | Lexicon.STOP)
                    && (!s.has(u, Lexicon.COMMON) || s.isAny(first, NAME_PARTICLES))) { // ("Carry van Bruggenweg")
                first = u;
            } else {
                break;
            }
        }
        return first;
    }

    /** Particles inside Dutch and German street names: "Carry van Bruggenweg", "Sterre der Zeestraat", "Am Markt". */
    private static final Words NAME_PARTICLES = Words.of("VAN", "DE", "DER", "DEN", "HET", "TER", "TEN", "AM", "AN",
            "AUF", "IM", "ZUR", "ZUM", "VON");

    /** "Calle Mayor 23", "Via Roma 10", "ul. Długa 44": type, one to four name words, number; last token or -1. */
    private static int typeFirst(Scan s, int t) {
        Tokens tk = s.tk;
        if (!s.isAny(t, ANY_TYPE_FIRST)) {
            return -1;
        }
        boolean strong = s.isAny(t, TYPE_FIRST);
        if (!strong && (tk.caseBlind(t) || !s.isAny(t, TYPE_FIRST_WEAK))) {
            return -1;
        }
        int u = t + 1;
        if ((s.is(t, "UL") || s.is(t, "COL")) && !(tk.isPunct(u, '.') && tk.adjacent(t, u))) {
            return -1; // the abbreviations have their full stop: "ul. Długa", a Mexican colonia's "Col. Roma Norte"
        }
        if (tk.isPunct(u, '.')) {
            u++;
        }
        int names = 0;
        while (u < tk.n && !tk.nlBefore[u] && tk.kind[u] == Tokens.WORD && names < 4) {
            if (!s.isAny(u, PARTICLES)) {
                if (!strong && !(tk.capitalized(u) && tk.len(u) >= 3 && !s.has(u, Lexicon.COMMON | Lexicon.CLINICAL))) {
                    return -1;
                }
                names++;
            }
            u++;
        }
        if (names == 0) {
            return -1;
        }
        if (tk.isPunct(u, ',') && u + 1 < tk.n && tk.kind[u + 1] == Tokens.NUM) {
            u++; // "Calle Mayor, 23"
        }
        if (!strong && u < tk.n && tk.clockTime(u)) {
            return -1; // "here via Wiregrass LifeFlight 2040": an arrival's time
        }
        return houseNumber(s, u);
    }

    /** "45 Rue de Rivoli", "12 bis Boulevard Voltaire": number, type, name; the last token or -1. */
    private static int french(Scan s, int t) {
        Tokens tk = s.tk;
        if (tk.len(t) > 4 || t + 1 >= tk.n || tk.kind[t + 1] != Tokens.WORD
                || t > 0 && tk.adjacent(t - 1, t) && tk.kind[t - 1] != Tokens.PUNCT) {
            return -1;
        }
        int u = t + 1;
        if (s.isAny(u, BIS_TER)) {
            u++;
        }
        if (u >= tk.n || tk.nlBefore[u] || !s.isAny(u, FRENCH_TYPES)) {
            return -1;
        }
        u++;
        int last = -1;
        boolean particle = false;
        for (int names = 0; u < tk.n && !tk.nlBefore[u] && names < 4; u++) {
            if (tk.kind[u] == Tokens.PUNCT && (tk.isPunct(u, '\'') || tk.isPunct(u, '-')) && tk.adjacent(u - 1, u)) {
                continue; // "l'Opéra", "Saint-Honoré"
            }
            if (tk.kind[u] != Tokens.WORD) {
                break;
            }
            if (s.isAny(u, PARTICLES)) {
                particle = true;
                continue;
            }
            if (!properName(s, u)) {
                break;
            }
            last = u;
            names++;
        }
        if (last >= 0 && u < tk.n && !tk.nlBefore[u] && s.has(u, Lexicon.SUFFIX)) {
            last = u; // an English type after the name: "20 Rue Hsine Eloued St."
        }
        // a particle or a name no English word spells: "2 place de la gare", not "2 route changes"
        return last >= 0 && (particle || !s.has(last, Lexicon.COMMON)) ? last : -1;
    }

    private static final Words BIS_TER = Words.of("BIS", "TER");

    /**
     * A word that can name a street: written with a capital in a text that uses case ("Roma", "Voltaire"), or, where
     * case tells nothing, no common English or clinical word.
     */
    private static boolean properName(Scan s, int u) {
        Tokens tk = s.tk;
        if (s.has(u, Lexicon.CLINICAL)) {
            return false;
        }
        return tk.caseBlind(u) ? !s.has(u, Lexicon.COMMON) : Character.isUpperCase(tk.firstChar(u));
    }

    /**
     * A house number at u: one to four digits, maybe a letter glued ("3a", "12B") or a range ("12-14", "5/7"); the last
     * token, or -1. Not a measure or a time: "Platz 3 mg" reads no address, nor does "12:30".
     */
    private static int houseNumber(Scan s, int u) {
        Tokens tk = s.tk;
        if (u >= tk.n || tk.nlBefore[u] || !digitFirst(tk, u) || tk.len(u) > 5) {
            return -1;
        }
        int last = u;
        if ((tk.isPunct(u + 1, '-') || tk.isPunct(u + 1, '/')) && tk.adjacent(u, u + 1) && u + 2 < tk.n
                && tk.adjacent(u + 1, u + 2) && digitFirst(tk, u + 2) && tk.len(u + 2) <= 4) {
            if (tk.len(u) == 4 && tk.len(u + 2) == 4
                    || tk.isPunct(u + 1, '/') && tk.len(u) <= 2 && tk.len(u + 2) <= 2) {
                return -1; // a time's range ("0930-1230") or a date ("3/9")
            }
            last = u + 2;
        }
        if (last + 1 < tk.n && tk.adjacent(last, last + 1) && (tk.isPunct(last + 1, ':') || tk.isPunct(last + 1, '%'))
                || last + 1 < tk.n && !tk.nlBefore[last + 1] && s.isAny(last + 1, MEASURES)) {
            return -1;
        }
        return last;
    }

    /**
     * A town's word after a street: four letters or more, no clinical word; "Xxxx" where case tells, or in capitals (an
     * address block's "AALBORG") or where case tells nothing, no common word.
     */
    private static boolean town(Scan s, int v) {
        Tokens tk = s.tk;
        return tk.len(v) >= 4 && !s.has(v, Lexicon.CLINICAL | Lexicon.STOP | Lexicon.UNIT | Lexicon.SUFFIX)
                && (tk.caseBlind(v) || tk.allUpper(v) ? !s.has(v, Lexicon.COMMON) : tk.capitalized(v));
    }

    /** Units and counts after a number: "Platz 3 mg" is a dose. */
    private static final Words MEASURES = Words.of("MG", "MCG", "ML", "L", "G", "KG", "CM", "MM", "MMHG", "MIN", "MINS",
            "H", "HR", "HRS", "X", "TIMES", "UNITS", "PERCENT", "LPM", "BPM", "MEQ", "MMOL", "DAYS", "WEEKS");

    private static boolean digitFirst(Tokens tk, int u) {
        return tk.kind[u] == Tokens.NUM || tk.kind[u] == Tokens.ALNUM && Character.isDigit(tk.firstChar(u));
    }

    /**
     * ", 70173 Stuttgart", ", 1017 GC Amsterdam", ", Stockholm": a postal code of four or five digits (a Dutch one's
     * two letters after it) and the town's word, or the town alone, after a street and a comma; the last token, or -1.
     */
    private static int postalTown(Scan s, int end) {
        Tokens tk = s.tk;
        int u = end + 1;
        if (u < tk.n && tk.kind[u] == Tokens.WORD) {
            // no comma: "Mellemvej 32 Aalborg"; or on the next line of an address block, alone or before a comma or a
            // number: "Brucknerweg 141⏎Haldenstein 76216"
            if (!town(s, u) || tk.nlBefore[u] && s.has(u, Lexicon.COMMON)) {
                return -1;
            }
            return u + 1 < tk.n && !tk.nlBefore[u + 1] && tk.kind[u + 1] == Tokens.WORD && town(s, u + 1) ? u + 1 : u;
        }
        if (!tk.isPunct(u, ',') || u + 1 >= tk.n || tk.nlBefore[u + 1]) {
            return -1;
        }
        if (tk.kind[u + 1] == Tokens.WORD) {
            // the town alone: "Storgatan 8, Stockholm"
            return town(s, u + 1) ? u + 1 : -1;
        }
        if (u + 2 >= tk.n || tk.kind[u + 1] != Tokens.NUM || tk.len(u + 1) < 4 || tk.len(u + 1) > 5) {
            return -1;
        }
        int v = u + 2;
        if (tk.kind[v] == Tokens.WORD && tk.len(v) == 2 && tk.allUpper(v) && v + 1 < tk.n
                && tk.kind[v + 1] == Tokens.WORD) {
            v++; // "1017 GC Amsterdam"
        }
        if (tk.kind[v] != Tokens.WORD || tk.nlBefore[v] || !town(s, v)) {
            return u + 1; // the code alone
        }
        return v;
    }
}
