package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

/**
 * Rules added after held-out batches 32 and 33 (README-text.md, round 18); one test per rule, on sentences written
 * for these tests, not taken from the batches.
 */
class HeldOutRound18RulesTest {

    @Test
    void givenAnAgencysYearCodedCaseNumber_thenAnIdentifierWithOrWithoutAKeyword() {
        assertThat(values("Complaint log: ENV-26-0412 | rec'd 3/2 | anonymous", PhiType.OTHER_ID))
                .containsExactly("ENV-26-0412");
        assertThat(values("Outbreak GI-NCHD-25-017 closed; lab KB24-M118 pending.", PhiType.OTHER_ID))
                .containsExactly("GI-NCHD-25-017", "KB24-M118");
        assertThat(values("COVID-19 negative, CA-125 rising, ICD-10-CM coded, T12-L1 fusion.", PhiType.OTHER_ID))
                .isEmpty();
    }

    @Test
    void givenAPublicHealthInvestigationsWord_thenTheNumberAfterItIsAnIdentifier() {
        assertThat(values("Investigation 25-00417 opened; event 8812, registry 77104.", PhiType.OTHER_ID))
                .containsExactly("25-00417", "8812", "77104");
        assertThat(values("TELE EVENT 0317: 6-beat run of NSVT.", PhiType.OTHER_ID)).isEmpty();
    }

    @Test
    void givenAnAgeOverEightyNineInATableCellOrAFormColumnAfterAName_thenAnAge() {
        assertThat(values("Contact | Age | Relation\nMarisol Vega Prado | 93 | grandmother", PhiType.AGE))
                .containsExactly("93");
        assertThat(values("Resident: Hollis Brandt, 96   Room: 12B", PhiType.AGE)).containsExactly("96");
        assertThat(values("Vitals | 96 | 18 | 120/80", PhiType.AGE)).isEmpty();
    }

    @Test
    void givenTheTranscribersInitialsAfterADateOrAsALabelledField_thenNames() {
        assertThat(values("Transcribed 04/02/2025 10:15 by kdw   Job 5512904", PhiType.NAME)).containsExactly("kdw");
        assertThat(values("Transcriptionist: lmr  cc: referring office", PhiType.NAME)).containsExactly("lmr");
    }

    @Test
    void givenAPracticesLetterheadFollowedByItsStreetAddress_thenAFacility() {
        assertThat(values("Letter to Dr. Ames\nBrookwood Family Medicine, 118 Main St, Brookwood, AL", PhiType.GEO))
                .contains("Brookwood Family Medicine", "118 Main St");
        assertThat(values("Seen by Family Medicine and Internal Medicine today.", PhiType.GEO)).isEmpty();
    }
}
