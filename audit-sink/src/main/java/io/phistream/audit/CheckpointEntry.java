package io.phistream.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.phistream.audit.checkpoint.Checkpoint;
import io.phistream.audit.checkpoint.SignedNote;
import java.util.Set;
import java.util.TreeMap;

/**
 * A signed checkpoint of one log. {@code logId} and {@code size} repeat what the signed note says so that the key
 * can be derived without parsing the note; the verifier checks that they agree with the signed text.
 */
public record CheckpointEntry(String logId, long size, String note) implements AuditEntry {
  static final String KIND = "checkpoint";
  private static final Set<String> FIELDS = Set.of("kind", "logId", "size", "note");

  public CheckpointEntry {
    if (AuditRecord.stageOf(logId) == null || size < 1 || note == null || note.isEmpty()) {
      throw new IllegalArgumentException("a checkpoint entry needs a log id, a size >= 1 and a note");
    }
  }

  @Override
  public String key() {
    return AuditEntry.checkpointKey(logId, size);
  }

  /** The checkpoint as the note states it, NOT verified: use a CheckpointVerifier before trusting it. */
  public Checkpoint unverifiedCheckpoint() {
    return Checkpoint.parse(SignedNote.parse(note).text());
  }

  @Override
  public byte[] value() {
    TreeMap<String, Object> m = new TreeMap<>();
    m.put("kind", KIND);
    m.put("logId", logId);
    m.put("size", size);
    m.put("note", note);
    return Json.write(m);
  }

  static CheckpointEntry fromJson(JsonNode n) {
    Json.onlyFields(n, FIELDS, "checkpoint entry");
    try {
      return new CheckpointEntry(Json.text(n, "logId", true), Json.integer(n, "size"), Json.text(n, "note", true));
    } catch (IllegalArgumentException e) {
      throw new AuditException("invalid checkpoint entry: " + e.getMessage());
    }
  }

  @Override
  public String toString() {
    return "CheckpointEntry[" + key() + "]";
  }
}
