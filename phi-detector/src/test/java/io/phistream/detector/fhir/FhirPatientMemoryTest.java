package io.phistream.detector.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.DetectingScrubber;
import io.phistream.detector.PatientMemory;
import io.phistream.detector.deid.Zip3;
import io.phistream.detector.hl7.Hl7Deidentifier;
import io.phistream.detector.hl7.Hl7Outcome;
import io.phistream.detector.hl7.Hl7Policy;
import io.phistream.detector.text.TextPhiDetector;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;

/**
 * The per-patient memory on the FHIR path, shared with HL7: an HL7 admission naming the patient and a daughter
 * teaches the memory, and a later FHIR bundle about the same patient (identifier only) has its note scrubbed.
 */
class FhirPatientMemoryTest {

    private static final String MRN_SYSTEM = "http://hospital.example.org/fhir/mrn";
    // nothing around these words says "name" (the model reads "update given to zanthorpe" as one: a person is updated)
    private static final String NOTE = "iv site c/d/i, zanthorpe valve check done, quillfeather bedside rounds";

    private final FhirTestKit kit = new FhirTestKit();
    private final DetectingScrubber spans = new DetectingScrubber(TextPhiDetector.builtIn());
    private final Hl7Deidentifier hl7 = new Hl7Deidentifier(Hl7Policy.builtIn(), kit.tokenizer, kit.shifter,
            Zip3.defaultUnion(), kit.digest, spans, FhirTestKit.CLOCK);
    private final FhirDeidentifier fhir = kit.deidentifier(IdentityMap.of(Map.of(MRN_SYSTEM, "GHH")), spans);

    private static final class Store implements PatientMemory {
        final Map<String, Set<String>> byPatient = new HashMap<>();

        @Override
        public Set<String> recall(String patientToken) {
            return byPatient.getOrDefault(patientToken, Set.of());
        }

        void learn(String token, Set<String> digests) {
            byPatient.computeIfAbsent(token, k -> new HashSet<>()).addAll(digests);
        }
    }

    private static String adt() {
        return "MSH|^~\\&|ADT|GHH|DEID|PS|20250101120000||ADT^A01^ADT_A01|A1|P|2.5.1\r"
                + "EVN|A01|20250101120000\r"
                + "PID|1||MRN7001^^^GHH^MR||Quillfeather^Odalys||19600101|F\r"
                + "NK1|1|Zanthorpe^Brisa|DAU^Daughter\r";
    }

    private static String bundle() {
        return """
                {"resourceType":"Bundle","type":"collection","entry":[
                 {"fullUrl":"urn:uuid:0b7e6f52-1111-4c1e-9a51-3f5d2b8e0a01","resource":{"resourceType":"Patient",
                   "identifier":[{"system":"%s","value":"MRN7001"}]}},
                 {"resource":{"resourceType":"Observation","status":"final",
                   "code":{"coding":[{"system":"http://loinc.org","code":"8867-4"}]},
                   "subject":{"reference":"urn:uuid:0b7e6f52-1111-4c1e-9a51-3f5d2b8e0a01"},
                   "valueQuantity":{"value":88,"unit":"/min"},
                   "note":[{"text":"%s"}]}}]}
                """.formatted(MRN_SYSTEM, NOTE);
    }

    @Test
    void givenAnHl7Admission_whenAFhirNoteAboutTheSamePatientNamesThem_thenTheSharedMemoryScrubsThem() {
        Store memory = new Store();
        Hl7Outcome.Deidentified admission = (Hl7Outcome.Deidentified) hl7.deidentify(adt(), memory);
        memory.learn(admission.patientToken(), admission.learned());

        FhirOutcome.Deidentified note = (FhirOutcome.Deidentified) fhir.deidentify(bundle(), memory);

        assertThat(note.patientToken()).isEqualTo(admission.patientToken());
        assertThat(note.text().toLowerCase(Locale.ROOT)).doesNotContain("quillfeather", "zanthorpe")
                .contains("valve check");
    }

    /** An Observation standing alone whose subject is a Patient it contains ("#pt"), identified by the MRN only. */
    private static String observationWithContainedPatient() {
        return """
                {"resourceType":"Observation","status":"final","code":{"text":"Nursing note"},
                 "contained":[{"resourceType":"Patient","id":"pt","identifier":[{"system":"%s","value":"MRN7001"}]}],
                 "subject":{"reference":"#pt"},"effectiveDateTime":"2025-01-02T13:00:00Z",
                 "note":[{"text":"%s"}]}
                """.formatted(MRN_SYSTEM, NOTE);
    }

    @Test
    void givenAnHl7Admission_whenAFhirObservationNamesItsPatientAsAContainedPatient_thenTheSharedMemoryScrubsItsNote() {
        Store memory = new Store();
        Hl7Outcome.Deidentified admission = (Hl7Outcome.Deidentified) hl7.deidentify(adt(), memory);
        memory.learn(admission.patientToken(), admission.learned());

        FhirOutcome.Deidentified note = (FhirOutcome.Deidentified) fhir.deidentify(observationWithContainedPatient(),
                memory);

        assertThat(note.patientToken()).isEqualTo(admission.patientToken());
        assertThat(note.text().toLowerCase(Locale.ROOT)).doesNotContain("quillfeather", "zanthorpe")
                .contains("valve check");
    }

    @Test
    void givenAContainedPatient_whenTheObservationIsDeidentified_thenItsDatesShiftAsForTheSamePatientNamedByIdentifier() {
        String byIdentifier = observationWithContainedPatient().replace("\"subject\":{\"reference\":\"#pt\"}",
                "\"subject\":{\"identifier\":{\"system\":\"" + MRN_SYSTEM + "\",\"value\":\"MRN7001\"}}");

        FhirOutcome.Deidentified contained = (FhirOutcome.Deidentified) fhir.deidentify(observationWithContainedPatient());
        FhirOutcome.Deidentified named = (FhirOutcome.Deidentified) fhir.deidentify(byIdentifier);

        assertThat(contained.patientToken()).isNotNull().isEqualTo(named.patientToken());
        // shifted like the other's, not cut to its year as for a resource of no known patient
        assertThat(effective(contained)).isEqualTo(effective(named)).hasSizeGreaterThan(4);
    }

    private static String effective(FhirOutcome.Deidentified d) {
        return ((Observation) FhirDeidentifier.context().newJsonParser().parseResource(d.text()))
                .getEffectiveDateTimeType().getValueAsString();
    }

    @Test
    void givenNoMemory_whenTheSameBundleIsDeidentified_thenTheNamesSurviveAndNothingIsLearned() {
        FhirOutcome.Deidentified note = (FhirOutcome.Deidentified) fhir.deidentify(bundle());
        assertThat(note.text().toLowerCase(Locale.ROOT)).contains("quillfeather", "zanthorpe");
        assertThat(note.learned()).isEmpty();
    }

    @Test
    void givenAFhirPatientWithAName_whenDeidentifiedWithAMemory_thenItsDigestsAreLearnedForTheSameToken() {
        String patient = """
                {"resourceType":"Patient","identifier":[{"system":"%s","value":"MRN7001"}],
                 "name":[{"family":"Quillfeather","given":["Odalys"]}]}
                """.formatted(MRN_SYSTEM);
        Store memory = new Store();
        FhirOutcome.Deidentified p = (FhirOutcome.Deidentified) fhir.deidentify(patient, memory);
        Hl7Outcome.Deidentified h = (Hl7Outcome.Deidentified) hl7.deidentify(adt(), memory);
        assertThat(p.learned()).isNotEmpty().allSatisfy(d -> assertThat(d).matches("[0-9a-f]{16}"));
        // the same surname learned on either path gives the same digest: the paths share one memory
        assertThat(h.learned()).containsAnyElementsOf(p.learned());
    }
}
