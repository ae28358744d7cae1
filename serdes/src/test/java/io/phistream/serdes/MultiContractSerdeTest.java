package io.phistream.serdes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phistream.serdes.ContractViolationException.Reason;
import io.phistream.serdes.avro.AuditCheckpoint;
import io.phistream.serdes.avro.AuditRecord;
import io.phistream.serdes.avro.Score;
import io.phistream.serdes.registry.RestSchemaRegistryClient;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The audit topic carries records and checkpoints; both come back as what they were, in both formats. */
class MultiContractSerdeTest {

    private static final String TOPIC = "phistream.audit";
    private static FakeSchemaRegistry registry;

    @BeforeAll
    static void start() throws Exception {
        registry = FakeSchemaRegistry.http();
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private static AvroSerdeFactory factory(WireFormat format) {
        return format == WireFormat.SINGLE_OBJECT ? AvroSerdeFactory.singleObject()
                : AvroSerdeFactory.confluent(RestSchemaRegistryClient.builder().urls(registry.url()).build(), true);
    }

    @ParameterizedTest
    @EnumSource(WireFormat.class)
    void givenRecordAndCheckpointOnOneTopic_whenRoundTripped_thenEachReturnsAsItsOwnType(WireFormat format) {
        Serde<SpecificRecord> serde = factory(format).auditEntry();
        SpecificRecord record = ContractSamples.full(AuditRecord.class);
        SpecificRecord checkpoint = ContractSamples.full(AuditCheckpoint.class);

        SpecificRecord r = serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, record));
        SpecificRecord c = serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, checkpoint));

        assertThat(r).isInstanceOf(AuditRecord.class).isEqualTo(record);
        assertThat(c).isInstanceOf(AuditCheckpoint.class).isEqualTo(checkpoint);
        if (format == WireFormat.CONFLUENT) {
            assertThat(registry.requests()).contains(
                    "POST /subjects/" + TOPIC + "-io.phistream.serdes.avro.AuditRecord/versions",
                    "POST /subjects/" + TOPIC + "-io.phistream.serdes.avro.AuditCheckpoint/versions");
        }
    }

    @ParameterizedTest
    @EnumSource(WireFormat.class)
    void givenOtherContractOnAuditTopic_whenDeserialized_thenViolation(WireFormat format) {
        AvroSerdeFactory factory = factory(format);
        byte[] score = factory.score().serializer().serialize("phistream.scores", (Score) ContractSamples.full(Score.class));

        assertThatThrownBy(() -> factory.auditEntry().deserializer().deserialize(TOPIC, score))
                .isInstanceOfSatisfying(ContractViolationException.class, e -> assertThat(e.reason())
                        .isEqualTo(format == WireFormat.SINGLE_OBJECT ? Reason.UNKNOWN_SCHEMA : Reason.INCOMPATIBLE_SCHEMA));
    }

    @ParameterizedTest
    @EnumSource(WireFormat.class)
    void givenGarbage_whenDeserialized_thenHeaderViolation(WireFormat format) {
        assertThatThrownBy(() -> factory(format).auditEntry().deserializer().deserialize(TOPIC, new byte[] {7, 7}))
                .isInstanceOfSatisfying(ContractViolationException.class,
                        e -> assertThat(e.reason()).isIn(Reason.BAD_MAGIC, Reason.TRUNCATED_HEADER));
    }

    @ParameterizedTest
    @EnumSource(WireFormat.class)
    void givenTypeNotOnTheTopic_whenSerialized_thenInvalidRecord(WireFormat format) {
        Serde<SpecificRecord> serde = factory(format).auditEntry();

        assertThatThrownBy(() -> serde.serializer().serialize(TOPIC, ContractSamples.full(Score.class)))
                .isInstanceOfSatisfying(ContractViolationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_RECORD));
    }
}
