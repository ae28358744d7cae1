package io.phistream.topology.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.serdes.avro.QuarantineEnvelope;
import io.phistream.synthetic.SyntheticHl7;
import io.phistream.topology.broker.EmbeddedKafka;
import io.phistream.topology.config.PhiStreamConfig;
import io.phistream.topology.keys.KeyStore;
import io.phistream.topology.stream.QuarantineSealer;
import io.phistream.topology.stream.StreamsApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On a real in-process broker, the gate in a self-contained topology (ingest → re-key by dedupe digest → keyed
 * topic → gate → accepted | quarantine), exactly_once_v2: every corpus message and generated message is sent twice
 * with null keys over two partitions, the application is stopped abruptly, restarted with an empty state directory
 * (the dedupe store is restored from its changelog) and everything is sent a third time. A read_committed consumer
 * finds each distinct message exactly once across both outputs.
 */
class QualityGateExactlyOnceIT {

    private static EmbeddedKafka broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafka.start(null);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void givenEveryMessageTwiceThenAgainAfterARestart_whenGated_thenEachDistinctMessageComesOutExactlyOnce()
            throws Exception {
        Map<String, String> settings = new HashMap<>();
        settings.put(PhiStreamConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers());
        settings.put(PhiStreamConfig.APPLICATION_ID, "quality-it");
        settings.put(PhiStreamConfig.TOPIC_REPLICATION_FACTOR, "1");
        settings.put(PhiStreamConfig.COMMIT_INTERVAL_MS, "50");
        settings.put("kafka.session.timeout.ms", "6000");
        settings.put("kafka.heartbeat.interval.ms", "1000");
        PhiStreamConfig config = PhiStreamConfig.load(null, Map.of(), settings);
        broker.createTopics(List.of(new NewTopic("q-ingest", 2, (short) 1), new NewTopic("q-keyed", 2, (short) 1),
                new NewTopic("q-accepted", 2, (short) 1), new NewTopic("q-quarantine", 1, (short) 1)));

        KeyStore keys = KeyStore.ephemeral();
        QualityGate gate = TestGates.gate(keys);
        QuarantineSealer sealer = new QuarantineSealer(keys.quarantine(), 0, "p", "v", Clock.systemUTC());

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
        Map<String, String> names = new HashMap<>(); // identity -> first input name, for readable failures
        inputs.forEach((name, raw) -> names.putIfAbsent(identity(raw), name));

        List<byte[]> twice = new ArrayList<>();
        for (byte[] raw : inputs.values()) {
            twice.add(raw);
            twice.add(new String(raw, StandardCharsets.UTF_8).replace("\r", "\r\n").getBytes(StandardCharsets.UTF_8));
        }

        // when: sent twice, gated, stopped abruptly; restarted on an empty state directory and sent again
        QualityMetrics first = new QualityMetrics();
        send(config, twice);
        KafkaStreams app1 = new KafkaStreams(topology(gate, sealer, first), props(config));
        app1.start();
        assertThat(StreamsApp.awaitRunning(app1, Duration.ofSeconds(60))).isTrue();
        awaitDecisions(first, twice.size(), Duration.ofSeconds(90));
        app1.close(Duration.ZERO);

        QualityMetrics second = new QualityMetrics();
        send(config, new ArrayList<>(inputs.values()));
        try (KafkaStreams app2 = new KafkaStreams(topology(gate, sealer, second), props(config))) {
            app2.start();
            assertThat(StreamsApp.awaitRunning(app2, Duration.ofSeconds(60))).isTrue();
            awaitDecisions(second, inputs.size(), Duration.ofSeconds(90));

            // then: each distinct message exactly once, passed or quarantined, and the third copies were dropped
            Map<String, Integer> seen = readCommitted(config, sealer, names.size(), Duration.ofSeconds(60));
            List<String> missing = names.keySet().stream().filter(k -> !seen.containsKey(k)).map(names::get).sorted().toList();
            List<String> repeated = seen.entrySet().stream().filter(e -> e.getValue() != 1)
                    .map(e -> names.getOrDefault(e.getKey(), "?") + " x" + e.getValue()).sorted().toList();
            long unexpected = seen.keySet().stream().filter(k -> !names.containsKey(k)).count();
            assertThat(missing).as("messages that never came out").isEmpty();
            assertThat(repeated).as("messages that came out more than once").isEmpty();
            assertThat(unexpected).as("outputs that match no input").isZero();
            assertThat(seen).hasSize(names.size());
            System.out.printf("quality IT: %d inputs (%d distinct) sent twice, then again after a restart;"
                    + " first run %s, second run %s%n", inputs.size(), names.size(), decisions(first), decisions(second));
            assertThat(second.count(QualityMetrics.Decision.DUPLICATE)).isGreaterThanOrEqualTo(inputs.size());
        }
    }

    private static Topology topology(QualityGate gate, QuarantineSealer sealer, QualityMetrics metrics) {
        QualityGateProcessor.Wiring w = new QualityGateProcessor.Wiring(gate, Duration.ofHours(24), sealer, metrics,
                QualityGateProcessor.DEFAULT_STORE, "accepted", "quarantine", "p", "v");
        Topology t = new Topology();
        t.addSource("in", new StringDeserializer(), new ByteArrayDeserializer(), "q-ingest");
        t.addProcessor("rekey", DedupeKeyProcessor.supplier(gate), "in");
        t.addSink("to-keyed", "q-keyed", new StringSerializer(), new ByteArraySerializer(), "rekey");
        t.addSource("keyed", new StringDeserializer(), new ByteArrayDeserializer(), "q-keyed");
        t.addProcessor("gate", QualityGateProcessor.supplier(w), "keyed");
        t.addSink("accepted", "q-accepted", new StringSerializer(), QualityGateProcessorTest.bytes(), "gate");
        t.addSink("quarantine", "q-quarantine", new StringSerializer(), QualityGateProcessorTest.bytes(), "gate");
        return t;
    }

    private static Properties props(PhiStreamConfig config) throws Exception {
        Properties p = new Properties();
        p.putAll(config.streamsProperties());
        p.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("quality-it-state").toString());
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

    private static void send(PhiStreamConfig config, List<byte[]> values) {
        Properties p = new Properties();
        p.putAll(config.producerProperties());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            for (byte[] v : values) {
                producer.send(new ProducerRecord<>("q-ingest", null, v));
            }
        }
    }

    private static Map<String, Integer> readCommitted(PhiStreamConfig config, QuarantineSealer sealer, int expected,
                                                      Duration timeout) throws Exception {
        Properties p = new Properties();
        p.putAll(config.consumerProperties());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "quality-it-reader");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, Integer> seen = new HashMap<>();
        int total = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            c.subscribe(List.of("q-accepted", "q-quarantine"));
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    byte[] original = r.topic().equals("q-quarantine")
                            ? sealer.open(sealer.read(r.value())) : r.value();
                    seen.merge(identity(original), 1, Integer::sum);
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
