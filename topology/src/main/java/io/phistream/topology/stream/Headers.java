package io.phistream.topology.stream;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Header names every output record carries, and the one helper that writes and reads header values (the scoring
 * side's {@link io.phistream.topology.scoring.ScoringHeaders} adds names only). None holds PHI: ids are keyed
 * digests, versions are ours.
 */
public final class Headers {

    public static final String MESSAGE_ID = "phi-stream.message-id";
    public static final String POLICY_VERSION = "phi-stream.policy-version";
    public static final String PIPELINE_VERSION = "phi-stream.pipeline-version";
    public static final String MESSAGE_TYPE = "phi-stream.message-type";
    public static final String REASON = "phi-stream.reason";
    /** On a RESIDUAL_PHI quarantine: the type of the value found again in the output (NAME, DATE...). */
    public static final String RESIDUAL_TYPE = "phi-stream.residual-type";

    private Headers() {
    }

    /** Record headers from name, value pairs, UTF-8; a pair whose value is null is left out. */
    public static RecordHeaders of(String... namesAndValues) {
        RecordHeaders h = new RecordHeaders();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                h.add(namesAndValues[i], namesAndValues[i + 1].getBytes(StandardCharsets.UTF_8));
            }
        }
        return h;
    }

    /** The last value of a header as UTF-8 text, or null when absent. */
    public static String get(org.apache.kafka.common.header.Headers headers, String name) {
        var h = headers.lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
