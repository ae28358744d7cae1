package io.phistream.topology.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.phistream.synthetic.SyntheticHl7;
import io.phistream.topology.Topics;
import io.phistream.topology.broker.EmbeddedKafka;
import io.phistream.topology.config.PhiStreamConfig;
import io.phistream.topology.keys.KeyStore;
import io.phistream.topology.stream.Stages;
import io.phistream.topology.stream.StreamsApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ops endpoint wired to the real application on a real (in-process) broker: readiness follows Kafka
 * Streams from CREATED to RUNNING, the lag reader sees the group's committed offsets catch up, Kafka Streams'
 * client metrics are exported, and a graceful stop turns readiness off before Kafka Streams closes.
 */
class OpsServerIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void givenTheApplicationOnABroker_whenTrafficFlowsAndItStops_thenProbesLagAndClientMetricsFollow(@TempDir Path state)
            throws Exception {
        try (EmbeddedKafka broker = EmbeddedKafka.start(null)) {
            PhiStreamConfig config = PhiStreamConfig.load(null, Map.of(), Map.of(
                    PhiStreamConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers(),
                    PhiStreamConfig.APPLICATION_ID, "ops-it",
                    PhiStreamConfig.TOPIC_PARTITIONS, "2",
                    PhiStreamConfig.TOPIC_REPLICATION_FACTOR, "1",
                    PhiStreamConfig.STATE_DIR, state.toString()));
            Topics topics = new Topics(config);
            broker.createTopics(topics.all(io.phistream.topology.scoring.ScoringStages.routes(config)));
            Stages stages = Stages.create(config, KeyStore.ephemeral());
            KafkaStreams streams = StreamsApp.create(config, topics, stages);
            OpsServer ops = OpsServer.startLocal(0, OpsSources.forApp(config, topics, stages, streams)
                    .lagInterval(Duration.ofMillis(300)).build());
            try {
                assertThat(Http.get(ops, "/health/live").statusCode()).as("CREATED is alive").isEqualTo(200);
                assertThat(Http.get(ops, "/health/ready").statusCode()).as("CREATED is not ready").isEqualTo(503);

                streams.start();
                await("ready", () -> Http.get(ops, "/health/ready").statusCode() == 200);

                int sent = 40;
                produce(config, topics, sent);
                await("all records processed", () -> stages.metrics().received() == sent);
                await("lag read back to zero on both partitions of both ingest topics", () -> {
                    JsonNode lag = JSON.readTree(Http.get(ops, "/status").body()).get("lag");
                    boolean hl7Committed = true; // ingest.fhir got nothing, so nothing was committed there
                    for (JsonNode p : lag.get("partitions")) {
                        hl7Committed &= !p.get("topic").asText().equals("ingest.hl7v2") || p.get("committed").asLong() >= 0;
                    }
                    return lag.get("error").isNull() && lag.get("partitions").size() == 4 && lag.get("total").asLong() == 0
                            && hl7Committed;
                });

                // vitals among them are scored: the model in force reaches /status and /metrics (a walkthrough found
                // models, alerts and drift empty there while the demo scored thousands)
                await("the scoring model shown", () -> JSON.readTree(Http.get(ops, "/status").body()).get("models").size() > 0);
                JsonNode status = JSON.readTree(Http.get(ops, "/status").body());
                assertThat(status.get("models").fieldNames()).toIterable().contains("news2");
                assertThat(status.get("state").asText()).isEqualTo("RUNNING");
                assertThat(status.get("counts").get("received").asLong()).isEqualTo(sent);
                long ends = 0;
                for (JsonNode p : status.at("/lag/partitions")) {
                    ends += p.get("end").asLong();
                }
                assertThat(ends).as("every record sent, all on ingest.hl7v2").isEqualTo(sent);
                assertThat(status.get("topics").get("ingest.hl7v2").asText()).isEqualTo("ingest.hl7v2");
                String metrics = Http.get(ops, "/metrics").body();
                assertThat(metrics).contains("phistream_records_in_total{stage=\"hl7\"} " + sent + ".0")
                        .contains("phistream_consumer_lag{partition=\"0\",topic=\"ingest.hl7v2\"} 0.0")
                        .contains("phistream_consumer_lag{partition=\"0\",topic=\"ingest.fhir\"} 0.0")
                        .contains("phistream_quality_decisions_total{decision=\"passed\"}")
                        .contains("phistream_build_info{version=")
                        .contains("phistream_policy_info{format=\"hl7v2\",version=\"1.5.0\"}")
                        .contains("phistream_policy_info{format=\"fhir\",version=\"1.5.0\"}")
                        .contains("phistream_model_info{model=\"news2\"")
                        .contains("phistream_ready 1.0")
                        .contains("kafka_stream_thread_process_rate")
                        .contains("kafka_stream_thread_commit_total");
                // the histogram is exported; it fills once the processor passes record timestamps to PipelineMetrics
                assertThat(metrics).contains("phistream_latency_seconds_count{stage=\"hl7\"}");

                boolean closed = GracefulShutdown.stop(Duration.ofSeconds(30), ops, streams);

                assertThat(closed).isTrue();
                assertThat(streams.state()).isEqualTo(KafkaStreams.State.NOT_RUNNING);
                assertThatThrownBy(() -> Http.get(ops, "/health/live")).as("the server is closed").isInstanceOf(AssertionError.class);
            } finally {
                ops.close();
                streams.close(Duration.ofSeconds(10));
            }
        }
    }

    private static void produce(PhiStreamConfig config, Topics topics, int n) {
        Properties p = new Properties();
        p.putAll(config.producerProperties());
        SyntheticHl7 gen = new SyntheticHl7(99);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < n; i++) {
                producer.send(new ProducerRecord<>(topics.ingestHl7v2().name(), "k" + i,
                        gen.next().text().getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void await(String what, Check check) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (check.ok()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting for: " + what);
    }
}
