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

    // ---- review of round 29 (false alarms on ordinary clinical text, misses of the rules' own examples)

    @Test
    void givenWordsThatOnlyLookLikeHospitalAcronymsOnAHeaderLine_thenNoFacility() {
        assertThat(values("MICU NPN 7P-7A: 35 YOM W/ METH INGESTION", PhiType.GEO)).isEmpty();
        assertThat(values("micu npn 7p-7a. bronch today, mech vent", PhiType.GEO)).isEmpty();
        assertThat(values("CCU NURSING NOTE 0700-1900 FQHC REFERRAL", PhiType.GEO)).isEmpty();
        // acronyms of University and Children's hospitals still are
        assertThat(values("MICU NPN 7P-7A GIUH 66 YOF SEPSIS", PhiType.GEO)).containsExactly("GIUH");
        assertThat(values("MICU NPN 7P-7A LMCH 6 YOF SEPSIS", PhiType.GEO)).containsExactly("LMCH");
    }

    @Test
    void givenCareSettingsOrOrdinaryWordsAfterAnAgeASexAndFrom_thenNoTown() {
        assertThat(values("77 YOM FROM TELEMETRY, HYPOXIA. 45 YOM FROM GYM, SYNCOPE. 45 YOM FROM VACATION, PE. "
                + "77 YOM FROM REHABILITATION, FALL. 45 YOM FROM MVC, INTUBATED. 45 YOM FROM FALL, SDH", PhiType.GEO))
                .isEmpty();
        // a town the gazetteer lists, and a phrase closed by W/
        assertThat(values("CCU NPN 68 YO M FROM LIBERTY, CHB", PhiType.GEO)).containsExactly("LIBERTY");
        assertThat(values("61 YOM FROM HOPE W/ CHAINSAW INJURY TO L SHIN", PhiType.GEO)).containsExactly("HOPE");
    }

    @Test
    void givenRemarksInParenthesesAfterAnAddressOrAFacility_thenNoPlace() {
        assertThat(values("LIVES AT 12 ELM ST (RENTED) WITH WIFE", PhiType.GEO)).containsExactly("12 ELM ST");
        assertThat(values("HOME: 12 ELM ST (SPLIT LEVEL), 6 STEPS", PhiType.GEO)).containsExactly("12 ELM ST");
        assertThat(values("LIVES AT 12 ELM ST (VERIFIED) WITH WIFE", PhiType.GEO)).containsExactly("12 ELM ST");
        assertThat(values("TRANSFERRED FROM CONCORD HOSPITAL (INTUBATED) W/ STEMI", PhiType.GEO))
                .containsExactly("CONCORD HOSPITAL");
        assertThat(values("Transferred from Concord Hospital (Telestroke) w/ STEMI", PhiType.GEO))
                .containsExactly("Concord Hospital");
        // an area's word still closes a neighbourhood
        assertThat(values("LIVES AT 1802 W. 47TH ST (LITTLE VILLAGE).", PhiType.GEO)).contains("LITTLE VILLAGE");
    }

    @Test
    void givenWhereOnAStreetOrARhythmAfterIn_thenNoNeighbourhood() {
        assertThat(values("HIT BY CAR ON ROUTE 9 IN CROSSWALK.", PhiType.GEO)).containsExactly("ROUTE 9");
        assertThat(values("FOUND ON MAIN ST IN ASYSTOLE, CPR", PhiType.GEO)).containsExactly("MAIN ST");
        assertThat(values("Walking on Main St in Traffic, hit by car.", PhiType.GEO)).containsExactly("Main St");
    }

    @Test
    void givenAShareOrAScoreBeforeAPlaceOrACountedProcedure_thenNoDate() {
        assertThat(values("PAIN 7/10 ON THE STAIRS. ATE 1/2 IN THE KITCHEN. EDEMA 1-2 AT SITE, WARM", PhiType.DATE))
                .isEmpty();
        assertThat(values("BLOOD CULTURES X2 1/2 POSITIVE FOR GPC", PhiType.DATE)).isEmpty();
        // "ON A FARM" reads the place too
        assertThat(values("caught in hay rake 7-19 on a farm", PhiType.DATE)).containsExactly("7-19");
    }

    @Test
    void givenShiftHoursOrASpanOfTimeAfterAPlace_thenNoDate() {
        assertThat(values("MICU NPN BUMC 7-3 NURSING NOTE", PhiType.DATE)).isEmpty();
        assertThat(values("MICU NPN 7P-7A QVRMC 7-3 SHIFT REPORT", PhiType.DATE)).isEmpty();
        assertThat(values("WINTERS IN NAPLES FL 3-4 MO", PhiType.DATE)).isEmpty();
    }

    @Test
    void givenForTheOrWasTheCountingTurns_thenNoDate() {
        assertThat(values("BOLUS X3, THIS WAS THE 3RD.", PhiType.DATE)).isEmpty();
        assertThat(values("REINTUBATED, THIS WAS THE 2ND IN 24 HRS", PhiType.DATE)).isEmpty();
        assertThat(values("THIS WAS THE 2ND AND LAST DOSE", PhiType.DATE)).isEmpty();
        assertThat(values("WAITING FOR THE 2ND OR 3RD OPINION", PhiType.DATE)).isEmpty();
        assertThat(values("HELD FOR THE 3RD DURING HD", PhiType.DATE)).isEmpty();
    }

    @Test
    void givenAnOrdinaryNounThatIsAGivenNameBeforeAThingsVerb_thenNoName() {
        assertThat(values("Culture came back positive. Scan will be done at 1400. Tip left in place. Tray refused, "
                + "ate 10%. Bill will be sent to insurance. Tomorrow will be day 3 of abx.", PhiType.NAME)).isEmpty();
        assertThat(values("Ellen: \"Daddy said at 95 he was living on borrowed time\"", PhiType.NAME))
                .doesNotContain("Daddy");
        // a person's verb still makes the name, and so does a phone written another way
        assertThat(values("Hope says she is ready.", PhiType.NAME)).containsExactly("Hope");
        assertThat(values("June's cell (781) 555-0103.", PhiType.NAME)).containsExactly("June's");
    }

    @Test
    void givenClockTimesAfterAnOfficer_thenNoBadge() {
        assertThat(values("OFFICER 1400 CAME TO BS. DEPUTY 0830 ARRIVED. STATE TROOPER 911 CALL", PhiType.OTHER_ID))
                .isEmpty();
        assertThat(values("DEPUTY #2291 AT BS", PhiType.OTHER_ID)).containsExactly("2291");
    }

    @Test
    void givenNitrousOxideDiagnosisCodesAndWardRooms_thenNoTailNumber() {
        assertThat(values("LIFEFLIGHT GAVE N2O. ON ROOM AIR, N18.6 ESRD. WEST WING ROOM N312",
                PhiType.VEHICLE)).isEmpty();
        assertThat(values("HELICOPTER N38SA LANDED", PhiType.VEHICLE)).containsExactly("N38SA");
    }

    @Test
    void givenASmallNumberBeforeRd_thenNoRoad() {
        assertThat(values("MET WITH 2 RD 3 TIMES. GIVEN 20 RD 2 HRS", PhiType.GEO)).isEmpty();
        assertThat(values("on a farm at 4410 Rd 92, Pasco 99301.", PhiType.GEO)).contains("4410 Rd 92");
    }
}
