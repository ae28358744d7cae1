package io.phistream.scoring.models;

import io.phistream.scoring.news2.VitalSigns;
import java.util.SplittableRandom;

/**
 * Synthetic vital-sign populations (no real patient data): the reference population the built-in manifests'
 * drift distributions are computed from, a shifted "deteriorating" population for drift tests, and a broad
 * population that crosses every NEWS2 band boundary for agreement tests. Values are rounded to charting
 * resolution (whole numbers; 0.1 C for temperature).
 */
public final class SyntheticVitals {

    private SyntheticVitals() {
    }

    /** A general-ward population: mostly normal vitals with a tail of abnormal ones. */
    public static VitalSigns ward(SplittableRandom r) {
        return population(r, 0);
    }

    /** A deteriorating population: faster breathing and pulse, fever, lower pressure and saturation, more oxygen. */
    public static VitalSigns deteriorating(SplittableRandom r) {
        return population(r, 1);
    }

    private static VitalSigns population(SplittableRandom r, double shift) {
        double rr = whole(clamp(16 + 6 * shift + 3 * r.nextGaussian(), 4, 60));
        int scale = r.nextDouble() < 0.05 ? 2 : 1;
        double spo2 = whole(clamp(97 - 4 * shift + 1.8 * r.nextGaussian() - (scale == 2 ? 5 : 0), 70, 100));
        boolean o2 = r.nextDouble() < 0.12 + 0.4 * shift;
        double sbp = whole(clamp(126 - 20 * shift + 18 * r.nextGaussian(), 60, 260));
        double hr = whole(clamp(80 + 25 * shift + 14 * r.nextGaussian(), 25, 220));
        char acvpu = r.nextDouble() < 0.02 + 0.1 * shift ? "CVPU".charAt(r.nextInt(4)) : 'A';
        double temp = tenth(clamp(36.8 + 1.2 * shift + 0.5 * r.nextGaussian(), 32, 42));
        return new VitalSigns(rr, spo2, scale, o2, sbp, hr, acvpu, temp);
    }

    /** Uniform over ranges that extend past every NEWS2 boundary, at charting resolution. */
    public static VitalSigns broad(SplittableRandom r) {
        return new VitalSigns(r.nextInt(0, 45), r.nextInt(70, 101), r.nextInt(1, 3), r.nextBoolean(),
                r.nextInt(50, 260), r.nextInt(20, 180), "ACVPU".charAt(r.nextInt(5)), r.nextInt(320, 421) / 10.0);
    }

    /** Uniform over the same ranges without rounding, so values fall between chart rows too. */
    public static VitalSigns continuous(SplittableRandom r) {
        return new VitalSigns(r.nextDouble(0, 45), r.nextDouble(70, 100), r.nextInt(1, 3), r.nextBoolean(),
                r.nextDouble(50, 260), r.nextDouble(20, 180), "ACVPU".charAt(r.nextInt(5)), r.nextDouble(32, 42));
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static double whole(double v) {
        return Math.rint(v);
    }

    private static double tenth(double v) {
        return Math.rint(v * 10) / 10;
    }
}
