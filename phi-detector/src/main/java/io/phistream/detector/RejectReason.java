package io.phistream.detector;

/**
 * Why a message was quarantined instead of released. Each code has a fixed, PHI-free description; reasons
 * are what operators see in quarantine envelopes, metrics and audit records.
 */
public enum RejectReason {
    EMPTY("the message is empty"),
    INVALID_ENCODING("the bytes are not valid UTF-8 text"),
    TOO_LARGE("the message exceeds the configured size limit"),
    NOT_HL7("the text does not start with an MSH segment"),
    BAD_ENCODING_CHARACTERS("MSH-1/MSH-2 do not declare usable encoding characters"),
    BAD_SEGMENT("a segment name is malformed, or a second MSH starts inside the message"),
    UNSUPPORTED_VERSION("MSH-12 names an HL7 version outside 2.3-2.8"),
    MISSING_MESSAGE_TYPE("MSH-9 message type is empty"),
    NOT_FHIR("the text is not a FHIR R4 resource"),
    UNSUPPORTED_FORMAT("the content is in no supported format"),
    RESIDUAL_PHI("a value the policy treated as PHI still appears in the output"),
    INTERNAL_ERROR("de-identification failed unexpectedly");

    private final String description;

    RejectReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
