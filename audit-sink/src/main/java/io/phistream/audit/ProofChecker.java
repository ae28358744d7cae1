package io.phistream.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.crypto.tink.KeysetHandle;
import io.phistream.audit.checkpoint.CheckpointVerifier;
import io.phistream.audit.merkle.MerkleHash;
import io.phistream.audit.merkle.MerkleTree;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Checks an {@link InclusionProver} document offline, with only the public keyset: every checkpoint must carry a
 * valid signature of a trusted key, name the record's log as its origin, and the record (re-encoded canonically)
 * must hash along the audit path to the signed root.
 */
public final class ProofChecker {

  /**
   * @param ok at least one proof, and every proof verified
   * @param proven number of verified proofs
   * @param failures one line per failed proof (ids and reasons only)
   * @param unproven records the prover listed as not yet covered by a checkpoint
   * @param readable false when the text is not a proof document at all (not JSON, another format, no proofs array,
   *     no message id): then the input is wrong, not the log, and {@code failures} holds the one reason
   * @param messageId the document's message id (a code), null when not readable
   * @param records what each verified proof proved, in document order
   */
  public record Result(boolean ok, int proven, List<String> failures, int unproven, boolean readable,
                       String messageId, List<Proven> records) {
    public Result {
      failures = List.copyOf(failures);
      records = List.copyOf(records);
    }

    static Result unreadable(String reason) {
      return new Result(false, 0, List.of(reason), 0, false, null, List.of());
    }
  }

  /**
   * One verified proof: record {@code leafIndex} of log {@code logId} (its stage's outcome word) is included in the
   * checkpoint of size {@code treeSize} that a trusted key signed. Codes and numbers only, as in the record.
   */
  public record Proven(String logId, long leafIndex, long treeSize, String outcome) {}

  private ProofChecker() {}

  public static Result check(String json, KeysetHandle publicKeyset) throws GeneralSecurityException {
    return check(json, new CheckpointVerifier(publicKeyset), AuditLogConfig.DEFAULT_ORIGIN_PREFIX);
  }

  public static Result check(String json, CheckpointVerifier verifier, String originPrefix) {
    List<String> failures = new ArrayList<>();
    JsonNode doc;
    try {
      doc = Json.read(json.getBytes(StandardCharsets.UTF_8));
      if (!InclusionProver.FORMAT.equals(Json.text(doc, "format", true))) {
        return Result.unreadable("unknown proof format");
      }
    } catch (AuditException e) {
      return Result.unreadable("unreadable proof: " + e.getMessage());
    }
    // a code, as in every record: a document whose id is not one proves nothing and must not be echoed
    String messageId = doc.path("messageId").asText("");
    if (!Codes.isCode(messageId)) {
      return Result.unreadable("proof document has no valid messageId");
    }
    JsonNode proofs = doc.get("proofs");
    if (proofs == null || !proofs.isArray()) {
      return Result.unreadable("proof document has no proofs array");
    }
    List<Proven> records = new ArrayList<>();
    int i = 0;
    for (JsonNode p : proofs) {
      String failure = checkOne(p, messageId, verifier, originPrefix, records);
      if (failure != null) {
        failures.add("proof #" + i + ": " + failure);
      }
      i++;
    }
    int unproven = doc.path("unproven").size();
    int proven = records.size();
    return new Result(proven > 0 && failures.isEmpty(), proven, failures, unproven, true, messageId, records);
  }

  /** Adds what {@code p} proves to {@code out} and returns null, or returns why it proves nothing. */
  private static String checkOne(JsonNode p, String messageId, CheckpointVerifier verifier, String originPrefix,
                                 List<Proven> out) {
    try {
      String logId = Json.text(p, "logId", true);
      long index = Json.integer(p, "leafIndex");
      long size = Json.integer(p, "treeSize");
      CheckpointVerifier.Result res = verifier.verify(Json.text(p, "checkpoint", true));
      if (!res.valid()) {
        return "checkpoint " + res.status() + " (" + res.reason() + ")";
      }
      if (!res.checkpoint().origin().equals(originPrefix + logId) || res.checkpoint().size() != size) {
        return "checkpoint is not of log " + logId + " at size " + size;
      }
      AuditRecord r = AuditRecord.fromJson(p.get("record"));
      if (!r.logId().equals(logId) || r.sequence() != index || !r.messageId().equals(messageId)) {
        return "record does not match the proof's log, index or message id";
      }
      List<byte[]> path = new ArrayList<>();
      for (JsonNode h : p.path("path")) {
        path.add(Base64.getDecoder().decode(h.asText()));
      }
      byte[] leaf = MerkleHash.leaf(r.canonicalBytes());
      if (!MerkleTree.verifyInclusion(index, size, leaf, path, res.checkpoint().rootHash())) {
        return "inclusion path does not lead to the signed root";
      }
      out.add(new Proven(logId, index, size, r.outcome()));
      return null;
    } catch (AuditException | IllegalArgumentException e) {
      return "malformed proof (" + e.getMessage() + ")";
    }
  }
}
