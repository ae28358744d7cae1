package io.phistream.scoring.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.phistream.scoring.Band;
import io.phistream.scoring.bundle.ModelManifest;
import io.phistream.scoring.news2.VitalSigns;
import io.phistream.scoring.onnx.OnnxScorer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DeteriorationRiskTest {

    @Test
    void givenRandomVitals_whenScoredByOnnx_thenMatchesTheJavaFormula() throws Exception {
        try (OnnxScorer s = OnnxScorer.open(BuiltInModels.load(BuiltInModels.DETERIORATION))) {
            assertThat(s.columns()).containsExactly("risk");
            SplittableRandom r = new SplittableRandom(5);
            float[][] rows = new float[10_000][];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = SyntheticVitals.continuous(r).toFeatures();
            }
            float[][] out = s.score(rows);
            for (int i = 0; i < rows.length; i++) {
                assertThat((double) out[i][0]).isCloseTo(DeteriorationRiskOnnxBuilder.reference(rows[i]), within(1e-5));
            }
        }
    }

    @Test
    void givenNormalAndDerangedVitals_whenScored_thenLowAndHighBandsFromTheManifest() throws Exception {
        ModelManifest m = BuiltInModels.load(BuiltInModels.DETERIORATION).manifest();
        try (OnnxScorer s = OnnxScorer.open(BuiltInModels.load(BuiltInModels.DETERIORATION))) {
            float[] calm = s.score(new VitalSigns(16, 98, 1, false, 120, 75, 'A', 37.0).toFeatures());
            float[] sick = s.score(new VitalSigns(28, 88, 1, true, 85, 130, 'V', 39.5).toFeatures());
            assertThat(m.band(calm)).isEqualTo(Band.LOW);
            assertThat(m.band(sick)).isEqualTo(Band.HIGH);
            assertThat(m.scoreIsProbability()).isTrue();
        }
    }
}
