package io.phistream.topology.ops;

import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stopping on SIGTERM inside the pod's termination grace period: first readiness goes to 503 (the pod
 * leaves the Service), then Kafka Streams closes — committing its transactions and flushing its state
 * stores — within what is left of the budget, then the ops server stops. With static membership
 * ({@code group.instance.id}) the closing member does not leave the group, so a restarted pod gets its
 * partitions back without a rebalance if it returns within {@code session.timeout.ms}.
 *
 * <p>Call from the JVM shutdown hook that the JVM runs on SIGTERM. The budget must be shorter than
 * {@code terminationGracePeriodSeconds} (the StatefulSet gives 60 s; use about 45 s) so the kubelet's
 * SIGKILL never lands mid-commit.
 */
public final class GracefulShutdown {

    private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdown.class);
    /** Kept for the server to answer probes while Kafka Streams closes, and for stopping it. */
    private static final Duration RESERVE = Duration.ofSeconds(1);

    private GracefulShutdown() {
    }

    /**
     * @param budget total time allowed
     * @param ops    the ops server, or null when http.port=0
     * @return true if Kafka Streams closed within the budget
     */
    public static boolean stop(Duration budget, OpsServer ops, KafkaStreams streams) {
        long start = System.nanoTime();
        if (ops != null) {
            ops.markStopping();
        }
        Duration forStreams = budget.minus(RESERVE);
        boolean closed = streams.close(forStreams.isNegative() ? Duration.ZERO : forStreams);
        if (!closed) {
            LOG.warn("Kafka Streams did not close within {} ms; state {}", forStreams.toMillis(), streams.state());
        }
        if (ops != null) {
            ops.close();
        }
        LOG.info("stopped in {} ms", (System.nanoTime() - start) / 1_000_000);
        return closed;
    }
}
