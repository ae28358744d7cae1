package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

/**
 * Rules added after held-out batches 58-61, ICU nursing notes (README-text.md, round 26); one test per rule, on
 * sentences written for these tests, not taken from the batches.
 */
class HeldOutRound26RulesTest {

    @Test
    void givenOneOrdinaryWordOpeningAHeadersFacilityOfGenericWords_thenTheFacility() {
        assertThat(values("LANTERN CITY MEDICAL CENTER MICU NPN 7P-7A", PhiType.GEO))
                .contains("LANTERN CITY MEDICAL CENTER");
        assertThat(values("CCU ADMIT 02/11/2025 ANCHOR COMMUNITY HOSPITAL 77 YOM", PhiType.GEO))
                .contains("ANCHOR COMMUNITY HOSPITAL");
        assertThat(values("NEEDS ACUTE REHAB HOSPITAL. SENT TO CITY GENERAL HOSPITAL.", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenAPersonalCareHome_thenTheFacility() {
        assertThat(values("RESPITE @ MAPLE HOLLOW PERSONAL CARE HOME NEXT WK", PhiType.GEO))
                .contains("MAPLE HOLLOW PERSONAL CARE HOME");
    }

    @Test
    void givenAColourOrEponymSurnameRightAfterABedNumberOnABoard_thenAName() {
        assertThat(values("BED 4 GREEN 77F S/P CEA", PhiType.NAME)).containsExactly("GREEN");
        assertThat(values("CTICU BOARD 5/1\n2 FOLEY 66M POD2 AVR", PhiType.NAME)).contains("FOLEY");
        assertThat(values("BED 2 BROWN 3 WHITE STOOL. BED 5 WEIGHT 95", PhiType.NAME)).isEmpty();
        // (a device's eponym and its French gauge: review of rounds 26-27)
        assertThat(values("2 FOLEY 16F PLACED\nBED 7 SWAN 8F INTRODUCER", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenANumberedListOfPatients_thenTheNamesIncludingHyphenatedOnes() {
        assertThat(values("1. OKAFOR 52M - SEPSIS\n2. GREEN-MATHIS 88F - GIB", PhiType.NAME))
                .contains("OKAFOR", "GREEN-MATHIS");
    }

    @Test
    void givenADateBeforeAPatientsAgeAndSex_thenADate() {
        assertThat(values("NSICU NIGHTS 6/2 38F SAH", PhiType.DATE)).containsExactly("6/2");
        assertThat(values("MICU   NPN DAYS   5/19\n71 YOF, UROSEPSIS", PhiType.DATE)).containsExactly("5/19");
        assertThat(values("CVICU 7-8 NOC 64M CABG X3", PhiType.DATE)).containsExactly("7-8");
    }

    @Test
    void givenANamedRelativeInATownOrHomeNearATown_thenTheTown() {
        assertThat(values("SON JOE IN LIBERTY, CALLS NIGHTLY", PhiType.GEO)).contains("LIBERTY");
        assertThat(values("FARM HOME NEAR CASCADE, WIFE DRIVING", PhiType.GEO)).contains("CASCADE");
        assertThat(values("PT WENT HOME TO REST. SON JOE IN BED.", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenAnInterpretersCodeAfterInterp_thenAnId() {
        assertThat(values("POLISH INTERP POL-5512 PRESENT", PhiType.OTHER_ID)).containsExactly("POL-5512");
        assertThat(values("VIA INTERP 2X TODAY, INTERP 15 MIN", PhiType.OTHER_ID)).isEmpty();
        // (a clock time or a gas after INTERP: review of rounds 26-27)
        assertThat(values("SPANISH INTERP 1430 FOR CONSENT. ABG INTERP 7.21/55/60", PhiType.OTHER_ID)).isEmpty();
    }

    @Test
    void givenTheEndOfARangeOfDates_thenADateToo() {
        assertThat(values("ON BIPAP 3/9-3/10, OFF SINCE", PhiType.DATE)).contains("3/10");
        assertThat(values("GIVE 1/2-3/4 TAB", PhiType.DATE)).isEmpty();
        // (only an end later than the start and within a month: review of rounds 26-27)
        assertThat(values("WEANED 2/28-3/2 OFF", PhiType.DATE)).contains("3/2");
        assertThat(values("MAP 2/3-3/4 OF TIME", PhiType.DATE)).doesNotContain("3/4");
    }

    @Test
    void givenAHospitalsAcronymOpeningANotesFirstLineOrAfterItsUnit_thenTheFacility() {
        assertThat(values("TVMC PICU  3/3/25 B2 ANYA 6 F", PhiType.GEO)).contains("TVMC");
        assertThat(values("4/1/25 NICU SJCH BG LOPEZ 30 WK", PhiType.GEO)).contains("SJCH");
        assertThat(values("SMS from client 3/4 logged", PhiType.GEO)).isEmpty();
    }
}
