package io.phistream.detector.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * Every way a resource names its patient gives the key the Patient itself gives: its dates shift with the patient's
 * and the stream's memory of the patient applies to it. A contained Patient, a version-specific or absolute reference
 * to the Patient entry, a transaction's conditional reference, an identifier that is not the Patient's best one, and
 * ResearchSubject's {@code individual}.
 */
class PatientIndexTest {

    private static final String MRN_SYSTEM = "http://hospital.example.org/fhir/mrn";
    private static final IdentityMap IDENTITIES = IdentityMap.of(Map.of(MRN_SYSTEM, "GHH"));

    /** A Patient with a licence number first and the MRN second: the MRN (mapped, MR) is its key. */
    private static final String PATIENT = """
            {"fullUrl":"https://fhir.example.org/fhir/Patient/p1","resource":{"resourceType":"Patient","id":"p1",
             "identifier":[{"system":"urn:example:licence","value":"L-55501"},
                           {"system":"%s","type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0203",
                            "code":"MR"}]},"value":"MRN7001"}]}}""".formatted(MRN_SYSTEM);

    private static PatientIndex index(Resource root) {
        return PatientIndex.of(root, FhirPolicy.builtIn(), IDENTITIES);
    }

    private static Resource parse(String json) {
        return (Resource) FhirDeidentifier.context().newJsonParser().parseResource(json);
    }

    private static Bundle bundle(String... entries) {
        return (Bundle) parse("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":["
                + String.join(",", entries) + "]}");
    }

    private static String observation(String subject) {
        return "{\"resource\":{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"},"
                + "\"subject\":" + subject + "}}";
    }

    /** The key of the second entry and that of the Patient, first. */
    private static void assertSecondEntryIsThePatients(Bundle b) {
        PatientIndex index = index(b);
        String patient = index.keyFor(b.getEntry().get(0).getResource());
        assertThat(patient).isNotNull();
        assertThat(index.keyFor(b.getEntry().get(1).getResource())).isEqualTo(patient);
    }

    @Test
    void givenAVersionSpecificOrAbsoluteReferenceToThePatientEntry_whenIndexed_thenTheResourceHasThePatientsKey() {
        assertSecondEntryIsThePatients(bundle(PATIENT, observation("{\"reference\":\"Patient/p1/_history/3\"}")));
        assertSecondEntryIsThePatients(bundle(PATIENT,
                observation("{\"reference\":\"https://fhir.example.org/fhir/Patient/p1/_history/3\"}")));
    }

    @Test
    void givenAConditionalReferenceByAnyOfThePatientsIdentifiers_whenIndexed_thenTheResourceHasThePatientsKey() {
        assertSecondEntryIsThePatients(bundle(PATIENT,
                observation("{\"reference\":\"Patient?identifier=urn%3Aexample%3Alicence%7CL-55501\"}")));
        assertSecondEntryIsThePatients(bundle(PATIENT,
                observation("{\"reference\":\"Patient?identifier=" + MRN_SYSTEM + "|MRN7001\"}")));
    }

    @Test
    void givenAConditionalReferenceWithoutThePatientInTheMessage_whenIndexed_thenItHasTheKeyOfItsIdentifier() {
        Resource alone = parse("{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"},"
                + "\"subject\":{\"reference\":\"Patient?identifier=" + MRN_SYSTEM + "|MRN7001\"}}");
        Resource byIdentifier = parse("{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"},"
                + "\"subject\":{\"identifier\":{\"system\":\"" + MRN_SYSTEM + "\",\"value\":\"MRN7001\"}}}");

        assertThat(index(alone).messageKey()).isNotNull().isEqualTo(index(byIdentifier).messageKey());
    }

    @Test
    void givenAReferenceIdentifierThatIsNotThePatientsBestOne_whenIndexed_thenTheResourceHasThePatientsKey() {
        assertSecondEntryIsThePatients(bundle(PATIENT,
                observation("{\"identifier\":{\"system\":\"urn:example:licence\",\"value\":\"L-55501\"}}")));
    }

    @Test
    void givenAResearchSubjectsIndividual_whenIndexed_thenTheResourceHasThePatientsKey() {
        // with a second patient in the Bundle: a resource naming nobody would get no key
        assertSecondEntryIsThePatients(bundle(PATIENT, """
                {"resource":{"resourceType":"ResearchSubject","status":"on-study",
                 "study":{"reference":"ResearchStudy/s1"},"individual":{"reference":"Patient/p1"}}}""",
                "{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p2\","
                        + "\"identifier\":[{\"system\":\"" + MRN_SYSTEM + "\",\"value\":\"MRN7003\"}]}}"));
    }

    @Test
    void givenABundleEntryWhoseSubjectIsAPatientItContains_whenIndexed_thenItHasTheKeyOfThatPatientStandingAlone() {
        Bundle b = bundle(PATIENT, """
                {"resource":{"resourceType":"Observation","status":"final","code":{"text":"x"},
                 "contained":[{"resourceType":"Patient","id":"pt","identifier":[{"system":"%s","value":"MRN7002"}]}],
                 "subject":{"reference":"#pt"}}}""".formatted(MRN_SYSTEM));
        Resource standingAlone = parse("""
                {"resourceType":"Patient","identifier":[{"system":"%s","value":"MRN7002"}]}""".formatted(MRN_SYSTEM));

        assertThat(index(b).keyFor(b.getEntry().get(1).getResource())).isNotNull()
                .isEqualTo(index(standingAlone).keyFor(standingAlone));
    }
}
