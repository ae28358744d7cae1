package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

/**
 * Rules added after reading the false positives on held-out batches 170-185 (README-text.md, round 37); one test per
 * rule, on sentences written for these tests, not taken from the batches.
 */
class HeldOutRound37RulesTest {

    @Test
    void givenANameThatIsAClinicalWord_whenItComesBackAlone_thenOnlyItsPersonIsRepeated() {
        String note = "CHARGE RN MAUREEN FOLEY ASSISTED. FOLEY DRAINING 30 CC/HR. RN FOLEY AWARE. FOLEY'S SHIFT ENDS 1900.";
        assertThat(values(note, PhiType.NAME)).containsExactly("MAUREEN FOLEY", "FOLEY", "FOLEY'S");
    }

    @Test
    void givenADrainAComaScoreOrFrankness_thenNoName() {
        assertThat(values("Frank called. Jackson-Pratt RLQ 110 ml. Intubated for Glasgow 5; gcs (glasgow) 15. "
                + "Told him to be frank with the family.", PhiType.NAME)).containsExactly("Frank");
    }
}
