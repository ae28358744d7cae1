package io.phistream.audit;

import io.phistream.audit.checkpoint.Checkpoint;
import io.phistream.audit.checkpoint.CheckpointSigner;
import io.phistream.audit.merkle.MerkleFrontier;
import io.phistream.audit.merkle.MerkleHash;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The append-only log of one (stage, partition): gives each record its sequence number, adds its leaf to the
 * Merkle frontier, and signs a checkpoint once N records are unsealed or the oldest unsealed record is T ms old
 * (on the next append, or from a punctuator calling {@link #checkpointIfDue()}). Pure: the caller loads {@link AuditLogState}
 * from its store, appends, writes the returned entries and {@link #state()} back in one exactly-once transaction.
 *
 * <p>Not thread-safe (one stream task owns one log). If appending fails half-way (a signing error), the instance
 * refuses further use: rebuild it from the last persisted state, which the aborted transaction left untouched.
 */
public final class AuditLog {
  private final AuditLogConfig config;
  private final CheckpointSigner signer;
  private final LongSupplier clockMs;
  private final String logId;
  private final Stage stage;
  private final MerkleFrontier frontier;
  private byte[] lastCheckpointHash;
  private long lastCheckpointSize;
  private long lastCheckpointTimeMs;
  private long firstUnsealedTimeMs;
  private boolean broken;

  public AuditLog(AuditLogConfig config, CheckpointSigner signer, AuditLogState state, LongSupplier clockMs) {
    this(config, signer, state, state.frontier(), clockMs);
  }

  private AuditLog(AuditLogConfig config, CheckpointSigner signer, AuditLogState state, MerkleFrontier frontier,
                   LongSupplier clockMs) {
    this.config = config;
    this.signer = signer;
    this.clockMs = clockMs;
    this.logId = state.logId();
    this.stage = AuditRecord.stageOf(logId);
    this.frontier = frontier;
    this.lastCheckpointHash = state.lastCheckpointHash();
    this.lastCheckpointSize = state.lastCheckpointSize();
    this.lastCheckpointTimeMs = state.lastCheckpointTimeMs();
    this.firstUnsealedTimeMs = state.firstUnsealedTimeMs();
  }

  /**
   * The processor's path: the log of {@code logId} from its state-store bytes (null for a new log). The state
   * object is not kept, so its frontier is taken over without a copy.
   */
  public static AuditLog restore(AuditLogConfig config, CheckpointSigner signer, String logId, byte[] stateBytes,
                                 LongSupplier clockMs) {
    AuditLogState s = stateBytes == null ? AuditLogState.initial(logId) : AuditLogState.fromBytes(stateBytes);
    if (!s.logId().equals(logId)) {
      throw new IllegalArgumentException("stored state belongs to another log");
    }
    return new AuditLog(config, signer, s, s.frontierNoCopy(), clockMs);
  }

  /** A new, empty log. */
  public static AuditLog create(AuditLogConfig config, CheckpointSigner signer, Stage stage, int partition,
                                LongSupplier clockMs) {
    return new AuditLog(config, signer, AuditLogState.initial(AuditRecord.logId(stage, partition)), clockMs);
  }

  public String logId() {
    return logId;
  }

  public Stage stage() {
    return stage;
  }

  public long size() {
    return frontier.size();
  }

  /**
   * Appends one record; returns its entry, followed by a checkpoint entry when one is due. The draft's stage must
   * be this log's stage.
   */
  public List<AuditEntry> append(AuditRecordDraft draft) {
    usable();
    if (draft.stage() != stage) {
      throw new IllegalArgumentException("draft stage does not match the log's stage");
    }
    long now = clockMs.getAsLong();
    AuditRecord record = AuditRecord.of(draft, logId, frontier.size());
    byte[] leaf = MerkleHash.leaf(record.canonicalBytes());
    List<AuditEntry> out = new ArrayList<>(2);
    out.add(new RecordEntry(record, leaf));
    broken = true; // cleared below once the frontier and the checkpoint agree again
    if (unsealed() == 0) {
      firstUnsealedTimeMs = now;
    }
    frontier.append(leaf);
    if (due(now)) {
      out.add(checkpoint(now));
    }
    broken = false;
    return out;
  }

  /** For a wall-clock punctuator: a checkpoint once the oldest unsealed record is T ms old. */
  public Optional<CheckpointEntry> checkpointIfDue() {
    usable();
    long now = clockMs.getAsLong();
    return due(now) ? Optional.of(guarded(now)) : Optional.empty();
  }

  /** A checkpoint now if any record is unsealed (e.g. on a clean shutdown). */
  public Optional<CheckpointEntry> checkpointNow() {
    usable();
    return unsealed() > 0 ? Optional.of(guarded(clockMs.getAsLong())) : Optional.empty();
  }

  /** Records appended since the last checkpoint. */
  public long unsealed() {
    return frontier.size() - lastCheckpointSize;
  }

  public AuditLogState state() {
    usable();
    return new AuditLogState(logId, frontier, lastCheckpointHash, lastCheckpointSize, lastCheckpointTimeMs,
        firstUnsealedTimeMs);
  }

  /** {@code state().toBytes()} without the intermediate copy: what the processor stores after each append. */
  public byte[] stateBytes() {
    usable();
    return AuditLogState.encode(logId, frontier, lastCheckpointHash, lastCheckpointSize, lastCheckpointTimeMs,
        firstUnsealedTimeMs);
  }

  private boolean due(long now) {
    return unsealed() >= config.checkpointEveryRecords()
        || unsealed() > 0 && now - firstUnsealedTimeMs >= config.checkpointIntervalMs();
  }

  private CheckpointEntry guarded(long now) {
    broken = true;
    CheckpointEntry c = checkpoint(now);
    broken = false;
    return c;
  }

  private CheckpointEntry checkpoint(long now) {
    Checkpoint c = new Checkpoint(config.origin(logId), frontier.size(), frontier.root(), lastCheckpointHash,
        Math.max(0, now));
    String note;
    try {
      note = signer.sign(c);
    } catch (GeneralSecurityException e) {
      throw new AuditException("checkpoint signing failed for log " + logId, e);
    }
    lastCheckpointHash = c.hash();
    lastCheckpointSize = c.size();
    lastCheckpointTimeMs = now;
    firstUnsealedTimeMs = -1;
    return new CheckpointEntry(logId, c.size(), note);
  }

  private void usable() {
    if (broken) {
      throw new IllegalStateException("audit log " + logId + " failed mid-append; rebuild it from persisted state");
    }
  }
}
