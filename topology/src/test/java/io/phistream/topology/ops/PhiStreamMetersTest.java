package io.phistream.topology.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.phistream.detector.PhiType;
import io.phistream.detector.RejectReason;
import io.phistream.topology.stream.PipelineMetrics.Stage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;

/** The Prometheus names and labels phi-stream exports: the contract the dashboards and alert rules rely on. */
class PhiStreamMetersTest {

    private static final Pattern SERIES = Pattern.compile("(?m)^([a-z_]+)(\\{[^}]*})? ");
    private static final long NOW = 1_800_000_000_000L;

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final PhiStreamMeters meters = new PhiStreamMeters(registry, Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));

    @Test
    void givenEveryKindOfMeterIsUsed_whenScraped_thenTheExportedNamesAreExactlyTheDocumentedOnes() {
        meters.received(Stage.HL7);
        meters.released(Stage.HL7, Map.of(PhiType.NAME, 3), NOW - 40);
        meters.quarantined(Stage.HL7, RejectReason.NOT_HL7, NOW - 10);
        meters.consumerLag("ingest.hl7v2", 0, 5);
        meters.auditCheckpointAge(() -> java.util.Optional.of(java.time.Duration.ofSeconds(3)));
        meters.buildInfo("1.2.3");
        meters.policyVersion("hl7v2", "1.0.0");
        meters.modelVersion("news2", "2.0.0");
        meters.alert("icu", "high");
        meters.driftPsi("news2", "resp_rate", 0.12);
        meters.streamsState(() -> State.RUNNING);

        Set<String> names = seriesNames(registry.scrape()).stream()
                .map(n -> n.replaceAll("_(bucket|count|sum|max)$", "")).collect(Collectors.toSet());

        assertThat(names).containsExactlyInAnyOrderElementsOf(PhiStreamMeters.PROMETHEUS_NAMES);
    }

    @Test
    void givenRecords_whenCounted_thenCountersCarryStageReasonAndTypeLabels() {
        meters.received(Stage.HL7);
        meters.received(Stage.HL7);
        meters.released(Stage.HL7, Map.of(PhiType.NAME, 3, PhiType.MRN, 1), -1);
        meters.quarantined(Stage.HL7, RejectReason.RESIDUAL_PHI, -1);

        String m = registry.scrape();

        assertThat(m).contains("phistream_records_in_total{stage=\"hl7\"} 2.0")
                .contains("phistream_records_out_total{stage=\"hl7\"} 1.0")
                .contains("phistream_records_quarantined_total{reason=\"RESIDUAL_PHI\",stage=\"hl7\"} 1.0")
                .contains("phistream_records_quarantined_total{reason=\"EMPTY\",stage=\"hl7\"} 0.0")
                .contains("phistream_phi_detections_total{stage=\"hl7\",type=\"NAME\"} 3.0")
                .contains("phistream_phi_detections_total{stage=\"hl7\",type=\"MRN\"} 1.0")
                .contains("phistream_records_in_total{stage=\"fhir\"} 0.0");
    }

    @Test
    void givenEventTimes_whenRecordsLeave_thenTheLatencyHistogramHasThemInTheRightBuckets() {
        meters.released(Stage.HL7, Map.of(), NOW - 40);   // 40 ms
        meters.quarantined(Stage.HL7, RejectReason.EMPTY, NOW - 3000); // 3 s
        meters.released(Stage.HL7, Map.of(), NOW + 500);  // producer clock ahead: counted as 0
        meters.released(Stage.HL7, Map.of(), -1);         // unknown: not counted

        String m = registry.scrape();

        assertThat(m).contains("phistream_latency_seconds_count{stage=\"hl7\"} 3")
                .contains("phistream_latency_seconds_bucket{stage=\"hl7\",le=\"0.005\"} 1")
                .contains("phistream_latency_seconds_bucket{stage=\"hl7\",le=\"0.05\"} 2")
                .contains("phistream_latency_seconds_bucket{stage=\"hl7\",le=\"5.0\"} 3")
                .contains("phistream_latency_seconds_count{stage=\"fhir\"} 0");
    }

    @Test
    void givenAValueThatIsNotAnIdentifier_whenUsedAsALabel_thenItIsRefusedWithoutBeingQuoted() {
        String phiLike = "SMITH^JOHN 1950-01-02";

        for (Runnable call : new Runnable[] {
                () -> meters.alert(phiLike, "high"), () -> meters.driftPsi("news2", phiLike, 0.1),
                () -> meters.modelVersion(phiLike, "1"), () -> meters.consumerLag(phiLike, 0, 1),
                () -> meters.policyVersion("hl7v2", phiLike), () -> meters.buildInfo("")}) {
            assertThatThrownBy(call::run).isInstanceOf(IllegalArgumentException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("SMITH").doesNotContain("1950"));
        }
        assertThat(registry.scrape()).doesNotContain("SMITH");
    }

    @Test
    void givenANewModelVersion_whenSet_thenItReplacesThePreviousInfoSeries() {
        meters.modelVersion("news2", "1.0.0");
        meters.modelVersion("news2", "1.1.0");

        String m = registry.scrape();

        assertThat(m).contains("phistream_model_info{model=\"news2\",version=\"1.1.0\"} 1")
                .doesNotContain("version=\"1.0.0\"");
    }

    @Test
    void givenDriftUpdates_whenScraped_thenTheGaugeShowsTheLatestValue() {
        meters.driftPsi("news2", "spo2", 0.05);
        meters.driftPsi("news2", "spo2", 0.27);

        assertThat(registry.scrape()).contains("phistream_drift_psi{feature=\"spo2\",model=\"news2\"} 0.27");
        assertThat(meters.drift()).extracting(PhiStreamMeters.DriftValue::psi).containsExactly(0.27);
    }

    @Test
    void givenAnAlertRoute_whenAlertsAreCounted_thenTheyAreLabelledByRouteAndBand() {
        meters.alert("icu", "high");
        meters.alert("icu", "high");
        meters.alert("ward-3", "low-medium");

        assertThat(registry.scrape()).contains("phistream_alerts_total{band=\"high\",route=\"icu\"} 2.0")
                .contains("phistream_alerts_total{band=\"low-medium\",route=\"ward-3\"} 1.0");
    }

    @Test
    void givenTheStageAndReasonEnums_whenMetersAreCreated_thenEveryCombinationIsPreRegistered() {
        String m = registry.scrape();

        for (Stage s : Stage.values()) {
            for (RejectReason r : RejectReason.values()) {
                assertThat(m).contains("reason=\"" + r.name() + "\",stage=\"" + PhiStreamMeters.stageTag(s) + "\"");
            }
        }
        assertThat(Arrays.stream(PhiType.values()).allMatch(t -> m.contains("type=\"" + t.name() + "\""))).isTrue();
    }

    static Set<String> seriesNames(String scrape) {
        Matcher m = SERIES.matcher(scrape);
        Set<String> names = new java.util.TreeSet<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
