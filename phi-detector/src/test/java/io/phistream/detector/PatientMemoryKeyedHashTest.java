package io.phistream.detector;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import io.phistream.detector.deid.KeyedDigest;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The hash the per-patient memory stores and the detector looks candidates up with. */
class PatientMemoryKeyedHashTest {

    private static KeyedDigest newDigestKey() throws Exception {
        MacConfig.register();
        return new KeyedDigest(KeysetHandle.generateNew(PredefinedMacParameters.HMAC_SHA256_256BITTAG)
                .getPrimitive(RegistryConfiguration.get(), Mac.class));
    }

    @Test
    void givenOnePatient_whenTheSameFormIsHashedTwice_thenTheDigestsAreEqualAndHoldNoValue() throws Exception {
        KeyedDigest key = newDigestKey();
        String a = PatientMemory.keyedHash(key, "tok-1").apply("n:quillfeather");
        String b = PatientMemory.keyedHash(key, "tok-1").apply("n:quillfeather");

        assertThat(a).isEqualTo(b).matches("[0-9a-f]{16}").doesNotContain("quill");
    }

    @Test
    void givenTwoPatients_whenTheSameFormIsHashed_thenTheDigestsDifferSoTheMemoryCannotLinkThem() throws Exception {
        KeyedDigest key = newDigestKey();

        assertThat(PatientMemory.keyedHash(key, "tok-1").apply("n:smith"))
                .isNotEqualTo(PatientMemory.keyedHash(key, "tok-2").apply("n:smith"));
    }

    @Test
    void givenAnotherDigestKey_whenTheSameFormIsHashedForTheSamePatient_thenTheDigestDiffers() throws Exception {
        // without the pipeline's key nobody can test a stored digest against a guessed name
        Function<String, String> one = PatientMemory.keyedHash(newDigestKey(), "tok-1");
        Function<String, String> other = PatientMemory.keyedHash(newDigestKey(), "tok-1");

        assertThat(one.apply("n:smith")).isNotEqualTo(other.apply("n:smith"));
    }

    @Test
    void givenAPrefixAndAForm_whenHashedApart_thenTheValueIsTheStoredDigestOfTheirConcatenation() throws Exception {
        KeyedDigest key = newDigestKey();
        io.phistream.detector.text.MemoryHash h = PatientMemory.keyedHash(key, "tok-1");

        assertThat(java.util.HexFormat.of().toHexDigits(h.hash64("n:", "quillfeather")))
                .isEqualTo(h.apply("n:quillfeather"));
        // still SipHash-2-4 of the whole form under the patient's key: digests already on the topic keep matching
        byte[] k = java.util.HexFormat.of().parseHex(key.hex(PatientMemory.KEY_DOMAIN, "tok-1"));
        long whole = com.google.common.hash.Hashing.sipHash24(com.google.common.primitives.Longs.fromByteArray(k),
                com.google.common.primitives.Longs.fromByteArray(java.util.Arrays.copyOfRange(k, 8, 16)))
                .hashString("n:quillfeather", java.nio.charset.StandardCharsets.UTF_8).asLong();
        assertThat(h.apply("n:quillfeather")).isEqualTo(java.util.HexFormat.of().toHexDigits(whole));
        // a form that is not ASCII takes Guava's path, with the same result
        long accented = com.google.common.hash.Hashing.sipHash24(com.google.common.primitives.Longs.fromByteArray(k),
                com.google.common.primitives.Longs.fromByteArray(java.util.Arrays.copyOfRange(k, 8, 16)))
                .hashString("n:muñoz", java.nio.charset.StandardCharsets.UTF_8).asLong();
        assertThat(h.hash64("n:", "muñoz")).isEqualTo(accented);
    }

    @Test
    void givenDifferentForms_whenHashedForOnePatient_thenTheirDigestsDiffer() throws Exception {
        Function<String, String> h = PatientMemory.keyedHash(newDigestKey(), "tok-1");

        assertThat(h.apply("n:smith")).isNotEqualTo(h.apply("n:smyth")).isNotEqualTo(h.apply("g:smith"));
    }
}
