package io.phistream.scoring.drift;

import io.phistream.scoring.bundle.ModelManifest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-feature and score PSI over a sliding window of the last {@code windowSize} observations, against the
 * manifest's reference distributions. Each series keeps a ring of bin indices and bin counts, so an observation
 * costs O(1) and an evaluation O(bins). PSI is evaluated every {@code evaluateEvery} observations once the
 * window is full; a {@link DriftEvent} is emitted whenever a series changes level (stable / minor / major),
 * so an operator sees a shift and its recovery, not one event per record. Thread-safe.
 */
public final class DriftMonitor {

    private final String model;
    private final String version;
    private final int windowSize;
    private final int evaluateEvery;
    private final int[] featureIndex;
    private final List<Series> series = new ArrayList<>();
    private Series score;
    private long observations;

    private static final class Series {
        final String name;
        final ReferenceDistribution reference;
        final int[] ring;
        final long[] counts;
        int filled;
        int next;
        Psi.Level level = Psi.Level.STABLE;
        double psi = Double.NaN;

        Series(String name, ReferenceDistribution reference, int window) {
            this.name = name;
            this.reference = reference;
            this.ring = new int[window];
            this.counts = new long[reference.bins()];
        }

        void add(double x) {
            int bin = reference.bin(x);
            if (filled == ring.length) {
                counts[ring[next]]--;
            } else {
                filled++;
            }
            ring[next] = bin;
            counts[bin]++;
            next = (next + 1) % ring.length;
        }
    }

    /**
     * @param references    reference distributions by feature name and {@code "score"}; features without one are not tracked
     * @param featureNames  the model's features in input order
     * @param windowSize    observations per window
     * @param evaluateEvery evaluate PSI every this many observations (1 = every observation)
     */
    public DriftMonitor(String model, String version, List<String> featureNames,
                        Map<String, ReferenceDistribution> references, int windowSize, int evaluateEvery) {
        if (windowSize < 1 || evaluateEvery < 1) {
            throw new IllegalArgumentException("windowSize and evaluateEvery must be positive");
        }
        this.model = model;
        this.version = version;
        this.windowSize = windowSize;
        this.evaluateEvery = evaluateEvery;
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < featureNames.size(); i++) {
            ReferenceDistribution ref = references.get(featureNames.get(i));
            if (ref != null) {
                idx.add(i);
                series.add(new Series(featureNames.get(i), ref, windowSize));
            }
        }
        this.featureIndex = idx.stream().mapToInt(Integer::intValue).toArray();
        ReferenceDistribution s = references.get(ModelManifest.SCORE_REFERENCE);
        if (s != null) {
            score = new Series(ModelManifest.SCORE_REFERENCE, s, windowSize);
        }
    }

    /** A monitor over every reference distribution in the manifest. */
    public static DriftMonitor forManifest(ModelManifest m, int windowSize, int evaluateEvery) {
        return new DriftMonitor(m.name(), m.version(), m.featureNames(),
                m.reference() == null ? Map.of() : m.reference(), windowSize, evaluateEvery);
    }

    /**
     * Adds one scored observation.
     *
     * @param features the model input row (manifest feature order)
     * @param scoreValue the model's score for the row
     * @return level changes, usually empty
     */
    public synchronized List<DriftEvent> observe(float[] features, double scoreValue, long nowMs) {
        for (int i = 0; i < featureIndex.length; i++) {
            series.get(i).add(features[featureIndex[i]]);
        }
        if (score != null) {
            score.add(scoreValue);
        }
        observations++;
        if (observations < windowSize || observations % evaluateEvery != 0) {
            return List.of();
        }
        List<DriftEvent> events = new ArrayList<>(0);
        for (Series s : series) {
            evaluate(s, nowMs, events);
        }
        if (score != null) {
            evaluate(score, nowMs, events);
        }
        return events;
    }

    private void evaluate(Series s, long nowMs, List<DriftEvent> events) {
        s.psi = Psi.ofCounts(s.reference.proportions(), s.counts);
        Psi.Level now = Psi.Level.of(s.psi);
        if (now != s.level) {
            events.add(new DriftEvent(model, version, s.name, s.psi, now, s.level, s.filled, nowMs));
            s.level = now;
        }
    }

    /** The PSI of each tracked series at the last evaluation (NaN before the first), e.g. for gauges. */
    public synchronized Map<String, Double> currentPsi() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (Series s : series) {
            m.put(s.name, s.psi);
        }
        if (score != null) {
            m.put(score.name, score.psi);
        }
        return Collections.unmodifiableMap(m);
    }

    /** The current level of each tracked series. */
    public synchronized Map<String, Psi.Level> levels() {
        Map<String, Psi.Level> m = new LinkedHashMap<>();
        for (Series s : series) {
            m.put(s.name, s.level);
        }
        if (score != null) {
            m.put(score.name, score.level);
        }
        return Collections.unmodifiableMap(m);
    }
}
