package io.phistream.topology.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.topology.Topics;
import io.phistream.topology.broker.EmbeddedKafkaExtension;
import io.phistream.topology.config.PhiStreamConfig;
import io.phistream.topology.keys.KeyStore;
import io.phistream.topology.scoring.ScoringStages;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code phi-stream run} against a cluster whose topics cannot run the topology: a clear message and exit 2. */
class RunCommandIT {

    @RegisterExtension
    static final EmbeddedKafkaExtension kafka = new EmbeddedKafkaExtension();

    @TempDir
    Path dir;

    private Path config(String prefix) throws Exception {
        Path keys = dir.resolve("keys");
        KeyStore.init(keys, null);
        Path config = dir.resolve("run.properties");
        Files.writeString(config, "bootstrap.servers=" + kafka.bootstrapServers() + "\ntopic.prefix=" + prefix + "\n"
                + "topic.partitions=1\ntopic.replication.factor=1\nkeys.dir=" + keys + "\nstate.dir="
                + dir.resolve("state") + "\n");
        return config;
    }

    /** Runs the command line and returns its exit code; what it printed to stderr goes to {@code err}. */
    private static int run(ByteArrayOutputStream err, String... args) {
        PrintStream before = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return PhiStreamCli.execute(args);
        } finally {
            System.setErr(before);
        }
    }

    @Test
    void givenAClusterWithoutThePatientMemoryTopic_whenRunStarts_thenItNamesTheMissingTopicAndExitsWithAConfigError()
            throws Exception {
        Path config = config("run.");
        PhiStreamConfig c = PhiStreamConfig.load(config, Map.of(), Map.of());
        Topics topics = new Topics(c);
        // given: every topic but the patient memory (a cluster set up before that topic existed)
        List<NewTopic> all = topics.all(ScoringStages.routes(c)).stream()
                .filter(t -> !t.name().equals(topics.patientMemory().name())).toList();
        kafka.createTopics(all);

        try (Admin admin = kafka.admin()) {
            assertThat(RunCommand.missingTopics(admin, topics, ScoringStages.routes(c)))
                    .containsExactly("run.patient-memory");
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(err, "run", "--config", config.toString())).isEqualTo(PhiStreamCli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("topics missing on the cluster: run.patient-memory");
    }

    @Test
    void givenDeidTopicsWithDifferentPartitionCounts_whenRunStarts_thenItNamesBothWithTheirCountsAndExitsWithAConfigError()
            throws Exception {
        Path config = config("copart.");
        PhiStreamConfig c = PhiStreamConfig.load(config, Map.of(), Map.of());
        Topics topics = new Topics(c);
        // given: every topic, but deid.fhir with 3 partitions where deid.hl7v2 has 1 (created by hand, say)
        List<NewTopic> all = topics.all(ScoringStages.routes(c)).stream()
                .map(t -> t.name().equals(topics.deidFhir().name())
                        ? new NewTopic(t.name(), Optional.of(3), Optional.of((short) 1)) : t)
                .toList();
        kafka.createTopics(all);

        // checked before run is called: a check that passed would leave run waiting for SIGTERM
        assertThat(RunCommand.topicProblem(c, topics)).hasValueSatisfying(m -> assertThat(m)
                .contains("copart.deid.hl7v2 has 1 partition(s)").contains("copart.deid.fhir has 3"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(err, "run", "--config", config.toString())).isEqualTo(PhiStreamCli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("copart.deid.hl7v2 has 1 partition(s) and copart.deid.fhir has 3");
    }

    @Test
    void givenAnAuditTopicThatDeletesByAgeAndASmallMessageLimit_whenRunStarts_thenItNamesBothAndExitsWithAConfigError()
            throws Exception {
        Path config = config("conf.");
        PhiStreamConfig c = PhiStreamConfig.load(config, Map.of(), Map.of());
        Topics topics = new Topics(c);
        // given: the audit log deleted after a minute and the quarantine under the record limit (altered by hand, say)
        List<NewTopic> all = topics.all(ScoringStages.routes(c)).stream().map(t -> {
            if (t.name().equals(topics.audit().name())) {
                return new NewTopic(t.name(), Optional.of(1), Optional.of((short) 1))
                        .configs(Map.of("cleanup.policy", "delete", "retention.ms", "60000"));
            }
            if (t.name().equals(topics.quarantine().name())) {
                return new NewTopic(t.name(), Optional.of(1), Optional.of((short) 1))
                        .configs(Map.of("max.message.bytes", "100000"));
            }
            return t;
        }).toList();
        kafka.createTopics(all);

        assertThat(RunCommand.topicProblem(c, topics)).hasValueSatisfying(m -> assertThat(m)
                .contains("conf.audit has cleanup.policy=delete").contains("conf.quarantine has max.message.bytes=100000"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(err, "run", "--config", config.toString())).isEqualTo(PhiStreamCli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("topic settings phi-stream relies on differ");
    }
}
