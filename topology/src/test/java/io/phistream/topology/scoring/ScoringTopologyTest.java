package io.phistream.topology.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.phistream.audit.AuditVerifier;
import io.phistream.audit.checkpoint.CheckpointVerifier;
import io.phistream.serdes.avro.Alert;
import io.phistream.serdes.avro.AlertKind;
import io.phistream.serdes.avro.Observation;
import io.phistream.serdes.avro.ObservationBatch;
import io.phistream.serdes.avro.SourceFormat;
import io.phistream.serdes.avro.Score;
import io.phistream.synthetic.SyntheticHl7;
import io.phistream.synthetic.SyntheticPatient;
import io.phistream.topology.stream.Headers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The scoring sub-topology in isolation: de-identified vitals in, observations, scores, routed alerts and audit out. */
class ScoringTopologyTest {

    private final ScoringDriver d = new ScoringDriver();
    private final TestOutputTopic<String, Alert> ward = d.alerts("ward");
    private final TestOutputTopic<String, Alert> rapid = d.alerts("rapid-response");
    private final SyntheticHl7 gen = new SyntheticHl7(41);
    private final SyntheticPatient patient = gen.patient();

    @AfterEach
    void close() {
        d.close();
    }

    private String vitals(Vitals v, String hl7Time) {
        return d.hl7(v.at(hl7Time).oru(gen, patient));
    }

    private List<Alert> alerts(TestOutputTopic<String, Alert> topic) {
        return topic.readValuesToList();
    }

    @Test
    void givenOruVitals_whenDeidentifiedAndScored_thenObservationsAScoreAndARoutedAlertComeOutUnderTheToken() {
        String token = vitals(Vitals.medium(), "20250301080000+0000");

        TestRecord<String, ObservationBatch> batch = d.observations.readRecord();
        assertThat(d.observations.isEmpty()).as("one record for the message").isTrue();
        assertThat(batch.key()).isEqualTo(token);
        assertThat(Headers.get(batch.headers(), Headers.MESSAGE_ID)).startsWith("m")
                .isEqualTo(batch.value().getSourceMessageId());
        List<Observation> obs = batch.value().getObservations();
        assertThat(obs).hasSize(6).allSatisfy(o -> assertThat(o.getPatientToken()).isEqualTo(token));

        List<TestRecord<String, Score>> scores = d.scores.readRecordsToList();
        assertThat(scores).hasSize(1);
        Score s = scores.get(0).value();
        assertThat(scores.get(0).key()).isEqualTo(token);
        assertThat(s.getModelName()).isEqualTo("news2");
        assertThat(s.getScore()).isEqualTo(5.0);
        assertThat(s.getBand()).isEqualTo("medium");
        assertThat(s.getShadow()).isFalse();
        assertThat(s.getOutputs()).containsEntry("points_rr", 2.0).containsEntry("points_spo2", 1.0)
                .containsEntry("points_temp", 1.0);
        assertThat(s.getFeaturesDigest()).matches("[0-9a-f]{32,}");
        assertThat(s.getTimeMs()).isEqualTo(obs.get(0).getEffectiveTimeMs());

        List<TestRecord<String, Alert>> raised = ward.readRecordsToList();
        assertThat(raised).hasSize(1);
        Alert a = raised.get(0).value();
        assertThat(raised.get(0).key()).isEqualTo(token);
        assertThat(a.getKind()).isEqualTo(AlertKind.RAISE);
        assertThat(a.getBand()).isEqualTo("medium");
        assertThat(a.getRoute()).isEqualTo("ward");
        assertThat(a.getPayloadFormat()).isEqualTo("hl7v2-er7");
        assertThat(a.getPayload()).startsWith("MSH|").contains("\rPID|1||" + token + "^^^PHI-STREAM^TOKEN\r");
        assertThat(Headers.get(raised.get(0).headers(), ScoringHeaders.ALERT_ID)).isNotBlank();
        assertThat(rapid.isEmpty()).isTrue();
    }

    @Test
    void givenOruVitalsOnDeidHl7v2_whenScored_thenTheScoreComesStraightFromExtractionAndObservationsStillComeOut() {
        // given: one sub-topology whose only sources are the de-identified topics; nothing reads observations, so the
        // test driver cannot feed the observations sink back into scoring
        TopologyDescription description = d.topology.describe();
        assertThat(description.subtopologies()).hasSize(1);
        TopologyDescription.Subtopology only = description.subtopologies().iterator().next();
        assertThat(only.nodes().stream().filter(n -> n instanceof TopologyDescription.Source)
                .flatMap(n -> ((TopologyDescription.Source) n).topicSet().stream()))
                .containsExactlyInAnyOrder(ScoringDriver.TOPICS.deidHl7v2().name(), ScoringDriver.TOPICS.deidFhir().name());
        TopologyDescription.Node score = only.nodes().stream().filter(n -> n.name().equals(ScoringTopology.SCORE))
                .findFirst().orElseThrow();
        assertThat(score.predecessors()).extracting(TopologyDescription.Node::name)
                .containsExactlyInAnyOrder(ScoringTopology.EXTRACT_HL7, ScoringTopology.EXTRACT_FHIR);

        // when: one de-identified ORU is piped into deid.hl7v2, and nothing into observations
        String token = vitals(Vitals.medium(), "20250301080000+0000");

        // then: it is scored once, from the whole set, and its six observations still come out, as one record, for
        // other consumers
        assertThat(d.scores.readRecordsToList()).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(token);
            assertThat(r.value().getScore()).isEqualTo(5.0);
        });
        assertThat(d.observations.readRecordsToList()).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(token);
            assertThat(r.value().getObservations()).hasSize(6);
        });
    }

    @Test
    void givenAnAlertedPatient_whenTheSameBandRepeatsWithinTheWindow_thenItIsScoredButSuppressed() throws Exception {
        vitals(Vitals.medium(), "20250301080000+0000");
        vitals(Vitals.medium6(), "20250301082000+0000");

        assertThat(d.scores.readValuesToList()).extracting(Score::getScore).containsExactly(5.0, 6.0);
        assertThat(alerts(ward)).extracting(Alert::getKind).containsExactly(AlertKind.RAISE);
        assertThat(d.scoring.metrics().count("alerts.ward.alert")).isEqualTo(1);
        assertThat(d.auditRecords().stream().filter(n -> n.path("stage").asText().equals("alert"))
                .map(n -> n.path("outcome").asText())).containsExactly("alert", "suppressed");
    }

    @Test
    void givenAnAlertedPatient_whenTheSameBandComesBackAfterTheWindow_thenAReminderIsRaised() {
        vitals(Vitals.medium(), "20250301080000+0000");
        vitals(Vitals.medium6(), "20250301091000+0000");

        assertThat(alerts(ward)).extracting(Alert::getKind).containsExactly(AlertKind.RAISE, AlertKind.RAISE);
    }

    @Test
    void givenAMediumAlert_whenTheBandRisesWithinTheWindow_thenItEscalatesAtOnceOnTheHighRouteInFhir() throws Exception {
        String token = vitals(Vitals.medium(), "20250301080000+0000");
        vitals(Vitals.high(), "20250301081000+0000");

        // the ward's alert is closed there (AlertRouteContractTest), the escalation opens one on rapid-response
        assertThat(alerts(ward)).extracting(Alert::getKind).containsExactly(AlertKind.RAISE, AlertKind.RESOLVE);
        List<Alert> escalated = alerts(rapid);
        assertThat(escalated).hasSize(1);
        Alert a = escalated.get(0);
        assertThat(a.getKind()).isEqualTo(AlertKind.ESCALATE);
        assertThat(a.getBand()).isEqualTo("high");
        assertThat(a.getScore()).isEqualTo(8.0);
        assertThat(a.getPayloadFormat()).isEqualTo("fhir-r4-json");
        JsonNode fhir = new ObjectMapper().readTree(a.getPayload());
        assertThat(fhir.path("resourceType").asText()).isEqualTo("RiskAssessment");
        assertThat(fhir.path("subject").path("identifier").path("value").asText()).isEqualTo(token);
        assertThat(fhir.path("prediction").get(0).path("qualitativeRisk").path("text").asText()).isEqualTo("high");
    }

    @Test
    void givenAHighAlert_whenTheBandFalls_thenTheOldRouteIsResolvedAndTheLowerBandRaisedThenResolvedToo() {
        vitals(Vitals.high(), "20250301080000+0000");
        vitals(Vitals.lowMedium(), "20250301083000+0000");
        vitals(Vitals.normal(), "20250301090000+0000");

        List<Alert> high = alerts(rapid);
        assertThat(high).extracting(Alert::getKind).containsExactly(AlertKind.RAISE, AlertKind.RESOLVE);
        assertThat(high.get(1).getBand()).isEqualTo("low-medium");
        List<Alert> lower = alerts(ward);
        assertThat(lower).extracting(Alert::getKind).containsExactly(AlertKind.RAISE, AlertKind.RESOLVE);
        assertThat(lower.get(0).getBand()).isEqualTo("low-medium");
        assertThat(lower.get(1).getBand()).isEqualTo("low");
        assertThat(d.entries(ScoringTopology.ALERT_STORE)).as("no open alert is left").isZero();
    }

    @Test
    void givenAFhirBundleWithFahrenheitAndABloodPressurePanel_whenDeidentified_thenItIsNormalisedAndScored() {
        String bundle = ObservationExtractorTest.bundle(
                "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"identifier\":[{\"type\":{\"coding\":[{\"system\":"
                        + "\"http://terminology.hl7.org/CodeSystem/v2-0203\",\"code\":\"MR\"}]},"
                        + "\"system\":\"urn:example:mrn\",\"value\":\"MRN-FHIR-1\"}]}",
                ObservationExtractorTest.quantity("8867-4", 95, "/min"),
                ObservationExtractorTest.quantity("9279-1", 22, "/min"),
                ObservationExtractorTest.quantity("59408-5", 94, "%"),
                ObservationExtractorTest.bpPanel(118),
                ObservationExtractorTest.quantity("8310-5", 101.3, "[degF]"),
                ObservationExtractorTest.acvpu("V", "Responds to voice"));

        String token = d.fhir(bundle);

        List<ObservationBatch> batches = d.observations.readValuesToList();
        assertThat(batches).singleElement().satisfies(b -> assertThat(b.getSourceFormat()).isEqualTo(SourceFormat.FHIR));
        Map<String, Observation> obs = batches.get(0).getObservations().stream()
                .collect(Collectors.toMap(Observation::getLoincCode, Function.identity()));
        assertThat(obs.keySet()).containsExactlyInAnyOrder("8867-4", "9279-1", "59408-5", "8480-6", "8310-5", "67775-7");
        assertThat(obs.get("8310-5").getValue()).isCloseTo(38.5, within(1e-9));
        assertThat(obs.get("8310-5").getUnit()).isEqualTo("Cel");
        assertThat(obs.get("8480-6").getValue()).isEqualTo(118.0);
        List<Score> scores = d.scores.readValuesToList();
        assertThat(scores).hasSize(1);
        assertThat(scores.get(0).getPatientToken()).isEqualTo(token);
        assertThat(scores.get(0).getScore()).isEqualTo(8.0); // rr 2, spo2 1, hr 1, temp 1, V 3
        assertThat(alerts(rapid)).extracting(Alert::getKind).containsExactly(AlertKind.RAISE);
    }

    @Test
    void givenAScoredPatient_whenOnlyOneVitalComesLater_thenItScoresWithinTheTtlAndNotAfterIt() {
        vitals(Vitals.normal(), "20250301080000+0000");
        vitals(new Vitals().set(Vitals.HR, "95"), "20250301190000+0000");   // 11 h later: the rest is still valid
        vitals(new Vitals().set(Vitals.HR, "115"), "20250302090000+0000");  // 25 h after the set: expired

        assertThat(d.scores.readValuesToList()).extracting(Score::getScore).containsExactly(0.0, 1.0);
        assertThat(d.scoring.metrics().count("incomplete.news2")).isEqualTo(1);
    }

    @Test
    void givenPatientsNobodyMeasuresAnyMore_whenATtlOfWallClockPasses_thenTheirStateIsPurged() {
        vitals(Vitals.normal(), "20250301080000+0000");
        assertThat(d.entries(ScoringTopology.FEATURE_STORE)).isEqualTo(1);

        d.driver.advanceWallClockTime(Duration.ofHours(6));
        assertThat(d.entries(ScoringTopology.FEATURE_STORE)).isEqualTo(1);
        d.driver.advanceWallClockTime(Duration.ofHours(7));

        assertThat(d.entries(ScoringTopology.FEATURE_STORE)).isZero();
        assertThat(d.scoring.metrics().count("purged")).isEqualTo(1);
    }

    @Test
    void givenTheSameSetAgain_whenScored_thenTheUnchangedFeatureSetIsNotScoredTwice() {
        vitals(Vitals.medium(), "20250301080000+0000");
        vitals(Vitals.medium(), "20250301080000+0000");

        assertThat(d.scores.readValuesToList()).hasSize(1);
        assertThat(d.scoring.metrics().count("unchanged.news2")).isEqualTo(1);
    }

    @Test
    void givenAnUnreadableStoredState_whenThePatientIsMeasured_thenTheStateStartsOverAndTheSetIsScored() {
        String raw = Vitals.medium().at("20250301080000+0000").oru(gen, patient);
        String token = ((io.phistream.detector.hl7.Hl7Outcome.Deidentified) ScoringDriver.stages().hl7()
                .deidentify(raw)).patientToken();
        d.driver.<String, byte[]>getKeyValueStore(ScoringTopology.FEATURE_STORE).put(token, new byte[] {9, 9});

        d.hl7(raw);

        assertThat(d.scores.readValuesToList()).extracting(Score::getScore).containsExactly(5.0);
        assertThat(d.scoring.metrics().count("corrupt.scoring-features")).isEqualTo(1);
    }

    @Test
    void givenMalformedDeidentifiedInput_whenPiped_thenItIsSkippedAndCountedAndNothingFails() {
        d.pipeRawHl7("mrn-A", "this is not HL7");
        d.pipeRawHl7(null, Vitals.normal().oru(gen, patient));
        d.pipeRawFhir("mrn-B", "{\"resourceType\":");
        d.pipeRawFhir("mrn-B", "<Observation xmlns=\"http://hl7.org/fhir\"/>");
        String token = vitals(Vitals.medium(), "20250301080000+0000");

        assertThat(d.scoring.metrics().snapshot()).containsEntry("skipped.hl7v2.UNREADABLE", 1L)
                .containsEntry("skipped.hl7v2.NO_PATIENT", 1L).containsEntry("skipped.fhir.UNREADABLE", 1L)
                .containsEntry("skipped.fhir.UNSUPPORTED_FORMAT", 1L);
        assertThat(d.observations.readValuesToList()).singleElement()
                .satisfies(b -> assertThat(b.getPatientToken()).isEqualTo(token));
        assertThat(d.scores.readValuesToList()).hasSize(1);
    }

    @Test
    void givenScoresAndAlerts_whenAudited_thenEachHasARecordWithModelDigestScoreAndRouteAndTheLogVerifies()
            throws Exception {
        vitals(Vitals.medium(), "20250301080000+0000");
        vitals(Vitals.high(), "20250301081000+0000");
        d.driver.advanceWallClockTime(Duration.ofSeconds(10)); // a signed checkpoint
        List<TestRecord<String, byte[]>> entries = d.audit.readRecordsToList();

        List<JsonNode> records = ScoringDriver.auditRecords(entries);
        List<JsonNode> scored = records.stream().filter(n -> n.path("stage").asText().equals("score")).toList();
        List<JsonNode> alerted = records.stream().filter(n -> n.path("stage").asText().equals("alert")).toList();
        assertThat(scored).hasSize(2).allSatisfy(n -> {
            assertThat(n.path("modelName").asText()).isEqualTo("news2");
            assertThat(n.path("modelVersion").asText()).isEqualTo("1.0.0");
            assertThat(n.path("outcome").asText()).isEqualTo("scored");
            assertThat(n.path("inputDigest").asText()).matches("[0-9a-f]{32,}");
            assertThat(n.path("policyVersion").asText()).isEqualTo("alert-rules");
            assertThat(n.path("logId").asText()).startsWith("score/");
        });
        assertThat(scored.get(0).path("ruleIds").toString()).contains("score:5").contains("band:medium");
        assertThat(alerted).extracting(n -> n.path("route").asText() + ":" + n.path("outcome").asText())
                .containsExactly("ward:alert", "ward:resolve", "rapid-response:escalate");
        assertThat(alerted.get(1).path("ruleIds").toString()).contains("band:high", "score:8", "from:medium");
        assertThat(alerted.get(2).path("ruleIds").toString()).contains("score:8", "from:medium");
        assertThat(alerted.get(2).path("inputDigest").asText()).isEqualTo(scored.get(1).path("inputDigest").asText());
        assertThat(alerted.get(1).path("inputDigest").asText()).isEqualTo(scored.get(1).path("inputDigest").asText());

        // the whole audit output (records and checkpoints of both logs) verifies
        List<AuditVerifier.RawEntry> raw = entries.stream()
                .map(r -> new AuditVerifier.RawEntry(r.key(), r.value())).toList();
        var report = new AuditVerifier(new CheckpointVerifier(ScoringDriver.KEYS.auditVerifyKeyset())).verifyRaw(raw);
        assertThat(report.ok()).as(report.render()).isTrue();
    }

    @Test
    void givenVitalsInTheShiftedTimeLine_whenScoredAndAlerted_thenTheirAuditRecordsCarryTheKafkaRecordTimeNotAClinicalTime()
            throws Exception {
        // given: two messages whose clinical times the de-identifier shifts, arriving at known Kafka record times
        vitals(Vitals.medium(), "20250301080000+0000");
        long firstRecordMs = d.lastInputMs();
        vitals(Vitals.high(), "20250301081000+0000");
        long secondRecordMs = d.lastInputMs();
        List<Long> clinicalMs = d.scores.readValuesToList().stream().map(s -> s.getTimeMs().toEpochMilli()).toList();
        assertThat(clinicalMs).hasSize(2).doesNotContain(firstRecordMs, secondRecordMs);

        // when: their audit records are read
        List<JsonNode> records = d.auditRecords();

        // then: score and alert records carry the record time, as deidentify records do; a shifted time beside the real
        // one of the same message would give the patient's date-shift offset to any reader of the (PHI-free) audit log
        List<Long> scored = records.stream().filter(n -> n.path("stage").asText().equals("score"))
                .map(n -> n.path("eventTimeMs").asLong()).toList();
        List<Long> alerted = records.stream().filter(n -> n.path("stage").asText().equals("alert"))
                .map(n -> n.path("eventTimeMs").asLong()).toList();
        assertThat(scored).containsExactly(firstRecordMs, secondRecordMs);
        assertThat(alerted).isNotEmpty().startsWith(firstRecordMs).endsWith(secondRecordMs)
                .allSatisfy(t -> assertThat(t).isIn(firstRecordMs, secondRecordMs));
        assertThat(records).allSatisfy(n -> assertThat(n.path("eventTimeMs").asLong()).isNotIn(clinicalMs));
    }

    @Test
    void givenAnAlert_whenTheOperatorViewIsTold_thenItGetsTheKafkaRecordTimeNotTheShiftedClinicalTime() {
        // given: a listener like the ops page's recent alerts (token, route, time)
        List<Long> told = new java.util.ArrayList<>();
        d.scoring.metrics().listener(new ScoringMetrics.Listener() {
            @Override
            public void alert(String route, String band, String kind, String model, double score, String patientToken,
                              long atMs) {
                told.add(atMs);
            }
        });

        // when: a message raises an alert
        vitals(Vitals.medium(), "20250301080000+0000");
        long recordMs = d.lastInputMs();
        Alert alert = alerts(ward).get(0);

        // then: the view gets when it happened (the record time); the alert itself keeps the shifted clinical time,
        // which beside the real time on an operator's page would show the patient's date-shift offset
        assertThat(told).containsExactly(recordMs);
        assertThat(alert.getTimeMs().toEpochMilli()).isNotEqualTo(recordMs);
    }
}
