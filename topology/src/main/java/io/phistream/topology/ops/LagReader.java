package io.phistream.topology.ops;

import io.phistream.topology.config.PhiStreamConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumer lag of the application's consumer group on its input topics, read with an Admin client: the
 * group's committed offsets against the partitions' end offsets (read_committed, i.e. the last stable
 * offset, since producers upstream may be transactional). A partition the group has never committed counts
 * everything still retained (end − earliest) as lag.
 *
 * <p>Every instance reads the whole group's lag, so Prometheus sees the same series from each pod:
 * aggregate with {@code max by (topic, partition)} before summing (the alert rules do).
 */
public final class LagReader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LagReader.class);

    /** One input partition. {@code committed} is -1 when the group has no offset for it. */
    public record PartitionLag(String topic, int partition, long committed, long end, long lag) {
    }

    /** What one reading found; {@code error} is the failure's class name only (never a message). */
    public record Snapshot(Instant at, List<PartitionLag> partitions, Optional<String> error) {
        public static Snapshot none(Instant at) {
            return new Snapshot(at, List.of(), Optional.of("not read yet"));
        }

        public long total() {
            return partitions.stream().mapToLong(PartitionLag::lag).sum();
        }
    }

    private final Admin admin;
    private final boolean ownsAdmin;
    private final String groupId;
    private final List<String> topics;
    private final Duration timeout;
    private final Clock clock;

    public LagReader(Admin admin, String groupId, Collection<String> inputTopics, Duration timeout, Clock clock) {
        this(admin, false, groupId, inputTopics, timeout, clock);
    }

    private LagReader(Admin admin, boolean ownsAdmin, String groupId, Collection<String> inputTopics,
                      Duration timeout, Clock clock) {
        this.admin = admin;
        this.ownsAdmin = ownsAdmin;
        this.groupId = groupId;
        this.topics = List.copyOf(inputTopics);
        this.timeout = timeout;
        this.clock = clock;
    }

    /** A reader with its own Admin client built from the typed configuration (closed with the reader). */
    public static LagReader create(PhiStreamConfig config, Collection<String> inputTopics) {
        Admin admin = Admin.create(adminProperties(config));
        return new LagReader(admin, true, config.applicationId(), inputTopics, Duration.ofSeconds(5), Clock.systemUTC());
    }

    /**
     * {@link PhiStreamConfig#adminProperties()} plus the {@code config.providers.*} settings it leaves out
     * (they are not in AdminClientConfig's names, yet without them a {@code ${dir:...}} secret would reach
     * the broker unresolved).
     */
    public static Map<String, Object> adminProperties(PhiStreamConfig config) {
        Map<String, Object> p = new LinkedHashMap<>(config.adminProperties());
        config.kafkaOverrides().forEach((k, v) -> {
            if (k.startsWith("config.providers.")) {
                p.putIfAbsent(k, v);
            }
        });
        p.putIfAbsent("client.id", config.applicationId() + "-ops-lag");
        return p;
    }

    /** Reads the lag now; failures give a snapshot with the error's class name and no partitions. */
    public Snapshot read() {
        Instant at = clock.instant();
        try {
            Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<TopicPartition> partitions = new ArrayList<>();
            for (TopicDescription d : described.values()) {
                for (TopicPartitionInfo p : d.partitions()) {
                    partitions.add(new TopicPartition(d.name(), p.partition()));
                }
            }
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, Long> end = offsets(partitions, OffsetSpec.latest());
            List<TopicPartition> uncommitted = partitions.stream()
                    .filter(tp -> committed.get(tp) == null).toList();
            Map<TopicPartition, Long> earliest = uncommitted.isEmpty() ? Map.of() : offsets(uncommitted, OffsetSpec.earliest());
            Map<TopicPartition, Long> committedOffsets = new HashMap<>();
            committed.forEach((tp, om) -> {
                if (om != null) {
                    committedOffsets.put(tp, om.offset());
                }
            });
            return new Snapshot(at, compute(partitions, committedOffsets, end, earliest), Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Snapshot(at, List.of(), Optional.of(e.getClass().getSimpleName()));
        } catch (ExecutionException e) {
            String what = e.getCause() == null ? e.getClass().getSimpleName() : e.getCause().getClass().getSimpleName();
            LOG.warn("reading consumer lag failed: {}", what);
            return new Snapshot(at, List.of(), Optional.of(what));
        } catch (TimeoutException | RuntimeException e) {
            LOG.warn("reading consumer lag failed: {}", e.getClass().getSimpleName());
            return new Snapshot(at, List.of(), Optional.of(e.getClass().getSimpleName()));
        }
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = new LinkedHashMap<>();
        partitions.forEach(tp -> request.put(tp, spec));
        Map<TopicPartition, ListOffsetsResultInfo> r = admin.listOffsets(request,
                new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, Long> m = new HashMap<>();
        r.forEach((tp, info) -> m.put(tp, info.offset()));
        return m;
    }

    /**
     * The pure part: lag per partition, sorted by topic and partition. Lag is end − committed, or
     * end − earliest when the group has not committed; never negative.
     */
    static List<PartitionLag> compute(Collection<TopicPartition> partitions, Map<TopicPartition, Long> committed,
                                      Map<TopicPartition, Long> end, Map<TopicPartition, Long> earliest) {
        List<PartitionLag> out = new ArrayList<>();
        for (TopicPartition tp : partitions) {
            long e = end.getOrDefault(tp, 0L);
            Long c = committed.get(tp);
            long from = c != null ? c : earliest.getOrDefault(tp, 0L);
            out.add(new PartitionLag(tp.topic(), tp.partition(), c == null ? -1 : c, e, Math.max(0, e - from)));
        }
        out.sort(Comparator.comparing(PartitionLag::topic).thenComparingInt(PartitionLag::partition));
        return out;
    }

    public List<String> topics() {
        return topics;
    }

    @Override
    public void close() {
        if (ownsAdmin) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
