package io.phistream.audit.checkpoint;

import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.signature.Ed25519PrivateKey;
import com.google.crypto.tink.signature.Ed25519PublicKey;
import com.google.crypto.tink.subtle.Ed25519Verify;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Verifies signed checkpoint notes against a public keyset (what auditors receive from
 * {@code phi-stream keys export-public}). A note is valid when at least one signature line verifies with an
 * enabled Ed25519 key of the keyset whose C2SP key id matches the line; lines from unknown keys are ignored
 * (a witness may co-sign), but a note with no verifying line fails.
 */
public final class CheckpointVerifier {

  /** Outcome of verifying one note. */
  public enum Status { VALID, UNSIGNED, BAD_SIGNATURE, MALFORMED }

  /**
   * @param checkpoint the parsed body; null when MALFORMED. Only trust it when {@link #valid()}.
   * @param keyIdHex the key id of the line that verified (VALID) or of the first line that did not
   */
  public record Result(Status status, Checkpoint checkpoint, String keyIdHex, String reason) {
    public boolean valid() {
      return status == Status.VALID;
    }
  }

  private record TrustedKey(Ed25519PublicKey key, PublicKeyVerify verify) {}

  private final List<TrustedKey> keys = new ArrayList<>();
  private final PublicKeyVerify bareVerify;
  private final String bareKeyName;

  /** Trusts every enabled Ed25519 key of {@code keyset} (public or private; only public halves are used). */
  public CheckpointVerifier(KeysetHandle keyset) throws GeneralSecurityException {
    for (int i = 0; i < keyset.size(); i++) {
      KeysetHandle.Entry e = keyset.getAt(i);
      if (e.getStatus() != KeyStatus.ENABLED) {
        continue;
      }
      Ed25519PublicKey pub = null;
      if (e.getKey() instanceof Ed25519PublicKey p) {
        pub = p;
      } else if (e.getKey() instanceof Ed25519PrivateKey p) {
        pub = p.getPublicKey();
      }
      if (pub != null) {
        keys.add(new TrustedKey(pub, Ed25519Verify.create(pub)));
      }
    }
    if (keys.isEmpty()) {
      throw new GeneralSecurityException("keyset holds no enabled Ed25519 key");
    }
    this.bareVerify = null;
    this.bareKeyName = null;
  }

  /**
   * Trusts one verifier under one key name. Without the public key the C2SP key id cannot be checked, so every
   * line with that name is tried.
   */
  public CheckpointVerifier(PublicKeyVerify verify, String keyName) {
    this.bareVerify = verify;
    this.bareKeyName = keyName;
  }

  public Result verify(String noteText) {
    SignedNote note;
    Checkpoint c;
    try {
      note = SignedNote.parse(noteText);
      c = Checkpoint.parse(note.text());
    } catch (IllegalArgumentException e) {
      return new Result(Status.MALFORMED, null, null, e.getMessage());
    }
    if (note.signatures().isEmpty()) {
      return new Result(Status.UNSIGNED, c, null, "note carries no signature");
    }
    byte[] text = note.textBytes();
    String firstFailure = null;
    String reason = null;
    for (SignedNote.Signature s : note.signatures()) {
      boolean known = false;
      for (PublicKeyVerify v : candidates(s)) {
        known = true;
        try {
          v.verify(s.signature(), text);
          return new Result(Status.VALID, c, s.keyIdHex(), "ok");
        } catch (GeneralSecurityException bad) {
          // try the next candidate key; several keys may share a key id by chance
        }
      }
      if (firstFailure == null) {
        firstFailure = s.keyIdHex();
        reason = known ? "signature does not verify" : "signed by an unknown key";
      }
    }
    return new Result(Status.BAD_SIGNATURE, c, firstFailure, reason);
  }

  private List<PublicKeyVerify> candidates(SignedNote.Signature s) {
    List<PublicKeyVerify> out = new ArrayList<>(1);
    if (bareVerify != null) {
      if (s.keyName().equals(bareKeyName)) {
        out.add(bareVerify);
      }
      return out;
    }
    byte[] id = s.keyId();
    for (TrustedKey k : keys) {
      byte[] expected = SignedNote.ed25519KeyId(s.keyName(), k.key().getPublicKeyBytes().toByteArray());
      if (MessageDigest.isEqual(expected, id)) {
        out.add(k.verify());
      }
    }
    return out;
  }

  /** Hex key ids (under {@code keyName}) of the trusted keys, for reports. */
  public List<String> keyIdsHex(String keyName) {
    List<String> out = new ArrayList<>();
    for (TrustedKey k : keys) {
      out.add(HexFormat.of().formatHex(SignedNote.ed25519KeyId(keyName, k.key().getPublicKeyBytes().toByteArray())));
    }
    return out;
  }
}
