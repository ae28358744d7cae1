package io.phistream.topology.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.KeysetHandle;
import io.phistream.scoring.bundle.ApprovalStatus;
import io.phistream.scoring.bundle.ModelManifest;
import io.phistream.scoring.drift.ReferenceDistribution;
import io.phistream.scoring.models.BuiltInModels;
import io.phistream.scoring.news2.News2Reference;
import io.phistream.scoring.news2.VitalSigns;
import io.phistream.serdes.avro.DriftEvent;
import io.phistream.serdes.avro.DriftLevel;
import io.phistream.serdes.avro.Observation;
import io.phistream.synthetic.GeneratedMessage;
import io.phistream.synthetic.SyntheticHl7;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drift on ops.drift: a NEWS2 bundle whose reference distributions come from the synthetic HL7 feed itself, fed with
 * the same kind of traffic and then with a shifted population.
 */
class ScoringDriftTest {

    @TempDir
    Path root;

    private static final Pattern OBX_VALUE = Pattern.compile("(OBX\\|\\d+\\|NM\\|(8867-4|8310-5)\\^[^|]*\\|[^|]*\\|)([^|]*)");

    /** Synthetic HL7 vitals traffic (ORU^R01 vitals only), optionally with a shift of heart rate and temperature. */
    private static List<String> vitalsTraffic(long seed, int n, double hrShift, double tempShift) {
        SyntheticHl7 gen = new SyntheticHl7(seed);
        List<String> out = new ArrayList<>();
        while (out.size() < n) {
            GeneratedMessage m = gen.next();
            if (!m.text().contains("85353-1^Vital signs panel")) {
                continue;
            }
            Matcher x = OBX_VALUE.matcher(m.text());
            StringBuilder b = new StringBuilder();
            while (x.find()) {
                double v = Double.parseDouble(x.group(3)) + (x.group(2).equals("8867-4") ? hrShift : tempShift);
                String shifted = x.group(2).equals("8867-4") ? Long.toString(Math.round(v))
                        : String.format(Locale.ROOT, "%.1f", v);
                x.appendReplacement(b, Matcher.quoteReplacement(x.group(1) + shifted));
            }
            x.appendTail(b);
            out.add(b.toString());
        }
        return out;
    }

    /**
     * Reference distributions on the built-in bins, from a population of synthetic HL7 vitals read the way the
     * pipeline reads them: what a data scientist would ship in the manifest of a model validated on this feed.
     */
    private static Map<String, ReferenceDistribution> referenceFrom(List<String> traffic) throws Exception {
        ModelManifest builtIn = BuiltInModels.load(BuiltInModels.NEWS2).manifest();
        List<String> features = builtIn.featureNames();
        List<double[]> columns = new ArrayList<>();
        features.forEach(f -> columns.add(new double[traffic.size()]));
        double[] scores = new double[traffic.size()];
        int rows = 0;
        for (String msg : traffic) {
            FeatureState s = new FeatureState();
            for (Observation o : ObservationExtractor.fromHl7("mrn-REF", msg, "m").observations()) {
                s.apply(o, 0);
            }
            float[] row = ModelInputs.assemble(builtIn, s).row();
            for (int f = 0; f < row.length; f++) {
                columns.get(f)[rows] = row[f];
            }
            scores[rows++] = News2Reference.score(VitalSigns.fromFeatures(row)).score();
        }
        Map<String, ReferenceDistribution> ref = new TreeMap<>();
        for (int f = 0; f < features.size(); f++) {
            ref.put(features.get(f), ReferenceDistribution.fromSample(
                    builtIn.reference().get(features.get(f)).edges(), Arrays.copyOf(columns.get(f), rows)));
        }
        ref.put(ModelManifest.SCORE_REFERENCE, ReferenceDistribution.fromSample(
                builtIn.reference().get(ModelManifest.SCORE_REFERENCE).edges(), Arrays.copyOf(scores, rows)));
        return ref;
    }

    @Test
    void givenAModelValidatedOnThisFeed_whenThePopulationShifts_thenMajorDriftIsReportedForTheShiftedSeriesOnly()
            throws Exception {
        KeysetHandle key = ScoringModelsTest.approver();
        ScoringModelsTest.bundle(root, key, "1.0.1", ApprovalStatus.APPROVED, referenceFrom(vitalsTraffic(1, 3000, 0, 0)));
        ScoringStages scoring = ScoringStages.builder(ScoringDriver.stages()).registry(ScoringModelsTest.registry(root, key))
                .drift(300, 30).build();
        try (ScoringDriver d = new ScoringDriver(scoring)) {
            // given: the same kind of traffic as the reference (another seed): no major drift
            for (String m : vitalsTraffic(2, 400, 0, 0)) {
                d.hl7IfReleased(m);
            }
            List<DriftEvent> baseline = d.drift.readValuesToList();
            assertThat(baseline).noneMatch(e -> e.getLevel() == DriftLevel.MAJOR);

            // when: patients come in with pulse 30 /min and temperature 1.5 C higher
            for (String m : vitalsTraffic(3, 400, 30, 1.5)) {
                d.hl7IfReleased(m);
            }

            // then: hr and temp (and the score they drive) go MAJOR on ops.drift; blood pressure does not move
            List<DriftEvent> shifted = d.drift.readValuesToList();
            assertThat(shifted).filteredOn(e -> e.getLevel() == DriftLevel.MAJOR).extracting(DriftEvent::getFeature)
                    .contains("hr", "temp", "score").doesNotContain("sbp", "spo2");
            assertThat(shifted).allSatisfy(e -> {
                assertThat(e.getModelName()).isEqualTo("news2");
                assertThat(e.getModelVersion()).isEqualTo("1.0.1");
                assertThat(e.getSampleSize()).isEqualTo(300);
                assertThat(e.getWindowStartMs()).isBefore(e.getWindowEndMs());
                assertThat(e.getPsi()).isGreaterThanOrEqualTo(0.1);
            });
            assertThat(d.scoring.metrics().count("drift.news2.temp.major")).isEqualTo(1);
            assertThat(scoring.currentPsi().get("news2@1.0.1").get("temp")).isGreaterThan(0.25);
        }
    }
}
