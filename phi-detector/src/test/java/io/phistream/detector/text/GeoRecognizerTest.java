package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

class GeoRecognizerTest {

    @Test
    void givenStreetAddresses_thenWholeAddressFound() {
        assertThat(values("LIVES AT 12 OAK ST WITH HUSBAND", PhiType.GEO)).containsExactly("12 OAK ST");
        assertThat(values("Home: 1600 Pennsylvania Ave NW, Apt 4B", PhiType.GEO)).containsExactly("1600 Pennsylvania Ave NW, Apt 4B");
        assertThat(values("Mail to P.O. Box 311", PhiType.GEO)).containsExactly("P.O. Box 311");
        assertThat(values("LIVES AT 55 FRUIT ST WITH SON", PhiType.GEO)).containsExactly("55 FRUIT ST");
        assertThat(values("2 RESIDENTS DR SMITH AWARE", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenClinicalNumberWordSequences_thenNoStreets() {
        assertThat(values("3 WAY STOPCOCK, 2 ENLARGED LN, HR 110 ST", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenCitiesAndCounties_thenFound_statesNot() {
        assertThat(values("PT FROM WORCESTER, MA", PhiType.GEO)).containsExactly("WORCESTER");
        assertThat(values("Lives in Suffolk County, Massachusetts.", PhiType.GEO)).containsExactly("Suffolk County");
        assertThat(values("Moved to Texas last year.", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenHospitals_thenFoundInAnyCase() {
        assertThat(values("TRANSFERRED FROM ST JOSEPH HOSPITAL", PhiType.GEO)).containsExactly("ST JOSEPH HOSPITAL");
        assertThat(values("Seen at Massachusetts General Hospital.", PhiType.GEO)).containsExactly("Massachusetts General Hospital");
        assertThat(values("D/C TO LAKESIDE NURSING HOME", PhiType.GEO)).containsExactly("LAKESIDE NURSING HOME");
        assertThat(values("Returned to the hospital. OSH records pending.", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenGenericFacilityWords_thenNotPhi_butClinicalWordsInsideStreetNamesAre() {
        assertThat(values("PT TO CANCER CENTER FOR CHEMO. HEART HOSPITAL COURSE UNREMARKABLE.", PhiType.GEO)).isEmpty();
        assertThat(values("HOME ADDRESS 1147 BLUE HILL AVE, MILTON MA 02186", PhiType.GEO))
                .contains("1147 BLUE HILL AVE", "02186");
    }

    @Test
    void givenTownsAfterStrongContext_thenFoundEvenIfUnlistedOrCommonWords() {
        assertThat(values("PT LIVES IN BUFFALO WITH WIFE", PhiType.GEO)).containsExactly("BUFFALO");
        assertThat(values("LIVES W/ HUSB OTIS IN MATTAPAN.", PhiType.GEO)).containsExactly("MATTAPAN");
    }

    @Test
    void givenAddressContextWithoutSuffix_thenHouseNumberAndNameFound() {
        assertThat(values("ADDRESS: 12 WEXCOMBE, QUINCY. LIVES AT 40 MAPLEWOOD WITH SON. HOME AT 5 PM.", PhiType.GEO))
                .contains("12 WEXCOMBE", "40 MAPLEWOOD").doesNotContain("5 PM");
    }
}
