package io.phistream.scoring.drift;

/**
 * Emitted when a series' PSI crosses 0.1 or 0.25 (in either direction). Carries aggregates only, no values.
 *
 * @param model      model name
 * @param version    model version
 * @param series     feature name, or "score"
 * @param psi        PSI of the current window
 * @param level      level now
 * @param previous   level before
 * @param windowSize observations in the window
 * @param atMs       time of the observation that triggered the evaluation
 */
public record DriftEvent(String model, String version, String series, double psi, Psi.Level level, Psi.Level previous,
                         int windowSize, long atMs) {
}
