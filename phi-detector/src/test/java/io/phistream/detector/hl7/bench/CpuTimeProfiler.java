package io.phistream.detector.hl7.bench;

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
 * A JMH profiler ({@code -prof io.phistream.detector.hl7.bench.CpuTimeProfiler}) that adds the operations per
 * CPU-second the benchmark JVM spent, JIT and GC threads included. On the shared two-core build machine other
 * processes take most of the wall clock, and ops/s then measures the load, not the code; CPU time does not.
 * With one benchmark thread it is the throughput one core would give.
 */
public final class CpuTimeProfiler implements InternalProfiler {

    private long cpuStart;

    @Override
    public String getDescription() {
        return "operations per CPU-second of the benchmark JVM";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuStart = processCpuNanos();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
                                                       IterationParams iterationParams, IterationResult result) {
        long cpu = processCpuNanos() - cpuStart;
        long ops = result.getMetadata() == null ? 0 : result.getMetadata().getMeasuredOps();
        double perCpuSecond = cpu <= 0 ? Double.NaN : ops / (cpu / 1e9);
        return List.of(new ScalarResult("cpu", perCpuSecond, "ops/cpu-s", AggregationPolicy.AVG));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
