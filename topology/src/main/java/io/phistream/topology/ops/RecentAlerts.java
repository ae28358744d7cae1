package io.phistream.topology.ops;

import io.phistream.detector.deid.Tokenizer;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The latest alerts, for /status and the ops page: route, band, score, model and the patient TOKEN — never a
 * name, identifier or value from a message. The token must look like one ({@link Tokenizer#looksLikeToken}),
 * otherwise the alert is refused, so a caller cannot put an MRN or a name on the page by
 * mistake. Thread-safe, bounded.
 */
public final class RecentAlerts {

    /** One alert as shown to operators. */
    public record Alert(Instant at, String route, String band, double score, String model, String patientToken) {
        public Alert {
            PhiStreamMeters.safe(route, "route");
            PhiStreamMeters.safe(band, "band");
            PhiStreamMeters.safe(model, "model");
            if (!Tokenizer.looksLikeToken(patientToken)) {
                throw new IllegalArgumentException("patientToken is not a phi-stream token");
            }
        }
    }

    private final int capacity;
    private final Deque<Alert> alerts = new ArrayDeque<>();

    public RecentAlerts(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1");
        }
        this.capacity = capacity;
    }

    public synchronized void add(Alert alert) {
        alerts.addFirst(alert);
        while (alerts.size() > capacity) {
            alerts.removeLast();
        }
    }

    /** Newest first. */
    public synchronized List<Alert> latest() {
        return new ArrayList<>(alerts);
    }
}
