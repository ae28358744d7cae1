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
    void givenANameInAFamilysPlural_whenMatched_thenItsSOrEsEndingCountsAndNoOtherLongerWord() {
        assertThat(ResidualMatch.wholeWordOrPlural("the quillfeathers' dog", 4, "quillfeather")).isTrue();
        assertThat(ResidualMatch.wholeWordOrPlural("visited the joneses.", 12, "jones")).isTrue();
        assertThat(ResidualMatch.wholeWordOrPlural("THE QUILLFEATHERS", 4, "quillfeather")).isTrue();
        assertThat(ResidualMatch.wholeWordOrPlural("smith", 0, "smith")).isTrue();
        assertThat(ResidualMatch.wholeWordOrPlural("smithes", 0, "smith")).isFalse(); // "es" only after a sibilant
        assertThat(ResidualMatch.wholeWordOrPlural("smithers", 0, "smith")).isFalse();
        assertThat(ResidualMatch.wholeWordOrPlural("asmiths", 1, "smith")).isFalse();
        assertThat(ResidualMatch.wholeWordOrPlural("mays1", 0, "may")).isFalse();
    }

    @Test
    void givenANeedleEndingInPunctuation_whenFollowedByALetter_thenItStillCounts() {
        // the needle's own non-word end is its boundary: "o'" inside "o'hara" is found
        assertThat(ResidualMatch.wholeWord("x o'hara", 2, "o'")).isTrue();
        assertThat(ResidualMatch.wholeWord("(555) 1234x", 0, "(555) 1234")).isFalse();
    }

    @Test
    void givenAStreetLineWithAHouseNumberAndASuffix_whenAskedItsOtherForm_thenTheSuffixIsSpelledTheOtherWay() {
        assertThat(ResidualMatch.streetForm(PhiType.GEO, "4417 Marrowbone Lane")).isEqualTo("4417 Marrowbone ln");
        assertThat(ResidualMatch.streetForm(PhiType.GEO, "12 Elm St.")).isEqualTo("12 Elm street");
        // no house number, no suffix, a name, or a number and a suffix alone: nothing as particular as the value
        assertThat(ResidualMatch.streetForm(PhiType.GEO, "Marrowbone Lane")).isNull();
        assertThat(ResidualMatch.streetForm(PhiType.GEO, "4417 Marrowbone Ramp")).isNull();
        assertThat(ResidualMatch.streetForm(PhiType.GEO, "12 Street")).isNull();
        assertThat(ResidualMatch.streetForm(PhiType.NAME, "4417 Marrowbone Lane")).isNull();
    }

    @Test
    void givenAGuardedNumbersDigits_whenTheOutputsRunsAreSearched_thenOnlyAWholeRunCountsAPhoneAlsoAfterItsCodes() {
        String runs = ResidualMatch.digitRuns("ssn 987.65.4329, code 987654329001, call +1 (555) 555-0142 or 555-0142");

        assertThat(ResidualMatch.digitHit(runs, "987654329", PhiType.SSN)).isTrue();
        assertThat(ResidualMatch.digitHit(ResidualMatch.digitRuns("code 987654329001"), "987654329", PhiType.SSN)).isFalse();
        assertThat(ResidualMatch.digitHit(ResidualMatch.digitRuns("+1 (555) 555-0142"), "5555550142", PhiType.PHONE))
                .isTrue();
        assertThat(ResidualMatch.digitHit(ResidualMatch.digitRuns("call 555-0142"), "5555550142", PhiType.PHONE)).isTrue();
        assertThat(ResidualMatch.digitHit(ResidualMatch.digitRuns("1555-0142"), "5555550142", PhiType.PHONE)).isFalse();
        assertThat(ResidualMatch.digitHit(ResidualMatch.digitRuns("id 0077123456"), "77123456", PhiType.MRN)).isTrue();
    }
}
