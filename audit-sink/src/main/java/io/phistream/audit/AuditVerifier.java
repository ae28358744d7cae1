package io.phistream.audit;

import io.phistream.audit.Problem.Kind;
import io.phistream.audit.checkpoint.Checkpoint;
import io.phistream.audit.checkpoint.CheckpointVerifier;
import io.phistream.audit.merkle.MerkleFrontier;
import io.phistream.audit.merkle.MerkleHash;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Verifies audit entries as read from the topic or an export: recomputes every leaf and every checkpoint root,
 * checks every checkpoint signature against the trusted public keyset and the checkpoint hash chain, and reports
 * per log. Entries of a log may arrive in any interleaving with other logs; within a log, out-of-order arrival
 * is reported (REORDERED) and verification then proceeds in sequence order.
 *
 * <p>What cannot be detected: records appended after the newest checkpoint that survives are covered by no
 * signature, so deleting them together with every later checkpoint leaves no trace in the log itself. Two
 * defences narrow that window: {@link #expectCheckpointEvery} (the log signs at least every N records, so N or more
 * unsealed records mean a checkpoint was removed) and {@link #trustHead} (a checkpoint an auditor kept from an
 * earlier run; a log shorter than it is TRUNCATED).
 */
public final class AuditVerifier {
  private static final Pattern KEY = Pattern.compile("[rc]/([a-z]+/[0-9]+)/[0-9]{20}");

  private final CheckpointVerifier checkpoints;
  private String originPrefix = AuditLogConfig.DEFAULT_ORIGIN_PREFIX;
  private int checkpointEvery;
  private final Map<String, Checkpoint> trustedHeads = new HashMap<>();

  /** One Kafka record of the audit topic (key may be null for exports, where it is derived from the value). */
  public record RawEntry(String key, byte[] value) {}

  public AuditVerifier(CheckpointVerifier checkpoints) {
    this.checkpoints = checkpoints;
  }

  public AuditVerifier originPrefix(String prefix) {
    this.originPrefix = prefix;
    return this;
  }

  /** The logs were written with {@code AuditLogConfig.checkpointEveryRecords == n}. */
  public AuditVerifier expectCheckpointEvery(int n) {
    this.checkpointEvery = n;
    return this;
  }

  /** A signed checkpoint note kept by the auditor from an earlier verification; must verify. */
  public AuditVerifier trustHead(String signedNote) {
    CheckpointVerifier.Result r = checkpoints.verify(signedNote);
    if (!r.valid()) {
      throw new IllegalArgumentException("trusted head does not verify: " + r.status());
    }
    String logId = logOfOrigin(r.checkpoint().origin());
    if (logId == null) {
      throw new IllegalArgumentException("trusted head is not a checkpoint of this pipeline");
    }
    trustedHeads.put(logId, r.checkpoint());
    return this;
  }

  public VerifyReport verify(Iterable<? extends AuditEntry> entries) {
    List<RawEntry> raw = new ArrayList<>();
    for (AuditEntry e : entries) {
      raw.add(new RawEntry(e.key(), e.value()));
    }
    return verifyRaw(raw);
  }

  /** Verifies an export: one JSON entry per line; blank lines are skipped. */
  public VerifyReport verifyJsonLines(Reader in) throws IOException {
    List<RawEntry> raw = new ArrayList<>();
    BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
    for (String line; (line = r.readLine()) != null; ) {
      if (!line.isBlank()) {
        raw.add(new RawEntry(null, line.getBytes(StandardCharsets.UTF_8)));
      }
    }
    return verifyRaw(raw);
  }

  public VerifyReport verifyRaw(Iterable<RawEntry> entries) {
    Run run = new Run();
    int index = 0;
    for (RawEntry raw : entries) {
      index++;
      run.accept(raw, index);
    }
    return run.finish();
  }

  private String logOfOrigin(String origin) {
    if (!origin.startsWith(originPrefix)) {
      return null;
    }
    String logId = origin.substring(originPrefix.length());
    return AuditRecord.stageOf(logId) == null ? null : logId;
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  private static String shortHex(byte[] b) {
    return hex(b).substring(0, 16);
  }

  /** Per-log accumulation. */
  private static final class LogAcc {
    final String logId;
    final TreeMap<Long, AuditRecord> records = new TreeMap<>();
    final Map<Long, byte[]> leaves = new HashMap<>(); // recomputed from content, never the stored claim
    final TreeMap<Long, Checkpoint> checkpoints = new TreeMap<>();
    final List<Problem> problems = new ArrayList<>();
    long maxSeqSeen = -1;
    long maxCheckpointSeen = -1;

    LogAcc(String logId) {
      this.logId = logId;
    }
  }

  /** One verification pass. */
  private final class Run {
    final Map<String, LogAcc> logs = new LinkedHashMap<>();
    final List<Problem> unattributed = new ArrayList<>();

    LogAcc log(String logId) {
      return logs.computeIfAbsent(logId, LogAcc::new);
    }

    void problem(String logId, Kind kind, String where, String detail) {
      if (logId == null) {
        unattributed.add(new Problem(kind, "?", where, detail));
      } else {
        log(logId).problems.add(new Problem(kind, logId, where, detail));
      }
    }

    void accept(RawEntry raw, int index) {
      String input = "input #" + index;
      AuditEntry e;
      try {
        e = AuditEntry.parse(raw.value());
      } catch (RuntimeException ex) { // any parse failure is tampering; only our own messages are value-free
        String why = ex instanceof AuditException ? ex.getMessage() : ex.getClass().getSimpleName();
        problem(logOfKey(raw.key()), Kind.ALTERED, raw.key() != null ? raw.key() : input,
            "unreadable entry (" + why + ")");
        return;
      }
      if (!AuditEntry.isCanonical(e, raw.value())) {
        problem(e.logId(), Kind.ALTERED, e.key(), "entry bytes are not in canonical form");
      }
      if (raw.key() != null && !raw.key().equals(e.key())) {
        problem(e.logId(), Kind.ALTERED, input, "Kafka key does not match the entry content (" + e.key() + ")");
      }
      if (e instanceof RecordEntry r) {
        record(r);
      } else {
        checkpoint((CheckpointEntry) e);
      }
    }

    void record(RecordEntry r) {
      LogAcc acc = log(r.logId());
      long seq = r.sequence();
      String where = "seq " + seq;
      byte[] leaf = MerkleHash.leaf(r.record().canonicalBytes());
      if (!MessageDigest.isEqual(leaf, r.leafHash())) {
        problem(acc.logId, Kind.ALTERED, where, "record content does not match its leaf hash");
      }
      AuditRecord seen = acc.records.get(seq);
      if (seen != null) {
        if (seen.equals(r.record())) {
          problem(acc.logId, Kind.DUPLICATE, where, "record appears more than once");
        } else {
          problem(acc.logId, Kind.FORK, where, "two different records carry this sequence number");
        }
        return;
      }
      if (seq < acc.maxSeqSeen) {
        problem(acc.logId, Kind.REORDERED, where, "arrives after seq " + acc.maxSeqSeen);
      }
      acc.maxSeqSeen = Math.max(acc.maxSeqSeen, seq);
      acc.records.put(seq, r.record());
      acc.leaves.put(seq, leaf);
    }

    void checkpoint(CheckpointEntry c) {
      String where = "checkpoint " + c.size();
      CheckpointVerifier.Result res = checkpoints.verify(c.note());
      switch (res.status()) {
        case MALFORMED -> {
          problem(c.logId(), Kind.ALTERED, where, "checkpoint note is malformed (" + res.reason() + ")");
          return;
        }
        case UNSIGNED -> {
          problem(c.logId(), Kind.UNSIGNED, where, res.reason());
          return;
        }
        case BAD_SIGNATURE -> {
          problem(c.logId(), Kind.BAD_SIGNATURE, where, res.reason() + " (key id " + res.keyIdHex() + ")");
          return;
        }
        case VALID -> { }
      }
      Checkpoint ck = res.checkpoint();
      String origin = logOfOrigin(ck.origin());
      if (origin == null || !origin.equals(c.logId()) || ck.size() != c.size()) {
        problem(c.logId(), Kind.REPLAYED_CHECKPOINT, where,
            "signed checkpoint belongs to " + (origin == null ? "another origin" : origin + " size " + ck.size()));
        return;
      }
      LogAcc acc = log(origin);
      Checkpoint seen = acc.checkpoints.get(ck.size());
      if (seen != null) {
        if (seen.equals(ck)) {
          problem(acc.logId, Kind.REPLAYED_CHECKPOINT, where, "checkpoint appears again after "
              + (acc.maxCheckpointSeen > ck.size() ? "checkpoint " + acc.maxCheckpointSeen : "itself"));
        } else {
          problem(acc.logId, Kind.FORK, where, "two different signed checkpoints for this size");
        }
        return;
      }
      if (ck.size() < acc.maxCheckpointSeen) {
        problem(acc.logId, Kind.REORDERED, where, "arrives after checkpoint " + acc.maxCheckpointSeen);
      }
      acc.maxCheckpointSeen = Math.max(acc.maxCheckpointSeen, ck.size());
      acc.checkpoints.put(ck.size(), ck);
    }

    VerifyReport finish() {
      for (String logId : trustedHeads.keySet()) {
        log(logId);
      }
      List<VerifyReport.LogReport> reports = new ArrayList<>();
      List<Problem> all = new ArrayList<>();
      for (LogAcc acc : new TreeMap<>(logs).values()) {
        reports.add(finishLog(acc));
        all.addAll(acc.problems);
      }
      all.addAll(unattributed);
      return new VerifyReport(reports, all);
    }

    VerifyReport.LogReport finishLog(LogAcc acc) {
      String id = acc.logId;
      long maxSeq = acc.records.isEmpty() ? -1 : acc.records.lastKey();
      long contiguous = 0;
      while (acc.records.containsKey(contiguous)) {
        contiguous++;
      }
      // GAP: holes below the highest sequence present.
      long expect = 0;
      for (long seq : acc.records.keySet()) {
        if (seq > expect) {
          problem(id, Kind.GAP, seq - 1 == expect ? "seq " + expect : "seq " + expect + ".." + (seq - 1),
              (seq - expect) + " record(s) missing between present records");
        }
        expect = seq + 1;
      }

      // Roots of the contiguous prefix at every checkpoint size and at the trusted head.
      Checkpoint head = trustedHeads.get(id);
      TreeSet<Long> targets = new TreeSet<>(acc.checkpoints.keySet());
      if (head != null) {
        targets.add(head.size());
      }
      Map<Long, byte[]> roots = new HashMap<>();
      MerkleFrontier f = new MerkleFrontier();
      for (long size : targets) {
        if (size > contiguous) {
          break;
        }
        while (f.size() < size) {
          f.append(acc.leaves.get(f.size()));
        }
        roots.put(size, f.root());
      }

      // Signed roots and the checkpoint hash chain.
      Map<String, Long> sizeByHash = new HashMap<>();
      for (Checkpoint c : acc.checkpoints.values()) {
        sizeByHash.put(hex(c.hash()), c.size());
      }
      long verified = 0;
      Checkpoint previous = null;
      for (Checkpoint c : acc.checkpoints.values()) {
        String where = "checkpoint " + c.size();
        if (c.isFirst()) {
          if (previous != null) {
            problem(id, Kind.FORK, where, "starts a second checkpoint chain");
          }
        } else {
          Long prevSize = sizeByHash.get(hex(c.previousHash()));
          if (prevSize == null) {
            problem(id, Kind.MISSING, where, "its previous checkpoint (hash " + shortHex(c.previousHash())
                + "...) is absent");
          } else if (previous == null || prevSize != previous.size()) {
            problem(id, Kind.FORK, where, "extends checkpoint " + prevSize + ", not the preceding checkpoint "
                + (previous == null ? "(none)" : previous.size()));
          }
        }
        byte[] root = roots.get(c.size());
        if (root != null) {
          if (MessageDigest.isEqual(root, c.rootHash())) {
            verified = c.size();
          } else {
            problem(id, Kind.ALTERED, where, "records 0.." + (c.size() - 1) + " do not match the signed root");
          }
        }
        previous = c;
      }
      long latest = acc.checkpoints.isEmpty() ? 0 : acc.checkpoints.lastKey();
      if (latest > maxSeq + 1) {
        problem(id, Kind.TRUNCATED, "checkpoint " + latest, (latest - maxSeq - 1)
            + " record(s) at the end of the log are absent (last present seq " + maxSeq + ")");
      }
      long unsealed = Math.max(0, maxSeq + 1 - latest);
      if (checkpointEvery > 0 && unsealed >= checkpointEvery) {
        problem(id, Kind.MISSING, "after checkpoint " + latest, unsealed
            + " records without a checkpoint, but the log signs one every " + checkpointEvery + " records");
      }
      if (head != null) {
        checkHead(acc, head, roots.get(head.size()), latest, maxSeq);
      }
      return new VerifyReport.LogReport(id, acc.records.size(), acc.checkpoints.size(), contiguous, verified,
          unsealed, List.copyOf(acc.problems));
    }

    void checkHead(LogAcc acc, Checkpoint head, byte[] root, long latest, long maxSeq) {
      String where = "trusted checkpoint " + head.size();
      Checkpoint same = acc.checkpoints.get(head.size());
      if (same != null) {
        if (!same.equals(head)) {
          problem(acc.logId, Kind.FORK, where, "the log holds a different checkpoint for this size");
        }
        return;
      }
      if (root != null) {
        if (!MessageDigest.isEqual(root, head.rootHash())) {
          problem(acc.logId, Kind.FORK, where, "records do not match the trusted root");
        } else if (head.size() > latest) {
          problem(acc.logId, Kind.MISSING, where, "checkpoint absent from the log (records match it)");
        }
      } else if (head.size() > maxSeq + 1) {
        problem(acc.logId, Kind.TRUNCATED, where, "log ends at seq " + maxSeq + ", before the trusted size");
      }
    }

    String logOfKey(String key) {
      if (key == null) {
        return null;
      }
      Matcher m = KEY.matcher(key);
      return m.matches() && AuditRecord.stageOf(m.group(1)) != null ? m.group(1) : null;
    }
  }
}
