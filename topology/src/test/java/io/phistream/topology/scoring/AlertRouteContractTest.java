package io.phistream.topology.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.scoring.alert.RoutingRules;
import io.phistream.serdes.avro.Alert;
import io.phistream.serdes.avro.AlertKind;
import io.phistream.synthetic.SyntheticHl7;
import io.phistream.synthetic.SyntheticPatient;
import io.phistream.topology.stream.Headers;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a route's consumer can rely on (README-scoring, 3. Alerts). An alert is open on at most one route per patient
 * and model: when the open alert moves to another route (the band rises to another route's rule, falls to one, or a
 * reminder matches another rule), the route that held it gets a RESOLVE, so no clinical system keeps an alert open
 * that phi-stream has moved elsewhere. A route's re-identification mark is not written into its alerts.
 */
class AlertRouteContractTest {

    private ScoringDriver d;
    private TestOutputTopic<String, Alert> ward;
    private TestOutputTopic<String, Alert> rapid;
    private final SyntheticHl7 gen = new SyntheticHl7(43);
    private final SyntheticPatient patient = gen.patient();

    @BeforeEach
    void open() {
        use(ScoringDriver::new);
    }

    @AfterEach
    void close() {
        d.close();
    }

    /** One driver at a time, the old one closed first: two would share the state directory of one application id. */
    private void use(Supplier<ScoringDriver> driver) {
        if (d != null) {
            d.close();
        }
        d = driver.get();
        ward = d.alerts("ward");
        rapid = d.alerts("rapid-response");
    }

    private void vitals(Vitals v, String hl7Time) {
        d.hl7(v.at(hl7Time).oru(gen, patient));
    }

    private static List<Alert> alerts(TestOutputTopic<String, Alert> topic) {
        return topic.readValuesToList();
    }

    @Test
    void givenAWardAlert_whenItEscalatesToRapidResponseAndThenResolves_thenTheWardIsToldItIsClosedThereAtTheEscalation() {
        // given: the walkthrough's patient, ward RAISE at NEWS2 5
        vitals(Vitals.medium(), "20250301080000+0000");
        assertThat(alerts(ward)).extracting(Alert::getKind).containsExactly(AlertKind.RAISE);

        // when: 8 (high) escalates to rapid-response, then 0 resolves
        vitals(Vitals.high(), "20250301081000+0000");
        List<Alert> wardAtEscalation = alerts(ward);
        List<Alert> rapidAtEscalation = alerts(rapid);
        vitals(Vitals.normal(), "20250301090000+0000");

        // then: the escalation closes the ward's alert (RESOLVE on ward, from medium, the band now high) as it opens
        // one on rapid-response; the later fall resolves rapid-response only, and no route keeps an open alert
        assertThat(wardAtEscalation).singleElement().satisfies(a -> {
            assertThat(a.getKind()).isEqualTo(AlertKind.RESOLVE);
            assertThat(a.getRoute()).isEqualTo("ward");
            assertThat(a.getBand()).isEqualTo("high");
            assertThat(a.getScore()).isEqualTo(8.0);
            assertThat(a.getPayloadFormat()).isEqualTo("hl7v2-er7");
            assertThat(a.getPayload()).contains("|resolve from medium|");
        });
        assertThat(rapidAtEscalation).extracting(Alert::getKind).containsExactly(AlertKind.ESCALATE);
        assertThat(alerts(ward)).isEmpty();
        assertThat(alerts(rapid)).extracting(Alert::getKind).containsExactly(AlertKind.RESOLVE);
        assertThat(d.entries(ScoringTopology.ALERT_STORE)).as("no open alert is left").isZero();
    }

    @Test
    void givenAnEscalatedAlert_whenTheBandFallsBackToMedium_thenRapidResponseIsClosedAndTheWardReopenedOnce() {
        // given: ward RAISE, then the escalation (which closes the ward's alert)
        vitals(Vitals.medium(), "20250301080000+0000");
        vitals(Vitals.high(), "20250301081000+0000");
        alerts(ward);
        alerts(rapid);

        // when: the patient falls back to medium within the suppression window
        vitals(Vitals.medium6(), "20250301082000+0000");

        // then: rapid-response is told its alert is closed and the ward gets a new alert at medium (from high): each
        // route sees its own alert open and close, never two open at once
        assertThat(alerts(rapid)).singleElement().satisfies(a -> {
            assertThat(a.getKind()).isEqualTo(AlertKind.RESOLVE);
            assertThat(a.getBand()).isEqualTo("medium");
        });
        assertThat(alerts(ward)).singleElement().satisfies(a -> {
            assertThat(a.getKind()).isEqualTo(AlertKind.RAISE);
            assertThat(a.getBand()).isEqualTo("medium");
            assertThat(a.getPayload()).contains("|alert from high|");
        });
        assertThat(d.entries(ScoringTopology.ALERT_STORE)).as("the one open alert, on ward").isEqualTo(1);
    }

    @Test
    void givenRulesThatRouteOneBandTwoWays_whenAReminderGoesToTheOtherRoute_thenTheFirstRouteIsResolved() {
        // given: rules that send a medium NEWS2 of 6 or more to ward-review and other medium scores to ward
        RoutingRules rules = RoutingRules.fromJson("""
                {"suppressionWindow": "PT1H", "rules": [
                  {"model": "news2", "band": "medium", "minScore": 6, "route": "ward-review", "format": "fhir"},
                  {"model": "news2", "band": "low-medium", "route": "ward", "format": "hl7v2"}]}""");
        use(() -> new ScoringDriver(ScoringStages.builder(ScoringDriver.stages()).rules(rules, "two-way-rules").build()));
        TestOutputTopic<String, Alert> review = d.alerts("ward-review");
        vitals(Vitals.medium(), "20250301080000+0000");

        // when: the same band scores 6 after the window: a reminder, on the other route
        vitals(Vitals.medium6(), "20250301091000+0000");

        // then: ward (which held the open alert) is resolved, ward-review raised
        assertThat(alerts(ward)).extracting(Alert::getKind).containsExactly(AlertKind.RAISE, AlertKind.RESOLVE);
        assertThat(alerts(review)).extracting(Alert::getKind).containsExactly(AlertKind.RAISE);
        assertThat(d.entries(ScoringTopology.ALERT_STORE)).as("the one open alert, on ward-review").isEqualTo(1);
    }

    @Test
    void givenARouteMarkedForReidentification_whenItsAlertIsSent_thenTheRecordCarriesTheTokenAndNoMark() {
        // given: rules that mark the ward route for the authorised re-identification step
        RoutingRules marked = RoutingRules.fromJson("""
                {"suppressionWindow": "PT1H", "rules": [
                  {"model": "news2", "band": "low-medium", "route": "ward", "format": "fhir", "reidentify": true}]}""");
        use(() -> new ScoringDriver(ScoringStages.builder(ScoringDriver.stages()).rules(marked, "marked-rules").build()));

        // when: a medium score raises an alert on ward
        String token = d.hl7(Vitals.medium().at("20250301080000+0000").oru(gen, patient));

        // then (documented contract, README-scoring 3. Alerts): the record holds the token and the route, the headers
        // are the pipeline's four, and nothing marks the route: the re-identification step reads the rules
        TestRecord<String, Alert> r = ward.readRecord();
        assertThat(r.key()).isEqualTo(token);
        assertThat(r.value().getPatientToken()).isEqualTo(token);
        assertThat(r.value().getRoute()).isEqualTo("ward");
        assertThat(r.value().getSchema().getFields()).extracting(f -> f.name().toLowerCase(Locale.ROOT))
                .noneMatch(n -> n.contains("reidentif"));
        assertThat(r.headers().toArray()).extracting(Header::key).containsExactlyInAnyOrder(Headers.MESSAGE_ID,
                Headers.PIPELINE_VERSION, ScoringHeaders.MODEL, ScoringHeaders.ALERT_ID);
        assertThat(r.value().getPayload()).doesNotContainIgnoringCase("reidentif");
    }
}
