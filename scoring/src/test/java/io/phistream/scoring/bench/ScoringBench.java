package io.phistream.scoring.bench;

import io.phistream.scoring.Band;
import io.phistream.scoring.alert.AlertRouter;
import io.phistream.scoring.alert.AlertStateStore;
import io.phistream.scoring.alert.RoutingRules;
import io.phistream.scoring.alert.ScoreEvent;
import io.phistream.scoring.models.BuiltInModels;
import io.phistream.scoring.models.SyntheticVitals;
import io.phistream.scoring.news2.News2Reference;
import io.phistream.scoring.news2.VitalSigns;
import io.phistream.scoring.onnx.OnnxScorer;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Scoring throughput per core (one benchmark thread). One op = one batch, so rows/s = ops/s x batch. The
 * {@code *Latency} benchmarks sample single calls (SampleTime) for p50/p99 in microseconds. Run (a few seconds per benchmark; see scoring/README.md):
 * <pre>
 * ./mvnw -o -q -pl scoring test-compile exec:exec@jmh -Djmh.args="ScoringBench -f 1 -wi 1 -i 2 -w 1s -r 2s"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ScoringBench {

    @Param({"1", "64"})
    public int batch;

    private OnnxScorer news2;
    private OnnxScorer deterioration;
    private float[][][] batches;
    private VitalSigns[][] vitals;
    private int next;
    private AlertRouter router;
    private ScoreEvent[] events;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        news2 = OnnxScorer.open(BuiltInModels.load(BuiltInModels.NEWS2));
        deterioration = OnnxScorer.open(BuiltInModels.load(BuiltInModels.DETERIORATION));
        SplittableRandom r = new SplittableRandom(1);
        batches = new float[16][batch][];
        vitals = new VitalSigns[16][batch];
        for (int b = 0; b < batches.length; b++) {
            for (int i = 0; i < batch; i++) {
                vitals[b][i] = SyntheticVitals.ward(r);
                batches[b][i] = vitals[b][i].toFeatures();
            }
        }
        router = new AlertRouter(RoutingRules.defaults(), AlertStateStore.inMemory());
        events = new ScoreEvent[Band.values().length];
        for (Band band : Band.values()) {
            events[band.ordinal()] = new ScoreEvent("news2", "1.0.0", band.ordinal() * 2, band, false, 0);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        news2.close();
        deterioration.close();
    }

    private int nextIndex() {
        return next = (next + 1) & 15;
    }

    @Benchmark
    public float[][] onnxNews2() {
        return news2.score(batches[nextIndex()]);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public float[][] onnxNews2Latency() {
        return news2.score(batches[nextIndex()]);
    }

    @Benchmark
    public float[][] onnxDeterioration() {
        return deterioration.score(batches[nextIndex()]);
    }

    /** The plain-Java table, for scale. */
    @Benchmark
    public void javaNews2Reference(Blackhole bh) {
        for (VitalSigns v : vitals[nextIndex()]) {
            bh.consume(News2Reference.score(v));
        }
    }

    /** Routing decisions for a batch of scores over 64 patients. */
    @Benchmark
    public void alertRouter(Blackhole bh) {
        int b = nextIndex();
        for (int i = 0; i < batch; i++) {
            bh.consume(router.onScore("p" + ((b * 7 + i) & 63), events[(b + i) & 3], (long) b * 60_000L));
        }
    }
}
