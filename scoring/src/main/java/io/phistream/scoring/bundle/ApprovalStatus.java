package io.phistream.scoring.bundle;

/** Approval state recorded (and signed) in a model manifest. */
public enum ApprovalStatus {
    /** Submitted, not yet approved: never loaded. */
    PENDING,
    /** Approved to score live and drive alerts. */
    APPROVED,
    /** Approved as a candidate only: scored in shadow next to the live model, never routed. */
    APPROVED_SHADOW,
    /** Withdrawn by the approver: never loaded. */
    REVOKED
}
