package io.phistream.topology.cli;

import io.phistream.topology.Topics;
import io.phistream.topology.config.ConfigException;
import io.phistream.topology.config.PhiStreamConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code phi-stream topics create}: every topic with its intended configuration. */
@Command(name = "topics", mixinStandardHelpOptions = true, description = "Manage phi-stream's Kafka topics.",
        subcommands = {TopicsCommand.Create.class})
public class TopicsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create every phi-stream topic that does not exist yet (existing ones are reported and left "
                    + "unchanged).")
    public static class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--config", required = true, paramLabel = "FILE",
                description = "properties file (bootstrap.servers, topic.prefix, topic.partitions, ...)")
        Path config;

        @Option(names = "--set", paramLabel = "KEY=VALUE",
                description = "override one configuration key, as 'run --set' does (so both name the same topics)")
        Map<String, String> overrides = new java.util.LinkedHashMap<>();

        @Option(names = "--alert-route", paramLabel = "NAME", arity = "1..*",
                description = "create alerts.NAME for each route (default: the routes of the configured alert rules)")
        List<String> alertRoutes;

        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s",
                description = "how long to wait for the cluster (default: ${DEFAULT-VALUE})")
        String timeout;

        /** The environment read for PHI_STREAM_* (replaced in tests). */
        Map<String, String> env = System.getenv();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            return KeysCommand.run(err, () -> {
                Duration wait;
                try {
                    wait = PhiStreamConfig.parseDuration(timeout);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException("invalid --timeout: expected a duration such as 30s or 2m");
                }
                PhiStreamConfig cfg = PhiStreamConfig.load(config, env, overrides);
                List<NewTopic> topics = new Topics(cfg).all(alertRoutes == null
                        ? io.phistream.topology.scoring.ScoringStages.routes(cfg) : alertRoutes);
                Map<String, Object> adminProps = new HashMap<>(cfg.adminProperties());
                adminProps.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) wait.toMillis());
                adminProps.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(wait.toMillis(), 30_000));
                Map<String, Boolean> outcome;
                try (Admin admin = Admin.create(adminProps)) {
                    outcome = Topics.create(admin, topics, wait);
                } catch (RuntimeException e) {
                    err.println("error: creating topics on " + cfg.bootstrapServers() + " failed: " + rootMessage(e));
                    return 1;
                }
                for (NewTopic t : topics) {
                    boolean created = outcome.get(t.name());
                    out.println((created ? "created " : "exists  ") + t.name()
                            + (created ? "  partitions=" + t.numPartitions()
                            + " replication=" + (t.replicationFactor() == -1 ? "broker-default" : t.replicationFactor())
                            + (t.configs() == null || t.configs().isEmpty() ? "" : " " + t.configs()) : ""));
                }
                long created = outcome.values().stream().filter(b -> b).count();
                out.println(created + " created, " + (outcome.size() - created) + " already existed");
                return 0;
            });
        }

        private static String rootMessage(Throwable e) {
            Throwable t = e;
            while (t.getCause() != null && t.getCause() != t) {
                t = t.getCause();
            }
            return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        }
    }
}
