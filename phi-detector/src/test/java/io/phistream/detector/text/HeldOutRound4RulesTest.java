package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

/**
 * Rules added after held-out batch 5 (README-text.md, "Held-out ICU nursing notes"); one test per rule, on sentences
 * written for these tests, not taken from the batch.
 */
class HeldOutRound4RulesTest {

    private static final String LOWER_WRITER = "rehab ot note: pt seen for ADLs, min A for LB dressing. pt motivated to go"
            + " home. lives w/ husband norbert at 14 tamarack ln, westford. dtr calls daily. d/c planned w/ Nashoba Home"
            + " Care for HHOT, pending Medicare auth. will cont to follow.";

    @Test
    void givenALowerCaseWriterWithAFewCapitalisedWords_thenLowerCaseNamesAndPlacesAreRead() {
        assertThat(values(LOWER_WRITER, PhiType.NAME)).contains("norbert");
        assertThat(values(LOWER_WRITER, PhiType.GEO)).contains("14 tamarack ln", "westford");
    }

    @Test
    void givenAWriterWhoCapitalisesSentences_thenLowerCaseWordsAfterARelativeStayWords() {
        String text = "Pt seen with Dr. Lowell. She lives with her husband at home in Acton. Daughter visiting today."
                + " Plan reviewed with Nashoba Home Care. Husband aware and agrees.";
        assertThat(values(text, PhiType.NAME)).contains("Lowell")
                .allMatch(v -> Character.isUpperCase(v.charAt(0)), "capitalised");
    }

    @Test
    void givenLettersAndACredentialClosingALineAfterADash_thenASignOffEvenWhenTheLettersSpellAUnit() {
        assertThat(values("tolerated tx well, no c/o pain. -kg pt", PhiType.NAME)).containsExactly("kg");
        assertThat(values("WEIGHT DOWN 2 KG. -MB NP", PhiType.NAME)).containsExactly("MB");
        assertThat(values("weight up - 2 kg today", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenARelativesPossessive_thenTheNextWordIsTheirsNotTheirName() {
        assertThat(values("pt wants to attend her nephew's wedding next wk, sister bella aware",
                PhiType.NAME)).containsExactly("bella");
    }
}
