package io.phistream.detector.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HapiTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`\"plain\",`|6", "`\"a\\\"b\",`|5", "`\"a\\\\\",`|4", "`\"a\\\\\\\"b\",`|7", "`\"\",`|1", "`\"\\u0022\"`|7"})
    void givenAJsonString_thenItsClosingQuoteIsTheFirstAfterAnEvenNumberOfBackslashes(String json, int closing) {
        // the string's text starts after its opening quote, at 1
        assertThat(Hapi.closingQuote(json, 1)).isEqualTo(closing);
    }

    @Test
    void givenAStringThatNeverCloses_thenThereIsNoClosingQuote() {
        assertThat(Hapi.closingQuote("\"abc\\\"", 1)).isEqualTo(-1);
        assertThat(Hapi.closingQuote("\"abc", 1)).isEqualTo(-1);
    }

    @Test
    void givenAHugeExponentOutsideTheStrings_thenItIsFound_whateverTheStringsBeforeItEscape() {
        assertThat(Hapi.hugeExponent("{\"a\":\"x\\\\\",\"v\":1e1001}")).isTrue();
        assertThat(Hapi.hugeExponent("{\"a\":\"x\\\"1e1001\",\"v\":1e1001}")).isTrue();
        assertThat(Hapi.hugeExponent("{\"a\":\"1e5\",\"v\":2.5E+0000099999}")).isTrue();
    }

    @Test
    void givenAHugeExponentOnlyInsideStrings_orOrdinaryExponents_thenNoneIsFound() {
        assertThat(Hapi.hugeExponent("{\"a\":\"x\\\"1e1001\\\\\",\"v\":6.02E23}")).isFalse();
        assertThat(Hapi.hugeExponent("{\"id\":\"0a3e1234-5e6789\",\"v\":1e1000}")).isFalse();
        assertThat(Hapi.hugeExponent("{\"a\":\"1e1001")).isFalse();
    }
}
