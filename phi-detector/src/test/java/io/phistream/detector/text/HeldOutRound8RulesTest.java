package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

/**
 * Name rules added after held-out batch 11 (README-text.md, "Held-out ICU nursing notes", round 8); one test per rule,
 * on sentences written for these tests, not taken from the batch.
 */
class HeldOutRound8RulesTest {

    @Test
    void givenAQuotedHyphenatedNicknameAfterANameWithASuffix_thenANickname() {
        assertThat(values("Contacts: son Rogelio Jr. (\"Jun-Jun\") and niece Rowan.", PhiType.NAME)).contains("Jun-Jun");
        assertThat(values("Son Alcide Broussard Jr. (\"T-Boy\"), HCPOA.", PhiType.NAME)).contains("T-Boy");
    }

    @Test
    void givenAModalRightAfterTheModalWordAfterARelative_thenTheFirstIsAName() {
        assertThat(values("SON WILL WILL DRIVE IN TMRW AM.", PhiType.NAME)).containsExactly("WILL");
    }

    @Test
    void givenAClinicalWordInMixedCaseWithOnlyTheNameLexiconForIt_thenNotAName() {
        assertThat(values("Lines: R IJ CVC, L radial A-line, Foley. Swan not placed.", PhiType.NAME)).isEmpty();
        assertThat(values("Seen by Dr. Foley today.", PhiType.NAME)).containsExactly("Foley");
    }

    @Test
    void givenAFieldLabelThatIsNotAGivenName_thenNotAName() {
        assertThat(values("Casa 787-555-0166. Seguro: Plan Vital Advantage.", PhiType.NAME)).doesNotContain("Seguro");
        assertThat(values("Amy: Remember me?", PhiType.NAME)).containsExactly("Amy");
    }

    @Test
    void givenALanguage_thenNotAName() {
        assertThat(values("Here with son, speaks Navajo only; interpreter Raylene Tso.", PhiType.NAME))
                .containsExactly("Raylene Tso");
        assertThat(values("Speaks Keres, some English.", PhiType.NAME)).isEmpty();
        assertThat(values("Messages to English neighbor Darlene Kiefer.", PhiType.NAME)).containsExactly("Darlene Kiefer");
    }

    @Test
    void givenAClinicalClassInRomanNumerals_thenNotANameWithASuffix() {
        assertThat(values("Hospice dx HFrEF (EF 15%), NYHA IV. PPS 30%.", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenLastCommaFirstAfterAPatientLabel_thenTheName() {
        assertThat(values("PT: VAN DER MEULEN, HENDRIKA J.   AGE 99", PhiType.NAME))
                .containsExactly("VAN DER MEULEN", "HENDRIKA J.");
        assertThat(values("PT: ALERT, ORIENTED X3, CALM.", PhiType.NAME)).isEmpty();
    }
}
