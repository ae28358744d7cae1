package io.phistream.topology.scoring;

import io.phistream.topology.stream.Headers;

/** Headers the scoring side adds to the pipeline's ({@link io.phistream.topology.stream.Headers}). None holds PHI. */
public final class ScoringHeaders {

    /**
     * On observations: "i/n", the i-th of the n observations read from one message. Scoring waits for the n-th, so
     * a vital-signs set is scored once as a whole. Absent (a producer other than phi-stream): each record is its
     * own set.
     */
    public static final String BATCH = "phi-stream.observation-batch";
    /** On alerts: the alert's stable id (a name-based UUID; a replay gives the same id). */
    public static final String ALERT_ID = "phi-stream.alert-id";
    /** On scores and alerts: the model and version, e.g. news2@1.0.0. */
    public static final String MODEL = "phi-stream.model";

    private ScoringHeaders() {
    }

    /** True unless the batch header says more observations of the same message follow. */
    static boolean lastOfBatch(org.apache.kafka.common.header.Headers headers) {
        String v = Headers.get(headers, BATCH);
        if (v == null) {
            return true;
        }
        int slash = v.indexOf('/');
        return slash <= 0 || v.substring(0, slash).equals(v.substring(slash + 1));
    }
}
