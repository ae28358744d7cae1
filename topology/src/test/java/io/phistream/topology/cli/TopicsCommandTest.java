package io.phistream.topology.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TopicsCommandTest {
    @TempDir
    Path tmp;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(Map<String, String> env, String... args) {
        CommandLine cmd = new CommandLine(new TopicsCommand());
        ((TopicsCommand.Create) cmd.getSubcommands().get("create").getCommand()).env = env;
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    private Path config(String content) throws IOException {
        Path f = tmp.resolve("c.properties");
        Files.writeString(f, content);
        return f;
    }

    @Test
    void givenAConfigWithoutBootstrapServers_whenCreate_thenExitTwoNamingTheKey() throws IOException {
        int code = run(Map.of(), "create", "--config", config("topic.prefix=x.\n").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("bootstrap.servers");
    }

    @Test
    void givenSetOverrides_whenCreate_thenTheyAreReadAsRunReadsThem() throws IOException {
        int code = run(Map.of(), "create", "--config", config("topic.prefix=x.\n").toString(),
                "--set", "bootstrap.servers=127.0.0.1:1", "--set", "topic.partitions=zero", "--timeout", "1s");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("topic.partitions from override").doesNotContain("bootstrap.servers is required");
    }

    @Test
    void givenAnUnknownKey_whenCreate_thenExitTwoNamingTheKey() throws IOException {
        int code = run(Map.of(), "create", "--config", config("bootstrap.server=x:1\n").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("bootstrap.server ");
    }

    @Test
    void givenABadAlertRoute_whenCreate_thenExitTwo() throws IOException {
        int code = run(Map.of(), "create", "--config", config("bootstrap.servers=127.0.0.1:1\n").toString(),
                "--alert-route", "Not Valid");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("alert route");
    }

    @Test
    void givenABadTimeout_whenCreate_thenExitTwoNamingTheOption() throws IOException {
        int code = run(Map.of(), "create", "--config", config("bootstrap.servers=127.0.0.1:1\n").toString(),
                "--timeout", "soon");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--timeout");
    }

    @Test
    void givenNoBrokerListening_whenCreate_thenExitOneAfterTheTimeout() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path cfg = config("topic.partitions=1\n");

        int code = run(Map.of("PHI_STREAM_BOOTSTRAP_SERVERS", "127.0.0.1:" + port),
                "create", "--config", cfg.toString(), "--timeout", "2s");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("127.0.0.1:" + port).contains("failed");
    }
}
