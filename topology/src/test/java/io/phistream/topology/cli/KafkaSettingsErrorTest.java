package io.phistream.topology.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kafka.* setting the Kafka client cannot use is a configuration error (exit 2) that shows no value. */
class KafkaSettingsErrorTest {

    @TempDir
    Path dir;

    @Test
    void givenAJaasEntryWithoutItsSemicolon_whenRun_thenExitTwoWithoutThePassword() {
        assertThat(PhiStreamCli.execute("keys", "init", "--dir", dir.resolve("keys").toString())).isZero();
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = PhiStreamCli.execute("run", "--set", "bootstrap.servers=127.0.0.1:1",
                    "--set", "keys.dir=" + dir.resolve("keys"), "--set", "state.dir=" + dir.resolve("state"),
                    "--set", "kafka.security.protocol=SASL_PLAINTEXT", "--set", "kafka.sasl.mechanism=PLAIN",
                    "--set", "kafka.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule "
                            + "required username=\"u\" password=\"s3cret-pw\"");
        } finally {
            System.setErr(err);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(code).as(out).isEqualTo(2);
        assertThat(out).contains("the Kafka client rejected its settings").doesNotContain("s3cret-pw");
    }

    @Test
    void givenExceptionChains_thenOnlyAClientThatCouldNotBeBuiltFromItsSettingsIsAConfigurationError() {
        assertThat(PhiStreamCli.kafkaSettingsRejected(new KafkaException("Failed to create new KafkaAdminClient",
                new IllegalArgumentException("JAAS config entry not terminated by semi-colon")))).isTrue();
        assertThat(PhiStreamCli.kafkaSettingsRejected(new IllegalStateException("x",
                new org.apache.kafka.common.config.ConfigException("Invalid value")))).isTrue();
        assertThat(PhiStreamCli.kafkaSettingsRejected(new KafkaException("Failed to create new KafkaAdminClient",
                new IllegalStateException("other")))).isFalse();
        assertThat(PhiStreamCli.kafkaSettingsRejected(new IllegalArgumentException("not under a Kafka client")))
                .isFalse();
        assertThat(PhiStreamCli.kafkaSettingsRejected(new org.apache.kafka.common.errors.TimeoutException("t")))
                .isFalse();
    }
}
