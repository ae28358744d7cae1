package io.phistream.topology.bench;

import io.phistream.topology.Topic;
import io.phistream.topology.Topics;
import io.phistream.topology.bench.BenchReport.AppResult;
import io.phistream.topology.bench.Workload.Message;
import io.phistream.topology.bench.Workload.Mix;
import io.phistream.topology.broker.EmbeddedKafka;
import io.phistream.topology.broker.TransactionRetryNoise;
import io.phistream.topology.config.PhiStreamConfig;
import io.phistream.topology.keys.KeyStore;
import io.phistream.topology.stream.Stages;
import io.phistream.topology.stream.StreamsApp;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;

/**
 * The pipeline benchmark: the same preloaded messages through (a) a pass-through Kafka Streams application and
 * (b) the full phi-stream topology (audit on), both exactly_once_v2 on the same input topics and partitions.
 *
 * <p>Each application first runs a <b>warm-up</b> (unless {@code warmup} is 0): it is started and given rounds of
 * {@code warmup} messages of the same mix (from a sequence of their own, so that no measured message is sent twice),
 * each drained before the next, until HotSpot's compilers used under {@link #JIT_QUIET} of a core through a round,
 * or {@link #MAX_WARMUP_ROUNDS} rounds; then it is closed, leaving its consumer group, untimed. Its state
 * and committed offsets stay, and so does what the JIT compiled, so that the phases below measure the application
 * rather than HotSpot compiling it: after one fixed round of 10,000 messages the compilers still took 40 % of the
 * process's CPU through the pipeline's measured drain on a 2-core machine. Then two phases.
 * <b>Drain</b>: it starts on {@code messages} preloaded records and the rate
 * is measured by a read_committed consumer of its outputs, from the first output record to the last (so start-up
 * and the first transaction are not counted). <b>Latency</b>: once drained, a producer sends at half the measured
 * drain rate (or {@code --rate}) for the latency duration, each record stamped with its send time; outputs carry the
 * input's timestamp, and the consumer records now minus that timestamp when a record becomes readable
 * (read_committed, so it includes the transaction commit).
 *
 * <p>Producer, consumer, applications and (by default) the broker share this JVM and its cores, as in the demo.
 */
public final class PipelineBench {

    /**
     * @param rate            latency-phase rate in messages/s, or null for half of each application's drain rate
     * @param bootstrapServers an existing cluster, or null for an in-process broker
     */
    public record Settings(Mix mix, int messages, Duration latencyPhase, Double rate, int partitions,
                           int streamThreads, long commitIntervalMs, long seed, String bootstrapServers, int warmup) {
        public Settings {
            if (messages < 100) {
                throw new IllegalArgumentException("--messages: at least 100");
            }
            if (warmup < 0) {
                throw new IllegalArgumentException("--warmup: at least 0");
            }
            if (partitions < 1 || streamThreads < 1) {
                throw new IllegalArgumentException("--partitions and --threads: at least 1");
            }
            if (rate != null && (rate < 1 || rate > 1_000_000)) {
                throw new IllegalArgumentException("--rate: expected 1..1000000 messages per second");
            }
        }

        /** With the default warm-up, {@link #defaultWarmup}. */
        public Settings(Mix mix, int messages, Duration latencyPhase, Double rate, int partitions, int streamThreads,
                        long commitIntervalMs, long seed, String bootstrapServers) {
            this(mix, messages, latencyPhase, rate, partitions, streamThreads, commitIntervalMs, seed, bootstrapServers,
                    defaultWarmup(messages));
        }

        /** Messages per warm-up round: half the measured messages, at most 10,000. */
        public static int defaultWarmup(int messages) {
            return Math.min(messages / 2, 10_000);
        }
    }

    /** Warm-up ends after the round through which the compilers used less than this share of one core. */
    static final double JIT_QUIET = 0.10;
    /** Warm-up ends after this many rounds even if the compilers are still busy (the report says how busy). */
    static final int MAX_WARMUP_ROUNDS = 8;
    /** Seed salt of the warm-up sequence: its HL7 control ids differ from the measured sequence's. */
    private static final long WARMUP_SEED_SALT = 0x5741524dL;

    private static final Duration RUNNING_TIMEOUT = Duration.ofSeconds(120);
    private final Settings settings;
    private final PrintStream log;

    public PipelineBench(Settings settings, PrintStream log) {
        this.settings = settings;
        this.log = log;
    }

    public BenchReport run() throws Exception {
        if (settings.bootstrapServers() == null) {
            log.println("starting an in-process Kafka broker ...");
            try (EmbeddedKafka broker = EmbeddedKafka.start(null)) {
                BenchReport report = run(broker.bootstrapServers(), "embedded");
                String retries = TransactionRetryNoise.summary();
                if (retries != null) {
                    log.println(retries);
                }
                return report;
            }
        }
        return run(settings.bootstrapServers(), settings.bootstrapServers());
    }

    private BenchReport run(String bootstrap, String brokerName) throws Exception {
        String runId = Long.toString(System.currentTimeMillis(), 36);
        Path state = Files.createTempDirectory("phi-stream-bench-state");
        Map<String, String> o = new HashMap<>();
        o.put(PhiStreamConfig.BOOTSTRAP_SERVERS, bootstrap);
        o.put(PhiStreamConfig.TOPIC_PARTITIONS, Integer.toString(settings.partitions()));
        o.put(PhiStreamConfig.NUM_STREAM_THREADS, Integer.toString(settings.streamThreads()));
        o.put(PhiStreamConfig.COMMIT_INTERVAL_MS, Long.toString(settings.commitIntervalMs()));
        o.put(PhiStreamConfig.STATE_DIR, state.toString());
        if (settings.bootstrapServers() == null) {
            o.put(PhiStreamConfig.TOPIC_REPLICATION_FACTOR, "1");
        }
        // PHI_STREAM_KAFKA_* from the environment still apply (TLS, SASL to a real cluster)
        PhiStreamConfig common = PhiStreamConfig.load(null, System.getenv(), o);
        // each application reads its own copy of the same messages: neither sees the other's latency traffic
        PhiStreamConfig baseConfig = common.with(Map.of(PhiStreamConfig.TOPIC_PREFIX, "bench-" + runId + "-baseline.",
                PhiStreamConfig.APPLICATION_ID, "phi-stream-bench-baseline-" + runId));
        PhiStreamConfig pipeConfig = common.with(Map.of(PhiStreamConfig.TOPIC_PREFIX, "bench-" + runId + "-pipeline.",
                PhiStreamConfig.APPLICATION_ID, "phi-stream-bench-pipeline-" + runId));
        Topics baseTopics = new Topics(baseConfig);
        Topics pipeTopics = new Topics(pipeConfig);
        // the baseline writes to topics named like the pipeline's outputs, under its own prefix
        String baseHl7 = baseTopics.deidHl7v2().name();
        String baseFhir = baseTopics.deidFhir().name();
        List<NewTopic> created = new ArrayList<>();
        for (Topic<?, ?> topic : List.of(baseTopics.ingestHl7v2(), baseTopics.ingestFhir(), baseTopics.deidHl7v2(),
                baseTopics.deidFhir(), baseTopics.quarantine(), baseTopics.audit())) {
            created.add(baseTopics.newTopic(topic));
        }
        // the full application: de-identification, audit, and the scoring side with its alert topics
        created.addAll(pipeTopics.all(io.phistream.topology.scoring.ScoringStages.routes(pipeConfig)));
        try (Admin admin = Admin.create(common.adminProperties())) {
            Topics.create(admin, created, Duration.ofSeconds(30));
        }
        try {
            log.printf("generating %d %s messages ...%n", settings.messages(), settings.mix().name().toLowerCase());
            // measured and latency-phase messages are one sequence, warm-up rounds another: no HL7 message is sent twice
            Workload.Source source = Workload.stream(settings.mix(), settings.seed());
            List<Message> workload = take(source, settings.messages());
            double meanBytes = Workload.meanBytes(workload);
            // the latency phase continues the same sequence: new messages, the same for both applications

            AppResult baseline = measure("baseline", baseConfig, workload, baseTopics, List.of(baseHl7, baseFhir),
                    null, true, () -> new KafkaStreams(passThrough(baseTopics, baseHl7, baseFhir),
                            properties(baseConfig.streamsProperties())));
            AppResult pipeline = measure("pipeline", pipeConfig, workload, pipeTopics,
                    List.of(pipeTopics.deidHl7v2().name(), pipeTopics.deidFhir().name(),
                            pipeTopics.quarantine().name()),
                    pipeTopics.quarantine().name(), false,
                    () -> StreamsApp.create(pipeConfig, pipeTopics, Stages.create(pipeConfig, KeyStore.ephemeral())));
            BenchReport report = new BenchReport(Instant.now(), settings.mix().name().toLowerCase(),
                    settings.messages(), meanBytes, settings.partitions(), settings.streamThreads(),
                    settings.commitIntervalMs(), brokerName, Runtime.getRuntime().availableProcessors(),
                    "JDK " + System.getProperty("java.version"), baseline, pipeline, settings.warmup());
            try (Admin admin = Admin.create(common.adminProperties())) {
                return report.withTraffic(
                        traffic(admin, baseConfig, List.of(baseTopics.ingestHl7v2().name(), baseTopics.ingestFhir().name())),
                        traffic(admin, pipeConfig, List.of(pipeTopics.ingestHl7v2().name(), pipeTopics.ingestFhir().name())));
            } catch (Exception e) {
                log.println("could not count the broker traffic (" + e.getClass().getSimpleName() + ")");
                return report;
            }
        } finally {
            if (settings.bootstrapServers() != null) {
                try (Admin admin = Admin.create(common.adminProperties())) {
                    admin.deleteTopics(created.stream().map(NewTopic::name).toList()).all().get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    log.println("could not delete the benchmark topics (" + e.getClass().getSimpleName() + ")");
                }
            }
            deleteRecursively(state);
        }
    }

    /** End offsets of every topic of one application (its prefix or its internal topics), split into inputs and writes. */
    private static BrokerTraffic traffic(Admin admin, PhiStreamConfig config, List<String> inputs) throws Exception {
        String prefix = config.topicPrefix();
        String appId = config.applicationId();
        List<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                .filter(n -> n.startsWith(prefix) || n.startsWith(appId + "-")).toList();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS).forEach((name, d) ->
                d.partitions().forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        Map<String, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS)
                .forEach((tp, info) -> ends.merge(tp.topic(), info.offset(), Long::sum));
        return BrokerTraffic.of(ends, inputs, prefix, appId);
    }

    /** The baseline: every input record copied to the output of its format, nothing else. */
    static Topology passThrough(Topics topics, String outHl7, String outFhir) {
        Topology t = new Topology();
        t.addSource("in-hl7v2", new ByteArrayDeserializer(), new ByteArrayDeserializer(), topics.ingestHl7v2().name());
        t.addSource("in-fhir", new ByteArrayDeserializer(), new ByteArrayDeserializer(), topics.ingestFhir().name());
        t.addSink("out-hl7v2", outHl7, new ByteArraySerializer(), new ByteArraySerializer(), "in-hl7v2");
        t.addSink("out-fhir", outFhir, new ByteArraySerializer(), new ByteArraySerializer(), "in-fhir");
        return t;
    }

    private static Properties properties(Map<String, Object> map) {
        Properties p = new Properties();
        p.putAll(map);
        return p;
    }

    private static List<Message> take(Workload.Source source, int n) {
        List<Message> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(source.next());
        }
        return out;
    }

    private void preload(PhiStreamConfig config, Topics topics, List<Message> messages) {
        try (KafkaProducer<byte[], byte[]> p = producer(config, 20)) {
            for (Message m : messages) {
                p.send(new ProducerRecord<>(input(topics, m), m.value()));
            }
            p.flush();
        }
    }

    /**
     * Runs the application on rounds of warm-up messages until the JIT is quiet (see the class comment), then closes
     * it, leaving its group so that the measured start does not wait out the old member's session (its state stays).
     *
     * @return how many warm-up messages it drained
     */
    private long warmUp(String name, PhiStreamConfig config, Topics topics, List<String> outputs,
                        String quarantineTopic, Supplier<KafkaStreams> app) throws Exception {
        long t0 = System.nanoTime();
        Workload.Source source = Workload.stream(settings.mix(), settings.seed() ^ WARMUP_SEED_SALT);
        int round = settings.warmup();
        long sent = 0;
        double jitShare = 0;
        int rounds = 0;
        try (OutputWatcher watcher = new OutputWatcher(config, outputs, quarantineTopic, Long.MAX_VALUE, true)) {
            watcher.start();
            KafkaStreams streams = app.get();
            try {
                streams.start();
                if (!StreamsApp.awaitRunning(streams, RUNNING_TIMEOUT)) {
                    throw new IllegalStateException(name + " did not reach RUNNING in the warm-up (state "
                            + streams.state() + ")");
                }
                do {
                    long r0 = System.nanoTime();
                    long jit0 = JitCpu.nanos();
                    preload(config, topics, take(source, round));
                    sent += round;
                    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
                    while (watcher.count() < sent && System.nanoTime() < deadline && watcher.alive()) {
                        Thread.sleep(20);
                    }
                    if (watcher.count() < sent) {
                        throw new IllegalStateException(name + " drained only " + watcher.count() + " of " + sent
                                + " warm-up messages");
                    }
                    rounds++;
                    jitShare = (JitCpu.nanos() - jit0) / (double) (System.nanoTime() - r0);
                } while (jitShare >= JIT_QUIET && rounds < MAX_WARMUP_ROUNDS);
            } finally {
                // no cleanUp: the measured run continues from this state
                streams.close(CloseOptions.timeout(Duration.ofSeconds(30))
                        .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
            }
        }
        log.printf("%s: warmed up on %d rounds of %d messages in %.1f s (not measured; the JIT compilers used %.0f %% of a "
                        + "core through the last)%n", name, rounds, round, (System.nanoTime() - t0) / 1e9,
                100 * jitShare);
        return sent;
    }

    /** A drain shorter than this is a few commit intervals: a burst, not a rate (see {@code repeatable}). */
    static final double MIN_DRAIN_SECONDS = 4.0;
    /** At most this many more copies of the messages for a sustained drain, and at most this many bytes of them. */
    static final int MAX_COPIES = 20;
    static final long MAX_COPY_BYTES = 1L << 30;

    /**
     * @param repeatable the application may see the same messages again (the pass-through baseline; never the
     *                   pipeline, whose gate drops repeats): when its drain is shorter than {@link #MIN_DRAIN_SECONDS}
     *                   its rate is measured again over more copies of the messages, sent while it runs
     */
    private AppResult measure(String name, PhiStreamConfig config, List<Message> workload,
                              Topics topics, List<String> outputs, String quarantineTopic, boolean repeatable,
                              Supplier<KafkaStreams> app) throws Exception {
        long warmed = settings.warmup() == 0 ? 0 : warmUp(name, config, topics, outputs, quarantineTopic, app);
        int n = workload.size();
        long t0 = System.nanoTime();
        preload(config, topics, workload);
        log.printf("%s: preloaded %d messages in %.1f s; starting, draining ...%n", name, n,
                (System.nanoTime() - t0) / 1e9);
        // after a warm-up the outputs already hold its records: count from their current end
        try (OutputWatcher watcher = new OutputWatcher(config, outputs, quarantineTopic, n, warmed > 0)) {
            watcher.start();
            KafkaStreams streams = app.get();
            long cpu0 = processCpuNanos();
            try {
                streams.start();
                if (!StreamsApp.awaitRunning(streams, RUNNING_TIMEOUT)) {
                    throw new IllegalStateException(name + " did not reach RUNNING (state " + streams.state() + ")");
                }
                long drainDeadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
                while (watcher.count() < n && System.nanoTime() < drainDeadline && watcher.alive()) {
                    Thread.sleep(20);
                }
                if (watcher.count() < n) {
                    throw new IllegalStateException(name + " drained only " + watcher.count() + " of " + n);
                }
                // CPU and records between the first output and the last: start-up and the first transaction, which
                // weigh far more on a sub-second drain, are left out of both applications' figures
                double cpuSeconds = watcher.drainCpuSeconds();
                double jitSeconds = watcher.drainJitSeconds();
                long counted = n - watcher.firstBatch();
                double seconds = (watcher.drainedAt() - watcher.firstAt()) / 1e9;
                double rate = seconds <= 0 ? 0 : counted / seconds;
                log.printf("%s: %,.0f records/s to drain (%d records, %.2f s after the first output; %.1f CPU-s "
                        + "of this process from start to drained, %.1f from first output to drained)%n", name, rate, n,
                        seconds, (processCpuNanos() - cpu0) / 1e9, cpuSeconds);
                long drained = n; // everything the application has output so far
                long measured = n; // what the reported rate is taken over
                if (repeatable && seconds < MIN_DRAIN_SECONDS) {
                    // a drain of a few commit intervals is a burst, not a rate: the pass-through, paused, is given
                    // more copies of the same messages (so that neither the producer's time nor its CPU falls inside
                    // the measurement), then resumed and timed until the drain lasts MIN_DRAIN_SECONDS or so
                    long bytesPerCopy = Math.max(1, workload.stream().mapToLong(m -> m.value().length).sum());
                    int copies = (int) Math.min(Math.min(MAX_COPIES, MAX_COPY_BYTES / bytesPerCopy),
                            Math.ceil(MIN_DRAIN_SECONDS / Math.max(seconds, 0.05)));
                    copies = Math.max(1, copies);
                    long more = (long) copies * n;
                    streams.pause();
                    try (OutputWatcher sustained = new OutputWatcher(config, outputs, quarantineTopic, more, true)) {
                        sustained.start();
                        for (int k = 0; k < copies; k++) {
                            preload(config, topics, workload);
                        }
                        streams.resume();
                        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
                        while (sustained.count() < more && System.nanoTime() < deadline && sustained.alive()) {
                            Thread.sleep(20);
                        }
                        if (sustained.count() < more) {
                            throw new IllegalStateException(name + " drained only " + sustained.count() + " of " + more);
                        }
                        seconds = (sustained.drainedAt() - sustained.firstAt()) / 1e9;
                        counted = more - sustained.firstBatch();
                        rate = seconds <= 0 ? 0 : counted / seconds;
                        cpuSeconds = sustained.drainCpuSeconds();
                        jitSeconds = sustained.drainJitSeconds();
                    }
                    drained = n + more;
                    measured = more;
                    log.printf("%s: %,.0f records/s sustained (%d copies of the messages, %d records, %.2f s; %.1f "
                            + "CPU-s of this process from first output to drained)%n", name, rate, copies, more,
                            seconds, cpuSeconds);
                }

                double target = settings.rate() != null ? settings.rate() : Math.max(1, rate / 2);
                log.printf("%s: latency phase at %,.0f msg/s for %d s ...%n", name, target,
                        settings.latencyPhase().toSeconds());
                watcher.recordLatencyFrom(System.currentTimeMillis());
                long sent = 0;
                long start = System.nanoTime();
                long end = start + settings.latencyPhase().toNanos();
                Workload.Source more = Workload.stream(settings.mix(), settings.seed());
                for (int skip = 0; skip < n; skip++) {
                    more.next(); // past the preloaded messages: never send a message twice
                }
                try (KafkaProducer<byte[], byte[]> p = producer(config, 1)) {
                    while (System.nanoTime() < end) {
                        long due = start + (long) (sent * 1e9 / target);
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        Message m = more.next();
                        p.send(new ProducerRecord<>(input(topics, m), null, System.currentTimeMillis(), null,
                                m.value()));
                        sent++;
                    }
                    p.flush();
                }
                double achieved = sent / ((System.nanoTime() - start) / 1e9);
                long expected = drained + sent;
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (watcher.count() < expected && System.nanoTime() < deadline && watcher.alive()) {
                    Thread.sleep(20);
                }
                LatencyStats latency = watcher.latency();
                log.printf("%s: latency p50 %d ms, p99 %d ms, max %d ms over %d records%n", name, latency.p50Ms(),
                        latency.p99Ms(), latency.maxMs(), latency.count());
                return new AppResult(name, measured, counted, seconds, rate, cpuSeconds,
                        watcher.quarantined(), target, sent,
                        achieved, latency, watcher.count() >= expected, warmed, jitSeconds);
            } finally {
                streams.close(Duration.ofSeconds(30));
                streams.cleanUp();
            }
        }
    }

    /** CPU time of this whole process (broker, applications, clients): the machine may be shared. */
    private static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private static String input(Topics topics, Message m) {
        return m.fhir() ? topics.ingestFhir().name() : topics.ingestHl7v2().name();
    }

    private static KafkaProducer<byte[], byte[]> producer(PhiStreamConfig config, int lingerMs) {
        Properties p = new Properties();
        p.putAll(config.producerProperties());
        p.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * A read_committed consumer of one application's outputs on its own thread: counts records, notes when the
     * first one and the drain target arrived, and records end-to-end latencies once told to.
     */
    private static final class OutputWatcher implements AutoCloseable {
        private final KafkaConsumer<byte[], byte[]> consumer;
        private final String quarantineTopic;
        private final long drainTarget;
        private final AtomicLong count = new AtomicLong();
        private final AtomicLong quarantined = new AtomicLong();
        private final LatencyStats.Recorder latencies = new LatencyStats.Recorder();
        private final Thread thread;
        private volatile long firstAt;
        private volatile long firstBatch;
        private volatile long drainedAt;
        private volatile long firstCpu;
        private volatile long drainedCpu;
        private volatile long firstJit;
        private volatile long drainedJit;
        private volatile long latencyFromMs = Long.MAX_VALUE;
        private volatile boolean running = true;
        private volatile Throwable failure;

        /**
         * @param fromEnd count only records written after this call (the outputs' current read_committed end), not
         *                those already there
         */
        OutputWatcher(PhiStreamConfig config, List<String> topics, String quarantineTopic, long drainTarget,
                      boolean fromEnd) {
            Properties p = new Properties();
            p.putAll(config.consumerProperties());
            p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
            p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
            this.consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            this.quarantineTopic = quarantineTopic;
            this.drainTarget = drainTarget;
            this.thread = new Thread(this::loop, "bench-output-watcher");
            this.thread.setDaemon(true);
            // positions are fixed here, before the application starts, so that no output can slip in before them
            List<TopicPartition> partitions = new ArrayList<>();
            for (String t : topics) {
                for (PartitionInfo pi : consumer.partitionsFor(t, Duration.ofSeconds(30))) {
                    partitions.add(new TopicPartition(t, pi.partition()));
                }
            }
            consumer.assign(partitions);
            if (fromEnd) {
                consumer.seekToEnd(partitions);
            } else {
                consumer.seekToBeginning(partitions);
            }
            for (TopicPartition tp : partitions) {
                consumer.position(tp, Duration.ofSeconds(30));
            }
        }

        void start() {
            thread.start();
        }

        private void loop() {
            try {
                // assigned (in the constructor), not subscribed: no group, so no rebalance can reset the position
                // and count records twice (auto commit is off)
                long jitReadAt = 0;
                while (running) {
                    ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(100));
                    if (System.nanoTime() - jitReadAt > 1_000_000_000L) {
                        JitCpu.nanos(); // keeps the time of compiler threads that HotSpot stops (see JitCpu)
                        jitReadAt = System.nanoTime();
                    }
                    if (batch.isEmpty()) {
                        continue;
                    }
                    long nowNs = System.nanoTime();
                    long nowMs = System.currentTimeMillis();
                    long from = latencyFromMs;
                    long q = 0;
                    for (ConsumerRecord<byte[], byte[]> r : batch) {
                        if (r.timestamp() >= from) {
                            latencies.record(nowMs - r.timestamp());
                        }
                        if (r.topic().equals(quarantineTopic)) {
                            q++;
                        }
                    }
                    quarantined.addAndGet(q);
                    // the marks are written before the count that the bench thread waits on, so that once it sees
                    // the target reached it reads them all (it once read the drain's CPU before it was written: 0)
                    long total = count.get() + batch.count();
                    if (firstAt == 0) {
                        firstBatch = batch.count();
                        firstCpu = processCpuNanos();
                        firstJit = JitCpu.nanos();
                        firstAt = nowNs;
                    }
                    if (drainedAt == 0 && total >= drainTarget) {
                        drainedCpu = processCpuNanos();
                        drainedJit = JitCpu.nanos();
                        drainedAt = nowNs;
                    }
                    count.set(total);
                }
            } catch (org.apache.kafka.common.errors.WakeupException e) {
                // closing
            } catch (Throwable t) {
                failure = t;
            }
        }

        long count() {
            return count.get();
        }

        long quarantined() {
            return quarantined.get();
        }

        long firstAt() {
            return firstAt;
        }

        long firstBatch() {
            return firstBatch;
        }

        long drainedAt() {
            return drainedAt;
        }

        /** CPU-seconds of the process between the first output and the drain target: the steady state. */
        double drainCpuSeconds() {
            return (drainedCpu - firstCpu) / 1e9;
        }

        /** CPU-seconds of HotSpot's compilers between the first output and the drain target (part of the CPU above). */
        double drainJitSeconds() {
            return (drainedJit - firstJit) / 1e9;
        }

        boolean alive() {
            if (failure != null) {
                throw new IllegalStateException("the output consumer failed: " + failure.getClass().getName());
            }
            return thread.isAlive();
        }

        void recordLatencyFrom(long epochMs) {
            latencyFromMs = epochMs;
        }

        LatencyStats latency() {
            return latencies.stats();
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            consumer.wakeup();
            thread.join(10_000);
            if (!thread.isAlive()) {
                consumer.close(Duration.ofSeconds(5));
            }
        }
    }

    private static void deleteRecursively(Path dir) {
        try {
            org.apache.kafka.common.utils.Utils.delete(dir.toFile()); // Kafka's own recursive delete
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
