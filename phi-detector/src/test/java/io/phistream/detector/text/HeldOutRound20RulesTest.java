package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

/**
 * Rules added after held-out batches 36 and 37 (README-text.md, round 20); one test per rule, on sentences written
 * for these tests, not taken from the batches.
 */
class HeldOutRound20RulesTest {

    @Test
    void givenAnInitialAndASurnameBeforeACredentialOrABadge_thenAName() {
        assertThat(values("Call back at 414-555-0102. R. Price, LMSW", PhiType.NAME)).containsExactly("R. Price");
        assertThat(values("DEPUTIES M. OKORO BADGE 2210 AND T. WELLS BADGE 1187 ON SCENE.", PhiType.NAME))
                .contains("M. OKORO", "T. WELLS");
    }

    @Test
    void givenAnInterpretersNumber_thenAnIdentifier() {
        assertThat(values("Somali interpreter SOM-4471 by video.", PhiType.OTHER_ID)).containsExactly("SOM-4471");
    }

    @Test
    void givenAPublicLandSurveyDescription_thenAPlace() {
        assertThat(values("Injured on the pad at Sec 9 T152N R97W, then driven to town.", PhiType.GEO))
                .containsExactly("Sec 9 T152N R97W");
        assertThat(values("Sec 2 of the form; T1 weighted; R2 normal.", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenTheWriterOfAChatMessageAfterItsTime_thenAName() {
        assertThat(values("6:02 am dkw: truck is down\n6:05 am kelsey: ok on my way\n6:07 am staff: noted\n"
                + "6:08 am vitals: ok", PhiType.NAME)).containsExactly("dkw", "kelsey");
        assertThat(values("Sent 4/2/25 6:10 am   subject: refill", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenAnOccupationalHealthClinic_thenAFacility() {
        assertThat(values("Seen at Prairie Bend Occupational Health for the drug screen.", PhiType.GEO))
                .containsExactly("Prairie Bend Occupational Health");
    }
}
