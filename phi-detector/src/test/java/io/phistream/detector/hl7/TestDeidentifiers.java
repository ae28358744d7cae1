package io.phistream.detector.hl7;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.config.TinkConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import com.google.crypto.tink.daead.PredefinedDeterministicAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import io.phistream.detector.FreeTextScrubber;
import io.phistream.detector.deid.DateShifter;
import io.phistream.detector.deid.KeyedDigest;
import io.phistream.detector.deid.Tokenizer;
import io.phistream.detector.deid.Zip3;
import io.phistream.detector.er7.Delimiters;
import io.phistream.detector.er7.Er7Exception;
import io.phistream.detector.er7.Er7Message;
import java.security.GeneralSecurityException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Fresh keys and a de-identifier with the shipped policy, for tests. */
final class TestDeidentifiers {

    static final Path SHARED = Path.of("..", "..", "shared");
    static final Path HL7_CORPUS = SHARED.resolve("corpora/hl7v2-samples/messages");

    final Tokenizer tokenizer;
    final DateShifter shifter;
    final KeyedDigest digest;
    final Hl7Deidentifier deidentifier;

    TestDeidentifiers() {
        try {
            TinkConfig.register();
            tokenizer = Tokenizer.fromKeyset(KeysetHandle.generateNew(PredefinedDeterministicAeadParameters.AES256_SIV));
            shifter = DateShifter.fromKeyset(KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF), 365);
            digest = new KeyedDigest(KeysetHandle.generateNew(PredefinedMacParameters.HMAC_SHA256_256BITTAG)
                    .getPrimitive(RegistryConfiguration.get(), Mac.class));
            deidentifier = scrubbingWith(FreeTextScrubber.REDACT_ALL);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A de-identifier with these keys and the tests' fixed clock that scrubs free text with {@code scrubber}. */
    Hl7Deidentifier scrubbingWith(FreeTextScrubber scrubber) {
        return new Hl7Deidentifier(Hl7Policy.builtIn(), tokenizer, shifter, Zip3.defaultUnion(), digest, scrubber,
                Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    }

    /** The outcome of {@code input}, which must be a release. */
    static Hl7Outcome.Deidentified released(Hl7Deidentifier d, String input) {
        Hl7Outcome outcome = d.deidentify(input);
        org.assertj.core.api.Assertions.assertThat(outcome).as("released, not %s", outcome)
                .isInstanceOf(Hl7Outcome.Deidentified.class);
        return (Hl7Outcome.Deidentified) outcome;
    }

    /** The released text, which must be readable ER7. */
    static io.phistream.detector.er7.Er7Message parsed(Hl7Outcome.Deidentified d) {
        return org.junit.jupiter.api.Assertions.assertDoesNotThrow(
                () -> io.phistream.detector.er7.Er7Message.parse(d.text()), "output must be readable ER7");
    }

    /** The plain value of one of this tokenizer's tokens. */
    String reveal(String token) {
        try {
            return tokenizer.reveal(token);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError("not a token of this tokenizer", e);
        }
    }

    static boolean corpusPresent() {
        return Files.isDirectory(HL7_CORPUS);
    }

    /**
     * Replaces every leaf of the output that is a token with a mask, after proving that it is one: it must
     * decrypt with the tokenizer. A leaf that looks like a token but does not decrypt fails the test.
     */
    String maskProvenTokens(String output) {
        Delimiters d;
        try {
            d = Er7Message.parse(output).delimiters();
        } catch (Er7Exception e) {
            throw new AssertionError("released output is not ER7: " + e.problem());
        }
        StringBuilder masked = new StringBuilder(output.length());
        int start = 0;
        for (int i = 0; i <= output.length(); i++) {
            char c = i < output.length() ? output.charAt(i) : '\r';
            if (c == '\r' || c == d.field() || c == d.component() || c == d.repetition() || c == d.escape()
                    || c == d.subcomponent()) {
                String leaf = output.substring(start, i);
                if (Tokenizer.looksLikeToken(leaf)) {
                    try {
                        tokenizer.reveal(leaf);
                    } catch (GeneralSecurityException e) {
                        throw new AssertionError("a token-like value in the output is no token of ours", e);
                    }
                    masked.append('\u0001');
                } else {
                    masked.append(leaf);
                }
                if (i < output.length()) {
                    masked.append(c);
                }
                start = i + 1;
            }
        }
        return masked.toString();
    }
}
