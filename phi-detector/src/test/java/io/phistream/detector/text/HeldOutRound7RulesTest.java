package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

/**
 * Name rules added after held-out batches 8 and 9 (README-text.md, "Held-out ICU nursing notes", round 7); one test
 * per rule, on sentences written for these tests, not taken from the batches.
 */
class HeldOutRound7RulesTest {

    @Test
    void givenATitledNameFollowedByADate_thenStillAName() {
        assertThat(values("F/U W/ DR. HALVORSEN 6/14 FOR REMOVAL OF HARDWARE.", PhiType.NAME))
                .containsExactly("HALVORSEN");
        // without the title the word and its grade still read as a scale
        assertThat(values("BERG 38/56 TODAY, WALKS WITH ROLLING WALKER.", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenANicknameCue_thenTheNicknameIsAName() {
        assertThat(values("pt goes by sunny, 55 yo f admitted for cellulitis", PhiType.NAME)).contains("sunny");
        assertThat(values("Mr. Adeyemi, known as \"Tunde\" on the unit, is calm today.", PhiType.NAME))
                .contains("Tunde");
        assertThat(values("She goes by ambulance to dialysis three times a week.", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenAQuotedWordRightAfterAName_thenANickname() {
        assertThat(values("Marcus Hale (\"Tiny\" to friends), 40 M, here for a rash.", PhiType.NAME))
                .contains("Tiny");
        assertThat(values("Called re: Adaeze Obi (\"AO\"), 30 F, fever.", PhiType.NAME)).contains("AO");
        assertThat(values("Wound looks \"better\" per pt.", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenAModalAfterARelativeAndThenWhereTheyAre_thenTheRelativesName() {
        assertThat(values("HUSBAND WILL AT BEDSIDE ALL NIGHT.", PhiType.NAME)).containsExactly("WILL");
        assertThat(values("keeps asking for his sister may (deceased) overnight", PhiType.NAME)).containsExactly("may");
        assertThat(values("WIFE MAY CALL LATER FOR AN UPDATE.", PhiType.NAME)).isEmpty();
        assertThat(values("SON WILL VISIT TOMORROW AM.", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenDottedInitialsRightAfterARelative_thenTheRelativesName() {
        assertThat(values("Pt's son R.T. is HCP and was updated.", PhiType.NAME)).containsExactly("R.T.");
        assertThat(values("Culture grew E. coli. Started cipro.", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenBabyBoyOrGirl_thenTheNextWordIsTheSurname() {
        assertThat(values("NICU ADMIT: BABY GIRL HOPE (TWIN B), 30 WKS.", PhiType.NAME)).containsExactly("HOPE");
        assertThat(values("BABY BOY FEEDING WELL, VOIDING.", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenASitter_thenTheWordAfterIsTheirName() {
        assertThat(values("pt restless, sitter bill at bedside from 2300.", PhiType.NAME)).containsExactly("bill");
    }

    @Test
    void givenAGivenNameRightBeforeAPhoneNumber_thenThePersonToCall() {
        assertThat(values("REHAB CONTACT DEB 508-555-0199 X3 FOR BED.", PhiType.NAME)).containsExactly("DEB");
        assertThat(values("CELL 617-555-0111, HOME 617-555-0112.", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenAnEponymHeadRightAfterAContextWord_thenNotAPerson() {
        assertThat(values("Insulin drip per Portland protocol overnight.", PhiType.NAME)).isEmpty();
        assertThat(values("Dictated by: Albert Nodes, MD", PhiType.NAME)).containsExactly("Albert Nodes");
    }

    @Test
    void givenCoordinatedEponymsBeforeTheirHead_thenNeitherIsAPerson() {
        assertThat(values("No Grey Turner or Cullen sign on exam.", PhiType.NAME)).isEmpty();
        // a relative after the conjunction is not a second eponym
        assertThat(values("BROTHER FRANK AND SISTER-IN-LAW DOLORES HERE.", PhiType.NAME))
                .containsExactly("FRANK", "DOLORES");
    }

    @Test
    void givenAWordThatSaysWhichRelative_thenNotAName() {
        assertThat(values("Younger brother Ivo (6) visiting with grandma.", PhiType.NAME)).containsExactly("Ivo");
    }

    @Test
    void givenAClinicalEponymsPossessiveWithItsNounLeftOut_thenNotAPerson() {
        assertThat(values("Hx HTN, COPD, Parkinson's. Lives alone.", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenAClinicalWordWithAGrade_thenAScaleInMixedCaseToo() {
        assertThat(values("Morse fall score 45, Braden 16. Skin intact.", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenARepeatedNameThatIsMostlyAnOrdinaryWord_thenOnlyWithContextWhereCaseSaysNothing() {
        assertThat(values("SEEN BY DR. GRANT. GRANT APPLICATION FOR RIDES GIVEN TO SW.", PhiType.NAME))
                .containsExactly("GRANT");
        assertThat(values("WIFE DAWN IN. DAWN VERY TEARFUL, SW PAGED.", PhiType.NAME))
                .containsExactly("DAWN", "DAWN");
    }

    @Test
    void givenCommonBrandDrugsAndAbbreviations_thenNotNames() {
        assertThat(values("Meds per grandson: Eliquis 5 mg bid, Entresto, Jardiance.", PhiType.NAME)).isEmpty();
        assertThat(values("61 yo f with NASH cirrhosis, EDD 4/5, ALINE R RADIAL", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenGravidaAndPara_thenNotAnIdentifier() {
        assertThat(values("27 y/o G3P2012 at 36+1 wks, GBS neg.", PhiType.OTHER_ID)).isEmpty();
        assertThat(values("Ref # GX4471825 for the transfer.", PhiType.OTHER_ID)).containsExactly("GX4471825");
    }

    // added after held-out batch 10 (written blind after the round-7 rules)

    @Test
    void givenAModalAfterARelativeAndThenAnotherRelative_thenTheRelativesName() {
        assertThat(values("WIFE MAY AND SON OTIS IN TO VISIT.", PhiType.NAME)).containsExactly("MAY", "OTIS");
    }

    @Test
    void givenAPossessiveBeforeAPhoneWordAndANumber_thenTheOwnerIsAName() {
        assertThat(values("POLICE WILL CALL. ROSA'S CELL 617-555-0140.", PhiType.NAME)).containsExactly("ROSA'S");
    }

    @Test
    void givenAClinicalWordAfterContactAndBeforeAPhoneNumber_thenTheContactsName() {
        assertThat(values("NH CONTACT PEG 978-555-0198 EXT 2", PhiType.NAME)).containsExactly("PEG");
        assertThat(values("PEG 10 FR, CALL GI 617-555-0100", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenASectionHeaderAPossessionOrAColourTeamAfterAContextWord_thenNotAName() {
        assertThat(values("CONFUSED PER GRANDSON GI: BM X1 SOFT", PhiType.NAME)).isEmpty();
        assertThat(values("WORRIED ABOUT HER APT, SISTER SAYS RENT PAID", PhiType.NAME)).isEmpty();
        assertThat(values("LIVER TEAM (GOLD TEAM) AWARE", PhiType.NAME)).isEmpty();
    }
}
