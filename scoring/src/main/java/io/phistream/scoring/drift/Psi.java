package io.phistream.scoring.drift;

/**
 * Population stability index: PSI = sum over bins of (o - r) * ln(o / r), o and r the observed and reference
 * proportions. Empty bins would make the log infinite, so proportions below {@link #EPSILON} are raised to it
 * (the usual convention). Conventional reading (BRIEF 5): below 0.1 stable, 0.1 to 0.25 minor shift, above
 * 0.25 major shift.
 */
public final class Psi {

    public static final double EPSILON = 1e-4;
    public static final double MINOR = 0.1;
    public static final double MAJOR = 0.25;

    /** Drift level by PSI. */
    public enum Level {
        STABLE, MINOR, MAJOR;

        public static Level of(double psi) {
            if (psi > Psi.MAJOR) {
                return MAJOR;
            }
            return psi >= Psi.MINOR ? MINOR : STABLE;
        }
    }

    private Psi() {
    }

    /** PSI of observed against reference proportions (same bins). */
    public static double of(double[] reference, double[] observed) {
        if (reference.length != observed.length) {
            throw new IllegalArgumentException("reference and observed must have the same bins");
        }
        double psi = 0;
        for (int i = 0; i < reference.length; i++) {
            double r = Math.max(reference[i], EPSILON);
            double o = Math.max(observed[i], EPSILON);
            psi += (o - r) * Math.log(o / r);
        }
        return psi;
    }

    /** PSI of observed bin counts against reference proportions. */
    public static double ofCounts(double[] reference, long[] counts) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        if (total == 0) {
            throw new IllegalArgumentException("no observations");
        }
        double[] observed = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            observed[i] = (double) counts[i] / total;
        }
        return of(reference, observed);
    }

    /** PSI of a sample against a reference distribution. */
    public static double of(ReferenceDistribution reference, double[] sample) {
        long[] counts = new long[reference.bins()];
        for (double x : sample) {
            counts[reference.bin(x)]++;
        }
        return ofCounts(reference.proportions(), counts);
    }
}
