package io.phistream.scoring.alert;

import io.phistream.scoring.Band;
import io.phistream.scoring.bundle.ModelManifest;
import java.util.Objects;

/**
 * One model score for one patient, as the router sees it (the patient token travels beside it).
 *
 * @param model         model name
 * @param modelVersion  model version
 * @param score         the model's score
 * @param band          band of the score
 * @param probability   true when the score is a probability (0..1), e.g. a logistic model
 * @param observedAtMs  time of the observations the score was computed from
 */
public record ScoreEvent(String model, String modelVersion, double score, Band band, boolean probability,
                         long observedAtMs) {

    public ScoreEvent {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(band, "band");
    }

    /** The event for one scored row of a model. */
    public static ScoreEvent of(ModelManifest manifest, float[] scoredRow, long observedAtMs) {
        return new ScoreEvent(manifest.name(), manifest.version(), manifest.score(scoredRow), manifest.band(scoredRow),
                manifest.scoreIsProbability(), observedAtMs);
    }
}
