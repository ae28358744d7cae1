package io.phistream.detector.fhir;

import io.phistream.detector.PhiType;
import io.phistream.detector.RejectReason;
import io.phistream.detector.ReplacedSpan;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The result of de-identifying one FHIR resource or Bundle: released, or rejected for quarantine. */
public sealed interface FhirOutcome {

    /** Keyed message id: safe to log, to use as a key and to look up in the audit log. */
    String messageId();

    /**
     * @param patientToken token of the patient's identity ({@code tokenizer.token(MRN, PatientKeys.of(authority, id))},
     *                     equal to the HL7 path's for the same MRN), null when the message names no patient or
     *                     several different ones
     * @param resourceType the root resource type, e.g. {@code Bundle}
     * @param format       the format of both input and output
     * @param text         the de-identified resource, valid FHIR R4 in {@code format}
     * @param phiCounts    how many values of each PHI type were replaced (ids and references, which are
     *                     pseudonymised for linkage, are not counted)
     * @param spans        replaced stretches in input offsets; always empty for FHIR, whose parser keeps no
     *                     source positions
     * @param learned      keyed digests of the patient's and relatives' identifiers, for the
     *                     {@link io.phistream.detector.PatientMemory}; empty without a memory or a single patient
     * @param textsGivenUp free texts removed whole because span detection gave up on them (size or time budget)
     */
    record Deidentified(String messageId, String patientToken, String resourceType, FhirFormat format, String text,
                        Map<PhiType, Integer> phiCounts, List<ReplacedSpan> spans, Set<String> learned,
                        int textsGivenUp)
            implements FhirOutcome {
    }

    /**
     * @param residualType for {@link RejectReason#RESIDUAL_PHI}, the type of the value found again; else null
     * @param problem      what is wrong with input that could not be read, when that is known (a fixed text that quotes
     *                     nothing of the input); else null
     */
    record Rejected(String messageId, RejectReason reason, PhiType residualType, String problem) implements FhirOutcome {
        public Rejected(String messageId, RejectReason reason) {
            this(messageId, reason, null, null);
        }

        public Rejected(String messageId, RejectReason reason, PhiType residualType) {
            this(messageId, reason, residualType, null);
        }

        /** The reason's description with the residual value's type or what is wrong with the input: PHI-free. */
        public String detail() {
            return problem == null ? reason.describe(residualType) : reason.describe(residualType) + ": " + problem;
        }
    }
}
