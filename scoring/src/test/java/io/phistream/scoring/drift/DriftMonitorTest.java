package io.phistream.scoring.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.scoring.bundle.ModelManifest;
import io.phistream.scoring.models.BuiltInModels;
import io.phistream.scoring.models.SyntheticVitals;
import io.phistream.scoring.news2.News2Reference;
import io.phistream.scoring.news2.VitalSigns;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DriftMonitorTest {

    private final ModelManifest news2 = load();

    private static ModelManifest load() {
        try {
            return BuiltInModels.load(BuiltInModels.NEWS2).manifest();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<DriftEvent> feed(DriftMonitor monitor, SplittableRandom r, int n, boolean deteriorating, long t0) {
        List<DriftEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            VitalSigns v = deteriorating ? SyntheticVitals.deteriorating(r) : SyntheticVitals.ward(r);
            events.addAll(monitor.observe(v.toFeatures(), News2Reference.score(v).score(), t0 + i));
        }
        return events;
    }

    @Test
    void givenAPopulationLikeTheReference_whenMonitored_thenNoDriftEventsAndLowPsi() {
        DriftMonitor monitor = DriftMonitor.forManifest(news2, 2000, 100);
        List<DriftEvent> events = feed(monitor, new SplittableRandom(99), 6000, false, 0);
        assertThat(events).isEmpty();
        assertThat(monitor.currentPsi()).containsKeys("rr", "hr", "temp", "score");
        assertThat(monitor.currentPsi().values()).allSatisfy(psi -> assertThat(psi).isLessThan(Psi.MINOR));
    }

    @Test
    void givenAShiftedPopulation_whenMonitored_thenMajorDriftEventsForShiftedFeaturesAndScore() {
        DriftMonitor monitor = DriftMonitor.forManifest(news2, 2000, 100);
        feed(monitor, new SplittableRandom(1), 2000, false, 0);
        List<DriftEvent> events = feed(monitor, new SplittableRandom(2), 2000, true, 10_000);
        Map<String, Psi.Level> last = events.stream()
                .collect(Collectors.toMap(DriftEvent::series, DriftEvent::level, (a, b) -> b));
        assertThat(last).containsEntry("hr", Psi.Level.MAJOR).containsEntry("rr", Psi.Level.MAJOR)
                .containsEntry("temp", Psi.Level.MAJOR).containsEntry("score", Psi.Level.MAJOR);
        // crossing 0.1 is reported before crossing 0.25
        List<Psi.Level> hr = events.stream().filter(e -> e.series().equals("hr")).map(DriftEvent::level).toList();
        assertThat(hr).containsSubsequence(Psi.Level.MINOR, Psi.Level.MAJOR);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.model()).isEqualTo("news2");
            assertThat(e.windowSize()).isEqualTo(2000);
            assertThat(e.atMs()).isGreaterThanOrEqualTo(10_000);
        });
        assertThat(monitor.levels().get("spo2_scale")).isEqualTo(Psi.Level.STABLE);
    }

    @Test
    void givenTheShiftEnds_whenTheWindowRefills_thenRecoveryIsReported() {
        DriftMonitor monitor = DriftMonitor.forManifest(news2, 1000, 100);
        feed(monitor, new SplittableRandom(3), 1000, true, 0);
        List<DriftEvent> recovery = feed(monitor, new SplittableRandom(4), 1000, false, 5000);
        assertThat(recovery).anySatisfy(e -> {
            assertThat(e.series()).isEqualTo("hr");
            assertThat(e.level()).isEqualTo(Psi.Level.STABLE);
        });
        assertThat(monitor.levels().get("hr")).isEqualTo(Psi.Level.STABLE);
    }

    @Test
    void givenTheWindowIsNotYetFull_whenObserving_thenNothingIsEvaluated() {
        DriftMonitor monitor = DriftMonitor.forManifest(news2, 500, 1);
        assertThat(feed(monitor, new SplittableRandom(5), 499, true, 0)).isEmpty();
        assertThat(monitor.currentPsi().get("hr")).isNaN();
    }
}
