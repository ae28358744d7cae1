package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

/**
 * Rules added after held-out batch 6 (README-text.md, "Held-out ICU nursing notes", round 5); one test per rule, on
 * sentences written for these tests, not taken from the batch.
 */
class HeldOutRound5RulesTest {

    @Test
    void givenCredentialsListedAfterAName_thenATitleLikeCredentialIntroducesNoName() {
        assertThat(values("Seen by nutrition. Harriet Oyelowo, MS, RD, LDN, ext 4410", PhiType.NAME))
                .containsExactly("Harriet Oyelowo");
        assertThat(values("Seen by Ms. Oyelowo today.", PhiType.NAME)).containsExactly("Oyelowo");
    }

    @Test
    void givenInitialsAndSeveralCredentialsClosingALineAfterADash_thenASignOff() {
        assertThat(values("DRESSING CHANGED, PERIWOUND INTACT.\n- PQ RN CWOCN", PhiType.NAME)).containsExactly("PQ");
        assertThat(values("DRESSING CHANGED, PERIWOUND INTACT.\n- SR RN CCRN", PhiType.NAME)).containsExactly("SR");
        assertThat(values("seen w/ wound team -rn cwocn", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenADoctorsNameBeforeAScoreShapedDate_thenNameAndFollowUpDateAreRead() {
        String text = "outpt note: labs ok, cont meds. f/u w/ dr fairbrother 5/10. call w/ concerns.";
        assertThat(values(text, PhiType.NAME)).containsExactly("fairbrother");
        assertThat(values(text, PhiType.DATE)).containsExactly("5/10");
        assertThat(values("pain 5/10 after dressing change", PhiType.DATE)).isEmpty();
    }

    @Test
    void givenAPatientOrRelativesBareNumberOverEightyNine_thenAnAge() {
        assertThat(values("grandma (94) lives w/ them; pt 92, frail.", PhiType.AGE)).containsExactly("94", "92");
        assertThat(values("PT 95, INR 8.1 on warfarin. HR (102) after ambulation. pt 95% on RA", PhiType.AGE)).isEmpty();
    }

    @Test
    void givenAThreeDigitExtensionClosingAParenthesisAfterAName_thenAPhone() {
        assertThat(values("nursing supervisor (Mirela x318) called back", PhiType.PHONE)).containsExactly("x318");
        assertThat(values("amb x150' w/ RW, then (x100) sit to stand", PhiType.PHONE)).isEmpty();
    }

    @Test
    void givenAnEponymBeforeABreathingPattern_thenNotAPerson() {
        assertThat(values("KUSSMAUL BREATHING NOTED, WIFE ESTELLE AWARE", PhiType.NAME)).containsExactly("ESTELLE");
    }
}
