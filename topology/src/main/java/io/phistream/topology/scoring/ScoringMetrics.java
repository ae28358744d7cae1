package io.phistream.topology.scoring;

import io.phistream.topology.scoring.ObservationExtractor.Skip;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of what the scoring side did: observations extracted and skipped (by reason), scores (by model and
 * band), incomplete feature sets, alerts (by route and kind), drift level changes. Names, codes and counts only,
 * never a value or a token. A {@link Listener} (e.g. the ops meters) is told of each event.
 */
public final class ScoringMetrics {

    /** Told of each event on a stream thread: must be fast and must not throw. */
    public interface Listener {
        Listener NONE = new Listener() {
        };

        default void observations(String format, int extracted) {
        }

        default void skipped(String format, Skip reason, int count) {
        }

        default void scored(String model, String version, String band, boolean shadow) {
        }

        /**
         * An alert was sent (not suppressed). The patient token is a pseudonym, passed for an operator view of recent
         * alerts (tokens only); it must not become a metric label. {@code atMs} is the Kafka record time of the
         * scored message (real time), not the alert's shifted clinical time.
         */
        default void alert(String route, String band, String kind, String model, double score, String patientToken,
                           long atMs) {
        }

        default void drift(String model, String feature, double psi, String level) {
        }
    }

    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
    private volatile Listener listener = Listener.NONE;

    public void listener(Listener l) {
        listener = l == null ? Listener.NONE : l;
    }

    void observations(String format, int extracted) {
        add("observations." + format, extracted);
        listener.observations(format, extracted);
    }

    void skipped(String format, Map<Skip, Integer> skipped) {
        skipped.forEach((reason, n) -> {
            add("skipped." + format + "." + reason.name(), n);
            listener.skipped(format, reason, n);
        });
    }

    void scored(String model, String version, String band, boolean shadow) {
        add((shadow ? "shadow." : "scores.") + model + "." + band, 1);
        listener.scored(model, version, band, shadow);
    }

    void incomplete(String model) {
        add("incomplete." + model, 1);
    }

    void unchanged(String model) {
        add("unchanged." + model, 1);
    }

    void alert(String route, String band, String kind, String model, double score, String patientToken, long atMs) {
        add("alerts." + route + "." + kind, 1);
        listener.alert(route, band, kind, model, score, patientToken, atMs);
    }

    void drift(String model, String feature, double psi, String level) {
        add("drift." + model + "." + feature + "." + level, 1);
        listener.drift(model, feature, psi, level);
    }

    void corruptState(String store) {
        add("corrupt." + store, 1);
    }

    void purged(int patients) {
        add("purged", patients);
    }

    private void add(String name, long n) {
        if (n != 0) {
            counters.computeIfAbsent(name, k -> new LongAdder()).add(n);
        }
    }

    /** The count under a name such as {@code skipped.hl7v2.UNKNOWN_UNIT} or {@code alerts.ward.escalate}; 0 if none. */
    public long count(String name) {
        LongAdder a = counters.get(name);
        return a == null ? 0 : a.sum();
    }

    /** Every counter, sorted by name. */
    public Map<String, Long> snapshot() {
        Map<String, Long> m = new TreeMap<>();
        counters.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }
}
