package io.phistream.audit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phistream.audit.checkpoint.Checkpoint;
import io.phistream.audit.checkpoint.CheckpointVerifier;
import io.phistream.audit.merkle.MerkleHash;
import io.phistream.audit.merkle.MerkleTree;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds, for one message id, RFC 9162 inclusion proofs of its audit records against the newest signed checkpoint
 * of each record's log that covers it and that the records present actually match. The output JSON is checked
 * offline by {@link ProofChecker} with only the public keyset:
 *
 * <pre>
 * {"format":"phi-stream-inclusion-proof/1","messageId":"...",
 *  "proofs":[{"logId":"deidentify/0","leafIndex":41,"treeSize":1000,"record":{...},"path":["base64",...],
 *             "checkpoint":"phi-stream/deidentify/0\n1000\n...\n\n— phi-stream-audit ...\n"}],
 *  "unproven":[{"logId":"score/1","sequence":7,"reason":"no signed checkpoint covers it yet"}]}
 * </pre>
 */
public final class InclusionProver {
  public static final String FORMAT = "phi-stream-inclusion-proof/1";

  private final Map<String, TreeMap<Long, AuditRecord>> records = new HashMap<>();
  private final Map<String, TreeMap<Long, CheckpointEntry>> checkpoints = new HashMap<>();
  private final Map<String, MerkleTree> trees = new HashMap<>();
  private final CheckpointVerifier verifier;
  private final String originPrefix;

  /**
   * @param entries the audit topic or an export
   * @param verifier when not null, checkpoints that do not verify are never used
   */
  public InclusionProver(Iterable<? extends AuditEntry> entries, CheckpointVerifier verifier, String originPrefix) {
    this.verifier = verifier;
    this.originPrefix = originPrefix;
    for (AuditEntry e : entries) {
      if (e instanceof RecordEntry r) {
        records.computeIfAbsent(r.logId(), k -> new TreeMap<>()).putIfAbsent(r.sequence(), r.record());
      } else if (e instanceof CheckpointEntry c) {
        checkpoints.computeIfAbsent(c.logId(), k -> new TreeMap<>()).putIfAbsent(c.size(), c);
      }
    }
  }

  public InclusionProver(Iterable<? extends AuditEntry> entries, CheckpointVerifier verifier) {
    this(entries, verifier, AuditLogConfig.DEFAULT_ORIGIN_PREFIX);
  }

  /** The proof document for {@code messageId} (empty "proofs" when the id has no record). */
  public String prove(String messageId) {
    return new String(Json.write(proofJson(messageId)), java.nio.charset.StandardCharsets.UTF_8);
  }

  public ObjectNode proofJson(String messageId) {
    Codes.code("messageId", messageId);
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("messageId", messageId);
    ArrayNode proofs = root.putArray("proofs");
    ArrayNode unproven = root.putArray("unproven");
    List<String> logIds = new ArrayList<>(records.keySet());
    logIds.sort(null);
    for (String logId : logIds) {
      for (AuditRecord r : records.get(logId).values()) {
        if (!r.messageId().equals(messageId)) {
          continue;
        }
        String reason = prove(logId, r, proofs);
        if (reason != null) {
          unproven.addObject().put("logId", logId).put("sequence", r.sequence()).put("reason", reason);
        }
      }
    }
    return root;
  }

  /** Adds a proof and returns null, or returns why none can be made. */
  private String prove(String logId, AuditRecord r, ArrayNode out) {
    MerkleTree tree = tree(logId);
    TreeMap<Long, CheckpointEntry> cps = checkpoints.getOrDefault(logId, new TreeMap<>());
    for (CheckpointEntry c : cps.descendingMap().values()) {
      if (c.size() <= r.sequence()) {
        break;
      }
      if (c.size() > tree.size()) {
        continue; // records missing below this size: its root cannot be matched
      }
      Checkpoint ck;
      if (verifier != null) {
        CheckpointVerifier.Result res = verifier.verify(c.note());
        if (!res.valid()) {
          continue;
        }
        ck = res.checkpoint();
      } else {
        try {
          ck = c.unverifiedCheckpoint();
        } catch (IllegalArgumentException e) {
          continue;
        }
      }
      if (!ck.origin().equals(originPrefix + logId) || ck.size() != c.size()
          || !MessageDigest.isEqual(tree.root(c.size()), ck.rootHash())) {
        continue;
      }
      ObjectNode p = out.addObject();
      p.put("logId", logId);
      p.put("leafIndex", r.sequence());
      p.put("treeSize", c.size());
      p.set("record", Json.MAPPER.valueToTree(r.toTree()));
      ArrayNode path = p.putArray("path");
      for (byte[] h : tree.inclusionProof(r.sequence(), c.size())) {
        path.add(Json.b64(h));
      }
      p.put("checkpoint", c.note());
      return null;
    }
    return "no signed checkpoint covers it yet";
  }

  /** The tree of the contiguous records 0..n-1 of a log. */
  private MerkleTree tree(String logId) {
    return trees.computeIfAbsent(logId, id -> {
      TreeMap<Long, AuditRecord> rs = records.get(id);
      List<byte[]> leaves = new ArrayList<>();
      MessageDigest md = MerkleHash.sha256();
      for (long i = 0; rs.containsKey(i); i++) {
        leaves.add(MerkleHash.leaf(md, rs.get(i).canonicalBytes()));
      }
      return new MerkleTree(leaves);
    });
  }
}
