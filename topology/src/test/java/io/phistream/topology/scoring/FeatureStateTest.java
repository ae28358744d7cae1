package io.phistream.topology.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phistream.scoring.bundle.ModelManifest;
import io.phistream.scoring.models.BuiltInModels;
import io.phistream.scoring.news2.News2Reference;
import io.phistream.scoring.news2.VitalSigns;
import io.phistream.serdes.avro.Observation;
import io.phistream.topology.scoring.FeatureState.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-patient feature state and model-input assembly: latest value wins, TTL, oxygen with SpO2, byte round trip. */
class FeatureStateTest {

    private static final long T0 = Instant.parse("2024-06-01T08:00:00Z").toEpochMilli();
    private static final long MIN = 60_000;

    static Observation obs(String loinc, double value, String unit, String code, long atMs) {
        return Observation.newBuilder().setPatientToken("mrn-X").setLoincCode(loinc).setValue(value).setUnit(unit)
                .setValueCode(code).setEffectiveTimeMs(Instant.ofEpochMilli(atMs)).setSourceMessageId("m1").build();
    }

    static FeatureState vitals(double hr, double rr, double spo2, double sbp, double temp, String acvpu, long at) {
        FeatureState s = new FeatureState();
        s.apply(obs("8867-4", hr, "/min", null, at), 0);
        s.apply(obs("9279-1", rr, "/min", null, at), 0);
        s.apply(obs("59408-5", spo2, "%", null, at), 0);
        s.apply(obs("8480-6", sbp, "mm[Hg]", null, at), 0);
        s.apply(obs("8310-5", temp, "Cel", null, at), 0);
        s.apply(obs("67775-7", "ACVPU".indexOf(acvpu), "{ACVPU}", acvpu, at), 0);
        return s;
    }

    private static ModelManifest news2() throws Exception {
        return BuiltInModels.load(BuiltInModels.NEWS2).manifest();
    }

    @Test
    void givenACompleteSet_whenAssembledForNews2_thenTheRowIsTheChartInputAndScoresLikeTheReference() throws Exception {
        FeatureState s = vitals(115, 26, 91, 120, 37.0, "V", T0);

        ModelInputs.Assembled a = ModelInputs.assemble(news2(), s);

        assertThat(a.row()).containsExactly(26f, 91f, 1f, 0f, 120f, 115f, 1f, 37f);
        assertThat(a.timeMs()).isEqualTo(T0);
        assertThat(News2Reference.score(VitalSigns.fromFeatures(a.row())).score()).isEqualTo(11);
    }

    @Test
    void givenAMissingVital_whenAssembled_thenThereIsNoRowAndTheMissingFeatureIsNamed() throws Exception {
        FeatureState s = vitals(80, 16, 97, 120, 37.0, "A", T0);
        s.expire(T0 + Duration.ofHours(1).toMillis(), Duration.ofMinutes(30).toMillis());
        s.apply(obs("8867-4", 80, "/min", null, T0 + 61 * MIN), 0);

        ModelInputs.Assembled a = ModelInputs.assemble(news2(), s);

        assertThat(a.row()).isNull();
        assertThat(a.missing()).containsExactly("rr", "spo2", "sbp", "acvpu", "temp");
    }

    @Test
    void givenAnOlderObservationArrivingLate_whenApplied_thenTheNewerValueStays() {
        FeatureState s = new FeatureState();
        assertThat(s.apply(obs("8867-4", 90, "/min", null, T0 + 10 * MIN), 0)).isTrue();
        assertThat(s.apply(obs("8867-4", 60, "/min", null, T0), 0)).isFalse();
        assertThat(s.value(Series.HR)).isEqualTo(90);
        assertThat(s.apply(obs("8867-4", 90, "/min", null, T0 + 10 * MIN), 0)).as("same reading again").isFalse();
    }

    @Test
    void givenAnObservationInAnotherUnitOrOutOfRange_whenApplied_thenTheStateRefusesIt() {
        FeatureState s = new FeatureState();
        assertThat(s.apply(obs("8310-5", 98.6, "[degF]", null, T0), 0)).isFalse();
        assertThat(s.apply(obs("8310-5", 60, "Cel", null, T0), 0)).isFalse();
        assertThat(s.apply(obs("67775-7", 9, "{ACVPU}", "Z", T0), 0)).isFalse();
        assertThat(s.isEmpty()).isTrue();
    }

    @Test
    void givenOxygen_whenTakenWithTheSpo2_thenTheRowSaysOxygenAndWhenOlderThanTheSpo2ItSaysAir() throws Exception {
        FeatureState s = vitals(80, 16, 95, 120, 37.0, "A", T0);
        s.apply(obs("3151-8", 2, "L/min", null, T0), 0);
        assertThat(ModelInputs.assemble(news2(), s).row()[3]).isEqualTo(1f);

        s.apply(obs("59408-5", 96, "%", null, T0 + 30 * MIN), 0); // a later set without an oxygen row: on air
        assertThat(ModelInputs.assemble(news2(), s).row()[3]).isEqualTo(0f);

        s.apply(obs("3150-0", 21, "%", null, T0 + 40 * MIN), 0);  // room-air concentration
        assertThat(ModelInputs.assemble(news2(), s).row()[3]).isEqualTo(0f);
        s.apply(obs("3150-0", 40, "%", null, T0 + 41 * MIN), 0);
        assertThat(ModelInputs.assemble(news2(), s).row()[3]).isEqualTo(1f);
    }

    @Test
    void givenAState_whenEncodedAndDecoded_thenEverythingSurvivesAndCorruptBytesAreRefusedWithoutValues() {
        FeatureState s = vitals(80, 16, 95, 120, 37.2, "C", T0);
        s.apply(obs("3151-8", 2, "L/min", null, T0 + MIN), 1234);
        s.lastScored("news2", new float[] {1, 2, 3});

        FeatureState back = FeatureState.fromBytes(s.toBytes());

        for (Series x : Series.values()) {
            assertThat(back.value(x)).isEqualTo(s.value(x));
            assertThat(back.timeMs(x)).isEqualTo(s.timeMs(x));
        }
        assertThat(back.lastScored("news2")).containsExactly(1, 2, 3);
        assertThat(back.updatedWallMs()).isEqualTo(1234);
        assertThat(back.lastMessageId()).isEqualTo("m1");
        byte[] bytes = s.toBytes();
        assertThatThrownBy(() -> FeatureState.fromBytes(java.util.Arrays.copyOf(bytes, bytes.length - 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("corrupt feature state");
        bytes[0] = 9;
        assertThatThrownBy(() -> FeatureState.fromBytes(bytes)).hasMessage("unknown feature state format");
    }

    @Test
    void givenTheBuiltInModels_whenChecked_thenEveryFeatureCanBeSuppliedAndAForeignOneIsNamed() throws Exception {
        assertThat(ModelInputs.unsupportedFeature(news2())).isNull();
        assertThat(ModelInputs.unsupportedFeature(BuiltInModels.load(BuiltInModels.DETERIORATION).manifest())).isNull();
        ModelManifest m = news2();
        ModelManifest foreign = new ModelManifest(m.name(), m.version(), m.description(), m.input(),
                List.of(new ModelManifest.Feature("lactate", "mmol/L", "2524-7", 0.0, 30.0, null)), m.outputs(),
                m.score(), m.thresholds(), null, m.modelSha256(), m.approval());
        assertThat(ModelInputs.unsupportedFeature(foreign)).isEqualTo("lactate");
    }
}
