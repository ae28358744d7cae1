package io.phistream.detector.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.FreeTextScrubber;
import org.junit.jupiter.api.Test;

/**
 * Policy 1.5.0: a Parameters resource keeps its parameters' names (1..1, labels the operation defines; they were
 * removed, which left every value unnamed), and a value removed as free text is masked, so a parameter still holds
 * one (inv-1).
 */
class FhirParametersTest {

    static final FhirTestKit KIT = new FhirTestKit();
    static final FhirDeidentifier DEID = KIT.deidentifier(IdentityMap.empty(), FreeTextScrubber.REDACT_ALL);

    @Test
    void givenParameters_whenDeidentified_thenNamesStayAndAFreeTextValueIsMaskedNotLeft() {
        String in = """
                {"resourceType":"Parameters","parameter":[{"name":"patient","valueString":"Zelda Quorrin"},
                 {"name":"count","valueInteger":3},
                 {"name":"result","part":[{"name":"code","valueCode":"ok"},{"name":"note","valueString":"per Zelda"}]}]}""";

        String out = ((FhirOutcome.Deidentified) DEID.deidentify(in)).text();

        assertThat(out).contains("\"name\":\"patient\"", "\"name\":\"count\"", "\"valueInteger\":3",
                "\"name\":\"result\"", "\"name\":\"code\"", "\"valueCode\":\"ok\"", "\"name\":\"note\"");
        assertThat(out).doesNotContain("Zelda", "Quorrin");
        assertThat(out.split("data-absent-reason\",\"valueCode\":\"masked\"", -1)).hasSize(3); // both strings
    }
}
