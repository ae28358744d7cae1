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
    void givenADayMonthAndYearInOneToken_thenShiftedInThatForm() {
        // a walkthrough: "4MAR" became "24THG" (its month read as an ordinal suffix), "4MAR26" a made-up "25SEP25"
        assertThat(TextDates.shift("4MAR", -40, 2026)).isEqualTo("23JAN");
        assertThat(TextDates.shift("4MAR26", -40, 2026)).isEqualTo("23JAN26");
        assertThat(TextDates.shift("11MAR26", -40, 2026)).isEqualTo("30JAN26");
        assertThat(TextDates.shift("04MAR2019", -40, 2026)).isEqualTo("23JAN2019");
        assertThat(TextDates.shift("4mar", 1, 2026)).isEqualTo("5mar");
    }

    @Test
    void givenATwoDigitYearAfterADashOrAnApostrophe_thenItIsTheYear() {
        assertThat(TextDates.shift("12-JAN-20", -40, 2026)).isEqualTo("3-DEC-19");
        assertThat(TextDates.shift("JAN-05-19", -40, 2026)).isEqualTo("NOV-26-18");
        assertThat(TextDates.shift("Jan 5 '19", 1, 2026)).isEqualTo("Jan 6 '19");
    }

    @Test
    void givenAMonthWithoutItsDay_thenItMovesAsItsMiddleDoes_andNamesNoDay() {
        assertThat(TextDates.shift("March 2019", -40, 2026)).isEqualTo("February 2019");
        assertThat(TextDates.shift("03/2019", -40, 2026)).isEqualTo("02/2019");
        assertThat(TextDates.shift("Aug '23", -40, 2026)).isEqualTo("Jul '23");
        assertThat(TextDates.shift("JAN-2019", -40, 2026)).isEqualTo("DEC-2018");
        assertThat(TextDates.shift("enero 2023", -40, 2026)).isEqualTo("diciembre 2022");
        assertThat(TextDates.shift("April", -40, 2026)).isEqualTo("March");
        assertThat(TextDates.shift("April", -5, 2026)).as("a shift within the month keeps it").isEqualTo("April");
        assertThat(TextDates.shift("April", -365, 2026)).as("a whole year would give it back").isEqualTo("March");
        assertThat(TextDates.read("March 2019", 2026)).isNull();
    }

    @Test
    void givenADayInWordsAndAYearReadAloud_thenBothAreWrittenInWords() {
        assertThat(TextDates.shift("fifth of March", -40, 2026)).isEqualTo("twenty-fourth of January");
        assertThat(TextDates.shift("twenty-first of May, nineteen eighty-two", -40, 2026))
                .isEqualTo("eleventh of April, nineteen eighty-two");
        assertThat(TextDates.shift("June third, two thousand sixteen", -40, 2026))
                .isEqualTo("April twenty-fourth, two thousand sixteen");
        assertThat(TextDates.shift("January 2nd, two thousand and five", -2, 2026))
                .isEqualTo("December 31st, two thousand and four");
        assertThat(TextDates.shift("January first, two thousand", -1, 2026))
                .isEqualTo("December thirty-first, nineteen ninety-nine");
        assertThat(TextDates.shift("March the THIRTY FIRST", 1, 2026)).isEqualTo("April the FIRST");
    }

    @Test
    void givenADayOfNoMonth_thenItMovesAsThatDayOfALongMonth_andNeverComesBackAsItself() {
        assertThat(TextDates.shift("14th", -40, 2026)).isEqualTo("5th");
        assertThat(TextDates.shift("15th", -40, 2026)).isEqualTo("6th");
        assertThat(TextDates.shift("17th", -40, 2026)).isEqualTo("8th");
        assertThat(TextDates.shift("14th", -31, 2026)).isEqualTo("13th");
        assertThat(TextDates.read("14th", 2026)).isNull();
    }

    @Test
    void givenASpanishFirstOfTheMonth_thenItsOrdinalGoesWithTheFirstOnly() {
        assertThat(TextDates.shift("1ro de julio del 2023", -40, 2026)).isEqualTo("22 de mayo del 2023");
        assertThat(TextDates.shift("2 de julio", -1, 2026)).isEqualTo("1 de julio");
    }

    @Test
    void givenADateOfBirthWithoutSeparators_thenReadInItsLayout() {
        assertThat(TextDates.shift("113044", 1, 2026)).isEqualTo("120144");
        assertThat(TextDates.shift("11301944", 1, 2026)).isEqualTo("12011944");
        assertThat(TextDates.shift("19441130", 1, 2026)).isEqualTo("19441201");
        assertThat(TextDates.read("113044", 2026)).isEqualTo(java.time.LocalDate.of(1944, 11, 30));
        assertThat(TextDates.shift("123456", 1, 2026)).isNull();
    }

    @Test
    void givenWhatIsNoWholeDate_thenNull() {
        assertThat(TextDates.shift("the 14", 10, 2026)).isNull();
        assertThat(TextDates.shift("13/45", 10, 2026)).isNull();
        assertThat(TextDates.shift("Christmas", 10, 2026)).isNull();
        assertThat(TextDates.shift("3/4-3/9", 10, 2026)).isNull();
        assertThat(TextDates.shift("", 10, 2026)).isNull();
    }
}
