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
   */
  public record Result(boolean ok, int proven, List<String> failures, int unproven) {}

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
        return new Result(false, 0, List.of("unknown proof format"), 0);
      }
    } catch (AuditException e) {
      return new Result(false, 0, List.of("unreadable proof: " + e.getMessage()), 0);
    }
    String messageId = doc.path("messageId").asText("");
    JsonNode proofs = doc.get("proofs");
    if (proofs == null || !proofs.isArray()) {
      return new Result(false, 0, List.of("proof document has no proofs array"), 0);
    }
    int proven = 0;
    int i = 0;
    for (JsonNode p : proofs) {
      String failure = checkOne(p, messageId, verifier, originPrefix);
      if (failure == null) {
        proven++;
      } else {
        failures.add("proof #" + i + ": " + failure);
      }
      i++;
    }
    int unproven = doc.path("unproven").size();
    return new Result(proven > 0 && failures.isEmpty(), proven, List.copyOf(failures), unproven);
  }

  private static String checkOne(JsonNode p, String messageId, CheckpointVerifier verifier, String originPrefix) {
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
      return null;
    } catch (AuditException | IllegalArgumentException e) {
      return "malformed proof (" + e.getMessage() + ")";
    }
  }
}
