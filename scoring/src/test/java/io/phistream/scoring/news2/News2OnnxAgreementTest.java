package io.phistream.scoring.news2;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.scoring.Band;
import io.phistream.scoring.bundle.ModelManifest;
import io.phistream.scoring.models.BuiltInModels;
import io.phistream.scoring.models.SyntheticVitals;
import io.phistream.scoring.onnx.OnnxScorer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generated NEWS2 ONNX graph must agree with the independent plain-Java table on every input. */
class News2OnnxAgreementTest {

    private static OnnxScorer scorer;
    private static ModelManifest manifest;

    @BeforeAll
    static void open() throws Exception {
        scorer = OnnxScorer.open(BuiltInModels.load(BuiltInModels.NEWS2));
        manifest = scorer.manifest();
    }

    @AfterAll
    static void close() {
        scorer.close();
    }

    // Both sides of every band boundary in the RCP chart, per parameter.
    private static final double[] RR = {8, 9, 11, 12, 20, 21, 24, 25};
    private static final double[] SPO2 = {83, 84, 85, 86, 87, 88, 91, 92, 93, 94, 95, 96, 97};
    private static final double[] SBP = {90, 91, 100, 101, 110, 111, 219, 220};
    private static final double[] HR = {40, 41, 50, 51, 90, 91, 110, 111, 130, 131};
    private static final double[] TEMP = {35.0, 35.1, 36.0, 36.1, 38.0, 38.1, 39.0, 39.1};

    @Test
    void givenEveryCombinationOfBoundaryValues_whenScoredByOnnx_thenAgreesWithReferenceOnScoreBandAndPoints() {
        List<VitalSigns> all = new ArrayList<>();
        for (double rr : RR) {
            for (double spo2 : SPO2) {
                for (int scale = 1; scale <= 2; scale++) {
                    for (boolean o2 : new boolean[] {false, true}) {
                        for (double sbp : SBP) {
                            for (double hr : HR) {
                                for (char acvpu : new char[] {'A', 'P'}) {
                                    for (double temp : TEMP) {
                                        all.add(new VitalSigns(rr, spo2, scale, o2, sbp, hr, acvpu, temp));
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(all.size()).isEqualTo(532_480);
        assertAgreement(all);
    }

    @Test
    void givenEachParameterJustEitherSideOfEachBoundary_whenScored_thenAgreesIncludingValuesBetweenChartRows() {
        VitalSigns base = new VitalSigns(16, 97, 1, false, 120, 70, 'A', 37.0);
        List<VitalSigns> all = new ArrayList<>();
        for (double b : RR) {
            for (double v : around(b)) {
                all.add(new VitalSigns(v, base.spo2(), 1, false, base.sbp(), base.hr(), 'A', base.temp()));
            }
        }
        for (double b : SPO2) {
            for (double v : around(b)) {
                for (int scale = 1; scale <= 2; scale++) {
                    for (boolean o2 : new boolean[] {false, true}) {
                        all.add(new VitalSigns(base.rr(), Math.min(100, v), scale, o2, base.sbp(), base.hr(), 'A', base.temp()));
                    }
                }
            }
        }
        for (double b : SBP) {
            for (double v : around(b)) {
                all.add(new VitalSigns(base.rr(), base.spo2(), 1, false, v, base.hr(), 'A', base.temp()));
            }
        }
        for (double b : HR) {
            for (double v : around(b)) {
                all.add(new VitalSigns(base.rr(), base.spo2(), 1, false, base.sbp(), v, 'A', base.temp()));
            }
        }
        for (double b : TEMP) {
            for (double v : around(b)) {
                all.add(new VitalSigns(base.rr(), base.spo2(), 1, false, base.sbp(), base.hr(), 'A', v));
            }
        }
        for (char c : "ACVPU".toCharArray()) {
            all.add(new VitalSigns(base.rr(), base.spo2(), 1, false, base.sbp(), base.hr(), c, base.temp()));
        }
        assertAgreement(all);
    }

    /** The boundary itself, the next float up and down, and half a unit either side. */
    private static double[] around(double b) {
        float f = (float) b;
        return new double[] {b, Math.nextUp(f), Math.nextDown(f), b - 0.5, b + 0.5, b - 0.05, b + 0.05};
    }

    @Test
    void given100000SeededRandomVitalSetsAtChartResolution_whenScored_thenAllAgree() {
        SplittableRandom r = new SplittableRandom(20170101L);
        assertAgreement(random(100_000, () -> SyntheticVitals.broad(r)));
    }

    @Test
    void given100000SeededRandomContinuousVitalSets_whenScored_thenAllAgree() {
        SplittableRandom r = new SplittableRandom(42L);
        assertAgreement(random(100_000, () -> SyntheticVitals.continuous(r)));
    }

    @Test
    void givenAWardPopulation_whenScored_thenAllBandsOccurAndAgree() {
        SplittableRandom r = new SplittableRandom(7L);
        List<VitalSigns> all = random(20_000, () -> SyntheticVitals.ward(r));
        assertAgreement(all);
        assertThat(all.stream().map(v -> News2Reference.score(v).band()).distinct()).containsExactlyInAnyOrder(Band.values());
    }

    private static List<VitalSigns> random(int n, java.util.function.Supplier<VitalSigns> s) {
        List<VitalSigns> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            all.add(s.get());
        }
        return all;
    }

    /** Scores in batches and compares every row; the reference sees exactly the float values the model sees. */
    private static void assertAgreement(List<VitalSigns> vitals) {
        int news2 = manifest.columnIndex("news2");
        int points = manifest.columnIndex("points_rr");
        int batch = 4096;
        long checked = 0;
        for (int start = 0; start < vitals.size(); start += batch) {
            List<VitalSigns> chunk = vitals.subList(start, Math.min(vitals.size(), start + batch));
            float[][] features = chunk.stream().map(VitalSigns::toFeatures).toArray(float[][]::new);
            float[][] out = scorer.score(features);
            for (int i = 0; i < chunk.size(); i++) {
                VitalSigns asSeen = VitalSigns.fromFeatures(features[i]);
                News2Result expected = News2Reference.score(asSeen);
                float[] row = out[i];
                int[] actualPoints = new int[7];
                for (int p = 0; p < 7; p++) {
                    actualPoints[p] = Math.round(row[points + p]);
                }
                Function<Object, String> where = x -> "row " + Arrays.toString(features[(int) x]);
                int idx = i;
                assertThat(Math.round(row[news2])).as(() -> where.apply(idx)).isEqualTo(expected.score());
                assertThat(manifest.band(row)).as(() -> where.apply(idx)).isEqualTo(expected.band());
                assertThat(actualPoints).as(() -> where.apply(idx)).containsExactly(expected.parameterPoints());
                checked++;
            }
        }
        assertThat(checked).isEqualTo(vitals.size());
    }
}
