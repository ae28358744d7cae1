package io.phistream.detector.deid;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DateShifterTest {

    private static KeysetHandle keyset;
    private static DateShifter shifter;

    @BeforeAll
    static void createKey() throws GeneralSecurityException {
        PrfConfig.register();
        keyset = KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF);
        shifter = DateShifter.fromKeyset(keyset, 365);
    }

    // ---- offsets ----

    @Test
    void givenManyPatients_whenComputingOffsets_thenAllAreBackwardsWithinRangeAndCoverIt() {
        int maxDays = 30;
        DateShifter s = new DateShifterFactory(keyset).withMaxDays(maxDays);
        Set<Integer> seen = new HashSet<>();

        for (int i = 0; i < 10_000; i++) {
            int offset = s.offsetDays("PAT-" + i);
            assertThat(offset).isBetween(-maxDays, -1);
            seen.add(offset);
        }

        assertThat(seen).hasSize(maxDays); // every offset in [-30, -1] occurs, 0 never does
    }

    @Test
    void givenSameKeyAndPatient_whenComputedByAnotherInstance_thenSameOffset() throws Exception {
        DateShifter other = DateShifter.fromKeyset(keyset, 365);

        for (int i = 0; i < 1_000; i++) {
            assertThat(other.offsetDays("PAT-" + i)).isEqualTo(shifter.offsetDays("PAT-" + i));
        }
    }

    @Test
    void givenAnotherKey_whenComputingOffsets_thenTheyDifferForMostPatients() throws Exception {
        DateShifter other = DateShifter.fromKeyset(KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF), 365);
        int same = 0;

        for (int i = 0; i < 1_000; i++) {
            if (other.offsetDays("PAT-" + i) == shifter.offsetDays("PAT-" + i)) {
                same++;
            }
        }

        assertThat(same).isLessThan(20); // about 1000/365 expected by chance
    }

    @Test
    void givenMaxDaysOne_whenComputingOffsets_thenAlwaysMinusOne() {
        DateShifter s = new DateShifterFactory(keyset).withMaxDays(1);

        assertThat(s.offsetDays("a")).isEqualTo(-1);
        assertThat(s.offsetDays("b")).isEqualTo(-1);
    }

    @Test
    void givenMaxDaysBelowOne_whenConstructed_thenRejected() {
        assertThatThrownBy(() -> new DateShifterFactory(keyset).withMaxDays(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenBlankPatientKey_whenComputingOffset_thenRejected() {
        assertThatThrownBy(() -> shifter.offsetDays(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenTwoDatesOfOnePatient_whenShifted_thenIntervalIsKept() {
        int days = shifter.offsetDays("PAT-7");

        String admit = shifter.shiftHl7("20240227", days);
        String discharge = shifter.shiftHl7("20240304", days);

        LocalDate a = LocalDate.parse(admit, java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        LocalDate d = LocalDate.parse(discharge, java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        assertThat(ChronoUnit.DAYS.between(a, d)).isEqualTo(6);
        assertThat(a).isEqualTo(LocalDate.of(2024, 2, 27).plusDays(days));
    }

    // ---- HL7 ----

    @ParameterizedTest(name = "{0} shifted {1} -> {2}")
    @CsvSource({
            "2024, -10, 2024",
            "2024+0100, -10, 2024+0100",
            "202403, -10, 2024",
            "202403-0500, -10, 2024-0500",
            "20240315, -10, 20240305",
            "2024031514, -10, 2024030514",
            "202403151430, -10, 202403051430",
            "20240315143059, -10, 20240305143059",
            "20240315143059.1, -10, 20240305143059.1",
            "20240315143059.12, -10, 20240305143059.12",
            "20240315143059.1234, -10, 20240305143059.1234",
            "20240315+0000, -10, 20240305+0000",
            "2024031514-0500, -10, 2024030514-0500",
            "20240315143059.1234+1400, -10, 20240305143059.1234+1400",
            "20240315143059-1200, -10, 20240305143059-1200",
            "20240301, -1, 20240229",
            "20230301, -1, 20230228",
            "20000301, -1, 20000229",
            "19000301, -1, 19000228",
            "20240101000000, -1, 20231231000000",
            "20241231235959, 1, 20250101235959",
            "20240315, -366, 20230315",
            "20240315, 0, 20240315",
            "20240229, -1461, 20200229",
    })
    void givenHl7DateOfAnyPrecision_whenShifted_thenDateMovesAndPrecisionAndZoneAreKept(String in, int days, String out) {
        assertThat(shifter.shiftHl7(in, days)).isEqualTo(out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2024-03-15", "20240230", "20230229", "19000229", "20241301", "20240015",
            "20240001", "2024031524", "202403151260", "20240315123060", "20240315.1", "20240315123000.12345",
            "20240315+1500", "20240315+0160", "20240315+100", "2024031", "20240315^S", "abcd", " 20240315",
            "20240315 ", "٢٠٢٤٠٣١٥", "20240315123000.", "20240315Z"})
    void givenInvalidHl7Date_whenShifted_thenRejectedWithoutEchoingIt(String in) {
        assertThatThrownBy(() -> shifter.shiftHl7(in, -3))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> {
                    if (!in.isEmpty()) {
                        assertThat(e.getMessage()).doesNotContain(in);
                    }
                });
        assertThatThrownBy(() -> DateShifter.yearOfHl7(in)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenNull_whenShifted_thenRejected() {
        assertThatThrownBy(() -> shifter.shiftHl7(null, -3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> shifter.shiftFhir(null, -3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenShiftBeforeYearZero_whenShifted_thenRejected() {
        assertThatThrownBy(() -> shifter.shiftHl7("00000101", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> shifter.shiftFhir("0001-01-01", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> shifter.shiftHl7("99991231", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenHl7Values_whenAskingTheYear_thenYearIsReturned() {
        assertThat(DateShifter.yearOfHl7("1934")).isEqualTo(1934);
        assertThat(DateShifter.yearOfHl7("193406")).isEqualTo(1934);
        assertThat(DateShifter.yearOfHl7("19340612083000.5+0100")).isEqualTo(1934);
    }

    // ---- FHIR ----

    @ParameterizedTest(name = "{0} shifted {1} -> {2}")
    @CsvSource({
            "2024, -10, 2024",
            "2024-03, -10, 2024",
            "2024-03-15, -10, 2024-03-05",
            "2024-03-15T14:30:59Z, -10, 2024-03-05T14:30:59Z",
            "2024-03-15T14:30:59+01:00, -10, 2024-03-05T14:30:59+01:00",
            "2024-03-15T14:30:59-05:00, -10, 2024-03-05T14:30:59-05:00",
            "2024-03-15T14:30:59.123Z, -10, 2024-03-05T14:30:59.123Z",
            "2024-03-15T14:30:59.123456789+14:00, -10, 2024-03-05T14:30:59.123456789+14:00",
            "2024-03-15T14:30:59, -10, 2024-03-05T14:30:59",
            "2016-12-31T23:59:60Z, 1, 2017-01-01T23:59:60Z",
            "2024-03-01, -1, 2024-02-29",
            "2023-03-01, -1, 2023-02-28",
            "2000-03-01T00:00:00Z, -1, 2000-02-29T00:00:00Z",
            "2024-01-01, -1, 2023-12-31",
    })
    void givenFhirDateOfAnyPrecision_whenShifted_thenDateMovesAndPrecisionAndZoneAreKept(String in, int days, String out) {
        assertThat(shifter.shiftFhir(in, days)).isEqualTo(out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "20240315", "2024-3-15", "2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10",
            "0000-01-01", "2024-03-15T14:30Z", "2024-03-15T24:00:00Z", "2024-03-15T14:60:00Z", "2024-03-15T14:30:61Z",
            "2024-03-15T14:30:59+15:00", "2024-03-15T14:30:59+14:30", "2024-03-15T14:30:59+0100",
            "2024-03-15 14:30:59Z", "2024-03-15T14:30:59.Z", "2024-03-15Z", "2024-03-15T", "2024-03-15T14:30:59z"})
    void givenInvalidFhirDate_whenShifted_thenRejectedWithoutEchoingIt(String in) {
        assertThatThrownBy(() -> shifter.shiftFhir(in, -3))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> {
                    if (!in.isEmpty()) {
                        assertThat(e.getMessage()).doesNotContain(in);
                    }
                });
        assertThatThrownBy(() -> DateShifter.yearOfFhir(in)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenFhirValues_whenAskingTheYear_thenYearIsReturned() {
        assertThat(DateShifter.yearOfFhir("1934")).isEqualTo(1934);
        assertThat(DateShifter.yearOfFhir("1934-06")).isEqualTo(1934);
        assertThat(DateShifter.yearOfFhir("1934-06-12T08:30:00Z")).isEqualTo(1934);
    }

    /** Builds shifters on the shared test keyset with other ranges. */
    private record DateShifterFactory(KeysetHandle keyset) {
        DateShifter withMaxDays(int maxDays) {
            try {
                return DateShifter.fromKeyset(keyset, maxDays);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
