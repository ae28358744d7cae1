package io.phistream.topology.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading rules files: the shipped one, profile resolution, and strictness (a typo must not disable a check). */
class Hl7RulesTest {

    private static final String MINIMAL = """
            {"format": "phi-stream/hl7v2-quality-rules", "name": "t", "version": "0.1",
             "valueSets": {"codes": ["ORU"]},
             "rules": [
               {"id": "a.type", "check": "in", "path": "MSH-9.1", "values": "codes",
                "reason": "UNKNOWN_MESSAGE_TYPE", "outcome": "quarantine"},
               {"id": "a.pid", "check": "required", "path": "PID-3.1", "reason": "MISSING_PATIENT_ID",
                "outcome": "quarantine"}],
             "profiles": {"default": {"rules": ["a.type"]}, "ORU": {"extends": "default", "rules": ["a.pid"]},
                          "ORU^R30": {"extends": "ORU", "without": ["a.pid"]}},
             "dedupe": {"controlIdReused": {"id": "a.reused", "reason": "CONTROL_ID_REUSED",
                                            "outcome": "pass-with-warning"}}}
            """;

    private static Hl7Rules parse(String json) {
        return Hl7Rules.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void givenTheShippedRules_whenLoaded_thenEveryProfileInheritsTheDefaultRulesAndNamesKnownRules() {
        Hl7Rules r = Hl7Rules.load(Hl7Rules.DEFAULT);
        assertThat(r.nameAndVersion()).isEqualTo("hl7v2-rules/1.0.0");
        assertThat(r.profiles()).containsKeys("default", "ADT^A01", "ORU^R01", "MDM^T02");
        for (Map.Entry<String, java.util.List<String>> p : r.profiles().entrySet()) {
            assertThat(r.rules().keySet()).containsAll(p.getValue());
            assertThat(p.getValue()).as(p.getKey()).contains("hl7.msh.message-type", "hl7.msh.version-allowed");
        }
        assertThat(r.profiles().get("ORU^R01")).contains("hl7.pid.patient-id", "hl7.obx.vital-sign-units");
        assertThat(r.profiles().get("ADT^A20")).doesNotContain("hl7.pid.patient-id");
        assertThat(r.ruleIds()).contains("hl7.dedupe.control-id-reused");
    }

    @Test
    void givenAProfile_whenResolved_thenItsRulesKeepTheFilesOrderSoTheFirstViolationIsTheSameInEveryJvm() {
        String json = MINIMAL.replace("\"rules\": [\"a.type\"]", "\"rules\": [\"a.type\", \"b.1\", \"b.2\", \"b.3\", "
                + "\"b.4\", \"b.5\", \"b.6\", \"b.7\", \"b.8\", \"b.9\"]").replace("\"rules\": [\n", "\"rules\": [\n" + rules(9));
        Hl7Rules r = parse(json);
        assertThat(r.profiles().get("default"))
                .containsExactly("a.type", "b.1", "b.2", "b.3", "b.4", "b.5", "b.6", "b.7", "b.8", "b.9");
        assertThat(r.profiles().get("ORU")).endsWith("b.9", "a.pid");
        // the shipped default profile: MSH-9 (message type) is checked before MSH-7 (message time), as listed
        java.util.List<String> shipped = Hl7Rules.load(Hl7Rules.DEFAULT).profiles().get("default");
        assertThat(shipped.indexOf("hl7.msh.message-type")).isLessThan(shipped.indexOf("hl7.msh.message-time"));
        assertThat(shipped.indexOf("hl7.msh.message-time")).isLessThan(shipped.indexOf("hl7.msh.version"));
    }

    private static String rules(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            b.append("{\"id\": \"b.").append(i).append("\", \"check\": \"required\", \"path\": \"MSH-").append(10 + i)
                    .append("\", \"reason\": \"MISSING_ELEMENT\", \"outcome\": \"pass-with-warning\"},\n");
        }
        return b.toString();
    }

    @Test
    void givenMessageTypes_whenAProfileIsChosen_thenTheMostSpecificWins() {
        Hl7Rules r = parse(MINIMAL);
        assertThat(r.profileName("ORU", "R30")).isEqualTo("ORU^R30");
        assertThat(r.profileName("ORU", "R01")).isEqualTo("ORU");
        assertThat(r.profileName("ADT", "A01")).isEqualTo("default");
        assertThat(r.profiles().get("ORU^R30")).containsExactly("a.type");
        assertThat(r.profiles().get("ORU")).containsExactly("a.type", "a.pid");
    }

    @Test
    void givenARulesFile_whenLoadedFromAPath_thenItIsUsed(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("rules.json");
        Files.writeString(f, MINIMAL);
        assertThat(Hl7Rules.load(f.toString()).nameAndVersion()).isEqualTo("t/0.1");
    }

    @Test
    void givenAMissingFileOrBuiltin_whenLoaded_thenTheErrorNamesIt() {
        assertThatThrownBy(() -> Hl7Rules.load("builtin:nope")).hasMessageContaining("builtin:nope");
        assertThatThrownBy(() -> Hl7Rules.load("/no/such/rules.json")).hasMessageContaining("/no/such/rules.json");
    }

    @Test
    void givenBrokenRulesFiles_whenLoaded_thenEachIsRejectedNamingTheProblem() {
        Map<String, String> broken = Map.ofEntries(
                Map.entry(MINIMAL.replace("\"check\": \"required\"", "\"check\": \"required\", \"pth\": \"x\""),
                        "unknown key \"pth\""),
                Map.entry(MINIMAL.replace("\"rules\": [\"a.pid\"]", "\"rules\": [\"a.pdi\"]"), "unknown rule a.pdi"),
                Map.entry(MINIMAL.replace("\"extends\": \"ORU\"", "\"extends\": \"ORU^R30\""), "extends itself"),
                Map.entry(MINIMAL.replace("MISSING_PATIENT_ID", "NO_PATIENT"), "unknown reason code NO_PATIENT"),
                Map.entry(MINIMAL.replace("\"values\": \"codes\"", "\"values\": \"kodes\""), "no value set named kodes"),
                Map.entry(MINIMAL.replace("\"outcome\": \"quarantine\"}]", "\"outcome\": \"drop\"}]"), "outcome must be"),
                Map.entry(MINIMAL.replace("PID-3.1", "PID3"), "path must be"),
                Map.entry(MINIMAL.replace("PID-3.1", "MSH-2"), "path must be"),
                Map.entry(MINIMAL.replace("\"without\": [\"a.pid\"]", "\"without\": [\"a.type2\"]"),
                        "does not inherit"),
                Map.entry(MINIMAL.replace("\"default\": {\"rules\"", "\"base\": {\"rules\""), "\"default\" profile"),
                Map.entry(MINIMAL.replace("phi-stream/hl7v2-quality-rules", "other"), "format must be"),
                Map.entry(MINIMAL.replace("\"a.reused\"", "\"a.pid\""), "defined twice"),
                Map.entry("[1, 2]", "must be a JSON object"),
                Map.entry("{not json", "not valid JSON"));
        broken.forEach((json, message) -> assertThatThrownBy(() -> parse(json)).as(message)
                .isInstanceOf(Hl7Rules.RulesException.class).hasMessageContaining(message));
    }

    @Test
    void givenARuleWhosePathsNameTwoSegments_whenLoaded_thenItIsRejected() {
        String json = MINIMAL.replace("\"path\": \"PID-3.1\",",
                "\"path\": \"PID-3.1\", \"when\": [{\"path\": \"PV1-2\", \"present\": true}],");
        assertThatThrownBy(() -> parse(json)).hasMessageContaining("must name segment PID");
    }

    @Test
    void givenAnOverrideOfAnUnknownRule_whenApplied_thenItIsRejected() {
        assertThatThrownBy(() -> parse(MINIMAL).withOutcomes(Map.of("a.nope", Outcome.OFF)))
                .hasMessageContaining("a.nope");
        assertThat(parse(MINIMAL).withOutcomes(Map.of("a.reused", Outcome.QUARANTINE)).controlIdReusedOutcome())
                .isEqualTo(Outcome.QUARANTINE);
    }
}
