package io.phistream.detector.text.bench;

import io.phistream.detector.text.DetectionContext;
import io.phistream.detector.text.PhiSpan;
import io.phistream.detector.text.TextPhiDetector;
import io.phistream.detector.text.eval.ClinicalNoteGenerator;
import io.phistream.detector.text.eval.GoldDocument;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
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
    private TextPhiDetector detector;
    private List<GoldDocument> notes;
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
        detector = TextPhiDetector.builtIn();
        notes = new ClinicalNoteGenerator(42).generate(500);
    }

    /**
     * Chars per CPU-second of the detecting thread (ThreadMXBean), a per-core figure that stays
     * meaningful when other processes share the 2 cores; JMH's wall-clock figure is the reference.
     */
    public static void main(String[] args) {
        TextPhiDetector d = TextPhiDetector.builtIn();
        List<GoldDocument> notes = new ClinicalNoteGenerator(42).generate(500);
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 10; round++) {
            long chars = 0;
            long cpu0 = mx.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            for (int k = 0; k < 10; k++) {
                for (GoldDocument n : notes) {
                    chars += n.text().length();
                    d.detect(n.text(), DetectionContext.EMPTY);
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
}
