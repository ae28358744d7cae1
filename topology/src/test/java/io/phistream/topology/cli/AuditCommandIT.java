package io.phistream.topology.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.synthetic.SyntheticHl7;
import io.phistream.topology.Topics;
import io.phistream.topology.broker.EmbeddedKafka;
import io.phistream.topology.config.PhiStreamConfig;
import io.phistream.topology.keys.KeyStore;
import io.phistream.topology.stream.Headers;
import io.phistream.topology.stream.Stages;
import io.phistream.topology.stream.StreamsApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The auditor's commands against a real audit topic: verify, export, tamper detection, lineage and proof. */
class AuditCommandIT {

    @TempDir
    Path dir;

    @Test
    void givenAPipelineRun_whenTheAuditorUsesTheCommands_thenTheLogVerifiesAndTamperingIsDetected() throws Exception {
        try (EmbeddedKafka broker = EmbeddedKafka.start(null)) {
            Map<String, String> settings = io.phistream.topology.chaos.KafkaTestIo.pipelineSettings(
                    broker.bootstrapServers(), "audit-it", 1, Files.createDirectory(dir.resolve("state")));
            PhiStreamConfig config = PhiStreamConfig.load(null, Map.of(), settings);
            Topics topics = new Topics(config);
            broker.createTopics(topics.all(io.phistream.topology.scoring.ScoringStages.routes(config)));
            KeyStore keys = KeyStore.init(dir.resolve("keys"), null);
            Stages stages = Stages.create(config, keys);
            Path publicKeyset = dir.resolve("keys").resolve(KeyStore.AUDIT_VERIFY_FILE);

            String messageId;
            try (KafkaStreams streams = StreamsApp.create(config, topics, stages)) {
                streams.start();
                assertThat(StreamsApp.awaitRunning(streams, Duration.ofSeconds(60))).isTrue();
                SyntheticHl7 gen = new SyntheticHl7(77);
                Properties pp = new Properties();
                pp.putAll(config.producerProperties());
                try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(pp, new StringSerializer(), new ByteArraySerializer())) {
                    for (int i = 0; i < 50; i++) {
                        p.send(new ProducerRecord<>(topics.ingestHl7v2().name(), null,
                                gen.next().text().getBytes(StandardCharsets.UTF_8)));
                    }
                }
                messageId = firstOutputMessageId(config, topics);
                // the wall-clock punctuator seals the tail once its oldest record is 5 s old
                Thread.sleep(6_500);
            }

            String[] topic = {"--bootstrap-servers", broker.bootstrapServers(), "--set", "application.id=audit-it"};
            assertThat(cli("audit", "verify", topic[0], topic[1], "--public-keyset", publicKeyset.toString())).isZero();

            Path export = dir.resolve("audit.jsonl");
            assertThat(cli("audit", "export", topic[0], topic[1], "--out", export.toString())).isZero();
            assertThat(cli("audit", "verify", "--file", export.toString(), "--public-keyset", publicKeyset.toString()))
                    .isZero();
            Path fhir = dir.resolve("audit-fhir.json");
            assertThat(cli("audit", "export", "--file", export.toString(), "--fhir", "--out", fhir.toString())).isZero();
            var bundle = new com.fasterxml.jackson.databind.ObjectMapper().readTree(fhir.toFile());
            assertThat(bundle.get("resourceType").asText()).isEqualTo("Bundle");
            assertThat(bundle.get("entry").get(0).get("resource").get("resourceType").asText()).isEqualTo("AuditEvent");
            int releases = 0;
            for (var e : bundle.get("entry")) {
                if (e.at("/resource/outcomeDesc").asText().equals("released")) {
                    assertThat(e.at("/resource/outcome").asText()).as("a release is a success").isEqualTo("0");
                    releases++;
                }
            }
            assertThat(releases).isPositive();

            assertThat(cli("audit", "show", "--file", export.toString(), "--message-id", messageId)).isZero();
            assertThat(cli("audit", "prove", "--file", export.toString(), "--message-id", messageId,
                    "--public-keyset", publicKeyset.toString(), "--out", dir.resolve("proof.json").toString())).isZero();
            Path proof = dir.resolve("proof.json");
            assertThat(cli("audit", "check-proof", "--proof", proof.toString(), "--public-keyset",
                    publicKeyset.toString())).as("the proof prove wrote checks offline").isZero();
            // the first input's place in the ingest topic (read back from the repartition topic: null-keyed)
            assertThat(cli("audit", "show", "--file", export.toString(), "--source",
                    topics.ingestHl7v2().name() + "/0/0")).isZero();
            assertThat(cli("audit", "verify", topic[0], topic[1], "--set", "topic.prefix=zz.", "--public-keyset",
                    publicKeyset.toString())).as("a prefix without an audit log").isEqualTo(1);
            assertThat(cli("audit", "show", "--file", export.toString(), "--message-id", "no-such-message"))
                    .isEqualTo(1);
            assertThat(cli("audit", "prove", "--file", export.toString(), "--message-id", "no-such-message",
                    "--public-keyset", publicKeyset.toString())).as("as show: no record is exit 1").isEqualTo(1);

            // tamper: change one character in one record
            // (a released record's, the first from the middle on: the middle one may be a checkpoint or another stage's,
            // whose text holds no "released", and the export's order follows the run's timing, so the test flaked)
            List<String> lines = Files.readAllLines(export);
            int victim = lines.size() / 2;
            for (int i = 0; i < lines.size() && !lines.get(victim).contains("\"released\""); i++) {
                victim = (victim + 1) % lines.size();
            }
            assertThat(lines.get(victim)).as("a released record in the export").contains("\"released\"");
            lines.set(victim, lines.get(victim).replace("\"released\"", "\"xeleased\""));
            Path tampered = dir.resolve("tampered.jsonl");
            Files.write(tampered, lines);
            assertThat(cli("audit", "verify", "--file", tampered.toString(), "--public-keyset", publicKeyset.toString()))
                    .isEqualTo(1);
        }
    }

    private static int cli(String... args) {
        return PhiStreamCli.execute(args);
    }

    private static String firstOutputMessageId(PhiStreamConfig config, Topics topics) {
        Properties p = new Properties();
        p.putAll(config.consumerProperties());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "audit-it-reader");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(topics.deidHl7v2().name()));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (var r : c.poll(Duration.ofMillis(200))) {
                    return Headers.get(r.headers(), Headers.MESSAGE_ID);
                }
            }
        }
        throw new AssertionError("no de-identified output within 60 s");
    }
}
