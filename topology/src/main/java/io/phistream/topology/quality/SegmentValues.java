package io.phistream.topology.quality;

import io.phistream.detector.er7.Delimiters;
import io.phistream.detector.er7.Er7Segment;

/**
 * The first-repetition values of one segment that its rules read, each read once: the rules of an OBX segment
 * look at OBX-2, OBX-3.1, OBX-3.3 and OBX-5 again and again. One instance serves one message on one thread.
 */
final class SegmentValues {

    private static final int SIZE = 16;

    private final long[] keys = new long[SIZE];
    private final String[] values = new String[SIZE];
    private int n;
    private Er7Segment segment;
    private Delimiters delimiters;

    SegmentValues(Delimiters delimiters) {
        this.delimiters = delimiters;
    }

    /** Switches to another segment (null: the segment is absent, every value is empty). */
    SegmentValues of(Er7Segment seg) {
        if (seg != segment) {
            segment = seg;
            n = 0;
        }
        return this;
    }

    Er7Segment segment() {
        return segment;
    }

    Delimiters delimiters() {
        return delimiters;
    }

    /** Repetition 1 of the element, unescaped and stripped; empty when absent. */
    String first(ElementPath p) {
        if (segment == null) {
            return "";
        }
        long k = p.key();
        for (int i = 0; i < n; i++) {
            if (keys[i] == k) {
                return values[i];
            }
        }
        String v = p.value(segment, delimiters, 1);
        if (n < SIZE) {
            keys[n] = k;
            values[n++] = v;
        }
        return v;
    }

    /** Repetition {@code rep} (1-based) of the element. */
    String value(ElementPath p, int rep) {
        return rep == 1 ? first(p) : p.value(segment, delimiters, rep);
    }
}
