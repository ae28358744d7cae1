package io.phistream.topology.scoring;

import io.phistream.scoring.bundle.ModelManifest;
import io.phistream.scoring.drift.DriftMonitor;
import io.phistream.scoring.drift.Psi;
import io.phistream.serdes.avro.DriftLevel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One model version's {@link DriftMonitor}, plus the event times of the observations in its window so that an
 * {@code ops.drift} event can say which time span it covers. Shared by all tasks of the instance: drift is a
 * property of the population the instance sees, not of a patient. It lives in memory (aggregates only) and
 * refills after a restart; a transaction that aborts after an observation was counted leaves it counted, which
 * a window of hundreds of scores absorbs. Thread-safe.
 */
final class DriftTracker {

    private final DriftMonitor monitor;
    private final String model;
    private final String version;
    private final long[] times;
    private int next;
    private int filled;

    DriftTracker(ModelManifest manifest, int windowSize, int evaluateEvery) {
        this.monitor = DriftMonitor.forManifest(manifest, windowSize, evaluateEvery);
        this.model = manifest.name();
        this.version = manifest.version();
        this.times = new long[windowSize];
    }

    /**
     * Adds one live score. Level changes to MINOR or MAJOR become events; a return to STABLE is reported to the
     * metrics listener only, since the {@code DriftEvent} contract has no stable level (yet).
     */
    synchronized List<io.phistream.serdes.avro.DriftEvent> observe(float[] row, double score, long timeMs,
                                                                   ScoringMetrics metrics) {
        times[next] = timeMs;
        next = (next + 1) % times.length;
        filled = Math.min(filled + 1, times.length);
        List<io.phistream.scoring.drift.DriftEvent> changes = monitor.observe(row, score, timeMs);
        if (changes.isEmpty()) {
            return List.of();
        }
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (int i = 0; i < filled; i++) {
            start = Math.min(start, times[i]);
            end = Math.max(end, times[i]);
        }
        List<io.phistream.serdes.avro.DriftEvent> out = new ArrayList<>(changes.size());
        for (io.phistream.scoring.drift.DriftEvent e : changes) {
            metrics.drift(model, e.series(), e.psi(), e.level().name().toLowerCase(java.util.Locale.ROOT));
            if (e.level() == Psi.Level.STABLE) {
                continue;
            }
            out.add(io.phistream.serdes.avro.DriftEvent.newBuilder()
                    .setModelName(model)
                    .setModelVersion(version)
                    .setFeature(e.series())
                    .setPsi(e.psi())
                    .setLevel(e.level() == Psi.Level.MAJOR ? DriftLevel.MAJOR : DriftLevel.MINOR)
                    .setWindowStartMs(Instant.ofEpochMilli(start))
                    .setWindowEndMs(Instant.ofEpochMilli(end + 1))
                    .setSampleSize(e.windowSize())
                    .build());
        }
        return out;
    }

    synchronized Map<String, Double> currentPsi() {
        return monitor.currentPsi();
    }

    synchronized Map<String, Psi.Level> levels() {
        return monitor.levels();
    }
}
