package io.phistream.detector.deid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DayMentionsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"20250310", "2025-03-10", "2025-03-10T09:00:00Z", "03/10/2025", "3/10/2025", "10.03.2025",
        "10.3.2025", "03-10-2025", "March 10, 2025", "march 10 2025", "Mar 10, 2025", "Mar. 10th, 2025", "10 March 2025",
        "10 MAR 2025", "10-MAR-2025", "admitted 3/10/2025 after a fall", "|X1^Admitted 3/10/2025^L|",
        // a time after the day, or digits before it, parted by spaces (a walkthrough: all were released)
        "Vitals taken 03/10/2025 08:15", "2025-03-10 08:15", "3/10/2025 8:15", "03/10/2025 0815", "12 03/10/2025",
        "08:15 03/10/2025", "3 10 2025",
        // the day of a timestamp, HL7's and ISO's basic forms
        "20250310081500", "202503100815", "2025031008", "20250310081500-0500", "20250310081500.1234+0100",
        "|20250310081500|"})
    void givenADayInACommonWrittenForm_thenItIsNamed(String text) {
        assertThat(DayMentions.of(text)).containsKey("20250310");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"3/10", "March 10", "A20250310", "2025", "March 2025", "310 mg",
        "Mar 100, 2025", "10 March 20251", "555-0142", "3/10/20255", "20250310996100", "202503102", "20250310081500123",
        "A20250310081500"})
    void givenNoWholeDayWithItsYear_thenNothingIsNamed(String text) {
        assertThat(DayMentions.of(text)).doesNotContainKey("20250310");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1.2102019", "12.10.2019.5", "1-210-2019", "(121) 020-19", "A12102019"})
    void givenDigitsAndPunctuationNotShapedAsADate_thenNoDayIsNamed(String text) {
        // joined, each would spell 12102019 (the 10th of December 2019): a decimal, a version, a phone
        assertThat(DayMentions.of(text)).doesNotContainKey("20191210");
    }

    @Test
    void givenAnAmbiguousOrder_thenEveryDayItCanBeIsNamedOnce() {
        // 03/04/2025 is the 4th of March in the US, the 3rd of April elsewhere: the guard must find either original
        assertThat(DayMentions.of("seen 03/04/2025")).containsEntry("20250304", 1).containsEntry("20250403", 1);
    }

    @Test
    void givenTheSameDayTwice_thenItIsCountedTwice_andTextReadForMovedDatesCountsAlike() {
        Map<String, Integer> moved = new java.util.HashMap<>();
        DayMentions.add("20250310", 3, moved);
        DayMentions.add("on 3/10/2025", 1, moved);

        assertThat(DayMentions.of("2025-03-10 and again March 10, 2025")).containsEntry("20250310", 2);
        assertThat(moved).containsEntry("20250310", 4);
    }

    @Test
    void givenADayAndATimeParted_thenTheDayIsCountedOnce() {
        assertThat(DayMentions.of("03/10/2025 08:15")).containsEntry("20250310", 1);
        assertThat(DayMentions.of("20250310 0815")).containsEntry("20250310", 1);
        assertThat(DayMentions.of("20250310081500 12")).containsEntry("20250310", 1);
    }

    @ParameterizedTest(name = "{0}, word ending at {1}")
    @CsvSource(delimiter = '|', value = {"March 10|5", "Mar. 10|3", "10-MAR-2025|6", "Sept. 10th|4", "10 March 2025|8"})
    void givenAWordFollowedByABlankOrADash_perhapsAfterAPeriod_thenItMayNameADay(String text, int end) {
        assertThat(DayMentions.spaceOrDashAfter(text, end)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"March", "March\"", "March.", "March,10", "March..10", "March/10"})
    void givenAWordAtTheEndOrFollowedByAnythingElse_thenItNamesNoDay(String text) {
        assertThat(DayMentions.spaceOrDashAfter(text, 5)).isFalse();
    }

    @Test
    void givenMonthNamesInJsonWords_thenNoDayIsNamed_butTheSameNamesWrittenAsDatesAre() {
        // the words a JSON output holds end at a quote; the names in dates are followed by a blank or a dash
        assertThat(DayMentions.of("{\"march\":\"10, 2025\",\"mar\":\"10-2025\"}")).isEmpty();
        assertThat(DayMentions.of("{\"text\":\"march 10, 2025\",\"t\":\"10-mar-2025\"}"))
                .containsEntry("20250310", 2);
    }
    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "no digits", "(508) 555-0142", "987 65 4329, 987-65-4329", "2025 - 03 - 10",
        "03/12/1958", "A20250310-12", "1.2102019", "12.10.2019.5", "3 -- 4", "3 ---- 4", "5-", "-5", "x9y8z7",
        "call 555-0142.", "Mar. 10th, 2025", "{\"v\":\"2019-03-10T05:32:11-05:00\",\"n\":[1,22, 333]}",
        "\u2012 1\u20132\u2014 3\u2212\u22124 5"})
    void givenAnyText_thenTheDigitRunsWrittenWhileReadingDaysAreThoseDigitRunsMakes(String text) {
        StringBuilder runs = new StringBuilder();

        DayMentions.forEach(text, (day, start, end) -> { }, runs);

        assertThat(runs.toString()).isEqualTo(ResidualMatch.digitRuns(text));
    }

    @Test
    void givenRandomDigitsPunctuationAndLetters_thenTheDigitRunsWrittenAreThoseDigitRunsMakes() {
        java.util.Random random = new java.util.Random(20261201);
        String alphabet = "0123456789-. ()/\u2010\u2013\u2212aMrch,:\"T";
        for (int t = 0; t < 20_000; t++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(30); k > 0; k--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            StringBuilder runs = new StringBuilder();

            DayMentions.forEach(text, (day, start, end) -> { }, runs);

            assertThat(runs.toString()).as(text.toString()).isEqualTo(ResidualMatch.digitRuns(text.toString()));
        }
    }

    @Test
    void givenDaysToLookFor_thenEachNamedIsCountedInTheOrderFirstNamed_andTheFirstNamedMoreOftenThanMovedIsUnmoved() {
        String text = "seen 2025-03-10, 03/04/2025 and 10 March 2025; 2025-03-04";

        Map<String, Integer> named = DayMentions.named(text, java.util.List.of("20250304", "20250310"),
                (start, end) -> true, null);

        assertThat(named).containsExactly(Map.entry("20250310", 2), Map.entry("20250304", 2));
        assertThat(DayMentions.firstUnmoved(named, Map.of("2025-03-10", 2), java.util.List.of())).isEqualTo("20250304");
        assertThat(DayMentions.firstUnmoved(named, Map.of("2025-03-10", 1), java.util.List.of())).isEqualTo("20250310");
        assertThat(DayMentions.firstUnmoved(named, Map.of("2025-03-10", 2, "2025-03-04", 2), java.util.List.of()))
                .isNull();
    }
}
