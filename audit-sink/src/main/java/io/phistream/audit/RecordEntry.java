package io.phistream.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.phistream.audit.merkle.MerkleHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import java.util.TreeMap;

/**
 * An audit record with the leaf hash its log computed when appending it. The leaf hash is a convenience for
 * pinpointing a changed record; it is not trusted: verification recomputes it, and only signed checkpoint roots
 * are evidence.
 */
public record RecordEntry(AuditRecord record, byte[] leafHash) implements AuditEntry {
  static final String KIND = "record";
  private static final Set<String> FIELDS = Set.of("kind", "leaf", "record");

  public RecordEntry {
    if (record == null || leafHash == null || leafHash.length != MerkleHash.SIZE) {
      throw new IllegalArgumentException("a record entry needs a record and a 32-byte leaf hash");
    }
    leafHash = leafHash.clone();
  }

  /** An entry whose leaf hash is computed from the record. */
  public static RecordEntry of(AuditRecord record) {
    return new RecordEntry(record, MerkleHash.leaf(record.canonicalBytes()));
  }

  @Override
  public byte[] leafHash() {
    return leafHash.clone();
  }

  /** True when the stored leaf hash is the leaf hash of the record's canonical bytes. */
  public boolean leafMatches() {
    return MessageDigest.isEqual(leafHash, MerkleHash.leaf(record.canonicalBytes()));
  }

  @Override
  public String key() {
    return AuditEntry.recordKey(record.logId(), record.sequence());
  }

  @Override
  public String logId() {
    return record.logId();
  }

  public long sequence() {
    return record.sequence();
  }

  /** {"kind":"record","leaf":...,"record":...}: concatenated by hand (hot path); equal to {@link #jacksonValue()}. */
  @Override
  public byte[] value() {
    byte[] head = ("{\"kind\":\"" + KIND + "\",\"leaf\":\"" + Json.b64(leafHash) + "\",\"record\":")
        .getBytes(StandardCharsets.US_ASCII);
    byte[] body = record.canonicalBytes();
    byte[] out = new byte[head.length + body.length + 1];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(body, 0, out, head.length, body.length);
    out[out.length - 1] = '}';
    return out;
  }

  /** The same value encoded by Jackson from a sorted map; for tests. */
  byte[] jacksonValue() {
    TreeMap<String, Object> m = new TreeMap<>();
    m.put("kind", KIND);
    m.put("leaf", Json.b64(leafHash));
    m.put("record", record.toTree());
    return Json.write(m);
  }

  static RecordEntry fromJson(JsonNode n) {
    Json.onlyFields(n, FIELDS, "record entry");
    byte[] leaf = Json.base64(n, "leaf");
    if (leaf.length != MerkleHash.SIZE) {
      throw new AuditException("leaf hash must be 32 bytes");
    }
    return new RecordEntry(AuditRecord.fromJson(n.get("record")), leaf);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecordEntry r && r.record.equals(record) && MessageDigest.isEqual(r.leafHash, leafHash);
  }

  @Override
  public int hashCode() {
    return record.hashCode();
  }

  @Override
  public String toString() {
    return "RecordEntry[" + key() + "]";
  }
}
