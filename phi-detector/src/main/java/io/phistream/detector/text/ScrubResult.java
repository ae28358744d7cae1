package io.phistream.detector.text;

import io.phistream.detector.PhiType;
import java.util.Map;

/** Scrubbed text and how many spans of each type were replaced (counts only, never values). */
public record ScrubResult(String text, int replaced, Map<PhiType, Integer> counts) {
    public ScrubResult {
        counts = Map.copyOf(counts);
    }
}
