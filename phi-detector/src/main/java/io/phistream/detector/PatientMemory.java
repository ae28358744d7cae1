package io.phistream.detector;

import io.phistream.detector.deid.KeyedDigest;
import java.util.Set;
import java.util.function.Function;

/**
 * What the pipeline remembers about a patient across messages: keyed digests of the normalised identifiers
 * (name parts, relatives, phone numbers, ids...) earlier messages about the same patient carried, so that a later
 * note that names the patient without a structured name is still scrubbed. Holds digests only, never values;
 * each digest is keyed per patient, so equal names of two patients do not link them.
 */
@FunctionalInterface
public interface PatientMemory {

    /** No memory: each message is scrubbed with what it carries itself. */
    PatientMemory NONE = patientToken -> Set.of();

    /** The digests remembered for the patient with this token; empty when there are none. */
    Set<String> recall(String patientToken);

    /**
     * The keyed hash of a patient's normalised forms: one domain per patient token, so equal names of two patients
     * give different digests and the memory cannot link them. The HL7 and FHIR paths share it (and the token).
     */
    static Function<String, String> keyedHash(KeyedDigest digest, String patientToken) {
        String domain = "phi-stream/patient-memory/" + patientToken;
        return form -> digest.hex(domain, form);
    }
}
