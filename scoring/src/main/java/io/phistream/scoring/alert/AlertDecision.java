package io.phistream.scoring.alert;

import io.phistream.scoring.Band;

/**
 * What the router decided for one score. Carries the patient TOKEN only, never an identifier.
 *
 * @param kind         ALERT (new or repeated after the window), ESCALATE (band rose), RESOLVE (band fell; sent to the
 *                     route of the alert being resolved), SUPPRESSED (repeat within the window; for audit, not sent)
 * @param patientToken the de-identified patient token
 * @param model        model name
 * @param modelVersion model version
 * @param route        route name
 * @param format       alert format on that route
 * @param reidentify   whether the route is marked for the authorized re-identification step
 * @param band         band now
 * @param previousBand band of the last alert, or null
 * @param score        score now
 * @param probability  whether the score is a probability
 * @param atMs         time of the decision (the score's time)
 * @param alertId      stable id derived from patient token, model, kind, route and time (idempotent re-delivery)
 */
public record AlertDecision(Kind kind, String patientToken, String model, String modelVersion, String route,
                            AlertFormat format, boolean reidentify, Band band, Band previousBand, double score,
                            boolean probability, long atMs, String alertId) {

    public enum Kind { ALERT, ESCALATE, RESOLVE, SUPPRESSED }

    /** True for decisions that must be sent to their route (all but SUPPRESSED). */
    public boolean deliver() {
        return kind != Kind.SUPPRESSED;
    }

    /** The topic suffix, e.g. {@code alerts.rapid-response}. */
    public String topicSuffix() {
        return "alerts." + route;
    }

    /** Rendered in the route's format. */
    public String render() {
        return format.render(this);
    }
}
