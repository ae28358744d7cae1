package io.phistream.topology.cli;

import io.phistream.detector.PhiType;
import io.phistream.detector.hl7.Hl7Outcome;
import io.phistream.synthetic.GeneratedMessage;
import io.phistream.synthetic.SyntheticHl7;
import io.phistream.topology.Topics;
import io.phistream.topology.broker.EmbeddedKafka;
import io.phistream.topology.broker.TransactionRetryNoise;
import io.phistream.topology.config.ConfigException;
import io.phistream.topology.config.PhiStreamConfig;
import io.phistream.topology.keys.KeyStore;
import io.phistream.topology.ops.OpsServer;
import io.phistream.topology.ops.OpsSources;
import io.phistream.topology.quality.QualityMetrics;
import io.phistream.topology.stream.AuditProcessor;
import io.phistream.topology.stream.Headers;
import io.phistream.topology.stream.Stages;
import io.phistream.topology.stream.StreamsApp;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code phi-stream demo}: a real single-node Kafka broker in this process, the topics, the topology, and a
 * stream of synthetic (fake) HL7 traffic with a few broken messages, watched live through read_committed
 * consumers. Works with no options on a fresh machine.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run everything in-process on synthetic HL7 traffic and show what comes out.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--duration", defaultValue = "60s", description = "how long to send traffic (default ${DEFAULT-VALUE})")
    String duration;

    @Option(names = "--rate", defaultValue = "200", description = "messages per second (default ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the synthetic traffic")
    long seed;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "configuration key for the demo's pipeline, e.g. text.scrubbing=spans (repeatable)")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--keep", paramLabel = "DIR", description = "keep the broker's data in DIR after the demo")
    Path keep;

    @Option(names = "--http-port", defaultValue = "0",
            description = "port of the ops page on 127.0.0.1 (default: a free port)")
    int httpPort;

    private final PrintStream out = System.out;
    private volatile boolean watching = true;
    private final AtomicLong scores = new AtomicLong();
    private final AtomicLong alerts = new AtomicLong();

    @Override
    public Integer call() throws Exception {
        Duration runFor;
        try {
            runFor = PhiStreamConfig.parseDuration(duration);
        } catch (RuntimeException e) {
            throw new ConfigException("--duration: expected a duration such as 500ms, 30s, 5m");
        }
        if (rate < 1 || rate > 100_000) {
            throw new ConfigException("--rate: expected 1..100000 messages per second");
        }
        CountDownLatch interrupted = new CountDownLatch(1);
        Thread hook = new Thread(interrupted::countDown, "demo-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);

        // settings first: a bad --set fails before a broker has started
        Map<String, String> checked = new HashMap<>(overrides);
        checked.put(PhiStreamConfig.BOOTSTRAP_SERVERS, "127.0.0.1:9092");
        PhiStreamConfig.load(null, Map.of(), checked);
        if (keep != null && Files.isDirectory(keep)) {
            try (java.util.stream.Stream<Path> entries = Files.list(keep)) {
                if (entries.findAny().isPresent()) {
                    // an earlier demo's topics and dedupe state would mix with this one's (its inputs dropped as repeats)
                    throw new ConfigException("--keep: " + keep + " is not empty; give a new or empty folder "
                            + "(serve an earlier demo's data with 'phi-stream broker --data " + keep + "')");
                }
            }
        }
        out.println("phi-stream demo: starting an in-process Kafka broker (single-node KRaft) ...");
        if (keep != null) {
            Files.createDirectories(keep);
        }
        Path state = null;
        try (EmbeddedKafka broker = EmbeddedKafka.start(keep)) {
            state = Files.createTempDirectory("phi-stream-demo-state");
            Map<String, String> settings = new HashMap<>();
            settings.put(PhiStreamConfig.APPLICATION_ID, "phi-stream-demo");
            settings.put(PhiStreamConfig.TOPIC_PARTITIONS, "2");
            settings.put(PhiStreamConfig.TOPIC_REPLICATION_FACTOR, "1");
            settings.putAll(overrides); // e.g. text.scrubbing=spans
            settings.put(PhiStreamConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers()); // the demo's own broker
            settings.put(PhiStreamConfig.STATE_DIR, state.toString());
            PhiStreamConfig config = PhiStreamConfig.load(null, Map.of(), settings);
            Topics topics = new Topics(config);
            broker.createTopics(topics.all(io.phistream.topology.scoring.ScoringStages.routes(config)));
            KeyStore keys = keysFor(keep);
            Stages stages = Stages.create(config, keys);
            out.println("broker " + broker.bootstrapServers() + "; topics created; keys: "
                    + (keep == null ? "a fresh throwaway keyset" : keep.resolve("keys").toString()));

            try (KafkaStreams streams = StreamsApp.create(config, topics, stages);
                 OpsServer ops = OpsServer.startLocal(httpPort, OpsSources.forApp(config, topics, stages, streams)
                         .lagInterval(Duration.ofSeconds(2))
                         .auditCheckpointAge(AuditProcessor::lastCheckpointAge).build())) {
                out.println("ops page: " + ops.url() + "ui   (metrics: " + ops.url() + "metrics)");
                streams.start();
                if (!StreamsApp.awaitRunning(streams, Duration.ofSeconds(60))) {
                    out.println("the topology did not reach RUNNING; state " + streams.state());
                    return PhiStreamCli.FAILURE;
                }
                out.println("topology RUNNING (exactly_once_v2); sending synthetic HL7 at " + rate + " msg/s for "
                        + duration + " (Ctrl-C stops early)");
                return drive(config, topics, stages, runFor, interrupted);
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // already shutting down: nothing to remove
            }
            deleteTree(state); // the streams app and the broker are closed by now
            if (keep != null) {
                out.println("broker data and keys kept in " + keep + "; serve them again and verify the audit log:");
                out.println("  ./phi-stream broker --data " + keep);
                out.println("  ./phi-stream audit verify --bootstrap-servers HOST:PORT --set topic.prefix= "
                        + "--public-keyset " + keep.resolve("keys").resolve(KeyStore.AUDIT_VERIFY_FILE));
            }
        }
    }

    /** Deletes the demo's throwaway state directory (Kafka's own recursive delete); best effort. */
    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try {
            org.apache.kafka.common.utils.Utils.delete(dir.toFile());
        } catch (IOException e) {
            // a directory left in the temporary directory is harmless
        }
    }

    /** Throwaway keys, or with --keep a key store inside DIR so the audit log can be verified afterwards. */
    private static KeyStore keysFor(Path keep) {
        if (keep == null) {
            return KeyStore.ephemeral();
        }
        Path dir = keep.resolve("keys");
        return Files.isDirectory(dir) ? KeyStore.load(dir, null) : KeyStore.init(dir, null);
    }

    private int drive(PhiStreamConfig config, Topics topics, Stages stages, Duration runFor, CountDownLatch stop)
            throws Exception {
        SyntheticHl7 generator = new SyntheticHl7(seed);
        AtomicLong sent = new AtomicLong();
        AtomicLong deid = new AtomicLong();
        AtomicLong quarantined = new AtomicLong();
        AtomicReference<String> sampleIn = new AtomicReference<>();
        AtomicReference<String> sampleId = new AtomicReference<>();
        AtomicReference<String> sampleOut = new AtomicReference<>();

        Thread consumer = new Thread(() -> consume(config, topics, deid, quarantined, sampleId, sampleOut), "demo-consumer");
        consumer.setDaemon(true);
        consumer.start();

        Properties pp = new Properties();
        pp.putAll(config.producerProperties());
        pp.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        pp.put(ProducerConfig.ACKS_CONFIG, "all");
        pp.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        long start = System.nanoTime();
        long end = start + runFor.toNanos();
        long lastStatus = 0;
        boolean tty = System.console() != null;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(pp, new StringSerializer(), new ByteArraySerializer())) {
            long n = 0;
            while (System.nanoTime() < end && stop.getCount() > 0) {
                long due = start + (long) (n * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    if (stop.await(wait, TimeUnit.NANOSECONDS)) {
                        break;
                    }
                }
                byte[] value;
                if (n % 97 == 96) {
                    value = poison(n); // now and then a broken message, to show the quarantine path
                } else {
                    GeneratedMessage m = generator.next();
                    value = m.text().getBytes(StandardCharsets.UTF_8);
                    if (sampleIn.get() == null && m.messageType().startsWith("ORU")) {
                        Hl7Outcome o = stages.hl7().deidentify(m.text());
                        sampleIn.set(m.text());
                        sampleId.set(o.messageId());
                    }
                }
                producer.send(new ProducerRecord<>(topics.ingestHl7v2().name(), null, value));
                n++;
                sent.set(n);
                long now = System.nanoTime();
                if (now - lastStatus > 1_000_000_000L) {
                    lastStatus = now;
                    status(tty, sent.get(), deid.get(), quarantined.get(), duplicates(stages), stages, false);
                }
            }
            producer.flush();
        }
        // let the pipeline drain what was sent
        long drainUntil = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (deid.get() + quarantined.get() + duplicates(stages) < sent.get() && System.nanoTime() < drainUntil) {
            Thread.sleep(200);
        }
        status(tty, sent.get(), deid.get(), quarantined.get(), duplicates(stages), stages, true);
        if (keep != null) {
            // each audit log is sealed by a signed checkpoint at most one interval after its first unsealed record
            // (the punctuator runs every second): wait that long, so that the kept log verifies to its last record
            long sealMs = stages.auditConfig().checkpointIntervalMs() + 2_000;
            out.println("sealing the audit logs (" + sealMs / 1000 + " s: every log ends on a signed checkpoint) ...");
            Thread.sleep(sealMs);
        }
        if (sampleIn.get() != null && sampleOut.get() != null) {
            out.println();
            out.println("--- one message before (synthetic input, fake PHI) ---");
            out.println(sampleIn.get().replace("\r", "\n").strip());
            out.println("--- the same message after (deid.hl7v2) ---");
            out.println(sampleOut.get().replace("\r", "\n").strip());
        }
        out.println();
        // the quality gate's quarantines and the de-identifier's (the pipeline's counters hold both)
        Map<String, Long> reasons = new TreeMap<>();
        stages.metrics().quarantinedByReason().forEach((r, c) -> reasons.merge(r.name(), c, Long::sum));
        out.println("quarantined by reason: " + reasons);
        watching = false; // stop watching before the broker goes away
        consumer.join(10_000);
        long dropped = duplicates(stages);
        boolean complete = deid.get() + quarantined.get() + dropped == sent.get();
        String retries = TransactionRetryNoise.summary();
        if (retries != null) {
            System.err.println(retries);
        }
        out.println(complete ? "every message sent came out exactly once (de-identified or quarantined; "
                + dropped + " repeated inputs dropped as duplicates by the quality gate)"
                : "NOT every message came out: sent " + sent.get() + ", out " + (deid.get() + quarantined.get())
                + ", duplicates dropped " + dropped);
        return complete ? PhiStreamCli.OK : PhiStreamCli.FAILURE;
    }

    private void consume(PhiStreamConfig config, Topics topics, AtomicLong deid, AtomicLong quarantined,
                         AtomicReference<String> sampleId, AtomicReference<String> sampleOut) {
        Properties cp = new Properties();
        cp.putAll(config.consumerProperties());
        cp.put(ConsumerConfig.GROUP_ID_CONFIG, "phi-stream-demo-watcher");
        cp.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(cp, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<String> watched = new java.util.ArrayList<>(List.of(topics.deidHl7v2().name(),
                    topics.quarantine().name(), topics.scores().name()));
            for (String route : io.phistream.topology.scoring.ScoringStages.routes(config)) {
                watched.add(topics.alerts(route).name());
            }
            c.subscribe(watched);
            while (watching) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    if (r.topic().equals(topics.quarantine().name())) {
                        quarantined.incrementAndGet();
                    } else if (r.topic().equals(topics.scores().name())) {
                        scores.incrementAndGet();
                    } else if (!r.topic().equals(topics.deidHl7v2().name())) {
                        alerts.incrementAndGet();
                    } else {
                        deid.incrementAndGet();
                        if (sampleOut.get() == null && sampleId.get() != null
                                && sampleId.get().equals(Headers.get(r.headers(), Headers.MESSAGE_ID))) {
                            sampleOut.set(new String(r.value(), StandardCharsets.UTF_8));
                        }
                    }
                }
            }
        }
    }

    /** Inputs the quality gate recognised as repeats and dropped (counted, audited, never released twice). */
    private static long duplicates(Stages stages) {
        return stages.qualityMetrics().count(QualityMetrics.Decision.DUPLICATE);
    }

    private void status(boolean tty, long sent, long deid, long quarantined, long duplicates, Stages stages,
                        boolean last) {
        StringBuilder phi = new StringBuilder();
        for (Map.Entry<PhiType, Long> e : stages.metrics().phiByType().entrySet()) {
            phi.append(' ').append(e.getKey().name()).append('=').append(e.getValue());
        }
        String line = String.format("in %d | de-identified %d | quarantined %d | duplicates dropped %d | lag %d"
                        + " | NEWS2 scores %d | alerts %d | PHI replaced:%s", sent, deid, quarantined, duplicates,
                Math.max(0, sent - deid - quarantined - duplicates), scores.get(), alerts.get(), phi);
        if (tty && !last) {
            out.print("\r" + line + "   ");
        } else {
            out.println((tty ? "\r" : "") + line);
        }
        out.flush();
    }

    /** Broken inputs of several kinds: truncated, not HL7, invalid UTF-8, empty. */
    private static byte[] poison(long n) {
        return switch ((int) (n / 97 % 4)) {
            case 0 -> "MSH|^~\\&|LAB|".getBytes(StandardCharsets.UTF_8);
            case 1 -> "this is not an HL7 message".getBytes(StandardCharsets.UTF_8);
            case 2 -> new byte[] {'M', 'S', 'H', '|', (byte) 0xC3, (byte) 0x28, '|'};
            default -> new byte[0];
        };
    }
}
