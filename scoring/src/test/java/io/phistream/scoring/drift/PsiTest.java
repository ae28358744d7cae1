package io.phistream.scoring.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PsiTest {

    @Test
    void givenIdenticalDistributions_whenCompared_thenZero() {
        assertThat(Psi.of(new double[] {0.2, 0.3, 0.5}, new double[] {0.2, 0.3, 0.5})).isZero();
    }

    @Test
    void givenATenPointShiftBetweenTwoBins_whenCompared_thenTheTextbookValue() {
        // (0.6-0.5)ln(0.6/0.5) + (0.4-0.5)ln(0.4/0.5) = 0.1*0.182322 + 0.1*0.223144
        assertThat(Psi.of(new double[] {0.5, 0.5}, new double[] {0.6, 0.4})).isCloseTo(0.0405465, within(1e-6));
    }

    @Test
    void givenUniformReferenceAndSkewedObservation_whenCompared_thenKnownValueInTheMinorBand() {
        // -0.15 ln 0.4 - 0.05 ln 0.8 + 0.05 ln 1.2 + 0.15 ln 1.6
        double psi = Psi.of(new double[] {0.25, 0.25, 0.25, 0.25}, new double[] {0.1, 0.2, 0.3, 0.4});
        assertThat(psi).isCloseTo(0.228218, within(1e-6));
        assertThat(Psi.Level.of(psi)).isEqualTo(Psi.Level.MINOR);
    }

    @Test
    void givenAnEmptyObservedBin_whenCompared_thenEpsilonKeepsItFinite() {
        // bin 2 empty: (1e-4 - 0.5) ln(1e-4 / 0.5) + (0.9999... treated as 1) ...
        double psi = Psi.of(new double[] {0.5, 0.5}, new double[] {1.0, 0.0});
        double expected = (1.0 - 0.5) * Math.log(1.0 / 0.5) + (Psi.EPSILON - 0.5) * Math.log(Psi.EPSILON / 0.5);
        assertThat(psi).isFinite().isCloseTo(expected, within(1e-12)).isGreaterThan(0.25);
        assertThat(Psi.Level.of(psi)).isEqualTo(Psi.Level.MAJOR);
    }

    @Test
    void givenCounts_whenCompared_thenSameAsProportions() {
        assertThat(Psi.ofCounts(new double[] {0.5, 0.5}, new long[] {60, 40}))
                .isCloseTo(Psi.of(new double[] {0.5, 0.5}, new double[] {0.6, 0.4}), within(1e-12));
    }

    @Test
    void givenThresholds_whenLevelled_thenBelowPointOneStableAboveQuarterMajor() {
        assertThat(Psi.Level.of(0.099)).isEqualTo(Psi.Level.STABLE);
        assertThat(Psi.Level.of(0.1)).isEqualTo(Psi.Level.MINOR);
        assertThat(Psi.Level.of(0.25)).isEqualTo(Psi.Level.MINOR);
        assertThat(Psi.Level.of(0.2501)).isEqualTo(Psi.Level.MAJOR);
    }

    @Test
    void givenEdges_whenBinning_thenLowerEdgeInclusiveAndOpenEnds() {
        ReferenceDistribution d = new ReferenceDistribution(new double[] {10, 20}, new double[] {0.2, 0.5, 0.3});
        assertThat(d.bin(-1e9)).isZero();
        assertThat(d.bin(9.99)).isZero();
        assertThat(d.bin(10)).isEqualTo(1);
        assertThat(d.bin(19.99)).isEqualTo(1);
        assertThat(d.bin(20)).isEqualTo(2);
        assertThat(d.bin(1e9)).isEqualTo(2);
        assertThat(Psi.of(d, new double[] {5, 15, 15, 15, 15, 15, 25, 25, 25, 5})).isCloseTo(
                Psi.of(d.proportions(), new double[] {0.2, 0.5, 0.3}), within(1e-12));
    }
}
