package io.phistream.topology.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** FHIR rules files share their loader with HL7's ({@link RulesFile}): the file's order is the evaluation order. */
class FhirRulesTest {

    /** Ids in no sorted or hash order, so that a set would tell. */
    private static final List<String> IDS = List.of("r.k", "r.c", "r.x", "r.a", "r.q", "r.f", "r.z", "r.m", "r.b", "r.t");

    /**
     * One quarantine rule per id, each requiring the element named by the id's last letter; the default profile lists
     * them in {@code order}, and Observation adds {@code r.extra} and drops {@code r.q}.
     */
    private static FhirRules rules(List<String> order) {
        String rules = IDS.stream().map(id -> "{\"id\":\"" + id + "\",\"check\":\"required\",\"path\":\""
                + id.substring(2) + "\",\"reason\":\"MISSING_ELEMENT\",\"outcome\":\"quarantine\"}")
                .collect(Collectors.joining(","));
        String listed = order.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(","));
        String json = "{\"format\":\"phi-stream/fhir-quality-rules\",\"name\":\"t\",\"version\":\"1\","
                + "\"rules\":[" + rules + ",{\"id\":\"r.extra\",\"check\":\"required\",\"path\":\"status\","
                + "\"reason\":\"MISSING_ELEMENT\",\"outcome\":\"pass-with-warning\"}],"
                + "\"profiles\":{\"default\":{\"rules\":[" + listed + "]},"
                + "\"Observation\":{\"extends\":\"default\",\"without\":[\"r.q\"],\"rules\":[\"r.extra\"]}},"
                + "\"dedupe\":{\"versionReused\":{\"id\":\"r.d\",\"reason\":\"CONTROL_ID_REUSED\",\"outcome\":\"off\"}}}";
        return FhirRules.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static Verdict.Quarantine validateEmpty(FhirRules rules, String type) throws Exception {
        return (Verdict.Quarantine) new FhirValidator(rules)
                .validate(new ObjectMapper().readTree("{\"resourceType\":\"" + type + "\"}"));
    }

    @Test
    void givenAProfile_whenResolved_thenItsRulesKeepTheFilesOrderSoTheFirstViolationIsTheSameInEveryJvm() throws Exception {
        FhirRules r = rules(IDS);
        assertThat(r.profiles().get("default")).containsExactlyElementsOf(IDS);
        List<String> observation = new ArrayList<>(IDS);
        observation.remove("r.q");
        observation.add("r.extra");
        assertThat(r.profiles().get("Observation")).containsExactlyElementsOf(observation);
        assertThat(r.profile("Observation").stream().map(FhirRule::id).toList()).containsExactlyElementsOf(observation);
        // every rule is violated by an empty resource: the first one listed is the cause, whatever the ids
        assertThat(validateEmpty(r, "Patient").ruleId()).isEqualTo("r.k");
        List<String> reversed = new ArrayList<>(IDS);
        Collections.reverse(reversed);
        assertThat(validateEmpty(rules(reversed), "Patient").ruleId()).isEqualTo("r.t");
        assertThat(validateEmpty(rules(reversed), "Observation").ruleId()).isEqualTo("r.t");
    }

    @Test
    void givenTheShippedRules_whenLoaded_thenTheObservationProfileChecksTheDefaultRulesFirstAsListed() {
        List<String> observation = FhirTestGates.RULES.profiles().get("Observation");
        assertThat(observation.subList(0, 3))
                .containsExactly("fhir.resource.type-known", "fhir.resource.id-format", "fhir.resource.last-updated-format");
        assertThat(observation.indexOf("fhir.observation.status")).isLessThan(observation.indexOf("fhir.observation.code"));
        assertThat(observation.indexOf("fhir.observation.code")).isLessThan(observation.indexOf("fhir.observation.subject"));
    }
}
