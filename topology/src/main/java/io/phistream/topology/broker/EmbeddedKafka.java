package io.phistream.topology.broker;

import io.phistream.topology.Topics;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Kafka broker (KRaft, combined broker + controller) running in this JVM, for the demo
 * and the integration tests.
 *
 * <p>Kafka's test kit ({@code KafkaClusterTestKit}) is not published for 4.4.0, so this formats the storage
 * with {@link Formatter} (what {@code kafka-storage.sh format} does) and runs {@link KafkaRaftServer} (what
 * {@code kafka-server-start.sh} runs). The quorum is static ({@code controller.quorum.voters}), so the
 * controller port is not written into the metadata log and a kept data directory restarts on new ports.
 * Listeners bind 127.0.0.1 only. Topics are never auto-created: create them with {@link #createTopics}.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;
    private static final String LOG_DIR_NAME = "kafka-logs";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path dataDir;
    private final boolean deleteOnClose;
    private boolean closed;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers, Path dataDir, boolean deleteOnClose) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.dataDir = dataDir;
        this.deleteOnClose = deleteOnClose;
    }

    /**
     * Starts a broker.
     *
     * @param dataDirOrNull where the broker keeps its data (created and formatted if it holds no broker
     *                      data yet, reused with its topics and records if it does; kept on close), or null
     *                      for a temporary directory deleted on close
     */
    public static EmbeddedKafka start(Path dataDirOrNull) {
        long t0 = System.nanoTime();
        boolean temporary = dataDirOrNull == null;
        Path dataDir;
        try {
            dataDir = temporary ? Files.createTempDirectory("phi-stream-kafka-") : dataDirOrNull.toAbsolutePath();
            Files.createDirectories(dataDir.resolve(LOG_DIR_NAME));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the broker data directory " + dataDirOrNull, e);
        }
        Path logDir = dataDir.resolve(LOG_DIR_NAME);
        try {
            KafkaRaftServer server = null;
            String bootstrap = null;
            // Free ports are picked by binding port 0 and releasing it; another process may grab one in
            // between, so retry a few times on a bind failure.
            for (int attempt = 1; server == null; attempt++) {
                int brokerPort = freePort();
                int controllerPort = freePort();
                while (controllerPort == brokerPort) {
                    controllerPort = freePort();
                }
                KafkaConfig config = new KafkaConfig(brokerProperties(logDir, brokerPort, controllerPort), false);
                if (!Files.exists(logDir.resolve("meta.properties"))) {
                    format(logDir);
                }
                KafkaRaftServer candidate = new KafkaRaftServer(config, Time.SYSTEM);
                try {
                    candidate.startup();
                    server = candidate;
                    bootstrap = HOST + ":" + brokerPort;
                } catch (RuntimeException e) {
                    shutdownQuietly(candidate);
                    if (attempt >= 3 || !isBindFailure(e)) {
                        throw e;
                    }
                    LOG.warn("embedded Kafka port taken, retrying (attempt {})", attempt);
                }
            }
            EmbeddedKafka kafka = new EmbeddedKafka(server, bootstrap, dataDir, temporary);
            try {
                kafka.awaitReady();
            } catch (RuntimeException e) {
                kafka.close();
                throw e;
            }
            LOG.info("embedded Kafka {} ready in {} ms (data {})", bootstrap,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), temporary ? "temporary" : dataDir);
            return kafka;
        } catch (RuntimeException e) {
            if (temporary) {
                deleteRecursively(dataDir);
            }
            throw e;
        }
    }

    private static Map<String, Object> brokerProperties(Path logDir, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + brokerPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        // one node: every internal topic has a single replica
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        // the log cleaner (needed by the compacted audit topic) would otherwise reserve 128 MB
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        p.put("log.cleaner.threads", "1");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("num.recovery.threads.per.data.dir", "1");
        @SuppressWarnings({"unchecked", "rawtypes"})
        Map<String, Object> m = (Map) p;
        return m;
    }

    private static void format(Path logDir) {
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(NODE_ID)
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString()) // metadata.log.dir defaults to the first log dir
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setHasDynamicQuorum(false)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("formatting the broker storage in " + logDir + " failed", e);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = admin()) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for the embedded broker", e);
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("embedded broker not ready after " + READY_TIMEOUT);
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the embedded broker", e);
                }
            }
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getByName(HOST))) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException
                    || (t.getMessage() != null && t.getMessage().contains("Address already in use"))) {
                return true;
            }
        }
        return false;
    }

    /** host:port of the PLAINTEXT listener on 127.0.0.1. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The data directory (temporary ones are deleted on close). */
    public Path dataDir() {
        return dataDir;
    }

    /** An admin client for this broker; the caller closes it. */
    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "phi-stream-embedded-admin"));
    }

    /**
     * Creates the topics that do not exist yet (existing ones are left as they are).
     *
     * @return topic name to true (created) or false (already existed)
     */
    public Map<String, Boolean> createTopics(Collection<NewTopic> topics) {
        try (Admin admin = admin()) {
            return Topics.create(admin, topics, Duration.ofSeconds(30));
        }
    }

    /** Stops the broker cleanly; a temporary data directory is deleted. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        shutdownQuietly(server);
        if (deleteOnClose) {
            deleteRecursively(dataDir);
        }
        LOG.info("embedded Kafka {} stopped", bootstrapServers);
    }

    private static void shutdownQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.warn("embedded Kafka shutdown: {}", e.getClass().getSimpleName());
        }
    }

    private static void deleteRecursively(Path dir) {
        if (dir == null) {
            return;
        }
        try {
            org.apache.kafka.common.utils.Utils.delete(dir.toFile()); // Kafka's own recursive delete
        } catch (IOException e) {
            LOG.warn("could not delete embedded Kafka data directory {}", dir);
        }
    }
}
