package io.phistream.topology.restart;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.synthetic.SyntheticHl7;
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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rolling restart (a clean shutdown, then a start on the same state directory) must not wipe and re-read the local
 * state from the changelogs: with exactly-once, Kafka Streams treats a task whose stores lack checkpoint offsets as
 * corrupted, deletes its state and restores every store from the beginning, which for a day's dedupe window is
 * minutes of downtime per restart.
 */
class CleanRestartIT {

    @Test
    void givenACleanShutdown_whenTheApplicationRestartsOnTheSameStateDirectory_thenNoStoreIsRestoredFromScratch(
            @TempDir Path stateDir) throws Exception {
        try (EmbeddedKafka broker = EmbeddedKafka.start(null)) {
            Map<String, String> s = KafkaTestIo.pipelineSettings(broker.bootstrapServers(), "restart-it", 2, stateDir);
            PhiStreamConfig config = PhiStreamConfig.load(null, Map.of(), s);
            Topics topics = new Topics(config);
            broker.createTopics(topics.all(ScoringStages.routes(config)));
            KeyStore keys = KeyStore.ephemeral();
            String ingest = topics.ingestHl7v2().name();
            SyntheticHl7 gen = new SyntheticHl7(77);

            // given: HL7 traffic only (the FHIR side's stores never see a record), then a clean shutdown
            try (KafkaProducer<byte[], byte[]> producer = KafkaTestIo.producer(broker.bootstrapServers());
                 KafkaStreams app = StreamsApp.create(config, topics, Stages.create(config, keys))) {
                app.start();
                assertThat(StreamsApp.awaitRunning(app, Duration.ofSeconds(60))).isTrue();
                for (int i = 0; i < 40; i++) {
                    producer.send(new ProducerRecord<>(ingest, gen.next().text().getBytes(StandardCharsets.UTF_8)));
                }
                producer.flush();
                assertThat(KafkaTestIo.readCommitted(broker.bootstrapServers(),
                        List.of(topics.deidHl7v2().name(), topics.quarantine().name()), r -> r.size() >= 40,
                        Duration.ofMillis(500), Duration.ofSeconds(60))).hasSizeGreaterThanOrEqualTo(40);
            }

            // when: it starts again on the same state directory
            Map<String, AtomicLong> restored = new ConcurrentHashMap<>();
            try (KafkaStreams again = StreamsApp.create(config, topics, Stages.create(config, keys))) {
                again.setGlobalStateRestoreListener(new StateRestoreListener() {
                    @Override
                    public void onRestoreStart(TopicPartition tp, String store, long start, long end) {
                    }

                    @Override
                    public void onBatchRestored(TopicPartition tp, String store, long batchEnd, long n) {
                        restored.computeIfAbsent(store, k -> new AtomicLong()).addAndGet(n);
                    }

                    @Override
                    public void onRestoreEnd(TopicPartition tp, String store, long total) {
                    }
                });
                again.start();
                assertThat(StreamsApp.awaitRunning(again, Duration.ofSeconds(60))).isTrue();
                Thread.sleep(2_000);
            }

            // then: the local stores were reused; only the global patient memory is read from its topic
            restored.remove("patient-memory");
            assertThat(restored).as("records restored per store").isEmpty();
        }
    }
}
