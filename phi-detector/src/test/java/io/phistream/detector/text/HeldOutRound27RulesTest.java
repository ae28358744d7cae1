package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

/**
 * Rules added after held-out batches 62-65, ICU nursing notes (README-text.md, round 27); one test per rule, on
 * sentences written for these tests, not taken from the batches.
 */
class HeldOutRound27RulesTest {

    @Test
    void givenAHospitalsAcronymAmongAHeaderLinesFirstTokens_thenTheFacility() {
        assertThat(values("STEPDOWN 3-9 LPMC 6 WEST 71F CHF", PhiType.GEO)).contains("LPMC");
        assertThat(values("TKUH CASE MGMT NOTE 10/02/25", PhiType.GEO)).contains("TKUH");
        assertThat(values("SIADH - NA 124, ICU TEAM 3/4.\nIMC BED 12 READY 3/4.\nRHC DONE 3/4.", PhiType.GEO)).isEmpty();
        // (clinical acronyms of that shape: review of rounds 26-27)
        assertThat(values("3/4 THC POSITIVE\nSICU 3/4/25 ASDH S/P CRANI\nMICU 3/4 PMC ON PO VANC", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenARegionalOrGeneralBeforeAUnitOrInAHeaderAfterItsDate_thenTheFacility() {
        assertThat(values("PINE BARRENS REGIONAL TICU NSG NOTE 2/2/25", PhiType.GEO)).contains("PINE BARRENS REGIONAL");
        assertThat(values("BURN ICU ADMIT NOTE 5/5/25 0300 HARBOR CITY GENERAL BURN 2", PhiType.GEO))
                .contains("HARBOR CITY GENERAL");
    }

    @Test
    void givenAPairOpeningAFacilitysNameAfterTheUnitOrWithAClinicalWordThatOpensPlaces_thenTheFacility() {
        assertThat(values("MICU OAK HOLLOW REGIONAL MEDICAL CENTER 6/1", PhiType.GEO))
                .contains("OAK HOLLOW REGIONAL MEDICAL CENTER");
        assertThat(values("TX FROM DRY CREEK MED CTR ED", PhiType.GEO)).contains("DRY CREEK MED CTR");
        assertThat(values("TO HEART FAILURE CLINIC, FROM WOUND CARE CENTER", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenAHyphenatedDateAfterTheUnitThatOpensTheLine_thenADate() {
        assertThat(values("SDU 11-4 NOC 70M", PhiType.DATE)).contains("11-4");
        assertThat(values("STEP DOWN 2-6 TWMC 4 EAST", PhiType.DATE)).contains("2-6");
        assertThat(values("ICU 2-3 EMPTY. MICU 2-3 L NC", PhiType.DATE)).isEmpty();
        // (nor a count before a plural or a clinical word: review of rounds 26-27)
        assertThat(values("MICU 2-3 PRESSORS\nTELE 3-4 RUNS OF VT\nBURN ICU 2-3 GRAFTS", PhiType.DATE)).isEmpty();
    }

    @Test
    void givenAStatesBoatNumber_thenAVehicle() {
        assertThat(values("FELL FROM HIS BOAT (SC 4418 KT) NEAR THE DOCK", PhiType.VEHICLE)).containsExactly("SC 4418 KT");
        assertThat(values("SENT IN 1430 TO ICU, MA 1200 PM", PhiType.VEHICLE)).isEmpty();
        // (a year or a time between abbreviations needs a boat: review of rounds 26-27)
        assertThat(values("PMH: MI 2019 PE ON ELIQUIS, MI 2020 CA 2018 OK", PhiType.VEHICLE)).isEmpty();
        assertThat(values("BOAT REG TX 2019 KD", PhiType.VEHICLE)).containsExactly("TX 2019 KD");
    }

    @Test
    void givenFortAndAProperWord_thenAPlace() {
        assertThat(values("WIFE CALLED FROM FORT LIBERTY", PhiType.GEO)).containsExactly("FORT LIBERTY");
    }

    @Test
    void givenAModalWordNameAfterARelativeBeforeAPhoneOrAParenthesisAboutThem_thenAName() {
        assertThat(values("SON WILL 409-555-0199 WILL BRING CLOTHES", PhiType.NAME)).containsExactly("WILL");
        assertThat(values("NEPHEW WILL (WORKS NIGHTS) WILL VISIT", PhiType.NAME)).containsExactly("WILL");
        assertThat(values("SON WILL CALL 409-555-0199", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenARuralRouteWrittenRte_thenAStreet() {
        assertThat(values("HOME RURAL RTE 2 BOX 17, PLAINS", PhiType.GEO)).contains("RURAL RTE 2 BOX 17");
    }
}
