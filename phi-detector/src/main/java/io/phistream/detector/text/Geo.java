package io.phistream.detector.text;

import static io.phistream.detector.text.Lexicon.CLINICAL;
import static io.phistream.detector.text.Lexicon.COMMON;
import static io.phistream.detector.text.Lexicon.DIRECTION;
import static io.phistream.detector.text.Lexicon.NAME_LISTED;
import static io.phistream.detector.text.Lexicon.ORDINAL;
import static io.phistream.detector.text.Lexicon.STOP;
import static io.phistream.detector.text.Lexicon.STREET_NAME;
import static io.phistream.detector.text.Lexicon.SUFFIX;
import static io.phistream.detector.text.Lexicon.SUFFIX_WEAK;
import static io.phistream.detector.text.Lexicon.UNIT;

import io.phistream.detector.PhiType;
import java.util.HashSet;
import java.util.Set;

/**
 * Geographic subdivisions below a state: street addresses (house number + name + suffix, PO boxes,
 * unit numbers; the European and Latin American orders in {@link ForeignStreets}), cities, towns and
 * counties from the Census gazetteer, and hospitals and other facilities (CMS/HIFLD names and the "... Hospital /
 * Medical Center / Rehab" pattern). States are not PHI under Safe Harbor and are never reported; they serve as
 * context for ZIPs and cities.
 */
final class Geo {
    private Geo() {
    }

    static void detect(Scan s) {
        Tokens tk = s.tk;
        int skip = -1;
        for (int t = 0; t < tk.n; t++) {
            if ((t & 511) == 0) {
                s.budget.check();
            }
            if (t < skip) {
                continue;
            }
            int e = -1;
            if (tk.kind[t] == Tokens.NUM || tk.kind[t] == Tokens.ALNUM && Character.isDigit(tk.firstChar(t))) {
                e = street(s, t);
                if (e < 0 && tk.kind[t] == Tokens.ALNUM) {
                    e = ordinalStreet(s, t); // "ON 10TH AVE", "OFF 64TH AVE": a numbered street's name alone
                }
            } else if (tk.kind[t] == Tokens.WORD) {
                // cheap test first: the rules gated on it below read a town or a facility only after one of these
                // words on t's line, so one look at the word before serves them all (and all of them are words: the
                // kind turns away punctuation and numbers before the list is asked)
                boolean cue = !tk.nlBefore[t] && tk.kind[t - 1] == Tokens.WORD && s.isAny(t - 1, CUES_BEFORE);
                // cheap test first: the rules gated on it below read nothing unless t is one of their words
                boolean opening = s.isAny(t, OPENING_WORDS);
                if (s.has(t, Lexicon.TRIGGER)) {
                    e = poBox(s, t);
                    if (e < 0) {
                        e = apartment(s, t);
                    }
                }
                if (e < 0 && opening) {
                    e = ruralRoute(s, t);
                }
                if (e < 0 && opening) {
                    e = mileMarker(s, t);
                }
                if (e < 0 && opening) {
                    e = landDescription(s, t);
                }
                if (e < 0 && opening) {
                    e = highwayNoNumber(s, t); // before streets: "County Road 1340" is one highway, number and all
                }
                if (e < 0 && (opening || tk.len(t) == 2 && tk.isPunct(t + 1, '-'))) {
                    e = routeAfterPreposition(s, t); // (a route's word, or a state's code and a dash: "KY-15")
                }
                if (e < 0 && tk.len(t) == 1) {
                    e = interstate(s, t);
                }
                if (e < 0 && cue) {
                    e = programAfterVerb(s, t); // before the lexicons: "intake at Pinecrest Recovery" is one name
                }
                if (e < 0 && tk.len(t) == 2) {
                    e = compassHospital(s, t); // (NE, SW...: its first test)
                }
                if (e < 0 && opening) {
                    e = fort(s, t);
                }
                if (e < 0 && cue) {
                    e = stayedAt(s, t);
                }
                if (e < 0 && tk.len(t) >= 4) {
                    e = unlistedEmergency(s, t);
                }
                if (e < 0 && cue) {
                    e = townAfterArrival(s, t); // before hospitals: "in from Denver" is a town, not a hospital's word
                }
                if (e < 0 && (cue || !tk.nlBefore[t] && tk.isPunct(t - 1, '('))) {
                    e = townBeforeState(s, t);
                }
                if (e < 0 && cue) {
                    e = townAfterAgeAndSex(s, t);
                }
                if (e < 0) {
                    e = hospitalLexicon(s, t);
                }
                if (e < 0 && opening) {
                    e = saint(s, t);
                }
                boolean acronym = e < 0 && acronymCandidate(s, t); // (both acronym rules' first test)
                if (acronym) {
                    e = acronymFacility(s, t);
                }
                if (e < 0 && acronym) {
                    e = acronymOnHeaderLine(s, t);
                }
                if (e < 0 && cue) {
                    e = residentialStreet(s, t); // before towns: "LIVES ON HIGHLAND ST" is a street
                }
                if (e < 0) {
                    e = streetNoNumber(s, t); // before towns: "on Mulberry St", "Cranston Rd" name streets
                }
                if (e < 0 && cue) {
                    e = district(s, t);
                }
                if (e < 0 && cue) {
                    e = townOfAnErrand(s, t);
                }
                if (e < 0) {
                    e = townBeforeAuthority(s, t);
                }
                if (e < 0) {
                    e = place(s, t, cue);
                }
            }
            if (e > t) {
                skip = e;
            }
        }
        facilities(s);
        practices(s);
        labelledFacilities(s);
        acronymsOfPlaces(s);
        placesInParenthesesAfterTowns(s);
        ForeignStreets.detect(s);
        dropClaimedNames(s);
    }

    /** Words that close the name of an area (a valley, a neighbourhood) rather than a role or a remark. */
    private static final Words AREA_WORDS = Words.of("VALLEY", "HEIGHTS", "PARK", "VILLAGE", "POINT", "SIDE", "HILL",
        "HILLS", "YARDS", "CORNER", "CORNERS", "BEACH", "SPRINGS", "FALLS", "FLATS", "BOTTOM", "BOTTOMS", "RIDGE",
        "COVE", "HOLLOW", "PRAIRIE", "BASIN", "MESA", "CANYON", "HARBOR", "HARBOUR", "ISLAND", "KEY", "KEYS", "BAY",
        "LAKES", "RESERVATION", "RANCHERIA", "PUEBLO", "COUNTY", "PARISH", "TOWNSHIP", "BOROUGH", "DISTRICT", "WARD");

    /**
     * "DRIVING FROM TWISP (METHOW VALLEY)": words in parentheses right after a town, closed by an area's word, name
     * its valley or area (not "(MPOA)", "(WINTERS)", "(Scotland)": a role, a remark, a country).
     */
    private static void placesInParenthesesAfterTowns(Scan s) {
        Tokens tk = s.tk;
        int found = s.found.size();
        for (int i = 0; i < found; i++) {
            PhiSpan sp = s.found.get(i);
            if (sp.type() != PhiType.GEO || !sp.rule().startsWith("geo.") || sp.rule().equals("geo.county")) {
                continue;
            }
            int last = s.tokenAt(sp.end() - 1);
            if (last < 0 || last + 1 >= tk.n || !tk.isPunct(last + 1, '(')) {
                continue;
            }
            int close = last + 2;
            while (close < tk.n && close - last < 7 && tk.kind[close] == Tokens.WORD) {
                close++;
            }
            if (close < tk.n && tk.isPunct(close, ')') && close - 1 > last + 1 && s.isAny(close - 1, AREA_WORDS)) {
                placeInParentheses(s, last);
            }
        }
    }

    /**
     * "Elm City Presbyterian (ECP)", "NARROWS BAY MED CTR (NBMC)": an acronym in parentheses right after a place whose
     * words' initials spell it names the same place, there and wherever else it stands alone in the note.
     */
    private static void acronymsOfPlaces(Scan s) {
        Tokens tk = s.tk;
        Set<String> acronyms = null;
        int found = s.found.size();
        for (int i = 0; i < found; i++) {
            PhiSpan sp = s.found.get(i);
            if (sp.type() != PhiType.GEO) {
                continue;
            }
            int last = s.tokenAt(sp.end() - 1);
            // the place's name may go on past the span ("Elm City Presbyterian (ECP)": the town was found)
            int open = last + 1;
            while (open < tk.n && open - last <= 3 && tk.kind[open] == Tokens.WORD && tk.spaceOnly(open - 1, open)
                    && (tk.upperDoc || tk.capitalized(open))) {
                open++;
            }
            int a = open + 1;
            if (last < 0 || !tk.isPunct(open, '(') || a + 1 >= tk.n || tk.kind[a] != Tokens.WORD
                    || !tk.isPunct(a + 1, ')') || tk.len(a) < 2 || tk.len(a) > 6 || !tk.allUpper(a)) {
                continue;
            }
            StringBuilder initials = new StringBuilder();
            int first = s.tokenAt(sp.start());
            for (int u = first; u < open; u++) {
                if (tk.kind[u] == Tokens.WORD) {
                    initials.append(Character.toUpperCase(tk.firstChar(u)));
                }
            }
            String acronym = s.key(a);
            if (initials.toString().equals(acronym) || initials.toString().startsWith(acronym) && acronym.length() >= 3) {
                if (open > last + 1) {
                    s.add(PhiType.GEO, tk.start[first], tk.end[open - 1], "facility.acronym", 0.8);
                }
                if (acronyms == null) {
                    acronyms = new HashSet<>();
                }
                acronyms.add(acronym);
            }
        }
        if (acronyms == null) {
            return;
        }
        for (int t = 0; t < tk.n; t++) {
            if (tk.kind[t] == Tokens.WORD && tk.allUpper(t) && acronyms.contains(s.key(t))) {
                s.add(PhiType.GEO, tk.start[t], tk.end[t], "facility.acronym", 0.8);
            }
        }
    }

    /** Words that describe a kind of practice or service before a specialty, never its name. */
    private static final Words PRACTICE_KINDS = Words.of("INTERVENTIONAL", "GENERAL", "ADULT",
        "OUTPATIENT", "INPATIENT", "INVASIVE", "NONINVASIVE", "NON", "CONSULT", "CONSULTING", "PREVENTIVE", "CLINICAL",
        "NUCLEAR", "ADVANCED", "STRUCTURAL", "CONGENITAL", "COMPREHENSIVE", "ACADEMIC", "DIVISION", "DEPARTMENT", "DEPT",
        "SECTION", "SERVICE", "OFFICE", "FELLOW", "ATTENDING", "TEAM", "NEW", "FOLLOW", "VISIT", "NOTE", "PROGRESS",
        "INITIAL", "REFERRAL", "URGENT", "EMERGENCY", "GERIATRIC", "INTEGRATIVE", "SPORTS", "MEDICAL", "SURGICAL",
        "PEDIATRIC", "REPRODUCTIVE", "GYNECOLOGIC", "RADIATION", "HEMATOLOGY", "MEDICINE", "FAMILY", "INTERNAL",
        "PRIMARY", "CARE", "BEHAVIORAL", "MENTAL", "HEALTH", "IMAGING", "SLEEP", "THE", "A", "AN", "OUR", "YOUR", "HIS",
        "HER", "THEIR", "AT", "WITH", "TO", "FROM", "BY", "IN", "OF", "AND", "FOR", "ON", "PER", "SEE", "SEEN", "CALL",
        "CALLED", "CONTACT", "REFER", "REFERRED", "SCHEDULED", "FOLLOWS", "FU", "RTC", "APPT", "APPOINTMENT");

    /**
     * "Dr. X at First State Orthopaedics", "Cape Henlopen Cardiology, 7/23/24", a header line "RED LION HEART &
     * VASCULAR": one to three proper words before a specialty (-ology, -iatrics, orthopaedics, heart & vascular) name a
     * practice where a patient is sent (after at/with/to/from/by), in a comma-set citation, or alone on a header line.
     * A specialty with only service words before it ("Internal Medicine Clinic", "Pediatric Cardiology") is a
     * department, not a facility.
     */
    private static void practices(Scan s) {
        Tokens tk = s.tk;
        for (int h = 1; h < tk.n; h++) {
            // cheap test first: VASCULAR and every practice head (see practiceHead) have seven letters or more
            if (tk.len(h) < 7 || tk.kind[h] != Tokens.WORD || tk.nlBefore[h]) {
                continue;
            }
            int first = h;
            if (s.is(h, "VASCULAR") && s.is(h - 2, "HEART") && (tk.isPunct(h - 1, '&') || s.is(h - 1, "AND"))) {
                first = h - 2;
            } else if (!tk.upperDoc && !tk.capitalized(h) && !tk.allUpper(h) || !practiceHead(s, h)) {
                continue;
            }
            int u = first - 1;
            while (u >= 0 && first - u <= 2 && tk.kind[u] == Tokens.WORD && !tk.nlBefore[u + 1] && tk.spaceOnly(u, u + 1)
                    && practiceModifier(s, u)) {
                u--;
            }
            int named = u + 1;
            int start = named;
            while (u >= 0 && named - u <= 3 && tk.kind[u] == Tokens.WORD && !tk.nlBefore[u + 1] && tk.spaceOnly(u, u + 1)
                    && practiceNameWord(s, u)) {
                start = u--;
            }
            if (start == named || geoCovers(s, tk.start[start], tk.end[h])) {
                continue;
            }
            int p = start - 1;
            int nx = h + 1;
            boolean sent = p >= 0 && !tk.nlBefore[start] && s.isAny(p, "AT", "WITH", "TO", "FROM", "BY");
            boolean cited = tk.isPunct(p, ',') && !tk.nlBefore[start] && (nx >= tk.n || tk.isPunct(nx, ',') || tk.isPunct(nx, ';')
                    || tk.isPunct(nx, ')') || tk.nlBefore[nx]);
            // a header line ends with the name, a column gap, or a spaced dash before the document's title
            boolean header = (p < 0 || tk.nlBefore[start]) && (nx >= tk.n || tk.nlBefore[nx] || columnGap(s, h, nx)
                    || tk.isPunct(nx, '-') && !tk.adjacent(h, nx) && nx + 1 < tk.n && !tk.adjacent(nx, nx + 1)
                    // "Hill Country Oncology, Fredericksburg": the practice, then its town
                    || tk.isPunct(nx, ',') && nx + 1 < tk.n && !tk.nlBefore[nx + 1] && tk.kind[nx + 1] == Tokens.WORD
                    && (tk.upperDoc || tk.capitalized(nx + 1))
                    // "Headland Family Medicine, 22 Church St": a letterhead, then its street address
                    || tk.isPunct(nx, ',') && nx + 1 < tk.n && !tk.nlBefore[nx + 1] && tk.kind[nx + 1] == Tokens.NUM);
            if (!sent && !cited && !header) {
                continue;
            }
            s.addTokens(PhiType.GEO, start, h, "facility.practice", 0.8);
            claim(s, tk.start[start], tk.end[h]);
            int town = townAfterFacility(s, h);
            h = Math.max(h, town);
        }
    }

    /** A place already found over any part of start..end. */
    private static boolean geoCovers(Scan s, int start, int end) {
        for (PhiSpan p : s.found) {
            if (p.type() == PhiType.GEO && p.start() < end && p.end() > start) {
                return true;
            }
        }
        return false;
    }

    private static boolean practiceHead(Scan s, int t) {
        Tokens tk = s.tk;
        // cheap tests first: every head has seven letters or more, and its key ends in GY, HY, RY (-OLOGY, -OGRAPHY,
        // PODIATRY, PSYCHIATRY), CS (-IATRICS, -PEDICS, -PAEDICS) or NE (MEDICINE); a word's key is its folded chars
        // less apostrophes (a word never ends in one), at hand in tk.folded where the key may not be (an apostrophe
        // before the last char leaves the test to the key)
        if (tk.len(t) < 7) {
            return false;
        }
        char z = tk.folded[tk.end[t] - 1];
        char y = tk.folded[tk.end[t] - 2];
        if (z != 'Y' && z != 'S' && z != 'E' || y != '\'' && (z == 'Y' ? y != 'G' && y != 'H' && y != 'R'
                : z == 'S' ? y != 'C' : y != 'N')) {
            return false;
        }
        String k = s.key(t);
        return k.length() > 6 && (k.endsWith("OLOGY") || k.endsWith("IATRICS") || k.endsWith("PEDICS")
                || k.endsWith("PAEDICS") || k.endsWith("OGRAPHY")) || s.isAny(t, "PODIATRY", "PSYCHIATRY")
                || s.is(t, "MEDICINE") && s.isAny(t - 1, "INTERNAL", "FAMILY", "SPORTS", "INTEGRATIVE", "SLEEP");
    }

    private static final Words PRACTICE_MODIFIERS = Words.of("INTERNAL", "FAMILY", "GENERAL", "INTERVENTIONAL",
            "PEDIATRIC", "ADULT", "SPORTS", "MOBILE", "INTEGRATIVE", "BEHAVIORAL", "DIAGNOSTIC", "REGIONAL",
            "COMMUNITY");

    /** Words that say what kind of practice, between its name and its specialty ("Neshaminy Creek Internal Medicine"). */
    private static boolean practiceModifier(Scan s, int u) {
        return s.isAny(u, PRACTICE_MODIFIERS);
    }

    /** A word that can name a practice: capitalised (or a header's capitals), not a function, service or role word. */
    private static boolean practiceNameWord(Scan s, int u) {
        Tokens tk = s.tk;
        int f = s.flags(u);
        // (service words by list and shape: "Green", "Blue" are clinical colours but name practices)
        if (s.isAny(u, PRACTICE_KINDS) || (f & NOT_PLACE) != 0 || s.isAny(u, SERVICE_WORDS)
                || specialty(s, u) || practiceHead(s, u)
                || tk.len(u) < 3 && tk.allUpper(u)) {
            return false;
        }
        if (!tk.upperDoc && !tk.capitalized(u) && !tk.allUpper(u)) {
            return false;
        }
        return (f & CLINICAL) == 0 || (f & (Lexicon.GROUP | NAME_LISTED)) != 0;
    }

    private static boolean streetNameWord(Scan s, int t) {
        return streetNameWord(s, t, false);
    }

    private static boolean streetNameWord(Scan s, int t, boolean lenient) {
        Tokens tk = s.tk;
        if (t >= tk.n || tk.nlBefore[t]) {
            return false;
        }
        int f = s.flags(t);
        if (tk.kind[t] == Tokens.ALNUM) {
            return (f & ORDINAL) != 0;
        }
        if (lenient && tk.kind[t] == Tokens.WORD && tk.len(t) == 1 && (f & DIRECTION) != 0
                && (tk.allUpper(t) || tk.caseBlind(t)) // ("3614 s yakima ave" on a lower-case line: round 46)
                && (streetNameWord(s, t + 1, false) || gridNumber(s, t + 1)
                || tk.isPunct(t + 1, '.') && tk.adjacent(t, t + 1) && streetNameWord(s, t + 2, true)
                && !s.has(t + 2, SUFFIX))) {
            // "640 S State St", "4410 S. KILBOURN AVE": a compass letter (S is also a stop word) before the street's name
            return true;
        }
        if (tk.kind[t] != Tokens.WORD || (f & STOP) != 0 && (f & STREET_NAME) == 0
                && !(lenient && (f & Lexicon.MONTH) != 0)) { // (after a house number: "6422 S. MAY ST")
            return false;
        }
        if (!tk.caseBlind(t) && tk.lowerInitial(t)) { // (a lower-case line of a capitalised note too: round 46)
            return false;
        }
        if ((f & (STREET_NAME | ORDINAL | DIRECTION)) != 0) {
            return true;
        }
        if (lenient) {
            // after a house number: "55 FRUIT ST", "1147 BLUE HILL AVE" (checked against the suffix later)
            return true;
        }
        if ((f & CLINICAL) != 0) {
            return false;
        }
        return (f & NAME_LISTED) != 0 || (f & COMMON) == 0 || !tk.upperDoc && tk.capitalized(t);
    }

    /** "18805 E 640 Rd", "N 4470 Rd": a rural grid road, numbered, between its compass letter and its suffix. */
    private static boolean gridNumber(Scan s, int t) {
        Tokens tk = s.tk;
        return t + 1 < tk.n && tk.kind[t] == Tokens.NUM && tk.len(t) <= 4 && !tk.nlBefore[t] && !tk.nlBefore[t + 1]
                && s.isAny(t + 1, "RD", "ROAD", "ST", "STREET", "AVE", "AVENUE");
    }

    /** What a form's facility field holds when it names none. */
    private static final Words FORM_ANSWERS = Words.of("NONE", "NA", "N", "UNKNOWN", "UNK", "PENDING", "DECLINED", "YES",
        "NO", "SELF", "TBD", "SAME", "LOCAL", "MAIL", "PREFERRED", "OTHER", "HOME", "PATIENTS", "PATIENT", "ANY",
        "DEFERRED", "REFUSED", "NOT", "SOLO", "TELEHEALTH", "VIRTUAL", "OUTSIDE", "VARIOUS");

    private static final Words FACILITY_LABELS = Words.of("FACILITY", "PRACTICE", "CLINIC", "AGENCY", "PHARMACY",
        "HOSPITAL", "SNF", "HOSPICE");

    /**
     * "Practice: Monongahela Arthritis & Rheumatology", "Agency: Keystone Valley Visiting Nurses": a form's facility
     * field names a facility, however ordinary its words; a value of service words alone ("Clinic: Cardiology") is a
     * department. The value runs to the end of the line or a column gap.
     */
    private static void labelledFacilities(Scan s) {
        Tokens tk = s.tk;
        for (int t = 0; t + 2 < tk.n; t++) {
            // cheap test first: a colon after t (one array read) turns away nearly every token
            if (!tk.isPunct(t + 1, ':') || tk.kind[t] != Tokens.WORD || !tk.adjacent(t, t + 1) || tk.nlBefore[t + 2]
                    || !(t == 0 || tk.nlBefore[t] || columnGap(s, t - 1, t)) || !s.isAny(t, FACILITY_LABELS)) {
                continue;
            }
            int first = t + 2;
            if (s.isAny(first, FORM_ANSWERS) || s.has(first, Lexicon.TITLE)) {
                continue; // "Pharmacy: Unknown", "Hospice: Declined", "Clinic: Dr Smith"
            }
            int last = -1;
            boolean distinctive = false;
            for (int u = first; u < tk.n && !tk.nlBefore[u] && !(u > first && columnGap(s, u - 1, u)); u++) {
                if (tk.kind[u] == Tokens.PUNCT) {
                    char c = tk.firstChar(u);
                    if (u > first && (c == '&' || c == '\'' || c == '-' || c == '.')) {
                        continue;
                    }
                    break;
                }
                if (tk.kind[u] != Tokens.WORD || !tk.upperDoc && !tk.capitalized(u) && !s.isAny(u, "OF", "AND", "THE")) {
                    break;
                }
                if (!(facilityWord(s, u) || serviceWord(s, u) || s.has(u, Lexicon.HOSP_GENERIC) || s.has(u, CLINICAL)
                        || s.has(u, STOP))) {
                    distinctive = true;
                }
                last = u;
            }
            // one word alone must be a listed name or a word no dictionary knows ("Practice: Telehealth" is not)
            boolean oneWordOk = last > first || (s.flags(first) & (COMMON | CLINICAL)) == 0
                    || s.has(first, Lexicon.NAME_LISTED) && !s.has(first, COMMON);
            if (last >= first && distinctive && oneWordOk && tk.kind[first] == Tokens.WORD) {
                s.addTokens(PhiType.GEO, first, last, "facility.labelled", 0.85);
                claim(s, tk.start[first], tk.end[last]);
            }
        }
    }

    /** "Voice & Swallowing", "Foot & Ankle": word t is the second of two capitalised words joined by an ampersand. */
    private static boolean ampersandPair(Scan s, int t) {
        Tokens tk = s.tk;
        return t >= 2 && t < tk.n && tk.kind[t] == Tokens.WORD && tk.isPunct(t - 1, '&') && tk.kind[t - 2] == Tokens.WORD
                && !tk.nlBefore[t - 1] && !tk.nlBefore[t] && (tk.upperDoc || tk.capitalized(t) && tk.capitalized(t - 2));
    }

    private static final Words MILE_MARKER_ROADS = Words.of("HWY", "HIGHWAY", "US", "SR", "ROUTE", "RTE", "RT", "I",
        "INTERSTATE");

    /**
     * "Hwy 89 MM 23", "US-2 MM 212", "I-90 mile marker 41": a highway and a mile marker pinpoint where someone was
     * (a crash, a breakdown, a home with no street address).
     */
    private static int mileMarker(Scan s, int t) {
        Tokens tk = s.tk;
        if (tk.len(t) > 7) {
            return -1;
        }
        int u = t + 1;
        if (tk.isPunct(u, '-') && tk.adjacent(t, u)) {
            u++;
        }
        // (the number first: it is rarer than the road's word)
        if (u >= tk.n || tk.kind[u] != Tokens.NUM || tk.len(u) > 4 || tk.nlBefore[u] || !s.isAny(t, MILE_MARKER_ROADS)) {
            return -1;
        }
        int m = u + 1;
        // "MM" in capitals (mm is a millimetre); after US, RT, SR or I only in the dash form ("US-2", not "US 8 MM")
        boolean dashed = u == t + 2;
        boolean mm = s.is(m, "MM") && s.text.charAt(tk.start[m]) == 'M' && s.text.charAt(tk.start[m] + 1) == 'M'
                && (dashed || !s.isAny(t, "US", "RT", "SR", "I"));
        if (mm) {
            m++;
        } else if (s.is(m, "MILE") && s.isAny(m + 1, "MARKER", "POST")) {
            m += 2;
        } else {
            return -1;
        }
        if (m >= tk.n || tk.kind[m] != Tokens.NUM || tk.nlBefore[m]) {
            return -1;
        }
        int end = m;
        if (tk.isPunct(m + 1, '.') && m + 2 < tk.n && tk.kind[m + 2] == Tokens.NUM && tk.adjacent(m, m + 1)
                && tk.adjacent(m + 1, m + 2)) {
            end = m + 2; // "MM 212.5"
        }
        s.addTokens(PhiType.GEO, t, end, "street.mile-marker", 0.85);
        return end + 1;
    }

    private static final Words SECTION_WORDS = Words.of("SEC", "SECTION");

    /**
     * "Sec 14 T153N R101W", "NW1/4 Sec 11 T150N R98W": a section, township and range of the public land survey, where an
     * oil pad, a farm or a home stands. Township and range codes are letters and digits no clinical text writes.
     */
    private static int landDescription(Scan s, int t) {
        Tokens tk = s.tk;
        if (t + 3 >= tk.n) {
            return -1;
        }
        int u = t + 1;
        if (tk.isPunct(u, '.') && tk.adjacent(t, u)) {
            u++;
        }
        // (the number first: it is rarer than the section's word)
        if (u + 2 >= tk.n || tk.kind[u] != Tokens.NUM || tk.len(u) > 2 || !s.isAny(t, SECTION_WORDS)
                || !surveyCode(s, u + 1, "NS") || !surveyCode(s, u + 2, "EW")) {
            return -1;
        }
        int first = t;
        // a quarter before it: "NW1/4 Sec 11", "SE 1/4 Sec 3"
        if (t >= 3 && tk.kind[t - 1] == Tokens.NUM && tk.isPunct(t - 2, '/') && tk.adjacent(t - 3, t - 2)
                && tk.adjacent(t - 2, t - 1) && !tk.nlBefore[t] && quarterName(s.key(t - 3))) {
            first = t - 3;
        }
        s.addTokens(PhiType.GEO, first, u + 2, "geo.land-description", 0.85);
        return u + 3;
    }

    /** "NW1", "SE": a quarter section's compass name, with the numerator glued on or not. */
    private static boolean quarterName(String k) {
        return k.length() >= 2 && (k.startsWith("NW") || k.startsWith("NE") || k.startsWith("SW") || k.startsWith("SE"))
                && k.substring(2).chars().allMatch(Character::isDigit);
    }

    /** "T153N", "R101W": T or R, digits, and one of the given compass letters, in one token. */
    private static boolean surveyCode(Scan s, int t, String compass) {
        Tokens tk = s.tk;
        if (tk.kind[t] != Tokens.ALNUM || tk.len(t) < 3 || tk.len(t) > 5 || tk.nlBefore[t]) {
            return false;
        }
        int a = tk.start[t];
        int b = tk.end[t] - 1;
        char head = Character.toUpperCase(s.text.charAt(a));
        if (head != (compass.equals("NS") ? 'T' : 'R') || compass.indexOf(Character.toUpperCase(s.text.charAt(b))) < 0) {
            return false;
        }
        for (int i = a + 1; i < b; i++) {
            if (!Character.isDigit(s.text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** N, S, E or W written alone in capitals. */
    private static boolean compassLetter(Scan s, int t) {
        return t < s.tk.n && s.tk.kind[t] == Tokens.WORD && s.tk.len(t) == 1 && !s.tk.nlBefore[t]
                && "NSEW".indexOf(s.tk.firstChar(t)) >= 0;
    }

    private static final Words VITAL_LABELS = Words.of("BP", "FIO2", "GRADE", "HR", "RR", "SBP", "MAP", "PEEP", "RATE");

    private static final Words ADDRESS_LABELS = Words.of("ADDRESS", "ADDR", "RESIDENCE");
    private static final Words RESIDENCE_VERBS = Words.of("LIVES", "RESIDES", "LIVING", "STAYING");

    /** "123 Main St", "12B N. Oak Avenue Apt 4", "1600 Pennsylvania Ave NW". */
    private static int street(Scan s, int t) {
        Tokens tk = s.tk;
        if (tk.len(t) > 6 || t > 0 && tk.adjacent(t - 1, t) && tk.kind[t - 1] != Tokens.PUNCT
                || t > 0 && (tk.isPunct(t - 1, '>') || tk.isPunct(t - 1, '<') || tk.isPunct(t - 1, '=')) // "CIWA >20 CALL DR."
                || t > 0 && tk.isPunct(t - 1, '@') && !tk.nlBefore[t] // "X1 @ 1045 PER DR HALLORAN": a clock time
                || t > 0 && (tk.isPunct(t - 1, '/') || tk.isPunct(t - 1, '.')) && tk.adjacent(t - 1, t)) {
            return -1;
        }
        int u = t + 1;
        if (u < tk.n && tk.isPunct(u, '-') && u + 1 < tk.n && tk.kind[u + 1] == Tokens.NUM) {
            u += 2; // 12-14 Elm St
        }
        // cheap test first: a highway, a grid address, a street's name and the context's street all start with a word
        // (or an ordinal) on t's line at u
        if (u >= tk.n || tk.nlBefore[u] || tk.kind[u] == Tokens.PUNCT || tk.kind[u] == Tokens.NUM) {
            return -1;
        }
        int hw = highway(s, u, true);
        // (a numbered road after a house number of three digits or more: "4410 Rd 92", not "MET WITH 2 RD 3 TIMES")
        if (hw > 0 && !(s.isAny(u, "RD", "ROAD") && (tk.kind[t] != Tokens.NUM || tk.len(t) < 3))) {
            return addressTail(s, t, hw, "street.highway");
        }
        if (compassLetter(s, u) && u + 2 < tk.n && tk.kind[t] == Tokens.NUM && tk.len(t) >= 3 && tk.len(t) <= 5
                && tk.kind[u + 1] == Tokens.NUM && tk.len(u + 1) >= 2 && tk.len(u + 1) <= 4 && compassLetter(s, u + 2)
                && tk.spaceOnly(t, u) && tk.spaceOnly(u, u + 1) && tk.spaceOnly(u + 1, u + 2) && !s.has(u + 3, SUFFIX)
                && !s.isAny(s.prevWord(t, 1), VITAL_LABELS)) {
            // "4470 E 200 N", "350 N 400 E": a rural or city grid address (Indiana, Utah) has no street name at all
            return addressTail(s, t, u + 2, "street.grid");
        }
        int names = 0;
        int suffix = -1;
        while (u < tk.n && names <= 4) {
            if (tk.nlBefore[u] && names > 0 || columnGap(s, u - 1, u)) {
                break; // "HD 4   7 South   St. Hedwig Hospital": a header's columns are not one street
            }
            if (names > 0 && s.has(u, SUFFIX) && !tk.nlBefore[u]) {
                suffix = u;
                break;
            }
            if (tk.isPunct(u, '.') && names > 0 && s.has(u - 1, DIRECTION)) {
                u++;
                continue;
            }
            if (!streetNameWord(s, u, true) && !(names > 0 && s.has(u - 1, DIRECTION) && gridNumber(s, u))) {
                break;
            }
            names++;
            u++;
        }
        if (suffix < 0 && names > 0 && (s.before(t, 1, ADDRESS_LABELS) || s.before(t, 1, "AT")
                && s.before(s.prevWord(t, 1), 1, RESIDENCE_VERBS))) {
            // "ADDRESS: 12 WEXCOMBE", "LIVES AT 40 MAPLEWOOD": the context says it is a street
            int last = t;
            int w = t + 1;
            if (w + 1 < tk.n && tk.isPunct(w, '-') && tk.kind[w + 1] == Tokens.NUM) {
                w += 2;
                last = w - 1;
            }
            while (w < tk.n && w - t <= 5 && streetNameWord(s, w, false)
                    && (!s.has(w, COMMON) || s.has(w, STREET_NAME) || !tk.upperDoc && tk.capitalized(w))) {
                last = w++;
            }
            if (last > t && tk.kind[last] != Tokens.NUM) {
                s.addTokens(PhiType.GEO, t, last, "street.context", 0.8);
                return last + 1;
            }
            return -1;
        }
        if (suffix < 0 || names == 0) {
            return -1;
        }
        // ambiguous suffixes (DR, LN, CT, WAY, PL...) need proper-looking names; ST and full words do not,
        // but a clinical word is never a street name before ST ("HR 110 ST" has no name at all)
        boolean weak = s.has(suffix, SUFFIX_WEAK);
        boolean st = s.is(suffix, "ST");
        for (int i = t + 1; i < suffix; i++) {
            if (tk.kind[i] == Tokens.PUNCT || tk.kind[i] == Tokens.NUM) {
                continue;
            }
            boolean strict = streetNameWord(s, i, false);
            if (weak && !st && (!strict || s.has(i, Lexicon.VERB_CONTEXT) && !s.has(i, STREET_NAME))
                    || st && s.has(i, CLINICAL) && !s.has(i, STREET_NAME | Lexicon.MONTH)) {
                return -1;
            }
        }
        int end = suffix;
        if (tk.isPunct(end + 1, '.') && tk.adjacent(end, end + 1)) {
            end++;
        }
        if (end + 1 < tk.n && !tk.nlBefore[end + 1] && s.has(end + 1, DIRECTION) && tk.allUpper(end + 1)
                && tk.len(end + 1) <= 2) {
            end++;
        } else if (end + 1 < tk.n && !tk.nlBefore[end + 1] && s.has(end + 1, DIRECTION) && tk.len(end + 1) >= 4
                && (tk.upperDoc || tk.capitalized(end + 1)) && tk.spaceOnly(end, end + 1)
                && (end + 2 >= tk.n || tk.nlBefore[end + 2] || tk.isPunct(end + 2, ','))) {
            end++; // "35 Kings Hwy East, Suite 4": a compass word closing the street's phrase is part of its name
        }
        return addressTail(s, t, end, "street.address");
    }

    /** The street t..end, then its unit, and the town and ZIP that follow on its line; returns the index after. */
    private static int addressTail(Scan s, int t, int end, String rule) {
        Tokens tk = s.tk;
        end = unit(s, end);
        s.addTokens(PhiType.GEO, t, end, rule, 0.92);
        int city = townAfterStreet(s, end);
        int last = end;
        if (city > end) {
            int from = tk.isPunct(end + 1, ',') ? end + 2 : end + 1;
            s.addTokens(PhiType.GEO, from, city, "geo.after-street", 0.75);
            claim(s, tk.start[from], tk.end[city]);
            last = zipAfterTown(s, city);
        } else if (end + 1 < tk.n && !tk.nlBefore[end + 1] && tk.kind[end + 1] == Tokens.NUM && tk.len(end + 1) == 5
                && tk.spaceOnly(end, end + 1) && !(end + 2 < tk.n && tk.adjacent(end + 1, end + 2)
                && tk.kind[end + 2] != Tokens.PUNCT)) {
            last = end + 1; // "4410 S. KILBOURN AVE 60632": the ZIP right after the street
            s.addTokens(PhiType.GEO, last, last, "zip.after-street", 0.8);
        } else if (end + 2 < tk.n && tk.isPunct(end + 1, ',') && !tk.nlBefore[end + 2] && tk.kind[end + 2] == Tokens.NUM
                && tk.len(end + 2) == 5 && tk.spaceOnly(end + 1, end + 2)
                && (end + 3 >= tk.n || tk.nlBefore[end + 3] || tk.kind[end + 3] == Tokens.PUNCT
                && !tk.isPunct(end + 3, '-') && !tk.isPunct(end + 3, '/'))) {
            last = end + 2; // "at home on 3614 s yakima ave, 98418.": the ZIP after a comma, closing the address (round 46)
            s.addTokens(PhiType.GEO, last, last, "zip.after-street", 0.8);
        }
        int paren = placeInParentheses(s, last);
        if (paren < 0) {
            paren = neighbourhoodAfterStreet(s, last);
        }
        return (paren > last ? paren : last) + 1;
    }

    /** "INTUBATED", "SEDATED", "MAILING": a word ending in -ED or -ING (five letters or more). */
    private static boolean participle(Scan s, int t) {
        String k = s.key(t);
        return k.length() >= 5 && (k.endsWith("ED") || k.endsWith("ING"));
    }

    /** Where on a street, or in what state, a patient was found: "ON ROUTE 9 IN CROSSWALK", "ON MAIN ST IN ASYSTOLE". */
    private static final Words WHERE_ON_A_STREET = Words.of("CROSSWALK", "SNOWBANK", "STAIRWELL", "HALLWAY", "DITCH",
        "DUMPSTER", "TRAFFIC", "GUTTER", "MEDIAN", "INTERSECTION", "DRIVEWAY", "DOORWAY", "ALLEY", "ALLEYWAY", "BUSHES",
        "EXTREMIS", "ASYSTOLE", "ARREST", "VFIB", "VTACH", "PEA", "DUPLEX");

    /** Words that may follow a neighbourhood named after a street and IN. */
    private static final Words AFTER_NEIGHBOURHOOD = Words.of("BY", "ON", "AT", "WITH", "W", "WHEN", "AFTER", "FOR",
        "AND", "WHERE", "WHILE", "AROUND", "ABOUT", "TODAY", "YESTERDAY", "LAST", "THIS", "TONIGHT");

    /**
     * "ON E 7TH ST IN SOUTHIE 1/15", "on Congress Pier Rd in the Seaport 4/22", "Centre St and Pondview Ave in JP 6/3":
     * one to three proper words after a street and IN (THE) are its neighbourhood or town, where the phrase then ends
     * (punctuation, a date, a line's end, or BY, ON, WHEN...). Returns the last token, or -1.
     */
    private static int neighbourhoodAfterStreet(Scan s, int last) {
        Tokens tk = s.tk;
        int in = last + 1;
        if (in + 1 >= tk.n || tk.nlBefore[in] || !s.is(in, "IN")) {
            return -1;
        }
        int t = s.is(in + 1, "THE") ? in + 2 : in + 1;
        int e = t - 1;
        for (int u = t; u < tk.n && u - t < 3 && tk.kind[u] == Tokens.WORD && !tk.nlBefore[u]
                && (u == t || tk.spaceOnly(u - 1, u)); u++) {
            boolean proper = tk.upperDoc ? !s.has(u, COMMON) && tk.len(u) >= 3 : tk.capitalized(u) || tk.allUpper(u);
            if (!proper || s.has(u, STOP | CLINICAL | NOT_PLACE) || s.isAny(u, NOT_HOME_TOWNS) || s.isAny(u, AFTER_NEIGHBOURHOOD)
                    || s.isAny(u, WHERE_ON_A_STREET)) {
                break;
            }
            e = u;
        }
        if (e < t) {
            return -1;
        }
        int nx = e + 1;
        boolean closes = nx >= tk.n || tk.nlBefore[nx] || tk.kind[nx] == Tokens.PUNCT && !tk.isPunct(nx, '-')
                || tk.kind[nx] == Tokens.NUM || s.isAny(nx, AFTER_NEIGHBOURHOOD);
        if (!closes) {
            return -1;
        }
        s.addTokens(PhiType.GEO, t, e, "geo.after-street", 0.75);
        claim(s, tk.start[t], tk.end[e]);
        return e;
    }

    /**
     * "ON MISSION CREEK RD (CASHMERE)", "4410 S. KILBOURN AVE 60632 (ARCHER HEIGHTS)", "(BACK OF THE YARDS)": one to
     * four words alone in parentheses right after an address (or a town) are its town, neighbourhood or area. Returns
     * the closing parenthesis, or -1.
     */
    private static int placeInParentheses(Scan s, int last) {
        Tokens tk = s.tk;
        int open = last + 1;
        if (!tk.isPunct(open, '(') || tk.nlBefore[open]) {
            return -1;
        }
        int u = open + 1;
        int words = 0;
        while (u < tk.n && words < 4 && tk.kind[u] == Tokens.WORD && !tk.nlBefore[u]) {
            boolean connector = words > 0 && s.isAny(u, "OF", "THE");
            if (!connector && (s.has(u, STOP | CLINICAL | NOT_PLACE) || s.isAny(u, NOT_HOME_TOWNS) || tk.len(u) < 2
                    || !tk.upperDoc && !tk.capitalized(u) && !tk.allUpper(u))) {
                return -1;
            }
            words++;
            u++;
            if (tk.isPunct(u, '\'') && s.is(u + 1, "S") && tk.adjacent(u - 1, u)) {
                u += 2; // "WALKER'S POINT"
            }
        }
        if (words == 0 || !tk.isPunct(u, ')') || s.isAny(u - 1, "OF", "THE")) {
            return -1;
        }
        if (!s.isAny(u - 1, AREA_WORDS)) {
            // without an area's word to close them, ordinary words are a remark on the home ("(RENTED)", "(RANCH)",
            // "(BASEMENT)", "(SPLIT LEVEL)", "(DOWNTOWN)"), and so is a participle ("(VERIFIED)", "(MAILING)")
            for (int i = open + 1; i < u; i++) {
                if (tk.kind[i] == Tokens.WORD && (s.has(i, COMMON) || participle(s, i) && !s.has(i, Lexicon.PLACE_START))) {
                    return -1;
                }
            }
        }
        s.addTokens(PhiType.GEO, open + 1, u - 1, "geo.in-parentheses", 0.75);
        claim(s, tk.start[open + 1], tk.end[u - 1]);
        return u;
    }

    /**
     * "HWY 42", "County Road 1340", "COUNTY RD Q", "Township Rd 606", "US Route 1", "State Route 9", "Rt. 2": a
     * numbered (or, for county roads, lettered) highway starting at u; returns the designation's last token, or -1.
     * HWY, HIGHWAY and the two-word forms say "road" on their own; ROUTE, RTE and a capitalised Rt (in ALL CAPS RT is
     * "right") only after a house number ({@code numbered}). SR, CR and FM
     * are sinus rhythm, creatinine and a unit too often to be read as roads.
     */
    private static int highway(Scan s, int u, boolean numbered) {
        Tokens tk = s.tk;
        if (u >= tk.n || tk.kind[u] != Tokens.WORD || tk.nlBefore[u]
                || !tk.upperDoc && tk.lowerInitial(u) && !s.isAny(u, "HWY", "HIGHWAY")) {
            return -1;
        }
        int head;
        boolean county = false;
        boolean strong = true;
        if (s.isAny(u, "COUNTY", "STATE", "TOWNSHIP", "US", "FARM") && tk.spaceOnly(u, u + 1)
                && s.isAny(u + 1, "RD", "ROAD", "HWY", "HIGHWAY", "ROUTE", "RTE", "RT")
                && (!s.is(u, "US") || tk.allUpper(u)) && (tk.upperDoc || !tk.lowerInitial(u + 1))
                // "4471 ST RT 1441": a state route after a house number
                || numbered && s.is(u, "ST") && tk.spaceOnly(u, u + 1) && s.isAny(u + 1, "RT", "RTE", "ROUTE")) {
            county = s.isAny(u, "COUNTY", "TOWNSHIP");
            head = u + 1;
        } else if (s.isAny(u, "HWY", "HIGHWAY")) {
            head = u;
        } else if (s.isAny(u, "ROUTE", "RTE") || s.is(u, "RT") && (!tk.upperDoc && tk.capitalized(u)
                || numbered && tk.allUpper(u)) // (after a house number RT is a route, not "right": "4471 RT 1441")
                || numbered && s.isAny(u, "RD", "ROAD")) { // a numbered rural road: "4410 Rd 92"
            head = u;
            strong = numbered;
        } else {
            return -1;
        }
        if (!strong) {
            return -1;
        }
        // "4471 ST RT 1441", "4471 RT 1441" in capitals; not "PUPILS 3 RT 3 LT", "HR 110 ST RT 2 PIVS"
        boolean capsRoute = numbered && s.is(head, "RT") && tk.allUpper(head) && (head == u || s.is(u, "ST"));
        if (capsRoute && (tk.kind[u - 1] != Tokens.NUM || tk.len(u - 1) < 3
                || s.isAny(s.prevWord(u - 1, 1), "HR", "BP", "SBP", "MAP", "RR", "RATE", "PULSE"))) {
            return -1;
        }
        int v = head + 1;
        if (tk.isPunct(v, '.') && tk.adjacent(head, v) || tk.isPunct(v, '#')) {
            v++;
        }
        if (v >= tk.n || tk.nlBefore[v] || !tk.spaceOnly(v - 1, v) && !tk.adjacent(v - 1, v)) {
            return -1;
        }
        boolean designation = tk.kind[v] == Tokens.NUM && tk.len(v) <= 4
                || tk.kind[v] == Tokens.ALNUM && tk.len(v) <= 4 && Character.isDigit(tk.firstChar(v))
                && !Character.isDigit(s.text.charAt(tk.end[v] - 1)) && (s.flags(v) & ORDINAL) == 0
                || county && tk.kind[v] == Tokens.WORD && tk.len(v) <= 2 && tk.allUpper(v);
        if (!designation) {
            return -1;
        }
        int nx = v + 1;
        if (nx < tk.n && !tk.nlBefore[nx] && tk.adjacent(v, nx) && tk.kind[nx] != Tokens.PUNCT) {
            return -1;
        }
        if (capsRoute && nx < tk.n && !tk.nlBefore[nx] && s.isAny(nx, "LT", "L", "LEFT", "LFT")) {
            return -1; // "CT OUTPUT 100 RT 50 LT": right and left
        }
        // a compass letter closing it ("RT 9 W"), not the start of "west of"
        if (nx < tk.n && !tk.nlBefore[nx] && s.has(nx, DIRECTION) && tk.allUpper(nx) && tk.len(nx) <= 2
                && tk.spaceOnly(v, nx) && !s.is(nx + 1, "OF")) {
            return nx;
        }
        return v;
    }

    private static final Words ORDINAL_STREET_SUFFIXES = Words.of("AVE", "AVENUE", "ST", "STREET", "RD", "ROAD", "BLVD",
            "BOULEVARD", "PL", "PLACE", "WAY", "LN", "LANE", "TER", "TERRACE", "PKWY", "DR", "DRIVE", "CT", "COURT",
            "CIR", "CIRCLE", "HWY");
    private static final Words ORDINAL_STREET_CUES = Words.of("ON", "OFF", "AT", "NEAR", "LIVES", "LIVED", "FROM",
            "DOWN", "ALONG", "CORNER");

    /** A numbered street without a house number: an ordinal and a street's suffix ("ON 10TH AVE"; not "2ND PASS"). */
    private static int ordinalStreet(Scan s, int t) {
        Tokens tk = s.tk;
        int u = t + 1;
        if (u >= tk.n || tk.nlBefore[u] || !tk.spaceOnly(t, u) || !s.isAny(u, ORDINAL_STREET_SUFFIXES)) {
            return -1;
        }
        int e = streetNoNumber(s, t);
        if (e >= 0) {
            return e;
        }
        // "lived on 44th St her whole life", "lives w/ mother on N 52nd St": after a preposition of place (and a
        // compass letter), an ordinal and a street's suffix are a street even where the suffix alone is ambiguous
        int first = t;
        int p = t - 1;
        if (p >= 0 && tk.kind[p] == Tokens.WORD && tk.len(p) <= 2 && s.has(p, DIRECTION) && tk.spaceOnly(p, t)) {
            first = p;
            p--;
        }
        if (p < 0 || tk.kind[p] != Tokens.WORD || tk.nlBefore[first] || !tk.spaceOnly(p, first)
                || !s.isAny(p, ORDINAL_STREET_CUES)) {
            return -1;
        }
        s.addTokens(PhiType.GEO, first, u, "street.name", 0.8);
        int town = neighbourhoodAfterStreet(s, u); // "ON E 7TH ST IN SOUTHIE 1/15"
        return (town > u ? town : u) + 1;
    }

    private static final Words ROUTE_WORDS = Words.of("RT", "RTE", "ROUTE", "ALT", "US", "BIA");
    /** Words before a road that say it is travelled or lived on: "ON RT 7", "driving up US 52". */
    private static final Words TRAVEL_BEFORE = Words.of("ON", "OFF", "ALONG", "VIA", "NEAR", "UP", "DOWN");

    private static final Words UNITS_AND_COUNTS = Words.of("L", "LPM", "MG", "ML", "CM", "MM", "KG", "UNITS", "PERCENT",
            "X", "OF", "ATTEMPT", "ATTEMPTS", "TRIES", "TIMES", "FRACTIONS", "FX", "SESSIONS", "DOSES");

    /**
     * "MOTORCYCLE VS DEER ON RT 7", "OFF ALT 58", "ON AL-91 NEAR HANCEVILLE", "north on US 491": a numbered route where
     * something happened or someone lives, right after ON, OFF, ALONG, VIA, NEAR, UP or DOWN ("driving up US 52";
     * interstates: {@link #interstate}); a unit or clinical word after the number ("ON RT 2 L") makes it a setting.
     */
    private static int routeAfterPreposition(Scan s, int t) {
        Tokens tk = s.tk;
        int p = t - 1;
        // (cheapest tests first: this runs for every word of the text)
        int len = tk.len(t);
        if (len > 5 || p < 0 || tk.kind[p] != Tokens.WORD || tk.nlBefore[t]) {
            return -1;
        }
        boolean stateDash = len == 2 && t + 1 < tk.n && tk.isPunct(t + 1, '-');
        char c0 = Character.toUpperCase(tk.firstChar(t));
        if (!stateDash && c0 != 'R' && c0 != 'A' && c0 != 'U' && c0 != 'B') {
            return -1; // (RT, RTE, ROUTE, ALT, US, BIA)
        }
        if (!stateDash && !s.isAny(t, ROUTE_WORDS)
                || tk.kind[p] != Tokens.WORD || tk.nlBefore[t] || !s.isAny(p, TRAVEL_BEFORE)
                || !tk.spaceOnly(p, t)) {
            return -1;
        }
        int v;
        if (!stateDash && (tk.upperDoc || !tk.lowerInitial(t))
                && !(s.is(t, "US") && s.is(p, "VIA"))) { // (not "VIA US 2 ATTEMPTS": by ultrasound)
            v = t + 1;
            if (tk.isPunct(v, '.') && tk.adjacent(t, v)) {
                v++;
            }
            if (v >= tk.n || !tk.spaceOnly(v - 1, v) && !tk.adjacent(v - 1, v)) {
                return -1;
            }
        } else if (tk.len(t) == 2 && tk.allUpper(t) && s.has(t, Lexicon.USPS) && !s.has(t, CLINICAL) && tk.isPunct(t + 1, '-')
                && tk.adjacent(t, t + 1) && tk.adjacent(t + 1, t + 2)) {
            v = t + 2; // "KY-15", "AL-91"
        } else {
            return -1;
        }
        if (v >= tk.n || tk.nlBefore[v] || tk.kind[v] != Tokens.NUM || tk.len(v) > 3) {
            return -1;
        }
        int nx = v + 1;
        if (nx < tk.n && !tk.nlBefore[nx] && (tk.adjacent(v, nx) && tk.kind[nx] != Tokens.PUNCT
                || tk.isPunct(nx, '.') && tk.adjacent(v, nx) && nx + 1 < tk.n && tk.kind[nx + 1] == Tokens.NUM
                || tk.kind[nx] == Tokens.WORD && (s.has(nx, CLINICAL) && !s.has(nx, DIRECTION | STOP)
                || s.isAny(nx, UNITS_AND_COUNTS)))) {
            // "ON RT 5 OF 25 FRACTIONS" is radiotherapy, "VIA US 1 ATTEMPT" an ultrasound-guided line
            return -1;
        }
        return addressTail(s, t, v, "street.highway");
    }

    /** More words of travel before an interstate than before a route (whose number may be a dose): "took I-90". */
    private static final Words INTERSTATE_BEFORE = Words.of("TAKE", "TOOK", "FROM", "ACROSS", "AND", "OF", "TO", "BY",
        "DIVIDER");
    /** Words after one that say the same: a direction of travel, an exit, a closure. */
    private static final Words INTERSTATE_AFTER = Words.of("NB", "SB", "EB", "WB", "NORTHBOUND", "SOUTHBOUND",
        "EASTBOUND", "WESTBOUND", "NEAR", "AT", "EXIT", "CLOSED", "MM", "MILE", "CORRIDOR", "BRIDGE");

    /**
     * "MVC ON I-75 AT BYRON", "dad driving down i-25", "I-94 CLOSED FOR BLIZZARD", "I-10 EB NEAR THE EXIT": an interstate
     * with a word of travel before or after it (the batches since 90 label it as they label routes: where someone was
     * hurt or lives). I-123, I-125 and I-131 are isotopes, not roads, and no interstate; "Form I-9" has no such word.
     */
    private static int interstate(Scan s, int t) {
        Tokens tk = s.tk;
        int v = t + 2;
        if (tk.kind[t] != Tokens.WORD || Character.toUpperCase(tk.firstChar(t)) != 'I' || v >= tk.n
                || !tk.isPunct(t + 1, '-') || !tk.adjacent(t, t + 1) || !tk.adjacent(t + 1, v) || tk.kind[v] != Tokens.NUM
                || tk.len(v) > 3 || t > 0 && tk.adjacent(t - 1, t)) {
            return -1;
        }
        int number = tk.intValue(v);
        if (number == 123 || number == 125 || number == 131) {
            return -1;
        }
        if (v + 2 < tk.n && tk.isPunct(v + 1, '/') && tk.adjacent(v, v + 1) && tk.adjacent(v + 1, v + 2)
                && tk.kind[v + 2] == Tokens.NUM && tk.len(v + 2) <= 3) {
            v += 2; // "I-75/85": two interstates on one road
        }
        int nx = v + 1;
        if (nx < tk.n && tk.adjacent(v, nx) && (tk.kind[nx] != Tokens.PUNCT || tk.isPunct(nx, '/') || tk.isPunct(nx, '-'))) {
            return -1;
        }
        boolean nextOnLine = nx < tk.n && !tk.nlBefore[nx];
        if (nextOnLine && tk.kind[nx] == Tokens.WORD && s.has(nx, CLINICAL) && !s.has(nx, DIRECTION | STOP)
                && !s.isAny(nx, INTERSTATE_AFTER)) {
            return -1; // a clinical word after it: "I-10 units"
        }
        int p = t - 1;
        boolean before = p >= 0 && !tk.nlBefore[t] && tk.kind[p] == Tokens.WORD && tk.spaceOnly(p, t)
                && (s.isAny(p, TRAVEL_BEFORE) || s.isAny(p, INTERSTATE_BEFORE));
        boolean after = nextOnLine && (s.isAny(nx, INTERSTATE_AFTER) || tk.kind[nx] == Tokens.WORD && s.has(nx, DIRECTION));
        if (!before && !after) {
            return -1;
        }
        // the road alone: what follows an interstate is where on it, not a town of its address ("ON I-391, HELMETED")
        s.addTokens(PhiType.GEO, t, v, "street.highway", 0.92);
        return v + 1;
    }

    private static final Words HIGHWAY_HEADS = Words.of("HWY", "HIGHWAY", "COUNTY", "STATE", "TOWNSHIP", "US", "FARM");

    /**
     * "on Hwy 64 west of town", "the farmhouse on County Road 1340": a numbered highway without a house number (HWY,
     * HIGHWAY and the county/state/township/US forms). A route alone is read only after a preposition of place
     * ({@link #routeAfterPreposition}); the held-out batches disagree on it (1-8 and 24 leave "ON RT 9" unlabelled,
     * 30, 32 and 42 label it), and a scrubber errs toward removing a place.
     */
    private static int highwayNoNumber(Scan s, int t) {
        Tokens tk = s.tk;
        if (!s.isAny(t, HIGHWAY_HEADS)) {
            return -1;
        }
        int last = highway(s, t, false);
        if (last < 0) {
            return -1;
        }
        int nx = last + 1;
        if (nx < tk.n && !tk.nlBefore[nx] && tk.kind[nx] == Tokens.WORD && s.has(nx, CLINICAL) && !s.has(nx, DIRECTION | STOP)) {
            return -1; // "ROUTE 2 L NC", "HWY 5 MG": a dose or a setting, not a road
        }
        return addressTail(s, t, last, "street.highway");
    }

    private static final Words RURAL_ROUTE_WORDS = Words.of("RR", "HC", "HCR");

    /**
     * "RR 2 Box 118", "Rural Route 3, Box 40", "HC 64 BOX 12": a rural route or highway contract route and its box (RR
     * and HC alone are a respiratory rate and a head circumference: the box decides).
     */
    private static int ruralRoute(Scan s, int t) {
        Tokens tk = s.tk;
        char c0 = io.phistream.detector.text.lexicon.Fold.fold(tk.firstChar(t));
        if (c0 != 'R' && c0 != 'H') {
            return -1; // (cheap test first: RR, HC, HCR, RURAL and R.R. are the only openings)
        }
        int u;
        if (s.isAny(t, RURAL_ROUTE_WORDS)) {
            u = t + 1;
        } else if (s.is(t, "RURAL") && s.isAny(t + 1, "ROUTE", "RTE", "RT")) {
            u = t + 2;
        } else if (s.is(t, "R") && tk.isPunct(t + 1, '.') && s.is(t + 2, "R") && tk.isPunct(t + 3, '.')) {
            u = t + 4;
        } else {
            return -1;
        }
        if (u >= tk.n || tk.kind[u] != Tokens.NUM || tk.len(u) > 4 || tk.nlBefore[u]) {
            return -1;
        }
        int b = tk.isPunct(u + 1, ',') ? u + 2 : u + 1;
        if (!s.is(b, "BOX") || tk.nlBefore[b] || b + 1 >= tk.n || tk.kind[b + 1] != Tokens.NUM && tk.kind[b + 1] != Tokens.ALNUM
                || tk.nlBefore[b + 1]) {
            return -1;
        }
        return addressTail(s, t, b + 1, "street.rural-route");
    }

    /**
     * "227 BLUE HILL AVE MATTAPAN, FOUND DOWN", "12 Oak St, Hollins, VA": up to three proper words on the street's
     * line that end where a town ends (a comma, full stop, line end, a state or a ZIP). Towns no gazetteer lists
     * (neighbourhoods, villages) are found this way. Returns the last token of the town, or -1.
     */
    private static int townAfterStreet(Scan s, int end) {
        Tokens tk = s.tk;
        int u = end + 1;
        if (tk.isPunct(u, ',')) {
            u++;
        }
        int last = -1;
        for (int k = 0; k < 3 && u < tk.n && tk.kind[u] == Tokens.WORD && !tk.nlBefore[u]; k++, u++) {
            if (u + 2 < tk.n && tk.isPunct(u + 1, '-') && tk.adjacent(u, u + 1) && tk.adjacent(u + 1, u + 2)
                    && tk.kind[u + 2] == Tokens.WORD && (s.flags(u) & STOP) == 0 && (s.flags(u + 2) & STOP) == 0
                    && (tk.upperDoc || tk.capitalized(u)) && (k == 0 || tk.spaceOnly(u - 1, u))) {
                last = u + 2; // "387 MACON ST APT 4R BED-STUY": a hyphenated neighbourhood is one word
                u += 2;
                continue;
            }
            int f = s.flags(u);
            if ((f & (Lexicon.STATE_NAME | Lexicon.USPS)) != 0 && k > 0 || (f & (STOP | CLINICAL | Lexicon.MONTH
                    | Lexicon.WEEKDAY | Lexicon.RELATION | Lexicon.TITLE | Lexicon.VERB_CONTEXT)) != 0 || tk.len(u) < 3
                    || !tk.upperDoc && !tk.capitalized(u) || k > 0 && !tk.spaceOnly(u - 1, u)) {
                break;
            }
            last = u;
        }
        if (last < 0) {
            // "Rd, White Plains NY 10603": a listed place whose words are also colours or clinical words, closed by
            // its state or ZIP
            int first = tk.isPunct(end + 1, ',') ? end + 2 : end + 1;
            long pm = first < tk.n ? placeMatch(s, first) : -1L << 32;
            int pe = (int) (pm >> 32);
            if (pe >= first && pe + 2 < tk.n && s.has(pe + 1, DIRECTION) && tk.len(pe + 1) >= 4
                    && tk.spaceOnly(pe, pe + 1) && (tk.upperDoc || tk.capitalized(pe + 1))) {
                pe++; // "Ct, New Orleans East 70129": a compass word closing the town's name
            }
            if (pe >= first && pe + 1 < tk.n && (stateAt(s, pe + 1) >= pe + 1
                    || tk.kind[pe + 1] == Tokens.NUM && tk.len(pe + 1) == 5) && !tk.nlBefore[pe + 1]
                    && (tk.upperDoc || tk.capitalized(first))) {
                return pe;
            }
            return -1;
        }
        int nx = last + 1;
        boolean zipNext = nx + 1 < tk.n && !tk.nlBefore[nx + 1] && tk.kind[nx + 1] == Tokens.NUM && tk.len(nx + 1) == 5;
        boolean stateOrZip = s.has(nx, Lexicon.STATE_NAME) || s.has(nx, Lexicon.USPS) && tk.allUpper(nx)
                || s.has(nx, Lexicon.USPS) && tk.upperDoc && tk.len(nx) == 2 && (zipNext || !s.isAny(nx, AMBIGUOUS_USPS))
                || nx < tk.n && tk.kind[nx] == Tokens.NUM && tk.len(nx) == 5;
        boolean ends = nx >= tk.n || tk.nlBefore[nx] || tk.isPunct(nx, ',') || tk.isPunct(nx, '.') || tk.isPunct(nx, ';')
                || tk.isPunct(nx, ')') || stateOrZip;
        if (!ends) {
            return -1;
        }
        int first = tk.isPunct(end + 1, ',') ? end + 2 : end + 1;
        if (tk.upperDoc) {
            // "AT 30 PARK VIEW TER ALONE.": where case says nothing, an ordinary word is a town only when the gazetteer
            // lists exactly these words and a comma before or a state or ZIP after sets it apart ("9 OAK ST, ORANGE, MA")
            boolean common = false;
            for (int i = first; i <= last; i++) {
                // (a hyphenated compound with a half no list knows is proper: "BED-STUY")
                boolean compound = tk.isPunct(i + 1, '-') && tk.adjacent(i, i + 1) && i + 2 <= last
                        && !s.has(i + 2, COMMON) || i >= 2 && tk.isPunct(i - 1, '-') && tk.adjacent(i - 1, i)
                        && !s.has(i - 2, COMMON);
                common |= tk.kind[i] == Tokens.WORD && s.has(i, COMMON) && !s.has(i, STREET_NAME | DIRECTION) && !compound;
            }
            if (common && ((int) (placeMatch(s, first) >> 32) != last || !tk.isPunct(end + 1, ',') && !stateOrZip)) {
                return -1;
            }
        }
        return last;
    }

    /** ", Apt 4B", " #12", " Suite 100" after a street. */
    private static int unit(Scan s, int end) {
        Tokens tk = s.tk;
        int u = end + 1;
        if (tk.isPunct(u, ',')) {
            u++;
        }
        if (u < tk.n && !tk.nlBefore[u] && (s.has(u, UNIT) || tk.isPunct(u, '#'))) {
            int v = u + 1;
            if (tk.isPunct(v, '.') || tk.isPunct(v, '#')) {
                v++;
            }
            if (v < tk.n && (tk.kind[v] == Tokens.NUM || tk.kind[v] == Tokens.ALNUM || tk.kind[v] == Tokens.WORD
                    && tk.len(v) == 1)) {
                return v;
            }
        }
        return end;
    }

    /**
     * A ZIP after any place found so far, the rules' or the token model's: "Everett 02149", "14 Quissett Ave, 02540",
     * "Charles St (02122)". Runs after the model, whose places (a town the lexicons do not hold) are as good a sign of
     * an address as the rules'. Where a place rule took the ZIP already, the two spans merge ({@link Scan#resolve}).
     */
    static void zipsAfterPlaces(Scan s) {
        int found = s.found.size();
        for (int i = 0; i < found; i++) {
            PhiSpan sp = s.found.get(i);
            if (sp.type() != PhiType.GEO || sp.rule().startsWith("zip")) {
                continue;
            }
            int last = s.tokenAt(sp.end() - 1);
            if (last < 0) {
                continue;
            }
            if (sp.rule().startsWith("street.") || sp.rule().equals("geo.after-street")) {
                last = wordsAfterStreet(s, last);
            }
            zipAfterTown(s, last);
        }
    }

    private static final int NOT_A_TOWN_WORD = CLINICAL | Lexicon.UNIT | Lexicon.MONTH | Lexicon.WEEKDAY
            | Lexicon.TITLE | Lexicon.RELATION | Lexicon.VERB_CONTEXT;

    /**
     * The last of up to four words after a street on its line, between commas and blanks, where a town would stand
     * before its ZIP ("41 GIFFORDS LN, GREAT KILLS 10308"), whatever the words are: only the ZIP that must follow decides
     * ({@link #zipAfterTown}). A clinical word or a unit stops them ("ON ELM ST, HEPARIN 25000 UNITS") unless it is a
     * street's suffix ("Dant Hollow Ln, 40004") or five digits closing the clause follow it ("Jamaica Plain 02130.").
     * The street's last token when no word follows.
     */
    private static int wordsAfterStreet(Scan s, int street) {
        Tokens tk = s.tk;
        int last = street;
        int words = 0;
        for (int u = street + 1; u < tk.n && !tk.nlBefore[u] && words < 4; u++) {
            if (tk.isPunct(u, ',')) {
                continue;
            }
            if (tk.kind[u] != Tokens.WORD || !tk.spaceOnly(u - 1, u) && !tk.isPunct(u - 1, ',')
                    || (s.flags(u) & NOT_A_TOWN_WORD) != 0 && (s.flags(u) & (STREET_NAME | SUFFIX)) == 0
                    && !zipClosesAfter(s, u)) {
                break;
            }
            last = u;
            words++;
        }
        return last;
    }

    /** The last token of the ZIP whose five digits are token u: u, or its "-1234" of a ZIP+4. */
    private static int zipLast(Tokens tk, int u) {
        return tk.isPunct(u + 1, '-') && tk.adjacent(u, u + 1) && u + 2 < tk.n && tk.kind[u + 2] == Tokens.NUM
                && tk.len(u + 2) == 4 && tk.adjacent(u + 1, u + 2) ? u + 2 : u;
    }

    /** Five digits (or ZIP+4) right after word u, or after its comma, that end the clause or the line. */
    private static boolean zipClosesAfter(Scan s, int u) {
        Tokens tk = s.tk;
        int z = tk.isPunct(u + 1, ',') ? u + 2 : u + 1;
        if (z >= tk.n || tk.nlBefore[z] || tk.kind[z] != Tokens.NUM || tk.len(z) != 5) {
            return false;
        }
        int after = zipLast(tk, z) + 1;
        return after >= tk.n || tk.nlBefore[after] || tk.kind[after] == Tokens.PUNCT && !tk.isPunct(after, '-')
                && !tk.isPunct(after, '/') && !tk.isPunct(after, '.') || tk.isPunct(after, '.')
                && (after + 1 >= tk.n || !tk.adjacent(after, after + 1));
    }

    /**
     * "Springfield 01108", "dover, 02030-1234": five digits (or ZIP+4) on the same line right after a town already taken
     * are its ZIP even with no state between. Returns the last token taken (the town's when none).
     */
    private static int zipAfterTown(Scan s, int town) {
        Tokens tk = s.tk;
        int u = town + 1;
        if (tk.isPunct(u, ',') || tk.isPunct(u, '(') && u + 1 < tk.n && tk.adjacent(u, u + 1)) {
            u++; // "Charles St (02122)"
        }
        boolean afterBracket = tk.isPunct(u, ')') && tk.adjacent(u - 1, u);
        if (afterBracket) {
            u++; // "Dorchester (Fields Corner) 02122": the neighbourhood in brackets, then the ZIP
        }
        int st = stateAt(s, u);
        if (st >= u) {
            // "tucson az 85741", "Okemah, Oklahoma 74859": a state in any case between (the ZIP's shape decides)
            u = st + 1;
            if (tk.isPunct(u, ',')) {
                u++;
            }
        }
        if (u >= tk.n || tk.nlBefore[u] || tk.kind[u] != Tokens.NUM || tk.len(u) != 5) {
            return town;
        }
        int last = zipLast(tk, u);
        if (last + 1 < tk.n && tk.adjacent(last, last + 1) && tk.kind[last + 1] != Tokens.PUNCT) {
            return town; // glued to more: not a ZIP on its own
        }
        if (afterBracket && !(last + 1 >= tk.n || tk.nlBefore[last + 1] || tk.kind[last + 1] == Tokens.PUNCT)) {
            return town; // after a bracket only five digits that close the clause: "(Mercy) 10000 units" is a dose
        }
        s.addTokens(PhiType.GEO, u, last, "zip.after-town", 0.8);
        return last;
    }

    /**
     * The last token of a state starting at u on the same line, or -1: its name, or its USPS code in capitals (in any
     * case where case says nothing); codes that are also words (IN, OR, ME, OK...) only before a ZIP.
     */
    private static int stateAt(Scan s, int u) {
        Tokens tk = s.tk;
        if (u >= tk.n || tk.nlBefore[u] || tk.kind[u] != Tokens.WORD) {
            return -1;
        }
        if (s.has(u, Lexicon.USPS) && tk.len(u) == 2) {
            boolean zip = u + 1 < tk.n && !tk.nlBefore[u + 1] && tk.kind[u + 1] == Tokens.NUM && tk.len(u + 1) == 5;
            return (tk.upperDoc || tk.allUpper(u)) && (zip || !s.isAny(u, AMBIGUOUS_USPS)) ? u : -1;
        }
        long m = placeMatch(s, u);
        int end = (int) (m >> 32);
        return end >= u && ((int) m & Lexicon.P_STATE) != 0 ? end : -1;
    }

    /** "Apt. 4B", "Suite 300" on their own (an address split over lines). */
    private static int apartment(Scan s, int t) {
        Tokens tk = s.tk;
        if (!s.isAny(t, "APT", "APARTMENT", "SUITE", "STE") || !tk.upperDoc && tk.lowerInitial(t)) {
            return -1;
        }
        int v = t + 1;
        if (tk.isPunct(v, '.') || tk.isPunct(v, '#')) {
            v++;
        }
        if (v < tk.n && !tk.nlBefore[v] && (tk.kind[v] == Tokens.NUM || tk.kind[v] == Tokens.ALNUM) && tk.len(v) <= 6) {
            if (t >= 2 && tk.isPunct(t - 1, ',') && !tk.nlBefore[t]) {
                for (int i = s.found.size() - 1; i >= 0 && i >= s.found.size() - 4; i--) {
                    PhiSpan p = s.found.get(i);
                    if (p.type() == PhiType.GEO && p.end() == tk.end[t - 2] && p.rule().startsWith("street")) {
                        // "12 Elm St Ext, Suite 4": the unit of a street already found joins it, never stands alone
                        s.add(PhiType.GEO, p.start(), tk.end[v], p.rule(), p.confidence());
                        return v + 1;
                    }
                }
            }
            s.addTokens(PhiType.GEO, t, v, "street.unit", 0.85);
            return v + 1;
        }
        return -1;
    }

    private static int poBox(Scan s, int t) {
        Tokens tk = s.tk;
        int u;
        if (s.is(t, "PO") || s.is(t, "POB")) {
            u = t + 1;
        } else if (s.is(t, "P") && tk.isPunct(t + 1, '.') && s.is(t + 2, "O")) {
            u = tk.isPunct(t + 3, '.') ? t + 4 : t + 3;
        } else {
            return -1;
        }
        if (!s.is(u, "BOX") || u + 1 >= tk.n || tk.kind[u + 1] != Tokens.NUM && tk.kind[u + 1] != Tokens.ALNUM) {
            return -1;
        }
        return addressTail(s, t, u + 1, "street.po-box"); // "PO BOX 47, EPHRAIM WI": its town and ZIP too
    }

    private static final Words STREET_CUES = Words.of("ON", "AT", "OFF", "OF", "ADDRESS", "LIVES", "RESIDES", "NEAR",
            "CORNER", "DOWN", "FROM", "TO", "AND", "VIA");

    /** "lives on Elm Street", "OFF MAPLE AVENUE" (no house number: the suffix must be a full word). */
    private static int streetNoNumber(Scan s, int t) {
        Tokens tk = s.tk;
        // cheap test first: the suffix that closes the name comes one to three words after t
        if (!s.has(t + 1, SUFFIX) && !s.has(t + 2, SUFFIX) && !s.has(t + 3, SUFFIX)) {
            return -1;
        }
        if (!streetNameWord(s, t) || s.has(t, DIRECTION) && !s.has(t + 1, SUFFIX) && !streetNameWord(s, t + 1)) {
            return -1;
        }
        int u = t;
        int names = 0;
        while (u < tk.n && names < 3 && streetNameWord(s, u) && !s.has(u, SUFFIX)) {
            names++;
            u++;
        }
        if (names == 0 || u >= tk.n || !s.has(u, SUFFIX) || tk.nlBefore[u]) {
            return -1;
        }
        boolean proper = !tk.upperDoc && tk.capitalized(t) && tk.capitalized(u);
        boolean ctx = s.before(t, 1, STREET_CUES);
        if (s.has(u, SUFFIX_WEAK)) {
            // "from Walgreens on Main St after...": ST, DR, CT... after "on/off" and a proper-looking name, when no
            // name follows that would make the suffix a title or a saint ("ON CALL DR JONES", "AT ST JOSEPH")
            int nx = u + 1;
            boolean dot = tk.isPunct(nx, '.') && tk.adjacent(u, nx);
            if (dot) {
                nx++;
            }
            int fx = s.flags(nx);
            // in mixed case a name is capitalised, and after "St." a capitalised ordinary word opens a sentence
            boolean nameAfter = nx < tk.n && !tk.nlBefore[nx] && tk.kind[nx] == Tokens.WORD && (tk.upperDoc
                    ? (fx & NAME_LISTED) != 0 && (fx & (STOP | COMMON)) == 0 || (fx & (COMMON | STOP | CLINICAL)) == 0
                    : tk.capitalized(nx) && (!dot || (fx & (COMMON | STOP | CLINICAL)) == 0
                    || (fx & Lexicon.FIRST_NAME) != 0 || s.lx.hospitalCount(tk.lex[nx]) > 0));
            boolean onOff = s.before(t, 1, "ON", "OFF");
            boolean nameLike = !tk.upperDoc ? tk.capitalized(t) : !s.has(t, COMMON) || s.has(t, STREET_NAME)
                    || s.has(t, NAME_LISTED) && s.lx.nameOdds(tk.lex[t]) > -1; // not "HELP ON STAIRS ST"
            if (nameAfter || s.has(t, CLINICAL) || names > 2) {
                return -1;
            }
            if (!(onOff && nameLike) && !locativeStreet(s, t, u, nx)) {
                return -1;
            }
        } else if (!proper && !ctx) {
            return -1;
        }
        s.addTokens(PhiType.GEO, t, u, "street.name", 0.8);
        claim(s, tk.start[t], tk.end[u]);
        int paren = placeInParentheses(s, u); // "ON MISSION CREEK RD (CASHMERE)"
        if (paren < 0) {
            paren = neighbourhoodAfterStreet(s, u); // "on Oxford Pl in Chinatown."
        }
        return (paren > u ? paren : u) + 1;
    }

    private static final Words SHORT_STREET_SUFFIXES = Words.of("ST", "CT", "LN", "PL", "WAY", "ROW", "PATH", "LOOP",
            "WALK");

    private static final Words LOCATIVE_PREPOSITIONS = Words.of("AT", "NEAR", "FROM", "TO", "BETWEEN", "ALONG", "PAST",
            "ACROSS", "BEHIND", "VIA", "AROUND", "ON", "OFF");

    /**
     * "near Wickenden St", "corner of Hope St and Gano St": a street with an ambiguous suffix and no house number
     * where a preposition of place, or a street just before joined by "and", says where. In mixed case the name
     * words and the suffix are capitalised ("St", not "ST"); in ALL CAPS (where "RHYTHM ST", "SINUS TACH ST 110"
     * are sinus tachycardia) only ST/PL/WAY/ROW, after words no list calls ordinary or clinical, and no number
     * after. DR, CT, LN, PT, EXT stay with on/off: they are titles, scans, nodes, patients and extensions.
     */
    private static boolean locativeStreet(Scan s, int t, int suffix, int after) {
        Tokens tk = s.tk;
        boolean crossing = crossing(s, t);
        boolean locative = s.before(t, 1, LOCATIVE_PREPOSITIONS)
                || s.before(t, 1, "OF") && s.before(t, 2, "CORNER", "INTERSECTION");
        if (!locative && !crossing || !tk.spaceOnly(suffix - 1, suffix) || s.has(after, Lexicon.POSTMARK)) {
            return false; // "report to Smith St RN"
        }
        if (!tk.upperDoc) {
            if (!tk.capitalized(suffix) || !s.isAny(suffix, SHORT_STREET_SUFFIXES)) {
                return false;
            }
        } else if (!s.isAny(suffix, "ST", "PL", "WAY", "ROW") || after < tk.n && !tk.nlBefore[after]
                && (tk.kind[after] == Tokens.NUM || tk.kind[after] == Tokens.ALNUM)) {
            return false;
        }
        for (int i = t; i < suffix; i++) {
            int f = s.flags(i);
            // "SE Division St", "NE Alberta St": a compass abbreviation may open the name (NE is also Nebraska)
            boolean compass = i == t && i + 1 < suffix && (f & DIRECTION) != 0 && tk.allUpper(i) && tk.len(i) <= 2;
            if (tk.kind[i] != Tokens.WORD || (f & (CLINICAL | NOT_PLACE)) != 0 && !compass || i > t && !tk.spaceOnly(i - 1, i)) {
                return false;
            }
            boolean ok = compass || (tk.upperDoc
                    ? ((f & COMMON) == 0 || (f & STREET_NAME) != 0 || crossing) && (tk.len(i) >= 4 || (f & STREET_NAME) != 0)
                    : tk.capitalized(i) && ((f & STOP) == 0 || (f & STREET_NAME) != 0));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** "X St and Y St": t follows AND or & right after a street already taken. */
    private static boolean crossing(Scan s, int t) {
        Tokens tk = s.tk;
        int a = t - 1;
        if (a < 1 || !(s.is(a, "AND") || tk.isPunct(a, '&')) || tk.nlBefore[t] || tk.nlBefore[a]) {
            return false;
        }
        int q = a - 1;
        if (tk.isPunct(q, '.') && q > 0) {
            q--;
        }
        if (!s.has(q, SUFFIX)) {
            return false;
        }
        int end = tk.end[q];
        for (int i = s.found.size() - 1; i >= 0 && i >= s.found.size() - 4; i--) {
            PhiSpan p = s.found.get(i);
            if (p.type() == PhiType.GEO && (p.end() == end || p.end() == end + 1) && p.rule().startsWith("street")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A place or facility found with a strong context takes the words from a person-name candidate that only the name
     * lexicon supports ("at Discovery House in Warwick", "Quincy FD"): the words stay redacted, typed as places.
     */
    static void claim(Scan s, int start, int end) {
        if (!s.lexiconNameWithin(start, end)) {
            return;
        }
        // recorded, and the names dropped once at the end of the pass (dropClaimedNames): a scan of every candidate
        // at each claim made a note of many places quadratic ("FROM LOGAN WV." repeated)
        if (s.claims == null || s.claimCount * 2 == s.claims.length) {
            s.claims = java.util.Arrays.copyOf(s.claims == null ? new int[0] : s.claims, Math.max(16, s.claimCount * 4));
        }
        s.claims[2 * s.claimCount] = start;
        s.claims[2 * s.claimCount + 1] = end;
        s.claimCount++;
    }

    /** Drops every name the lexicon guessed that lies wholly inside one claimed place (see {@link #claim}). */
    private static void dropClaimedNames(Scan s) {
        int n = s.claimCount;
        if (n == 0) {
            return;
        }
        long[] byStart = new long[n];
        for (int i = 0; i < n; i++) {
            byStart[i] = (long) s.claims[2 * i] << 32 | s.claims[2 * i + 1] & 0xFFFFFFFFL;
        }
        java.util.Arrays.sort(byStart);
        int[] starts = new int[n];
        int[] maxEnd = new int[n]; // the furthest end among claims starting at or before starts[i]
        for (int i = 0; i < n; i++) {
            starts[i] = (int) (byStart[i] >>> 32);
            maxEnd[i] = Math.max(i > 0 ? maxEnd[i - 1] : 0, (int) byStart[i]);
        }
        s.found.removeIf(p -> {
            if (p.type() != PhiType.NAME || !p.rule().equals("name.lexicon")) {
                return false;
            }
            int i = java.util.Arrays.binarySearch(starts, p.start());
            if (i < 0) {
                i = -i - 2; // the last claim starting before the name
            } else {
                while (i + 1 < n && starts[i + 1] == p.start()) {
                    i++;
                }
            }
            return i >= 0 && maxEnd[i] >= p.end();
        });
        s.claimCount = 0;
    }

    private static final Words RESIDENCE_PREPOSITIONS = Words.of("ON", "OFF", "UP");

    private static final Words RESIDENCE_WORDS = Words.of("LIVES", "LIVE", "LIVED", "LIVING", "RESIDES", "RESIDING",
        "RESIDENCE", "HOME", "HOUSE", "APARTMENT", "APT", "SHELTER", "ADDRESS", "MOVED", "STAYS", "STAYING", "CONDO");

    /**
     * "LIVES ON CENTRE ST", "A SHELTER ON ROSE ST": where the patient lives says the words before a suffix are a
     * street even when the suffix is ambiguous (ST, DR, CT) or the name a clinical word.
     */
    private static int residentialStreet(Scan s, int t) {
        Tokens tk = s.tk;
        int p = t - 1;
        if (p < 0 || tk.kind[p] != Tokens.WORD || tk.len(p) > 3 || tk.nlBefore[t] || !s.isAny(p, RESIDENCE_PREPOSITIONS)
                || !s.before(p, 4, RESIDENCE_WORDS)) {
            return -1;
        }
        int u = t;
        while (u < tk.n && u - t < 3 && tk.kind[u] == Tokens.WORD && !s.has(u, SUFFIX) && (u == t || tk.spaceOnly(u - 1, u))
                && (!s.has(u, STOP) || s.has(u, STREET_NAME)) && (tk.upperDoc || tk.capitalized(u))) {
            u++;
        }
        if (u == t || u >= tk.n || !s.has(u, SUFFIX) || !tk.spaceOnly(u - 1, u)) {
            return -1;
        }
        int end = u;
        if (tk.isPunct(end + 1, '.') && tk.adjacent(end, end + 1)) {
            end++;
        }
        return addressTail(s, t, end, "street.residence"); // "ON TRACE FORK HOLLOW, MOUSIE.": its town too
    }

    private static final Words RESIDENCE_AND_TRAVEL_VERBS = Words.of("LIVES", "LIVED", "RESIDES", "RESIDENT", "NATIVE",
            "MOVED", "HOME", "BORN", "UP", "LIVING", "VISITING", "RELOCATED", "CALLED", "CALLING", "FLYING", "FLEW",
            "DRIVING", "DROVE", "TRAVELED", "TRAVELLED", "COMING", "ARRIVED", "ARRIVING", "RETURNED", "VISITED",
            "EMIGRATED", "IMMIGRATED", "STAYING", "STAYS", "STAYED", "LIVE", "RESIDING", "HOUSE", "FARM", "RANCH");

    /** Longest place phrase at t; returns the index after it, or -1. Cue: one of {@link #CUES_BEFORE} before t. */
    private static int place(Scan s, int t, boolean cue) {
        Tokens tk = s.tk;
        if (!s.phraseHas(t, Lexicon.PLACE_START)) {
            return countyOrUnlisted(s, t, cue);
        }
        long m = placeMatch(s, t);
        int bestEnd = (int) (m >> 32);
        int bestVal = (int) m;
        if (bestEnd < 0) {
            return countyOrUnlisted(s, t, cue);
        }
        if (notAPlaceHere(s, t)) {
            return -1; // (checked once a listed place matched: this runs for every word otherwise)
        }
        if (s.isAny(bestEnd + 1, MAKERS) && tk.spaceOnly(bestEnd, bestEnd + 1)) {
            return bestEnd + 2; // "Boston Scientific ICD": a device maker, not a place
        }
        if (country(s, t, bestEnd) && !stateAfter(s, bestEnd) && !properAfter(s, bestEnd)) {
            // "Mandeville, Jamaica": countries are not Safe Harbor places (a US town of the name takes a state, and
            // "Jamaica Plain" goes on); a postal code after one still is
            return zipAfterTown(s, bestEnd) + 1;
        }
        boolean bigCity = (bestVal & Lexicon.P_PLACE) != 0 && (bestVal >>> 4) >= 40; // New York, Washington
        if ((bestVal & Lexicon.P_STATE) != 0 && !bigCity && !s.isAny(bestEnd + 1, "CITY", "COUNTY", "TOWNSHIP", "TWP")) {
            return bestEnd + 1; // a state (also when a township shares its name): not PHI
        }
        int pop = bestVal >>> 4;
        boolean multi = bestEnd > t;
        boolean allCommon = true;
        boolean anyClinical = false;
        boolean anyStop = false;
        boolean shapeOk = true;
        for (int i = t; i <= bestEnd; i++) {
            if (tk.kind[i] == Tokens.PUNCT) {
                continue;
            }
            int f = s.flags(i);
            allCommon &= (f & COMMON) != 0;
            anyClinical |= (f & CLINICAL) != 0;
            anyStop |= (f & STOP) != 0;
            if (!tk.upperDoc && !tk.capitalized(i) && !(tk.allUpper(i) && tk.len(i) > 1)) {
                shapeOk = false;
            }
        }
        if (!shapeOk) {
            return -1;
        }
        boolean countyAfter = s.isAny(bestEnd + 1, "COUNTY", "PARISH", "BOROUGH", "CO");
        boolean stateAfter = stateAfter(s, bestEnd) || countryAfter(s, bestEnd);
        int p = s.prevWord(t, 0);
        boolean prep = p >= 0 && s.has(p, Lexicon.PLACE_PREP) && !tk.nlBefore[t];
        boolean properMixed = !tk.upperDoc && tk.capitalized(t) && !tk.sentenceStart(t);
        // "LIVES IN BUFFALO", "RESIDES IN PROVIDENCE": strong enough for towns that are also words
        boolean strongPrep = prep && s.isAny(p, "IN", "FROM", "TO", "OF") && s.before(p, 5, RESIDENCE_AND_TRAVEL_VERBS) // (not WORKED or RAISED: "WORKED IN COAL MINES", "RAISED IN FOSTER CARE")
                // "AUNT IN PHOENIX", "SISTER IN GLOBE": where a relative lives or comes from
                || prep && s.isAny(p, "IN", "FROM") && p > 0 && s.prevWord(p, 0) >= 0
                && (s.flags(s.prevWord(p, 0)) & Lexicon.RELATION) != 0
                && (s.flags(s.prevWord(p, 0)) & (Lexicon.TITLE | Lexicon.POSTMARK)) == 0
                // "VINEYARD NEAR FOWLER", "outside Cushing": near a town that is no English word
                || p >= 0 && !tk.nlBefore[t] && s.isAny(p, "NEAR", "NR", "OUTSIDE", "OFF") && (s.flags(t) & COMMON) == 0
                && (tk.upperDoc || tk.capitalized(t));
        boolean accept;
        if (countyAfter || stateAfter) {
            accept = !anyStop || multi;
        } else if (strongPrep && !anyStop && pop >= 24 || prep && bestEnd - t >= 2 && !anyStop && pop >= 24) {
            // (and "NEAR BIG STONE GAP": three words or more that a list holds as one place)
            accept = true; // "LIVES IN CANADIAN", "lives in French Valley": the context outweighs the vocabulary
        } else if (multi) {
            // "FROM LOS FRESNOS": a clinical abbreviation (LOS) opening a name that goes on with a word no list knows
            boolean properWord = false;
            for (int i = t; i <= bestEnd; i++) {
                properWord |= tk.kind[i] == Tokens.WORD && (s.flags(i) & (COMMON | CLINICAL | STOP)) == 0;
            }
            accept = !allCommon && !anyClinical && pop >= 24 || pop >= 38 && !anyClinical
                    || (prep || properMixed) && !anyClinical || prep && properWord && !anyStop;
        } else {
            int f = s.flags(t);
            boolean common = (f & COMMON) != 0;
            accept = !anyStop && !anyClinical && (!common && (pop >= 30 || prep || properMixed)
                    || common && (properMixed && prep || strongPrep) && pop >= 24);
            if (tk.len(t) <= 3 && tk.upperDoc) {
                accept = false; // short all-caps words are abbreviations far more often than towns
            }
            if ((f & (Lexicon.RELATION | Lexicon.TITLE)) != 0 && !strongPrep) {
                accept = false; // "STATE TROOPER", "CHARGE NURSE": people's roles, whatever town shares the word
            }
        }
        if (!strongPrep && diseaseAfter(s, bestEnd, prep && !s.is(p, "OF"))) {
            // "Rocky Mountain spotted fever", "Berlin criteria": a disease's name, so no person's either
            for (int i = s.found.size() - 1; i >= 0; i--) {
                PhiSpan p2 = s.found.get(i);
                if (p2.type() == PhiType.NAME && p2.start() >= tk.start[t] && p2.end() <= tk.end[bestEnd]
                        && p2.rule().equals("name.lexicon")) {
                    s.found.remove(i);
                }
            }
            return bestEnd + 1;
        }
        if (!accept || !multi && Names.eponym(s, t)) {
            return -1; // "ROSS PROCEDURE" is an operation, not a town
        }
        if (!strongPrep && !multi && colourBefore(s, t)) {
            return -1; // "white Silverado", "silver Tacoma": a vehicle
        }
        int end = bestEnd;
        if (countyAfter) {
            end = bestEnd + 1;
        }
        s.addTokens(PhiType.GEO, t, end, countyAfter ? "geo.county" : "geo.place", multi || stateAfter ? 0.85 : 0.7);
        if (stateAfter) {
            claim(s, tk.start[t], tk.end[end]); // "Mandeville, Jamaica": the place, not a surname
        }
        return zipAfterTown(s, end) + 1;
    }

    /** No listed place at t: a county, else (only after a cue word) an unlisted town. */
    private static int countyOrUnlisted(Scan s, int t, boolean cue) {
        int c = county(s, t);
        return c >= 0 || !cue ? c : unlistedPlace(s, t);
    }

    /** "called at home", "from home in Rockland": the patient's home, not the towns named Home. */
    static boolean homeNotTown(Scan s, int t) {
        return s.is(t, "HOME") && s.isAny(s.prevWord(t, 0), "AT", "FROM", "TO", "IN");
    }

    /**
     * A town's name used as something else: a language ("Language: Kiowa", "speaks Choctaw"), a code ("Code Silver"),
     * a vehicle ("4-WHEELER"), a treatment bay ("in Bay 1").
     */
    private static boolean notAPlaceHere(Scan s, int t) {
        Tokens tk = s.tk;
        // cheapest first: this runs for every listed place a word starts, and for every unlisted-place candidate
        return s.afterNumberDash(t)
                || t + 1 < tk.n && tk.kind[t + 1] == Tokens.NUM && !tk.nlBefore[t + 1] && s.isAny(t, "BAY", "POD", "ROOM", "BED")
                || (tk.upperDoc || !tk.lowerInitial(t)) && s.languageOrCode(t)
                // "called from home in Rockland", "modified Fisher 4", "Miami J": a home, a grade, a collar
                || homeNotTown(s, t) || Names.clinicalCompound(s, t);
    }

    private static final Words DISEASE_HEADS = Words.of("FEVER", "FEVERS", "CRITERIA",
        "CRITERION", "CLASSIFICATION", "DISEASE", "VIRUS", "VIRUSES", "FLU", "INFLUENZA", "SYNDROME", "ENCEPHALITIS",
        "RULE", "RULES", "DEFINITION", "GUIDELINES", "CONSENSUS", "STRAIN", "VARIANT", "QUESTIONNAIRE", "TOXIN", "UNITS", "SHUNT",
        "LESION", "LESIONS", "PREP",
        // nations and their people, not the towns of the same name ("Choctaw citizen", "Muscogee Nation")
        "NATION", "NATIONS", "CITIZEN", "CITIZENS", "CITIZENSHIP", "TRIBE", "TRIBAL");
    /** Heads that also follow a town in run-on notes ("FROM LOWELL PAIN SCORE 3"): only without a place word before. */
    private static final Words SCALE_HEADS = Words.of("SCALE", "SCORE", "PROTOCOL", "INDEX",
        "SYSTEM", "METHOD", "TECHNIQUE");

    /**
     * A disease, criteria or score named after a place: up to three words on the line after the place (no stop word,
     * no punctuation but a hyphen) end in FEVER, CRITERIA, CLASSIFICATION, VIRUS, RULES, SCALE... ("Rocky Mountain
     * spotted fever", "Berlin criteria", "Glasgow Coma Scale", "Ottawa ankle rules"). After a place word (from, in,
     * at...) only a disease or criteria head reached over words that are not clinical: "FROM LOWELL FEVER 102" and
     * "from Worcester pain score 4" keep the town.
     */
    private static boolean diseaseAfter(Scan s, int last, boolean prep) {
        Tokens tk = s.tk;
        int u = last + 1;
        boolean clinical = false;
        for (int words = 0; u < tk.n && words < 4 && !tk.nlBefore[u]; u++) {
            if (tk.kind[u] == Tokens.PUNCT) {
                if (tk.isPunct(u, '-') && tk.adjacent(u - 1, u)) {
                    continue;
                }
                return false;
            }
            if (tk.kind[u] != Tokens.WORD) {
                return false;
            }
            if (s.isAny(u, DISEASE_HEADS)) {
                return !prep || words > 0 && !clinical;
            }
            if (s.isAny(u, SCALE_HEADS)) {
                return !prep;
            }
            if (s.has(u, STOP | NOT_PLACE) || s.has(u, Lexicon.PLACE_PREP)) {
                return false;
            }
            clinical |= s.has(u, CLINICAL);
            words++;
        }
        return false;
    }

    private static final Words COLOURS = Words.of("WHITE", "BLACK", "SILVER", "GRAY", "GREY", "RED", "BLUE", "GREEN", "TAN",
        "MAROON", "GOLD", "BEIGE", "BROWN", "ORANGE", "YELLOW", "PURPLE", "BRONZE", "CHAMPAGNE");

    /** A colour right before a one-word place: a vehicle's make or model ("white Silverado", "silver Tacoma"). */
    private static boolean colourBefore(Scan s, int t) {
        Tokens tk = s.tk;
        return t > 0 && !tk.nlBefore[t] && tk.kind[t - 1] == Tokens.WORD && tk.spaceOnly(t - 1, t) && s.isAny(t - 1, COLOURS);
    }

    private static final String[] AUTHORITY_CONTEXT = {"BIB", "BY", "PER", "CALLED", "NOTIFIED", "CONTACTED", "FROM",
        "TO", "AND", "OFFICER", "OFFICERS"};
    private static final Words AUTHORITIES = Words.of("PD", "FD", "POLICE", "FIRE", "SHERIFF", "SHERIFFS");
    private static final String[] PD_CONTEXT = {"BIB", "PER", "CALLED", "NOTIFIED", "CONTACTED"};

    /**
     * "BIB Providence PD", "Quincy FD", "per Attleboro Fire", "Fall River Police": a listed town right before a police
     * or fire department. Towns that are also words (Providence, Orange) need a writer's capital inside a sentence or
     * a word that brings a department in (BIB, per, called...), and before PD ("early PD" = Parkinson's disease) or in
     * ALL CAPS the latter.
     */
    private static int townBeforeAuthority(Scan s, int t) {
        Tokens tk = s.tk;
        if (!s.phraseHas(t, Lexicon.PLACE_START) || !s.isAny(Math.min(t + 1, tk.n - 1), AUTHORITIES)
                && !s.isAny(Math.min(t + 2, tk.n - 1), AUTHORITIES) && !s.isAny(Math.min(t + 3, tk.n - 1), AUTHORITIES)) {
            return -1; // (cheap test first: the gazetteer walk is the place rule's)
        }
        long m = placeMatch(s, t);
        int last = (int) (m >> 32);
        if (last < 0) {
            return -1;
        }
        int val = (int) m;
        int a = last + 1;
        if (a >= tk.n || tk.kind[a] != Tokens.WORD || !tk.spaceOnly(last, a)
                || !s.isAny(a, AUTHORITIES)
                || (val & (Lexicon.P_PLACE | Lexicon.P_SUBDIV | Lexicon.P_COUNTY)) == 0 || (val >>> 4) < 20) {
            return -1;
        }
        boolean pd = s.is(a, "PD");
        if (!tk.upperDoc && !tk.capitalized(a) && !tk.allUpper(a) || s.has(s.prevWord(t, 1), Lexicon.TITLE)) {
            return -1; // "the fire", "Dr. Lowell PD clinic"
        }
        boolean common = false;
        for (int i = t; i <= last; i++) {
            if (tk.kind[i] != Tokens.WORD) {
                continue;
            }
            int f = s.flags(i);
            if ((f & (STOP | Lexicon.RELATION | Lexicon.TITLE | Lexicon.MONTH | Lexicon.WEEKDAY | Lexicon.VERB_CONTEXT)) != 0
                    || (f & CLINICAL) != 0 && (pd || (f & NAME_LISTED) == 0)
                    || !tk.upperDoc && !tk.capitalized(i) && !(tk.allUpper(i) && tk.len(i) > 1)) {
                return -1;
            }
            common |= (f & COMMON) != 0;
        }
        // "BURNS FROM HOUSE FIRE": only words that bring a department in count before PD and FIRE
        boolean brought = s.before(t, 1, pd || s.is(a, "FIRE") ? PD_CONTEXT : AUTHORITY_CONTEXT) && !tk.nlBefore[t];
        if (common && !brought && (pd || tk.upperDoc || tk.sentenceStart(t))) {
            return -1;
        }
        s.addTokens(PhiType.GEO, t, last, "geo.authority", 0.85);
        claim(s, tk.start[t], tk.end[a]);
        // a name candidate that runs into the department word ("per Attleboro Fire") read the department as a surname
        for (int i = s.found.size() - 1; i >= 0; i--) {
            PhiSpan p = s.found.get(i);
            if (p.type() == PhiType.NAME && p.start() == tk.start[t] && p.end() == tk.end[a] && p.rule().equals("name.context")) {
                s.found.remove(i);
            }
        }
        return a + 1;
    }

    private static final Words PROGRAM_VERBS = Words.of("INTAKE", "DOSED", "DOSES", "DOSING", "ENROLLED", "ENROLLMENT",
        "ATTENDS", "ATTENDED", "ATTENDING", "METHADONE", "SUBOXONE", "BUPRENORPHINE", "VIVITROL", "PROGRAM", "COUNSELING",
        "COUNSELLING", "DETOX", "RESIDENTIAL");

    /**
     * "intake at Pinecrest Recovery Tues.", "dosed at Lighthouse daily": where a patient attends a treatment program,
     * the capitalised words after AT name it even with no facility word. Mixed case only (where a capital inside a
     * sentence says "name"); at least one word must be more than a generic facility word.
     */
    private static int programAfterVerb(Scan s, int t) {
        Tokens tk = s.tk;
        if (tk.upperDoc || tk.nlBefore[t] || !tk.capitalized(t) && !(tk.allUpper(t) && tk.len(t) >= 3)) {
            return -1;
        }
        int p = t - 1;
        if (p < 0 || !s.is(p, "AT") || !tk.spaceOnly(p, t) || !s.before(p, 2, PROGRAM_VERBS)) {
            return -1;
        }
        int last = -1;
        boolean distinctive = false;
        for (int u = t; u < tk.n && u - t < 4; u++) {
            int f = s.flags(u);
            if (tk.kind[u] != Tokens.WORD || u > t && !tk.spaceOnly(u - 1, u)
                    || !(tk.capitalized(u) || tk.allUpper(u) && tk.len(u) >= 2)
                    || (f & (STOP | NOT_PLACE)) != 0 || (f & CLINICAL) != 0 && (f & Lexicon.GROUP) == 0
                    || tk.allUpper(u) && tk.len(u) < 3) {
                break;
            }
            last = u;
            distinctive |= !facilityWord(s, u) && !programWord(s, u) && !s.has(u, Lexicon.HOSP_GENERIC);
        }
        if (last < 0 || !distinctive || last == t && s.has(t, COMMON)) {
            return -1; // "dosed at Bedtime": one ordinary word is not a program's name
        }
        s.addTokens(PhiType.GEO, t, last, "facility.program", 0.8);
        claim(s, tk.start[t], tk.end[last]);
        int town = townAfterFacility(s, last);
        return (town > last ? town : last) + 1;
    }

    /**
     * "Discovery House in Warwick", "Chugach Regional Medical Center, Anchorage": a listed town right after a facility
     * and IN is the facility's town, whatever the name lexicon says; after a comma only when the town closes the
     * phrase (line end, punctuation, a state or a ZIP), and in ALL CAPS an ordinary word only as a large town or before
     * a state or ZIP ("SPAULDING REHAB, HOME." is no town). Returns its last token (or its ZIP's), or -1.
     */
    private static int townAfterFacility(Scan s, int last) {
        Tokens tk = s.tk;
        if (last + 1 < tk.n && s.isAny(last + 1, UNITS_AFTER_NAME) && tk.spaceOnly(last, last + 1)) {
            last++; // "CUMBERLAND FORD REGIONAL HOSPITAL ER, MIDDLESBORO, KY": the department, then the town
        }
        int t = last + 2;
        boolean in = s.is(last + 1, "IN");
        boolean comma = tk.isPunct(last + 1, ',');
        boolean paren = tk.isPunct(last + 1, '(');
        if (t >= tk.n || !in && !comma && !paren || tk.nlBefore[last + 1] || tk.nlBefore[t] || tk.kind[t] != Tokens.WORD) {
            return -1;
        }
        long m = placeMatch(s, t);
        int end = (int) (m >> 32);
        int val = (int) m;
        if (paren) {
            // "COLUMBIA PINES MEDICAL CENTER (LAKE CITY)": a listed town alone in parentheses after the facility, or
            // one or two proper words no list knows ("REGIONAL HOSPITAL (MIDDLEBORO)")
            if (end < t || !tk.isPunct(end + 1, ')') || (val & Lexicon.P_PLACE) == 0) {
                end = t;
                if (tk.spaceOnly(t, t + 1) && t + 1 < tk.n && tk.kind[t + 1] == Tokens.WORD) {
                    end = t + 1;
                }
                for (int i = t; i <= end; i++) {
                    if (tk.kind[i] != Tokens.WORD || tk.len(i) < 5 || s.has(i, STOP | CLINICAL | COMMON | NOT_PLACE)
                            || s.has(i, Lexicon.USPS | Lexicon.STATE_NAME)
                            // how the patient came, not where from: "(INTUBATED)", "(AIRLIFTED)", "(TELESTROKE)"
                            || participle(s, i) && !s.has(i, Lexicon.PLACE_START) || s.key(i).startsWith("TELE")
                            || s.key(i).endsWith("FLIGHT")) {
                        return -1;
                    }
                }
                if (!tk.isPunct(end + 1, ')')) {
                    return -1;
                }
            }
            for (int i = t; i <= end; i++) {
                if (tk.kind[i] == Tokens.WORD && s.has(i, STOP | CLINICAL | NOT_PLACE)) {
                    return -1;
                }
            }
            s.addTokens(PhiType.GEO, t, end, "geo.after-facility", 0.8);
            claim(s, tk.start[t], tk.end[end]);
            return end;
        }
        if (end < 0 && comma) {
            // a town the gazetteer does not list, known by the state after it: "Medical Center, Tamuning, Guam"
            int e = t;
            while (e + 1 < tk.n && e - t < 2 && tk.spaceOnly(e, e + 1) && properTownWord(s, e + 1)) {
                e++;
            }
            if (properTownWord(s, t) && tk.isPunct(e + 1, ',') && stateAt(s, e + 2) >= e + 2) {
                s.addTokens(PhiType.GEO, t, e, "geo.after-facility", 0.75);
                claim(s, tk.start[t], tk.end[e]);
                return e;
            }
        }
        if (end < 0 || (val & (Lexicon.P_PLACE | Lexicon.P_SUBDIV)) == 0
                || (val & Lexicon.P_STATE) != 0 && (val >>> 4) < 40) {
            return -1;
        }
        boolean common = false;
        for (int i = t; i <= end; i++) {
            if (tk.kind[i] == Tokens.WORD && (s.has(i, STOP | CLINICAL | NOT_PLACE)
                    || !tk.upperDoc && !tk.capitalized(i))) {
                return -1;
            }
            common |= tk.kind[i] == Tokens.WORD && s.has(i, COMMON);
        }
        if (comma) {
            int nx = end + 1;
            boolean stateOrZip = stateAt(s, nx) >= nx || nx < tk.n && !tk.nlBefore[nx] && tk.kind[nx] == Tokens.NUM
                    && tk.len(nx) == 5;
            boolean closes = nx >= tk.n || tk.nlBefore[nx] || tk.isPunct(nx, ',') || tk.isPunct(nx, '.')
                    || tk.isPunct(nx, ';') || tk.isPunct(nx, ')') || tk.isPunct(nx, '-') || stateOrZip
                    || !tk.spaceOnly(end, nx) || gap(s, end, nx) >= 2;
            if (!closes || tk.upperDoc && common && !stateOrZip && (val >>> 4) < 40) {
                return -1;
            }
        }
        s.addTokens(PhiType.GEO, t, end, "geo.after-facility", 0.8);
        claim(s, tk.start[t], tk.end[end]);
        return comma ? zipAfterTown(s, end) : end;
    }

    /** The units of a hospital written after its name and before its town. */
    private static final Words UNITS_AFTER_NAME = Words.of("ER", "ED", "EW", "ICU", "MICU", "SICU", "CCU", "NICU", "PICU");

    /** A capitalised word that can name a town: no function, clinical, month or state word. */
    private static boolean properTownWord(Scan s, int t) {
        Tokens tk = s.tk;
        return tk.kind[t] == Tokens.WORD && !tk.nlBefore[t] && tk.len(t) >= 3 && (tk.upperDoc || tk.capitalized(t))
                && !s.has(t, STOP | CLINICAL | NOT_PLACE | Lexicon.MONTH | Lexicon.WEEKDAY | Lexicon.STATE_NAME);
    }

    /** Blank characters between tokens a and b (a column gap in a header when two or more). */
    private static int gap(Scan s, int a, int b) {
        return s.tk.start[b] - s.tk.end[a];
    }

    /** Three blanks or a tab between a and b on one line: the columns of a header, not one phrase. */
    private static boolean columnGap(Scan s, int a, int b) {
        Tokens tk = s.tk;
        if (a < 0 || b >= tk.n || tk.nlBefore[b]) {
            return false;
        }
        if (gap(s, a, b) >= 3) {
            return true;
        }
        for (int i = tk.end[a]; i < tk.start[b]; i++) {
            if (s.text.charAt(i) == '\t') {
                return true;
            }
        }
        return false;
    }

    /**
     * The longest gazetteer phrase starting at t: its last token in the high half, its value (kinds and population
     * quantile) in the low half; -1 in the high half when none.
     */
    private static long placeMatch(Scan s, int t) {
        Tokens tk = s.tk;
        int bestEnd = -1;
        int bestVal = -1;
        if (t >= tk.n || tk.kind[t] != Tokens.WORD || !s.phraseHas(t, Lexicon.PLACE_START)) {
            return -1L << 32;
        }
        int node = 0;
        int u = t;
        int depth = 0;
        int maxDepth = s.lx.places.maxDepth();
        while (u < tk.n && depth < maxDepth) {
            if (tk.kind[u] == Tokens.PUNCT) {
                break;
            }
            if (depth > 0 && !tk.spaceOnly(u - 1, u) && !(tk.adjacent(u - 1, u))) {
                if (!(u >= 2 && tk.isPunct(u - 1, '-'))) {
                    break;
                }
            }
            int next = s.lx.places.child(node, tk.phraseLex(u));
            if (next < 0) {
                break;
            }
            node = next;
            depth++;
            int v = s.lx.places.value(node);
            if (v >= 0) {
                bestEnd = u;
                bestVal = v;
            }
            u++;
            // allow "WINSTON-SALEM", "ST. LOUIS"
            if (u + 1 < tk.n && (tk.isPunct(u, '-') || tk.isPunct(u, '.')) && tk.adjacent(u - 1, u)) {
                u++;
            }
        }
        return (long) bestEnd << 32 | bestVal & 0xFFFFFFFFL;
    }

    private static final Words PLACE_VERBS = Words.of("LIVES", "LIVED",
        "RESIDES", "RESIDENT", "NATIVE", "MOVED", "HOME", "BORN", "UP", "LIVING", "VISITING", "RELOCATED",
        "ORIGINALLY", "BASED", "CALLED", "CALLING", "FLYING", "FLEW", "DRIVING", "DROVE", "TRAVELED", "TRAVELLED",
        "COMING", "CAME", "ARRIVED", "ARRIVING", "RETURNED", "VISITED", "EMIGRATED", "IMMIGRATED", "RAISED",
        "VACATIONED", "VACATIONING", "VACATION", "HONEYMOON", "HOTEL", "STAYED", "DIAGNOSED");

    private static final Words STRONG_PLACE_PREPOSITIONS = Words.of("IN", "FROM", "TO", "OF");

    private static boolean strongPlaceContext(Scan s, int t) {
        Tokens tk = s.tk;
        int p = s.prevWord(t, 0);
        if (p < 0 || tk.nlBefore[t] || !s.isAny(p, STRONG_PLACE_PREPOSITIONS)) {
            return false;
        }
        // the verb in the same clause: "VISITED. DNR, OK TO TRANSFUSE" has none
        for (int q = p - 1, words = 0; q >= 0 && words < 5 && !tk.nlBefore[q + 1]; q--) {
            if (tk.kind[q] == Tokens.PUNCT) {
                char c = tk.firstChar(q);
                if (c == '.' || c == ';' || c == ':' || c == '!' || c == '?') {
                    return false;
                }
                continue;
            }
            if (s.isAny(q, PLACE_VERBS)) {
                return true;
            }
            words++;
        }
        return false;
    }

    /** ", China" after t: a country closes the place phrase (the town before it is abroad). */
    private static boolean countryAfter(Scan s, int last) {
        return countryAfter(s, last, true);
    }

    /** With region, one region of one or two words may come between ("XELAJU, QUETZALTENANGO, GUATEMALA"). */
    private static boolean countryAfter(Scan s, int last, boolean region) {
        Tokens tk = s.tk;
        int u = last + 1;
        if (!tk.isPunct(u, ',') || u + 1 >= tk.n || tk.nlBefore[u + 1] || tk.kind[u + 1] != Tokens.WORD
                || !tk.upperDoc && !tk.capitalized(u + 1)) {
            return false;
        }
        for (int e = u + 1; e < tk.n && e <= u + 3; e++) {
            if (country(s, u + 1, e)) {
                int nx = e + 1;
                return nx >= tk.n || tk.nlBefore[nx] || tk.kind[nx] == Tokens.PUNCT || s.has(nx, STOP);
            }
        }
        // "COMITANCILLO, SAN MARCOS, GUATEMALA", "ACAMBARO, GTO, MEXICO": a region of one or two words between
        // (one region only, not a chain: "A, B, C, ..." would recurse once per comma, deep and over and over)
        for (int r = u + 1; region && r <= u + 2 && r < tk.n && tk.kind[r] == Tokens.WORD && !tk.nlBefore[r]; r++) {
            if (tk.isPunct(r + 1, ',') && r + 1 > u + 1 && !country(s, u + 1, r) && countryAfter(s, r, false)
                    && !s.has(u + 1, CLINICAL | STOP)) {
                return true;
            }
        }
        return false;
    }

    /** Whether tokens t..e (words and spaces) spell a country. */
    private static boolean country(Scan s, int t, int e) {
        Tokens tk = s.tk;
        if (e - t > 2) {
            return false;
        }
        // cheap test first: a list test on t's id instead of its key's String (ONE_WORD holds exactly the one-word
        // countries, and a country of several words opens with one of FIRST_OF_SEVERAL)
        if (e == t) {
            return s.isAny(t, Countries.ONE_WORD);
        }
        if (!s.isAny(t, Countries.FIRST_OF_SEVERAL)) {
            return false;
        }
        StringBuilder b = new StringBuilder();
        for (int i = t; i <= e; i++) {
            if (tk.kind[i] != Tokens.WORD || i > t && !tk.spaceOnly(i - 1, i)) {
                return false;
            }
            b.append(i > t ? " " : "").append(s.key(i));
        }
        return Countries.isCountry(b.toString());
    }

    /** A word on the same line that carries a place name on ("Jamaica Plain", "JAMAICA PLAIN", "Lebanon County"). */
    private static boolean properAfter(Scan s, int last) {
        Tokens tk = s.tk;
        int nx = last + 1;
        return nx < tk.n && !tk.nlBefore[nx] && tk.kind[nx] == Tokens.WORD && tk.spaceOnly(last, nx)
                && !s.has(nx, STOP | NOT_PLACE) && (tk.upperDoc ? tk.allUpper(nx) : tk.capitalized(nx));
    }

    /** Device and drug makers named after a place ("Boston Scientific"). */
    private static final Words MAKERS = Words.of("SCIENTIFIC", "PHARMACEUTICALS", "PHARMACEUTICAL", "INSTRUMENTS");


    /** Heads of neighbourhood and district names: "Jamaica Plain", "Ybor City", "Coral Springs". */
    private static final Words DISTRICT_HEADS = Words.of("PLAIN", "PLAINS", "HEIGHTS",
        "HILLS", "VILLAGE", "CITY", "BEACH", "SPRINGS", "HARBOR", "HARBOUR", "POINT", "SQUARE", "CORNER", "CORNERS",
        "FALLS", "JUNCTION", "GARDENS", "GROVE", "ESTATES", "LANDING", "CROSSING", "MILLS");

    /** Words that turn a district-shaped phrase into a building or a service ("City Hospital", "Times Square Clinic"). */
    private static final Words DISTRICT_STOPPERS = Words.of("HOSPITAL", "HOSP", "CLINIC", "CENTER", "CENTRE", "MEDICAL",
        "MED", "HEALTH", "REHAB", "NURSING", "MANOR", "CARE", "SCHOOL", "HIGH", "ELEMENTARY", "COLLEGE", "UNIVERSITY",
        "APARTMENTS", "APTS");

    private static final Words DISTRICT_PREPOSITIONS = Words.of("IN", "FROM", "NEAR", "AT", "TO");

    /**
     * "in Jamaica Plain", "from Ybor City", "near Little Havana": one or two proper words and a district head (or
     * LITTLE and a proper word) after a place preposition name a neighbourhood, even when the first word alone is a
     * country or an ordinary word. Mixed case only when a country leads: all-caps notes keep the country rule.
     */
    private static int district(Scan s, int t) {
        Tokens tk = s.tk;
        int p = s.prevWord(t, 0);
        if (p < 0 || tk.nlBefore[t] || !s.isAny(p, DISTRICT_PREPOSITIONS) || !properWord(s, t)) {
            return -1;
        }
        if (s.is(t, "LITTLE")) {
            int u = t + 1;
            if (u < tk.n && !tk.nlBefore[u] && tk.spaceOnly(t, u) && properWord(s, u) && !s.has(u, COMMON | CLINICAL)
                    && !s.isAny(u + 1, DISTRICT_STOPPERS)) {
                s.addTokens(PhiType.GEO, t, u, "geo.district", 0.8);
                claim(s, tk.start[t], tk.end[u]);
                return u + 1;
            }
            return -1;
        }
        if (s.has(t, CLINICAL | STOP | NOT_PLACE)) {
            return -1;
        }
        for (int h = t + 1; h <= t + 2 && h < tk.n; h++) {
            if (tk.nlBefore[h] || !tk.spaceOnly(h - 1, h) || !properWord(s, h)) {
                return -1;
            }
            if (s.isAny(h, DISTRICT_HEADS)) {
                if (s.isAny(h + 1, DISTRICT_STOPPERS) || s.is(h + 1, "OF") || tk.upperDoc && Countries.isCountry(s.key(t))) {
                    return -1; // "City Hospital", "Point of care"; "JAMAICA PLAIN" stays with the country rule
                }
                if (h == t + 2 && s.has(t + 1, CLINICAL | STOP | NOT_PLACE)) {
                    return -1;
                }
                s.addTokens(PhiType.GEO, t, h, "geo.district", 0.8);
                claim(s, tk.start[t], tk.end[h]);
                return h + 1;
            }
        }
        return -1;
    }

    private static boolean properWord(Scan s, int t) {
        Tokens tk = s.tk;
        return t < tk.n && tk.kind[t] == Tokens.WORD && (tk.upperDoc ? tk.allUpper(t) : tk.capitalized(t));
    }

    /** Where a patient comes from that is no town: care settings, homes, services. */
    private static final Words NOT_HOME_TOWNS = Words.of("HOME", "HOUSE", "APARTMENT", "APT", "NURSING", "ASSISTED",
        "REHAB", "SNF", "LTAC", "LTACH", "NH", "ALF", "OSH", "ED", "ER", "OR", "PACU", "FLOOR", "TELE", "CATH", "LAB",
        "PCP", "CLINIC", "HOSPITAL", "SHELTER", "JAIL", "PRISON", "WORK", "SCHOOL", "CHURCH", "OUTSIDE", "AN", "A",
        "THE", "HIS", "HER", "THEIR", "OTHER", "ANOTHER", "LOCAL", "AREA", "FAMILY", "FRIENDS", "FRIEND", "GROUP",
        "TRANSFER", "TRANSPORT", "EMS", "SCENE", "STREET", "CAR", "TRUCK", "BED", "CHAIR", "DIALYSIS", "HD", "ORTHO",
        "SURGERY", "CARDIOLOGY", "MEDICINE", "PSYCH", "DETOX", "TRIAGE", "HOSPICE", "FIELD", "ABROAD", "OVERSEAS",
        "BOARDING", "RESPITE", "JAIL", "CUSTODY", "PRISON", "HOTEL", "MOTEL", "CAMP",
        // units, services and transports no list marks: "FROM TELEMETRY,", "FROM PREOP,", "FROM MEDFLIGHT,", "FROM MVC,"
        "TELEMETRY", "PREOP", "POSTOP", "MEDFLIGHT", "LIFEFLIGHT", "MEDEVAC", "HELICOPTER", "MVC", "MVA");

    /**
     * "68 YOM FROM SWAN VALLEY, ANT STEMI", "61 YOM FROM HOPE, CUT L SHIN", "44 yo m from white swan, w/d": on a
     * census or header line, the words after an age, a sex and FROM, up to the phrase's end, are where the patient
     * lives, even ordinary words; not a care setting ("FROM HOME,", "FROM OSH.", "FROM 4 WEST").
     */
    private static int townAfterAgeAndSex(Scan s, int t) {
        Tokens tk = s.tk;
        int from = t - 1;
        if (from < 1 || tk.nlBefore[t] || !s.is(from, "FROM") || tk.kind[t] != Tokens.WORD) {
            return -1;
        }
        int a = s.prevWord(from, 0);
        boolean ageSex = a >= 0 && (tk.kind[a] == Tokens.ALNUM && Names.gluedAgeSex(s, a)
                || tk.kind[a] == Tokens.WORD && (a >= 1 && tk.kind[a - 1] == Tokens.NUM && Names.ageSexAfter(s, a - 1)
                || a >= 2 && tk.kind[a - 2] == Tokens.NUM && Names.ageSexAfter(s, a - 2)));
        if (!ageSex) {
            return -1;
        }
        int e = t - 1;
        for (int u = t; u < tk.n && u - t < 3 && tk.kind[u] == Tokens.WORD && !tk.nlBefore[u]
                && (u == t || tk.spaceOnly(u - 1, u)) && !(s.is(u, "W") && tk.isPunct(u + 1, '/')); u++) {
            if (s.has(u, STOP | Lexicon.TITLE | Lexicon.RELATION | Lexicon.MONTH | Lexicon.WEEKDAY | Lexicon.STATE_NAME
                    | Lexicon.USPS | Lexicon.FACILITY_HEAD) || s.isAny(u, NOT_HOME_TOWNS) || s.careUnit(u) || tk.len(u) < 3
                    || Countries.isCountry(s.key(u))
                    || s.has(u, CLINICAL) && !s.has(u, NAME_LISTED | Lexicon.PLACE_START)) {
                return -1;
            }
            e = u;
        }
        if (e >= t && s.has(e, CLINICAL)) {
            return -1; // a clinical word may open a town's name ("SWAN VALLEY"), never end it
        }
        if (e >= t && (int) (placeMatch(s, t) >> 32) != e) {
            // ordinary words are a town only as the gazetteer lists them ("HOPE", "SWAN VALLEY"; not "SEPTIC SHOCK",
            // "FROM GYM,", "FROM VACATION,")
            for (int u = t; u <= e; u++) {
                if (s.has(u, COMMON)) {
                    return -1;
                }
            }
        }
        int nx = e + 1;
        boolean closes = e >= t && (nx >= tk.n || tk.nlBefore[nx] || tk.isPunct(nx, ',') || tk.isPunct(nx, '.')
                || tk.isPunct(nx, ';') || tk.isPunct(nx, '(') || stateAt(s, nx) >= nx
                || s.is(nx, "W") && tk.isPunct(nx + 1, '/') && tk.adjacent(nx, nx + 1)); // "FROM HOPE W/ CHAINSAW CUT"
        if (!closes) {
            return -1;
        }
        s.addTokens(PhiType.GEO, t, e, "geo.home-town", 0.7);
        claim(s, tk.start[t], tk.end[e]);
        return e + 1;
    }

    /** Codes that are also clinical abbreviations (myocardial infarction, CT scan, V-tach, nursing home...). */
    private static final Words CLINICAL_USPS = Words.of("MI", "CT", "VT", "NH", "UT", "MA", "TN", "RI", "NM", "NV");
    /** Codes that are also routes of administration (per rectum, subcutaneous, intradermal), in parentheses too. */
    private static final Words ROUTE_USPS = Words.of("PR", "SC", "ID");

    private static final Words HOME_AND_CARE_PLACES = Words.of("HOME", "HOSPITAL", "CLINIC", "OSH", "REHAB", "SNF",
            "WORK", "SCHOOL", "CHURCH");

    /**
     * "NEAR MAN WV", "FROM HAPPY KY (PERRY CO)", "(SALEM MA)", "HOME SHERBROOKE QC": one or two words between a place
     * word (FROM, NEAR, HOME, OTHERWISE, an opening parenthesis) and a state that closes the phrase are a town, even
     * ordinary words (MAN, WAR, HAPPY) that no gazetteer entry would be trusted for. Clinical words only in
     * parentheses or before a code that is no clinical abbreviation ("FROM OSH MI" is an infarction).
     */
    private static int townBeforeState(Scan s, int t) {
        Tokens tk = s.tk;
        int p = t - 1;
        if (p < 0 || tk.nlBefore[t] || tk.len(t) < 3 || !tk.upperDoc && !tk.capitalized(t)) {
            return -1;
        }
        boolean paren = tk.isPunct(p, '(');
        boolean in = s.is(p, "IN");
        if (!paren && !in && !s.isAny(p, "FROM", "NEAR", "HOME", "OTHERWISE", "OUTSIDE")) {
            return -1;
        }
        // in mixed case, capitals mark the town ("lives in Bow NH", "in Salem MA"); where case says nothing, IN is
        // too common a word to trust before an ordinary or clinical one
        boolean capitals = !tk.upperDoc && tk.capitalized(t) && !tk.allUpper(t);
        if (in && !capitals && s.has(t, COMMON | CLINICAL)) {
            return -1;
        }
        int e = t;
        boolean clinical = false;
        for (int k = 0; k < 2; k++) {
            if (tk.kind[e] != Tokens.WORD || s.has(e, STOP | NOT_PLACE | Lexicon.TITLE | Lexicon.RELATION
                    | Lexicon.MONTH | Lexicon.WEEKDAY | Lexicon.USPS | Lexicon.STATE_NAME) || unitWord(s, e)
                    || s.isAny(e, HOME_AND_CARE_PLACES)) {
                return -1;
            }
            clinical |= s.has(e, CLINICAL);
            if (tk.isPunct(e + 1, '-') && tk.adjacent(e, e + 1) && e + 2 < tk.n && tk.adjacent(e + 1, e + 2)
                    && tk.kind[e + 2] == Tokens.WORD) {
                e += 2; // "TROIS-RIVIÈRES, QC"
            }
            int u = tk.isPunct(e + 1, ',') ? e + 2 : e + 1;
            int st = stateAt(s, u);
            boolean quebec = st < 0 && u < tk.n && !tk.nlBefore[u] && s.is(u, "QC") && tk.allUpper(u);
            if (st >= u || quebec) {
                int end = quebec ? u : st;
                int nx = end + 1;
                boolean closes = nx >= tk.n || tk.nlBefore[nx] || tk.kind[nx] == Tokens.PUNCT && !tk.isPunct(nx, '-')
                        && !tk.isPunct(nx, '/') || tk.kind[nx] == Tokens.NUM && tk.len(nx) == 5
                        || s.is(nx, "W") && tk.isPunct(nx + 1, '/') // "in Salem NH w/ worst HA of life"
                        || tk.kind[nx] == Tokens.NUM && tk.len(nx) <= 2 && (tk.isPunct(nx + 1, '/')
                        || tk.isPunct(nx + 1, '-')) && tk.adjacent(nx, nx + 1); // "NEAR EPPING NH 6-28"
                // (a clinical word is a town only before a two-letter code: "(PANC HEAD MASS)" is no place)
                if (!closes || paren && !tk.isPunct(nx, ')') || in && !capitals && e > t && s.has(e, COMMON | CLINICAL)
                        || clinical && s.isAny(u, ROUTE_USPS) // "(TYLENOL PR)", "(HEPARIN SC)": a drug's route
                        || clinical && !capitals && (tk.len(u) != 2 || !paren && s.isAny(u, CLINICAL_USPS))) {
                    return -1;
                }
                s.addTokens(PhiType.GEO, t, e, "geo.before-state", 0.75);
                claim(s, tk.start[t], tk.end[e]);
                return e + 1;
            }
            e++;
            if (e >= tk.n || tk.nlBefore[e] || !tk.spaceOnly(e - 1, e)) {
                return -1;
            }
        }
        return -1;
    }

    private static final Words ARRIVAL_PREPOSITIONS = Words.of("FROM", "IN", "NEAR", "TO");

    /**
     * "flying in from chicago", "sister in from Salem", "moved up from Tampa": a listed town after IN FROM, UP FROM,
     * MOVED FROM, DROVE FROM; a large city in any case, a smaller one capitalised.
     */
    private static int townAfterArrival(Scan s, int t) {
        Tokens tk = s.tk;
        int p = s.prevWord(t, 0);
        if (p < 0 || tk.nlBefore[t] || tk.nlBefore[p + 1] && p + 1 == t || !s.isAny(p, ARRIVAL_PREPOSITIONS)) {
            return -1;
        }
        int pp = s.prevWord(p, 0);
        if (pp >= 0 && !tk.nlBefore[p] && tk.upperDoc && (s.isAny(p, "FROM", "IN") && relativeNamedBefore(s, p)
                || s.isAny(p, "NEAR", "TO") && s.is(pp, "HOME") && p == pp + 1)) {
            // "MOM PEGGY FROM DELTA", "WIFE LINDSEY HERE FROM GREEN RIVER", "DTR CHANTAL IN AGAWAM", "HOME NEAR CASCADE"
            return townOfRelative(s, t);
        }
        if (!s.is(p, "FROM")) {
            return -1;
        }
        if (pp < 0 || tk.nlBefore[p] || !s.isAny(pp, "IN", "UP", "DOWN", "OVER", "MOVED", "DROVE", "FLEW", "RELOCATED")) {
            return -1;
        }
        return listedTown(s, t, 38);
    }

    /** A relative, then their name, maybe HERE, then p: "MOM SHAWNA FROM", "WIFE LINDSEY HERE FROM". */
    private static boolean relativeNamedBefore(Scan s, int p) {
        int q = s.prevWord(p, 0);
        if (s.is(q, "HERE")) {
            q = s.prevWord(q, 0);
        }
        int r = s.prevWord(q, 0);
        return q >= 0 && r >= 0 && s.has(q, Lexicon.FIRST_NAME | Lexicon.SURNAME) && !s.has(q, STOP | CLINICAL) && s.has(r, Lexicon.RELATION)
                && !s.tk.nlBefore[q];
    }

    /**
     * A town the places lexicon lists, where a named relative comes from: ordinary words count here (DELTA, PARACHUTE,
     * GREEN RIVER), clinical and function words, states and countries do not.
     */
    private static int townOfRelative(Scan s, int t) {
        Tokens tk = s.tk;
        long m = placeMatch(s, t);
        int end = (int) (m >> 32);
        if (end < 0 || ((int) m & Lexicon.P_PLACE) == 0 || country(s, t, end) || s.isAny(t, ERRAND_NOT_TOWNS)
                || s.isAny(end + 1, "COUNTY", "PARISH", "BOROUGH", "CO", "CITY", "TOWNSHIP", "TWP")) {
            return -1;
        }
        for (int i = t; i <= end; i++) { // (a clinical word inside a town of two words is the town's: GREEN RIVER)
            if (tk.kind[i] == Tokens.WORD && s.has(i, end > t ? STOP | NOT_PLACE : CLINICAL | STOP | NOT_PLACE)) {
                return -1;
            }
        }
        s.addTokens(PhiType.GEO, t, end, "geo.place", 0.75);
        claim(s, tk.start[t], tk.end[end]);
        return zipAfterTown(s, end) + 1;
    }

    /** Words that make a clause about where someone lives, works or had something happen. */
    private static final Words ERRAND_WORDS = Words.of("LIVES", "LIVE", "LIVING", "WORKS", "WORKED", "WORKING", "OWNS",
        "OWN", "OWNED", "SALON", "SHOP", "STORE", "RESTAURANT", "BUSINESS", "FIRE", "SEIZURE", "FELL", "FALL",
        "MVC", "MVA", "ACCIDENT", "SHOT", "STABBED", "ASSAULTED", "HOME", "HOUSE", "APARTMENT", "APT", "JOB");

    /** Not towns however a lexicon lists them, after IN. */
    private static final Words ERRAND_NOT_TOWNS = Words.of("BED", "ROOM", "HOUSE", "HOME", "CHAIR", "PAIN", "DISTRESS",
        "TRANSIT", "PERSON", "TOWN", "CHARGE", "PROGRESS", "PLACE", "ORDER", "TIME", "BETWEEN", "CARE", "ADDITION",
        "GENERAL", "CLINIC", "HOSPITAL", "FAMILY", "CHURCH", "SCHOOL", "PRISON", "JAIL", "SHELTER", "WORK");

    /**
     * "owns a nail salon in ALIEF", "house fire in Opa-locka", "works nights in Little River": a town after IN in a clause
     * about where someone lives or works or something happened, in any case; an unlisted proper word that closes the
     * clause, too.
     */
    private static int townOfAnErrand(Scan s, int t) {
        Tokens tk = s.tk;
        int p = s.prevWord(t, 0);
        if (p < 0 || tk.nlBefore[t] || !s.is(p, "IN") || s.isAny(t, ERRAND_NOT_TOWNS)) {
            return -1;
        }
        boolean clause = false;
        for (int q = p - 1, words = 0; q >= 0 && words < 7 && !tk.nlBefore[q + 1]; q--) {
            if (tk.kind[q] == Tokens.PUNCT) {
                char c = tk.firstChar(q);
                if (c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == ',') {
                    break;
                }
                continue;
            }
            if (s.isAny(q, ERRAND_WORDS)) {
                clause = true;
                break;
            }
            words++;
        }
        if (!clause) {
            return -1;
        }
        int e = listedTown(s, t, 0);
        if (e >= 0) {
            return e;
        }
        // an unlisted proper word closing the clause: "IN ALIEF."
        int nx = t + 1;
        boolean closes = nx >= tk.n || tk.nlBefore[nx] || tk.kind[nx] == Tokens.PUNCT && tk.adjacent(t, nx)
                && ".;,".indexOf(tk.firstChar(nx)) >= 0;
        if (closes && (properWord(s, t) || tk.allUpper(t)) && tk.len(t) >= 4 && !s.has(t, COMMON | CLINICAL | STOP | NOT_PLACE
                | Lexicon.STATE_NAME | Lexicon.GROUP) && !Countries.isCountry(s.key(t))) {
            s.addTokens(PhiType.GEO, t, t, "geo.context", 0.7);
            claim(s, tk.start[t], tk.end[t]);
            return t + 1;
        }
        return -1;
    }

    /**
     * A town the places lexicon lists at t, in any case when its size reaches minPopAnyCase, else capitalised or in an
     * all-caps note; not a state, a country or a common or clinical word.
     */
    private static int listedTown(Scan s, int t, int minPopAnyCase) {
        Tokens tk = s.tk;
        long m = placeMatch(s, t);
        int end = (int) (m >> 32);
        int val = (int) m;
        if (end < 0 || (val & Lexicon.P_PLACE) == 0 || country(s, t, end)
                || s.isAny(end + 1, "COUNTY", "PARISH", "BOROUGH", "CO", "CITY", "TOWNSHIP", "TWP")) {
            return -1;
        }
        int pop = val >>> 4;
        if ((val & Lexicon.P_STATE) != 0 && pop < 40) {
            return -1;
        }
        boolean common = false;
        for (int i = t; i <= end; i++) {
            if (tk.kind[i] == Tokens.PUNCT) {
                continue;
            }
            if (s.has(i, CLINICAL | STOP | NOT_PLACE)) {
                return -1;
            }
            common |= s.has(i, COMMON);
        }
        boolean proper = tk.upperDoc ? tk.allUpper(t) : tk.capitalized(t);
        boolean anyCase = minPopAnyCase > 0 ? pop >= minPopAnyCase : end > t || !common;
        if (!proper && !anyCase || common && (tk.upperDoc || !proper) && end == t) {
            return -1;
        }
        s.addTokens(PhiType.GEO, t, end, "geo.place", 0.8);
        claim(s, tk.start[t], tk.end[end]);
        return zipAfterTown(s, end) + 1;
    }

    /** A town no list holds, after "lives in", "moved from", "native of"...: up to three proper words. */
    private static int unlistedPlace(Scan s, int t) {
        Tokens tk = s.tk;
        if (!unlistedWord(s, t)) {
            return -1; // (cheap test first: the loop below takes no word unless t is one, and the looks before t cost more)
        }
        boolean abroad = abroad(s, t);
        if (!abroad && !strongPlaceContext(s, t) || notAPlaceHere(s, t)) {
            return -1;
        }
        int last = t;
        for (int u = t + 1; u < tk.n && u - t < 3 && unlistedWord(s, u) && tk.spaceOnly(u - 1, u); u++) {
            last = u;
        }
        s.addTokens(PhiType.GEO, t, last, "geo.context", 0.7);
        if (abroad) {
            claim(s, tk.start[t], tk.end[last]); // "in Guilin, China": the town, not a surname
        }
        return last + 1;
    }

    /** A word of an unlisted place's name: proper-looking, in no list of common, clinical or stop words, no state. */
    private static boolean unlistedWord(Scan s, int u) {
        Tokens tk = s.tk;
        int f = s.flags(u);
        return tk.kind[u] == Tokens.WORD && (f & (COMMON | CLINICAL | STOP)) == 0
                && (tk.upperDoc ? tk.len(u) >= 3 : tk.capitalized(u) || tk.allUpper(u) && tk.len(u) >= 3)
                && (f & Lexicon.STATE_NAME) == 0;
    }

    private static final Words ABROAD_PREPOSITIONS = Words.of("IN", "FROM", "NEAR", "OUTSIDE");

    /**
     * The words one of which must come right before t (on its line) for {@link #programAfterVerb} (AT),
     * {@link #stayedAt} (AT, TO), {@link #townAfterArrival}, {@link #townBeforeState} (IN, FROM, NEAR, HOME, OTHERWISE,
     * OUTSIDE, or an opening parenthesis), {@link #townAfterAgeAndSex} (FROM), {@link #residentialStreet},
     * {@link #district}, {@link #townOfAnErrand} (IN) and {@link #unlistedPlace} to read anything: the union of their
     * first tests, checked once per word. (Declared after the lists it joins: static fields initialise in order.)
     */
    private static final Words CUES_BEFORE = Words.union(RESIDENCE_PREPOSITIONS, DISTRICT_PREPOSITIONS,
            ARRIVAL_PREPOSITIONS, STRONG_PLACE_PREPOSITIONS, ABROAD_PREPOSITIONS,
            Words.of("AT", "TO", "IN", "FROM", "NEAR", "HOME", "OTHERWISE", "OUTSIDE"));

    /**
     * The words one of which t must be for {@link #ruralRoute} (RR, HC, HCR, RURAL, the R of R.R.), {@link #mileMarker}
     * (a road's word), {@link #landDescription} (a section's), {@link #highwayNoNumber} (a highway's head), {@link
     * #routeAfterPreposition} (a route's word, unless a dash follows t), {@link #fort} (FORT) and {@link #saint} (ST,
     * SAINT, STE, STS) to read anything: the union of their first tests, checked once per word. (Declared after the
     * lists it joins: static fields initialise in order.)
     */
    private static final Words OPENING_WORDS = Words.union(RURAL_ROUTE_WORDS, MILE_MARKER_ROADS, SECTION_WORDS,
            HIGHWAY_HEADS, ROUTE_WORDS, Words.of("RURAL", "R", "FORT", "ST", "SAINT", "STE", "STS"));

    /**
     * "diagnosed in Chengdu, China", "Father (in Chengdu)": one capitalised word no list holds after IN or FROM, closed
     * by a country or by the parenthesis that opened just before IN (mixed case only: a writer's capital says "name").
     */
    private static boolean abroad(Scan s, int t) {
        Tokens tk = s.tk;
        int p = t - 1;
        if (p < 0 || tk.nlBefore[t] || !s.isAny(p, ABROAD_PREPOSITIONS)
                || !(tk.upperDoc ? tk.allUpper(t) : tk.capitalized(t))
                || tk.kind[t] != Tokens.WORD || (s.flags(t) & (COMMON | CLINICAL | STOP | NOT_PLACE | Lexicon.GROUP)) != 0) {
            return false;
        }
        if (countryAfter(s, t)) {
            return true;
        }
        // in capitals an unknown word after FROM may be a drug or an acronym: only where a person is from somewhere
        // ("BROTHER FROM WROCLAW ON VIDEO", "FAM FROM RIVNE, HERE SINCE 2004")
        if (tk.upperDoc && !personBefore(s, p)) {
            return false;
        }
        // in capitals only after FROM or NEAR ("IN DAYROOM", "IN PREG"), and then a word some list knows counts too if
        // no list holds it as a name
        boolean unknown = !tk.upperDoc ? tk.lex[t] < 0 : !s.has(t, NAME_LISTED) && !s.is(p, "IN") && !s.possessive(t)
                && !dictionaryWord(s, t) && !procedureShape(s.key(t)); // (not "FROM TELEMETRY", "FROM BRONCHOSCOPY")
        if (unknown && tk.len(t) >= 4 && !Countries.isCountry(s.key(t))
                && (s.isAny(p, "FROM", "NEAR") || t + 1 >= tk.n || tk.nlBefore[t + 1] || tk.isPunct(t + 1, ',')
                || tk.isPunct(t + 1, ';') || tk.isPunct(t + 1, '.') && (t + 2 >= tk.n || !tk.adjacent(t + 1, t + 2)))) {
            // "a nurse from Barquisimeto", "in Cabudare, hooded": a capitalised word no lexicon knows (no English,
            // clinical or listed name) right after FROM or NEAR, or after IN and closing the clause, names a place
            return true;
        }
        return tk.isPunct(p - 1, '(') && tk.isPunct(t + 1, ')') && !Countries.isCountry(s.key(t));
    }

    /** Any English word list holds it ("TELEMETRY", "TRIAGE"), however rare. */
    private static boolean dictionaryWord(Scan s, int t) {
        return s.tk.lex[t] >= 0 && s.lx.wordShare(s.tk.lex[t]) > 0;
    }

    /** Procedures and studies no word list holds: "BRONCHOSCOPY", "VENOGRAPHY", "CHOLECYSTECTOMY". */
    private static boolean procedureShape(String k) {
        return k.endsWith("SCOPY") || k.endsWith("GRAPHY") || k.endsWith("GRAM") || k.endsWith("ECTOMY")
                || k.endsWith("OSTOMY") || k.endsWith("OTOMY") || k.endsWith("PLASTY") || k.endsWith("OLOGY");
    }

    private static final Words ORIGIN_WORDS = Words.of("FAM", "FAMILY", "ORIGINALLY", "BORN", "NATIVE", "IMMIGRATED",
            "EMIGRATED", "MOVED", "VISITING", "FRIEND", "FRIENDS");

    /** A relative, the patient or their family within four words before the preposition p, in the same clause. */
    private static boolean personBefore(Scan s, int p) {
        Tokens tk = s.tk;
        if (p == 0 || tk.nlBefore[p] || tk.isPunct(p - 1, '.')) {
            return true; // a sentence of its own: "FROM TOTONICAPAN."
        }
        for (int q = p - 1, words = 0; q >= 0 && words < 4 && !tk.nlBefore[q + 1]; q--) {
            if (tk.kind[q] == Tokens.PUNCT) {
                if (".;:!?".indexOf(tk.firstChar(q)) >= 0) {
                    return false;
                }
                continue;
            }
            if (s.has(q, Lexicon.RELATION) || s.isAny(q, ORIGIN_WORDS)) {
                return true;
            }
            // the patient is from a place ("PT FROM EBEYE,", "PT IS FROM RIVNE"); a verb between brings the patient
            // from a unit ("PT TRANSFERRED FROM CATHLAB", "PT BACK FROM MEDSURG")
            if (s.isAny(q, "PT", "PATIENT", "HE", "SHE", "THEY")) {
                return q == p - 1 || s.isAny(s.prevWord(p, 0), "IS", "WAS", "ARE", "WERE", "ORIGINALLY");
            }
            words++;
        }
        return false;
    }

    private static boolean stateAfter(Scan s, int last) {
        Tokens tk = s.tk;
        int u = last + 1;
        if (!tk.isPunct(u, ',')) {
            return false;
        }
        u++;
        if (u >= tk.n || tk.nlBefore[u]) {
            return false;
        }
        if (s.has(u, Lexicon.USPS) && tk.allUpper(u) && tk.len(u) == 2) {
            // MD, PA, IN, OR... are also credentials and words: then only a ZIP after makes them states
            return !s.isAny(u, AMBIGUOUS_USPS)
                    || u + 1 < tk.n && tk.kind[u + 1] == Tokens.NUM && tk.len(u + 1) == 5 && !tk.nlBefore[u + 1];
        }
        return s.has(u, Lexicon.STATE_NAME);
    }

    static final Words AMBIGUOUS_USPS = Words.of("MD", "PA", "IN", "OR", "ME", "OK", "HI",
            "DE", "CO", "LA", "OH", "ID", "AL", "MS", "MT", "NE", "ND", "SD", "SC", "NC", "GA", "WA", "AS", "GU",
            "CA", "AK", "AR", "MO", "VA");

    private static final Words COUNTY_WORDS = Words.of("COUNTY", "PARISH");

    /** "Suffolk County" for names the gazetteer does not list as a county of that spelling. */
    private static int county(Scan s, int t) {
        Tokens tk = s.tk;
        // cheap test first: COUNTY and PARISH have six letters, and a token's key is never longer than the token
        if (t + 1 >= tk.n || tk.len(t + 1) < 6 || !s.isAny(t + 1, COUNTY_WORDS) || !tk.spaceOnly(t, t + 1)) {
            return -1;
        }
        int f = s.flags(t);
        boolean proper = tk.upperDoc ? (f & STOP) == 0 && (f & COMMON) == 0 || (f & NAME_LISTED) != 0
                : tk.capitalized(t) && tk.capitalized(t + 1);
        if (!proper || (f & CLINICAL) != 0) {
            return -1;
        }
        s.addTokens(PhiType.GEO, t, t + 1, "geo.county", 0.8);
        return t + 2;
    }

    private static final Words ARRIVAL_VERBS = Words.of("TRANSFERRED", "TRANSFER", "ADMITTED", "PRESENTED", "SENT",
            "DC", "DISCHARGED", "ARRIVED", "SEEN", "TX", "TRANSPORTED", "FOLLOWED", "REFERRED", "RETURNED",
            "TRANSITIONED", "BROUGHT", "CAME");

    /** Full hospital names from the CMS and HIFLD lists (also with ST/SAINT swapped). */
    private static int hospitalLexicon(Scan s, int t) {
        Tokens tk = s.tk;
        // cheap test first: in mixed case a name written from a lower-case letter is neither (see the ends of this
        // rule and of hospitalPrefix), so the hospital lexicon's walk is for other words only
        if (!tk.upperDoc && tk.lowerInitial(t) || !s.phraseHas(t, Lexicon.HOSP_START)) {
            return -1;
        }
        int node = 0;
        int best = -1;
        int u = t;
        int depth = 0;
        while (u < tk.n && depth < s.lx.hospitals.maxDepth()) {
            if (tk.kind[u] == Tokens.PUNCT) {
                char c = tk.firstChar(u);
                if (c == '.' || c == '-' || c == '\'' || c == ',') {
                    u++;
                    continue;
                }
                if (c != '&') {
                    break;
                }
                int next = s.lx.hospitals.child(node, s.lx.words.find("AND", 0, 3));
                if (next < 0) {
                    break;
                }
                node = next;
                u++;
                depth++;
                continue;
            }
            if (tk.nlBefore[u] && u > t) {
                break;
            }
            int next = s.lx.hospitals.child(node, tk.phraseLex(u));
            if (next < 0) {
                break;
            }
            node = next;
            depth++;
            if (s.lx.hospitals.value(node) >= 0) {
                best = u;
            }
            u++;
        }
        if (best < 0 || best == t) {
            return hospitalPrefix(s, t, u - 1); // one-word hospital names ("MERCY") need context
        }
        boolean distinctive = false;
        for (int i = t; i <= best; i++) {
            if (tk.kind[i] == Tokens.WORD && !s.has(i, Lexicon.HOSP_GENERIC) && !facilityWord(s, i)
                    && (!s.has(i, COMMON) || s.has(i, NAME_LISTED) || s.has(i, Lexicon.STATE_NAME))) {
                distinctive = true;
                break;
            }
        }
        if (!distinctive) {
            // "CANCER CENTER", "HEART HOSPITAL": real names, but also what anyone calls such a place;
            // taken as a name when written as one (capitalised), long, or where a patient goes or comes from
            boolean capitalised = !tk.upperDoc;
            for (int i = t; i <= best && capitalised; i++) {
                capitalised = tk.kind[i] != Tokens.WORD || tk.capitalized(i) || s.isAny(i, "OF", "AND", "THE");
            }
            int words = 0;
            for (int i = t; i <= best; i++) {
                words += tk.kind[i] == Tokens.WORD ? 1 : 0;
            }
            int p = s.prevWord(t, 0);
            boolean movement = p >= 0 && s.isAny(p, "FROM", "TO", "AT") && s.before(p, 2, ARRIVAL_VERBS);
            if (!capitalised && words < 4 && !movement) {
                return -1;
            }
        }
        if (!tk.upperDoc && tk.lowerInitial(t)) {
            return -1;
        }
        s.addTokens(PhiType.GEO, t, best, "facility.lexicon", 0.9);
        int town = townAfterFacility(s, best);
        return (town > best ? town : best) + 1;
    }

    private static final Words FACILITY_UNITS = Words.of("ED", "ER", "EW", "ICU", "MICU", "SICU", "CCU", "LTAC", "LTACH",
        "SNF", "ECF", "REHAB", "VNA", "CLINIC", "HOSPITAL", "HOSP", "CATH", "OR", "PACU", "NICU", "PICU", "ICN");

    private static final Words PLACEMENT_WORDS = Words.of("SCREENED", "ACCEPTED", "REFERRAL", "REFERRED", "APPLICATION",
            "EVALUATED", "ACCEPTANCE", "BED");

    /** Where a patient comes from or goes to: "TX FROM X", "D/C TO X", "@ X", "SCREENED BY X", "X ED". */
    private static boolean facilityContext(Scan s, int first, int last) {
        Tokens tk = s.tk;
        if (headerField(s, first, last)) {
            return true;
        }
        int p = first - 1;
        if (p >= 0 && tk.isPunct(p, '@') && !tk.nlBefore[first]) {
            return true;
        }
        int w = s.prevWord(first, 1);
        if (w >= 0 && !tk.nlBefore[first] && (s.isAny(w, "FROM", "TO", "AT", "VIA")
                || s.isAny(w, "FOR", "BY") && s.before(w, 1, PLACEMENT_WORDS))) {
            return true;
        }
        int nx = last + 1;
        return nx < tk.n && !tk.nlBefore[nx] && tk.kind[nx] == Tokens.WORD && tk.spaceOnly(last, nx)
                && s.isAny(nx, FACILITY_UNITS);
    }

    /**
     * A note's header names where it was written: "MICU ADMIT  ROOT RIVER MEMORIAL  Dec 3", "PICU NSG NOTE  NFCH  9/14",
     * "CCRMC NSICU RN NOTE 03/15/2025". The words stand alone: after the line's start, a column gap, a spaced dash or
     * a header word's colon (`HUB:`), and before the line's end, a column gap, a spaced dash, a number or a header word
     * (a unit, BED, TEAM...); and the line has a word of a note's kind or shift ({@link #NOTE_WORDS}) and a date.
     */
    static boolean headerField(Scan s, int first, int last) {
        Tokens tk = s.tk;
        boolean opens = first == 0 || tk.nlBefore[first] || tk.wideGap(first - 1, first)
                || first > 1 && tk.isPunct(first - 1, '-') && !tk.adjacent(first - 2, first - 1)
                && !tk.adjacent(first - 1, first) // "5 CENTRAL - GVCH"
                || first > 1 && tk.isPunct(first - 1, ':') && tk.kind[first - 2] == Tokens.WORD
                && s.isAny(first - 2, HEADER_WORDS) // "HUB: PMMC TELE-ICU"
                || first > 1 && tk.isPunct(first - 1, ',') && !tk.adjacent(first - 1, first) && last + 1 < tk.n
                && tk.wideGap(last, last + 1) && !tk.nlBefore[last + 1]; // "Oak 3, TRMC   4/13": a column gap after
        int nx = last + 1;
        boolean lineStart = first == 0 || tk.nlBefore[first];
        boolean closes = nx >= tk.n || tk.nlBefore[nx] || tk.wideGap(last, nx)
                || tk.spaceOnly(last, nx) && (tk.kind[nx] == Tokens.NUM && !lineStart || s.isAny(nx, HEADER_WORDS))
                || tk.isPunct(nx, '-') && !tk.adjacent(last, nx);
        if (!opens || !closes) {
            return false;
        }
        // the line's note-kind words and dates, less those of the candidate itself
        int line = headerLine(s, first);
        int words = line >>> 16;
        int dates = line & 0xFFFF;
        for (int i = first; i <= last; i++) {
            words -= noteWord(s, i) ? 1 : 0;
            dates -= dateLike(s, i) ? 1 : 0;
        }
        return words > 0 && dates > 0;
    }

    /**
     * How many note-kind words (high 16 bits) and date-like tokens (low 16 bits) the line of token t holds; counted
     * once per text for all lines, so that asking for every candidate of a long line stays linear.
     */
    private static int headerLine(Scan s, int t) {
        if (s.headerLines == null) {
            Tokens tk = s.tk;
            int[] lines = new int[tk.n];
            int a = 0;
            while (a < tk.n) {
                int b = a + 1;
                while (b < tk.n && !tk.nlBefore[b]) {
                    b++;
                }
                int words = 0;
                int dates = 0;
                for (int i = a; i < b; i++) {
                    if (tk.kind[i] == Tokens.WORD) {
                        words += noteWord(s, i) ? 1 : 0;
                        dates += s.has(i, Lexicon.MONTH) && dateLike(s, i) ? 1 : 0;
                    } else if (tk.kind[i] == Tokens.NUM) {
                        dates += dateLike(s, i) ? 1 : 0;
                    }
                }
                int packed = Math.min(words, 0x7FFF) << 16 | Math.min(dates, 0xFFFF);
                java.util.Arrays.fill(lines, a, b, packed);
                a = b;
            }
            s.headerLines = lines;
        }
        return s.headerLines[t];
    }

    /** "9/14", "3-4", "11/2/24", a shift's hours ("1900-0700"), or a month's name before a day ("Jan 9", "Dec 3"). */
    private static boolean dateLike(Scan s, int i) {
        Tokens tk = s.tk;
        if (tk.kind[i] == Tokens.NUM && i + 2 < tk.n && (tk.isPunct(i + 1, '/') || tk.isPunct(i + 1, '-'))
                && tk.adjacent(i, i + 1) && tk.adjacent(i + 1, i + 2) && tk.kind[i + 2] == Tokens.NUM
                && (tk.len(i) <= 2 && tk.len(i + 2) <= 2
                || tk.isPunct(i + 1, '-') && tk.clockTime(i) && tk.clockTime(i + 2))) {
            return true;
        }
        return tk.kind[i] == Tokens.WORD && s.has(i, Lexicon.MONTH) && i + 1 < tk.n && tk.kind[i + 1] == Tokens.NUM
                && tk.len(i + 1) <= 2 && tk.spaceOnly(i, i + 1);
    }

    /** Words that say a line heads a note: its kind, its shift. */
    private static final String[] NOTE_WORDS = {"NOTE", "NOTES", "RECORD", "NSG", "NURSING", "ADMIT", "ADM",
        "ADMISSION", "HANDOFF", "PROGRESS", "TRANSPORT", "NPN", "SHIFT", "NOC", "NOCS", "NIGHTS", "DAYS", "CENSUS",
        "SBAR", "LOG", "BOARD", "ACCEPTANCE", "SUMMARY"};
    private static final Words NOTE_WORD_SET = Words.of(NOTE_WORDS);

    private static boolean noteWord(Scan s, int i) {
        return s.tk.kind[i] == Tokens.WORD && s.tk.len(i) >= 3 && s.isAny(i, NOTE_WORD_SET);
    }

    /** The first of the capitalised words before head h that stand alone as a field of a note's header, or -1. */
    private static int headerNameStart(Scan s, int h) {
        Tokens tk = s.tk;
        int u = h - 1;
        int words = 0;
        while (u >= 0 && words < 5 && tk.kind[u] == Tokens.WORD && tk.spaceOnly(u, u + 1) && !tk.wideGap(u, u + 1)
                && (s.flags(u) & (STOP | CLINICAL)) == 0 && (tk.upperDoc || tk.capitalized(u))) {
            u--;
            words++;
        }
        boolean own = false;
        for (int i = u + 1; i < h; i++) {
            own |= !(facilityWord(s, i) || serviceWord(s, i) || programWord(s, i) || specialty(s, i));
        }
        // "HIGH PLAINS FRONTIER HOSPITAL" names one; "STATE HOSPITAL", "WOUND CLINIC", "NURSING HOME" name a kind
        return words > 0 && own && headerField(s, u + 1, h) ? u + 1 : -1;
    }

    /** Words of a note's header line: kinds of note, units, shifts. */
    private static final Words HEADER_WORDS = Words.of("NOTE", "NOTES", "RECORD", "NSG", "NURSING", "ADMIT", "ADM",
        "ADMISSION", "HANDOFF", "PROGRESS", "TRANSPORT", "NPN", "RN", "SHIFT", "NOC", "NIGHTS", "DAYS", "ICU", "MICU",
        "SICU", "CCU", "CVICU", "CICU", "PICU", "NICU", "TICU", "NSICU", "NEURO", "BURN", "TRAUMA", "STEP", "STEPDOWN",
        "PEDS", "PCU", "TELE", "ED", "CENSUS", "SBAR", "EVENTS", "CRITICAL", "TEAM", "BED", "HUB", "SITE", "EICU");

    /**
     * The first words of a listed hospital's name, where a patient comes from or goes ("TX FROM GOOD SAMARITAN",
     * "REFERRAL SENT TO BAYSTATE", "SCREENED FOR KINDRED LTAC"): staff shorten names to their distinctive part.
     */
    private static int hospitalPrefix(Scan s, int t, int reach) {
        Tokens tk = s.tk;
        int last = reach;
        while (last > t && tk.kind[last] != Tokens.WORD) {
            last--;
        }
        if (last < t || tk.kind[t] != Tokens.WORD || !tk.upperDoc && !tk.capitalized(t) && !tk.allUpper(t)) {
            return -1;
        }
        int words = 0;
        boolean distinctive = false;
        for (int i = t; i <= last; i++) {
            if (tk.kind[i] != Tokens.WORD) {
                continue;
            }
            int f = s.flags(i);
            // plain words may open a name ("GOOD SAMARITAN", "NEW ENGLAND BAPTIST"); the last word must not be clinical
            if ((f & CLINICAL) != 0 && (f & Lexicon.GROUP) == 0 && (i == last || (f & COMMON) == 0)
                    || !tk.upperDoc && tk.lowerInitial(i)) {
                return -1;
            }
            words++;
            if (!facilityWord(s, i) && !s.has(i, Lexicon.HOSP_GENERIC) && (f & (COMMON | STOP)) == 0) {
                distinctive = true;
            }
        }
        if (s.has(last, STOP)) {
            return -1; // (before the looks around t below: they cannot save a name ending in a stop word)
        }
        // one word: distinctive, and no person's name unless several hospitals bear it (KINDRED, SPAULDING); after a
        // verb of moving a patient ("TRANSFERRED TO MERCY", "ADMITTED AT TUFTS") any listed hospital's first word
        // (the look around t last: it is the costliest test)
        boolean moved = words == 1 && tk.len(t) >= 4 && (s.flags(t) & (CLINICAL | STOP | NOT_PLACE | Lexicon.HOSP_GENERIC)) == 0
                && !facilityWord(s, t) && movedHere(s, t);
        // "FROM MERCY ED", "ADMITTED TO METHODIST", "SEEN AT BAPTIST.": words that name many hospitals (a faith, MERCY)
        // are generic among hospital names but name one where a patient comes from or goes
        moved |= words == 1 && namingWord(s, t) && (movedHere(s, t) || emergencyAfter(s, t) && placeWordBefore(s, t));
        if (words == 1 && !moved && (!distinctive || tk.len(t) < 4 || s.has(t, NOT_PLACE)
                || s.has(t, Lexicon.NAME_LISTED) && s.lx.hospitalCount(tk.lex[t]) < 3)) {
            return -1;
        }
        if (words >= 2) {
            boolean anyProper = false;
            for (int i = t; i <= last; i++) {
                anyProper |= tk.kind[i] == Tokens.WORD && !facilityWord(s, i) && !s.has(i, Lexicon.HOSP_GENERIC);
            }
            if (!anyProper) {
                return -1;
            }
        }
        if (!moved && !facilityContext(s, t, last)) {
            return -1;
        }
        s.addTokens(PhiType.GEO, t, last, "facility.partial", 0.75);
        int town = townAfterFacility(s, last);
        return (town > last ? town : last) + 1;
    }

    private static final Words NAMING_WORDS = Words.of("SAINT", "CENTRAL", "VALLEY", "CRITICAL", "ACCESS", "AFFAIRS",
            "CAMPUS", "SYSTEM", "SERVICES", "INSTITUTE", "HEALTHCARE", "BEHAVIORAL", "SPECIALTY", "CLINIC", "CENTER");

    /**
     * A word the hospital lists call generic because many hospitals are named by it, but that is no facility word or
     * compass point: MERCY, BAPTIST, METHODIST, PRESBYTERIAN (a person's name or a faith, not a kind of hospital).
     */
    private static boolean namingWord(Scan s, int t) {
        Tokens tk = s.tk;
        int f = s.flags(t);
        return tk.kind[t] == Tokens.WORD && (f & Lexicon.HOSP_GENERIC) != 0 && s.lx.hospitalCount(tk.lex[t]) >= 10
                && tk.len(t) >= 4 && !facilityWord(s, t)
                && (f & (STOP | NOT_PLACE | DIRECTION)) == 0 && ((f & CLINICAL) == 0 || (f & Lexicon.GROUP) != 0)
                && ((f & (NAME_LISTED | Lexicon.GROUP)) != 0 || (f & COMMON) == 0)
                && !s.isAny(t, NAMING_WORDS);
    }

    /**
     * "a nurse at NE Baptist", "from SE Methodist": a compass abbreviation and a word many hospitals are named by, where
     * someone comes from, goes or works (after from/to/at/via/@).
     */
    private static int compassHospital(Scan s, int t) {
        Tokens tk = s.tk;
        if (tk.len(t) != 2 || !tk.allUpper(t) || !s.has(t, DIRECTION) || t + 1 >= tk.n || tk.nlBefore[t + 1]
                || !tk.spaceOnly(t, t + 1) || !namingWord(s, t + 1) || !placeWordBefore(s, t)
                || !tk.upperDoc && !tk.capitalized(t + 1)) {
            return -1;
        }
        s.addTokens(PhiType.GEO, t, t + 1, "facility.partial", 0.75);
        claim(s, tk.start[t], tk.end[t + 1]);
        return t + 2;
    }

    private static final Words STAY_VERBS = Words.of("BEEN", "STAYED", "STAYING", "STAY", "TRANSFERRED", "DISCHARGED",
            "DC", "ADMITTED", "RESIDED", "LIVED");

    /**
     * "had been at Youville since 12/28", "stayed at Glenwood until March": one capitalised word no list holds, after
     * a stay or a transfer (been/stayed/staying at, transferred/discharged to), then since/until and a date: a facility.
     */
    private static int stayedAt(Scan s, int t) {
        Tokens tk = s.tk;
        if (tk.upperDoc || !tk.capitalized(t) || tk.nlBefore[t] || tk.len(t) < 4
                || (s.flags(t) & (COMMON | CLINICAL | STOP | NOT_PLACE | NAME_LISTED | Lexicon.GROUP)) != 0) {
            return -1;
        }
        int p = s.prevWord(t, 0);
        if (p < 1 || !s.isAny(p, "AT", "TO") || !s.before(p, 1, STAY_VERBS)) {
            return -1;
        }
        int nx = t + 1;
        if (nx + 1 >= tk.n || tk.nlBefore[nx] || !s.isAny(nx, "SINCE", "UNTIL", "TILL", "THROUGH", "THRU")
                || !(tk.kind[nx + 1] == Tokens.NUM || s.has(nx + 1, Lexicon.MONTH))) {
            return -1;
        }
        s.addTokens(PhiType.GEO, t, t, "facility.stay", 0.75);
        return t + 1;
    }

    /**
     * "ADM VIA ALDERCROFT EW", "intubated in aldercroft ew": a word no list holds, before an emergency department and
     * after where a patient came from or was, names a hospital the lists lack. Any word of the lexicons is left to the
     * rules that know it ("from Mercy ED"; "IN PERSON ED" is no place).
     */
    private static int unlistedEmergency(Scan s, int t) {
        Tokens tk = s.tk;
        if (tk.lex[t] >= 0 || !emergencyAfter(s, t) || s.is(t + 1, "EMERGENCY") || tk.nlBefore[t + 1]
                || !(tk.caseBlind(t) || (tk.upperDoc ? tk.allUpper(t) : tk.capitalized(t) || tk.allUpper(t)))) {
            return -1;
        }
        int p = s.prevWord(t, 0);
        if (!placeWordBefore(s, t) && !(p >= 0 && !tk.nlBefore[t] && s.is(p, "IN"))) {
            return -1;
        }
        s.addTokens(PhiType.GEO, t, t, "facility.emergency", 0.75);
        return t + 1;
    }

    /** ED, ER, EW or EMERGENCY right after t ("MERCY ED", "Good Sam ER"). */
    private static boolean emergencyAfter(Scan s, int t) {
        int nx = t + 1;
        return nx < s.tk.n && s.tk.spaceOnly(t, nx) && s.isAny(nx, "ED", "ER", "EW", "EMERGENCY");
    }

    /** FROM, TO, AT, VIA or @ right before t on its line. */
    private static boolean placeWordBefore(Scan s, int t) {
        Tokens tk = s.tk;
        if (tk.nlBefore[t]) {
            return false;
        }
        if (tk.isPunct(t - 1, '@')) {
            return true;
        }
        int p = s.prevWord(t, 0);
        return p >= 0 && s.isAny(p, "FROM", "TO", "AT", "VIA");
    }

    private static final Words CARE_VERBS = Words.of("EVALUATED", "EVALUATION", "SEEN", "FOLLOWED", "SCREENED",
            "ACCEPTED", "WORKED", "ASSESSED", "REVIEWED", "LISTED", "MANAGED");
    private static final Words TRANSFER_AND_CARE_VERBS = Words.of("TRANSFERRED", "TRANSFER", "TX", "TXD", "TRANSFERED",
            "ADMITTED", "ADMISSION", "ADM", "PRESENTED", "SENT", "DISCHARGED", "DC", "ARRIVED", "SEEN", "TRANSPORTED",
            "FOLLOWED", "REFERRED", "RETURNED", "RETURN", "BROUGHT", "CAME", "DELIVERED", "BORN", "TREATED",
            "HOSPITALIZED", "INTUBATED", "CATHED", "ACCEPTED", "ADMIT", "PREVIOUSLY", "RECENTLY", "OUTPATIENT");

    /** "TRANSFERRED FROM X", "ADMITTED AT X", "SENT TO X": a verb of moving or treating a patient, then FROM/TO/AT/@. */
    private static boolean movedHere(Scan s, int t) {
        Tokens tk = s.tk;
        int p = s.prevWord(t, 1);
        if (p < 0 || tk.nlBefore[t] || !(s.isAny(p, "FROM", "TO", "AT", "BY") || tk.isPunct(t - 1, '@'))) {
            return false;
        }
        int nx = t + 1;
        if (s.is(p, "BY")) {
            // "evaluated for transplant by tufts.": a listed hospital's first word closing the clause after an
            // assessment verb (a surname there is PHI all the same; common and clinical words are excluded by the caller)
            return (nx >= tk.n || tk.nlBefore[nx] || tk.isPunct(nx, '.') || tk.isPunct(nx, ',') || tk.isPunct(nx, ';'))
                    && s.before(p, 5, CARE_VERBS);
        }
        // (towns are left to the place rules: "PT FROM WORCESTER, MA")
        if (s.isAny(p, "AT", "FROM") && !s.phraseHas(t, Lexicon.PLACE_START) && (nx >= tk.n || tk.nlBefore[nx] || tk.isPunct(nx, '.') || tk.isPunct(nx, ',')
                || tk.isPunct(nx, ';') || tk.isPunct(nx, ')'))) {
            return true; // "FOLLOWED BY DR. X AT MERCY.", "BORN ... AT TUFTS.": a clause ending in a place
        }
        return s.before(p, 2, TRANSFER_AND_CARE_VERBS);
    }

    private static final int NOT_PLACE = Lexicon.RELATION | Lexicon.TITLE | Lexicon.MONTH | Lexicon.WEEKDAY
            | Lexicon.STATE_NAME | Lexicon.USPS | Lexicon.VERB_CONTEXT;

    private static final Words PREPOSITIONS_BEFORE_SAINT = Words.of("FROM", "TO", "AT", "OF", "IN", "VIA", "AND", "OR",
            "THE", "WITH", "NEAR", "FOR", "BY");
    private static final Words DETERMINERS_BEFORE_SAINT = Words.of("THE", "A", "AN", "THIS", "THAT", "OTHER", "OSH",
            "LOCAL", "AREA", "OUTSIDE", "LONG", "TERM");

    /**
     * "TX FROM ST. ELIZABETHS", "AT ST JOSEPH'S": ST or SAINT and a saint's (given) name is a hospital, church or
     * town; never after a street name ("CEDAR ST") and never before a clinical word ("ST ELEVATION").
     */
    private static int saint(Scan s, int t) {
        Tokens tk = s.tk;
        char c0 = tk.firstChar(t);
        if (c0 != 'S' && c0 != 's' || tk.len(t) > 5 || !s.isAny(t, "ST", "SAINT", "STE", "STS")
                || !tk.upperDoc && !tk.capitalized(t) && !tk.allUpper(t)) {
            return -1;
        }
        int v = t + 1;
        if (tk.isPunct(v, '.') && tk.adjacent(t, v)) {
            v++;
        }
        if (v >= tk.n || tk.kind[v] != Tokens.WORD || tk.nlBefore[v] || !tk.spaceOnly(v - 1, v) && !tk.adjacent(v - 1, v)) {
            return -1;
        }
        int p = t - 1;
        if (p >= 0 && !tk.nlBefore[t] && tk.kind[p] == Tokens.WORD
                && !s.isAny(p, PREPOSITIONS_BEFORE_SAINT)) {
            return -1;
        }
        int f = s.flags(v);
        int id = tk.lex[v];
        boolean given = (f & Lexicon.FIRST_NAME) != 0 || s.lx.hospitalCount(id) > 0;
        if (!given && tk.len(v) > 3 && (s.text.charAt(tk.end[v] - 1) == 'S' || s.text.charAt(tk.end[v] - 1) == 's')) {
            int base = s.lx.words.find(s.text, tk.start[v], tk.end[v] - 1); // ELIZABETHS -> ELIZABETH
            given = base >= 0 && ((s.lx.flags(base) & Lexicon.FIRST_NAME) != 0 || s.lx.hospitalCount(base) > 0);
        }
        if (!given || (f & (CLINICAL | STOP | NOT_PLACE)) != 0 && (f & Lexicon.FIRST_NAME) == 0 || (f & CLINICAL) != 0) {
            return -1;
        }
        int end = v;
        while (end + 1 < tk.n && end - v < 3 && tk.kind[end + 1] == Tokens.WORD && tk.spaceOnly(end, end + 1)
                && (head(s, end + 1) || facilityWord(s, end + 1) && !s.isAny(end + 1, DETERMINERS_BEFORE_SAINT))) {
            end++;
        }
        s.addTokens(PhiType.GEO, t, end, "facility.saint", 0.8);
        if ((int) (placeMatch(s, t) >> 32) == end) {
            return zipAfterTown(s, end) + 1; // "St. Paul 55104": the saint is a town, its ZIP follows
        }
        int town = townAfterFacility(s, end);
        return (town > end ? town : end) + 1;
    }

    /** "Delta Bottoms Community Hospital -> FHMC by air": an arrow (-> or the sign) right before t, on its line. */
    private static boolean transferArrowBefore(Scan s, int t) {
        Tokens tk = s.tk;
        int p = t - 1;
        return p >= 1 && !tk.nlBefore[t] && (tk.isPunct(p, '>') && tk.isPunct(p - 1, '-') && tk.adjacent(p - 1, p)
                || tk.isPunct(p, '\u2192'));
    }

    /**
     * Three to six letters in capitals (or in an all-caps note), and no common, clinical or stop word: what both acronym
     * rules need of a word, asked once in detect's loop (they assume it), so that nearly every word is turned away by
     * one test.
     */
    private static boolean acronymCandidate(Scan s, int t) {
        Tokens tk = s.tk;
        int len = tk.len(t);
        return len >= 3 && len <= 6 && (tk.upperDoc || tk.allUpper(t)) && !s.has(t, CLINICAL | COMMON | STOP);
    }

    /**
     * Hospital acronyms (MGH, BWH, BIDMC) where a patient comes from or goes: initials of a listed hospital's name, or
     * shaped like one (ending in H, MC or HC), and not a clinical abbreviation or an English word. For a word that
     * passed {@link #acronymCandidate}.
     */
    private static int acronymFacility(Scan s, int t) {
        Tokens tk = s.tk;
        if (tk.len(t) > 5 || s.has(t, NOT_PLACE)) {
            return -1;
        }
        String k = s.key(t);
        boolean listed = s.lx.hospitalAcronyms.contains(k);
        boolean shaped = k.endsWith("H") || k.endsWith("MC") || k.endsWith("HC");
        if (!shaped && !listed) {
            return -1; // (before the look around t: most words are neither)
        }
        if (!facilityContext(s, t, t) && !(k.length() >= 4 && k.endsWith("MC") && transferArrowBefore(s, t))) {
            // "CNMC MRN:", "SBH Diabetes & Endocrine Center", "(RN, BCMC)", "(02/27/2023, CNMC)": a record number, a
            // department or a citation says "hospital"; there only the surest shapes (MC, MH, HC; H after four letters,
            // not ...VH/...PH/...AH, which are hypertrophies, hypertension and haemorrhages) or a listed hospital's initials
            boolean shapedSure = hospitalAcronymShape(k);
            boolean sure = listed || shapedSure;
            if (!sure || !tk.allUpper(t) || !recordOrCitation(s, t) && !headerField(s, t, t)
                    && !(shapedSure && unitHeader(s, t))) {
                return -1;
            }
        }
        for (int i = 0; i < k.length(); i++) {
            if (k.charAt(i) < 'A' || k.charAt(i) > 'Z') {
                return -1;
            }
        }
        s.addTokens(PhiType.GEO, t, t, "facility.acronym", 0.7);
        int town = townAfterFacility(s, t); // "(CNMC, EASTON)"
        return (town > t ? town : t) + 1;
    }

    /** What a note's first line calls the note, never a hospital's acronym. */
    private static final Words NOTE_KINDS = Words.of("NPN", "SBAR", "DAR", "DAP", "SOAP", "NSG", "NURS", "EVT", "EMS", "ADD",
        "PROG", "PN", "RT", "RTN", "CM", "SW", "PCA", "NCC", "ROS", "ED", "ER", "OR", "PACU", "EVENT", "TX", "XFER", "ADM",
        "NEW", "PT", "PTS", "MD", "NP", "PA", "RN", "LPN", "CNA", "UPDATE", "BRIEF", "SHORT", "LATE", "ENTRY");
    /** Words before ICU that make one unit of two words ("NEURO ICU", "BURN ICU"). */
    private static final Words UNIT_KIND = Words.of("NEURO", "TRAUMA", "BURN", "SURGICAL", "MEDICAL", "CARDIAC", "CV", "PEDS",
        "CARDIO", "SURG", "MED", "CORONARY", "THORACIC", "TRANSPLANT", "STROKE", "SHOCK");
    /** Kinds of patient or care that name a unit before its unit word ("VAD STEPDOWN", "BMT ICU"). */
    private static final Words UNIT_PREFIXES = Words.of("VAD", "LVAD", "ECMO", "BMT", "ONC", "HEME", "CVT", "CT", "PED", "PEDI",
        "ADULT", "PEDS", "NEO", "OB", "GYN", "ORTHO", "URO", "GI", "RENAL", "LIVER", "HEART", "LUNG", "CHEST", "SPINE", "BRAIN",
        "HEAD", "PSYCH", "GERI", "COVID", "ISO", "OBS", "RESP",
        // services, transplants and procedures ("NSGY NSICU NPN", "OLT SICU NPN", "EVAR SICU NPN"), units no list holds
        "CTS", "NSGY", "NSURG", "OMFS", "ONCO", "TOX", "EOL", "HTX", "OHT", "OLT", "LTX", "KTX", "DDRT", "EVAR", "TAAA",
        "PCI", "SLED", "IHD", "CVL", "MVC", "ECPR", "CVRU");
    /** Words on a note's first line that make it a note's header. */
    private static final Words NOTE_HEADER_WORDS = Words.of("NPN", "NOTE", "NOTES", "NURSING", "NSG", "PROGRESS", "HANDOFF", "SBAR", "FLOW",
        "SHIFT", "NOC", "DAYS", "NIGHTS", "REPORT", "ADMIT", "ADMISSION", "TRANSFER", "EVENT");

    /**
     * "KVG CCU NPN 7A-7P", "BUMC BURN ICU NPN", "KVG Step Down Nursing Note", "BURN ICU NPN 7P-7A   TRMC 71 YOM",
     * "icu npn 1900-0700 rmmc 27 yo m": on a note's header line (a care unit and a note's word or a shift on it), an
     * acronym no list knows is the hospital's when it opens the line right before the unit, or anywhere among the
     * line's first ten tokens when it has a hospital acronym's shape (...MC, ...MH, ...HC, ...RH, ...H). In a note
     * whose case says nothing, any case. For a word that passed {@link #acronymCandidate}.
     */
    private static int acronymOnHeaderLine(Scan s, int t) {
        Tokens tk = s.tk;
        int len = tk.len(t);
        // (the cheapest tests first: first on its line, or a hospital acronym's last letter, read from the text only then)
        if (!(t == 0 || tk.nlBefore[t])) {
            if (len < 4) {
                return -1;
            }
            char z = Character.toUpperCase(s.text.charAt(tk.end[t] - 1));
            if (z != 'C' && z != 'H') {
                return -1;
            }
        }
        if (s.has(t, Lexicon.FACILITY_HEAD | Lexicon.RELATION | Lexicon.TITLE | Lexicon.POSTMARK | Lexicon.MONTH
                | Lexicon.WEEKDAY | Lexicon.USPS | Lexicon.STATE_NAME) || s.isAny(t, NOTE_KINDS) || s.isAny(t, UNIT_KIND) || s.isAny(t, UNIT_PREFIXES)
                || s.careUnit(t)) {
            return -1;
        }
        String k = s.key(t);
        for (int i = 0; i < k.length(); i++) {
            if (k.charAt(i) < 'A' || k.charAt(i) > 'Z') {
                return -1;
            }
        }
        int lineStart = lineStartWithin(s, t, 10);
        if (lineStart < 0) {
            return -1; // not among the line's first ten tokens
        }
        boolean opens = lineStart == t && tk.spaceOnly(t, t + 1) && unitAt(s, t + 1);
        // (a word with a syllable before a bare closing H is no acronym here: METH, BRONCH, GIRTH; ...MH and ...RH are)
        boolean bareH = k.endsWith("H") && !k.endsWith("MH") && !k.endsWith("RH");
        boolean shaped = len >= 4 && hospitalAcronymShape(k) && !(bareH && syllable(k))
                && !s.isAny(t, FACILITY_KINDS);
        if (!opens && !shaped) {
            return -1;
        }
        boolean unit = opens;
        boolean header = false;
        for (int i = lineStart; i < tk.n && i - lineStart < 14 && (i == lineStart || !tk.nlBefore[i]); i++) {
            if (i == t) {
                continue;
            }
            unit |= unitAt(s, i);
            header |= s.isAny(i, NOTE_HEADER_WORDS) || tk.clockTime(i) || shiftHour(s, i);
        }
        if (!unit || !header) {
            return -1;
        }
        s.addTokens(PhiType.GEO, t, t, "facility.acronym", 0.7);
        return t + 1;
    }

    /** The first token of t's line when it is at most {@code max} tokens before t, else -1. */
    private static int lineStartWithin(Scan s, int t, int max) {
        Tokens tk = s.tk;
        int start = t;
        while (start > 0 && !tk.nlBefore[start] && t - start < max) {
            start--;
        }
        return start > 0 && !tk.nlBefore[start] ? -1 : start;
    }

    /** A hospital acronym's shape: ...MC, ...MH, ...HC, or four letters or more ending in H (not ...VH, ...PH, ...AH). */
    private static boolean hospitalAcronymShape(String k) {
        return k.endsWith("MC") || k.endsWith("MH") || k.endsWith("HC")
                || k.length() >= 4 && k.endsWith("H") && !k.endsWith("VH") && !k.endsWith("PH") && !k.endsWith("AH");
    }

    /** Kinds of facility, no one facility's name: "FQHC", "CMHC" (community mental health center), "PCMH". */
    private static final Words FACILITY_KINDS = Words.of("FQHC", "CMHC", "PCMH");

    /**
     * A vowel after the first letter followed by a consonant other than the closing H: a word's syllable ("METH",
     * "MECH", "BRONCH", "GIRTH", "SWISH", "SLOUGH"), not an acronym's letters ("GIUH", "FCUH", "OPWH", "LMCH").
     */
    private static boolean syllable(String k) {
        for (int i = 1; i < k.length() - 1; i++) {
            if ("AEIOU".indexOf(k.charAt(i)) >= 0 && "AEIOUH".indexOf(k.charAt(i + 1)) < 0) {
                return true;
            }
        }
        return false;
    }

    /** A care unit starting at u: MICU, CCU, SDU, NEURO ICU, STEP DOWN, STEP-DOWN. */
    private static boolean unitAt(Scan s, int u) {
        Tokens tk = s.tk;
        return s.careUnit(u) || s.isAny(u, UNIT_KIND) && s.careUnit(u + 1) && tk.spaceOnly(u, u + 1)
                || s.is(u, "STEP") && s.is(u + 1, "DOWN") && tk.spaceOnly(u, u + 1)
                || s.is(u, "STEP") && tk.isPunct(u + 1, '-') && s.is(u + 2, "DOWN") && tk.adjacent(u, u + 1);
    }

    /** "7A", "7p", "11P": an hour of a shift ("7A-7P"). */
    private static boolean shiftHour(Scan s, int i) {
        Tokens tk = s.tk;
        if (tk.kind[i] != Tokens.ALNUM || tk.len(i) < 2 || tk.len(i) > 3) {
            return false;
        }
        char last = Character.toUpperCase(s.text.charAt(tk.end[i] - 1));
        for (int c = tk.start[i]; c < tk.end[i] - 1; c++) {
            if (!Character.isDigit(s.text.charAt(c))) {
                return false;
            }
        }
        return (last == 'A' || last == 'P') && (tk.isPunct(i + 1, '-') || tk.isPunct(i - 1, '-'));
    }

    /**
     * A note's first line naming its hospital by acronym: among the line's first eight tokens, on a line that carries a
     * numeric date ("GRMC CVICU/PICU  9/17/24", "STEP DOWN 9-14 NRMC 4 EAST", "MSRMC SOCIAL WORK - TICU 4/29/25"); a
     * unit's own acronym (IMC) is no hospital.
     */
    private static boolean unitHeader(Scan s, int t) {
        Tokens tk = s.tk;
        if (unitWord(s, t)) {
            return false;
        }
        int start = lineStartWithin(s, t, 8);
        if (start < 0) {
            return false; // not near the line's start
        }
        for (int i = start; i + 2 < tk.n && (i == start || !tk.nlBefore[i]); i++) {
            if (tk.kind[i] == Tokens.NUM && tk.kind[i + 2] == Tokens.NUM && tk.adjacent(i, i + 1) && tk.adjacent(i + 1, i + 2)
                    && (tk.isPunct(i + 1, '/') || tk.isPunct(i + 1, '-') || tk.isPunct(i + 1, '.'))
                    && tk.len(i) <= 2 && tk.len(i + 2) <= 2
                    || tk.kind[i] == Tokens.WORD && s.has(i, Lexicon.MONTH) && tk.kind[i + 1] == Tokens.NUM) {
                return true;
            }
        }
        return false;
    }

    private static boolean unitWord(Scan s, int t) {
        return s.isAny(t, FACILITY_UNITS) || s.careUnit(t);
    }

    /** Words naming a department or office of a hospital, after its acronym ("CNMC CARDIOLOGY"). */
    private static final Words DEPARTMENTS = Words.of("MRN", "CLINIC", "CENTER", "CENTRE", "DEPARTMENT", "DEPT", "OFFICE",
        "EMERGENCY", "ED", "ER", "RADIOLOGY", "LAB", "LABORATORY", "PHARMACY");

    /**
     * The acronym t before MRN or a department or specialty word on its line, or first or last in a parenthesised
     * list ("(CNMC, EASTON)", "(RN, BCMC)", "(02/27/2023, CNMC)").
     */
    private static boolean recordOrCitation(Scan s, int t) {
        Tokens tk = s.tk;
        int nx = t + 1;
        if (nx < tk.n && !tk.nlBefore[nx] && tk.spaceOnly(t, nx) && tk.kind[nx] == Tokens.WORD
                && (s.isAny(nx, DEPARTMENTS) || s.is(nx, "MR") && tk.isPunct(nx + 1, '#') || specialty(s, nx))) {
            return true;
        }
        return tk.isPunct(t - 1, '(') && tk.isPunct(t + 1, ',') || tk.isPunct(t - 1, ',') && tk.isPunct(t + 1, ')');
    }

    private static final Words SPECIALTIES = Words.of("DIABETES", "ENDOCRINE", "ONCOLOGY", "ORTHOPEDIC", "ORTHOPAEDIC",
            "PEDIATRIC", "SURGERY", "SURGICAL", "UROLOGY", "CARDIAC", "CARDIOVASCULAR", "NEUROSURGERY", "PODIATRY",
            "CHIROPRACTIC");

    /** A medical specialty's name: CARDIOLOGY, ORTHOPAEDICS, DERMATOLOGY, PEDIATRICS, DIABETES, ENDOCRINOLOGY... */
    private static boolean specialty(Scan s, int t) {
        if (t < 0 || t >= s.tk.n || s.tk.kind[t] != Tokens.WORD) {
            return false;
        }
        String k = s.key(t);
        return k.length() > 6 && (k.endsWith("OLOGY") || k.endsWith("IATRY") || k.endsWith("IATRICS")
                || k.endsWith("PEDICS") || k.endsWith("PAEDICS") || k.endsWith("ETRICS"))
                || s.isAny(t, SPECIALTIES);
    }

    private static final Words FACILITY_HEADS = Words.of("HOSPITAL", "HOSP", "CLINIC", "INFIRMARY", "HOSPICE",
            "HEALTHCARE", "SANATORIUM", "REHAB", "MANOR", "SANITARIUM", "HOSPITALS", "LTAC", "LTACH", "SNF", "ECF",
            "VNA");
    private static final Words FINGER_WORDS = Words.of("FINGER", "THUMB", "DIGIT", "HAND", "INDEX", "RING", "SMALL",
            "LONG", "MIDDLE");
    private static final Words CARE_HEADS = Words.of("MEDICAL", "MED", "HEALTH", "CANCER", "REHAB", "REHABILITATION",
            "CARE", "SURGERY", "LIVING", "SENIOR", "SURGICAL", "NURSING", "DIALYSIS", "TRAUMA", "HEART", "CHILDRENS",
            "WOMENS", "EYE", "BURN", "SPINE", "RECOVERY", "TREATMENT", "ADDICTION", "DETOX", "COUNSELING", "CRISIS",
            "WELLNESS", "RESOURCE", "BIRTH", "BIRTHING");
    private static final Words TREATMENT_PROGRAM_WORDS = Words.of("DAY", "TREATMENT", "RECOVERY", "METHADONE",
            "RESIDENTIAL", "OUTPATIENT", "DETOX", "HOSPITALIZATION", "REHAB", "REHABILITATION");
    private static final Words TREATMENT_CENTER_WORDS = Words.of("TREATMENT", "ADDICTION", "RECOVERY", "BEHAVIORAL",
            "COUNSELING", "HEALTH", "PSYCHIATRIC", "FAMILY", "HUMAN", "HOSPICE", "REHABILITATION", "REHAB", "SUBSTANCE",
            "CARE");
    private static final Words COMMUNITY_CLINIC_WORDS = Words.of("COMMUNITY", "FAMILY", "BEHAVIORAL", "MENTAL",
            "NEIGHBORHOOD", "WOMENS", "CHILDRENS", "HOME", "OCCUPATIONAL", "TRIBAL", "INDIAN", "RURAL");
    private static final Words DIALYSIS_THINGS = Words.of("CATH", "CATHETER", "CATHETERS", "CATHS", "LINE", "LINES",
            "ACCESS", "PORT", "CIRCUIT", "MACHINE", "FILTER", "FLUID", "BATH", "NURSE", "RN", "ORDERS", "TREATMENT",
            "SESSION", "RUN", "CANNULA", "GRAFT", "FISTULA", "TEAM", "DOSING", "DOSE", "PRESCRIPTION");
    private static final Words DIALYSIS_MODIFIERS = Words.of("PERITONEAL", "HEMO", "NOCTURNAL", "CONTINUOUS",
            "INTERMITTENT", "EMERGENT", "URGENT", "ACUTE", "CHRONIC", "INPATIENT", "OUTPATIENT", "HOME", "RENAL",
            "KIDNEY", "LIVER", "ALBUMIN", "SUSTAINED", "EXTENDED", "DAILY");
    private static final Words CLINIC_SPECIALTIES = Words.of("MEDICAL", "PEDIATRIC", "PEDIATRICS", "PEDS", "FAMILY",
            "HEALTH", "CARDIOLOGY", "CARDIOVASCULAR", "ONCOLOGY", "PRIMARY", "CARE", "WOMENS", "GYN", "OBGYN",
            "SURGICAL", "ORTHOPEDIC", "INTERNAL", "MEDICINE", "NEUROLOGY", "KIDNEY", "RENAL", "HEART", "CANCER",
            "PSYCHIATRIC", "BEHAVIORAL", "DERMATOLOGY", "UROLOGY", "GI", "PULMONARY");

    private static boolean head(Scan s, int t) {
        if (s.isAny(t, FACILITY_HEADS)
                || s.is(t, "MC") && tk(s).allUpper(t) && t >= 2 && tk(s).kind[t - 1] == Tokens.WORD
                && tk(s).kind[t - 2] == Tokens.WORD && tk(s).len(t - 1) >= 3
                && !s.isAny(t - 1, FINGER_WORDS)
                && !s.isAny(t + 1, "FX", "FRACTURE", "FRACTURES", "NECK", "SHAFT", "BASE", "HEAD", "JOINT")) {
            // "BOONES CREEK MC": a medical center's abbreviation after words ("R 5TH MC", "RING FINGER MC FX" are
            // metacarpals)
            return true;
        }
        if (s.isAny(t, "LIFE", "LIVING")) {
            return s.isAny(t - 1, "SENIOR", "ASSISTED");
        }
        if (s.isAny(t, "CENTER", "CENTRE", "CTR")) {
            return s.isAny(t - 1, CARE_HEADS) || serviceWord(s, t - 1) // "Treasure Valley Sleep Disorders Center": a distinctive word is still required
                    || ampersandPair(s, t - 1); // "Wissahickon Voice & Swallowing Center" (the caller still wants a distinctive word)
        }
        // shelters and treatment programs ("Harborview Family Shelter", "Beacon Day Program", "Lighthouse House"; a
        // house only where a patient goes or stays, checked by the caller)
        if (s.isAny(t, "SHELTER", "SHELTERS", "HOUSE")) {
            return true;
        }
        if (s.is(t, "PROGRAM")) {
            return s.isAny(t - 1, TREATMENT_PROGRAM_WORDS);
        }
        // "Conemaugh Highlands Treatment Services", "Stark Valley Crisis Stabilization Unit": behavioural-health
        // agencies and units named like facilities (a distinctive word before is still required)
        if (s.is(t, "SERVICES")) {
            return s.isAny(t - 1, TREATMENT_CENTER_WORDS);
        }
        if (s.is(t, "UNIT")) {
            return s.isAny(t - 1, "STABILIZATION", "DETOX", "DETOXIFICATION", "WITHDRAWAL", "TREATMENT", "RECOVERY")
                    || s.is(t - 1, "MANAGEMENT") && s.is(t - 2, "WITHDRAWAL");
        }
        if (s.is(t, "RESIDENCE")) {
            return s.isAny(t - 1, "GROUP", "SENIOR", "TRANSITIONAL", "RECOVERY");
        }
        if (s.is(t, "HOME")) {
            return s.isAny(t - 1, "NURSING", "REST", "CONVALESCENT", "GROUP", "FUNERAL", "SOLDIERS", "VETERANS")
                    || s.is(t - 1, "CARE") && s.is(t - 2, "PERSONAL"); // "ROARING BROOK PERSONAL CARE HOME"
        }
        // the VA's medical centers, health care systems and outpatient clinics ("OGEECHEE VALLEY VAMC")
        if (s.isAny(t, "VAMC", "VAHCS", "CBOC", "VAMCS")) {
            return true;
        }
        if (s.isAny(t, "SYSTEM", "GROUP", "NETWORK")) {
            // "Harborview Orthopaedic Group", "Lakeshore Dermatology Group": a practice named by its specialty
            return s.isAny(t - 1, "HEALTH", "MEDICAL", "HEALTHCARE") || !s.is(t, "SYSTEM") && specialty(s, t - 1);
        }
        // "Franciscan Children's", "BOSTON CHILDREN'S": the possessive alone names a children's hospital (a proper word
        // before it is still required); before HOSPITAL or CENTER that word is the head instead
        if (s.is(t, "CHILDRENS")) {
            int e = s.tk.end[t];
            return s.tk.len(t) > 8 && io.phistream.detector.text.lexicon.Fold.isApostrophe(s.text.charAt(e - 2))
                    && !s.has(t + 1, Lexicon.FACILITY_HEAD);
        }
        // practices and community clinics: "NORTH SHORE PEDS", "X PEDIATRIC ASSOCIATES", "SOUTH END COMMUNITY HEALTH",
        // "CAPE COD OB/GYN", "HEBREW SENIORLIFE"
        if (s.isAny(t, "PEDS", "PEDIATRICS", "SENIORLIFE", "SENIORCARE")) {
            return true;
        }
        if (s.is(t, "HEALTH")) {
            // "Sonoran Sky Home Health": an agency; a distinctive word before is still required ("home health aide" is not)
            return s.isAny(t - 1, COMMUNITY_CLINIC_WORDS);
        }
        // "Pecan Bend Memory Care", "Levee Road Dialysis": units and centers named by their care (a distinctive word
        // before is still required, so "needs dialysis" and "memory care" alone stay)
        if (s.is(t, "NURSING")) {
            return s.is(t - 1, "SKILLED"); // "Mt. Aragats Skilled Nursing" (the caller wants a distinctive word)
        }
        if (s.is(t, "CARE")) {
            return s.is(t - 1, "MEMORY") && t >= 2 && tk(s).kind[t - 2] == Tokens.WORD; // (not "NEXT WK. MEMORY CARE")
        }
        if (s.is(t, "DIALYSIS")) {
            // a dictionary word before it must be a name's or a place's ("MILL CREEK", "LEVEE ROAD"), so "TUNNELED
            // DIALYSIS CATH" and "STANDBY DIALYSIS" stay; and a device after it is the dialysis's ("QUINTON DIALYSIS CATH")
            int f = t > 0 ? s.flags(t - 1) : 0;
            if (t > 0 && tk(s).lex[t - 1] >= 0 && (f & (Lexicon.NAME_LISTED | Lexicon.PLACE_START | Lexicon.SUFFIX
                    | Lexicon.STREET_NAME | Lexicon.DIRECTION | Lexicon.STATE_NAME)) == 0
                    || s.isAny(t + 1, DIALYSIS_THINGS)) {
                return false;
            }
            return t > 0 && tk(s).kind[t - 1] == Tokens.WORD && !s.has(t - 1, CLINICAL) && !s.has(t - 1, STOP)
                    && !s.isAny(t - 1, DIALYSIS_MODIFIERS);
        }
        if (s.is(t, "INSTITUTE")) {
            // "Gulf Coast Heart Institute"; research and teaching institutes ("... Institute of Technology") are not
            return s.isAny(t - 1, INSTITUTE_FIELDS);
        }
        if (s.isAny(t, "ASSOCIATES", "ASSOC", "ASSOCS", "PRACTICE", "PHYSICIANS", "PARTNERS", "SPECIALISTS")
                && ampersandPair(s, t - 1)) {
            return true; // "Capital Foot & Ankle Specialists", "Arthritis & Rheumatology Associates"
        }
        if (s.isAny(t, "ASSOCIATES", "ASSOC", "ASSOCS", "PRACTICE", "PHYSICIANS", "PARTNERS", "SPECIALISTS")) {
            return s.isAny(t - 1, CLINIC_SPECIALTIES) || serviceWord(s, t - 1) || specialty(s, t - 1);
        }
        return s.is(t, "GYN") && tk(s).isPunct(t - 1, '/') && s.is(t - 2, "OB");
    }

    /**
     * "FALLS CITY MERCY HOSPITAL", "Cedar Falls Women's Health": a town of two or more words, each of them common or
     * generic, names the facility as well as a proper word would.
     */
    private static boolean townOfCommonWords(Scan s, int first, int h) {
        for (int u = first; u < h; u++) {
            long m = placeMatch(s, u);
            int end = (int) (m >> 32);
            // a town of two or more words counts anywhere; of one word, only leading a capitalised name and not a
            // word that describes facilities ("Headland Family Medicine", not "Family Medicine and Internal Medicine")
            if (end > u && end < h || end == u && u == first && !s.tk.upperDoc && s.tk.capitalized(u)
                    && !facilityWord(s, u) && !serviceWord(s, u) && !s.has(u, Lexicon.HOSP_GENERIC)
                    && !s.has(u, CLINICAL) && !s.has(u, STOP)) {
                return true;
            }
        }
        return false;
    }

    private static final Words INSTITUTE_FIELDS = Words.of("HEART", "CANCER", "EYE", "DIABETES", "SPINE", "ORTHOPEDIC",
        "ORTHOPAEDIC", "NEUROSCIENCE", "NEUROSCIENCES", "NEUROLOGICAL", "VASCULAR", "KIDNEY", "TRANSPLANT", "REHAB",
        "REHABILITATION", "BEHAVIORAL", "PSYCHIATRIC", "MEDICAL", "HEALTH", "CARDIAC", "CARDIOVASCULAR", "ONCOLOGY",
        "JOINT", "BONE", "SLEEP", "PAIN", "LUNG", "LIVER", "DIGESTIVE", "BRAIN", "STROKE", "SURGICAL", "CHILDRENS",
        "WOMENS", "HEARING", "ARTHRITIS", "DIALYSIS", "ALLERGY", "ASTHMA", "WOUND", "VEIN", "SPORTS", "SKIN", "FERTILITY",
        "BREAST", "UROLOGY", "UROLOGIC", "CLINICAL");

    /**
     * Words that name a clinical service: a clinic named only by them is a department of the hospital the note comes
     * from ("Anticoagulation Clinic", "Internal Medicine Clinic"), not a facility's name.
     */
    private static final Words SERVICE_WORDS = Words.of("ANTICOAGULATION", "COUMADIN",
        "WARFARIN", "INR", "WOUND", "OSTOMY", "INFUSION", "TRANSPLANT", "MEMORY", "SLEEP", "PAIN", "HEADACHE",
        "DIABETES", "LIPID", "ASTHMA", "ALLERGY", "TRAVEL", "PRENATAL", "WELL", "CHILD", "BABY", "RESIDENT", "RESIDENTS",
        "WALK", "URGENT", "INTERNAL", "MEDICINE", "PRIMARY", "HEART", "FAILURE", "CHEST", "BREAST", "SPINE", "JOINT",
        "HAND", "FOOT", "EYE", "VEIN", "VASCULAR", "THORACIC", "HIV", "ID", "GI", "LIVER", "KIDNEY", "RENAL", "STROKE",
        "MOVEMENT", "DISORDERS", "SEIZURE", "EPILEPSY", "CONCUSSION", "SPORTS", "FRACTURE", "BONE", "OSTEOPOROSIS",
        "FALLS", "ADOLESCENT", "TEEN", "PEDIATRIC", "WOMENS", "MENS", "LACTATION", "NUTRITION", "WEIGHT", "BARIATRIC",
        "OBESITY", "SMOKING", "CESSATION", "TOBACCO", "ADDICTION", "METHADONE", "SUBOXONE", "BRIDGE", "MENTAL",
        "SURGERY", "SURGICAL", "PREOP", "POSTOP", "PRE", "POST", "OP", "ANESTHESIA", "SKIN", "CANCER", "RADIATION",
        "DEVICE", "PACEMAKER", "ARRHYTHMIA", "CHF", "COPD", "PULMONARY", "LUNG", "TB", "STD", "STI", "SEXUAL",
        "FERTILITY", "GENETIC", "GENETICS", "CONTINENCE", "DIALYSIS", "ACCESS", "TRAUMA", "BURN", "HYPERTENSION",
        "CYSTIC", "FIBROSIS", "SICKLE", "CELL", "HEMOPHILIA", "IMMUNIZATION", "VACCINE", "FLU", "TESTING", "SCREENING",
        "HEPATITIS", "ORTHO", "NEURO", "CARDIO", "ONC", "HEME", "ENT", "OB", "GYN", "PEDS", "PSYCH", "DERM", "URO",
        "PULM", "RHEUM", "ENDO", "GERI", "PALLIATIVE", "HOSPICE", "SUPPORTIVE", "CARE", "TRANSITIONS", "COMPLEX",
        "HIGH", "RISK", "SAME", "DAY", "AFTER", "HOURS", "EXPRESS", "HEARING", "SPEECH", "AUDIOLOGY", "DENTAL", "VISION",
        "FOLLOW", "UP", "INFECTIOUS", "DISEASE", "DISEASES", "TRAVELERS", "LOW", "AUTISM", "BEHAVIOR");

    /** A clinical service word: listed above, a clinical term, or shaped like a specialty (-ology, -iatry, -iatrics). */
    private static boolean serviceWord(Scan s, int t) {
        if (t < 0 || t >= s.tk.n || s.tk.kind[t] != Tokens.WORD) { // (callers pass the word before a head: t - 1)
            return false;
        }
        int f = s.flags(t);
        if ((f & CLINICAL) != 0 && (f & Lexicon.GROUP) == 0) {
            return true;
        }
        if (s.isAny(t, SERVICE_WORDS)) {
            return true;
        }
        String k = s.key(t);
        return k.length() > 6 && (k.endsWith("OLOGY") || k.endsWith("OLOGIC")
                || k.endsWith("IATRY") || k.endsWith("IATRIC") || k.endsWith("IATRICS") || k.endsWith("PEDICS")
                || k.endsWith("ETRICS"));
    }

    /** Words that bring insurance or payers, not a named agency, before "home health" or "hospice". */
    private static final Words PAYERS = Words.of("MEDICARE", "MEDICAID", "MASSHEALTH", "TRICARE", "MEDI", "CAL", "HMO",
        "PPO", "INSURANCE", "PRIVATE", "SKILLED", "INTERMITTENT");

    private static final Words CLOSING_HEADS = Words.of("REGIONAL", "MEMORIAL", "GENERAL", "COMMUNITY");

    /** REGIONAL, MEMORIAL, GENERAL, COMMUNITY closing a name where a patient comes from or goes ("at Nauset Regional"). */
    private static boolean closingHead(Scan s, int h) {
        Tokens tk = s.tk;
        int len = tk.len(h);
        if (tk.kind[h] != Tokens.WORD || len < 7 || len > 9 // (length first: this runs for every word)
                || !s.isAny(h, CLOSING_HEADS)) {
            return false;
        }
        int nx = h + 1;
        if (nx >= tk.n || tk.nlBefore[nx] || gap(s, h, nx) >= 2) {
            return true;
        }
        if (tk.kind[nx] == Tokens.PUNCT) {
            char c = tk.firstChar(nx);
            return c != '-' && c != '/' && c != '\'' && c != '&' || !tk.adjacent(h, nx);
        }
        // "at Nauset Regional for 3 days", "from Mercy General ED"; not "regional anesthesia", "General Surgery"
        return s.has(nx, STOP) && !s.isAny(nx, "OF", "AND", "&") || s.isAny(nx, FACILITY_UNITS) || s.is(nx, "EMERGENCY")
                || tk.kind[nx] == Tokens.NUM && tk.len(nx) <= 2 && (tk.isPunct(nx + 1, '/') || tk.isPunct(nx + 1, '-'))
                && tk.adjacent(nx, nx + 1) // "CATH AT PISCATAQUA REGIONAL 4/9": the day there
                || unitWord(s, nx) || s.is(nx, "BURN") && nx + 1 < tk.n && tk.kind[nx + 1] == Tokens.NUM; // "... TICU", "BURN 5"
    }

    private static boolean anyRoleOrClinical(Scan s, int from, int to) {
        for (int i = from; i < to; i++) {
            int f = s.flags(i);
            if ((f & NOT_PLACE) != 0 || (f & CLINICAL) != 0 && (f & Lexicon.GROUP) == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyGroup(Scan s, int from, int to) {
        for (int i = from; i <= to; i++) {
            if (s.has(i, Lexicon.GROUP)) {
                return true;
            }
        }
        return false;
    }

    /** The word before HOUSE names a program: not a relative, a title or anyone's possessive ("Mom's House"). */
    private static boolean properHouse(Scan s, int w) {
        Tokens tk = s.tk;
        if (w < 0 || tk.kind[w] != Tokens.WORD || s.has(w, NOT_PLACE | CLINICAL)) {
            return false;
        }
        int e = tk.end[w];
        return tk.len(w) < 3 || !io.phistream.detector.text.lexicon.Fold.isApostrophe(s.text.charAt(e - 2));
    }

    /**
     * Heads that the lexicon's facility heads do not hold (shelters and treatment programs, named by the words before
     * them: "Harborview Family Shelter"; agencies and units; the VA's centers): one set lookup for every word.
     */
    private static final Words OTHER_HEADS = Words.of("CHILDRENS", "SHELTER", "SHELTERS", "HOUSE", "PROGRAM",
            "RESIDENCE", "SERVICES", "UNIT", "HOSPITALS", "VAMC", "VAHCS", "CBOC", "VAMCS", "GROUP", "SYSTEM", "SPECIALISTS",
            "MC", "DIALYSIS");
    /** {@link #OTHER_HEADS} and {@link #CLOSING_HEADS}: the words that head a facility without the lexicon's flag. */
    private static final Words ANY_HEADS = Words.union(OTHER_HEADS, CLOSING_HEADS);

    private static final Words COMPARATIVES = Words.of("HIGHER", "LOWER", "LARGER", "BIGGER", "SMALLER", "BETTER",
            "CLOSER", "NEARER", "NEWER", "OLDER", "OTHER", "SAME", "DIFFERENT", "ANOTHER", "RETURN", "NEXT");

    /**
     * Two ordinary words that open a facility's name: after a line's start, a header's column, punctuation or a
     * preposition of place ("MISSION BOTTOM HOSPITAL", "at Levee Road Dialysis"). Words that describe care, roles,
     * clinical terms, verbs of context and function words never count, so "SENT TO OUTSIDE HOSPITAL" stays.
     */
    private static boolean commonPair(Scan s, int u) {
        Tokens tk = s.tk;
        int a = u - 1;
        // (the first may be a clinical word that opens place names: "DRY SWAMP MED CTR", "FRENCH BROAD REGIONAL")
        boolean first = a >= 0 && (plainWord(s, a) || clinicalPlaceWord(s, a) && !s.has(u, CLINICAL));
        if (a < 0 || !plainWord(s, u) || !first || !tk.spaceOnly(a, u)
                || s.isAny(a, COMPARATIVES)) {
            return false; // not a comparison or a kind ("TO HIGHER LEVEL HOSPITAL")
        }
        int p = a - 1;
        if (a == 0 || tk.nlBefore[a] || columnGap(s, p, a)
                || unitWord(s, p) && (p == 0 || tk.nlBefore[p]) && tk.spaceOnly(p, a)) {
            return true; // a header's facility: "3 WEST   SPY RUN MEDICAL CENTER", "MICU RED STICK REGIONAL MEDICAL CENTER"
        }
        // in running text one of the two opens a place's name somewhere (FOX, MILL, LEVEE): not "PLAN: RETURN VISIT
        // CLINIC", "CLEAN DRESSING DIALYSIS"
        return (s.has(a, Lexicon.PLACE_START) || s.has(u, Lexicon.PLACE_START)) && opensName(s, p);
    }

    /** What may stand right before a facility's first word in running text: punctuation (not a slash) or AT, FROM... */
    private static boolean opensName(Scan s, int p) {
        return s.tk.kind[p] == Tokens.PUNCT && s.tk.firstChar(p) != '/' || s.has(p, Lexicon.PLACE_PREP) && !s.is(p, "OF");
    }

    /**
     * One ordinary word that opens a facility's name of generic words where a note's header names its hospital: at a
     * line's start, after a column gap or after the header's date. Not a verb's or a participle's shape (NEEDS, SENT,
     * ACCEPTING), and only in capitals or capitalised.
     */
    private static boolean headerOpening(Scan s, int u, int h) {
        Tokens tk = s.tk;
        if (!plainWord(s, u) || s.has(u, Lexicon.VERB_CONTEXT)) {
            return false;
        }
        String k = s.key(u);
        if (k.endsWith("S") || k.endsWith("ED") || k.endsWith("ING") || k.endsWith("LY")) {
            return false;
        }
        int p = u - 1;
        boolean opens = u == 0 || tk.nlBefore[u] || columnGap(s, p, u) || tk.kind[p] == Tokens.NUM && !tk.nlBefore[p]
                && (tk.isPunct(p - 1, '/') || tk.isPunct(p - 1, '-'));
        if (!opens) {
            return false;
        }
        // a header: the unit or the note's kind right after the name ("... HOSPITAL MICU NPN"), or both a note's kind
        // and a date on the line ("MICU ADMIT 09/14/2024 CIRCLE CITY MEDICAL CENTER 81 YOF")
        int nx = h + 1;
        if (nx < tk.n && !tk.nlBefore[nx] && tk.kind[nx] == Tokens.WORD && (unitWord(s, nx) || noteWord(s, nx))) {
            return true;
        }
        return noteHeaderLine(s, u);
    }

    /**
     * A facility's name where a note's header puts it: after the header's date or time, at the line's start or after
     * a column, on a line with a note's kind and a date ("BURN ICU ADMIT NOTE 3/4/25 0215 BAYOU CITY GENERAL BURN 5").
     */
    private static boolean headerPlace(Scan s, int first) {
        Tokens tk = s.tk;
        int p = first - 1;
        if (!(first == 0 || tk.nlBefore[first] || columnGap(s, p, first) || tk.kind[p] == Tokens.NUM)) {
            return false;
        }
        return noteHeaderLine(s, first);
    }

    /** The line of token t holds both a note's kind and a date: a note's header. */
    private static boolean noteHeaderLine(Scan s, int t) {
        int line = headerLine(s, t);
        return line >>> 16 > 0 && (line & 0xFFFF) > 0;
    }

    /**
     * "FROM FORT LIBERTY", "ARMY, FORT LIBERTY.": FORT and the proper word after it name a post or a town, whichever
     * list holds it; a clinical or function word after FORT does not.
     */
    private static int fort(Scan s, int t) {
        Tokens tk = s.tk;
        if (tk.kind[t] != Tokens.WORD || tk.len(t) != 4 || !s.is(t, "FORT")) {
            return -1;
        }
        int u = t + 1;
        if (u >= tk.n || tk.nlBefore[u] || !tk.spaceOnly(t, u) || !properWord(s, u) || tk.len(u) < 3
                || s.has(u, CLINICAL | STOP | Lexicon.VERB_CONTEXT)) {
            return -1;
        }
        s.addTokens(PhiType.GEO, t, u, "geo.fort", 0.75);
        claim(s, tk.start[t], tk.end[u]);
        return u + 1;
    }

    /** After a form's "To:" or "From:" a capitalised word is a value, not a sentence's first word. */
    private static boolean formField(Scan s, int u) {
        return s.tk.isPunct(u - 1, ':') && s.isAny(u - 2, "TO", "FROM");
    }

    /** A clinical word that opens place names (DRY, RED, GREEN), after a preposition of place, punctuation or a line's start. */
    private static boolean clinicalPlaceOpening(Scan s, int u) {
        Tokens tk = s.tk;
        if (tk.kind[u] != Tokens.WORD || !clinicalPlaceWord(s, u) || !(tk.upperDoc || tk.capitalized(u))
                || !tk.spaceOnly(u, u + 1)) {
            return false;
        }
        return u == 0 || tk.nlBefore[u] || opensName(s, u - 1);
    }

    /** A clinical word that also opens place names (DRY, RED, FRENCH): no function or role word. */
    private static boolean clinicalPlaceWord(Scan s, int t) {
        return s.tk.len(t) >= 3 && s.has(t, CLINICAL) && s.has(t, Lexicon.PLACE_START) && !s.has(t, STOP | NOT_PLACE);
    }

    /** An ordinary noun or adjective, capitalised where case tells: no role, care, clinical, verb or function word. */
    private static boolean plainWord(Scan s, int t) {
        Tokens tk = s.tk;
        int f = s.flags(t);
        return tk.kind[t] == Tokens.WORD && tk.len(t) >= 3 && (tk.upperDoc || tk.capitalized(t))
                && (f & (STOP | CLINICAL | NOT_PLACE | Lexicon.HOSP_GENERIC | Lexicon.PLACE_PREP) & ~Lexicon.STATE_NAME) == 0
                && !facilityWord(s, t) && !programWord(s, t) && !serviceWord(s, t) && !specialty(s, t);
    }

    /** A word no list knows (no name, English, clinical or function word), capitalised where case tells. */
    private static boolean unknownProper(Scan s, int t) {
        int f = s.flags(t);
        return (f & (COMMON | CLINICAL | STOP | NAME_LISTED | Lexicon.VERB_CONTEXT)) == 0 && s.tk.len(t) >= 3
                && (s.tk.upperDoc || s.tk.capitalized(t));
    }

    private static final Words PROGRAM_WORDS = Words.of("HOMELESS", "MENS", "YOUTH", "EMERGENCY", "SHELTER", "RECOVERY",
            "TREATMENT", "ADDICTION", "DETOX", "SOBER", "HALFWAY", "DAY", "PROGRAM", "RESIDENTIAL", "OUTPATIENT",
            "METHADONE", "COUNSELING", "CRISIS", "WELLNESS", "TRANSITIONAL", "RESOURCE", "HOUSE", "RESIDENCE", "ADULT",
            "PARTIAL", "HOSPITALIZATION", "SUBSTANCE", "ABUSE", "DOMESTIC", "VIOLENCE", "MENTAL", "SERVICES", "CENTER",
            "STABILIZATION", "WITHDRAWAL", "MANAGEMENT", "DETOXIFICATION", "UNIT");

    /** Generic words of shelters and treatment programs: they describe a place, they do not name it. */
    private static boolean programWord(Scan s, int t) {
        return s.isAny(t, PROGRAM_WORDS);
    }

    private static Tokens tk(Scan s) {
        return s.tk;
    }

    /** Generic words that name a kind of facility, not a particular one. */
    private static final Words FACILITY_WORDS = Words.of("MEDICAL", "MED", "HEALTH", "CANCER", "REHAB",
        "REHABILITATION", "CARE", "SURGERY", "SURGICAL", "NURSING", "DIALYSIS", "TRAUMA", "CHILDRENS", "WOMENS",
        "REST", "CONVALESCENT", "GROUP", "ASSISTED", "SKILLED", "COMMUNITY", "GENERAL", "REGIONAL", "MEMORIAL",
        "UNIVERSITY", "STATE", "COUNTY", "CITY", "VA", "VETERANS", "PSYCHIATRIC", "CHILDREN", "WOMEN", "SPECIALTY",
        "ACUTE", "LONG", "TERM", "OUTSIDE", "LOCAL", "AREA", "THE", "A", "AN", "THIS", "THAT", "OSH", "OTHER",
        "PRIVATE", "PUBLIC", "HEART", "EYE", "BURN", "SPINE", "HOSPITAL", "HOME", "ACADEMIC", "TEACHING", "DISTRICT",
        "FAMILY", "SENIOR", "LIVING", "LIFE", "TRIBAL", "PERSONAL");

    private static boolean facilityWord(Scan s, int t) {
        return s.isAny(t, FACILITY_WORDS);
    }

    private static final Words HOSPITAL_THINGS = Words.of("COURSE", "DAY", "STAY", "ADMISSION", "ACQUIRED", "BED",
            "GOWN", "FLOOR", "POLICY", "CHAPLAIN", "PHARMACY", "STAFF", "ROOM", "VISIT", "VISITS", "RECORDS", "CONSULT",
            "FOLLOWUP", "NOTE", "AIDE", "AIDES");
    private static final Words DETERMINERS_BEFORE_FACILITY = Words.of("THE", "A", "AN", "OUTSIDE", "LOCAL", "AREA",
            "OSH", "THIS", "THAT", "OTHER", "ANOTHER");

    /** "ST. JOSEPH'S HOSPITAL", "Lakeside Nursing Home", "Hospital of the University of Pennsylvania". */
    private static void facilities(Scan s) {
        Tokens tk = s.tk;
        for (int h = 0; h < tk.n; h++) {
            // cheap tests first: only a word, and in mixed case no word written in lower case, heads a facility; and
            // only a facility's head (by flag or list) or a closing head (one of its list)
            if (tk.kind[h] != Tokens.WORD || !tk.upperDoc && tk.lowerInitial(h)
                    || !s.has(h, Lexicon.FACILITY_HEAD) && !s.isAny(h, ANY_HEADS)) {
                continue;
            }
            // a possessive token carries its stem's flags, so CHILDREN'S is named here
            boolean closing = closingHead(s, h);
            if (!closing && (!(s.has(h, Lexicon.FACILITY_HEAD) || s.isAny(h, OTHER_HEADS)) || !head(s, h))) {
                continue;
            }
            // "hospital course", "hospital day 3": the word used as an adjective (a header's column gap ends the name)
            if (s.isAny(h + 1, HOSPITAL_THINGS) && (h + 1 >= tk.n || gap(s, h, h + 1) < 2 || tk.nlBefore[h + 1])) {
                continue;
            }
            boolean clinic = s.isAny(h, "CLINIC", "CLINICS");
            boolean homeHealth = s.is(h, "HEALTH") && s.is(h - 1, "HOME") || s.is(h, "HOSPICE");
            int first = h;
            boolean distinctive = false;
            boolean obGyn = s.is(h, "GYN") && tk.isPunct(h - 1, '/') && s.is(h - 2, "OB");
            if (obGyn) {
                first = h - 2;
            }
            int u = obGyn ? h - 3 : h - 1;
            int taken = 0;
            while (u >= 0 && taken < 6) {
                if (tk.kind[u] == Tokens.NUM || tk.kind[u] == Tokens.ALNUM && !s.has(u, ORDINAL) || columnGap(s, u, u + 1)) {
                    break; // "ICU day 4   Chugach Regional Medical Center": a number or a header's column ends the name
                }
                if (homeHealth && s.isAny(u, PAYERS)) {
                    break; // "Medicare home health"
                }
                if (tk.kind[u] == Tokens.PUNCT) {
                    char c = tk.firstChar(u);
                    // "Progress Note - Acute Rehab": a spaced dash separates a heading from what follows
                    boolean glued = c != '-' || u > 0 && tk.adjacent(u - 1, u) && tk.adjacent(u, u + 1);
                    if ((c == '.' || c == '\'' || c == '-' || c == '&') && glued && u > 0 && tk.kind[u - 1] != Tokens.PUNCT
                            && !tk.nlBefore[u + 1]) {
                        u--;
                        continue;
                    }
                    break;
                }
                if (tk.nlBefore[u + 1] && u + 1 <= h) {
                    break;
                }
                if (s.careUnit(u)) {
                    break; // the unit before the hospital's name in a header: "MICU OAK HOLLOW REGIONAL MEDICAL CENTER"
                }
                int f = s.flags(u);
                boolean connector = s.isAny(u, "OF", "AND") && u > 0 && tk.kind[u - 1] == Tokens.WORD;
                boolean saint = s.isAny(u, "ST", "SAINT", "MT", "MOUNT", "STS");
                // service words describe the facility ("Cherry Creek Liver & Transplant Center"), never make it distinctive
                boolean generic = facilityWord(s, u) || s.has(u, Lexicon.HOSP_GENERIC) || programWord(s, u)
                        || serviceWord(s, u) && !clinic && tk.len(u) >= 4 // (not "NH VS REHAB": vital signs)
                        // "Labor & Delivery Center", "Orthopaedic Group", "Birthing Center": kinds of care, not names
                        || specialty(s, u) || s.isAny(u, "BIRTH", "BIRTHING", "OCCUPATIONAL") || ampersandPair(s, u)
                        || tk.isPunct(u + 1, '&') && ampersandPair(s, u + 2);
                boolean proper = (f & Lexicon.VERB_CONTEXT) == 0 && ((f & NAME_LISTED) != 0 && (f & STOP) == 0 && (f & CLINICAL) == 0
                        && (s.lx.nameOdds(tk.lex[u]) > -2 || (f & COMMON) == 0)
                        || (f & COMMON) == 0 && (f & CLINICAL) == 0 && (f & STOP) == 0
                        || s.lx.hospitalCount(tk.lex[u]) >= 3 && (f & STOP) == 0 && (f & CLINICAL) == 0
                        || !tk.upperDoc && tk.capitalized(u) && (f & STOP) == 0
                        && !(tk.sentenceStart(u) && (f & COMMON) != 0 && (f & NAME_LISTED) == 0 && !formField(s, u)) // "Attends Beacon..."
                        || (f & Lexicon.GROUP) != 0); // "HEBREW REHAB", "JEWISH MEMORIAL HOSPITAL"; never "Per", "called"
                if (!tk.upperDoc && tk.lowerInitial(u) && !connector) {
                    break;
                }
                if (s.isAny(u, DETERMINERS_BEFORE_FACILITY)) {
                    break;
                }
                // "NORTH SHORE", "codman sq health ctr": compass words and street suffixes are parts of place names
                boolean direction = s.has(u, DIRECTION) && (f & STOP) == 0 && tk.len(u) >= 4;
                boolean streety = s.has(u, SUFFIX) && !s.has(u, SUFFIX_WEAK) && u > 0 && tk.kind[u - 1] == Tokens.WORD
                        && !tk.nlBefore[u] || s.isAny(u, "SQ", "SQUARE") && u > 0 && tk.kind[u - 1] == Tokens.WORD;
                boolean hospWord = s.lx.hospitalCount(tk.lex[u]) >= 2 && (f & (STOP | CLINICAL)) == 0;
                // "CAJON PASS REGIONAL", "PECAN BEND MEMORY CARE": an ordinary word after a word no list knows
                boolean commonOfProper = (f & (STOP | CLINICAL | Lexicon.VERB_CONTEXT)) == 0 && u > 0
                        && tk.kind[u - 1] == Tokens.WORD && tk.spaceOnly(u - 1, u) && unknownProper(s, u - 1);
                if (!(connector || saint || generic || proper || direction || streety || hospWord || commonOfProper)) {
                    if (commonPair(s, u)) { // "MISSION BOTTOM HOSPITAL", "at Levee Road Dialysis"
                        first = u - 1;
                        distinctive = true;
                    } else if (taken > 0 && !distinctive && headerOpening(s, u, h)) {
                        first = u; // "ROCKET CITY GENERAL HOSPITAL MICU NPN", "09/14/2024 CIRCLE CITY MEDICAL CENTER"
                        distinctive = true;
                    } else if (distinctive && first == u + 1 && clinicalPlaceOpening(s, u)) {
                        first = u; // "FROM DRY CREEK MED CTR": a clinical word that opens place names, opening the name
                    }
                    break;
                }
                // "Anticoagulation Clinic", "Internal Medicine Clinic": a clinic named by a service is a department
                if (proper && !generic && !saint && !(clinic && serviceWord(s, u)) || direction) {
                    distinctive = true;
                }
                if ((s.has(u, Lexicon.STATE_NAME) || s.has(u, Lexicon.USPS)) && !(clinic && serviceWord(s, u))) {
                    distinctive = true; // (not "ID Clinic": infectious disease)
                }
                first = u;
                taken++;
                u--;
            }
            while (first < h && s.isAny(first, "OF", "AND")) {
                first++;
            }
            int last = h;
            // "Hospital of the University of Pennsylvania"
            if (s.is(h + 1, "OF") && !tk.nlBefore[h + 1]) {
                int v = h + 2;
                if (s.is(v, "THE")) {
                    v++;
                }
                int k = v;
                boolean any = false;
                while (k < tk.n && k - v < 5 && tk.kind[k] == Tokens.WORD && !tk.nlBefore[k]
                        && (!tk.upperDoc ? tk.capitalized(k) || s.isAny(k, "OF") : !s.has(k, STOP) || s.is(k, "OF"))) {
                    any |= !s.is(k, "OF");
                    k++;
                }
                if (any) {
                    last = k - 1;
                    while (s.is(last, "OF")) {
                        last--;
                    }
                    distinctive = true;
                }
            }
            if (!distinctive && first < h) {
                distinctive = townOfCommonWords(s, first, h);
            }
            if (!distinctive) {
                // "ICU ADMIT NOTE   HIGH PLAINS FRONTIER HOSPITAL   11/27/2025": a note's header names its hospital,
                // however ordinary the words
                int hs = headerNameStart(s, h);
                if (hs >= 0) {
                    first = hs;
                    distinctive = true;
                }
            }
            if (!distinctive || first == h && last == h) {
                continue;
            }
            if (closing && (!facilityContext(s, first, h) && !headerPlace(s, first) || s.is(h, "COMMUNITY") && anyGroup(s, first, h)
                    || anyRoleOrClinical(s, first, h))) {
                continue; // "the Lincoln Memorial", "Hmong community", "from Surgeon General": not where a patient goes
            }
            if (s.is(h, "HOUSE") && !s.isAny(h - 1, "HALFWAY", "SOBER", "RECOVERY", "TRANSITIONAL", "GROUP")
                    && !(facilityContext(s, first, h) && properHouse(s, h - 1))) {
                continue; // "the White House", "Mom's House": a house is a facility only where a patient goes or stays
            }
            s.addTokens(PhiType.GEO, first, last, "facility.pattern", 0.85);
            claim(s, tk.start[first], tk.end[last]);
            int town = townAfterFacility(s, last);
            h = town > last ? town : last;
        }
    }
}
