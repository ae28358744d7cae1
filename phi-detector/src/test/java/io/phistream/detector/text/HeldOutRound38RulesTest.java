package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

/**
 * Rules added after reading the misses on held-out batches 178-193 (README-text.md, round 38); on sentences written
 * for these tests, not taken from the batches.
 */
class HeldOutRound38RulesTest {

    @Test
    void givenALineOfInitialsAndCredentialsAlone_thenTheInitialsSignTheNote() {
        assertThat(Spans.anyOverlap("plan: d/c home tomorrow.\nek rn", "ek")).isTrue();
        assertThat(Spans.anyOverlap("PLAN: HD IN AM.\nQW, RN, CCRN", "QW")).isTrue();
        assertThat(Spans.anyOverlap("plan: rehab.\nS.L., RN", "S.L.")).isTrue();
        assertThat(Spans.anyOverlap("plan: rehab.\n- T.M., RRT", "T.M.")).isTrue();
        // a line of roles or credentials alone, and letters with more after them, sign nothing
        assertThat(values("consults:\nPT OT\nSW CM\nab rn to call family", PhiType.NAME)).isEmpty();
    }
}
