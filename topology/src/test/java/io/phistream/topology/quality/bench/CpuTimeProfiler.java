package io.phistream.topology.quality.bench;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler ({@code -prof io.phistream.topology.quality.bench.CpuTimeProfiler}) adding the CPU time the
 * benchmark JVM spent per operation ({@code cpu}: JIT and GC threads included) and the CPU time of the benchmark
 * thread alone ({@code thread-cpu}: the operation itself). On the shared two-core machine other jobs take
 * most of the wall clock, so wall-clock time measures their load; CPU time measures the code. The same idea as
 * phi-detector's test-scope profiler, which other modules cannot see.
 */
public final class CpuTimeProfiler implements InternalProfiler {

    private long cpuStart;
    private long workerStart;

    @Override
    public String getDescription() {
        return "CPU microseconds per operation (benchmark JVM, all threads)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuStart = processCpuNanos();
        workerStart = workerCpuNanos();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
                                                       IterationParams iterationParams, IterationResult result) {
        long cpu = processCpuNanos() - cpuStart;
        long worker = workerCpuNanos() - workerStart;
        long ops = result.getMetadata() == null ? 0 : result.getMetadata().getMeasuredOps();
        return List.of(
                new ScalarResult("cpu", ops <= 0 ? Double.NaN : cpu / 1e3 / ops, "us/op (cpu)", AggregationPolicy.AVG),
                new ScalarResult("thread-cpu", ops <= 0 ? Double.NaN : worker / 1e3 / ops, "us/op (cpu)",
                        AggregationPolicy.AVG));
    }

    /** CPU time of the benchmark's worker threads alone: the operation itself, without JIT and GC threads. */
    private static long workerCpuNanos() {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().contains("jmh-worker")) {
                long c = mx.getThreadCpuTime(t.getId());
                sum += Math.max(c, 0);
            }
        }
        return sum;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
