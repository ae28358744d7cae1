package io.phistream.topology.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code phi-stream bench} end to end on the in-process broker, small: both applications warm up, drain and run their
 * latency phase, every record comes out (exit 0), and the output keeps the shape scripts read: the ratio line last,
 * the JSON beside it. The mixed workload sends HL7 and FHIR, past the point where FHIR Bundle contents come again.
 */
class BenchCommandIT {

    @TempDir
    Path out;

    @Test
    void givenTheMixedWorkload_whenBenchRuns_thenBothApplicationsDrainEverythingAndTheRatioLineComesLast()
            throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        try (PrintStream p = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(p);
            // 2,400 measured FHIR Bundles of a mixed 4,800 (past the 2,000 built ones), warm-up rounds of 600
            code = PhiStreamCli.execute("bench", "--duration", "2s", "--mix", "mixed", "--messages", "4800",
                    "--warmup", "600", "--out", out.toString());
        } finally {
            System.setOut(original);
        }
        String stdout = captured.toString(StandardCharsets.UTF_8);

        assertThat(code).as(stdout).isZero();
        List<String> lines = stdout.strip().lines().toList();
        assertThat(lines.get(lines.size() - 1)).matches("pipeline/baseline throughput ratio: \\d+\\.\\d\\d");
        assertThat(stdout).contains("after warm-up rounds of 600 messages until the JIT was quiet")
                .containsPattern("pipeline +throughput [\\d,]+ records/s .*% of it JIT compiling")
                .doesNotContain("INCOMPLETE");
        try (Stream<Path> files = Files.list(out)) {
            Path json = files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
            JsonNode report = new ObjectMapper().readTree(json.toFile());
            assertThat(report.path("pipeline").path("complete").asBoolean()).isTrue();
            assertThat(report.path("baseline").path("complete").asBoolean()).isTrue();
            assertThat(report.path("pipeline").path("warmupMessagesDrained").asLong()).isBetween(600L, 4_800L);
            assertThat(report.path("throughputRatio").asDouble()).isPositive();
        }
    }
}
