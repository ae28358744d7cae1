package io.phistream.detector.fhir;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.config.TinkConfig;
import com.google.crypto.tink.daead.PredefinedDeterministicAeadParameters;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import io.phistream.detector.FreeTextScrubber;
import io.phistream.detector.deid.DateShifter;
import io.phistream.detector.deid.KeyedDigest;
import io.phistream.detector.deid.Tokenizer;
import io.phistream.detector.deid.Zip3;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

/** Fresh keys and FHIR de-identifiers built on them, for tests (and the benchmark). */
public final class FhirTestKit {

    public static final Path SHARED = Path.of("..", "..", "shared");
    public static final Path SYNTHEA = SHARED.resolve("corpora/synthea-fhir-r4/bundles");
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    public final Tokenizer tokenizer;
    public final DateShifter shifter;
    public final KeyedDigest digest;

    public FhirTestKit() {
        try {
            TinkConfig.register();
            tokenizer = Tokenizer.fromKeyset(KeysetHandle.generateNew(PredefinedDeterministicAeadParameters.AES256_SIV));
            shifter = DateShifter.fromKeyset(KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF), 365);
            digest = new KeyedDigest(KeysetHandle.generateNew(PredefinedMacParameters.HMAC_SHA256_256BITTAG)
                    .getPrimitive(RegistryConfiguration.get(), Mac.class));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public FhirDeidentifier deidentifier() {
        return deidentifier(IdentityMap.empty(), FreeTextScrubber.REDACT_ALL);
    }

    public FhirDeidentifier deidentifier(IdentityMap identities, FreeTextScrubber scrubber) {
        return new FhirDeidentifier(FhirPolicy.builtIn(), identities, tokenizer, shifter, Zip3.defaultUnion(), digest,
                scrubber, CLOCK);
    }

    public static boolean syntheaPresent() {
        return Files.isDirectory(SYNTHEA);
    }

    public static List<Path> syntheaBundles() {
        try (Stream<Path> files = Files.list(SYNTHEA)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
