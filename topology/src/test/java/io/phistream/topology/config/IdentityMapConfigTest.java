package io.phistream.topology.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phistream.topology.keys.KeyStore;
import io.phistream.topology.stream.Stages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fhir.identity.map file in the wrong shape is a configuration error that says what shape it wants. */
class IdentityMapConfigTest {

    @TempDir
    Path dir;

    @Test
    void givenAMapWithoutItsSystemsObject_whenTheStagesAreBuilt_thenTheErrorNamesTheKeyTheProblemAndTheShape()
            throws Exception {
        Path map = Files.writeString(dir.resolve("ids.json"), "{\"urn:oid:2.16.840.1.113883.3.72\": \"HOSP\"}");
        PhiStreamConfig c = PhiStreamConfig.load(null, Map.of(), Map.of("fhir.identity.map", map.toString()));

        assertThatThrownBy(() -> Stages.create(c, KeyStore.ephemeral())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("fhir.identity.map").hasMessageContaining("lacks the object 'systems'")
                .hasMessageContaining("{\"systems\": {").hasMessageNotContaining("HOSP");
    }
}
