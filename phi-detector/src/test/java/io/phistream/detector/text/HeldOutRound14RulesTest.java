package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

/**
 * Rules added after held-out batches 24 and 25 (README-text.md, round 14); one test per rule, on sentences written
 * for these tests, not taken from the batches.
 */
class HeldOutRound14RulesTest {

    @Test
    void givenAHandleAfterASocialMediaWordOrShapedLikeOne_thenAnIdentifier() {
        assertThat(values("Mother found his Instagram account @lilbrayden.wv with photos.", PhiType.OTHER_ID))
                .containsExactly("@lilbrayden.wv");
        assertThat(values("He follows a dealer, @carts_419, on Snapchat.", PhiType.OTHER_ID)).containsExactly("@carts_419");
        assertThat(values("Snapchat: @wrenfield", PhiType.OTHER_ID)).containsExactly("@wrenfield");
    }

    @Test
    void givenAnAtSignForAt_thenNoHandle() {
        assertThat(values("Family @bedside, report given @ 0700, VS @2200.", PhiType.OTHER_ID)).isEmpty();
        assertThat(values("Merlin@home monitor connected.", PhiType.OTHER_ID)).isEmpty();
    }

    @Test
    void givenAnAgencyOrUnitNamedLikeAFacility_thenAPlace() {
        assertThat(values("Referred to Allegheny Ridge Treatment Services for IOP.", PhiType.GEO))
                .containsExactly("Allegheny Ridge Treatment Services");
        assertThat(values("Transferred to Big Sandy Crisis Stabilization Unit overnight.", PhiType.GEO))
                .containsExactly("Big Sandy Crisis Stabilization Unit");
        assertThat(values("Admitted to the Crisis Stabilization Unit; home health services resumed.", PhiType.GEO))
                .isEmpty();
    }

    @Test
    void givenAPersonsLabelAndAFullName_thenTheWholeNameEvenWhenItsWordsAreWords() {
        assertThat(values("Student: Major Quintanilla     Grade 7     Room 12", PhiType.NAME))
                .containsExactly("Major Quintanilla");
        assertThat(values("Client: Honor Vasquez-Bell, DOB on file", PhiType.NAME)).containsExactly("Honor Vasquez-Bell");
    }

    @Test
    void givenAClientOrAPayerOrAGreeting_thenNotAName() {
        assertThat(values("Client's sister may co-sign. Full-scope Medi-Cal active. Hola doctora, gracias.", PhiType.NAME))
                .isEmpty();
    }

    @Test
    void givenANameBeforeEyesOrHair_thenAColour() {
        assertThat(values("Hazel eyes, auburn hair, sclera clear.", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenAnExaminationSignWithItsResult_thenNotAName() {
        assertThat(values("Hips stable, Ortolani/Barlow neg. Kernig negative.", PhiType.NAME)).doesNotContain("Ortolani",
                "Kernig");
        assertThat(values("Daughter Maren Barlow negative for flu.", PhiType.NAME)).containsExactly("Maren Barlow");
    }

    @Test
    void givenAMediCalClientIndexNumber_thenAHealthPlanId() {
        assertThat(values("Coverage under Medi-Cal CIN 93318204A until his own.", PhiType.HEALTH_PLAN))
                .containsExactly("93318204A");
    }

    @Test
    void givenAReportOrIncidentNumber_thenAnIdentifierButNotAClockTime() {
        assertThat(values("Incident # CUSD-HI-25-0877 filed by the nurse.", PhiType.OTHER_ID))
                .containsExactly("CUSD-HI-25-0877");
        assertThat(values("APS report 25-NE-00412 made at 1510.", PhiType.OTHER_ID)).containsExactly("25-NE-00412");
        assertThat(values("RN TOOK REPORT @ 0700.", PhiType.OTHER_ID)).isEmpty();
    }

    @Test
    void givenAGrandparentWordOfAnotherHabit_thenTheWordAfterIsTheirName() {
        assertThat(values("SOCIAL: GRANDMA PRECIOUS AT BEDSIDE, MAMAW OPAL CALLED.", PhiType.NAME))
                .containsExactly("PRECIOUS", "OPAL");
    }

    @Test
    void givenAHolidayByName_thenADate() {
        assertThat(values("Near-drowning on the Fourth of July; fell again on Labor Day.", PhiType.DATE))
                .containsExactly("Fourth of July", "Labor Day");
        assertThat(values("Early labor day 2, cervix 4 cm.", PhiType.DATE)).isEmpty();
    }
}
