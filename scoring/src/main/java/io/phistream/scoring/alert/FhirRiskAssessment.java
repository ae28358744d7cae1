package io.phistream.scoring.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phistream.scoring.Band;
import java.time.Instant;
import java.util.Locale;

/**
 * Renders an alert as a FHIR R4 RiskAssessment. Built with Jackson rather than HAPI FHIR: this module stays free of
 * the FHIR model (tens of MB, a slow first parse) for one small, fixed resource; the topology's FHIR tests can
 * parse the output with HAPI.
 *
 * <p>The subject is a logical reference by identifier to the patient TOKEN (system {@value #TOKEN_SYSTEM}).
 * The band maps to the HL7 risk-probability code system (low; low-medium and medium → moderate; high), with the
 * exact band and score in the rationale.
 */
public final class FhirRiskAssessment {

    public static final String TOKEN_SYSTEM = "urn:phi-stream:patient-token";
    public static final String ALERT_SYSTEM = "urn:phi-stream:alert-id";
    public static final String MODEL_SYSTEM = "urn:phi-stream:model";
    public static final String KIND_SYSTEM = "urn:phi-stream:alert-kind";
    public static final String RISK_PROBABILITY = "http://terminology.hl7.org/CodeSystem/risk-probability";
    private static final ObjectMapper JSON = new ObjectMapper();

    private FhirRiskAssessment() {
    }

    public static String toJson(AlertDecision d) {
        ObjectNode r = JSON.createObjectNode();
        r.put("resourceType", "RiskAssessment");
        r.put("id", d.alertId());
        ObjectNode meta = r.putObject("meta");
        meta.putArray("tag").addObject()
                .put("system", KIND_SYSTEM)
                .put("code", d.kind().name().toLowerCase(Locale.ROOT));
        r.putArray("identifier").addObject().put("system", ALERT_SYSTEM).put("value", d.alertId());
        r.put("status", "final");
        ObjectNode subject = r.putObject("subject");
        subject.put("type", "Patient");
        subject.putObject("identifier").put("system", TOKEN_SYSTEM).put("value", d.patientToken());
        r.put("occurrenceDateTime", Instant.ofEpochMilli(d.atMs()).toString());
        ObjectNode method = r.putObject("method");
        method.putArray("coding").addObject()
                .put("system", MODEL_SYSTEM).put("code", d.model()).put("version", d.modelVersion());
        method.put("text", d.model() + " " + d.modelVersion());
        ObjectNode prediction = r.putArray("prediction").addObject();
        prediction.putObject("outcome").put("text", "clinical deterioration");
        if (d.probability()) {
            prediction.put("probabilityDecimal", d.score());
        }
        String code = riskCode(d.band());
        ObjectNode qualitative = prediction.putObject("qualitativeRisk");
        qualitative.putArray("coding").addObject()
                .put("system", RISK_PROBABILITY).put("code", code).put("display", display(code));
        qualitative.put("text", d.band().label());
        prediction.put("rationale", rationale(d));
        ArrayNode note = r.putArray("note");
        note.addObject().put("text", "route " + d.route() + "; " + d.kind().name().toLowerCase(Locale.ROOT)
                + (d.previousBand() == null ? "" : " from " + d.previousBand().label()));
        try {
            return JSON.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("RiskAssessment serialisation failed", e);
        }
    }

    static String rationale(AlertDecision d) {
        return d.model() + " band " + d.band().label() + " (score " + formatScore(d) + ")";
    }

    static String formatScore(AlertDecision d) {
        double s = d.score();
        return s == Math.rint(s) && !d.probability() ? Long.toString((long) s) : String.format(Locale.ROOT, "%.4f", s);
    }

    static String riskCode(Band b) {
        return switch (b) {
            case LOW -> "low";
            case LOW_MEDIUM, MEDIUM -> "moderate";
            case HIGH -> "high";
        };
    }

    private static String display(String code) {
        return switch (code) {
            case "low" -> "Low likelihood";
            case "moderate" -> "Moderate likelihood";
            default -> "High likelihood";
        };
    }
}
