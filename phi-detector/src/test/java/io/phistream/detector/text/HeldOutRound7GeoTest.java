package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

/**
 * Place rules added after held-out batches 8 and 9 (README-text.md, "Held-out ICU nursing notes", round 7): streets
 * without a house number, shelters and treatment programs, towns before a police or fire department, towns after a
 * facility, ordinary words after a street. One test per rule, on sentences written for these tests.
 */
class HeldOutRound7GeoTest {

    @Test
    void givenAPrepositionOfPlaceOrACrossingBeforeANameAndAnAmbiguousSuffix_thenAStreetWithoutNumber() {
        assertThat(values("Pt panhandles near Wickenden St and Hope St during the day.", PhiType.GEO))
                .containsExactly("Wickenden St", "Hope St");
        assertThat(values("Daughter drops her off at Quabbin Way before work.", PhiType.GEO))
                .containsExactly("Quabbin Way");
        assertThat(values("MET FAMILY AT WICKENDEN ST AND HOPE ST.", PhiType.GEO))
                .containsExactly("WICKENDEN ST", "HOPE ST");
        // ALL-CAPS rhythm strips, a saint after St., a credential after the suffix
        assertThat(values("SINUS TACH ST 110 OVERNIGHT, RHYTHM ST WITH PVCS.", PhiType.GEO)).isEmpty();
        assertThat(values("HR 90S AT REST ST DEPRESSIONS RESOLVED.", PhiType.GEO)).isEmpty();
        assertThat(values("Spoke to Hope St. Clair, daughter, by phone.", PhiType.GEO)).isEmpty();
        assertThat(values("Gave report to Smith St RN.", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenATownNameBeforeAStreetSuffix_thenTheWholeStreetNotTheTown() {
        assertThat(values("Pharmacy on Mulberry St closes at 9.", PhiType.GEO)).containsExactly("Mulberry St");
        assertThat(values("Found at the corner of Cranston Rd and Elmgrove Blvd by EMS.", PhiType.GEO))
                .containsExactly("Cranston Rd", "Elmgrove Blvd");
        assertThat(values("Found at the corner of Cranston Rd and Elmgrove Blvd by EMS.", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenAShelterOrTreatmentProgramHeadAfterADistinctiveWord_thenAFacility() {
        assertThat(values("She stays at Harborview Family Shelter most nights.", PhiType.GEO))
                .containsExactly("Harborview Family Shelter");
        assertThat(values("Referred to Riverside Recovery Center for detox.", PhiType.GEO))
                .containsExactly("Riverside Recovery Center");
        assertThat(values("Attends Beacon Day Program on weekdays.", PhiType.GEO)).containsExactly("Beacon Day Program");
        assertThat(values("Lives in a homeless shelter downtown.", PhiType.GEO)).isEmpty();
        assertThat(values("Family Shelter staff called with questions.", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenAHouseWithAProperWordWherePatientsGoOrStay_thenAFacility() {
        assertThat(values("Prior suboxone at Lighthouse House until May.", PhiType.GEO))
                .containsExactly("Lighthouse House");
        assertThat(values("Back at Mom's House this weekend.", PhiType.GEO)).isEmpty();
        assertThat(values("Went to the open house at her church.", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenCapitalisedWordsAfterIntakeOrDosedAt_thenAProgramWithoutAFacilityWord() {
        assertThat(values("Intake at Pinecrest Recovery Wednesday, bed confirmed.", PhiType.GEO))
                .containsExactly("Pinecrest Recovery");
        assertThat(values("Methadone at CODAC, dose 95 mg.", PhiType.GEO)).containsExactly("CODAC");
        assertThat(values("Seroquel 50 mg dosed at Bedtime per home regimen.", PhiType.GEO)).isEmpty();
        assertThat(values("Lantus dosed at HS, 20 units.", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenAListedTownAfterAFacilityAndIn_thenAPlaceNotAPerson() {
        String text = "Prior suboxone at Lighthouse House in Pawtucket until May.";
        assertThat(values(text, PhiType.GEO)).containsExactly("Lighthouse House", "Pawtucket");
        assertThat(values("Pt attends Harborview Family Shelter in Warwick for meals.", PhiType.GEO))
                .containsExactly("Harborview Family Shelter", "Warwick");
        assertThat(values("Pt attends Harborview Family Shelter in Warwick for meals.", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenAListedTownBeforeAPoliceOrFireDepartment_thenTheTown() {
        assertThat(values("BIB Cranston PD after found wandering.", PhiType.GEO)).containsExactly("Cranston");
        assertThat(values("Lowell FD extricated pt from vehicle.", PhiType.GEO)).containsExactly("Lowell");
        assertThat(values("Per Attleboro Fire no smoke exposure.", PhiType.GEO)).containsExactly("Attleboro");
        assertThat(values("Per Attleboro Fire no smoke exposure.", PhiType.NAME)).isEmpty();
        assertThat(values("BIB PROVIDENCE PD ON A SECTION 12.", PhiType.GEO)).containsExactly("PROVIDENCE");
        // Parkinson's and peritoneal dialysis, a fire that is not a department, a physician
        assertThat(values("PT WITH EARLY PD, ON SINEMET.", PhiType.GEO)).isEmpty();
        assertThat(values("Continue Home PD tonight, 4 exchanges.", PhiType.GEO)).isEmpty();
        assertThat(values("BURNS FROM HOUSE FIRE, SMOKE INHALATION.", PhiType.GEO)).isEmpty();
        assertThat(values("Followed by Dr. Newton PD clinic q3mo.", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenAnOrdinaryWordAfterAStreetInAllCaps_thenNotATownUnlessListedAndSetApart() {
        assertThat(values("LIVES AT 14 ELM ST ALONE.", PhiType.GEO)).containsExactly("14 ELM ST");
        assertThat(values("ADDRESS: 12 ELM ST HOME ALONE", PhiType.GEO)).containsExactly("12 ELM ST");
        assertThat(values("LIVES AT 9 OAK ST, ORANGE, MA.", PhiType.GEO)).containsExactly("9 OAK ST", "ORANGE");
        assertThat(values("LIVES AT 60 MAIN ST DANVERS.", PhiType.GEO)).containsExactly("60 MAIN ST", "DANVERS");
    }

    @Test
    void givenAListedHospitalsFirstWordClosingAClauseAfterEvaluatedBy_thenAFacility() {
        assertThat(values("being worked up for transplant by tufts. neuro intact, flat affect.", PhiType.GEO))
                .containsExactly("tufts");
        assertThat(values("evaluated by cardiology. no changes.", PhiType.GEO)).isEmpty();
        assertThat(values("reviewed by neurosurgery, no intervention.", PhiType.GEO)).isEmpty();
    }
}
