package io.phistream.topology.scoring;

/** Headers the scoring side adds to the pipeline's ({@link io.phistream.topology.stream.Headers}). None holds PHI. */
public final class ScoringHeaders {

    /** On alerts: the alert's stable id (a name-based UUID; a replay gives the same id). */
    public static final String ALERT_ID = "phi-stream.alert-id";
    /** On scores and alerts: the model and version, e.g. news2@1.0.0. */
    public static final String MODEL = "phi-stream.model";

    private ScoringHeaders() {
    }
}
