package io.phistream.topology.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phistream.detector.deid.KeyedDigest;
import io.phistream.topology.config.ConfigException;
import io.phistream.topology.config.PhiStreamConfig;
import io.phistream.topology.keys.KeyStore;
import io.phistream.topology.stream.Stages;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gates built from the configuration: quality.rules.hl7v2, quality.rules.fhir and quality.rule.<id>. */
class QualityGatesTest {

    @TempDir
    Path tmp;

    private final KeyedDigest digest = new KeyedDigest(KeyStore.ephemeral().digest());

    private QualityGates gates(Map<String, String> settings) {
        return QualityGates.create(PhiStreamConfig.load(null, Map.of(), settings), digest,
                Stages.DEFAULT_MAX_MESSAGE_BYTES);
    }

    @Test
    void givenNoQualitySettings_whenBuilt_thenBothGatesUseTheShippedRulesAndOutcomes() {
        QualityGates g = gates(Map.of());

        assertThat(g.hl7().rulesVersion()).isEqualTo(Hl7Rules.load(Hl7Rules.DEFAULT).nameAndVersion());
        assertThat(g.fhir().rulesVersion()).isEqualTo(FhirRules.load(FhirRules.DEFAULT).nameAndVersion());
        assertThat(g.hl7().rules().rules().get("hl7.obx.code").outcome()).isEqualTo(Outcome.QUARANTINE);
    }

    @Test
    void givenOverridesForRulesOfEachFormat_whenBuilt_thenEachGoesToItsOwnGate() {
        QualityGates g = gates(Map.of("quality.rule.hl7.obx.code", "pass-with-warning",
                "quality.rule.fhir.resource.id-format", "off",
                "quality.rule.hl7.dedupe.control-id-reused", "quarantine"));

        assertThat(g.hl7().rules().rules().get("hl7.obx.code").outcome()).isEqualTo(Outcome.PASS_WITH_WARNING);
        assertThat(g.hl7().idReusedOutcome()).isEqualTo(Outcome.QUARANTINE);
        assertThat(g.fhir().validator().rules().rules().get("fhir.resource.id-format").outcome())
                .isEqualTo(Outcome.OFF);
        assertThat(g.fhir().validator().rules().rules().get("fhir.resource.type-known").outcome())
                .isEqualTo(Outcome.QUARANTINE);
    }

    @Test
    void givenAnOverrideOfARuleNoRulesFileDefines_whenBuilt_thenRefusedNamingTheKey() {
        assertThatThrownBy(() -> gates(Map.of("quality.rule.hl7.obx.cod", "off")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("quality.rule.hl7.obx.cod")
                .hasMessageContaining("no rule with id");
    }

    @Test
    void givenAnOverrideOfABuiltInGateRule_whenBuilt_thenRefused_unreadableInputIsAlwaysQuarantined() {
        assertThatThrownBy(() -> gates(Map.of("quality.rule.gate.utf8", "off")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("quality.rule.gate.utf8");
    }

    @Test
    void givenRulesFilesByPath_whenBuilt_thenTheyAreLoaded() throws Exception {
        Path hl7 = copy("hl7v2-rules-v1");
        Path fhir = copy("fhir-r4-rules-v1");

        QualityGates g = gates(Map.of("quality.rules.hl7v2", hl7.toString(), "quality.rules.fhir", fhir.toString()));

        assertThat(g.hl7().rules().ruleIds()).isEqualTo(Hl7Rules.load(Hl7Rules.DEFAULT).ruleIds());
        assertThat(g.fhir().validator().rules().ruleIds()).isEqualTo(FhirRules.load(FhirRules.DEFAULT).ruleIds());
    }

    @Test
    void givenUnusableRulesFiles_whenBuilt_thenRefusedNamingTheKey() throws Exception {
        Path broken = Files.writeString(tmp.resolve("broken.json"), "{\"format\": \"something else\"}");

        assertThatThrownBy(() -> gates(Map.of("quality.rules.hl7v2", broken.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("quality.rules.hl7v2: ");
        assertThatThrownBy(() -> gates(Map.of("quality.rules.fhir", tmp.resolve("missing.json").toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("quality.rules.fhir: ");
        assertThatThrownBy(() -> gates(Map.of("quality.rules.fhir", "builtin:no-such-rules")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("quality.rules.fhir: ");
    }

    @Test
    void givenAnUnknownRuleIdOrOutcomeOnTheCommandLine_whenACommandBuildsTheStages_thenItExitsWithUsageError()
            throws Exception {
        Path in = Files.writeString(tmp.resolve("a.hl7"), TestGates.oru());
        Path out = tmp.resolve("out");

        assertThat(io.phistream.topology.cli.PhiStreamCli.execute("deid", "--in", in.toString(), "--out",
                out.toString(), "--set", "quality.rule.hl7.no-such-rule=off")).isEqualTo(2);
        assertThat(io.phistream.topology.cli.PhiStreamCli.execute("deid", "--in", in.toString(), "--out",
                out.toString(), "--set", "quality.rule.hl7.obx.code=drop")).isEqualTo(2);
        assertThat(out.resolve("a.hl7")).doesNotExist();
    }

    private Path copy(String builtin) throws Exception {
        try (InputStream in = QualityGatesTest.class.getResourceAsStream("/quality/" + builtin + ".json")) {
            Path p = tmp.resolve(builtin + ".json");
            Files.write(p, in.readAllBytes());
            return p;
        }
    }
}
