package io.phistream.scoring.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import io.phistream.scoring.bundle.ModelRejectedException.Reason;
import io.phistream.scoring.models.BuiltInModels;
import io.phistream.scoring.onnx.OnnxScorer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelBundleTest {

    private static KeysetHandle approverKey;
    private static PublicKeyVerify approver;
    @TempDir
    Path tmp;

    @BeforeAll
    static void keys() throws Exception {
        approverKey = TestBundles.newApproverKey();
        approver = TestBundles.verifier(approverKey);
    }

    private Path approvedBundle() throws Exception {
        return TestBundles.signedConstant(tmp.resolve("b"), "risk", "1.0.0", 0.4f, approverKey, ApprovalStatus.APPROVED);
    }

    private static void assertRejected(ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOf(ModelRejectedException.class)
                .satisfies(e -> assertThat(((ModelRejectedException) e).reason()).isEqualTo(reason));
    }

    @Test
    void givenASignedApprovedBundle_whenLoaded_thenAcceptedAndScores() throws Exception {
        ModelBundle b = ModelBundle.load(approvedBundle(), approver);
        assertThat(b.manifest().name()).isEqualTo("risk");
        assertThat(b.manifest().approval().approverKeyId()).isEqualTo(BundleSigner.keyId(approverKey));
        assertThat(b.builtIn()).isFalse();
        try (OnnxScorer s = OnnxScorer.open(b)) {
            assertThat(s.score(new float[8])[0]).isEqualTo(0.4f);
        }
    }

    @Test
    void givenNoSignatureFile_whenLoaded_thenRejectedUnsigned() throws Exception {
        Path dir = approvedBundle();
        Files.delete(dir.resolve(ModelBundle.SIGNATURE_FILE));
        assertRejected(() -> ModelBundle.load(dir, approver), Reason.UNSIGNED);
    }

    @Test
    void givenADraftThatWasNeverSigned_whenLoaded_thenRejectedUnsigned() throws Exception {
        Path dir = TestBundles.draft(tmp.resolve("d"), TestBundles.constantManifest("risk", "1"), TestBundles.constantModel(1));
        assertRejected(() -> ModelBundle.load(dir, approver), Reason.UNSIGNED);
    }

    @Test
    void givenSignedButPendingOrRevoked_whenLoaded_thenRejectedUnapproved() throws Exception {
        Path pending = TestBundles.signedConstant(tmp.resolve("p"), "risk", "1", 0.1f, approverKey, ApprovalStatus.PENDING);
        Path revoked = TestBundles.signedConstant(tmp.resolve("r"), "risk", "1", 0.1f, approverKey, ApprovalStatus.REVOKED);
        assertRejected(() -> ModelBundle.load(pending, approver), Reason.UNAPPROVED);
        assertRejected(() -> ModelBundle.load(revoked, approver), Reason.UNAPPROVED);
    }

    @Test
    void givenTheModelFileReplacedAfterSigning_whenLoaded_thenRejectedHashMismatch() throws Exception {
        Path dir = approvedBundle();
        Files.write(dir.resolve(ModelBundle.MODEL_FILE), TestBundles.constantModel(0.99f));
        assertRejected(() -> ModelBundle.load(dir, approver), Reason.MODEL_HASH_MISMATCH);
    }

    @Test
    void givenTheManifestEditedAfterSigning_whenLoaded_thenRejectedBadSignature() throws Exception {
        Path dir = approvedBundle();
        Path manifest = dir.resolve(ModelBundle.MANIFEST_FILE);
        String edited = Files.readString(manifest).replace("\"high\" : 0.8", "\"high\" : 0.95");
        assertThat(edited).isNotEqualTo(Files.readString(manifest));
        Files.writeString(manifest, edited);
        assertRejected(() -> ModelBundle.load(dir, approver), Reason.BAD_SIGNATURE);
    }

    @Test
    void givenAManifestWithOnlyWhitespaceAdded_whenLoaded_thenStillRejected() throws Exception {
        Path dir = approvedBundle();
        Files.writeString(dir.resolve(ModelBundle.MANIFEST_FILE), Files.readString(dir.resolve(ModelBundle.MANIFEST_FILE)) + "\n");
        assertRejected(() -> ModelBundle.load(dir, approver), Reason.BAD_SIGNATURE);
    }

    @Test
    void givenABundleSignedByAnotherKey_whenLoaded_thenRejectedBadSignature() throws Exception {
        KeysetHandle other = TestBundles.newApproverKey();
        Path dir = TestBundles.signedConstant(tmp.resolve("o"), "risk", "1", 0.1f, other, ApprovalStatus.APPROVED);
        assertRejected(() -> ModelBundle.load(dir, approver), Reason.BAD_SIGNATURE);
        assertThat(ModelBundle.load(dir, TestBundles.verifier(other)).manifest().name()).isEqualTo("risk");
    }

    @Test
    void givenAGarbageSignature_whenLoaded_thenRejectedBadSignature() throws Exception {
        Path dir = approvedBundle();
        Files.writeString(dir.resolve(ModelBundle.SIGNATURE_FILE), "not base64 !!!");
        assertRejected(() -> ModelBundle.load(dir, approver), Reason.BAD_SIGNATURE);
    }

    @Test
    void givenTheModelFileMissing_whenLoaded_thenRejectedMissingFile() throws Exception {
        Path dir = approvedBundle();
        Files.delete(dir.resolve(ModelBundle.MODEL_FILE));
        assertRejected(() -> ModelBundle.load(dir, approver), Reason.MISSING_FILE);
    }

    @Test
    void givenASignedManifestThatIsNotValid_whenLoaded_thenRejectedMalformed() throws Exception {
        // The approver signed it, but the score column does not exist: refused anyway.
        Path dir = approvedBundle();
        ModelManifest m = ModelManifest.parse(Files.readAllBytes(dir.resolve(ModelBundle.MANIFEST_FILE)));
        ModelManifest broken = new ModelManifest(m.name(), m.version(), null, m.input(), m.features(), m.outputs(),
                "nope", m.thresholds(), null, null, null);
        TestBundles.draft(dir, broken, Files.readAllBytes(dir.resolve(ModelBundle.MODEL_FILE)));
        assertRejected(() -> BundleSigner.sign(dir, approverKey, ApprovalStatus.APPROVED, null), Reason.MALFORMED);
    }

    @Test
    void givenAModelWhoseInputDoesNotMatchTheManifest_whenOpened_thenRejectedIncompatible() throws Exception {
        Path dir = tmp.resolve("x");
        ModelManifest m = TestBundles.constantManifest("risk", "1");
        ModelManifest sevenFeatures = new ModelManifest(m.name(), m.version(), null, m.input(),
                m.features().subList(0, 7), m.outputs(), m.score(), m.thresholds(), null, null, null);
        TestBundles.draft(dir, sevenFeatures, TestBundles.constantModel(0.2f));
        BundleSigner.sign(dir, approverKey, ApprovalStatus.APPROVED, null);
        ModelBundle b = ModelBundle.load(dir, approver);
        assertRejected(() -> OnnxScorer.open(b), Reason.INCOMPATIBLE);
    }

    @Test
    void givenApproverPublicKeyAsJson_whenUsedToVerify_thenAccepted() throws Exception {
        String json = TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(approverKey.getPublicKeysetHandle());
        assertThat(ModelBundle.load(approvedBundle(), BundleVerifier.approverFromJson(json))).isNotNull();
        assertThatThrownBy(() -> BundleVerifier.approverFromJson(
                TinkJsonProtoKeysetFormat.serializeKeyset(approverKey, com.google.crypto.tink.InsecureSecretKeyAccess.get())))
                .isInstanceOf(java.security.GeneralSecurityException.class);
    }

    @Test
    void givenTheBuildTimeBuiltInBundles_whenComparedWithAFreshGeneration_thenIdenticalBytes() throws Exception {
        for (String name : BuiltInModels.names()) {
            byte[] shippedModel = BuiltInModels.resource(name, ModelBundle.MODEL_FILE);
            byte[] shippedManifest = BuiltInModels.resource(name, ModelBundle.MANIFEST_FILE);
            assertThat(shippedModel).as("build-time models/%s/model.onnx", name).isNotNull();
            BuiltInModels.Generated fresh = BuiltInModels.generate(name);
            assertThat(shippedModel).isEqualTo(fresh.model());
            assertThat(new String(shippedManifest, StandardCharsets.UTF_8))
                    .isEqualTo(new String(fresh.manifest(), StandardCharsets.UTF_8));
            ModelBundle b = BuiltInModels.load(name);
            assertThat(b.builtIn()).isTrue();
            assertThat(b.manifest().modelSha256()).isEqualTo(ModelBundle.sha256Hex(shippedModel));
        }
    }

    @Test
    void givenATrustedBundleWhoseBytesDoNotMatch_whenCreated_thenRejected() throws Exception {
        ModelManifest m = BuiltInModels.load(BuiltInModels.NEWS2).manifest();
        assertRejected(() -> ModelBundle.trusted(m, TestBundles.constantModel(1f)), Reason.MODEL_HASH_MISMATCH);
    }

    @Test
    void givenAnUnknownBuiltInName_whenLoaded_thenRejectedUnknownModel() {
        assertRejected(() -> BuiltInModels.load("qsofa"), Reason.UNKNOWN_MODEL);
    }

    @Test
    void givenDottedVersions_whenCompared_thenNumericPerPart() {
        assertThat(ModelManifest.compareVersions("1.10.0", "1.9.2")).isPositive();
        assertThat(ModelManifest.compareVersions("2", "2.0.0")).isZero();
        assertThat(ModelManifest.compareVersions("1.0.0", "1.0.1")).isNegative();
    }
}
