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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
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
        Optional<String> problem = topicProblem(config, topics);
        if (problem.isPresent()) {
            System.err.println("phi-stream: " + problem.get());
            return PhiStreamCli.USAGE;
        }
        Stages stages = Stages.create(config, keys);
        KafkaStreams streams = StreamsApp.create(config, topics, stages);
        OpsServer ops = config.httpPort() > 0
                ? OpsServer.start(config.httpPort(), OpsSources.forApp(config, topics, stages, streams)
                        .auditCheckpointAge(AuditProcessor::lastCheckpointAge).build())
                : null;
        CountDownLatch stopRequested = new CountDownLatch(1);
        // SIGTERM and Ctrl-C ask for the graceful stop on this thread, which then returns 0, as a clean stop should
        // (scripts, systemd); left to the JVM, they run the shutdown hook and exit 143 or 130
        StopSignals.handle(stopRequested::countDown);
        AtomicBoolean stopping = new AtomicBoolean();
        // readiness goes 503 first, then streams close, then the server: within a 60 s grace period
        Runnable stop = () -> {
            if (stopping.compareAndSet(false, true)) {
                GracefulShutdown.stop(Duration.ofSeconds(45), ops, streams);
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "phi-stream-shutdown")); // every other way the JVM ends
        streams.start();
        System.err.println("phi-stream: running; application.id=" + config.applicationId()
                + " inputs=" + topics.ingestHl7v2().name() + "," + topics.ingestFhir().name()
                + (ops == null ? "" : " ops=" + ops.url()));
        stopRequested.await(); // where signals cannot be handled, the shutdown hook stops it and the JVM ends as ever
        stop.run();
        return PhiStreamCli.OK;
    }

    /**
     * Why the cluster's topics cannot run this topology, if they cannot: a declared topic is missing (the
     * patient-memory topic, say, after an upgrade), or the two de-identified topics differ in partition count. A clear
     * message instead of a stream thread failing on a missing source or, worse, scoring on split state. When the
     * cluster does not answer in time nothing is reported: Kafka Streams then waits for it, as a pod started before its
     * brokers must.
     */
    static Optional<String> topicProblem(PhiStreamConfig config, Topics topics) {
        try (Admin admin = Admin.create(config.adminProperties())) {
            List<String> missing = missingTopics(admin, topics, ScoringStages.routes(config));
            if (!missing.isEmpty()) {
                return Optional.of("topics missing on the cluster: " + String.join(", ", missing)
                        + "; create them with 'phi-stream topics create' (same configuration and alert routes)");
            }
            String hl7 = topics.deidHl7v2().name();
            String fhir = topics.deidFhir().name();
            Map<String, TopicDescription> d = admin.describeTopics(List.of(hl7, fhir)).allTopicNames()
                    .get(30, TimeUnit.SECONDS);
            Optional<String> partitions = coPartitioningProblem(hl7, d.get(hl7).partitions().size(), fhir,
                    d.get(fhir).partitions().size());
            return partitions.isPresent() ? partitions : configProblem(admin, topics, ScoringStages.routes(config));
        } catch (TimeoutException | ExecutionException e) {
            System.err.println("phi-stream: could not check the topics: " + (e instanceof TimeoutException
                    ? "no answer from " + config.bootstrapServers() + " in 30 s" : e.getClass().getSimpleName())
                    + "; starting anyway (the stream threads wait for the cluster)");
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * Existing topics whose configuration breaks what phi-stream relies on (a walkthrough set ops.audit to
     * cleanup.policy=delete with a one-minute retention, and run started without a word): a compacted topic (the audit
     * log, the patient memory) that is not compacted only, or a topic whose max.message.bytes is under what phi-stream
     * writes to it (record.max.bytes plus the envelope's room). Other settings (a quarantine's retention) are the
     * operator's to choose.
     */
    static Optional<String> configProblem(Admin admin, Topics topics, List<String> alertRoutes)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<NewTopic> declared = topics.all(alertRoutes);
        List<ConfigResource> resources = declared.stream()
                .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t.name())).toList();
        Map<ConfigResource, Config> actual = admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < declared.size(); i++) {
            Map<String, String> want = declared.get(i).configs();
            Config have = actual.get(resources.get(i));
            if (want == null || have == null) {
                continue;
            }
            String name = declared.get(i).name();
            String policy = want.get(TopicConfig.CLEANUP_POLICY_CONFIG);
            var havePolicy = have.get(TopicConfig.CLEANUP_POLICY_CONFIG);
            if ("compact".equals(policy) && havePolicy != null && !"compact".equals(havePolicy.value())) {
                problems.add(name + " has cleanup.policy=" + havePolicy.value() + " (needs compact: nothing may be"
                        + " deleted by age or size)");
            }
            String max = want.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
            var haveMax = have.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
            if (max != null && haveMax != null && haveMax.value() != null
                    && Long.parseLong(haveMax.value()) < Long.parseLong(max)) {
                problems.add(name + " has max.message.bytes=" + haveMax.value() + " (needs " + max
                        + " for record.max.bytes)");
            }
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of("topic settings phi-stream relies on differ: "
                + String.join("; ", problems) + "; change them with kafka-configs --alter, or set record.max.bytes lower");
    }

    /** The declared topics the cluster does not have. */
    static List<String> missingTopics(Admin admin, Topics topics, List<String> alertRoutes)
            throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        return topics.topics(alertRoutes).stream().map(Topic::name).filter(n -> !existing.contains(n)).toList();
    }

    /**
     * The scoring side reads deid.hl7v2 and deid.fhir in one sub-topology, both keyed by patient token: task p reads
     * partition p of each, so only equal counts put a patient's HL7 and FHIR vitals in the task that holds its
     * feature state. Kafka Streams enforces equal counts for DSL joins only; here it would start max(counts) tasks and
     * score on split state. Names and counts only in the message: no data.
     */
    static Optional<String> coPartitioningProblem(String hl7Topic, int hl7Partitions, String fhirTopic,
                                                  int fhirPartitions) {
        if (hl7Partitions == fhirPartitions) {
            return Optional.empty();
        }
        return Optional.of(hl7Topic + " has " + hl7Partitions + " partition(s) and " + fhirTopic + " has "
                + fhirPartitions + "; scoring reads both by patient token in one task per partition, so they must "
                + "have the same count (phi-stream topics create gives every topic topic.partitions)");
    }
}
