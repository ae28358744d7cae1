package io.phistream.detector;

import java.util.Set;

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
}
