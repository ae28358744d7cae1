package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.valuesWithModel;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

/**
 * Clinical text a second walkthrough with span scrubbing found removed as names (the whole detector, the token model
 * included, since most were the model's), on sentences written for these tests.
 */
class WalkthroughSpanPrecisionTest {

    @Test
    void givenAFacilityOrCareKind_thenNoName_butTheClinicianAfterItStillIs() {
        assertThat(valuesWithModel("Hives, reaction at Topsfield Urgent Care 2021.", PhiType.NAME)).isEmpty();
        assertThat(valuesWithModel("Care assumed by K. GREEN RN.", PhiType.NAME)).containsExactly("K. GREEN");
        assertThat(valuesWithModel("Plan: Skilled Nursing for 2 weeks, then home.", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenAPathologyReportsWordsAndLatin_thenNoName() {
        assertThat(valuesWithModel("Final diagnosis: melanoma in situ, margins clear.", PhiType.NAME)).isEmpty();
        assertThat(valuesWithModel("Clear margins; nevus excised in toto.", PhiType.NAME)).isEmpty();
        assertThat(valuesWithModel("Specimen received in formalin, labeled with the name.", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenAResponseScoreBeforeItsGradeOrTransplantShorthand_thenNoName() {
        assertThat(valuesWithModel("Dear Mrs. Okafor, your PET showed a response (Deauville 2).", PhiType.NAME))
                .doesNotContain("Deauville");
        assertThat(valuesWithModel("Mrs. Okafor declined BMT. Her sister is a donor match.", PhiType.NAME))
                .containsExactly("Okafor");
    }

    @Test
    void givenASpecimenPartsLetterBeforeItsOrganAndProcedure_thenNoInitialAndName_butASignatureStillIs() {
        String report = "FINAL DIAGNOSIS\nA. Colon, sigmoid, biopsies:\n   Tubular adenoma.\n"
                + "B. Skin, right shoulder, shave biopsy: compound nevus.\nJ. Brandt, RN";

        assertThat(valuesWithModel(report, PhiType.NAME)).containsExactly("J. Brandt");
        assertThat(valuesWithModel("Diagnosis: A. Colon, transverse, polypectomy: hyperplastic polyp.", PhiType.NAME))
                .isEmpty();
    }

    @Test
    void givenAClinicalWordInLowerCaseInANoteThatCapitalisesNames_thenNoName_butAfterATitleStillOne() {
        assertThat(valuesWithModel("Reviewed meds with Mr. Abernathy: his stools may turn black from iron, call "
                + "Dr. Lindqvist if dizzy.", PhiType.NAME)).containsExactly("Abernathy", "Lindqvist");
        assertThat(valuesWithModel("Hip pinned 3/2 by dr ward. Daughter Ilse at bedside.", PhiType.NAME))
                .contains("ward", "Ilse");
    }
}
