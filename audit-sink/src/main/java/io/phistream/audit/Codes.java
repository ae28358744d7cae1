package io.phistream.audit;

/**
 * The only shapes a string may take in an audit record. Audit records must never hold PHI, so there is no
 * free-text field: identifiers and outcomes are short codes without spaces, PHI types are upper-case type codes,
 * digests are hex/base64. This keeps sentences, addresses and the like out by construction; callers must still
 * pass codes (rule ids, policy versions), never values taken from a message. Error messages name the field, never
 * the rejected value.
 *
 * <p>Checked with character loops rather than regular expressions: this runs for every field of every audited
 * record, and the loops are several times faster than {@code Matcher.matches()}.
 */
public final class Codes {
  /** Identifiers and outcome codes: 1-128 characters of [A-Za-z0-9._:/@+=_-], starting alphanumeric. */
  public static final String CODE_SHAPE = "[A-Za-z0-9][A-Za-z0-9._:/@+=_-]{0,127}";
  /** PHI type codes such as NAME, DATE, SSN. */
  public static final String PHI_TYPE_SHAPE = "[A-Z][A-Z0-9_]{0,31}";
  /** Keyed digests: hex or (url-safe) base64, 8-256 characters. */
  public static final String DIGEST_SHAPE = "[A-Za-z0-9+/=_-]{8,256}";

  private Codes() {}

  public static boolean isCode(String v) {
    if (v == null || v.isEmpty() || v.length() > 128 || !alnum(v.charAt(0))) {
      return false;
    }
    for (int i = 1; i < v.length(); i++) {
      char c = v.charAt(i);
      if (!alnum(c) && ".:/@+=-_".indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  public static boolean isPhiType(String v) {
    if (v == null || v.isEmpty() || v.length() > 32 || !upper(v.charAt(0))) {
      return false;
    }
    for (int i = 1; i < v.length(); i++) {
      char c = v.charAt(i);
      if (!upper(c) && !digit(c) && c != '_') {
        return false;
      }
    }
    return true;
  }

  public static boolean isDigest(String v) {
    if (v == null || v.length() < 8 || v.length() > 256) {
      return false;
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (!alnum(c) && "+/=_-".indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Where a record was read: {@code topic/partition/offset}, a Kafka topic name (1-249 of [A-Za-z0-9._-]), then a
   * partition and an offset in plain decimal (no sign, no leading zero). Names a place in a topic, never content.
   */
  public static boolean isSource(String v) {
    if (v == null) {
      return false;
    }
    int second = v.lastIndexOf('/');
    int first = second <= 0 ? -1 : v.lastIndexOf('/', second - 1);
    if (first <= 0 || first > 249) {
      return false;
    }
    for (int i = 0; i < first; i++) {
      char c = v.charAt(i);
      if (!alnum(c) && ".-_".indexOf(c) < 0) {
        return false;
      }
    }
    return number(v, first + 1, second, 10, Integer.MAX_VALUE) && number(v, second + 1, v.length(), 19, Long.MAX_VALUE);
  }

  /** Plain decimal in v[from, to): 1 to maxDigits digits, no leading zero, at most max. */
  private static boolean number(String v, int from, int to, int maxDigits, long max) {
    int n = to - from;
    if (n < 1 || n > maxDigits || n > 1 && v.charAt(from) == '0') {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (!digit(v.charAt(i))) {
        return false;
      }
    }
    try {
      return Long.parseLong(v, from, to, 10) <= max;
    } catch (NumberFormatException e) {
      return false; // above Long.MAX_VALUE
    }
  }

  private static boolean alnum(char c) {
    return upper(c) || c >= 'a' && c <= 'z' || digit(c);
  }

  private static boolean upper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  static String code(String field, String v) {
    if (!isCode(v)) {
      throw new IllegalArgumentException(field + " must be a code (1-128 of [A-Za-z0-9._:/@+=_-])");
    }
    return v;
  }

  static String optionalCode(String field, String v) {
    return v == null ? null : code(field, v);
  }

  static String digest(String field, String v) {
    if (!isDigest(v)) {
      throw new IllegalArgumentException(field + " must be a hex or base64 digest");
    }
    return v;
  }

  static String optionalDigest(String field, String v) {
    return v == null ? null : digest(field, v);
  }

  static String optionalSource(String field, String v) {
    if (v != null && !isSource(v)) {
      throw new IllegalArgumentException(field + " must be topic/partition/offset");
    }
    return v;
  }

  static String phiType(String v) {
    if (!isPhiType(v)) {
      throw new IllegalArgumentException("phiCounts keys must be PHI type codes ([A-Z][A-Z0-9_]*)");
    }
    return v;
  }
}
