package io.phistream.topology.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.crypto.tink.PublicKeyVerify;
import io.phistream.scoring.bundle.ModelBundle;
import io.phistream.scoring.bundle.ModelManifest;
import io.phistream.scoring.bundle.ModelRegistry;
import io.phistream.scoring.bundle.ModelRejectedException;
import io.phistream.scoring.alert.RoutingRules;
import io.phistream.scoring.models.BuiltInModels;
import io.phistream.serdes.AvroSerdeFactory;
import io.phistream.topology.Topics;
import io.phistream.topology.config.ConfigException;
import io.phistream.topology.config.PhiStreamConfig;
import io.phistream.topology.config.PolicyRef;
import io.phistream.topology.stream.AuditDrafts;
import io.phistream.topology.stream.Stages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the scoring side of the topology needs, built once per instance: the deployed models (built-in NEWS2 by
 * default, loaded once, live and shadow through a {@link ModelRegistry}), the alert routing rules, the feature time
 * to live, the drift monitors, the Avro serdes, the audit drafts and the metrics. Shared by every stream thread.
 */
public final class ScoringStages implements AutoCloseable {

    /** The built-in routing rules ({@code builtin:alert-rules}). */
    public static final String BUILTIN_RULES = "alert-rules";
    public static final int DEFAULT_DRIFT_WINDOW = 500;
    public static final int DEFAULT_DRIFT_EVERY = 50;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModelRegistry registry;
    private final List<String> models;
    private final RoutingRules rules;
    private final List<String> routes;
    private final Duration featureTtl;
    private final AuditDrafts auditDrafts;
    private final AvroSerdeFactory serdes;
    private final ScoringMetrics metrics;
    private final String pipelineVersion;
    private final int driftWindow;
    private final int driftEvery;
    private final Map<String, DriftTracker> drift = new ConcurrentHashMap<>();

    private ScoringStages(Builder b) {
        this.registry = b.registry;
        this.models = List.copyOf(b.models);
        this.rules = b.rules;
        this.routes = List.copyOf(new LinkedHashSet<>(b.rules.rules().stream().map(RoutingRules.Rule::route).toList()));
        this.featureTtl = b.featureTtl;
        String rulesHash = ModelBundle.sha256Hex(canonical(b.rules));
        this.auditDrafts = b.stages.auditDrafts().withPolicy(b.rulesName, rulesHash);
        this.serdes = b.serdes;
        this.metrics = b.metrics;
        this.pipelineVersion = b.stages.pipelineVersion();
        this.driftWindow = b.driftWindow;
        this.driftEvery = b.driftEvery;
    }

    /**
     * From the typed configuration: {@code scoring.models} (built-in names), {@code alert.routes} and
     * {@code scoring.feature.ttl}. The digest key, audit instance and pipeline version come from {@code stages}.
     *
     * @throws ConfigException naming the key when a model is unknown or cannot be fed, or the rules are unreadable
     */
    public static ScoringStages create(PhiStreamConfig config, Stages stages) {
        RoutingRules rules = rules(config.alertRoutes());
        Topics topics = new Topics(config);
        for (RoutingRules.Rule r : rules.rules()) {
            try {
                topics.alerts(r.route());
            } catch (ConfigException e) {
                throw new ConfigException(PhiStreamConfig.ALERT_ROUTES + ": " + e.getMessage());
            }
        }
        for (String m : config.scoringModels()) {
            if (!BuiltInModels.isBuiltIn(m)) {
                throw new ConfigException(PhiStreamConfig.SCORING_MODELS + ": unknown model '" + m
                        + "' (built-ins: " + String.join(", ", BuiltInModels.names()) + ")");
            }
        }
        ModelRegistry registry = builtInRegistry(config.scoringModels());
        return builder(stages)
                .metrics(stages.scoringMetrics()) // the instance the ops endpoint listens to (OpsSources.forApp)
                .registry(registry)
                .models(config.scoringModels())
                .rules(rules, config.alertRoutes().isBuiltin() ? BUILTIN_RULES : "alert-rules-file")
                .featureTtl(config.scoringFeatureTtl())
                .build();
    }

    /**
     * The alert route names of the configured rules ({@code alert.routes}) without loading any model: what
     * {@code topics.all(routes)} needs in {@code topics create}, the demo and the manifests.
     */
    public static List<String> routes(PhiStreamConfig config) {
        return List.copyOf(new LinkedHashSet<>(rules(config.alertRoutes()).rules().stream()
                .map(RoutingRules.Rule::route).toList()));
    }

    /** A registry deploying the named built-in models only (no bundle directory is watched). */
    public static ModelRegistry builtInRegistry(List<String> builtIns) {
        try {
            // no approver key is configured, so no signed bundle can be accepted: refuse every signature
            PublicKeyVerify refuseAll = (signature, data) -> {
                throw new GeneralSecurityException("no model approver key is configured");
            };
            // the registry scans its root only when it is a directory, and this one is polled once: a path
            // nothing exists at (random, so nobody can have made it) watches no bundles, and nothing is created
            Path none = Path.of(System.getProperty("java.io.tmpdir"), "phi-stream-no-bundles-" + UUID.randomUUID());
            ModelRegistry r = new ModelRegistry(none, refuseAll, builtIns);
            r.poll();
            return r;
        } catch (ModelRejectedException e) {
            throw new ConfigException(PhiStreamConfig.SCORING_MODELS + ": built-in model rejected (" + e.reason() + ")");
        }
    }

    static RoutingRules rules(PolicyRef ref) {
        if (ref.isBuiltin()) {
            if (!ref.builtin().equals(BUILTIN_RULES)) {
                throw new ConfigException(PhiStreamConfig.ALERT_ROUTES + ": unknown built-in rules '" + ref.builtin()
                        + "' (built-in: " + BUILTIN_RULES + ")");
            }
            return RoutingRules.defaults();
        }
        try (InputStream in = Files.newInputStream(ref.file())) {
            return RoutingRules.fromJson(in);
        } catch (IOException | IllegalArgumentException e) { // messages could quote the file
            throw new ConfigException(PhiStreamConfig.ALERT_ROUTES + ": routing rules file " + ref.file()
                    + " is unreadable or invalid (" + e.getClass().getSimpleName() + ")");
        }
    }

    public static Builder builder(Stages stages) {
        return new Builder(stages);
    }

    /** Assembly for tests and for callers that manage their own registry (e.g. a watched bundle directory). */
    public static final class Builder {
        private final Stages stages;
        private ModelRegistry registry;
        private List<String> models = List.of(BuiltInModels.NEWS2);
        private RoutingRules rules = RoutingRules.defaults();
        private String rulesName = BUILTIN_RULES;
        private Duration featureTtl = Duration.ofHours(12);
        private AvroSerdeFactory serdes;
        private ScoringMetrics metrics = new ScoringMetrics();
        private int driftWindow = DEFAULT_DRIFT_WINDOW;
        private int driftEvery = DEFAULT_DRIFT_EVERY;

        private Builder(Stages stages) {
            this.stages = Objects.requireNonNull(stages, "stages");
            this.serdes = stages.avro() == null ? AvroSerdeFactory.singleObject() : stages.avro();
        }

        public Builder registry(ModelRegistry r) {
            registry = r;
            return this;
        }

        public Builder models(List<String> names) {
            models = List.copyOf(names);
            return this;
        }

        /** @param name a code for the audit records' policy version, e.g. alert-rules */
        public Builder rules(RoutingRules r, String name) {
            rules = Objects.requireNonNull(r);
            rulesName = Objects.requireNonNull(name);
            return this;
        }

        public Builder featureTtl(Duration ttl) {
            if (ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("feature TTL must be positive");
            }
            featureTtl = ttl;
            return this;
        }

        /** The Avro serdes; by default the pipeline's (the configured wire format). */
        public Builder serdes(AvroSerdeFactory f) {
            serdes = Objects.requireNonNull(f);
            return this;
        }

        public Builder metrics(ScoringMetrics m) {
            metrics = Objects.requireNonNull(m);
            return this;
        }

        /** PSI over the last {@code window} live scores per model, evaluated every {@code every} scores. */
        public Builder drift(int window, int every) {
            if (window < 1 || every < 1) {
                throw new IllegalArgumentException("drift window and interval must be positive");
            }
            driftWindow = window;
            driftEvery = every;
            return this;
        }

        /** @throws ConfigException when a model is not live in the registry or needs a feature nothing supplies */
        public ScoringStages build() {
            if (registry == null) {
                registry = builtInRegistry(models);
            }
            for (String m : models) {
                ModelManifest live = registry.live(m).orElseThrow(() -> new ConfigException(
                        PhiStreamConfig.SCORING_MODELS + ": model '" + m + "' is not deployed"));
                String unsupported = ModelInputs.unsupportedFeature(live);
                if (unsupported != null) {
                    throw new ConfigException(PhiStreamConfig.SCORING_MODELS + ": model '" + m + "' needs feature '"
                            + unsupported + "', which no observation supplies");
                }
            }
            return new ScoringStages(this);
        }
    }

    /** The last 32 hex digits of a keyed digest (a Tink MAC starts with the same 5-byte key prefix every time). */
    static String shortDigest(String hex) {
        return hex.length() <= 32 ? hex : hex.substring(hex.length() - 32);
    }

    private static byte[] canonical(RoutingRules rules) {
        try {
            return JSON.writeValueAsBytes(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("routing rules serialisation failed", e);
        }
    }

    // ---------------------------------------------------------------- accessors

    public ModelRegistry registry() {
        return registry;
    }

    /** The models every changed feature set is scored with, in order. */
    public List<String> models() {
        return models;
    }

    public RoutingRules rules() {
        return rules;
    }

    /** Route names of the rules, in rule order without repeats: what {@code topics.all(routes)} needs. */
    public List<String> routes() {
        return routes;
    }

    public Duration featureTtl() {
        return featureTtl;
    }

    public AuditDrafts auditDrafts() {
        return auditDrafts;
    }

    public AvroSerdeFactory serdes() {
        return serdes;
    }

    public ScoringMetrics metrics() {
        return metrics;
    }

    public String pipelineVersion() {
        return pipelineVersion;
    }

    /** The drift tracker of one live model version (a new version starts a new window against its own reference). */
    DriftTracker drift(ModelManifest live) {
        return drift.computeIfAbsent(live.name() + "@" + live.version(),
                k -> new DriftTracker(live, driftWindow, driftEvery));
    }

    /** The latest PSI per feature (and "score") of each live model version seen, for gauges. */
    public Map<String, Map<String, Double>> currentPsi() {
        Map<String, Map<String, Double>> m = new java.util.TreeMap<>();
        drift.forEach((k, v) -> m.put(k, v.currentPsi()));
        return m;
    }

    @Override
    public void close() {
        registry.close();
    }

    /** For error messages in tests and logs: names only. */
    @Override
    public String toString() {
        return "ScoringStages" + new ArrayList<>(models) + " routes " + routes;
    }
}
