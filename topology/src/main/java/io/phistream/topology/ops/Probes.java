package io.phistream.topology.ops;

import org.apache.kafka.streams.KafkaStreams;

/**
 * What the Kubernetes probes answer for each Kafka Streams state.
 *
 * <p>Liveness is true while the application is starting, running or rebalancing: restarting a pod that is
 * only rebalancing or restoring state would make things worse. It is false once the application has
 * failed or is stopping ({@code PENDING_ERROR}, {@code ERROR}, {@code PENDING_SHUTDOWN}, {@code NOT_RUNNING})
 * — for a pod that should be running, a restart is the fix. Readiness is true only in {@code RUNNING}.
 */
public final class Probes {

    private Probes() {
    }

    public static boolean live(KafkaStreams.State state) {
        return state == KafkaStreams.State.CREATED || state == KafkaStreams.State.REBALANCING
                || state == KafkaStreams.State.RUNNING;
    }

    public static boolean ready(KafkaStreams.State state) {
        return state == KafkaStreams.State.RUNNING;
    }
}
