package io.phistream.scoring;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Clinical risk band, ordered by severity. NEWS2 (RCP 2017): aggregate 0-4 low, any single parameter
 * scoring 3 (with aggregate at most 4) low-medium, 5-6 medium, 7 or more high. Other models map their
 * score onto the same bands through thresholds in their manifest, so routing rules work across models.
 */
public enum Band {
    LOW("low"), LOW_MEDIUM("low-medium"), MEDIUM("medium"), HIGH("high");

    private final String label;

    Band(String label) {
        this.label = label;
    }

    /** Lower-case label used in CSV, JSON rules and alerts: low, low-medium, medium, high. */
    @JsonValue
    public String label() {
        return label;
    }

    /** Numeric code used by ONNX graphs that output a band: 0 low .. 3 high. */
    public int code() {
        return ordinal();
    }

    public static Band fromCode(int code) {
        Band[] all = values();
        if (code < 0 || code >= all.length) {
            throw new IllegalArgumentException("band code must be 0..3");
        }
        return all[code];
    }

    @JsonCreator
    public static Band fromLabel(String label) {
        String l = label.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Band b : values()) {
            if (b.label.equals(l)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown band label (expected low, low-medium, medium or high)");
    }

    public boolean atLeast(Band other) {
        return compareTo(other) >= 0;
    }
}
