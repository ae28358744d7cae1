package io.phistream.detector;

import java.util.ArrayList;
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

    /**
     * Scrubs the parts of one text that arrives in pieces: a report a line per OBX segment, a comment a line per NTE
     * segment, a narrative a text node at a time. {@code joints.get(i)} stands between part i and part i + 1 (a line
     * break between lines, nothing between the text nodes of one paragraph). One result per part, in its offsets. By
     * default each part alone; a detector that reads context reads the parts as one text, so that a label keeps its
     * value on the next line and a name wrapped over two lines or set in bold is read whole.
     */
    default List<Result> scrubParts(List<String> parts, List<String> joints, KnownPhi known) {
        List<Result> results = new ArrayList<>(parts.size());
        for (String part : parts) {
            results.add(scrub(part, known));
        }
        return results;
    }

    /**
     * The scrubbed text and what was replaced, in offsets of the text passed in; {@code gaveUp}: detection gave up on
     * the text (size or time budget) and it was removed whole, failing closed.
     */
    record Result(String text, List<ReplacedSpan> spans, boolean gaveUp) {
        public Result(String text, List<ReplacedSpan> spans) {
            this(text, spans, false);
        }
    }
}
