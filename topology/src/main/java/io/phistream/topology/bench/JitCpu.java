package io.phistream.topology.bench;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time HotSpot's compiler threads have used in this process. The compiler threads are hidden from
 * {@code ThreadMXBean}, so on Linux this reads their user and system ticks from {@code /proc/self/task}; elsewhere it
 * falls back to {@link CompilationMXBean#getTotalCompilationTime}, which is elapsed time and overstates the CPU on a
 * busy machine (a compilation waiting for a core still counts).
 */
final class JitCpu {

    private static final Path TASKS = Path.of("/proc/self/task");
    /** Linux reports thread times in clock ticks of 1/100 s (USER_HZ) on every architecture Java runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private JitCpu() {
    }

    /** Nanoseconds of CPU the compiler threads have used since the JVM started (compiler threads that ended excepted). */
    static long nanos() {
        if (Files.isDirectory(TASKS)) {
            try {
                return procNanos();
            } catch (IOException | RuntimeException e) {
                // fall through: a thread ended between listing and reading, or /proc has another layout
            }
        }
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() * 1_000_000L : 0;
    }

    private static long procNanos() throws IOException {
        long ticks = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                String name;
                String stat;
                try {
                    name = Files.readString(task.resolve("comm")).strip();
                    if (!name.startsWith("C1 Compiler") && !name.startsWith("C2 Compiler")) {
                        continue;
                    }
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException gone) {
                    continue; // the thread ended
                }
                ticks += userAndSystemTicks(stat);
            }
        }
        return ticks * NANOS_PER_TICK;
    }

    /** Fields 14 and 15 (utime, stime) of a {@code stat} line; the name in field 2 may hold spaces, so count after ')'. */
    static long userAndSystemTicks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
