package io.phistream.audit;

/** An audit entry could not be produced or read. Messages never contain record values. */
public class AuditException extends RuntimeException {
  public AuditException(String message) {
    super(message);
  }

  public AuditException(String message, Throwable cause) {
    super(message, cause);
  }
}
