package io.phistream.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class DatesTest {

    @Test
    void givenEveryDayFrom1900To2100_thenCivilConversionAgreesWithJavaTime() {
        for (LocalDate d = LocalDate.of(1900, 1, 1); d.getYear() < 2100; d = d.plusDays(1)) {
            assertThat(Dates.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth())).isEqualTo(d.toEpochDay());
            assertThat(Dates.ymd(d.toEpochDay()))
                    .isEqualTo(d.getYear() * 10000 + d.getMonthValue() * 100 + d.getDayOfMonth());
        }
    }

    @Test
    void givenLocalSeconds_thenDtmMatchesJavaTimeFormatting() {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
        Rng r = new Rng(1);
        for (int i = 0; i < 10_000; i++) {
            long sec = r.betweenLong(-2_000_000_000L, 4_000_000_000L);
            String expected = LocalDateTime.ofEpochSecond(sec, 0, ZoneOffset.UTC).format(f);
            assertThat(Dates.dtm(sec, true)).isEqualTo(expected);
            assertThat(Dates.dtm(sec, false)).isEqualTo(expected.substring(0, 12));
        }
    }

    @Test
    void givenBirthdays_thenAgeCountsWholeYears() {
        assertThat(Dates.age(19350615, 20250614)).isEqualTo(89);
        assertThat(Dates.age(19350615, 20250615)).isEqualTo(90);
        assertThat(Dates.ordinal(1)).isEqualTo("1st");
        assertThat(Dates.ordinal(12)).isEqualTo("12th");
        assertThat(Dates.ordinal(22)).isEqualTo("22nd");
        assertThat(Dates.ordinal(23)).isEqualTo("23rd");
    }

    @Test
    void givenTheRng_thenBoundedValuesStayInRangeAndCoverIt() {
        Rng r = new Rng(99);
        boolean[] hit = new boolean[7];
        for (int i = 0; i < 10_000; i++) {
            int v = r.between(3, 9);
            assertThat(v).isBetween(3, 9);
            hit[v - 3] = true;
        }
        assertThat(hit).containsOnly(true);
    }
}
