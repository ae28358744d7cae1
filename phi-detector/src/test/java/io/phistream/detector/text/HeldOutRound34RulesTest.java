package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.values;
import static io.phistream.detector.text.Spans.valuesWithModel;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

/**
 * Rules added after reading the shipped model's misses on held-out batches 1-161 (README-text.md, round 34); one test
 * per rule, on sentences written for these tests, not taken from the batches.
 */
class HeldOutRound34RulesTest {

    @Test
    void givenAnIdAfterSlashN_thenTheDevicesSerial() {
        assertThat(values("Vent S/N QX7-55012, PRVC 450/14/+8.", PhiType.DEVICE)).containsExactly("QX7-55012");
        assertThat(values("home concentrator s/n ZR4-8812039 from the DME", PhiType.DEVICE)).containsExactly("ZR4-8812039");
        // saline written N/S, and a serial's abbreviation with nothing after it, are no devices
        assertThat(values("NS at 75/hr, N/S 1L bolus x1. Serial numbers on the pump are S/N.", PhiType.DEVICE)).isEmpty();
    }

    @Test
    void givenFiveDigitsAfterAStreetAndUpToThreeWordsOfItsTown_thenTheZip() {
        assertThat(values("HOME 88 LINDEN ST, NORTH ADAMS (01247). DAUGHTER DRIVES", PhiType.GEO)).contains("01247");
        assertThat(values("lives at 14 Quarry Ledge Rd, Fall River 02724 w/ wife", PhiType.GEO)).contains("02724");
        // a dose after a street is no ZIP
        assertThat(values("LIVES ON ELM ST, HEPARIN 25000 UNITS/HR", PhiType.GEO)).doesNotContain("25000");
    }

    @Test
    void givenFiveDigitsAfterAPlaceTheTokenModelFound_thenTheZip() {
        assertThat(valuesWithModel("Home 18 Wellsgrove Terr, Mattapoisett 02739. Mom's cell 617-555-0139.",
                PhiType.GEO)).contains("02739");
    }

    @Test
    void givenAZeroPaddedMonthOrDay_thenADateWhateverComesBefore() {
        assertThat(values("BIPAP 03-03 TO 03-05, NOW 2L NC", PhiType.DATE)).containsExactly("03-03", "03-05");
        assertThat(values("Eliquis for RLE DVT (08/02). s/p coiling 03/05 (Dr. X)", PhiType.DATE))
                .containsExactly("08/02", "03/05");
        // shift hours, doses and rates keep their zeros
        assertThat(values("NPN 07-19 SHIFT. GAVE 02/05 MG. RATE 08/05 ML/HR", PhiType.DATE)).isEmpty();
    }

    @Test
    void givenTheStartOfARangeOfDatesWhoseEndIsADate_thenADate() {
        assertThat(values("COPD exac, BiPAP 2/26-2/28, now 3L NC", PhiType.DATE)).containsExactly("2/26", "2/28");
        assertThat(values("Inpatient rehab 8/10-8/12 for delirium", PhiType.DATE)).containsExactly("8/10", "8/12");
        // settings and ratios that do not run forward within a month open no range of days
        assertThat(values("PS 10/5-12/5 overnight, BP 110/60-120/70", PhiType.DATE)).doesNotContain("10/5", "110/60");
    }

    @Test
    void givenANoteOrAPartOfADayOfAShortDate_thenADate() {
        assertThat(values("ADDENDUM TO NPN OF 3/5 (LATE ENTRY 3/6 0820)", PhiType.DATE)).containsExactly("3/5", "3/6");
        assertThat(values("correction to night note of 9/25: son called", PhiType.DATE)).containsExactly("9/25");
        assertThat(values("apixaban, last dose am of 3/3, kcentra given", PhiType.DATE)).containsExactly("3/3");
        // "of" alone still reads a quantity: "4 of 5", "1/2 of the tab"
        assertThat(values("strength 4/5 of normal, took 1/2 of the tab", PhiType.DATE)).isEmpty();
    }

    @Test
    void givenAHomeCareStartOfCare_thenItsDate() {
        assertThat(values("VNA: Harborside VNA, start of care 6/20, referral faxed", PhiType.DATE)).containsExactly("6/20");
        assertThat(values("HOME HEALTH SOC 3/10, INTAKE RN CALLED", PhiType.DATE)).containsExactly("3/10");
    }
}
