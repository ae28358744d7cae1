package io.phistream.topology.quality;

import static io.phistream.topology.quality.FhirTestGates.observation;
import static io.phistream.topology.quality.FhirTestGates.patient;
import static io.phistream.topology.quality.FhirValidatorTest.edit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phistream.detector.RejectReason;
import io.phistream.serdes.avro.QuarantineEnvelope;
import io.phistream.topology.stream.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** The same processor with the FHIR gate (source → gate → accepted | quarantine) on TopologyTestDriver. */
class FhirQualityGateProcessorTest extends AbstractGateProcessorTest {

    private final FhirQualityGate gate = FhirTestGates.gate(keys);

    @Override
    QualityGateProcessor.Wiring wiring() {
        return new QualityGateProcessor.Wiring(gate, WINDOW, sealer, metrics, QualityGateProcessor.FHIR_STORE,
                "accepted", "quarantine", "fhir-policy", "pipeline-test");
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
        // in FHIR's terms: a walkthrough read "PID-3 holds no patient identifier" for a Patient resource
        assertThat(env.getDetail()).isEqualTo(RejectReason.MISSING_PATIENT_ID.description("fhir"))
                .contains("Patient").doesNotContain("PID-3");
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
