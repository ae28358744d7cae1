package io.phistream.detector.hl7;

/**
 * The one spelling of a patient's identity that tokens and date shifts derive from, shared by the HL7 and
 * FHIR paths so the same person gets the same token in both ({@code authority|identifier}).
 */
public final class PatientKeys {

    private PatientKeys() {
    }

    public static String of(String assigningAuthority, String identifier) {
        return assigningAuthority.strip() + "|" + identifier.strip();
    }
}
