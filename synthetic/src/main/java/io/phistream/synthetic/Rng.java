package io.phistream.synthetic;

/**
 * SplitMix64. Hand-written instead of java.util.SplittableRandom so that the generated corpus is
 * byte-identical for a seed on every JDK (the JDK does not promise its bounded-int algorithms stay the same).
 */
final class Rng {
    private long state;

    Rng(long seed) {
        this.state = seed;
    }

    long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, bound), bound in (0, 2^31). */
    int nextInt(int bound) {
        return (int) (((nextLong() >>> 33) * bound) >>> 31);
    }

    /** Uniform in [lo, hi], both inclusive. */
    int between(int lo, int hi) {
        return lo + nextInt(hi - lo + 1);
    }

    long betweenLong(long lo, long hi) {
        return lo + Math.floorMod(nextLong(), hi - lo + 1);
    }

    boolean chance(double p) {
        return (nextLong() >>> 11) * 0x1.0p-53 < p;
    }

    /**
     * Standard normal, Box-Muller with one value per call (no cached second value, so each call consumes exactly
     * two draws) and StrictMath, whose results are the same on every JDK and platform.
     */
    double gaussian() {
        double u1 = 1.0 - (nextLong() >>> 11) * 0x1.0p-53; // (0, 1]: log is finite
        double u2 = (nextLong() >>> 11) * 0x1.0p-53;
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
    }

    <T> T pick(T[] items) {
        return items[nextInt(items.length)];
    }

    /** Appends {@code n} random decimal digits. */
    void digits(StringBuilder sb, int n) {
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + nextInt(10)));
        }
    }
}
