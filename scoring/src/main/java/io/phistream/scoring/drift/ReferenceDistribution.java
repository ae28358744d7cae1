package io.phistream.scoring.drift;

import java.util.Arrays;

/**
 * A binned reference distribution. {@code edges} are the k interior cut points in increasing order and
 * give k + 1 open-ended bins: bin 0 is {@code x < edges[0]}, bin i is {@code edges[i-1] <= x < edges[i]},
 * bin k is {@code x >= edges[k-1]}, so every finite observation lands in a bin. {@code proportions} has
 * k + 1 entries summing to 1.
 */
public record ReferenceDistribution(double[] edges, double[] proportions) {

    public ReferenceDistribution {
        if (edges == null || proportions == null || proportions.length != edges.length + 1) {
            throw new IllegalArgumentException("a reference distribution needs k edges and k + 1 proportions");
        }
        for (int i = 1; i < edges.length; i++) {
            if (!(edges[i] > edges[i - 1])) {
                throw new IllegalArgumentException("edges must be strictly increasing");
            }
        }
        double sum = 0;
        for (double p : proportions) {
            if (!(p >= 0)) {
                throw new IllegalArgumentException("proportions must be non-negative");
            }
            sum += p;
        }
        if (Math.abs(sum - 1) > 1e-3) {
            throw new IllegalArgumentException("proportions must sum to 1");
        }
        edges = edges.clone();
        proportions = proportions.clone();
    }

    /** Builds the reference from a sample: proportions of the sample in each bin. */
    public static ReferenceDistribution fromSample(double[] edges, double[] sample) {
        long[] counts = new long[edges.length + 1];
        for (double x : sample) {
            counts[bin(edges, x)]++;
        }
        double[] p = new double[counts.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = (double) counts[i] / sample.length;
        }
        return new ReferenceDistribution(edges, p);
    }

    public int bins() {
        return proportions.length;
    }

    public int bin(double x) {
        return bin(edges, x);
    }

    static int bin(double[] edges, double x) {
        // Binary search for the number of edges <= x; NaN goes to the last bin (Arrays.binarySearch orders NaN last).
        int i = Arrays.binarySearch(edges, x);
        if (i >= 0) {
            while (i + 1 < edges.length && edges[i + 1] == x) {
                i++;
            }
            return i + 1;
        }
        return -i - 1;
    }

    @Override
    public double[] edges() {
        return edges.clone();
    }

    @Override
    public double[] proportions() {
        return proportions.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReferenceDistribution r && Arrays.equals(r.edges, edges)
                && Arrays.equals(r.proportions, proportions);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(edges) + Arrays.hashCode(proportions);
    }

    @Override
    public String toString() {
        return "ReferenceDistribution[edges=" + Arrays.toString(edges) + ", proportions=" + Arrays.toString(proportions) + "]";
    }
}
