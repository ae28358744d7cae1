package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

class DateRecognizerTest {

    @Test
    void givenCommonClinicalDateForms_thenAllFound() {
        assertThat(values("S/P CABG ON 3/4.", PhiType.DATE)).containsExactly("3/4");
        assertThat(values("Admitted 03-04-2019 and seen 2019-03-04.", PhiType.DATE)).containsExactly("03-04-2019", "2019-03-04");
        assertThat(values("Follow up Jan 5th with PCP.", PhiType.DATE)).containsExactly("Jan 5th");
        assertThat(values("Surgery on the 5th of March.", PhiType.DATE)).containsExactly("5th of March");
        assertThat(values("Diagnosed March 2019, relapse January 5, 2020.", PhiType.DATE))
                .containsExactly("March 2019", "January 5, 2020");
        assertThat(values("DOB: 5/19/1937", PhiType.DATE)).containsExactly("5/19/1937");
        assertThat(values("SEEN 12-JAN-2020 IN CLINIC", PhiType.DATE)).containsExactly("12-JAN-2020");
        assertThat(values("CT 04MAR2019, MRI 4MAR19", PhiType.DATE)).containsExactly("04MAR2019", "4MAR19");
    }

    @Test
    void givenRatiosDosesAndScores_thenNotDates() {
        assertThat(values("BP 120/80, HR 88. TAKE 3/4 TAB PO. PAIN 5/10. STRENGTH 5/5 BUE.", PhiType.DATE)).isEmpty();
        assertThat(values("PNA 2/2 ASPIRATION. GIVE 1/2 NS. VENT 500/5. PS 10/5.", PhiType.DATE)).isEmpty();
        assertThat(values("O2 SAT 3-4 L NC, Q3-4H PRN.", PhiType.DATE)).isEmpty();
    }

    @Test
    void givenWeekdaysAndDurations_thenNotPhi() {
        assertThat(Spans.found("Seen last Tuesday, symptoms for 3 days, at 14:30.")).isEmpty();
    }

    @Test
    void givenMayAsVerb_thenNotADate_butMay5Is() {
        assertThat(values("PT MAY NEED INTUBATION.", PhiType.DATE)).isEmpty();
        assertThat(values("PT ADMITTED MAY 5 FROM HOME.", PhiType.DATE)).containsExactly("MAY 5");
    }

    @Test
    void givenAgesOver89_thenFound_andYoungerAgesIgnored() {
        assertThat(values("92 YO F WITH CHF", PhiType.AGE)).containsExactly("92");
        assertThat(values("a 101-year-old man", PhiType.AGE)).containsExactly("101");
        assertThat(values("PT IS A 95YOM", PhiType.AGE)).containsExactly("95");
        assertThat(values("She is ninety-two years old.", PhiType.AGE)).containsExactly("ninety-two");
        assertThat(values("67 YO M WITH COPD, HR 95 BPM", PhiType.AGE)).isEmpty();
    }

    @Test
    void givenYearsWithContext_thenReportedOnlyWhenConfigured() {
        assertThat(values("Diagnosed in 2015.", PhiType.DATE)).containsExactly("2015");
        TextPhiDetector noYears = TextPhiDetector.withConfig(TextPhiDetector.Config.DEFAULT.withYearsAlone(false));
        assertThat(noYears.detect("Diagnosed in 2015.", DetectionContext.EMPTY)).isEmpty();
    }

    @Test
    void givenDateRangesAndOrdinalDays_thenFound_butFloorsAndDosesNot() {
        assertThat(values("ABX 3/4-3/9, THEN PO.", PhiType.DATE)).containsExactly("3/4", "3/9");
        assertThat(values("Dispo likely Friday the 14th. Seen on the 3rd.", PhiType.DATE)).containsExactly("Friday the 14th", "3rd");
        assertThat(values("TRANSFER TO THE 5TH FLOOR. GIVE THE 2ND DOSE. TAKE 1/2-1 TAB.", PhiType.DATE)).isEmpty();
    }

    @Test
    void givenAgeStatedWithIs_thenOnlyForPersons() {
        assertThat(values("Pt is 93. HR is 95. SAT IS 92%.", PhiType.AGE)).containsExactly("93");
    }
}
