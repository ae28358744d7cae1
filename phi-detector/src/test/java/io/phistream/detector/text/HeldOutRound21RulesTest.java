package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.identifiers;
import static io.phistream.detector.text.Spans.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

/**
 * Rules added after held-out batches 38-41, ICU and step-down nursing notes (README-text.md, round 21); one test per
 * rule, on sentences written for these tests, not taken from the batches.
 */
class HeldOutRound21RulesTest {

    @Test
    void givenAPhoneNumberGluedToTheWordBeforeIt_thenStillAPhone() {
        assertThat(values("SON CELL:612-555-0143,CALLS NIGHTLY.", PhiType.PHONE)).containsExactly("612-555-0143");
        assertThat(values("husb calling her.414-555-0190. plan", PhiType.PHONE)).containsExactly("414-555-0190");
        assertThat(values("sister called 1415,262-555-0178.no answer", PhiType.PHONE)).containsExactly("262-555-0178");
        assertThat(values("wt 1,234.5 g, 12:555", PhiType.PHONE)).isEmpty();
    }

    @Test
    void givenWordsBetweenACensusAnchorAndAnAgeWithASex_thenThePatientsName() {
        assertThat(values("BED 4 ADEBAYO 71M NSTEMI, HEP GTT", PhiType.NAME)).containsExactly("ADEBAYO");
        assertThat(values("0300 PT WOJCIK, STANLEY J 66M S/P CABG", PhiType.NAME)).contains("WOJCIK", "STANLEY J");
        assertThat(values("BED 9 GREEN, ODESSA 80F ETOH W/D", PhiType.NAME)).contains("GREEN", "ODESSA");
        assertThat(values("NIGHT RN 3/2 0100 PHAM THI LAN 77 YO F, UROSEPSIS", PhiType.NAME)).contains("PHAM THI LAN");
        assertThat(values("DAY SHIFT PT 61F HD 9. PT OBESE 45M. TMAX 101F.", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenATemperatureInFahrenheit_thenNoAge() {
        assertThat(values("FEBRILE OVERNIGHT, TMAX 102F, SPIKED TO 101F AT 0400.", PhiType.AGE)).isEmpty();
        assertThat(values("GRANDMOTHER 96F LIVES ALONE.", PhiType.AGE)).containsExactly("96");
    }

    @Test
    void givenAShortDateAfterAWeekdayOrBeforeAShift_thenADate() {
        assertThat(values("LAST DIALYSIS THURS 2-17, NEXT SAT.", PhiType.DATE)).containsExactly("2-17");
        assertThat(values("ST. ANSELM MEDICAL CENTER  5-14  NOC\nPT RESTING.", PhiType.DATE)).containsExactly("5-14");
        assertThat(values("CVICU  9-3  NIGHT SHIFT\nNEURO: INTACT.", PhiType.DATE)).containsExactly("9-3");
        assertThat(values("Visiting hours Sun 1-3, clinic mon-fri 8-4. VENT PS 10/5 NOC.", PhiType.DATE)).isEmpty();
    }

    @Test
    void givenADayOfTheMonthAfterALimbWord_thenADateNotAStrengthGrade() {
        assertThat(values("S/P DEBRIDEMENT BIL LE 3/22 (GREASE BURN).", PhiType.DATE)).containsExactly("3/22");
        assertThat(values("BLE 4/5, LE 3/5 PROXIMALLY.", PhiType.DATE)).isEmpty();
    }

    @Test
    void givenTheDayOfTheMonthBeforeAClockTimeInAHeader_thenADate() {
        assertThat(values("MICU  THE 9TH 0215  PT RESTLESS", PhiType.DATE)).containsExactly("9TH");
        assertThat(values("TO THE 5TH FLOOR AT 0215", PhiType.DATE)).isEmpty();
    }

    @Test
    void givenASentenceRunIntoTheNextWithoutItsSpace_thenNoWebAddress() {
        assertThat(values("ate half of lunch.no n/v. pain controlled.pt ambulated", PhiType.URL)).isEmpty();
        assertThat(values("family site www.caringbridge.example.no", PhiType.URL)).isNotEmpty();
    }

    @Test
    void givenAHospitalAcronymOnANotesHeaderLine_thenAFacility() {
        assertThat(values("PICU NSG NOTE  SVCH  6/2  NIGHTS\nPT AFEBRILE.", PhiType.GEO)).containsExactly("SVCH");
        assertThat(values("CSRU RN NOTE  - LBMC  4/4/25\nPT EXTUBATED.", PhiType.GEO)).containsExactly("LBMC");
        assertThat(values("RTC 3 months. RN care manager to call.", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenAFacilityNameInANotesHeader_thenAFacility() {
        assertThat(values("SICU ADMIT  CEDAR HOLLOW MEMORIAL  Jun 2\nPT FROM HOME.", PhiType.GEO))
                .containsExactly("CEDAR HOLLOW MEMORIAL");
    }

    @Test
    void givenAnOrdinaryWordAfterAnUnknownWordInAFacilityName_thenTheWholeName() {
        assertThat(values("TX FROM TOQUERVILLE GAP REGIONAL MEDICAL CENTER BY AIR.", PhiType.GEO))
                .containsExactly("TOQUERVILLE GAP REGIONAL MEDICAL CENTER");
    }

    @Test
    void givenATownNearOrOutsideWhichSomeoneLives_thenAPlace() {
        assertThat(values("FARM NEAR WAUPACA, NO NEIGHBORS.", PhiType.GEO)).containsExactly("WAUPACA");
        assertThat(values("KIDS STAYING WITH AUNT IN GRAND CHUTE.", PhiType.GEO)).containsExactly("GRAND CHUTE");
        assertThat(values("BP NEAR NORMAL, OFF PRESSORS, OUTSIDE HOSPITAL RECORDS.", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenAPlaceNameThatOpensWithAClinicalAbbreviation_thenStillAPlace() {
        assertThat(values("FAMILY DRIVING IN FROM LOS ALAMOS TONIGHT.", PhiType.GEO)).containsExactly("LOS ALAMOS");
    }

    @Test
    void givenARelativesNameAndANumberOverEightyNine_thenTheirAge() {
        assertThat(values("MGM EDNA KOVACS 93 WATCHES THE KIDS.", PhiType.AGE)).containsExactly("93");
        assertThat(values("DAD JOE 95% ON RA.", PhiType.AGE)).isEmpty();
    }

    @Test
    void givenPluralRelativesAndTheirNames_thenNames() {
        assertThat(values("SOCIAL: DAUGHTERS JOY AND GRACE AT BS.", PhiType.NAME)).contains("JOY", "GRACE");
        assertThat(values("MAG GTT: DTRS SLUGGISH, DTRS TRACE AT KNEES, DTRS BRISK BILAT.", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenATransportRunADonorOrAPoliceStarNumber_thenAnIdentifier() {
        assertThat(identifiers("FLIGHT RECORD  RUN 25-0417  FROM OSH")).containsExactly("25-0417");
        assertThat(values("OFFICER J. PLATT (STAR 31775) AT BS.", PhiType.OTHER_ID)).containsExactly("31775");
        assertThat(values("DDRT (DONOR BKQ3391) 2/2.", PhiType.OTHER_ID)).containsExactly("BKQ3391");
        assertThat(identifiers("sugars run 140-210 at home; Run: 4h15m on HD.")).isEmpty();
    }

    @Test
    void givenNursingShorthandThatIsAlsoASurname_thenNoName() {
        assertThat(values("WILL CALL FAM IN AM. FAM AT BS. MRSA NARES NEG. BIO DAD AWARE.", PhiType.NAME)).isEmpty();
    }
}
