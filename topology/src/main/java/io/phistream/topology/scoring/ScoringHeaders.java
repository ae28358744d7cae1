package io.phistream.topology.scoring;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

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

    static RecordHeaders of(String... namesAndValues) {
        RecordHeaders h = new RecordHeaders();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                h.add(namesAndValues[i], namesAndValues[i + 1].getBytes(StandardCharsets.UTF_8));
            }
        }
        return h;
    }

    /** True unless the batch header says more observations of the same message follow. */
    static boolean lastOfBatch(Headers headers) {
        var h = headers.lastHeader(BATCH);
        if (h == null) {
            return true;
        }
        String v = new String(h.value(), StandardCharsets.UTF_8);
        int slash = v.indexOf('/');
        return slash <= 0 || v.substring(0, slash).equals(v.substring(slash + 1));
    }
}
