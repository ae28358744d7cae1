package io.phistream.topology.quality;

import io.phistream.detector.deid.KeyedDigest;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What both formats' gates ({@link QualityGate}, {@link FhirQualityGate}) do alike: the checks on raw bytes before a
 * format is read (size, strict UTF-8), the dedupe digests and the de-identifiers' message ids. Thread-safe.
 */
final class GateCore {

    static final String SUBKEY_DOMAIN = "phi-stream/dedupe-v1/subkey";
    /** The dedupe digest of an unreadable input's raw bytes, in either format. */
    static final String RAW_DOMAIN = "phi-stream/dedupe-v1/raw";

    private final KeyedDigest digest;
    private final int maxMessageBytes;
    private final ThreadLocal<Mac> mac;

    GateCore(KeyedDigest digest, int maxMessageBytes) {
        this.digest = digest;
        this.maxMessageBytes = maxMessageBytes;
        // Dedupe digests use a subkey of the digest keyset, derived through KeyedDigest, in a JCE HMAC that is fed
        // in parts from the input: no re-encoding or copying of the message (Tink's Mac takes one array). Rotating
        // the digest keyset changes the subkey exactly as it changes every other keyed digest.
        SecretKeySpec key = new SecretKeySpec(HexFormat.of().parseHex(digest.hex(SUBKEY_DOMAIN, "")), "HmacSHA256");
        this.mac = ThreadLocal.withInitial(() -> {
            try {
                Mac m = Mac.getInstance("HmacSHA256");
                m.init(key);
                return m;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 unavailable", null);
            }
        });
    }

    /** {@link QualityGate#EMPTY} or {@link QualityGate#TOO_LARGE} when the size alone rules the input out; else null. */
    Finding sizeProblem(byte[] bytes) {
        if (bytes.length == 0) {
            return QualityGate.EMPTY;
        }
        return bytes.length > maxMessageBytes ? QualityGate.TOO_LARGE : null;
    }

    /** The bytes as UTF-8, malformed or unmappable input reported rather than replaced; null when they are not UTF-8. */
    static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** This thread's HMAC, already fed {@code domain} and a 0x00 separator: feed it the content, then {@link #hex(Mac)}. */
    Mac begin(String domain) {
        Mac m = mac.get();
        m.update(domain.getBytes(StandardCharsets.UTF_8));
        m.update((byte) 0);
        return m;
    }

    /** Hex of the first 128 bits of the HMAC of what {@code m} was fed. */
    static String hex(Mac m) {
        return HexFormat.of().formatHex(m.doFinal(), 0, 16);
    }

    /** Hex of the first 128 bits of HMAC(subkey, domain 0x00 parts...). */
    String hex(String domain, byte[]... parts) {
        Mac m = begin(domain);
        for (byte[] p : parts) {
            m.update(p);
        }
        return hex(m);
    }

    /** The keyed digest of an id and the content it names together (a reused id); null without an id. */
    String idBodyKey(String domain, String idKey, String fingerprint) {
        return idKey == null ? null : hex(domain, (idKey + "|" + fingerprint).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The message id the format's de-identifier gives the same input: {@code m} and the keyed digest of its
     * {@code identity} (in {@code identityDomain}), else {@code c} and the keyed digest of its raw bytes.
     */
    String messageId(String identityDomain, String identity, byte[] raw) {
        return identity != null ? "m" + digest.hex(identityDomain, identity) : "c" + digest.hex("phi-stream/content", raw);
    }
}
