package io.phistream.topology.cli;

import io.phistream.topology.bench.BenchReport;
import io.phistream.topology.bench.PipelineBench;
import io.phistream.topology.bench.Workload;
import io.phistream.topology.config.ConfigException;
import io.phistream.topology.config.PhiStreamConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code phi-stream bench}: the full pipeline against a pass-through Kafka Streams application on the same
 * messages, partitions and broker; throughput to drain a preloaded backlog and end-to-end latency at half the
 * measured rate. Logic in {@link PipelineBench}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmark the pipeline against a pass-through Kafka Streams baseline (both exactly_once_v2).",
                "Prints records/s and p50/p99/max end-to-end latency of both, then "
                        + "'pipeline/baseline throughput ratio: X.XX'; writes JSON and a markdown table to --out."})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--duration", defaultValue = "60s",
            description = "whole measuring budget: each application's latency phase runs half of it; the drain "
                    + "backlog is sized from it unless --messages is given (default ${DEFAULT-VALUE})")
    String duration;

    @Option(names = "--mix", defaultValue = "hl7", description = "hl7, fhir or mixed (default ${DEFAULT-VALUE})")
    String mix;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "an existing cluster (topics bench-<run>.* are created and deleted); default: an "
                    + "in-process broker")
    String bootstrapServers;

    @Option(names = "--rate", paramLabel = "N",
            description = "latency-phase rate in messages/s (default: half of each application's measured drain rate)")
    Double rate;

    @Option(names = "--messages", paramLabel = "N",
            description = "preloaded messages to drain (default: 1000 per second of --duration, at least 5000)")
    Integer messages;

    @Option(names = "--partitions", defaultValue = "2", description = "partitions of every topic (default ${DEFAULT-VALUE})")
    int partitions;

    @Option(names = "--threads", paramLabel = "N",
            description = "Kafka Streams threads of both applications (default: one per partition)")
    Integer threads;

    @Option(names = "--warmup", paramLabel = "N",
            description = "messages per unmeasured warm-up round; each application drains rounds until the JIT is "
                    + "quiet, at most 8 (default: half the messages, at most 10000; 0: no warm-up)")
    Integer warmup;

    @Option(names = "--commit-interval-ms", defaultValue = "100",
            description = "commit.interval.ms of both applications (default ${DEFAULT-VALUE})")
    long commitIntervalMs;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the synthetic messages")
    long seed;

    @Option(names = "--out", defaultValue = "bench-results", paramLabel = "DIR",
            description = "where the JSON and markdown results go (default ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() throws Exception {
        Duration budget;
        try {
            budget = PhiStreamConfig.parseDuration(duration);
        } catch (RuntimeException e) {
            throw new ConfigException("--duration: expected a duration such as 20s or 5m");
        }
        if (budget.toSeconds() < 2) {
            throw new ConfigException("--duration: at least 2s");
        }
        Workload.Mix m;
        PipelineBench.Settings settings;
        try {
            m = Workload.Mix.parse(mix);
            int n = messages != null ? messages : (int) Math.max(5_000, Math.min(500_000, budget.toSeconds() * 1000));
            // one stream thread per partition, as a deployment would run: each task on its own thread
            settings = new PipelineBench.Settings(m, n, budget.dividedBy(2), rate, partitions,
                    threads != null ? threads : partitions, commitIntervalMs, seed, bootstrapServers,
                    warmup != null ? warmup : PipelineBench.Settings.defaultWarmup(n));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        BenchReport report = new PipelineBench(settings, System.err).run();
        System.out.println();
        report.lines().forEach(System.out::println);
        Path json = report.write(out);
        System.err.println("results written to " + json + " and " + json.toString().replaceAll("\\.json$", ".md"));
        boolean complete = report.baseline().complete() && report.pipeline().complete();
        return complete ? PhiStreamCli.OK : PhiStreamCli.FAILURE;
    }
}
