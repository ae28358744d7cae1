package io.phistream.topology.scoring.bench;

import io.phistream.detector.hl7.Hl7Outcome;
import io.phistream.scoring.bundle.ModelManifest;
import io.phistream.serdes.avro.Observation;
import io.phistream.synthetic.GeneratedMessage;
import io.phistream.synthetic.SyntheticHl7;
import io.phistream.topology.Topics;
import io.phistream.topology.config.PhiStreamConfig;
import io.phistream.topology.keys.KeyStore;
import io.phistream.topology.scoring.FeatureState;
import io.phistream.topology.scoring.ModelInputs;
import io.phistream.topology.scoring.ObservationExtractor;
import io.phistream.topology.scoring.ScoringStages;
import io.phistream.topology.scoring.ScoringTopology;
import io.phistream.topology.stream.Headers;
import io.phistream.topology.stream.Stages;
import io.phistream.topology.stream.StreamsApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Costs of the scoring side per de-identified vital-signs message (~7 OBX): {@code extractHl7} (lean ER7 read, units,
 * Avro records), {@code extractFhir} (Jackson tree of a 7-resource Bundle), {@code scoreSet} (the state work and
 * NEWS2 ONNX call for one set, without Kafka), and {@code driverMessage}: one message through the whole scoring
 * sub-topology on TopologyTestDriver (extract, Avro to observations, RocksDB feature and alert stores, score, route,
 * audit; the driver commits, i.e. flushes every store, after every message, so this is an upper bound, not a
 * deployment figure). Commands: topology/README-scoring.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ScoringWiringBench {

    private static final int MESSAGES = 512;

    private Stages stages;
    private ScoringStages scoring;
    private final List<String> tokens = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();
    private final List<String> bumped = new ArrayList<>(); // the same messages with the pulse 1 higher
    private final List<String> ids = new ArrayList<>();
    private final List<List<Observation>> sets = new ArrayList<>();
    private String fhir;
    private ModelManifest news2;
    private TopologyTestDriver driver;
    private TestInputTopic<String, String> in;
    private List<TestOutputTopic<String, byte[]>> outputs;
    private int next;
    private java.nio.file.Path stateDir; // deleted in tearDown

    @Setup
    public void setUp() throws Exception {
        stateDir = Files.createTempDirectory("scoring-bench");
        PhiStreamConfig config = PhiStreamConfig.load(null, Map.of(), Map.of(PhiStreamConfig.BOOTSTRAP_SERVERS,
                "unused:9092", PhiStreamConfig.APPLICATION_ID, "scoring-bench",
                PhiStreamConfig.STATE_DIR, stateDir.toString()));
        stages = Stages.create(config, KeyStore.ephemeral());
        scoring = ScoringStages.create(config, stages);
        news2 = scoring.registry().live("news2").orElseThrow();
        SyntheticHl7 gen = new SyntheticHl7(2017);
        while (texts.size() < MESSAGES) {
            GeneratedMessage m = gen.next();
            if (!m.text().contains("85353-1^Vital signs panel")
                    || !(stages.hl7().deidentify(m.text()) instanceof Hl7Outcome.Deidentified d)) {
                continue;
            }
            // one patient per message (the extractor takes the record key as the token), so that in later rounds
            // no message is older than its patient's state and ignored as late
            tokens.add("mrn-BENCH" + texts.size());
            texts.add(d.text());
            java.util.regex.Matcher hr = java.util.regex.Pattern
                    .compile("(OBX\\|\\d+\\|NM\\|8867-4\\^[^|]*\\|[^|]*\\|)(\\d+)").matcher(d.text());
            bumped.add(hr.find() ? d.text().substring(0, hr.start(2)) + (Integer.parseInt(hr.group(2)) + 1)
                    + d.text().substring(hr.end(2)) : d.text());
            ids.add(d.messageId());
            sets.add(ObservationExtractor.fromHl7(d.patientToken(), d.text(), d.messageId()).observations());
        }
        fhir = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":["
                + String.join(",", q("8867-4", 95, "/min"), q("9279-1", 22, "/min"), q("59408-5", 94, "%"),
                        q("8480-6", 118, "mm[Hg]"), q("8310-5", 101.3, "[degF]"), q("3151-8", 2, "L/min"),
                        "{\"resource\":{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"coding\":"
                                + "[{\"system\":\"http://loinc.org\",\"code\":\"67775-7\"}]},\"subject\":{\"reference\":"
                                + "\"Patient/p1\"},\"effectiveDateTime\":\"2025-03-01T08:00:00Z\",\"valueCodeableConcept\":"
                                + "{\"coding\":[{\"code\":\"A\",\"display\":\"Alert\"}]}}}") + "]}";

        Topics topics = new Topics(config);
        Topology t = new Topology();
        ScoringTopology.addTo(t, topics, stages, scoring);
        Properties props = StreamsApp.properties(config, topics, stages);
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        driver = new TopologyTestDriver(t, props, Instant.parse("2025-03-01T00:00:00Z"));
        in = driver.createInputTopic(topics.deidHl7v2().name(), new StringSerializer(), new StringSerializer());
        outputs = new ArrayList<>();
        for (String topic : List.of(topics.observations().name(), topics.scores().name(), topics.opsDrift().name(),
                topics.audit().name(), topics.alerts("ward").name(), topics.alerts("rapid-response").name())) {
            outputs.add(driver.createOutputTopic(topic, new StringDeserializer(), new ByteArrayDeserializer()));
        }
    }

    private static String q(String loinc, double value, String ucum) {
        return "{\"resource\":{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":"
                + "\"http://loinc.org\",\"code\":\"" + loinc + "\"}]},\"subject\":{\"reference\":\"Patient/p1\"},"
                + "\"effectiveDateTime\":\"2025-03-01T08:00:00Z\",\"valueQuantity\":{\"value\":" + value
                + ",\"system\":\"http://unitsofmeasure.org\",\"code\":\"" + ucum + "\"}}}";
    }

    @TearDown
    public void tearDown() throws java.io.IOException {
        driver.close();
        scoring.close();
        try (java.util.stream.Stream<java.nio.file.Path> walk = Files.walk(stateDir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public Object extractHl7() {
        int i = next++ & (MESSAGES - 1);
        return ObservationExtractor.fromHl7(tokens.get(i), texts.get(i), ids.get(i));
    }

    @Benchmark
    public Object extractFhir() {
        return ObservationExtractor.fromFhir("mrn-BENCH", fhir, "c1");
    }

    /** Decode a stored state, apply one set, assemble the NEWS2 row, score it (ONNX, batch 1), encode the state. */
    @Benchmark
    public Object scoreSet() {
        int i = next++ & (MESSAGES - 1);
        FeatureState s = FeatureState.fromBytes(new FeatureState().toBytes());
        for (Observation o : sets.get(i)) {
            s.apply(o, 0);
        }
        float[] row = ModelInputs.assemble(news2, s).row();
        float[][] scored = scoring.registry().score("news2", new float[][] {row}).rows();
        s.lastScored("news2", row);
        return scored.length + s.toBytes().length;
    }

    /** Alternates each message with its bumped twin per round, so every message changes a feature set and scores. */
    @Benchmark
    public void driverMessage() {
        int i = next & (MESSAGES - 1);
        String text = ((next++ / MESSAGES) & 1) == 0 ? texts.get(i) : bumped.get(i);
        RecordHeaders h = new RecordHeaders();
        h.add(Headers.MESSAGE_ID, ids.get(i).getBytes(StandardCharsets.UTF_8));
        in.pipeInput(new TestRecord<>(tokens.get(i), text, h, Instant.ofEpochMilli(1_740_000_000_000L + next)));
        if ((next & 255) == 0) {
            outputs.forEach(TestOutputTopic::readRecordsToList); // keep the driver's output queues small
        }
    }
}
