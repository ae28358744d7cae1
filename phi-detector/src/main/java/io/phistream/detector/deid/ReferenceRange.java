package io.phistream.detector.deid;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a reference-range slot (HL7 OBX-7, FHIR {@code Observation.referenceRange.text}) may keep: a range of numbers
 * ("3.5-5.0", "70 - 99 mg/dL", "150,000-400,000", "-2 to +2"), a bound ("&lt;200", "&gt;= 60 mL/min/1.73m2") or a
 * qualitative normal ("Negative", "Not detected"). Anything else is removed: a person may write there, and free-text
 * scrubbing would read small ranges as dates ("1-3", "12-18"). Hand-written because no library reads lab reference
 * ranges; units are accepted only from a short list or in UCUM's power-of-ten shapes, so no word passes as one.
 */
public final class ReferenceRange {

    private static final int MAX_LENGTH = 60;
    private static final String NUMBER = "[+-]?(?:\\d{1,3}(?:,\\d{3})+|\\d{1,6})(?:\\.\\d{1,4})?";
    /** A bound needs its sign: a bare number ("123456") may be anyone's. */
    private static final Pattern BOUND = Pattern.compile("(?:<=|>=|<|>|\u2264|\u2265)\\s*" + NUMBER);
    private static final Pattern SPAN = Pattern.compile("(" + NUMBER + ")\\s*(?:-|\u2013|to|TO)\\s*(" + NUMBER + ")");
    /** Three digits, a hyphen, four digits: a phone's exchange and line ("555-0142"), not a range. */
    private static final Pattern PHONE_SHAPED = Pattern.compile("\\d{3}-\\d{4}");
    private static final Pattern POWER_OF_TEN = Pattern.compile("(?:x|\\*)?10[\\^*eE]\\d{1,2}", Pattern.CASE_INSENSITIVE);
    private static final Pattern BODY_AREA = Pattern.compile("\\d(?:\\.\\d{1,2})?m2");
    private static final Set<String> UNIT_WORDS = Set.of("g", "mg", "ug", "mcg", "ng", "pg", "kg", "l", "ml", "dl", "ul",
            "fl", "mol", "mmol", "umol", "nmol", "pmol", "meq", "mosm", "u", "iu", "miu", "mu", "ku", "kat", "sec", "s",
            "min", "h", "hr", "hrs", "d", "mm", "cm", "um", "mmhg", "mm[hg]", "cmh2o", "kpa", "bpm", "cells", "copies",
            "ratio", "index", "%", "k", "x", "m", "g/dl", "kg/m2", "mu/l", "ph", "[ph]", "{ratio}", "{cells}", "{copies}",
            "ehrlich", "titer", "hpf", "lpf");
    private static final Set<String> QUALITATIVE = Set.of("negative", "neg", "normal", "nonreactive", "non-reactive",
            "non reactive", "not detected", "none detected", "none seen", "absent", "none", "nr", "wnl",
            "within normal limits");

    private ReferenceRange() {
    }

    /** Whether the value reads as a reference range, a bound or a qualitative normal, and nothing more. */
    public static boolean isRange(String value) {
        if (value == null) {
            return false;
        }
        String v = value.strip();
        if (v.isEmpty() || v.length() > MAX_LENGTH) {
            return false;
        }
        if (QUALITATIVE.contains(v.toLowerCase(Locale.ROOT).replaceAll("\\s+", " "))) {
            return true;
        }
        int lastBlank = v.lastIndexOf(' ');
        if (lastBlank > 0 && isUnit(v.substring(lastBlank + 1))) {
            v = v.substring(0, lastBlank).strip(); // "70 - 99 mg/dL"
        }
        if (BOUND.matcher(v).matches()) {
            return true;
        }
        Matcher m = SPAN.matcher(v);
        // low before high: "10-3" is a day and a month, not a range
        return m.matches() && !PHONE_SHAPED.matcher(v).matches() && number(m.group(1)) <= number(m.group(2));
    }

    private static double number(String s) {
        return Double.parseDouble(s.replace(",", ""));
    }

    /** A unit: parts joined by '/', each a listed unit word or a power of ten ("x10^3/uL", "mL/min/1.73m2"). */
    static boolean isUnit(String token) {
        if (token.isEmpty() || token.length() > 20) {
            return false;
        }
        for (String part : token.split("/", -1)) {
            String p = part.toLowerCase(Locale.ROOT);
            if (!UNIT_WORDS.contains(p) && !POWER_OF_TEN.matcher(part).matches() && !BODY_AREA.matcher(p).matches()) {
                return false;
            }
        }
        return true;
    }
}
