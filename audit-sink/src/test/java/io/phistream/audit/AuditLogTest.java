package io.phistream.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.signature.Ed25519PrivateKey;
import io.phistream.audit.checkpoint.Checkpoint;
import io.phistream.audit.checkpoint.CheckpointSigner;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class AuditLogTest {
  final TestKeys keys = TestKeys.raw();

  @Test
  void givenACheckpointEvery10Records_when25Appended_thenCheckpointsFollowRecords10And20AndKeysAreUnique() {
    List<AuditEntry> entries = Fixtures.log(keys, Stage.DEIDENTIFY, 3, 25, 10);

    assertThat(entries).hasSize(27);
    assertThat(entries.get(10)).isInstanceOf(CheckpointEntry.class);
    assertThat(entries.get(21)).isInstanceOf(CheckpointEntry.class);
    assertThat(entries.get(0).key()).isEqualTo("r/deidentify/3/00000000000000000000");
    assertThat(entries.get(10).key()).isEqualTo("c/deidentify/3/00000000000000000010");
    Set<String> keysSeen = new HashSet<>();
    for (AuditEntry e : entries) {
      assertThat(keysSeen.add(e.key())).as("unique key %s", e.key()).isTrue();
      assertThat(e.value()).isNotEmpty();
    }
    Checkpoint second = ((CheckpointEntry) entries.get(21)).unverifiedCheckpoint();
    Checkpoint first = ((CheckpointEntry) entries.get(10)).unverifiedCheckpoint();
    assertThat(first.isFirst()).isTrue();
    assertThat(second.previousHash()).isEqualTo(first.hash());
    assertThat(second.origin()).isEqualTo("phi-stream/deidentify/3");

    VerifyReport report = new AuditVerifier(keys.verifier()).expectCheckpointEvery(10).verify(entries);
    assertThat(report.ok()).as(report.render()).isTrue();
    assertThat(report.log("deidentify/3").records()).isEqualTo(25);
    assertThat(report.log("deidentify/3").checkpoints()).isEqualTo(2);
    assertThat(report.log("deidentify/3").verifiedSize()).isEqualTo(20);
    assertThat(report.log("deidentify/3").unsealed()).isEqualTo(5);
  }

  @Test
  void givenEntriesOfOneLog_whenPartitioned_thenAllGoToOnePartitionSoTheLogStaysInOrder() {
    Set<Integer> partitions = new HashSet<>();
    for (AuditEntry e : Fixtures.log(keys, Stage.DEIDENTIFY, 3, 25, 10)) {
      partitions.add(e.auditPartition(6));
    }
    assertThat(partitions).hasSize(1);
    assertThat(partitions.iterator().next()).isBetween(0, 5);
  }

  @Test
  void givenATimeInterval_whenTheOldestUnsealedRecordReachesIt_thenTheNextAppendOrThePunctuatorSigns() {
    Fixtures.Clock clock = new Fixtures.Clock();
    AuditLog log = AuditLog.create(new AuditLogConfig(1000, 100), keys.signer, Stage.SCORE, 0, clock::get);

    assertThat(log.append(Fixtures.draft(Stage.SCORE, 0))).hasSize(1);
    assertThat(log.checkpointIfDue()).isEmpty();
    clock.advance(100);
    List<AuditEntry> second = log.append(Fixtures.draft(Stage.SCORE, 1));
    assertThat(second).hasSize(2);
    assertThat(((CheckpointEntry) second.get(1)).size()).isEqualTo(2);

    clock.advance(500);
    assertThat(log.checkpointIfDue()).as("nothing unsealed").isEmpty();
    assertThat(log.append(Fixtures.draft(Stage.SCORE, 2))).as("the interval runs from the oldest unsealed record")
        .hasSize(1);
    assertThat(log.checkpointIfDue()).isEmpty();
    clock.advance(100);
    assertThat(log.checkpointIfDue()).hasValueSatisfying(c -> assertThat(c.size()).isEqualTo(3));
    assertThat(log.checkpointNow()).isEmpty();
  }

  @Test
  void givenPersistedStateBytes_whenTheLogIsRebuiltAfterACrash_thenItContinuesByteForByteLikeAnUninterruptedLog() {
    Fixtures.Clock c1 = new Fixtures.Clock();
    AuditLog straight = AuditLog.create(new AuditLogConfig(7, 60_000), keys.signer, Stage.PARSE, 1, c1::get);
    List<AuditEntry> expected = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      c1.advance(3);
      expected.addAll(straight.append(Fixtures.draft(Stage.PARSE, i)));
    }

    Fixtures.Clock c2 = new Fixtures.Clock();
    AuditLogConfig cfg = new AuditLogConfig(7, 60_000);
    byte[] store = null; // the state store starts empty
    List<AuditEntry> written = new ArrayList<>();
    AuditLog log = AuditLog.restore(cfg, keys.signer, "parse/1", store, c2::get);
    for (int i = 0; i < 40; i++) {
      if (i % 9 == 5) { // crash: all in-memory state lost, rebuild from the store
        log = i % 2 == 0 ? AuditLog.restore(cfg, keys.signer, "parse/1", store, c2::get)
            : new AuditLog(cfg, keys.signer, AuditLogState.fromBytes(store), c2::get);
      }
      c2.advance(3);
      List<AuditEntry> out = log.append(Fixtures.draft(Stage.PARSE, i));
      written.addAll(out);         // one exactly-once transaction: outputs ...
      store = log.stateBytes();    // ... and the changelogged state commit together
      assertThat(store).isEqualTo(log.state().toBytes());
    }

    assertThat(values(written)).containsExactlyElementsOf(values(expected));
    VerifyReport report = new AuditVerifier(keys.verifier()).expectCheckpointEvery(7).verify(written);
    assertThat(report.ok()).as(report.render()).isTrue();
  }

  @Test
  void givenAnAbortedTransaction_whenItsOutputsAndStateAreBothDiscarded_thenTheRetryReusesTheSequenceWithNoGap() {
    Fixtures.Clock clock = new Fixtures.Clock();
    AuditLogConfig cfg = new AuditLogConfig(5, 60_000);
    byte[] store = AuditLogState.initial("alert/0").toBytes();
    List<AuditEntry> committed = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      AuditLog log = new AuditLog(cfg, keys.signer, AuditLogState.fromBytes(store), clock::get);
      clock.advance(1);
      List<AuditEntry> out = log.append(Fixtures.draft(Stage.ALERT, i));
      if (i == 8) {
        continue; // aborted: neither the outputs nor the state are committed, then record 8 is processed again
      }
      committed.addAll(out);
      store = log.state().toBytes();
      if (i == 9) {
        break;
      }
    }
    // i == 8 was retried as i == 9's draft at the same sequence: the log has 9 records and no hole.
    VerifyReport report = new AuditVerifier(keys.verifier()).verify(committed);
    assertThat(report.ok()).as(report.render()).isTrue();
    assertThat(report.log("alert/0").records()).isEqualTo(9);
    assertThat(report.log("alert/0").contiguousSize()).isEqualTo(9);
  }

  @Test
  void givenStateRolledBackButOutputsKept_whenTheLogContinues_thenTheVerifierNamesAFork() {
    Fixtures.Clock clock = new Fixtures.Clock();
    AuditLogConfig cfg = new AuditLogConfig(100, 60_000);
    AuditLog log = AuditLog.create(cfg, keys.signer, Stage.DETECT, 0, clock::get);
    List<AuditEntry> written = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      written.addAll(log.append(Fixtures.draft(Stage.DETECT, i)));
    }
    byte[] stale = log.state().toBytes();
    written.addAll(log.append(Fixtures.draft(Stage.DETECT, 3)));
    AuditLog restarted = new AuditLog(cfg, keys.signer, AuditLogState.fromBytes(stale), clock::get);
    written.addAll(restarted.append(Fixtures.draft(Stage.DETECT, 99))); // reuses sequence 3

    VerifyReport report = new AuditVerifier(keys.verifier()).verify(written);
    assertThat(report.kinds()).contains(Problem.Kind.FORK);
    assertThat(report.problems(Problem.Kind.FORK).get(0).where()).isEqualTo("seq 3");
  }

  @Test
  void givenASignerThatFails_whenACheckpointIsDue_thenAppendThrowsAndTheLogRefusesFurtherUse() throws Exception {
    AtomicBoolean fail = new AtomicBoolean(false);
    PublicKeySign real = keys.privateKeyset.getPrimitive(com.google.crypto.tink.RegistryConfiguration.get(),
        PublicKeySign.class);
    PublicKeySign flaky = data -> {
      if (fail.get()) {
        throw new GeneralSecurityException("hsm unavailable");
      }
      return real.sign(data);
    };
    Ed25519PrivateKey priv = (Ed25519PrivateKey) keys.privateKeyset.getPrimary().getKey();
    CheckpointSigner signer = new CheckpointSigner(flaky, CheckpointSigner.DEFAULT_KEY_NAME, priv.getPublicKey());
    Fixtures.Clock clock = new Fixtures.Clock();
    AuditLog log = AuditLog.create(new AuditLogConfig(2, 60_000), signer, Stage.QUARANTINE, 0, clock::get);
    List<AuditEntry> written = new ArrayList<>(log.append(Fixtures.draft(Stage.QUARANTINE, 0)));
    byte[] store = log.state().toBytes();

    fail.set(true);
    AuditLog doomed = log;
    assertThatThrownBy(() -> doomed.append(Fixtures.draft(Stage.QUARANTINE, 1))).isInstanceOf(AuditException.class);
    assertThatThrownBy(doomed::state).isInstanceOf(IllegalStateException.class);

    fail.set(false);
    AuditLog rebuilt = new AuditLog(new AuditLogConfig(2, 60_000), signer, AuditLogState.fromBytes(store),
        clock::get);
    written.addAll(rebuilt.append(Fixtures.draft(Stage.QUARANTINE, 1)));
    VerifyReport report = new AuditVerifier(keys.verifier()).verify(written);
    assertThat(report.ok()).as(report.render()).isTrue();
    assertThat(report.log("quarantine/0").verifiedSize()).isEqualTo(2);
  }

  @Test
  void givenStoredStateOfAnotherLog_whenRestoredUnderThisLogId_thenRejected() {
    byte[] other = AuditLogState.initial("score/0").toBytes();
    assertThatThrownBy(() -> AuditLog.restore(AuditLogConfig.defaults(), keys.signer, "score/1", other, () -> 1L))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenADraftOfAnotherStage_whenAppended_thenRejectedAndNothingChanges() {
    AuditLog log = AuditLog.create(AuditLogConfig.defaults(), keys.signer, Stage.PARSE, 0, () -> 1L);
    assertThatThrownBy(() -> log.append(Fixtures.draft(Stage.SCORE, 0))).isInstanceOf(IllegalArgumentException.class);
    assertThat(log.size()).isZero();
    assertThat(log.append(Fixtures.draft(Stage.PARSE, 0))).hasSize(1);
  }

  @Test
  void givenState_whenRoundTrippedThroughBytes_thenEqualFieldsAndCorruptBytesAreRejected() {
    AuditLog log = AuditLog.create(new AuditLogConfig(4, 60_000), keys.signer, Stage.VALIDATE, 9, () -> 5L);
    for (int i = 0; i < 6; i++) {
      log.append(Fixtures.draft(Stage.VALIDATE, i));
    }
    AuditLogState s = log.state();
    AuditLogState back = AuditLogState.fromBytes(s.toBytes());
    assertThat(back.logId()).isEqualTo("validate/9");
    assertThat(back.nextSequence()).isEqualTo(6);
    assertThat(back.lastCheckpointSize()).isEqualTo(4);
    assertThat(back.recordsSinceCheckpoint()).isEqualTo(2);
    assertThat(back.lastCheckpointHash()).isEqualTo(s.lastCheckpointHash());
    assertThat(back.frontier().root()).isEqualTo(s.frontier().root());
    assertThat(back.toBytes()).isEqualTo(s.toBytes());

    byte[] bytes = s.toBytes();
    byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 3);
    assertThatThrownBy(() -> AuditLogState.fromBytes(cut)).isInstanceOf(IllegalArgumentException.class);
    byte[] magic = bytes.clone();
    magic[0] = 'X';
    assertThatThrownBy(() -> AuditLogState.fromBytes(magic)).isInstanceOf(IllegalArgumentException.class);
  }

  static List<String> values(List<AuditEntry> entries) {
    List<String> out = new ArrayList<>();
    for (AuditEntry e : entries) {
      out.add(e.key() + " " + new String(e.value(), java.nio.charset.StandardCharsets.UTF_8));
    }
    return out;
  }
}
