package io.phistream.topology.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerTrafficTest {

    private static final String PREFIX = "bench-x-pipeline.";
    private static final String APP = "phi-stream-bench-pipeline-x";

    private static BrokerTraffic pipeline() {
        return BrokerTraffic.of(Map.of(
                        PREFIX + "ingest.hl7v2", 1000L,
                        PREFIX + "ingest.fhir", 0L,
                        PREFIX + "deid.hl7v2", 1010L,
                        PREFIX + "audit", 1330L,
                        PREFIX + "observations", 340L,
                        PREFIX + "quarantine", 0L,
                        APP + "-quality-dedupe-hl7v2-changelog", 1005L),
                List.of(PREFIX + "ingest.hl7v2", PREFIX + "ingest.fhir"), PREFIX, APP);
    }

    @Test
    void givenEndOffsets_whenSplit_thenInputTopicsCountInputsAndEveryOtherTopicCountsWrites() {
        BrokerTraffic t = pipeline();

        assertThat(t.inputs()).isEqualTo(1000);
        assertThat(t.writesPerInput()).isEqualTo((1010 + 1330 + 340 + 1005) / 1000.0);
        assertThat(t.byTopic()).containsExactly(Map.entry("audit", 1.33),
                Map.entry("deid.hl7v2", 1.01), Map.entry("quality-dedupe-hl7v2-changelog", 1.01),
                Map.entry("observations", 0.34));
    }

    @Test
    void givenNoInput_whenAskedPerInput_thenZeroRatherThanADivisionByZero() {
        BrokerTraffic t = BrokerTraffic.of(Map.of(PREFIX + "audit", 5L), List.of(PREFIX + "ingest.hl7v2"), PREFIX, APP);

        assertThat(t.writesPerInput()).isZero();
        assertThat(t.byTopic()).containsExactly(Map.entry("audit", 0.0));
    }

    @Test
    void givenTrafficOfBothApplications_whenReported_thenEachHasAWritesLineAndTheRatioLineStaysLast() {
        BenchReport.AppResult base = new BenchReport.AppResult("baseline", 1000, 1000, 0.5, 2000, 1.0, 0, 1000, 5000,
                1000, new LatencyStats(5000, 20, 90, 120), true);
        BenchReport.AppResult pipe = new BenchReport.AppResult("pipeline", 1000, 1000, 1.0, 1000, 4.0, 0, 500, 2500,
                500, new LatencyStats(2500, 40, 180, 260), true);
        BrokerTraffic baseTraffic = BrokerTraffic.of(Map.of("b.ingest.hl7v2", 1000L, "b.deid.hl7v2", 1020L),
                List.of("b.ingest.hl7v2"), "b.", "app-b");
        BenchReport report = new BenchReport(Instant.parse("2026-01-02T03:04:05Z"), "hl7", 1000, 1900, 2, 1, 100,
                "embedded", 2, "JDK 17", base, pipe, 0).withTraffic(baseTraffic, pipeline());

        List<String> lines = report.lines();
        assertThat(lines).contains("baseline  broker writes per input 1.02 (deid.hl7v2 1.02; transaction markers "
                + "included)");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("pipeline  broker writes per input 3.69 (audit 1.33"));
        assertThat(lines.get(lines.size() - 1)).isEqualTo("pipeline/baseline throughput ratio: 0.50");
        assertThat(report.toMap()).containsEntry("pipelineBrokerWritesPerInput", 3.69);
        assertThat(report.toMarkdown()).contains("- pipeline: 3.69 (`audit` 1.33, `deid.hl7v2` 1.01");
    }
}
