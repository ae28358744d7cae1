package io.phistream.topology.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.phistream.topology.config.PhiStreamConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * TLS and SASL (SCRAM, OAUTHBEARER) reach the Kafka clients through the typed configuration's kafka.*
 * pass-through, secrets come from mounted files or the environment through Kafka's config providers (so
 * they never sit in the properties file), and neither phi-stream nor Kafka prints them.
 */
class ClientSecurityConfigTest {

    private static final String SECRET = "s3cr3t-Pa55word-for-test";
    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"phi-stream\" password=\"" + SECRET + "\";";

    @TempDir
    Path secrets;

    private PhiStreamConfig scramFromMountedSecret() throws Exception {
        Path user = Files.createDirectories(secrets.resolve("user"));
        Files.writeString(user.resolve("sasl.jaas.config"), JAAS);
        Files.writeString(secrets.resolve("tls.properties"), "keystore.password=" + SECRET + "\n");
        Map<String, String> env = Map.of("PHI_STREAM_KAFKA_SSL_KEYSTORE_PASSWORD",
                "${file:" + secrets.resolve("tls.properties") + ":keystore.password}");
        Map<String, String> p = new HashMap<>();
        p.put(PhiStreamConfig.BOOTSTRAP_SERVERS, "kafka-0.kafka:9093");
        p.put("kafka.security.protocol", "SASL_SSL");
        p.put("kafka.sasl.mechanism", "SCRAM-SHA-512");
        p.put("kafka.ssl.truststore.type", "PEM");
        p.put("kafka.ssl.truststore.location", "/var/run/secrets/kafka/ca/ca.crt");
        p.put("kafka.ssl.keystore.type", "PKCS12");
        p.put("kafka.ssl.keystore.location", "/var/run/secrets/kafka/user/user.p12");
        p.put("kafka.ssl.endpoint.identification.algorithm", "https");
        p.put("kafka.sasl.jaas.config", "${dir:" + user + ":sasl.jaas.config}");
        p.put("kafka.config.providers", "dir,file");
        p.put("kafka.config.providers.dir.class", "org.apache.kafka.common.config.provider.DirectoryConfigProvider");
        p.put("kafka.config.providers.dir.param.allowed.paths", secrets.toString());
        p.put("kafka.config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider");
        return PhiStreamConfig.load(null, env, p);
    }

    @Test
    void givenScramOverTlsWithSecretsInFiles_whenKafkaBuildsItsClientConfigs_thenTheSecretsAreResolvedFromTheFiles() throws Exception {
        PhiStreamConfig config = scramFromMountedSecret();

        Map<String, Object> streamsProps = new HashMap<>(config.streamsProperties());
        StreamsConfig streams = new StreamsConfig(streamsProps);
        AdminClientConfig admin = new AdminClientConfig(LagReader.adminProperties(config));

        assertThat(streams.originals()).containsEntry("sasl.jaas.config", JAAS)
                .containsEntry("ssl.keystore.password", SECRET)
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("ssl.truststore.type", "PEM");
        assertThat(streams.getMainConsumerConfigs("g", "c", 0)).containsEntry("sasl.jaas.config", JAAS)
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        assertThat(streams.getProducerConfigs("c")).containsEntry("sasl.jaas.config", JAAS);
        assertThat(streams.getAdminConfigs("c")).containsEntry("ssl.keystore.password", SECRET);
        assertThat(admin.originals()).containsEntry("sasl.jaas.config", JAAS)
                .containsEntry("ssl.endpoint.identification.algorithm", "https");
    }

    @Test
    void givenOauthBearer_whenConfigured_thenEveryClientGetsTheMechanismTokenEndpointAndCallbackHandler() {
        PhiStreamConfig config = PhiStreamConfig.load(null, Map.of(), Map.of(
                PhiStreamConfig.BOOTSTRAP_SERVERS, "kafka:9093",
                "kafka.security.protocol", "SASL_SSL",
                "kafka.sasl.mechanism", "OAUTHBEARER",
                "kafka.sasl.oauthbearer.token.endpoint.url", "https://idp.example/realms/kafka/protocol/openid-connect/token",
                "kafka.sasl.login.callback.handler.class",
                "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler",
                "kafka.sasl.jaas.config", "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required "
                        + "clientId=\"phi-stream\" clientSecret=\"${env:PHI_STREAM_OAUTH_CLIENT_SECRET}\";",
                "kafka.config.providers", "env",
                "kafka.config.providers.env.class", "org.apache.kafka.common.config.provider.EnvVarConfigProvider"));

        for (Map<String, Object> client : java.util.List.of(config.streamsProperties(), config.adminProperties(),
                config.producerProperties(), config.consumerProperties())) {
            assertThat(client).containsEntry("sasl.mechanism", "OAUTHBEARER")
                    .containsEntry("sasl.oauthbearer.token.endpoint.url", "https://idp.example/realms/kafka/protocol/openid-connect/token")
                    .containsEntry("sasl.login.callback.handler.class",
                            "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler");
        }
        assertThat(LagReader.adminProperties(config))
                .containsEntry("config.providers.env.class", "org.apache.kafka.common.config.provider.EnvVarConfigProvider");
    }

    @Test
    void givenSecretsInTheConfiguration_whenItIsPrintedOrKafkaLogsItsConfig_thenNoSecretAppears() throws Exception {
        PhiStreamConfig literal = PhiStreamConfig.load(null, Map.of("PHI_STREAM_KAFKA_SASL_JAAS_CONFIG", JAAS,
                "PHI_STREAM_KAFKA_SSL_KEY_PASSWORD", SECRET), Map.of(PhiStreamConfig.BOOTSTRAP_SERVERS, "kafka:9093",
                "kafka.sasl.oauthbearer.client.credentials.client.secret", SECRET));
        PhiStreamConfig fromFiles = scramFromMountedSecret();

        LoggerContext logs = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger kafkaConfig = logs.getLogger("org.apache.kafka.common.config");
        Level before = kafkaConfig.getLevel();
        kafkaConfig.setLevel(Level.INFO); // Kafka prints every client config at INFO
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(logs);
        captured.start();
        kafkaConfig.addAppender(captured);
        kafkaConfig.setAdditive(false); // captured here, kept off the console
        try {
            new StreamsConfig(new HashMap<>(fromFiles.streamsProperties()));
            new AdminClientConfig(LagReader.adminProperties(fromFiles));
        } finally {
            kafkaConfig.detachAppender(captured);
            kafkaConfig.setAdditive(true);
            kafkaConfig.setLevel(before);
        }

        assertThat(literal.toString()).doesNotContain(SECRET).doesNotContain("ScramLoginModule")
                .contains("kafka.sasl.jaas.config=[hidden]").contains("kafka.ssl.key.password=[hidden]")
                .contains("kafka.sasl.oauthbearer.client.credentials.client.secret=[hidden]");
        assertThat(fromFiles.toString()).doesNotContain(SECRET);
        assertThat(captured.list).as("Kafka logged its config").isNotEmpty();
        assertThat(captured.list).allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain(SECRET));
    }
}
