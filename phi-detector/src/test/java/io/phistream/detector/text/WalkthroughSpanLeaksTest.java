package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.values;
import static io.phistream.detector.text.Spans.valuesWithModel;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

/**
 * Defects a walkthrough with span scrubbing found in the free-text rules (leaks and over-removal), on sentences
 * written for these tests.
 */
class WalkthroughSpanLeaksTest {

    @Test
    void givenAPhoneNumberFollowedByADate_thenBothAreFound() {
        assertThat(values("Left msg for niece at 413-555-0162 3/14 - will retry.", PhiType.PHONE))
                .containsExactly("413-555-0162");
        assertThat(values("Tel: 413-555-0162 10/2", PhiType.PHONE)).containsExactly("413-555-0162");
        assertThat(values("Nephew (413) 555-0162 10/02/2025 per chart.", PhiType.PHONE))
                .containsExactly("(413) 555-0162");
        assertThat(values("Nephew 413.555.0162 10/02/2025.", PhiType.PHONE)).containsExactly("413.555.0162");
        assertThat(values("Left msg for niece at 413-555-0162 3/14 - will retry.", PhiType.DATE))
                .containsExactly("3/14");
    }

    @Test
    void givenAnIsoDateTimeWithAT_thenItsDateIsFound() {
        assertThat(values("Sample drawn 2025-10-02T06:40:00Z and sent.", PhiType.DATE)).containsExactly("2025-10-02");
        assertThat(values("Obs at 2025-10-02T06:40:12.250+01:00, repeat due.", PhiType.DATE))
                .containsExactly("2025-10-02");
        assertThat(values("Signed 2025-10-02T18:05-05:00.", PhiType.DATE)).containsExactly("2025-10-02");
    }

    @Test
    void givenAnIpv6AddressEndingASentence_thenTheAddressIsFound() {
        assertThat(values("Portal login came from 2001:db8:4::2a.", PhiType.IP)).containsExactly("2001:db8:4::2a");
        assertThat(values("Home router is fe80::2c4:aaff:fe01:7b.", PhiType.IP))
                .containsExactly("fe80::2c4:aaff:fe01:7b");
    }

    @Test
    void givenAMacAddress_thenItIsADeviceIdentifier() {
        assertThat(values("Glucose meter MAC 0A:1B:2C:3D:4E:5F paired.", PhiType.DEVICE))
                .containsExactly("0A:1B:2C:3D:4E:5F");
        assertThat(values("Hub ac-de-48-00-11-22.", PhiType.DEVICE)).containsExactly("ac-de-48-00-11-22");
        assertThat(values("Drain output 12:30:45 and ratio 3-4-5.", PhiType.DEVICE)).isEmpty();
    }

    @Test
    void givenAnAgeInYearsRightAfterThePatient_thenTheAge() {
        assertThat(values("Pt 97 yrs. Lives with niece.", PhiType.AGE)).containsExactly("97");
        assertThat(values("Grandma 94 years, still gardening.", PhiType.AGE)).containsExactly("94");
        assertThat(values("Married 91 yrs ago? Unclear.", PhiType.AGE)).isEmpty();
    }

    @Test
    void givenADecadeAfterAPossessive_thenAnAgeOver89() {
        assertThat(values("Lives alone, in her 90s, still drives.", PhiType.AGE)).containsExactly("90s");
        assertThat(values("A man in his late 90s.", PhiType.AGE)).containsExactly("90s");
        assertThat(values("She is in her 90's.", PhiType.AGE)).containsExactly("90's");
        assertThat(values("HR 90s, sats in the low 90s, SBP mid-90s.", PhiType.AGE)).isEmpty();
    }

    @Test
    void givenSixOrEightDigitsAfterABirthLabel_thenADateOfBirth() {
        assertThat(values("DOB 021539, seen in clinic.", PhiType.DATE)).containsExactly("021539");
        assertThat(values("DOB: 02151939.", PhiType.DATE)).containsExactly("02151939");
        assertThat(values("Born 19390215 in Ohio.", PhiType.DATE)).containsExactly("19390215");
        assertThat(values("Lot 021539, seen in clinic.", PhiType.DATE)).isEmpty();
    }

    @Test
    void givenEponymsOfGradesSignsAndDevicesWithoutAPerson_thenNoName() {
        String note = "Bx: Gleason 4+3=7. Breslow depth 0.8 mm, Clark level II, Bethesda III. Mobitz I on tele. "
                + "Tinel and Phalen positive. Tanner stage 2. Tender at McBurney point. Known Barrett esophagus, "
                + "family hx of Huntington chorea. Salem sump to LIWS, Bovie cautery used.";
        assertThat(valuesWithModel(note, PhiType.NAME)).isEmpty();
    }

    @Test
    void givenAnEponymAfterAPersonsContext_thenStillAName() {
        assertThat(valuesWithModel("Seen by Dr. Tanner stage IV disease reviewed.", PhiType.NAME)).contains("Tanner");
        assertThat(valuesWithModel("Her daughter Clark level-headed, called twice.", PhiType.NAME)).contains("Clark");
    }

    @Test
    void givenScoresAndCountsOutOfATotal_thenNoDate() {
        assertThat(valuesWithModel("C/O 7/10 PAIN, MEDICATED W/ MORPHINE 2MG IV W/ RELIEF TO 2/10.", PhiType.DATE))
                .isEmpty();
        assertThat(valuesWithModel("Refiere dolor 6/10 en la espalda.", PhiType.DATE)).isEmpty();
        assertThat(valuesWithModel("Carcinoma in 4/12 cores; 1/14 lymph nodes involved.", PhiType.DATE)).isEmpty();
        assertThat(valuesWithModel("Biopsy 4/12 reviewed.", PhiType.DATE)).containsExactly("4/12");
    }

    @Test
    void givenACredentialAndAnInitialInAnyForm_thenTheWholeName() {
        assertThat(values("Handoff from RN C. Gray, pt sleeping.", PhiType.NAME)).containsExactly("C. Gray");
        assertThat(values("Handoff from RN C Gray, pt sleeping.", PhiType.NAME)).containsExactly("C Gray");
        assertThat(values("handoff from rn c. gray, pt sleeping, no distress.", PhiType.NAME))
                .containsExactly("c. gray");
        assertThat(values("RN A GREEN DRESSING APPLIED TO SACRUM.", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenAWordNoListKnowsBesideAWeakGivenName_thenBothAreTheName() {
        assertThat(values("Osric Thimbleworth phoned at noon.", PhiType.NAME)).containsExactly("Osric Thimbleworth");
    }

    @Test
    void givenANameThatIsAlsoAWordBeforeARelativesAge_thenTheName() {
        assertThat(values("PT'S AUNT MAY (NINETY-ONE YO) LIVES IN TOWN.", PhiType.NAME)).containsExactly("MAY");
        assertThat(values("SISTER MAY (IF ABLE) CALL BACK.", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenAListOfGivenNamesWithOneFound_thenEveryNameOfTheList() {
        assertThat(values("Grandchildren at bedside: Will, Bill and May.", PhiType.NAME))
                .containsExactly("Will", "Bill", "May");
        assertThat(values("He and Bill left; she may return.", PhiType.NAME)).containsExactly("Bill");
    }

    @Test
    void givenABracketAroundAWholePhoneNumber_thenTheSpanLeavesItToTheSentence() {
        assertThat(values("His niece Odile (413-555-0162) visits daily.", PhiType.PHONE)).containsExactly("413-555-0162");
        assertThat(values("Call (413) 555-0162 or (413)555-0163.", PhiType.PHONE))
                .containsExactly("(413) 555-0162", "(413)555-0163");
    }

    @Test
    void givenAMonthWrittenInFullBeforeAFullStop_thenTheFullStopStaysTheSentences() {
        assertThat(values("Plan to go home in June. Family aware.", PhiType.DATE)).containsExactly("June");
        assertThat(values("BLEED IN AUG. FAMILY AWARE.", PhiType.DATE)).containsExactly("AUG.");
    }

    @Test
    void givenAGivenNameThatIsAlsoAWordBeforeASurnameTheModelFinds_thenTheWholeName() {
        assertThat(valuesWithModel("Pt May Brown tolerated the walk well.", PhiType.NAME)).containsExactly("May Brown");
        assertThat(valuesWithModel("Will Brown, the pt's son, called.", PhiType.NAME)).containsExactly("Will Brown");
    }

    @Test
    void givenAYearRightAfterABirthWord_thenADate() {
        assertThat(values("Born 1927 in a farmhouse.", PhiType.DATE)).containsExactly("1927");
        assertThat(values("Pt is 98 years old, born 1928.", PhiType.DATE)).containsExactly("1928");
        assertThat(values("DOB: 1930, per daughter.", PhiType.DATE)).containsExactly("1930");
        assertThat(values("Year of birth 1926 on the old chart.", PhiType.DATE)).containsExactly("1926");
        assertThat(values("Widow, b. 1925, lives alone.", PhiType.DATE)).containsExactly("1925");
        assertThat(values("Father born '24 overseas.", PhiType.DATE)).containsExactly("'24");
        assertThat(values("Gave 1925 units. Room 1928 cleaned.", PhiType.DATE)).isEmpty();
    }

    @Test
    void givenNinetyOrMoreInWordsAfterIsOrNow_thenAnAgeWhateverFollows() {
        assertThat(values("Widowed, now ninety-three.", PhiType.AGE)).containsExactly("ninety-three");
        assertThat(values("He is ninety-seven and still drives.", PhiType.AGE)).containsExactly("ninety-seven");
        assertThat(values("Grandma is now ninety-two but walks daily.", PhiType.AGE)).containsExactly("ninety-two");
        assertThat(values("HR is ninety and regular. Pressure is ninety over fifty. Sat now ninety-two percent. "
                + "Wait is ninety minutes.", PhiType.AGE)).isEmpty();
    }

    @Test
    void givenASpecimenIdInParenthesesAfterASpecimenWord_thenAnIdentifier() {
        assertThat(values("Specimen to cytology (C25-30417).", PhiType.OTHER_ID)).containsExactly("C25-30417");
        assertThat(values("Biopsy sent to the lab (SP25-0417) today.", PhiType.OTHER_ID)).containsExactly("SP25-0417");
        assertThat(values("Specimen labelled and sent (3310457).", PhiType.OTHER_ID)).containsExactly("3310457");
        assertThat(values("Specimen sent (1400). Biopsy of the mass (C50.912). Bx, see lab (S26-55102). "
                + "Tubes to lab (S26-55102).", PhiType.OTHER_ID)).isEmpty();
    }

    // a third walkthrough (text.scrubbing=spans): names and a birth year kept

    @Test
    void givenAHolidayWithAYear_thenOneDateWithTheYearAndNoName() {
        assertThat(values("Pt is 96, born Christmas Day 1930.", PhiType.DATE)).containsExactly("Christmas Day 1930");
        assertThat(values("Born on Christmas Day, 1928, per son.", PhiType.DATE)).containsExactly("Christmas Day, 1928");
        assertThat(values("Admitted New Year's Day 2025 from home.", PhiType.DATE)).containsExactly("New Year's Day 2025");
        assertThat(values("Wed on Labor Day 1952, per wife.", PhiType.DATE)).containsExactly("Labor Day 1952");
        assertThat(values("Pt is 96, born Christmas Day 1930.", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenAHolidayWithoutAYear_thenADateAndNoName() {
        assertThat(values("Son visits every Christmas Day.", PhiType.DATE)).containsExactly("Christmas Day");
        assertThat(values("Son visits every Christmas Day.", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenAVietnameseNameWithItsMiddleName_thenTheWordAfterTheMiddleNameIsTheGivenName() {
        assertThat(values("Pt Trần Văn An seen today.", PhiType.NAME)).containsExactly("Trần Văn An");
        assertThat(values("Pt Vo Thi Be and son at bedside.", PhiType.NAME)).containsExactly("Vo Thi Be");
        assertThat(values("Interpreter Lý Thị Thu called back.", PhiType.NAME)).containsExactly("Lý Thị Thu");
        assertThat(values("Pt Đỗ Đức Long seen.", PhiType.NAME)).containsExactly("Đỗ Đức Long");
    }

    @Test
    void givenTheWordsOfAVietnameseNameInLowerCaseInACapitalisedNote_thenNoName() {
        assertThat(values("Pt rode the van an hour; Ho said so.", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenAHyphenatedGivenNameWithOneHalfFound_thenTheNameCoversTheWholeWord() {
        assertThat(valuesWithModel("Triage RN: Hye-ah Kim.", PhiType.NAME)).containsExactly("Hye-ah", "Kim");
        assertThat(valuesWithModel("Pt Jin-woo Lee presents for extraction.", PhiType.NAME))
                .containsExactly("Jin-woo", "Lee");
        assertThat(valuesWithModel("Case manager Ye-yun Kang called.", PhiType.NAME)).containsExactly("Ye-yun Kang");
    }
}
