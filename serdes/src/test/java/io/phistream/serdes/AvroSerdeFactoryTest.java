package io.phistream.serdes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phistream.serdes.avro.Observation;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;

class AvroSerdeFactoryTest {

    @Test
    void givenNoWireFormat_whenConfigured_thenSingleObject() {
        assertThat(AvroSerdeFactory.fromConfig(Map.of()).format()).isEqualTo(WireFormat.SINGLE_OBJECT);
    }

    @Test
    void givenConfluentWithoutUrl_whenConfigured_thenRejected() {
        assertThatThrownBy(() -> AvroSerdeFactory.fromConfig(Map.of(AvroSerdeConfig.WIRE_FORMAT, "confluent")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schema.registry.url");
    }

    @Test
    void givenUnknownWireFormat_whenConfigured_thenRejected() {
        assertThatThrownBy(() -> AvroSerdeFactory.fromConfig(Map.of(AvroSerdeConfig.WIRE_FORMAT, "protobuf")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenConfluentConfigWithConfluentKeys_whenUsed_thenTalksToRegistryWithBasicAuth() throws Exception {
        try (FakeSchemaRegistry registry = FakeSchemaRegistry.http()) {
            String expected = "Basic " + Base64.getEncoder().encodeToString("u:p:w".getBytes(StandardCharsets.UTF_8));
            registry.requireAuthorization(expected);
            AvroSerdeFactory factory = AvroSerdeFactory.fromConfig(Map.of(
                    AvroSerdeConfig.WIRE_FORMAT, "CONFLUENT",
                    AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url(),
                    AvroSerdeConfig.BASIC_AUTH_USER_INFO, new Password("u:p:w")));
            Observation o = (Observation) ContractSamples.full(Observation.class);

            byte[] bytes = factory.observation().serializer().serialize("obs", o);

            assertThat(factory.format()).isEqualTo(WireFormat.CONFLUENT);
            assertThat(factory.observation().deserializer().deserialize("obs", bytes)).isEqualTo(o);
            assertThat(registry.requests()).first().isEqualTo("POST /subjects/obs-value/versions");
        }
    }
}
