package io.phistream.topology.quality;

import static io.phistream.topology.quality.FhirTestGates.observation;
import static io.phistream.topology.quality.FhirTestGates.patient;
import static io.phistream.topology.quality.FhirValidatorTest.edit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phistream.serdes.avro.QuarantineEnvelope;
import io.phistream.topology.keys.KeyStore;
import io.phistream.topology.stream.Headers;
import io.phistream.topology.stream.QuarantineSealer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The same processor with the FHIR gate (source → gate → accepted | quarantine) on TopologyTestDriver. */
class FhirQualityGateProcessorTest {

    static final Duration WINDOW = Duration.ofHours(1);
    static final Instant T0 = Instant.parse("2024-03-11T10:15:00Z");

    private final KeyStore keys = KeyStore.ephemeral();
    private final FhirQualityGate gate = FhirTestGates.gate(keys);
    private final QuarantineSealer sealer = new QuarantineSealer(keys.quarantine(), 0, "policy-test", "pipeline-test",
            Clock.systemUTC());
    private final QualityMetrics metrics = new QualityMetrics();
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> in;
    private TestOutputTopic<String, byte[]> accepted;
    private TestOutputTopic<String, byte[]> quarantine;

    @BeforeEach
    void start() throws Exception {
        QualityGateProcessor.Wiring w = new QualityGateProcessor.Wiring(gate, WINDOW, sealer, metrics,
                QualityGateProcessor.FHIR_STORE, "accepted", "quarantine", "fhir-policy", "pipeline-test");
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "fhir-quality-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("fhir-quality-test").toString());
        driver = new TopologyTestDriver(QualityGateProcessorTest.topology(w, "ingest", "out", "quarantine"), p);
        in = driver.createInputTopic("ingest", new StringSerializer(), new ByteArraySerializer());
        accepted = driver.createOutputTopic("out", new StringDeserializer(), new ByteArrayDeserializer());
        quarantine = driver.createOutputTopic("quarantine", new StringDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void send(String resource, Instant at) {
        in.pipeInput(new TestRecord<>("k1", resource.getBytes(StandardCharsets.UTF_8), new RecordHeaders(), at));
    }

    @Test
    void givenAValidResource_whenProcessed_thenItIsForwardedUnchanged() {
        send(observation(), T0);
        TestRecord<String, byte[]> r = accepted.readRecord();
        assertThat(r.key()).isEqualTo("k1");
        assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo(observation());
        assertThat(r.headers().lastHeader(QualityGateProcessor.WARNINGS_HEADER)).isNull();
        assertThat(metrics.count(QualityMetrics.Decision.PASSED)).isEqualTo(1);
    }

    @Test
    void givenAResourceWithWarnings_whenProcessed_thenItPassesWithTheFhirRuleIdsInAHeader() {
        send(edit(observation(), o -> o.remove("subject")), T0);
        TestRecord<String, byte[]> r = accepted.readRecord();
        assertThat(Headers.get(r.headers(), QualityGateProcessor.WARNINGS_HEADER)).isEqualTo("fhir.observation.subject");
        assertThat(Headers.get(r.headers(), QualityGateProcessor.RULES_HEADER)).isEqualTo("fhir-r4-rules/1.0.0");
    }

    @Test
    void givenAnIncompleteResource_whenProcessed_thenItIsSealedIntoQuarantineAsFhirWithItsReason() throws Exception {
        String p = edit(patient(), x -> x.remove("identifier"));
        send(p, T0);
        assertThat(accepted.isEmpty()).isTrue();
        TestRecord<String, byte[]> r = quarantine.readRecord();
        assertThat(Headers.get(r.headers(), Headers.REASON)).isEqualTo("MISSING_PATIENT_ID");
        assertThat(Headers.get(r.headers(), QualityGateProcessor.RULE_HEADER)).isEqualTo("fhir.patient.identifier");
        assertThat(r.key()).isEqualTo(gate.inspect(p.getBytes(StandardCharsets.UTF_8)).messageId());
        QuarantineEnvelope env = sealer.read(r.value());
        assertThat(env.getFormat()).isEqualTo("fhir");
        assertThat(env.getPolicyVersion()).isEqualTo("fhir-policy");
        assertThat(sealer.open(env)).isEqualTo(p.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void givenResendsWithinTheWindow_whenProcessed_thenOnlyTheFirstPassesAndLaterCopiesAreCounted() {
        send(observation(), T0);
        send(observation().replace("\n", "\r\n  "), T0.plus(Duration.ofMinutes(59)));
        send(edit(observation(), o -> ((ObjectNode) o.get("meta")).put("lastUpdated", "2024-03-11T11:00:00Z")),
                T0.minus(Duration.ofMinutes(30)));
        send(patient(), T0);
        send(patient(), T0.plusSeconds(1));
        assertThat(accepted.readRecordsToList()).hasSize(2);
        assertThat(metrics.count(QualityMetrics.Decision.DUPLICATE)).isEqualTo(3);
        send(observation(), T0.plus(WINDOW).plusSeconds(1));
        assertThat(accepted.readRecordsToList()).as("beyond the window: released again").hasSize(1);
    }

    @Test
    void givenTheSameVersionWithOtherContent_whenProcessed_thenItPassesWithTheVersionReusedWarning() {
        send(observation(), T0);
        send(edit(observation(), o -> ((ObjectNode) o.get("valueQuantity")).put("value", 75)), T0.plusSeconds(5));
        var out = accepted.readRecordsToList();
        assertThat(out).hasSize(2);
        assertThat(Headers.get(out.get(1).headers(), QualityGateProcessor.WARNINGS_HEADER))
                .isEqualTo("fhir.dedupe.version-reused");
    }
}
