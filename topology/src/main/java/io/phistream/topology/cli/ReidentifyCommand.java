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
        String typed = token.strip();
        for (String candidate : candidates(typed)) {
            String value;
            try {
                value = tokenizer.reveal(candidate);
            } catch (GeneralSecurityException e) {
                continue;
            }
            record(keys, candidate, "revealed"); // before the value is shown: a reversal that cannot be recorded does not happen
            if (!candidate.equals(typed)) {
                System.err.println("phi-stream: read as the token's first " + candidate.length() + " characters (the rest"
                        + " is the text that followed it)");
            }
            System.out.println(value);
            return PhiStreamCli.OK;
        }
        record(keys, typed, "refused");
        System.err.println("phi-stream: not a token of this key store (malformed, altered, or another key)");
        return PhiStreamCli.FAILURE;
    }

    /**
     * What was typed, then the same cut back at each '-' or '_' from the end, at most three times: a token's alphabet
     * holds both, so one copied out of free text may carry the text that followed it ("nam-...-9" of "PHQ-9", a
     * walkthrough). Authenticated decryption rejects every wrong cut, so trying them reveals nothing else.
     */
    static java.util.List<String> candidates(String typed) {
        java.util.List<String> out = new java.util.ArrayList<>(4);
        out.add(typed);
        String s = typed;
        for (int i = 0; i < 3; i++) {
            int cut = Math.max(s.lastIndexOf('-'), s.lastIndexOf('_'));
            if (cut <= 4) { // (not into the type prefix "nam-")
                break;
            }
            s = s.substring(0, cut);
            out.add(s);
        }
        return out;
    }

    /**
     * Appends one line to {@link Reversals#LOG}: the SHA-256 of the token revealed, or of what was typed when none was
     * (an auditor hashes a token to find its reversals; the log holds no value), and the outcome.
     */
    private void record(KeyStore keys, String asked, String outcome) {
        Map<String, String> fields = new LinkedHashMap<>();
        String tokenSha256 = Reversals.sha256(asked);
        fields.put("tokenSha256", tokenSha256);
        fields.put("outcome", outcome);
        Reversals.record(keyOptions.keysDir, keys, purpose, "token:" + tokenSha256, fields);
    }
}
