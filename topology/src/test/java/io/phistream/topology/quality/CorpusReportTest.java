package io.phistream.topology.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.synthetic.SyntheticHl7;
import io.phistream.topology.keys.KeyStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What the shipped rules decide on the shared corpus (dense synthetic samples) and on generated traffic. Writes
 * target/quality-corpus-report.txt: per rule, how many corpus messages it would quarantine or warn about.
 */
class CorpusReportTest {

    private final QualityGate gate = TestGates.gate(KeyStore.ephemeral());

    @Test
    void givenGeneratedTraffic_whenInspected_thenNothingIsQuarantined() {
        SyntheticHl7 gen = new SyntheticHl7(42);
        Map<String, Integer> quarantinedBy = new TreeMap<>();
        for (int i = 0; i < 2_000; i++) {
            Verdict v = gate.inspect(TestGates.bytes(gen.next().text())).verdict();
            if (v instanceof Verdict.Quarantine q) {
                quarantinedBy.merge(q.ruleId(), 1, Integer::sum);
            }
        }
        assertThat(quarantinedBy).isEmpty();
    }

    @Test
    void givenTheCorpus_whenInspected_thenEveryMessageGetsAVerdictAndTheReportIsWritten() throws Exception {
        Map<String, byte[]> corpus = TestGates.corpus();
        Assumptions.assumeTrue(!corpus.isEmpty(), "../shared/corpora/hl7v2-samples absent: skipped");
        // every rule as a warning, so each message reports every rule it violates, not only the first
        Map<String, Outcome> allWarn = new TreeMap<>();
        TestGates.RULES.ruleIds().forEach(id -> allWarn.put(id, Outcome.PASS_WITH_WARNING));
        QualityGate everything = TestGates.gate(KeyStore.ephemeral(), TestGates.RULES.withOutcomes(allWarn));
        Map<String, Integer> violations = new TreeMap<>();
        Map<String, Integer> firstCause = new TreeMap<>();
        StringBuilder perFile = new StringBuilder();
        int pass = 0;
        int warn = 0;
        int quarantine = 0;
        for (Map.Entry<String, byte[]> e : corpus.entrySet()) {
            Verdict v = gate.inspect(e.getValue()).verdict();
            if (v instanceof Verdict.Quarantine q) {
                quarantine++;
                firstCause.merge(q.ruleId(), 1, Integer::sum);
                perFile.append("  ").append(e.getKey()).append(": ").append(q.ruleId()).append('\n');
            } else if (v instanceof Verdict.Warn) {
                warn++;
            } else {
                pass++;
            }
            everything.inspect(e.getValue()).verdict().warnings()
                    .forEach(f -> violations.merge(f.ruleId(), 1, Integer::sum));
        }
        StringBuilder report = new StringBuilder();
        report.append("corpus messages: ").append(corpus.size()).append("; shipped defaults: pass ").append(pass)
                .append(", pass-with-warning ").append(warn).append(", quarantine ").append(quarantine).append('\n');
        report.append("messages violating each rule (all rules evaluated), with the rule's default outcome:\n");
        violations.forEach((r, n) -> report.append("  ").append(r).append(' ').append(n).append(" (")
                .append(TestGates.RULES.rules().get(r).outcome().label()).append(")\n"));
        report.append("quarantined, by the first quarantine rule of each message:\n");
        firstCause.forEach((r, n) -> report.append("  ").append(r).append(' ').append(n).append('\n'));
        report.append("quarantined files:\n").append(perFile);
        Files.writeString(Path.of("target", "quality-corpus-report.txt"), report);
        System.out.println(report);
        assertThat(pass + warn + quarantine).isEqualTo(corpus.size());
        assertThat(firstCause.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(quarantine);
        assertThat(quarantine).as("realistic messages pass: at most a tenth of the dense corpus is quarantined")
                .isLessThanOrEqualTo(corpus.size() / 10);
    }
}
