package io.phistream.topology.ops;

import io.phistream.topology.scoring.ScoringMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.phistream.topology.PipelineVersion;
import io.phistream.topology.Topic;
import io.phistream.topology.Topics;
import io.phistream.topology.config.PhiStreamConfig;
import io.phistream.topology.stream.PipelineMetrics;
import io.phistream.topology.stream.Stages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Everything the ops endpoint reads. Build with {@link #forApp} (the application) or {@link #builder}
 * (tests, other wirings). The {@link OpsServer} that is started with it owns what it holds: it closes the
 * lag reader and the Kafka Streams metrics binder (never the KafkaStreams instance itself).
 */
public final class OpsSources {

    final Supplier<KafkaStreams.State> state;
    final KafkaStreams streams;
    final PrometheusMeterRegistry registry;
    final PhiStreamMeters meters;
    final PipelineMetrics pipeline;
    final String applicationId;
    final String version;
    final Map<String, String> topics;
    final Supplier<LagReader.Snapshot> lag;
    final Duration lagInterval;
    final Supplier<Map<String, String>> modelVersions;
    final Supplier<Optional<Duration>> auditCheckpointAge;
    final Supplier<List<RecentAlerts.Alert>> alerts;
    final List<AutoCloseable> owned;

    private OpsSources(Builder b) {
        this.state = Objects.requireNonNull(b.state, "state (or streams) is required");
        this.streams = b.streams;
        this.registry = Objects.requireNonNull(b.registry, "registry");
        this.meters = b.meters != null ? b.meters : new PhiStreamMeters(registry);
        this.pipeline = b.pipeline;
        this.applicationId = b.applicationId;
        this.version = b.version;
        this.topics = Map.copyOf(b.topics);
        this.lag = b.lag;
        this.lagInterval = b.lagInterval;
        this.modelVersions = b.modelVersions;
        this.auditCheckpointAge = b.auditCheckpointAge;
        this.alerts = b.alerts;
        this.owned = List.copyOf(b.owned);
    }

    public PhiStreamMeters meters() {
        return meters;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public static Builder builder(PrometheusMeterRegistry registry) {
        return new Builder(registry);
    }

    /**
     * The application's sources: a Prometheus registry, {@link PhiStreamMeters} fed by the stages'
     * {@link PipelineMetrics} (call this before {@code streams.start()} so no event is missed), build and
     * policy info, the state and client metrics of {@code streams}, and a lag reader on the input topic
     * with its own Admin client. Add model versions, the audit checkpoint age and alerts on the returned
     * builder as those stages land.
     */
    public static Builder forApp(PhiStreamConfig config, Topics topics, Stages stages, KafkaStreams streams) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        PhiStreamMeters meters = new PhiStreamMeters(registry).bind(stages.metrics());
        stages.qualityMetrics().bindTo(registry); // phistream_quality_* (README-quality)
        meters.buildInfo(stages.pipelineVersion());
        meters.policyVersion("hl7v2", stages.hl7().policy().version());
        meters.policyVersion("fhir", stages.fhir().policy().version());
        // models in force, alerts and drift: the scoring stage tells them as they happen (a walkthrough found /status
        // and /metrics empty of them while the demo sent hundreds of alerts)
        RecentAlerts recent = new RecentAlerts(RECENT_ALERTS);
        Map<String, String> models = new java.util.concurrent.ConcurrentHashMap<>();
        // (a listener runs on a stream thread and must not throw: a name that is no safe label is not shown)
        stages.scoringMetrics().listener(new ScoringMetrics.Listener() {
            @Override
            public void scored(String model, String version, String band, boolean shadow) {
                if (!shadow && !version.equals(models.put(model, version))) {
                    shown(() -> meters.modelVersion(model, version));
                }
            }

            @Override
            public void alert(String route, String band, String kind, String model, double score, String patientToken,
                              long atMs) {
                shown(() -> meters.alert(route, band));
                shown(() -> recent.add(new RecentAlerts.Alert(java.time.Instant.ofEpochMilli(atMs), route, band, score,
                        model, patientToken)));
            }

            @Override
            public void drift(String model, String feature, double psi, String level) {
                shown(() -> meters.driftPsi(model, feature, psi));
            }
        });
        Map<String, String> names = new LinkedHashMap<>();
        for (Topic<?, ?> t : topics.topics(List.of())) {
            names.put(t.name().substring(config.topicPrefix().length()), t.name());
        }
        return builder(registry)
                .meters(meters)
                .streams(streams)
                .pipeline(stages.metrics())
                .applicationId(config.applicationId())
                .version(stages.pipelineVersion())
                .topics(names)
                .lagReader(LagReader.create(config, List.of(topics.ingestHl7v2().name(), topics.ingestFhir().name())))
                .modelVersions(() -> Map.copyOf(models))
                .alerts(recent::latest);
    }

    private static void shown(Runnable update) {
        try {
            update.run();
        } catch (IllegalArgumentException notALabel) {
            // PhiStreamMeters.safe or RecentAlerts refused it; the scoring counters still count it
        }
    }

    /** How many of the latest alerts /status and the ops page show. */
    static final int RECENT_ALERTS = 20;

    /** Fluent builder; every source but the state and the registry is optional. */
    public static final class Builder {
        private Supplier<KafkaStreams.State> state;
        private KafkaStreams streams;
        private final PrometheusMeterRegistry registry;
        private PhiStreamMeters meters;
        private PipelineMetrics pipeline;
        private String applicationId = "phi-stream";
        private String version = PipelineVersion.get();
        private Map<String, String> topics = Map.of();
        private Supplier<LagReader.Snapshot> lag;
        private Duration lagInterval = Duration.ofSeconds(10);
        private Supplier<Map<String, String>> modelVersions = Map::of;
        private Supplier<Optional<Duration>> auditCheckpointAge = Optional::empty;
        private Supplier<List<RecentAlerts.Alert>> alerts = List::of;
        private final List<AutoCloseable> owned = new ArrayList<>();

        private Builder(PrometheusMeterRegistry registry) {
            this.registry = registry;
        }

        /** The application: its state, and its client metrics bound to the registry by the server. */
        public Builder streams(KafkaStreams streams) {
            this.streams = streams;
            this.state = streams::state;
            return this;
        }

        /** Only a state (tests, or when no client metrics are wanted). */
        public Builder state(Supplier<KafkaStreams.State> state) {
            this.state = state;
            return this;
        }

        public Builder meters(PhiStreamMeters meters) {
            this.meters = meters;
            return this;
        }

        public Builder pipeline(PipelineMetrics pipeline) {
            this.pipeline = pipeline;
            return this;
        }

        public Builder applicationId(String applicationId) {
            this.applicationId = applicationId;
            return this;
        }

        public Builder version(String version) {
            this.version = version;
            return this;
        }

        /** Topic role (base name) to full name. */
        public Builder topics(Map<String, String> topics) {
            this.topics = topics;
            return this;
        }

        /** Read periodically by the server; it closes the reader. */
        public Builder lagReader(LagReader reader) {
            this.lag = reader::read;
            owned.add(reader);
            return this;
        }

        public Builder lag(Supplier<LagReader.Snapshot> lag) {
            this.lag = lag;
            return this;
        }

        public Builder lagInterval(Duration interval) {
            this.lagInterval = interval;
            return this;
        }

        /** Model name to the version in force (shown in /status and as phistream_model_info). */
        public Builder modelVersions(Supplier<Map<String, String>> modelVersions) {
            this.modelVersions = modelVersions;
            return this;
        }

        public Builder auditCheckpointAge(Supplier<Optional<Duration>> age) {
            this.auditCheckpointAge = age;
            return this;
        }

        public Builder alerts(Supplier<List<RecentAlerts.Alert>> alerts) {
            this.alerts = alerts;
            return this;
        }

        public OpsSources build() {
            return new OpsSources(this);
        }
    }
}
