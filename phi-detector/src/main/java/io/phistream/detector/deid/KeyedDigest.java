package io.phistream.detector.deid;

import com.google.crypto.tink.Mac;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Keyed digests (Tink HMAC-SHA256, truncated to 128 bits) for message ids, dedupe keys and audit digests.
 * Keyed, because a plain hash of an MRN or a control id can be reversed by trying every candidate.
 */
public final class KeyedDigest {

    private final Mac mac;

    public KeyedDigest(Mac mac) {
        this.mac = mac;
    }

    /** Hex digest of {@code value} within a {@code domain}, so that equal values in different roles differ. */
    public String hex(String domain, String value) {
        return hex(domain, value.getBytes(StandardCharsets.UTF_8));
    }

    public String hex(String domain, byte[] value) {
        byte[] d = domain.getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[d.length + 1 + value.length];
        System.arraycopy(d, 0, input, 0, d.length);
        System.arraycopy(value, 0, input, d.length + 1, value.length);
        try {
            byte[] tag = mac.computeMac(input);
            // Tink prefixes a 5-byte key id on TINK-prefixed keys: skip it so digests survive a key-id read
            int from = tag.length > 32 ? tag.length - 32 : 0;
            return HexFormat.of().formatHex(tag, from, from + 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("keyed digest failed", null);
        }
    }
}
