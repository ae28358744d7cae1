package io.phistream.scoring.news2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phistream.scoring.Band;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The plain-Java NEWS2 against the RCP 2017 chart, row by row. */
class News2ReferenceTest {

    private static VitalSigns normal() {
        return new VitalSigns(16, 97, 1, false, 120, 70, 'A', 37.0);
    }

    @Test
    void givenNormalVitals_whenScored_thenZeroAndLow() {
        News2Result r = News2Reference.score(normal());
        assertThat(r.score()).isZero();
        assertThat(r.band()).isEqualTo(Band.LOW);
        assertThat(r.parameterPoints()).containsOnly(0);
    }

    @ParameterizedTest(name = "rr {0} -> {1}")
    @CsvSource({"0,3", "8,3", "9,1", "11,1", "12,0", "20,0", "21,2", "24,2", "25,3", "40,3"})
    void respirationRateChart(double rr, int points) {
        assertThat(News2Reference.respiration(rr)).isEqualTo(points);
    }

    @ParameterizedTest(name = "spo2 scale 1 {0} -> {1}")
    @CsvSource({"70,3", "91,3", "92,2", "93,2", "94,1", "95,1", "96,0", "100,0"})
    void spo2Scale1Chart(double s, int points) {
        assertThat(News2Reference.spo2Scale1(s)).isEqualTo(points);
    }

    @ParameterizedTest(name = "spo2 scale 2 {0} on oxygen {1} -> {2}")
    @CsvSource({
        "83,false,3", "83,true,3", "84,true,2", "85,false,2", "86,true,1", "87,false,1",
        "88,true,0", "92,true,0", "88,false,0", "92,false,0",
        "93,false,0", "97,false,0", "100,false,0",
        "93,true,1", "94,true,1", "95,true,2", "96,true,2", "97,true,3", "100,true,3"})
    void spo2Scale2Chart(double s, boolean onOxygen, int points) {
        assertThat(News2Reference.spo2Scale2(s, onOxygen)).isEqualTo(points);
    }

    @Test
    void givenScale2AndHighSaturationOnAir_whenScored_thenNoSpo2PointsButScale1WouldAlsoGiveNone() {
        VitalSigns onAir = new VitalSigns(16, 98, 2, false, 120, 70, 'A', 37.0);
        VitalSigns onOxygen = new VitalSigns(16, 98, 2, true, 120, 70, 'A', 37.0);
        assertThat(News2Reference.score(onAir).parameterPoints()[1]).isZero();
        // on oxygen, over-oxygenation on scale 2 scores 3, plus 2 for oxygen itself
        assertThat(News2Reference.score(onOxygen).parameterPoints()).containsExactly(0, 3, 2, 0, 0, 0, 0);
        assertThat(News2Reference.score(onOxygen).score()).isEqualTo(5);
        assertThat(News2Reference.score(onOxygen).band()).isEqualTo(Band.MEDIUM);
    }

    @Test
    void givenScale2LowSaturation_whenScored_thenScoresLessThanScale1() {
        VitalSigns s1 = new VitalSigns(16, 88, 1, false, 120, 70, 'A', 37.0);
        VitalSigns s2 = new VitalSigns(16, 88, 2, false, 120, 70, 'A', 37.0);
        assertThat(News2Reference.score(s1).parameterPoints()[1]).isEqualTo(3);
        assertThat(News2Reference.score(s2).parameterPoints()[1]).isZero();
    }

    @ParameterizedTest(name = "sbp {0} -> {1}")
    @CsvSource({"60,3", "90,3", "91,2", "100,2", "101,1", "110,1", "111,0", "219,0", "220,3"})
    void systolicChart(double sbp, int points) {
        assertThat(News2Reference.systolic(sbp)).isEqualTo(points);
    }

    @ParameterizedTest(name = "hr {0} -> {1}")
    @CsvSource({"30,3", "40,3", "41,1", "50,1", "51,0", "90,0", "91,1", "110,1", "111,2", "130,2", "131,3"})
    void pulseChart(double hr, int points) {
        assertThat(News2Reference.pulse(hr)).isEqualTo(points);
    }

    @ParameterizedTest(name = "temp {0} -> {1}")
    @CsvSource({"34.0,3", "35.0,3", "35.1,1", "36.0,1", "36.1,0", "38.0,0", "38.1,1", "39.0,1", "39.1,2", "41.0,2"})
    void temperatureChart(double t, int points) {
        assertThat(News2Reference.temperature(t)).isEqualTo(points);
    }

    @Test
    void givenValuesBetweenChartRows_whenScored_thenEachRowCountsUpToAndIncludingItsBound() {
        assertThat(News2Reference.respiration(8.5)).isEqualTo(1);
        assertThat(News2Reference.temperature(35.05)).isEqualTo(1);
        assertThat(News2Reference.temperature(38.05)).isEqualTo(1);
    }

    @Test
    void givenOxygenAndConfusion_whenScored_thenTwoAndThreePoints() {
        VitalSigns v = new VitalSigns(16, 97, 1, true, 120, 70, 'C', 37.0);
        assertThat(News2Reference.score(v).parameterPoints()).containsExactly(0, 0, 2, 0, 0, 3, 0);
    }

    @Test
    void givenASingleThreeAndAggregateAtMostFour_whenScored_thenLowMedium() {
        VitalSigns v = new VitalSigns(26, 97, 1, false, 120, 70, 'A', 37.0);
        assertThat(News2Reference.score(v)).isEqualTo(new News2Result(3, Band.LOW_MEDIUM, new int[] {3, 0, 0, 0, 0, 0, 0}));
        VitalSigns four = new VitalSigns(26, 97, 1, false, 120, 95, 'A', 37.0);
        assertThat(News2Reference.score(four).score()).isEqualTo(4);
        assertThat(News2Reference.score(four).band()).isEqualTo(Band.LOW_MEDIUM);
    }

    @Test
    void givenAggregates_whenBanded_thenFiveSixMediumAndSevenHigh() {
        // rr 22 (2) + hr 115 (2) = 4 low; + temp 38.5 (1) = 5 medium; + sbp 105 (1) = 6; + spo2 95 (1) = 7 high
        assertThat(News2Reference.score(new VitalSigns(22, 97, 1, false, 120, 115, 'A', 37.0)).band()).isEqualTo(Band.LOW);
        assertThat(News2Reference.score(new VitalSigns(22, 97, 1, false, 120, 115, 'A', 38.5)).band()).isEqualTo(Band.MEDIUM);
        News2Result six = News2Reference.score(new VitalSigns(22, 97, 1, false, 105, 115, 'A', 38.5));
        assertThat(six.score()).isEqualTo(6);
        assertThat(six.band()).isEqualTo(Band.MEDIUM);
        News2Result seven = News2Reference.score(new VitalSigns(22, 95, 1, false, 105, 115, 'A', 38.5));
        assertThat(seven.score()).isEqualTo(7);
        assertThat(seven.band()).isEqualTo(Band.HIGH);
    }

    @Test
    void givenInvalidInputs_whenConstructed_thenRejectedWithoutEchoingTheValue() {
        assertThatThrownBy(() -> new VitalSigns(16, 97, 3, false, 120, 70, 'A', 37.0))
                .hasMessage("spo2Scale must be 1 or 2");
        assertThatThrownBy(() -> new VitalSigns(16, 97, 1, false, 120, 70, 'X', 37.0))
                .hasMessageNotContaining("X").hasMessageContaining("acvpu");
        assertThatThrownBy(() -> new VitalSigns(Double.NaN, 97, 1, false, 120, 70, 'A', 37.0))
                .hasMessageContaining("rr");
        assertThatThrownBy(() -> new VitalSigns(16, 101, 1, false, 120, 70, 'A', 37.0))
                .hasMessageNotContaining("101");
    }

    @Test
    void givenVitals_whenRoundTrippedThroughFeatures_thenEqualAndInModelOrder() {
        VitalSigns v = new VitalSigns(21, 93, 2, true, 95, 131, 'A', 38.1);
        assertThat(v.toFeatures()).containsExactly(21f, 93f, 2f, 1f, 95f, 131f, 0f, 38.1f);
        assertThat(VitalSigns.fromFeatures(v.toFeatures()).toFeatures()).containsExactly(v.toFeatures());
    }
}
