package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.anyOverlap;
import static io.phistream.detector.text.Spans.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

/** Rules added after the held-out ICU note study (README-text.md, Evaluation); sentences are new, not the study's. */
class IcuNoteRulesTest {

    @Test
    void givenSaintAndAGivenName_whereAPatientComesFrom_thenAFacility_butNotSinusTachOrAStreet() {
        assertThat(values("ADMITTED FROM ST. VINCENTS ED W/ SEPSIS", PhiType.GEO)).containsExactly("ST. VINCENTS");
        assertThat(values("SENT BACK TO ST ANNE'S MANOR", PhiType.GEO)).containsExactly("ST ANNE'S MANOR");
        assertThat(values("HR 110 ST ELEVATION IN V2", PhiType.GEO)).isEmpty();
        assertThat(values("LIVES AT 9 ELM ST JOHN VISITED", PhiType.GEO)).containsExactly("9 ELM ST");
    }

    @Test
    void givenHospitalAcronymsWithMovementContext_thenFacilities_otherwiseNot() {
        assertThat(values("TRANSFERRED FROM BMC FOR ECMO EVAL", PhiType.GEO)).containsExactly("BMC");
        assertThat(values("S/P LAP CHOLE 2 WKS AGO @ NEBH", PhiType.GEO)).containsExactly("NEBH");
        assertThat(values("MGH ED SENT PT UP", PhiType.GEO)).containsExactly("MGH");
        assertThat(values("PT FROM OSH, TX TO ICU, ON BIPAP", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenTheDistinctivePartOfAListedHospitalName_whereAPatientGoes_thenAFacility() {
        assertThat(anyOverlap("PLAN D/C TO BAYSTATE TOMORROW", "BAYSTATE")).isTrue();
        assertThat(values("PLAN D/C TO FLOOR TOMORROW", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenNationalityOrFaithWordsInAFacilityName_thenFacility_butStillNotNamesElsewhere() {
        assertThat(values("ADMITTED FROM HEBREW REHAB W/ UTI", PhiType.GEO)).containsExactly("HEBREW REHAB");
        assertThat(values("PT IS HEBREW SPEAKING, INTERPRETER CALLED", PhiType.GEO)).isEmpty();
        assertThat(values("PT IS HEBREW SPEAKING, INTERPRETER CALLED", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenATownRightAfterAStreetAddress_thenTheTownToo() {
        assertThat(values("FOUND DOWN AT 14 GROVE AVE ROSLINDALE, EMS CALLED", PhiType.GEO))
                .containsExactly("14 GROVE AVE", "ROSLINDALE");
        assertThat(values("LIVES AT 14 GROVE AVE ALONE SINCE WIFE DIED", PhiType.GEO)).containsExactly("14 GROVE AVE");
    }

    @Test
    void givenAResidenceContext_thenAmbiguousStreetSuffixesAndClinicalWordsAreStreets() {
        assertThat(values("PT LIVES ON HIGHLAND ST W/ SON", PhiType.GEO)).containsExactly("HIGHLAND ST");
        assertThat(values("HOME IS A BOARDING HOUSE ON PINK CT", PhiType.GEO)).containsExactly("PINK CT");
        assertThat(values("NEEDS HELP ON STAIRS ST", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenPagerNumbersWithADash_andLetterPrefixedClaimNumbers_thenFound() {
        assertThat(values("RESIDENT PAGED, PAGER 2-6618, NO CALLBACK", PhiType.PHONE)).containsExactly("2-6618");
        assertThat(values("DISABILITY CLAIM # DX-55120-B FILED", PhiType.OTHER_ID)).containsExactly("DX-55120-B");
    }

    @Test
    void givenGestationalAgesAndRoleWords_thenNoDatesOrPlaces() {
        assertThat(values("EX 27 3/7 WK TWIN, NOW DOL 12", PhiType.DATE)).isEmpty();
        assertThat(values("BORN AT 36 2/7 WKS", PhiType.DATE)).isEmpty();
        assertThat(values("CHARGE NURSE AND STATE TROOPER AT BEDSIDE", PhiType.GEO)).isEmpty();
        assertThat(values("WOUND W/ DRAINING STONE, S/P LITHOTRIPSY", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenEponymsNamingScoresAndDevices_thenNotNames() {
        assertThat(values("FINNEGAN SCORES 4-6, WEANING", PhiType.NAME)).isEmpty();
        assertThat(values("PT IN MIAMI-J COLLAR, PHILADELPHIA COLLAR AT BEDSIDE", PhiType.GEO)).isEmpty();
        assertThat(values("HX ALZHEIMER'S, ON ARICEPT", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenARelativeEndingASentence_thenTheNextSentencesFirstWordIsNotTheirName() {
        assertThat(values("Her son is HCP. Elder services will visit.", PhiType.NAME)).isEmpty();
        assertThat(values("pt asked rn to call his daughter", PhiType.NAME)).isEmpty();
        assertThat(values("HCP: DAUGHTER ALICE", PhiType.NAME)).containsExactly("ALICE");
    }

    @Test
    void givenALowerCaseNoteWhoseOnlyCapitalsAreAbbreviations_thenCaseSaysNothingAboutNames() {
        String note = "s/p R crani for ICH, jp drain to bulb. neuro checks q1h, follows commands. SBP goal <140,"
                + " labetalol x1. niece bernadette at bedside most of day, son ken calling tonight.";
        assertThat(values(note, PhiType.NAME)).contains("bernadette", "ken");
    }
}
