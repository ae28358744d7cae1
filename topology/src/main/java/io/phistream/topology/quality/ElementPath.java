package io.phistream.topology.quality;

import io.phistream.detector.er7.Delimiters;
import io.phistream.detector.er7.Er7;
import io.phistream.detector.er7.Er7Segment;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An element of an HL7 v2 segment as rules files name it: {@code PID}, {@code PID-3}, {@code PID-3.1} or
 * {@code PID-3.4.1} (segment, field, component, sub-component; all 1-based, MSH numbered as HL7 numbers it).
 */
public record ElementPath(String segment, int field, int component, int subcomponent) {

    private static final Pattern SYNTAX = Pattern.compile("([A-Z][A-Z0-9]{2})(?:-(\\d{1,3})(?:\\.(\\d{1,3})(?:\\.(\\d{1,3}))?)?)?");

    /** Parses a path; null when it is not one. */
    public static ElementPath parse(String s) {
        Matcher m = SYNTAX.matcher(s == null ? "" : s);
        if (!m.matches()) {
            return null;
        }
        int field = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        int comp = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
        int sub = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
        if ((m.group(2) != null && field < 1) || comp < 1 || sub < 1) {
            return null;
        }
        if (m.group(1).equals("MSH") && field > 0 && field <= 2) {
            return null; // MSH-1/MSH-2 are the encoding characters, not data
        }
        return new ElementPath(m.group(1), field, comp, sub);
    }

    /** The path as one number, for the per-segment value cache. */
    long key() {
        return ((long) field << 32) | ((long) component << 16) | subcomponent;
    }

    /** True when the path names a whole segment (its presence). */
    public boolean segmentOnly() {
        return field == 0;
    }

    /** The leaf of repetition {@code rep} of this element in a segment: unescaped and stripped; empty when absent. */
    String value(Er7Segment seg, Delimiters d, int rep) {
        String raw = seg.field(field);
        if (raw.isEmpty()) {
            return "";
        }
        String r = rep == 1 && raw.indexOf(d.repetition()) < 0 ? raw : Er7.part(raw, d.repetition(), rep);
        String leaf = Er7.part(Er7.part(r, d.component(), component), d.subcomponent(), subcomponent);
        if (leaf.isEmpty()) {
            return leaf;
        }
        if (d.escape() != '\0' && leaf.indexOf(d.escape()) >= 0) {
            leaf = Er7.unescape(leaf, d);
        }
        return leaf.strip();
    }

    /** How many repetitions the field has (1 for an empty or absent field). */
    static int repetitions(Er7Segment seg, int field, Delimiters d) {
        String raw = seg.field(field);
        int n = 1;
        char sep = d.repetition();
        for (int i = raw.indexOf(sep); i >= 0; i = raw.indexOf(sep, i + 1)) {
            n++;
        }
        return n;
    }

    @Override
    public String toString() {
        if (field == 0) {
            return segment;
        }
        return segment + "-" + field + "." + component + (subcomponent > 1 ? "." + subcomponent : "");
    }
}
