package io.phistream.detector.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.DetectingScrubber;
import io.phistream.detector.text.TextPhiDetector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Policy 1.5.0: {@code Observation.referenceRange.text} is a reference range, kept when it reads as one and removed
 * otherwise (it was free text: removed whole by default, and span scrubbing read "12-18" as a date).
 */
class FhirReferenceRangeTest {

    static final FhirTestKit KIT = new FhirTestKit();
    static final FhirDeidentifier SPANS = KIT.deidentifier(IdentityMap.empty(), new DetectingScrubber(TextPhiDetector.builtIn()));

    static String observation(String rangeText) {
        return """
                {"resourceType":"Observation","id":"o1","status":"final","code":{"coding":[{"system":"http://loinc.org",
                 "code":"718-7"}]},"effectiveDateTime":"2025-03-10","valueQuantity":{"value":13.1,"unit":"g/dL"},
                 "referenceRange":[{"low":{"value":12,"unit":"g/dL"},"high":{"value":18,"unit":"g/dL"},"text":"%s"}]}"""
                .formatted(rangeText);
    }

    @ParameterizedTest(name = "referenceRange.text [{0}] kept: {1}")
    @CsvSource(delimiter = ';', value = {"12-18 g/dL; true", "<200; true", "Negative; true",
        "per Dr. Smith; false", "normal for Mary Quill; false", "03/10/2025; false"})
    void givenAReferenceRangeText_whenDeidentified_thenARangeIsKeptAndAnythingElseRemoved(String text, boolean kept) {
        String out = ((FhirOutcome.Deidentified) SPANS.deidentify(observation(text))).text();

        assertThat(out.contains("\"text\":\"" + text + "\"")).isEqualTo(kept);
        assertThat(out).contains("\"low\":{\"value\":12").contains("\"high\":{\"value\":18");
        if (!kept) {
            assertThat(out).doesNotContain(text);
        }
    }
}
