package io.phistream.topology.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.phistream.detector.PhiType;
import io.phistream.detector.RejectReason;
import io.phistream.topology.stream.PipelineMetrics;
import io.phistream.topology.stream.PipelineMetrics.Stage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.kafka.streams.KafkaStreams;

/**
 * phi-stream's own Prometheus meters. Names, tags and values carry no PHI: tags are enum names (stage,
 * reject reason, PHI type), topic names, partition numbers, model/feature/route/band names and versions,
 * and every tag value must look like an identifier ({@link #SAFE_TAG}) or the call is refused — a value
 * that could be free text never becomes a label.
 *
 * <p>Prometheus names (Micrometer adds {@code _total} to counters and {@code _seconds} to timers): see the
 * constants; {@code k8s/monitoring} refers to these names and a test keeps them in step.
 */
public final class PhiStreamMeters implements PipelineMetrics.Listener {

    public static final String RECORDS_IN = "phistream.records.in";
    public static final String RECORDS_OUT = "phistream.records.out";
    public static final String RECORDS_QUARANTINED = "phistream.records.quarantined";
    public static final String PHI_DETECTIONS = "phistream.phi.detections";
    public static final String LATENCY = "phistream.latency";
    public static final String CONSUMER_LAG = "phistream.consumer.lag";
    public static final String AUDIT_CHECKPOINT_AGE = "phistream.audit.checkpoint.age";
    public static final String BUILD_INFO = "phistream.build.info";
    public static final String POLICY_INFO = "phistream.policy.info";
    public static final String MODEL_INFO = "phistream.model.info";
    public static final String ALERTS = "phistream.alerts";
    public static final String DRIFT_PSI = "phistream.drift.psi";
    public static final String READY = "phistream.ready";
    public static final String LIVE = "phistream.live";

    /** Prometheus names of the meters above, as scraped (histogram series listed by their base name). */
    public static final List<String> PROMETHEUS_NAMES = List.of(
            "phistream_records_in_total", "phistream_records_out_total", "phistream_records_quarantined_total",
            "phistream_phi_detections_total", "phistream_latency_seconds", "phistream_consumer_lag",
            "phistream_audit_checkpoint_age_seconds", "phistream_build_info", "phistream_policy_info",
            "phistream_model_info", "phistream_alerts_total", "phistream_drift_psi", "phistream_ready",
            "phistream_live");

    /** What a tag value may look like: an identifier, a version, a topic name. Never free text. */
    public static final Pattern SAFE_TAG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:+-]{0,99}");

    /** Latency buckets: commit.interval.ms (100 ms by default) dominates, so resolution matters below 1 s. */
    private static final Duration[] LATENCY_BUCKETS = {
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofSeconds(60), Duration.ofMinutes(5)};

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<Stage, Counter> in = new EnumMap<>(Stage.class);
    private final Map<Stage, Counter> out = new EnumMap<>(Stage.class);
    private final Map<Stage, Map<RejectReason, Counter>> quarantined = new EnumMap<>(Stage.class);
    private final Map<Stage, Map<PhiType, Counter>> detections = new EnumMap<>(Stage.class);
    private final Map<Stage, Timer> latency = new EnumMap<>(Stage.class);
    private final Map<String, AtomicLong> lag = new ConcurrentHashMap<>();
    private final Map<String, Counter> alerts = new ConcurrentHashMap<>();
    private final Map<String, DriftValue> drift = new ConcurrentHashMap<>();
    private final Map<String, Meter> modelInfo = new ConcurrentHashMap<>();

    /** The latest PSI of one feature of one model. */
    public record DriftValue(String model, String feature, double psi) {
    }

    public PhiStreamMeters(MeterRegistry registry) {
        this(registry, Clock.systemUTC());
    }

    public PhiStreamMeters(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        for (Stage s : Stage.values()) {
            String stage = stageTag(s);
            in.put(s, Counter.builder(RECORDS_IN).tag("stage", stage)
                    .description("input records taken by a stage").register(registry));
            out.put(s, Counter.builder(RECORDS_OUT).tag("stage", stage)
                    .description("records released de-identified by a stage").register(registry));
            Map<RejectReason, Counter> byReason = new EnumMap<>(RejectReason.class);
            for (RejectReason r : RejectReason.values()) {
                byReason.put(r, Counter.builder(RECORDS_QUARANTINED).tags("stage", stage, "reason", r.name())
                        .description("records sealed into quarantine, by reason").register(registry));
            }
            quarantined.put(s, byReason);
            Map<PhiType, Counter> byType = new EnumMap<>(PhiType.class);
            for (PhiType t : PhiType.values()) {
                byType.put(t, Counter.builder(PHI_DETECTIONS).tags("stage", stage, "type", t.name())
                        .description("PHI values replaced, by Safe Harbor type").register(registry));
            }
            detections.put(s, byType);
            latency.put(s, Timer.builder(LATENCY).tag("stage", stage)
                    .description("end-to-end latency: input record timestamp (event time) to output")
                    .serviceLevelObjectives(LATENCY_BUCKETS)
                    .register(registry));
        }
    }

    /** Makes the pipeline's counters feed these meters from now on. */
    public PhiStreamMeters bind(PipelineMetrics pipeline) {
        pipeline.listener(this);
        return this;
    }

    // ---------------------------------------------------------------- PipelineMetrics.Listener

    @Override
    public void received(Stage stage) {
        in.get(stage).increment();
    }

    @Override
    public void released(Stage stage, Map<PhiType, Integer> phiCounts, long eventTimeMs) {
        out.get(stage).increment();
        Map<PhiType, Counter> byType = detections.get(stage);
        phiCounts.forEach((t, n) -> byType.get(t).increment(n));
        latency(stage, eventTimeMs);
    }

    @Override
    public void quarantined(Stage stage, RejectReason reason, long eventTimeMs) {
        quarantined.get(stage).get(reason).increment();
        latency(stage, eventTimeMs);
    }

    private void latency(Stage stage, long eventTimeMs) {
        if (eventTimeMs > 0) {
            // a producer clock ahead of ours would give a negative latency: count it as zero
            latency.get(stage).record(Math.max(0, clock.millis() - eventTimeMs), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    // ---------------------------------------------------------------- lag, audit, state

    /** The consumer group's lag on one input partition (committed offset to end offset). */
    public void consumerLag(String topic, int partition, long records) {
        String t = safe(topic, "topic");
        AtomicLong v = lag.computeIfAbsent(t + "/" + partition, k -> {
            AtomicLong a = new AtomicLong();
            Gauge.builder(CONSUMER_LAG, a, AtomicLong::get).strongReference(true).tags("topic", t, "partition", Integer.toString(partition))
                    .description("records in the input partition not yet committed by the application's group")
                    .register(registry);
            return a;
        });
        v.set(Math.max(0, records));
    }

    /** Age of the newest signed audit checkpoint; NaN while the supplier has none. */
    public void auditCheckpointAge(Supplier<Optional<Duration>> age) {
        Gauge.builder(AUDIT_CHECKPOINT_AGE, age, a -> a.get().map(d -> d.toMillis() / 1000.0).orElse(Double.NaN))
                .baseUnit("seconds").description("age of the newest signed audit checkpoint")
                .strongReference(true).register(registry);
    }

    /** {@code phistream_ready} (1 when RUNNING) and {@code phistream_live} (1 unless failed or stopping). */
    public void streamsState(Supplier<KafkaStreams.State> state) {
        Gauge.builder(READY, state, s -> Probes.ready(s.get()) ? 1 : 0)
                .description("1 when Kafka Streams is RUNNING").strongReference(true).register(registry);
        Gauge.builder(LIVE, state, s -> Probes.live(s.get()) ? 1 : 0)
                .description("1 unless Kafka Streams has failed or is stopping").strongReference(true).register(registry);
    }

    // ---------------------------------------------------------------- info gauges

    public void buildInfo(String version) {
        Gauge.builder(BUILD_INFO, () -> 1.0).tag("version", safe(version, "version"))
                .description("the running build").register(registry);
    }

    /** @param format e.g. hl7v2, fhir */
    public void policyVersion(String format, String version) {
        Gauge.builder(POLICY_INFO, () -> 1.0).tags("format", safe(format, "format"), "version", safe(version, "version"))
                .description("the de-identification policy in force").register(registry);
    }

    /** The model version in force; a new version replaces the previous one's series. */
    public void modelVersion(String model, String version) {
        String m = safe(model, "model");
        Gauge g = Gauge.builder(MODEL_INFO, () -> 1.0).tags("model", m, "version", safe(version, "version"))
                .description("the scoring model version in force").register(registry);
        Meter previous = modelInfo.put(m, g);
        if (previous != null && !previous.getId().equals(g.getId())) {
            registry.remove(previous);
        }
    }

    // ---------------------------------------------------------------- scoring (wired by the scoring stage)

    /** One alert routed; band e.g. low, low-medium, medium, high. */
    public void alert(String route, String band) {
        String r = safe(route, "route");
        String b = safe(band, "band");
        alerts.computeIfAbsent(r + "/" + b, k -> Counter.builder(ALERTS).tags("route", r, "band", b)
                .description("alerts routed, by route and band").register(registry)).increment();
    }

    /** The latest population stability index of one feature of one model (0.1 minor, 0.25 major shift). */
    public void driftPsi(String model, String feature, double psi) {
        String m = safe(model, "model");
        String f = safe(feature, "feature");
        drift.compute(m + "/" + f, (k, old) -> {
            if (old == null) {
                Gauge.builder(DRIFT_PSI, drift, d -> d.get(k) == null ? Double.NaN : d.get(k).psi()).strongReference(true)
                        .tags("model", m, "feature", f).description("population stability index").register(registry);
            }
            return new DriftValue(m, f, psi);
        });
    }

    /** The latest drift values, for /status and the ops page. */
    public List<DriftValue> drift() {
        List<DriftValue> l = new ArrayList<>(drift.values());
        l.sort((a, b) -> a.model().equals(b.model()) ? a.feature().compareTo(b.feature()) : a.model().compareTo(b.model()));
        return l;
    }

    public MeterRegistry registry() {
        return registry;
    }

    static String stageTag(Stage s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    /** Refuses anything that is not an identifier; the message never quotes the value. */
    static String safe(String value, String what) {
        if (value == null || !SAFE_TAG.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " is not a safe metric label (expected " + SAFE_TAG.pattern() + ")");
        }
        return value;
    }
}
