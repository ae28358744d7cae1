package io.phistream.scoring.news2;

/**
 * One set of NEWS2 observations.
 *
 * @param rr        respiration rate, breaths/min
 * @param spo2      oxygen saturation, %
 * @param spo2Scale 1 (standard) or 2 (prescribed target 88-92 %, e.g. hypercapnic respiratory failure)
 * @param onOxygen  true when on supplemental oxygen
 * @param sbp       systolic blood pressure, mmHg
 * @param hr        pulse, beats/min
 * @param acvpu     consciousness: A (alert), C (new confusion), V (voice), P (pain), U (unresponsive)
 * @param temp      temperature, degrees C
 */
public record VitalSigns(double rr, double spo2, int spo2Scale, boolean onOxygen, double sbp, double hr,
                         char acvpu, double temp) {

    /** Feature order of the NEWS2 ONNX model input: rr, spo2, spo2_scale, o2, sbp, hr, acvpu, temp. */
    public static final String[] FEATURES = {"rr", "spo2", "spo2_scale", "o2", "sbp", "hr", "acvpu", "temp"};

    public VitalSigns {
        // Messages name the field, never the value (house rule: no input values in exceptions).
        requireFinite(rr, "rr");
        requireFinite(spo2, "spo2");
        requireFinite(sbp, "sbp");
        requireFinite(hr, "hr");
        requireFinite(temp, "temp");
        if (spo2 < 0 || spo2 > 100) {
            throw new IllegalArgumentException("spo2 must be within 0..100");
        }
        if (spo2Scale != 1 && spo2Scale != 2) {
            throw new IllegalArgumentException("spo2Scale must be 1 or 2");
        }
        if ("ACVPU".indexOf(acvpu) < 0) {
            throw new IllegalArgumentException("acvpu must be one of A, C, V, P, U");
        }
    }

    private static void requireFinite(double v, String name) {
        if (!Double.isFinite(v) || v < 0) {
            throw new IllegalArgumentException(name + " must be a finite, non-negative number");
        }
    }

    /** The 8 model features in {@link #FEATURES} order (acvpu: 0 = alert, 1 = C/V/P/U). */
    public float[] toFeatures() {
        return new float[] {(float) rr, (float) spo2, spo2Scale, onOxygen ? 1f : 0f, (float) sbp, (float) hr,
                acvpu == 'A' ? 0f : 1f, (float) temp};
    }

    /** Inverse of {@link #toFeatures()}; a non-alert acvpu code comes back as 'V'. */
    public static VitalSigns fromFeatures(float[] f) {
        if (f.length != FEATURES.length) {
            throw new IllegalArgumentException("expected 8 features");
        }
        return new VitalSigns(f[0], f[1], Math.round(f[2]), f[3] > 0.5f, f[4], f[5], f[6] > 0.5f ? 'V' : 'A', f[7]);
    }
}
