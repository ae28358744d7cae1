package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

/**
 * Rules added after reading the misses on held-out batches 162-177 (README-text.md, round 36); one test per rule, on
 * sentences written for these tests, not taken from the batches.
 */
class HeldOutRound36RulesTest {

    @Test
    void givenAQuotedWordBetweenANameAndASurname_thenANicknameEvenWhenItIsAWord() {
        assertThat(values("80 yo M, Walter \"Will\" Hartigan, adm 3/3 w/ CHF", PhiType.NAME)).contains("Will");
        assertThat(values("SON GERALD \"BUDDY\" OKAFOR AT BEDSIDE", PhiType.NAME)).contains("BUDDY");
        // a quoted word after a verb stays a word
        assertThat(values("PT SAYS \"WILL\" CALL BACK LATER", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenAShortDateBeforeInAndATownWhoseFirstWordIsAWord_thenADate() {
        assertThat(values("anoxic injury after arrest 2/20 in Fall River, tx here", PhiType.DATE)).containsExactly("2/20");
    }

    @Test
    void givenAShortDateBeforeWhereSomethingHappened_thenADateUnlessItIsAScore() {
        assertThat(values("Found 3/6 in an unheated garage.", PhiType.DATE)).containsExactly("3/6");
        assertThat(values("found down 1/19 in a stairwell off the lobby", PhiType.DATE)).containsExactly("1/19");
        // scores out of 10 or 5, and shares, stay out
        assertThat(values("PAIN 7/10 ON THE STAIRS. STRENGTH 4/5 IN THE CAR. ATE 1/2 IN THE KITCHEN", PhiType.DATE))
                .isEmpty();
    }
}
