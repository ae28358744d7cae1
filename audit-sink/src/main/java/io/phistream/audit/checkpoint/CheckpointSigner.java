package io.phistream.audit.checkpoint;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.signature.Ed25519PrivateKey;
import com.google.crypto.tink.signature.Ed25519PublicKey;
import com.google.crypto.tink.signature.SignatureConfig;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;

/**
 * Signs checkpoints as C2SP signed notes with an Ed25519 key held by Tink. Signing happens per checkpoint, never
 * per record (Ed25519 runs at about 10k signatures/s here, far below the record rate; BRIEF 4).
 *
 * <p>Keys created with {@code PredefinedSignatureParameters.ED25519WithRawOutput} give plain 64-byte signatures
 * that any C2SP note verifier accepts; keys with Tink's output prefix also work with {@link CheckpointVerifier}.
 */
public final class CheckpointSigner {
  public static final String DEFAULT_KEY_NAME = "phi-stream-audit";

  private final PublicKeySign sign;
  private final String keyName;
  private final byte[] keyId;

  /**
   * @param sign a signer for the private half of {@code publicKey}
   * @param keyName the name in the signature line (C2SP: no space, no '+')
   */
  public CheckpointSigner(PublicKeySign sign, String keyName, Ed25519PublicKey publicKey) {
    this.sign = sign;
    this.keyName = keyName;
    this.keyId = SignedNote.ed25519KeyId(keyName, publicKey.getPublicKeyBytes().toByteArray());
    new SignedNote.Signature(keyName, keyId, new byte[1]); // validates the name early
  }

  /** Signs with the primary key of a private Ed25519 keyset. */
  public static CheckpointSigner fromKeyset(KeysetHandle privateKeyset, String keyName)
      throws GeneralSecurityException {
    if (!(privateKeyset.getPrimary().getKey() instanceof Ed25519PrivateKey priv)) {
      throw new GeneralSecurityException("checkpoint signing needs an Ed25519 primary key");
    }
    SignatureConfig.register();
    PublicKeySign s = privateKeyset.getPrimitive(RegistryConfiguration.get(), PublicKeySign.class);
    return new CheckpointSigner(s, keyName, priv.getPublicKey());
  }

  public String keyName() {
    return keyName;
  }

  /** The C2SP key id (4 bytes) in hex, as printed by the verifier. */
  public String keyIdHex() {
    return HexFormat.of().formatHex(keyId);
  }

  /** The signed note text of {@code checkpoint}. */
  public String sign(Checkpoint checkpoint) throws GeneralSecurityException {
    byte[] body = checkpoint.bodyBytes();
    SignedNote note = new SignedNote(checkpoint.body(),
        List.of(new SignedNote.Signature(keyName, keyId, sign.sign(body))));
    return note.render();
  }
}
