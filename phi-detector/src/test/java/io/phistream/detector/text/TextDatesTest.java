package io.phistream.detector.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A date in a note, shifted by a patient's offset, comes back in the form it was written. */
class TextDatesTest {

    @Test
    void givenNumericDates_thenShiftedInTheirOwnForm() {
        assertThat(TextDates.shift("3/4", 39, 2026)).isEqualTo("4/12");
        assertThat(TextDates.shift("03/04", 39, 2026)).isEqualTo("04/12");
        assertThat(TextDates.shift("03-04-2019", 39, 2026)).isEqualTo("04-12-2019");
        assertThat(TextDates.shift("3/4/19", -70, 2026)).isEqualTo("12/24/18");
        assertThat(TextDates.shift("2019-03-04", 300, 2026)).isEqualTo("2019-12-29");
        assertThat(TextDates.shift("2019-12-05", 30, 2026)).isEqualTo("2020-01-04");
        assertThat(TextDates.shift("12.30.2020", 5, 2026)).isEqualTo("1.4.2021");
    }

    @Test
    void givenADayFirstDate_thenShiftedAndWrittenDayFirst() {
        // (a first number above 12 is a day: "15/12/2026" read as month 15 had become a made-up date)
        assertThat(TextDates.shift("15/12/2026", 70, 2026)).isEqualTo("23/2/2027");
        assertThat(TextDates.shift("25.03.2026", -30, 2026)).isEqualTo("23.02.2026");
        assertThat(TextDates.shift("3/4/2026", 1, 2026)).as("ambiguous: month first, as before").isEqualTo("3/5/2026");
    }

    @Test
    void givenASpanishDate_thenShiftedInSpanish() {
        assertThat(TextDates.shift("15 de diciembre de 2026", 70, 2026)).isEqualTo("23 de febrero de 2027");
        assertThat(TextDates.shift("3 DIC 2026", 1, 2026)).isEqualTo("4 DIC 2026");
        assertThat(TextDates.shift("1 de mayo", -1, 2026)).isEqualTo("30 de abril");
    }

    @Test
    void givenDatesWithAMonthsName_thenTheNameCaseAndOrdinalFollowTheShift() {
        assertThat(TextDates.shift("Jan 5th", 39, 2026)).isEqualTo("Feb 13th");
        assertThat(TextDates.shift("January 5, 2019", 30, 2026)).isEqualTo("February 4, 2019");
        assertThat(TextDates.shift("5th of March", 1, 2026)).isEqualTo("6th of March");
        assertThat(TextDates.shift("12-JAN-2020", -13, 2026)).isEqualTo("30-DEC-2019");
        assertThat(TextDates.shift("Sept 30", 1, 2026)).isEqualTo("Oct 1");
        assertThat(TextDates.shift("march 21st", 1, 2026)).isEqualTo("march 22nd");
    }

    @Test
    void givenAShiftOfAWholeYear_thenADateWithoutAYearStillMoves_andOneWithAYearKeepsItsDayAndMonth() {
        assertThat(TextDates.shift("3/4", -365, 2026)).isEqualTo("3/3");
        assertThat(TextDates.shift("Mar 4th", -365, 2026)).isEqualTo("Mar 3rd");
        assertThat(TextDates.shift("3/4/2026", -365, 2026)).isEqualTo("3/4/2025");
    }

    @Test
    void givenFebruaryTheTwentyNinthWithoutAYear_thenReadInALeapYear() {
        assertThat(TextDates.shift("2/29", 1, 2026)).isEqualTo("3/1");
        assertThat(TextDates.shift("2/29/2019", 1, 2026)).isNull();
    }

    @Test
    void givenWhatIsNoWholeDate_thenNull() {
        assertThat(TextDates.shift("March 2019", 10, 2026)).isNull();
        assertThat(TextDates.shift("the 14th", 10, 2026)).isNull();
        assertThat(TextDates.shift("13/45", 10, 2026)).isNull();
        assertThat(TextDates.shift("Christmas", 10, 2026)).isNull();
        assertThat(TextDates.shift("3/4-3/9", 10, 2026)).isNull();
        assertThat(TextDates.shift("", 10, 2026)).isNull();
    }
}
