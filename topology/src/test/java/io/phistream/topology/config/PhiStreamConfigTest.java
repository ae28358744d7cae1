package io.phistream.topology.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhiStreamConfigTest {
    @TempDir
    Path tmp;

    private Path file(String content) throws IOException {
        Path f = tmp.resolve("phi-stream.properties");
        Files.writeString(f, content);
        return f;
    }

    @Test
    void givenNothing_whenLoaded_thenDocumentedDefaultsApply() {
        PhiStreamConfig c = PhiStreamConfig.load(null, Map.of(), Map.of());

        assertThat(c.applicationId()).isEqualTo("phi-stream");
        assertThat(c.topicPrefix()).isEmpty();
        assertThat(c.partitions()).isEqualTo(3);
        assertThat(c.replicationFactor()).isEqualTo((short) -1);
        assertThat(c.numStreamThreads()).isEqualTo(1);
        assertThat(c.commitIntervalMs()).isEqualTo(100L);
        assertThat(c.policyHl7v2()).isEqualTo(PolicyRef.ofBuiltin("hl7v2-safe-harbor-v1"));
        assertThat(c.policyFhir()).isEqualTo(PolicyRef.ofBuiltin("fhir-safe-harbor-v1"));
        assertThat(c.dateShiftMaxDays()).isEqualTo(365);
        assertThat(c.dedupeWindow()).isEqualTo(Duration.ofHours(24));
        assertThat(c.httpPort()).isZero();
        assertThat(c.keysDir()).isEmpty();
        assertThat(c.masterKeyFile()).isEmpty();
        assertThat(c.stateDir()).isNotNull();
        assertThat(c.kafkaOverrides()).isEmpty();
        assertThat(c.hasBootstrapServers()).isFalse();
    }

    @Test
    void givenAllFourSources_whenLoaded_thenOverridesBeatEnvironmentBeatsFileBeatsDefault() throws IOException {
        Path f = file("topic.partitions=5\ntopic.prefix=file.\napplication.id=from-file\nnum.stream.threads=2\n");
        Map<String, String> env = Map.of("PHI_STREAM_TOPIC_PREFIX", "env.", "PHI_STREAM_APPLICATION_ID", "from-env");
        Map<String, String> overrides = Map.of("application.id", "from-flag");

        PhiStreamConfig c = PhiStreamConfig.load(f, env, overrides);

        assertThat(c.commitIntervalMs()).isEqualTo(100L);      // default
        assertThat(c.partitions()).isEqualTo(5);               // file
        assertThat(c.numStreamThreads()).isEqualTo(2);         // file
        assertThat(c.topicPrefix()).isEqualTo("env.");         // env over file
        assertThat(c.applicationId()).isEqualTo("from-flag");  // override over env and file
    }

    @Test
    void givenEnvironmentVariables_whenLoaded_thenUpperCaseUnderscoreNamesMapToDottedKeys() {
        Map<String, String> env = Map.of(
                "PHI_STREAM_BOOTSTRAP_SERVERS", "b1:9092,b2:9093",
                "PHI_STREAM_DATESHIFT_MAX_DAYS", "100",
                "PHI_STREAM_KEYS_MASTER_KEY_FILE", "/run/secrets/master.json",
                "PHI_STREAM_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "PHI_STREAM_KAFKA_SASL_JAAS_CONFIG", "org.x.Login required password=\"p\";",
                "PATH", "/usr/bin",
                "HOME", "/root");

        PhiStreamConfig c = PhiStreamConfig.load(null, env, null);

        assertThat(c.bootstrapServers()).isEqualTo("b1:9092,b2:9093");
        assertThat(c.dateShiftMaxDays()).isEqualTo(100);
        assertThat(c.masterKeyFile()).contains(Path.of("/run/secrets/master.json"));
        assertThat(c.kafkaOverrides())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.jaas.config", "org.x.Login required password=\"p\";");
        assertThat(PhiStreamConfig.envName("keys.master.key.file")).isEqualTo("PHI_STREAM_KEYS_MASTER_KEY_FILE");
    }

    @Test
    void givenAnUnknownPhiStreamVariable_whenLoaded_thenRejectedNamingTheVariable() {
        assertThatThrownBy(() -> PhiStreamConfig.load(null, Map.of("PHI_STREAM_TOPIC_PARTITONS", "3"), null))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("PHI_STREAM_TOPIC_PARTITONS");
    }

    @Test
    void givenAnUnknownKeyInTheFile_whenLoaded_thenRejectedNamingKeyAndFile() throws IOException {
        Path f = file("topic.partitons=3\n");

        assertThatThrownBy(() -> PhiStreamConfig.load(f, Map.of(), null))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("topic.partitons")
                .hasMessageContaining(f.toString());
    }

    @Test
    void givenAMissingConfigFile_whenLoaded_thenRejectedNamingTheFile() {
        Path missing = tmp.resolve("nope.properties");

        assertThatThrownBy(() -> PhiStreamConfig.load(missing, Map.of(), null))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "bootstrap.servers|localhost|host:port",
            "bootstrap.servers|a:1,b|host:port",
            "bootstrap.servers|a:99999|host:port",
            "application.id|has space|[A-Za-z0-9._-]",
            "application.id|''|[A-Za-z0-9._-]",
            "topic.prefix|bad/prefix|[A-Za-z0-9._-]",
            "topic.partitions|0|integer >= 1",
            "topic.partitions|three|integer >= 1",
            "topic.replication.factor|0|-1 for the broker default",
            "topic.replication.factor|-2|-1 for the broker default",
            "topic.replication.factor|40000|-1 for the broker default",
            "num.stream.threads|0|integer >= 1",
            "commit.interval.ms|-1|integer >= 0",
            "commit.interval.ms|1.5|integer >= 0",
            "dateshift.max.days|0|1..3650",
            "dateshift.max.days|3651|1..3650",
            "dedupe.window|24|duration",
            "dedupe.window|1w|duration",
            "dedupe.window|0s|duration",
            "dedupe.window|-5m|duration",
            "dedupe.window|99999999999999999d|duration",
            "http.port|65536|0..65535",
            "http.port|-1|0..65535",
            "policy.hl7v2|builtin:|builtin:NAME",
            "policy.fhir|builtin:../etc|builtin:NAME",
            "state.dir|''|directory path",
            "keys.dir|bad\u0000path|directory path",
    })
    void givenABadValue_whenLoaded_thenRejectedNamingTheKeyAndTheExpectedForm(String key, String value, String form) {
        assertThatThrownBy(() -> PhiStreamConfig.load(null, Map.of(), Map.of(key, value)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(key)
                .hasMessageContaining(form);
    }

    @Test
    void givenABadValueForANonSecretKey_whenRejected_thenTheMessageShowsTheValueToHelpFixIt() {
        assertThatThrownBy(() -> PhiStreamConfig.load(null, Map.of(), Map.of("topic.partitions", "lots")))
                .hasMessageContaining("'lots'")
                .hasMessageContaining("override");
    }

    @Test
    void givenABadValueForASecretLookingKey_whenRejected_thenTheValueIsNotEchoed() {
        assertThatThrownBy(() -> PhiStreamConfig.load(null,
                Map.of("PHI_STREAM_KEYS_MASTER_KEY_FILE", "s3cr3t\u0000value"), null))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("keys.master.key.file")
                .hasMessageContaining("PHI_STREAM_KEYS_MASTER_KEY_FILE")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void givenSecretKafkaSettings_whenPrinted_thenTheirValuesAreHidden() {
        PhiStreamConfig c = PhiStreamConfig.load(null, Map.of(), Map.of(
                "kafka.ssl.keystore.password", "hunter2",
                "kafka.sasl.jaas.config", "Login password=\"topsecret\";",
                "kafka.sasl.oauthbearer.token.endpoint.url", "https://idp/token-x",
                "kafka.security.protocol", "SASL_SSL"));

        assertThat(c.toString())
                .doesNotContain("hunter2").doesNotContain("topsecret").doesNotContain("token-x")
                .contains("kafka.security.protocol=SASL_SSL")
                .contains("kafka.ssl.keystore.password=[hidden]");
    }

    @Test
    void givenSecretWords_whenClassified_thenPasswordSecretJaasTokenAndKeyLookSecret() {
        assertThat(PhiStreamConfig.looksSecret("kafka.ssl.key.password")).isTrue();
        assertThat(PhiStreamConfig.looksSecret("kafka.sasl.jaas.config")).isTrue();
        assertThat(PhiStreamConfig.looksSecret("kafka.client.secret")).isTrue();
        assertThat(PhiStreamConfig.looksSecret("x.TOKEN")).isTrue();
        assertThat(PhiStreamConfig.looksSecret("keys.dir")).isTrue();
        assertThat(PhiStreamConfig.looksSecret("topic.partitions")).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "kafka.processing.guarantee,exactly_once_v2",
            "kafka.isolation.level,read_committed",
            "kafka.consumer.isolation.level,read_uncommitted",
            "kafka.producer.enable.idempotence,false",
            "kafka.acks,1",
            "kafka.bootstrap.servers,x:1",
            "kafka.application.id,other",
            "kafka.main.consumer.isolation.level,read_uncommitted",
    })
    void givenAKafkaOverrideOfAManagedSetting_whenLoaded_thenRejectedNamingTheKey(String key, String value) {
        assertThatThrownBy(() -> PhiStreamConfig.load(null, Map.of(), Map.of(key, value)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(key)
                .hasMessageContaining("not allowed");
    }

    @Test
    void givenAMalformedKafkaKey_whenLoaded_thenRejected() {
        assertThatThrownBy(() -> PhiStreamConfig.load(null, Map.of(), Map.of("kafka.", "x")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("kafka.<client property>");
        assertThatThrownBy(() -> PhiStreamConfig.load(null, Map.of(), Map.of("kafka.Security.Protocol", "x")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("kafka.Security.Protocol");
    }

    @ParameterizedTest
    @CsvSource({"500ms,PT0.5S", "30s,PT30S", "5m,PT5M", "24h,PT24H", "7d,PT168H"})
    void givenDurationForms_whenParsed_thenTheyMeanWhatTheySay(String text, Duration expected) {
        assertThat(PhiStreamConfig.parseDuration(text)).isEqualTo(expected);
    }

    @Test
    void givenAPolicyFileOrBuiltin_whenLoaded_thenTheKindIsKept() {
        PhiStreamConfig c = PhiStreamConfig.load(null, Map.of(),
                Map.of("policy.hl7v2", "/etc/phi/hl7.yaml", "policy.fhir", "builtin:fhir-strict-v2"));

        assertThat(c.policyHl7v2().isBuiltin()).isFalse();
        assertThat(c.policyHl7v2().file()).isEqualTo(Path.of("/etc/phi/hl7.yaml"));
        assertThat(c.policyFhir().builtin()).isEqualTo("fhir-strict-v2");
    }

    @Test
    void givenNoBootstrapServers_whenKafkaPropertiesAreAsked_thenTheErrorNamesTheKey() {
        PhiStreamConfig c = PhiStreamConfig.defaults();

        assertThatThrownBy(c::streamsProperties)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("bootstrap.servers")
                .hasMessageContaining("PHI_STREAM_BOOTSTRAP_SERVERS");
    }

    @Test
    void givenAConfig_whenStreamsPropertiesAreBuilt_thenExactlyOnceV2ReadCommittedAndSafeProducers() {
        PhiStreamConfig c = PhiStreamConfig.load(null, Map.of(), Map.of(
                "bootstrap.servers", "k:9092", "application.id", "app", "num.stream.threads", "4",
                "commit.interval.ms", "250", "topic.replication.factor", "3", "state.dir", "/var/lib/phi",
                "kafka.security.protocol", "SSL", "kafka.producer.linger.ms", "5"));

        Map<String, Object> p = c.streamsProperties();

        assertThat(p)
                .containsEntry("processing.guarantee", "exactly_once_v2")
                .containsEntry("application.id", "app")
                .containsEntry("bootstrap.servers", "k:9092")
                .containsEntry("state.dir", "/var/lib/phi")
                .containsEntry("num.stream.threads", 4)
                .containsEntry("commit.interval.ms", 250L)
                .containsEntry("replication.factor", 3)
                .containsEntry("topic.min.insync.replicas", 2)
                .containsEntry("consumer.isolation.level", "read_committed")
                .containsEntry("producer.acks", "all")
                .containsEntry("producer.enable.idempotence", true)
                .containsEntry("security.protocol", "SSL")
                .containsEntry("producer.linger.ms", "5");
        assertThat(p).doesNotContainKeys("default.key.serde", "default.value.serde");
    }

    @Test
    void givenBrokerDefaultReplication_whenStreamsPropertiesAreBuilt_thenNoMinInsyncIsForced() {
        PhiStreamConfig c = PhiStreamConfig.load(null, Map.of(), Map.of("bootstrap.servers", "k:9092"));

        assertThat(c.streamsProperties())
                .containsEntry("replication.factor", -1)
                .doesNotContainKey("topic.min.insync.replicas");
    }

    @Test
    void givenKafkaOverrides_whenClientPropertiesAreBuilt_thenEachClientGetsOnlyWhatItKnows() {
        PhiStreamConfig c = PhiStreamConfig.load(null, Map.of(), Map.of(
                "bootstrap.servers", "k:9092",
                "kafka.security.protocol", "SASL_SSL",
                "kafka.producer.linger.ms", "7",
                "kafka.consumer.max.poll.records", "50",
                "kafka.buffered.records.per.partition", "10"));

        assertThat(c.adminProperties())
                .containsEntry("bootstrap.servers", "k:9092")
                .containsEntry("security.protocol", "SASL_SSL")
                .doesNotContainKeys("linger.ms", "max.poll.records", "buffered.records.per.partition");
        assertThat(c.producerProperties())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("linger.ms", "7")
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", true)
                .doesNotContainKey("max.poll.records");
        assertThat(c.consumerProperties())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("max.poll.records", "50")
                .containsEntry("isolation.level", "read_committed")
                .doesNotContainKey("linger.ms");
    }

    @Test
    void givenAConfig_whenWithIsCalled_thenTheNewOverridesWinAndTheOriginalIsUnchanged() {
        PhiStreamConfig base = PhiStreamConfig.load(null, Map.of(), Map.of("topic.prefix", "a."));

        PhiStreamConfig demo = base.with(Map.of("bootstrap.servers", "127.0.0.1:1234"));

        assertThat(demo.bootstrapServers()).isEqualTo("127.0.0.1:1234");
        assertThat(demo.topicPrefix()).isEqualTo("a.");
        assertThat(base.hasBootstrapServers()).isFalse();
    }

    @Test
    void givenTheKeyTable_whenDescribed_thenEveryKeyAndThePassThroughNamespaceAreDocumented() {
        String table = PhiStreamConfig.describe();

        for (String key : PhiStreamConfig.keys()) {
            assertThat(table).contains("| " + key + " | " + PhiStreamConfig.envName(key) + " |");
        }
        assertThat(table).contains("kafka.<property>").contains("builtin:hl7v2-safe-harbor-v1");
        assertThat(PhiStreamConfig.keys()).contains("bootstrap.servers", "policy.hl7v2", "policy.fhir",
                "fhir.identity.map", "text.scrubbing", "http.port", "dedupe.window");
    }

    @Test
    void givenSurrogatesWithoutSpanScrubbing_whenLoaded_thenRejectedNamingBothKeys() {
        assertThat(PhiStreamConfig.load(null, Map.of(), Map.of()).textSurrogates()).isFalse();
        assertThat(PhiStreamConfig.load(null, Map.of(), Map.of("text.scrubbing", "spans",
                "text.replacement", "surrogates")).textSurrogates()).isTrue();

        assertThatThrownBy(() -> PhiStreamConfig.load(null, Map.of(), Map.of("text.replacement", "surrogates")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("text.replacement=surrogates")
                .hasMessageContaining("text.scrubbing=spans");
        assertThatThrownBy(() -> PhiStreamConfig.load(null, Map.of(), Map.of("text.replacement", "tokens")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("text.replacement=tokens");
        assertThat(PhiStreamConfig.load(null, Map.of(), Map.of("text.scrubbing", "spans",
                "text.replacement", "tokens")).textTokens()).isTrue();
        assertThatThrownBy(() -> PhiStreamConfig.load(null, Map.of(), Map.of("text.scrubbing", "spans",
                "text.replacement", "fake"))).isInstanceOf(ConfigException.class).hasMessageContaining("text.replacement");
    }

    @Test
    void givenWhitespaceAroundValuesInTheFile_whenLoaded_thenItIsIgnored() throws IOException {
        Path f = file("topic.partitions =  7  \n# comment\n");

        assertThat(PhiStreamConfig.load(f, Map.of(), null).partitions()).isEqualTo(7);
    }

    @Test
    void givenNoQualitySettings_whenLoaded_thenTheBuiltInRulesApplyWithoutOverrides() {
        PhiStreamConfig c = PhiStreamConfig.load(null, Map.of(), Map.of());

        assertThat(c.qualityRulesHl7v2()).hasToString("builtin:hl7v2-rules-v1");
        assertThat(c.qualityRulesFhir()).hasToString("builtin:fhir-r4-rules-v1");
        assertThat(c.qualityRuleOutcomes()).isEmpty();
    }

    @Test
    void givenRulesFilesAndPerRuleOutcomesInTheFile_whenLoaded_thenTheyAreTyped() throws IOException {
        Path f = file("quality.rules.hl7v2=/etc/phi-stream/hl7-rules.json\nquality.rules.fhir=builtin:my-fhir-rules\n"
                + "quality.rule.hl7.obx.code=pass-with-warning\nquality.rule.fhir.patient.gender= off \n");

        PhiStreamConfig c = PhiStreamConfig.load(f, Map.of(), null);

        assertThat(c.qualityRulesHl7v2().file()).isEqualTo(Path.of("/etc/phi-stream/hl7-rules.json"));
        assertThat(c.qualityRulesFhir().builtin()).isEqualTo("my-fhir-rules");
        assertThat(c.qualityRuleOutcomes()).containsExactly(Map.entry("fhir.patient.gender", "off"),
                Map.entry("hl7.obx.code", "pass-with-warning"));
    }

    @Test
    void givenAnUnknownOutcomeForARule_whenLoaded_thenRejectedNamingTheKeyAndTheAllowedOutcomes() {
        assertThatThrownBy(() -> PhiStreamConfig.load(null, Map.of(), Map.of("quality.rule.hl7.obx.code", "drop")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("quality.rule.hl7.obx.code")
                .hasMessageContaining("quarantine, pass-with-warning or off")
                .hasMessageContaining("'drop'");
    }

    @Test
    void givenAMalformedRuleKey_whenLoaded_thenRejectedNamingTheKey() {
        assertThatThrownBy(() -> PhiStreamConfig.load(null, Map.of(), Map.of("quality.rule.", "off")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("quality.rule.<rule id>");
        assertThatThrownBy(() -> PhiStreamConfig.load(null, Map.of(), Map.of("quality.rule.HL7 OBX", "off")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("quality.rule.HL7 OBX");
    }

    @Test
    void givenQualityKeysInTheEnvironment_whenLoaded_thenRulesFilesMapButPerRuleOverridesAreRefused() {
        PhiStreamConfig c = PhiStreamConfig.load(null, Map.of("PHI_STREAM_QUALITY_RULES_FHIR", "/r/fhir.json"), null);
        assertThat(c.qualityRulesFhir().file()).isEqualTo(Path.of("/r/fhir.json"));
        // rule ids hold '.' and '-', which an environment name cannot tell apart
        assertThatThrownBy(() -> PhiStreamConfig.load(null, Map.of("PHI_STREAM_QUALITY_RULE_HL7_OBX_CODE", "off"), null))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("PHI_STREAM_QUALITY_RULE_HL7_OBX_CODE");
    }

    @Test
    void givenAMisspelledRulesKey_whenLoaded_thenRejectedAsUnknown() {
        assertThatThrownBy(() -> PhiStreamConfig.load(null, Map.of(), Map.of("quality.rules.hl7", "builtin:x")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown configuration key quality.rules.hl7");
    }
}
