package io.phistream.synthetic;

import java.util.Objects;

/**
 * One PHI value exactly as the generator wrote it into a message, with what kind of value it is, so that a
 * leak test can apply per-kind rules (e.g. compare phone numbers by digits, skip short names).
 */
public record PlantedPhi(Kind kind, String value) {

    public enum Kind {
        /** Given, middle or family name of a patient, relative or clinician. */
        NAME,
        MRN,
        SSN,
        PHONE,
        EMAIL,
        STREET,
        CITY,
        ZIP,
        BIRTH_DATE,
        /** Admission/discharge date-times and dates written in free text. */
        DATE,
        /** An age over 89 as written in free text, e.g. "93-year-old". */
        AGE,
        ACCOUNT,
        HEALTH_PLAN,
        LICENSE,
        VISIT_NUMBER
    }

    public PlantedPhi {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }
}
