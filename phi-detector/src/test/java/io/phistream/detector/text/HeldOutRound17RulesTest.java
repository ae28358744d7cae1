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
        assertThat(values("Consults:\nPT/OT/slp\nIV/PO/sq", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenTheInitialsOfWhoeverTranscribedOrCheckedTheRecord_thenNames() {
        assertThat(values("Dictated 3/2/2025   Transcribed by: rlk", PhiType.NAME)).containsExactly("rlk");
        assertThat(values("Eligibility verified jlw", PhiType.NAME)).containsExactly("jlw");
        assertThat(values("Reviewed by MD, read by ED, verified by RN.", PhiType.NAME)).isEmpty();
        assertThat(values("Pt seen today.\nIns verified BCBS\nBenefits verified UHC", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenDigitsReadAloud_thenAPhoneOrTheIdentifierItsWordNames() {
        assertThat(values("Please call me back at two one five, five five five, oh one four four, thanks.",
                PhiType.PHONE)).containsExactly("two one five, five five five, oh one four four");
        assertThat(values("My record number is, uh, seven three three zero two.", PhiType.MRN))
                .containsExactly("seven three three zero two");
        assertThat(values("Take one or two tablets, three to four times a day.", PhiType.PHONE)).isEmpty();
        assertThat(Spans.found("Counted backward: nine eight seven six five four three two one. Plan: count one two "
                + "three four. Patient repeated seven four one nine three eight two.")).isEmpty();
    }

    @Test
    void givenADayOfTheMonthInWords_thenADate() {
        assertThat(values("Her birthday is October twenty-second, two thousand nine.", PhiType.DATE))
                .containsExactly("October twenty-second, two thousand nine");
        assertThat(values("He was born on the fifth of April, nineteen fifty-one.", PhiType.DATE))
                .containsExactly("fifth of April, nineteen fifty-one");
        assertThat(values("First of all, the second of the two doses was held.", PhiType.DATE)).isEmpty();
        assertThat(values("PT MAY FIRST NEED PT. PER MAR SECOND DOSE GIVEN. May first try ice.", PhiType.DATE))
                .isEmpty();
        assertThat(values("Seventeenth of June, nineteen forty-four: the day he landed.", PhiType.DATE))
                .containsExactly("Seventeenth of June, nineteen forty-four");
    }

    @Test
    void givenAGridAddress_thenAStreet() {
        assertThat(values("Lives at 2150 S 700 W, Clearfield.", PhiType.GEO)).contains("2150 S 700 W");
        assertThat(values("Weaned 40 L to 30 L today. BP 140 S 60 N. Grade 2 W 10 E.", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenTheWordAfterNamingAChild_thenAName() {
        assertThat(values("Mom says they named her Harmony after the church choir.", PhiType.NAME))
                .containsExactly("Harmony");
        assertThat(values("She named him as her health care proxy.", PhiType.NAME)).isEmpty();
        assertThat(values("She named him Power of Attorney. NAMED HER POA.", PhiType.NAME)).isEmpty();
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
        assertThat(values("Delivered in the Labor & Delivery Center; Orthopedic Group to see; Birthing Center tour.",
                PhiType.GEO)).isEmpty();
        assertThat(values("Pharmacy: Unknown\nHospice: Declined\nPractice: Telehealth\nPharmacy: Mail Order",
                PhiType.GEO)).isEmpty();
    }

    @Test
    void givenAnInterpreterOperatorABiopsyAccessionAPharmacyProfileOrATailNumber_thenIdentifiers() {
        assertThat(values("Interpreter by phone, operator 55812.", PhiType.OTHER_ID)).containsExactly("55812");
        assertThat(values("Margins clear (biopsy PS24-118207).", PhiType.OTHER_ID)).containsExactly("PS24-118207");
        assertThat(values("Rx profile HB-220417 updated.", PhiType.OTHER_ID)).containsExactly("HB-220417");
        assertThat(values("Helicopter tail # N88QX on the pad.", PhiType.VEHICLE)).containsExactly("N88QX");
        assertThat(values("Biopsy 2 cores; lipid profile 190.", PhiType.OTHER_ID)).isEmpty();
        assertThat(values("Liver biopsy 2018 showed steatosis; lipid profile 2024 normal.", PhiType.OTHER_ID)).isEmpty();
        assertThat(values("Mass in the pancreatic tail 2300 cells; tail # 12.", PhiType.VEHICLE)).isEmpty();
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
        // the number closing a text whose tokens exactly fill the scanner's arrays once threw (the note failed closed)
        assertThat(Spans.D.analyse("PMH: HTN, DM2, CKD3. FHx: her mother d. at 96", DetectionContext.EMPTY)
                .failedClosed()).isFalse();
        assertThat(values("Sat kept at 92 he said; HR will be 95 soon.", PhiType.AGE)).isEmpty();
        assertThat(values("Sats at 91 she was placed on 2L; weight at 92 he would not eat.", PhiType.AGE)).isEmpty();
    }
}
