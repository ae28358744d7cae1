package io.phistream.topology.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.RejectReason;
import io.phistream.synthetic.SyntheticHl7;
import io.phistream.topology.config.PhiStreamConfig;
import io.phistream.topology.keys.KeyStore;
import io.phistream.topology.stream.Stages;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading raw bytes: unreadable input is quarantined with the de-identifier's reasons and message ids. */
class QualityGateTest {

    private final KeyStore keys = KeyStore.ephemeral();
    private final Stages stages = Stages.create(PhiStreamConfig.defaults(), keys);
    private final QualityGate gate = TestGates.gate(keys);

    @Test
    void givenUnreadableInputs_whenInspected_thenEachIsQuarantinedWithTheDeidentifiersReason() {
        Map<byte[], RejectReason> inputs = new LinkedHashMap<>();
        inputs.put(new byte[0], RejectReason.EMPTY);
        inputs.put(TestGates.bytes("  \r\n "), RejectReason.EMPTY);
        inputs.put(new byte[Stages.DEFAULT_MAX_MESSAGE_BYTES + 1], RejectReason.TOO_LARGE);
        inputs.put(new byte[] {'M', 'S', 'H', '|', (byte) 0xC3, (byte) 0x28}, RejectReason.INVALID_ENCODING);
        inputs.put(TestGates.bytes("PATIENT JOHN SMITH"), RejectReason.NOT_HL7);
        inputs.put(TestGates.bytes("MSH|AB|x"), RejectReason.BAD_ENCODING_CHARACTERS);
        inputs.put(TestGates.bytes("MSH|^~\\&|A\rpid|1\r"), RejectReason.BAD_SEGMENT);
        inputs.forEach((raw, reason) -> {
            QualityGate.Inspection in = gate.inspect(raw);
            assertThat(in.readable()).isFalse();
            assertThat(in.verdict()).isInstanceOf(Verdict.Quarantine.class);
            assertThat(((Verdict.Quarantine) in.verdict()).reason()).isEqualTo(reason);
            assertThat(in.idKey()).isNull();
            assertThat(in.dedupeKey()).isEqualTo(in.contentKey()).matches("[0-9a-f]{32}");
        });
        assertThat(gate.inspect(null).verdict()).isInstanceOf(Verdict.Quarantine.class);
    }

    @Test
    void givenALatin1MessageDeclaredInMsh18_whenInspected_thenItIsReadAndItsMsh18SaysUtf8() {
        String message = "MSH|^~\\&|A|B|C|D|20240101||ADT^A01|X1|P|2.5|||||USA|8859/1\r"
                + "PID|1||4471902^^^HOSP^MR||Muñoz^José||19700315|M\r";

        QualityGate.Inspection in = gate.inspect(message.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(in.readable()).isTrue();
        assertThat(in.text()).contains("Muñoz^José").contains("|USA|UNICODE UTF-8\r");
        assertThat(gate.inspect(message.replace("|8859/1", "").getBytes(StandardCharsets.ISO_8859_1)).readable())
                .as("undeclared Latin-1 stays unreadable").isFalse();
    }

    @Test
    void givenMessages_whenInspected_thenTheMessageIdIsTheOneTheDeidentifierGives() throws Exception {
        SyntheticHl7 gen = new SyntheticHl7(5);
        Map<String, byte[]> inputs = new LinkedHashMap<>(TestGates.corpus());
        for (int i = 0; i < 200; i++) {
            inputs.put("generated-" + i, TestGates.bytes(gen.next().text()));
        }
        inputs.put("no-control-id", TestGates.bytes(Msgs.set(TestGates.oru(), "MSH", 10, "")));
        inputs.put("unreadable", TestGates.bytes("NOT HL7"));
        inputs.put("bom-and-mllp", TestGates.bytes("\uFEFF\u000b" + TestGates.oru() + "\u001c\r"));
        inputs.forEach((name, raw) -> assertThat(gate.inspect(raw).messageId()).as(name)
                .isEqualTo(stages.hl7().deidentify(new String(raw, StandardCharsets.UTF_8)).messageId()));
    }

    @Test
    void givenAMessage_whenInspected_thenTheDedupeKeyIsTheIdKeyAndNoKeyHoldsItsIdentifiers() {
        QualityGate.Inspection in = gate.inspect(TestGates.bytes(TestGates.oru()));
        assertThat(in.readable()).isTrue();
        assertThat(in.dedupeKey()).isEqualTo(in.idKey());
        assertThat(in.idKey()).matches("[0-9a-f]{32}");
        assertThat(in.fingerprint()).matches("[0-9a-f]{32}").isNotEqualTo(in.idKey());
        assertThat(in.contentKey()).matches("[0-9a-f]{32}").isNotEqualTo(in.idKey());
        assertThat(in.messageId()).startsWith("m");
    }
}
