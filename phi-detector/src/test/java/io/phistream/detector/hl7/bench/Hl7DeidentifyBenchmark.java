package io.phistream.detector.hl7.bench;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.parser.GenericModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.config.TinkConfig;
import com.google.crypto.tink.daead.PredefinedDeterministicAeadParameters;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import io.phistream.detector.DetectingScrubber;
import io.phistream.detector.FreeTextScrubber;
import io.phistream.detector.deid.DateShifter;
import io.phistream.detector.deid.KeyedDigest;
import io.phistream.detector.deid.Tokenizer;
import io.phistream.detector.deid.Zip3;
import io.phistream.detector.er7.Er7Exception;
import io.phistream.detector.er7.Er7Message;
import io.phistream.detector.hl7.Hl7Deidentifier;
import io.phistream.detector.hl7.Hl7Outcome;
import io.phistream.detector.hl7.Hl7Policy;
import io.phistream.detector.text.TextPhiDetector;
import io.phistream.synthetic.SyntheticHl7;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Issue 2, Fast path: the whole HL7 de-identification of an ORU^R01 per operation, on one thread; and, to see
 * where the time goes, the lean reader's parse+encode alone and HAPI's parse+encode of the same messages.
 *
 * <p>Messages are generated ORU^R01 vital-sign results. {@code 1k} keeps MSH, PID, OBR and the OBX segments that
 * fit in about 1 KB (the target size); {@code full} is the generated message as is (PV1, ORC and seven or
 * more OBX, about 2.4 KB); {@code mix} is {@code SyntheticHl7.next()}, the message mix {@code phi-stream bench --mix
 * hl7} sends (ADT, ORU vitals and labs, MDM notes). Each operation takes the next of 256 different messages (256 patients), so that
 * neither branch prediction nor a cache sees one input again and again.
 *
 * <p>Run (see README-hl7.md): {@code org.openjdk.jmh.Main Hl7DeidentifyBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s
 * -prof io.phistream.detector.hl7.bench.CpuTimeProfiler}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
public class Hl7DeidentifyBenchmark {

    private static final int POOL = 256;
    private static final int TARGET_CHARS = 1_100;

    @Param({"1k", "full", "mix"})
    public String size;

    /** {@code redact}: whole text fields removed (the pipeline's default); {@code spans}: span-level scrubbing. */
    @Param({"redact"})
    public String text;

    private Hl7Deidentifier deidentifier;
    private PipeParser hapi;
    private String[] messages;
    private int next;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) throws Exception {
        TinkConfig.register();
        Tokenizer tokenizer = Tokenizer.fromKeyset(
                KeysetHandle.generateNew(PredefinedDeterministicAeadParameters.AES256_SIV));
        DateShifter shifter = DateShifter.fromKeyset(
                KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF), 365);
        KeyedDigest digest = new KeyedDigest(KeysetHandle.generateNew(PredefinedMacParameters.HMAC_SHA256_256BITTAG)
                .getPrimitive(RegistryConfiguration.get(), Mac.class));
        FreeTextScrubber scrubber = text.equals("spans")
                ? new DetectingScrubber(TextPhiDetector.builtIn()) : FreeTextScrubber.REDACT_ALL;
        deidentifier = new Hl7Deidentifier(Hl7Policy.builtIn(), tokenizer, shifter, Zip3.defaultUnion(), digest,
                scrubber, Clock.systemUTC());

        HapiContext context = new DefaultHapiContext();
        context.setValidationContext(ValidationContextFactory.noValidation());
        context.setModelClassFactory(new GenericModelClassFactory());
        hapi = context.getPipeParser();

        SyntheticHl7 generator = new SyntheticHl7(1_000L);
        List<String> pool = new ArrayList<>();
        long chars = 0;
        for (int i = 0; i < POOL; i++) {
            String m = switch (size) {
                case "1k" -> trim(generator.oruR01Vitals(generator.patient()).text());
                case "full" -> generator.oruR01Vitals(generator.patient()).text();
                default -> generator.next().text(); // the pipeline benchmark's mix: ADT, ORU vitals and labs, MDM
            };
            if (!(deidentifier.deidentify(m) instanceof Hl7Outcome.Deidentified)) {
                continue; // a quarantined message does less work: measure released ones only
            }
            pool.add(m);
            chars += m.length();
        }
        messages = pool.toArray(String[]::new);
        System.out.printf("%n[%s: %d messages, %d chars on average]%n", size, messages.length,
                chars / messages.length);
        warmUp(params.getBenchmark());
    }

    /**
     * Runs the measured method for two seconds of this thread's CPU time before JMH's own warm-up. The build
     * machine is shared: a few seconds of wall clock can be a fraction of a CPU-second there, too little for
     * the JIT, and the short runs asked for (-wi 2 -w 2s) would then measure interpreted code.
     */
    void warmUp(String benchmark) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long until = threads.getCurrentThreadCpuTime() + 2_000_000_000L;
        while (threads.getCurrentThreadCpuTime() < until) {
            for (int i = 0; i < 50; i++) {
                if (benchmark.endsWith(".deidentify")) {
                    deidentify();
                } else if (benchmark.endsWith(".leanParseEncode")) {
                    leanParseEncode();
                } else {
                    hapiParseEncode();
                }
            }
        }
    }

    /** MSH, PID, OBR and as many OBX as fit in about 1 KB. */
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

    private String nextMessage() {
        String m = messages[next];
        next = next + 1 == messages.length ? 0 : next + 1;
        return m;
    }

    /** The whole de-identification: parse, treat every field, tokenize, shift dates, residual guard, encode. */
    @Benchmark
    public Hl7Outcome deidentify() {
        return deidentifier.deidentify(nextMessage());
    }

    /** The lean ER7 reader and writer alone. */
    @Benchmark
    public String leanParseEncode() throws Er7Exception {
        return Er7Message.parse(nextMessage()).encode();
    }

    /** HAPI's generic model, validation off: the reference the lean reader replaces. */
    @Benchmark
    public String hapiParseEncode() throws HL7Exception {
        return hapi.encode(hapi.parse(nextMessage()));
    }
}
