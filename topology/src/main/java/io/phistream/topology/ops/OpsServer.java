package io.phistream.topology.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.phistream.topology.stream.PipelineMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations endpoint, on the JDK's built-in HTTP server (no web framework to patch or configure):
 * <ul>
 * <li>{@code /metrics} — Prometheus text format (phi-stream's meters and Kafka Streams' client metrics);</li>
 * <li>{@code /health/live} — 200 while CREATED, REBALANCING or RUNNING, else 503;</li>
 * <li>{@code /health/ready} — 200 only while RUNNING and not shutting down, else 503;</li>
 * <li>{@code /status} — JSON: state, topics, lag per input partition, counts, models, audit checkpoint age,
 *     drift, latest alerts (tokens only);</li>
 * <li>{@code /ui} — a one-page ops view (static HTML and JS from the jar, no external resources).</li>
 * </ul>
 * Only GET and HEAD are served. Nothing served carries PHI: meters are labelled by enums and identifiers,
 * alerts show tokens.
 */
public final class OpsServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OpsServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    /** The page may load its own script and style and fetch its own endpoints; nothing else. */
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final Map<String, String[]> UI_FILES = Map.of(
            "/ui", new String[] {"ops/ui.html", "text/html; charset=utf-8"},
            "/ui/", new String[] {"ops/ui.html", "text/html; charset=utf-8"},
            "/ui/app.js", new String[] {"ops/app.js", "text/javascript; charset=utf-8"},
            "/ui/app.css", new String[] {"ops/app.css", "text/css; charset=utf-8"});

    private final HttpServer http;
    private final ExecutorService handlers;
    private final ScheduledExecutorService refresher;
    private final OpsSources sources;
    private final KafkaStreamsMetrics streamsMetrics;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicReference<LagReader.Snapshot> lastLag;

    private OpsServer(HttpServer http, OpsSources sources) {
        this.http = http;
        this.sources = sources;
        this.lastLag = new AtomicReference<>(LagReader.Snapshot.none(Instant.now()));
        PhiStreamMeters meters = sources.meters;
        meters.streamsState(this::effectiveState);
        meters.auditCheckpointAge(sources.auditCheckpointAge);
        if (sources.streams != null) {
            streamsMetrics = new KafkaStreamsMetrics(sources.streams);
            streamsMetrics.bindTo(sources.registry);
        } else {
            streamsMetrics = null;
        }
        handlers = Executors.newFixedThreadPool(2, daemon("phi-stream-ops-http"));
        http.setExecutor(handlers);
        http.createContext("/", this::handle);
        refresher = Executors.newSingleThreadScheduledExecutor(daemon("phi-stream-ops-refresh"));
        if (sources.lag != null) {
            refresher.scheduleWithFixedDelay(this::refreshLag, 0, sources.lagInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
        http.start();
    }

    /** Serves on all interfaces (in a pod); port 0 picks a free port. */
    public static OpsServer start(int port, OpsSources sources) {
        return start(new InetSocketAddress(port), sources);
    }

    /** Serves on 127.0.0.1 only (the demo on a workstation); port 0 picks a free port. */
    public static OpsServer startLocal(int port, OpsSources sources) {
        return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), sources);
    }

    public static OpsServer start(InetSocketAddress address, OpsSources sources) {
        try {
            return new OpsServer(HttpServer.create(address, 16), sources);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + address.getPort(), e);
        }
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** {@code http://host:port/}, with 127.0.0.1 for a server on all interfaces. */
    public String url() {
        InetAddress a = http.getAddress().getAddress();
        String host = a.isAnyLocalAddress() ? "127.0.0.1" : a.getHostAddress();
        return "http://" + host + ":" + port() + "/";
    }

    /** From now on /health/ready answers 503 (the pod leaves the Service before Kafka Streams stops). */
    public void markStopping() {
        stopping.set(true);
    }

    /** Reads the lag now (the server also does so every lag interval). */
    public synchronized LagReader.Snapshot refreshLag() {
        if (sources.lag == null) {
            return lastLag.get();
        }
        try {
            LagReader.Snapshot s = sources.lag.get();
            for (LagReader.PartitionLag p : s.partitions()) {
                sources.meters.consumerLag(p.topic(), p.partition(), p.lag());
            }
            if (s.error().isEmpty() || lastLag.get().partitions().isEmpty()) {
                lastLag.set(s);
            } else { // keep the last good figures, but say they are stale
                LagReader.Snapshot last = lastLag.get();
                lastLag.set(new LagReader.Snapshot(last.at(), last.partitions(), s.error()));
            }
            return lastLag.get();
        } catch (RuntimeException e) {
            LOG.warn("lag refresh failed: {}", e.getClass().getSimpleName());
            return lastLag.get();
        }
    }

    private KafkaStreams.State effectiveState() {
        return sources.state.get();
    }

    private boolean live() {
        return Probes.live(effectiveState());
    }

    private boolean ready() {
        return !stopping.get() && Probes.ready(effectiveState());
    }

    // ---------------------------------------------------------------- HTTP

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            String method = ex.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                send(ex, 405, "text/plain; charset=utf-8", "method not allowed\n");
                return;
            }
            String path = ex.getRequestURI().getPath();
            switch (path) {
                case "/metrics" -> {
                    refreshModelVersions();
                    send(ex, 200, PROMETHEUS_TEXT, sources.registry.scrape());
                }
                case "/health/live" -> probe(ex, live());
                case "/health/ready" -> probe(ex, ready());
                case "/status" -> send(ex, 200, "application/json", JSON.writeValueAsString(status()));
                case "/" -> {
                    ex.getResponseHeaders().set("Location", "/ui");
                    send(ex, 302, "text/plain; charset=utf-8", "see /ui\n");
                }
                default -> {
                    String[] file = UI_FILES.get(path);
                    if (file == null) {
                        send(ex, 404, "text/plain; charset=utf-8", "not found\n");
                    } else {
                        ex.getResponseHeaders().set("Content-Security-Policy", CSP);
                        ex.getResponseHeaders().set("Referrer-Policy", "no-referrer");
                        send(ex, 200, file[1], resource(file[0]));
                    }
                }
            }
        } catch (RuntimeException e) { // never a message: it could quote anything
            LOG.warn("ops request failed: {}", e.getClass().getSimpleName());
            try {
                send(ex, 500, "text/plain; charset=utf-8", "internal error\n");
            } catch (IOException | RuntimeException ignored) {
                // headers may already be sent
            }
        }
    }

    private void probe(HttpExchange ex, boolean ok) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("status", ok ? "UP" : "DOWN");
        n.put("state", effectiveState().name());
        if (stopping.get()) {
            n.put("stopping", true);
        }
        send(ex, ok ? 200 : 503, "application/json", JSON.writeValueAsString(n));
    }

    private static void send(HttpExchange ex, int code, String type, String body) throws IOException {
        send(ex, code, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int code, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.sendResponseHeaders(code, -1);
            return;
        }
        ex.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = OpsServer.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing resource " + name);
            }
            return in.readAllBytes();
        }
    }

    private void refreshModelVersions() {
        sources.modelVersions.get().forEach(sources.meters::modelVersion);
    }

    /** The /status document. */
    ObjectNode status() {
        ObjectNode n = JSON.createObjectNode();
        Instant now = Instant.now();
        KafkaStreams.State state = effectiveState();
        n.put("application", sources.applicationId);
        n.put("version", sources.version);
        n.put("time", now.toString());
        n.put("timeMs", now.toEpochMilli());
        n.put("state", state.name());
        n.put("live", Probes.live(state));
        n.put("ready", ready());
        n.put("stopping", stopping.get());

        ObjectNode topics = n.putObject("topics");
        new TreeMap<>(sources.topics).forEach(topics::put);

        LagReader.Snapshot lag = lastLag.get();
        ObjectNode l = n.putObject("lag");
        l.put("at", lag.at().toString());
        l.put("total", lag.total());
        if (lag.error().isPresent()) {
            l.put("error", lag.error().get());
        } else {
            l.putNull("error");
        }
        ArrayNode parts = l.putArray("partitions");
        for (LagReader.PartitionLag p : lag.partitions()) {
            ObjectNode pn = parts.addObject();
            pn.put("topic", p.topic());
            pn.put("partition", p.partition());
            pn.put("committed", p.committed());
            pn.put("end", p.end());
            pn.put("lag", p.lag());
        }

        ObjectNode counts = n.putObject("counts");
        PipelineMetrics pm = sources.pipeline;
        if (pm != null) {
            counts.put("received", pm.received());
            counts.put("released", pm.released());
            counts.put("quarantined", pm.quarantined());
            ObjectNode byReason = counts.putObject("quarantinedByReason");
            pm.quarantinedByReason().forEach((r, c) -> byReason.put(r.name(), c));
            ObjectNode byType = counts.putObject("phiByType");
            pm.phiByType().forEach((t, c) -> byType.put(t.name(), c));
        }

        ObjectNode models = n.putObject("models");
        new TreeMap<>(sources.modelVersions.get()).forEach(models::put);

        ObjectNode audit = n.putObject("audit");
        Optional<Duration> age = sources.auditCheckpointAge.get();
        if (age.isPresent()) {
            audit.put("lastCheckpointAgeSeconds", age.get().toMillis() / 1000.0);
        } else {
            audit.putNull("lastCheckpointAgeSeconds");
        }

        ArrayNode drift = n.putArray("drift");
        for (PhiStreamMeters.DriftValue d : sources.meters.drift()) {
            ObjectNode dn = drift.addObject();
            dn.put("model", d.model());
            dn.put("feature", d.feature());
            dn.put("psi", d.psi());
        }

        ArrayNode alerts = n.putArray("alerts");
        for (RecentAlerts.Alert a : sources.alerts.get()) {
            ObjectNode an = alerts.addObject();
            an.put("at", a.at().toString());
            an.put("route", a.route());
            an.put("band", a.band());
            an.put("score", a.score());
            an.put("model", a.model());
            an.put("patientToken", a.patientToken());
        }
        return n;
    }

    /** Stops serving and closes what the sources handed over (lag reader, client metrics binder). */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stopping.set(true);
        http.stop(0);
        refresher.shutdownNow();
        handlers.shutdownNow();
        if (streamsMetrics != null) {
            streamsMetrics.close();
        }
        for (AutoCloseable c : sources.owned) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", c.getClass().getSimpleName(), e.getClass().getSimpleName());
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
