package io.phistream.audit;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.signature.PredefinedSignatureParameters;
import com.google.crypto.tink.signature.SignatureConfig;
import io.phistream.audit.checkpoint.CheckpointSigner;
import io.phistream.audit.checkpoint.CheckpointVerifier;
import java.security.GeneralSecurityException;

/** Fresh Ed25519 keysets for tests (never written anywhere). */
public final class TestKeys {
  public final KeysetHandle privateKeyset;
  public final KeysetHandle publicKeyset;
  public final CheckpointSigner signer;

  private TestKeys(boolean rawOutput) {
    try {
      SignatureConfig.register();
      privateKeyset = KeysetHandle.generateNew(rawOutput
          ? PredefinedSignatureParameters.ED25519WithRawOutput : PredefinedSignatureParameters.ED25519);
      publicKeyset = privateKeyset.getPublicKeysetHandle();
      signer = CheckpointSigner.fromKeyset(privateKeyset, CheckpointSigner.DEFAULT_KEY_NAME);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static TestKeys raw() {
    return new TestKeys(true);
  }

  public static TestKeys tinkPrefixed() {
    return new TestKeys(false);
  }

  public CheckpointVerifier verifier() {
    try {
      return new CheckpointVerifier(publicKeyset);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
