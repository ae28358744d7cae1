package io.phistream.detector;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import com.google.common.primitives.Longs;
import io.phistream.detector.deid.KeyedDigest;
import io.phistream.detector.text.MemoryHash;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;

/**
 * What the pipeline remembers about a patient across messages: keyed digests of the normalised identifiers
 * (name parts, relatives, phone numbers, ids...) earlier messages about the same patient carried, so that a later
 * note that names the patient without a structured name is still scrubbed. Holds digests only, never values;
 * each digest is keyed per patient, so equal names of two patients do not link them.
 */
@FunctionalInterface
public interface PatientMemory {

    /** No memory: each message is scrubbed with what it carries itself. */
    PatientMemory NONE = patientToken -> Set.of();

    /** The digests remembered for the patient with this token; empty when there are none. */
    Set<String> recall(String patientToken);

    /**
     * The keyed hash of a patient's normalised forms: one key per patient token, so equal names of two patients
     * give different digests and the memory cannot link them. The HL7 and FHIR paths share it (and the token).
     *
     * <p>The detector hashes every candidate word and number of a note to look it up, hundreds per note, so the
     * per-form hash is SipHash-2-4 (Guava), a keyed pseudo-random function made for short keys, about ten times
     * cheaper than an HMAC-SHA256 call through Tink. Its 128-bit key is the patient's own: the first 16 bytes of
     * the HMAC (the pipeline's digest key) of the patient token, computed once per message. Without the digest key
     * the stored digests cannot be tested against candidate names; 64-bit digests make a false match between a
     * patient's few hundred remembered forms and a note's candidates about one in 10^15 (it would only redact a
     * word too many).
     */
    static MemoryHash keyedHash(KeyedDigest digest, String patientToken) {
        byte[] k = HexFormat.of().parseHex(digest.hex(KEY_DOMAIN, patientToken));
        long k0 = Longs.fromByteArray(k);
        long k1 = Longs.fromByteArray(Arrays.copyOfRange(k, 8, 16));
        HashFunction sip = Hashing.sipHash24(k0, k1);
        // the digest of prefix + form without building it; Guava for the rare form that is not ASCII
        return (prefix, form) -> SipHash24.ascii(prefix) && SipHash24.ascii(form) ? SipHash24.hash(k0, k1, prefix, form)
                : sip.newHasher().putString(prefix, StandardCharsets.UTF_8).putString(form, StandardCharsets.UTF_8)
                        .hash().asLong();
    }

    /** The domain of the per-patient SipHash keys; "v2": the digests of the HMAC-per-form scheme do not match. */
    String KEY_DOMAIN = "phi-stream/patient-memory-key/v2";
}
