package io.phistream.scoring.bundle;

/** A model bundle that must not be used. Messages name files and fields, never feature values. */
public final class ModelRejectedException extends Exception {

    /** Why a bundle was refused. */
    public enum Reason {
        /** model.onnx, manifest.json or manifest.sig is missing or unreadable. */
        MISSING_FILE,
        /** There is no manifest.sig. */
        UNSIGNED,
        /** The signature does not verify: the manifest was altered or was signed by another key. */
        BAD_SIGNATURE,
        /** The manifest is signed but its approval status does not allow loading. */
        UNAPPROVED,
        /** model.onnx does not match the SHA-256 in the signed manifest. */
        MODEL_HASH_MISMATCH,
        /** The manifest is not valid JSON or misses required fields. */
        MALFORMED,
        /** onnxruntime cannot load the model. */
        INVALID_MODEL,
        /** The model's inputs or outputs do not match the manifest. */
        INCOMPATIBLE,
        /** No built-in model has that name. */
        UNKNOWN_MODEL
    }

    private final Reason reason;

    public ModelRejectedException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    public ModelRejectedException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
