package io.phistream.topology.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PatientMemory;
import io.phistream.synthetic.SyntheticHl7;
import io.phistream.topology.config.PhiStreamConfig;
import io.phistream.topology.keys.KeyStore;
import io.phistream.topology.quality.Gate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The quality gate hands de-identification the text and message it already decoded and parsed; de-identifying from
 * them gives exactly what de-identifying the text again gives.
 */
class GateHandOverTest {

    private final PhiStreamConfig config = PhiStreamConfig.load(null, Map.of(),
            Map.of(PhiStreamConfig.BOOTSTRAP_SERVERS, "unused:9092", PhiStreamConfig.TEXT_SCRUBBING, "spans"));
    private final Stages stages = Stages.create(config, KeyStore.ephemeral());

    @Test
    void givenGeneratedMessages_whenDeidentifiedFromTheGatesParse_thenTheOutcomeEqualsAFreshParse() {
        SyntheticHl7 gen = new SyntheticHl7(41);
        int handedOver = 0;
        for (int i = 0; i < 300; i++) {
            handedOver += sameOutcome(gen.next().text().getBytes(StandardCharsets.UTF_8)) ? 1 : 0;
        }
        assertThat(handedOver).isEqualTo(300);
    }

    @Test
    void givenTheHl7Corpus_whenDeidentifiedFromTheGatesParse_thenTheOutcomeEqualsAFreshParse() throws Exception {
        Path corpus = Path.of("..", "..", "shared", "corpora", "hl7v2-samples", "messages");
        Assumptions.assumeTrue(Files.isDirectory(corpus), "../shared/corpora/hl7v2-samples absent: skipped");
        List<Path> files;
        try (Stream<Path> s = Files.list(corpus)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        int handedOver = 0;
        for (Path f : files) {
            handedOver += sameOutcome(Files.readAllBytes(f)) ? 1 : 0; // CR, LF, MLLP framing, odd versions
        }
        assertThat(handedOver).isGreaterThan(files.size() / 2);
    }

    /** Asserts equal outcomes when the gate parsed the input; false when it did not (nothing handed over). */
    private boolean sameOutcome(byte[] raw) {
        Gate.Inspected in = stages.quality().inspect(raw);
        Deidentification core = Deidentification.of(stages.hl7());
        Deidentification.Outcome fresh = core.apply(new String(raw, StandardCharsets.UTF_8), PatientMemory.NONE);
        if (in.parsed() == null) {
            return false;
        }
        assertThat(core.apply(in.text(), in.parsed(), PatientMemory.NONE)).isEqualTo(fresh);
        return true;
    }
}
