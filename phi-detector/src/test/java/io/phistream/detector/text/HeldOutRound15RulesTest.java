package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

/**
 * Rules added after held-out batches 26 and 27 (README-text.md, round 15); one test per rule, on sentences written
 * for these tests, not taken from the batches.
 */
class HeldOutRound15RulesTest {

    @Test
    void givenBadgeMissionAndArrestNumbers_thenIdentifiers() {
        assertThat(values("Trooper on scene (badge 4471); mission KSAM-25-0093; arrest # TPD-25-11872.",
                PhiType.OTHER_ID)).containsExactly("4471", "KSAM-25-0093", "TPD-25-11872");
        assertThat(values("Deputy at bedside, badge D-204.", PhiType.OTHER_ID)).containsExactly("D-204");
    }

    @Test
    void givenALawOfficersTitleAndAnInitial_thenTheOfficersName() {
        assertThat(values("Seen with Deputy K. Harjo; Tpr. Lonnie Beaver took the report.", PhiType.NAME))
                .containsExactly("K. Harjo", "Lonnie Beaver");
        assertThat(values("Pt arrived. DEPUTY T. SPADE ON SCENE, released to father.", PhiType.NAME))
                .containsExactly("T. SPADE");
    }

    @Test
    void givenALanguageNationOrCode_thenNeitherAPersonNorAPlace() {
        assertThat(values("Language: Kiowa and English. Chickasaw citizen. Code Silver called.", PhiType.NAME))
                .isEmpty();
        assertThat(values("Language: Kiowa and English. Chickasaw citizen. Code Silver called.", PhiType.GEO))
                .isEmpty();
    }

    @Test
    void givenAVehicleOrABayAfterANumber_thenNotAPlaceOrName() {
        assertThat(values("Thrown from an 18-WHEELER; taken to Bay 2.", PhiType.GEO)).isEmpty();
        assertThat(values("Thrown from an 18-WHEELER; taken to Bay 2.", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenDottedInitialsWithAgeAndSex_thenAPatientsInitials() {
        assertThat(values("Tumor board: 1. R.T., 58 M, DLBCL. 2. A.J.M., 44 F, AML.", PhiType.NAME))
                .containsExactly("R.T.", "A.J.M.");
        assertThat(values("Dose per U.S. guidance, 12 mg daily.", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenDoseUnitsCodesAndGroupWords_thenNotNames() {
        assertThat(values("60 Gy in 30 fx; IgA nephropathy; Ashkenazi Jewish; Old Order Amish; Kurdish family.",
                PhiType.NAME)).isEmpty();
    }

    @Test
    void givenATrialRegistryNumber_thenNotAnIdentifierButASubjectCodeIs() {
        assertThat(values("Enrolled in NCT05123498; donor ID KLMT218 matched.", PhiType.OTHER_ID))
                .containsExactly("KLMT218");
    }

    @Test
    void givenAFacilityWithHospitalsOrAPracticeWithItsTown_thenAPlace() {
        assertThat(values("Prairie Bend University Hospitals Cancer Genetics - CONSULT", PhiType.GEO))
                .containsExactly("Prairie Bend University Hospitals");
        assertThat(values("Pecan Creek Oncology, Brenham   FOLLOW-UP", PhiType.GEO)).contains("Pecan Creek Oncology");
    }

    @Test
    void givenARuralGridRoad_thenAStreetAddress() {
        assertThat(values("Home at 20417 S 4250 Rd, Claremore 74017.", PhiType.GEO)).contains("20417 S 4250 Rd");
    }

    @Test
    void givenATownTheGazetteerDoesNotListBetweenAFacilityAndItsState_thenAPlace() {
        assertThat(values("Transferred from Saipan Ridge Medical Center, Garapan, Northern Mariana Islands.",
                PhiType.GEO)).contains("Garapan");
        assertThat(values("Seen at Mercy Medical Center, Cardiology, MA today.", PhiType.GEO))
                .containsExactly("Mercy Medical Center");
    }

    @Test
    void givenAListedTownOfColourWordsBeforeItsStateAfterAStreet_thenAPlace() {
        assertThat(values("Mail to 12 Birch Rd, Red Bank NJ 07701 by Friday.", PhiType.GEO)).contains("Red Bank");
    }
}
