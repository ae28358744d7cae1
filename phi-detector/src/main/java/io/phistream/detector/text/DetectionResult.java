package io.phistream.detector.text;

import java.util.List;

/**
 * Outcome of analysing one field. When {@link #failedClosed()} the spans are meaningless and the
 * caller must redact the whole field; {@link #reason()} says why without revealing any content.
 */
public record DetectionResult(List<PhiSpan> spans, boolean failedClosed, Reason reason, long nanos) {
    public enum Reason { NONE, TOO_LARGE, TIME_BUDGET, INTERNAL_ERROR }

    public DetectionResult {
        spans = List.copyOf(spans);
    }

    static DetectionResult ok(List<PhiSpan> spans, long nanos) {
        return new DetectionResult(spans, false, Reason.NONE, nanos);
    }

    static DetectionResult failed(Reason reason, long nanos) {
        return new DetectionResult(List.of(), true, reason, nanos);
    }
}
