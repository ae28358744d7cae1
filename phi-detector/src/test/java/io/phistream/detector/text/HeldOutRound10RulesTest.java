package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

/**
 * Rules added after held-out batches 14, 16 and 17 (README-text.md, "Held-out ICU nursing notes", round 10); one test
 * per rule, on sentences written for these tests, not taken from the batches.
 */
class HeldOutRound10RulesTest {

    @Test
    void givenAShortDateFollowedByWhereItHappened_thenADate() {
        assertThat(values("SCALD BURN 2/11 IN TOLEDO, TO OR TODAY.", PhiType.DATE)).containsExactly("2/11");
        assertThat(values("SLIPPED ON ICE 12-28 AT HOME, HIP FX.", PhiType.DATE)).containsExactly("12-28");
        assertThat(values("TX FROM OSH 11-3 AFTER STEMI, NOW ON HEPARIN.", PhiType.DATE)).containsExactly("11-3");
        assertThat(values("LACERATION 3/4 IN LONG, STERI-STRIPS.", PhiType.DATE)).isEmpty();
        assertThat(values("FELL 2-3 TIMES THIS WEEK.", PhiType.DATE)).isEmpty();
    }

    @Test
    void givenTheEventThatBroughtThePatientInBeforeAShortDate_thenADate() {
        assertThat(values("MVC 6/30, RESTRAINED DRIVER.", PhiType.DATE)).containsExactly("6/30");
        assertThat(values("FOUND DOWN 4-9 BY NEIGHBOR.", PhiType.DATE)).containsExactly("4-9");
    }

    @Test
    void givenANumberOver89RightAfterAPersonsName_thenTheirAge() {
        assertThat(values("Her father, Anselm Brekke, is 93 and still drives.", PhiType.AGE)).containsExactly("93");
        assertThat(values("Mrs. Okonjo, 98, was seen at home today.", PhiType.AGE)).containsExactly("98");
        assertThat(values("Spoke with Dr. Patel, 95% on RA now.", PhiType.AGE)).isEmpty();
        assertThat(values("John Smith, 100 mg daily was started.", PhiType.AGE)).isEmpty();
    }

    @Test
    void givenADrugStemAfterAContextWord_thenNotAName() {
        assertThat(values("HEME DR OYAMA DISCUSSED OBINUTUZUMAB W/ PT.", PhiType.NAME)).containsExactly("OYAMA");
    }

    @Test
    void givenAnAgeBeforeARelative_thenNotAName() {
        assertThat(values("GRANDPA BRINGING 3 YO SISTER AFTER DAYCARE.", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenACountryInLowerCaseAfterAContextWord_thenNotAName() {
        assertThat(values("grandson in the navy called from japan today", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenAServiceBeforeACredential_thenNotAName() {
        assertThat(values("Endo NP Lucero to see in AM for teaching.", PhiType.NAME)).containsExactly("Lucero");
    }

    // added after held-out batches 18 and 19

    @Test
    void givenAQuotedNicknameAfterARelativeAndANameInParentheses_thenBothAreNames() {
        assertThat(values("1300: Aunt \"Dolly\" (Harjeet) arrived with lunch.", PhiType.NAME))
                .containsExactly("Dolly", "Harjeet");
        assertThat(values("daughter says everyone calls him \"chief\" at home", PhiType.NAME)).containsExactly("chief");
        assertThat(values("pt asked rn to call her church in am re: communion", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenAnAgeAfterANicknameInParentheses_thenTheAge() {
        assertThat(values("husband Aron Feld (\"Ari\"), 92, walks with a cane.", PhiType.AGE)).containsExactly("92");
    }

    @Test
    void givenAPossessivePhoneWordAndANumber_thenTheOwnerWhateverTheWord() {
        assertThat(values("Precious's cell 862-555-0184, call after 5.", PhiType.NAME)).containsExactly("Precious's");
    }

    @Test
    void givenALanguageAfterARelativeButACredentialBeforeASurname_thenOnlyTheSurnameIsAName() {
        assertThat(values("mother Spanish only; dad English.", PhiType.NAME)).isEmpty();
        assertThat(values("MD FRENCH NOTIFIED, NO NEW ORDERS.", PhiType.NAME)).containsExactly("FRENCH");
    }

    @Test
    void givenClergyTitles_thenTheirNames() {
        assertThat(values("PT ASKS FOR FR KOWALCZUK FROM THE PARISH.", PhiType.NAME)).containsExactly("KOWALCZUK");
    }

    @Test
    void givenLaboratoryEponymsAndMethods_thenNotNames() {
        assertThat(values("Historical anti-Kell and anti-Fya (Duffy); smear (Wright-Giemsa) reviewed.", PhiType.NAME))
                .isEmpty();
        assertThat(values("88 Hollow Rd, Harlan, KY 40831", PhiType.NAME)).doesNotContain("KY");
    }

    @Test
    void givenAnAcronymInParenthesesAfterAPlace_thenThePlaceThereAndElsewhere() {
        assertThat(values("Seen at Boston Medical Center (BMC) ED, BMC records requested.", PhiType.GEO))
                .contains("BMC");
        assertThat(values("Flown to Elm City Presbyterian (ECP). ECP team aware.", PhiType.GEO))
                .contains("Elm City Presbyterian", "ECP");
    }

    @Test
    void givenAnEventAndWhereItHappenedBeforeAShortDate_thenADate() {
        assertThat(values("91 YO F, FALL AT HOME 10/26, SDH 12MM.", PhiType.DATE)).containsExactly("10/26");
        assertThat(values("AT HOME 2/3 OF THE TIME", PhiType.DATE)).isEmpty();
    }

    // added after held-out batches 20 and 21

    @Test
    void givenAShortDateFollowedByTheSurgeon_thenADate() {
        assertThat(values("PT 78 YO M S/P AVR 8/19 DR KARLSEN. NEURO: SEDATED.", PhiType.DATE)).containsExactly("8/19");
        assertThat(values("0900 SBT 5/5 x 30 min, RSBI 62.", PhiType.DATE)).isEmpty();
    }

    @Test
    void givenUnitsGradesAndWordsThatIntroduceATopic_thenNotNames() {
        assertThat(values("MICU RN NOTE 0700-1900, GRADE III LIVER LAC NON-OP.", PhiType.NAME)).isEmpty();
        assertThat(values("WIFE WANTS TO TALK TO TEAM RE: CODE STATUS.", PhiType.NAME)).isEmpty();
        assertThat(values("BEST FRIEND SCOOTER AT BEDSIDE.", PhiType.NAME)).containsExactly("SCOOTER");
        assertThat(values("resp: 4L np sats 95%. ls dim bases.", PhiType.NAME)).isEmpty();
    }
}
