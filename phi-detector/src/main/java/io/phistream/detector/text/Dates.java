package io.phistream.detector.text;

import static io.phistream.detector.text.Lexicon.MONTH;

import io.phistream.detector.PhiType;
import java.util.Set;

/**
 * Dates and ages over 89. Numeric forms (3/4, 03-04-2019, 2019-03-04, 3/2019) and month-name forms
 * (Jan 5th, 5th of March, March 5, 2019, March 2019, 05-JAN-2019), Spanish forms (14 de marzo de 2024, el 2 de
 * mayo, marzo 14, 2024). Two-part numeric forms are the
 * risky ones: "BP 120/80", "3/4 tab", "pain 5/10", "5/5 strength", "2/2" (secondary to) are not
 * dates, so nearby words decide; a date-like context ("on", "since", "DOB", a time) confirms.
 * Weekdays ("last Tuesday"), durations and times are never reported.
 */
final class Dates {
    private static final Words NEG_BEFORE = Words.of("BP", "SBP", "DBP", "NBP", "ABP", "NIBP", "ART", "ARTERIAL", "CUFF",
        "ALINE", "CVP", "PAP", "PAS", "PAD", "PRESSURE", "PRESSURES", "BPS", "PAIN", "SCALE", "STRENGTH", "RATED",
        "RATES", "RATING", "GCS", "VENT", "AC", "SIMV", "PS", "PSV", "CPAP", "BIPAP", "PEEP", "SETTINGS", "IO", "INS",
        "OUTS", "UO", "TOTAL", "TV", "RATIO", "GRADE", "MOTOR", "POWER", "PULSES", "PUPILS", "MAP", "LEVEL",
        "SCORE", "STR", "MURMUR", "SATS", "SAT", "HR", "ABG", "VBG", "TITRATED", "TITRATE", "IPAP", "EPAP",
        "PRESSOR", "PRESSORS", "FIO2", "RR", "WT", "OF", "RATE", "APGAR", "APGARS", "BALANCE", "SBT", "TRIAL", "NIF",
        "RSBI");
    /** The words of {@link #NEG_BEFORE} that may stand before a count out of more than 12: "GCS 3/15", "I/O 2/14". */
    private static final Words OUT_OF_BEFORE = Words.of("GCS", "SCALE", "RATED", "RATES", "RATING", "TOTAL", "RATIO",
        "GRADE", "LEVEL", "SCORE", "APGAR", "APGARS", "IO", "INS", "OUTS", "UO", "BALANCE", "STRENGTH", "STR", "POWER",
        "MOTOR", "PULSES", "PUPILS");
    /** Limbs and reflexes before a grade out of 5 (or 10): "BLE 4/5", "DTRS 2/4"; "BIL LE 2/28 (HOUSE FIRE)" is a day. */
    private static final Words GRADED_BEFORE = Words.of("GRIP", "POWER", "DTR", "DTRS", "REFLEXES", "WEAK", "BLE", "BUE",
        "LUE", "RUE", "LLE", "RLE", "EXTREMITIES", "EXT", "UE", "LE", "MOVES", "ARMS", "LEGS", "MAE");
    private static final Words NEG_AFTER = Words.of("TAB", "TABS", "TABLET", "TABLETS", "PILL", "PILLS", "CAP", "CAPS",
        "STRENGTH", "STR", "NS", "MM", "MMHG", "CM", "ML", "MG", "MCG", "G", "KG", "L", "UNITS", "UNIT", "U", "DOSE",
        "DOSES", "OF", "SCALE", "PAIN", "X", "TIMES", "INCH", "INCHES", "IN", "CUP", "CUPS", "TSP", "TBSP", "AMP",
        "AMPS", "VIAL", "BAG", "PACKET", "DIGITS", "PULSES", "PUPILS", "MURMUR", "SYSTOLIC", "HOLOSYSTOLIC",
        "BILATERALLY", "BILAT", "BL", "BLE", "BUE", "LE", "UE", "EXTREMITIES", "EXT", "GRIP", "PUSH", "PULL",
        "SALINE", "STRENGTHS", "CC", "H", "HR", "HRS", "HOUR", "HOURS", "SEC",
        "MIN", "MEQ", "MMOL", "PERCENT", "FLOOR", "LUMEN", "NRB", "FM", "NC", "LPM", "L/M", "PLUS", "MOTOR");
    private static final Words UNIT_AFTER = Words.of("TAB", "TABS", "TABLET", "TABLETS", "MM", "MMHG", "CM", "ML", "MG",
        "MCG", "G", "KG", "L", "UNITS", "UNIT", "U", "DOSE", "DOSES", "X", "TIMES", "MEQ", "MMOL", "PERCENT", "LPM",
        "MINUTES", "MIN", "HOURS", "HRS", "HR", "DAYS", "WEEKS", "MONTHS", "YEARS", "CC", "PUFFS", "DROPS", "LBS", "LB");
    private static final Words POS_BEFORE = Words.of("ON", "SINCE", "FROM", "UNTIL", "TILL", "THRU", "THROUGH", "DOS",
        "DOB", "DATE", "DATED", "ADMITTED", "ADM", "ADMIT", "ADMISSION", "DISCHARGED", "DISCHARGE", "DC", "SEEN",
        "BORN", "DIED", "EXPIRED", "DECEASED", "DOD", "DOA", "PERFORMED", "DONE", "BEFORE", "AFTER", "LAST", "NEXT",
        "DUE", "SCHEDULED", "APPT", "APPOINTMENT", "VISIT", "SURGERY", "OR", "PROCEDURE", "TO", "STARTED", "START",
        "BEGAN", "STOPPED", "HELD", "INTUBATED", "EXTUBATED", "TRANSFERRED", "ARRIVED", "AS", "BIRTH", "BIRTHDAY",
        "EST", "LMP", "EDD", "DOI", "INJURY", "RECEIVED", "SIGNED", "NOTE", "REPORT", "FU", "FOLLOWUP", "CONSULT",
        "CLINIC", "RTC", "PLACED", "INSERTED", "IMPLANTED", "DELIVERED", "BOARD", "CONFERENCE", "CONF", "MEETING",
        "MTG",
        // a court's or an agency's day: "shelter care hearing 12/1" (round 46)
        "HEARING",
        // verbs of moving or admitting a patient: "medevaced 1/2 from", "airlifted 3/9", "readmitted 4/2"
        "MEDEVACED", "MEDEVACD", "MEDIVACED", "MEDIVACD", "MEDEVAC", "MEDIVAC", "AIRLIFTED", "FLOWN", "TRANSPORTED",
        "TRANSFERED", "XFERRED", "XFERED", "XFERD", "READMITTED", "READMIT", "PRESENTED", "EVACUATED", "BIBA", "BIBEMS",
        // the event that brought the patient in: "FALL 1-20 AT HOME", "MVC 2/14", "HOUSE FIRE 1/29"
        "FALL", "FELL", "MVC", "MVA", "ROLLOVER", "CRASH", "ASSAULT", "ASSAULTED", "GSW", "FIRE", "OVERDOSE",
        "INGESTION", "DROWNING",
        // lines and tubes out, a patient sent on, a second look: "PICC PULLED 3-3", "SENT 3-7 W/ AECOPD", "2ND LOOK 3-23"
        "PULLED", "REMOVED", "SENT", "LOOK");
    /** A dose right after the pair makes it a quantity whatever came before: "on 1/2 tab", "started 1/2 NS". */
    private static final Words DOSE_AFTER = Words.of("TAB", "TABS", "TABLET", "TABLETS", "PILL", "PILLS", "CAP", "CAPS", "MG",
        "MCG", "ML", "G", "UNITS", "UNIT", "NS", "SALINE", "STRENGTH", "CUP", "CUPS", "TSP", "TBSP", "AMP", "AMPS",
        "VIAL", "BAG", "PACKET", "CC", "LPM", "MEQ", "MMOL", "PUFFS", "DROPS", "DOSE", "DOSES");
    /** Strong date words before a dotted "3.4", which is otherwise a decimal. */
    private static final Words DOTTED_POS = Words.of("ON", "SINCE", "UNTIL", "DOS", "DOB", "DATED", "ADMITTED", "ADM",
        "DISCHARGED", "BORN", "DIED", "SCHEDULED", "APPT", "PLACED", "INSERTED", "IMPLANTED", "PERFORMED", "DONE",
        "LMP", "EDD", "DELIVERED", "SURGERY", "CLINIC", "RTC");
    /** Time words right before "12/5" say it is a day, whatever device setting was named before them. */
    private static final Words TIME_BEFORE = Words.of("OVERNIGHT", "TODAY", "YESTERDAY", "TONIGHT", "TOMORROW", "NIGHT",
        "MORNING", "EVENING", "WEEKEND");
    private static final Words MONTH_ALONE_PREP = Words.of("IN", "SINCE", "DURING", "UNTIL", "EARLY", "LATE", "MID",
        "OF", "BY", "BEFORE", "AFTER", "THROUGH", "THRU", "FROM", "LAST", "NEXT", "THIS", "END", "BEGINNING");
    private static final Set<String> AMBIGUOUS_MONTH = Set.of("MAY", "MARCH", "MAR", "JAN", "DEC", "JUNE", "APRIL",
        "AUGUST", "AUG", "JUN", "APR", "OCT", "NOV", "SEPT", "SEP", "FEB", "JUL");

    private Dates() {
    }

    static void detect(Scan s) {
        Tokens tk = s.tk;
        int n = tk.n;
        int skipUntil = -1;
        for (int t = 0; t < n; t++) {
            if ((t & 511) == 0) {
                s.budget.check();
            }
            if (t < skipUntil) {
                continue;
            }
            int e = -1;
            if (tk.kind[t] == Tokens.NUM) {
                e = numeric(s, t);
                if (e < 0) {
                    e = dayMonth(s, t);
                }
                if (e < 0) {
                    e = spanishDayMonth(s, t);
                }
                if (e < 0) {
                    e = age(s, t);
                }
                if (e < 0) {
                    e = year(s, t);
                }
                if (e < 0) {
                    e = birthDigits(s, t);
                }
            } else if (tk.kind[t] == Tokens.WORD) {
                e = word(s, t);
            } else if (tk.kind[t] == Tokens.ALNUM) {
                e = militaryDate(s, t);
                if (e < 0) {
                    e = ordinalDay(s, t);
                }
                if (e < 0) {
                    e = spanishDayMonth(s, t);
                }
                if (e < 0) {
                    e = ageAlnum(s, t);
                }
            }
            if (e > t) {
                skipUntil = e;
            }
        }
    }

    /** The dates that open with word t: a month, an age or a holiday's trigger, a Spanish month, a day in words. */
    private static int word(Scan s, int t) {
        int f = s.flags(t); // (read once for both flags)
        if ((f & MONTH) != 0) {
            return monthFirst(s, t);
        }
        if ((f & Lexicon.TRIGGER) != 0) {
            int e = ageWords(s, t);
            return e < 0 ? holiday(s, t) : e;
        }
        if (!s.isAny(t, SPANISH_MONTH_OR_DAY_WORDS)) {
            return -1; // (one list test for the two rules below, which each open only on one of these words)
        }
        char last = s.text.charAt(s.tk.end[t] - 1); // (both rules below filter on the word's last letter: read once)
        int e = spanishMonthFirst(s, t, last);
        return e < 0 ? ordinalWordsOfMonth(s, t, last) : e;
    }

    /** m/d, m/d/yy(yy), yyyy-mm-dd, m-d-yyyy, m.d.yyyy, m/yyyy; returns the token after, or -1. */
    private static int numeric(Scan s, int t) {
        Tokens tk = s.tk;
        if (t + 2 >= tk.n || tk.kind[t + 1] != Tokens.PUNCT || !tk.adjacent(t, t + 1)) {
            return -1; // cheap test first: most numbers have no separator glued after them (see sep below)
        }
        int la = tk.len(t);
        if (la == 3 || la > 4) {
            return -1; // (every form below opens with a month or day of one or two digits, or a year of four)
        }
        boolean rangeEnd = t > 3 && tk.isPunct(t - 1, '-') && tk.kind[t - 2] == Tokens.NUM && tk.isPunct(t - 3, '/');
        if (!rangeEnd && t > 0 && tk.adjacent(t - 1, t) && (tk.kind[t - 1] != Tokens.PUNCT
                || "/.-+:".indexOf(tk.firstChar(t - 1)) >= 0 && t > 1 && tk.adjacent(t - 2, t - 1)
                && tk.kind[t - 2] != Tokens.PUNCT)) {
            return -1; // inside a longer number, ratio chain or word
        }
        char sep = tk.isPunct(t + 1, '/') ? '/' : tk.isPunct(t + 1, '-') ? '-' : tk.isPunct(t + 1, '.') ? '.' : 0;
        if (sep == 0 || !tk.adjacent(t, t + 1) || !tk.adjacent(t + 1, t + 2) || tk.kind[t + 2] != Tokens.NUM) {
            return -1;
        }
        int a = tk.intValue(t);
        int b = tk.intValue(t + 2);
        int lb = tk.len(t + 2);
        boolean three = t + 4 < tk.n && tk.isPunct(t + 3, sep) && tk.adjacent(t + 2, t + 3) && tk.adjacent(t + 3, t + 4)
                && tk.kind[t + 4] == Tokens.NUM;
        if (!three && sep == '-' && la == 4 && t + 4 < tk.n && tk.isPunct(t + 3, '-') && tk.adjacent(t + 2, t + 3)
                && tk.adjacent(t + 3, t + 4) && tk.kind[t + 4] == Tokens.ALNUM) {
            // "2026-11-30T09:15:00Z": ISO 8601 glues the time to the day; the date is what comes before the T (the
            // time is kept, as after a space)
            int dayEnd = isoDayEnd(s.text, tk.start[t + 4], tk.end[t + 4]);
            if (dayEnd > 0 && year(a) && lb <= 2 && month(b)
                    && day(Integer.parseInt(s.text, tk.start[t + 4], dayEnd, 10))) {
                s.add(PhiType.DATE, tk.start[t], dayEnd, "date.iso-datetime", 0.97);
                return t + 5;
            }
            return -1;
        }
        if (three) {
            int c = tk.intValue(t + 4);
            int lc = tk.len(t + 4);
            int after = t + 5;
            // (a full stop glued after "14.03.2026" ends the sentence unless more follows it: "1.2.3.4" is no date)
            boolean sentenceEnd = sep == '.' && tk.isPunct(after, '.')
                    && !(after + 1 < tk.n && tk.adjacent(after, after + 1) && tk.kind[after + 1] != Tokens.PUNCT);
            if (after < tk.n && tk.adjacent(t + 4, after) && (tk.kind[after] != Tokens.PUNCT
                    || tk.isPunct(after, sep) && !sentenceEnd || (tk.isPunct(after, '.') && after + 1 < tk.n
                    && tk.kind[after + 1] == Tokens.NUM && tk.adjacent(after, after + 1)))) {
                return -1;
            }
            boolean mdy = la <= 2 && lb <= 2 && month(a) && day(b) && (lc == 2 || lc == 4 && year(c));
            boolean dmy = la <= 2 && lb <= 2 && day(a) && month(b) && (lc == 4 && year(c));
            boolean ymd = la == 4 && year(a) && lb <= 2 && month(b) && lc <= 2 && day(c);
            if (mdy || dmy || ymd) {
                s.addTokens(PhiType.DATE, t, t + 4, "date.numeric", sep == '.' ? 0.85 : 0.97);
                return t + 5;
            }
            return -1;
        }
        int after = t + 3;
        if (after < tk.n && tk.adjacent(t + 2, after) && (tk.kind[after] != Tokens.PUNCT
                || tk.isPunct(after, '/') || tk.isPunct(after, '+')
                || tk.isPunct(after, '.') && after + 1 < tk.n && tk.kind[after + 1] == Tokens.NUM && tk.adjacent(after, after + 1)
                || tk.isPunct(after, '%')
                || tk.isPunct(after, ':') && after + 1 < tk.n && tk.kind[after + 1] == Tokens.NUM && tk.adjacent(after, after + 1)
                || tk.isPunct(after, '-') && !(after + 2 < tk.n && tk.kind[after + 1] == Tokens.NUM
                && tk.isPunct(after + 2, '/')))) {
            return -1; // "1/2-1 TAB" is a dose range; "3/4-3/6" is a date range
        }
        if (t > 0 && tk.isPunct(t - 1, '+') || !rangeEnd && t > 0 && tk.isPunct(t - 1, '-') && tk.adjacent(t - 1, t)) {
            return -1;
        }
        if (sep == '.') {
            // "PPM PLACED 3.4 BY DR X": a dotted month.day only after a strong date word, never before a unit
            int p = s.prevWord(t, 1);
            if (la <= 2 && lb <= 2 && month(a) && day(b) && tk.len(t + 2) >= 1 && p >= 0 && p == t - 1
                    && !tk.adjacent(p, t) && s.isAny(p, DOTTED_POS) && !followedBy(s, t + 2, UNIT_AFTER)
                    && !followedBy(s, t + 2, NEG_AFTER)) {
                s.addTokens(PhiType.DATE, t, t + 2, "date.dotted", 0.6);
                return t + 3;
            }
            return -1;
        }
        // month/year: 03/2019
        if (la <= 2 && month(a) && lb == 4 && year(b)) {
            s.addTokens(PhiType.DATE, t, t + 2, "date.month-year", 0.9);
            return t + 3;
        }
        if (!(la <= 2 && lb <= 2 && month(a) && day(b))) {
            return -1;
        }
        // "03/05", "08-02": a month or day written with its zero is a date's, never a score's, a dose's or a setting's
        boolean hours = sep == '-' && (shiftHours(a, b) || followedBy(s, t + 2, SHIFT_HOURS_AFTER));
        if (la == 2 && lb == 2 && (tk.firstChar(t) == '0' || tk.firstChar(t + 2) == '0') && !hours
                && !followedBy(s, t + 2, UNIT_AFTER) && !followedBy(s, t + 2, DOSE_AFTER)) {
            s.addTokens(PhiType.DATE, t, t + 2, "date.zero-padded", 0.85);
            return t + 3;
        }
        // (the empty set asked first: most calls have no known days, and contains boxes the day)
        boolean known = !s.ctx.monthDays.isEmpty() && s.ctx.monthDays.contains(a * 100 + b);
        if (known) {
            s.addTokens(PhiType.DATE, t, t + 2, "date.known", 0.95);
            return t + 3;
        }
        // (after the two returns above, which do not ask it: the date's context, the costliest test here)
        boolean pos = positive(s, t, t + 2) && !scoreRange(s, t, a, b) && !followedBy(s, t + 2, DOSE_AFTER)
                // the end of a range of dates whose start is one: "3/9-3/10"
                || rangeEnd && t >= 4 && tk.kind[t - 4] == Tokens.NUM && tk.len(t - 4) <= 2 && month(tk.intValue(t - 4))
                && day(tk.intValue(t - 2)) && laterWithinMonth(tk.intValue(t - 4), tk.intValue(t - 2), a, b)
                && !followedBy(s, t + 2, DOSE_AFTER);
        // the start of a range of dates whose end is one: "BiPAP 2/26-2/28", "8/10-8/12"
        pos |= rangeStart(s, t, a, b) && !scoreRange(s, t, a, b);
        if (sep == '-') {
            // 3-4 is nearly always a range ("3-4 L NC", "Q3-4H", "s/p 2-3 days of emesis")
            if (pos && !s.before(t, 1, "TO", "FROM") && !followedBy(s, t + 2, UNIT_AFTER) && !countAfterOut(s, t)) {
                s.addTokens(PhiType.DATE, t, t + 2, "date.numeric", 0.7);
                return t + 3;
            }
            return -1;
        }
        boolean neg = negative(s, t, t + 2, a, b, !pos && dateAfter(s, t + 2));
        if (neg && !pos) {
            // "BIPAP OVERNIGHT 12/5": a time word right before wins over a setting named further back, but not
            // over scores and strengths ("PAIN TODAY 5/10")
            int p = s.prevWord(t, 1);
            boolean timeWord = p >= 0 && s.isAny(p, TIME_BEFORE) && !(b == 10 || b == 5 && a <= 5 || a == b)
                    && !followedBy(s, t + 2, NEG_AFTER);
            if (!timeWord) {
                return -1;
            }
        }
        s.addTokens(PhiType.DATE, t, t + 2, "date.numeric", pos ? 0.9 : 0.75);
        return t + 3;
    }

    /** The end of the day in a token such as "30T09" (one or two digits, a T, two digits of an hour), or -1. */
    private static int isoDayEnd(CharSequence x, int b, int e) {
        int d = b;
        while (d < e && d - b < 3 && x.charAt(d) >= '0' && x.charAt(d) <= '9') {
            d++;
        }
        if (d == b || d - b > 2 || d >= e || x.charAt(d) != 'T' && x.charAt(d) != 't' || e - d != 3) {
            return -1;
        }
        return x.charAt(d + 1) >= '0' && x.charAt(d + 1) <= '2' && x.charAt(d + 2) >= '0' && x.charAt(d + 2) <= '9'
                ? d : -1;
    }

    /**
     * "FROM CAPE ANN HARBOR HOSPITAL 3-24.", "S OF MARSING 07/14.", "south of Essex 9/9 when", "NEAR EPPING NH 6-28,":
     * a short date right after a town or a facility that was found (and its state's code) is when something happened
     * there. Runs after the place rules; streets are left out (a house number's neighbours are no dates).
     */
    static void afterPlaces(Scan s) {
        Tokens tk = s.tk;
        int found = s.found.size();
        for (int i = 0; i < found; i++) {
            PhiSpan sp = s.found.get(i);
            if (sp.type() != PhiType.GEO || sp.rule().startsWith("street.") || sp.rule().startsWith("zip.")) {
                continue;
            }
            int t = s.tokenAt(sp.end() - 1) + 1;
            if (t <= 0 || t >= tk.n) {
                continue;
            }
            if (!tk.nlBefore[t] && tk.kind[t] == Tokens.WORD && tk.len(t) == 2 && tk.allUpper(t) && s.has(t, Lexicon.USPS)) {
                t++; // "EPPING NH 6-28"
            }
            if (t + 2 >= tk.n || tk.nlBefore[t] || tk.kind[t] != Tokens.NUM || !tk.spaceOnly(t - 1, t)
                    || !(tk.isPunct(t + 1, '/') || tk.isPunct(t + 1, '-')) || !tk.adjacent(t, t + 1)
                    || !tk.adjacent(t + 1, t + 2) || tk.kind[t + 2] != Tokens.NUM || tk.len(t) > 2 || tk.len(t + 2) > 2) {
                continue;
            }
            int a = tk.intValue(t);
            int b = tk.intValue(t + 2);
            int nx = t + 3;
            if (!month(a) || !day(b) || a == 2 && b == 2 || a == 1 && b == 2
                    || nx < tk.n && tk.adjacent(t + 2, nx) && !tk.isPunct(nx, ',') && !tk.isPunct(nx, '.')
                    && !tk.isPunct(nx, ')') && !tk.isPunct(nx, ';')
                    || followedBy(s, t + 2, UNIT_AFTER) || followedBy(s, t + 2, NEG_AFTER)
                    || followedBy(s, t + 2, DOSE_AFTER) || followedBy(s, t + 2, NOT_AFTER_PLACE)
                    || tk.isPunct(t + 1, '-') && shiftHours(a, b) && followedBy(s, t + 2, NOTE_AFTER_SHIFT)) {
                continue;
            }
            s.addTokens(PhiType.DATE, t, t + 2, "date.after-place", 0.75);
        }
    }

    /** A shift's hours ("QVRMC 7-3 SHIFT") or a span of time ("WINTERS IN NAPLES FL 3-4 MO") after a place: no date. */
    private static final Words NOT_AFTER_PLACE = Words.of("SHIFT", "MO", "MOS", "WK", "WKS", "YR", "YRS", "DAY", "WEEK",
        "MONTH", "YEAR", "MI", "MILES", "AWAY");
    /** A note's words after a nursing shift's hours ("7-3 NURSING NOTE"; "3-24 NOC" is a night's date). */
    private static final Words NOTE_AFTER_SHIFT = Words.of("NOTE", "NPN", "NURSING", "NSG", "REPORT", "PROGRESS");

    /** The hours of a nursing shift: 7-3, 3-11, 11-7, 7-7. */
    private static boolean shiftHours(int a, int b) {
        return a == 7 && (b == 3 || b == 7) || a == 3 && b == 11 || a == 11 && b == 7;
    }

    private static final Words FOLLOW_UP_WORDS = Words.of("FU", "FOLLOWUP", "FOLLOW", "APPT", "APPOINTMENT", "VISIT",
            "SEE", "RTC", "SCHEDULED");

    /** "f/u w/ dr kittredge 6/10", "APPT WITH DR. LUND 3/4": a visit with a named doctor and when. */
    private static boolean followUpWithDoctor(Scan s, int first, int p) {
        Tokens tk = s.tk;
        if (p < 0 || p != s.prevWord(first, 0) || tk.kind[p] != Tokens.WORD || tk.nlBefore[first]) {
            return false;
        }
        int title = s.prevWord(p, 1);
        if (title < 0 || !s.isAny(title, "DR", "DOCTOR")) {
            return false;
        }
        int w = s.prevWord(title, 1);
        if (w < 0 || !s.isAny(w, "W", "WITH")) {
            return false;
        }
        if (s.before(w, 2, FOLLOW_UP_WORDS)) {
            return true;
        }
        // F/U written with a slash
        int u = s.prevWord(w, 1);
        return u >= 2 && s.is(u, "U") && tk.isPunct(u - 1, '/') && s.is(u - 2, "F");
    }

    private static boolean month(int v) {
        return v >= 1 && v <= 12;
    }

    private static boolean day(int v) {
        return v >= 1 && v <= 31;
    }

    private static boolean year(int v) {
        return v >= 1900 && v <= 2099;
    }

    private static final Words TRANSFER_VERBS = Words.of("TXFD", "TXD", "TXF", "TX", "XFERD", "XFERRED", "TRANSFERRED",
            "TRANSFERED", "ARRIVED", "CAME", "SENT", "BROUGHT", "ADMITTED", "FLOWN", "TRANSPORTED", "XFER", "XFERED",
            "TXFR", "TXFRD", "TRANSFER");
    private static final Words BED_STATES = Words.of("EMPTY", "OPEN", "CLOSED", "BLOCKED", "AVAILABLE", "READY",
            "CLEAN", "DIRTY", "BEDS", "BED", "PTS", "PATIENTS");

    private static final Words ADMISSION_DATE_CUES = Words.of("FROM", "DATES", "DOS", "ADMITTED", "THRU");
    private static final Words RELATIVE_DATE_CUES = Words.of("LAST", "NEXT", "ON", "SINCE", "THIS", "UNTIL", "BY", "HD",
            "DIALYSIS", "APPT", "SEEN");

    private static boolean positive(Scan s, int first, int last) {
        Tokens tk = s.tk;
        int p = s.prevWord(first, 2);
        if (followUpWithDoctor(s, first, p)) {
            return true;
        }
        if (p >= 0 && p == first - 1 && partOfDayOf(s, p)) {
            return true; // "On the night of 7/10", "the morning of 3/4"
        }
        if (p >= 0 && (s.isAny(p, POS_BEFORE) || p > 0 && s.isAny(s.prevWord(p, 2), "ON", "SINCE", "DOB", "DOS")
                && tk.kind[p] == Tokens.WORD && s.has(p, Lexicon.WEEKDAY))) {
            return !s.is(p, "TO") || s.before(p, 3, ADMISSION_DATE_CUES);
        }
        int pp = p >= 0 ? s.prevWord(p, 1) : -1;
        if (p >= 1 && s.is(p, "P") && tk.isPunct(p - 1, '/') && s.is(p - 2, "S")
                || pp >= 2 && s.is(pp, "P") && tk.isPunct(pp - 1, '/') && s.is(pp - 2, "S") && !tk.nlBefore[p]
                || procedureWord(s, p)
                || p >= 0 && imaging(s, p) || p >= 0 && p == first - 1 && procedureAfterStatusPost(s, p)) {
            return true; // "S/P CATH 10/22", "ECHO 3/4", "head US 3/12": a procedure or a study and when
        }
        int p0 = s.prevWord(first, 0);
        // "LAST HD WED 1-15", "Sat 3/2": a weekday and its date; "Sun 1-3", "mon-fri 7-4" are hours
        if (p0 >= 0 && p0 == first - 1 && tk.kind[p0] == Tokens.WORD && s.has(p0, Lexicon.WEEKDAY) && !tk.nlBefore[first]
                && !(tk.isPunct(first + 1, '-') && (tk.intValue(last) <= 12 || !s.before(p0, 2, RELATIVE_DATE_CUES)))
                && !tk.isPunct(p0 - 1, '-')) {
            return true; // (a dashed pair after a weekday also needs a date's word: "WORKS SAT 7-19" is hours)
        }
        if (shiftAfter(s, last) && !s.before(first, 2, NEG_BEFORE) && headerPosition(s, first)) {
            return true; // a note's header: "LAKE PARK HOSPITAL  7-22  NOC", "3-4  DAY SHIFT"
        }
        if (p >= 1 && s.is(p, "DOWN") && s.is(s.prevWord(p, 0), "FOUND")) {
            return true; // "FOUND DOWN 3-1 AT WORK"
        }
        if (p >= 1 && p == first - 1 && s.is(p, "OF") && s.is(s.prevWord(p, 0), "AS")) {
            return true; // "DNR/DNI AS OF 3/5": a status from a day on (round 46)
        }
        if (timelineEntry(s, first, last)) {
            return true;
        }
        if (p >= 0 && (s.is(p, "SOC") || s.is(p, "CARE") && s.is(pp, "OF") && s.is(s.prevWord(pp, 0), "START"))) {
            return true; // home care's "start of care 6/20", "SOC 3/10"
        }
        if (p >= 1 && p == first - 1 && countToken(s, p) && !partOfCount(s, p, first, last)
                && (procedureWord(s, pp) || pp >= 0 && procedureAfterStatusPost(s, pp))) {
            return true; // "S/P AVR/CABG X2 3-27", "s/p CABG x4 6/10": the procedure, its count, then when
        }
        if (p >= 1 && s.isAny(p, "THERE", "HERE") && procedureWord(s, pp)) {
            return true; // "CATH THERE 3-2 SHOWED LM + 3VD"
        }
        if (p >= 1 && p == first - 1 && s.is(p, "HERE") && s.isAny(pp, TRANSFER_VERBS)
                // not "ADMITTED HERE 2/2 PNA" (secondary to), "SENT HERE 3/10 PAIN"
                && !(tk.intValue(last) == 2 && tk.intValue(first) <= 2) && !followedBy(s, last, NEG_AFTER)) {
            return true; // "txf'd here 3/10", "CAME HERE 2/4": the day the patient arrived
        }
        if (pp >= 1 && s.is(pp, "BY") && p == first - 1 && s.isAny(s.prevWord(pp, 0), "PLACED", "INSERTED", "DONE",
                "PERFORMED", "REMOVED", "PULLED", "REPLACED", "SEEN")) {
            return true; // "NJ PLACED BY GI 3-25", "SEEN BY ORTHO 3-4"
        }
        if (p >= 2 && s.isAny(p, PLACE_OF_CARE) && s.isAny(s.prevWord(p, 0), "AT", "IN")
                && s.isAny(s.prevWord(s.prevWord(p, 0), 0), POS_BEFORE)) {
            return true; // "FALL AT HOME 10/26", "ASSAULT AT WORK 6-2": the event, where, then when
        }
        if (whereAfter(s, last)) {
            return true;
        }
        int nx = last + 1;
        if (nx < tk.n && tk.isPunct(nx, '@')) {
            return true;
        }
        if (unitOpening(s, first) && !s.isAny(nx, BED_STATES) // (not the beds of a board: "ICU 2-3 EMPTY")
                && !countAfterUnit(s, nx)) { // (nor a count: "MICU 2-3 PRESSORS", "TELE 1-2 BEATS PVC")
            return true; // a header's date after the unit that opens the line: "STEP DOWN 9-14 NRMC", "SDU 10-8 CCMC"
        }
        if (censusAfter(s, nx)) {
            return true; // a handoff line: "NSICU DAYS 4/5 43M TBI", "4/16 49 YOM", "NEURO ICU 4-11 NOC 71M"
        }
        if (nx < tk.n && tk.isPunct(nx, '-') && nx + 1 < tk.n && tk.kind[nx + 1] == Tokens.NUM && tk.len(nx + 1) <= 2
                && !tk.adjacent(last, nx)) {
            return true; // "3/4 - 3/6"
        }
        // followed by a clock time: 3/4 0800, 3/4 08:00, "AT POTATO CELLAR 9-27 ~1600"
        if (tk.isPunct(nx, '~') && nx + 1 < tk.n && tk.adjacent(nx, nx + 1) && tk.kind[nx + 1] == Tokens.NUM
                && tk.clockTime(nx + 1) && !tk.nlBefore[nx]) {
            return true;
        }
        if (nx < tk.n && tk.kind[nx] == Tokens.NUM && !tk.nlBefore[nx]) {
            if (tk.clockTime(nx)) {
                return true;
            }
            if (tk.len(nx) <= 2 && tk.isPunct(nx + 1, ':') && tk.adjacent(nx, nx + 1)) {
                return true;
            }
        }
        return false;
    }

    /**
     * "REMOVED 2-3 STAPLES", "SENT 1-2 SAMPLES", "PULLED 1-2 INCHES BACK": after a line out or a send, a plural or a
     * length right after the pair makes it a count.
     */
    private static boolean countAfterOut(Scan s, int t) {
        Tokens tk = s.tk;
        int nx = t + 3;
        if (!s.isAny(s.prevWord(t, 0), "PULLED", "REMOVED", "SENT", "LOOK") || nx >= tk.n || tk.nlBefore[nx]
                || tk.kind[nx] != Tokens.WORD) {
            return false;
        }
        return s.isAny(nx, "IN", "INCH", "INCHES", "FT", "FEET", "MORE", "OF", "EACH") || plural(s, nx);
    }

    /** A plural of four letters or more (STAPLES, PRESSORS, RUNS), not a function word: what a count counts. */
    private static boolean plural(Scan s, int t) {
        String k = s.key(t);
        return k.length() >= 4 && k.endsWith("S") && !s.has(t, Lexicon.STOP);
    }

    /** A clinical word or a plural right after the pair, which makes it a count: "2-3 PRESSORS", "3-4 RUNS OF VT". */
    private static boolean countAfterUnit(Scan s, int nx) {
        Tokens tk = s.tk;
        if (nx >= tk.n || tk.nlBefore[nx] || tk.kind[nx] != Tokens.WORD || s.shiftWord(nx)) {
            return false;
        }
        return s.has(nx, Lexicon.CLINICAL) || plural(s, nx);
    }

    /** The unit's name opens the line right before first: "SDU 10-8", "STEP DOWN 9-14", "NEURO ICU 4-11". */
    private static boolean unitOpening(Scan s, int first) {
        Tokens tk = s.tk;
        int u = first - 1;
        if (u < 0 || tk.nlBefore[first] || tk.kind[u] != Tokens.WORD || !tk.spaceOnly(u, first)) {
            return false;
        }
        if (u > 2 && !tk.nlBefore[u] && !tk.nlBefore[u - 1] && !tk.nlBefore[u - 2]) {
            return false; // (cheap test first: the opening below is u, u - 1 or u - 2, and must open the line)
        }
        boolean unit = s.careUnit(u) || s.is(u, "DOWN") && s.is(u - 1, "STEP");
        int opening = s.is(u, "DOWN") ? u - 1 : u;
        if (unit && opening > 0 && !tk.nlBefore[opening] && tk.kind[opening - 1] == Tokens.WORD
                && (s.key(opening - 1).endsWith("ICU") || s.isAny(opening - 1, "NEURO", "BURN", "TRAUMA", "CARDIAC"))) {
            opening--; // "NEURO ICU", "BURN ICU"
        }
        return unit && (opening == 0 || tk.nlBefore[opening]);
    }

    /**
     * "2/10 - extubated 1015": a pair opening its line, then a spaced dash and a word, is a day's entry of a timeline
     * (round 46); a score or a ratio opens no line that way ("Pain 2/10 - better" has its label first).
     */
    private static boolean timelineEntry(Scan s, int first, int last) {
        Tokens tk = s.tk;
        int dash = last + 1;
        return (first == 0 || tk.nlBefore[first]) && dash + 1 < tk.n && tk.isPunct(dash, '-')
                && !tk.adjacent(last, dash) && !tk.adjacent(dash, dash + 1) && !tk.nlBefore[dash + 1]
                && tk.kind[dash + 1] == Tokens.WORD;
    }

    /** Words after "07-19" that make it hours, not a day. */
    private static final Words SHIFT_HOURS_AFTER = Words.of("SHIFT", "HRS", "HOURS", "H");

    /** Pair t..t+2 (a/b) opens a range whose end, glued by a dash, is a later day within a month: "2/26-2/28". */
    private static boolean rangeStart(Scan s, int t, int a, int b) {
        Tokens tk = s.tk;
        int e = t + 4;
        return e + 2 < tk.n && tk.isPunct(t + 3, '-') && tk.adjacent(t + 2, t + 3) && tk.adjacent(t + 3, e)
                && tk.kind[e] == Tokens.NUM && tk.len(e) <= 2 && tk.isPunct(e + 1, tk.firstChar(t + 1))
                && tk.adjacent(e, e + 1) && tk.adjacent(e + 1, e + 2) && tk.kind[e + 2] == Tokens.NUM && tk.len(e + 2) <= 2
                && month(tk.intValue(e)) && day(tk.intValue(e + 2))
                && laterWithinMonth(a, b, tk.intValue(e), tk.intValue(e + 2)) && !followedBy(s, e + 2, DOSE_AFTER);
    }

    /**
     * The end a/b of a range of dates after its start m/d: later in the same month or not later in the next ("3/9-3/10",
     * "2/28-3/2"; not the fractions "2/3-3/4").
     */
    private static boolean laterWithinMonth(int m, int d, int a, int b) {
        return a == m && b > d || (a == m + 1 || m == 12 && a == 1) && b <= d;
    }

    /** A patient's age and sex at nx, maybe after a shift word, on the same line or opening the next. */
    private static boolean censusAfter(Scan s, int nx) {
        Tokens tk = s.tk;
        if (nx < tk.n && !tk.nlBefore[nx] && s.shiftWord(nx)) {
            nx++;
        }
        if (nx >= tk.n) {
            return false;
        }
        return tk.kind[nx] == Tokens.ALNUM && Names.gluedAgeSex(s, nx)
                || tk.kind[nx] == Tokens.NUM && tk.len(nx) <= 3 && nx + 1 < tk.n && tk.kind[nx + 1] == Tokens.WORD
                && Names.ageSexAfter(s, nx);
    }

    private static boolean procedureWord(Scan s, int p) {
        return p >= 0 && s.isAny(p, PROCEDURE_WORDS);
    }

    private static final Words PROCEDURE_WORDS = Words.of("CATH", "CABG", "PCI", "EGD", "CT", "MRI", "ECHO", "TTE", "TEE",
        "EEG", "COLONOSCOPY", "BRONCH", "BIOPSY", "INTUBATION", "EXTUBATION", "CX", "CULTURES", "CULTURE",
        // devices and cardiac procedures: "dual-chamber PPM 1/2", "TAVR 3/14", "DCCV 2/9"; fixations: "ORIF 3-6"
        "PPM", "AICD", "PACEMAKER", "TAVR", "DCCV", "CARDIOVERSION", "ABLATION", "ORIF");

    /** "BLOOD CULTURES X2 1/2 POSITIVE", "S/P CABG X3 2/3 GRAFTS": how many of the counted ones, not when. */
    private static boolean partOfCount(Scan s, int count, int first, int last) {
        Tokens tk = s.tk;
        int n = Integer.parseInt(s.text.subSequence(tk.start[count] + 1, tk.end[count]).toString());
        return tk.intValue(last) == n && tk.intValue(first) <= n;
    }

    /** "X2", "x4": how many of something (grafts, valves, units). */
    private static boolean countToken(Scan s, int p) {
        Tokens tk = s.tk;
        if (tk.kind[p] != Tokens.ALNUM || tk.len(p) < 2 || tk.len(p) > 3) {
            return false;
        }
        char c = s.text.charAt(tk.start[p]);
        if (c != 'X' && c != 'x') {
            return false;
        }
        for (int i = tk.start[p] + 1; i < tk.end[p]; i++) {
            if (!Character.isDigit(s.text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** At a line's start or after a header's column gap of two blanks or more ("HOSPITAL  7-22  NOC"). */
    private static boolean headerPosition(Scan s, int t) {
        Tokens tk = s.tk;
        return t == 0 || tk.nlBefore[t] || tk.wideGap(t - 1, t);
    }

    /** NOC, or DAY/NIGHT/EVENING SHIFT, right after the pair on its line. */
    private static boolean shiftAfter(Scan s, int last) {
        Tokens tk = s.tk;
        int nx = last + 1;
        if (nx >= tk.n || tk.kind[nx] != Tokens.WORD || tk.nlBefore[nx]) {
            return false;
        }
        if (s.is(nx, "NOC")) {
            return true;
        }
        return s.isAny(nx, "DAY", "NIGHT", "EVENING", "EVE") && nx + 1 < tk.n && !tk.nlBefore[nx + 1]
                && s.is(nx + 1, "SHIFT");
    }

    /**
     * "6/14 IN DUNDALK", "1-20 AT HOME", "7-4 NEAR BUTLER", "11-15 AFTER NSTEMI", "2-2 W/ DR FOX": where or after what
     * it happened, or with whom, right after the pair says it is a day. IN is otherwise inches, so it needs a proper
     * word after it that is neither an ordinary nor a clinical word, or a place of care.
     */
    private static boolean whereAfter(Scan s, int last) {
        Tokens tk = s.tk;
        int nx = last + 1;
        if (nx + 1 >= tk.n || tk.kind[nx] != Tokens.WORD || tk.nlBefore[nx] || tk.nlBefore[nx + 1]) {
            return false;
        }
        int w = nx + 1;
        if (s.is(nx, "W") && tk.isPunct(w, '/') && w + 1 < tk.n && s.isAny(w + 1, "DR", "DRS")) {
            return true;
        }
        if (s.isAny(nx, "DR", "DRS") && tk.kind[w] == Tokens.WORD && (tk.upperDoc || tk.capitalized(w))
                && (s.flags(w) & Lexicon.CLINICAL) == 0) {
            return true; // "S/P MVR/TV REPAIR 8/19 DR KARLSSON": the day and who did it
        }
        if (tk.kind[w] != Tokens.WORD || tk.len(w) < 2 && !s.is(w, "A")) { // ("ON A FARM" is read below)
            return false;
        }
        if (s.isAny(w, PLACE_OF_CARE) && s.isAny(nx, "AT", "IN")) {
            return true;
        }
        boolean proper = (tk.upperDoc || tk.capitalized(w)) && tk.len(w) >= 3
                && (s.flags(w) & (Lexicon.COMMON | Lexicon.CLINICAL | Lexicon.STOP)) == 0
                && !s.isAny(w, UNIT_AFTER) && !s.isAny(w, NEG_AFTER);
        if (s.isAny(nx, "IN", "NEAR") && (proper || (tk.upperDoc || tk.capitalized(w)) && s.has(w, Lexicon.PLACE_START)
                && (s.flags(w) & (Lexicon.CLINICAL | Lexicon.STOP)) == 0)) {
            return true; // (a town whose first word is also a word: "arrest 2/20 in Fall River")
        }
        // "FELL FROM LADDER 9/3 IN HIS PEAR BLOCK", "tree stand 11/9 in woods", "hay rake 7-19 on a farm": where it
        // happened, an outdoor or working place
        if (s.isAny(nx, "IN", "ON", "AT", "NEAR", "BEHIND", "OUTSIDE")) {
            int noun = w;
            if (s.isAny(w, "HIS", "HER", "THEIR", "A", "AN", "THE", "MY") && w + 1 < tk.n && !tk.nlBefore[w + 1]) {
                noun = w + 1; // "ON A FARM", or with one word between: "IN HIS PEAR BLOCK"
                if (!s.isAny(noun, EVENT_PLACES) && noun + 1 < tk.n && !tk.nlBefore[noun + 1]) {
                    noun++;
                }
            }
            // (not a score or a share: "PAIN 7/10 ON THE STAIRS", "ATE 1/2 IN THE KITCHEN", "EDEMA 1-2 AT SITE";
            // "found 3/6 in a garage" is a day: nothing is scored out of 6)
            int outOf = tk.intValue(last);
            if (s.isAny(noun, EVENT_PLACES) && !(last >= 2 && tk.kind[last - 2] == Tokens.NUM
                    && tk.intValue(last - 2) <= outOf && (outOf == 10 || outOf <= 5))) {
                return true;
            }
        }
        return s.isAny(nx, "AFTER") && (s.flags(w) & Lexicon.COMMON) == 0 && tk.len(w) >= 3 && !s.isAny(w, UNIT_AFTER);
    }

    /** Places where an injury happens, after a date and IN/ON/AT (optionally HIS, A, THE and one more word). */
    private static final Words EVENT_PLACES = Words.of("FARM", "WOODS", "YARD", "FIELD", "BARN", "PASTURE", "ORCHARD",
        "RANCH", "BLOCK", "CAMP", "CABIN", "DRIVEWAY", "GARAGE", "BASEMENT", "KITCHEN", "BATHROOM", "STAIRS", "PORCH",
        "ROOF", "LADDER", "JOBSITE", "SITE", "MINE", "PLANT", "MILL", "WAREHOUSE", "STORE", "PARK", "LAKE", "POND",
        "RIVER", "CREEK", "TRAIL", "ROAD", "HIGHWAY", "PARKING", "LOT", "SHOP", "FEEDLOT", "RIG", "WELL", "BOAT",
        "DOCK", "GYM", "BAR", "CLUB", "CHURCH", "APT", "APARTMENT", "HOUSE", "DORM", "SHELTER", "STREET", "ALLEY",
        "STAIRWELL", "HALLWAY", "LOBBY", "CAR", "TRUCK", "VAN", "TRAILER", "MOTEL", "HOTEL", "TENT", "SHED");

    private static final Words PLACE_OF_CARE = Words.of("HOME", "WORK", "SCHOOL", "CLINIC", "OSH", "ED", "ER", "CHURCH",
        "JAIL", "DAYCARE");

    /** Nouns that name a procedure or a course of treatment, beside the -ectomy/-otomy/-plasty... words. */
    private static final Words PROCEDURE = Words.of("TX", "TRANSPLANT", "TRANSPLANTATION", "REPAIR", "REPLACEMENT",
        "RESECTION", "BYPASS", "ABLATION", "AMPUTATION", "AMP", "STENT", "STENTS", "STENTING", "EMBOLIZATION", "COILING",
        "CLIPPING", "FUSION", "ORIF", "TAVR", "TAVI", "MVR", "AVR", "CEA", "LVAD", "ICD", "PPM", "AICD", "DBS", "VATS",
        "CHOLE", "APPY", "WHIPPLE", "DEBRIDEMENT", "EXCISION", "DRAINAGE", "EVAR", "TEVAR", "TIPS", "PEG", "TRACH",
        "CRANI", "LTCS", "SVD", "NSVD", "DELIVERY", "XRT", "SBRT", "CHEMO", "CHEMOTHERAPY", "RADIATION", "ANGIOPLASTY",
        "THROMBECTOMY", "TPA", "LYSIS", "CARDIOVERSION", "DCCV", "CYSTO", "TURP", "TURBT", "LAP", "KYPHOPLASTY",
        "CLOSURE", "SURGERY", "OPERATION", "OP", "REVISION", "EXPLANT", "IMPLANT", "PLACEMENT", "INSERTION", "REMOVAL");

    /**
     * "S/P LIVING RELATED RENAL TX 9-14", "s/p L TKA revision 3/2": a procedure noun right before the pair, with
     * S/P opening the same phrase a few words back (no comma or full stop between).
     */
    private static boolean procedureAfterStatusPost(Scan s, int p) {
        Tokens tk = s.tk;
        if (tk.kind[p] == Tokens.PUNCT || tk.kind[p] == Tokens.NUM || !(s.isAny(p, PROCEDURE) || procedureSuffix(s, p))) {
            return false;
        }
        int q = p;
        for (int k = 0; k < 7; k++) {
            int r = q - 1;
            if (s.is(q, "P") && r >= 1 && tk.isPunct(r, '/') && s.is(r - 1, "S") && tk.adjacent(r - 1, r)
                    && tk.adjacent(r, q) || s.is(q, "POST") && s.is(r, "STATUS")) {
                return true;
            }
            if (tk.nlBefore[q] || r < 0) {
                return false;
            }
            if (tk.kind[r] == Tokens.PUNCT) {
                // only a hyphen inside the phrase ("LIVING-RELATED"); a comma or stop ends it
                if (!tk.isPunct(r, '-') || r == 0 || tk.kind[r - 1] == Tokens.PUNCT) {
                    return false;
                }
                r--;
            }
            q = r;
        }
        return false;
    }

    private static boolean procedureSuffix(Scan s, int t) {
        if (s.tk.len(t) < 7) {
            return false;
        }
        String k = s.key(t);
        return k.endsWith("ECTOMY") || k.endsWith("OTOMY") || k.endsWith("OSTOMY") || k.endsWith("PLASTY")
                || k.endsWith("PEXY") || k.endsWith("SCOPY") || k.endsWith("GRAM") || k.endsWith("ORRHAPHY");
    }

    private static final Words IMAGING = Words.of("HUS", "CUS", "XR", "CXR", "KUB", "CTA", "MRA", "MRCP", "EKG", "ECG",
        "PET", "DEXA", "MAMMO", "MAMMOGRAM", "DOPPLER", "DOPPLERS", "LENIS", "ULTRASOUND", "SONO", "SONOGRAM", "EUS",
        "ERCP", "PFT", "PFTS", "EMG", "HOLTER", "ANGIO", "ANGIOGRAM", "HIDA", "XRAY", "XRAYS", "IMAGING", "SCAN");

    /** A study named before a short date: "CXR 3/4", "head US 3/12" (US in capitals only: "told us 3/4" is a pronoun). */
    private static boolean imaging(Scan s, int p) {
        return s.isAny(p, IMAGING) || s.is(p, "US") && s.tk.allUpper(p) && !s.tk.upperDoc;
    }

    /** Words after a short date that say it is a day: an encounter ("2/10 visit") or a named clinician ("(Dr. X"). */
    private static final Words DATE_NOUN_AFTER = Words.of("VISIT", "APPT", "APPOINTMENT", "ADMISSION", "DISCHARGE",
        "CLINIC", "MEETING", "CONFERENCE", "SURGERY", "PROCEDURE", "NOTE", "CONSULT");

    /**
     * "tumor board 1/10 (Dr. Ames)", "at her 2/10 visit": what follows a bare x/10 makes it a day rather than a score.
     * Only consulted when no score word is near (see {@link #negative}).
     */
    private static boolean dateAfter(Scan s, int last) {
        Tokens tk = s.tk;
        int nx = last + 1;
        if (nx >= tk.n || tk.nlBefore[nx]) {
            return false;
        }
        if (followedBy(s, last, DATE_NOUN_AFTER)) {
            return true;
        }
        int w = tk.isPunct(nx, '(') ? nx + 1 : s.isAny(nx, "W", "WITH", "BY") ? nx + 1 : -1;
        if (w > 0 && tk.isPunct(w, '/') && s.is(nx, "W")) {
            w++;
        }
        return w > 0 && w < tk.n && !tk.nlBefore[w] && s.isAny(w, "DR", "DOCTOR");
    }

    private static final Words TRAIN_OF_FOUR_WORDS = Words.of("TOF", "TRAIN", "FOUR", "TWITCH", "TWITCHES");

    /**
     * Score-shaped pairs (4/5, 6/10) are scores next to a score word; a bare x/10 with nothing around is still read as a
     * score (pain scores are far commoner in notes than the 1st-10th of October or a 10th), unless what follows says day.
     */
    private static boolean negative(Scan s, int first, int last, int a, int b, boolean dateAfter) {
        return a == 2 && b == 2 // "2/2" = secondary to
                || measure(s, first, last, a, b)
                || b == 10 && a <= 10 && !dateAfter;
    }

    /**
     * Whether the pair first..last is a quantity by what surrounds it: a half, a dose, a score or a grade beside its
     * word, a setting, a fraction of a length, a day of a course, gestational weeks. The token model, which weighs the
     * pairs the rules leave, never overrules this: a dose read as a date would cost a note its meaning for nothing.
     */
    static boolean quantity(Scan s, int first, int last, int a, int b) {
        return measure(s, first, last, a, b) || scoreRange(s, first, a, b) || followedBy(s, last, UNIT_AFTER)
                || followedBy(s, last, DOSE_AFTER) || (b == 10 || b == 5) && a <= b && scoreBefore(s, first, b);
    }

    /** "PAIN 4/10 ON ARRIVAL, 2/10 AFTER MORPHINE": a score of the same scale shortly before, on the same line. */
    private static boolean scoreBefore(Scan s, int first, int b) {
        Tokens tk = s.tk;
        for (int u = first - 3; u >= Math.max(0, first - 10); u--) {
            if (tk.nlBefore[u + 1] || tk.nlBefore[u + 2] || tk.nlBefore[first]) {
                return false;
            }
            if (tk.kind[u] == Tokens.NUM && tk.isPunct(u + 1, '/') && tk.kind[u + 2] == Tokens.NUM
                    && tk.adjacent(u, u + 1) && tk.adjacent(u + 1, u + 2) && tk.intValue(u + 2) == b
                    && tk.intValue(u) <= b && measure(s, u, u + 2, tk.intValue(u), b)) {
                return true;
            }
        }
        return false;
    }

    /** The part of {@link #quantity} the rules' own {@link #negative} reads. */
    private static boolean measure(Scan s, int first, int last, int a, int b) {
        Tokens tk = s.tk;
        if (a == 1 && b == 2) {
            return true; // "1/2" = half
        }
        if (b == 7 && a <= 6 && (first > 0 && tk.kind[first - 1] == Tokens.NUM && tk.spaceOnly(first - 1, first)
                && tk.len(first - 1) == 2 || followedBy(s, last, GESTATION))) {
            return true; // gestational age "34 4/7 WKS": weeks and sevenths, not a date
        }
        if (a < b && b <= 4 && (followedBy(s, last, FRACTION_AFTER) || s.prevWord(first, 0) == first - 1
                && s.isAny(first - 1, FRACTION_BEFORE))) {
            return true; // a fraction of a length: "crackles 1/3 up", "2/3 of the way", "lower 1/3 of the tibia"
        }
        if (a <= b && b <= 4 && followedBy(s, last, BOTTLES)) {
            // "MSSA 4/4 bottles": how many of a culture's bottles grew; "BCX 3/4 GNR" stays a day (the day drawn is
            // as likely, and the blind batches' writers read it so)
            return true;
        }
        if (a <= b && followedBy(s, last, SAMPLES)) {
            return true; // "in 3/12 cores", "2/15 lymph nodes": how many of a specimen's parts are involved
        }
        if (a <= b && dayOfCourse(s, first)) {
            return true; // "oseltamivir day 5/5", "abx day 3/7": a day of a course counted out of its length
        }
        if (a <= b && scaleScore(s, first)) {
            return true; // "Tinetti 9/28", "MoCA 11/30", "PHQ-9 12/27": a score out of the scale's maximum
        }
        if (b == 5 && a <= 5 && s.prevWord(first, 0) >= 0 && s.isAny(s.prevWord(first, 0), LIMB)) {
            return true; // motor strength of a limb or muscle group: "R arm 1/5", "L deltoid 4/5"
        }
        if (b == 5 && a <= 5 && (s.before(first, 1, "WEAKER", "STRONGER") || limbAfter(s, last))) {
            return true; // "R arm weaker 4/5", "3/5 prox BLE": a grade, the limb named after it
        }
        if (b == 4 && a <= 4 && s.before(first, 3, TRAIN_OF_FOUR_WORDS)) {
            return true; // train of four: "TOF 1/4", "train of four 2/4"
        }
        // "OCTREOTIDE 50/HR TO STOP 3/5": a word of when right before reads a day, whatever scale or setting came earlier
        boolean when = first > 0 && s.prevWord(first, 0) == first - 1 && s.isAny(first - 1, WHEN_WORDS)
                && !followedBy(s, last, NEG_AFTER) && !followedBy(s, last, UNIT_AFTER); // not "since 3/4 tab"
        if (when) {
            return false;
        }
        if (b == 5 && a <= 5 || b == 10 && a <= 10 || b == 4 && a <= 4 && s.before(first, 3, "PULSES", "PULSE")) {
            // strength 4/5, pain 3/10 with their context words
            if (s.before(first, 4, NEG_BEFORE) || s.before(first, 4, GRADED_BEFORE) || followedBy(s, last, NEG_AFTER)
                    || b == 10 && s.before(first, 3, SCORE_SUBJECT)) {
                return true;
            }
        }
        // a slashed pair whose first number is smaller and second a day past 12 is no pressure (systolic over diastolic),
        // no setting and no grade: "Plan SBT 6/23", "pressors off 4/24" are days; a score's or a count's word keeps it a
        // quantity ("GCS 3/15", "RATED 9/20"), and a hyphen's pair is a range ("CVP 12-14")
        boolean dayPast12 = a < b && b >= 13 && s.tk.isPunct(first + 1, '/') && !s.before(first, 2, OUT_OF_BEFORE);
        if (s.before(first, 2, NEG_BEFORE) && !dayPast12 || b <= 10 && s.before(first, 2, GRADED_BEFORE)) {
            return true;
        }
        if (followedBy(s, last, NEG_AFTER) || normalSaline(s, last, a, b)) {
            return true;
        }
        int nx = last + 1;
        return nx < tk.n && (tk.isPunct(nx, '%') || tk.isPunct(nx, '"'));
    }

    /** A limb or a limb's abbreviation among the two words after the pair ("3/5 prox BLE", "4/5 L UE"). */
    private static boolean limbAfter(Scan s, int last) {
        int w = s.nextWord(last, 0);
        for (int k = 0; k < 2 && w > 0 && !s.tk.nlBefore[w]; k++, w = s.nextWord(w, 0)) {
            if (s.isAny(w, LIMB) || s.isAny(w, GRADED_BEFORE)) {
                return true;
            }
        }
        return false;
    }

    /** Words after a fraction of a length or of the lung fields ("1/3 up B/L"); OF is in {@link #NEG_AFTER}. */
    private static final Words FRACTION_AFTER = Words.of("UP", "DOWN", "WAY");
    /** Words that say when, right before a slashed pair: "to stop 3/5", "until 2/10", "since 4/4". */
    private static final Words WHEN_WORDS = Words.of("STOP", "STOPPED", "STOPS", "UNTIL", "TIL", "TILL", "THRU", "THROUGH",
        "SINCE", "STARTED", "START", "STARTS", "BEGAN", "BEGIN", "BEGINS", "ENDS", "ENDED", "EXPIRES", "DUE", "DATED");
    /** Months written in full: a full stop after one ends the sentence, it abbreviates nothing. */
    private static final Words FULL_MONTHS = Words.of("JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY",
        "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER");
    /** A culture's bottles: "2/4 bottles", "1/2 sets". */
    private static final Words BOTTLES = Words.of("BOTTLES", "BOTTLE", "BTLS", "SETS");
    /** A pathology specimen's parts: "3/12 cores", "2/15 nodes", "1/4 fragments". */
    private static final Words SAMPLES = Words.of("CORES", "CORE", "NODES", "LYMPH", "LN", "LNS", "FRAGMENTS", "SLIDES",
        "BLOCKS", "SPECIMENS", "MARGINS");
    /** Thirds and quarters of a bone, a limb or a field: "lower 1/3", "distal 1/3 of the femur". */
    private static final Words FRACTION_BEFORE = Words.of("LOWER", "UPPER", "MIDDLE", "MID", "DISTAL", "PROXIMAL", "INFERIOR",
        "SUPERIOR", "OUTER", "INNER", "MEDIAL", "LATERAL", "APICAL", "BASAL");

    /** Limbs and muscle groups whose strength is graded out of five. */
    private static final Words LIMB = Words.of("ARM", "LEG", "HAND", "FOOT", "SHOULDER", "SHOULDERS", "HIP", "HIPS", "KNEE",
        "KNEES", "ANKLE", "ANKLES", "WRIST", "WRISTS", "ELBOW", "ELBOWS", "FINGERS", "TOES", "DELTOID", "DELTOIDS",
        "BICEP", "BICEPS", "TRICEP", "TRICEPS", "QUAD", "QUADS", "QUADRICEPS", "HAMSTRING", "HAMSTRINGS", "FLEXORS",
        "EXTENSORS", "FLEXION", "EXTENSION", "ABDUCTION", "ADDUCTION", "DORSIFLEXION", "PLANTARFLEXION", "DF", "PF",
        "EHL", "HF", "IP", "UPPER", "LOWER", "PROXIMAL", "DISTAL", "SIDE", "SIDED", "HEMIBODY", "EXTREMITY");

    /** Scales scored out of a maximum other than 5 or 10, written "name score/max". */
    private static final Words SCALE = Words.of("TINETTI", "MOCA", "MMSE", "SLUMS", "BIMS", "BERG", "BBS", "PHQ", "PHQ9",
        "GAD", "GAD7", "EPDS", "AUDIT", "AUDITC", "BRADEN", "BARTHEL", "KATZ", "LAWTON", "FIM", "MINICOG", "COG", "GDS",
        "NIHSS", "CIWA", "COWS", "FOLSTEIN", "SPPB", "DGI", "FGA", "TUG", "CAM", "ICDSC", "NUDESC", "DAST", "CAGE",
        "PSQI", "ESS", "EPWORTH", "STOPBANG", "PCL", "PCL5", "MDQ", "ASRS", "YMRS", "HAMD", "HAMA", "MADRS",
        "BDI", "BAI", "CSSRS", "ADL", "ADLS", "IADL", "IADLS", "MRC", "GMFCS", "ECOG", "KPS", "APGAR");

    /** "Tinetti 9/28", "MoCA was 11/30", "PHQ-9 12/27": a scale named right before (not "Dr. Berg 3/12"). */
    private static boolean scaleScore(Scan s, int first) {
        int p = first;
        for (int k = 0; k < 3; k++) {
            p = s.prevWord(p, 3);
            if (p < 0) {
                return false;
            }
            if (s.isAny(p, SCALE)) {
                int q = s.prevWord(p, 1);
                return !(q >= 0 && s.has(q, Lexicon.TITLE));
            }
            if (!(s.tk.kind[p] == Tokens.NUM && s.tk.len(p) <= 2 || s.isAny(p, "WAS", "IS", "OF", "SCORE", "TOTAL", "C"))) {
                return false; // only the scale's number (PHQ-9), a verb or "score" between
            }
        }
        return false;
    }

    private static final Words COURSE_EVENTS = Words.of("DISCHARGE", "ADMISSION", "ADMIT", "SURGERY", "DELIVERY",
            "PROCEDURE", "TRANSFER", "BIRTH", "DEATH", "VISIT", "CLINIC", "TRANSPLANT", "OP", "DUE", "SAME", "NEXT",
            "LAST", "THAT", "THIS");

    /** "day 5/5", "abx day #3/7": a course day; not "discharge day 3/4" (an event's day). */
    private static boolean dayOfCourse(Scan s, int first) {
        int p = s.prevWord(first, 2);
        if (p < 0 || !s.isAny(p, "DAY", "DAYS")) {
            return false;
        }
        int q = s.prevWord(p, 1);
        return !(q >= 0 && s.isAny(q, COURSE_EVENTS));
    }

    private static final Words SCORE_WORDS = Words.of("PAIN", "SCORE", "SCALE", "RATED", "RATES", "RATING", "STRENGTH",
        "GCS", "RASS", "CPOT", "FLACC");

    private static final Words RANGE_WORDS = Words.of("FROM", "TO", "AS", "BEFORE", "AFTER", "THRU", "THROUGH");

    /** "pain improved from 8/10 to 3/10", "went as high as 9/10": a range of scores, not dates, near a score word. */
    private static boolean scoreRange(Scan s, int first, int a, int b) {
        return (b == 10 && a <= 10 || b == 5 && a <= 5) && s.before(first, 1, RANGE_WORDS)
                && (s.before(first, 7, SCORE_WORDS) || s.before(first, 7, SCORE_SUBJECT));
    }

    /** What else is rated out of ten: "CP 6/10 (Dr. Lee notified)", "HA 7/10", "fatigue 4/10". */
    private static final Words SCORE_SUBJECT = Words.of("CP", "HA", "HEADACHE", "HEADACHES", "FATIGUE", "DISCOMFORT",
        "NAUSEA", "ACHE", "ACHING", "SORENESS", "CRAMPING", "CRAMPS", "ANXIETY", "DYSPNEA", "SOB", "ITCHING",
        "PRURITUS", "TENDERNESS", "BURNING", "DEPRESSION", "MOOD", "CRAVINGS", "CRAVING", "STRESS", "SLEEP",
        "ENERGY", "APPETITE", "SEVERITY", "INTENSITY", "ITCH", "HURTS", "SORE", "WORST", "CURRENTLY", "NOW",
        "REPORTS", "STATES", "ENDORSES", "EFFORT", "CONFIDENCE", "SATISFACTION", "DISTRESS",
        "DIZZINESS", "NUMBNESS", "TINGLING", "SPASM", "SPASMS", "COMFORT", "VAS", "NRS", "PEG", "NPRS",
        // a pain score after medication ("relief to 3/10"); Spanish pain ("dolor 7/10")
        "RELIEF", "DOLOR");

    private static final Words NORMAL = Words.of("NORMAL", "NL", "NML");

    /** "1/2 normal saline", "5/5 normal": NORMAL after a pair is a fluid or a score, but "US 3/12 normal" is a result. */
    private static boolean normalSaline(Scan s, int last, int a, int b) {
        if (!followedBy(s, last, NORMAL)) {
            return false;
        }
        return s.isAny(s.nextWord(last + 1, 0), "SALINE", "SAL", "NS") || a <= b && b <= 10 && (b == 5 || b == 10 || b == 4);
    }

    private static final Words GESTATION = Words.of("WK", "WKS", "WEEK", "WEEKS", "WKER", "WEEKER", "GA", "CGA",
        "PMA", "EGA");

    private static boolean followedBy(Scan s, int last, Words words) {
        int nx = last + 1;
        Tokens tk = s.tk;
        if (nx >= tk.n || tk.nlBefore[nx]) {
            return false;
        }
        return tk.kind[nx] != Tokens.PUNCT && s.isAny(nx, words);
    }

    // ---- Spanish (Puerto Rico, US Hispanic clinics): "14 de marzo de 2024", "el 2 de mayo", "marzo 14, 2024"
    private static final Words MES = Words.of("ENERO", "FEBRERO", "MARZO", "ABRIL", "MAYO", "JUNIO", "JULIO", "AGOSTO",
        "SEPTIEMBRE", "SETIEMBRE", "OCTUBRE", "NOVIEMBRE", "DICIEMBRE");
    private static final Words MES_ABBR = Words.of("ENE", "FEB", "MAR", "ABR", "MAY", "JUN", "JUL", "AGO", "SEP", "SEPT",
        "SET", "OCT", "NOV", "DIC");
    /** Spanish time prepositions before a month alone: "en marzo", "desde enero", "hasta abril". */
    private static final Words MES_PREP = Words.of("EN", "DESDE", "HASTA", "DURANTE");

    /**
     * "14 de marzo de 2024", "2 de mayo", "5 de ago.", "1ro de julio del 2023": a day, DE and a Spanish month, full or
     * abbreviated, with an optional year after DE/DEL or a comma. Only this Spanish form takes the abbreviations (ENE,
     * ABR, AGO, DIC), so English words (ago, set) are never read as months. "el" stays outside the span, like "the".
     */
    private static int spanishDayMonth(Scan s, int t) {
        Tokens tk = s.tk;
        if (!s.is(t + 1, "DE")) {
            return -1; // cheap test first: DE after the day, a hash compare, before reading the day
        }
        int d = tk.kind[t] == Tokens.NUM ? tk.len(t) <= 2 ? tk.intValue(t) : -1 : s.isAny(t, "1RO", "1ERO") ? 1 : -1;
        int de = t + 1;
        if (!day(d) || de + 1 >= tk.n || tk.nlBefore[de] || tk.nlBefore[de + 1] || !s.is(de, "DE")) {
            return -1;
        }
        int m = de + 1;
        if (tk.kind[m] != Tokens.WORD || !(s.isAny(m, MES) || s.isAny(m, MES_ABBR))) {
            return -1;
        }
        int end = m;
        int y = m + 1;
        if (tk.isPunct(y, '.') && tk.adjacent(m, y) && tk.len(m) <= 4) {
            end = y; // "5 de ago."
            y++;
        }
        int yr = spanishYear(s, y);
        if (yr > 0) {
            end = yr;
        }
        s.addTokens(PhiType.DATE, t, end, "date.spanish", 0.9);
        return end + 1;
    }

    /** Index of the year in "de 2024", "del 2024", ", 2024" or " 2024" starting at token y, or -1. */
    private static int spanishYear(Scan s, int y) {
        Tokens tk = s.tk;
        if (y < tk.n && (s.isAny(y, "DE", "DEL") || tk.isPunct(y, ','))) {
            y++;
        }
        return y < tk.n && !tk.nlBefore[y] && tk.kind[y] == Tokens.NUM && tk.len(y) == 4 && year(tk.intValue(y))
                && !(y + 1 < tk.n && tk.adjacent(y, y + 1) && tk.kind[y + 1] != Tokens.PUNCT) ? y : -1;
    }

    private static final Words SPANISH_OF = Words.of("DE", "DEL");

    private static final Words SPANISH_MONTH_PARTS = Words.of("FINES", "FINALES", "PRINCIPIOS", "INICIOS", "MEDIADOS",
            "MES");

    /**
     * A full Spanish month first: "marzo 14, 2024", "marzo de 2024", "en marzo", "desde enero". MAYO (Mayo Clinic)
     * and JULIO (a given name) take a day only with a year after it.
     */
    private static int spanishMonthFirst(Scan s, int t, char last) {
        Tokens tk = s.tk;
        int len = tk.len(t);
        // every month name ends in O, E or L (abril): a cheap filter before any word comparison
        char lastChar = Character.toUpperCase(last);
        if (len < 4 || len > 10 || lastChar != 'O' && lastChar != 'E' && lastChar != 'L') {
            return -1;
        }
        int nx = t + 1;
        boolean numAfter = nx < tk.n && tk.kind[nx] == Tokens.NUM && !tk.nlBefore[nx];
        // cheap tests first: the month list (one id lookup), then a number or DE after, or a Spanish preposition before
        if (!s.isAny(t, MES) || !(numAfter || s.isAny(nx, SPANISH_OF) || s.before(t, 1, MES_PREP)
                || s.before(t, 1, "DE"))) {
            return -1;
        }
        boolean wordToo = s.isAny(t, "MAYO", "JULIO");
        if (numAfter && tk.len(nx) <= 2 && day(tk.intValue(nx)) && tk.spaceOnly(t, nx) && !followedBy(s, nx, UNIT_AFTER)
                && !(nx + 1 < tk.n && tk.adjacent(nx, nx + 1) && tk.kind[nx + 1] != Tokens.PUNCT)
                && !tk.isPunct(nx + 1, '/') && !tk.isPunct(nx + 1, '%')) {
            int y = spanishYear(s, nx + 1);
            if (y > 0 || !wordToo) {
                int end = y > 0 ? y : nx;
                s.addTokens(PhiType.DATE, t, end, "date.spanish", 0.9);
                return end + 1;
            }
            return -1;
        }
        int y = spanishYear(s, nx);
        if (y > 0) {
            s.addTokens(PhiType.DATE, t, y, "date.spanish", 0.85); // "marzo de 2024", "enero 2023"
            return y + 1;
        }
        int p = s.prevWord(t, 0);
        if (p >= 0 && p == t - 1 && !tk.nlBefore[t] && (s.isAny(p, MES_PREP) || s.is(p, "DE")
                && s.before(p, 1, SPANISH_MONTH_PARTS))) {
            s.addTokens(PhiType.DATE, t, t, "date.spanish", 0.7); // "en marzo", "desde enero", "a fines de abril"
            return t + 1;
        }
        return -1;
    }

    /** "5 Jan", "5 January 2019", "5th of March" handled via ordinalDay; this is "5 JAN" with a NUM. */
    private static int dayMonth(Scan s, int t) {
        Tokens tk = s.tk;
        if (tk.len(t) > 2 || !s.has(t + 1, MONTH) && !s.has(t + 2, MONTH)) {
            return -1; // (cheap tests first: the length, and a month among the two tokens after, before the value)
        }
        int d = tk.intValue(t);
        if (!day(d)) {
            return -1;
        }
        int m = t + 1;
        boolean dash = false;
        if (tk.isPunct(m, '-') && tk.adjacent(t, m)) {
            m++;
            dash = true;
        } else if (m < tk.n && !tk.spaceOnly(t, m)) {
            return -1;
        }
        if (m >= tk.n || tk.kind[m] != Tokens.WORD || !s.has(m, MONTH)) {
            return -1;
        }
        if (s.isAny(m, "MAY", "MARCH", "MAR") && !dash && !hasYearAfter(s, m)) {
            return -1; // "5 MAY BE", "3 MARCH"
        }
        int end = m;
        int y = yearAfter(s, m, dash);
        if (y > 0) {
            end = y;
        }
        s.addTokens(PhiType.DATE, t, end, "date.day-month", 0.9);
        return end + 1;
    }

    private static boolean hasYearAfter(Scan s, int m) {
        return yearAfter(s, m, false) > 0 || yearAfter(s, m, true) > 0;
    }

    /** Index of a year token after month token m ("JAN 2019", "JAN, 2019", "JAN-2019"), or -1. */
    private static int yearAfter(Scan s, int m, boolean dash) {
        Tokens tk = s.tk;
        int y = m + 1;
        if (y < tk.n && (tk.isPunct(y, ',') || dash && tk.isPunct(y, '-') || tk.isPunct(y, '.'))) {
            y++;
        }
        if (y < tk.n && tk.kind[y] == Tokens.NUM && !tk.nlBefore[y]) {
            int v = tk.intValue(y);
            if (tk.len(y) == 4 && year(v) || dash && tk.len(y) == 2) {
                return y;
            }
        }
        return y < tk.n && !tk.nlBefore[y] && apostropheYear(s, y) ? y + 1 : -1;
    }

    /** Whether token a is an apostrophe opening a two-digit year ("Aug '23", "in ’19"), not feet/inches (5'10"). */
    private static boolean apostropheYear(Scan s, int a) {
        Tokens tk = s.tk;
        if (a < 0 || a + 1 >= tk.n || tk.kind[a] != Tokens.PUNCT
                || !io.phistream.detector.text.lexicon.Fold.isApostrophe(s.text.charAt(tk.start[a]))) {
            return false;
        }
        int y = a + 1;
        if (tk.kind[y] != Tokens.NUM || tk.len(y) != 2 || !tk.adjacent(a, y) || a > 0 && tk.adjacent(a - 1, a)) {
            return false;
        }
        int nx = y + 1;
        if (followedBy(s, y, UNIT_AFTER)) {
            return false;
        }
        // "'23." ends a sentence; "'19s", "'19'" (a quoted number), "'19/20" are something else
        return nx >= tk.n || !tk.adjacent(y, nx) || tk.kind[nx] == Tokens.PUNCT && !tk.isPunct(nx, '/')
                && !tk.isPunct(nx, '-') && !io.phistream.detector.text.lexicon.Fold.isApostrophe(s.text.charAt(tk.start[nx]))
                && !tk.isPunct(nx, '"') && !(tk.isPunct(nx, '.') && nx + 1 < tk.n && tk.kind[nx + 1] == Tokens.NUM
                && tk.adjacent(nx, nx + 1));
    }

    private static final Words ORDINAL_WORDS = Words.of("FIRST", "SECOND", "THIRD", "FOURTH", "FIFTH", "SIXTH",
            "SEVENTH", "EIGHTH", "NINTH", "TENTH", "ELEVENTH", "TWELFTH", "THIRTEENTH", "FOURTEENTH", "FIFTEENTH",
            "SIXTEENTH", "SEVENTEENTH", "EIGHTEENTH", "NINETEENTH", "TWENTIETH", "THIRTIETH");
    private static final Words UNIT_ORDINALS = Words.of("FIRST", "SECOND", "THIRD", "FOURTH", "FIFTH", "SIXTH",
            "SEVENTH", "EIGHTH", "NINTH");
    private static final Words TENS_WORDS = Words.of("TWENTY", "THIRTY", "FORTY", "FIFTY", "SIXTY", "SEVENTY",
            "EIGHTY", "NINETY");
    /**
     * The words that open {@link #spanishMonthFirst} (a Spanish month) or {@link #ordinalWordsOfMonth} (an ordinal, or
     * TWENTY or THIRTY before one), which {@link #word} asks of every word that is no month or trigger.
     */
    private static final Words SPANISH_MONTH_OR_DAY_WORDS = Words.union(MES, ORDINAL_WORDS,
            Words.of("TWENTY", "THIRTY"));
    private static final Words SMALL_NUMBER_WORDS = Words.of("ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN",
            "EIGHT", "NINE", "TEN", "ELEVEN", "TWELVE", "THIRTEEN", "FOURTEEN", "FIFTEEN", "SIXTEEN", "SEVENTEEN",
            "EIGHTEEN", "NINETEEN");

    private static boolean wordIn(Scan s, int t, Words words) {
        return firstWordIn(s, t, words) && !s.tk.nlBefore[t];
    }

    /** As {@link #wordIn}, a first word that may open a line. */
    private static boolean firstWordIn(Scan s, int t, Words words) {
        return t >= 0 && t < s.tk.n && s.tk.kind[t] == Tokens.WORD && s.isAny(t, words);
    }

    /** A day of the month in words at t ("third", "twenty-first", "thirty first"); its last token, or -1. */
    private static int ordinalWords(Scan s, int t, boolean opensLine) {
        Tokens tk = s.tk;
        if (opensLine ? firstWordIn(s, t, ORDINAL_WORDS) : wordIn(s, t, ORDINAL_WORDS)) {
            return t;
        }
        if (s.isAny(t, "TWENTY", "THIRTY") && (opensLine || !tk.nlBefore[t])) {
            int u = tk.isPunct(t + 1, '-') && tk.adjacent(t, t + 1) ? t + 2 : t + 1;
            if (wordIn(s, u, UNIT_ORDINALS) && (s.is(t, "TWENTY") || s.is(u, "FIRST"))) {
                return u;
            }
        }
        return -1;
    }

    /** A year read aloud at t: "two thousand sixteen", "two thousand and five", "nineteen eighty-two"; last token or -1. */
    private static int yearWords(Scan s, int t) {
        Tokens tk = s.tk;
        if (s.is(t, "TWO") && s.is(t + 1, "THOUSAND") && !tk.nlBefore[t]) {
            int u = s.is(t + 2, "AND") ? t + 3 : t + 2;
            int e = numberWords(s, u);
            return e > 0 ? e : t + 1;
        }
        if (s.isAny(t, "NINETEEN", "TWENTY") && !tk.nlBefore[t]) {
            int u = t + 1;
            if (s.is(u, "OH") && wordIn(s, u + 1, SMALL_NUMBER_WORDS)) {
                return u + 1; // "twenty oh five"
            }
            int e = numberWords(s, u);
            return e > 0 ? e : -1;
        }
        return -1;
    }

    /** "sixteen", "eighty-two", "twenty four" at t: the last token, or -1. */
    private static int numberWords(Scan s, int t) {
        Tokens tk = s.tk;
        if (wordIn(s, t, SMALL_NUMBER_WORDS)) {
            return t;
        }
        if (wordIn(s, t, TENS_WORDS)) {
            int u = tk.isPunct(t + 1, '-') && tk.adjacent(t, t + 1) ? t + 2 : t + 1;
            return wordIn(s, u, SMALL_NUMBER_WORDS) && tk.len(u) <= 5 ? u : t;
        }
        return -1;
    }

    /** The last letter of an ordinal or a tens word: -st, -nd, -rd, -th, -ty (t, d, h, y in either case). */
    private static boolean ordinalEnding(char c) {
        return c == 't' || c == 'd' || c == 'h' || c == 'y' || c == 'T' || c == 'D' || c == 'H' || c == 'Y';
    }

    /** "the twenty-first of May, nineteen eighty-two", "fifth of March": a day in words, OF, a month. */
    private static int ordinalWordsOfMonth(Scan s, int t, char last) {
        Tokens tk = s.tk;
        int len = tk.len(t);
        if (len < 5 || len > 11 || !ordinalEnding(last)) {
            return -1; // (length and last letter first: this runs for every word; ordinals end -st, -nd, -rd, -th, -ty)
        }
        int o = ordinalWords(s, t, true);
        if (o < 0 || !s.is(o + 1, "OF") || o + 2 >= tk.n || tk.kind[o + 2] != Tokens.WORD || !s.has(o + 2, MONTH)
                || tk.nlBefore[o + 2] || tk.len(o + 2) < 3 || !tk.upperDoc && !tk.capitalized(o + 2)) {
            return -1;
        }
        int m = o + 2;
        int y = yearWords(s, tk.isPunct(m + 1, ',') ? m + 2 : m + 1);
        int end = y > 0 ? y : m;
        s.addTokens(PhiType.DATE, t, end, "date.day-words-month", 0.85);
        return end + 1;
    }

    private static final Words MONTH_DATE_CUES = Words.of("ON", "OF", "BY", "SINCE", "UNTIL", "BORN", "BIRTH", "DUE",
            "BEFORE", "AFTER");

    /** Month name first: "Jan 5", "JAN 5TH", "January 5, 2019", "March 2019", "in April". */
    private static int monthFirst(Scan s, int t) {
        Tokens tk = s.tk;
        String key = s.key(t);
        int m = t + 1;
        boolean dot = false;
        if (tk.isPunct(m, '.') && tk.adjacent(t, m) && tk.len(t) <= 4) {
            m++;
            dot = true;
        }
        boolean dash = tk.isPunct(m, '-') && tk.adjacent(m - 1, m);
        if (dash) {
            m++;
        }
        // "June third, two thousand sixteen", "on March the fifth": a day read aloud (dictation, voicemail)
        int spoken = !dot && !dash && (tk.upperDoc || tk.capitalized(t))
                ? ordinalWords(s, s.is(m, "THE") ? m + 1 : m, false) : -1;
        int spokenYear = spoken > 0 ? yearWords(s, tk.isPunct(spoken + 1, ',') ? spoken + 2 : spoken + 1) : -1;
        if (spoken > 0 && s.isAny(t, "MAY", "MARCH", "MAR") && spokenYear < 0) {
            // "MAY FIRST NEED", "PER MAR SECOND DOSE": a modal or the medication record unless the date reads whole
            int after = spoken + 1;
            boolean closes = after >= tk.n || tk.nlBefore[after] || tk.kind[after] == Tokens.PUNCT
                    && !tk.isPunct(after, '-') && !tk.isPunct(after, '/');
            if (!closes || !s.before(t, 1, MONTH_DATE_CUES)) {
                spoken = -1;
            }
        }
        if (spoken > 0) {
            int y = spokenYear;
            int end = y > 0 ? y : spoken;
            s.addTokens(PhiType.DATE, t, end, "date.month-day-words", 0.85);
            return end + 1;
        }
        if (m < tk.n && !tk.nlBefore[m] && (tk.kind[m] == Tokens.NUM || tk.kind[m] == Tokens.ALNUM)) {
            int d = dayValue(s, m);
            if (d > 0 && !followedBy(s, m, UNIT_AFTER) && !(tk.isPunct(m + 1, '%') || tk.isPunct(m + 1, '/')
                    || tk.isPunct(m + 1, '.') && m + 2 < tk.n && tk.kind[m + 2] == Tokens.NUM && tk.adjacent(m + 1, m + 2))
                    && !(s.isAny(t, "MAY", "MARCH") && tk.upperDoc && s.isAny(m + 1, "MG", "ML", "UNITS", "HOURS", "DAYS"))) {
                int end = m;
                int y = yearAfter(s, m, dash);
                if (y > 0) {
                    end = y;
                }
                if (!s.isAny(t, "MAY", "MARCH") || y > 0 || d <= 31 && tk.len(m) <= 2 || tk.kind[m] == Tokens.ALNUM) {
                    s.addTokens(PhiType.DATE, t, end, "date.month-day", 0.92);
                    return end + 1;
                }
            }
            int y = yearAfter(s, dot ? t + 1 : t, dash);
            if (y < 0 && tk.kind[m] == Tokens.NUM && tk.len(m) == 4 && year(tk.intValue(m))) {
                y = m;
            }
            if (y > 0) {
                s.addTokens(PhiType.DATE, t, y, "date.month-year", 0.9);
                return y + 1;
            }
        }
        // "until Aug '23", "Sept. ’19": a month and an apostrophe year (a NUM after the month was handled above)
        boolean modalOrVerb = !tk.upperDoc && tk.lowerInitial(t) && s.isAny(t, "MAY", "MARCH", "MAR");
        if (m < tk.n && tk.kind[m] == Tokens.PUNCT && !modalOrVerb) {
            int y = yearAfter(s, dot ? t + 1 : t, false);
            if (y > 0) {
                s.addTokens(PhiType.DATE, t, y, "date.month-year", 0.9);
                return y + 1;
            }
        }
        if (!dot && monthModifier(s, t)) {
            s.addTokens(PhiType.DATE, t, t, "date.month-modifier", 0.8);
            return t + 1;
        }
        // month alone: "in April", "since September"
        if (!dot && tk.len(t) >= 5 && !(tk.upperDoc ? false : tk.lowerInitial(t))) {
            int p = s.prevWord(t, 0);
            if (p >= 0 && s.tk.kind[p] == Tokens.WORD && s.isAny(p, MONTH_ALONE_PREP)
                    && (!AMBIGUOUS_MONTH.contains(key) || !tk.upperDoc && tk.capitalized(t))) {
                s.addTokens(PhiType.DATE, t, t, "date.month", 0.7);
                return t + 1;
            }
        }
        // "SINCE GI BLEED IN AUG", "UNTIL DEC.", "ADMITTED AT LAHEY IN MAY": an abbreviated or ambiguous month after a
        // time preposition, where nothing after it reads on as a word ("IN MAY BE", "IN DEC BS" stay words)
        if (!(tk.upperDoc ? false : tk.lowerInitial(t) && !monthAfterPrepLower(s, t))) {
            int p = s.prevWord(t, 0);
            // "CHECKED IN MAR": after IN, MAR is the medication administration record
            if (p >= 0 && tk.kind[p] == Tokens.WORD && !tk.nlBefore[t] && s.isAny(p, MONTH_ALONE_STRONG)
                    && !(s.isAny(p, "IN", "FROM", "BY") && s.is(t, "MAR")) && monthEndsPhrase(s, t)) {
                int end = dot && !s.isAny(t, FULL_MONTHS) ? t + 1 : t; // "IN MAY." ends a sentence, "UNTIL DEC." too
                s.addTokens(PhiType.DATE, t, end, "date.month-alone", 0.6);
                return end + 1;
            }
        }
        if (monthWithoutPreposition(s, t, dot)) {
            int end = dot && !s.isAny(t, FULL_MONTHS) ? t + 1 : t;
            s.addTokens(PhiType.DATE, t, end, "date.month-alone", 0.6);
            return end + 1;
        }
        return -1;
    }

    private static final Set<String> FULL_MONTH = Set.of("JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY",
        "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER");
    /** Full month names that are also given names, a modal or a verb: they modify only an event noun. */
    private static final Set<String> MONTH_WORD_TOO = Set.of("MARCH", "APRIL", "MAY", "JUNE", "AUGUST");
    /** Events and encounters a month names: "the July episode", "her April admission", "the June visit". */
    private static final Words MONTH_EVENT_NOUN = Words.of("EPISODE", "EPISODES", "EVENT", "EVENTS", "VISIT", "VISITS",
        "ADMISSION", "ADMISSIONS", "ADMIT", "APPOINTMENT", "APPT", "HOSPITALIZATION", "HOSPITALISATION", "STAY", "FALL",
        "SURGERY", "PROCEDURE", "DISCHARGE", "SCAN", "STUDY", "LABS", "NOTE", "CLINIC", "FLARE", "EXACERBATION", "ECHO",
        "CT", "MRI", "CATH", "BIOPSY", "BLEED", "STROKE", "MI", "INFECTION", "ILLNESS", "ENCOUNTER", "CONSULT",
        "MEETING", "CONFERENCE", "INCIDENT", "RESULTS", "COLONOSCOPY", "MAMMOGRAM", "ED", "ER", "TRIP", "CYCLE",
        "INFUSION", "FOLLOWUP", "CALL", "LETTER", "REPORT", "EXAM", "TEST", "TESTS", "LEVEL", "READING", "DIAGNOSIS");

    /**
     * A full month name between a determiner and a noun, used as a modifier: "given the July episode", "in the October
     * visit", "her April admission". Months that are also words or given names (May, June, April, August, March) only
     * before an event noun; any month never before a capitalised word in a mixed-case note ("the August Wilson play").
     */
    private static boolean monthModifier(Scan s, int t) {
        Tokens tk = s.tk;
        String key = s.key(t);
        int p = t - 1;
        int nx = t + 1;
        if (!FULL_MONTH.contains(key) || p < 0 || nx >= tk.n || tk.nlBefore[t] || tk.nlBefore[nx]
                || tk.kind[nx] != Tokens.WORD || !s.isAny(p, "THE", "HIS", "HER", "THEIR", "OUR", "MY", "THAT", "THIS")) {
            return false;
        }
        if (!tk.upperDoc && (!tk.capitalized(t) || !tk.lowerInitial(nx))) {
            return false;
        }
        if (s.isAny(nx, MONTH_EVENT_NOUN)) {
            return true;
        }
        return !MONTH_WORD_TOO.contains(key) && !s.has(nx, Lexicon.STOP | Lexicon.MONTH | Lexicon.WEEKDAY);
    }

    /** Month names that are no English word or given name in any case. */
    private static final Set<String> MONTH_NEVER_WORD = Set.of("JANUARY", "FEBRUARY", "SEPTEMBER", "OCTOBER", "NOVEMBER",
        "DECEMBER");
    /**
     * Months that are words only in another case or spelling: "Feb"/"feb" (febrile), "Dec"/"dec" (decreased), "Oct"/"OCT"
     * (the scan). JAN, JUN, JUNE, APRIL, AUGUST (given names), MAY, MARCH, MAR (modal, verb, the MAR) are left to
     * the preposition rules above.
     */
    private static final Set<String> MONTH_CAPITALISED = Set.of("FEB", "APR", "JUL", "JULY", "AUG", "SEP", "SEPT",
        "OCT", "NOV", "DEC");
    /** Events that a month alone dates in a caseless note: "RELAPSE FEB,", "DX NOV.". */
    private static final Words MONTH_EVENT = Words.of("RELAPSE", "RELAPSED", "RECURRENCE", "RECURRED", "DX", "DIAGNOSED",
        "ONSET", "ADMITTED", "ADMISSION", "DISCHARGED", "SURGERY", "STARTED", "STOPPED", "BEGAN", "DIED", "BORN",
        "DELIVERED", "PLACED", "INSERTED", "IMPLANTED", "TRANSPLANT", "TRANSPLANTED", "PERFORMED", "DONE", "SEEN",
        "LAST", "HOSPITALIZED", "HOSPITALIZATION", "ADMIT");

    /**
     * A month alone with no time preposition: a month that is never a word ("December admission", "dx October"), or
     * an abbreviation written as a month, capitalised inside a sentence ("relapse Feb, now", "last scope Nov."), or
     * after an event word in a caseless note or when it is DEC ("RELAPSE FEB,", "relapse Dec."); the abbreviation must
     * close the phrase.
     */
    private static boolean monthWithoutPreposition(Scan s, int t, boolean dot) {
        Tokens tk = s.tk;
        String key = s.key(t);
        if (MONTH_NEVER_WORD.contains(key)) {
            return true;
        }
        if (!MONTH_CAPITALISED.contains(key) || !closesPhrase(s, t)) {
            return false;
        }
        int p = s.prevWord(t, 1);
        boolean event = p >= 0 && !tk.nlBefore[t] && s.isAny(p, MONTH_EVENT);
        if (tk.upperDoc) {
            return event;
        }
        // "Dec" is also "decreased" ("Lung sounds Dec, ..."): only an event makes it a month
        return tk.capitalized(t) && (event || !tk.sentenceStart(t) && !key.equals("DEC"))
                && !(p >= 0 && s.has(p, Lexicon.TITLE));
    }

    /** Stricter than {@link #monthEndsPhrase}: punctuation, end of line, or a conjunction ("Dec at bases" stays open). */
    private static boolean closesPhrase(Scan s, int t) {
        Tokens tk = s.tk;
        int nx = t + 1;
        if (nx >= tk.n || tk.nlBefore[nx]) {
            return true;
        }
        if (tk.kind[nx] == Tokens.PUNCT) {
            return !tk.isPunct(nx, '/') && !tk.isPunct(nx, '-') && !tk.isPunct(nx, '\'')
                    && !(tk.isPunct(nx, '.') && nx + 1 < tk.n && tk.adjacent(nx, nx + 1) && tk.kind[nx + 1] != Tokens.PUNCT);
        }
        return tk.kind[nx] == Tokens.WORD && s.isAny(nx, "AND", "OR", "BUT", "THEN", "WHEN", "WHILE", "VS");
    }

    private static final Words MONTH_ALONE_STRONG = Words.of("IN", "SINCE", "DURING", "UNTIL", "TILL", "EARLY", "LATE",
        "MID", "BEFORE", "AFTER", "THROUGH", "THRU", "LAST", "NEXT", "BY", "FROM", "HERE");

    private static final Words SINCE_UNTIL = Words.of("SINCE", "UNTIL", "TILL");

    /** In a lower-case note "in aug" is as telling as "in Aug"; in mixed case a lower-case month needs "since"/"until". */
    private static boolean monthAfterPrepLower(Scan s, int t) {
        return s.before(t, 1, SINCE_UNTIL);
    }

    private static final Words JOINING_WORDS = Words.of("AND", "OR", "WITH", "W", "AT", "FOR", "WHEN", "WHILE", "BUT",
            "THEN", "AFTER", "BEFORE", "PER", "DUE", "S/P", "FOLLOWED", "VS", "VERSUS");

    /** After the month: end of text or line, punctuation, a year, or a word that starts a new phrase. */
    private static boolean monthEndsPhrase(Scan s, int t) {
        Tokens tk = s.tk;
        int nx = t + 1;
        if (nx >= tk.n || tk.nlBefore[nx] || tk.kind[nx] == Tokens.PUNCT && !tk.isPunct(nx, '/')
                && !tk.isPunct(nx, '-') && !tk.isPunct(nx, '\'')) {
            return true;
        }
        if (tk.kind[nx] == Tokens.NUM) {
            return tk.len(nx) == 4 || tk.len(nx) == 2 && tk.isPunct(t - 1, '\'');
        }
        return tk.kind[nx] == Tokens.WORD && s.isAny(nx, JOINING_WORDS);
    }

    /** Day of month of a NUM (5) or ordinal ALNUM (5TH) token, or -1. */
    private static int dayValue(Scan s, int t) {
        Tokens tk = s.tk;
        if (tk.kind[t] == Tokens.NUM) {
            int v = tk.intValue(t);
            return tk.len(t) <= 2 && day(v) ? v : -1;
        }
        if (s.has(t, Lexicon.ORDINAL)) {
            int v = 0;
            for (int i = tk.start[t]; i < tk.end[t] && Character.isDigit(s.text.charAt(i)); i++) {
                v = v * 10 + s.text.charAt(i) - '0';
            }
            return day(v) ? v : -1;
        }
        return -1;
    }

    private static final String[] MON3 = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};

    /** "04MAR2019", "4MAR19", "04MAR": day, month abbreviation, optional year, in one token. */
    private static int militaryDate(Scan s, int t) {
        Tokens tk = s.tk;
        // cheap tests first: the key (no longer than the token) opens with a digit and has room for a month after it
        if (tk.len(t) < 4 || !Character.isDigit(io.phistream.detector.text.lexicon.Fold.fold(tk.firstChar(t)))) {
            return -1;
        }
        String w = s.key(t);
        int i = 0;
        while (i < w.length() && i < 2 && Character.isDigit(w.charAt(i))) {
            i++;
        }
        if (i == 0 || i + 3 > w.length()) {
            return -1;
        }
        boolean isMonth = false;
        for (String m : MON3) {
            isMonth |= w.startsWith(m, i);
        }
        if (!isMonth) {
            return -1; // (read in place, before any substring: most such tokens are doses, "10MG", "100ML")
        }
        int day = Integer.parseInt(w.substring(0, i));
        String rest = w.substring(i + 3);
        boolean yearOk = rest.isEmpty() || (rest.length() == 2 || rest.length() == 4) && rest.chars().allMatch(Character::isDigit);
        if (!day(day) || !yearOk || (rest.isEmpty() && w.startsWith("MAY", i))) {
            return -1;
        }
        s.addTokens(PhiType.DATE, t, t, "date.compact", 0.9);
        return t + 1;
    }

    private static final Words CLAUSE_LINKS = Words.of("AT", "AND", "OR", "IN", "WHEN", "FOR", "TO", "THROUGH", "THRU",
            "UNTIL", "BUT", "IF", "FROM", "WITH", "W", "BY", "ON", "VIA", "PER", "THEN", "SO", "AS", "AFTER", "BEFORE",
            "TOO", "ALSO", "AGAIN", "DURING");
    private static final Words SUBJECT_PRONOUNS = Words.of("THIS", "THAT", "IT", "WHICH", "WHO", "HE", "SHE", "PT",
            "PATIENT", "ONE", "THERE", "THESE");

    private static final Words ORDINAL_DAY_CUES = Words.of("ON", "SINCE", "UNTIL", "BY", "TILL", "BEFORE", "AFTER",
            "LIKELY", "THRU", "THROUGH", "FROM", "TO", "FOR", "WAS");

    /** "5th of March", "5TH MARCH 2019", "the 3rd". */
    private static int ordinalDay(Scan s, int t) {
        Tokens tk = s.tk;
        if (!s.has(t, Lexicon.ORDINAL) || dayValue(s, t) < 0) {
            return -1;
        }
        int m = t + 1;
        if (m < tk.n && s.is(m, "OF")) {
            m++;
        }
        if (m < tk.n && !tk.nlBefore[m] && tk.kind[m] == Tokens.WORD && s.has(m, MONTH)) {
            int end = m;
            int y = yearAfter(s, m, false);
            if (y > 0) {
                end = y;
            }
            s.addTokens(PhiType.DATE, t, end, "date.day-month", 0.92);
            return end + 1;
        }
        // "on the 14th", "Friday the 14th", "arrives the 5th": a day of the month; "the 5th floor", "the 4th dose",
        // "the 2nd time", "the 2nd of four" are not (a word other than a preposition or conjunction follows)
        int p = s.prevWord(t, 0);
        if (secondOrdinalDay(s, t)) {
            s.addTokens(PhiType.DATE, t, t, "date.ordinal-day", 0.75);
            return t + 1;
        }
        if (p >= 0 && s.is(p, "THE") && (s.before(p, 1, ORDINAL_DAY_CUES) || s.before(p, 1, DAY_VERB)
                || p > 0 && s.has(s.prevWord(p, 1), Lexicon.WEEKDAY) || partOfDayOf(s, p) || clockAfter(s, t))) {
            int nx = t + 1;
            boolean nounAfter = nx < tk.n && !tk.nlBefore[nx] && tk.kind[nx] == Tokens.WORD
                    && !s.isAny(nx, CLAUSE_LINKS);
            int q = s.prevWord(p, 0);
            if (!nounAfter && s.isAny(q, "FOR", "WAS") && !(p > 0 && s.has(s.prevWord(p, 1), Lexicon.WEEKDAY))
                    && !partOfDayOf(s, p) && !clockAfter(s, t)) {
                // FOR THE and WAS THE also count turns ("THIS WAS THE 3RD.", "THE 2ND IN 24 HRS", "THE 2ND AND LAST
                // DOSE", "FOR THE 2ND OR 3RD OPINION"): a day only where the phrase ends or AT, WHEN, BUT follow, and
                // never after a pronoun or the patient ("SHE WAS THE 2ND")
                int subject = s.is(q, "WAS") ? s.prevWord(q, 0) : -1;
                nounAfter = nx < tk.n && !tk.nlBefore[nx] && tk.kind[nx] == Tokens.WORD && !s.isAny(nx, "AT", "WHEN", "BUT")
                        || subject >= 0 && s.isAny(subject, SUBJECT_PRONOUNS);
            }
            if (!nounAfter) {
                int first = p > 0 && s.has(s.prevWord(p, 1), Lexicon.WEEKDAY) ? s.prevWord(p, 1) : t;
                s.addTokens(PhiType.DATE, first, t, "date.ordinal-day", 0.75);
                return t + 1;
            }
        }
        return -1;
    }

    private static final Words SECOND_ORDINAL_DAY_CUES = Words.of("ON", "SINCE", "UNTIL", "BY", "FROM");

    /**
     * "missed HD on the 15th and 17th": the second of two ordinals joined by AND, OR or a comma, the first a day after
     * ON THE (or another day-verb context); not "the 2nd and 3rd digits" (a word follows).
     */
    private static boolean secondOrdinalDay(Scan s, int t) {
        Tokens tk = s.tk;
        int nx = t + 1;
        if (nx < tk.n && !tk.nlBefore[nx] && tk.kind[nx] == Tokens.WORD && !s.isAny(nx, "AND", "OR")) {
            return false;
        }
        // back over "15TH, 17TH AND" (a few days at most) to THE and what comes before it
        int cur = t;
        for (int k = 0; k < 6; k++) {
            int joiner = cur - 1; // the token right before: AND, OR, a comma or an ampersand
            if (joiner < 1 || tk.nlBefore[cur] || !(s.isAny(joiner, "AND", "OR") || tk.isPunct(joiner, ',')
                    || tk.isPunct(joiner, '&'))) {
                return false;
            }
            int first = joiner - 1;
            if (first < 1 || tk.nlBefore[joiner] || !s.has(first, Lexicon.ORDINAL) || dayValue(s, first) < 0) {
                return false;
            }
            int the = s.prevWord(first, 0);
            if (the >= 1 && s.is(the, "THE")) {
                return s.before(the, 1, SECOND_ORDINAL_DAY_CUES) || s.before(the, 1, DAY_VERB);
            }
            cur = first;
        }
        return false;
    }

    /**
     * Parts of a day or week, and the notes written on one, that "of the 6th" / "of 7/10" dates: "the evening of the
     * 6th", "the night of 7/10", "npn of 3/5".
     */
    private static final Words DAY_BEFORE_OF = Words.of("MORNING", "EVENING", "NIGHT", "AFTERNOON", "DAY", "WEEK", "WEEKEND",
        "OVERNIGHT", "NOON", "EVE", "AM", "PM", "NOTE", "NOTES", "NPN", "ENTRY");

    /** Whether token {@code ofTok} (OF, or THE after OF) follows a part of the day: "the evening of the 6th", "night of 7/10". */
    private static boolean partOfDayOf(Scan s, int ofTok) {
        int o = s.is(ofTok, "THE") ? s.prevWord(ofTok, 0) : ofTok;
        if (o < 0 || !s.is(o, "OF") || s.tk.nlBefore[o]) {
            return false;
        }
        int w = s.prevWord(o, 0);
        return w >= 0 && s.isAny(w, DAY_BEFORE_OF);
    }

    /** People whose number alone, closed by punctuation, is their age ("mom (96) fell", "pt 91, baseline"). */
    private static final Words AGED_PEOPLE = Words.of("PT", "PATIENT", "MOM", "MOTHER", "DAD", "FATHER", "HUSBAND", "WIFE",
        "GRANDMOTHER", "GRANDFATHER", "GRANDMA", "GRANDPA", "AUNT", "UNCLE", "SPOUSE", "HUSB", "SIS", "SISTER", "BROTHER",
        "BRO", "ABUELA", "ABUELO", "ABUELITA", "ABUELITO", "NANA", "GRANNY", "MAMAW", "PAPAW", "MEEMAW");
    /** What a relative does right after their age ("ABUELA 93 CAME W/ HER PASTOR", "MOM 91 LIVES ALONE"). */
    private static final Words RELATIVE_DOES = Words.of("CAME", "COMES", "LIVES", "LIVED", "VISITED", "VISITS", "CALLED",
        "CALLS", "IS", "WAS", "HAS", "STILL", "ALSO", "DIED", "PASSED", "DRIVES", "DROVE", "STAYS", "STAYED");

    /** Verbs that a day of the month follows with "the": "hopes to arrive the 5th", "admitted the 2nd". */
    private static final Words DAY_VERB = Words.of("ARRIVE", "ARRIVES", "ARRIVED", "ARRIVING", "ADMITTED", "DISCHARGED",
        "RETURN", "RETURNS", "RETURNED", "RETURNING", "LEAVE", "LEAVES", "LEAVING", "FLY", "FLIES", "FLYING", "FLEW",
        "COMING", "COMES", "SEEN", "SCHEDULED", "EXPECTED", "DUE", "BORN", "DIED", "STARTED", "STARTS", "STOPPED",
        "ENDS", "ENDED", "BEGINS", "BEGAN", "TRANSFERRED", "DELIVERED", "PASSED", "VISITING", "VISITED", "PLANNED",
        "BOOKED", "MOVING", "HOME", "BACK",
        // "appt the 28th", "family meeting the 3rd"
        "APPT", "APPOINTMENT", "VISIT", "SURGERY", "CONSULT", "FOLLOWUP", "MEETING", "MTG",
        // "next VAD clinic the 6th", "I&D x3 (latest the 4th)"
        "CLINIC", "LATEST");

    /**
     * "HOSPITAL  THE 4TH 0130  MARIA": a four-digit clock time right after the day, THE standing as a note header's
     * field (at the line's start or after a column gap); not "the 2nd 1000 ML bolus".
     */
    private static boolean clockAfter(Scan s, int t) {
        Tokens tk = s.tk;
        int nx = t + 1;
        int the = t - 1;
        return nx < tk.n && !tk.nlBefore[nx] && tk.clockTime(nx) && tk.spaceOnly(t, nx)
                && the >= 0 && s.is(the, "THE") && headerPosition(s, the)
                && !(nx + 1 < tk.n && !tk.nlBefore[nx + 1] && s.isAny(nx + 1, "ML", "CC", "L", "LAB", "LABS"));
    }

    /** A bare year with date context: "in 2019", "since 2015", "(2019)", "in '19". */
    private static int year(Scan s, int t) {
        Tokens tk = s.tk;
        if (!s.cfg.yearsAlone()) {
            return -1;
        }
        if (tk.len(t) == 2 && apostropheYear(s, t - 1)) {
            // a year alone is no Safe Harbor date element (the evaluator ignores YEAR labels); reported like "in 2019"
            if (s.before(t, 1, YEAR_BEFORE) || bornIn(s, t - 1)) {
                s.addTokens(PhiType.DATE, t - 1, t, "date.year", 0.5);
                return t + 1;
            }
            return -1;
        }
        if (tk.len(t) != 4 || !year(tk.intValue(t))) {
            return -1;
        }
        if (t + 1 < tk.n && tk.adjacent(t, t + 1) && !tk.isPunct(t + 1, ')') && !tk.isPunct(t + 1, ',')
                && !tk.isPunct(t + 1, '.') && !tk.isPunct(t + 1, ';')) {
            return -1;
        }
        if (t > 0 && tk.adjacent(t - 1, t) && !tk.isPunct(t - 1, '(')) {
            return -1;
        }
        boolean ctx = s.before(t, 1, YEAR_BEFORE) || tk.isPunct(t - 1, '(') && tk.isPunct(t + 1, ')')
                || bornIn(s, t);
        if (!ctx || clockAfterPreposition(s, t)) {
            return -1;
        }
        s.addTokens(PhiType.DATE, t, t, "date.year", 0.5);
        return t + 1;
    }

    /**
     * "Born 1929", "DOB: 1929", "year of birth 1929", "b. 1929": a year of birth, a date element Safe Harbor keeps
     * only for ages up to 89 ("birth year 1929", "born in 1929" have YEAR_BEFORE's words).
     */
    private static boolean bornIn(Scan s, int t) {
        Tokens tk = s.tk;
        if (s.before(t, 1, BIRTH_WORDS)) {
            return true;
        }
        int b = t - 2;
        return b >= 0 && tk.isPunct(t - 1, '.') && tk.adjacent(b, t - 1) && tk.len(b) == 1 && s.is(b, "B")
                && !tk.nlBefore[t];
    }

    private static final Words CLOCK_PREPOSITIONS = Words.of("UNTIL", "TILL", "TIL", "BY", "AROUND");

    /**
     * "in until 2000", "visited till 2130", "back by 2000", "from 1900 to 2100": after until/till/by/around, or as a
     * from-to range, a number that is also a clock time on the five minutes (hh < 24, mm < 60, mm % 5 == 0) is a time
     * in notes; "lived there until 2016" stays a year (a year alone is no Safe Harbor date element either way).
     */
    private static boolean clockAfterPreposition(Scan s, int t) {
        if (!clock5(s, t)) {
            return false;
        }
        if (s.before(t, 1, CLOCK_PREPOSITIONS)) {
            return true;
        }
        if (s.before(t, 1, "SINCE")) {
            // "output 40-60cc/hr since 2000", "on 4L since 2100": a rate or a measure right before SINCE says a
            // nursing shift's clock time; "diabetic since 2000", "on insulin since 2005" stay years
            return measureBeforeSince(s, s.prevWord(t, 0));
        }
        if (!s.before(t, 1, "FROM", "BETWEEN")) {
            return false;
        }
        // the other end of the range: "from 1900 to 2100", "between 1900 and 2000", "from 1900-2100"
        Tokens tk = s.tk;
        int nx = t + 1;
        if (nx < tk.n && (tk.isPunct(nx, '-') || s.isAny(nx, "TO", "AND", "UNTIL", "TIL", "TILL"))) {
            return nx + 1 < tk.n && tk.kind[nx + 1] == Tokens.NUM && clock5(s, nx + 1) && !tk.nlBefore[nx + 1];
        }
        return false;
    }

    private static boolean measureBeforeSince(Scan s, int since) {
        Tokens tk = s.tk;
        int p = since - 1;
        if (p < 0 || tk.nlBefore[since]) {
            return false;
        }
        if (tk.isPunct(p, '%')) {
            return true; // "sats 92% since 2000"
        }
        if (tk.kind[p] == Tokens.ALNUM) {
            return Character.isDigit(s.text.charAt(tk.start[p])); // "60cc", "4L", "90S"
        }
        // a unit word ending a measure: "40-60 cc/hr since 2000", "2 mcg/kg/min since 2100"
        return tk.kind[p] == Tokens.WORD && s.isAny(p, RATE_UNIT) && p > 0
                && (tk.isPunct(p - 1, '/') || tk.kind[p - 1] == Tokens.NUM || tk.kind[p - 1] == Tokens.ALNUM);
    }

    private static final Words RATE_UNIT = Words.of("HR", "H", "HOUR", "MIN", "KG", "CC", "ML", "MG", "MCG", "L", "LPM",
        "UNITS", "U", "MMHG", "BPM", "DAY", "SHIFT");

    private static boolean clock5(Scan s, int t) {
        int v = s.tk.intValue(t);
        return s.tk.len(t) == 4 && v / 100 < 24 && v % 100 < 60 && v % 5 == 0;
    }

    private static final Words YEAR_BEFORE = Words.of("IN", "SINCE", "DURING", "UNTIL", "CIRCA", "YEAR", "BY", "BEFORE",
        "AFTER", "AROUND", "FROM", "THRU", "THROUGH", "OF", "SPRING", "SUMMER", "FALL", "WINTER", "AUTUMN", "DX",
        "DIAGNOSED", "EARLY", "LATE", "MID");

    /**
     * "DOB 113044", "DOB: 11301944", "born 19441130": a date of birth written without separators right after its
     * label (mmddyy, mmddyyyy or yyyymmdd); elsewhere six or eight digits are ids or counts.
     */
    private static int birthDigits(Scan s, int t) {
        Tokens tk = s.tk;
        int len = tk.len(t);
        if (len != 6 && len != 8 || tk.nlBefore[t] || !s.before(t, 1, BIRTH_WORDS)
                || t + 1 < tk.n && tk.adjacent(t, t + 1) && !tk.isPunct(t + 1, ',') && !tk.isPunct(t + 1, '.')
                && !tk.isPunct(t + 1, ';') && !tk.isPunct(t + 1, ')')) {
            return -1;
        }
        int v = tk.intValue(t);
        boolean mdy = month(v / (len == 6 ? 10000 : 1000000)) && day(v / (len == 6 ? 100 : 10000) % 100)
                && (len == 6 || year(v % 10000));
        boolean ymd = len == 8 && year(v / 10000) && month(v / 100 % 100) && day(v % 100);
        if (!mdy && !ymd) {
            return -1;
        }
        s.addTokens(PhiType.DATE, t, t, "date.birth-digits", 0.85);
        return t + 1;
    }

    // ---- ages over 89
    private static final Words AGE_AFTER = Words.of("YO", "YOM", "YOF", "YOW", "YR", "YRS", "YEAR", "YEARS", "Y",
        "YEAROLD", "YOA", "YOWF", "YOWM", "YOBF", "YOBM");

    private static final Words PAST_VERBS = Words.of("WOULD", "STILL", "LIVED", "DROVE", "WORKED", "WAS", "HAD", "WENT",
            "QUIT", "STOPPED");

    private static final Words AGE_VERBS = Words.of("AGE", "AGED", "IS", "WAS", "TURNED");
    private static final Words AGE_WORDS = Words.of("AGE", "AGED", "AGES", "TURNED", "TURNING");
    private static final Words BIRTH_WORDS = Words.of("DOB", "BORN", "BIRTH", "DOB:");

    private static int age(Scan s, int t) {
        Tokens tk = s.tk;
        if (tk.len(t) != 2 && tk.len(t) != 3) {
            return -1; // (cheap test first: the length before reading the value, 90 to 125)
        }
        int v = tk.intValue(t);
        if (v < 90 || v > 125) {
            return -1;
        }
        if (t > 0 && tk.adjacent(t - 1, t) && !tk.isPunct(t - 1, '(')) {
            return -1;
        }
        int nx = t + 1;
        if (tk.isPunct(nx, '-') && tk.adjacent(t, nx)) {
            nx++;
        }
        // "pt 99 yrs.", "mom 94 years": years right after a person are their age, not a span of time
        boolean personYears = t > 0 && tk.spaceOnly(t - 1, t) && s.isAny(t - 1, AGED_PEOPLE)
                && !s.isAny(s.nextWord(nx, 0), "AGO", "LATER", "EARLIER", "PRIOR", "BEFORE", "AFTER");
        boolean ageWord = nx < tk.n && !tk.nlBefore[nx] && s.isAny(nx, AGE_AFTER)
                && !(s.isAny(nx, "YEAR", "YEARS", "YR", "YRS") && !s.isAny(nx + 1, "OLD", "OF", "-") && !s.isAny(nx + 2, "OLD")
                && !s.before(t, 2, AGE_VERBS) && !personYears);
        boolean slashYo = nx + 2 < tk.n && s.is(nx, "Y") && tk.isPunct(nx + 1, '/') && s.is(nx + 2, "O");
        if (nx + 1 < tk.n && tk.isPunct(nx, '\'') && tk.adjacent(t, nx) && s.is(nx + 1, "S")
                && tk.adjacent(nx, nx + 1) && decadeOfLife(s, t, v)) {
            s.addTokens(PhiType.AGE, t, nx + 1, "age.over89", 0.9); // "in her 90's"
            return nx + 2;
        }
        boolean before = s.before(t, 1, AGE_WORDS);
        // "Pt is 93.", "she is 91,": a person's age, but "HR is 95" is not
        int p = s.prevWord(t, 0);
        if (!before && p >= 0 && s.isAny(p, "IS", "WAS") && (nx >= tk.n || tk.kind[nx] == Tokens.PUNCT
                && !tk.isPunct(nx, '%') && !tk.isPunct(nx, '/') || tk.nlBefore[nx])) {
            int q = s.prevWord(p, 0);
            before = q >= 0 && (s.isAny(q, "PT", "PATIENT", "WHO") || s.isAny(q, KIN));
        }
        // "he will be 91 next month", "at 96 she was sharp": an age one turns, or a time of life before a subject
        if (!before && p >= 0 && (s.is(p, "BE") && s.is(s.prevWord(p, 0), "WILL") && (nx >= tk.n || tk.nlBefore[nx]
                || tk.kind[nx] == Tokens.PUNCT && !tk.isPunct(nx, '%') && !tk.isPunct(nx, '/')
                || s.isAny(nx, "NEXT", "THIS", "IN", "ON", "SOON"))
                || s.is(p, "AT") && nx < tk.n && !tk.nlBefore[nx] && s.isAny(nx, "HE", "SHE", "I")
                && s.isAny(nx + 1, PAST_VERBS)
                && !measuredBefore(s, p))) {
            int q = s.prevWord(p, 0);
            before = s.is(p, "AT") || q >= 0 && s.isAny(s.prevWord(q, 0), KIN) || s.isAny(s.prevWord(q, 0), "WHO");
        }
        boolean paren = t > 0 && tk.isPunct(t - 1, '(');
        // "DOB 3/14/1931 (94)": the age in parentheses after a date of birth
        if (!before && paren && t >= 4 && tk.isPunct(t + 1, ')') && tk.kind[t - 2] == Tokens.NUM && tk.len(t - 2) == 4
                && tk.isPunct(t - 3, '/') && tk.adjacent(t - 3, t - 2) && s.before(t - 2, 6, BIRTH_WORDS)) {
            before = true;
        }
        int person = paren ? s.prevWord(t, 1) : p;
        if (!before && person >= 0 && person == t - (paren ? 2 : 1) && !tk.nlBefore[t] && tk.kind[person] == Tokens.WORD
                && s.isAny(person, AGED_PEOPLE)) {
            // "mom (96) fell", "pt 91, baseline", "wife (91, macular degeneration)": a person's number alone, closed
            // by punctuation, is their age; so is a relative's before what they did ("ABUELA 93 CAME W/ HER PASTOR")
            before = paren ? (tk.isPunct(nx, ')') || tk.isPunct(nx, ',') && !s.isAny(person, "PT", "PATIENT"))
                    && tk.adjacent(t, nx) // (not "PT (101, INR 9.8)": a prothrombin time)
                    : nx < tk.n && !tk.nlBefore[nx] && (tk.isPunct(nx, ',') || tk.isPunct(nx, ';'))
                    && !(s.is(person, "PT") && s.isAny(s.nextWord(nx, 1), "INR", "PTT", "APTT")) // "PT 100, INR 9"
                    || !s.isAny(person, "PT", "PATIENT") && nx < tk.n && !tk.nlBefore[nx] && tk.spaceOnly(t, nx)
                    && s.isAny(nx, RELATIVE_DOES);
        }
        boolean sexAfter = nx < tk.n && tk.adjacent(t, nx) && s.isAny(nx, "M", "F")
                || nx < tk.n && tk.spaceOnly(t, nx) && s.isAny(nx, "M", "F", "MALE", "FEMALE", "MAN", "WOMAN", "GENTLEMAN", "LADY");
        if (!ageWord && !slashYo && !before && !sexAfter && !measureAfter(s, t)) {
            // "mother died at 92 of CHF", "MGM d. 96", "lived to 101", "she is 90 and", "sister Hazel, 95, lives"
            before = ageVerbBefore(s, t) || personIsAgeAnd(s, t) || ageBetweenCommas(s, t) || kinNameAge(s, t)
                    || censusAge(s, t);
        }
        if (ageWord || slashYo || before || sexAfter) {
            s.addTokens(PhiType.AGE, t, t, "age.over89", 0.9);
            return t + 1;
        }
        return -1;
    }

    private static final Words MEASURE_WORDS = Words.of("SAT", "SATS", "SPO2", "O2", "HR", "BP", "SBP", "DBP", "MAP",
        "SYSTOLIC", "DIASTOLIC", "GLUCOSE", "BG", "FSBG", "WEIGHT", "WT", "TEMP", "T", "RR", "PULSE", "FIO2", "PEEP",
        "RATE", "LEVEL", "SUGAR", "SATURATION", "SATURATIONS", "SATTING", "KEPT", "MAINTAINED", "GOAL",
        // drips and feeds titrated: "FENTANYL GTT AT 100 HE WAS", "TF AT 90 HE HAD EMESIS"
        "GTT", "DRIP", "TITRATED", "TF", "FEEDS", "PS", "INFUSION", "BOLUS", "WEANED");

    /** A vital sign or measure among the three words before t: "Sats at 91 she was placed on 2L". */
    private static boolean measuredBefore(Scan s, int t) {
        for (int p = s.prevWord(t, 1), k = 0; p >= 0 && k < 3; p = s.prevWord(p, 1), k++) {
            if (s.isAny(p, MEASURE_WORDS)) {
                return true;
            }
        }
        return false;
    }

    /** Relatives named in family histories, beside the relation words of the lexicon. */
    private static final Words KIN = Words.of("MGM", "MGF", "PGM", "PGF", "GM", "GF", "GMA", "GPA", "GRANDMA", "GRANDPA",
        "GRANDMOTHER", "GRANDFATHER", "MOM", "DAD", "MOTHER", "FATHER", "SISTER", "BROTHER", "AUNT", "UNCLE", "SIS",
        "BRO", "HUSBAND", "WIFE", "SPOUSE", "WIDOW", "WIDOWER", "PT", "PATIENT", "HE", "SHE", "NONNO", "NONNA",
        "ABUELA", "ABUELO", "MAMAW", "PAPAW", "GRANNY");
    /** Verbs that give the age a life ended or reached with "at": "died at 92", "alive at 90", "passed away at 97". */
    private static final Words AGE_AT_VERB = Words.of("DIED", "DIES", "PASSED", "EXPIRED", "DECEASED", "ALIVE", "DEATH",
        "DYING");

    private static final Words MEASURE_UNITS = Words.of("BPM", "KGS", "POUNDS", "MMHG", "DEGREES", "DEG", "MPH", "FEET",
            "FT");

    /** A unit, percent, ratio, decimal or range after a number: "at 92%", "to 97 kg", "at 95 bpm"; then no age. */
    private static boolean measureAfter(Scan s, int t) {
        Tokens tk = s.tk;
        int nx = t + 1;
        if (nx >= tk.n || tk.nlBefore[nx]) {
            return false;
        }
        if (tk.kind[nx] == Tokens.PUNCT) {
            boolean glued = tk.adjacent(t, nx);
            boolean numAfter = nx + 1 < tk.n && tk.adjacent(nx, nx + 1) && tk.kind[nx + 1] == Tokens.NUM;
            return glued && (tk.isPunct(nx, '%') || tk.isPunct(nx, '/') || numAfter
                    && (tk.isPunct(nx, '.') || tk.isPunct(nx, ':') || tk.isPunct(nx, '-')));
        }
        return s.isAny(nx, UNIT_AFTER) && !s.isAny(nx, "YEARS") || s.isAny(nx, MEASURE_UNITS);
    }

    /**
     * "died at 92", "died this spring at 96", "passed away at home at 97", "alive at 90 with Parkinson's", "lived to
     * 101", "mother d. 92 CHF": an age verb before the number, in the same clause. A clock time (died at 0300) has four
     * digits and never reaches here; a unit after (lived to 97 kg) is checked by the caller.
     */
    private static boolean ageVerbBefore(Scan s, int t) {
        Tokens tk = s.tk;
        int p = t - 1;
        if (p < 0 || tk.nlBefore[t]) {
            return false;
        }
        if (tk.isPunct(p, '.') && p > 0 && s.is(p - 1, "D") && tk.adjacent(p - 1, p) && !tk.adjacent(p, t)) {
            // "d." for died in a family history: only right after a relative ("mother d. 92", "MGM (d. 96)")
            int r = s.prevWord(p - 1, 1);
            return r >= 0 && r >= p - 3 && (s.isAny(r, KIN) || s.has(r, Lexicon.RELATION));
        }
        if (tk.kind[p] != Tokens.WORD) {
            return false;
        }
        if (s.isAny(p, "TO", "UNTIL", "TILL")) {
            return s.isAny(s.prevWord(p, 0), "LIVED", "LIVES", "LIVE", "LIVING");
        }
        if (s.isAny(p, "TURNS", "TURNED", "TURNING") || s.is(p, "TURN") && s.isAny(s.prevWord(p, 0), "WILL", "TO")) {
            // "turns 94 on Dec 3", "TURNED 90 LAST WEEK", "will turn 101": a birthday, not a turn of 90 degrees
            return !s.isAny(t + 1, "DEG", "DEGREES", "DEGREE", "X", "TIMES");
        }
        if (!s.is(p, "AT")) {
            return false;
        }
        // back from AT over at most five words, none of them punctuation (one clause)
        int q = p - 1;
        for (int k = 0; k < 6 && q >= 0 && !tk.nlBefore[q + 1]; k++, q--) {
            if (tk.kind[q] == Tokens.PUNCT) {
                if (!tk.isPunct(q, '-') && !tk.isPunct(q, '\'')) {
                    return false;
                }
                continue;
            }
            if (tk.kind[q] == Tokens.NUM) {
                return false;
            }
            if (s.isAny(q, AGE_AT_VERB)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A word that may be a person's name before their age: a census line's name word ({@link Names#censusNameWord}:
     * not WEIGHT, TEMP or RATE, nor INTUBATED), and never a measure no list knows (POC, ACCUCHEK).
     */
    private static boolean personsName(Scan s, int w) {
        return !s.isAny(w, MEASURE_WORDS) && !s.isAny(w, "POC", "ACCUCHEK", "ACCUCHECK", "FSBS", "SCORE", "NEEDS",
                "SPIKED", "DOSE") && Names.censusNameWord(s, w);
    }

    private static final Words ROOMS_AND_UNITS = Words.of("BED", "RM", "ROOM", "ICU", "PCU", "MICU", "SICU", "CCU",
            "CVICU", "NICU", "PICU", "TELE", "SDU", "IMU");

    /**
     * "PCU 12 BRAUN 101 - HIP FX", "BED 4 KOVACS 95, SEPSIS": on a bed board a unit or bed and its number, a surname,
     * then the number before a dash or a comma is the patient's age.
     */
    private static boolean censusAge(Scan s, int t) {
        Tokens tk = s.tk;
        int nx = t + 1;
        if (t < 3 || nx >= tk.n || tk.nlBefore[nx] || !(tk.isPunct(nx, '-') && !tk.adjacent(t, nx)
                || tk.isPunct(nx, ',') && tk.adjacent(t, nx))) {
            return false;
        }
        int name = t - 1;
        int bed = t - 2;
        int unit = t - 3;
        return tk.kind[name] == Tokens.WORD && tk.spaceOnly(name, t) && tk.len(name) >= 3 && personsName(s, name)
                && tk.kind[bed] == Tokens.NUM && tk.len(bed) <= 3 && tk.spaceOnly(bed, name)
                && tk.kind[unit] == Tokens.WORD && tk.spaceOnly(unit, bed)
                && s.isAny(unit, ROOMS_AND_UNITS);
    }

    private static final Words UNITS_NOT_AGES = Words.of("PERCENT", "LBS", "LB", "KG", "POUNDS", "MIN", "MINUTES",
            "BPM", "MMHG", "MG", "MG/DL");

    /**
     * "NONNO SALVATORE 91 (PARKINSON'S", "PGM SARAH KING 90 SENT PIE": a relative, their name (one to three words no
     * clinical or function word) and a number right after it, as ALL-CAPS family lines give a relative's age.
     */
    private static boolean kinNameAge(Scan s, int t) {
        Tokens tk = s.tk;
        int u = t - 1;
        int words = 0;
        while (u >= 0 && words < 3 && tk.kind[u] == Tokens.WORD && tk.spaceOnly(u, u + 1) && personsName(s, u)) {
            u--;
            words++;
        }
        if (words == 0 || u < 0 || tk.kind[u] != Tokens.WORD || !tk.spaceOnly(u, u + 1) || !s.isAny(u, KIN)
                || s.isAny(u, "PT", "PATIENT", "HE", "SHE")) {
            return false; // a relative: the patient's own numbers after PT are measures ("PT TEMP 101")
        }
        int nx = t + 1;
        return nx >= tk.n || tk.nlBefore[nx] || tk.isPunct(nx, '(') || tk.isPunct(nx, ',') || tk.isPunct(nx, ';')
                || tk.kind[nx] == Tokens.WORD && tk.spaceOnly(t, nx) && (s.flags(nx) & Lexicon.VERB_CONTEXT) == 0
                && !s.isAny(nx, UNIT_AFTER) && !s.isAny(nx, UNITS_NOT_AGES);
    }

    /** "HE IS 90 AND DOESN'T DRIVE", "she was 93 when she moved": a person, IS/WAS, the number and a conjunction. */
    private static boolean personIsAgeAnd(Scan s, int t) {
        int p = s.prevWord(t, 0);
        int nx = t + 1;
        if (p < 0 || p != t - 1 || !s.isAny(p, "IS", "WAS") || nx >= s.tk.n || s.tk.nlBefore[nx]
                || !s.isAny(nx, "AND", "BUT", "YET", "SO", "WHEN", "NOW", "TODAY")) {
            return false;
        }
        int q = s.prevWord(p, 0);
        return q >= 0 && (s.isAny(q, KIN) || s.isAny(q, AGE_PERSON));
    }

    /**
     * "her sister Hazel, 95, lives in Dover", "His brother, 93, drives": a number between commas right after a relative,
     * or after a given name that a relative opens or that is written like one (capitalised in a mixed-case note).
     */
    private static boolean ageBetweenCommas(Scan s, int t) {
        Tokens tk = s.tk;
        int nx = t + 1;
        if (t < 2 || !tk.isPunct(t - 1, ',') || !tk.adjacent(t - 2, t - 1) || nx >= tk.n || tk.nlBefore[t]
                || !(tk.isPunct(nx, ',') || tk.isPunct(nx, ';') || tk.isPunct(nx, ')')) || !tk.adjacent(t, nx)
                || nx + 1 < tk.n && tk.kind[nx + 1] == Tokens.NUM) {
            return false; // "..., 95, 96, 97" is a list of values
        }
        int p = t - 2;
        if (tk.kind[p] != Tokens.WORD) {
            return false;
        }
        if (s.isAny(p, KIN) && !s.is(p, "PT") || s.has(p, Lexicon.RELATION) && !s.has(p, Lexicon.TITLE)) {
            return true;
        }
        int r = s.prevWord(p, 0);
        if (r >= 0 && !tk.nlBefore[p] && (s.isAny(r, KIN) || s.has(r, Lexicon.RELATION))
                && s.has(p, Lexicon.FIRST_NAME | Lexicon.SURNAME)) {
            return true; // "sister Hazel, 95,", "BROTHER WALT, 93,"
        }
        return !tk.upperDoc && tk.capitalized(p) && !tk.sentenceStart(p) && s.has(p, Lexicon.FIRST_NAME)
                && !s.has(p, Lexicon.CLINICAL) && r >= 0 && (tk.kind[r] == Tokens.WORD && tk.lowerInitial(r));
    }

    private static final Words TEMPERATURE_BEFORE = Words.of("T", "TEMP", "TEMPS", "TMAX", "TM", "MAX", "FEVER", "FEBRILE",
        "SPIKED", "SPIKE", "SPIKING", "TO", "OF", "ORAL", "RECTAL", "AXILLARY", "CORE", "TYMPANIC", "BT");

    private static int ageAlnum(Scan s, int t) {
        Tokens tk = s.tk;
        int i = tk.start[t];
        int v = 0;
        int d = 0;
        while (i < tk.end[t] && Character.isDigit(s.text.charAt(i)) && d < 4) {
            v = v * 10 + s.text.charAt(i) - '0';
            i++;
            d++;
        }
        if (v < 90 || v > 125 || d > 3) {
            return -1;
        }
        String rest = io.phistream.detector.text.lexicon.Fold.word(s.text.subSequence(i, tk.end[t]));
        boolean ordinalBirthday = (rest.equals("TH") || rest.equals("ST") || rest.equals("ND") || rest.equals("RD"))
                && s.isAny(s.nextWord(t, 0), "BIRTHDAY", "BDAY", "BIRTHDAYS");
        // "TMAX 101F", "SPIKED TO 102F": a temperature in Fahrenheit, not a woman's age
        boolean fahrenheit = rest.equals("F") && v <= 108 && s.isAny(s.prevWord(t, 0), TEMPERATURE_BEFORE);
        if (rest.startsWith("YO") || rest.equals("Y") || rest.equals("YR") || rest.equals("YRS")
                || rest.equals("M") || rest.equals("F") && !fahrenheit || rest.equals("YEAROLD") || ordinalBirthday
                || rest.equals("S") && decadeOfLife(s, t, v)) {
            s.add(PhiType.AGE, tk.start[t], rest.equals("S") ? tk.end[t] : i, "age.over89", 0.9); // "90s": all of it
            return t + 1;
        }
        return -1;
    }

    private static final Words POSSESSIVES = Words.of("HIS", "HER", "THEIR");

    /**
     * "in her 90s", "his late 90s", "her mid-90s": a decade after a possessive is a time of life; "HR 90s", "sats in the
     * low 90s" are measures.
     */
    private static boolean decadeOfLife(Scan s, int t, int v) {
        if (v % 10 != 0) {
            return false;
        }
        int p = s.prevWord(t, 1);
        if (p >= 0 && s.isAny(p, "MID", "LATE", "EARLY")) {
            p = s.prevWord(p, 1);
        }
        return p >= 0 && s.isAny(p, POSSESSIVES);
    }

    private static final Words UNITS = Words.of("ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE");
    private static final Words TEENS = Words.of("TEN", "ELEVEN", "TWELVE", "THIRTEEN", "FOURTEEN", "FIFTEEN", "SIXTEEN",
        "SEVENTEEN", "EIGHTEEN", "NINETEEN");
    /** People whose number is their age when it stands alone: "his mother (ninety-one)", "she is ninety-six." */
    private static final Words AGE_PERSON = Words.of("PT", "PATIENT", "HE", "SHE", "MOM", "MOTHER", "DAD", "FATHER",
        "HUSBAND", "WIFE", "GRANDMOTHER", "GRANDFATHER", "GRANDMA", "GRANDPA", "AUNT", "UNCLE", "SPOUSE", "SISTER",
        "BROTHER", "WIDOW", "WIDOWER");
    private static final Words SEX_AFTER = Words.of("F", "M", "MALE", "FEMALE", "MAN", "WOMAN", "GENTLEMAN", "LADY");

    private static final Words DECADE_MODIFIERS = Words.of("HIS", "HER", "THEIR", "MID", "LATE", "EARLY");
    private static final Words AGE_WORD_VERBS = Words.of("AGE", "AGED", "TURNED", "TURNING", "TURNS");

    /**
     * Ages over 89 in words: "ninety-two year old", "ninety-three y/o F", "NINETY YRS", "one hundred and two years of
     * age", "aged ninety-four", "his mother (ninety-one)", "she is ninety-six.", "in her 90s/nineties". The number is
     * an age only with an age word after it, an age verb before it, a sex after it, or alone after a person; "ninety
     * minutes", "ninety years ago" are not. Spelled numbers under 90 never reach here (only NINETY/HUNDRED trigger).
     */
    private static int ageWords(Scan s, int t) {
        Tokens tk = s.tk;
        boolean ninety = s.is(t, "NINETY");
        boolean hundred = s.is(t, "HUNDRED") && s.is(t - 1, "ONE");
        boolean nineties = s.isAny(t, "NINETIES");
        if (!ninety && !hundred && !nineties) {
            return -1;
        }
        if (nineties) {
            if (s.before(t, 2, DECADE_MODIFIERS)) {
                s.addTokens(PhiType.AGE, t, t, "age.over89", 0.8);
                return t + 1;
            }
            return -1;
        }
        int first = hundred ? t - 1 : t;
        int last = t;
        int nx = t + 1;
        if (ninety) {
            int u = tk.isPunct(nx, '-') && tk.adjacent(t, nx) ? nx + 1 : nx;
            if (s.isAny(u, UNITS) && !tk.nlBefore[u]) {
                last = u;
            }
        } else {
            // "one hundred (and) two", "one hundred and twelve", "one hundred twenty-one"
            int u = s.is(nx, "AND") ? nx + 1 : nx;
            if (s.isAny(u, UNITS) || s.isAny(u, TEENS)) {
                last = u;
            } else if (s.is(u, "TWENTY")) {
                last = u;
                int v = tk.isPunct(u + 1, '-') && tk.adjacent(u, u + 1) ? u + 2 : u + 1;
                if (s.isAny(v, UNITS)) {
                    last = v;
                }
            }
        }
        nx = last + 1;
        if (ageWordAfter(s, first, nx) || s.before(first, 1, AGE_WORD_VERBS)
                || ageVerbBefore(s, first) && !measureAfter(s, last)
                || aloneAfterPerson(s, first, nx) || afterIsOrNow(s, first, last) || nx < tk.n && tk.spaceOnly(last, nx) && s.isAny(nx, SEX_AFTER)) {
            s.addTokens(PhiType.AGE, first, last, "age.over89-words", 0.85);
            return last + 1;
        }
        return -1;
    }

    /**
     * "she is ninety-five and sharp", "now ninety-one.": ninety or more in words after IS or NOW is an age whatever
     * follows, unless a measure is named before it or follows it ("HR is ninety", "now ninety minutes", "pressure is
     * ninety over fifty").
     */
    private static boolean afterIsOrNow(Scan s, int first, int last) {
        int p = s.prevWord(first, 0);
        return p >= 0 && !s.tk.nlBefore[first] && s.isAny(p, "IS", "NOW") && !measuredBefore(s, first)
                && !measureAfter(s, last) && !s.isAny(s.nextWord(last, 0), "OVER", "PER", "PERCENT", "SECONDS", "SEC");
    }

    private static final Words AGE_WORD_AFTER_CUES = Words.of("IS", "WAS", "AGE", "AGED", "TURNED", "TURNS", "TURNING");

    /** "year old", "-year-old", "years of age", "yrs", "y/o", "y.o.", "yo", "yof"; not "years ago" or "years later". */
    private static boolean ageWordAfter(Scan s, int first, int nx) {
        Tokens tk = s.tk;
        if (tk.isPunct(nx, '-')) {
            nx++;
        }
        if (nx >= tk.n || tk.nlBefore[nx]) {
            return false;
        }
        if (s.isAny(nx, "YEAR", "YEARS", "YR", "YRS")) {
            // "ninety years old", "ninety-year-old", "ninety years of age", "is ninety years"; not "wife of ninety years"
            int w = s.nextWord(nx, 1);
            return s.is(w, "OLD") || s.is(w, "OF") && s.is(s.nextWord(w, 0), "AGE")
                    || s.isAny(nx, "YR", "YRS") && !s.isAny(w, "AGO", "LATER", "EARLIER", "PRIOR", "BEFORE", "BACK", "AFTER")
                    || s.before(first, 2, AGE_WORD_AFTER_CUES);
        }
        return s.isAny(nx, AGE_AFTER);
    }

    /**
     * A spelled number standing alone after a person: in parentheses ("mother (ninety-one)", "Ruth (ninety-four)"),
     * or after "is/was" closing the clause ("she is ninety-six.").
     */
    private static boolean aloneAfterPerson(Scan s, int first, int nx) {
        Tokens tk = s.tk;
        boolean closes = nx >= tk.n || tk.nlBefore[nx]
                || tk.kind[nx] == Tokens.PUNCT && !tk.isPunct(nx, '%') && !tk.isPunct(nx, '/') && !tk.isPunct(nx, '-');
        if (!closes) {
            return false;
        }
        if (tk.isPunct(first - 1, '(') && tk.isPunct(nx, ')')) {
            int p = first - 2;
            return p >= 0 && !tk.nlBefore[first - 1] && tk.kind[p] == Tokens.WORD && (s.isAny(p, AGE_PERSON)
                    || s.has(p, Lexicon.RELATION) || !tk.upperDoc && tk.capitalized(p)
                    && s.has(p, Lexicon.FIRST_NAME | Lexicon.SURNAME));
        }
        int p = s.prevWord(first, 0);
        if (p >= 0 && s.isAny(p, "IS", "WAS") && !tk.nlBefore[first]) {
            int q = s.prevWord(p, 0);
            return q >= 0 && s.isAny(q, AGE_PERSON);
        }
        // between commas after a relative and their name: "husband orville, ninety, called"; "twin sister Velma,
        // also ninety-two, lives at the same home"
        int c = s.is(p, "ALSO") && p == first - 1 ? p - 1 : first - 1;
        if (tk.isPunct(c, ',') && tk.isPunct(nx, ',') && !tk.nlBefore[first]) {
            // the relative right before the comma, or their name then ("wife dolores,", "twin sister Velma,"): not a
            // vital sign or a verb ("MOTHER HR, NINETY,", "HUSBAND CALLED, NINETY,")
            for (int q = c - 1, words = 0; q >= 0 && words < 3 && !tk.nlBefore[q + 1]; q--) {
                if (tk.kind[q] == Tokens.PUNCT) {
                    return false;
                }
                if (s.has(q, Lexicon.RELATION) || s.isAny(q, AGE_PERSON)) {
                    return true;
                }
                if (words > 0 || s.has(q, Lexicon.CLINICAL | Lexicon.STOP | Lexicon.VERB_CONTEXT)
                        || s.has(q, Lexicon.COMMON) && !s.has(q, Lexicon.NAME_LISTED)) {
                    return false;
                }
                words++;
            }
        }
        return false;
    }

    private static final Words HOLIDAYS = Words.of("INDEPENDENCE", "LABOR", "MEMORIAL", "VETERANS", "MOTHERS",
            "FATHERS", "VALENTINES", "PRESIDENTS", "COLUMBUS", "JUNETEENTH");

    private static int holiday(Scan s, int t) {
        if (s.isAny(t, "CHRISTMAS", "THANKSGIVING", "EASTER", "HALLOWEEN", "XMAS")) {
            if (!s.tk.upperDoc && s.tk.lowerInitial(t)) {
                return -1;
            }
            int end = t;
            if (s.is(t + 1, "EVE") || s.is(t + 1, "DAY")) {
                end = t + 1;
            }
            return holidayTo(s, t, end);
        }
        if (s.is(t, "NEW") && s.is(t + 1, "YEARS") && s.isAny(t + 2, "DAY", "EVE")) {
            return holidayTo(s, t, t + 2);
        }
        if (s.is(t, "FOURTH") && s.is(t + 1, "OF") && s.is(t + 2, "JULY")) {
            return holidayTo(s, t, t + 2); // "ON THE FOURTH OF JULY"
        }
        // "Independence Day", "Labor Day": capitalised in mixed case; not "labor day 2" (a delivery's course)
        if (s.isAny(t, HOLIDAYS) && s.is(t + 1, "DAY") && (s.tk.upperDoc || !s.tk.lowerInitial(t))
                && !(t + 2 < s.tk.n && s.tk.kind[t + 2] == Tokens.NUM && yearAfter(s, t + 1, false) < 0)) {
            return holidayTo(s, t, t + 1);
        }
        return -1;
    }

    /** The holiday t..end with the year written after it ("Christmas Day 1929", "Labor Day, 2019"): one date. */
    private static int holidayTo(Scan s, int t, int end) {
        int y = yearAfter(s, end, false);
        if (y > 0) {
            end = y;
        }
        s.addTokens(PhiType.DATE, t, end, "date.holiday", 0.6);
        return end + 1;
    }
}
