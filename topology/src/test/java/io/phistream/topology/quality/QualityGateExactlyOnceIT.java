package io.phistream.topology.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.serdes.avro.QuarantineEnvelope;
import io.phistream.synthetic.SyntheticHl7;
import io.phistream.topology.broker.EmbeddedKafkaExtension;
import io.phistream.topology.config.PhiStreamConfig;
import io.phistream.topology.keys.KeyStore;
import io.phistream.topology.stream.QuarantineSealer;
import io.phistream.topology.stream.StreamsApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.NewTopic;
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
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.common.serialization.Serdes;
import io.phistream.topology.Topic;
import io.phistream.topology.config.IngestRekey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a real in-process broker, the gate in a self-contained topology (ingest → re-key by dedupe digest → Kafka
 * Streams repartition topic → gate → accepted | quarantine, as {@link IngestRekeying} builds it), exactly_once_v2: every corpus message and generated message is sent twice
 * with null keys over two partitions, the application is stopped abruptly, restarted with an empty state directory
 * (the dedupe store is restored from its changelog) and everything is sent a third time. A read_committed consumer
 * finds each distinct message exactly once across both outputs.
 */
class QualityGateExactlyOnceIT {

    @RegisterExtension
    static final EmbeddedKafkaExtension broker = new EmbeddedKafkaExtension();


    @Test
    void givenEveryMessageTwiceThenAgainAfterARestart_whenGated_thenEachDistinctMessageComesOutExactlyOnce(
            @TempDir Path state) throws Exception {
        KeyStore keys = KeyStore.ephemeral();
        // given: the corpus (when present), generated traffic and incomplete messages
        Map<String, byte[]> inputs = new LinkedHashMap<>(TestGates.corpus());
        SyntheticHl7 gen = new SyntheticHl7(77);
        for (int i = 0; i < 300; i++) {
            inputs.put("generated-" + i, TestGates.bytes(gen.next().text()));
        }
        for (int i = 0; i < 10; i++) {
            inputs.put("incomplete-" + i, TestGates.bytes(Msgs.set(Msgs.set(TestGates.oru(), "PID", 3, ""),
                    "MSH", 10, "INC" + i)));
        }
        inputs.put("unreadable", TestGates.bytes("NOT HL7 AT ALL"));
        // a resend with CRLF separators is the same message
        run("q", state, keys, TestGates.gate(keys), inputs,
                raw -> new String(raw, StandardCharsets.UTF_8).replace("\r", "\r\n").getBytes(StandardCharsets.UTF_8),
                QualityGateExactlyOnceIT::identity);
    }

    /**
     * FHIR: each Synthea bundle (when present), generated bundles, versioned resources, incomplete resources and an
     * unreadable input, sent twice (the second copy re-indented), then again after a restart.
     */
    @Test
    void givenEveryFhirInputTwiceThenAgainAfterARestart_whenGated_thenEachDistinctInputComesOutExactlyOnce(
            @TempDir Path state) throws Exception {
        KeyStore keys = KeyStore.ephemeral();
        Map<String, byte[]> inputs = new LinkedHashMap<>(FhirTestGates.corpus());
        io.phistream.topology.bench.SyntheticFhir gen = new io.phistream.topology.bench.SyntheticFhir(78);
        for (int i = 0; i < 40; i++) {
            inputs.put("generated-" + i, TestGates.bytes(gen.next().json()));
        }
        for (int i = 0; i < 20; i++) {
            String id = "obs-" + i;
            inputs.put("versioned-" + i, TestGates.bytes(FhirValidatorTest.edit(FhirTestGates.observation(),
                    o -> o.put("id", id))));
        }
        for (int i = 0; i < 5; i++) {
            String id = "pat-" + i;
            inputs.put("incomplete-" + i, TestGates.bytes(FhirValidatorTest.edit(FhirTestGates.patient(), p -> {
                p.remove("identifier");
                p.put("id", id);
            })));
        }
        inputs.put("unreadable", TestGates.bytes("{\"resourceType\":\"Patient\""));
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        run("f", state, keys, FhirTestGates.gate(keys), inputs, raw -> {
            try {
                return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(json.readTree(raw));
            } catch (java.io.IOException e) {
                return raw; // unreadable: resent as is
            }
        }, raw -> fhirIdentity(json, raw));
    }

    /**
     * The scenario: every input sent twice ({@code copy} makes the second), gated, the application stopped
     * abruptly, restarted on an empty state directory, every input sent a third time; a read_committed consumer then
     * finds each distinct input ({@code identity}) exactly once across the accepted and quarantine topics. Each run
     * of the application has its own state directory under {@code state}.
     */
    private static void run(String prefix, Path state, KeyStore keys, Gate gate, Map<String, byte[]> inputs,
                            java.util.function.UnaryOperator<byte[]> copy,
                            java.util.function.Function<byte[], String> identity) throws Exception {
        Map<String, String> settings = new HashMap<>();
        settings.put(PhiStreamConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers());
        settings.put(PhiStreamConfig.APPLICATION_ID, prefix + "-quality-it");
        settings.put(PhiStreamConfig.TOPIC_REPLICATION_FACTOR, "1");
        settings.put(PhiStreamConfig.COMMIT_INTERVAL_MS, "50");
        settings.put("kafka.session.timeout.ms", "6000");
        settings.put("kafka.heartbeat.interval.ms", "1000");
        settings.put("kafka.producer.max.request.size", Integer.toString(2 * 1024 * 1024));
        PhiStreamConfig config = PhiStreamConfig.load(null, Map.of(), settings);
        Topics t = new Topics(prefix);
        broker.createTopics(List.of(new NewTopic(t.ingest, 2, (short) 1),
                new NewTopic(t.accepted, 2, (short) 1), new NewTopic(t.quarantine, 1, (short) 1)));
        QuarantineSealer sealer = new QuarantineSealer(keys.quarantine(), 0, "p", "v", Clock.systemUTC());
        Map<String, String> names = new HashMap<>(); // identity -> first input name, for readable failures
        inputs.forEach((name, raw) -> names.putIfAbsent(identity.apply(raw), name));
        List<byte[]> twice = new ArrayList<>();
        for (byte[] raw : inputs.values()) {
            twice.add(raw);
            twice.add(copy.apply(raw));
        }

        // when: sent twice, gated, stopped abruptly; restarted on an empty state directory and sent again
        QualityMetrics first = new QualityMetrics();
        send(config, t.ingest, twice);
        KafkaStreams app1 = new KafkaStreams(topology(t, gate, sealer, first), props(config, state.resolve("run-1")));
        app1.start();
        assertThat(StreamsApp.awaitRunning(app1, Duration.ofSeconds(60))).isTrue();
        awaitDecisions(first, twice.size(), Duration.ofSeconds(120));
        app1.close(Duration.ZERO);

        QualityMetrics second = new QualityMetrics();
        send(config, t.ingest, new ArrayList<>(inputs.values()));
        // app1 again in the resources: close() then waits until its abrupt stop is over, before the state goes
        try (app1; KafkaStreams app2 = new KafkaStreams(topology(t, gate, sealer, second),
                props(config, state.resolve("run-2")))) {
            app2.start();
            assertThat(StreamsApp.awaitRunning(app2, Duration.ofSeconds(60))).isTrue();
            awaitDecisions(second, inputs.size(), Duration.ofSeconds(120));

            // then: each distinct message exactly once, passed or quarantined, and the third copies were dropped
            Map<String, Integer> seen = readCommitted(config, t, sealer, identity, names.size(), Duration.ofSeconds(60));
            List<String> missing = names.keySet().stream().filter(k -> !seen.containsKey(k)).map(names::get).sorted().toList();
            List<String> repeated = seen.entrySet().stream().filter(e -> e.getValue() != 1)
                    .map(e -> names.getOrDefault(e.getKey(), "?") + " x" + e.getValue()).sorted().toList();
            long unexpected = seen.keySet().stream().filter(k -> !names.containsKey(k)).count();
            assertThat(missing).as("messages that never came out").isEmpty();
            assertThat(repeated).as("messages that came out more than once").isEmpty();
            assertThat(unexpected).as("outputs that match no input").isZero();
            assertThat(seen).hasSize(names.size());
            System.out.printf("quality IT (%s): %d inputs (%d distinct) sent twice, then again after a restart;"
                    + " first run %s, second run %s%n", gate.format(), inputs.size(), names.size(), decisions(first),
                    decisions(second));
            assertThat(second.count(QualityMetrics.Decision.DUPLICATE)).isGreaterThanOrEqualTo(inputs.size());
        }
    }

    /** Topic names of one scenario. */
    private record Topics(String ingest, String accepted, String quarantine) {
        Topics(String prefix) {
            this(prefix + "-ingest", prefix + "-accepted", prefix + "-quarantine");
        }
    }

    /**
     * What makes two FHIR inputs the same, independently of the gate's code: the parsed JSON tree (layout aside)
     * without the root's meta.lastUpdated; the raw text when unreadable.
     */
    static String fhirIdentity(com.fasterxml.jackson.databind.ObjectMapper json, byte[] raw) {
        try {
            com.fasterxml.jackson.databind.JsonNode n = json.readTree(raw);
            if (n.path("meta") instanceof com.fasterxml.jackson.databind.node.ObjectNode m) {
                m.remove("lastUpdated");
            }
            return "json:" + n;
        } catch (java.io.IOException e) {
            return "raw:" + new String(raw, StandardCharsets.UTF_8);
        }
    }

    /** The gate behind the way in phi-stream builds ({@link IngestRekeying}): null-keyed inputs are re-keyed. */
    private static Topology topology(Topics topics, Gate gate, QuarantineSealer sealer, QualityMetrics metrics) {
        QualityGateProcessor.Wiring w = new QualityGateProcessor.Wiring(gate, Duration.ofHours(24), sealer, metrics,
                QualityGateProcessor.DEFAULT_STORE, "accepted", "quarantine", "p", "v");
        StreamsBuilder b = new StreamsBuilder();
        IngestRekeying.gateInput(b, new Topic<>(topics.ingest(), Serdes.String(), Serdes.ByteArray()), "in", gate,
                IngestRekey.UNKEYED, 4 * 1024 * 1024).process(QualityGateProcessor.supplier(w), Named.as("gate"));
        Topology t = b.build();
        t.addSink("accepted", topics.accepted(), new StringSerializer(), AbstractGateProcessorTest.bytes(), "gate");
        t.addSink("quarantine", topics.quarantine(), new StringSerializer(), AbstractGateProcessorTest.bytes(), "gate");
        return t;
    }

    private static Properties props(PhiStreamConfig config, Path stateDir) {
        Properties p = new Properties();
        p.putAll(config.streamsProperties());
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return p;
    }

    /**
     * What makes two inputs the same message, independently of the gate's code: MSH-3, MSH-4 and MSH-10 with
     * the segments after MSH, separators and framing aside; the whole text when MSH-10 is empty or unreadable.
     */
    static String identity(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8).replace("\u000b", "").replace("\u001c", "").strip();
        List<String> lines = new ArrayList<>();
        for (String l : text.split("\r\n|\r|\n")) {
            if (!l.isBlank()) {
                lines.add(l);
            }
        }
        if (lines.isEmpty() || !lines.get(0).startsWith("MSH|")) {
            return "raw:" + text;
        }
        String[] msh = lines.get(0).split("\\|", -1);
        String control = msh.length > 9 ? msh[9] : "";
        if (control.isBlank()) {
            return "content:" + String.join("\r", lines);
        }
        return "id:" + msh[2] + "|" + msh[3] + "|" + control + "\n" + String.join("\r", lines.subList(1, lines.size()));
    }

    private static Map<QualityMetrics.Decision, Long> decisions(QualityMetrics m) {
        Map<QualityMetrics.Decision, Long> d = new java.util.EnumMap<>(QualityMetrics.Decision.class);
        for (QualityMetrics.Decision x : QualityMetrics.Decision.values()) {
            d.put(x, m.count(x));
        }
        return d;
    }

    private static void awaitDecisions(QualityMetrics m, int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            long done = 0;
            for (QualityMetrics.Decision d : QualityMetrics.Decision.values()) {
                done += m.count(d);
            }
            if (done >= n) {
                Thread.sleep(300); // let the last transaction commit, or not: both are fine for exactly once
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the gate did not decide on " + n + " inputs in time");
    }

    private static void send(PhiStreamConfig config, String topic, List<byte[]> values) {
        Properties p = new Properties();
        p.putAll(config.producerProperties());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            for (byte[] v : values) {
                producer.send(new ProducerRecord<>(topic, null, v));
            }
        }
    }

    private static Map<String, Integer> readCommitted(PhiStreamConfig config, Topics topics, QuarantineSealer sealer,
                                                      java.util.function.Function<byte[], String> identity,
                                                      int expected, Duration timeout) throws Exception {
        Properties p = new Properties();
        p.putAll(config.consumerProperties());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, topics.ingest() + "-reader");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, Integer> seen = new HashMap<>();
        int total = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            c.subscribe(List.of(topics.accepted(), topics.quarantine()));
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    byte[] original = r.value();
                    if (r.topic().equals(topics.quarantine())) {
                        QuarantineEnvelope envelope = sealer.read(r.value());
                        // re-keyed on the way: the envelope still names the ingest record, not the purged repartition one
                        assertThat(envelope.getSourceTopic()).isEqualTo(topics.ingest());
                        assertThat(envelope.getSourceOffset()).isNotNegative();
                        original = sealer.open(envelope);
                    }
                    seen.merge(identity.apply(original), 1, Integer::sum);
                    total++;
                }
                if (total >= expected && quietUntil == Long.MAX_VALUE) {
                    quietUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                }
            }
        }
        return seen;
    }
}
