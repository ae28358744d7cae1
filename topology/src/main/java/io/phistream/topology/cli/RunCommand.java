package io.phistream.topology.cli;

import io.phistream.topology.Topic;
import io.phistream.topology.Topics;
import io.phistream.topology.config.ConfigException;
import io.phistream.topology.config.PhiStreamConfig;
import io.phistream.topology.keys.KeyStore;
import io.phistream.topology.ops.GracefulShutdown;
import io.phistream.topology.ops.OpsServer;
import io.phistream.topology.ops.OpsSources;
import io.phistream.topology.scoring.ScoringStages;
import io.phistream.topology.stream.AuditProcessor;
import io.phistream.topology.stream.Stages;
import io.phistream.topology.stream.StreamsApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code phi-stream run --config FILE}: the topology against a real cluster, until SIGTERM. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the de-identification topology against a Kafka cluster (bootstrap.servers).")
final class RunCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() throws Exception {
        PhiStreamConfig config = options.load(Map.of());
        if (!config.hasBootstrapServers()) {
            throw new ConfigException(PhiStreamConfig.BOOTSTRAP_SERVERS + " is required by run (or "
                    + PhiStreamConfig.envName(PhiStreamConfig.BOOTSTRAP_SERVERS) + ")");
        }
        Path keysDir = config.keysDir().orElseThrow(() -> new ConfigException(PhiStreamConfig.KEYS_DIR
                + " is required by run: tokens must stay reversible across restarts (phi-stream keys init)"));
        KeyStore keys = KeyStore.load(keysDir, config.masterKeyFile().orElse(null));
        Topics topics = new Topics(config);
        List<String> missing = missingTopics(config, topics);
        if (!missing.isEmpty()) {
            System.err.println("phi-stream: topics missing on the cluster: " + String.join(", ", missing)
                    + "; create them with 'phi-stream topics create' (same configuration and alert routes)");
            return PhiStreamCli.USAGE;
        }
        Stages stages = Stages.create(config, keys);
        KafkaStreams streams = StreamsApp.create(config, topics, stages);
        OpsServer ops = config.httpPort() > 0
                ? OpsServer.start(config.httpPort(), OpsSources.forApp(config, topics, stages, streams)
                        .auditCheckpointAge(AuditProcessor::lastCheckpointAge).build())
                : null;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // readiness goes 503 first, then streams close, then the server: within a 60 s grace period
            GracefulShutdown.stop(Duration.ofSeconds(45), ops, streams);
            stopped.countDown();
        }, "phi-stream-shutdown"));
        streams.start();
        System.err.println("phi-stream: running; application.id=" + config.applicationId()
                + " inputs=" + topics.ingestHl7v2().name() + "," + topics.ingestFhir().name()
                + (ops == null ? "" : " ops=" + ops.url()));
        stopped.await();
        return PhiStreamCli.OK;
    }


    /**
     * The declared topics the cluster does not have (the patient-memory topic, say, after an upgrade): a clear
     * message instead of a stream thread failing on a missing source. When the cluster does not answer in time
     * nothing is reported: Kafka Streams then waits for it, as a pod started before its brokers must.
     */
    static List<String> missingTopics(PhiStreamConfig config, Topics topics) {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                config.adminProperties())) {
            java.util.Set<String> existing = admin.listTopics().names().get(30, java.util.concurrent.TimeUnit.SECONDS);
            return topics.topics(io.phistream.topology.scoring.ScoringStages.routes(config)).stream()
                    .map(io.phistream.topology.Topic::name).filter(n -> !existing.contains(n)).toList();
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            System.err.println("phi-stream: could not list topics (" + e.getClass().getSimpleName()
                    + "); starting anyway");
            return java.util.List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.List.of();
        }
    }
}
