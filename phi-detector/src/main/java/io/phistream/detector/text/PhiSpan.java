package io.phistream.detector.text;

import io.phistream.detector.PhiType;

/**
 * One detected identifier: Safe Harbor type, char offsets into the analysed text (end exclusive),
 * the rule that fired (for evaluation and audit; never the value) and a confidence in [0, 1].
 */
public record PhiSpan(PhiType type, int start, int end, String rule, double confidence) {
    public PhiSpan {
        if (type == null || rule == null) {
            throw new IllegalArgumentException("type and rule are required");
        }
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span offsets");
        }
    }

    public int length() {
        return end - start;
    }

    public boolean overlaps(int s, int e) {
        return start < e && s < end;
    }
}
