package io.phistream.detector.deid;

import com.google.crypto.tink.DeterministicAead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.daead.DeterministicAeadConfig;
import io.phistream.detector.PhiType;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Keyed, deterministic, reversible pseudonyms (BRIEF 3).
 *
 * <p>A token is {@code <type code>-<base64url(AES-SIV ciphertext)>}, e.g. {@code mrn-AV3x...}. Equal
 * {@code (type, value)} pairs give equal tokens under the same keyset, so joins on tokens still work
 * downstream; whoever holds the keyset can {@link #reveal} the value. The associated data binds a
 * token to its type: a {@code mrn} token does not decrypt as a {@code ssn} token. Keyset rotation is
 * Tink's: with the default TINK output prefix every ciphertext names its key id, so a keyset with a
 * new primary still reveals tokens made under its older (enabled) keys, while new tokens for the same
 * value change. Plain hashes are not used because a hash of an SSN or name is reversible by dictionary.
 *
 * <p>Tokens use only {@code [a-z0-9A-Z_-]}: safe in HL7 ER7 (no separator or escape characters) and in
 * FHIR strings and ids. Thread-safe: Tink primitives are.
 */
public final class Tokenizer {

    /** Associated-data prefix; the version lets a future scheme coexist with old tokens. */
    static final String AD_PREFIX = "phi-stream/token/v1/";

    /** A SIV tag alone is 16 bytes; at least one plaintext byte; a NO_PREFIX keyset adds no key id. */
    private static final int MIN_CIPHERTEXT_BYTES = 17;
    /** Field values are short; anything longer is not a token we made (bounds the decode work too). */
    private static final int MAX_BODY_CHARS = 8192;
    private static final int CODE_LENGTH = 3;

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final DeterministicAead daead;
    private final Map<PhiType, byte[]> associatedData = new EnumMap<>(PhiType.class);

    public Tokenizer(DeterministicAead daead) {
        this.daead = Objects.requireNonNull(daead, "daead");
        for (PhiType t : PhiType.values()) {
            associatedData.put(t, (AD_PREFIX + t.code()).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Convenience: registers Tink's deterministic AEAD key managers and wraps the keyset's primitive. */
    public static Tokenizer fromKeyset(KeysetHandle keyset) throws GeneralSecurityException {
        DeterministicAeadConfig.register();
        return new Tokenizer(keyset.getPrimitive(RegistryConfiguration.get(), DeterministicAead.class));
    }

    /**
     * The token for {@code value} of identifier {@code type}; the empty value gives the empty string
     * (there is nothing to hide, and an empty field stays empty).
     *
     * @throws IllegalArgumentException if the value is not well-formed Unicode (unpaired surrogate),
     *                                  which could not round-trip
     * @throws IllegalStateException    if the primitive fails (message names the type only)
     */
    public String token(PhiType type, String value) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            return "";
        }
        byte[] ciphertext;
        try {
            ciphertext = daead.encryptDeterministically(utf8(value), associatedData.get(type));
        } catch (GeneralSecurityException e) {
            // Tink's messages hold no plaintext, but keep the cause out anyway: nothing here may echo input.
            throw new IllegalStateException("tokenization failed for type " + type.code());
        }
        return type.code() + "-" + B64.encodeToString(ciphertext);
    }

    /** The type a token claims by its prefix, without decrypting it. */
    public static PhiType typeOf(String token) throws GeneralSecurityException {
        if (!looksLikeToken(token)) {
            throw new GeneralSecurityException("malformed token");
        }
        return PhiType.fromCode(token.substring(0, CODE_LENGTH));
    }

    /**
     * The value a token was made from. The empty string reveals as the empty string.
     *
     * @throws GeneralSecurityException if the token is malformed, tampered with, of another type than
     *                                  its prefix says, or made under a key not in this keyset; the
     *                                  message never contains the token
     */
    public String reveal(String token) throws GeneralSecurityException {
        if (token == null) {
            throw new GeneralSecurityException("malformed token");
        }
        if (token.isEmpty()) {
            return "";
        }
        PhiType type = typeOf(token);
        byte[] ciphertext;
        try {
            ciphertext = B64D.decode(token.substring(CODE_LENGTH + 1));
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("malformed token");
        }
        byte[] plaintext;
        try {
            plaintext = daead.decryptDeterministically(ciphertext, associatedData.get(type));
        } catch (GeneralSecurityException e) {
            throw new GeneralSecurityException("token does not decrypt under this keyset (type "
                    + type.code() + ")");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(plaintext)).toString();
        } catch (CharacterCodingException e) {
            throw new GeneralSecurityException("token plaintext is not UTF-8");
        }
    }

    /**
     * Cheap syntactic check, no decryption: a known type code, {@code '-'}, and a base64url body
     * (no padding) long enough to hold a SIV tag and one byte. A value that passes may still fail
     * {@link #reveal}; one that fails is certainly not a token.
     */
    public static boolean looksLikeToken(String s) {
        if (s == null || s.length() <= CODE_LENGTH + 1 || s.charAt(CODE_LENGTH) != '-') {
            return false;
        }
        int bodyLength = s.length() - CODE_LENGTH - 1;
        // ceil(17 * 4 / 3) = 23 chars; a base64 length of 4k+1 cannot be produced by any byte count.
        if (bodyLength < (MIN_CIPHERTEXT_BYTES * 4 + 2) / 3 || bodyLength > MAX_BODY_CHARS || bodyLength % 4 == 1) {
            return false;
        }
        if (!isKnownCode(s)) {
            return false;
        }
        for (int i = CODE_LENGTH + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean isKnownCode(String s) {
        for (PhiType t : PhiType.values()) {
            if (s.startsWith(t.code())) {
                return true;
            }
        }
        return false;
    }

    /**
     * UTF-8 of a well-formed value. The only input UTF-8 cannot encode is an unpaired surrogate, which
     * {@code getBytes} would silently turn into '?': checked first, instead of a reporting CharsetEncoder per call.
     */
    private static byte[] utf8(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else {
                    throw new IllegalArgumentException("value is not well-formed Unicode");
                }
            }
        }
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
