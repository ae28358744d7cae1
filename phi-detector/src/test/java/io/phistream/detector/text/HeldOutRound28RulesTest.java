package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

/**
 * Rules added after held-out batches 66-69, ICU nursing notes (README-text.md, round 28); one test per rule, on
 * sentences written for these tests, not taken from the batches.
 */
class HeldOutRound28RulesTest {

    @Test
    void givenAnAcronymNoListKnowsFirstOnAHeaderLineBeforeACareUnit_thenTheHospital() {
        assertThat(values("TQM CCU NPN 7A-7P PT 70 YO F", PhiType.GEO)).containsExactly("TQM");
        assertThat(values("RWMC BURN ICU NPN 1900-0700", PhiType.GEO)).containsExactly("RWMC");
        assertThat(values("ZBH Step Down Nursing Note 7p-7a", PhiType.GEO)).containsExactly("ZBH");
        // note kinds and kinds of unit are no hospitals
        assertThat(values("NPN MICU 7P-7A\nSBAR CCU NOTE\nVAD STEPDOWN NPN 7A-7P\nPEDS CICU NPN", PhiType.GEO)).isEmpty();
        // nor an acronym that is not first on its line, nor one before no unit
        assertThat(values("PT FROM TQM CCU NPN\nTQM NOTE 7A-7P", PhiType.GEO)).isEmpty();
        // (review) a unit's own name before another unit, a service, a transplant or a procedure
        assertThat(values("IMC STEP DOWN NOTE 7A-7P\nSDU TELE NPN 7A-7P\nNSGY NSICU NPN 7P-7A\nOLT SICU NPN 7A-7P",
                PhiType.GEO)).isEmpty();
    }

    @Test
    void givenWordsBetweenAPlaceWordAndAStateThatClosesThePhrase_thenATown() {
        assertThat(values("LIVES UP THE HOLLOW NEAR FLINT WV. SON CALLED", PhiType.GEO)).contains("FLINT");
        assertThat(values("DTR FROM CHEERFUL KY (KNOX CO)", PhiType.GEO)).contains("CHEERFUL");
        assertThat(values("FROM SALEM GROVE HOSPITAL (SALEM MA)", PhiType.GEO)).contains("SALEM");
        assertThat(values("WINTERS IN NAPLES, OTHERWISE BAY CITY MI.", PhiType.GEO)).contains("BAY CITY");
        assertThat(values("HOME SHERBROOKE QC, SON FLYING DOWN", PhiType.GEO)).contains("SHERBROOKE");
        // a clinical word before a code that is also a clinical abbreviation, or before a state's name, is no town
        assertThat(values("TRANSFERRED FROM OSH MI\nWHIPPLE (PANC HEAD MASS). JP X2\nFROM PAIN CT", PhiType.GEO))
                .isEmpty();
        // (review) a drug's route in parentheses is no state: PR is per rectum
        assertThat(values("TYLENOL 650 (TYLENOL PR) X1\n(Tylenol PR)", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenAListedTownAloneInParenthesesAfterAFacility_thenTheTown() {
        assertThat(values("FROM CYPRESS BEND MEDICAL CENTER (LAKE CITY) BY AIR", PhiType.GEO))
                .contains("LAKE CITY");
        assertThat(values("FROM CYPRESS BEND MEDICAL CENTER (ICU) BY AIR", PhiType.GEO))
                .doesNotContain("ICU");
    }

    @Test
    void givenAStreetWhereThePatientLivesUpOrAStateRouteAfterAHouseNumber_thenTheStreetAndItsTown() {
        assertThat(values("THEY LIVE UP LICKSKILLET HOLLOW OFF RT 7", PhiType.GEO)).contains("LICKSKILLET HOLLOW");
        assertThat(values("LIVES ON 118 ST RT 3, TURKEY CREEK.", PhiType.GEO))
                .contains("118 ST RT 3", "TURKEY CREEK");
        assertThat(values("FAMILY LIVES ON BRAMBLE HOLLOW, QUINWOOD.", PhiType.GEO))
                .contains("BRAMBLE HOLLOW", "QUINWOOD");
        assertThat(values("CONDO AT 4100 NE 163RD ST, AVENTURA", PhiType.GEO)).contains("4100 NE 163RD ST");
        // RT after no house number is still "right"
        assertThat(values("RT 2 FINGERS NUMB", PhiType.GEO)).isEmpty();
        // (review) nor right and left after a count or a size, nor sinus tach after a heart rate
        assertThat(values("PUPILS 3 RT 3 LT BRISK\nCT OUTPUT 100 RT 50 LT\nPIV X2 20 RT 18 LT\nHR 110 ST RT 2 PIVS",
                PhiType.GEO)).isEmpty();
        assertThat(values("LIVES AT 4471 RT 1441", PhiType.GEO)).contains("4471 RT 1441");
    }

    @Test
    void givenARegionalClosingANameBeforeTheDayThere_thenTheFacility() {
        assertThat(values("CATH AT KENNEBEC REGIONAL 4/9, TX'D HERE", PhiType.GEO)).contains("KENNEBEC REGIONAL");
        assertThat(values("REGIONAL 2/3 OF THE WALL HYPOKINETIC", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenADayOfTheMonthAfterTheLikesOfOnTheOrANoun_thenADate() {
        assertThat(values("says he fell at home on the 10th too.", PhiType.DATE)).containsExactly("10th");
        assertThat(values("MISSED HD ON THE 15TH AND 17TH (NO RIDE)", PhiType.DATE)).containsExactly("15TH", "17TH");
        assertThat(values("NEXT LVAD CLINIC THE 6TH.", PhiType.DATE)).containsExactly("6TH");
        assertThat(values("I&D x3 (latest the 4th), next OR tmrw", PhiType.DATE)).containsExactly("4th");
        assertThat(values("the 2nd and 3rd digits are numb", PhiType.DATE)).isEmpty();
        // (review) days joined by a comma or an ampersand, a list of three, the first after a day's verb
        assertThat(values("MISSED HD ON THE 15TH, 17TH", PhiType.DATE)).containsExactly("15TH", "17TH");
        assertThat(values("MISSED HD ON THE 15TH & 17TH.", PhiType.DATE)).containsExactly("15TH", "17TH");
        assertThat(values("ON THE 3RD, 5TH AND 7TH.", PhiType.DATE)).containsExactly("3RD", "5TH", "7TH");
        assertThat(values("APPT THE 3RD AND 10TH.", PhiType.DATE)).containsExactly("3RD", "10TH");
    }

    @Test
    void givenAShortDateAfterArrivingHereOrAMonthAfterByOrFrom_thenADate() {
        assertThat(values("seen at the OSH 3/9 and txf'd here 3/10. Home O2", PhiType.DATE)).contains("3/10");
        assertThat(values("hopes she can be home by July for the reunion", PhiType.DATE)).containsExactly("July");
        assertThat(values("HAS A PROTECTIVE ORDER FROM JUNE (CASE #4471)", PhiType.DATE)).containsExactly("JUNE");
        assertThat(values("pain 3/10 here\nRECONCILED FROM MAR (PHARMACY)", PhiType.DATE)).isEmpty();
        // (review) 2/2 is "secondary to", a score is no day; XFER and TXFR are arrivals too
        assertThat(values("ADMITTED HERE 2/2 PNA\ntxf'd here 2/2 sepsis\nSENT HERE 3/10 PAIN", PhiType.DATE)).isEmpty();
        assertThat(values("XFER HERE 3/10 FROM OSH", PhiType.DATE)).containsExactly("3/10");
    }

    @Test
    void givenANumberOverEightyNineThatSomeoneTurns_thenAnAge() {
        assertThat(values("Pt turns 94 on Dec 3 and dtr hopes", PhiType.AGE)).containsExactly("94");
        assertThat(values("TURNS 90 DEGREES TO THE LEFT", PhiType.AGE)).isEmpty();
    }

    @Test
    void givenACensusNameAfterABedLabelOrSurnameAndInitialOrACapitalisedGivenName_thenTheName() {
        assertThat(values("RN PAT B14 HOLLOWAY, WINIFRED 92F CHB", PhiType.NAME)).contains("HOLLOWAY", "WINIFRED");
        assertThat(values("SON HCP 6 KING, E 64F COPD", PhiType.NAME)).contains("KING");
        assertThat(values("Peds ICU 10/3/25 Will 14 M new-onset DKA", PhiType.NAME)).containsExactly("Will");
        assertThat(values("placed 3/4 Foley 16 F", PhiType.NAME)).isEmpty();
        // (review) after a bed's label, a diagnosis no list holds is no name
        assertThat(values("B4 SEPSIS 88F\nB7 SYNCOPE 80F\nB9 BOARDER 92F", PhiType.NAME)).isEmpty();
        assertThat(values("N4 BROWN 70M", PhiType.NAME)).containsExactly("BROWN");
    }

    @Test
    void givenAnAuntieOrASupervisorAndAGivenName_thenTheName() {
        assertThat(values("other kids w/ auntie Rose in the village.", PhiType.NAME)).containsExactly("Rose");
        assertThat(values("CALL HIS SUPERVISOR DONNA AT THE PLANT", PhiType.NAME)).containsExactly("DONNA");
    }

    @Test
    void givenAnMbiInDashedGroupsOrASerialWithAMakersPrefix_thenTheIdentifier() {
        assertThat(values("Medicare A/B 3KQ7-WD4-MP52 + Medicaid", PhiType.HEALTH_PLAN)).containsExactly("3KQ7-WD4-MP52");
        assertThat(values("PPM SN QRT 418 2207. RESP: RA", PhiType.DEVICE)).containsExactly("QRT 418 2207");
        assertThat(values("LOT 1234-ABC-5678 HEPARIN", PhiType.HEALTH_PLAN)).isEmpty();
        // (review) a lab drawn again and again is no serial
        assertThat(values("SERIAL CKS 1400, 1200, 980", PhiType.DEVICE)).isEmpty();
        assertThat(values("ICD SN PJN 123456", PhiType.DEVICE)).containsExactly("PJN 123456");
    }
}
