package io.phistream.topology.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one benchmark run measured, for both applications, and how it is printed and written (JSON and a markdown
 * table). Pure: no Kafka.
 *
 * @param meanBytes mean input message size
 * @param broker    {@code embedded} or the bootstrap servers of the cluster used
 * @param warmup    messages per warm-up round (each application drains rounds, unmeasured, until the JIT is quiet)
 */
public record BenchReport(Instant at, String mix, int messages, double meanBytes, int partitions, int streamThreads,
                          long commitIntervalMs, String broker, int cores, String jvm, AppResult baseline,
                          AppResult pipeline, int warmup, BrokerTraffic baselineTraffic,
                          BrokerTraffic pipelineTraffic) {

    /** A run whose broker traffic was not counted. */
    public BenchReport(Instant at, String mix, int messages, double meanBytes, int partitions, int streamThreads,
                       long commitIntervalMs, String broker, int cores, String jvm, AppResult baseline,
                       AppResult pipeline, int warmup) {
        this(at, mix, messages, meanBytes, partitions, streamThreads, commitIntervalMs, broker, cores, jvm, baseline,
                pipeline, warmup, null, null);
    }

    /** The same run with the broker traffic of both applications. */
    public BenchReport withTraffic(BrokerTraffic baseline, BrokerTraffic pipeline) {
        return new BenchReport(at, mix, messages, meanBytes, partitions, streamThreads, commitIntervalMs, broker, cores,
                jvm, this.baseline, this.pipeline, warmup, baseline, pipeline);
    }

    private List<BrokerTraffic> traffic() {
        return baselineTraffic == null || pipelineTraffic == null ? List.of() : List.of(baselineTraffic, pipelineTraffic);
    }

    /** A run without warm-up. */
    public BenchReport(Instant at, String mix, int messages, double meanBytes, int partitions, int streamThreads,
                       long commitIntervalMs, String broker, int cores, String jvm, AppResult baseline,
                       AppResult pipeline) {
        this(at, mix, messages, meanBytes, partitions, streamThreads, commitIntervalMs, broker, cores, jvm, baseline,
                pipeline, 0);
    }

    private String warmupText() {
        return warmup == 0 ? "no warm-up"
                : String.format(Locale.ROOT, "after warm-up rounds of %d messages until the JIT was quiet", warmup);
    }

    /**
     * One application's figures.
     *
     * @param drained          how many records the measured drain waited for (for a pass-through drained again over
     *                         copies of the messages, those copies)
     * @param counted          of those, the records between the first output and the last (the rate's numerator)
     * @param drainSeconds     from the first output record to the last of the drain phase
     * @param recordsPerSecond drain rate (input records processed per second)
     * @param cpuSeconds       CPU time of the whole benchmark process (broker included) from the first output to the
     *                         last of the drain: on a shared machine, records per CPU-second compare better
     * @param quarantined      of all outputs, how many went to quarantine (pipeline only)
     * @param latencyRate      the rate the latency phase aimed at (messages/s)
     * @param latencySent      how many messages the latency phase sent
     * @param latencyAchieved  the rate it actually sent at
     * @param latency          event time (producer timestamp) to read_committed output, for the latency phase
     * @param complete         every record of both phases came out
     * @param warmupMessages   messages it drained in its warm-up rounds
     * @param jitSeconds       of {@code cpuSeconds}, what HotSpot's compilers spent compiling: more than a small share
     *                         means the drain measured the JIT as much as the application
     */
    public record AppResult(String name, long drained, long counted, double drainSeconds, double recordsPerSecond,
                            double cpuSeconds, long quarantined,
                            double latencyRate, long latencySent, double latencyAchieved, LatencyStats latency,
                            boolean complete, long warmupMessages, double jitSeconds) {

        /** Without warm-up or compiler figures. */
        public AppResult(String name, long drained, long counted, double drainSeconds, double recordsPerSecond,
                         double cpuSeconds, long quarantined, double latencyRate, long latencySent,
                         double latencyAchieved, LatencyStats latency, boolean complete) {
            this(name, drained, counted, drainSeconds, recordsPerSecond, cpuSeconds, quarantined, latencyRate,
                    latencySent, latencyAchieved, latency, complete, 0, 0);
        }

        /** The compilers' share of {@code cpuSeconds}, 0 to 1; 0 when the CPU time is unknown. */
        public double jitShare() {
            return cpuSeconds <= 0 ? 0 : jitSeconds / cpuSeconds;
        }

        /** Records per CPU-second of the process from the first output to the drain target; 0 when unknown. */
        public double recordsPerCpuSecond() {
            return cpuSeconds <= 0 ? 0 : counted / cpuSeconds;
        }
    }

    /** Pipeline drain rate over the baseline's. */
    public double ratio() {
        return baseline.recordsPerSecond() <= 0 ? 0 : pipeline.recordsPerSecond() / baseline.recordsPerSecond();
    }

    /** The same ratio per CPU-second of the process: less sensitive to other load on a shared machine. */
    public double cpuRatio() {
        return baseline.recordsPerCpuSecond() <= 0 ? 0
                : pipeline.recordsPerCpuSecond() / baseline.recordsPerCpuSecond();
    }

    public String ratioLine() {
        return String.format(Locale.ROOT, "pipeline/baseline throughput ratio: %.2f", ratio());
    }

    /** Human-readable lines, the ratio line last. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "mix %s, %d messages of %.0f bytes on average (%s), %d partitions, %d "
                        + "stream thread(s), commit.interval.ms %d, broker %s, %d cores, %s",
                mix, messages, meanBytes, warmupText(), partitions, streamThreads, commitIntervalMs, broker, cores,
                jvm));
        for (AppResult r : List.of(baseline, pipeline)) {
            out.add(String.format(Locale.ROOT, "%-9s throughput %,.0f records/s (drained %d in %.2f s; %,.0f records "
                            + "per CPU-second of the process%s)%s",
                    r.name(), r.recordsPerSecond(), r.drained(), r.drainSeconds(), r.recordsPerCpuSecond(),
                    jitText(r), r.quarantined() > 0 ? ", " + r.quarantined() + " quarantined" : ""));
            out.add(String.format(Locale.ROOT, "%-9s latency at %,.0f msg/s (%d sent, %,.0f/s achieved): p50 %d ms, "
                            + "p99 %d ms, max %d ms%s", r.name(), r.latencyRate(), r.latencySent(),
                    r.latencyAchieved(), r.latency().p50Ms(), r.latency().p99Ms(), r.latency().maxMs(),
                    r.complete() ? "" : " (INCOMPLETE: not every record came out)"));
        }
        if (!traffic().isEmpty()) {
            out.add(baselineTraffic.line(baseline.name()));
            out.add(pipelineTraffic.line(pipeline.name()));
        }
        out.add(String.format(Locale.ROOT, "pipeline/baseline records per CPU-second ratio: %.2f", cpuRatio()));
        out.add(ratioLine());
        return out;
    }

    /** The compilers' share of the drain's CPU, when known. */
    private static String jitText(AppResult r) {
        return r.cpuSeconds() <= 0 ? "" : String.format(Locale.ROOT, ", %.0f %% of it JIT compiling",
                100 * r.jitShare());
    }

    public String toMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append("# phi-stream bench, ").append(DateTimeFormatter.ISO_INSTANT.format(at)).append("\n\n");
        md.append(String.format(Locale.ROOT, "Mix `%s`, %d messages (mean %.0f bytes, %s), %d partitions, %d stream "
                        + "thread(s), exactly_once_v2, commit.interval.ms %d, broker %s, %d cores, %s.%n%n",
                mix, messages, meanBytes, warmupText(), partitions, streamThreads, commitIntervalMs, broker, cores,
                jvm));
        md.append("| application | warm-up messages | drain records/s | records per CPU-second | JIT share of that CPU "
                + "| latency phase rate (msg/s) | p50 ms | p99 ms | max ms | quarantined | complete |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (AppResult r : List.of(baseline, pipeline)) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %,.0f | %,.0f | %.0f %% | %,.0f | %d | %d | %d | %d | %s |%n",
                    r.name(), r.warmupMessages(), r.recordsPerSecond(), r.recordsPerCpuSecond(),
                    100 * r.jitShare(), r.latencyAchieved(),
                    r.latency().p50Ms(),
                    r.latency().p99Ms(),
                    r.latency().maxMs(), r.quarantined(), r.complete() ? "yes" : "NO"));
        }
        if (!traffic().isEmpty()) {
            md.append("\nBroker writes per input record (topic end offsets, transaction markers included):\n\n");
            md.append(String.format(Locale.ROOT, "- %s: %.2f%n- %s: %.2f (%s)%n", baseline.name(),
                    baselineTraffic.writesPerInput(), pipeline.name(), pipelineTraffic.writesPerInput(),
                    pipelineTraffic.byTopic().entrySet().stream()
                            .map(e -> String.format(Locale.ROOT, "`%s` %.2f", e.getKey(), e.getValue()))
                            .collect(java.util.stream.Collectors.joining(", "))));
        }
        md.append(String.format(Locale.ROOT, "%npipeline/baseline records per CPU-second ratio: %.2f%n", cpuRatio()));
        md.append("\n").append(ratioLine()).append("\n");
        return md.toString();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", DateTimeFormatter.ISO_INSTANT.format(at));
        m.put("mix", mix);
        m.put("messages", messages);
        m.put("warmupMessages", warmup);
        m.put("meanBytes", Math.round(meanBytes));
        m.put("partitions", partitions);
        m.put("streamThreads", streamThreads);
        m.put("commitIntervalMs", commitIntervalMs);
        m.put("broker", broker);
        m.put("cores", cores);
        m.put("jvm", jvm);
        m.put("baseline", app(baseline));
        m.put("pipeline", app(pipeline));
        if (!traffic().isEmpty()) {
            m.put("baselineBrokerWritesPerInput", Math.round(baselineTraffic.writesPerInput() * 100) / 100.0);
            m.put("pipelineBrokerWritesPerInput", Math.round(pipelineTraffic.writesPerInput() * 100) / 100.0);
            m.put("pipelineBrokerWritesPerInputByTopic", pipelineTraffic.byTopic());
        }
        m.put("throughputRatio", Math.round(ratio() * 1000) / 1000.0);
        m.put("cpuNormalisedRatio", Math.round(cpuRatio() * 1000) / 1000.0);
        return m;
    }

    private static Map<String, Object> app(AppResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        m.put("drained", r.drained());
        m.put("counted", r.counted());
        m.put("drainSeconds", Math.round(r.drainSeconds() * 1000) / 1000.0);
        m.put("recordsPerSecond", Math.round(r.recordsPerSecond()));
        m.put("processCpuSeconds", Math.round(r.cpuSeconds() * 100) / 100.0);
        m.put("recordsPerCpuSecond", Math.round(r.recordsPerCpuSecond()));
        m.put("jitCpuSeconds", Math.round(r.jitSeconds() * 100) / 100.0);
        m.put("warmupMessagesDrained", r.warmupMessages());
        m.put("quarantined", r.quarantined());
        m.put("latencyTargetRate", Math.round(r.latencyRate()));
        m.put("latencySent", r.latencySent());
        m.put("latencyAchievedRate", Math.round(r.latencyAchieved()));
        m.put("latencySamples", r.latency().count());
        m.put("latencyP50Ms", r.latency().p50Ms());
        m.put("latencyP99Ms", r.latency().p99Ms());
        m.put("latencyMaxMs", r.latency().maxMs());
        m.put("complete", r.complete());
        return m;
    }

    /** Writes {@code bench-<mix>-<time>.json} and {@code .md} into {@code dir}; returns the JSON file. */
    public Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        String stem = "bench-" + mix + "-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC)
                .format(at);
        Path json = dir.resolve(stem + ".json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), toMap());
        Files.writeString(dir.resolve(stem + ".md"), toMarkdown(), StandardCharsets.UTF_8);
        return json;
    }
}
