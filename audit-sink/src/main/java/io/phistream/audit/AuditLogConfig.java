package io.phistream.audit;

/**
 * When a log signs a checkpoint: once {@code checkpointEveryRecords} records are unsealed (not yet covered by a
 * checkpoint), or once the oldest unsealed record is {@code checkpointIntervalMs} old.
 * {@code originPrefix} + log id is the checkpoint origin line.
 */
public record AuditLogConfig(int checkpointEveryRecords, long checkpointIntervalMs, String originPrefix) {
  public static final String DEFAULT_ORIGIN_PREFIX = "phi-stream/";

  public AuditLogConfig {
    if (checkpointEveryRecords < 1 || checkpointIntervalMs < 1) {
      throw new IllegalArgumentException("checkpoint interval must be at least 1 record and 1 ms");
    }
    if (originPrefix == null || !originPrefix.matches("[\\x21-\\x7e]{0,100}")) {
      throw new IllegalArgumentException("origin prefix must be printable ASCII without spaces");
    }
  }

  public AuditLogConfig(int checkpointEveryRecords, long checkpointIntervalMs) {
    this(checkpointEveryRecords, checkpointIntervalMs, DEFAULT_ORIGIN_PREFIX);
  }

  /** 1000 records or 5 s, whichever comes first. */
  public static AuditLogConfig defaults() {
    return new AuditLogConfig(1000, 5_000);
  }

  public String origin(String logId) {
    return originPrefix + logId;
  }
}
