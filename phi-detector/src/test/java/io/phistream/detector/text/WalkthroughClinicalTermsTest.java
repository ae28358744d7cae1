package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.valuesWithModel;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

/**
 * Clinical words a walkthrough with span scrubbing saw removed as names or places (regimens, vaccines, scales,
 * credentials, relatives, a service's kind), on sentences written for these tests. The whole detector: most were the
 * token model's.
 */
class WalkthroughClinicalTermsTest {

    @Test
    void givenChemotherapyRegimenAcronymsInASentenceAboutChemotherapy_thenNoName() {
        assertThat(valuesWithModel("Regimens discussed: FOLFIRI, ABVD, CAPOX, BEP, CMF. Tolerated cycle 3 of XELOX "
                + "without dose delay.", PhiType.NAME)).isEmpty();
        assertThat(valuesWithModel("Here for chemo C2D8 FOLFOX. Seen with Dr. Okafor.", PhiType.NAME))
                .containsExactly("Okafor");
    }

    @Test
    void givenVaccinesAndTheirBrands_thenNoName() {
        assertThat(valuesWithModel("Immunizations today: MMR, IPV, Varicella; Shingrix dose 2 next visit.",
                PhiType.NAME)).isEmpty();
        assertThat(valuesWithModel("Tired. MMR #1 given in left thigh.", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenScreeningInstrumentsAndPerformanceScalesWithTheirScores_thenNoName() {
        assertThat(valuesWithModel("Dose reduced 25% for neuropathy. ECOG 2. Karnofsky 70. Neulasta day 2.",
                PhiType.NAME)).isEmpty();
        assertThat(valuesWithModel("Screening today: PHQ-9 14, GAD-7 9, Braden 17, Morse Fall Scale 50.",
                PhiType.NAME)).isEmpty();
    }

    @Test
    void givenACredentialRightAfterAName_thenTheNameAloneIsFound() {
        assertThat(valuesWithModel("Assisted by Lena Marsh PA-C. Tolerated well.", PhiType.NAME))
                .containsExactly("Lena Marsh");
    }

    @Test
    void givenAHomeHealthVisitHeader_thenNoPlace() {
        assertThat(valuesWithModel("HOME HEALTH VISIT 10/14/2025. SN visit at pt home. Wound healing.", PhiType.GEO))
                .isEmpty();
    }

    @Test
    void givenTheRecordNumberLabelAfterAPatientsName_thenTheLabelIsNoName() {
        assertThat(valuesWithModel("Patient: Ortiz Vega Ana, MRN 55012345. Seen today.", PhiType.NAME))
                .containsExactly("Ortiz Vega Ana");
    }

    @Test
    void givenWhereTheFamilySits_thenNoName() {
        assertThat(valuesWithModel("Pt Le Van Minh, 52 yo M, chemo C1D1. Daughter Le Thi Hoa at chairside. Next cycle "
                + "in 2 wks.", PhiType.NAME)).doesNotContain("chairside").contains("Le Thi Hoa");
    }

    @Test
    void givenScalesNamedAfterPeopleWithTheirOwnWordsAndAScore_thenNoName() {
        assertThat(valuesWithModel("Screening: Beck Depression Inventory 11, Hamilton Anxiety 8, Braden 19.",
                PhiType.NAME)).isEmpty();
        assertThat(valuesWithModel("Postpartum day 1. Hgb 9.8. Edinburgh 3. Partner visiting.", PhiType.NAME))
                .isEmpty();
        assertThat(valuesWithModel("Teacher forms back. Vanderbilt elevated. Follow up in 4 weeks.", PhiType.NAME))
                .isEmpty();
    }

    @Test
    void givenTheSameSurnamesWhereTheContextSaysPerson_thenStillNames() {
        assertThat(valuesWithModel("Mrs. Beck called about her Hamilton Anxiety score.", PhiType.NAME))
                .containsExactly("Beck");
        assertThat(valuesWithModel("Dr. Hamilton reviewed the labs.", PhiType.NAME)).containsExactly("Hamilton");
        assertThat(valuesWithModel("Jones elevated her legs.", PhiType.NAME)).containsExactly("Jones");
    }

    @Test
    void givenTheLetterOfACredentialBeforeAName_thenItIsNoInitial() {
        assertThat(valuesWithModel("Assisted by Lena Marsh PA-C. Okafor PHQ-9 18.", PhiType.NAME))
                .containsExactly("Lena Marsh", "Okafor");
    }

    @Test
    void givenARelativeOpeningASentenceBeforeTheirName_thenTheRelativeIsNoName() {
        assertThat(valuesWithModel("ED note: Pt Park Do-hyun 93yo M brought by daughter-in-law Kim Na-yeon. Son Park "
                + "Jun-seo on way from Fort Lee. Fell at home, hip pain.", PhiType.NAME)).doesNotContain("Son");
        // after another cue the same kind of word may be a given name
        assertThat(valuesWithModel("Wife Pa Nhia Yang arriving at 0800.", PhiType.NAME)).contains("Pa");
    }

    @Test
    void givenAGestationalScoreInAListOfScores_thenNoName_butInACensusLineStillAName() {
        assertThat(valuesWithModel("Newborn exam: Apgar 8, Ballard 36 weeks, Dubowitz normal.", PhiType.NAME))
                .isEmpty();
        assertThat(valuesWithModel("Bed 2, Ballard 34 weeks, stable.", PhiType.NAME)).containsExactly("Ballard");
    }
}
