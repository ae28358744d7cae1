package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

/**
 * Rules added after held-out batches 30 and 31 (README-text.md, round 17); one test per rule, on sentences written
 * for these tests, not taken from the batches.
 */
class HeldOutRound17RulesTest {

    @Test
    void givenDictationInitialsWithACoAuthorOrAfterTheSignersCredentials_thenNames() {
        assertThat(values("Sincerely,\nMarisol Quintero, DO   MQ/tb", PhiType.NAME))
                .contains("MQ", "tb");
        assertThat(values("cc: referring office\nAK/DeW/rs   D 04/02/2025   T 04/03/2025", PhiType.NAME))
                .containsExactly("AK", "DeW", "rs");
        assertThat(values("Mobility: PT/OT to see today.", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenTheInitialsOfWhoeverTranscribedOrCheckedTheRecord_thenNames() {
        assertThat(values("Dictated 3/2/2025   Transcribed by: rlk", PhiType.NAME)).containsExactly("rlk");
        assertThat(values("Eligibility verified jlw", PhiType.NAME)).containsExactly("jlw");
        assertThat(values("Reviewed by MD, read by ED, verified by RN.", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenDigitsReadAloud_thenAPhoneOrTheIdentifierItsWordNames() {
        assertThat(values("Please call me back at two one five, five five five, oh one four four, thanks.",
                PhiType.PHONE)).containsExactly("two one five, five five five, oh one four four");
        assertThat(values("My record number is, uh, seven three three zero two.", PhiType.MRN))
                .containsExactly("seven three three zero two");
        assertThat(values("Take one or two tablets, three to four times a day.", PhiType.PHONE)).isEmpty();
    }

    @Test
    void givenADayOfTheMonthInWords_thenADate() {
        assertThat(values("Her birthday is October twenty-second, two thousand nine.", PhiType.DATE))
                .containsExactly("October twenty-second, two thousand nine");
        assertThat(values("He was born on the fifth of April, nineteen fifty-one.", PhiType.DATE))
                .containsExactly("fifth of April, nineteen fifty-one");
        assertThat(values("First of all, the second of the two doses was held.", PhiType.DATE)).isEmpty();
    }

    @Test
    void givenAGridAddress_thenAStreet() {
        assertThat(values("Lives at 2150 S 700 W, Clearfield.", PhiType.GEO)).contains("2150 S 700 W");
        assertThat(values("Weaned 40 L to 30 L today.", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenTheWordAfterNamingAChild_thenAName() {
        assertThat(values("Mom says they named her Harmony after the church choir.", PhiType.NAME))
                .containsExactly("Harmony");
        assertThat(values("She named him as her health care proxy.", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenFacilitiesNamedByATownOfCommonWordsBySpecialtiesOrInAFormField_thenFacilities() {
        assertThat(values("Transferred from Grand Rapids Mercy Hospital overnight.", PhiType.GEO))
                .containsExactly("Grand Rapids Mercy Hospital");
        assertThat(values("Follow up at Tidewater Dermatology Group next week.", PhiType.GEO))
                .containsExactly("Tidewater Dermatology Group");
        assertThat(values("Referred to Wyomissing Foot & Ankle Specialists for orthotics.", PhiType.GEO))
                .containsExactly("Wyomissing Foot & Ankle Specialists");
        assertThat(values("Delivered at Sweetwater Birth Center.", PhiType.GEO))
                .containsExactly("Sweetwater Birth Center");
        assertThat(values("Agency: Blue Mountain Visiting Nurses\nClinic: Cardiology", PhiType.GEO))
                .containsExactly("Blue Mountain Visiting Nurses");
        assertThat(values("Seen in the Medicine Group clinic.", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenAnInterpreterOperatorABiopsyAccessionAPharmacyProfileOrATailNumber_thenIdentifiers() {
        assertThat(values("Interpreter by phone, operator 55812.", PhiType.OTHER_ID)).containsExactly("55812");
        assertThat(values("Margins clear (biopsy PS24-118207).", PhiType.OTHER_ID)).containsExactly("PS24-118207");
        assertThat(values("Rx profile HB-220417 updated.", PhiType.OTHER_ID)).containsExactly("HB-220417");
        assertThat(values("Helicopter tail # N88QX on the pad.", PhiType.VEHICLE)).containsExactly("N88QX");
        assertThat(values("Biopsy 2 cores; lipid profile 190.", PhiType.OTHER_ID)).isEmpty();
    }

    @Test
    void givenALowerCaseLineInACapitalisedNote_thenItsNamesAreReadAsInALowerCaseNote() {
        String log = "Harbor Doula Collective - Client Contact Log\nClient: Jasmine Tate   Partner: Andre Bell\n"
                + "02:10 client: we here now, nurse kendra real nice and dr adeyemi checked me\n"
                + "02:15 doula: ok, her daughter works nights so call me when you need me\n";
        assertThat(values(log, PhiType.NAME)).contains("kendra", "adeyemi").doesNotContain("works");
    }

    @Test
    void givenAnAgeOverEightyNineOneTurnsOrReachedWithASubjectAfter_thenAnAge() {
        assertThat(values("His aunt, who is 93, lives upstairs.", PhiType.AGE)).containsExactly("93");
        assertThat(values("She will be 90 next week.", PhiType.AGE)).containsExactly("90");
        assertThat(values("At 95 he still drove to church.", PhiType.AGE)).containsExactly("95");
        assertThat(values("Sat kept at 92 he said; HR will be 95 soon.", PhiType.AGE)).isEmpty();
    }
}
