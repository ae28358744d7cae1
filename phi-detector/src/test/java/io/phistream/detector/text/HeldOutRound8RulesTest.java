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

    // added after held-out batches 12 and 13 (written blind after the round-8 names rules)

    @Test
    void givenDictationInitialsClosingALine_thenNames() {
        assertThat(values("D: 01/19/2022   T: 01/21/2022   JOB #: 660184 KB/rtm", PhiType.NAME))
                .containsExactly("KB", "rtm");
        assertThat(values("Pt d/c home w/ VNA, f/u PCP in 1 wk.", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenACountryOrAServiceShorthandOrAVerbAfterDont_thenNotAName() {
        assertThat(values("Grew up in Jamaica; moved here in 1990.", PhiType.NAME)).isEmpty();
        assertThat(values("Nimodipine held per NSurg resident.", PhiType.NAME)).isEmpty();
        assertThat(values("DON'T CHASE HR W/ FLUIDS PER TEAM.", PhiType.NAME)).isEmpty();
        assertThat(values("CRT-D (Boston Scientific), SN 412883.", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenAQuotedWordAfterANameButNotFramedAsANickname_thenNotAName() {
        assertThat(values("Re: Mrs. Rosalind Sharp (\"Rose\")  DOB on file", PhiType.NAME)).contains("Rose");
        assertThat(values("SISTER DARLENE IN TOWN \"MAYBE\". SW AWARE.", PhiType.NAME)).containsExactly("DARLENE");
    }

    @Test
    void givenDearAndAModalWordAndAComma_thenTheAddressee() {
        assertThat(values("Dear Will, Thank you for asking me to see her.", PhiType.NAME)).containsExactly("Will");
    }

    @Test
    void givenAGivenNameAndASurnameRightBeforeAPhoneNumberInParentheses_thenTheName() {
        assertThat(values("CALLING FOR HIS CASE WORKER, RAY GREEN (617-555-0193).", PhiType.NAME))
                .containsExactly("RAY GREEN");
    }

    @Test
    void givenAnEponymPossessiveWithTheApostropheAfterS_thenNotAPerson() {
        assertThat(values("FH: mother with Graves' disease, father CAD.", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenAListOfOneDigitGradesAfterEponyms_thenScalesInMixedCaseToo() {
        assertThat(values("58 yo F w/ SAH Hunt-Hess 2, GCS 14, s/p coiling.", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenAGivenNameAfterADashClosingAMessage_thenItsSigner() {
        assertThat(values("Can you send it today? Thanks!! -Joy", PhiType.NAME)).containsExactly("Joy");
        assertThat(values("PT AMBULATED - OK", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenATitleAndASingleCapital_thenAPersonNamedByAnInitial() {
        assertThat(values("\"Dr. Q, the pharmacy says the PA expired.\"", PhiType.NAME)).containsExactly("Q");
    }

    @Test
    void givenACredentialEndingASignatureLine_thenTheNextLinesWordIsNotNamed() {
        assertThat(values("Farah Qureshi, MD\nPortal message from pt today", PhiType.NAME))
                .containsExactly("Farah Qureshi");
    }

    @Test
    void givenAServiceBeforeACredential_thenNotAName() {
        assertThat(values("Ostomy RN Gray to see tomorrow.", PhiType.NAME)).containsExactly("Gray");
    }

    @Test
    void givenAVerbAfterDontRepeated_thenNotAName() {
        assertThat(values("DON'T CHASE HR. SON CHASE IS HCP.", PhiType.NAME)).containsExactly("CHASE");
    }

    // added after held-out batches 14 and 15 (written blind after the batch 12-13 rules)

    @Test
    void givenAServiceBeforeACredentialOrOkAfterARelative_thenNotAName() {
        assertThat(values("SHARP DEBRIDEMENT R HAND BY BURN PA. CHARGE RN AWARE.", PhiType.NAME)).isEmpty();
        assertThat(values("AA SPONSOR ROCKY CALLED, WIFE OK W/ UPDATES TO HIM.", PhiType.NAME))
                .containsExactly("ROCKY");
    }

    @Test
    void givenAnOfficersTitleAndAnInitial_thenTheSurname() {
        assertThat(values("Transported by Ofc. T. Rainwater of the county PD.", PhiType.NAME)).containsExactly("T. Rainwater");
    }

    @Test
    void givenAQuotedNameWordAfterLastCommaFirst_thenANickname() {
        assertThat(values("DETAINEE: HOLLOWAY, REGINALD \"BISHOP\"   BOOKING 24017736", PhiType.NAME))
                .contains("BISHOP");
    }

    @Test
    void givenACarMakeOrAShortLabelBeforeALongNumber_thenNotAName() {
        assertThat(values("VEHICLE: SILVER NISSAN ALTIMA, FL TAG QXR-H27.", PhiType.NAME)).isEmpty();
        assertThat(values("Held at the county jail, SID 1088273.", PhiType.NAME)).isEmpty();
    }
}
