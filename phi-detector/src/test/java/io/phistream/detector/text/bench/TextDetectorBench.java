package io.phistream.detector.text.bench;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.config.TinkConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import io.phistream.detector.PatientMemory;
import io.phistream.detector.deid.KeyedDigest;
import io.phistream.detector.text.DetectionContext;
import io.phistream.detector.text.PhiSpan;
import io.phistream.detector.text.TextPhiDetector;
import io.phistream.detector.text.eval.ClinicalNoteGenerator;
import io.phistream.detector.text.eval.GoldDocument;
import java.security.GeneralSecurityException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Free-text detection throughput on one core: generated clinical notes (ICU nursing notes,
 * discharge summaries, progress notes), one detect() call per note. The "chars" counter divided by
 * the iteration time is chars/s; README-text.md converts to MB/s (UTF-16 chars ~ bytes of ASCII text).
 * Run (a few seconds on 2 shared cores): see phi-detector/README-text.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TextDetectorBench {
    /** With the token model after the rules (the default), or the rules alone. */
    @Param({"true", "false"})
    public boolean tokenModel;

    private TextPhiDetector detector;
    private List<GoldDocument> notes;
    private DetectionContext remembering;
    private int next;

    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Chars {
        public long chars;

        @Setup(Level.Iteration)
        public void reset() {
            chars = 0;
        }
    }

    @Setup
    public void setup() {
        detector = TextPhiDetector.withConfig(TextPhiDetector.Config.DEFAULT.withTokenModel(tokenModel));
        notes = new ClinicalNoteGenerator(42).generate(500);
        remembering = rememberingContext();
    }

    /**
     * A context as the pipeline builds it for a patient with per-patient memory: 24 remembered digests (name parts,
     * relatives, ids, phones, places of earlier messages) and the keyed hash ({@link PatientMemory#keyedHash}) that the detector
     * applies to each of its candidate words and numbers to look them up. None of them occur in the notes, so this
     * measures the lookup's cost, not extra findings.
     */
    static DetectionContext rememberingContext() {
        try {
            TinkConfig.register();
            KeyedDigest digest = new KeyedDigest(KeysetHandle.generateNew(PredefinedMacParameters.HMAC_SHA256_256BITTAG)
                    .getPrimitive(RegistryConfiguration.get(), Mac.class));
            var hash = PatientMemory.keyedHash(digest, "tok-bench-patient");
            Set<String> remembered = new HashSet<>();
            for (int i = 0; i < 8; i++) {
                remembered.add(hash.apply("n:zyxwname" + i));
                remembered.add(hash.apply("i:90000" + i));
                remembered.add(hash.apply("g:zyxwtown" + i));
            }
            return DetectionContext.builder().rememberedDigests(remembered, hash).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create a digest key", e);
        }
    }

    /**
     * Chars per CPU-second of the detecting thread (ThreadMXBean), a per-core figure that stays
     * meaningful when other processes share the 2 cores; JMH's wall-clock figure is the reference.
     */
    public static void main(String[] args) {
        TextPhiDetector d = TextPhiDetector.builtIn();
        List<GoldDocument> notes = new ClinicalNoteGenerator(42).generate(500);
        // "--memory": every note is scrubbed with a patient's remembered digests (the keyed hash per candidate)
        DetectionContext context = args.length > 0 && args[0].equals("--memory") ? rememberingContext()
                : DetectionContext.EMPTY;
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 10; round++) {
            long chars = 0;
            long cpu0 = mx.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            for (int k = 0; k < 10; k++) {
                for (GoldDocument n : notes) {
                    chars += n.text().length();
                    d.detect(n.text(), context);
                }
            }
            double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
            double wall = (System.nanoTime() - wall0) / 1e9;
            System.out.printf(java.util.Locale.ROOT, "round %d: %.2f MB/s per CPU-second, %.2f MB/s wall%n",
                    round, chars / cpu / 1e6, chars / wall / 1e6);
        }
    }

    @Benchmark
    public List<PhiSpan> detectNote(Chars c) {
        GoldDocument d = notes.get(next++ % notes.size());
        c.chars += d.text().length();
        return detector.detect(d.text(), DetectionContext.EMPTY);
    }

    /** The same notes scrubbed with per-patient memory on (see {@link #rememberingContext()}). */
    @Benchmark
    public List<PhiSpan> detectNoteWithMemory(Chars c) {
        GoldDocument d = notes.get(next++ % notes.size());
        c.chars += d.text().length();
        return detector.detect(d.text(), remembering);
    }
}
