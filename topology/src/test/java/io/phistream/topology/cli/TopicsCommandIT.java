package io.phistream.topology.cli;

import io.phistream.topology.broker.EmbeddedKafkaExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TopicsCommandIT {
    @RegisterExtension
    static final EmbeddedKafkaExtension kafka = new EmbeddedKafkaExtension();

    @TempDir
    Path tmp;


    private int run(StringWriter out, Path config, String... extra) {
        CommandLine cmd = new CommandLine(new TopicsCommand());
        ((TopicsCommand.Create) cmd.getSubcommands().get("create").getCommand()).env = Map.of();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(new StringWriter(), true));
        String[] args = new String[3 + extra.length];
        args[0] = "create";
        args[1] = "--config";
        args[2] = config.toString();
        System.arraycopy(extra, 0, args, 3, extra.length);
        return cmd.execute(args);
    }

    @Test
    void givenAConfig_whenTopicsCreateRunsTwice_thenTopicsAreCreatedOnceAndTheSecondRunReportsThemAndSucceeds()
            throws Exception {
        Path config = tmp.resolve("c.properties");
        Files.writeString(config, "bootstrap.servers=" + kafka.bootstrapServers() + "\ntopic.prefix=cli.\n"
                + "topic.partitions=2\ntopic.replication.factor=1\n");
        StringWriter first = new StringWriter();
        StringWriter second = new StringWriter();

        int code1 = run(first, config, "--alert-route", "icu", "ward");
        int code2 = run(second, config, "--alert-route", "icu", "ward");

        assertThat(code1).isZero();
        assertThat(code2).isZero();
        assertThat(first.toString()).contains("created cli.audit").contains("created cli.patient-memory").contains("12 created, 0 already existed");
        assertThat(second.toString()).contains("exists  cli.audit").contains("0 created, 12 already existed");
        try (Admin admin = kafka.admin()) {
            Map<String, TopicDescription> d = admin.describeTopics(List.of("cli.alerts.ward", "cli.deid.hl7v2"))
                    .allTopicNames().get();
            assertThat(d.get("cli.alerts.ward").partitions()).hasSize(2);
            assertThat(d.get("cli.deid.hl7v2").partitions()).hasSize(2);
        }
    }
}
