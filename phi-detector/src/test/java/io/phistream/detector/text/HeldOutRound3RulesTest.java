package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.anyOverlap;
import static io.phistream.detector.text.Spans.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

/**
 * Rules added after held-out batch 3 (README-text.md, "Held-out ICU nursing notes"); one test per rule, on sentences
 * written for these tests, not taken from the batch.
 */
class HeldOutRound3RulesTest {

    @Test
    void givenAnInLawRelative_thenTheWordAfterIsAName_butNotAModal() {
        assertThat(values("SISTER-IN-LAW PEG AT BEDSIDE", PhiType.NAME)).containsExactly("PEG");
        assertThat(values("SISTER-IN-LAW WILL CALL BACK", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenInitialsClosingALineAfterADash_thenASignOffOrHandOff() {
        assertThat(values("PLAN: CONT ABX. - DK TO LM", PhiType.NAME)).containsExactly("DK", "LM");
        assertThat(values("NO ISSUES OVERNIGHT.\n-JB", PhiType.NAME)).containsExactly("JB");
        assertThat(values("PT AMBULATED - OK", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenAPossessiveOfANameInTheNote_thenTheOwnerIsAName() {
        assertThat(anyOverlap("husband (teodor) called. teodor's cell is off.", "teodor's")).isTrue();
    }

    @Test
    void givenLexiconNamesRightBeforeAGrade_thenAnEponymousScale_butNamesWithContextStay() {
        assertThat(values("SAH, HUNT HESS 2, FISHER 3, EVD OPEN", PhiType.NAME)).isEmpty();
        assertThat(values("Berg 41/56, TUG 14 sec", PhiType.NAME)).isEmpty();
        assertThat(values("DR FISHER 2 DAYS AGO", PhiType.NAME)).containsExactly("FISHER");
        // (Rossi, once found as a name here, is now read as the street's: redacted either way)
        assertThat(values("Lives at 12 Via Rossi 45, Gorizia", PhiType.GEO)).containsExactly("12 Via Rossi 45", "Gorizia");
    }

    @Test
    void givenAClinicalAbbreviationBeforeACredential_thenAServiceNotAName() {
        assertThat(values("ED RN called report at 1400", PhiType.NAME)).isEmpty();
        assertThat(values("PER HOLT (ICU NP) LYTES REPLETED", PhiType.NAME)).containsExactly("HOLT");
        assertThat(values("- M. LONG RN", PhiType.NAME)).containsExactly("M. LONG");
    }

    @Test
    void givenAnAbbreviatedMonthAfterATimePreposition_thenADate_butNotAWordReadingOn() {
        assertThat(values("HAS NOT SEEN PCP SINCE OCT.", PhiType.DATE)).containsExactly("OCT.");
        assertThat(values("ON COUMADIN UNTIL JUN, THEN ASA", PhiType.DATE)).containsExactly("JUN");
        assertThat(values("LAST ADMITTED IN MAY.", PhiType.DATE)).containsExactly("MAY"); // the full stop ends the sentence
        assertThat(values("SHE IN MAY BE DISCHARGED", PhiType.DATE)).isEmpty();
        assertThat(values("DOSE CHECKED IN MAR.", PhiType.DATE)).isEmpty();
    }

    @Test
    void givenADottedMonthDayAfterAStrongDateWord_thenADate_butDecimalsStayNumbers() {
        assertThat(values("PICC INSERTED 4.12 BY IV TEAM", PhiType.DATE)).containsExactly("4.12");
        assertThat(values("K 3.4 REPLETED", PhiType.DATE)).isEmpty();
        assertThat(values("ON 2.5 L NC", PhiType.DATE)).isEmpty();
    }

    @Test
    void givenClinicAndPlacementWordsOrATimeWord_thenShortDates_butScoresStayScores() {
        assertThat(values("F/U CLINIC 4-22 W/ CARDS", PhiType.DATE)).containsExactly("4-22");
        assertThat(values("ON CPAP OVERNIGHT 11/3, TOLERATED", PhiType.DATE)).containsExactly("11/3");
        assertThat(values("APGARS 7/9 AT DELIVERY", PhiType.DATE)).isEmpty();
        assertThat(values("PAIN TODAY 4/10", PhiType.DATE)).isEmpty();
    }

    @Test
    void givenAnOrdinalOver89BeforeBirthday_thenAnAge() {
        assertThat(values("celebrating her 102nd birthday with family", PhiType.AGE)).containsExactly("102");
        assertThat(values("her 80th birthday", PhiType.AGE)).isEmpty();
    }

    @Test
    void givenAnExtensionWrittenWithABareX_thenAPhone_butNotTimesCounts() {
        assertThat(values("call unit clerk x5-1187 with questions", PhiType.PHONE)).containsExactly("x5-1187");
        assertThat(values("IVF bolus x2 given", PhiType.PHONE)).isEmpty();
    }

    @Test
    void givenTwoClockTimesJoinedByADash_thenNoPhone_evenAfterCalled() {
        assertThat(values("RAPID RESPONSE CALLED, 0210-0305 AT BEDSIDE", PhiType.PHONE)).isEmpty();
    }

    @Test
    void givenAPlateAfterTheVehicleWord_thenAVehicleId() {
        assertThat(values("LICENSE PLATE OF HIS TRUCK 4TR-772", PhiType.VEHICLE)).containsExactly("4TR-772");
    }

    @Test
    void givenPracticeAndCommunityClinicHeads_thenFacilities() {
        assertThat(values("PEDIATRICIAN AT WESTFIELD PEDS", PhiType.GEO)).containsExactly("WESTFIELD PEDS");
        assertThat(values("Prenatal care at Quarrytown OB/GYN.", PhiType.GEO)).containsExactly("Quarrytown OB/GYN");
        assertThat(values("PCP AT EAST HILLS FAMILY HEALTH", PhiType.GEO)).containsExactly("EAST HILLS FAMILY HEALTH");
        assertThat(values("Physical Therapy Note - Acute Rehab", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenAStreetWithAnAmbiguousSuffixAfterOn_thenAStreet_butNotATitleOrStairs() {
        assertThat(values("Met him outside the pharmacy on Wexcombe St after lunch.", PhiType.GEO)).containsExactly("Wexcombe St");
        assertThat(values("NEEDS HELP ON STAIRS ST", PhiType.GEO)).isEmpty();
        assertThat(values("if ciwa >15 call dr. haas", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenAOneWordHospitalAfterAVerbOfMovingAPatient_thenAFacility() {
        assertThat(anyOverlap("PT WAS TRANSFERRED TO WINCHESTER FOR CATH", "WINCHESTER")).isTrue();
        assertThat(values("PLAN D/C TO HOME TOMORROW", PhiType.GEO)).isEmpty();
    }
}
