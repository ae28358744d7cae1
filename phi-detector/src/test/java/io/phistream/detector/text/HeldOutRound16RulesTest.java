package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

/**
 * Rules added after held-out batches 28 and 29 (README-text.md, round 16); one test per rule, on sentences written
 * for these tests, not taken from the batches.
 */
class HeldOutRound16RulesTest {

    @Test
    void givenTheVasLastFourAfterItsLabelOrAfterANameWithTheSurnamesInitial_thenAnIdentifier() {
        assertThat(values("Veteran: Amos Pettigrew   Last 4: 6620   PCP: Dr. Ruiz", PhiType.OTHER_ID))
                .containsExactly("6620");
        assertThat(values("Called by Dorsey Whitcomb (W4471) about refills.", PhiType.OTHER_ID))
                .containsExactly("W4471");
        assertThat(values("Temp 38.4 @ 0200; Hb (A1234) pending.", PhiType.OTHER_ID)).isEmpty();
    }

    @Test
    void givenAnAlienRegistrationNumber_thenAnIdentifier() {
        assertThat(values("Released with A# A 215 664 902 and a court date.", PhiType.OTHER_ID))
                .containsExactly("A 215 664 902");
        assertThat(values("Grade A 100 mg daily.", PhiType.OTHER_ID)).isEmpty();
    }

    @Test
    void givenVaMedicalCentersAndStateVeteransHomes_thenFacilities() {
        assertThat(values("Transferred from SATILLA RIVER VAMC to Okefenokee State Veterans Home.", PhiType.GEO))
                .containsExactly("SATILLA RIVER VAMC", "Okefenokee State Veterans Home");
    }

    @Test
    void givenAnUnlistedCapitalisedWordAfterFromOrClosingAClauseAfterIn_thenATownAbroad() {
        assertThat(values("She is a teacher from Quetzaltenango and was held in Xelajuito, then released.",
                PhiType.GEO)).containsExactly("Quetzaltenango", "Xelajuito");
        assertThat(values("Switched from Xarelto to warfarin.", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenALanguageBeforeInterpreterOrAContinent_thenNotAName() {
        assertThat(values("Karen interpreter by video; travelled through Central America.", PhiType.NAME)).isEmpty();
        assertThat(values("Letter from Ines Varela, Esq., counsel.", PhiType.NAME)).containsExactly("Ines Varela");
    }

    @Test
    void givenAnOperationsName_thenNotAName() {
        assertThat(values("Served in Desert Storm and Operation Iraqi Freedom.", PhiType.NAME)).isEmpty();
    }
}
