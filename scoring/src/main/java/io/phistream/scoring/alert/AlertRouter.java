package io.phistream.scoring.alert;

import io.phistream.scoring.Band;
import io.phistream.scoring.alert.AlertDecision.Kind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Pure alert routing: rules from score and band to routes, suppression of repeats, immediate escalation and
 * resolve events. State per patient token and model lives in an {@link AlertStateStore}.
 *
 * <p>Per score, with R the first matching rule and S the open alert (if any):
 * <ul>
 *   <li>no R, no S: nothing;</li>
 *   <li>no R, S open: RESOLVE on S's route, S closed;</li>
 *   <li>R, no S: ALERT on R's route;</li>
 *   <li>band above S's band: ESCALATE on R's route at once, whatever the window;</li>
 *   <li>band below S's band: RESOLVE on S's route, then ALERT on R's route at the lower band;</li>
 *   <li>same band: SUPPRESSED within the window since the last alert, otherwise ALERT again (a reminder).</li>
 * </ul>
 * An ESCALATE or reminder on a route other than S's is preceded by a RESOLVE on S's route: an alert is open on one
 * route at a time.
 */
public final class AlertRouter {

    private final RoutingRules rules;
    private final AlertStateStore store;
    private final long windowMs;

    public AlertRouter(RoutingRules rules, AlertStateStore store) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.store = Objects.requireNonNull(store, "store");
        this.windowMs = rules.suppressionWindowMs();
    }

    public List<AlertDecision> onScore(String patientToken, ScoreEvent event, long nowMs) {
        Objects.requireNonNull(patientToken, "patientToken");
        RoutingRules.Rule rule = rules.match(event);
        AlertState open = store.get(patientToken, event.model());
        List<AlertDecision> out = new ArrayList<>(2);
        if (rule == null) {
            if (open != null) {
                out.add(resolve(patientToken, event, open, nowMs));
                store.delete(patientToken, event.model());
            }
            return out;
        }
        if (open == null) {
            out.add(decision(Kind.ALERT, patientToken, event, rule, null, nowMs));
        } else if (event.band().compareTo(open.band()) > 0) {
            closeIfMoved(out, patientToken, event, open, rule, nowMs);
            out.add(decision(Kind.ESCALATE, patientToken, event, rule, open.band(), nowMs));
        } else if (event.band().compareTo(open.band()) < 0) {
            out.add(resolve(patientToken, event, open, nowMs));
            out.add(decision(Kind.ALERT, patientToken, event, rule, open.band(), nowMs));
        } else if (nowMs - open.lastAlertMs() < windowMs) {
            out.add(decision(Kind.SUPPRESSED, patientToken, event, rule, open.band(), nowMs));
            return out; // the window runs from the last alert actually sent
        } else {
            closeIfMoved(out, patientToken, event, open, rule, nowMs);
            out.add(decision(Kind.ALERT, patientToken, event, rule, open.band(), nowMs));
        }
        store.put(patientToken, event.model(),
                new AlertState(event.band(), rule.route(), rule.format(), rule.reidentify(), nowMs));
        return out;
    }

    /**
     * A RESOLVE on the open alert's route when the alert goes on another route: an alert is open on one route at a
     * time, and a ward whose alert moved up to rapid-response must hear that it is closed there (a walkthrough: the
     * ward's stayed open for good). Its band is the new one and its previous band the open one.
     */
    private static void closeIfMoved(List<AlertDecision> out, String token, ScoreEvent e, AlertState open,
                                     RoutingRules.Rule rule, long nowMs) {
        if (!open.route().equals(rule.route())) {
            out.add(resolve(token, e, open, nowMs));
        }
    }

    private static AlertDecision resolve(String token, ScoreEvent e, AlertState open, long nowMs) {
        return new AlertDecision(Kind.RESOLVE, token, e.model(), e.modelVersion(), open.route(), open.format(),
                open.reidentify(), e.band(), open.band(), e.score(), e.probability(), nowMs,
                alertId(token, e.model(), Kind.RESOLVE, open.route(), nowMs));
    }

    private static AlertDecision decision(Kind kind, String token, ScoreEvent e, RoutingRules.Rule rule, Band previous,
                                          long nowMs) {
        return new AlertDecision(kind, token, e.model(), e.modelVersion(), rule.route(), rule.format(), rule.reidentify(),
                e.band(), previous, e.score(), e.probability(), nowMs, alertId(token, e.model(), kind, rule.route(), nowMs));
    }

    // Name-based UUID: the same decision replayed (e.g. after a Kafka Streams restart) gets the same id.
    private static String alertId(String token, String model, Kind kind, String route, long atMs) {
        String key = token + '\u0000' + model + '\u0000' + kind + '\u0000' + route + '\u0000' + atMs;
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
