package io.phistream.topology.cli;

import io.phistream.topology.Topics;
import io.phistream.topology.config.ConfigException;
import io.phistream.topology.config.PhiStreamConfig;
import io.phistream.topology.keys.KeyStore;
import io.phistream.topology.ops.GracefulShutdown;
import io.phistream.topology.ops.OpsServer;
import io.phistream.topology.ops.OpsSources;
import io.phistream.topology.stream.AuditProcessor;
import io.phistream.topology.stream.Stages;
import io.phistream.topology.stream.StreamsApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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

}
