package io.phistream.detector.text.eval;

/**
 * A labelled span of a corpus document. {@code label} is the corpus' own label; {@code type} its
 * Safe Harbor type, or null when the label is not PHI under Safe Harbor (such spans are ignored:
 * they count neither for recall nor, when a prediction overlaps them, against precision).
 */
public record GoldSpan(String label, io.phistream.detector.PhiType type, int start, int end) {
}
