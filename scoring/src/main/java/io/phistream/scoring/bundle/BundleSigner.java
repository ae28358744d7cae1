package io.phistream.scoring.bundle;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.signature.SignatureConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;

/**
 * The approver's side: records the model's SHA-256 and the approval in the manifest, rewrites it in canonical
 * form and writes {@code manifest.sig}, a base64 Tink signature (Ed25519 recommended) over those bytes.
 */
public final class BundleSigner {

    private BundleSigner() {
    }

    /** Tink id of the keyset's primary key, as written to {@code approval.approverKeyId}. */
    public static String keyId(KeysetHandle keyset) {
        return Integer.toUnsignedString(keyset.getPrimary().getId());
    }

    /**
     * Signs the bundle in {@code dir} (which must hold model.onnx and a draft manifest.json).
     *
     * @param approverPrivate the approver's private signing keyset
     * @param status          the approval decision to record (PENDING and REVOKED bundles are signed but refused)
     * @param note            free text for the approval, may be null
     * @return the manifest as signed
     */
    public static ModelManifest sign(Path dir, KeysetHandle approverPrivate, ApprovalStatus status, String note)
            throws IOException, GeneralSecurityException, ModelRejectedException {
        SignatureConfig.register();
        byte[] model = Files.readAllBytes(dir.resolve(ModelBundle.MODEL_FILE));
        ModelManifest draft;
        try {
            draft = ModelManifest.JSON.readValue(Files.readAllBytes(dir.resolve(ModelBundle.MANIFEST_FILE)),
                    ModelManifest.class);
        } catch (IOException e) {
            throw new ModelRejectedException(ModelRejectedException.Reason.MALFORMED, "draft manifest.json is not valid");
        }
        ModelManifest signed = draft.withModelSha256(ModelBundle.sha256Hex(model))
                .withApproval(new ModelManifest.Approval(status, keyId(approverPrivate), Instant.now().toString(), note));
        signed.validate();
        byte[] bytes = signed.toJson();
        PublicKeySign signer = approverPrivate.getPrimitive(RegistryConfiguration.get(), PublicKeySign.class);
        byte[] signature = signer.sign(bytes);
        Files.write(dir.resolve(ModelBundle.MANIFEST_FILE), bytes);
        Files.write(dir.resolve(ModelBundle.SIGNATURE_FILE),
                (Base64.getEncoder().encodeToString(signature) + "\n").getBytes(StandardCharsets.US_ASCII));
        return signed;
    }
}
