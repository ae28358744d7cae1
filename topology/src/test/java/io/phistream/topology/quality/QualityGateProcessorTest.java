package io.phistream.topology.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.phistream.detector.RejectReason;
import io.phistream.serdes.avro.QuarantineEnvelope;
import io.phistream.topology.stream.Headers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** The processor with the HL7 v2 gate in a small topology of its own (source → gate → accepted | quarantine). */
class QualityGateProcessorTest extends AbstractGateProcessorTest {

    private final QualityGate gate = TestGates.gate(keys);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final String oru = TestGates.oru();

    QualityGateProcessorTest() {
        metrics.bindTo(registry);
    }

    @Override
    QualityGateProcessor.Wiring wiring() {
        return new QualityGateProcessor.Wiring(gate, WINDOW, sealer, metrics, QualityGateProcessor.DEFAULT_STORE,
                "accepted", "quarantine", "policy-test", "pipeline-test");
    }

    @Test
    void givenAValidMessage_whenProcessed_thenItIsForwardedUnchangedWithItsKeyAndHeaders() {
        RecordHeaders h = new RecordHeaders();
        h.add("trace", "t-1".getBytes(StandardCharsets.UTF_8));
        send(oru, T0, h);
        TestRecord<String, byte[]> r = accepted.readRecord();
        assertThat(r.key()).isEqualTo("k1");
        assertThat(r.value()).isEqualTo(oru.getBytes(StandardCharsets.UTF_8));
        assertThat(r.getRecordTime()).isEqualTo(T0);
        assertThat(Headers.get(r.headers(), "trace")).isEqualTo("t-1");
        assertThat(r.headers().lastHeader(QualityGateProcessor.WARNINGS_HEADER)).isNull();
        assertThat(quarantine.isEmpty()).isTrue();
        assertThat(metrics.count(QualityMetrics.Decision.PASSED)).isEqualTo(1);
    }

    @Test
    void givenAMessageWithWarnings_whenProcessed_thenItPassesWithTheRuleIdsInAHeader() {
        send(Msgs.set(Msgs.set(oru, "OBX", 6, 6, ""), "MSH", 11, "X"), T0);
        TestRecord<String, byte[]> r = accepted.readRecord();
        assertThat(Headers.get(r.headers(), QualityGateProcessor.WARNINGS_HEADER))
                .isEqualTo("hl7.msh.processing-id,hl7.obx.units-present");
        assertThat(Headers.get(r.headers(), QualityGateProcessor.RULES_HEADER)).isEqualTo("hl7v2-rules/1.0.0");
        assertThat(metrics.count("hl7.obx.units-present", Outcome.PASS_WITH_WARNING)).isEqualTo(1);
        assertThat(registry.get("phistream.quality.findings").tag("rule", "hl7.obx.units-present")
                .tag("reason", "OBSERVATION_WITHOUT_UNITS").functionCounter().count()).isEqualTo(1.0);
    }

    @Test
    void givenAnUpstreamForgedWarningsHeader_whenAValidMessageIsProcessed_thenTheHeaderIsRemoved() {
        RecordHeaders h = new RecordHeaders();
        h.add(QualityGateProcessor.WARNINGS_HEADER, "none".getBytes(StandardCharsets.UTF_8));
        send(oru, T0, h);
        assertThat(accepted.readRecord().headers().lastHeader(QualityGateProcessor.WARNINGS_HEADER)).isNull();
    }

    @Test
    void givenAnIncompleteMessage_whenProcessed_thenItIsQuarantinedSealedWithItsReasonAndRule() throws Exception {
        String incomplete = Msgs.set(oru, "PID", 3, "");
        send(incomplete, T0);
        assertThat(accepted.isEmpty()).isTrue();
        TestRecord<String, byte[]> q = quarantine.readRecord();
        String messageId = gate.inspect(TestGates.bytes(incomplete)).messageId();
        assertThat(q.key()).isEqualTo(messageId);
        assertThat(Headers.get(q.headers(), Headers.MESSAGE_ID)).isEqualTo(messageId);
        assertThat(Headers.get(q.headers(), Headers.REASON)).isEqualTo("MISSING_PATIENT_ID");
        assertThat(Headers.get(q.headers(), QualityGateProcessor.RULE_HEADER)).isEqualTo("hl7.pid.patient-id");
        assertThat(Headers.get(q.headers(), Headers.POLICY_VERSION)).isEqualTo("policy-test");
        assertThat(Headers.get(q.headers(), Headers.PIPELINE_VERSION)).isEqualTo("pipeline-test");
        QuarantineEnvelope env = sealer.read(q.value());
        assertThat(env.getReason()).isEqualTo(RejectReason.MISSING_PATIENT_ID.name());
        assertThat(env.getDetail()).isEqualTo(RejectReason.MISSING_PATIENT_ID.description());
        assertThat(env.getSourceTopic()).isEqualTo("ingest");
        assertThat(sealer.open(env)).isEqualTo(TestGates.bytes(incomplete));
        assertThat(new String(q.value(), StandardCharsets.ISO_8859_1)).doesNotContain("DOE").doesNotContain("CTRL0001");
        assertThat(metrics.count("hl7.pid.patient-id", Outcome.QUARANTINE)).isEqualTo(1);
        assertThat(metrics.byReason(Outcome.QUARANTINE)).containsEntry(RejectReason.MISSING_PATIENT_ID, 1L);
    }

    @Test
    void givenDuplicatesWithinTheWindow_whenProcessed_thenOnlyTheFirstComesOutAndTheRestAreCounted() {
        send(oru, T0);
        send(oru, T0.plusSeconds(60));
        send(oru.replace("\r", "\r\n"), T0.plusSeconds(120));
        String bad = Msgs.set(oru, "MSH", 10, "OTHER1");
        send(Msgs.set(bad, "PID", 3, ""), T0.plusSeconds(130));
        send(Msgs.set(bad, "PID", 3, ""), T0.plusSeconds(140));
        assertThat(accepted.readRecordsToList()).hasSize(1);
        assertThat(quarantine.readRecordsToList()).as("a resent bad message is quarantined once").hasSize(1);
        assertThat(metrics.count(QualityMetrics.Decision.DUPLICATE)).isEqualTo(3);
        assertThat(registry.get("phistream.quality.decisions").tag("decision", "duplicate").functionCounter().count())
                .isEqualTo(3.0);
    }

    @Test
    void givenACopyAfterTheWindow_whenProcessed_thenItComesOutAgain() {
        send(oru, T0);
        send(oru, T0.plus(WINDOW).plusMillis(1));
        assertThat(accepted.readRecordsToList()).hasSize(2);
        assertThat(metrics.count(QualityMetrics.Decision.DUPLICATE)).isZero();
    }

    @Test
    void givenAReusedControlIdWithOtherContent_whenProcessed_thenItPassesWithTheReuseWarning() {
        send(oru, T0);
        send(Msgs.set(oru, "OBX", 1, 5, "73"), T0.plusSeconds(1));
        List<TestRecord<String, byte[]>> out = accepted.readRecordsToList();
        assertThat(out).hasSize(2);
        assertThat(Headers.get(out.get(1).headers(), QualityGateProcessor.WARNINGS_HEADER))
                .isEqualTo("hl7.dedupe.control-id-reused");
    }

    @Test
    void givenProcessedMessages_whenTheDedupeStoreIsRead_thenItHoldsOnlyKeyedDigests() {
        send(oru, T0);
        send(Msgs.set(oru, "MSH", 10, ""), T0.plusSeconds(1));
        send("NOT HL7 AT ALL", T0.plusSeconds(2));
        WindowStore<String, byte[]> store = driver.getWindowStore(QualityGateProcessor.DEFAULT_STORE);
        int n = 0;
        try (KeyValueIterator<Windowed<String>, byte[]> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<Windowed<String>, byte[]> kv = it.next();
                assertThat(kv.key.key()).matches("[0-9a-f]{32}");
                assertThat(new String(kv.value, StandardCharsets.ISO_8859_1)).doesNotContain("CTRL0001");
                n++;
            }
        }
        assertThat(n).isEqualTo(3);
    }

    @Test
    void givenTheSupplier_whenAddedToATopology_thenItsStoreIsConnectedToTheGate() {
        QualityGateProcessor.Wiring w = new QualityGateProcessor.Wiring(gate, WINDOW, sealer, metrics, "my-store",
                "a", "q", "p", "v");
        String description = topology(w, "i", "o", "x").describe().toString();
        assertThat(description).contains("Processor: gate (stores: [my-store])");
    }
}
