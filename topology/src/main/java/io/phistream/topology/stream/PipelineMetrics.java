package io.phistream.topology.stream;

import io.phistream.detector.PhiType;
import io.phistream.detector.RejectReason;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counters of what the pipeline did, by stage, PHI type and reject reason: never values. The demo's status
 * line reads them; the operations issue exports them to Prometheus.
 */
public final class PipelineMetrics {

    public enum Stage { HL7, FHIR }

    private final Map<Stage, AtomicLong> received = new EnumMap<>(Stage.class);
    private final Map<Stage, AtomicLong> released = new EnumMap<>(Stage.class);
    private final Map<Stage, AtomicLong> quarantined = new EnumMap<>(Stage.class);
    private final AtomicLongArray phiByType = new AtomicLongArray(PhiType.values().length);
    private final AtomicLongArray byReason = new AtomicLongArray(RejectReason.values().length);
    private volatile Listener listener = Listener.NONE;

    /**
     * Told of every event as it is counted (ops exports them to Prometheus with latencies). Called on stream
     * threads: must be fast and must not throw. Event times are epoch milliseconds, or -1 when unknown.
     */
    public interface Listener {
        Listener NONE = new Listener() {
        };

        default void received(Stage stage) {
        }

        default void released(Stage stage, Map<PhiType, Integer> phiCounts, long eventTimeMs) {
        }

        default void quarantined(Stage stage, RejectReason reason, long eventTimeMs) {
        }
    }

    public PipelineMetrics() {
        for (Stage s : Stage.values()) {
            received.put(s, new AtomicLong());
            released.put(s, new AtomicLong());
            quarantined.put(s, new AtomicLong());
        }
    }

    /** Replaces the listener (one at a time); null removes it. */
    public void listener(Listener l) {
        listener = l == null ? Listener.NONE : l;
    }

    void received(Stage stage) {
        received.get(stage).incrementAndGet();
        listener.received(stage);
    }

    void released(Stage stage, Map<PhiType, Integer> phiCounts) {
        released(stage, phiCounts, -1);
    }

    /** @param eventTimeMs the input record's timestamp, for the end-to-end latency; -1 if unknown */
    void released(Stage stage, Map<PhiType, Integer> phiCounts, long eventTimeMs) {
        released.get(stage).incrementAndGet();
        phiCounts.forEach((t, n) -> phiByType.addAndGet(t.ordinal(), n));
        listener.released(stage, phiCounts, eventTimeMs);
    }

    void quarantined(Stage stage, RejectReason reason) {
        quarantined(stage, reason, -1);
    }

    /**
     * An input the data-quality gate quarantined before the de-identifier saw it: received and quarantined, so that
     * the records counters and the status page account for every input (duplicates the gate drops are counted apart).
     */
    public void gateQuarantined(String format, RejectReason reason, long eventTimeMs) {
        Stage stage = "fhir".equals(format) ? Stage.FHIR : Stage.HL7;
        received(stage);
        quarantined(stage, reason, eventTimeMs);
    }

    /** @param eventTimeMs the input record's timestamp, for the end-to-end latency; -1 if unknown */
    void quarantined(Stage stage, RejectReason reason, long eventTimeMs) {
        quarantined.get(stage).incrementAndGet();
        byReason.incrementAndGet(reason.ordinal());
        listener.quarantined(stage, reason, eventTimeMs);
    }

    public long received() {
        return received.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public long released() {
        return released.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public long quarantined() {
        return quarantined.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public Map<PhiType, Long> phiByType() {
        Map<PhiType, Long> m = new EnumMap<>(PhiType.class);
        for (PhiType t : PhiType.values()) {
            long n = phiByType.get(t.ordinal());
            if (n > 0) {
                m.put(t, n);
            }
        }
        return m;
    }

    public Map<RejectReason, Long> quarantinedByReason() {
        Map<RejectReason, Long> m = new EnumMap<>(RejectReason.class);
        for (RejectReason r : RejectReason.values()) {
            long n = byReason.get(r.ordinal());
            if (n > 0) {
                m.put(r, n);
            }
        }
        return m;
    }
}
