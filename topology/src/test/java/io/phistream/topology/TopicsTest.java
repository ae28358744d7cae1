package io.phistream.topology;

import io.phistream.topology.config.ConfigException;
import io.phistream.topology.config.PhiStreamConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicsTest {

    private static Map<String, NewTopic> byName(List<NewTopic> topics) {
        return topics.stream().collect(Collectors.toMap(NewTopic::name, Function.identity()));
    }

    @Test
    void givenAPrefix_whenAllTopicsAreListed_thenEveryNameIsPrefixedAndAlertRoutesAreAdded() {
        Topics topics = new Topics(PhiStreamConfig.load(null, Map.of(),
                Map.of("topic.prefix", "test.", "topic.partitions", "6")));

        List<NewTopic> all = topics.all(List.of("rapid-response", "ward_7"));

        assertThat(all).extracting(NewTopic::name).containsExactly(
                "test.ingest.hl7v2", "test.ingest.fhir", "test.deid.hl7v2", "test.deid.fhir", "test.quarantine",
                "test.audit", "test.observations", "test.scores", "test.ops.drift", "test.patient-memory",
                "test.alerts.rapid-response", "test.alerts.ward_7");
        assertThat(all).allSatisfy(t -> {
            assertThat(t.numPartitions()).isEqualTo(6);
            assertThat(t.replicationFactor()).isEqualTo((short) -1);
        });
    }

    @Test
    void givenTheQuarantineTopic_whenDeclared_thenItIsDeletedAfterThirtyDays() {
        NewTopic q = byName(new Topics("", 3, (short) 1).all(List.of())).get("quarantine");

        assertThat(q.configs())
                .containsEntry("cleanup.policy", "delete")
                .containsEntry("retention.ms", Long.toString(30L * 24 * 3600 * 1000));
    }

    @Test
    void givenThePatientMemoryTopic_whenDeclared_thenItIsCompactedAndNeverTimeDeletedSoEveryDigestIsKept() {
        NewTopic memory = byName(new Topics("", 3, (short) 1).all(List.of())).get("patient-memory");

        assertThat(memory.configs()).containsEntry("cleanup.policy", "compact").containsEntry("retention.ms", "-1");
    }

    @Test
    void givenTheAuditTopic_whenDeclared_thenItIsCompactedNeverTimeDeletedWithAnHourOfCompactionLag() {
        NewTopic audit = byName(new Topics("", 3, (short) 1).all(List.of())).get("audit");

        assertThat(audit.configs())
                .containsEntry("cleanup.policy", "compact")
                .containsEntry("retention.ms", "-1")
                .containsEntry("min.compaction.lag.ms", "3600000");
    }

    @Test
    void givenReplicationOne_whenDeclared_thenNoMinInsyncReplicasIsSet() {
        assertThat(new Topics("", 1, (short) 1).all(List.of("x")))
                .allSatisfy(t -> assertThat(t.configs() == null ? Map.of() : t.configs())
                        .doesNotContainKey("min.insync.replicas"));
    }

    @Test
    void givenReplicationThree_whenDeclared_thenEveryTopicNeedsTwoInsyncReplicas() {
        List<NewTopic> all = new Topics("", 3, (short) 3).all(List.of("x"));

        assertThat(all).allSatisfy(t -> {
            assertThat(t.replicationFactor()).isEqualTo((short) 3);
            assertThat(t.configs()).containsEntry("min.insync.replicas", "2");
        });
    }

    @Test
    void givenTheTopicDeclarations_whenSerdesAreUsed_thenIngestIsRawBytesAndDeidIsText() {
        Topics topics = new Topics("p.", 1, (short) -1);
        byte[] invalidUtf8 = {(byte) 0xC3, (byte) 0x28, 0x0D};

        byte[] roundTrip = topics.ingestHl7v2().valueSerde().deserializer()
                .deserialize("p.ingest.hl7v2", topics.ingestHl7v2().valueSerde().serializer().serialize("t", invalidUtf8));
        String er7 = topics.deidHl7v2().valueSerde().deserializer()
                .deserialize("t", "MSH|^~\\&|".getBytes(StandardCharsets.UTF_8));

        assertThat(roundTrip).containsExactly(invalidUtf8);
        assertThat(er7).isEqualTo("MSH|^~\\&|");
        assertThat(topics.quarantine().keySerde().serializer().serialize("t", "m-1"))
                .isEqualTo("m-1".getBytes(StandardCharsets.UTF_8));
        assertThat(topics.alerts("icu").name()).isEqualTo("p.alerts.icu");
        assertThat(topics.newTopic(topics.scores()).replicationFactor()).isEqualTo((short) -1);
        assertThat(topics.newTopic(topics.scores()).numPartitions()).isEqualTo(1);
        assertThat(topics.newTopic(topics.ingestFhir()).replicationFactor()).isEqualTo(
                new NewTopic("x", Optional.of(1), Optional.empty()).replicationFactor());
    }

    @Test
    void givenABadAlertRouteName_whenDeclared_thenRejectedAsConfiguration() {
        Topics topics = new Topics("", 1, (short) 1);

        assertThatThrownBy(() -> topics.alerts("Rapid Response")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("alert route");
        assertThatThrownBy(() -> topics.all(List.of("ok", "../x"))).isInstanceOf(ConfigException.class);
    }
}
