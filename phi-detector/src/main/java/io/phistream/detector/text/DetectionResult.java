package io.phistream.detector.text;

import java.util.List;

/**
 * Outcome of analysing one field. When {@link #failedClosed()} the spans are meaningless and the
 * caller must redact the whole field; {@link #reason()} says why without revealing any content.
 */
public record DetectionResult(List<PhiSpan> spans, boolean failedClosed, Reason reason, long nanos,
                              List<String> wordsKept) {
    public enum Reason { NONE, TOO_LARGE, TIME_BUDGET, INTERNAL_ERROR }

    /**
     * @param wordsKept words of the context's names the text keeps as the everyday words they also are ("Son will
     *                  call." for a son named Will), folded, one per occurrence: the residual guards allow that many
     */
    public DetectionResult {
        spans = List.copyOf(spans);
        wordsKept = List.copyOf(wordsKept);
    }

    public DetectionResult(List<PhiSpan> spans, boolean failedClosed, Reason reason, long nanos) {
        this(spans, failedClosed, reason, nanos, List.of());
    }

    static DetectionResult ok(List<PhiSpan> spans, long nanos) {
        return new DetectionResult(spans, false, Reason.NONE, nanos);
    }

    static DetectionResult ok(List<PhiSpan> spans, List<String> wordsKept, long nanos) {
        return new DetectionResult(spans, false, Reason.NONE, nanos, wordsKept);
    }

    static DetectionResult failed(Reason reason, long nanos) {
        return new DetectionResult(List.of(), true, reason, nanos);
    }
}
