package io.phistream.topology.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.audit.AuditVerifier;
import io.phistream.audit.VerifyReport;
import io.phistream.audit.checkpoint.CheckpointVerifier;
import io.phistream.synthetic.SyntheticHl7;
import io.phistream.topology.Topics;
import io.phistream.topology.bench.SyntheticFhir;
import io.phistream.topology.broker.EmbeddedKafka;
import io.phistream.topology.config.PhiStreamConfig;
import io.phistream.topology.keys.KeyStore;
import io.phistream.topology.stream.Headers;
import io.phistream.topology.stream.Stages;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chaos: the topology runs in a separate JVM ({@code phi-stream run --config F}) against a broker in this JVM. While
 * a producer keeps sending HL7 v2, FHIR and broken messages, the topology JVM is killed with SIGKILL several times in
 * the middle of the stream and restarted, and the broker itself is stopped and restarted once on its kept data
 * directory. Afterwards a read_committed reader must find every input's message id exactly once across
 * {@code deid.hl7v2}, {@code deid.fhir} and {@code quarantine}, one audit record per message, and an audit log that
 * verifies against the key store's public keyset.
 */
class ChaosIT {

    private static final int PARTITIONS = 2;
    private static final double RATE = 40; // messages per second
    private static final int KILLS_BEFORE_BROKER_RESTART = 2;
    private static final int KILLS_AFTER_BROKER_RESTART = 1;

    @TempDir
    Path dir;

    private final List<Process> children = new ArrayList<>();

    @Test
    void givenAProducerThatKeepsSending_whenTheTopologyJvmIsKilledRepeatedlyAndTheBrokerRestarts_thenEveryMessageComesOutExactlyOnceAndTheAuditLogVerifies()
            throws Exception {
        Path data = dir.resolve("broker");
        Path keysDir = dir.resolve("keys");
        KeyStore keys = KeyStore.init(keysDir, null);
        Stages stages = Stages.create(PhiStreamConfig.defaults(), keys); // the same keys: the same message ids

        // given: HL7 v2 messages, FHIR Bundles and now and then a broken message, with the id each must come out under
        List<byte[]> inputs = new ArrayList<>();
        List<Boolean> isFhir = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        SyntheticHl7 hl7 = new SyntheticHl7(9_001);
        SyntheticFhir fhir = new SyntheticFhir(9_002);
        for (int i = 0; i < 4_000; i++) {
            boolean f = i % 7 == 3;
            String text = i % 41 == 40 ? "NOT HL7 #" + i : f ? fhir.next().json() : hl7.next().text();
            inputs.add(text.getBytes(StandardCharsets.UTF_8));
            isFhir.add(f);
            ids.add(f ? stages.fhir().deidentify(text).messageId() : stages.hl7().deidentify(text).messageId());
        }

        EmbeddedKafka broker = EmbeddedKafka.start(data);
        try {
            Topics topics = new Topics("", PARTITIONS, (short) 1);
            broker.createTopics(topics.all(io.phistream.topology.scoring.ScoringStages.routes(PhiStreamConfig.defaults())));
            Sender sender = new Sender(topics, inputs, isFhir);
            sender.start(broker.bootstrapServers());
            Process child = startChild(broker.bootstrapServers());
            Random random = new Random(7);
            int kills = 0;

            // when: SIGKILL mid-stream, restart, several times
            child = killAndRestart(child, KILLS_BEFORE_BROKER_RESTART, broker.bootstrapServers(), topics, random);
            kills += KILLS_BEFORE_BROKER_RESTART;
            // and the broker goes down and comes back on its data directory (new ports) while the topology is down
            awaitProgress(broker.bootstrapServers(), topics, child, 30);
            sender.pause();
            kill(child);
            kills++;
            broker.close();
            broker = EmbeddedKafka.start(data);
            sender.start(broker.bootstrapServers());
            child = startChild(broker.bootstrapServers());
            child = killAndRestart(child, KILLS_AFTER_BROKER_RESTART, broker.bootstrapServers(), topics, random);
            kills += KILLS_AFTER_BROKER_RESTART;
            awaitProgress(broker.bootstrapServers(), topics, child, 30);
            sender.pause();
            int sent = sender.sent();
            assertThat(sender.unsent()).as("input sends still failing after being sent again (%d failed once)",
                    sender.failures()).isZero();

            // then: every message sent comes out exactly once, de-identified or quarantined
            Map<String, Integer> expected = new HashMap<>();
            for (int i = 0; i < sent; i++) {
                expected.merge(ids.get(i), 1, Integer::sum);
            }
            String bootstrap = broker.bootstrapServers();
            List<ConsumerRecord<byte[], byte[]>> out = KafkaTestIo.readCommitted(bootstrap,
                    List.of(topics.deidHl7v2().name(), topics.deidFhir().name(), topics.quarantine().name()),
                    got -> got.size() >= sent, Duration.ofSeconds(3), Duration.ofSeconds(90));
            Map<String, Integer> seen = KafkaTestIo.countByHeader(out, Headers.MESSAGE_ID);
            long quarantined = out.stream().filter(r -> r.topic().equals(topics.quarantine().name())).count();
            long fhirOut = out.stream().filter(r -> r.topic().equals(topics.deidFhir().name())).count();
            System.out.printf("ChaosIT: %d sent (%d FHIR), %d SIGKILLs, 1 broker restart; out: %d records, %d distinct "
                            + "ids, %d de-identified FHIR, %d quarantined%n", sent,
                    isFhir.subList(0, sent).stream().filter(b -> b).count(), kills, out.size(), seen.size(), fhirOut,
                    quarantined);
            assertThat(kills).isEqualTo(KILLS_BEFORE_BROKER_RESTART + 1 + KILLS_AFTER_BROKER_RESTART);
            assertThat(sent).as("messages sent across the chaos").isGreaterThan(300);
            assertThat(seen).as("message id -> times seen").isEqualTo(expected);

            // and a clean stop (SIGTERM) ends within the grace period with exit 0, as scripts and systemd expect
            child.destroy();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("stopped within the grace period").isTrue();
            assertThat(child.exitValue()).as("exit code of a clean stop; the log ends:\n%s", tail()).isZero();
            // and the de-identification audit logs hold one record per message (scoring and alerting append their
            // own stages) and everything verifies (signatures, Merkle roots, no gap or fork)
            List<ConsumerRecord<byte[], byte[]>> audit = KafkaTestIo.readAll(bootstrap,
                    List.of(topics.audit().name()), Duration.ofSeconds(3));
            Map<String, Integer> audited = new HashMap<>();
            for (ConsumerRecord<byte[], byte[]> r : audit) {
                String json = new String(r.value(), StandardCharsets.UTF_8);
                if (json.contains("\"kind\":\"record\"") && (json.contains("\"logId\":\"deidentify/")
                        || json.contains("\"logId\":\"quarantine/"))) {
                    audited.merge(json.replaceAll(".*\"messageId\":\"([^\"]+)\".*", "$1"), 1, Integer::sum);
                }
            }
            assertThat(audited).as("audit records per message id").isEqualTo(expected);
            VerifyReport report = new AuditVerifier(new CheckpointVerifier(keys.auditVerifyKeyset()))
                    .verifyRaw(KafkaTestIo.auditEntries(audit));
            System.out.printf("ChaosIT: audit %d entries in %d logs verified: %s%n", audit.size(),
                    report.logs().size(), report.ok());
            assertThat(report.ok()).as(report.render()).isTrue();
        } finally {
            for (Process p : children) {
                p.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // gone before JUnit deletes the directory
            }
            broker.close();
        }
    }

    // ------------------------------------------------------------------------------------------ the topology JVM

    /** {@code times} times: once the child has made progress, SIGKILL it at a random moment and start another. */
    private Process killAndRestart(Process child, int times, String bootstrap, Topics topics, Random random)
            throws Exception {
        for (int k = 0; k < times; k++) {
            awaitProgress(bootstrap, topics, child, 30);
            Thread.sleep(random.nextInt(700));
            kill(child);
            child = startChild(bootstrap);
        }
        return child;
    }

    private Process startChild(String bootstrap) throws IOException {
        Path config = dir.resolve("phi-stream-" + children.size() + ".properties");
        Files.writeString(config, String.join("\n",
                "bootstrap.servers=" + bootstrap,
                "application.id=chaos-it",
                "topic.partitions=" + PARTITIONS,
                "topic.replication.factor=1",
                // one state directory, as a pod's volume: a restart after SIGKILL finds no clean checkpoint and
                // restores the audit log state from its changelog; the same process id fences the old transactions
                "state.dir=" + dir.resolve("state"),
                "commit.interval.ms=100",
                "keys.dir=" + dir.resolve("keys"),
                "kafka.session.timeout.ms=6000",
                "kafka.heartbeat.interval.ms=1000",
                ""), StandardCharsets.UTF_8);
        // the class path in an argument file keeps the command line short (onnxruntime pitfall, BRIEF 7)
        Path argFile = dir.resolve("java-args.txt");
        if (!Files.exists(argFile)) {
            Files.writeString(argFile, "-cp \"" + testClassPath().replace("\\", "\\\\") + "\"\n", StandardCharsets.UTF_8);
        }
        Path log = dir.resolve("child-" + children.size() + ".log");
        // the child's temporary files in the test's directory: onnxruntime extracts its native library (24 MB) to a
        // fresh temporary directory on every start and deletes it only on a normal exit, so each SIGKILL left 24 MB
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + tmp,
                "@" + argFile,
                "io.phistream.topology.cli.PhiStreamCli", "run", "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        children.add(p);
        return p;
    }

    private static String testClassPath() {
        String cp = System.getProperty("surefire.test.class.path");
        if (cp == null || cp.isBlank()) {
            cp = System.getProperty("java.class.path");
        }
        return String.join(File.pathSeparator, cp.split(File.pathSeparator));
    }

    private static void kill(Process p) throws InterruptedException {
        p.destroyForcibly(); // SIGKILL: no shutdown hook, no clean close, open transactions left behind
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    /** Waits until the topology has written {@code records} more output records (committed or not) since now. */
    private void awaitProgress(String bootstrap, Topics topics, Process child, long records) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            long start = outputEnd(admin, topics);
            while (outputEnd(admin, topics) < start + records) {
                if (!child.isAlive()) {
                    throw new AssertionError("the topology JVM exited with " + child.exitValue() + "; see "
                            + dir.resolve("child-" + (children.size() - 1) + ".log") + ":\n" + tail());
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no progress of the topology within 90 s:\n" + tail());
                }
                Thread.sleep(100);
            }
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("child-" + (children.size() - 1) + ".log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static long outputEnd(Admin admin, Topics topics) throws Exception {
        Map<TopicPartition, OffsetSpec> req = new HashMap<>();
        for (String t : List.of(topics.deidHl7v2().name(), topics.deidFhir().name(), topics.quarantine().name())) {
            for (int p = 0; p < PARTITIONS; p++) {
                req.put(new TopicPartition(t, p), OffsetSpec.latest());
            }
        }
        long sum = 0;
        for (var e : admin.listOffsets(req).all().get(30, TimeUnit.SECONDS).values()) {
            sum += e.offset();
        }
        return sum;
    }

    // ------------------------------------------------------------------------------------------------ the producer

    /**
     * Sends the inputs in order at {@link #RATE} on its own thread; pausable across a broker restart. A send the
     * producer gives up on is sent again by a new producer (the gate drops the copy if the first one was written after
     * all): the test is about what the topology does with what the broker accepted, and the input producer itself
     * once hit an out-of-order sequence from a freshly started broker on a loaded CI machine.
     */
    private static final class Sender {
        private final Topics topics;
        private final List<byte[]> inputs;
        private final List<Boolean> isFhir;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger failures = new AtomicInteger();
        private final java.util.Queue<Integer> failed = new java.util.concurrent.ConcurrentLinkedQueue<>();
        private final AtomicReference<Thread> thread = new AtomicReference<>();
        private volatile boolean running;

        Sender(Topics topics, List<byte[]> inputs, List<Boolean> isFhir) {
            this.topics = topics;
            this.inputs = inputs;
            this.isFhir = isFhir;
        }

        void start(String bootstrap) {
            running = true;
            Thread t = new Thread(() -> send(bootstrap), "chaos-sender");
            t.setDaemon(true);
            thread.set(t);
            t.start();
        }

        private void send(String bootstrap) {
            KafkaProducer<byte[], byte[]> p = KafkaTestIo.producer(bootstrap);
            try {
                long start = System.nanoTime();
                long n = 0;
                while (running && next.get() < inputs.size()) {
                    long wait = start + (long) (n * 1e9 / RATE) - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    Integer again = failed.poll();
                    if (again != null) {
                        p.close(Duration.ofSeconds(5)); // after a failure the producer may be unusable: a fresh one
                        p = KafkaTestIo.producer(bootstrap);
                    }
                    send(p, again != null ? again : next.getAndIncrement());
                    n++;
                }
                p.flush();
                // what still failed is sent again, each time by a new producer, before the sender reports itself done
                for (int round = 0; round < 5 && !failed.isEmpty(); round++) {
                    p.close(Duration.ofSeconds(5));
                    p = KafkaTestIo.producer(bootstrap);
                    for (Integer i = failed.poll(); i != null; i = failed.poll()) {
                        send(p, i);
                    }
                    p.flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                p.close(Duration.ofSeconds(5));
            }
        }

        private void send(KafkaProducer<byte[], byte[]> p, int i) {
            String topic = isFhir.get(i) ? topics.ingestFhir().name() : topics.ingestHl7v2().name();
            p.send(new ProducerRecord<>(topic, inputs.get(i)), (md, e) -> {
                if (e != null) {
                    failures.incrementAndGet();
                    failed.add(i);
                }
            });
        }

        /** Stops sending; returns once everything sent so far is acknowledged. */
        void pause() throws InterruptedException {
            running = false;
            Thread t = thread.get();
            // longer than the producer's delivery timeout (120 s): a send still pending then fails (counted) rather
            // than leaving the sender blocked in flush(), as once happened at 60 s on a heavily loaded machine
            t.join(150_000);
            assertThat(t.isAlive()).as("sender stopped").isFalse();
        }

        /** Sends that failed and were not sent again successfully. */
        int unsent() {
            return failed.size();
        }

        int sent() {
            return next.get();
        }

        int failures() {
            return failures.get();
        }
    }
}
