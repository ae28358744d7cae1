package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

/**
 * Rules added after reading the misses on held-out batches 146-201 (README-text.md, round 39); on sentences written
 * for these tests, not taken from the batches.
 */
class HeldOutRound39RulesTest {

    @Test
    void givenASlashedPairWhoseDayIsPast12AfterASettingWord_thenItIsADate() {
        assertThat(values("Resp: CPAP 5/5. Plan SBT 7/19 if secretions allow.", PhiType.DATE)).containsExactly("7/19");
        assertThat(values("Levo weaned, pressors off 2/27.", PhiType.DATE)).containsExactly("2/27");
        assertThat(values("FELL ON THE EVENING OF 11/14 AT HOME.", PhiType.DATE)).containsExactly("11/14");
    }

    @Test
    void givenAScoreOrARangeAfterItsWord_thenThePairStaysAQuantity() {
        assertThat(values("GCS 3/15 on arrival, intubated in the field.", PhiType.DATE)).isEmpty();
        assertThat(values("PAIN RATED 6/20 BY PT.", PhiType.DATE)).isEmpty();
        assertThat(values("CVP 12-14, PAD 20s, on milrinone.", PhiType.DATE)).isEmpty();
        assertThat(values("Vent: AC 450/14/+5/30%, sats 97%.", PhiType.DATE)).isEmpty();
        assertThat(values("BP 88/50 on arrival.", PhiType.DATE)).isEmpty();
    }

    @Test
    void givenAnInterstateWithAWordOfTravel_thenItIsAPlace() {
        assertThat(values("MVC ON I-80 EB NEAR THE RAWLINS EXIT.", PhiType.GEO)).contains("I-80");
        assertThat(values("his dad is driving down i-25 tonight.", PhiType.GEO)).contains("i-25");
        assertThat(values("SON STRANDED, I-94 CLOSED FOR THE STORM.", PhiType.GEO)).contains("I-94");
        assertThat(values("Motorcycle vs guardrail on I-75/85 near the airport.", PhiType.GEO)).contains("I-75/85");
        assertThat(values("Sister driving up US 41 w/ her husband.", PhiType.GEO)).contains("US 41");
    }

    @Test
    void givenAnIsotopeOrAFormNamedLikeAnInterstate_thenItIsNoPlace() {
        assertThat(values("s/p I-131 therapy in 2019, on levothyroxine.", PhiType.GEO)).isEmpty();
        assertThat(values("Started on I-125 seeds protocol.", PhiType.GEO)).isEmpty();
        assertThat(values("Employer has his Form I-9 on file.", PhiType.GEO)).isEmpty();
    }
}
