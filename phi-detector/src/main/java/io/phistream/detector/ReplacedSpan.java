package io.phistream.detector;

/** A stretch of the input [start, end) that de-identification replaced, with the PHI type it held. */
public record ReplacedSpan(int start, int end, PhiType type) {
}
