package io.phistream.topology.quality;

import io.phistream.topology.keys.KeyStore;
import io.phistream.topology.stream.QuarantineSealer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor in a small topology of its own (ingest → gate → out | quarantine) on TopologyTestDriver, a new one
 * per test; each format's test class gives its gate's {@link #wiring()}.
 */
abstract class AbstractGateProcessorTest {

    static final Duration WINDOW = Duration.ofHours(1);
    static final Instant T0 = Instant.parse("2024-03-11T10:15:00Z");

    protected final KeyStore keys = KeyStore.ephemeral();
    protected final QuarantineSealer sealer = new QuarantineSealer(keys.quarantine(), 0, "policy-test",
            "pipeline-test", Clock.systemUTC());
    protected final QualityMetrics metrics = new QualityMetrics();
    protected TopologyTestDriver driver;
    protected TestInputTopic<String, byte[]> in;
    protected TestOutputTopic<String, byte[]> accepted;
    protected TestOutputTopic<String, byte[]> quarantine;
    /** The driver's state directory, deleted by JUnit after {@link #stop()} closed the driver. */
    @TempDir
    Path stateDir;

    /** The processor under test: its gate, store and names; {@link #keys}, {@link #sealer}, {@link #metrics} are ready. */
    abstract QualityGateProcessor.Wiring wiring();

    /** The test topology; the real one puts the gate in front of de-identification the same way. */
    static Topology topology(QualityGateProcessor.Wiring w, String inTopic, String acceptedTopic, String quarantineTopic) {
        Topology t = new Topology();
        t.addSource("in", new StringDeserializer(), new ByteArrayDeserializer(), inTopic);
        t.addProcessor("gate", QualityGateProcessor.supplier(w), "in");
        t.addSink(w.acceptedChild(), acceptedTopic, new StringSerializer(), bytes(), "gate");
        t.addSink(w.quarantineChild(), quarantineTopic, new StringSerializer(), bytes(), "gate");
        return t;
    }

    static Serializer<Object> bytes() {
        ByteArraySerializer s = new ByteArraySerializer();
        return (topic, value) -> s.serialize(topic, (byte[]) value);
    }

    @BeforeEach
    void start() throws Exception {
        String applicationId = getClass().getSimpleName();
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(topology(wiring(), "ingest", "out", "quarantine"), p);
        in = driver.createInputTopic("ingest", new StringSerializer(), new ByteArraySerializer());
        accepted = driver.createOutputTopic("out", new StringDeserializer(), new ByteArrayDeserializer());
        quarantine = driver.createOutputTopic("quarantine", new StringDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    void send(String msg, Instant at, RecordHeaders headers) {
        in.pipeInput(new TestRecord<>("k1", msg.getBytes(StandardCharsets.UTF_8), headers, at));
    }

    void send(String msg, Instant at) {
        send(msg, at, new RecordHeaders());
    }
}
