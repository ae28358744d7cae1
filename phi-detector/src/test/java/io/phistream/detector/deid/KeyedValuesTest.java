package io.phistream.detector.deid;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import io.phistream.detector.fhir.FhirTestKit;
import org.junit.jupiter.api.Test;

class KeyedValuesTest {

    private static final FhirTestKit KIT = new FhirTestKit();

    @Test
    void givenAnOutputWithTokensAndPseudonyms_whenTakenOut_thenOnlyTheKeyedValuesGo() {
        String token = KIT.tokenizer.token(PhiType.MRN, "MRN-7654321");
        String pseudonym = KIT.deidentifier().pseudonym("pat-1");
        String content = KIT.deidentifier().contentId(new byte[] {1, 2, 3});

        String out = KeyedValues.without("{\"id\":\"" + pseudonym + "\",\"value\":\"" + token + "\",\"c\":\"" + content
                + "\",\"date\":\"1926-01-15\",\"note\":\"MRN 7012399 zip 01945 tel 555-555-0177 call-back\"}");

        assertThat(out).doesNotContain(pseudonym, token, content)
                .contains("1926-01-15", "MRN 7012399", "01945", "555-555-0177", "call-back");
    }
}
