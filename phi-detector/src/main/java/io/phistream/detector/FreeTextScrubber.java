package io.phistream.detector;

import java.util.List;

/**
 * Scrubs PHI from one free-text value (NTE-3, OBX-5 text, narratives). {@code known} holds the values the
 * structured part of the same message treated as PHI, so that they are also found in the text.
 */
@FunctionalInterface
public interface FreeTextScrubber {

    /** Redacts the whole value: the fail-safe default until span-level detection is configured. */
    FreeTextScrubber REDACT_ALL = (text, known) -> new Result("", text.isEmpty() ? List.of() : List.of(
            new ReplacedSpan(0, text.length(), PhiType.OTHER_ID)));

    Result scrub(String text, KnownPhi known);

    /** The scrubbed text and what was replaced, in offsets of the text passed in. */
    record Result(String text, List<ReplacedSpan> spans) {
    }
}
