package io.phistream.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;

/**
 * One message of the audit topic: a record or a signed checkpoint. Every entry has a unique, non-null key
 * (the topic is compacted, so a repeated key or a null value would erase history) and a JSON value; the same
 * JSON, one entry per line, is the export format.
 *
 * <p>Keys: {@code r/<logId>/<sequence, 20 digits>} for records and {@code c/<logId>/<tree size, 20 digits>} for
 * checkpoints. Zero-padding makes keys sort in log order.
 */
public sealed interface AuditEntry permits RecordEntry, CheckpointEntry {

  String key();

  String logId();

  /** The Kafka value and export line (without newline): compact JSON with sorted keys. */
  byte[] value();

  /**
   * The audit-topic partition for this entry: every entry of one log goes to one partition, so a reader of that
   * partition sees the log in order (hash partitioning of the unique keys would scatter a log and make the
   * verifier report REORDERED). Stable across JVMs: String.hashCode is specified.
   */
  default int auditPartition(int numPartitions) {
    return Math.floorMod(logId().hashCode(), numPartitions);
  }

  static String recordKey(String logId, long sequence) {
    return "r/" + logId + "/" + pad(sequence);
  }

  static String checkpointKey(String logId, long size) {
    return "c/" + logId + "/" + pad(size);
  }

  /** Twenty digits, zero-padded, so keys sort by number; not String.format, which costs a Formatter per record. */
  static String pad(long n) {
    if (n < 0) {
      return String.format("%020d", n);
    }
    String digits = Long.toString(n);
    return "0".repeat(20 - digits.length()).concat(digits);
  }

  /** Parses a value strictly; throws {@link AuditException} naming the problem, never a value. */
  static AuditEntry parse(byte[] value) {
    JsonNode n = Json.read(value);
    String kind = Json.text(n, "kind", true);
    return switch (kind) {
      case RecordEntry.KIND -> RecordEntry.fromJson(n);
      case CheckpointEntry.KIND -> CheckpointEntry.fromJson(n);
      default -> throw new AuditException("unknown entry kind");
    };
  }

  /** True when {@code value} is byte for byte the canonical encoding of what it parses to. */
  static boolean isCanonical(AuditEntry parsed, byte[] value) {
    return Arrays.equals(parsed.value(), value);
  }
}
