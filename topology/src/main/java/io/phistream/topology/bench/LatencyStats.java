package io.phistream.topology.bench;

import java.util.Arrays;

/**
 * End-to-end latency percentiles (nearest-rank) in milliseconds. Hand-written rather than HdrHistogram: one
 * sort of at most a few hundred thousand samples at the end of a run, no extra dependency.
 */
public record LatencyStats(long count, long p50Ms, long p99Ms, long maxMs) {

    public static final LatencyStats EMPTY = new LatencyStats(0, 0, 0, 0);

    /** Percentiles of the first {@code n} samples (the array is not changed). */
    public static LatencyStats of(long[] samples, int n) {
        if (n <= 0) {
            return EMPTY;
        }
        long[] s = Arrays.copyOf(samples, n);
        Arrays.sort(s);
        return new LatencyStats(n, rank(s, 0.50), rank(s, 0.99), s[n - 1]);
    }

    /** Nearest rank: the smallest sample such that at least {@code q} of all samples are at or below it. */
    static long rank(long[] sorted, double q) {
        int idx = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }

    /** A growable buffer of samples, written by one thread. */
    public static final class Recorder {
        private long[] samples = new long[4096];
        private int n;

        public synchronized void record(long ms) {
            if (n == samples.length) {
                samples = Arrays.copyOf(samples, n * 2);
            }
            samples[n++] = Math.max(0, ms);
        }

        public synchronized LatencyStats stats() {
            return of(samples, n);
        }
    }
}
