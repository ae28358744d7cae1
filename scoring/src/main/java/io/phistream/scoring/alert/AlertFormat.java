package io.phistream.scoring.alert;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Wire format of a route's alerts. */
public enum AlertFormat {
    /** FHIR R4 RiskAssessment JSON. */
    FHIR("fhir"),
    /** HL7 v2.5.1 ORU^R01 ER7 text. */
    HL7V2("hl7v2");

    private final String label;

    AlertFormat(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static AlertFormat fromLabel(String s) {
        for (AlertFormat f : values()) {
            if (f.label.equalsIgnoreCase(s)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown alert format (expected fhir or hl7v2)");
    }

    /** Renders a decision in this format. */
    public String render(AlertDecision d) {
        return this == FHIR ? FhirRiskAssessment.toJson(d) : Hl7OruR01.toEr7(d);
    }
}
