package io.phistream.topology.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.topology.config.PhiStreamConfig;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The pure lag computation and the admin properties the reader connects with. */
class LagReaderTest {

    private final TopicPartition p0 = new TopicPartition("ingest.hl7v2", 0);
    private final TopicPartition p1 = new TopicPartition("ingest.hl7v2", 1);
    private final TopicPartition a0 = new TopicPartition("a", 0);

    @Test
    void givenCommittedAndEndOffsets_whenComputed_thenLagIsTheirDifferenceSortedByTopicAndPartition() {
        List<LagReader.PartitionLag> lag = LagReader.compute(List.of(p1, p0, a0),
                Map.of(p0, 40L, p1, 100L, a0, 5L), Map.of(p0, 50L, p1, 100L, a0, 5L), Map.of());

        assertThat(lag).containsExactly(
                new LagReader.PartitionLag("a", 0, 5, 5, 0),
                new LagReader.PartitionLag("ingest.hl7v2", 0, 40, 50, 10),
                new LagReader.PartitionLag("ingest.hl7v2", 1, 100, 100, 0));
    }

    @Test
    void givenAPartitionTheGroupNeverCommitted_whenComputed_thenEverythingRetainedCountsAsLag() {
        List<LagReader.PartitionLag> lag = LagReader.compute(List.of(p0), Map.of(), Map.of(p0, 70L), Map.of(p0, 20L));

        assertThat(lag).containsExactly(new LagReader.PartitionLag("ingest.hl7v2", 0, -1, 70, 50));
    }

    @Test
    void givenACommittedOffsetBeyondTheEnd_whenComputed_thenLagIsZeroNotNegative() {
        assertThat(LagReader.compute(List.of(p0), Map.of(p0, 90L), Map.of(p0, 80L), Map.of()).get(0).lag()).isZero();
    }

    @Test
    void givenSecretsFromConfigProviders_whenAdminPropertiesAreBuilt_thenTheProviderClassesComeAlong() {
        PhiStreamConfig config = PhiStreamConfig.load(null, Map.of(), Map.of(
                PhiStreamConfig.BOOTSTRAP_SERVERS, "kafka:9093",
                "kafka.security.protocol", "SASL_SSL",
                "kafka.config.providers", "dir",
                "kafka.config.providers.dir.class", "org.apache.kafka.common.config.provider.DirectoryConfigProvider",
                "kafka.sasl.jaas.config", "${dir:/var/run/secrets/kafka/user:sasl.jaas.config}"));

        Map<String, Object> p = LagReader.adminProperties(config);

        assertThat(p).containsEntry("config.providers", "dir")
                .containsEntry("config.providers.dir.class", "org.apache.kafka.common.config.provider.DirectoryConfigProvider")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("client.id", "phi-stream-ops-lag");
    }
}
