package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

/**
 * Rules added after held-out batches 70-73, ICU nursing notes (README-text.md, round 29); one test per rule, on
 * sentences written for these tests, not taken from the batches.
 */
class HeldOutRound29RulesTest {

    @Test
    void givenAHospitalShapedAcronymAnywhereOnANotesHeaderLine_thenTheHospital() {
        assertThat(values("MICU NPN 7P-7A   QVRMC 66 YOF SEPSIS", PhiType.GEO)).containsExactly("QVRMC");
        assertThat(values("neuro icu npn 7a-7p kbmc 52 yo f, sah", PhiType.GEO)).containsExactly("kbmc");
        assertThat(values("PLRH TRAUMA STEP-DOWN 3 EAST NOC 57 YOM", PhiType.GEO)).containsExactly("PLRH");
        assertThat(values("TWPRMC CCU NPN 7P-7A 68 YOM", PhiType.GEO)).containsExactly("TWPRMC");
        // not on a line that is no note's header, nor a unit's or a procedure's own acronym
        assertThat(values("MICU NPN 7P-7A PT ON BIPAP, CVVH VIA RIJ\nECMO CCU NPN 7P-7A\nIMC STEP DOWN NOTE 0700",
                PhiType.GEO)).isEmpty();
    }

    @Test
    void givenWordsAfterAnAgeASexAndFromThatEndThePhrase_thenTheHomeTown() {
        assertThat(values("CCU NPN 61 YOM FROM HOPE, CUT L SHIN W/ CHAINSAW", PhiType.GEO)).containsExactly("HOPE");
        assertThat(values("CCU NPN 68 YOM FROM SWAN VALLEY, ANT STEMI", PhiType.GEO)).containsExactly("SWAN VALLEY");
        // care settings, states and clinical phrases are where a patient comes from, not a town
        assertThat(values("72 YOM FROM HOME, SOB. 80 YOF FROM NURSING HOME. 61 yo M from Ohio, elk hunt. "
                + "72 YOM FROM SEPTIC SHOCK, INTUBATED. 66M FROM ED W/ SEPSIS", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenACapitalisedTownAfterInBeforeAState_thenTheTown() {
        assertThat(values("Lives in Bow NH. Retired trooper.", PhiType.GEO)).containsExactly("Bow");
        assertThat(values("presented to the OSH in Salem NH w/ worst HA of life", PhiType.GEO)).contains("Salem");
        assertThat(values("PT IN ICU MA. RUNS IN VT NOTED. HX OF SZ IN CHILDHOOD.", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenWordsInParenthesesAfterAStreetOrAnAreaAfterATown_thenTheNeighbourhood() {
        assertThat(values("FELL OFF LADDER ON MISSION CREEK RD (CASHMERE). R SDH", PhiType.GEO))
                .contains("CASHMERE");
        assertThat(values("HOME 4410 S. KILBOURN AVE 60632 (ARCHER HEIGHTS). DISPO:", PhiType.GEO))
                .contains("4410 S. KILBOURN AVE", "60632", "ARCHER HEIGHTS");
        assertThat(values("MOM DRIVING FROM TWISP (METHOW VALLEY), ETA 0800", PhiType.GEO)).contains("METHOW VALLEY");
        assertThat(values("ADMITTED FROM NEMASKET REGIONAL HOSPITAL (MIDDLEBORO) W/ STEMI", PhiType.GEO))
                .contains("MIDDLEBORO");
        // roles, remarks, countries and short abbreviations in parentheses are no places
        assertThat(values("LIVES AT 12 ELM ST (HOME) WITH WIFE", PhiType.GEO)).containsExactly("12 ELM ST");
        assertThat(values("Son called from Edinburgh (Scotland). Mom Lorraine Mayfield (MPOA) lives in Boston. "
                + "TO LOST HORSE MEMORIAL HOSPITAL (CAH)", PhiType.GEO)).doesNotContain("Scotland", "MPOA", "CAH");
    }

    @Test
    void givenANeighbourhoodAfterAStreetAndIn_thenThePlace() {
        assertThat(values("FOUND DOWN ON E 7TH ST IN SOUTHIE 1/15, +ETOH", PhiType.GEO)).contains("SOUTHIE");
        assertThat(values("fell at the job site on Congress Pier Rd in the Seaport 4/22, brought", PhiType.GEO))
                .contains("Seaport");
        assertThat(values("LIVES ON ELM ST IN A SHELTER.", PhiType.GEO)).containsExactly("ELM ST");
    }

    @Test
    void givenHouseNumbersBeforeACompassLetterWithAStopAMonthOrANumberedRoad_thenTheStreet() {
        assertThat(values("CHECK AT 6422 S. MAY ST, FAN ON", PhiType.GEO)).contains("6422 S. MAY ST");
        assertThat(values("on a farm at 4410 Rd 92, Pasco 99301.", PhiType.GEO)).contains("4410 Rd 92", "Pasco", "99301");
        assertThat(values("GAVE 4 S. AT 0800", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenShortDatesAfterACountedProcedureAPlaceOfInjuryOrAPlaceFound_thenDates() {
        assertThat(values("CSRU NPN S/P AVR/CABG X2 3-27, POD 1.", PhiType.DATE)).containsExactly("3-27");
        assertThat(values("FELL FROM ORCHARD LADDER 9/3 IN HIS PEAR BLOCK", PhiType.DATE)).containsExactly("9/3");
        assertThat(values("TRANSFERRED FROM CAPE ANN HARBOR HOSPITAL 3-24. NEURO:", PhiType.DATE)).containsExactly("3-24");
        assertThat(values("GRASS FIRE S OF MARSING 07/14. S/P EXCISION", PhiType.DATE)).containsExactly("07/14");
        assertThat(values("PLAN: ORIF 3-6, STEP-DOWN AFTER.", PhiType.DATE)).containsExactly("3-6");
        // a score and a count after a place stay out
        assertThat(values("PAIN 3/10 IN HIS BACK. FROM MERCY HOSPITAL 2-3 TIMES A YEAR", PhiType.DATE)).isEmpty();
    }

    @Test
    void givenADayAfterForTheOrWasTheOrAMonthAfterHere_thenADate() {
        assertThat(values("was scheduled for the 10th, moved up", PhiType.DATE)).containsExactly("10th");
        assertThat(values("Last dose of plavix was the 4th. CV:", PhiType.DATE)).containsExactly("4th");
        assertThat(values("SHOT ~2330 ON THE 4TH DURING FIREWORKS", PhiType.DATE)).containsExactly("4TH");
        assertThat(values("(prior admit here June for CHF)", PhiType.DATE)).containsExactly("June");
        assertThat(values("for the 2nd time", PhiType.DATE)).isEmpty();
    }

    @Test
    void givenAWordNameThatActsOrOwnsAPhone_thenTheName() {
        assertThat(values("Lives w/ pt. May called x2 and visited at 1400.", PhiType.NAME)).containsExactly("May");
        assertThat(values("Will will be in tomorrow AM from Springfield.", PhiType.NAME)).contains("Will");
        assertThat(values("Rose's cell 860-555-0142. Pt lives alone.", PhiType.NAME)).containsExactly("Rose's");
        assertThat(values("SEIZED AT HOME, SON WILL FOUND HIM ON THE FLOOR.", PhiType.NAME)).containsExactly("WILL");
        assertThat(values("May cause drowsiness. Will call team. March started. She says ok. Son's cell 555-0100.",
                PhiType.NAME)).isEmpty();
    }

    @Test
    void givenARelativesNumberOverEightyNineBeforeWhatTheyDid_thenAnAge() {
        assertThat(values("AT BS ALL DAY. ABUELA 93 CAME W/ HER PASTOR", PhiType.AGE)).containsExactly("93");
        assertThat(values("MOM 100 ML PO. PT 95 IS ON RA", PhiType.AGE)).isEmpty();
    }

    @Test
    void givenBadgesReportsPrefixedInterpreterCodesAndAircraftRegistrations_thenIdentifiers() {
        assertThat(values("RPD OFFICER #448 FOLLOWED EMS IN.", PhiType.OTHER_ID)).containsExactly("448");
        assertThat(values("CPD ACCIDENT RPT JH-512278 REQUESTED", PhiType.OTHER_ID)).containsExactly("JH-512278");
        assertThat(values("SPANISH INTERP ID MKE-SP-118 VIA VIDEO", PhiType.OTHER_ID)).containsExactly("MKE-SP-118");
        assertThat(values("then Sawtooth AirMed (N38SA) to us; fixed wing (N771FR)", PhiType.VEHICLE))
                .containsExactly("N38SA", "N771FR");
        assertThat(values("N95 ON, AIRBORNE PRECAUTIONS. OFFICER AT BS 0800", PhiType.VEHICLE)).isEmpty();
    }
}
