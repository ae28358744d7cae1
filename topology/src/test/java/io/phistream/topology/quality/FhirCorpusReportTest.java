package io.phistream.topology.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.phistream.topology.keys.KeyStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The shipped FHIR rules on the Synthea corpus: what each rule finds with every rule evaluated, and the decisions
 * with the shipped outcomes. Written to {@code target/quality-fhir-corpus-report.txt}; skips without ../shared.
 */
class FhirCorpusReportTest {

    @Test
    void givenTheSyntheaCorpus_whenGatedWithTheShippedRules_thenEveryBundlePassesAndTheReportIsWritten() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(FhirTestGates.CORPUS), "../shared corpora absent: skipped");
        FhirQualityGate gate = FhirTestGates.gate(KeyStore.ephemeral());
        Map<String, Outcome> allWarn = new TreeMap<>();
        FhirTestGates.RULES.rules().keySet().forEach(id -> allWarn.put(id, Outcome.PASS_WITH_WARNING));
        FhirQualityGate everything = FhirTestGates.gate(KeyStore.ephemeral(), FhirTestGates.RULES.withOutcomes(allWarn));

        Map<String, Integer> decisions = new TreeMap<>();
        Map<String, Integer> byRule = new TreeMap<>();
        List<String> quarantined = new ArrayList<>();
        int resources = 0;
        for (Map.Entry<String, byte[]> e : FhirTestGates.corpus().entrySet()) {
            FhirQualityGate.Inspection in = gate.inspect(e.getValue());
            assertThat(in.readable()).as(e.getKey()).isTrue();
            Verdict v = in.verdict();
            decisions.merge(v.getClass().getSimpleName(), 1, Integer::sum);
            if (v instanceof Verdict.Quarantine q) {
                quarantined.add(e.getKey() + ": " + q.ruleId());
            }
            for (Finding f : everything.inspect(e.getValue()).verdict().warnings()) {
                byRule.merge(f.ruleId(), 1, Integer::sum);
            }
            resources += 1 + new com.fasterxml.jackson.databind.ObjectMapper().readTree(e.getValue()).path("entry").size();
        }
        String report = "FHIR corpus: " + FhirTestGates.corpus().size() + " bundles, " + resources + " resources\n"
                + "shipped outcomes: " + decisions + "\nquarantined: " + quarantined
                + "\nbundles violating each rule (all rules evaluated): " + byRule + "\n";
        Files.writeString(Path.of("target", "quality-fhir-corpus-report.txt"), report);
        System.out.print(report);
        assertThat(quarantined).as("Synthea bundles are complete").isEmpty();
    }
}
