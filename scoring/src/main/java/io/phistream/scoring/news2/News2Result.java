package io.phistream.scoring.news2;

import io.phistream.scoring.Band;
import java.util.Arrays;
import java.util.List;

/**
 * NEWS2 outcome.
 *
 * @param score           aggregate score 0..20
 * @param band            clinical risk band
 * @param parameterPoints points per parameter in {@link #PARAMETERS} order
 */
public record News2Result(int score, Band band, int[] parameterPoints) {

    /** Order of {@link #parameterPoints}: the seven NEWS2 parameters. */
    public static final List<String> PARAMETERS = List.of("rr", "spo2", "o2", "sbp", "hr", "acvpu", "temp");

    public News2Result {
        parameterPoints = parameterPoints.clone();
    }

    @Override
    public int[] parameterPoints() {
        return parameterPoints.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof News2Result r && r.score == score && r.band == band
                && Arrays.equals(r.parameterPoints, parameterPoints);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * score + band.hashCode()) + Arrays.hashCode(parameterPoints);
    }

    @Override
    public String toString() {
        return "News2Result[score=" + score + ", band=" + band + ", points=" + Arrays.toString(parameterPoints) + "]";
    }
}
