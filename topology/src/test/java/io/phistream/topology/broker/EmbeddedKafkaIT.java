package io.phistream.topology.broker;

import io.phistream.topology.Topics;
import io.phistream.topology.config.PhiStreamConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** One real broker for the class, restarted once on its data directory. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedKafkaIT {
    private static final String TOPIC = "it.ingest.hl7v2";
    private static final List<String> COMMITTED = List.of("c1", "c2", "c3", "c4");

    @TempDir
    static Path dataDir;

    static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start(dataDir);
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    private static PhiStreamConfig config() {
        return PhiStreamConfig.defaults().with(Map.of("bootstrap.servers", kafka.bootstrapServers()));
    }

    private static List<String> readAll(String isolation, int expected) {
        Map<String, Object> props = new HashMap<>(config().consumerProperties());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            c.assign(List.of(new TopicPartition(TOPIC, 0)));
            c.seekToBeginning(c.assignment());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
            }
            // a little longer: anything beyond the expected records would be a failure too
            for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                values.add(r.value());
            }
        }
        return values;
    }

    @Test
    @Order(1)
    void givenTheBroker_whenPhiStreamTopicsAreCreatedTwice_thenTheyExistWithTheirConfigurationAndTheSecondRunReportsThem()
            throws Exception {
        Topics topics = new Topics("it.", 1, (short) 1);

        Map<String, Boolean> first = kafka.createTopics(topics.all(List.of("icu")));
        Map<String, Boolean> second = kafka.createTopics(topics.all(List.of("icu")));

        assertThat(first).hasSize(topics.topics(List.of("icu")).size()).containsValue(true).doesNotContainValue(false);
        assertThat(second).hasSize(first.size()).doesNotContainValue(true);
        try (Admin admin = kafka.admin()) {
            assertThat(admin.listTopics().names().get()).contains("it.audit", "it.patient-memory", "it.alerts.icu", TOPIC);
            ConfigResource audit = new ConfigResource(ConfigResource.Type.TOPIC, "it.audit");
            Config cfg = admin.describeConfigs(List.of(audit)).all().get().get(audit);
            assertThat(cfg.get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(cfg.get("min.compaction.lag.ms").value()).isEqualTo("3600000");
            assertThat(cfg.get("retention.ms").value()).isEqualTo("-1");
        }
    }

    @Test
    @Order(2)
    void givenATransactionalProducer_whenSomeTransactionsCommitAndOneAborts_thenReadCommittedSeesOnlyTheCommittedRecords() {
        Map<String, Object> props = new HashMap<>(config().producerProperties());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "it-tx");
        try (KafkaProducer<String, String> p = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            p.initTransactions();
            p.beginTransaction();
            p.send(new ProducerRecord<>(TOPIC, "k", "c1"));
            p.send(new ProducerRecord<>(TOPIC, "k", "c2"));
            p.commitTransaction();
            p.beginTransaction();
            p.send(new ProducerRecord<>(TOPIC, "k", "aborted1"));
            p.send(new ProducerRecord<>(TOPIC, "k", "aborted2"));
            p.flush(); // the aborted records really reach the log
            p.abortTransaction();
            p.beginTransaction();
            p.send(new ProducerRecord<>(TOPIC, "k", "c3"));
            p.send(new ProducerRecord<>(TOPIC, "k", "c4"));
            p.commitTransaction();
        }

        List<String> committed = readAll("read_committed", COMMITTED.size());
        List<String> uncommitted = readAll("read_uncommitted", COMMITTED.size() + 2);

        assertThat(committed).containsExactlyElementsOf(COMMITTED);
        assertThat(uncommitted).containsExactly("c1", "c2", "aborted1", "aborted2", "c3", "c4");
    }

    @Test
    @Order(3)
    void givenAKeptDataDirectory_whenTheBrokerRestartsOnIt_thenTopicsAndCommittedRecordsAreStillThere() throws Exception {
        kafka.close();
        kafka.close(); // idempotent
        assertThat(dataDir.resolve("kafka-logs").resolve("meta.properties")).exists();

        kafka = EmbeddedKafka.start(dataDir);

        assertThat(kafka.bootstrapServers()).startsWith("127.0.0.1:");
        try (Admin admin = kafka.admin()) {
            assertThat(admin.listTopics().names().get()).contains("it.audit", TOPIC);
        }
        assertThat(readAll("read_committed", COMMITTED.size())).containsExactlyElementsOf(COMMITTED);
    }

    @Test
    @Order(4)
    void givenNoDataDirectory_whenStartedAndClosed_thenTheTemporaryDirectoryIsDeleted() {
        Path temp;
        try (EmbeddedKafka throwaway = EmbeddedKafka.start(null)) {
            temp = throwaway.dataDir();
            assertThat(temp).exists();
            assertThat(throwaway.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic("t", 1, (short) 1))))
                    .containsEntry("t", true);
        }
        assertThat(Files.exists(temp)).isFalse();
    }
}
