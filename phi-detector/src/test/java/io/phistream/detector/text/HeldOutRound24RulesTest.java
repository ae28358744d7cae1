package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

/**
 * Rules added after held-out batches 50-53, ICU nursing notes (README-text.md, round 24); one test per rule, on
 * sentences written for these tests, not taken from the batches.
 */
class HeldOutRound24RulesTest {

    @Test
    void givenAHyphenatedNameOnACensusLineAfterAShift_thenTheName() {
        assertThat(values("5 WEST  3-2-25 NIGHTS YOON, HYE-JIN 71F S/P CRANI", PhiType.NAME)).contains("YOON", "HYE-JIN");
        assertThat(values("PT X-RAY 45M. PT FOLLOW-UP 62F.", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenAnOrdinalStreetAfterAPrepositionOfPlace_thenAStreet() {
        assertThat(values("grew up on 38th St in the city.", PhiType.GEO)).containsExactly("38th St");
        assertThat(values("LIVES W/ SON ON W 71ST ST.", PhiType.GEO)).containsExactly("W 71ST ST");
    }

    @Test
    void givenAHyphenatedNeighbourhoodAfterAStreetAddress_thenAPlace() {
        assertThat(values("LIVES 412 TOMPKINS AVE APT 3 BED-STUY, DTR VISITS.", PhiType.GEO))
                .contains("BED-STUY");
        assertThat(values("LIVES 12 OAK ST X-RAY DONE.", PhiType.GEO)).containsExactly("12 OAK ST");
    }
}
