package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

/** Street addresses written the European and Latin American way: the house number after the street's name. */
class ForeignStreetsTest {

    @Test
    void givenCompoundStreetThenNumber_thenStreetNumberPostalCodeAndTownFound() {
        assertThat(values("Pt lives at Königstraße 17, 70173 Stuttgart with her husband.", PhiType.GEO))
                .containsExactly("Königstraße 17", "70173 Stuttgart");
        assertThat(values("Home address Kerkstraat 112, 1017 GC Amsterdam.", PhiType.GEO))
                .containsExactly("Kerkstraat 112", "1017 GC Amsterdam");
        assertThat(values("Lives at Bahnhofstrasse 3a, Zürich.", PhiType.GEO))
                .containsExactly("Bahnhofstrasse 3a", "Zürich");
        assertThat(values("Lives at Friedrichstr. 123 in Berlin.", PhiType.GEO)).contains("Friedrichstr. 123");
        assertThat(values("Patient resides at Storgatan 8, Stockholm.", PhiType.GEO))
                .containsExactly("Storgatan 8", "Stockholm");
    }

    @Test
    void givenNameWordsBeforeACompoundStreet_thenTheyAreTheStreetsToo() {
        assertThat(values("Meet me at Carry van Bruggenweg 77 today.", PhiType.GEO)).containsExactly("Carry van Bruggenweg 77");
        assertThat(values("Daughter lives at Obere Bahnhofstrasse 9, Bassersdorf.", PhiType.GEO))
                .containsExactly("Obere Bahnhofstrasse 9", "Bassersdorf");
    }

    @Test
    void givenAnAddressBlock_thenTheTownOnTheNextLineIsFound() {
        assertThat(values("Send to:\nBrucknerweg 141\nHaldenstein 76216", PhiType.GEO))
                .contains("Brucknerweg 141", "Haldenstein");
        assertThat(values("ul. Jarzębinowa 5\nBUNDALAGUAH, VIC", PhiType.GEO)).contains("ul. Jarzębinowa 5", "BUNDALAGUAH");
    }

    @Test
    void givenTheTypeFirst_thenStreetAndNumberFound() {
        assertThat(values("Lives with daughter at Calle Mayor 23, 28013 Madrid.", PhiType.GEO))
                .containsExactly("Calle Mayor 23", "28013 Madrid");
        assertThat(values("Son lives at Avenida da Liberdade 110, Lisboa.", PhiType.GEO))
                .containsExactly("Avenida da Liberdade 110", "Lisboa");
        assertThat(values("Discharged to Via Roma 10, 00184 Roma.", PhiType.GEO)).containsExactly("Via Roma 10", "00184 Roma");
        assertThat(values("Her address is ul. Długa 44, Gdańsk.", PhiType.GEO)).containsExactly("ul. Długa 44", "Gdańsk");
        assertThat(values("Home: Calle Almendro Rojo 47, apt 3, Santurce 00911", PhiType.GEO)).contains("Calle Almendro Rojo 47");
        assertThat(values("Domicilio: Col. Crédito Constructor, 03940 Ciudad de México.", PhiType.GEO))
                .contains("Col. Crédito Constructor, 03940");
        assertThat(values("Col. Smith aware.", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenTheFrenchOrder_thenNumberTypeAndNameFound() {
        assertThat(values("Moved to 45 Rue de Rivoli, 75001 Paris.", PhiType.GEO))
                .containsExactly("45 Rue de Rivoli", "75001 Paris");
        assertThat(values("Verda lives on 33 avenue de Provence.", PhiType.GEO)).containsExactly("33 avenue de Provence");
    }

    @Test
    void givenAPostalCodeAfterItsLabel_thenFound_butChestPainScoresAreNot() {
        assertThat(values("Vive en Coyoacán, CP 03940 y C.P. 04510.", PhiType.GEO)).contains("03940", "04510");
        assertThat(values("PLZ 70173; CEP 01310-100.", PhiType.GEO)).containsExactly("70173", "01310-100");
        assertThat(values("CP 10/10 at 0400, CP resolved with NTG x2.", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenBritishAndCanadianPostcodes_thenFound_butADosingIntervalIsNot() {
        assertThat(values("Lives at 10 Downing Street, London SW1A 2AA.", PhiType.GEO)).contains("SW1A 2AA");
        assertThat(values("HOME 228 ASPEN RIDGE CRES, RED DEER AB T4N 2K7. WIFE AWARE", PhiType.GEO)).contains("T4N 2K7");
        assertThat(values("ZOSYN 4.5G Q8 1ST DOSE 1840.", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenAPostalCodeAndTownAfterAComma_thenFound_evenWithAUnitBetweenStreetAndCode() {
        assertThat(values("Calle de Alcalá 45, 3º izq., 28014 Madrid", PhiType.GEO))
                .containsExactly("Calle de Alcalá 45", "28014 Madrid");
        assertThat(values("Vive en Coyoacán, 04510 Ciudad de México.", PhiType.GEO)).contains("04510 Ciudad de México");
        assertThat(values("Started drip, 10000 Units heparin.", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenClinicalTextWithTheSameWords_thenNoAddress() {
        // "via" and "Camino" (an ICP monitor) in clinical sentences; a time's range and a date after them
        assertThat(values("Emergent HD via L AVF 0930-1230, UF 3.5L.", PhiType.GEO)).isEmpty();
        assertThat(values("EMERGENT HD VIA L AVF 1400-1700 BY RENAL RN.", PhiType.GEO)).isEmpty();
        assertThat(values("Came from home via EMS 3/9 w/ vertigo.", PhiType.GEO)).isEmpty();
        assertThat(values("Camino ICP 4-9. Pupils 3 -> 2 brisk.", PhiType.GEO)).isEmpty();
        assertThat(values("CAMINO BOLT PLACED 2130 BY DR OKWUOSA.", PhiType.GEO)).isEmpty();
        assertThat(values("Warm NS via Level 1, Bair hugger.", PhiType.GEO)).isEmpty();
        assertThat(values("Changed to 2 route changes per day; monitoring 2 times.", PhiType.GEO)).isEmpty();
    }
}
