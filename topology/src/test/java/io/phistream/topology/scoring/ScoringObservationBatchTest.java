package io.phistream.topology.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.serdes.avro.Observation;
import io.phistream.serdes.avro.ObservationBatch;
import io.phistream.serdes.avro.SourceFormat;
import io.phistream.synthetic.SyntheticHl7;
import io.phistream.synthetic.SyntheticPatient;
import io.phistream.topology.stream.Headers;
import io.phistream.topology.stream.StreamsApp;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The observations contract: one {@link ObservationBatch} per de-identified message that has usable vitals, holding
 * all of them; none for a message without. And the scoring processor refuses a batch that is not one patient's.
 */
class ScoringObservationBatchTest {

    private final ScoringDriver d = new ScoringDriver();
    private final SyntheticHl7 gen = new SyntheticHl7(77);
    private final SyntheticPatient patient = gen.patient();

    @AfterEach
    void close() {
        d.close();
    }

    static Stream<Arguments> vitalSets() {
        return Stream.of(
                Arguments.of("one vital", new Vitals().set(Vitals.HR, "88"), List.of(Vitals.HR)),
                Arguments.of("three vitals", new Vitals().set(Vitals.HR, "88").set(Vitals.RR, "18")
                        .set(Vitals.SPO2, "97"), List.of(Vitals.HR, Vitals.RR, Vitals.SPO2)),
                Arguments.of("a NEWS2 set and oxygen", Vitals.normal().set(Vitals.O2_FLOW, "2"),
                        List.of(Vitals.HR, Vitals.RR, Vitals.SPO2, Vitals.SBP, Vitals.TEMP, Vitals.ACVPU,
                                Vitals.O2_FLOW)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vitalSets")
    void givenAnOruWithKVitals_whenExtracted_thenExactlyOneObservationsRecordHoldsTheKObservations(
            String name, Vitals vitals, List<String> loincs) {
        String token = d.hl7(vitals.at("20250301080000+0000").oru(gen, patient));

        List<TestRecord<String, ObservationBatch>> records = d.observations.readRecordsToList();

        assertThat(records).hasSize(1);
        TestRecord<String, ObservationBatch> r = records.get(0);
        ObservationBatch batch = r.value();
        String messageId = Headers.get(r.headers(), Headers.MESSAGE_ID);
        assertThat(r.key()).isEqualTo(token);
        assertThat(batch.getPatientToken()).isEqualTo(token);
        assertThat(messageId).startsWith("m");
        assertThat(batch.getSourceMessageId()).isEqualTo(messageId);
        assertThat(batch.getSourceFormat()).isEqualTo(SourceFormat.HL7V2);
        assertThat(batch.getObservations()).extracting(Observation::getLoincCode)
                .containsExactlyInAnyOrderElementsOf(loincs);
        assertThat(batch.getObservations()).allSatisfy(o -> {
            assertThat(o.getPatientToken()).isEqualTo(token);
            assertThat(o.getSourceMessageId()).isEqualTo(messageId);
        });
        // the "i/n" header protocol is gone: only the pipeline's own headers
        assertThat(r.headers().toArray()).extracting(Header::key)
                .containsExactlyInAnyOrder(Headers.MESSAGE_ID, Headers.PIPELINE_VERSION);
        assertThat(d.scoring.metrics().count("observations.hl7v2")).isEqualTo(loincs.size());
    }

    @Test
    void givenMessagesWithoutUsableVitals_whenExtracted_thenNoObservationsRecordAndNothingScored() {
        // an ORU whose only result is a diastolic pressure (not a vital scoring uses), one whose only vital has a
        // unit nobody can convert, and an ADT
        d.hl7(new Vitals().at("20250301080000+0000").oru(gen, patient));
        d.hl7(new Vitals().set(Vitals.TEMP, "38.0").unit(Vitals.TEMP, "furlongs").at("20250301081000+0000")
                .oru(gen, patient));
        d.hl7(gen.adtA01(patient).text());

        assertThat(d.observations.isEmpty()).isTrue();
        assertThat(d.scores.isEmpty()).isTrue();
        assertThat(d.entries(ScoringTopology.FEATURE_STORE)).isZero();
        assertThat(d.scoring.metrics().count("skipped.hl7v2.UNKNOWN_UNIT")).isEqualTo(1);
        assertThat(d.scoring.metrics().count("observations.hl7v2")).isZero();
    }

    @Test
    void givenAFhirBundleWithSomeUnusableVitals_whenExtracted_thenOneRecordHoldsTheUsableOnes() {
        d.pipeRawFhir("tok-FHIR-1", ObservationExtractorTest.bundle(
                ObservationExtractorTest.quantity(Vitals.HR, 95, "/min"),
                ObservationExtractorTest.quantity(Vitals.TEMP, 101.3, "[degF]"),
                ObservationExtractorTest.quantity(Vitals.RR, 18, "furlongs")));

        List<TestRecord<String, ObservationBatch>> records = d.observations.readRecordsToList();

        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("tok-FHIR-1");
            assertThat(r.value().getSourceFormat()).isEqualTo(SourceFormat.FHIR);
            assertThat(r.value().getObservations()).extracting(Observation::getLoincCode)
                    .containsExactly(Vitals.HR, Vitals.TEMP);
        });
        assertThat(d.scoring.metrics().count("skipped.fhir.UNKNOWN_UNIT")).isEqualTo(1);
    }

    // ------------------------------------------------- the scoring processor on batches it did not get from extraction

    @Test
    void givenABatchNotOfOnePatient_whenScored_thenRefusedAndCountedAndNoStateWritten(@TempDir Path state) {
        try (ScoreOnly s = new ScoreOnly(d.scoring, state)) {
            Observation other = FeatureStateTest.obs(Vitals.HR, 80, "/min", null, 1_740_000_000_000L);
            Observation own = Observation.newBuilder(other).setPatientToken("tok-A").build();

            s.pipe("tok-A", batch("tok-A", own, other));            // an element of another patient
            s.pipe("tok-B", batch("tok-A", own));                   // under another patient's key
            s.pipe("tok-A", batch("tok-A"));                        // empty: nothing to apply

            assertThat(d.scoring.metrics().count("skipped.observations.AMBIGUOUS_PATIENT")).isEqualTo(1);
            assertThat(d.scoring.metrics().count("skipped.observations.NO_PATIENT")).isEqualTo(1);
            assertThat(s.entries()).isZero();

            s.pipe("tok-A", batch("tok-A", own));

            assertThat(s.entries()).as("a proper batch is applied").isEqualTo(1);
        }
    }

    private static ObservationBatch batch(String token, Observation... observations) {
        return ObservationBatch.newBuilder().setPatientToken(token).setSourceMessageId("m-test")
                .setSourceFormat(SourceFormat.HL7V2).setObservations(List.of(observations)).build();
    }

    /** The scoring processor alone behind a source of batches; its children are absent, so it must not forward. */
    private static final class ScoreOnly implements AutoCloseable {
        private final TopologyTestDriver driver;
        private final TestInputTopic<String, ObservationBatch> in;

        ScoreOnly(ScoringStages scoring, Path stateDir) {
            Topology t = new Topology();
            var serde = scoring.serdes().observationBatch();
            t.addSource("batches", new StringDeserializer(), serde.deserializer(),
                    "test.batches");
            t.addProcessor(ScoringTopology.SCORE, () -> new ScoreProcessor(scoring, "none", "none", "none", "none"),
                    "batches");
            t.addStateStore(ScoreProcessor.storeBuilder(), ScoringTopology.SCORE);
            Properties props = StreamsApp.properties(ScoringDriver.CONFIG, ScoringDriver.TOPICS, ScoringDriver.stages());
            // its own state directory: the scoring driver of the test holds a store of the same name open
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, "scoring-batch-test");
            props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
            driver = new TopologyTestDriver(t, props, Instant.parse("2025-03-01T00:00:00Z"));
            in = driver.createInputTopic("test.batches", new StringSerializer(), serde.serializer());
        }

        void pipe(String key, ObservationBatch batch) {
            in.pipeInput(key, batch);
        }

        int entries() {
            return ScoringDriver.entries(driver, ScoreProcessor.STORE);
        }

        @Override
        public void close() {
            driver.close();
        }
    }
}
