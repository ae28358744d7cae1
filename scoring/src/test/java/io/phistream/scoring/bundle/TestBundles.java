package io.phistream.scoring.bundle;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.signature.PredefinedSignatureParameters;
import com.google.crypto.tink.signature.SignatureConfig;
import io.phistream.scoring.models.BuiltInModels;
import io.phistream.scoring.onnx.OnnxGraphBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Builds signed bundle directories for tests. */
public final class TestBundles {

    private TestBundles() {
    }

    public static KeysetHandle newApproverKey() throws Exception {
        SignatureConfig.register();
        return KeysetHandle.generateNew(PredefinedSignatureParameters.ED25519);
    }

    public static PublicKeyVerify verifier(KeysetHandle privateKeyset) throws Exception {
        return BundleVerifier.approver(privateKeyset.getPublicKeysetHandle());
    }

    /** A model over the 8 vital features that outputs the same "score" for every row. */
    public static byte[] constantModel(float value) {
        OnnxGraphBuilder g = new OnnxGraphBuilder("constant");
        String x = g.input("features", 8);
        String zero = g.op("Mul", List.of(g.column(x, 0), g.constant(0f)));
        g.opNamed("score", "Add", List.of(zero, g.constant(value)));
        g.output("score", 0);
        return g.toModelBytes("test model: constant score");
    }

    /** An unsigned draft manifest for {@link #constantModel}. */
    public static ModelManifest constantManifest(String name, String version) {
        return new ModelManifest(name, version, "test", "features", BuiltInModels.vitalFeatures(),
                List.of(new ModelManifest.Output("score", "float", null)), "score",
                new ModelManifest.Thresholds(0.3, 0.5, 0.8), null, null, null);
    }

    /** Writes model and draft manifest into dir (created) without signing. */
    public static Path draft(Path dir, ModelManifest manifest, byte[] model) throws Exception {
        Files.createDirectories(dir);
        Files.write(dir.resolve(ModelBundle.MODEL_FILE), model);
        Files.write(dir.resolve(ModelBundle.MANIFEST_FILE), ModelManifest.JSON.writeValueAsBytes(manifest));
        return dir;
    }

    /** A signed constant-score bundle. */
    public static Path signedConstant(Path dir, String name, String version, float value, KeysetHandle key,
                                      ApprovalStatus status) throws Exception {
        draft(dir, constantManifest(name, version), constantModel(value));
        BundleSigner.sign(dir, key, status, "test");
        return dir;
    }
}
