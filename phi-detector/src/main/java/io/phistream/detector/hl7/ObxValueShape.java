package io.phistream.detector.hl7;

import io.phistream.detector.er7.Delimiters;
import io.phistream.detector.er7.Er7;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether an OBX-5 value kept by its value type (OBX-2) has that type's shape. A policy keeps a number, a time or a
 * table code as written because such a value cannot name anyone; a sender who writes "Daughter Rosalind Vexley
 * 508-555-0177" into an NM value breaks that premise, and the value must go (a user walkthrough). Hand-written: HAPI's
 * own datatype checks would need the whole message parsed as a model, which the lean path avoids.
 */
final class ObxValueShape {
    /**
     * HL7 NM: an optional sign, digits and one decimal point, spaces around tolerated; and what senders write there
     * though NM does not allow it but that names no one: a comparator ("<5", ">= 60") and thousands ("1,200").
     */
    private static final Pattern NM = Pattern.compile(
            " *(?:[<>]=? *)?[+-]?(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d*)?|\\d+(?:\\.\\d*)?|\\.\\d+) *");
    /** HL7 TM: HH[MM[SS[.S[S[S[S]]]]]][+/-ZZZZ]. */
    private static final Pattern TM = Pattern.compile("\\d{2}(\\d{2}(\\d{2}(\\.\\d{1,4})?)?)?([+-]\\d{4})?");
    /** A table value (ID, IS): a short code without spaces ("POS", "N", "A", "F"). */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.+/-]{0,19}");
    /** A unit code, with its text and system as sub-components, and no spaces. */
    private static final Pattern UNIT = Pattern.compile("[^ ]{0,60}");
    private static final Set<String> COMPARATORS = Set.of("", ">", "<", ">=", "<=", "=", "<>");
    private static final Set<String> SEPARATORS = Set.of("", "-", "+", "/", ".", ":");

    private ObxValueShape() {
    }

    /** Whether every repetition of {@code raw} fits value type {@code type}; a type without a shape here always fits. */
    static boolean fits(String type, String raw, Delimiters d) {
        for (String rep : raw.indexOf(d.repetition()) < 0 ? List.of(raw) : Er7.split(raw, d.repetition())) {
            if (!rep.isEmpty() && !repetitionFits(type, rep, d)) {
                return false;
            }
        }
        return true;
    }

    private static boolean repetitionFits(String type, String rep, Delimiters d) {
        char c = d.component();
        switch (type) {
            case "NM":
                return NM.matcher(rep).matches();
            case "TM":
                return TM.matcher(rep).matches();
            case "ID":
            case "IS":
                return CODE.matcher(rep).matches();
            case "NA": {
                for (String n : Er7.split(rep, c)) {
                    if (!n.isEmpty() && !NM.matcher(n).matches()) {
                        return false;
                    }
                }
                return true;
            }
            case "CQ": {
                // a quantity and its unit ("5^mg", "5^mg&milligram&UCUM"): the unit is a code, without spaces
                List<String> p = Er7.split(rep, c);
                return p.size() <= 2 && NM.matcher(p.get(0)).matches()
                        && (p.size() < 2 || UNIT.matcher(p.get(1)).matches());
            }
            case "SN": {
                List<String> p = Er7.split(rep, c);
                return p.size() <= 4 && COMPARATORS.contains(p.get(0).strip())
                        && (p.size() < 2 || p.get(1).isEmpty() || NM.matcher(p.get(1)).matches())
                        && (p.size() < 3 || SEPARATORS.contains(p.get(2).strip()))
                        && (p.size() < 4 || p.get(3).isEmpty() || NM.matcher(p.get(3)).matches());
            }
            default:
                return true;
        }
    }

    /** The coded value types, whose original text (component 9) is what a person wrote, not the code's. */
    static boolean coded(String type) {
        return type.equals("CE") || type.equals("CWE") || type.equals("CNE");
    }
}
