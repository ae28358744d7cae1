package io.phistream.scoring.bundle;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.signature.SignatureConfig;
import io.phistream.scoring.bundle.ModelRejectedException.Reason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Objects;

/**
 * Verifies a bundle directory: {@code manifest.sig} (base64 Tink Ed25519 signature over the exact bytes of
 * {@code manifest.json}) against the approver's public key, then the approval status, then the model's
 * SHA-256. Each file is read once and the checked bytes are the ones used, so a file swapped after the
 * check cannot be loaded by mistake.
 */
public final class BundleVerifier {

    private static final byte TINK_PREFIX = 0x01;
    private final PublicKeyVerify approver;

    public BundleVerifier(PublicKeyVerify approver) {
        this.approver = Objects.requireNonNull(approver, "approver key");
    }

    /** A verifier primitive from the approver's public keyset. */
    public static PublicKeyVerify approver(KeysetHandle publicKeyset) throws GeneralSecurityException {
        SignatureConfig.register();
        return publicKeyset.getPrimitive(RegistryConfiguration.get(), PublicKeyVerify.class);
    }

    /** A verifier primitive from a public keyset in Tink JSON format (no secret key material accepted). */
    public static PublicKeyVerify approverFromJson(String publicKeysetJson) throws GeneralSecurityException {
        SignatureConfig.register();
        return approver(TinkJsonProtoKeysetFormat.parseKeysetWithoutSecret(publicKeysetJson));
    }

    public ModelBundle verify(Path dir) throws ModelRejectedException {
        byte[] manifestBytes = read(dir.resolve(ModelBundle.MANIFEST_FILE));
        Path sigFile = dir.resolve(ModelBundle.SIGNATURE_FILE);
        if (!Files.isRegularFile(sigFile)) {
            throw new ModelRejectedException(Reason.UNSIGNED, "bundle has no " + ModelBundle.SIGNATURE_FILE);
        }
        byte[] signature;
        try {
            signature = Base64.getMimeDecoder().decode(new String(read(sigFile), StandardCharsets.US_ASCII).trim());
        } catch (IllegalArgumentException e) {
            throw new ModelRejectedException(Reason.BAD_SIGNATURE, ModelBundle.SIGNATURE_FILE + " is not base64");
        }
        try {
            approver.verify(signature, manifestBytes);
        } catch (GeneralSecurityException e) {
            throw new ModelRejectedException(Reason.BAD_SIGNATURE,
                    "manifest signature does not verify with the approver key (manifest altered or signed by another key)");
        }
        ModelManifest manifest = ModelManifest.parse(manifestBytes);
        ApprovalStatus status = manifest.approval().status();
        if (status != ApprovalStatus.APPROVED && status != ApprovalStatus.APPROVED_SHADOW) {
            throw new ModelRejectedException(Reason.UNAPPROVED, "approval status is " + status);
        }
        // Tink-prefixed signatures carry the signing key's id: it must be the approver named in the manifest.
        if (signature.length > 5 && signature[0] == TINK_PREFIX) {
            String signedBy = Integer.toUnsignedString(ByteBuffer.wrap(signature, 1, 4).getInt());
            if (!signedBy.equals(manifest.approval().approverKeyId())) {
                throw new ModelRejectedException(Reason.BAD_SIGNATURE, "manifest names a different approver key");
            }
        }
        byte[] model = read(dir.resolve(ModelBundle.MODEL_FILE));
        if (!ModelBundle.sha256Hex(model).equals(manifest.modelSha256())) {
            throw new ModelRejectedException(Reason.MODEL_HASH_MISMATCH,
                    ModelBundle.MODEL_FILE + " does not match the SHA-256 in the signed manifest");
        }
        return ModelBundle.verified(manifest, model, dir);
    }

    private static byte[] read(Path file) throws ModelRejectedException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ModelRejectedException(Reason.MISSING_FILE, "cannot read " + file.getFileName());
        }
    }
}
