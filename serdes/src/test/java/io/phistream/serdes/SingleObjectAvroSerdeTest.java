package io.phistream.serdes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phistream.serdes.ContractViolationException.Reason;
import io.phistream.serdes.avro.QuarantineEnvelope;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.apache.avro.SchemaNormalization;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class SingleObjectAvroSerdeTest {

    private static final String TOPIC = "phistream.quarantine";
    private final Serde<QuarantineEnvelope> serde = AvroSerdeFactory.singleObject().quarantineEnvelope();

    static QuarantineEnvelope envelope() {
        return QuarantineEnvelope.newBuilder()
                .setMessageId("msg-000042")
                .setReason("PARSE_ERROR")
                .setDetail("message could not be parsed")
                .setFormat("hl7v2")
                .setSourceTopic("phistream.ingest.hl7v2")
                .setSourcePartition(3)
                .setSourceOffset(123_456_789_012L)
                .setKeysetKeyId(0x1234_5678)
                .setCiphertext(ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9}))
                .setPolicyVersion("2025.1")
                .setPipelineVersion("0.1.0")
                .setQuarantinedAtMs(Instant.ofEpochMilli(1_750_000_000_123L))
                .build();
    }

    @Test
    void givenEnvelope_whenRoundTripped_thenEqual() {
        byte[] bytes = serde.serializer().serialize(TOPIC, envelope());

        assertThat(serde.deserializer().deserialize(TOPIC, bytes)).isEqualTo(envelope());
    }

    @Test
    void givenEnvelope_whenSerialized_thenHeaderIsSpecMagicAndLittleEndianFingerprint() throws Exception {
        byte[] bytes = serde.serializer().serialize(TOPIC, envelope());

        long expected = SchemaNormalization.parsingFingerprint64(QuarantineEnvelope.getClassSchema());
        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        assertThat(ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong()).isEqualTo(expected);
        // interoperable with Avro's own generated decoder
        assertThat(QuarantineEnvelope.getDecoder().decode(bytes, null)).isEqualTo(envelope());
    }

    @Test
    void givenAvroOwnEncoding_whenDeserialized_thenAccepted() throws Exception {
        byte[] bytes = envelope().toByteBuffer().array();

        assertThat(serde.deserializer().deserialize(TOPIC, bytes)).isEqualTo(envelope());
    }

    @Test
    void givenNull_whenSerializedOrDeserialized_thenNull() {
        assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
        assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
    }

    @Test
    void givenShortPayload_whenDeserialized_thenTruncatedHeader() {
        assertViolation(new byte[] {(byte) 0xC3, 0x01, 0, 0}, Reason.TRUNCATED_HEADER);
    }

    @Test
    void givenConfluentFramedPayload_whenDeserialized_thenBadMagic() {
        byte[] bytes = serde.serializer().serialize(TOPIC, envelope());
        bytes[0] = 0;

        assertViolation(bytes, Reason.BAD_MAGIC);
    }

    @Test
    void givenUnknownFingerprint_whenDeserialized_thenUnknownSchema() {
        byte[] bytes = serde.serializer().serialize(TOPIC, envelope());
        bytes[5] ^= 0x40;

        assertViolation(bytes, Reason.UNKNOWN_SCHEMA);
    }

    @Test
    void givenCutBody_whenDeserialized_thenTruncatedBody() {
        byte[] bytes = serde.serializer().serialize(TOPIC, envelope());

        assertViolation(Arrays.copyOf(bytes, bytes.length - 3), Reason.TRUNCATED_BODY);
    }

    @Test
    void givenExtraBytes_whenDeserialized_thenTrailingBytes() {
        byte[] bytes = serde.serializer().serialize(TOPIC, envelope());

        assertViolation(Arrays.copyOf(bytes, bytes.length + 1), Reason.TRAILING_BYTES);
    }

    @Test
    void givenHugeAnnouncedLength_whenDeserialized_thenViolationWithoutAllocatingIt() {
        byte[] bytes = serde.serializer().serialize(TOPIC, envelope());
        // messageId is the first field: replace its length (zig-zag varint) with about 2^30
        byte[] corrupt = new byte[bytes.length + 4];
        System.arraycopy(bytes, 0, corrupt, 0, 10);
        byte[] hugeLength = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x08};
        System.arraycopy(hugeLength, 0, corrupt, 10, hugeLength.length);
        System.arraycopy(bytes, 11, corrupt, 15, bytes.length - 11);

        assertViolation(corrupt, Reason.TRUNCATED_BODY);
    }

    @Test
    void givenNegativeAnnouncedLength_whenDeserialized_thenMalformedBody() {
        byte[] bytes = serde.serializer().serialize(TOPIC, envelope());
        bytes[10] = 0x01; // zig-zag -1 as the length of messageId

        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, bytes))
                .isInstanceOfSatisfying(ContractViolationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_BODY));
    }

    @Test
    void givenPayloadWithPhiLikeText_whenRejected_thenMessageNamesTopicAndReasonOnly() {
        byte[] phi = "MSH|^~\\&|LAB|HOSP|||||ORU^R01|1|P|2.5\rPID|||MRN123||DOE^JANE".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, phi))
                .isInstanceOf(ContractViolationException.class)
                .hasMessage("contract violation on topic " + TOPIC + ": BAD_MAGIC")
                .hasNoCause();
    }

    @Test
    void givenRecordMissingRequiredField_whenSerialized_thenInvalidRecord() {
        QuarantineEnvelope broken = envelope();
        broken.setDetail(null);

        assertThatThrownBy(() -> serde.serializer().serialize(TOPIC, broken))
                .isInstanceOfSatisfying(ContractViolationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_RECORD));
    }

    private void assertViolation(byte[] payload, Reason reason) {
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, payload))
                .isInstanceOfSatisfying(ContractViolationException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.topic()).isEqualTo(TOPIC);
                    assertThat(e).hasNoCause();
                });
    }
}
