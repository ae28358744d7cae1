package io.phistream.topology.cli;

import io.phistream.detector.deid.Tokenizer;
import io.phistream.topology.config.ConfigException;
import io.phistream.topology.keys.KeyStore;
import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code phi-stream reidentify TOKEN --purpose TEXT}: authorized reversal of one token with the key store.
 * The purpose is required so that every reversal states why it was done, and every attempt is appended to
 * {@code reversals.jsonl} and its signed log in the key store before any value is shown.
 */
@Command(name = "reidentify", mixinStandardHelpOptions = true,
        description = "Reverse one token (authorized use only; requires the key store).")
final class ReidentifyCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TOKEN")
    String token;

    @Option(names = "--purpose", required = true, paramLabel = "TEXT", description = "why this token is reversed")
    String purpose;

    @Mixin
    KeyOptions keyOptions;

    @Override
    public Integer call() {
        if (purpose.isBlank()) {
            throw new ConfigException("--purpose must say why the token is reversed");
        }
        if (!keyOptions.present()) {
            throw new ConfigException("--keys DIR is required: only the key store that made a token can reverse it");
        }
        KeyStore keys = keyOptions.load();
        Tokenizer tokenizer = new Tokenizer(keys.tokenization());
        String value;
        try {
            value = tokenizer.reveal(token.strip());
        } catch (GeneralSecurityException e) {
            record(keys, "refused");
            System.err.println("phi-stream: not a token of this key store (malformed, altered, or another key)");
            return PhiStreamCli.FAILURE;
        }
        record(keys, "revealed"); // before the value is shown: a reversal that cannot be recorded does not happen
        System.out.println(value);
        return PhiStreamCli.OK;
    }

    /**
     * Appends one line to {@link Reversals#LOG}: the token's SHA-256 (an auditor hashes a token to find its reversals;
     * the log holds no value) and the outcome.
     */
    private void record(KeyStore keys, String outcome) {
        Map<String, String> fields = new LinkedHashMap<>();
        String tokenSha256 = Reversals.sha256(token.strip());
        fields.put("tokenSha256", tokenSha256);
        fields.put("outcome", outcome);
        Reversals.record(keyOptions.keysDir, keys, purpose, "token:" + tokenSha256, fields);
    }
}
