package io.phistream.topology.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BenchWarmupTest {

    private static BenchReport.AppResult app(String name) {
        return new BenchReport.AppResult(name, 1000, 1000, 1.0, 1000, 1.0, 0, 500, 500, 500, LatencyStats.EMPTY, true);
    }

    @Test
    void givenTheSettingsWithoutAWarmUp_whenBuilt_thenHalfTheMessagesAtMostTenThousandWarmUp() {
        PipelineBench.Settings small = new PipelineBench.Settings(Workload.Mix.HL7, 5_000, Duration.ofSeconds(10), null,
                2, 1, 100, 42, null);
        PipelineBench.Settings large = new PipelineBench.Settings(Workload.Mix.HL7, 60_000, Duration.ofSeconds(30),
                null, 2, 1, 100, 42, null);

        assertThat(small.warmup()).isEqualTo(2_500);
        assertThat(large.warmup()).isEqualTo(10_000);
    }

    @Test
    void givenANegativeWarmUp_whenBuilt_thenRefused() {
        assertThatThrownBy(() -> new PipelineBench.Settings(Workload.Mix.HL7, 5_000, Duration.ofSeconds(10), null, 2,
                1, 100, 42, null, -1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--warmup");
    }

    @Test
    void givenAWarmedUpRun_whenReported_thenTheLinesMarkdownAndJsonSaySo() {
        BenchReport report = new BenchReport(Instant.parse("2026-01-02T03:04:05Z"), "hl7", 1000, 1900, 2, 1, 100,
                "embedded", 2, "JDK 17", app("baseline"), app("pipeline"), 500);

        assertThat(report.lines().get(0)).contains("after a warm-up of 500 messages");
        assertThat(report.toMarkdown()).contains("after a warm-up of 500 messages");
        assertThat(report.toMap()).containsEntry("warmupMessages", 500);
    }

    @Test
    void givenARunWithoutWarmUp_whenReported_thenItSaysNoWarmUp() {
        BenchReport report = new BenchReport(Instant.parse("2026-01-02T03:04:05Z"), "hl7", 1000, 1900, 2, 1, 100,
                "embedded", 2, "JDK 17", app("baseline"), app("pipeline"));

        assertThat(report.lines().get(0)).contains("no warm-up");
        assertThat(report.toMap()).containsEntry("warmupMessages", 0);
    }
}
