package io.phistream.audit.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.signature.Ed25519PublicKey;
import io.phistream.audit.TestKeys;
import io.phistream.audit.merkle.MerkleHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointTest {
  static final byte[] ROOT = MerkleHash.leaf("root".getBytes(StandardCharsets.UTF_8));
  static final Checkpoint CP = new Checkpoint("phi-stream/deidentify/3", 1000, ROOT, Checkpoint.NO_PREVIOUS,
      1_767_225_600_000L);

  @Test
  void givenACheckpoint_whenRendered_thenTheBodyHasTheC2spLinesAndTheTwoExtensions() {
    String b64 = Base64.getEncoder().encodeToString(ROOT);
    assertThat(CP.body()).isEqualTo("phi-stream/deidentify/3\n1000\n" + b64 + "\n"
        + "prev AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\ntime 1767225600000\n");
    assertThat(Checkpoint.parse(CP.body())).isEqualTo(CP);
    assertThat(CP.isFirst()).isTrue();
    assertThat(CP.hash()).isEqualTo(MerkleHash.sha256().digest(CP.bodyBytes()));
  }

  @Test
  void givenNonCanonicalBodies_whenParsed_thenRejected() {
    String body = CP.body();
    assertThatThrownBy(() -> Checkpoint.parse(body.replace("\n1000\n", "\n01000\n")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Checkpoint.parse(body.substring(0, body.length() - 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Checkpoint.parse(body + "extra\n")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Checkpoint.parse(body.replace("time ", "tim ")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenARawEd25519Keyset_whenSigned_thenTheNoteIsC2spShapedWithTheC2spKeyIdAndA64ByteSignature()
      throws Exception {
    TestKeys keys = TestKeys.raw();
    String note = keys.signer.sign(CP);

    assertThat(note).startsWith(CP.body() + "\n\u2014 phi-stream-audit ");
    SignedNote parsed = SignedNote.parse(note);
    assertThat(parsed.text()).isEqualTo(CP.body());
    SignedNote.Signature sig = parsed.signatures().get(0);
    assertThat(sig.signature()).hasSize(64);

    // C2SP key id: SHA-256(name || 0x0A || 0x01 || pubkey)[:4], computed here independently.
    byte[] pub = ((Ed25519PublicKey) keys.publicKeyset.getPrimary().getKey()).getPublicKeyBytes().toByteArray();
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    md.update("phi-stream-audit\n".getBytes(StandardCharsets.UTF_8));
    md.update((byte) 1);
    md.update(pub);
    assertThat(sig.keyId()).isEqualTo(java.util.Arrays.copyOf(md.digest(), 4));
    assertThat(keys.signer.keyIdHex()).isEqualTo(HexFormat.of().formatHex(sig.keyId()));

    CheckpointVerifier.Result r = keys.verifier().verify(note);
    assertThat(r.status()).isEqualTo(CheckpointVerifier.Status.VALID);
    assertThat(r.checkpoint()).isEqualTo(CP);
    assertThat(r.keyIdHex()).isEqualTo(keys.signer.keyIdHex());
  }

  @Test
  void givenATinkPrefixedKeyset_whenSignedAndVerified_thenValid() throws Exception {
    TestKeys keys = TestKeys.tinkPrefixed();
    String note = keys.signer.sign(CP);
    assertThat(keys.verifier().verify(note).status()).isEqualTo(CheckpointVerifier.Status.VALID);
  }

  @Test
  void givenANoteSignedByAnotherKey_whenVerified_thenBadSignatureNamingAnUnknownKey() throws Exception {
    TestKeys trusted = TestKeys.raw();
    TestKeys other = TestKeys.raw();
    CheckpointVerifier.Result r = trusted.verifier().verify(other.signer.sign(CP));
    assertThat(r.status()).isEqualTo(CheckpointVerifier.Status.BAD_SIGNATURE);
    assertThat(r.reason()).contains("unknown key");
    assertThat(r.keyIdHex()).isEqualTo(other.signer.keyIdHex());
  }

  @Test
  void givenASignedNoteWithAnAlteredBody_whenVerified_thenBadSignature() throws Exception {
    TestKeys keys = TestKeys.raw();
    String note = keys.signer.sign(CP).replace("\n1000\n", "\n1001\n");
    CheckpointVerifier.Result r = keys.verifier().verify(note);
    assertThat(r.status()).isEqualTo(CheckpointVerifier.Status.BAD_SIGNATURE);
    assertThat(r.reason()).contains("does not verify");
  }

  @Test
  void givenABodyWithoutSignatures_whenVerified_thenUnsigned_andGarbageIsMalformed() throws Exception {
    TestKeys keys = TestKeys.raw();
    assertThat(keys.verifier().verify(CP.body()).status()).isEqualTo(CheckpointVerifier.Status.UNSIGNED);
    assertThat(keys.verifier().verify(CP.body() + "\n").status()).isEqualTo(CheckpointVerifier.Status.UNSIGNED);
    assertThat(keys.verifier().verify("x\n\n- y z\n").status()).isEqualTo(CheckpointVerifier.Status.MALFORMED);
  }

  @Test
  void givenAWitnessCosignatureFromAnUnknownKey_whenVerified_thenTheTrustedSignatureStillCounts() throws Exception {
    TestKeys keys = TestKeys.raw();
    TestKeys witness = TestKeys.raw();
    SignedNote ours = SignedNote.parse(keys.signer.sign(CP));
    SignedNote theirs = SignedNote.parse(witness.signer.sign(CP));
    String both = new SignedNote(CP.body(), List.of(theirs.signatures().get(0), ours.signatures().get(0))).render();
    assertThat(keys.verifier().verify(both).status()).isEqualTo(CheckpointVerifier.Status.VALID);
  }

  @Test
  void givenARotatedKeyset_whenVerifyingNotesOfTheOldAndNewKey_thenBothAreValid() throws Exception {
    TestKeys old = TestKeys.raw();
    TestKeys current = TestKeys.raw();
    KeysetHandle both = KeysetHandle.newBuilder()
        .addEntry(KeysetHandle.importKey(old.publicKeyset.getPrimary().getKey()).withRandomId())
        .addEntry(KeysetHandle.importKey(current.publicKeyset.getPrimary().getKey()).withRandomId().makePrimary())
        .build();
    CheckpointVerifier v = new CheckpointVerifier(both);
    assertThat(v.verify(old.signer.sign(CP)).valid()).isTrue();
    assertThat(v.verify(current.signer.sign(CP)).valid()).isTrue();
  }

  @Test
  void givenABarePublicKeyVerify_whenVerifyingByKeyName_thenValidAndOtherNamesUnknown() throws Exception {
    TestKeys keys = TestKeys.raw();
    Ed25519PublicKey pub = (Ed25519PublicKey) keys.publicKeyset.getPrimary().getKey();
    CheckpointVerifier v = new CheckpointVerifier(com.google.crypto.tink.subtle.Ed25519Verify.create(pub),
        CheckpointSigner.DEFAULT_KEY_NAME);
    assertThat(v.verify(keys.signer.sign(CP)).valid()).isTrue();
    CheckpointSigner renamed = CheckpointSigner.fromKeyset(keys.privateKeyset, "someone-else");
    assertThat(v.verify(renamed.sign(CP)).status()).isEqualTo(CheckpointVerifier.Status.BAD_SIGNATURE);
  }
}
