package io.phistream.audit.bench;

import io.phistream.audit.AuditEntry;
import io.phistream.audit.AuditLog;
import io.phistream.audit.AuditLogConfig;
import io.phistream.audit.AuditRecordDraft;
import io.phistream.audit.Stage;
import io.phistream.audit.TestKeys;
import io.phistream.audit.checkpoint.Checkpoint;
import io.phistream.audit.checkpoint.CheckpointVerifier;
import io.phistream.audit.merkle.MerkleFrontier;
import io.phistream.audit.merkle.MerkleHash;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Audit cost per record and per checkpoint. Run (a few seconds per benchmark on 2 shared cores):
 * see audit-sink/README.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AuditBench {
  private AuditLog noCheckpoints;
  private AuditLog every1000;
  private AuditRecordDraft draft;
  private TestKeys keys;
  private Checkpoint checkpoint;
  private String note;
  private CheckpointVerifier verifier;
  private MerkleFrontier frontier;
  private byte[] canonical;
  private long clock;
  private io.phistream.audit.AuditRecord record;
  private byte[] store;
  private final java.util.List<AuditEntry> export = new java.util.ArrayList<>();
  private final AuditLogConfig storeConfig = new AuditLogConfig(1000, Long.MAX_VALUE);

  @Setup
  public void setup() throws GeneralSecurityException {
    keys = TestKeys.raw();
    verifier = keys.verifier();
    draft = AuditRecordDraft.builder(Stage.DEIDENTIFY, "msg-000123")
        .inputDigest("ab".repeat(37)).outputDigest("cd".repeat(37))
        .phiCount("NAME", 2).phiCount("DATE", 3).phiCount("MRN", 1).phiCount("ADDRESS", 1)
        .ruleId("hl7.pid.5").ruleId("hl7.pid.11").ruleId("free-text.name")
        .policy("policy-2026.1", "sha256:0123456789abcdef").keyId("tok-key-1").keyId("digest-key-1")
        .instance("node-a").eventTimeMs(1_767_225_600_000L).processingTimeMs(1_767_225_600_050L).build();
    noCheckpoints = AuditLog.create(new AuditLogConfig(Integer.MAX_VALUE, Long.MAX_VALUE), keys.signer,
        Stage.DEIDENTIFY, 0, () -> clock);
    every1000 = AuditLog.create(new AuditLogConfig(1000, Long.MAX_VALUE), keys.signer, Stage.DEIDENTIFY, 1,
        () -> clock);
    checkpoint = new Checkpoint("phi-stream/deidentify/0", 123_456, MerkleHash.leaf(new byte[] {1}),
        Checkpoint.NO_PREVIOUS, 1_767_225_600_000L);
    note = keys.signer.sign(checkpoint);
    frontier = new MerkleFrontier();
    store = io.phistream.audit.AuditLogState.initial("deidentify/2").toBytes();
    AuditLog exported = AuditLog.create(new AuditLogConfig(1000, Long.MAX_VALUE), keys.signer, Stage.DEIDENTIFY, 3,
        () -> clock);
    for (int i = 0; i < 10_000; i++) {
      export.addAll(exported.append(draft));
    }
    if (export.size() != 10_010) {
      throw new IllegalStateException("expected 10,010 entries");
    }
    record = io.phistream.audit.AuditRecord.of(draft, "deidentify/0", 0);
    canonical = record.canonicalBytes();
  }

  /** Record + canonical JSON + leaf hash + frontier append, no signing. */
  @Benchmark
  public List<AuditEntry> appendRecord() {
    return noCheckpoints.append(draft);
  }

  /** The processor's full path per record: load state bytes, rebuild the log, append, store state bytes. */
  @Benchmark
  public List<AuditEntry> loadAppendStore() {
    AuditLog log = AuditLog.restore(storeConfig, keys.signer, "deidentify/2", store, () -> clock);
    List<AuditEntry> out = log.append(draft);
    store = log.stateBytes();
    return out;
  }

  /** As the pipeline runs it: a signed checkpoint every 1000 records (amortised). */
  @Benchmark
  public List<AuditEntry> appendRecordCheckpointEvery1000() {
    return every1000.append(draft);
  }

  /** The Merkle part alone: leaf hash of a ~500-byte record and frontier append. */
  @Benchmark
  public long leafHashAndFrontierAppend() {
    return frontier.append(MerkleHash.leaf(canonical));
  }

  /** Building (and validating) the record from a draft. */
  @Benchmark
  public io.phistream.audit.AuditRecord recordOf() {
    return io.phistream.audit.AuditRecord.of(draft, "deidentify/0", 42);
  }

  /** The canonical JSON encoding alone. */
  @Benchmark
  public byte[] canonicalBytes() {
    return record.canonicalBytes();
  }

  /** Ed25519 signing of one checkpoint note (Tink). */
  @Benchmark
  public String signCheckpoint() throws GeneralSecurityException {
    return keys.signer.sign(checkpoint);
  }

  /** Offline verification of an export: 10,000 records with a checkpoint every 1000; score is entries/s. */
  @Benchmark
  @org.openjdk.jmh.annotations.OperationsPerInvocation(10_010)
  public boolean verifyExportPerEntry() {
    return new io.phistream.audit.AuditVerifier(verifier).verify(export).ok();
  }

  /** Parse and verify one signed checkpoint note. */
  @Benchmark
  public boolean verifyCheckpoint() {
    return verifier.verify(note).valid();
  }
}
