package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.identifiers;
import static io.phistream.detector.text.Spans.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

/**
 * Rules added after held-out batches 42-45, ICU nursing notes (README-text.md, round 22); one test per rule, on
 * sentences written for these tests, not taken from the batches.
 */
class HeldOutRound22RulesTest {

    @Test
    void givenAChildJustMentionedThenNamed_thenItsGivenName() {
        assertThat(values("TWIN B TO NICU (34WK), NAMED HOPE. DAD AT BS.", PhiType.NAME)).containsExactly("HOPE");
        assertThat(values("BABY BOY BORN 4/9 VIA C/S, NAMED AFTER HIS GRANDFATHER.", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenANumberedRouteAfterAPrepositionOfPlace_thenARoad() {
        assertThat(values("TRUCK VS TREE ON RT 16 NEAR ELKINS.", PhiType.GEO)).contains("RT 16");
        assertThat(values("LIVES OFF ALT 28, NO PHONE. FOUND ON WV-3 AT 0400.", PhiType.GEO))
                .contains("ALT 28", "WV-3");
        assertThat(values("GRANDMA LIVES ON BIA 12 WEST OF TOWN.", PhiType.GEO)).contains("BIA 12");
        assertThat(values("ON RT 2 L NC, OFF RT 3 MM.", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenMCAfterTheWordsOfANameWhereAPatientComesFrom_thenAMedicalCenter() {
        assertThat(values("TX FROM LAUREL FORK MC BY AIR.", PhiType.GEO)).containsExactly("LAUREL FORK MC");
        assertThat(values("R 5TH MC NECK FX, 2ND/3RD MC FX ON XR.", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenAPlaceOfThreeWordsOrMoreAfterAPreposition_thenAPlaceEvenOfOrdinaryWords() {
        assertThat(values("CUTTING TIMBER NEAR BIG STONE GAP YESTERDAY.", PhiType.GEO)).containsExactly("BIG STONE GAP");
    }

    @Test
    void givenANumberedStreetWithoutAHouseNumber_thenAStreet() {
        assertThat(values("GSW ON 14TH AVE ~0200, EMS ON SCENE.", PhiType.GEO)).containsExactly("14TH AVE");
        assertThat(values("TO THE 5TH FLOOR, 2ND ATTEMPT.", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenAFacilityOfOrdinaryWordsAsANotesHeaderField_thenAFacility() {
        assertThat(values("MICU ADMIT NOTE   GOLDEN VALLEY PIONEER HOSPITAL   2/3/2026 0400\nPT FROM HOME.",
                PhiType.GEO)).containsExactly("GOLDEN VALLEY PIONEER HOSPITAL");
        assertThat(values("PICU NPN 1900-0700   3/3   WRCH BED 4 2 YO F", PhiType.GEO)).containsExactly("WRCH");
    }

    @Test
    void givenABedBoardLineWithASurnameAndANumberOverEightyNine_thenAnAge() {
        assertThat(values("PCU 7 HALVORSEN 97 - CHF, LASIX GTT. PCU 8 OKAFOR 64 - DKA.", PhiType.AGE))
                .containsExactly("97");
    }

    @Test
    void givenARelativesAgeInParenthesesOrAfterAt_thenAnAge() {
        assertThat(values("lives w husb (94) in a condo; wife (92, legally blind) visits.", PhiType.AGE))
                .containsExactly("94", "92");
        assertThat(values("Son says at 96 he was still golfing.", PhiType.AGE)).containsExactly("96");
    }

    @Test
    void givenACardiacDeviceOrProcedureBeforeAShortDate_thenADate() {
        assertThat(values("CHB, DUAL-CHAMBER PPM 3/28, PACED 60.", PhiType.DATE)).containsExactly("3/28");
    }

    @Test
    void givenAnaesthesiaAndWoodUnitsShorthand_thenNoName() {
        assertThat(values("TEE BY ANES, PVR 3.1 WU, PER ANES OK TO EXTUBATE.", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenAWordAfterARelativeThatSaysWhatTheyDo_thenNoName() {
        assertThat(values("DAD WORKS NIGHTS. MOM HOPES TO VISIT SAT. DTR SPEAKS FOR FAM.", PhiType.NAME)).isEmpty();
        assertThat(values("SON WILL AT BS. DTR HOPE TO VISIT. WIFE ROSE.", PhiType.NAME))
                .containsExactly("WILL", "HOPE", "ROSE");
    }

    /** False alarms an independent review of rounds 21-22 found, each now a negative case. */
    @Test
    void givenClinicalTextThatLooksLikeTheNewRulesTriggers_thenNothing() {
        assertThat(values("HPI: PLEASANT 80F W/ CHF. ADMIT: FRAIL 92F FROM NH. INTUBATED 62M, SEDATED. BED 4: CACHECTIC 80F.",
                PhiType.NAME)).isEmpty();
        assertThat(values("BED 5 WEIGHT 95 - DIURESE. PCU 12 TEMP 101 - TYLENOL. BED 3 POC 110 - SS. PT TEMP 101, "
                + "TYLENOL. PT (101, INR 9.8). FENTANYL GTT AT 100 HE WAS COMFORTABLE. TF AT 90 HE HAD EMESIS.",
                PhiType.AGE)).isEmpty();
        assertThat(values("WOKE 3-4 NOC, REORIENTED. HAD 3-4 DAY SHIFT EPISODES. WIFE WORKS SAT 7-19. GIVE THE 2ND 1000 "
                + "ML BOLUS. REPEAT THE 3RD 0400 LACTATE. LVAD 9/10 FLOW 4.5.", PhiType.DATE)).isEmpty();
        assertThat(values("ALINE PLACED VIA US 1 ATTEMPT. ON RT 5 OF 25 FRACTIONS. PT ON NC-2. IR ON 2ND PASS. R RING "
                + "FINGER MC FX. WORKED IN COAL MINES. RAISED IN FOSTER CARE. FOLLOWUP WOUND CARE CLINIC.", PhiType.GEO))
                .isEmpty();
        assertThat(values("SIADH - NA 124, ICU TEAM 3/4.\nIMC BED 12 READY 3/4.\nOUTSIDE HOSPITAL - RECORDS, ED 3/4.\n"
                + "STATE HOSPITAL - PSYCH TEAM 3/4 NOTE", PhiType.GEO)).isEmpty();
        assertThat(identifiers("HD RUN 0700-1100, UF 2 L. TPN TO RUN 1800-0600.")).isEmpty();
    }

    @Test
    void givenACensusLineThatEndsTheText_thenStillTheName() {
        assertThat(values("BED 4 HARVEY 62M", PhiType.NAME)).containsExactly("HARVEY");
        assertThat(values("PT KING, DEMETRIUS 45M", PhiType.NAME)).contains("KING", "DEMETRIUS");
    }
}
