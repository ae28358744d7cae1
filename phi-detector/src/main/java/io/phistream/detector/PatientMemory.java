package io.phistream.detector;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import com.google.common.primitives.Longs;
import io.phistream.detector.deid.KeyedDigest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import java.util.function.Function;

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
    static Function<String, String> keyedHash(KeyedDigest digest, String patientToken) {
        byte[] k = HexFormat.of().parseHex(digest.hex(KEY_DOMAIN, patientToken));
        HashFunction sip = Hashing.sipHash24(Longs.fromByteArray(k), Longs.fromByteArray(Arrays.copyOfRange(k, 8, 16)));
        return form -> HexFormat.of().toHexDigits(sip.hashString(form, StandardCharsets.UTF_8).asLong());
    }

    /** The domain of the per-patient SipHash keys; "v2": the digests of the HMAC-per-form scheme do not match. */
    String KEY_DOMAIN = "phi-stream/patient-memory-key/v2";
}
