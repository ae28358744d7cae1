package io.phistream.topology.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PatientMemory;
import io.phistream.synthetic.SyntheticHl7;
import io.phistream.topology.config.PhiStreamConfig;
import io.phistream.topology.keys.KeyStore;
import io.phistream.topology.quality.Gate;
import io.phistream.topology.quality.QualityGate;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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
        QualityGate gate = stages.quality();
        Deidentification core = Deidentification.of(stages.hl7());
        SyntheticHl7 gen = new SyntheticHl7(41);
        int handedOver = 0;
        for (int i = 0; i < 300; i++) {
            byte[] raw = gen.next().text().getBytes(StandardCharsets.UTF_8);
            Gate.Inspected in = gate.inspect(raw);
            Deidentification.Outcome fresh = core.apply(new String(raw, StandardCharsets.UTF_8), PatientMemory.NONE);
            if (in.parsed() == null) {
                continue;
            }
            handedOver++;
            Deidentification.Outcome reused = core.apply(in.text(), in.parsed(), PatientMemory.NONE);
            assertThat(reused).isEqualTo(fresh);
        }
        assertThat(handedOver).isEqualTo(300);
    }
}
