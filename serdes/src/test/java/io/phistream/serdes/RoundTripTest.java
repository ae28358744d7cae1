package io.phistream.serdes;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.serdes.registry.RestSchemaRegistryClient;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every contract, with and without its optional fields, survives both wire formats unchanged. */
class RoundTripTest {

    private static FakeSchemaRegistry registry;
    private static AvroSerdeFactory confluent;

    @BeforeAll
    static void startRegistry() throws Exception {
        registry = FakeSchemaRegistry.http();
        confluent = AvroSerdeFactory.confluent(RestSchemaRegistryClient.builder().urls(registry.url()).build(), true);
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Class<? extends SpecificRecord> type : AvroSerdeFactory.CONTRACTS) {
            for (WireFormat format : WireFormat.values()) {
                cases.add(Arguments.of(type.getSimpleName(), format, ContractSamples.full(type)));
                cases.add(Arguments.of(type.getSimpleName() + " (no optionals)", format, ContractSamples.minimal(type)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("cases")
    void givenContractRecord_whenSerializedAndDeserialized_thenEqual(String name, WireFormat format, SpecificRecord record) {
        Serde<SpecificRecord> serde = serde(format, record);
        String topic = "phistream." + record.getSchema().getName().toLowerCase();

        byte[] bytes = serde.serializer().serialize(topic, record);
        SpecificRecord back = serde.deserializer().deserialize(topic, bytes);

        assertThat(back).isEqualTo(record);
        if (format == WireFormat.CONFLUENT) {
            assertThat(bytes[0]).isZero();
            int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
            // the id is the one the registry holds for the bundled .avsc (no Java-only properties) under <topic>-value
            assertThat(id).isEqualTo(registry.preRegister(topic + "-value", SchemaHistory.current(record.getSchema().getName())));
        } else {
            assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        }
    }

    @SuppressWarnings("unchecked")
    private static Serde<SpecificRecord> serde(WireFormat format, SpecificRecord record) {
        Class<SpecificRecord> type = (Class<SpecificRecord>) record.getClass();
        AvroSerdeFactory factory = format == WireFormat.CONFLUENT ? confluent : AvroSerdeFactory.singleObject();
        return factory.serde(type, false);
    }
}
