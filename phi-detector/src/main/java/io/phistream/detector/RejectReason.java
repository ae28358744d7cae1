package io.phistream.detector;

/**
 * Why a message was quarantined instead of released. Each code has a fixed, PHI-free description; reasons
 * are what operators see in quarantine envelopes, metrics and audit records.
 */
public enum RejectReason {
    EMPTY("the message is empty"),
    INVALID_ENCODING("the bytes are not valid UTF-8 text (nor, for HL7 v2, in the ISO 8859 charset its MSH-18 declares)"),
    TOO_LARGE("the message exceeds the configured size limit"),
    OUTPUT_TOO_LARGE("the de-identified message would exceed the configured size limit (record.max.bytes): tokens are"
            + " longer than the values they replace"),
    NOT_HL7("the text is not one HL7 v2 message: it does not start with an MSH segment (a batch, FHS/BHS, must be"
            + " split into its messages first) or it holds control characters no HL7 text has"),
    BAD_ENCODING_CHARACTERS("MSH-1/MSH-2 do not declare usable encoding characters"),
    BAD_SEGMENT("a segment name is malformed, or a second MSH starts inside the message"),
    UNSUPPORTED_VERSION("MSH-12 names an HL7 version outside 2.3-2.8"),
    MISSING_MESSAGE_TYPE("MSH-9 message type is empty"),
    NOT_FHIR("the text is not a FHIR R4 resource"),
    UNSUPPORTED_FORMAT("the content is in no supported format"),
    RESIDUAL_PHI("a value the policy treated as PHI still appears in the output"),
    INTERNAL_ERROR("de-identification failed unexpectedly"),
    // data-quality gateway (topology io.phistream.topology.quality): completeness, formats, duplicates
    MISSING_PATIENT_ID("PID-3 holds no patient identifier",
            "the Patient has no identifier, or the resource names no patient by reference or identifier"),
    MISSING_EVENT_TIME("a required message or event time is empty"),
    MISSING_CONTROL_ID("MSH-10 message control id is empty", "the resource has no id to tell its copies apart"),
    MISSING_ELEMENT("a required segment, field or component is empty or absent"),
    UNKNOWN_MESSAGE_TYPE("the message type (HL7 MSH-9, or the FHIR resource type) is one the quality rules do not know"),
    BAD_DATE("a date/time value is not a valid HL7 date/time", "a date/time value is not a valid FHIR date, dateTime"
            + " or instant"),
    BAD_CODE("a coded value does not have the syntax of its coding system"),
    BAD_VALUE("a value is not one the quality rules allow"),
    OBSERVATION_WITHOUT_CODE("an OBX observation has no identifier code in OBX-3",
            "an Observation has no coding in Observation.code (a code.text alone is not a code)"),
    OBSERVATION_WITHOUT_UNITS("a numeric OBX observation has no units in OBX-6",
            "a numeric Observation has no unit in its valueQuantity"),
    BAD_UNITS("the OBX-6 units are not those expected for the observation code",
            "the valueQuantity's unit is not one expected for the Observation's code"),
    CONTROL_ID_REUSED("MSH-10 was seen recently from the same sender with different content",
            "the resource's id was seen recently from the same sender with different content");

    private final String description;
    /** The same said of a FHIR resource where the HL7 wording names HL7 fields (a walkthrough read "OBX-3" for one). */
    private final String fhirDescription;

    RejectReason(String description) {
        this(description, description);
    }

    RejectReason(String description, String fhirDescription) {
        this.description = description;
        this.fhirDescription = fhirDescription;
    }

    public String description() {
        return description;
    }

    /** The description in the terms of the input's format: {@code "fhir"} or anything else (HL7 v2). */
    public String description(String format) {
        return "fhir".equals(format) ? fhirDescription : description;
    }

    /**
     * The description, and for {@link #RESIDUAL_PHI} the type of the value found again: what an operator needs to
     * tell a missed name from a missed date, and no PHI (a type, never the value).
     */
    public String describe(PhiType residualType) {
        return describe(residualType, null);
    }

    /**
     * As {@link #describe(PhiType)}, and where the value stands when one field holds it ({@code "OBX-4"}): where an
     * operator looks without opening the message (a walkthrough had to read the original to find the field).
     */
    public String describe(PhiType residualType, String where) {
        if (residualType == null) {
            return description;
        }
        return description + " (a " + residualType + " value" + (where == null ? "" : ", in " + where) + ")";
    }
}
