package io.phistream.detector.hl7;

import io.phistream.detector.PhiType;
import io.phistream.detector.RejectReason;
import io.phistream.detector.ReplacedSpan;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The result of de-identifying one HL7 v2 message: released, or rejected for quarantine. */
public sealed interface Hl7Outcome {

    /** Keyed message id: safe to log, to use as a key and to look up in the audit log. */
    String messageId();

    /**
     * @param patientToken token of the patient's identity (assigning authority and identifier), null when the
     *                     message names no patient
     * @param messageType  MSH-9 message code and trigger event, e.g. {@code ORU^R01}
     * @param phiCounts    how many values of each PHI type were replaced
     * @param spans        what was replaced, in offsets of the input text
     * @param learned      keyed digests of the patient's and relatives' identifiers in this message, for the
     *                     {@link io.phistream.detector.PatientMemory}; empty when the message names no patient
     * @param textsGivenUp free texts removed whole because span detection gave up on them (size or time budget)
     */
    record Deidentified(String messageId, String patientToken, String messageType, String version, String text,
                        Map<PhiType, Integer> phiCounts, List<ReplacedSpan> spans, Set<String> learned,
                        int textsGivenUp)
            implements Hl7Outcome {
    }

    /**
     * @param residualType for {@link RejectReason#RESIDUAL_PHI}, the type of the value found again; else null
     * @param where        for {@link RejectReason#RESIDUAL_PHI}, the field that holds it ({@code "OBX-4"}) when one does;
     *                     else null
     */
    record Rejected(String messageId, RejectReason reason, PhiType residualType, String where) implements Hl7Outcome {
        public Rejected(String messageId, RejectReason reason) {
            this(messageId, reason, null, null);
        }

        public Rejected(String messageId, RejectReason reason, PhiType residualType) {
            this(messageId, reason, residualType, null);
        }

        /** The reason's description with the residual value's type and field: PHI-free. */
        public String detail() {
            return reason.describe(residualType, where);
        }
    }
}
