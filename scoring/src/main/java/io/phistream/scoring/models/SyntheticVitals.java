package io.phistream.scoring.models;

import io.phistream.scoring.news2.VitalSigns;
import java.util.SplittableRandom;

/**
 * Synthetic vital-sign populations (no real patient data): the adult ward population the built-in manifests' drift
 * distributions are computed from, a shifted "deteriorating" population for drift tests, and a broad population that
 * crosses every NEWS2 band boundary for agreement tests. Values are rounded to charting resolution (whole numbers;
 * 0.1 C for temperature).
 *
 * <p>{@link #ward} is the population the synthetic HL7 generator's ORU^R01 vitals are drawn from
 * ({@code io.phistream.synthetic.WardVitals}), so the demo's own traffic does not look like drift. The parameters
 * are written in both modules (the generator takes no dependencies, and this module's main code none on the
 * generator); {@code DemoTrafficDriftTest} fails when the two copies disagree. Change both.
 */
public final class SyntheticVitals {

    /** Share of ward observations taken during a deterioration episode. */
    public static final double EPISODE_SHARE = 0.03;

    /** Mean and standard deviation per parameter, the share on oxygen and the share not alert. */
    private record Component(double hr, double hrSd, double rr, double rrSd, double spo2, double spo2Sd, double sbp,
                             double sbpSd, double temp, double tempSd, double onOxygen, double notAlert) {
    }

    private static final Component STABLE = new Component(80, 14, 16, 3, 96.3, 1.8, 128, 19, 36.8, 0.45, 0.10, 0.01);
    private static final Component EPISODE = new Component(112, 15, 24, 4, 92, 2.5, 100, 18, 38.4, 0.8, 0.60, 0.25);

    private SyntheticVitals() {
    }

    /**
     * An adult general ward: mostly stable patients, {@link #EPISODE_SHARE} of observations in a deterioration
     * episode. SpO2 scale 1 throughout: no HL7 or FHIR observation carries the scale 2 prescription, so the pipeline
     * scores every patient on scale 1 and a reference with scale 2 rows would itself read as drift.
     */
    public static VitalSigns ward(SplittableRandom r) {
        return population(r, EPISODE_SHARE);
    }

    /** A deteriorating ward: half the observations in a deterioration episode. */
    public static VitalSigns deteriorating(SplittableRandom r) {
        return population(r, 0.5);
    }

    private static VitalSigns population(SplittableRandom r, double episodeShare) {
        Component c = r.nextDouble() < episodeShare ? EPISODE : STABLE;
        double hr = whole(clamp(c.hr() + c.hrSd() * r.nextGaussian(), 30, 200));
        double rr = whole(clamp(c.rr() + c.rrSd() * r.nextGaussian(), 6, 50));
        double spo2 = whole(clamp(c.spo2() + c.spo2Sd() * r.nextGaussian(), 70, 100));
        double sbp = whole(clamp(c.sbp() + c.sbpSd() * r.nextGaussian(), 60, 240));
        double temp = tenth(clamp(c.temp() + c.tempSd() * r.nextGaussian(), 34.0, 41.5));
        char acvpu = r.nextDouble() < c.notAlert() ? "CVPU".charAt(r.nextInt(4)) : 'A';
        boolean o2 = r.nextDouble() < c.onOxygen();
        return new VitalSigns(rr, spo2, 1, o2, sbp, hr, acvpu, temp);
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
