package io.phistream.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One audit event of the pipeline, placed in its log: {@code logId} is {@code stage + "/" + partition} and
 * {@code sequence} is its 0-based position, which is also its Merkle leaf index. The content fields are those of
 * the (already validated) {@link AuditRecordDraft}, exposed through delegating accessors.
 *
 * <p>{@link #canonicalBytes()} is the Merkle leaf input: compact JSON, keys sorted, absent optional fields left
 * out, integers in plain decimal. Every string is restricted ASCII (see {@link Codes}), so the encoding needs no
 * escaping and is the RFC 8785 (JCS) form of the same object; equal records give equal bytes on every JVM.
 */
public record AuditRecord(AuditRecordDraft draft, String logId, long sequence) {

  /** Version of the canonical encoding, written as field "v". */
  public static final int FORMAT_VERSION = 1;
  /**
   * Version 1 plus the optional field "source": written only by records that carry one, so the bytes (and leaf
   * hashes) of every other record are those of version 1, and a reader that knows only version 1 says
   * "unsupported record format version" rather than "unknown field".
   */
  public static final int SOURCE_FORMAT_VERSION = 2;
  private static final Set<String> FIELDS = Set.of("v", "stage", "outcome", "messageId", "inputDigest",
      "outputDigest", "phiCounts", "ruleIds", "policyVersion", "policyHash", "keyIds", "modelName", "modelVersion",
      "route", "instance", "eventTimeMs", "processingTimeMs", "logId", "sequence", "source");

  /** The draft is validated when it is built; here only the log coordinates are checked. */
  public AuditRecord {
    if (draft == null) {
      throw new IllegalArgumentException("draft is required");
    }
    if (partitionOf(logId, draft.stage()) < 0) {
      throw new IllegalArgumentException("logId must be <stage code>/<partition> of the record's stage");
    }
    if (sequence < 0) {
      throw new IllegalArgumentException("sequence must not be negative");
    }
  }

  public static AuditRecord of(AuditRecordDraft d, String logId, long sequence) {
    return new AuditRecord(d, logId, sequence);
  }

  public Stage stage() { return draft.stage(); }
  public String outcome() { return draft.outcome(); }
  public String messageId() { return draft.messageId(); }
  public String inputDigest() { return draft.inputDigest(); }
  public String outputDigest() { return draft.outputDigest(); }
  public SortedMap<String, Integer> phiCounts() { return draft.phiCounts(); }
  public List<String> ruleIds() { return draft.ruleIds(); }
  public String policyVersion() { return draft.policyVersion(); }
  public String policyHash() { return draft.policyHash(); }
  public List<String> keyIds() { return draft.keyIds(); }
  public String modelName() { return draft.modelName(); }
  public String modelVersion() { return draft.modelVersion(); }
  public String route() { return draft.route(); }
  public String instance() { return draft.instance(); }
  public long eventTimeMs() { return draft.eventTimeMs(); }
  public long processingTimeMs() { return draft.processingTimeMs(); }
  public String source() { return draft.source(); }

  /** The format version this record is written in: {@link #SOURCE_FORMAT_VERSION} when it has a source. */
  public int formatVersion() {
    return draft.source() == null ? FORMAT_VERSION : SOURCE_FORMAT_VERSION;
  }

  public static String logId(Stage stage, int partition) {
    if (partition < 0) {
      throw new IllegalArgumentException("partition must not be negative");
    }
    return stage.code() + "/" + partition;
  }

  /** The partition of a well-formed log id of {@code stage} (any stage when null), or -1. */
  static int partitionOf(String logId, Stage stage) {
    // Parsed by hand: this runs for every record and every state restore (see Codes for why not a regex).
    if (logId == null) {
      return -1;
    }
    int slash = logId.indexOf('/');
    if (slash <= 0 || slash == logId.length() - 1 || logId.length() - slash - 1 > 10) {
      return -1;
    }
    String code = logId.substring(0, slash);
    if (stage != null ? !stage.code().equals(code) : stageOfCode(code) == null) {
      return -1;
    }
    if (logId.charAt(slash + 1) == '0' && logId.length() > slash + 2) {
      return -1; // no leading zeros: one partition, one log id
    }
    long p = 0;
    for (int i = slash + 1; i < logId.length(); i++) {
      char c = logId.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      p = p * 10 + (c - '0');
    }
    return p > Integer.MAX_VALUE ? -1 : (int) p;
  }

  /** The stage of a well-formed log id, or null. */
  static Stage stageOf(String logId) {
    if (logId == null) {
      return null;
    }
    int slash = logId.indexOf('/');
    Stage s = slash <= 0 ? null : stageOfCode(logId.substring(0, slash));
    return s != null && partitionOf(logId, s) >= 0 ? s : null;
  }

  private static Stage stageOfCode(String code) {
    for (Stage s : Stage.values()) {
      if (s.code().equals(code)) {
        return s;
      }
    }
    return null;
  }

  public int partition() {
    return partitionOf(logId, draft.stage());
  }

  /**
   * The Merkle leaf input. Written by hand in sorted key order because it runs once per audited record: every
   * string has passed {@link Codes} (no quote, backslash, control or non-ASCII character), so no escaping is ever
   * needed, and the result equals Jackson's encoding of {@link #toTree()} (a test holds the two together).
   */
  public byte[] canonicalBytes() {
    StringBuilder sb = new StringBuilder(512);
    sb.append("{\"eventTimeMs\":").append(draft.eventTimeMs());
    str(sb, "inputDigest", draft.inputDigest());
    str(sb, "instance", draft.instance());
    list(sb, "keyIds", draft.keyIds());
    str(sb, "logId", logId);
    str(sb, "messageId", draft.messageId());
    str(sb, "modelName", draft.modelName());
    str(sb, "modelVersion", draft.modelVersion());
    str(sb, "outcome", draft.outcome());
    str(sb, "outputDigest", draft.outputDigest());
    sb.append(",\"phiCounts\":{");
    boolean first = true;
    for (Map.Entry<String, Integer> e : draft.phiCounts().entrySet()) {
      sb.append(first ? "\"" : ",\"").append(e.getKey()).append("\":").append(e.getValue().intValue());
      first = false;
    }
    sb.append('}');
    str(sb, "policyHash", draft.policyHash());
    str(sb, "policyVersion", draft.policyVersion());
    sb.append(",\"processingTimeMs\":").append(draft.processingTimeMs());
    str(sb, "route", draft.route());
    list(sb, "ruleIds", draft.ruleIds());
    sb.append(",\"sequence\":").append(sequence);
    str(sb, "source", draft.source());
    str(sb, "stage", draft.stage().code());
    sb.append(",\"v\":").append(formatVersion()).append('}');
    return sb.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static void str(StringBuilder sb, String key, String value) {
    if (value != null) {
      sb.append(",\"").append(key).append("\":\"").append(value).append('"');
    }
  }

  private static void list(StringBuilder sb, String key, List<String> values) {
    sb.append(",\"").append(key).append("\":[");
    for (int i = 0; i < values.size(); i++) {
      sb.append(i == 0 ? "\"" : ",\"").append(values.get(i)).append('"');
    }
    sb.append(']');
  }

  /** The record as a sorted map (what {@link #canonicalBytes()} encodes). */
  Map<String, Object> toTree() {
    TreeMap<String, Object> m = new TreeMap<>();
    m.put("v", formatVersion());
    m.put("stage", draft.stage().code());
    m.put("outcome", draft.outcome());
    m.put("messageId", draft.messageId());
    m.put("inputDigest", draft.inputDigest());
    putIfPresent(m, "outputDigest", draft.outputDigest());
    m.put("phiCounts", new TreeMap<>(draft.phiCounts()));
    m.put("ruleIds", draft.ruleIds());
    putIfPresent(m, "policyVersion", draft.policyVersion());
    putIfPresent(m, "policyHash", draft.policyHash());
    m.put("keyIds", draft.keyIds());
    putIfPresent(m, "modelName", draft.modelName());
    putIfPresent(m, "modelVersion", draft.modelVersion());
    putIfPresent(m, "route", draft.route());
    m.put("instance", draft.instance());
    m.put("eventTimeMs", draft.eventTimeMs());
    m.put("processingTimeMs", draft.processingTimeMs());
    m.put("logId", logId);
    m.put("sequence", sequence);
    putIfPresent(m, "source", draft.source());
    return m;
  }

  private static void putIfPresent(Map<String, Object> m, String k, String v) {
    if (v != null) {
      m.put(k, v);
    }
  }

  public static AuditRecord fromCanonicalBytes(byte[] json) {
    return fromJson(Json.read(json));
  }

  /** Strict inverse of {@link #toTree()}; throws {@link AuditException} (without values) on anything else. */
  static AuditRecord fromJson(JsonNode n) {
    if (n == null || !n.isObject()) {
      throw new AuditException("record must be a JSON object");
    }
    Json.onlyFields(n, FIELDS, "record");
    long v = Json.integer(n, "v");
    // one encoding per content: version 2 exactly when there is a source, so a record cannot be re-encoded
    // under the other version with the same content and another leaf hash
    if (v != (n.has("source") ? SOURCE_FORMAT_VERSION : FORMAT_VERSION)) {
      throw new AuditException("unsupported record format version");
    }
    try {
      return new AuditRecord(new AuditRecordDraft(
          Stage.fromCode(Json.text(n, "stage", true)),
          Json.text(n, "outcome", true),
          Json.text(n, "messageId", true),
          Json.text(n, "inputDigest", true),
          Json.text(n, "outputDigest", false),
          counts(n.get("phiCounts")),
          strings(n.get("ruleIds"), "ruleIds"),
          Json.text(n, "policyVersion", false),
          Json.text(n, "policyHash", false),
          strings(n.get("keyIds"), "keyIds"),
          Json.text(n, "modelName", false),
          Json.text(n, "modelVersion", false),
          Json.text(n, "route", false),
          Json.text(n, "instance", true),
          Json.integer(n, "eventTimeMs"),
          Json.integer(n, "processingTimeMs"),
          Json.text(n, "source", false)),
          Json.text(n, "logId", true),
          Json.integer(n, "sequence"));
    } catch (IllegalArgumentException e) {
      throw new AuditException("invalid record: " + e.getMessage());
    }
  }

  private static SortedMap<String, Integer> counts(JsonNode n) {
    if (n == null || !n.isObject()) {
      throw new AuditException("field phiCounts must be an object");
    }
    Map<String, Integer> m = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      if (!v.isIntegralNumber() || !v.canConvertToInt()) {
        throw new AuditException("phiCounts values must be integers");
      }
      m.put(e.getKey(), v.intValue());
    }
    return AuditRecordDraft.phiCounts(m);
  }

  private static List<String> strings(JsonNode n, String field) {
    if (n == null || !n.isArray()) {
      throw new AuditException("field " + field + " must be an array");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode v : n) {
      if (!v.isTextual()) {
        throw new AuditException("field " + field + " must hold strings");
      }
      out.add(v.textValue());
    }
    return out;
  }
}
