package io.phistream.audit;

import io.phistream.audit.checkpoint.Checkpoint;
import io.phistream.audit.merkle.MerkleFrontier;
import io.phistream.audit.merkle.MerkleHash;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Everything a log needs to continue after a crash or rebalance, as one value for a changelogged state store
 * (key: log id). The next sequence number is the frontier's size. Persist it in the same exactly-once transaction
 * as the entries {@link AuditLog#append} returned, and the log continues with no gap and no fork.
 *
 * @param lastCheckpointHash {@link Checkpoint#hash()} of the last checkpoint, or {@link Checkpoint#NO_PREVIOUS}
 * @param lastCheckpointSize tree size at the last checkpoint (0 before the first)
 * @param lastCheckpointTimeMs time of the last checkpoint, -1 before the first
 * @param firstUnsealedTimeMs when the oldest record not yet covered by a checkpoint was appended, -1 if none
 */
public record AuditLogState(String logId, MerkleFrontier frontier, byte[] lastCheckpointHash,
                            long lastCheckpointSize, long lastCheckpointTimeMs, long firstUnsealedTimeMs) {
  private static final byte MAGIC = 'A';
  private static final byte VERSION = 1;

  public AuditLogState {
    if (AuditRecord.stageOf(logId) == null) {
      throw new IllegalArgumentException("logId must be <stage code>/<partition>");
    }
    if (lastCheckpointHash == null || lastCheckpointHash.length != MerkleHash.SIZE) {
      throw new IllegalArgumentException("last checkpoint hash must be 32 bytes");
    }
    if (lastCheckpointSize < 0 || lastCheckpointSize > frontier.size() || lastCheckpointTimeMs < -1
        || firstUnsealedTimeMs < -1 || (firstUnsealedTimeMs == -1) != (lastCheckpointSize == frontier.size())) {
      throw new IllegalArgumentException("inconsistent audit log state");
    }
    frontier = frontier.copy();
    lastCheckpointHash = lastCheckpointHash.clone();
  }

  public static AuditLogState initial(String logId) {
    return new AuditLogState(logId, new MerkleFrontier(), Checkpoint.NO_PREVIOUS, 0, -1, -1);
  }

  @Override
  public MerkleFrontier frontier() {
    return frontier.copy();
  }

  @Override
  public byte[] lastCheckpointHash() {
    return lastCheckpointHash.clone();
  }

  /** The sequence number the next record gets (= current tree size). */
  public long nextSequence() {
    return frontier.size();
  }

  public long recordsSinceCheckpoint() {
    return frontier.size() - lastCheckpointSize;
  }

  /** The frontier itself, for {@link AuditLog#restore} which owns this freshly decoded state. */
  MerkleFrontier frontierNoCopy() {
    return frontier;
  }

  public byte[] toBytes() {
    return encode(logId, frontier, lastCheckpointHash, lastCheckpointSize, lastCheckpointTimeMs, firstUnsealedTimeMs);
  }

  static byte[] encode(String logId, MerkleFrontier frontier, byte[] lastCheckpointHash, long lastCheckpointSize,
                       long lastCheckpointTimeMs, long firstUnsealedTimeMs) {
    byte[] id = logId.getBytes(StandardCharsets.US_ASCII);
    byte[] f = frontier.toBytes();
    ByteBuffer b = ByteBuffer.allocate(2 + 2 + id.length + MerkleHash.SIZE + 8 + 8 + 8 + f.length);
    b.put(MAGIC).put(VERSION).putShort((short) id.length).put(id)
        .put(lastCheckpointHash).putLong(lastCheckpointSize).putLong(lastCheckpointTimeMs)
        .putLong(firstUnsealedTimeMs).put(f);
    return b.array();
  }

  public static AuditLogState fromBytes(byte[] bytes) {
    try {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      if (b.get() != MAGIC || b.get() != VERSION) {
        throw new IllegalArgumentException("not a serialised audit log state");
      }
      byte[] id = new byte[b.getShort()];
      b.get(id);
      byte[] hash = new byte[MerkleHash.SIZE];
      b.get(hash);
      long size = b.getLong();
      long time = b.getLong();
      long unsealedSince = b.getLong();
      byte[] f = new byte[b.remaining()];
      b.get(f);
      return new AuditLogState(new String(id, StandardCharsets.US_ASCII), MerkleFrontier.fromBytes(f), hash, size,
          time, unsealedSince);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("corrupt audit log state", e);
    }
  }
}
