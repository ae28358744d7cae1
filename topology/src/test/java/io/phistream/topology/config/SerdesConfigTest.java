package io.phistream.topology.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phistream.serdes.AvroSerdeConfig;
import io.phistream.topology.keys.KeyStore;
import io.phistream.topology.stream.Stages;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Avro wire format and schema-registry settings come through the one typed configuration. */
class SerdesConfigTest {

    @Test
    void givenNoSettings_whenLoaded_thenTheSingleObjectFormatNeedsNoRegistry() {
        PhiStreamConfig c = PhiStreamConfig.load(null, Map.of(), Map.of());
        assertThat(c.serdesProperties()).containsEntry(AvroSerdeConfig.WIRE_FORMAT, "single-object");
    }

    @Test
    void givenRegistrySettings_whenLoaded_thenTheyReachTheSerdesUnderConfluentNames() {
        PhiStreamConfig c = PhiStreamConfig.load(null, Map.of("PHI_STREAM_SERDES_WIRE_FORMAT", "confluent"),
                Map.of("serdes.schema.registry.url", "https://registry:8081", "serdes.bearer.auth.token", "s3cr3t"));
        assertThat(c.serdesProperties())
                .containsEntry(AvroSerdeConfig.WIRE_FORMAT, "confluent")
                .containsEntry(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "https://registry:8081")
                .containsEntry(AvroSerdeConfig.BEARER_AUTH_TOKEN, "s3cr3t");
        assertThat(c.toString()).doesNotContain("s3cr3t");
    }

    @Test
    void givenAnUnknownSerdesKeyOrFormat_whenLoaded_thenTheErrorNamesIt() {
        assertThatThrownBy(() -> PhiStreamConfig.load(null, Map.of(), Map.of("serdes.nope", "1")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("serdes.nope");
        assertThatThrownBy(() -> PhiStreamConfig.load(null, Map.of(), Map.of("serdes.wire.format", "xml")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("serdes.wire.format");
    }

    @Test
    void givenTheConfluentFormatWithoutARegistry_whenTheStagesAreBuilt_thenItIsAConfigurationError() {
        PhiStreamConfig c = PhiStreamConfig.load(null, Map.of(), Map.of("serdes.wire.format", "confluent"));
        assertThatThrownBy(() -> Stages.create(c, KeyStore.ephemeral()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("serdes.");
    }
}
