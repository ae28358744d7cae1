package io.phistream.topology.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JitCpuTest {

    @TempDir
    Path proc;

    @Test
    void givenAStatLineWhoseThreadNameHoldsSpacesAndParentheses_whenRead_thenUserPlusSystemTicks() {
        String stat = "4242 (C2 Compiler) x) S 1 4200 4200 0 -1 4194368 17 0 0 0 731 42 0 0 20 0 30 0 1234 0 0";

        assertThat(JitCpu.userAndSystemTicks(stat)).isEqualTo(773);
    }

    @Test
    void givenCompilerAndOtherThreads_whenRead_thenOnlyTheCompilersTimeCounts() throws IOException {
        thread("11", "C2 CompilerThre", 100, 20);
        thread("12", "C1 CompilerThre", 30, 0);
        thread("13", "kafka-producer-", 5_000, 700);

        assertThat(new JitCpu(proc).read()).isEqualTo(150 * 10_000_000L);
    }

    @Test
    void givenACompilerThreadThatHotSpotStopped_whenReadAgain_thenItsTimeIsStillCounted() throws IOException {
        thread("11", "C2 CompilerThre", 100, 20);
        thread("12", "C2 CompilerThre", 40, 0);
        JitCpu jit = new JitCpu(proc);
        long first = jit.read();

        delete("12");
        thread("11", "C2 CompilerThre", 110, 20);

        assertThat(jit.read()).isEqualTo(first + 10 * 10_000_000L);
    }

    @Test
    void givenAThreadIdTakenAgainByANewCompilerThread_whenRead_thenBothThreadsTimesCount() throws IOException {
        thread("11", "C2 CompilerThre", 100, 20);
        JitCpu jit = new JitCpu(proc);
        jit.read();

        thread("11", "C2 CompilerThre", 5, 1);

        assertThat(jit.read()).isEqualTo((120 + 6) * 10_000_000L);
    }

    @Test
    void givenAThreadWhoseStatCannotBeRead_whenRead_thenItKeepsItsLastReadingAndTheTotalDoesNotGoBack()
            throws IOException {
        thread("11", "C2 CompilerThre", 100, 20);
        JitCpu jit = new JitCpu(proc);
        long first = jit.read();

        Files.writeString(proc.resolve("11").resolve("stat"), "11 (C2 CompilerThre) S\n");

        assertThat(jit.read()).isEqualTo(first);
    }

    private void thread(String tid, String name, long user, long system) throws IOException {
        Path t = Files.createDirectories(proc.resolve(tid));
        Files.writeString(t.resolve("comm"), name + "\n");
        Files.writeString(t.resolve("stat"), tid + " (" + name + ") S 1 1 1 0 -1 0 0 0 0 0 " + user + " " + system
                + " 0 0 20 0 1 0 99 0 0\n");
    }

    private void delete(String tid) throws IOException {
        Path t = proc.resolve(tid);
        Files.delete(t.resolve("comm"));
        Files.delete(t.resolve("stat"));
        Files.delete(t);
    }
}
