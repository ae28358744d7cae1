package io.phistream.topology.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The /status document, the static page and the HTTP rules of the ops endpoint. */
class OpsServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "mrn-AbCdEfGhIjKlMnOpQrStUvWxYz012345";

    private final AtomicInteger lagReads = new AtomicInteger();
    private OpsServer server;
    private PhiStreamMeters meters;

    @BeforeEach
    void start() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        meters = new PhiStreamMeters(registry);
        meters.driftPsi("news2", "resp_rate", 0.31);
        meters.driftPsi("news2", "spo2", 0.04);
        RecentAlerts alerts = new RecentAlerts(10);
        alerts.add(new RecentAlerts.Alert(Instant.parse("2026-01-01T10:00:00Z"), "icu", "high", 8, "news2", TOKEN));
        server = OpsServer.startLocal(0, OpsSources.builder(registry)
                .state(() -> State.RUNNING)
                .meters(meters)
                .applicationId("phi-stream-test")
                .version("9.9.9")
                .topics(Map.of("ingest.hl7v2", "t.ingest.hl7v2", "deid.hl7v2", "t.deid.hl7v2"))
                .lag(() -> {
                    lagReads.incrementAndGet();
                    return new LagReader.Snapshot(Instant.parse("2026-01-01T10:00:00Z"), List.of(
                            new LagReader.PartitionLag("t.ingest.hl7v2", 0, 40, 50, 10),
                            new LagReader.PartitionLag("t.ingest.hl7v2", 1, -1, 7, 7)), Optional.empty());
                })
                .modelVersions(() -> Map.of("news2", "1.2.0"))
                .auditCheckpointAge(() -> Optional.of(Duration.ofSeconds(42)))
                .alerts(alerts::latest)
                .build());
        server.refreshLag();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void givenSources_whenStatusIsRequested_thenTheJsonHasEveryDocumentedField() throws Exception {
        var r = Http.get(server, "/status");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode s = JSON.readTree(r.body());
        assertThat(s.fieldNames()).toIterable().containsExactly("application", "version", "time", "timeMs",
                "state", "live", "ready", "stopping", "topics", "lag", "counts", "models", "audit", "drift", "alerts");
        assertThat(s.get("state").asText()).isEqualTo("RUNNING");
        assertThat(s.get("ready").asBoolean()).isTrue();
        assertThat(s.get("application").asText()).isEqualTo("phi-stream-test");
        assertThat(s.get("topics").get("ingest.hl7v2").asText()).isEqualTo("t.ingest.hl7v2");
        JsonNode lag = s.get("lag");
        assertThat(lag.get("total").asLong()).isEqualTo(17);
        assertThat(lag.get("error").isNull()).isTrue();
        assertThat(lag.get("partitions")).hasSize(2);
        assertThat(lag.get("partitions").get(0).fieldNames()).toIterable()
                .containsExactly("topic", "partition", "committed", "end", "lag");
        assertThat(lag.get("partitions").get(1).get("committed").asLong()).isEqualTo(-1);
        assertThat(s.get("models").get("news2").asText()).isEqualTo("1.2.0");
        assertThat(s.get("audit").get("lastCheckpointAgeSeconds").asDouble()).isEqualTo(42.0);
        assertThat(s.get("drift")).hasSize(2);
        assertThat(s.get("drift").get(0).get("feature").asText()).isEqualTo("resp_rate");
        assertThat(s.get("alerts").get(0).get("patientToken").asText()).isEqualTo(TOKEN);
        assertThat(s.get("alerts").get(0).fieldNames()).toIterable()
                .containsExactly("at", "route", "band", "score", "model", "patientToken");
    }

    @Test
    void givenALagReading_whenMetricsAreScraped_thenLagAndModelAndAuditGaugesAreExported() {
        String m = Http.get(server, "/metrics").body();

        assertThat(m).contains("phistream_consumer_lag{partition=\"0\",topic=\"t.ingest.hl7v2\"} 10.0")
                .contains("phistream_consumer_lag{partition=\"1\",topic=\"t.ingest.hl7v2\"} 7.0")
                .contains("phistream_model_info{model=\"news2\",version=\"1.2.0\"} 1")
                .contains("phistream_audit_checkpoint_age_seconds 42.0")
                .contains("phistream_drift_psi{feature=\"resp_rate\",model=\"news2\"} 0.31");
        assertThat(lagReads.get()).isPositive();
    }

    @Test
    void givenAFailedLagReadingAfterAGoodOne_whenStatusIsRequested_thenTheLastFiguresStayWithTheError() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        OpsServer failing = OpsServer.startLocal(0, OpsSources.builder(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
                .state(() -> State.RUNNING).lagInterval(Duration.ofHours(1))
                .lag(() -> calls.incrementAndGet() == 1
                        ? new LagReader.Snapshot(Instant.now(), List.of(new LagReader.PartitionLag("t", 0, 1, 4, 3)), Optional.empty())
                        : new LagReader.Snapshot(Instant.now(), List.of(), Optional.of("TimeoutException")))
                .build());
        try {
            failing.refreshLag();
            failing.refreshLag(); // at least one good reading, then at least one failure

            JsonNode lag = JSON.readTree(Http.get(failing, "/status").body()).get("lag");

            assertThat(lag.get("total").asLong()).isEqualTo(3);
            assertThat(lag.get("error").asText()).isEqualTo("TimeoutException");
        } finally {
            failing.close();
        }
    }

    @Test
    void givenTheOpsPage_whenRequested_thenItIsServedWithAStrictContentSecurityPolicyAndNoExternalResources() {
        var page = Http.get(server, "/ui");
        var js = Http.get(server, "/ui/app.js");
        var css = Http.get(server, "/ui/app.css");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("default-src 'none'").contains("script-src 'self'").contains("connect-src 'self'");
        assertThat(page.body()).contains("id=\"chart-throughput\"").contains("id=\"chart-lag\"")
                .contains("id=\"chart-quarantine\"").contains("id=\"chart-drift\"").contains("id=\"alerts-table\"");
        assertThat(js.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(css.statusCode()).isEqualTo(200);
        for (String body : List.of(page.body(), js.body(), css.body())) {
            assertThat(body).doesNotContainPattern("(?i)(src|href)=\"(https?:)?//").doesNotContain("@import");
            assertThat(body).doesNotContainPattern("fetch\\(['\"]https?:");
        }
    }

    @Test
    void givenOtherMethodsOrPaths_whenRequested_thenTheServerRefusesThem() {
        assertThat(Http.send(server, "POST", "/status").statusCode()).isEqualTo(405);
        assertThat(Http.send(server, "DELETE", "/metrics").headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertThat(Http.get(server, "/nope").statusCode()).isEqualTo(404);
        assertThat(Http.get(server, "/metricsX").statusCode()).isEqualTo(404);
        assertThat(Http.get(server, "/ui/../status").statusCode()).isIn(200, 404); // normalised or refused, never a file
        var root = Http.get(server, "/");
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).hasValue("/ui");
        var head = Http.send(server, "HEAD", "/health/ready");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(Http.get(server, "/status").headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void givenAServerOnAllInterfaces_whenStarted_thenItsUrlPointsAtLoopback() {
        try (OpsServer s = OpsServer.start(0, OpsSources.builder(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
                .state(() -> State.CREATED).build())) {
            assertThat(s.url()).startsWith("http://127.0.0.1:").endsWith("/");
            assertThat(Http.get(s, "/health/live").statusCode()).isEqualTo(200);
        }
    }
}
