package io.phistream.scoring.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phistream.scoring.models.BuiltInModels;
import io.phistream.scoring.models.SyntheticVitals;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OnnxScorerTest {

    private static OnnxScorer news2;

    @BeforeAll
    static void open() throws Exception {
        news2 = OnnxScorer.open(BuiltInModels.load(BuiltInModels.NEWS2));
    }

    @AfterAll
    static void close() {
        news2.close();
    }

    private static float[][] rows(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] x = new float[n][];
        for (int i = 0; i < n; i++) {
            x[i] = SyntheticVitals.broad(r).toFeatures();
        }
        return x;
    }

    @Test
    void givenABatch_whenScored_thenEachRowEqualsScoringItAlone() {
        float[][] x = rows(1, 300);
        float[][] batch = news2.score(x);
        assertThat(news2.columns()).hasSize(9).startsWith("news2", "band", "points_rr");
        for (int i = 0; i < x.length; i++) {
            assertThat(news2.score(x[i])).containsExactly(batch[i]);
        }
    }

    @Test
    void givenBatchesOfDifferentSizesOnOneThread_whenScored_thenReusedBuffersDoNotLeakRows() {
        float[][] big = rows(2, 100);
        float[][] small = {big[0]};
        float[][] first = news2.score(big);
        assertThat(news2.score(small)[0]).containsExactly(first[0]);
        assertThat(news2.score(rows(3, 70_000)).length).isEqualTo(70_000); // beyond the reusable buffer
        assertThat(news2.score(new float[0][])).isEmpty();
    }

    @Test
    void givenManyThreads_whenScoringConcurrently_thenResultsMatchSequentialScoring() throws Exception {
        float[][] x = rows(4, 2000);
        float[][] expected = news2.score(x);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Boolean>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int offset = t;
            futures.add(pool.submit(() -> {
                for (int i = offset; i < x.length; i += 8) {
                    float[][] chunk = {x[i], x[(i + 1) % x.length]};
                    float[][] got = news2.score(chunk);
                    if (!java.util.Arrays.equals(got[0], expected[i])
                            || !java.util.Arrays.equals(got[1], expected[(i + 1) % x.length])) {
                        return false;
                    }
                }
                return true;
            }));
        }
        for (Future<Boolean> f : futures) {
            assertThat(f.get()).isTrue();
        }
        pool.shutdown();
    }

    @Test
    void givenARowOfTheWrongWidth_whenScored_thenRejectedWithoutValues() {
        assertThatThrownBy(() -> news2.score(new float[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row 0 has 3 values, model expects 8");
    }
}
