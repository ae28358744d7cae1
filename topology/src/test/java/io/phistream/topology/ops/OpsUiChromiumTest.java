package io.phistream.topology.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.phistream.detector.PhiType;
import io.phistream.detector.RejectReason;
import io.phistream.detector.deid.Tokenizer;
import io.phistream.topology.keys.KeyStore;
import io.phistream.topology.stream.PipelineMetrics.Stage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ops page in a real browser: headless Chromium (Debian's package) loads /ui from a server fed with live
 * synthetic counters, runs its script, and the DOM it leaves must hold populated charts and the alerts
 * table; a screenshot lands in target/ops-ui.png. Skipped when /usr/bin/chromium is absent.
 */
class OpsUiChromiumTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private OpsServer server;
    private Thread traffic;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private String token;
    private Path profile;

    @BeforeEach
    void start() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "/usr/bin/chromium is absent (apt-get install chromium): headless ops page test skipped");
        profile = Files.createTempDirectory("ops-ui-chromium");
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        PhiStreamMeters meters = new PhiStreamMeters(registry);
        meters.driftPsi("news2", "resp_rate", 0.08);
        meters.driftPsi("news2", "spo2", 0.17);
        meters.driftPsi("news2", "pulse", 0.31);
        token = new Tokenizer(KeyStore.ephemeral().tokenization()).token(PhiType.MRN, "MRN-0042");
        RecentAlerts alerts = new RecentAlerts(5);
        alerts.add(new RecentAlerts.Alert(Instant.now(), "rapid-response", "high", 8, "news2", token));
        alerts.add(new RecentAlerts.Alert(Instant.now(), "ward", "medium", 5, "news2", token));
        AtomicLong lag = new AtomicLong(400);
        server = OpsServer.startLocal(0, OpsSources.builder(registry).meters(meters)
                .state(() -> State.RUNNING).applicationId("phi-stream-ui-test")
                .topics(Map.of("ingest.hl7v2", "ingest.hl7v2"))
                .lag(() -> new LagReader.Snapshot(Instant.now(), List.of(
                        new LagReader.PartitionLag("ingest.hl7v2", 0, 1000, 1000 + lag.addAndGet(37), lag.get()),
                        new LagReader.PartitionLag("ingest.hl7v2", 1, 900, 960, 60)), Optional.empty()))
                .lagInterval(Duration.ofMillis(200))
                .modelVersions(() -> Map.of("news2", "1.0.0"))
                .auditCheckpointAge(() -> Optional.of(Duration.ofSeconds(3)))
                .alerts(alerts::latest)
                .build());
        traffic = new Thread(() -> {
            long n = 0;
            while (running.get()) {
                for (int i = 0; i < 20; i++) {
                    meters.received(Stage.HL7);
                    if (++n % 12 == 0) {
                        meters.quarantined(Stage.HL7, RejectReason.NOT_HL7, System.currentTimeMillis() - 30);
                    } else {
                        meters.released(Stage.HL7, Map.of(PhiType.NAME, 4, PhiType.DATE, 2), System.currentTimeMillis() - 80);
                    }
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "ops-ui-traffic");
        traffic.setDaemon(true);
        traffic.start();
    }

    @AfterEach
    void stop() throws Exception {
        running.set(false);
        if (traffic != null) {
            traffic.join(2000);
        }
        if (server != null) {
            server.close();
        }
        if (profile != null) {
            try (Stream<Path> s = Files.walk(profile)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void givenLiveCounters_whenTheOpsPageRunsInHeadlessChromium_thenItsChartsAndAlertTableArePopulated() throws Exception {
        String dom = chromium("--dump-dom", server.url() + "ui");

        assertThat(dom).contains("<title>phi-stream ops</title>");
        assertThat(attribute(dom, "body", "data-polls")).as("polls completed").isGreaterThanOrEqualTo(3);
        assertThat(samples(dom, "chart-throughput")).isGreaterThanOrEqualTo(2);
        assertThat(samples(dom, "chart-lag")).isGreaterThanOrEqualTo(2);
        assertThat(samples(dom, "chart-quarantine")).isGreaterThanOrEqualTo(2);
        assertThat(svg(dom, "chart-throughput")).contains("data-series=\"in\"").contains("data-series=\"out\"");
        assertThat(svg(dom, "chart-lag")).contains("<polyline");
        assertThat(svg(dom, "chart-quarantine")).contains("<polyline");
        assertThat(samples(dom, "chart-drift")).isEqualTo(3);
        assertThat(svg(dom, "chart-drift")).contains("class=\"bar major\"").contains("class=\"bar minor\"");
        assertThat(dom).contains(">RUNNING<").contains(token).contains(">rapid-response<").contains(">hl7 NOT_HL7<")
                .contains("news2 1.0.0").contains(">3.00 s<");
        assertThat(dom).doesNotContain("collecting samples");

        Path png = Path.of("target", "ops-ui.png").toAbsolutePath();
        Files.deleteIfExists(png);
        chromium("--screenshot=" + png, server.url() + "ui");
        assertThat(png).exists();
        assertThat(Files.size(png)).as("a real page, not a blank one").isGreaterThan(20_000);
    }

    private String chromium(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--hide-scrollbars", "--user-data-dir=" + profile,
                "--window-size=1280,1100", "--virtual-time-budget=12000"));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(profile, "out", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 90 s");
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static String svg(String dom, String id) {
        int start = dom.indexOf("id=\"" + id + "\"");
        assertThat(start).as("svg %s present", id).isPositive();
        return dom.substring(start, dom.indexOf("</svg>", start));
    }

    private static int samples(String dom, String id) {
        Matcher m = Pattern.compile("data-samples=\"(\\d+)\"").matcher(svg(dom, id));
        assertThat(m.find()).as("%s was drawn by the script", id).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static int attribute(String dom, String tag, String name) {
        Matcher m = Pattern.compile("<" + tag + "[^>]*" + name + "=\"(\\d+)\"").matcher(dom);
        assertThat(m.find()).as("<%s %s> set by the script", tag, name).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
