package io.phistream.audit;

/**
 * One finding of {@link AuditVerifier}. {@code where} locates it ("seq 17", "checkpoint 1000", "input #42");
 * {@code detail} explains it with ids, sizes and hashes only.
 */
public record Problem(Kind kind, String logId, String where, String detail) {

  /** What went wrong. See the module README for exactly what each kind can and cannot detect. */
  public enum Kind {
    /** A sequence number is absent while a higher one of the same log is present (a record was deleted). */
    GAP,
    /** Two different records with one sequence number, two different signed checkpoints of one size, or two
     *  checkpoints extending the same predecessor: the log branched. */
    FORK,
    /** Content changed: unreadable or non-canonical entry, record not matching its leaf hash, key not matching
     *  content, or records not matching a signed root. */
    ALTERED,
    /** A checkpoint the chain or the checkpoint interval says must exist is absent. */
    MISSING,
    /** Entries of one log appear out of order in the input. */
    REORDERED,
    /** A checkpoint carries no signature. */
    UNSIGNED,
    /** A checkpoint signature does not verify or comes from a key outside the trusted keyset. */
    BAD_SIGNATURE,
    /** A validly signed checkpoint appears again, or under another log. */
    REPLAYED_CHECKPOINT,
    /** Records at the end of a log that a signed (or trusted) checkpoint covers are absent. */
    TRUNCATED,
    /** The same record appears twice, byte for byte (harmless for integrity, but the topic should not hold it). */
    DUPLICATE
  }

  @Override
  public String toString() {
    return kind + " " + logId + " " + where + ": " + detail;
  }
}
