package io.phistream.scoring.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phistream.scoring.Band;
import io.phistream.scoring.alert.AlertDecision.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertRouterTest {

    private static final long MIN = 60_000;
    private final AlertStateStore store = AlertStateStore.inMemory();
    private final AlertRouter router = new AlertRouter(RoutingRules.defaults(), store);
    private static final String TOKEN = "tok_AbC-123";

    private static ScoreEvent news2(int score, Band band) {
        return new ScoreEvent("news2", "1.0.0", score, band, false, 0);
    }

    private static List<Kind> kinds(List<AlertDecision> d) {
        return d.stream().map(AlertDecision::kind).toList();
    }

    @Test
    void givenALowScore_whenRouted_thenNoAlert() {
        assertThat(router.onScore(TOKEN, news2(2, Band.LOW), 0)).isEmpty();
        assertThat(store.get(TOKEN, "news2")).isNull();
    }

    @Test
    void givenHighAndMedium_whenRouted_thenRapidResponseAndWardRoutesInTheirFormats() {
        AlertDecision high = router.onScore("p1", news2(8, Band.HIGH), 0).get(0);
        assertThat(high.kind()).isEqualTo(Kind.ALERT);
        assertThat(high.route()).isEqualTo("rapid-response");
        assertThat(high.topicSuffix()).isEqualTo("alerts.rapid-response");
        assertThat(high.format()).isEqualTo(AlertFormat.FHIR);
        AlertDecision medium = router.onScore("p2", news2(5, Band.MEDIUM), 0).get(0);
        assertThat(medium.route()).isEqualTo("ward");
        assertThat(medium.format()).isEqualTo(AlertFormat.HL7V2);
        assertThat(medium.patientToken()).isEqualTo("p2");
    }

    @Test
    void givenTheSameBandRepeatedWithinTheWindow_whenRouted_thenSuppressedUntilTheWindowPasses() {
        assertThat(kinds(router.onScore(TOKEN, news2(5, Band.MEDIUM), 0))).containsExactly(Kind.ALERT);
        List<AlertDecision> repeat = router.onScore(TOKEN, news2(6, Band.MEDIUM), 30 * MIN);
        assertThat(kinds(repeat)).containsExactly(Kind.SUPPRESSED);
        assertThat(repeat.get(0).deliver()).isFalse();
        assertThat(kinds(router.onScore(TOKEN, news2(5, Band.MEDIUM), 59 * MIN))).containsExactly(Kind.SUPPRESSED);
        assertThat(kinds(router.onScore(TOKEN, news2(5, Band.MEDIUM), 60 * MIN))).containsExactly(Kind.ALERT);
        assertThat(kinds(router.onScore(TOKEN, news2(5, Band.MEDIUM), 61 * MIN))).containsExactly(Kind.SUPPRESSED);
    }

    @Test
    void givenOtherPatientsOrModels_whenRouted_thenSuppressionIsPerPatientAndModel() {
        router.onScore(TOKEN, news2(5, Band.MEDIUM), 0);
        assertThat(kinds(router.onScore("other", news2(5, Band.MEDIUM), 1))).containsExactly(Kind.ALERT);
        ScoreEvent risk = new ScoreEvent("deterioration", "1.0.0", 0.8, Band.HIGH, true, 0);
        List<AlertDecision> d = router.onScore(TOKEN, risk, 2);
        assertThat(kinds(d)).containsExactly(Kind.ALERT);
        assertThat(d.get(0).route()).isEqualTo("ward-review");
    }

    @Test
    void givenTheBandRisesWithinTheWindow_whenRouted_thenEscalatedImmediately() {
        router.onScore(TOKEN, news2(3, Band.LOW_MEDIUM), 0);
        List<AlertDecision> up = router.onScore(TOKEN, news2(5, Band.MEDIUM), MIN);
        assertThat(kinds(up)).containsExactly(Kind.ESCALATE);
        assertThat(up.get(0).previousBand()).isEqualTo(Band.LOW_MEDIUM);
        // to another route: the ward's alert is closed there first, the escalation opens it on rapid-response
        List<AlertDecision> high = router.onScore(TOKEN, news2(9, Band.HIGH), 2 * MIN);
        assertThat(kinds(high)).containsExactly(Kind.RESOLVE, Kind.ESCALATE);
        assertThat(high.get(0).route()).isEqualTo("ward");
        assertThat(high.get(0).band()).isEqualTo(Band.HIGH);
        assertThat(high.get(0).previousBand()).isEqualTo(Band.MEDIUM);
        assertThat(high.get(1).route()).isEqualTo("rapid-response");
        assertThat(kinds(router.onScore(TOKEN, news2(9, Band.HIGH), 3 * MIN))).containsExactly(Kind.SUPPRESSED);
    }

    @Test
    void givenTheBandFallsButStillAlerting_whenRouted_thenResolveOnTheOldRouteAndAlertAtTheLowerBand() {
        router.onScore(TOKEN, news2(8, Band.HIGH), 0);
        List<AlertDecision> down = router.onScore(TOKEN, news2(5, Band.MEDIUM), MIN);
        assertThat(kinds(down)).containsExactly(Kind.RESOLVE, Kind.ALERT);
        assertThat(down.get(0).route()).isEqualTo("rapid-response");
        assertThat(down.get(0).previousBand()).isEqualTo(Band.HIGH);
        assertThat(down.get(1).route()).isEqualTo("ward");
        assertThat(store.get(TOKEN, "news2").band()).isEqualTo(Band.MEDIUM);
    }

    @Test
    void givenTheBandFallsBelowEveryRule_whenRouted_thenResolvedAndStateCleared() {
        router.onScore(TOKEN, news2(5, Band.MEDIUM), 0);
        List<AlertDecision> resolved = router.onScore(TOKEN, news2(1, Band.LOW), MIN);
        assertThat(kinds(resolved)).containsExactly(Kind.RESOLVE);
        assertThat(resolved.get(0).route()).isEqualTo("ward");
        assertThat(resolved.get(0).band()).isEqualTo(Band.LOW);
        assertThat(store.get(TOKEN, "news2")).isNull();
        assertThat(router.onScore(TOKEN, news2(1, Band.LOW), 2 * MIN)).isEmpty();
        assertThat(kinds(router.onScore(TOKEN, news2(5, Band.MEDIUM), 3 * MIN)))
                .as("a new episode after a resolve is not suppressed").containsExactly(Kind.ALERT);
    }

    @Test
    void givenScoreThresholdRulesAsJson_whenRouted_thenFirstMatchingRuleWins() {
        RoutingRules rules = RoutingRules.fromJson("""
                {"suppressionWindow": "PT10M", "rules": [
                  {"model": "risk", "minScore": 0.9, "route": "icu", "format": "hl7v2", "reidentify": true},
                  {"model": "risk", "minScore": 0.5, "route": "ward"}]}""");
        AlertRouter r = new AlertRouter(rules, AlertStateStore.inMemory());
        AlertDecision icu = r.onScore("t", new ScoreEvent("risk", "1", 0.95, Band.HIGH, true, 0), 0).get(0);
        assertThat(icu.route()).isEqualTo("icu");
        assertThat(icu.reidentify()).isTrue();
        AlertDecision ward = r.onScore("u", new ScoreEvent("risk", "1", 0.6, Band.MEDIUM, true, 0), 0).get(0);
        assertThat(ward.route()).isEqualTo("ward");
        assertThat(ward.format()).isEqualTo(AlertFormat.FHIR);
        assertThat(ward.reidentify()).isFalse();
        assertThat(rules.suppressionWindowMs()).isEqualTo(10 * MIN);
    }

    @Test
    void givenInvalidRules_whenParsed_thenRejected() {
        assertThatThrownBy(() -> RoutingRules.fromJson("{\"suppressionWindow\":\"PT1H\",\"rules\":[{\"route\":\"Bad Route\"}]}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RoutingRules.fromJson("{\"suppressionWindow\":\"1 hour\",\"rules\":[]}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RoutingRules.fromJson("{\"suppressionWindow\":\"PT1H\",\"rules\":[{\"route\":\"w\",\"band\":\"severe\"}]}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenTheSameDecisionReplayed_whenRoutedByAFreshRouter_thenTheSameAlertId() {
        String a = router.onScore(TOKEN, news2(8, Band.HIGH), 1234).get(0).alertId();
        String b = new AlertRouter(RoutingRules.defaults(), AlertStateStore.inMemory())
                .onScore(TOKEN, news2(8, Band.HIGH), 1234).get(0).alertId();
        assertThat(a).isEqualTo(b);
        assertThat(router.onScore("x", news2(8, Band.HIGH), 1234).get(0).alertId()).isNotEqualTo(a);
    }
}
