package io.phistream.audit;

import static io.phistream.audit.Problem.Kind.ALTERED;
import static io.phistream.audit.Problem.Kind.BAD_SIGNATURE;
import static io.phistream.audit.Problem.Kind.DUPLICATE;
import static io.phistream.audit.Problem.Kind.GAP;
import static io.phistream.audit.Problem.Kind.MISSING;
import static io.phistream.audit.Problem.Kind.REORDERED;
import static io.phistream.audit.Problem.Kind.REPLAYED_CHECKPOINT;
import static io.phistream.audit.Problem.Kind.TRUNCATED;
import static io.phistream.audit.Problem.Kind.UNSIGNED;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.audit.checkpoint.Checkpoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each tampering of an export is detected and named. The export holds two interleaved logs: deidentify/0 with 30
 * records and checkpoints at 10, 20 and 30, and score/1 with 12 records and checkpoints at 10 and 12.
 */
class AuditVerifierTamperTest {
  static final String LOG = "deidentify/0";
  final TestKeys keys = TestKeys.raw();
  final List<String> lines = exportLines();

  List<String> exportLines() {
    List<AuditEntry> a = Fixtures.log(keys, Stage.DEIDENTIFY, 0, 30, 10);
    Fixtures.Clock clock = new Fixtures.Clock();
    AuditLog score = AuditLog.create(new AuditLogConfig(10, 60_000), keys.signer, Stage.SCORE, 1, clock::get);
    List<AuditEntry> b = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      clock.advance(2);
      b.addAll(score.append(Fixtures.draft(Stage.SCORE, i)));
    }
    b.add(score.checkpointNow().orElseThrow()); // seal the last two records, as a clean shutdown does
    List<AuditEntry> all = new ArrayList<>();
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) { // interleave the two logs
      if (i < a.size()) {
        all.add(a.get(i));
      }
      if (i < b.size()) {
        all.add(b.get(i));
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      AuditExport.writeJsonLines(all, out);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    List<String> ls = new ArrayList<>(List.of(out.toString(StandardCharsets.UTF_8).split("\n")));
    return ls;
  }

  VerifyReport verify(List<String> ls) {
    return verify(new AuditVerifier(keys.verifier()), ls);
  }

  static VerifyReport verify(AuditVerifier v, List<String> ls) {
    try {
      return v.verifyJsonLines(new StringReader(String.join("\n", ls) + "\n"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  int indexOf(String key) {
    for (int i = 0; i < lines.size(); i++) {
      if (AuditEntry.parse(lines.get(i).getBytes(StandardCharsets.UTF_8)).key().equals(key)) {
        return i;
      }
    }
    throw new AssertionError("no line " + key);
  }

  String note(long size) {
    return ((CheckpointEntry) AuditEntry.parse(lines.get(indexOf(AuditEntry.checkpointKey(LOG, size)))
        .getBytes(StandardCharsets.UTF_8))).note();
  }

  @Test
  void givenAnUntouchedExport_whenVerified_thenOkWithCountsPerLog() {
    VerifyReport r = verify(lines);
    assertThat(r.ok()).as(r.render()).isTrue();
    assertThat(r.log(LOG).records()).isEqualTo(30);
    assertThat(r.log(LOG).checkpoints()).isEqualTo(3);
    assertThat(r.log(LOG).verifiedSize()).isEqualTo(30);
    assertThat(r.log("score/1").verifiedSize()).isEqualTo(12);
    assertThat(r.render()).startsWith("audit verification: OK, 2 logs\n").contains("deidentify/0: 30 records, 3 checkpoints");
  }

  @Test
  void givenAnyByteOfARecordFlipped_whenVerified_thenAlteredIsReportedEveryTime() {
    // a small log keeps the ~700 verifications cheap: 12 records, one checkpoint at 10 covering seq 3
    List<String> small = new ArrayList<>();
    for (AuditEntry e : Fixtures.log(keys, Stage.DEIDENTIFY, 0, 12, 10)) {
      small.add(new String(e.value(), StandardCharsets.UTF_8));
    }
    assertThat(verify(small).ok()).isTrue();
    int target = 3;
    byte[] original = small.get(target).getBytes(StandardCharsets.UTF_8);
    assertThat(AuditEntry.parse(original).key()).isEqualTo(AuditEntry.recordKey(LOG, 3));
    for (int pos = 0; pos < original.length; pos++) {
      byte[] flipped = original.clone();
      flipped[pos] ^= 0x01;
      List<String> tampered = new ArrayList<>(small);
      tampered.set(target, new String(flipped, StandardCharsets.UTF_8));
      VerifyReport r = verify(tampered);
      assertThat(r.kinds()).as("byte %d flipped", pos).contains(ALTERED);
    }
  }

  @Test
  void givenARecordDeleted_whenVerified_thenAGapAtItsSequenceIsTheOnlyProblem() {
    List<String> tampered = new ArrayList<>(lines);
    tampered.remove(indexOf(AuditEntry.recordKey(LOG, 13)));
    VerifyReport r = verify(tampered);
    assertThat(r.kinds()).containsExactly(GAP);
    assertThat(r.problems(GAP).get(0).where()).isEqualTo("seq 13");
    assertThat(r.log(LOG).verifiedSize()).as("only checkpoint 10 is still provable").isEqualTo(10);
  }

  @Test
  void givenTwoRecordsSwapped_whenVerified_thenReorderedIsTheOnlyProblemAndContentStillVerifies() {
    List<String> tampered = new ArrayList<>(lines);
    Collections.swap(tampered, indexOf(AuditEntry.recordKey(LOG, 13)), indexOf(AuditEntry.recordKey(LOG, 14)));
    VerifyReport r = verify(tampered);
    assertThat(r.kinds()).containsExactly(REORDERED);
    assertThat(r.problems(REORDERED).get(0).where()).isEqualTo("seq 13");
    assertThat(r.log(LOG).verifiedSize()).isEqualTo(30);
  }

  @Test
  void givenTwoRecordsSwappedUnderTheirKafkaKeys_whenVerified_thenTheKeyMismatchIsAltered() {
    List<AuditVerifier.RawEntry> raw = new ArrayList<>();
    for (String l : lines) {
      byte[] v = l.getBytes(StandardCharsets.UTF_8);
      raw.add(new AuditVerifier.RawEntry(AuditEntry.parse(v).key(), v));
    }
    int i = indexOf(AuditEntry.recordKey(LOG, 13));
    int j = indexOf(AuditEntry.recordKey(LOG, 14));
    AuditVerifier.RawEntry a = raw.get(i);
    AuditVerifier.RawEntry b = raw.get(j);
    raw.set(i, new AuditVerifier.RawEntry(a.key(), b.value()));
    raw.set(j, new AuditVerifier.RawEntry(b.key(), a.value()));
    VerifyReport r = new AuditVerifier(keys.verifier()).verifyRaw(raw);
    assertThat(r.kinds()).contains(ALTERED, REORDERED);
  }

  @Test
  void givenAnOldCheckpointReplayedAtTheEnd_whenVerified_thenReplayedCheckpoint() {
    List<String> tampered = new ArrayList<>(lines);
    tampered.add(lines.get(indexOf(AuditEntry.checkpointKey(LOG, 10))));
    VerifyReport r = verify(tampered);
    assertThat(r.kinds()).containsExactly(REPLAYED_CHECKPOINT);
    assertThat(r.problems(REPLAYED_CHECKPOINT).get(0).detail()).contains("after checkpoint 30");
  }

  @Test
  void givenACheckpointOfAnotherLogFiledUnderThisLog_whenVerified_thenReplayedCheckpoint() {
    String foreign = new String(new CheckpointEntry("score/1", 10,
        ((CheckpointEntry) AuditEntry.parse(lines.get(indexOf(AuditEntry.checkpointKey("score/1", 10)))
            .getBytes(StandardCharsets.UTF_8))).note()).value(), StandardCharsets.UTF_8);
    List<String> tampered = new ArrayList<>(lines);
    String moved = foreign.replace("\"logId\":\"score/1\"", "\"logId\":\"deidentify/0\"");
    tampered.add(moved);
    VerifyReport r = verify(tampered);
    assertThat(r.kinds()).contains(REPLAYED_CHECKPOINT);
  }

  @Test
  void givenACheckpointResignedWithAnotherKey_whenVerified_thenBadSignature() throws Exception {
    TestKeys attacker = TestKeys.raw();
    int at = indexOf(AuditEntry.checkpointKey(LOG, 20));
    Checkpoint cp = Checkpoint.parse(io.phistream.audit.checkpoint.SignedNote.parse(note(20)).text());
    List<String> tampered = new ArrayList<>(lines);
    tampered.set(at, new String(new CheckpointEntry(LOG, 20, attacker.signer.sign(cp)).value(),
        StandardCharsets.UTF_8));
    VerifyReport r = verify(tampered);
    assertThat(r.kinds()).contains(BAD_SIGNATURE);
    assertThat(r.problems(BAD_SIGNATURE).get(0).detail()).contains("unknown key").contains(attacker.signer.keyIdHex());
  }

  @Test
  void givenARecordRewrittenWithItsLeaf_whenVerified_thenSignedRootsNameItAltered_andResigningIsABadSignature()
      throws Exception {
    TestKeys attacker = TestKeys.raw();
    List<String> tampered = new ArrayList<>(lines);
    int at = indexOf(AuditEntry.recordKey(LOG, 13));
    RecordEntry orig = (RecordEntry) AuditEntry.parse(lines.get(at).getBytes(StandardCharsets.UTF_8));
    AuditRecordDraft d = orig.record().draft();
    AuditRecordDraft forged = new AuditRecordDraft(d.stage(), "error", d.messageId(), d.inputDigest(),
        d.outputDigest(), d.phiCounts(), d.ruleIds(), d.policyVersion(), d.policyHash(), d.keyIds(), d.modelName(),
        d.modelVersion(), d.route(), d.instance(), d.eventTimeMs(), d.processingTimeMs());
    tampered.set(at, new String(RecordEntry.of(AuditRecord.of(forged, LOG, 13)).value(), StandardCharsets.UTF_8));
    VerifyReport leafOnly = verify(tampered);
    assertThat(leafOnly.kinds()).containsExactly(ALTERED);
    assertThat(leafOnly.problems(ALTERED)).extracting(Problem::where).containsExactly("checkpoint 20", "checkpoint 30");

    for (long size : new long[] {20, 30}) { // the attacker re-signs the roots over the forged history
      int c = indexOf(AuditEntry.checkpointKey(LOG, size));
      Checkpoint cp = Checkpoint.parse(io.phistream.audit.checkpoint.SignedNote.parse(note(size)).text());
      tampered.set(c, new String(new CheckpointEntry(LOG, size, attacker.signer.sign(cp)).value(),
          StandardCharsets.UTF_8));
    }
    VerifyReport resigned = verify(new AuditVerifier(keys.verifier()).expectCheckpointEvery(10), tampered);
    assertThat(resigned.kinds()).containsExactlyInAnyOrder(BAD_SIGNATURE, MISSING);
    assertThat(resigned.problems(BAD_SIGNATURE)).hasSize(2);
    assertThat(resigned.log(LOG).verifiedSize()).as("only the untouched prefix stays proven").isEqualTo(10);
  }

  @Test
  void givenTheRecordsCoveredByTheLastCheckpointDropped_whenVerified_thenTruncated() {
    List<String> tampered = new ArrayList<>(lines);
    for (long seq = 25; seq < 30; seq++) {
      tampered.remove(tampered.indexOf(lines.get(indexOf(AuditEntry.recordKey(LOG, seq)))));
    }
    VerifyReport r = verify(tampered);
    assertThat(r.kinds()).containsExactly(TRUNCATED);
    assertThat(r.problems(TRUNCATED).get(0).detail()).startsWith("5 record(s) at the end");
  }

  @Test
  void givenTheLastRecordsAndTheirCheckpointDropped_whenVerifiedAgainstAnAuditorsEarlierHead_thenTruncated() {
    List<String> tampered = new ArrayList<>(lines);
    tampered.remove(lines.get(indexOf(AuditEntry.checkpointKey(LOG, 30))));
    for (long seq = 25; seq < 30; seq++) {
      tampered.remove(lines.get(indexOf(AuditEntry.recordKey(LOG, seq))));
    }
    // Without outside knowledge the shortened log is self-consistent: only the unsealed count shows it.
    VerifyReport alone = verify(new AuditVerifier(keys.verifier()).expectCheckpointEvery(10), tampered);
    assertThat(alone.ok()).isTrue();
    assertThat(alone.log(LOG).unsealed()).isEqualTo(5);
    assertThat(alone.render()).contains("5 unsealed");

    VerifyReport withHead = verify(new AuditVerifier(keys.verifier()).trustHead(note(30)), tampered);
    assertThat(withHead.kinds()).containsExactly(TRUNCATED);
    assertThat(withHead.problems(TRUNCATED).get(0).where()).isEqualTo("trusted checkpoint 30");
  }

  @Test
  void givenAnAuditorsHeadFromAnotherHistoryOfTheLog_whenVerified_thenFork() {
    Fixtures.Clock clock = new Fixtures.Clock();
    AuditLog other = AuditLog.create(new AuditLogConfig(10, 60_000), keys.signer, Stage.DEIDENTIFY, 0, clock::get);
    String head = null;
    for (int i = 100; i < 120; i++) {
      for (AuditEntry e : other.append(Fixtures.draft(Stage.DEIDENTIFY, i))) {
        if (e instanceof CheckpointEntry c && c.size() == 20) {
          head = c.note();
        }
      }
    }
    VerifyReport r = verify(new AuditVerifier(keys.verifier()).trustHead(head), lines);
    assertThat(r.kinds()).containsExactly(Problem.Kind.FORK);
    assertThat(r.problems(Problem.Kind.FORK).get(0).where()).isEqualTo("trusted checkpoint 20");
  }

  @Test
  void givenTheFinalCheckpointDropped_whenTheCheckpointIntervalIsKnown_thenMissing() {
    List<String> tampered = new ArrayList<>(lines);
    tampered.remove(indexOf(AuditEntry.checkpointKey(LOG, 30)));
    assertThat(verify(tampered).ok()).as("not detectable without the interval").isTrue();
    VerifyReport r = verify(new AuditVerifier(keys.verifier()).expectCheckpointEvery(10), tampered);
    assertThat(r.kinds()).containsExactly(MISSING);
    assertThat(r.problems(MISSING).get(0).where()).isEqualTo("after checkpoint 20");
  }

  @Test
  void givenAMiddleCheckpointDropped_whenVerified_thenTheBrokenChainIsMissing() {
    List<String> tampered = new ArrayList<>(lines);
    tampered.remove(indexOf(AuditEntry.checkpointKey(LOG, 20)));
    VerifyReport r = verify(tampered);
    assertThat(r.kinds()).containsExactly(MISSING);
    assertThat(r.problems(MISSING).get(0).where()).isEqualTo("checkpoint 30");
  }

  @Test
  void givenACheckpointStrippedOfItsSignature_whenVerified_thenUnsigned() {
    int at = indexOf(AuditEntry.checkpointKey(LOG, 10));
    String body = io.phistream.audit.checkpoint.SignedNote.parse(note(10)).text();
    List<String> tampered = new ArrayList<>(lines);
    tampered.set(at, new String(new CheckpointEntry(LOG, 10, body).value(), StandardCharsets.UTF_8));
    VerifyReport r = verify(tampered);
    assertThat(r.kinds()).contains(UNSIGNED);
    assertThat(r.problems(UNSIGNED).get(0).where()).isEqualTo("checkpoint 10");
  }

  @Test
  void givenARecordRepeatedVerbatim_whenVerified_thenDuplicate() {
    List<String> tampered = new ArrayList<>(lines);
    tampered.add(lines.get(indexOf(AuditEntry.recordKey(LOG, 3))));
    assertThat(verify(tampered).kinds()).containsExactly(DUPLICATE);
  }

  @Test
  void givenAFailedReport_whenRendered_thenItNamesLogKindAndPlaceButNoRecordContent() {
    List<String> tampered = new ArrayList<>(lines);
    tampered.remove(indexOf(AuditEntry.recordKey(LOG, 13)));
    String text = verify(tampered).render();
    assertThat(text).startsWith("audit verification: FAILED (1 problems)")
        .contains("FAIL deidentify/0").contains("GAP seq 13")
        .doesNotContain("msg-").doesNotContain("node-a");
  }
}
