package io.phistream.detector.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.RejectReason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * A walkthrough's Bundle (synthetic): a patient's SSN, phone, MRN, birth date, street and name written again, otherwise
 * than as the structured fields hold them, in a local Coding the policy keeps as written. The guard finds a number
 * however it is punctuated and a birth day in any written form, as the HL7 guard does.
 */
class FhirResidualFormsTest {

    private static final FhirTestKit KIT = new FhirTestKit();

    /** The walkthrough's patient, and an Observation whose local Coding holds {@code code} and {@code display}. */
    static String bundle(String code, String display) {
        return """
                {"resourceType":"Bundle","type":"collection","entry":[
                 {"fullUrl":"urn:uuid:p1","resource":{"resourceType":"Patient",
                   "identifier":[
                     {"type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0203","code":"MR"}]},
                      "system":"http://hospital.example.org/mrn","value":"77123456"},
                     {"system":"http://hl7.org/fhir/sid/us-ssn","value":"987-65-4329"}],
                   "name":[{"family":"Quillfeather","given":["Zephyrine"]}],
                   "telecom":[{"system":"phone","value":"(555) 555-0142","use":"home"}],
                   "birthDate":"1961-03-14",
                   "address":[{"line":["4417 Marrowbone Lane"],"city":"Springfield","state":"MA","postalCode":"01945"}]}},
                 {"fullUrl":"urn:uuid:o1","resource":{"resourceType":"Observation","status":"final",
                   "code":{"coding":[{"system":"http://hospital.example.org/codes","code":"%s","display":"%s"}]},
                   "subject":{"reference":"urn:uuid:p1"},"effectiveDateTime":"2025-01-06",
                   "valueQuantity":{"value":98.76543291,"unit":"mg","system":"http://unitsofmeasure.org","code":"mg"}}}]}
                """.formatted(code, display);
    }

    private static void assertQuarantined(FhirOutcome out) {
        assertThat(out).isInstanceOf(FhirOutcome.Rejected.class);
        assertThat(((FhirOutcome.Rejected) out).reason()).isEqualTo(RejectReason.RESIDUAL_PHI);
    }

    @Test
    void givenTheWalkthroughBundleWithAnUnrelatedLocalCode_whenDeidentified_thenReleased() {
        // LOINC- and SNOMED-shaped codes, a quantity and a long number holding the SSN's digits inside longer runs
        FhirOutcome out = KIT.deidentifier().deidentify(bundle("987654329001", "Panel 29463-7 lot 1987654329-01"));

        assertThat(out).isInstanceOf(FhirOutcome.Deidentified.class);
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', value = {
        // the SSN
        "987654329|Local test",
        "T1|987 65 4329",
        // the phone, with and without its country and area code
        "5555550142|Local test",
        "T1|555.555.0142",
        "T1|+15555550142",
        "T1|call 555-0142",
        // the MRN
        "0077123456|Local test",
        "T1|MRN77123456",
        "T1|771-23456",
        // the birth day
        "T1|born 03/14/1961",
        "19610314|Local test",
        "T1|born March 14, 1961",
        "T1|14.03.1961"})
    void givenAGuardedValueWrittenOtherwiseInAKeptLocalCoding_whenDeidentified_thenQuarantined(String code,
                                                                                                  String display) {
        assertQuarantined(KIT.deidentifier().deidentify(bundle(code, display)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"4417 Marrowbone Ln", "4417 MARROWBONE LN.", "ZephyrineQuillfeather", "QuillfeatherZephyrine"})
    void givenTheStreetAbbreviatedOrTheNameGlued_whenDeidentified_thenQuarantined(String display) {
        assertQuarantined(KIT.deidentifier().deidentify(bundle("T1", display)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"987-65-4329", "(555) 555-0142", "77123456", "1961-03-14", "4417 Marrowbone Lane", "Zephyrine"})
    void givenAGuardedValueAsWritten_whenDeidentified_thenStillQuarantined(String display) {
        assertQuarantined(KIT.deidentifier().deidentify(bundle("T1", display)));
    }
}
