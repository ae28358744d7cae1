package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.values;
import static io.phistream.detector.text.Spans.valuesWithModel;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

/**
 * Rules added after reading the misses and false positives on held-out batches 234-237 (README-text.md, round 43); on
 * sentences written for these tests, not taken from the batches.
 */
class HeldOutRound43RulesTest {

    @Test
    void givenAnInitialAndASurnameBeforeAColon_thenTheSurnameIsNoFieldLabel() {
        assertThat(values("Neurosurg NP J. Hartwell: repeat CT at 0600.", PhiType.NAME)).containsExactly("J. Hartwell");
        assertThat(values("Plan: repeat CT at 0600.", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenAnUnlistedWordBeforeTheEmergencyWard_thenItIsAHospital() {
        assertThat(values("ADM 3/6 VIA BRISTOLMERE EW W/ SUBSTERNAL CP.", PhiType.GEO)).containsExactly("BRISTOLMERE");
        assertThat(values("intubated 3-4 in bristolmere ew for apnea.", PhiType.GEO)).containsExactly("bristolmere");
        assertThat(values("Sent from Quarrington ED with K 7.9.", PhiType.GEO)).containsExactly("Quarrington");
        assertThat(values("Taught in person ED follow-up.", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenTheEmergencyWardOrAStateCodeAfterATown_thenTheModelTakesNeitherForAName() {
        assertThat(valuesWithModel("Pump removed in EW, bagged w/ belongings.", PhiType.NAME)).isEmpty();
        assertThat(valuesWithModel("They live in Florence, KY, 20 min away.", PhiType.NAME)).isEmpty();
        assertThat(valuesWithModel("They live in Florence, KY, 20 min away.", PhiType.GEO)).containsExactly("Florence");
    }

    @Test
    void givenACommercialLicenceOrALicenceOfMostlyLetters_thenItIsALicence() {
        assertThat(values("SOCIAL: BUS OPERATOR; CDL G521-447-60-198-0, NOT TO DRIVE.", PhiType.LICENSE))
                .containsExactly("G521-447-60-198-0");
        assertThat(values("ID from WA DL WDLQUINTJ48. Wife at bedside.", PhiType.LICENSE))
                .containsExactly("WDLQUINTJ48");
        assertThat(values("Glucose 112 MG/DL TODAY.", PhiType.LICENSE)).isEmpty();
    }

    @Test
    void givenACgmTransmitterSerial_thenItIsADevice() {
        assertThat(values("CGM TRANSMITTER 8G4K2P LEFT ON, READS HIGH.", PhiType.DEVICE)).containsExactly("8G4K2P");
    }

    @Test
    void givenABirthdayToCome_thenTheAgeIsFound_butATurnOfDegreesIsNot() {
        assertThat(values("She will turn 101 on St. Patrick's Day.", PhiType.AGE)).containsExactly("101");
        assertThat(values("Pt able to turn 90 degrees in bed.", PhiType.AGE)).isEmpty();
    }

    @Test
    void givenANeighbourhoodInBracketsAfterTheTown_thenTheZipAfterItIsFound() {
        assertThat(values("Address: 27 Ashwell Terrace, Dorchester (Fields Corner) 02122. Meds: ASA", PhiType.GEO))
                .contains("02122");
        assertThat(values("Seen at Mercy (Springfield) 10000 units heparin given.", PhiType.GEO))
                .doesNotContain("10000");
    }
}
