package io.phistream.topology.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.phistream.topology.Topics;
import io.phistream.topology.config.PhiStreamConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The k8s/ manifests agree with the code: Strimzi topics and ACLs are exactly what {@link StrimziManifests}
 * derives from {@link Topics}; each overlay's properties file is a valid phi-stream configuration whose
 * paths and port are the ones the StatefulSet mounts and exposes; dashboards and alert rules use only metric
 * names {@link PhiStreamMeters} exports.
 */
class K8sManifestsTest {

    static final Path K8S = Path.of("..", "k8s");
    static final String CLUSTER = "phi-kafka";
    static final List<String> ROUTES = List.of("rapid-response", "ward");
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final boolean REGENERATE = Boolean.getBoolean("k8s.regenerate");

    /** partitions and replicas per overlay. */
    private static final Map<String, int[]> OVERLAYS = Map.of("dev", new int[] {3, 1}, "prod", new int[] {6, 3});

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void givenAnOverlay_whenItsKafkaTopicsAreCompared_thenTheyAreExactlyWhatTopicsDeclares(String overlay) throws IOException {
        PhiStreamConfig config = overlayConfig(overlay);
        int[] pr = OVERLAYS.get(overlay);
        assertThat(config.partitions()).isEqualTo(pr[0]);
        assertThat(config.replicationFactor()).isEqualTo((short) pr[1]);
        Topics topics = new Topics(config);

        String expected = StrimziManifests.topics(topics, ROUTES, CLUSTER, pr[1]);

        assertGolden(K8S.resolve("overlays").resolve(overlay).resolve("kafka-topics.yaml"), expected);
        List<JsonNode> docs = documents(expected);
        assertThat(docs).hasSize(topics.topics(ROUTES).size());
        JsonNode audit = docs.stream().filter(d -> d.at("/spec/topicName").asText().equals("audit")).findFirst().orElseThrow();
        assertThat(audit.at("/spec/config/cleanup.policy").asText()).isEqualTo("compact");
        assertThat(audit.at("/spec/config/retention.ms").asText()).isEqualTo("-1");
        JsonNode quarantine = docs.stream().filter(d -> d.at("/spec/topicName").asText().equals("quarantine")).findFirst().orElseThrow();
        assertThat(quarantine.at("/spec/config/retention.ms").asText()).isEqualTo("2592000000");
        assertThat(docs).allSatisfy(d -> assertThat(d.at("/spec/config/min.insync.replicas").asText(""))
                .isEqualTo(pr[1] > 1 ? "2" : ""));
    }

    @Test
    void givenTheBase_whenTheKafkaUserIsCompared_thenItsAclsReadIngestWriteOutputsAndPrefixTheApplicationId() throws IOException {
        PhiStreamConfig config = overlayConfig("prod");
        String expected = StrimziManifests.user(new Topics(config), config.applicationId(), CLUSTER, config.topicPrefix());

        assertGolden(K8S.resolve("base").resolve("kafka-user.yaml"), expected);
        JsonNode acls = documents(expected).get(0).at("/spec/authorization/acls");
        List<String> rules = new ArrayList<>();
        acls.forEach(a -> rules.add(a.at("/resource/type").asText() + " " + a.at("/resource/name").asText() + " "
                + a.at("/resource/patternType").asText() + " " + a.get("operations")));
        assertThat(rules).contains(
                "topic ingest.hl7v2 literal [\"Read\",\"Describe\"]",
                "topic ingest.fhir literal [\"Read\",\"Describe\"]",
                "topic deid.hl7v2 literal [\"Write\",\"Describe\"]",
                "topic quarantine literal [\"Write\",\"Describe\"]",
                "topic audit literal [\"Write\",\"Describe\"]",
                "topic patient-memory literal [\"Read\",\"Write\",\"Describe\"]",
                "topic alerts. prefix [\"Write\",\"Describe\"]",
                "group phi-stream literal [\"Read\"]",
                "transactionalId phi-stream- prefix [\"Write\",\"Describe\"]");
        assertThat(rules).filteredOn(r -> r.contains("\"Read\"") && r.startsWith("topic "))
                .allMatch(r -> r.startsWith("topic ingest.") || r.startsWith("topic patient-memory ")
                        || r.startsWith("topic phi-stream- prefix"));
        assertThat(rules).noneMatch(r -> r.startsWith("cluster") || r.contains("\"All\"") || r.contains(" * "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void givenAPropertiesFile_whenLoaded_thenItIsValidAndMatchesTheStatefulSetsPortMountsAndSecrets(String dir) throws IOException {
        PhiStreamConfig config = PhiStreamConfig.load(K8S.resolve(dir).resolve("phi-stream.properties"), Map.of(), Map.of());
        JsonNode container = documents(Files.readString(K8S.resolve("base/statefulset.yaml"))).get(0)
                .at("/spec/template/spec/containers/0");
        List<String> mounts = new ArrayList<>();
        container.get("volumeMounts").forEach(m -> mounts.add(m.get("mountPath").asText()));

        assertThat(config.httpPort()).isEqualTo(container.at("/ports/0/containerPort").asInt());
        assertThat(mounts).contains(config.stateDir().toString(),
                config.keysDir().orElseThrow().toString(), config.masterKeyFile().orElseThrow().getParent().toString());
        Map<String, String> kafka = config.kafkaOverrides();
        assertThat(kafka).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        assertThat(mounts).contains(Path.of(kafka.get("ssl.truststore.location")).getParent().toString());
        Matcher dirRef = Pattern.compile("\\$\\{dir:([^:]+):").matcher(kafka.get("sasl.jaas.config"));
        assertThat(dirRef.find()).as("the JAAS config comes from a mounted secret").isTrue();
        assertThat(mounts).contains(dirRef.group(1));
        assertThat(config.toString()).doesNotContain("ScramLoginModule").contains("kafka.sasl.jaas.config=[hidden]");
    }

    @Test
    void givenTheDashboardAndAlertRules_whenTheirMetricNamesAreListed_thenEachIsExportedByPhiStreamMeters() throws IOException {
        Set<String> used = new TreeSet<>();
        Pattern name = Pattern.compile("\\bphistream_[a-z_]+");
        for (String f : List.of("monitoring/phi-stream-dashboard.json", "monitoring/prometheus-rules.yaml", "base/scaledobject.yaml")) {
            Matcher m = name.matcher(Files.readString(K8S.resolve(f)));
            while (m.find()) {
                used.add(m.group().replaceAll("_(bucket|count|sum|max)$", ""));
            }
        }
        new ObjectMapper().readTree(K8S.resolve("monitoring/phi-stream-dashboard.json").toFile()); // valid JSON

        assertThat(used).isNotEmpty().allSatisfy(n -> assertThat(PhiStreamMeters.PROMETHEUS_NAMES).contains(n));
        String rules = Files.readString(K8S.resolve("monitoring/prometheus-rules.yaml"));
        assertThat(rules).contains("alert: PhiStreamConsumerLagGrowing", "alert: PhiStreamModelDrift",
                "alert: PhiStreamQuarantineRateHigh", "alert: PhiStreamAuditCheckpointStale", "alert: PhiStreamInstanceNotReady");
        assertThat(rules).contains("phistream_drift_psi) > 0.25");
    }

    private static PhiStreamConfig overlayConfig(String overlay) {
        return PhiStreamConfig.load(K8S.resolve("overlays").resolve(overlay).resolve("phi-stream.properties"), Map.of(), Map.of());
    }

    static List<JsonNode> documents(String yaml) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(yaml)) {
            var it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode n = it.next();
                if (n != null && !n.isNull() && !(n instanceof ObjectNode o && o.isEmpty())) {
                    docs.add(n);
                }
            }
        }
        return docs;
    }

    private static void assertGolden(Path file, String expected) throws IOException {
        if (REGENERATE) {
            Files.writeString(file, expected, StandardCharsets.UTF_8);
        }
        assertThat(file).as("%s is generated from Topics: rerun with -Dk8s.regenerate=true", file).exists();
        assertThat(Files.readString(file)).as("%s drifted from Topics: rerun with -Dk8s.regenerate=true", file)
                .isEqualTo(expected);
    }
}
