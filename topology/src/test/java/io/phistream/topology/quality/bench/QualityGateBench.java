package io.phistream.topology.quality.bench;

import io.phistream.detector.deid.KeyedDigest;
import io.phistream.detector.er7.Er7Message;
import io.phistream.detector.hl7.Hl7Outcome;
import io.phistream.synthetic.GeneratedMessage;
import io.phistream.synthetic.SyntheticHl7;
import io.phistream.topology.config.PhiStreamConfig;
import io.phistream.topology.keys.KeyStore;
import io.phistream.topology.quality.Hl7Rules;
import io.phistream.topology.quality.Hl7Validator;
import io.phistream.topology.quality.QualityGate;
import io.phistream.topology.quality.QualityGateProcessor;
import io.phistream.topology.quality.QualityMetrics;
import io.phistream.topology.quality.Verdict;
import io.phistream.topology.stream.Stages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.StreamsConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The data-quality gate's cost per message against the HL7 de-identification of the same ~1 KB ORU^R01 messages
 * (target: under 10%), built as phi-detector's Hl7DeidentifyBenchmark builds its "1k" messages. Cores: {@code deidentify} vs {@code gateInspect} (decode, parse, validate, dedupe digests) and
 * {@code validateOnly}. Per record, each message new (control id varies): {@code deidStage} (strict decoding and
 * de-identification, the work of Hl7DeidProcessor) vs {@code gateProcessor} (the processor with its RocksDB window
 * store, minus {@code freshMessage}, the cost of making the new message). Commands: topology/README-quality.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class QualityGateBench {

    private Stages stages;
    private QualityGate gate;
    private static final int POOL = 256;
    private static final int TARGET_CHARS = 1_100;

    private String[] texts;
    private byte[][] bytes;
    private Er7Message[] parsed;
    private String[] controlIds;
    private int next;
    private long n;

    private String[] fhirBundles;
    private byte[][] fhirBytes;
    private io.phistream.topology.quality.FhirQualityGate fhirGate;
    private int nextFhir;

    private Processor<String, byte[], String, Object> gateProcessor;
    private MockProcessorContext<String, Object> gateContext;
    private WindowStore<String, byte[]> store;
    private long timestamp = 1_710_000_000_000L;
    private java.nio.file.Path tmp; // the state directories, deleted in tearDown

    /** The gate processor's dedupe store: RocksDB (the default) or in memory (changelogged either way). */
    @org.openjdk.jmh.annotations.Param({"rocksdb"})
    public String dedupeStore;

    /**
     * {@code oru1k}: ORU^R01 vitals trimmed to about 1 KB (as phi-detector's Hl7DeidentifyBenchmark "1k"); {@code mix}:
     * whole messages of the realistic mix {@code phi-stream bench} sends (vitals, labs, ADT, MDM notes; ~2 KB).
     */
    @org.openjdk.jmh.annotations.Param({"oru1k"})
    public String messages;

    /** {@code text.scrubbing}: {@code redact} (the shipped default: whole free-text fields) or {@code spans}. */
    @org.openjdk.jmh.annotations.Param({"redact"})
    public String scrubbing;

    @Setup(Level.Trial)
    public void setup(BenchmarkParams params) throws Exception {
        KeyStore keys = KeyStore.ephemeral();
        tmp = Files.createTempDirectory("quality-bench");
        PhiStreamConfig config = PhiStreamConfig.load(null, Map.of(), Map.of(PhiStreamConfig.BOOTSTRAP_SERVERS,
                "unused:9092", PhiStreamConfig.APPLICATION_ID, "bench",
                PhiStreamConfig.STATE_DIR, Files.createDirectory(tmp.resolve("state")).toString(),
                PhiStreamConfig.TEXT_SCRUBBING, scrubbing));
        stages = Stages.create(config, keys);
        gate = new QualityGate(new Hl7Validator(Hl7Rules.load(Hl7Rules.DEFAULT)), new KeyedDigest(keys.digest()),
                Stages.DEFAULT_MAX_MESSAGE_BYTES);
        // as phi-detector's Hl7DeidentifyBenchmark "1k": generated ORU^R01 vitals trimmed to MSH, PID, OBR and the
        // OBX that fit in about 1 KB; 256 patients, kept when de-identification releases them and the gate passes them
        SyntheticHl7 gen = new SyntheticHl7(1_000L);
        java.util.List<String> pool = new java.util.ArrayList<>();
        java.util.List<String> ids = new java.util.ArrayList<>();
        boolean mix = "mix".equals(messages);
        for (int i = 0; i < POOL; i++) {
            GeneratedMessage m = mix ? gen.next() : gen.oruR01Vitals(gen.patient());
            String t = mix ? m.text() : trim(m.text());
            if (stages.hl7().deidentify(t) instanceof Hl7Outcome.Deidentified
                    && !(gate.inspect(t.getBytes(StandardCharsets.UTF_8)).verdict() instanceof Verdict.Quarantine)
                    && t.contains("|" + m.controlId() + "|")) {
                pool.add(t);
                ids.add(m.controlId());
            }
        }
        if (pool.size() < POOL / 2) {
            throw new IllegalStateException("too few benchmark messages: " + pool.size());
        }
        texts = pool.toArray(String[]::new);
        controlIds = ids.toArray(String[]::new);
        bytes = new byte[texts.length][];
        parsed = new Er7Message[texts.length];
        long chars = 0;
        for (int i = 0; i < texts.length; i++) {
            bytes[i] = texts[i].getBytes(StandardCharsets.UTF_8);
            parsed[i] = Er7Message.parse(texts[i]);
            chars += texts[i].length();
        }
        System.out.printf("%n[%d %s messages, %d chars on average]%n", texts.length, messages, chars / texts.length);

        // the processor with its persistent (RocksDB) window store, called directly: TopologyTestDriver commits
        // (flushes RocksDB) after every record, which a running application does once per commit interval
        QualityGateProcessor.Wiring w = new QualityGateProcessor.Wiring(gate, Duration.ofHours(24), stages.sealer(),
                new QualityMetrics(), QualityGateProcessor.DEFAULT_STORE, "accepted", "quarantine", "p", "v");
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-gate");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        java.io.File stateDir = Files.createDirectory(tmp.resolve("gate")).toFile();
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        gateContext = new MockProcessorContext<>(p, new org.apache.kafka.streams.processor.TaskId(0, 0), stateDir);
        store = ("memory".equals(dedupeStore)
                ? QualityGateProcessor.inMemoryStoreBuilder(QualityGateProcessor.DEFAULT_STORE, Duration.ofHours(24))
                : QualityGateProcessor.storeBuilder(QualityGateProcessor.DEFAULT_STORE, Duration.ofHours(24)))
                .withLoggingDisabled().build(); // the mock context has no changelog
        store.init(gateContext.getStateStoreContext(), store);
        gateContext.addStateStore(store);
        gateContext.setRecordMetadata("ingest", 0, 0);
        gateProcessor = QualityGateProcessor.supplier(w).get();
        gateProcessor.init(gateContext);

        io.phistream.topology.bench.SyntheticFhir fhirGen = new io.phistream.topology.bench.SyntheticFhir(1_000L);
        fhirBundles = new String[64];
        fhirBytes = new byte[fhirBundles.length][];
        for (int i = 0; i < fhirBundles.length; i++) {
            fhirBundles[i] = fhirGen.next().json();
            fhirBytes[i] = fhirBundles[i].getBytes(StandardCharsets.UTF_8);
        }
        fhirGate = new io.phistream.topology.quality.FhirQualityGate(new io.phistream.topology.quality.FhirValidator(
                io.phistream.topology.quality.FhirRules.load(io.phistream.topology.quality.FhirRules.DEFAULT)),
                new KeyedDigest(keys.digest()), Stages.DEFAULT_MAX_MESSAGE_BYTES);
        warmUp(params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1));
    }

    /**
     * Runs the measured operation for 2 s of this thread's CPU time before measuring, so that short runs on a
     * loaded machine measure compiled code (and the JIT's CPU time stays out of the per-operation figure).
     */
    private void warmUp(String benchmark) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long until = mx.getCurrentThreadCpuTime() + 2_000_000_000L;
        while (mx.getCurrentThreadCpuTime() < until) {
            for (int i = 0; i < 100; i++) {
                switch (benchmark) {
                    case "deidentify" -> deidentify();
                    case "deidStage" -> {
                        try {
                            deidStage();
                        } catch (java.nio.charset.CharacterCodingException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    case "gateInspect" -> gateInspect();
                    case "validateOnly" -> validateOnly();
                    case "gateProcessor" -> gateProcessor();
                    case "freshMessage" -> freshMessage();
                    case "decodeAndParse" -> {
                        try {
                            decodeAndParse();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    case "fhirDeidentify" -> fhirDeidentify();
                    case "fhirGateInspect" -> fhirGateInspect();
                    default -> throw new IllegalStateException("no warm-up for " + benchmark);
                }
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws java.io.IOException {
        store.close();
        try (java.util.stream.Stream<java.nio.file.Path> walk = Files.walk(tmp)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The whole HL7 de-identification (parse, treatments, tokens, date shifts, residual guard, encode). */
    @Benchmark
    public Hl7Outcome deidentify() {
        return stages.hl7().deidentify(texts[advance()]);
    }

    /** What the gate computes for a first sighting: UTF-8 decode, parse, validation and both dedupe digests. */
    @Benchmark
    public Object gateInspect() {
        QualityGate.Inspection in = gate.inspect(bytes[advance()]);
        Verdict v = in.verdict();
        return in.fingerprint().length() + in.idKey().length() + v.warnings().size();
    }

    /** The rules alone, on an already parsed message. */
    @Benchmark
    public Verdict validateOnly() {
        return gate.validator().validate(parsed[advance()]);
    }

    /** The de-identification stage's work per record: strict UTF-8 decoding (as Hl7DeidProcessor) and de-identify. */
    @Benchmark
    public Hl7Outcome deidStage() throws java.nio.charset.CharacterCodingException {
        byte[] b = bytes[advance()];
        String t = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(b)).toString();
        return stages.hl7().deidentify(t);
    }

    /** The gate processor per record: inspection, window-store lookup and insert (RocksDB), forward. */
    @Benchmark
    public void gateProcessor() {
        gateProcessor.process(new Record<>(null, fresh(), timestamp++));
        gateContext.resetForwards();
    }

    /**
     * What de-identification no longer does when the gate hands over its work (strict decode and ER7 parse): the
     * gate's net cost is {@code gateProcessor - freshMessage - decodeAndParse}.
     */
    @Benchmark
    public Object decodeAndParse() throws Exception {
        String t = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(bytes[advance()])).toString();
        return io.phistream.detector.er7.Er7Message.parse(t);
    }

    /** The cost of making a fresh message, included in gateProcessor: subtract it. */
    @Benchmark
    public byte[] freshMessage() {
        return fresh();
    }

    /** FHIR de-identification of a small generated Bundle (a Patient and vital-sign Observations, JSON). */
    @Benchmark
    public Object fhirDeidentify() {
        return stages.fhir().deidentify(fhirBundles[advanceFhir()]);
    }

    /** The FHIR gate on the same Bundle: decode, its own JSON parse, the rules, the canonical dedupe digest. */
    @Benchmark
    public Object fhirGateInspect() {
        io.phistream.topology.quality.FhirQualityGate.Inspection in = fhirGate.inspect(fhirBytes[advanceFhir()]);
        return in.verdict().warnings().size() + in.dedupeKey().length();
    }

    private int advanceFhir() {
        int i = nextFhir;
        nextFhir = nextFhir + 1 == fhirBundles.length ? 0 : nextFhir + 1;
        return i;
    }

    private int advance() {
        int i = next;
        next = next + 1 == texts.length ? 0 : next + 1;
        return i;
    }

    /** The next message with a control id never used before, so the gate never sees a duplicate. */
    private byte[] fresh() {
        int i = advance();
        return texts[i].replace("|" + controlIds[i] + "|", "|B" + (n++) + "|").getBytes(StandardCharsets.UTF_8);
    }

    private static String trim(String message) {
        StringBuilder sb = new StringBuilder();
        for (String seg : message.split("\r")) {
            boolean wanted = seg.startsWith("MSH") || seg.startsWith("PID") || seg.startsWith("OBR")
                    || (seg.startsWith("OBX") && sb.length() + seg.length() < TARGET_CHARS);
            if (wanted) {
                sb.append(seg).append('\r');
            }
        }
        return sb.toString();
    }
}
