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

    public PipelineMetrics() {
        for (Stage s : Stage.values()) {
            received.put(s, new AtomicLong());
            released.put(s, new AtomicLong());
            quarantined.put(s, new AtomicLong());
        }
    }

    void received(Stage stage) {
        received.get(stage).incrementAndGet();
    }

    void released(Stage stage, Map<PhiType, Integer> phiCounts) {
        released.get(stage).incrementAndGet();
        phiCounts.forEach((t, n) -> phiByType.addAndGet(t.ordinal(), n));
    }

    void quarantined(Stage stage, RejectReason reason) {
        quarantined.get(stage).incrementAndGet();
        byReason.incrementAndGet(reason.ordinal());
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
