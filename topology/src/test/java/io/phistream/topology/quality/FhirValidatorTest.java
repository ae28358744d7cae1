package io.phistream.topology.quality;

import static io.phistream.topology.quality.FhirTestGates.bundle;
import static io.phistream.topology.quality.FhirTestGates.encounter;
import static io.phistream.topology.quality.FhirTestGates.observation;
import static io.phistream.topology.quality.FhirTestGates.patient;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phistream.detector.RejectReason;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shipped FHIR rule: a complete resource passes; breaking one element fires that rule with its outcome. */
class FhirValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FhirValidator VALIDATOR = new FhirValidator(FhirTestGates.RULES);

    static ObjectNode node(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String edit(String json, Consumer<ObjectNode> change) {
        ObjectNode n = node(json);
        change.accept(n);
        return n.toString();
    }

    static ObjectNode quantity(ObjectNode obs) {
        return (ObjectNode) obs.get("valueQuantity");
    }

    static ObjectNode coding(ObjectNode obs) {
        return (ObjectNode) obs.get("code").get("coding").get(0);
    }

    /** A blood-pressure panel with systolic and diastolic components in mm[Hg]. */
    static String bloodPressure() {
        return edit(observation(), o -> {
            coding(o).put("code", "85354-9");
            o.remove("valueQuantity");
            o.set("component", node("""
                    {"c":[{"code":{"coding":[{"system":"http://loinc.org","code":"8480-6"}]},
                           "valueQuantity":{"value":121,"unit":"mmHg","system":"http://unitsofmeasure.org","code":"mm[Hg]"}},
                          {"code":{"coding":[{"system":"http://loinc.org","code":"8462-4"}]},
                           "valueQuantity":{"value":80,"unit":"mmHg","system":"http://unitsofmeasure.org","code":"mm[Hg]"}}]}""")
                    .get("c"));
        });
    }

    static ObjectNode component(ObjectNode o, int i) {
        return (ObjectNode) o.get("component").get(i);
    }

    static Stream<Arguments> brokenResources() {
        return Stream.of(
                // every resource
                Arguments.of("fhir.resource.type-known", bundle(edit(patient(), p -> p.put("resourceType", "Patientt")))),
                Arguments.of("fhir.resource.id-format", edit(patient(), p -> p.put("id", "pat 1"))),
                Arguments.of("fhir.resource.last-updated-format", edit(observation(),
                        o -> ((ObjectNode) o.get("meta")).put("lastUpdated", "2024-03-11"))),
                // Patient
                Arguments.of("fhir.patient.identifier", edit(patient(), p -> p.remove("identifier"))),
                Arguments.of("fhir.patient.gender", edit(patient(), p -> p.put("gender", "F"))),
                Arguments.of("fhir.patient.birth-date-format", edit(patient(), p -> p.put("birthDate", "1970-02-30"))),
                Arguments.of("fhir.patient.deceased-format", edit(patient(), p -> p.put("deceasedDateTime", "19700102"))),
                // Observation
                Arguments.of("fhir.observation.status", edit(observation(), o -> o.remove("status"))),
                Arguments.of("fhir.observation.status-known", edit(observation(), o -> o.put("status", "done"))),
                Arguments.of("fhir.observation.code", edit(observation(), o -> o.set("code", node("{\"text\":\"pulse\"}")))),
                Arguments.of("fhir.observation.loinc", edit(observation(), o -> coding(o).put("code", "8867-5"))),
                Arguments.of("fhir.observation.subject", edit(observation(), o -> o.remove("subject"))),
                Arguments.of("fhir.observation.effective", edit(observation(), o -> o.remove("effectiveDateTime"))),
                Arguments.of("fhir.observation.effective-format", edit(observation(),
                        o -> o.put("effectiveDateTime", "2024-03-11T10:10"))),
                Arguments.of("fhir.observation.effective-period-format", edit(observation(), o -> {
                    o.remove("effectiveDateTime");
                    o.set("effectivePeriod", node("{\"start\":\"2024-13-01\"}"));
                })),
                Arguments.of("fhir.observation.effective-instant-format", edit(observation(), o -> {
                    o.remove("effectiveDateTime");
                    o.put("effectiveInstant", "2024-03-11");
                })),
                Arguments.of("fhir.observation.issued-format", edit(observation(), o -> o.put("issued", "2024-03-11T10:10:00"))),
                Arguments.of("fhir.observation.vital-sign-units-present", edit(observation(), o -> {
                    quantity(o).remove("unit");
                    quantity(o).remove("code");
                })),
                Arguments.of("fhir.observation.vital-sign-units", edit(observation(), o -> quantity(o).put("code", "kg"))),
                Arguments.of("fhir.observation.vital-sign-units-ucum", edit(observation(), o -> quantity(o).put("code", "bpm"))),
                Arguments.of("fhir.observation.vital-sign-units-system", edit(observation(), o -> quantity(o).remove("system"))),
                Arguments.of("fhir.observation.component-code", edit(bloodPressure(),
                        o -> component(o, 1).set("code", node("{\"text\":\"diastolic\"}")))),
                Arguments.of("fhir.observation.component-loinc", edit(bloodPressure(),
                        o -> ((ObjectNode) component(o, 0).get("code").get("coding").get(0)).put("code", "8480-7"))),
                Arguments.of("fhir.observation.component-vital-sign-units-present", edit(bloodPressure(), o -> {
                    ((ObjectNode) component(o, 0).get("valueQuantity")).remove("unit");
                    ((ObjectNode) component(o, 0).get("valueQuantity")).remove("code");
                })),
                Arguments.of("fhir.observation.component-vital-sign-units", edit(bloodPressure(),
                        o -> ((ObjectNode) component(o, 1).get("valueQuantity")).put("code", "kPa"))),
                Arguments.of("fhir.observation.component-vital-sign-units-ucum", edit(bloodPressure(),
                        o -> ((ObjectNode) component(o, 1).get("valueQuantity")).put("code", "mmHg"))),
                Arguments.of("fhir.observation.units-present", edit(observation(), o -> {
                    coding(o).put("code", "2160-0");
                    quantity(o).remove("unit");
                    quantity(o).remove("code");
                })),
                // Encounter
                Arguments.of("fhir.encounter.status", edit(encounter(), e -> e.remove("status"))),
                Arguments.of("fhir.encounter.status-known", edit(encounter(), e -> e.put("status", "closed"))),
                Arguments.of("fhir.encounter.subject", edit(encounter(), e -> e.remove("subject"))),
                Arguments.of("fhir.encounter.class", edit(encounter(), e -> e.remove("class"))),
                Arguments.of("fhir.encounter.period-start", edit(encounter(), e -> ((ObjectNode) e.get("period")).remove("start"))),
                Arguments.of("fhir.encounter.period-start-format", edit(encounter(),
                        e -> ((ObjectNode) e.get("period")).put("start", "2024-03-10 08:00"))),
                Arguments.of("fhir.encounter.period-end-format", edit(encounter(),
                        e -> ((ObjectNode) e.get("period")).put("end", "2024-03-11T25:00:00Z"))),
                // Condition, Immunization
                Arguments.of("fhir.condition.subject", "{\"resourceType\":\"Condition\",\"code\":{\"text\":\"x\"}}"),
                Arguments.of("fhir.condition.onset-format", "{\"resourceType\":\"Condition\",\"subject\":{\"reference\":"
                        + "\"Patient/p\"},\"onsetDateTime\":\"yesterday\"}"),
                Arguments.of("fhir.immunization.patient", "{\"resourceType\":\"Immunization\",\"status\":\"completed\"}"),
                Arguments.of("fhir.immunization.occurrence-format", "{\"resourceType\":\"Immunization\",\"patient\":"
                        + "{\"reference\":\"Patient/p\"},\"occurrenceDateTime\":\"2024-02-30\"}"),
                // Bundle
                Arguments.of("fhir.bundle.type", edit(bundle(patient()), b -> b.remove("type"))),
                Arguments.of("fhir.bundle.type-known", edit(bundle(patient()), b -> b.put("type", "bag"))),
                Arguments.of("fhir.bundle.timestamp-format", edit(bundle(patient()), b -> b.put("timestamp", "2024"))));
    }

    @Test
    void givenCompleteResources_whenValidated_thenTheyPassWithoutFindings() {
        for (String r : List.of(patient(), observation(), encounter(), bloodPressure(),
                bundle(patient(), observation(), encounter(), bloodPressure()))) {
            assertThat(VALIDATOR.validate(node(r))).as(r).isEqualTo(Verdict.PASS);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenResources")
    void givenAResourceBreakingOneRule_whenValidated_thenThatRuleFiresWithItsOutcomeAndReason(String ruleId, String json) {
        FhirRule rule = FhirTestGates.RULES.rules().get(ruleId);
        assertThat(rule).as("shipped rule " + ruleId).isNotNull();
        Verdict v = VALIDATOR.validate(node(json));
        Finding expected = new Finding(ruleId, rule.reason());
        if (rule.outcome() == Outcome.QUARANTINE) {
            assertThat(v).isInstanceOf(Verdict.Quarantine.class);
            assertThat(((Verdict.Quarantine) v).cause()).isEqualTo(expected);
        } else {
            assertThat(v.warnings()).contains(expected);
            assertThat(v).isNotInstanceOf(Verdict.Quarantine.class);
        }
    }

    @Test
    void givenEveryShippedRule_whenListed_thenEachHasAGivenWhenThenCase() {
        List<String> covered = brokenResources().map(a -> (String) a.get()[0]).toList();
        assertThat(covered).containsExactlyInAnyOrderElementsOf(FhirTestGates.RULES.rules().keySet());
    }

    @Test
    void givenABundleWithAnIncompleteEntry_whenValidated_thenTheEntryQuarantinesTheBundle() {
        String b = bundle(patient(), edit(observation(), o -> o.remove("status")));
        Verdict v = VALIDATOR.validate(node(b));
        assertThat(v).isInstanceOf(Verdict.Quarantine.class);
        assertThat(((Verdict.Quarantine) v).reason()).isEqualTo(RejectReason.MISSING_ELEMENT);
    }

    @Test
    void givenAQuarantineRuleOverriddenToWarn_whenValidated_thenTheResourcePassesWithThatWarning() {
        FhirValidator v = new FhirValidator(FhirTestGates.RULES.withOutcomes(
                Map.of("fhir.patient.identifier", Outcome.PASS_WITH_WARNING)));
        Verdict verdict = v.validate(node(edit(patient(), p -> p.remove("identifier"))));
        assertThat(verdict).isInstanceOf(Verdict.Warn.class);
        assertThat(((Verdict.Warn) verdict).ruleIds()).containsExactly("fhir.patient.identifier");
    }

    @Test
    void givenARuleTurnedOff_whenValidated_thenItDoesNotFire() {
        FhirValidator v = new FhirValidator(FhirTestGates.RULES.withOutcomes(Map.of("fhir.observation.effective", Outcome.OFF)));
        assertThat(v.validate(node(edit(observation(), o -> o.remove("effectiveDateTime"))))).isEqualTo(Verdict.PASS);
    }

    @Test
    void givenRulesFilesWithMistakes_whenLoaded_thenLoadingFailsNamingTheMistake() {
        String ok = "{\"format\":\"phi-stream/fhir-quality-rules\",\"name\":\"t\",\"version\":\"1\","
                + "\"rules\":[%s],\"profiles\":{\"default\":{\"rules\":[\"r.a\"]}},"
                + "\"dedupe\":{\"versionReused\":{\"id\":\"r.d\",\"reason\":\"CONTROL_ID_REUSED\",\"outcome\":\"off\"}}}";
        String rule = "{\"id\":\"r.a\",\"check\":\"required\",\"path\":\"%s\",\"reason\":\"%s\",\"outcome\":\"%s\"}";
        assertThat(FhirRules.parse(String.format(ok, String.format(rule, "code.coding(system='http://x.org').code",
                "MISSING_ELEMENT", "quarantine")).getBytes()).rules()).containsKey("r.a");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FhirRules.parse(String.format(ok,
                String.format(rule, "code..x", "MISSING_ELEMENT", "quarantine")).getBytes()))
                .hasMessageContaining("r.a").hasMessageContaining("path");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FhirRules.parse(String.format(ok,
                String.format(rule, "code", "NO_SUCH_REASON", "quarantine")).getBytes()))
                .hasMessageContaining("NO_SUCH_REASON");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FhirRules.parse(String.format(ok,
                String.format(rule, "code", "MISSING_ELEMENT", "drop")).getBytes()))
                .hasMessageContaining("outcome");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FhirRules.parse(String.format(ok,
                String.format(rule, "code", "MISSING_ELEMENT", "off")).replace("\"outcome\":\"off\"}]",
                "\"outcome\":\"off\",\"colour\":1}]").getBytes())).hasMessageContaining("colour");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FhirTestGates.RULES.withOutcomes(
                Map.of("fhir.no.such-rule", Outcome.OFF))).hasMessageContaining("fhir.no.such-rule");
    }

    @Test
    void givenDateTimeValues_whenChecked_thenTheR4FormatsAndTheCalendarDecide() {
        assertThat(FhirFormats.Format.DATE_TIME.test("2024")).isTrue();
        assertThat(FhirFormats.Format.DATE_TIME.test("2024-02")).isTrue();
        assertThat(FhirFormats.Format.DATE_TIME.test("2024-02-29T23:59:60.123+14:00")).isTrue();
        assertThat(FhirFormats.Format.DATE_TIME.test("2023-02-29")).isFalse();
        assertThat(FhirFormats.Format.DATE_TIME.test("2024-02-01T10:00:00")).as("time without zone").isFalse();
        assertThat(FhirFormats.Format.INSTANT.test("2024-02-01T10:00:00Z")).isTrue();
        assertThat(FhirFormats.Format.INSTANT.test("2024-02-01")).isFalse();
        assertThat(FhirFormats.Format.DATE.test("2024-04-31")).isFalse();
        assertThat(FhirFormats.Format.ID.test("a".repeat(65))).isFalse();
        assertThat(FhirFormats.Format.LOINC.test("8867-4")).isTrue();
        assertThat(FhirFormats.Format.LOINC.test("8867-3")).isFalse();
    }
}
