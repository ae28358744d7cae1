package io.phistream.serdes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phistream.serdes.ContractViolationException.Reason;
import io.phistream.serdes.avro.Alert;
import io.phistream.serdes.avro.Score;
import io.phistream.serdes.registry.RestSchemaRegistryClient;
import io.phistream.serdes.registry.SchemaRegistryException;
import io.phistream.serdes.registry.SchemaRegistryException.ErrorKind;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Confluent framing: what is a contract violation (quarantine) and what is an infrastructure failure (stop). */
class ConfluentAvroSerdeTest {

    private static final String TOPIC = "phistream.scores";
    private FakeSchemaRegistry registry;
    private Serde<Score> serde;

    @BeforeEach
    void start() throws Exception {
        registry = FakeSchemaRegistry.http();
        serde = factory(true).score();
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    private AvroSerdeFactory factory(boolean autoRegister) {
        return AvroSerdeFactory.confluent(RestSchemaRegistryClient.builder().urls(registry.url()).build(), autoRegister);
    }

    private static Score score() {
        return (Score) ContractSamples.full(Score.class);
    }

    @Test
    void givenManyRecords_whenSerializedAndDeserialized_thenRegistryCalledOncePerSchema() {
        for (int i = 0; i < 50; i++) {
            serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, score()));
        }
        Serde<Score> reader = factory(true).score(); // another client, e.g. another application
        for (int i = 0; i < 50; i++) {
            reader.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, score()));
        }

        assertThat(registry.requests()).containsExactly("POST /subjects/phistream.scores-value/versions", "GET /schemas/ids/1");
    }

    @Test
    void givenAutoRegisterOff_andSubjectAbsent_whenSerialized_thenRegistryErrorNotViolation() {
        Serde<Score> lookupOnly = factory(false).score();

        assertThatThrownBy(() -> lookupOnly.serializer().serialize(TOPIC, score()))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.SUBJECT_NOT_FOUND));
    }

    @Test
    void givenAutoRegisterOff_andContractRegistered_whenSerialized_thenUsesLookup() {
        int id = registry.preRegister(TOPIC + "-value", SchemaHistory.current("Score"));

        byte[] bytes = factory(false).score().serializer().serialize(TOPIC, score());

        assertThat(Arrays.copyOf(bytes, 5)).containsExactly(0, 0, 0, 0, id);
        assertThat(registry.requests()).containsExactly("POST /subjects/" + TOPIC + "-value");
    }

    @Test
    void givenSingleObjectBytes_whenDeserialized_thenBadMagic() {
        byte[] single = AvroSerdeFactory.singleObject().score().serializer().serialize(TOPIC, score());

        assertViolation(single, Reason.BAD_MAGIC);
    }

    @Test
    void givenFourBytes_whenDeserialized_thenTruncatedHeader() {
        assertViolation(new byte[] {0, 0, 0, 1}, Reason.TRUNCATED_HEADER);
    }

    @Test
    void givenIdUnknownToRegistry_whenDeserialized_thenUnknownSchema() {
        assertViolation(new byte[] {0, 0, 0, 0x30, 0x39, 2, 'x'}, Reason.UNKNOWN_SCHEMA);
    }

    @Test
    void givenCutOrPaddedBody_whenDeserialized_thenTruncatedOrTrailing() {
        byte[] bytes = serde.serializer().serialize(TOPIC, score());

        assertViolation(Arrays.copyOf(bytes, bytes.length - 2), Reason.TRUNCATED_BODY);
        assertViolation(Arrays.copyOf(bytes, bytes.length + 2), Reason.TRAILING_BYTES);
    }

    @Test
    void givenAnotherContractsIdOnTheTopic_whenDeserialized_thenIncompatibleSchema() {
        byte[] alert = factory(true).alert().serializer().serialize("phistream.alerts.ward", (Alert) ContractSamples.full(Alert.class));

        assertViolation(alert, Reason.INCOMPATIBLE_SCHEMA);
    }

    @Test
    void givenOlderWriterVersion_whenDeserialized_thenResolvedWithDefaults() throws Exception {
        // an earlier producer's Score without the shadow flag and outputs map
        Schema older = SchemaBuilder.record("Score").namespace("io.phistream.serdes.avro").fields()
                .requiredString("patientToken").requiredString("modelName").requiredString("modelVersion")
                .requiredDouble("score").requiredString("band").requiredString("featuresDigest")
                .name("timeMs").type(org.apache.avro.LogicalTypes.timestampMillis()
                        .addToSchema(Schema.create(Schema.Type.LONG))).noDefault()
                .endRecord();
        int id = registry.preRegister(TOPIC + "-value", older);
        GenericRecord r = new GenericData.Record(older);
        r.put("patientToken", ContractSamples.TOKEN);
        r.put("modelName", "news2");
        r.put("modelVersion", "0.9.0");
        r.put("score", 5.0);
        r.put("band", "medium");
        r.put("featuresDigest", "00");
        r.put("timeMs", ContractSamples.T.toEpochMilli());

        Score read = serde.deserializer().deserialize(TOPIC, confluentBytes(id, older, r));

        assertThat(read.getModelVersion()).isEqualTo("0.9.0");
        assertThat(read.getScore()).isEqualTo(5.0);
        assertThat(read.getTimeMs()).isEqualTo(Instant.ofEpochMilli(ContractSamples.T.toEpochMilli()));
        assertThat(read.getShadow()).isFalse();
        assertThat(read.getOutputs()).isEqualTo(Map.of());
    }

    @Test
    void givenIncompatibleWriterUnderSameName_whenDeserialized_thenIncompatibleSchema() throws Exception {
        Schema wrong = SchemaBuilder.record("Score").namespace("io.phistream.serdes.avro").fields()
                .requiredString("patientToken").requiredString("score").endRecord();
        int id = registry.preRegister("elsewhere-value", wrong);
        GenericRecord r = new GenericData.Record(wrong);
        r.put("patientToken", "t");
        r.put("score", "high");

        assertViolation(confluentBytes(id, wrong, r), Reason.INCOMPATIBLE_SCHEMA);
    }

    @Test
    void givenRegistryDown_whenDeserializingUnseenId_thenRegistryErrorNotContractViolation() {
        byte[] bytes = serde.serializer().serialize(TOPIC, score());
        registry.failWith(50001);
        Serde<Score> freshReader = factory(true).score();

        assertThatThrownBy(() -> freshReader.deserializer().deserialize(TOPIC, bytes))
                .isInstanceOf(SchemaRegistryException.class)
                .isNotInstanceOf(ContractViolationException.class);
    }

    private static byte[] confluentBytes(int id, Schema schema, GenericRecord r) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {0, (byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8), (byte) id});
        BinaryEncoder enc = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(r, enc);
        enc.flush();
        return out.toByteArray();
    }

    private void assertViolation(byte[] payload, Reason reason) {
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, payload))
                .isInstanceOfSatisfying(ContractViolationException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e).hasMessage("contract violation on topic " + TOPIC + ": " + reason).hasNoCause();
                });
    }
}
