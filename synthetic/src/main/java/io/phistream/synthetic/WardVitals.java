package io.phistream.synthetic;

/**
 * The vital signs of one observation round on an adult general ward: most patients stable, a few
 * ({@link #EPISODE_SHARE}) in a deterioration episode (tachycardia, tachypnoea, fever, low saturation and pressure,
 * more oxygen, new confusion). Each parameter is drawn independently from a normal distribution of the component,
 * clamped, and rounded to charting resolution (whole numbers; 0.1 C).
 *
 * <p>The scoring module's {@code SyntheticVitals.ward} draws the same population for the built-in models' drift
 * references. The parameters are written in both places because this module takes no dependencies and scoring's
 * main code none on this one; scoring's {@code DemoTrafficDriftTest} fails when the two copies disagree. Change both.
 */
final class WardVitals {

    static final double EPISODE_SHARE = 0.03;

    /** Mean and standard deviation per parameter, the share on oxygen and the share not alert. */
    record Component(double hr, double hrSd, double rr, double rrSd, double spo2, double spo2Sd, double sbp,
                     double sbpSd, double temp, double tempSd, double onOxygen, double notAlert) {
    }

    static final Component STABLE = new Component(80, 14, 16, 3, 96.3, 1.8, 128, 19, 36.8, 0.45, 0.10, 0.01);
    static final Component EPISODE = new Component(112, 15, 24, 4, 92, 2.5, 100, 18, 38.4, 0.8, 0.60, 0.25);

    /** One round; temperature in tenths of a degree C, O2 flow 0 when on air. */
    record Round(boolean episode, int hr, int rr, int spo2, int sbp, int dia, int tempTenths, char acvpu, int o2Flow) {
    }

    private WardVitals() {
    }

    static Round draw(Rng rng) {
        boolean episode = rng.chance(EPISODE_SHARE);
        Component c = episode ? EPISODE : STABLE;
        int hr = whole(c.hr() + c.hrSd() * rng.gaussian(), 30, 200);
        int rr = whole(c.rr() + c.rrSd() * rng.gaussian(), 6, 50);
        int spo2 = whole(c.spo2() + c.spo2Sd() * rng.gaussian(), 70, 100);
        int sbp = whole(c.sbp() + c.sbpSd() * rng.gaussian(), 60, 240);
        double temp = clamp(c.temp() + c.tempSd() * rng.gaussian(), 34.0, 41.5);
        // Diastolic is not a NEWS2 parameter (no reference needs it): loosely tied to the systolic.
        int dia = (int) Math.round(clamp(0.45 * sbp + 19 + 7 * rng.gaussian(), 35, sbp - 20));
        char acvpu = 'A';
        if (rng.chance(c.notAlert())) {
            acvpu = rng.chance(0.6) ? 'C' : "VPU".charAt(rng.nextInt(3));
        }
        int flow = 0;
        if (rng.chance(c.onOxygen())) {
            flow = episode ? rng.between(2, 15) : rng.between(1, 4);
        }
        return new Round(episode, hr, rr, spo2, sbp, dia, (int) Math.round(temp * 10), acvpu, flow);
    }

    private static int whole(double v, double lo, double hi) {
        return (int) Math.round(clamp(v, lo, hi));
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
