package io.phistream.detector.deid;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Zip3Test {

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
            "02139|021",
            "02139-4307|021",
            "021394307|021",
            "' 02139 '|021",
            "'02139 4307'|021",
            "'02139 - 4307'|021",
            "90210|902",
            "00501|005",
            // restricted in both censuses
            "03601|000",
            "89301-1234|000",
            // restricted in 2000 only, and in 2010 only: the union restricts both
            "06390|000",
            "20501|000",
            "36901|000",
    })
    void givenUsZip_whenGeneralisedWithDefaultUnion_thenFirstThreeDigitsOr000(String zip, String expected) {
        assertThat(Zip3.defaultUnion().generalise(zip)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "K1A 0B6", "SW1A 1AA", "1234", "123456", "12345-678", "12345-67890",
            "1234567890", "abcde", "12a45", "١٢٣٤٥", "12345+6789", "ZIP 02139"})
    void givenValueThatIsNotAUsZip_whenGeneralised_then000(String value) {
        assertThat(Zip3.defaultUnion().generalise(value)).isEqualTo("000");
    }

    @ParameterizedTest(name = "''{0}'' in ''{1}'' -> {2}")
    @CsvSource(delimiter = '|', value = {
            "70173|DEU|000",
            "03940|Mexico|000",
            "28014|ES|000",
            "02139|USA|021",
            "02139|United States|021",
            "02139|U.S.A.|021",
            "00901|PRI|009",
            "02139|''|021",
    })
    void givenTheAddresssCountry_whenGeneralised_thenOnlyUsZipsKeepThreeDigits(String code, String country,
                                                                              String expected) {
        assertThat(Zip3.defaultUnion().generalise(code, country)).isEqualTo(expected);
    }

    @Test
    void givenNull_whenGeneralised_then000() {
        assertThat(Zip3.defaultUnion().generalise(null)).isEqualTo("000");
    }

    @Test
    void givenShippedLists_whenLoaded_thenTheyHoldTheHhsAndCensus2010Prefixes() {
        assertThat(Zip3.of(Zip3.CENSUS_2000).restrictedPrefixes()).containsExactly(
                "036", "059", "063", "102", "203", "556", "692", "790", "821", "823", "830", "831", "878", "879",
                "884", "890", "893");
        assertThat(Zip3.of(Zip3.CENSUS_2010).restrictedPrefixes()).containsExactly(
                "036", "059", "102", "203", "205", "369", "556", "692", "821", "823", "878", "879", "884", "893");
        assertThat(Zip3.defaultUnion().restrictedPrefixes()).hasSize(19).contains("063", "205", "369", "790");
    }

    @Test
    void givenSingleList_whenGeneralising_thenOnlyThatListRestricts() {
        Zip3 census2000 = Zip3.of(Zip3.CENSUS_2000);
        Zip3 census2010 = Zip3.of(Zip3.CENSUS_2010);

        assertThat(census2000.generalise("06390")).isEqualTo("000");
        assertThat(census2010.generalise("06390")).isEqualTo("063");
        assertThat(census2000.generalise("20501")).isEqualTo("205");
        assertThat(census2010.generalise("20501")).isEqualTo("000");
    }

    @Test
    void givenUnknownOrNoListName_whenLoading_thenRejectedNamingTheList() {
        assertThatThrownBy(() -> Zip3.of("census1990"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("census1990");
        assertThatThrownBy(() -> Zip3.of("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(Zip3::of).isInstanceOf(IllegalArgumentException.class);
    }
}
