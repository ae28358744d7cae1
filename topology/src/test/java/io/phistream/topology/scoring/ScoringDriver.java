package io.phistream.topology.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.phistream.detector.fhir.FhirOutcome;
import io.phistream.detector.hl7.Hl7Outcome;
import io.phistream.serdes.avro.Alert;
import io.phistream.serdes.avro.DriftEvent;
import io.phistream.serdes.avro.ObservationBatch;
import io.phistream.serdes.avro.Score;
import io.phistream.topology.Topics;
import io.phistream.topology.config.PhiStreamConfig;
import io.phistream.topology.keys.KeyStore;
import io.phistream.topology.stream.Headers;
import io.phistream.topology.stream.Stages;
import io.phistream.topology.stream.StreamsApp;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The scoring sub-topology alone on Kafka's TopologyTestDriver, fed with de-identified messages produced by the
 * real de-identification core (so the input looks exactly like deid.hl7v2 / deid.fhir).
 */
final class ScoringDriver implements AutoCloseable {

    static final KeyStore KEYS = KeyStore.ephemeral();
    static final PhiStreamConfig CONFIG = PhiStreamConfig.load(null, Map.of(), Map.of(
            PhiStreamConfig.BOOTSTRAP_SERVERS, "unused:9092", PhiStreamConfig.APPLICATION_ID, "scoring-test"));
    static final Topics TOPICS = new Topics(CONFIG);
    private static Stages stages;
    private static final ObjectMapper JSON = new ObjectMapper();

    static synchronized Stages stages() {
        if (stages == null) {
            stages = Stages.create(CONFIG, KEYS);
        }
        return stages;
    }

    final ScoringStages scoring;
    final Topology topology;
    final TopologyTestDriver driver;
    private final TestInputTopic<String, String> deidHl7;
    private final TestInputTopic<String, String> deidFhir;
    final TestOutputTopic<String, ObservationBatch> observations;
    final TestOutputTopic<String, Score> scores;
    final TestOutputTopic<String, DriftEvent> drift;
    final TestOutputTopic<String, byte[]> audit;
    private long wallMs = Instant.parse("2025-03-01T00:00:00Z").toEpochMilli();

    ScoringDriver(ScoringStages scoring) {
        this.scoring = scoring;
        Topology t = new Topology();
        ScoringTopology.addTo(t, TOPICS, stages(), scoring);
        topology = t;
        driver = new TopologyTestDriver(t, StreamsApp.properties(CONFIG, TOPICS, stages()), Instant.ofEpochMilli(wallMs));
        deidHl7 = driver.createInputTopic(TOPICS.deidHl7v2().name(), new StringSerializer(), new StringSerializer());
        deidFhir = driver.createInputTopic(TOPICS.deidFhir().name(), new StringSerializer(), new StringSerializer());
        var serdes = scoring.serdes();
        observations = driver.createOutputTopic(TOPICS.observations().name(), new StringDeserializer(),
                serdes.observationBatch().deserializer());
        scores = driver.createOutputTopic(TOPICS.scores().name(), new StringDeserializer(), serdes.score().deserializer());
        drift = driver.createOutputTopic(TOPICS.opsDrift().name(), new StringDeserializer(),
                serdes.driftEvent().deserializer());
        audit = driver.createOutputTopic(TOPICS.audit().name(), new StringDeserializer(), new ByteArrayDeserializer());
    }

    ScoringDriver() {
        this(ScoringStages.builder(stages()).build());
    }

    TestOutputTopic<String, Alert> alerts(String route) {
        return driver.createOutputTopic(TOPICS.alerts(route).name(), new StringDeserializer(),
                scoring.serdes().alert().deserializer());
    }

    /** De-identifies a raw ORU^R01 and pipes the result into deid.hl7v2 as the pipeline would; returns the token. */
    String hl7(String raw) {
        Hl7Outcome o = stages().hl7().deidentify(raw);
        assertThat(o).as("test message released by de-identification").isInstanceOf(Hl7Outcome.Deidentified.class);
        Hl7Outcome.Deidentified d = (Hl7Outcome.Deidentified) o;
        pipe(deidHl7, d.patientToken(), d.text(), d.messageId());
        return d.patientToken();
    }

    /** As {@link #hl7}, but a message the de-identification quarantines is left out (returns false). */
    boolean hl7IfReleased(String raw) {
        if (!(stages().hl7().deidentify(raw) instanceof Hl7Outcome.Deidentified)) {
            return false;
        }
        hl7(raw);
        return true;
    }

    /** De-identifies FHIR JSON and pipes the result into deid.fhir; returns the token. */
    String fhir(String json) {
        FhirOutcome o = stages().fhir().deidentify(json);
        assertThat(o).as("test resource released by de-identification").isInstanceOf(FhirOutcome.Deidentified.class);
        FhirOutcome.Deidentified d = (FhirOutcome.Deidentified) o;
        pipe(deidFhir, d.patientToken(), d.text(), d.messageId());
        return d.patientToken();
    }

    void pipeRawHl7(String key, String value) {
        pipe(deidHl7, key, value, null);
    }

    void pipeRawFhir(String key, String value) {
        pipe(deidFhir, key, value, null);
    }

    private void pipe(TestInputTopic<String, String> topic, String key, String value, String messageId) {
        RecordHeaders h = new RecordHeaders();
        if (messageId != null) {
            h.add(Headers.MESSAGE_ID, messageId.getBytes(StandardCharsets.UTF_8));
        }
        wallMs += 1000;
        topic.pipeInput(new TestRecord<>(key, value, h, Instant.ofEpochMilli(wallMs)));
    }

    /** The Kafka record time of the last message piped in (what the pipeline carries through as record time). */
    long lastInputMs() {
        return wallMs;
    }

    /** Audit records (not checkpoints) as JSON, in order. */
    List<JsonNode> auditRecords() throws Exception {
        return auditRecords(audit.readRecordsToList());
    }

    static List<JsonNode> auditRecords(List<TestRecord<String, byte[]>> entries) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (TestRecord<String, byte[]> r : entries) {
            JsonNode n = JSON.readTree(r.value());
            if ("record".equals(n.path("kind").asText())) {
                out.add(n.path("record").isObject() ? n.path("record") : n);
            }
        }
        return out;
    }

    /** Exact number of entries in a key-value store (RocksDB's own count is an estimate). */
    int entries(String store) {
        return entries(driver, store);
    }

    static int entries(TopologyTestDriver driver, String store) {
        int n = 0;
        try (var it = driver.<String, byte[]>getKeyValueStore(store).all()) {
            while (it.hasNext()) {
                it.next();
                n++;
            }
        }
        return n;
    }

    @Override
    public void close() {
        driver.close();
        scoring.close();
    }
}
