package io.phistream.scoring.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.scoring.bundle.ModelManifest;
import io.phistream.scoring.models.BuiltInModels;
import io.phistream.scoring.models.DeteriorationRiskOnnxBuilder;
import io.phistream.scoring.news2.News2Reference;
import io.phistream.scoring.news2.VitalSigns;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The built-in manifests' drift references and the synthetic HL7 generator describe one adult ward population, so
 * the demo's own traffic raises no drift alarm. The population's parameters are written twice, in
 * {@code SyntheticVitals} (references) and {@code SyntheticHl7} (ORU^R01 vitals), since {@code synthetic} takes no
 * dependency and {@code scoring}'s main code none on {@code synthetic}; these tests hold the two copies together.
 */
class DemoTrafficDriftTest {

    private static final List<VitalSigns> DEMO = GeneratedOruVitals.fromFeed(7, 12_000);

    private static ModelManifest manifest(String model) throws Exception {
        return BuiltInModels.load(model).manifest();
    }

    private static double score(String model, VitalSigns v) {
        return model.equals(BuiltInModels.NEWS2) ? News2Reference.score(v).score()
                : DeteriorationRiskOnnxBuilder.reference(v.toFeatures());
    }

    /** Largest PSI per series over every evaluation of a monitor fed {@code traffic}, and the events it emitted. */
    private static Map<String, Double> maxPsi(String model, DriftMonitor monitor, List<VitalSigns> traffic,
                                              List<DriftEvent> events) {
        Map<String, Double> max = new LinkedHashMap<>();
        long t = 0;
        for (VitalSigns v : traffic) {
            events.addAll(monitor.observe(v.toFeatures(), score(model, v), t++));
            monitor.currentPsi().forEach((s, psi) -> {
                if (!psi.isNaN()) {
                    max.merge(s, psi, Math::max);
                }
            });
        }
        return max;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {BuiltInModels.NEWS2, BuiltInModels.DETERIORATION})
    void givenTheDemoFeedsOruVitals_whenMonitoredLikeTheTopology_thenNoSeriesEverReachesMinor(String model)
            throws Exception {
        // the topology's settings: windows of 500 live scores, evaluated every 50
        DriftMonitor monitor = DriftMonitor.forManifest(manifest(model), 500, 50);
        List<DriftEvent> events = new ArrayList<>();

        Map<String, Double> max = maxPsi(model, monitor, DEMO, events);

        assertThat(events).as("drift events on the demo's own traffic").isEmpty();
        List<String> series = new ArrayList<>(List.of(VitalSigns.FEATURES));
        series.add(ModelManifest.SCORE_REFERENCE);
        assertThat(max).as("every series was evaluated").containsOnlyKeys(series);
        assertThat(max.values()).allSatisfy(psi -> assertThat(psi).isLessThan(Psi.MINOR));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {BuiltInModels.NEWS2, BuiltInModels.DETERIORATION})
    void givenTwelveThousandGeneratedVitals_whenComparedWithTheReferences_thenEverySeriesAgreesWithinSamplingNoise(
            String model) throws Exception {
        ModelManifest m = manifest(model);
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (int f = 0; f < VitalSigns.FEATURES.length; f++) {
            double[] c = new double[DEMO.size()];
            for (int i = 0; i < c.length; i++) {
                c[i] = DEMO.get(i).toFeatures()[f];
            }
            columns.put(VitalSigns.FEATURES[f], c);
        }
        columns.put(ModelManifest.SCORE_REFERENCE, DEMO.stream().mapToDouble(v -> score(model, v)).toArray());

        // A shared population gives PSI of the order of (bins - 1) / sample size (about 0.001 here); a parameter
        // that differs between the two copies (e.g. a mean off by a third of a standard deviation) gives 0.02+.
        Map<String, Double> psi = new LinkedHashMap<>();
        columns.forEach((series, sample) -> psi.put(series, Psi.of(m.reference().get(series), sample)));
        assertThat(psi).hasSize(9).allSatisfy((series, value) -> assertThat(value).as(series).isLessThan(0.01));
    }
}
