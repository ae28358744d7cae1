package io.phistream.topology.chaos;

import io.phistream.audit.AuditVerifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Plain Kafka I/O for the evidence integration tests (chaos, poison pills, leak safety): idempotent producers and
 * read_committed readers that assign partitions instead of joining a group, so no rebalance can move a reader back
 * to the earliest offset and make it count a record twice.
 */
public final class KafkaTestIo {

    private KafkaTestIo() {
    }

    /**
     * The settings every pipeline integration test starts from: the broker, an application id, {@code partitions}
     * partitions with replication 1, its own state directory, quick commits, and a short session so that a stopped
     * instance leaves the group quickly for a restarted one. Mutable: tests add their own.
     */
    public static Map<String, String> pipelineSettings(String bootstrap, String applicationId, int partitions,
                                                       java.nio.file.Path stateDir) {
        Map<String, String> s = new java.util.HashMap<>();
        s.put(io.phistream.topology.config.PhiStreamConfig.BOOTSTRAP_SERVERS, bootstrap);
        s.put(io.phistream.topology.config.PhiStreamConfig.APPLICATION_ID, applicationId);
        s.put(io.phistream.topology.config.PhiStreamConfig.TOPIC_PARTITIONS, Integer.toString(partitions));
        s.put(io.phistream.topology.config.PhiStreamConfig.TOPIC_REPLICATION_FACTOR, "1");
        s.put(io.phistream.topology.config.PhiStreamConfig.STATE_DIR, stateDir.toString());
        s.put(io.phistream.topology.config.PhiStreamConfig.COMMIT_INTERVAL_MS, "50");
        s.put("kafka.session.timeout.ms", "6000");
        s.put("kafka.heartbeat.interval.ms", "1000");
        return s;
    }

    /** An idempotent, acks=all producer that accepts records up to 12 MB. */
    public static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 12 * 1024 * 1024);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** A read_committed consumer assigned to every partition of {@code topics}, at the beginning. */
    public static KafkaConsumer<byte[], byte[]> reader(String bootstrap, List<String> topics, boolean committedOnly) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, committedOnly ? "read_committed" : "read_uncommitted");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> tps = new ArrayList<>();
        for (String t : topics) {
            c.partitionsFor(t, Duration.ofSeconds(30)).forEach(pi -> tps.add(new TopicPartition(t, pi.partition())));
        }
        c.assign(tps);
        c.seekToBeginning(tps);
        return c;
    }

    /**
     * Every committed record of {@code topics}: reads until {@code done} holds for what was read, then {@code quiet}
     * longer (to catch a duplicate), or until {@code timeout}.
     */
    public static List<ConsumerRecord<byte[], byte[]>> readCommitted(String bootstrap, List<String> topics,
                                                                    Predicate<List<ConsumerRecord<byte[], byte[]>>> done,
                                                                    Duration quiet, Duration timeout) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        long stopAt = Long.MAX_VALUE;
        try (KafkaConsumer<byte[], byte[]> c = reader(bootstrap, topics, true)) {
            while (System.nanoTime() < Math.min(deadline, stopAt)) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
                if (stopAt == Long.MAX_VALUE && done.test(out)) {
                    stopAt = System.nanoTime() + quiet.toNanos();
                }
            }
        }
        return out;
    }

    /** Every committed record of {@code topics}, read until nothing new arrives for {@code quiet}. */
    public static List<ConsumerRecord<byte[], byte[]>> readAll(String bootstrap, List<String> topics, Duration quiet) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = reader(bootstrap, topics, true)) {
            long quietSince = System.nanoTime();
            while (System.nanoTime() - quietSince < quiet.toNanos()) {
                var batch = c.poll(Duration.ofMillis(200));
                if (!batch.isEmpty()) {
                    quietSince = System.nanoTime();
                }
                batch.forEach(out::add);
            }
        }
        return out;
    }

    /** The audit topic's records as the verifier takes them. */
    public static List<AuditVerifier.RawEntry> auditEntries(List<ConsumerRecord<byte[], byte[]>> records) {
        List<AuditVerifier.RawEntry> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            out.add(new AuditVerifier.RawEntry(r.key() == null ? null
                    : new String(r.key(), java.nio.charset.StandardCharsets.UTF_8), r.value()));
        }
        return out;
    }

    /** Counts of each value of header {@code name}. */
    public static Map<String, Integer> countByHeader(List<ConsumerRecord<byte[], byte[]>> records, String name) {
        Map<String, Integer> m = new java.util.HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            var h = r.headers().lastHeader(name);
            m.merge(h == null ? "<none>" : new String(h.value(), java.nio.charset.StandardCharsets.UTF_8), 1,
                    Integer::sum);
        }
        return m;
    }
}
