package io.phistream.audit;

import java.util.regex.Pattern;

/**
 * The only shapes a string may take in an audit record. Audit records must never hold PHI, so there is no
 * free-text field: identifiers and outcomes are short codes without spaces, PHI types are upper-case type codes,
 * digests are hex/base64. This keeps sentences, addresses and the like out by construction; callers must still
 * pass codes (rule ids, policy versions), never values taken from a message. Error messages name the field, never
 * the rejected value.
 */
public final class Codes {
  /** Identifiers and outcome codes: 1-128 characters of [A-Za-z0-9._:/@+=-], starting alphanumeric. */
  public static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/@+=-]{0,127}");
  /** PHI type codes such as NAME, DATE, SSN. */
  public static final Pattern PHI_TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");
  /** Keyed digests: hex or (url-safe) base64, 8-256 characters. */
  public static final Pattern DIGEST = Pattern.compile("[A-Za-z0-9+/=_-]{8,256}");

  private Codes() {}

  static String code(String field, String v) {
    if (v == null || !CODE.matcher(v).matches()) {
      throw new IllegalArgumentException(field + " must be a code (1-128 of [A-Za-z0-9._:/@+=-])");
    }
    return v;
  }

  static String optionalCode(String field, String v) {
    return v == null ? null : code(field, v);
  }

  static String digest(String field, String v) {
    if (v == null || !DIGEST.matcher(v).matches()) {
      throw new IllegalArgumentException(field + " must be a hex or base64 digest");
    }
    return v;
  }

  static String optionalDigest(String field, String v) {
    return v == null ? null : digest(field, v);
  }

  static String phiType(String v) {
    if (v == null || !PHI_TYPE.matcher(v).matches()) {
      throw new IllegalArgumentException("phiCounts keys must be PHI type codes ([A-Z][A-Z0-9_]*)");
    }
    return v;
  }
}
