package io.phistream.topology.cli;

import io.phistream.detector.deid.Tokenizer;
import io.phistream.topology.config.ConfigException;
import java.security.GeneralSecurityException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code phi-stream reidentify TOKEN --purpose TEXT}: authorized reversal of one token with the key store.
 * The purpose is required so that every reversal states why it was done.
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
        Tokenizer tokenizer = new Tokenizer(keyOptions.load().tokenization());
        try {
            String value = tokenizer.reveal(token.strip());
            System.out.println(value);
            return PhiStreamCli.OK;
        } catch (GeneralSecurityException e) {
            System.err.println("phi-stream: not a token of this key store (malformed, altered, or another key)");
            return PhiStreamCli.FAILURE;
        }
    }
}
