package io.phistream.topology.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.phistream.synthetic.GeneratedMessage;
import io.phistream.synthetic.SyntheticHl7;
import io.phistream.topology.Topics;
import io.phistream.topology.config.PhiStreamConfig;
import io.phistream.topology.keys.KeyStore;
import io.phistream.topology.stream.PhiStreamTopology;
import io.phistream.topology.stream.Stages;
import io.phistream.topology.stream.StreamsApp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams.State;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Synthetic traffic through the real topology, then everything ops exposes — every /metrics series (name,
 * labels, value), the /status document and every log line — is searched for the PHI values planted in the
 * input. None may appear.
 */
class NoPhiInOpsOutputTest {

    @Test
    void givenSyntheticTrafficThroughTheRealTopology_whenMetricsStatusAndLogsAreRead_thenNoPlantedPhiValueAppears() {
        LoggerContext logs = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = logs.getLogger(Logger.ROOT_LOGGER_NAME);
        Logger ours = logs.getLogger("io.phistream");
        Level oursBefore = ours.getLevel();
        ours.setLevel(Level.DEBUG);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(logs);
        captured.start();
        root.addAppender(captured);

        Set<String> phi = new LinkedHashSet<>();
        PhiStreamConfig config = PhiStreamConfig.load(null, Map.of(),
                Map.of(PhiStreamConfig.BOOTSTRAP_SERVERS, "unused:9092", PhiStreamConfig.APPLICATION_ID, "ops-phi-test"));
        Topics topics = new Topics(config);
        Stages stages = Stages.create(config, KeyStore.ephemeral());
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        PhiStreamMeters meters = new PhiStreamMeters(registry).bind(stages.metrics());
        stages.qualityMetrics().bindTo(registry); // as OpsSources.forApp does: its series are read for PHI too
        meters.buildInfo(stages.pipelineVersion());
        meters.policyVersion("hl7v2", stages.hl7().policy().version());
        String metrics;
        String status;
        try (TopologyTestDriver driver = new TopologyTestDriver(PhiStreamTopology.build(topics, stages),
                StreamsApp.properties(config, topics, stages));
             OpsServer server = OpsServer.startLocal(0, OpsSources.builder(registry).meters(meters)
                     .state(() -> State.RUNNING).pipeline(stages.metrics()).build())) {
            TestInputTopic<String, byte[]> in = driver.createInputTopic(topics.ingestHl7v2().name(),
                    new StringSerializer(), new ByteArraySerializer());
            SyntheticHl7 gen = new SyntheticHl7(20260101);
            for (int i = 0; i < 300; i++) {
                GeneratedMessage m = gen.next();
                phi.addAll(m.phiValues());
                byte[] bytes = m.text().getBytes(StandardCharsets.UTF_8);
                if (i % 50 == 7) { // broken copies of real messages: the quarantine path sees PHI too
                    bytes = m.text().substring(0, m.text().length() / 2).replace("MSH|", "XSH|").getBytes(StandardCharsets.UTF_8);
                }
                in.pipeInput(null, bytes);
            }
            metrics = Http.get(server, "/metrics").body();
            status = Http.get(server, "/status").body();
        } finally {
            root.detachAppender(captured);
            ours.setLevel(oursBefore);
        }

        // the records counters hold every input but the duplicates the data-quality gate drops, its quarantines too
        var gate = stages.qualityMetrics();
        long received = stages.metrics().received();
        assertThat(received + gate.count(io.phistream.topology.quality.QualityMetrics.Decision.DUPLICATE))
                .isEqualTo(300);
        assertThat(stages.metrics().quarantined())
                .isGreaterThanOrEqualTo(gate.count(io.phistream.topology.quality.QualityMetrics.Decision.QUARANTINED))
                .isPositive();
        assertThat(metrics).contains("phistream_records_in_total{stage=\"hl7\"} " + received + ".0")
                .contains("phistream_quality_decisions_total");
        assertThat(phi).hasSizeGreaterThan(100);

        List<String> series = metrics.lines().filter(l -> !l.startsWith("#")).toList(); // HELP texts are code, not data
        List<String> logLines = new ArrayList<>();
        for (ILoggingEvent e : captured.list) {
            logLines.add(e.getFormattedMessage());
            if (e.getThrowableProxy() != null) {
                logLines.add(e.getThrowableProxy().getMessage() == null ? "" : e.getThrowableProxy().getMessage());
            }
        }
        for (String value : phi) {
            if (value.strip().length() < 3) {
                continue;
            }
            Pattern p = Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(value.toLowerCase(Locale.ROOT)) + "(?![A-Za-z0-9_])");
            assertThat(series).as("a metric series carries a planted PHI value of length %d", value.length())
                    .noneMatch(l -> p.matcher(l.toLowerCase(Locale.ROOT)).find());
            assertThat(p.matcher(status.toLowerCase(Locale.ROOT)).find())
                    .as("/status carries a planted PHI value of length %d", value.length()).isFalse();
            assertThat(logLines).as("a log line carries a planted PHI value of length %d", value.length())
                    .noneMatch(l -> p.matcher(l.toLowerCase(Locale.ROOT)).find());
        }
    }
}
