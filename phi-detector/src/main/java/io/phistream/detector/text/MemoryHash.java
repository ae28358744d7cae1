package io.phistream.detector.text;

import java.util.HexFormat;
import java.util.function.Function;

/**
 * A patient's keyed hash of normalised forms that also gives its 64-bit value. The detector hashes hundreds of
 * candidate words per note to look them up in the patient's memory; with the value it compares numbers instead of
 * formatting each digest as hex and hashing that string again. {@link #apply} is the digest as stored (16 hex digits).
 */
@FunctionalInterface
public interface MemoryHash extends Function<String, String> {

    /** The 64-bit hash of {@code prefix} followed by {@code form}: the same as of their concatenation. */
    long hash64(String prefix, String form);

    @Override
    default String apply(String form) {
        return HexFormat.of().toHexDigits(hash64("", form));
    }
}
