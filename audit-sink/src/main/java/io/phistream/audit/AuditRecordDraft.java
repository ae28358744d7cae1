package io.phistream.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a stage reports about one message; {@link AuditLog#append} turns it into an {@link AuditRecord} by giving
 * it the log coordinates. Optional fields are null when they do not apply (no output after a parse failure, no
 * model outside scoring). All fields are validated here, so a draft that exists is PHI-free by shape.
 *
 * @param phiCounts PHI type code to the number of values found; never the values
 * @param ruleIds detector/policy rule ids that fired; kept sorted and distinct (a set)
 * @param keyIds ids of the keys used (tokenisation, encryption, digests); kept sorted and distinct
 * @param source where the decided input was read, {@code topic/partition/offset} of the ingest record (see
 *     {@link Codes#isSource}); set by the stages that decide about an ingest record (gate, de-identification) so
 *     that an auditor can go from an input to its records without reading it; null elsewhere
 */
public record AuditRecordDraft(
    Stage stage,
    String outcome,
    String messageId,
    String inputDigest,
    String outputDigest,
    SortedMap<String, Integer> phiCounts,
    List<String> ruleIds,
    String policyVersion,
    String policyHash,
    List<String> keyIds,
    String modelName,
    String modelVersion,
    String route,
    String instance,
    long eventTimeMs,
    long processingTimeMs,
    String source) {

  public AuditRecordDraft {
    if (stage == null) {
      throw new IllegalArgumentException("stage is required");
    }
    Codes.code("outcome", outcome);
    Codes.code("messageId", messageId);
    Codes.digest("inputDigest", inputDigest);
    Codes.optionalDigest("outputDigest", outputDigest);
    phiCounts = phiCounts(phiCounts);
    ruleIds = codeSet("ruleIds", ruleIds);
    Codes.optionalCode("policyVersion", policyVersion);
    Codes.optionalCode("policyHash", policyHash);
    keyIds = codeSet("keyIds", keyIds);
    Codes.optionalCode("modelName", modelName);
    Codes.optionalCode("modelVersion", modelVersion);
    Codes.optionalCode("route", route);
    Codes.code("instance", instance);
    if (eventTimeMs < 0 || processingTimeMs < 0) {
      throw new IllegalArgumentException("times must not be negative");
    }
    Codes.optionalSource("source", source);
  }

  /** A draft without a source (every stage but those deciding about an ingest record). */
  public AuditRecordDraft(Stage stage, String outcome, String messageId, String inputDigest, String outputDigest,
                          SortedMap<String, Integer> phiCounts, List<String> ruleIds, String policyVersion,
                          String policyHash, List<String> keyIds, String modelName, String modelVersion,
                          String route, String instance, long eventTimeMs, long processingTimeMs) {
    this(stage, outcome, messageId, inputDigest, outputDigest, phiCounts, ruleIds, policyVersion, policyHash, keyIds,
        modelName, modelVersion, route, instance, eventTimeMs, processingTimeMs, null);
  }

  static SortedMap<String, Integer> phiCounts(Map<String, Integer> in) {
    TreeMap<String, Integer> out = new TreeMap<>();
    if (in != null) {
      for (Map.Entry<String, Integer> e : in.entrySet()) {
        Integer n = e.getValue();
        if (n == null || n < 0) {
          throw new IllegalArgumentException("phiCounts values must be counts >= 0");
        }
        out.put(Codes.phiType(e.getKey()), n);
      }
    }
    return Collections.unmodifiableSortedMap(out);
  }

  static List<String> codeSet(String field, Collection<String> in) {
    TreeSet<String> out = new TreeSet<>();
    if (in != null) {
      for (String s : in) {
        out.add(Codes.code(field, s));
      }
    }
    return List.copyOf(out);
  }

  public static Builder builder(Stage stage, String messageId) {
    return new Builder(stage, messageId);
  }

  /** Fluent construction; the record constructor validates on {@link #build()}. */
  public static final class Builder {
    private final Stage stage;
    private final String messageId;
    private String outcome = "ok";
    private String inputDigest;
    private String outputDigest;
    private final TreeMap<String, Integer> phiCounts = new TreeMap<>();
    private final List<String> ruleIds = new ArrayList<>();
    private String policyVersion;
    private String policyHash;
    private final List<String> keyIds = new ArrayList<>();
    private String modelName;
    private String modelVersion;
    private String route;
    private String instance;
    private long eventTimeMs;
    private long processingTimeMs;
    private String source;

    private Builder(Stage stage, String messageId) {
      this.stage = stage;
      this.messageId = messageId;
    }

    public Builder outcome(String v) { outcome = v; return this; }
    public Builder inputDigest(String v) { inputDigest = v; return this; }
    public Builder outputDigest(String v) { outputDigest = v; return this; }
    public Builder phiCount(String type, int n) { phiCounts.merge(type, n, Integer::sum); return this; }
    public Builder phiCounts(Map<String, Integer> m) { m.forEach(this::phiCount); return this; }
    public Builder ruleId(String v) { ruleIds.add(v); return this; }
    public Builder ruleIds(Collection<String> v) { ruleIds.addAll(v); return this; }
    public Builder policy(String version, String hash) { policyVersion = version; policyHash = hash; return this; }
    public Builder keyId(String v) { keyIds.add(v); return this; }
    public Builder model(String name, String version) { modelName = name; modelVersion = version; return this; }
    public Builder route(String v) { route = v; return this; }
    public Builder instance(String v) { instance = v; return this; }
    public Builder eventTimeMs(long v) { eventTimeMs = v; return this; }
    public Builder processingTimeMs(long v) { processingTimeMs = v; return this; }
    public Builder source(String v) { source = v; return this; }

    public AuditRecordDraft build() {
      return new AuditRecordDraft(stage, outcome, messageId, inputDigest, outputDigest, phiCounts, ruleIds,
          policyVersion, policyHash, keyIds, modelName, modelVersion, route, instance, eventTimeMs, processingTimeMs,
          source);
    }
  }
}
