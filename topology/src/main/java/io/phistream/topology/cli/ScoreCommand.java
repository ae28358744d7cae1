package io.phistream.topology.cli;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.signature.SignatureConfig;
import io.phistream.scoring.batch.CsvBatchScorer;
import io.phistream.topology.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code phi-stream score --model news2|DIR --in FILE.csv --out FILE.csv}: batch scoring with the same ONNX
 * models the pipeline runs. Bundle directories are loaded only when their manifest signature verifies against
 * the approver's public keyset.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score a CSV of vital signs (rr,spo2,spo2_scale,o2,sbp,hr,acvpu,temp) with an ONNX model.")
final class ScoreCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "news2|deterioration|DIR",
            description = "a built-in model or a signed bundle directory")
    String model;

    @Option(names = "--in", required = true, paramLabel = "FILE.csv")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv")
    Path out;

    @Option(names = "--approver-key", paramLabel = "FILE",
            description = "public keyset (Tink JSON) that signs model bundles; needed for a bundle directory")
    Path approverKey;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(in)) {
            throw new ConfigException("--in: no such file: " + in);
        }
        // paths are checked here so that a missing folder or a permission is a usage error, not "bad rows"
        if (!Files.isReadable(in)) {
            throw new ConfigException("--in: cannot read " + in + " (no read permission)");
        }
        if (Files.isDirectory(out)) {
            throw new ConfigException("--out: " + out + " is a folder; expected a file path");
        }
        Path outDir = out.toAbsolutePath().getParent();
        if (!Files.isDirectory(outDir)) {
            throw new ConfigException("--out: cannot write " + out + ": its folder " + outDir
                    + (Files.exists(outDir) ? " is not a folder" : " does not exist"));
        }
        if (!Files.isWritable(outDir)) {
            throw new ConfigException("--out: cannot write " + out + ": no write permission in its folder " + outDir);
        }
        PublicKeyVerify approver = null;
        if (approverKey != null) {
            try {
                SignatureConfig.register();
                KeysetHandle h = TinkJsonProtoKeysetFormat.parseKeysetWithoutSecret(Files.readString(approverKey));
                approver = h.getPrimitive(RegistryConfiguration.get(), PublicKeyVerify.class);
            } catch (java.io.IOException | java.security.GeneralSecurityException e) {
                throw new ConfigException("--approver-key: not a readable public Tink keyset: " + approverKey);
            }
        }
        int code = new CsvBatchScorer(approver).run(model, in, out, System.err);
        return switch (code) {
            case CsvBatchScorer.OK -> PhiStreamCli.OK;
            case CsvBatchScorer.BAD_MODEL -> PhiStreamCli.USAGE;
            default -> PhiStreamCli.FAILURE;
        };
    }
}
