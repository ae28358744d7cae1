package io.phistream.topology.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.phistream.audit.AuditVerifier;
import io.phistream.audit.checkpoint.CheckpointVerifier;
import io.phistream.serdes.avro.Alert;
import io.phistream.serdes.avro.AlertKind;
import io.phistream.serdes.avro.Score;
import io.phistream.synthetic.SyntheticHl7;
import io.phistream.synthetic.SyntheticPatient;
import io.phistream.topology.Topics;
import io.phistream.topology.broker.EmbeddedKafkaExtension;
import io.phistream.topology.config.PhiStreamConfig;
import io.phistream.topology.keys.KeyStore;
import io.phistream.topology.stream.PhiStreamTopology;
import io.phistream.topology.stream.Stages;
import io.phistream.topology.stream.StreamsApp;
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
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a real in-process broker, through the full topology (de-identification + scoring, exactly_once_v2): raw HL7
 * ORU^R01 vitals on ingest.hl7v2 become a routed alert, a suppressed repeat and an escalation, as a read_committed
 * consumer sees them; scores and alerts carry the patient token only; the audit log verifies.
 */
class ScoringPipelineIT {

    @RegisterExtension
    static final EmbeddedKafkaExtension broker = new EmbeddedKafkaExtension();


    @Test
    void givenOruVitalsOnIngest_whenTheFullTopologyRuns_thenAlertsAreRoutedSuppressedAndEscalated(@TempDir Path state)
            throws Exception {
        Map<String, String> settings = io.phistream.topology.chaos.KafkaTestIo.pipelineSettings(
                broker.bootstrapServers(), "scoring-it", 2, state);
        PhiStreamConfig config = PhiStreamConfig.load(null, Map.of(), settings);
        KeyStore keys = KeyStore.ephemeral();
        Stages stages = Stages.create(config, keys);
        Topics topics = new Topics(config);
        try (ScoringStages scoring = ScoringStages.create(config, stages)) {
            broker.createTopics(topics.all(scoring.routes()));
            // the composition the pipeline uses: de-identification, then the scoring side on its outputs
            Topology t = PhiStreamTopology.build(topics, stages);
            ScoringTopology.addTo(t, topics, stages, scoring);

            // given: one patient's vitals, medium at 08:00, medium again at 08:20, high at 08:30 (times before the shift)
            SyntheticHl7 gen = new SyntheticHl7(77);
            SyntheticPatient p = gen.patient();
            List<String> raw = List.of(Vitals.medium().at("20250301080000+0000").oru(gen, p),
                    Vitals.medium6().at("20250301082000+0000").oru(gen, p),
                    Vitals.high().at("20250301083000+0000").oru(gen, p));
            String token = null;
            for (String m : raw) {
                var o = stages.hl7().deidentify(m);
                assertThat(o).isInstanceOf(io.phistream.detector.hl7.Hl7Outcome.Deidentified.class);
                token = ((io.phistream.detector.hl7.Hl7Outcome.Deidentified) o).patientToken();
            }

            try (KafkaStreams streams = new KafkaStreams(t, StreamsApp.properties(config, topics, stages))) {
                streams.start();
                assertThat(StreamsApp.awaitRunning(streams, Duration.ofSeconds(60))).isTrue();
                // when: they arrive on ingest.hl7v2 (one key, so one partition keeps their order)
                send(config, topics.ingestHl7v2().name(), raw);

                // then: a read_committed consumer sees a RAISE on ward, closed there by a RESOLVE when the alert
                // escalates to rapid-response, and one ESCALATE on rapid-response
                Map<String, List<ConsumerRecord<String, byte[]>>> out = readCommitted(config,
                        List.of(topics.alerts("ward").name(), topics.alerts("rapid-response").name(),
                                topics.scores().name()), 6, Duration.ofSeconds(60));
                var alerts = scoring.serdes().alert().deserializer();
                List<Alert> ward = out.getOrDefault(topics.alerts("ward").name(), List.of()).stream()
                        .map(r -> alerts.deserialize(r.topic(), r.value())).toList();
                List<Alert> rapid = out.getOrDefault(topics.alerts("rapid-response").name(), List.of()).stream()
                        .map(r -> alerts.deserialize(r.topic(), r.value())).toList();
                var scores = scoring.serdes().score().deserializer();
                List<Score> scored = out.getOrDefault(topics.scores().name(), List.of()).stream()
                        .map(r -> scores.deserialize(r.topic(), r.value())).toList();

                assertThat(scored).extracting(Score::getScore).containsExactly(5.0, 6.0, 8.0);
                assertThat(ward).extracting(Alert::getKind)                                   // 08:20 suppressed
                        .containsExactly(AlertKind.RAISE, AlertKind.RESOLVE);
                assertThat(rapid).extracting(Alert::getKind).containsExactly(AlertKind.ESCALATE);
                for (Alert a : List.of(ward.get(0), ward.get(1), rapid.get(0))) {
                    assertThat(a.getPatientToken()).isEqualTo(token);
                    for (String phi : List.of(p.mrn(), p.family(), p.given())) {
                        assertThat(a.getPayload()).doesNotContain(phi);
                    }
                }
                String finalToken = token;
                assertThat(out.values().stream().flatMap(List::stream)).allSatisfy(r -> assertThat(r.key()).isEqualTo(finalToken));

                // and the audit log (de-identification, score and alert logs) verifies, with 3 scores and 4 alert
                // decisions (raise, suppressed, the ward's resolve, escalate)
                List<AuditVerifier.RawEntry> audit = readAll(config, topics.audit().name(), 10);
                long scoreRecords = audit.stream().map(e -> new String(e.value(), StandardCharsets.UTF_8))
                        .filter(j -> j.contains("\"kind\":\"record\"") && j.contains("\"stage\":\"score\"")).count();
                long alertRecords = audit.stream().map(e -> new String(e.value(), StandardCharsets.UTF_8))
                        .filter(j -> j.contains("\"kind\":\"record\"") && j.contains("\"stage\":\"alert\"")).count();
                assertThat(scoreRecords).isEqualTo(3);
                assertThat(alertRecords).isEqualTo(4);
                // audit event times are Kafka record times: each message's score record has its deidentify record's
                // time (a shifted clinical time beside it would give away the patient's date-shift offset)
                Map<String, Long> deidentifiedAt = new HashMap<>();
                Map<String, Long> scoredAt = new HashMap<>();
                for (AuditVerifier.RawEntry e : audit) {
                    JsonNode n = new ObjectMapper().readTree(e.value());
                    if (!"record".equals(n.path("kind").asText())) {
                        continue;
                    }
                    JsonNode r = n.path("record").isObject() ? n.path("record") : n;
                    String stage = r.path("stage").asText();
                    if (stage.equals("deidentify") || stage.equals("score")) {
                        (stage.equals("score") ? scoredAt : deidentifiedAt)
                                .put(r.path("messageId").asText(), r.path("eventTimeMs").asLong());
                    }
                }
                assertThat(scoredAt).hasSize(3);
                assertThat(deidentifiedAt).containsAllEntriesOf(scoredAt);
                var report = new AuditVerifier(new CheckpointVerifier(keys.auditVerifyKeyset())).verifyRaw(audit);
                assertThat(report.ok()).as(report.render()).isTrue();
            }
        }
    }

    private static void send(PhiStreamConfig config, String topic, List<String> values) {
        Properties p = new Properties();
        p.putAll(config.producerProperties());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            for (String v : values) {
                producer.send(new ProducerRecord<>(topic, "feed-1", v.getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    private static Map<String, List<ConsumerRecord<String, byte[]>>> readCommitted(PhiStreamConfig config,
                                                                                 List<String> topics, int expected,
                                                                                 Duration timeout) {
        Properties p = new Properties();
        p.putAll(config.consumerProperties());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "scoring-it-reader");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, List<ConsumerRecord<String, byte[]>>> out = new HashMap<>();
        int total = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        long quietUntil = Long.MAX_VALUE;
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            c.subscribe(topics);
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    out.computeIfAbsent(r.topic(), k -> new ArrayList<>()).add(r);
                    total++;
                }
                if (total >= expected && quietUntil == Long.MAX_VALUE) {
                    quietUntil = System.nanoTime() + Duration.ofSeconds(1).toNanos(); // catch any duplicate
                }
            }
        }
        return out;
    }

    /** Reads until {@code records} audit records (not checkpoints) came and then a second passed without more. */
    private static List<AuditVerifier.RawEntry> readAll(PhiStreamConfig config, String topic, int records) {
        Properties p = new Properties();
        p.putAll(config.consumerProperties());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "scoring-it-audit-reader");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<AuditVerifier.RawEntry> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            c.subscribe(List.of(topic));
            long quietSince = System.nanoTime();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            int seen = 0;
            while (System.nanoTime() < deadline
                    && (seen < records || System.nanoTime() - quietSince < Duration.ofSeconds(1).toNanos())) {
                var batch = c.poll(Duration.ofMillis(200));
                if (!batch.isEmpty()) {
                    quietSince = System.nanoTime();
                }
                for (ConsumerRecord<String, byte[]> r : batch) {
                    out.add(new AuditVerifier.RawEntry(r.key(), r.value()));
                    if (new String(r.value(), StandardCharsets.UTF_8).contains("\"kind\":\"record\"")) {
                        seen++;
                    }
                }
            }
        }
        return out;
    }
}
