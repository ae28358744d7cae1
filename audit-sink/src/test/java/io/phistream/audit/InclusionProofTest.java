package io.phistream.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phistream.audit.checkpoint.Checkpoint;
import io.phistream.audit.checkpoint.SignedNote;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InclusionProofTest {
  static final ObjectMapper M = new ObjectMapper();
  final TestKeys keys = TestKeys.raw();
  final List<AuditEntry> entries = new ArrayList<>();

  InclusionProofTest() {
    entries.addAll(Fixtures.log(keys, Stage.DEIDENTIFY, 0, 30, 10));
    entries.addAll(Fixtures.log(keys, Stage.SCORE, 1, 25, 10));
  }

  @Test
  void givenAMessageAuditedByTwoStages_whenProved_thenOneProofPerRecordAgainstTheNewestCheckpointChecksOffline()
      throws Exception {
    String json = new InclusionProver(entries, keys.verifier()).prove("msg-5");
    JsonNode doc = M.readTree(json);
    assertThat(doc.get("proofs")).hasSize(2);
    assertThat(doc.get("proofs").get(0).get("logId").asText()).isEqualTo("deidentify/0");
    assertThat(doc.get("proofs").get(0).get("treeSize").asLong()).isEqualTo(30);
    assertThat(doc.get("proofs").get(1).get("treeSize").asLong()).isEqualTo(20);

    ProofChecker.Result r = ProofChecker.check(json, keys.publicKeyset);
    assertThat(r.ok()).as(r.failures().toString()).isTrue();
    assertThat(r.proven()).isEqualTo(2);
  }

  @Test
  void givenARecordNotYetCoveredByACheckpoint_whenProved_thenItIsListedUnprovenBesideTheProvenOne()
      throws Exception {
    String json = new InclusionProver(entries, keys.verifier()).prove("msg-22");
    JsonNode doc = M.readTree(json);
    assertThat(doc.get("proofs")).hasSize(1); // deidentify/0 is sealed to 30, score/1 only to 20
    assertThat(doc.get("unproven").get(0).get("logId").asText()).isEqualTo("score/1");
    ProofChecker.Result r = ProofChecker.check(json, keys.publicKeyset);
    assertThat(r.ok()).isTrue();
    assertThat(r.unproven()).isEqualTo(1);

    assertThat(ProofChecker.check(new InclusionProver(entries, keys.verifier()).prove("msg-unknown"),
        keys.publicKeyset).ok()).as("nothing proven is not ok").isFalse();
  }

  @Test
  void givenTheNewestCheckpointBadlySigned_whenProvedWithAVerifier_thenTheProverFallsBackToAnOlderOne()
      throws Exception {
    TestKeys attacker = TestKeys.raw();
    List<AuditEntry> tampered = new ArrayList<>();
    for (AuditEntry e : entries) {
      if (e instanceof CheckpointEntry c && c.logId().equals("deidentify/0") && c.size() == 30) {
        Checkpoint cp = c.unverifiedCheckpoint();
        tampered.add(new CheckpointEntry(c.logId(), 30, attacker.signer.sign(cp)));
      } else {
        tampered.add(e);
      }
    }
    JsonNode doc = M.readTree(new InclusionProver(tampered, keys.verifier()).prove("msg-5"));
    assertThat(doc.get("proofs").get(0).get("treeSize").asLong()).isEqualTo(20);
  }

  @Test
  void givenAProof_whenAnyPartIsTampered_thenTheCheckFailsAndSaysWhy() throws Exception {
    String json = new InclusionProver(entries, keys.verifier()).prove("msg-5");

    ObjectNode outcome = (ObjectNode) M.readTree(json);
    ((ObjectNode) outcome.get("proofs").get(0).get("record")).put("outcome", "error");
    assertFails(outcome, "inclusion path");

    ObjectNode path = (ObjectNode) M.readTree(json);
    ArrayNode p = (ArrayNode) path.get("proofs").get(0).get("path");
    p.set(0, M.getNodeFactory().textNode(p.get(1).asText()));
    assertFails(path, "inclusion path");

    ObjectNode size = (ObjectNode) M.readTree(json);
    ((ObjectNode) size.get("proofs").get(0)).put("treeSize", 20);
    assertFails(size, "not of log");

    ObjectNode otherMessage = (ObjectNode) M.readTree(json);
    otherMessage.put("messageId", "msg-6");
    assertFails(otherMessage, "message id");

    ObjectNode resigned = (ObjectNode) M.readTree(json);
    ObjectNode first = (ObjectNode) resigned.get("proofs").get(0);
    Checkpoint cp = Checkpoint.parse(SignedNote.parse(first.get("checkpoint").asText()).text());
    first.put("checkpoint", TestKeys.raw().signer.sign(cp));
    assertFails(resigned, "BAD_SIGNATURE");

    assertThat(ProofChecker.check(json, TestKeys.raw().publicKeyset).ok()).as("another keyset").isFalse();
    assertThat(ProofChecker.check("{not json", keys.publicKeyset).failures().get(0)).startsWith("unreadable");
  }

  @Test
  void givenAValidProof_whenChecked_thenTheResultNamesEachRecordProvenAndTheCheckpointSize() throws Exception {
    String json = new InclusionProver(entries, keys.verifier()).prove("msg-5");

    ProofChecker.Result r = ProofChecker.check(json, keys.publicKeyset);

    assertThat(r.readable()).isTrue();
    assertThat(r.messageId()).isEqualTo("msg-5");
    assertThat(r.records()).extracting(ProofChecker.Proven::logId, ProofChecker.Proven::leafIndex,
        ProofChecker.Proven::treeSize).containsExactly(
            org.assertj.core.groups.Tuple.tuple("deidentify/0", 5L, 30L),
            org.assertj.core.groups.Tuple.tuple("score/1", 5L, 20L));
  }

  @Test
  void givenTextThatIsNoProofDocument_whenChecked_thenItIsUnreadableRatherThanAFailedProof() throws Exception {
    String json = new InclusionProver(entries, keys.verifier()).prove("msg-5");
    ObjectNode otherFormat = (ObjectNode) M.readTree(json);
    otherFormat.put("format", "something-else/1");
    ObjectNode freeTextId = (ObjectNode) M.readTree(json);
    freeTextId.put("messageId", "John Smith");

    for (String text : List.of(json.substring(0, json.length() / 2), "", M.writeValueAsString(otherFormat),
        M.writeValueAsString(freeTextId))) {
      ProofChecker.Result r = ProofChecker.check(text, keys.publicKeyset);
      assertThat(r.readable()).as(text).isFalse();
      assertThat(r.ok()).isFalse();
      assertThat(r.failures()).hasSize(1).allSatisfy(f -> assertThat(f).doesNotContain("John"));
    }
    // a readable document whose proofs fail is a failed proof, not an unreadable one
    ProofChecker.Result wrongKey = ProofChecker.check(json, TestKeys.raw().publicKeyset);
    assertThat(wrongKey.readable()).isTrue();
    assertThat(wrongKey.records()).isEmpty();
  }

  void assertFails(JsonNode doc, String reason) throws Exception {
    ProofChecker.Result r = ProofChecker.check(M.writeValueAsString(doc), keys.publicKeyset);
    assertThat(r.ok()).isFalse();
    assertThat(r.failures()).anySatisfy(f -> assertThat(f).contains(reason));
  }
}
