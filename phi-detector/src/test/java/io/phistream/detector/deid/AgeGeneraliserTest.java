package io.phistream.detector.deid;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class AgeGeneraliserTest {

    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "0|0", "1|1", "45|45", "89|89", "' 89 '|89", "089|089",
            "90|90", "91|90", "120|90", "0090|90", "99999999999999999999999|90",
            // years with a fraction (a second HL7 walkthrough: "92.9" had been dropped as unreadable)
            "89.5|89.5", "45.25|45.25", "92.9|90", "90.0|90",
    })
    void givenWholeAge_whenGeneralised_thenOver89Becomes90AndOthersAreKept(String age, String expected) {
        assertThat(AgeGeneraliser.generalise(age)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "-5", "+45", "45Y", "ninety", "١٢٠", "4 5", ".5", "5.", "1.2.3"})
    void givenUnreadableAge_whenGeneralised_thenEmpty(String age) {
        assertThat(AgeGeneraliser.generalise(age)).isEmpty();
    }

    @Test
    void givenNull_whenGeneralised_thenEmpty() {
        assertThat(AgeGeneraliser.generalise(null)).isEmpty();
    }

    @Test
    void givenBirthAndReferenceYears_whenAskingOver89_thenADifferenceOf90OrMoreCounts() {
        assertThat(AgeGeneraliser.impliesOver89(1935, 2024)).isFalse(); // 88 or 89
        assertThat(AgeGeneraliser.impliesOver89(1934, 2024)).isTrue();  // 89 or 90: err towards 90+
        assertThat(AgeGeneraliser.impliesOver89(1904, 2024)).isTrue();
        assertThat(AgeGeneraliser.impliesOver89(2024, 2024)).isFalse();
        assertThat(AgeGeneraliser.impliesOver89(Integer.MIN_VALUE, Integer.MAX_VALUE)).isTrue();
    }
}
