package io.phistream.serdes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phistream.serdes.ContractViolationException.Reason;
import io.phistream.serdes.avro.AuditRecord;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The structural pre-check accepts what Avro writers produce and rejects hostile bodies without looping or allocating. */
class PayloadGuardTest {

    private static final Schema STRINGS = SchemaBuilder.array().items().stringType();

    @Test
    void givenBlockingEncoderOutput_withNegativeCountsAndByteSizes_whenChecked_thenAccepted() throws Exception {
        AuditRecord record = (AuditRecord) ContractSamples.full(AuditRecord.class);
        record.setRuleIds(List.of("r1", "r2", "r3"));
        record.setPhiCounts(Map.of("NAME", 1, "DATE", 2));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder enc = EncoderFactory.get().blockingBinaryEncoder(out, null);
        new SpecificDatumWriter<>(AuditRecord.class).write(record, enc);
        enc.flush();

        assertThatCode(() -> PayloadGuard.check(AuditRecord.getClassSchema(), out.toByteArray(), 0, "t"))
                .doesNotThrowAnyException();
    }

    @Test
    @Timeout(5)
    void givenArrayItemWhoseLengthPointsBackwards_whenChecked_thenMalformedNotARereadLoop() {
        // 1000 items, the first a string of length -1 (zig-zag 0x01): Avro's own skip moves back onto that
        // byte and reads it again for every announced item
        assertReason(STRINGS, new byte[] {(byte) 0xD0, 0x0F, 0x01}, Reason.MALFORMED_BODY);
    }

    @Test
    void givenArrayBlockWithNegativeByteSize_whenChecked_thenMalformed() {
        assertReason(STRINGS, new byte[] {0x01, 0x03, 0x00}, Reason.MALFORMED_BODY);
    }

    @Test
    void givenArrayAnnouncingMoreItemsThanBytes_whenChecked_thenTruncated() {
        // count 2^40 items, then nothing
        assertReason(STRINGS, new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x40}, Reason.TRUNCATED_BODY);
    }

    @Test
    void givenUnionBranchOutOfRange_whenChecked_thenMalformed() {
        Schema optional = SchemaBuilder.unionOf().nullType().and().stringType().endUnion();

        assertReason(optional, new byte[] {0x04}, Reason.MALFORMED_BODY);
        assertReason(optional, new byte[] {0x01}, Reason.MALFORMED_BODY); // -1
    }

    @Test
    void givenEnumOrdinalOutOfRange_whenChecked_thenMalformed() {
        Schema kind = SchemaBuilder.enumeration("K").symbols("A", "B");

        assertReason(kind, new byte[] {0x04}, Reason.MALFORMED_BODY);
    }

    @Test
    void givenOverlongVarint_whenChecked_thenMalformed() {
        assertReason(Schema.create(Schema.Type.INT),
                new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x00}, Reason.MALFORMED_BODY);
    }

    @Test
    void givenBooleanOtherThanZeroOrOne_whenChecked_thenMalformed() {
        assertReason(Schema.create(Schema.Type.BOOLEAN), new byte[] {0x02}, Reason.MALFORMED_BODY);
    }

    @Test
    void givenDeeplyNestedRecursiveRecord_whenChecked_thenMalformedNotStackOverflow() {
        Schema list = new Schema.Parser().parse(
                "{\"type\":\"record\",\"name\":\"L\",\"fields\":[{\"name\":\"next\",\"type\":[\"null\",\"L\"]}]}");
        byte[] deep = new byte[10_000];
        java.util.Arrays.fill(deep, (byte) 0x02); // branch 1 = L, again and again

        assertReason(list, deep, Reason.MALFORMED_BODY);
    }

    @Test
    void givenShallowRecursiveRecord_whenChecked_thenAccepted() {
        Schema list = new Schema.Parser().parse(
                "{\"type\":\"record\",\"name\":\"L\",\"fields\":[{\"name\":\"next\",\"type\":[\"null\",\"L\"]}]}");

        assertThatCode(() -> PayloadGuard.check(list, new byte[] {0x02, 0x02, 0x00}, 0, "t")).doesNotThrowAnyException();
    }

    private static void assertReason(Schema schema, byte[] body, Reason reason) {
        assertThatThrownBy(() -> PayloadGuard.check(schema, body, 0, "t"))
                .isInstanceOfSatisfying(ContractViolationException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
