package io.phistream.topology.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.synthetic.SyntheticHl7;
import io.phistream.topology.Topics;
import io.phistream.topology.broker.EmbeddedKafkaExtension;
import io.phistream.topology.config.PhiStreamConfig;
import io.phistream.topology.keys.KeyStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a real in-process broker: every input message comes out exactly once, de-identified or quarantined, as a
 * read_committed consumer sees it, across an abrupt stop of the application in the middle of the stream and null-keyed
 * resends to every partition.
 */
class PipelineExactlyOnceIT {

    @RegisterExtension
    static final EmbeddedKafkaExtension broker = new EmbeddedKafkaExtension();


    @Test
    void givenTrafficWithPoison_whenTheAppIsStoppedAbruptlyAndRestarted_thenEveryMessageComesOutExactlyOnce(
            @TempDir Path state, @TempDir Path state2) throws Exception {
        // with a short session: the abruptly stopped member must leave the group quickly for the restart
        Map<String, String> settings = io.phistream.topology.chaos.KafkaTestIo.pipelineSettings(
                broker.bootstrapServers(), "eos-it", 2, state);
        PhiStreamConfig config = PhiStreamConfig.load(null, Map.of(), settings);
        Topics topics = new Topics(config);
        broker.createTopics(topics.all(io.phistream.topology.scoring.ScoringStages.routes(config)));
        KeyStore keys = KeyStore.ephemeral();
        Stages stages = Stages.create(config, keys);

        // given: 600 synthetic messages and 20 broken ones, with the expected message id of each
        SyntheticHl7 gen = new SyntheticHl7(2024);
        List<byte[]> inputs = new ArrayList<>();
        List<String> expectedIds = new ArrayList<>();
        for (int i = 0; i < 620; i++) {
            String text = i % 31 == 30 ? "NOT HL7 #" + i : gen.next().text();
            inputs.add(text.getBytes(StandardCharsets.UTF_8));
            expectedIds.add(stages.hl7().deidentify(text).messageId());
        }

        // when: half is sent, the app runs and is stopped without a clean commit, then the rest follows
        KafkaStreams first = StreamsApp.create(config, topics, stages);
        first.start();
        assertThat(StreamsApp.awaitRunning(first, Duration.ofSeconds(60))).isTrue();
        send(config, topics, inputs.subList(0, 310));
        Thread.sleep(300);
        first.close(Duration.ZERO); // abrupt: in-flight transactions are aborted, not committed
        send(config, topics, inputs.subList(310, 620));
        // and a resend of the first 60 to each partition: at least one copy of each lands where its first copy did
        // not, and must still be dropped (ingest.rekey=unkeyed brings copies together by their dedupe digest)
        send(config, topics, inputs.subList(0, 60), 0);
        send(config, topics, inputs.subList(0, 60), 1);
        // the restart runs on another (empty) state directory, as on a new machine: the audit log state must be
        // restored from its changelog to continue without a gap or a fork
        settings.put(PhiStreamConfig.STATE_DIR, state2.toString());
        PhiStreamConfig restarted = PhiStreamConfig.load(null, Map.of(), settings);
        // first again in the resources: close() then waits until its abrupt stop is over, before the state goes
        try (first; KafkaStreams second = StreamsApp.create(restarted, topics, stages)) {
            second.start();
            assertThat(StreamsApp.awaitRunning(second, Duration.ofSeconds(60))).isTrue();

            // then: each expected id appears exactly once across deid and quarantine
            Map<String, Integer> seen = readCommitted(config, topics, inputs.size(), Duration.ofSeconds(60));
            Map<String, Integer> expected = new HashMap<>();
            expectedIds.forEach(id -> expected.merge(id, 1, Integer::sum));
            assertThat(seen).isEqualTo(expected);

            // and the de-identification audit logs hold exactly one record per message (scoring and alerting add
            // their own stages), with no gap or fork, and everything verifies
            List<io.phistream.audit.AuditVerifier.RawEntry> audit = readAll(config, topics.audit().name());
            Map<String, Integer> audited = new HashMap<>();
            for (var e : audit) {
                String json = new String(e.value(), StandardCharsets.UTF_8);
                if (json.contains("\"kind\":\"record\"") && (json.contains("\"logId\":\"deidentify/")
                        || json.contains("\"logId\":\"quarantine/"))) {
                    String id = json.replaceAll(".*\"messageId\":\"([^\"]+)\".*", "$1");
                    audited.merge(id, 1, Integer::sum);
                }
            }
            assertThat(audited).isEqualTo(expected);
            var report = new io.phistream.audit.AuditVerifier(
                    new io.phistream.audit.checkpoint.CheckpointVerifier(keys.auditVerifyKeyset())).verifyRaw(audit);
            assertThat(report.ok()).as(report.render()).isTrue();
        }
    }

    private static List<io.phistream.audit.AuditVerifier.RawEntry> readAll(PhiStreamConfig config, String topic) {
        Properties p = new Properties();
        p.putAll(config.consumerProperties());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "eos-it-audit-reader");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<io.phistream.audit.AuditVerifier.RawEntry> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(topic));
            long quietSince = System.nanoTime();
            while (System.nanoTime() - quietSince < Duration.ofSeconds(3).toNanos()) {
                var batch = c.poll(Duration.ofMillis(200));
                if (!batch.isEmpty()) {
                    quietSince = System.nanoTime();
                }
                for (ConsumerRecord<String, byte[]> r : batch) {
                    out.add(new io.phistream.audit.AuditVerifier.RawEntry(r.key(), r.value()));
                }
            }
        }
        return out;
    }

    private static void send(PhiStreamConfig config, Topics topics, List<byte[]> values) {
        send(config, topics, values, null);
    }

    /** Null-keyed, as an interface engine sends them; {@code partition} null: the producer's partitioner chooses. */
    private static void send(PhiStreamConfig config, Topics topics, List<byte[]> values, Integer partition) {
        Properties p = new Properties();
        p.putAll(config.producerProperties());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            for (byte[] v : values) {
                producer.send(new ProducerRecord<>(topics.ingestHl7v2().name(), partition, null, v));
            }
        }
    }

    private static Map<String, Integer> readCommitted(PhiStreamConfig config, Topics topics, int expected,
                                                      Duration timeout) {
        Properties p = new Properties();
        p.putAll(config.consumerProperties());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "eos-it-reader");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, Integer> seen = new HashMap<>();
        int total = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(topics.deidHl7v2().name(), topics.quarantine().name()));
            // read until the expected count, then a little longer to catch any duplicate
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    seen.merge(Headers.get(r.headers(), Headers.MESSAGE_ID), 1, Integer::sum);
                    total++;
                }
                if (total >= expected && quietUntil == Long.MAX_VALUE) {
                    quietUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                }
            }
        }
        return seen;
    }
}
