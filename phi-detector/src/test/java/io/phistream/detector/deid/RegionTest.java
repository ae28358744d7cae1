package io.phistream.detector.deid;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegionTest {

    @Test
    void givenAStateProvinceOrCountryByNameOrCode_thenItMayStay() {
        assertThat(Region.isName("MA")).isTrue();
        assertThat(Region.isName("massachusetts")).isTrue();
        assertThat(Region.isName("Puerto Rico")).isTrue();
        assertThat(Region.isName("Québec")).isTrue();
        assertThat(Region.isName("U.S.A.")).isTrue();
        assertThat(Region.isName("DEU")).isTrue();
        assertThat(Region.isName("Germany")).isTrue();
        assertThat(Region.isName("Mexico")).isTrue();
    }

    @Test
    void givenACountyATownOrACodeOfDigits_thenItIsNoRegion() {
        // a user's walkthrough: a county in Address.state and a town in Address.country were kept as "names"
        assertThat(Region.isName("Cuyahoga")).isFalse();
        assertThat(Region.isName("Millcreek Falls")).isFalse();
        assertThat(Region.isName("Republic of Ashcombe Terrace Hollow")).isFalse();
        assertThat(Region.isName("02115")).isFalse();
        assertThat(Region.isName("")).isFalse();
    }
}
