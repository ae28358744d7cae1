package io.phistream.detector.deid;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

class ResidualMatchTest {

    @Test
    void givenShortValues_whenJudged_thenOnlyThoseLongEnoughForNoChanceHitsAreSignificant() {
        assertThat(ResidualMatch.significant("Al", PhiType.NAME)).isFalse();
        assertThat(ResidualMatch.significant("Ali", PhiType.NAME)).isTrue();
        assertThat(ResidualMatch.significant("A-1", PhiType.MRN)).isFalse();
        assertThat(ResidualMatch.significant("AB12", PhiType.MRN)).isTrue();
        assertThat(ResidualMatch.significant("123456", PhiType.PHONE)).isFalse();
        assertThat(ResidualMatch.significant("555-1234", PhiType.PHONE)).isTrue();
    }

    @Test
    void givenAnOccurrence_whenInsideALongerWord_thenItIsNotAWholeWord() {
        assertThat(ResidualMatch.wholeWord("met smith today", 4, "smith")).isTrue();
        assertThat(ResidualMatch.wholeWord("smith", 0, "smith")).isTrue();
        assertThat(ResidualMatch.wholeWord("smithers", 0, "smith")).isFalse();
        assertThat(ResidualMatch.wholeWord("asmith", 1, "smith")).isFalse();
    }

    @Test
    void givenANeedleEndingInPunctuation_whenFollowedByALetter_thenItStillCounts() {
        // the needle's own non-word end is its boundary: "o'" inside "o'hara" is found
        assertThat(ResidualMatch.wholeWord("x o'hara", 2, "o'")).isTrue();
        assertThat(ResidualMatch.wholeWord("(555) 1234x", 0, "(555) 1234")).isFalse();
    }
}
