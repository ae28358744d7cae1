package io.phistream.detector.text;

/** How {@link TextScrubber} replaces a span. */
public enum Replacement {
    /** A typed tag: {@code [NAME]}, {@code [DATE]}... */
    TAG,
    /** Whatever the caller's token function returns (e.g. a deterministic AES-SIV token). */
    TOKEN,
    /** A realistic fake of the same kind and shape, chosen by a keyed hash of the value. */
    SURROGATE
}
