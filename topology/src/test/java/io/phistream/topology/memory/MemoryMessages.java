package io.phistream.topology.memory;

import java.nio.charset.StandardCharsets;

/**
 * The messages the patient-memory tests send: an admission naming the patient and a daughter, and a result whose
 * note names both in lower case, without a title or relation word, and without a name in its structure (PID-3 only).
 */
final class MemoryMessages {

    /** The detector alone does not see these names (nothing around them says "name"); only the admission's memory does. */
    static final String NOTE = "iv site c/d/i, zanthorpe valve check done, quillfeather bedside rounds";

    private MemoryMessages() {
    }

    static byte[] adt(String mrn, String event) {
        return ("MSH|^~\\&|ADT|GHH|DEID|PS|20250101120000||ADT^" + event + "^ADT_A01|" + event + mrn + "|P|2.5.1\r"
                + "EVN|" + event + "|20250101120000\r"
                + "PID|1||" + mrn + "^^^GHH^MR||Quillfeather^Odalys||19600101|F|||1 Main St^^Boston^MA^02118\r"
                + "NK1|1|Zanthorpe^Brisa|DAU^Daughter\r"
                + "PV1|1|I|ICU^1^1\r").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] oru(String mrn, String control) {
        return ("MSH|^~\\&|LAB|GHH|DEID|PS|20250102120000||ORU^R01^ORU_R01|" + control + "|P|2.5.1\r"
                + "PID|1||" + mrn + "^^^GHH^MR\r"
                + "PV1|1|I|ICU^1^1\r"
                + "OBR|1||A1|8716-3^Vital signs^LN|||20250102110000\r"
                + "OBX|1|NM|8867-4^Heart rate^LN||88|/min|||||F\r"
                + "NTE|1||" + NOTE + "\r").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A FHIR Observation about the same patient as {@link #adt}: its subject a Patient it contains ("#pt") that only
     * has the MRN, under the HL7 authority as its system (one patient key on both paths without an identity map).
     */
    static byte[] observationWithContainedPatient(String mrn) {
        return ("{\"resourceType\":\"Observation\",\"status\":\"final\","
                + "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"34746-8\"}]},"
                + "\"effectiveDateTime\":\"2025-01-02T13:00:00Z\","
                + "\"contained\":[{\"resourceType\":\"Patient\",\"id\":\"pt\","
                + "\"identifier\":[{\"system\":\"GHH\",\"value\":\"" + mrn + "\"}]}],"
                + "\"subject\":{\"reference\":\"#pt\"},\"note\":[{\"text\":\"" + NOTE + "\"}]}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
