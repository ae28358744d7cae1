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

        assertThat(report.lines().get(0)).contains("after warm-up rounds of 500 messages until the JIT was quiet");
        assertThat(report.toMarkdown()).contains("after warm-up rounds of 500 messages until the JIT was quiet");
        assertThat(report.toMap()).containsEntry("warmupMessages", 500);
    }

    @Test
    void givenADrainInWhichTheCompilersWorked_whenReported_thenEachLineSaysWhatShareOfTheCpuTheyTook() {
        BenchReport.AppResult warm = new BenchReport.AppResult("baseline", 1000, 1000, 1.0, 1000, 2.0, 0, 500, 500,
                500, LatencyStats.EMPTY, true, 3_000, 0.1);
        BenchReport.AppResult compiling = new BenchReport.AppResult("pipeline", 1000, 1000, 1.0, 1000, 2.0, 0, 500,
                500, 500, LatencyStats.EMPTY, true, 1_500, 0.8);
        BenchReport report = new BenchReport(Instant.parse("2026-01-02T03:04:05Z"), "hl7", 1000, 1900, 2, 1, 100,
                "embedded", 2, "JDK 17", warm, compiling, 500);

        assertThat(report.lines().get(1)).contains("500 records per CPU-second of the process, 5 % of it JIT compiling");
        assertThat(report.lines().get(3)).contains("40 % of it JIT compiling");
        assertThat(report.toMarkdown()).contains("| pipeline | 1500 | 1,000 | 500 | 40 % |");
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> pipeline = (java.util.Map<String, Object>) report.toMap().get("pipeline");
        assertThat(pipeline).containsEntry("jitCpuSeconds", 0.8).containsEntry("warmupMessagesDrained", 1_500L);
    }

    @Test
    void givenARunWithoutWarmUp_whenReported_thenItSaysNoWarmUp() {
        BenchReport report = new BenchReport(Instant.parse("2026-01-02T03:04:05Z"), "hl7", 1000, 1900, 2, 1, 100,
                "embedded", 2, "JDK 17", app("baseline"), app("pipeline"));

        assertThat(report.lines().get(0)).contains("no warm-up");
        assertThat(report.toMap()).containsEntry("warmupMessages", 0);
    }
}
