package io.phistream.detector.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.FreeTextScrubber;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Ages and birth dates a FHIR message records outside the Age datatype and Patient.birthDate (a walkthrough released
 * ages over 89 and shifted birth dates written this way): an Observation or a questionnaire answer coded or labelled
 * as an age has its value capped at 90, as HL7's OBX does; one coded or labelled as the birth date keeps its year only,
 * as Patient.birthDate does.
 */
class FhirAgeAndBirthObservationTest {

    static final FhirTestKit KIT = new FhirTestKit();
    static final FhirDeidentifier DEID = KIT.deidentifier();

    /** An invented patient with a record number, so that its dates shift. */
    static final String PATIENT = """
            {"resourceType":"Patient","id":"p1",
             "identifier":[{"system":"http://hospital.example.org/mrn","value":"MRN-2468013"}],
             "name":[{"family":"Pennywhistle","given":["Odalys"]}]}""";

    static String observation(String code, String value) {
        return """
                {"resourceType":"Observation","status":"final","subject":{"reference":"Patient/p1"},
                 "code":%s,%s}""".formatted(code, value);
    }

    static String coding(String system, String code, String display) {
        return "{\"coding\":[{\"system\":\"" + system + "\",\"code\":\"" + code + "\""
                + (display == null ? "" : ",\"display\":\"" + display + "\"") + "}]}";
    }

    static final String YEARS_97 = "\"valueQuantity\":{\"value\":97,\"unit\":\"a\"}";

    /** The second entry of a Bundle of the patient and the resource, de-identified. */
    @SuppressWarnings("unchecked")
    static <T extends Resource> T released(String resource) {
        return (T) entries(resource).get(1);
    }

    static List<Resource> entries(String... resources) {
        FhirOutcome.Deidentified out = deid(DEID, resources);
        return ((Bundle) FhirDeidentifierTest.parse(out.text())).getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource).toList();
    }

    static FhirOutcome.Deidentified deid(FhirDeidentifier d, String... resources) {
        String[] all = new String[resources.length + 1];
        all[0] = PATIENT;
        System.arraycopy(resources, 0, all, 1, resources.length);
        return FhirDeidentifierTest.deid(d, FhirDeidentifierTest.bundle(all));
    }

    static int quantity(Observation o) {
        return o.getValueQuantity().getValue().intValue();
    }

    @Nested
    class AgesOver89 {

        @Test
        void givenAnAgeCodedWithLoincsOid_whenOver89_thenItBecomes90() {
            Observation o = released(observation(coding("urn:oid:2.16.840.1.113883.6.1", "30525-0", null), YEARS_97));

            assertThat(quantity(o)).isEqualTo(90);
        }

        @Test
        void givenSnomedsAgeConceptInEitherSpelling_whenOver89_thenItBecomes90() {
            Observation uri = released(observation(coding("http://snomed.info/sct", "397659008", null), "\"valueInteger\":94"));
            Observation oid = released(observation(coding("urn:oid:2.16.840.1.113883.6.96", "397659008", null),
                    "\"valueQuantity\":{\"value\":94,\"unit\":\"a\"}"));

            assertThat(uri.getValueIntegerType().getValue()).isEqualTo(90);
            assertThat(quantity(oid)).isEqualTo(90);
        }

        @Test
        void givenALocalCodeWhoseDisplayOrTextSaysAge_whenOver89_thenItBecomes90InAnyDatatypeAndOtherCodesStay() {
            Observation display = released(observation(coding("urn:example:local", "A1", "Age"),
                    "\"valueQuantity\":{\"value\":97,\"unit\":\"years\"}"));
            Observation integer = released(observation(coding("urn:example:local", "A1", "Age"), "\"valueInteger\":96"));
            Observation text = released(observation("{\"text\":\"Patient age\"}",
                    "\"valueQuantity\":{\"value\":97,\"unit\":\"yr\"}"));

            assertThat(quantity(display)).isEqualTo(90);
            assertThat(integer.getValueIntegerType().getValue()).isEqualTo(90);
            assertThat(quantity(text)).isEqualTo(90);
            Observation heartRate = released(observation(coding("urn:example:local", "HR", "Heart rate"),
                    "\"valueInteger\":97"));
            Observation average = released(observation("{\"text\":\"Average heart rate\"}", "\"valueInteger\":97"));
            assertThat(heartRate.getValueIntegerType().getValue()).isEqualTo(97);
            assertThat(average.getValueIntegerType().getValue()).isEqualTo(97);
            Observation percentile = released(observation(
                    coding("http://loinc.org", "59576-9", "Body mass index (BMI) [Percentile] Per age and sex"),
                    "\"valueQuantity\":{\"value\":95,\"unit\":\"%\",\"code\":\"%\"}"));
            assertThat(quantity(percentile)).as("a percentile, not an age").isEqualTo(95);
        }

        @Test
        void givenAComponentCodedAge_whenOver89_thenItsValueBecomes90() {
            Observation o = released("""
                    {"resourceType":"Observation","status":"final","subject":{"reference":"Patient/p1"},
                     "code":{"text":"Intake"},
                     "component":[{"code":{"coding":[{"system":"urn:example:local","code":"AGE"}]},
                                   "valueQuantity":{"value":93,"unit":"a"}},
                                  {"code":{"coding":[{"system":"urn:example:local","code":"PULSE"}]},
                                   "valueQuantity":{"value":93,"unit":"/min"}}]}""");

            assertThat(o.getComponent().get(0).getValueQuantity().getValue().intValue()).isEqualTo(90);
            assertThat(o.getComponent().get(1).getValueQuantity().getValue().intValue()).isEqualTo(93);
        }

        @Test
        void givenAQuestionnaireAnswerToAnAgeQuestion_whenOver89_thenItBecomes90() {
            QuestionnaireResponse r = released("""
                    {"resourceType":"QuestionnaireResponse","status":"completed","subject":{"reference":"Patient/p1"},
                     "item":[{"linkId":"q1","text":"Age","answer":[{"valueInteger":94}]},
                             {"linkId":"age","answer":[{"valueQuantity":{"value":94,"unit":"a"}}]},
                             {"linkId":"grp","item":[{"linkId":"q3","text":"Your age?","answer":[{"valueInteger":95}]}]},
                             {"linkId":"q4","text":"Weight (kg)","answer":[{"valueInteger":94}]}]}""");

            assertThat(r.getItem().get(0).getAnswerFirstRep().getValueIntegerType().getValue()).isEqualTo(90);
            assertThat(r.getItem().get(1).getAnswerFirstRep().getValueQuantity().getValue().intValue()).isEqualTo(90);
            assertThat(r.getItem().get(2).getItemFirstRep().getAnswerFirstRep().getValueIntegerType().getValue())
                    .isEqualTo(90);
            assertThat(r.getItem().get(3).getAnswerFirstRep().getValueIntegerType().getValue()).isEqualTo(94);
        }

        @Test
        void givenARangeOfAgesAtAProcedureOrAnAllergysOnset_whenOver89_thenBothEndsBecome90() {
            List<Resource> out = entries("""
                    {"resourceType":"Procedure","status":"completed","subject":{"reference":"Patient/p1"},
                     "code":{"text":"x"},
                     "performedRange":{"low":{"value":91,"unit":"a","system":"http://unitsofmeasure.org","code":"a"},
                                       "high":{"value":92,"unit":"a","system":"http://unitsofmeasure.org","code":"a"}}}""",
                    """
                    {"resourceType":"AllergyIntolerance","patient":{"reference":"Patient/p1"},
                     "onsetRange":{"low":{"value":91,"unit":"a","system":"http://unitsofmeasure.org","code":"a"},
                                   "high":{"value":93,"unit":"a","system":"http://unitsofmeasure.org","code":"a"}}}""");

            Range performed = ((Procedure) out.get(1)).getPerformedRange();
            Range onset = ((AllergyIntolerance) out.get(2)).getOnsetRange();
            assertThat(performed.getLow().getValue().intValue()).isEqualTo(90);
            assertThat(performed.getHigh().getValue().intValue()).isEqualTo(90);
            assertThat(onset.getLow().getValue().intValue()).isEqualTo(90);
            assertThat(onset.getHigh().getValue().intValue()).isEqualTo(90);
        }
    }

    @Nested
    class BirthDates {

        static final String BORN = "\"valueDateTime\":\"1961-03-14\"";

        @Test
        void givenAnObservationOfTheBirthDateCodedInLoincOrSnomed_whenDeidentified_thenOnlyItsYearIsKept() {
            Observation loinc = released(observation(coding("http://loinc.org", "21112-8", null), BORN));
            Observation snomed = released(observation(coding("http://snomed.info/sct", "184099003", null), BORN));
            Observation oid = released(observation(coding("urn:oid:2.16.840.1.113883.6.1", "21112-8", null),
                    "\"valueDateTime\":\"1961-03-14T08:30:00Z\""));

            assertThat(loinc.getValueDateTimeType().getValueAsString()).isEqualTo("1961");
            assertThat(snomed.getValueDateTimeType().getValueAsString()).isEqualTo("1961");
            assertThat(oid.getValueDateTimeType().getValueAsString()).isEqualTo("1961");
        }

        @Test
        void givenALocalCodeWhoseTextSaysDateOfBirth_whenDeidentified_thenOnlyItsYearIsKept() {
            Observation dob = released(observation(coding("urn:example:local", "DOB", null), BORN));
            Observation text = released(observation("{\"text\":\"Date of birth\"}", BORN));

            assertThat(dob.getValueDateTimeType().getValueAsString()).isEqualTo("1961");
            assertThat(text.getValueDateTimeType().getValueAsString()).isEqualTo("1961");
        }

        @Test
        void givenABirthDateComponent_whenDeidentified_thenOnlyItsYearIsKept() {
            Observation o = released("""
                    {"resourceType":"Observation","status":"final","subject":{"reference":"Patient/p1"},
                     "code":{"text":"Intake"},
                     "component":[{"code":{"coding":[{"system":"http://loinc.org","code":"21112-8"}]},
                                   "valueDateTime":"1961-03-14"}]}""");

            assertThat(o.getComponentFirstRep().getValueDateTimeType().getValueAsString()).isEqualTo("1961");
        }

        @Test
        void givenAQuestionnaireAnswerToADateOfBirthQuestion_whenDeidentified_thenOnlyItsYearIsKept() {
            QuestionnaireResponse r = released("""
                    {"resourceType":"QuestionnaireResponse","status":"completed","subject":{"reference":"Patient/p1"},
                     "authored":"2024-05-02",
                     "item":[{"linkId":"q1","text":"Date of birth","answer":[{"valueDate":"1961-03-14"}]},
                             {"linkId":"q2","text":"Date of last visit","answer":[{"valueDate":"2024-04-30"}]}]}""");

            assertThat(r.getItem().get(0).getAnswerFirstRep().getValueDateType().getValueAsString()).isEqualTo("1961");
            assertThat(r.getItem().get(1).getAnswerFirstRep().getValueDateType().getValueAsString())
                    .as("other dates still shift").isNotIn("2024-04-30", "2024").hasSize(10);
        }

        @Test
        void givenABirthDateObservation_whenFreeTextIsScrubbed_thenTheScrubberKnowsTheBirthDate() {
            Set<LocalDate> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
            FreeTextScrubber capture = (text, known) -> {
                seen.addAll(known.birthDates());
                return new FreeTextScrubber.Result("", List.of());
            };
            FhirDeidentifier d = KIT.deidentifier(IdentityMap.empty(), capture);

            deid(d, observation(coding("http://loinc.org", "21112-8", null), BORN + ",\"note\":[{\"text\":\"seen\"}]"));

            assertThat(seen).contains(LocalDate.of(1961, 3, 14));
        }
    }
}
