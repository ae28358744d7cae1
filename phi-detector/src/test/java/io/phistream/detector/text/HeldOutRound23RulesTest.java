package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

/**
 * Rules added after held-out batches 46-49, ICU nursing notes (README-text.md, round 23); one test per rule, on
 * sentences written for these tests, not taken from the batches.
 */
class HeldOutRound23RulesTest {

    @Test
    void givenDottedInitialsOnACensusLine_thenThePatientsInitials() {
        assertThat(values("RN KIM BED 3 R.T. 71F UROSEPSIS", PhiType.NAME)).contains("R.T.");
    }

    @Test
    void givenATownWhereARelativeLivesOrComesFrom_thenAPlace() {
        assertThat(values("SON IN PHOENIX CALLED. NIECE FROM MOBILE VISITING.", PhiType.GEO))
                .containsExactly("PHOENIX", "MOBILE");
        assertThat(values("DAUGHTER IN LAW AT BS. WIFE IN TEARS. SON IN ICU.", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenAGradeOutOfFiveBeforeALimbOrAfterWeaker_thenNoDate() {
        assertThat(values("AREFLEXIC, 3/5 PROX BLE. R ARM WEAKER 4/5.", PhiType.DATE)).isEmpty();
    }

    @Test
    void givenABoatSledOrCarRegistration_thenAVehicle() {
        assertThat(values("SNOWMOBILE REG VT 30917K TOWED.", PhiType.VEHICLE)).isNotEmpty();
        assertThat(values("TOL REG DIET, REG INSULIN 5 UNITS SS.", PhiType.VEHICLE)).isEmpty();
    }

    @Test
    void givenAPhoneNumberInAParenthesisGluedToAName_thenAPhone() {
        assertThat(values("SOCIAL: SISTER MARISOL(617-555-0148) IS HCP.", PhiType.PHONE)).isNotEmpty();
    }

    @Test
    void givenAVoceraNumber_thenAPhone() {
        assertThat(values("CHARGE RN VOCERA 4-7731", PhiType.PHONE)).containsExactly("4-7731");
    }

    @Test
    void givenStrokeSpineAndAuthorizationShorthand_thenNoName() {
        assertThat(values("NIH 9 @0800. TBI W/ DAI. S/P LAMI. NO AUTH NEEDED. PAPI 0.9. S/P BAE.", PhiType.NAME))
                .isEmpty();
    }

    @Test
    void givenInitialsSigningAfterASentenceThatEndsWithAWordOfContext_thenTheInitials() {
        assertThat(values("UPDATE GIVEN TO FAMILY. TM RN", PhiType.NAME)).containsExactly("TM");
        assertThat(values("SPOKE WITH FAMILY. ED RN AWARE. CALLED FAMILY. CHARGE RN AWARE.", PhiType.NAME)).isEmpty();
    }
}
