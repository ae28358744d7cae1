package io.phistream.topology.bench;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time HotSpot's compiler threads have used in this process. The compiler threads are hidden from
 * {@code ThreadMXBean}, so on Linux this reads their user and system ticks from {@code /proc/self/task}; elsewhere it
 * falls back to {@link CompilationMXBean#getTotalCompilationTime}, which is elapsed time and overstates the CPU on a
 * busy machine (a compilation waiting for a core still counts).
 *
 * <p>HotSpot starts and stops compiler threads as its queue grows and shrinks, and a stopped thread's time leaves
 * {@code /proc}: each thread's last reading is kept, so the total never goes back; what a thread used after its last
 * reading is lost, which is why callers read it about once a second while measuring.
 */
final class JitCpu {

    /** This process's compiler threads. */
    static final JitCpu PROCESS = new JitCpu(Path.of("/proc/self/task"));
    /** Linux reports thread times in clock ticks of 1/100 s (USER_HZ) on every architecture Java runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final Path tasks;
    /** Last ticks read per compiler thread id. */
    private final Map<String, Long> last = new HashMap<>();
    /** Ticks of threads whose id later came back with fewer ticks (another thread). */
    private long retired;

    JitCpu(Path tasks) {
        this.tasks = tasks;
    }

    /** Nanoseconds of CPU this process's compiler threads have used (see the class comment). */
    static long nanos() {
        return PROCESS.read();
    }

    /**
     * The total so far. One source for the life of the instance, so that two readings can be subtracted: {@code /proc}
     * when it is there (a scan that fails half-way keeps the last readings of the threads it did not reach), else JMX.
     */
    synchronized long read() {
        if (!Files.isDirectory(tasks)) {
            CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
            return jit != null && jit.isCompilationTimeMonitoringSupported()
                    ? jit.getTotalCompilationTime() * 1_000_000L : 0;
        }
        try {
            scan();
        } catch (IOException | DirectoryIteratorException e) {
            // a thread ended while the directory was read: the others keep their last readings
        }
        long ticks = retired;
        for (long t : last.values()) {
            ticks += t;
        }
        return ticks * NANOS_PER_TICK;
    }

    private void scan() throws IOException {
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path task : threads) {
                long now;
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    if (!name.startsWith("C1 Compiler") && !name.startsWith("C2 Compiler")) {
                        continue;
                    }
                    now = userAndSystemTicks(Files.readString(task.resolve("stat")));
                } catch (IOException | RuntimeException gone) {
                    continue; // the thread ended, or its line is not what this reads: its last reading stays
                }
                Long before = last.put(task.getFileName().toString(), now);
                if (before != null && now < before) {
                    retired += before;
                }
            }
        }
    }

    /** Fields 14 and 15 (utime, stime) of a {@code stat} line; the name in field 2 may hold spaces, so count after ')'. */
    static long userAndSystemTicks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
