package io.phistream.topology.scoring;

import io.phistream.scoring.bundle.ModelManifest;
import io.phistream.scoring.bundle.ModelManifest.Feature;
import io.phistream.topology.scoring.FeatureState.Series;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a patient's {@link FeatureState} into the input row of a model, column by column as its manifest lists
 * them. Pure.
 *
 * <p>Measured columns (rr, spo2, sbp, hr, temp, acvpu; or any column whose LOINC is one of those vitals) are
 * required: without all of them there is no row. Two columns are derived, as the NEWS2 chart reads them:
 * <ul>
 *   <li>{@code o2}: on oxygen when the latest inhaled-oxygen reading shows oxygen and was taken with or after the
 *       latest SpO2 (up to {@link #O2_WITH_SPO2} before it, a vital-signs set being charted over a few minutes);
 *       otherwise air. A vitals set without an oxygen row is on air.</li>
 *   <li>{@code spo2_scale}: 1. Scale 2 is a prescription for patients with hypercapnic respiratory failure that no
 *       observation carries; it needs a clinical input this pipeline does not have.</li>
 * </ul>
 * Coded columns map through the manifest's codes (e.g. ACVPU "A" → 0, "V" → 1).
 */
public final class ModelInputs {

    public static final Duration O2_WITH_SPO2 = Duration.ofMinutes(15);

    /**
     * @param row     the model input, or null when a required feature is missing
     * @param missing names of the missing required features
     * @param timeMs  the newest effective time among the features used (the score's event time)
     */
    public record Assembled(float[] row, List<String> missing, long timeMs) {
    }

    private enum Source { SERIES, O2, SPO2_SCALE }

    private record Column(String name, Source source, Series series, Map<String, Float> codes) {
    }

    private ModelInputs() {
    }

    /** The first feature of the manifest that observations cannot supply, or null when all can. */
    public static String unsupportedFeature(ModelManifest m) {
        for (Feature f : m.features()) {
            Column c = column(f);
            if (c == null) {
                return f.name();
            }
        }
        return null;
    }

    public static Assembled assemble(ModelManifest m, FeatureState s) {
        List<Feature> features = m.features();
        float[] row = new float[features.size()];
        List<String> missing = new ArrayList<>(0);
        long newest = Long.MIN_VALUE;
        for (int i = 0; i < row.length; i++) {
            Column c = column(features.get(i));
            if (c == null) {
                missing.add(features.get(i).name());
                continue;
            }
            switch (c.source()) {
                case SERIES -> {
                    if (!s.has(c.series())) {
                        missing.add(c.name());
                        continue;
                    }
                    double v = s.value(c.series());
                    if (c.series() == Series.ACVPU) {
                        Float code = code(c, String.valueOf(Vital.ACVPU_CODES.charAt((int) v)));
                        if (code == null) {
                            missing.add(c.name());
                            continue;
                        }
                        row[i] = code;
                    } else {
                        row[i] = (float) v;
                    }
                    newest = Math.max(newest, s.timeMs(c.series()));
                }
                case O2 -> {
                    boolean onOxygen = s.has(Series.O2) && s.value(Series.O2) > 0.5
                            && (!s.has(Series.SPO2)
                                || s.timeMs(Series.O2) >= s.timeMs(Series.SPO2) - O2_WITH_SPO2.toMillis());
                    Float code = code(c, onOxygen ? "1" : "0");
                    row[i] = code == null ? (onOxygen ? 1f : 0f) : code;
                    if (onOxygen) {
                        newest = Math.max(newest, s.timeMs(Series.O2));
                    }
                }
                case SPO2_SCALE -> {
                    Float code = code(c, "1");
                    row[i] = code == null ? 1f : code;
                }
            }
        }
        return new Assembled(missing.isEmpty() ? row : null, List.copyOf(missing), newest);
    }

    private static Float code(Column c, String key) {
        return c.codes() == null ? null : c.codes().get(key);
    }

    private static Column column(Feature f) {
        String name = f.name();
        Series byName = switch (name) {
            case "hr" -> Series.HR;
            case "rr" -> Series.RR;
            case "spo2" -> Series.SPO2;
            case "sbp" -> Series.SBP;
            case "temp" -> Series.TEMP;
            case "acvpu" -> Series.ACVPU;
            default -> null;
        };
        if (byName == Series.ACVPU && f.codes() == null) {
            return null; // a consciousness column must say how ACVPU letters are encoded
        }
        if (byName != null) {
            return new Column(name, Source.SERIES, byName, f.codes());
        }
        if (name.equals("o2")) {
            return new Column(name, Source.O2, null, f.codes());
        }
        if (name.equals("spo2_scale")) {
            return new Column(name, Source.SPO2_SCALE, null, f.codes());
        }
        Vital v = Vital.byLoinc(f.loinc());
        if (v == null || v.coded() || v == Vital.O2_FLOW || v == Vital.O2_CONCENTRATION
                || (f.unit() != null && !f.unit().equals(v.unit()))) {
            return null;
        }
        Series s = switch (v) {
            case HR -> Series.HR;
            case RR -> Series.RR;
            case SPO2 -> Series.SPO2;
            case SBP -> Series.SBP;
            default -> Series.TEMP;
        };
        return new Column(name, Source.SERIES, s, null);
    }
}
