package io.phistream.topology.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.topology.Topics;
import io.phistream.topology.broker.EmbeddedKafka;
import io.phistream.topology.config.PhiStreamConfig;
import io.phistream.topology.keys.KeyStore;
import io.phistream.topology.scoring.ScoringStages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code phi-stream run} against a cluster whose topics were not (all) created: a clear message and exit 2. */
class RunCommandIT {

    @TempDir
    Path dir;

    @Test
    void givenAClusterWithoutThePatientMemoryTopic_whenRunStarts_thenItNamesTheMissingTopicAndExitsWithAConfigError()
            throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(null)) {
            Path keys = dir.resolve("keys");
            KeyStore.init(keys, null);
            Path config = dir.resolve("run.properties");
            Files.writeString(config, "bootstrap.servers=" + kafka.bootstrapServers() + "\ntopic.prefix=run.\n"
                    + "topic.partitions=1\ntopic.replication.factor=1\nkeys.dir=" + keys + "\nstate.dir="
                    + dir.resolve("state") + "\n");
            PhiStreamConfig c = PhiStreamConfig.load(config, Map.of(), Map.of());
            Topics topics = new Topics(c);
            // given: every topic but the patient memory (a cluster set up before that topic existed)
            List<NewTopic> all = topics.all(ScoringStages.routes(c)).stream()
                    .filter(t -> !t.name().equals(topics.patientMemory().name())).toList();
            kafka.createTopics(all);

            assertThat(RunCommand.missingTopics(c, topics)).containsExactly("run.patient-memory");
            assertThat(PhiStreamCli.execute("run", "--config", config.toString())).isEqualTo(PhiStreamCli.USAGE);
        }
    }
}
