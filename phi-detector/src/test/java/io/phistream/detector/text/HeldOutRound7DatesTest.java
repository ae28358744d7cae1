package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

/**
 * Date and age rules added after held-out batches 8 and 9 (README-text.md, "Held-out ICU nursing notes", round 7); one
 * test per rule, on sentences written for these tests, not taken from the batches.
 */
class HeldOutRound7DatesTest {

    @Test
    void givenASpelledNumberOverEightyNineWithAnAgeWordAnAgeVerbOrAlonePerAPerson_thenAnAge() {
        assertThat(values("Mr. Abernathy, ninety-six y/o M, DNR/DNI.", PhiType.AGE)).containsExactly("ninety-six");
        assertThat(values("NINETY-FOUR Y.O. F FROM HOME W/ FALL", PhiType.AGE)).containsExactly("NINETY-FOUR");
        assertThat(values("A one hundred and one-year-old woman with CHF.", PhiType.AGE))
                .containsExactly("one hundred and one");
        assertThat(values("Lives with her grandfather (ninety-two) in a duplex.", PhiType.AGE))
                .containsExactly("ninety-two");
        assertThat(values("Aged ninety-seven, still drives. Her sister is ninety.", PhiType.AGE))
                .containsExactly("ninety-seven", "ninety");
        assertThat(values("Eighty-seven y/o F. Walked ninety feet. Infused over ninety minutes.", PhiType.AGE)).isEmpty();
        assertThat(values("Married ninety years ago? No: gave ninety (90) mg; HR is ninety.", PhiType.AGE)).isEmpty();
        assertThat(values("Widow of ninety years of marriage to her late husband.", PhiType.AGE)).isEmpty();
    }

    @Test
    void givenAMonthAloneWithNoPreposition_thenADateOnlyWhenItCannotBeAWord() {
        // months that are no word, anywhere; abbreviations capitalised inside a sentence and closing the phrase
        assertThat(values("Last admission November for a COPD flare.", PhiType.DATE)).containsExactly("November");
        assertThat(values("CLL progression Sept, restaging CT next week.", PhiType.DATE)).containsExactly("Sept");
        assertThat(values("ALL-CAPS NOTE: AML, RELAPSE NOV. NOW ON VENETOCLAX.", PhiType.DATE)).containsExactly("NOV.");
        // "Dec" is also "decreased", "OCT" a scan, "feb" febrile, "May" a modal, "Jan" a given name
        assertThat(values("Lung sounds Dec, will monitor. LS coarse, dec BS at bases.", PhiType.DATE)).isEmpty();
        assertThat(values("BS DEC. UO DEC, LASIX GIVEN. OCT SHOWED EDEMA.", PhiType.DATE)).isEmpty();
        assertThat(values("Pt remains feb. Family May visit. Per daughter Jan, pt slept.", PhiType.DATE)).isEmpty();
        assertThat(values("Relapse Dec, now day +4 of salvage.", PhiType.DATE)).containsExactly("Dec");
    }

    @Test
    void givenAMonthAndAnApostropheTwoDigitYear_thenOneDate() {
        assertThat(values("Sober from Oct '21 until a lapse this spring.", PhiType.DATE)).containsExactly("Oct '21");
        assertThat(values("LAST COLONOSCOPY SEPT. ’20, NORMAL.", PhiType.DATE)).containsExactly("SEPT. ’20");
        assertThat(values("He is 5'11\" and 82 kg; label read '20 mg'.", PhiType.DATE)).isEmpty();
        // a year alone is no Safe Harbor date element; with a time word it is reported like "in 2018"
        assertThat(values("First psych admission in '18 after a loss.", PhiType.DATE)).containsExactly("'18");
    }

    @Test
    void givenAShortDateAfterAMeetingOrAStudyOrBeforeAClinician_thenADate_butScoresStayScores() {
        assertThat(values("Reviewed at cardiac surgery conference 2/10, plan CABG.", PhiType.DATE)).containsExactly("2/10");
        assertThat(values("Renal US 4/12 normal; CXR 4/13 clear.", PhiType.DATE)).containsExactly("4/12", "4/13");
        assertThat(values("Sutures removed 3/10 (Dr. Ames), healing well.", PhiType.DATE)).containsExactly("3/10");
        assertThat(values("At her 1/10 visit BP was fine.", PhiType.DATE)).containsExactly("1/10");
        assertThat(values("Pain 7/10. HA 5/10 (Dr. Ames aware). Fatigue 4/10 by report.", PhiType.DATE)).isEmpty();
        assertThat(values("Pain improved from 9/10 to 2/10 after dilaudid.", PhiType.DATE)).isEmpty();
        assertThat(values("Grip 4/5 normal bulk; hung 1/2 normal saline.", PhiType.DATE)).isEmpty();
        assertThat(values("Pain since 3/10, worse with walking.", PhiType.DATE)).containsExactly("3/10");
    }
}
