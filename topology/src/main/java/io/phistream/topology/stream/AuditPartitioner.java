package io.phistream.topology.stream;

import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Keeps each audit log in one partition of the audit topic, so a reader sees its records in sequence order.
 * Keys look like {@code r/<stage>/<partition>/<seq>} or {@code c/<stage>/<partition>/<size>}.
 */
final class AuditPartitioner implements StreamPartitioner<String, byte[]> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, byte[] value, int numPartitions) {
        String[] parts = key.split("/", 4);
        int logPartition = Integer.parseInt(parts[2]);
        return Optional.of(Set.of(Math.floorMod(logPartition, numPartitions)));
    }
}
