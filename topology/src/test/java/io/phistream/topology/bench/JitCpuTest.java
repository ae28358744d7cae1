package io.phistream.topology.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JitCpuTest {

    @Test
    void givenAStatLineWhoseThreadNameHoldsSpacesAndParentheses_whenRead_thenUserPlusSystemTicks() {
        String stat = "4242 (C2 Compiler) x) S 1 4200 4200 0 -1 4194368 17 0 0 0 731 42 0 0 20 0 30 0 1234 0 0";

        assertThat(JitCpu.userAndSystemTicks(stat)).isEqualTo(773);
    }

    @Test
    void givenCodeThatMustBeCompiled_whenItRuns_thenTheCompilersCpuTimeDoesNotGoBackAndIsCounted() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "no /proc: the fallback is the JMX elapsed time");
        long before = JitCpu.nanos();
        long sink = 0;
        for (int round = 0; round < 200 && JitCpu.nanos() == before; round++) {
            for (int i = 0; i < 200_000; i++) {
                sink += Integer.toString(i ^ round).hashCode(); // new work for the compilers, round after round
            }
        }

        assertThat(JitCpu.nanos()).as("sink %d", sink).isGreaterThan(before);
    }
}
