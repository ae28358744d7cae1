package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.anyOverlap;
import static io.phistream.detector.text.Spans.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

class NameRecognizerTest {

    @Test
    void givenModalVerbWill_whenAllCaps_thenNotAName_butWillSmithIsOne() {
        assertThat(anyOverlap("DAUGHTER CALLED, WILL CALL BACK IN AM.", "WILL")).isFalse();
        assertThat(values("Will Smith was admitted yesterday.", PhiType.NAME)).containsExactly("Will Smith");
    }

    @Test
    void givenTitles_whenNameFollows_thenNameFound() {
        assertThat(values("DR SMITH AWARE OF LABS.", PhiType.NAME)).containsExactly("SMITH");
        assertThat(values("Seen by Dr. Ng today.", PhiType.NAME)).containsExactly("Ng");
        assertThat(values("MRS. WHITE RESTING COMFORTABLY.", PhiType.NAME)).containsExactly("WHITE");
    }

    @Test
    void givenTitleFollowedByCommonWord_thenNothing() {
        assertThat(values("DR AWARE. MD NOTIFIED.", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenRelatives_whenAmbiguousNamesFollow_thenFoundByContext() {
        assertThat(values("WIFE ROSE AT BEDSIDE. SON WILL VISIT TOMORROW.", PhiType.NAME)).containsExactly("ROSE");
        assertThat(values("SPOKE WITH DAUGHTER HOPE RE: PLAN", PhiType.NAME)).containsExactly("HOPE");
    }

    @Test
    void givenColoursAndEponyms_whenClinical_thenNotNames() {
        assertThat(values("FOLEY DRAINING CLEAR YELLOW URINE. BROWN STOOL X1. SKIN PINK WARM DRY.", PhiType.NAME)).isEmpty();
        assertThat(values("NEURO: A+OX3, MAE, PERRL. CV: NSR 80S. RESP: LS CLEAR, NC 2L.", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenFullNamesAndInitials_thenOneSpanEach() {
        assertThat(values("PT SEEN BY JOHN A. MCCARTHY, MD", PhiType.NAME)).containsExactly("JOHN A. MCCARTHY");
        assertThat(values("Note by J. Kowalczyk RN.", PhiType.NAME)).containsExactly("J. Kowalczyk");
        assertThat(values("SMITH, MARY IS THE HCP", PhiType.NAME)).contains("SMITH", "MARY");
    }

    @Test
    void givenNameConfirmedOnce_whenRepeatedAlone_thenFoundAgain() {
        String t = "DAUGHTER GRACE CALLED. GRACE WILL COME IN AM.";
        assertThat(values(t, PhiType.NAME)).containsExactly("GRACE", "GRACE");
    }

    @Test
    void givenUnknownSurnameAfterTitle_whenMixedCase_thenFound() {
        assertThat(values("Discussed with Dr. Zyxwerth this afternoon.", PhiType.NAME)).containsExactly("Zyxwerth");
    }

    @Test
    void givenLowercaseWordsInMixedText_thenNoNames() {
        assertThat(values("The patient will mark the site and may hope for the best.", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenEponyms_thenNotNames_butThePersonWithTheSameNameIs() {
        String t = "History of Parkinson's disease and Hodgkin lymphoma. Wolff-Parkinson-White syndrome. "
                + "Seen by Dr. Parkinson today.";
        assertThat(values(t, PhiType.NAME)).containsExactly("Parkinson");
        assertThat(t.indexOf("Parkinson", t.indexOf("Dr."))).isPositive();
    }

    @Test
    void givenWeakContextBeforeMedicalWords_thenNotNames() {
        assertThat(values("PT INTUBATED, SEDATED. PT DIURESED WELL. FAMILY MEETING HELD. PT AFEBRILE.", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenSignatureInitials_thenFound() {
        assertThat(values("WILL CONT TO MONITOR. -KM RN", PhiType.NAME)).containsExactly("KM");
        assertThat(values("will cont to monitor on tele. jl rn", PhiType.NAME)).containsExactly("jl");
    }

    @Test
    void givenListsOfRelatives_thenEveryNameFound_butContractionsNever() {
        assertThat(values("DAUGHTERS MARY AND HOPE AT BEDSIDE. PT AND FAMILY UPDATED.", PhiType.NAME))
                .containsExactly("MARY", "HOPE");
        assertThat(values("Hi Natalie, I'm calling about the bill.", PhiType.NAME)).containsExactly("Natalie");
    }

    @Test
    void givenAmbiguousSurnameBeforeVerbOfBeingTold_thenName_butServicesAreNot() {
        assertThat(values("YOUNG NOTIFIED. LAB AWARE. BLOOD BANK AWARE. TEAM AWARE.", PhiType.NAME)).containsExactly("YOUNG");
    }

    @Test
    void givenRelativeAfterPer_whenGivenNameIsAWord_thenWholeNameFoundInAnyCase() {
        assertThat(values("Per sister Amber West (555) 555-1234, pt was fasting.", PhiType.NAME))
                .containsExactly("Amber West");
        assertThat(values("PER SISTER MAY WEST PT WAS FASTING.", PhiType.NAME)).containsExactly("MAY WEST");
        assertThat(values("Sister Faith Brown at bedside; patient resting.", PhiType.NAME)).containsExactly("Faith Brown");
        assertThat(values("Spoke with husband Will about the plan.", PhiType.NAME)).containsExactly("Will");
    }

    @Test
    void givenWordBeforeParenthesisedRelative_thenName_butOtherParenthesesAreNot() {
        assertThat(values("Will (husband) can be reached at home.", PhiType.NAME)).containsExactly("Will");
        assertThat(values("Hope (daughter, HCP) agrees with the plan.", PhiType.NAME)).containsExactly("Hope");
        assertThat(values("The patient will (likely) improve. We may (if needed) add IV fluids.", PhiType.NAME))
                .isEmpty();
        assertThat(values("SISTER MAY VISIT TOMORROW. HUSBAND WILL CALL BACK.", PhiType.NAME)).isEmpty();
    }
}
