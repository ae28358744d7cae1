package io.phistream.audit;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The outcome codes the pipeline writes into audit records, and the one mapping from them to FHIR R4
 * AuditEvent.outcome (value set audit-event-outcome: 0 success, 4 minor failure, 8 serious failure, 12 major
 * failure). Writers use these constants (AlertProcessor writes AlertDecision.Kind in lower case, checked against
 * {@link #KNOWN} by a test); a new outcome word belongs here, with its FHIR class.
 */
public final class Outcomes {
  /** {@link AuditRecordDraft.Builder}'s default; used by callers that record a plain "done". */
  public static final String OK = "ok";
  /** DEIDENTIFY: the de-identified message was published. */
  public static final String RELEASED = "released";
  /** VALIDATE: a redelivered copy dropped by the dedupe window (the first copy was processed and audited). */
  public static final String DUPLICATE = "duplicate";
  /** QUARANTINE: the message was refused and sealed in quarantine; the reason code is the record's rule id. */
  public static final String QUARANTINED = "quarantined";
  /** SCORE: a live model scored the message. */
  public static final String SCORED = "scored";
  /** SCORE: a shadow model scored the message (nothing is routed from it). */
  public static final String SHADOW = "shadow";
  /** ALERT: the router's decisions, AlertDecision.Kind in lower case. */
  public static final String ALERT = "alert";
  public static final String ESCALATE = "escalate";
  public static final String RESOLVE = "resolve";
  public static final String SUPPRESSED = "suppressed";

  /**
   * The quarantine reason (RejectReason.INTERNAL_ERROR) for a message the pipeline failed on rather than refused
   * by design: the only error in the vocabulary.
   */
  public static final String INTERNAL_ERROR_REASON = "INTERNAL_ERROR";

  /** Outcomes where the stage did what it is for: the message was processed, routed or deliberately not sent. */
  public static final Set<String> SUCCESS =
      Set.of(OK, RELEASED, DUPLICATE, SCORED, SHADOW, ALERT, ESCALATE, RESOLVE, SUPPRESSED);

  /** Every outcome code a writer in this code base produces. */
  public static final Set<String> KNOWN = union(SUCCESS, Set.of(QUARANTINED));

  /** FHIR R4 AuditEvent.outcome codes. */
  public enum Fhir {
    SUCCESS("0"), MINOR_FAILURE("4"), SERIOUS_FAILURE("8"), MAJOR_FAILURE("12");

    private final String code;

    Fhir(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  private Outcomes() {}

  public static boolean isKnown(String outcome) {
    return KNOWN.contains(outcome);
  }

  /**
   * The FHIR outcome of a record with this outcome code and these rule ids (for a quarantine, its reason).
   * Nothing the pipeline writes maps to 12 (major failure).
   */
  public static Fhir fhir(String outcome, Collection<String> ruleIds) {
    if (SUCCESS.contains(outcome)) {
      return Fhir.SUCCESS;
    }
    if (QUARANTINED.equals(outcome)) {
      // refused by design (bad input, residual PHI, quality rule) = minor; the pipeline failing on it = serious
      return ruleIds != null && ruleIds.contains(INTERNAL_ERROR_REASON) ? Fhir.SERIOUS_FAILURE : Fhir.MINOR_FAILURE;
    }
    // An unknown word (a newer writer, or a hand-made record) is never reported as success: a SIEM would then
    // count something unclassified as fine. 4 rather than 8/12 because every failure this pipeline audits today
    // is a refusal, and a new word is far likelier to be one than an outage; 4 still flags it for review.
    return Fhir.MINOR_FAILURE;
  }

  /**
   * AuditEvent.outcomeDesc: the outcome code, and for a quarantine its reason code(s) from the rule ids, e.g.
   * {@code quarantined: NOT_HL7}. Both are {@link Codes}, PHI-free by shape; never a value from a message.
   */
  public static String fhirDescription(String outcome, List<String> ruleIds) {
    if (QUARANTINED.equals(outcome) && ruleIds != null && !ruleIds.isEmpty()) {
      return outcome + ": " + String.join(",", ruleIds);
    }
    return outcome;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    java.util.HashSet<String> out = new java.util.HashSet<>(a);
    out.addAll(b);
    return Set.copyOf(out);
  }
}
