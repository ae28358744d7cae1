package io.phistream.topology.stream;

import io.phistream.detector.PatientMemory;
import io.phistream.detector.PhiType;
import io.phistream.detector.RejectReason;
import io.phistream.detector.fhir.FhirDeidentifier;
import io.phistream.detector.fhir.FhirOutcome;
import io.phistream.detector.er7.Er7Message;
import io.phistream.detector.hl7.Hl7Deidentifier;
import io.phistream.detector.hl7.Hl7Outcome;
import java.util.Map;
import java.util.Set;

/**
 * One format's de-identification core as the stream processor sees it: text in, a release or a rejection out.
 * The HL7 v2 and FHIR cores differ in what they read, not in how the pipeline routes their results.
 */
interface Deidentification {

    /** {@code hl7v2} or {@code fhir}: quarantine envelopes and metrics name it. */
    String format();

    PipelineMetrics.Stage stage();

    String policyVersion();

    /** The keyed id of input that could not be read as text. */
    String contentId(byte[] raw);

    /**
     * De-identifies one input, searching its free text also for what {@code memory} holds on its patient.
     * {@code parsed}: the input as the quality gate already parsed it (the core takes it over), or null.
     */
    Outcome apply(String text, Object parsed, PatientMemory memory);

    default Outcome apply(String text, PatientMemory memory) {
        return apply(text, null, memory);
    }

    /**
     * A release ({@code rejected == null}) or a rejection; {@code learned}: digests for the patient memory;
     * {@code residualType}: for a RESIDUAL_PHI rejection, the type of the value found again; {@code detail}: the
     * rejection's readable description (the reason, and what is wrong with the input where the core says: PHI-free).
     */
    record Outcome(String messageId, String patientToken, String messageType, String text,
                   Map<PhiType, Integer> phiCounts, RejectReason rejected, Set<String> learned, PhiType residualType,
                   String detail) {
        Outcome(String messageId, String patientToken, String messageType, String text, Map<PhiType, Integer> phiCounts,
                RejectReason rejected, Set<String> learned) {
            this(messageId, patientToken, messageType, text, phiCounts, rejected, learned, null, null);
        }

        static Outcome rejected(String messageId, RejectReason reason, PhiType residualType, String detail) {
            return new Outcome(messageId, null, null, null, Map.of(), reason, Set.of(), residualType, detail);
        }
    }

    static Deidentification of(Hl7Deidentifier hl7) {
        return new Deidentification() {
            public String format() {
                return "hl7v2";
            }

            public PipelineMetrics.Stage stage() {
                return PipelineMetrics.Stage.HL7;
            }

            public String policyVersion() {
                return hl7.policy().version();
            }

            public String contentId(byte[] raw) {
                return hl7.contentId(raw);
            }

            public Outcome apply(String text, Object parsed, PatientMemory memory) {
                Hl7Outcome o = parsed instanceof Er7Message m ? hl7.deidentify(m, text, memory)
                        : hl7.deidentify(text, memory);
                if (o instanceof Hl7Outcome.Deidentified d) {
                    return new Outcome(d.messageId(), d.patientToken(), d.messageType(), d.text(), d.phiCounts(), null,
                            d.learned());
                }
                Hl7Outcome.Rejected r = (Hl7Outcome.Rejected) o;
                return Outcome.rejected(r.messageId(), r.reason(), r.residualType(), r.detail());
            }
        };
    }

    static Deidentification of(FhirDeidentifier fhir) {
        return new Deidentification() {
            public String format() {
                return "fhir";
            }

            public PipelineMetrics.Stage stage() {
                return PipelineMetrics.Stage.FHIR;
            }

            public String policyVersion() {
                return fhir.policy().version();
            }

            public String contentId(byte[] raw) {
                return fhir.contentId(raw);
            }

            public Outcome apply(String text, Object parsed, PatientMemory memory) {
                FhirOutcome o = fhir.deidentify(text, memory); // the gate's light read is not HAPI's model
                if (o instanceof FhirOutcome.Deidentified d) {
                    return new Outcome(d.messageId(), d.patientToken(), d.resourceType(), d.text(), d.phiCounts(), null,
                            d.learned());
                }
                FhirOutcome.Rejected r = (FhirOutcome.Rejected) o;
                return Outcome.rejected(r.messageId(), r.reason(), r.residualType(), r.detail());
            }
        };
    }
}
