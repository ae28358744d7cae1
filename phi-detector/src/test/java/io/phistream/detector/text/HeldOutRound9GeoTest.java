package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

/**
 * Place rules added after held-out batches 12 (ICU nursing notes) and 13 (longitudinal outpatient records), written
 * blind by other hands: hospital acronyms before a record number, a department or in a citation; towns abroad; practices
 * named by proper words and a specialty; compass-prefixed hospital names and stays; compass letters and words in street
 * addresses; not places: countries, device makers, clock times read as house numbers, a verb of a finished sentence.
 * One test per rule, on sentences written for these tests.
 */
class HeldOutRound9GeoTest {

    @Test
    void givenAHospitalShapedAcronymBeforeARecordNumberOrDepartmentOrInACitation_thenAFacility() {
        assertThat(values("Name: Ada Roe   KVMC MRN: 4410923", PhiType.GEO)).containsExactly("KVMC");
        assertThat(values("DLMH ENDOCRINOLOGY - NEW PATIENT VISIT", PhiType.GEO)).containsExactly("DLMH");
        assertThat(values("CT chest (4/2/2021, PRMC): no nodules.", PhiType.GEO)).containsExactly("PRMC");
        assertThat(values("Son Theo (PT, OVMC) visits daily.", PhiType.GEO)).containsExactly("OVMC");
        assertThat(values("Referred by Dr. Lee (PRMC, Dover).", PhiType.GEO)).containsExactly("PRMC", "Dover");
        // clinical abbreviations in the same places stay unlabelled
        assertThat(values("Echo (LVH, RVH) and CT (SAH, ICH) reviewed; (BPH, OSH) noted.", PhiType.GEO)).isEmpty();
        assertThat(values("ECG: LVH CARDIOLOGY aware.", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenAnUnlistedProperWordAfterAPlaceVerbOrBeforeACountry_thenATownAbroad() {
        assertThat(values("They honeymooned and vacationed in Varadero last May.", PhiType.GEO)).containsExactly("Varadero");
        assertThat(values("Fell in the lobby of their hotel in Puntarenas.", PhiType.GEO)).containsExactly("Puntarenas");
        assertThat(values("Asthma since childhood (diagnosed in Guilin, China).", PhiType.GEO)).containsExactly("Guilin");
        assertThat(values("Mother (in Guilin) has hypertension.", PhiType.GEO)).containsExactly("Guilin");
        // no place verb, a language, a month
        assertThat(values("Consent read (in Spanish) and signed (in Dec).", PhiType.GEO)).isEmpty();
        assertThat(values("Symptoms began in Zanzibar.", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenACountryAlone_thenNoPlaceButItsTownAndPostalCodeStay() {
        assertThat(values("She was raised in Varadero, Cuba before moving.", PhiType.GEO)).containsExactly("Varadero");
        assertThat(values("Grew up in Mandeville, Jamaica.", PhiType.GEO)).containsExactly("Mandeville");
        assertThat(values("Grew up in Mandeville, Jamaica.", PhiType.NAME)).isEmpty();
        assertThat(values("Travelled to China and Peru last year.", PhiType.GEO)).isEmpty();
        // a neighbourhood that starts with a country's name, a county
        assertThat(values("PT LIVES ON ELM ST IN JAMAICA PLAIN.", PhiType.GEO)).contains("JAMAICA");
        assertThat(values("Lives in Lebanon County with son.", PhiType.GEO)).containsExactly("Lebanon County");
    }

    @Test
    void givenAPlaceBeforeScientific_thenADeviceMakerNotAPlace() {
        assertThat(Spans.found("Dual-chamber Boston Scientific pacemaker placed.")).isEmpty();
        assertThat(Spans.anyOverlap("Moved to Boston last year.", "Boston")).isTrue();
    }

    @Test
    void givenProperWordsAndASpecialtyWherePatientsAreSentOrOnAHeaderLine_thenAPractice() {
        assertThat(values("Knee injected by Dr. Oakes at Blue Hen Orthopaedics last week.", PhiType.GEO))
                .containsExactly("Blue Hen Orthopaedics");
        assertThat(values("Follow-up: Dr. Marsh, Sandy Brae Dermatology, 3/14/25.", PhiType.GEO))
                .containsExactly("Sandy Brae Dermatology");
        assertThat(values("GREEN MEADOW HEART & VASCULAR\nPROGRESS NOTE", PhiType.GEO))
                .containsExactly("GREEN MEADOW HEART & VASCULAR");
        // kinds of service, departments
        assertThat(values("Referred to Pediatric Cardiology. F/u with Cardiology.", PhiType.GEO)).isEmpty();
        assertThat(values("INTERVENTIONAL CARDIOLOGY\nGENERAL DERMATOLOGY", PhiType.GEO)).isEmpty();
        assertThat(values("Cardiology - Internal Medicine Clinic follow-up", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenACompassAbbreviationAndAWordManyHospitalsAreNamedBy_thenAFacility() {
        assertThat(values("Her sister is a nurse at SE Methodist, updated by phone.", PhiType.GEO))
                .containsExactly("SE Methodist");
        assertThat(values("Lungs clear in NE and SW fields.", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenAnUnknownCapitalisedWordAfterAStayAndBeforeSinceADate_thenAFacility() {
        assertThat(values("Had been at Marycrest since 3/2 for rehab.", PhiType.GEO)).containsExactly("Marycrest");
        assertThat(values("Has been at Lasix since 3/2.", PhiType.GEO)).isEmpty();
        assertThat(values("Had been at Marycrest with family.", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenACompassLetterOrWordInAnAddress_thenPartOfTheStreetWithItsUnit() {
        assertThat(values("Clinic\n212 N Market St, Dover, DE 19901", PhiType.GEO))
                .containsExactly("212 N Market St", "Dover", "19901");
        assertThat(values("Office\n90 Kings Hwy West, Suite 2, Cherry Hill, NJ 08034", PhiType.GEO))
                .containsExactly("90 Kings Hwy West, Suite 2", "Cherry Hill", "08034");
        assertThat(values("Moved to 14 Elm St, Apt 3, in May.", PhiType.GEO)).containsExactly("14 Elm St, Apt 3");
    }

    @Test
    void givenAClockTimeAfterAtSignOrPerBeforeDr_thenNoStreet() {
        assertThat(values("ATIVAN 2 MG IV @ 2215 PER DR KEOGH.", PhiType.GEO)).isEmpty();
        assertThat(values("LASIX GIVEN 0830 PER DR OKAFOR.", PhiType.GEO)).isEmpty();
        assertThat(values("Lives at 1045 Pine Dr with wife.", PhiType.GEO)).containsExactly("1045 Pine Dr");
    }

    @Test
    void givenAPlaceVerbInAFinishedSentence_thenNoContextForTheNextOne() {
        assertThat(values("FAMILY VISITED. DNR, OK TO TRANSFUSE.", PhiType.GEO)).isEmpty();
        assertThat(values("SON VISITED, FLEW IN TO DENVERTON.", PhiType.GEO)).containsExactly("DENVERTON");
    }
}
