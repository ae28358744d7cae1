package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

/**
 * Rules added after held-out batch 7 (README-text.md, "Held-out ICU nursing notes", round 6); one test per rule, on
 * sentences written for these tests, not taken from the batch.
 */
class HeldOutRound6RulesTest {

    @Test
    void givenFiveDigitsRightAfterATownWithNoStateBetween_thenAZip() {
        assertThat(values("New address: 19 Pelham Ter, Apt 2, Worcester 01602 as of today.", PhiType.GEO))
                .contains("01602");
        assertThat(values("pt moved to 7 Linden Ave, Somerville, 02144-3310 last month", PhiType.GEO))
                .contains("02144-3310");
        assertThat(values("Lives in Worcester. 01602 units of heparin given", PhiType.GEO)).doesNotContain("01602");
    }

    @Test
    void givenAProperWordBeforeAPossessiveChildrens_thenAChildrensHospital() {
        assertThat(values("Followed at the Shriners Children's burn clinic since age 3.", PhiType.GEO))
                .containsExactly("Shriners Children's");
        assertThat(values("Her daughter's children's school called.", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenAHealthNetworkWithADistinctiveWord_thenAFacility() {
        assertThat(values("Referred to Cooley Dickinson Health Network for therapy.", PhiType.GEO))
                .containsExactly("Cooley Dickinson Health Network");
        assertThat(values("Referred to a behavioral health network for therapy.", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenAnEponymBeforeBody_thenNotAPerson() {
        assertThat(values("Biopsy showed Mallory body inclusions. Son Desmond aware.", PhiType.NAME))
                .containsExactly("Desmond");
    }
}
