package io.phistream.topology.memory;

import static io.phistream.topology.memory.MemoryMessages.adt;
import static io.phistream.topology.memory.MemoryMessages.oru;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.topology.Topics;
import io.phistream.topology.broker.EmbeddedKafka;
import io.phistream.topology.chaos.KafkaTestIo;
import io.phistream.topology.config.PhiStreamConfig;
import io.phistream.topology.keys.KeyStore;
import io.phistream.topology.scoring.ScoringStages;
import io.phistream.topology.stream.Stages;
import io.phistream.topology.stream.StreamsApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-patient memory on a real broker: what an admission on one partition taught is used for a note about
 * the same patient on the other partition, and again after the application restarts on an empty state directory
 * (the global store is rebuilt from the compacted topic).
 */
class PatientMemoryIT {


    @Test
    void givenAnAdmissionOnOnePartition_whenNotesArriveOnTheOtherAndAfterARestart_thenBothAreScrubbedFromMemory(
            @TempDir Path state1, @TempDir Path state2) throws Exception {
        try (EmbeddedKafka broker = EmbeddedKafka.start(null)) {
            Map<String, String> s = KafkaTestIo.pipelineSettings(broker.bootstrapServers(), "memory-it", 2,
                    state1);
            s.put(PhiStreamConfig.TEXT_SCRUBBING, "spans");
            PhiStreamConfig config = PhiStreamConfig.load(null, Map.of(), s);
            Topics topics = new Topics(config);
            broker.createTopics(topics.all(ScoringStages.routes(config)));
            KeyStore keys = KeyStore.ephemeral();
            Stages stages = Stages.create(config, keys);
            String bootstrap = broker.bootstrapServers();
            String ingest = topics.ingestHl7v2().name();

            try (KafkaProducer<byte[], byte[]> producer = KafkaTestIo.producer(bootstrap)) {
                // given: the admission on partition 0, learned once its transaction commits
                try (KafkaStreams app = StreamsApp.create(config, topics, stages)) {
                    app.start();
                    assertThat(StreamsApp.awaitRunning(app, Duration.ofSeconds(60))).isTrue();
                    producer.send(new ProducerRecord<>(ingest, 0, null, adt("MRN7001", "A01"))).get();
                    assertThat(readMemory(bootstrap, topics)).isNotEmpty();
                    Thread.sleep(1_000); // the global thread reads the committed digests into its store

                    // when: a note about the patient, with no name in its structure, on partition 1
                    producer.send(new ProducerRecord<>(ingest, 1, null, oru("MRN7001", "L1"))).get();
                    String first = releasedNotes(bootstrap, topics, 2).get(1);
                    // then
                    assertThat(first).doesNotContain("quillfeather", "zanthorpe").contains("valve check");
                }

                // when: the application restarts on an empty state directory and another note comes
                s.put(PhiStreamConfig.STATE_DIR, state2.toString());
                PhiStreamConfig restarted = PhiStreamConfig.load(null, Map.of(), s);
                try (KafkaStreams app = StreamsApp.create(restarted, topics, Stages.create(restarted, keys))) {
                    app.start();
                    assertThat(StreamsApp.awaitRunning(app, Duration.ofSeconds(60))).isTrue();
                    producer.send(new ProducerRecord<>(ingest, 0, null, oru("MRN7001", "L2"))).get();
                    String second = releasedNotes(bootstrap, topics, 3).get(2);
                    // then: the memory came back from the topic
                    assertThat(second).doesNotContain("quillfeather", "zanthorpe").contains("valve check");
                }
            }
            // and the memory topic holds patient tokens and digests only
            List<String> memory = readMemory(bootstrap, topics);
            assertThat(memory).allSatisfy(k -> assertThat(k).matches("mrn-[A-Za-z0-9_-]+/[0-9a-f]{16}"));
            assertThat(String.join(" ", memory).toLowerCase(Locale.ROOT))
                    .doesNotContain("quillfeather", "zanthorpe", "mrn7001");
        }
    }

    private static List<String> readMemory(String bootstrap, Topics topics) {
        return KafkaTestIo.readCommitted(bootstrap, List.of(topics.patientMemory().name()), r -> !r.isEmpty(),
                        Duration.ofMillis(500), Duration.ofSeconds(30)).stream()
                .map(r -> new String(r.key(), StandardCharsets.UTF_8)).toList();
    }

    /** The released notes in order of release (the NTE text of each de-identified message). */
    private static List<String> releasedNotes(String bootstrap, Topics topics, int expected) {
        List<ConsumerRecord<byte[], byte[]>> out = KafkaTestIo.readCommitted(bootstrap,
                List.of(topics.deidHl7v2().name()), r -> r.size() >= expected, Duration.ofMillis(300),
                Duration.ofSeconds(60));
        assertThat(out).hasSize(expected);
        return out.stream().sorted(java.util.Comparator.comparingLong(ConsumerRecord::timestamp))
                .map(r -> new String(r.value(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT)).toList();
    }
}
