package io.phistream.topology;

import io.phistream.topology.config.ConfigException;
import io.phistream.topology.config.PhiStreamConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.Serdes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * The one place that declares every phi-stream topic: its name (configured prefix + base name), its serdes
 * and the configuration it is created with.
 *
 * <p>Ingest values are raw bytes so that input that is not valid UTF-8 can still be quarantined instead of
 * failing in a deserializer. De-identified outputs are text keyed by the patient token. The audit topic is
 * compacted and never time-deleted: its keys are unique, so compaction keeps every record.
 */
public final class Topics {
    public static final String INGEST_HL7V2 = "ingest.hl7v2";
    public static final String INGEST_FHIR = "ingest.fhir";
    public static final String DEID_HL7V2 = "deid.hl7v2";
    public static final String DEID_FHIR = "deid.fhir";
    public static final String QUARANTINE = "quarantine";
    public static final String AUDIT = "audit";
    public static final String OBSERVATIONS = "observations";
    public static final String SCORES = "scores";
    public static final String OPS_DRIFT = "ops.drift";
    public static final String ALERTS_PREFIX = "alerts.";
    public static final String PATIENT_MEMORY = "patient-memory";

    public static final Duration QUARANTINE_RETENTION = Duration.ofDays(30);
    public static final Duration AUDIT_MIN_COMPACTION_LAG = Duration.ofHours(1);

    private static final Pattern ROUTE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,99}");

    private final String prefix;
    private final int partitions;
    private final short replicationFactor;

    private final int recordMaxBytes;

    public Topics(PhiStreamConfig config) {
        this(config.topicPrefix(), config.partitions(), config.replicationFactor(), config.recordMaxBytes());
    }

    /** @param replicationFactor -1 for the broker default */
    public Topics(String prefix, int partitions, short replicationFactor) {
        this(prefix, partitions, replicationFactor, PhiStreamConfig.defaults().recordMaxBytes());
    }

    /** @param recordMaxBytes {@link PhiStreamConfig#RECORD_MAX_BYTES}: sets each topic's max.message.bytes */
    public Topics(String prefix, int partitions, short replicationFactor, int recordMaxBytes) {
        if (partitions < 1 || replicationFactor == 0 || replicationFactor < -1) {
            throw new IllegalArgumentException("partitions must be >= 1 and replication factor >= 1 or -1");
        }
        this.prefix = prefix == null ? "" : prefix;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
        this.recordMaxBytes = recordMaxBytes;
    }

    /** Raw HL7 v2 ER7 messages as received (key: message id or null). */
    public Topic<String, byte[]> ingestHl7v2() {
        return new Topic<>(prefix + INGEST_HL7V2, Serdes.String(), Serdes.ByteArray());
    }

    /** Raw FHIR JSON or XML as received. */
    public Topic<String, byte[]> ingestFhir() {
        return new Topic<>(prefix + INGEST_FHIR, Serdes.String(), Serdes.ByteArray());
    }

    /** De-identified ER7, keyed by patient token. */
    public Topic<String, String> deidHl7v2() {
        return new Topic<>(prefix + DEID_HL7V2, Serdes.String(), Serdes.String());
    }

    /** De-identified FHIR, keyed by patient token. */
    public Topic<String, String> deidFhir() {
        return new Topic<>(prefix + DEID_FHIR, Serdes.String(), Serdes.String());
    }

    /** Keyed by message id; value: the encrypted envelope (original + reason). Kept 30 days. */
    public Topic<String, byte[]> quarantine() {
        return new Topic<>(prefix + QUARANTINE, Serdes.String(), Serdes.ByteArray());
    }

    /** Compacted, never time-deleted; every key must be unique. */
    public Topic<String, byte[]> audit() {
        return new Topic<>(prefix + AUDIT, Serdes.String(), Serdes.ByteArray());
    }

    /**
     * Keyed by patient token; value: an Avro {@code ObservationBatch}, one per de-identified message with usable vital
     * signs (its {@code observations} array holds them). For other consumers: phi-stream writes it, never reads it.
     */
    public Topic<String, byte[]> observations() {
        return new Topic<>(prefix + OBSERVATIONS, Serdes.String(), Serdes.ByteArray());
    }

    public Topic<String, byte[]> scores() {
        return new Topic<>(prefix + SCORES, Serdes.String(), Serdes.ByteArray());
    }

    public Topic<String, byte[]> opsDrift() {
        return new Topic<>(prefix + OPS_DRIFT, Serdes.String(), Serdes.ByteArray());
    }

    /**
     * Per-patient memory: keyed digests of identifiers learned per patient token ({@code <token>/<digest>}, value:
     * epoch ms first learned), never values. Compacted, never time-deleted: each key is one digest to keep.
     */
    public Topic<String, Long> patientMemory() {
        return new Topic<>(prefix + PATIENT_MEMORY, Serdes.String(), Serdes.Long());
    }

    /** {@code alerts.<route>}; route names are lower-case letters, digits, '_' and '-'. */
    public Topic<String, byte[]> alerts(String route) {
        if (route == null || !ROUTE.matcher(route).matches()) {
            throw new ConfigException("alert route name must match " + ROUTE.pattern() + " (got '" + route + "')");
        }
        return new Topic<>(prefix + ALERTS_PREFIX + route, Serdes.String(), Serdes.ByteArray());
    }

    /** Every topic, alert topics last, in a stable order. */
    public List<Topic<?, ?>> topics(List<String> alertRoutes) {
        List<Topic<?, ?>> all = new ArrayList<>(List.of(ingestHl7v2(), ingestFhir(), deidHl7v2(), deidFhir(),
                quarantine(), audit(), observations(), scores(), opsDrift(), patientMemory()));
        for (String route : alertRoutes) {
            all.add(alerts(route));
        }
        return all;
    }

    /** What {@code topics create} creates. */
    public List<NewTopic> all(List<String> alertRoutes) {
        return topics(alertRoutes).stream().map(this::newTopic).toList();
    }

    /** The creation request for one topic: partitions, replication and its topic-level configuration. */
    public NewTopic newTopic(Topic<?, ?> topic) {
        NewTopic nt = new NewTopic(topic.name(), Optional.of(partitions),
                replicationFactor == -1 ? Optional.empty() : Optional.of(replicationFactor));
        Map<String, String> configs = new LinkedHashMap<>();
        String base = topic.name().substring(prefix.length());
        if (base.equals(QUARANTINE)) {
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
            configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(QUARANTINE_RETENTION.toMillis()));
        } else if (base.equals(PATIENT_MEMORY)) {
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
            configs.put(TopicConfig.RETENTION_MS_CONFIG, "-1");
        } else if (base.equals(AUDIT)) {
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
            configs.put(TopicConfig.RETENTION_MS_CONFIG, "-1");
            configs.put(TopicConfig.RETENTION_BYTES_CONFIG, "-1");
            configs.put(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, Long.toString(AUDIT_MIN_COMPACTION_LAG.toMillis()));
        }
        // an input topic takes the largest message plus room; the quarantine, which wraps such a message, a little more
        int room = base.equals(QUARANTINE) ? 2 * PhiStreamConfig.RECORD_OVERHEAD_BYTES : PhiStreamConfig.RECORD_OVERHEAD_BYTES;
        configs.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(recordMaxBytes + room));
        if (replicationFactor > 1) {
            configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                    Integer.toString(PhiStreamConfig.minInSyncReplicas(replicationFactor)));
        }
        return nt.configs(configs);
    }

    /**
     * Creates the topics that do not exist yet; existing ones are left alone (their configuration is not
     * compared or changed).
     *
     * @return topic name to true (created) or false (already existed), in request order
     * @throws org.apache.kafka.common.KafkaException or a RuntimeException wrapping the first other failure
     */
    public static Map<String, Boolean> create(Admin admin, Collection<NewTopic> topics, Duration timeout) {
        Map<String, KafkaFuture<Void>> futures = admin.createTopics(topics,
                new CreateTopicsOptions().timeoutMs((int) timeout.toMillis())).values();
        Map<String, Boolean> outcome = new LinkedHashMap<>();
        for (NewTopic t : topics) {
            try {
                futures.get(t.name()).get();
                outcome.put(t.name(), true);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TopicExistsException) {
                    outcome.put(t.name(), false);
                } else {
                    throw new TopicCreationException(t.name(), e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TopicCreationException(t.name(), e);
            }
        }
        awaitListed(admin, topics, timeout);
        return outcome;
    }

    /**
     * The controller has created the topics when the futures complete, but the broker that answers the next metadata
     * request may not know them yet: {@code run} right after {@code topics create} once saw them all missing. Waits,
     * at most 10 s within the timeout, until a listing shows every one (milliseconds, usually; a principal that may
     * create but not describe topics never sees them listed); then returns either way: creation succeeded, and a
     * later check names what is still missing.
     */
    private static void awaitListed(Admin admin, Collection<NewTopic> topics, Duration timeout) {
        Set<String> wanted = new HashSet<>();
        topics.forEach(t -> wanted.add(t.name()));
        long deadline = System.nanoTime() + Math.min(timeout.toNanos(), Duration.ofSeconds(10).toNanos());
        try {
            while (!admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .containsAll(wanted) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // listing failed: the creation itself succeeded, and whoever needs the topics checks again
        }
    }

    /** Creating one topic failed for a reason other than its existence. */
    public static final class TopicCreationException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TopicCreationException(String topic, Throwable cause) {
            super("creating topic " + topic + " failed: " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
        }
    }
}
