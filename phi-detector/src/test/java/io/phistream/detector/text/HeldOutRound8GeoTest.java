package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

/**
 * Place rules added after held-out batches 10 (ALL-CAPS ICU notes) and 11 (hospitals outside New England), written
 * blind by other hands: hospitals named by one generic word or closed by REGIONAL/MEMORIAL/GENERAL, towns after a
 * facility and a comma, highways and rural routes, compass-prefixed streets, ZIPs after a lower-case state, home-health
 * agencies and heart institutes; not places: clinics named by a service, place names inside disease or criteria
 * names, vehicle models after a colour. One test per rule, on sentences written for these tests.
 */
class HeldOutRound8GeoTest {

    @Test
    void givenAWordThatNamesManyHospitalsBeforeEdOrWhereAPatientGoes_thenAFacility() {
        assertThat(values("PT ARRIVED FROM MERCY ED AT 0300 ON BIPAP.", PhiType.GEO)).containsExactly("MERCY");
        assertThat(values("Sent to Baptist ER for CT head, returned 1400.", PhiType.GEO)).containsExactly("Baptist");
        assertThat(values("Pt was followed by Dr. Lund at Mercy.", PhiType.GEO)).containsExactly("Mercy");
        // the word as a word, and kinds of emergency department
        assertThat(values("THROWS HIMSELF ON THE MERCY OF STAFF.", PhiType.GEO)).isEmpty();
        assertThat(values("BROUGHT TO ADULT ED BY EMS.", PhiType.GEO)).isEmpty();
        assertThat(values("TRANSFERRED TO PEDS ED.", PhiType.GEO)).isEmpty();
        assertThat(values("Central ED was full so pt boarded.", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenAProperWordAndRegionalMemorialOrGeneralClosingThePhraseWhereAPatientGoes_thenAFacility() {
        assertThat(values("PCP IS AT HARWICH REGIONAL, LAST SEEN 2 WKS AGO.", PhiType.GEO))
                .containsExactly("HARWICH REGIONAL");
        assertThat(values("Flown from Tanana Regional by LifeMed.", PhiType.GEO)).containsExactly("Tanana Regional");
        assertThat(values("Transferred to Riverside Memorial for cath.", PhiType.GEO))
                .containsExactly("Riverside Memorial");
        assertThat(values("Converted from spinal to regional anesthesia.", PhiType.GEO)).isEmpty();
        assertThat(values("Seen by General Surgery today.", PhiType.GEO)).isEmpty();
        assertThat(values("They visited the Lincoln Memorial last summer.", PhiType.GEO)).isEmpty();
        assertThat(values("Outreach to Hmong Community for interpreter.", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenAListedTownAfterAFacilityAndACommaClosingThePhrase_thenTheTown() {
        assertThat(values("Yukon-Kuskokwim Delta Regional Hospital, Bethel", PhiType.GEO))
                .containsExactly("Yukon-Kuskokwim Delta Regional Hospital", "Bethel");
        assertThat(values("MAT-SU REGIONAL MEDICAL CENTER, PALMER", PhiType.GEO))
                .containsExactly("MAT-SU REGIONAL MEDICAL CENTER", "PALMER");
        assertThat(values("MAT-SU REGIONAL MEDICAL CENTER, PALMER", PhiType.NAME)).isEmpty();
        // an ordinary word that does not close the phrase, a weekday
        assertThat(values("TX TO SPAULDING REHAB, HOME IN 2 WEEKS.", PhiType.GEO)).containsExactly("SPAULDING REHAB");
        assertThat(values("Kindred Hospital, Sunday visit planned.", PhiType.GEO)).containsExactly("Kindred Hospital");
    }

    @Test
    void givenANumberOrAHeaderColumnBeforeAFacility_thenNotPartOfItsName() {
        assertThat(values("NPN 0700-1900   BED 12   Fairbanks Memorial Hospital", PhiType.GEO))
                .containsExactly("Fairbanks Memorial Hospital");
        assertThat(values("HD 2   5 West   St. Vincent Hospital", PhiType.GEO)).containsExactly("St. Vincent Hospital");
    }

    @Test
    void givenANumberedHighwayOrARuralRouteAndBox_thenAStreetWithItsTownAndZip() {
        assertThat(values("HOME: 1220 STATE ROUTE 9, CAIRO NY 12413.", PhiType.GEO))
                .containsExactly("1220 STATE ROUTE 9", "CAIRO", "12413");
        assertThat(values("Pt lives at 5 Route 9 in Sudbury.", PhiType.GEO)).contains("5 Route 9");
        assertThat(values("MVC on Highway 1 near the bridge.", PhiType.GEO)).containsExactly("Highway 1");
        assertThat(values("the trailer on County Road 212 past the church", PhiType.GEO))
                .containsExactly("County Road 212");
        assertThat(values("Home is RR 4 Box 12A, Booneville KY 41314.", PhiType.GEO))
                .containsExactly("RR 4 Box 12A", "Booneville", "41314");
        assertThat(values("MAIL: PO BOX 9, HAZARD KY", PhiType.GEO)).containsExactly("PO BOX 9", "HAZARD");
        // right, sinus rhythm, respiratory rate, a route of administration, a route alone (not labelled so far)
        assertThat(values("PT ON RT 2L NC, HR 110 SR 1ST DEGREE AVB.", PhiType.GEO)).isEmpty();
        assertThat(values("RR 20 BOX ON BED. GIVEN 2 ROUTE PO.", PhiType.GEO)).isEmpty();
        assertThat(values("Pt BIBA from Route 9 MVC.", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenACompassAbbreviationOpeningAStreetWithoutNumber_thenTheWholeStreet() {
        assertThat(values("Found near NE Alberta St and NE 15th Ave by police.", PhiType.GEO))
                .containsExactly("NE Alberta St", "NE 15th Ave");
        assertThat(values("PT FOUND AT SE HAWTHORNE ST AND SE 12TH AVE.", PhiType.GEO))
                .containsExactly("SE HAWTHORNE ST", "SE 12TH AVE");
        assertThat(values("Pain worse at NE St. no change.", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenAZipAfterATownWithALowerCaseStateOrNoState_thenTheZip() {
        assertThat(values("lives at 14 pine st, flagstaff az 86001 with wife", PhiType.GEO))
                .containsExactly("14 pine st", "flagstaff", "86001");
        assertThat(values("St. Cloud 56301 is where she lives.", PhiType.GEO)).containsExactly("St. Cloud", "56301");
    }

    @Test
    void givenDistinctiveWordsBeforeHomeHealth_thenAnAgencyButNotTheService() {
        assertThat(values("Amedisys Home Health will resume visits Monday.", PhiType.GEO))
                .containsExactly("Amedisys Home Health");
        assertThat(values("sn visit - desert bloom home health   visit 6/2/24", PhiType.GEO))
                .containsExactly("desert bloom home health");
        assertThat(values("pt needs home health aide 3x/wk.", PhiType.GEO)).isEmpty();
        assertThat(values("will arrange home health services at d/c.", PhiType.GEO)).isEmpty();
        assertThat(values("Medicare home health benefit reviewed.", PhiType.GEO)).isEmpty();
        assertThat(values("CONTINUE HOME HEALTH PT/OT.", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenAMedicalFieldAndInstituteAfterAProperWord_thenAFacility() {
        assertThat(values("CAPE FEAR HEART INSTITUTE   BED 3", PhiType.GEO)).containsExactly("CAPE FEAR HEART INSTITUTE");
        assertThat(values("Seen at Texas Heart Institute last year.", PhiType.GEO))
                .containsExactly("Texas Heart Institute");
        assertThat(values("Daughter works at the Massachusetts Institute of Technology.", PhiType.GEO)).isEmpty();
        assertThat(values("Per Heart Institute protocol.", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenAClinicNamedOnlyByAService_thenADepartmentNotAFacility() {
        assertThat(values("F/u in Wound Clinic next week.", PhiType.GEO)).isEmpty();
        assertThat(values("Seen at Coumadin Clinic weekly.", PhiType.GEO)).isEmpty();
        assertThat(values("Referred to Anticoagulation Clinic, 4th floor.", PhiType.GEO)).isEmpty();
        assertThat(values("Cardiology - Internal Medicine Clinic follow-up", PhiType.GEO)).isEmpty();
        // a clinic with a name keeps it, service word or not
        assertThat(values("Harborview Pain Clinic called.", PhiType.GEO)).containsExactly("Harborview Pain Clinic");
        assertThat(values("Appt at Lahey Clinic for second opinion.", PhiType.GEO)).containsExactly("Lahey Clinic");
    }

    @Test
    void givenAPlaceNameInsideADiseaseCriteriaOrScaleName_thenNeitherPlaceNorPerson() {
        String text = "Tick bite last week; rule out Rocky Mountain spotted fever.";
        assertThat(values(text, PhiType.GEO)).isEmpty();
        assertThat(values(text, PhiType.NAME)).isEmpty();
        assertThat(values("ROCKY MOUNTAIN SPOTTED FEVER TITERS SENT.", PhiType.GEO)).isEmpty();
        assertThat(values("Ottawa ankle rules negative.", PhiType.GEO)).isEmpty();
        assertThat(Spans.found("Boston bowel prep scale 8.")).isEmpty();
        // where someone lives, the place stays
        assertThat(values("Lives in White Plains with son.", PhiType.GEO)).containsExactly("White Plains");
    }

    @Test
    void givenAColourBeforeAOneWordPlace_thenAVehicleNotATown() {
        assertThat(values("Drives a white Sorento, plate pending.", PhiType.GEO)).isEmpty();
        assertThat(values("Moved to Sorento last spring.", PhiType.GEO)).containsExactly("Sorento");
    }

    @Test
    void givenAnUnlistedProperWordAfterCameOrEmigratedFrom_thenAPlace() {
        assertThat(values("Pt came from Cebu in 1988 to work.", PhiType.GEO)).containsExactly("Cebu");
        assertThat(values("Pt came from work by taxi.", PhiType.GEO)).isEmpty();
        assertThat(values("CAME FROM HOME VIA EMS.", PhiType.GEO)).isEmpty();
        assertThat(values("Pt came from dialysis today.", PhiType.GEO)).isEmpty();
    }
}
