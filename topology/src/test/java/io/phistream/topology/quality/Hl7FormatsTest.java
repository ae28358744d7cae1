package io.phistream.topology.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Hl7FormatsTest {

    @ParameterizedTest
    @ValueSource(strings = {"2024", "202403", "20240311", "2024031110", "202403111015", "20240311101530",
        "20240311101530.1", "20240311101530.1234", "20240311101530+0000", "202403111015-0500", "20240229",
        "19880818112600+0700", "20150624084727.655-0500", "2024+1400"})
    void givenAnHl7DateTime_whenCheckedAsDtm_thenItIsAccepted(String v) {
        assertThat(Hl7Formats.isDtm(v)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "24", "202", "20240", "2024031", "20230229", "20240230", "20241301", "20240001",
        "2024031124", "202403111060", "20240311101561", "20240311 1015", "2024-03-11", "20240311.5",
        "20240311101530.12345", "20240311101530+000", "20240311101530+1500", "20240311101530+0060",
        "20240311101530Z", "0999", "03/11/2024", "２０２４"})
    void givenSomethingElse_whenCheckedAsDtm_thenItIsRejected(String v) {
        assertThat(Hl7Formats.isDtm(v)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024", "202402", "20240229"})
    void givenAnHl7Date_whenCheckedAsDt_thenItIsAccepted(String v) {
        assertThat(Hl7Formats.isDt(v)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"20240311101530", "2024022", "20230229", "2024-02"})
    void givenNotADate_whenCheckedAsDt_thenItIsRejected(String v) {
        assertThat(Hl7Formats.isDt(v)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8867-4", "9279-1", "59408-5", "2708-6", "8480-6", "8310-5", "8462-4", "85353-1",
        "2160-0", "67775-7", "3151-8", "3150-0", "625-4", "30963-3", "29769-7"})
    void givenARealLoincCode_whenChecked_thenItsCheckDigitIsAccepted(String v) {
        assertThat(Hl7Formats.isLoinc(v)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8867-5", "22311-7", "8867", "8867-44", "-4", "A867-4", "12345678-9", "8867 -4",
        "LP1234-5", ""})
    void givenAMalformedOrMistypedLoincCode_whenChecked_thenItIsRejected(String v) {
        assertThat(Hl7Formats.isLoinc(v)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"72", "-3", "+3.5", "0.9", ".5", "5."})
    void givenAnHl7Number_whenCheckedAsNm_thenItIsAccepted(String v) {
        assertThat(Hl7Formats.isNumeric(v)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", ".", "1.2.3", "<5", "high", "1e3", "7 2"})
    void givenNotANumber_whenCheckedAsNm_thenItIsRejected(String v) {
        assertThat(Hl7Formats.isNumeric(v)).isFalse();
    }
}
