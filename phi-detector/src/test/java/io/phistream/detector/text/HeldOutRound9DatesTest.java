package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

/**
 * Age, identifier and date rules added after held-out batches 12 and 13 (ICU nursing notes; longitudinal outpatient
 * records with family histories and dictation trailers); one test per rule, on sentences written for these tests,
 * not taken from the batches.
 */
class HeldOutRound9DatesTest {

    @Test
    void givenAnAgeOverEightyNineAfterAnAgeVerb_thenAnAge_butNotATimeAPercentOrAWeight() {
        assertThat(values("FH: father died at 94 of a stroke; PGF d. 98; dad d. 93 MI.", PhiType.AGE))
                .containsExactly("94", "98", "93");
        assertThat(values("Her father lived to 99 and her aunt lived to 102.", PhiType.AGE)).containsExactly("99", "102");
        assertThat(values("Brother is alive at 91 with dementia; grandfather passed away at 97 in his sleep.",
                PhiType.AGE)).containsExactly("91", "97");
        assertThat(values("Her aunt Edna died last winter at 99. MGF died at ninety-four.", PhiType.AGE))
                .containsExactly("99", "ninety-four");
        assertThat(values("Pt died at 0300 per family. Sats dropped to 92% on RA. HR 92. Lived to 97 kg per scale.",
                PhiType.AGE)).isEmpty();
        assertThat(values("He died at 45 of an MI; mother alive at 85; father d. 71.", PhiType.AGE)).isEmpty();
    }

    @Test
    void givenAPersonIsOrWasANumberOverEightyNineBeforeAConjunction_thenAnAge() {
        assertThat(values("SHE IS 94 AND LIVES ALONE.", PhiType.AGE)).containsExactly("94");
        assertThat(values("Her mother was 96 when she moved in with them.", PhiType.AGE)).containsExactly("96");
        assertThat(values("Pt is 96 on RA. HR is 92 and regular. He is 95 kg and 180 cm.", PhiType.AGE)).isEmpty();
    }

    @Test
    void givenANumberOverEightyNineBetweenCommasAfterARelativeOrTheirName_thenAnAge_butNotAListOfValues() {
        assertThat(values("His brother Walter, 93, lives in Maine.", PhiType.AGE)).containsExactly("93");
        assertThat(values("Her husband, 92, still drives to the clinic.", PhiType.AGE)).containsExactly("92");
        assertThat(values("We spoke with Hazel, 91, who manages the household.", PhiType.AGE)).containsExactly("91");
        assertThat(values("Coags: PT, 95, INR 1.2. Glucose checks 110, 96, 92, 105.", PhiType.AGE)).isEmpty();
        assertThat(values("Sister, 96, 97 and 98 were the readings.", PhiType.AGE)).isEmpty();
    }

    @Test
    void givenAJobOrDocumentNumberInADictationTrailer_thenAnOtherId_butNotAClockTimeAfterAJob() {
        assertThat(values("D: 03/02/2021  T: 03/04/2021  JOB #: 551203 AB/cd", PhiType.OTHER_ID))
                .containsExactly("551203");
        assertThat(values("DD: 1/2/2023  Job 338120", PhiType.OTHER_ID)).containsExactly("338120");
        assertThat(values("Job #: 48213   Doc #: 22819", PhiType.OTHER_ID)).containsExactly("48213", "22819");
        assertThat(values("Document No. 448120 filed.", PhiType.OTHER_ID)).containsExactly("448120");
        assertThat(values("She goes back to her job 0700 Monday; good job 2 days in a row.", PhiType.OTHER_ID))
                .isEmpty();
    }

    @Test
    void givenAnMrnWithAFacilityPrefixAndSpacedGroups_thenOneMrnSpan_butNotAClinicalWordAfterAKeyword() {
        assertThat(values("MRN: LMH 3301 8812   DOB: 1950-02-03", PhiType.MRN)).containsExactly("LMH 3301 8812");
        assertThat(values("Caller re MRN LMH 3301 8812 about refills.", PhiType.MRN)).containsExactly("LMH 3301 8812");
        assertThat(values("MR# BWH 7654321 on the label.", PhiType.MRN)).containsExactly("BWH 7654321");
        assertThat(values("PLAN: CT 1400, ECHO 1600. ACCT BAL 5000.", PhiType.MRN)).isEmpty();
        assertThat(values("PLAN: CT 1400, ECHO 1600. ACCT BAL 5000.", PhiType.HEALTH_PLAN)).isEmpty();
        assertThat(values("PLAN: CT 1400, ECHO 1600. ACCT BAL 5000.", PhiType.ACCOUNT)).isEmpty();
    }

    @Test
    void givenAPagerWordThenPronounsAndAtBeforeAShortNumber_thenAPager_butAClockTimeAfterAtStaysATime() {
        assertThat(values("Questions? Please page me at 4471 or call the office.", PhiType.PHONE))
                .containsExactly("4471");
        assertThat(values("Beeper is 38821.", PhiType.PHONE)).containsExactly("38821");
        assertThat(values("Page me at 2230 if she spikes; paged HO at 0215.", PhiType.PHONE)).isEmpty();
    }

    @Test
    void givenTheDayOfTheMonthAfterAPartOfTheDayAndOf_thenADate_butOrdinalCountsAreNot() {
        assertThat(values("Glucose was 58 on the evening of the 9th.", PhiType.DATE)).containsExactly("9th");
        assertThat(values("Seen the morning of the 21st by the team.", PhiType.DATE)).containsExactly("21st");
        assertThat(values("They visited on the 14th with her sister; she aspirated it on the 5th.", PhiType.DATE))
                .containsExactly("14th", "5th");
        assertThat(values("This is the 3rd time; on the 3rd floor; most of the 6th cranial nerve; on the 2nd attempt; "
                + "the end of the 2nd.", PhiType.DATE)).isEmpty();
    }

    @Test
    void givenAShortDateAfterNightOrMorningOf_thenADateEvenWhenShapedLikeAScore() {
        assertThat(values("On the night of 8/12 she had a 3 s pause.", PhiType.DATE)).containsExactly("8/12");
        assertThat(values("The morning of 4/10 he fell in the bathroom.", PhiType.DATE)).containsExactly("4/10");
        assertThat(values("Pain 4/10 most of the night. Ate 3/4 of dinner.", PhiType.DATE)).isEmpty();
    }

    @Test
    void givenAFullMonthNameBetweenADeterminerAndANoun_thenADate_butMonthsThatAreNamesNeedAnEventNoun() {
        assertThat(values("Stress test given the October episode; seen again in the December visit.", PhiType.DATE))
                .containsExactly("October", "December");
        assertThat(values("Labs improved since her May admission and the July heat wave.", PhiType.DATE))
                .containsExactly("May", "July");
        assertThat(values("The June family and the March of Dimes; we met the April Rowe family.", PhiType.DATE))
                .isEmpty();
    }

    @Test
    void givenAClockTimeAfterSinceRightAfterARateOrAMeasure_thenNoYear_butSinceAYearInHistoryStaysAYear() {
        assertThat(values("Drain output 30-50cc/hr since 2000. Sats 93% since 2100. On 4L since 2200.", PhiType.DATE))
                .isEmpty();
        assertThat(values("Diabetic since 2000. DM type 2 since 2005. On insulin since 2010.", PhiType.DATE))
                .containsExactly("2000", "2005", "2010");
    }

    @Test
    void givenAFractionOfALengthOrOfTheLungFields_thenNoDate_butAShortDateBeforeUpStillADateAfterADateWord() {
        assertThat(values("CRACKLES 1/3 UP B/L. Dullness 2/3 of the way up. Fx of the lower 1/3 of the tibia, "
                + "distal 1/4 femur; rales 1/4 way up.", PhiType.DATE)).isEmpty();
        assertThat(values("Extubated on 1/3 up to chair by noon.", PhiType.DATE)).containsExactly("1/3");
    }
}
