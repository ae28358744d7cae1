package io.phistream.scoring.news2;

import io.phistream.scoring.onnx.OnnxGraphBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds NEWS2 as an ONNX graph.
 *
 * <p>Input {@value #INPUT}: float [N, 8] in order rr, spo2, spo2_scale, o2, sbp, hr, acvpu (0 = A, 1 = C/V/P/U),
 * temp. Outputs, all float: {@code news2} [N] aggregate score, {@code band} [N] band code (0 low, 1 low-medium,
 * 2 medium, 3 high) and {@code points} [N, 7] per-parameter points in {@link News2Result#PARAMETERS} order.
 *
 * <p>The chart is data ({@link #SERIES}): per series, the input column, the upper bounds of its rows (read "up to
 * and including") and the points of each row. Every row boundary becomes one elementwise comparison, all of them at
 * once: the needed columns are gathered into [N, K] (K = all bounds), compared with the K bounds (Greater), and
 * {@code points = base + sum_j (points_j - points_(j-1)) * [x > bound_j]} is one MatMul with a [K, series] matrix of
 * point steps. SpO2 then picks scale 1 or 2, and scale 2 adds its on-oxygen rows. A first version chained Where nodes
 * per row (about 85 nodes); this one has 27 and scores about 3 times faster at batch 1 (scoring/README.md) because
 * onnxruntime's cost here is per node, not per value. {@link News2Reference} (written separately) is the test oracle.
 */
public final class News2OnnxBuilder {

    public static final String INPUT = "features";
    public static final List<String> OUTPUTS = List.of("news2", "band", "points");

    /** One piecewise-constant chart row set: {@code points[i]} up to and including {@code upperBounds[i]}, the last above. */
    record Series(String name, int column, float[] upperBounds, float[] points) {
    }

    // Series order matters only inside this class. Binary inputs switch at 0.5 and spo2_scale at 1.5.
    static final List<Series> SERIES = List.of(
            new Series("rr", 0, new float[] {8, 11, 20, 24}, new float[] {3, 1, 0, 2, 3}),
            new Series("spo2_scale1", 1, new float[] {91, 93, 95}, new float[] {3, 2, 1, 0}),
            new Series("spo2_scale2_low", 1, new float[] {83, 85, 87}, new float[] {3, 2, 1, 0}),
            new Series("spo2_scale2_on_o2", 1, new float[] {92, 94, 96}, new float[] {0, 1, 2, 3}),
            new Series("o2", 3, new float[] {0.5f}, new float[] {0, 2}),
            new Series("sbp", 4, new float[] {90, 100, 110, 219}, new float[] {3, 2, 1, 0, 3}),
            new Series("hr", 5, new float[] {40, 50, 90, 110, 130}, new float[] {3, 1, 0, 1, 2, 3}),
            new Series("acvpu", 6, new float[] {0.5f}, new float[] {0, 3}),
            new Series("temp", 7, new float[] {35.0f, 36.0f, 38.0f, 39.0f}, new float[] {3, 1, 0, 1, 2}),
            new Series("on_o2", 3, new float[] {0.5f}, new float[] {0, 1}),
            new Series("scale2", 2, new float[] {1.5f}, new float[] {0, 1}));

    private static final int S1 = 1;
    private static final int S2_LOW = 2;
    private static final int S2_ON_O2 = 3;
    private static final int ON_O2 = 9;
    private static final int SCALE2 = 10;
    /** Where each series lands in the points output (-1: not a NEWS2 parameter by itself). */
    private static final int[] POINT_COLUMN = {0, -1, -1, -1, 2, 3, 4, 5, 6, -1, -1};
    private static final int SPO2_POINT_COLUMN = 1;

    private News2OnnxBuilder() {
    }

    public static byte[] build() {
        int k = SERIES.stream().mapToInt(s -> s.upperBounds().length).sum();
        int m = SERIES.size();
        long[] columns = new long[k];
        float[] bounds = new float[k];
        float[] steps = new float[k * m];
        float[] base = new float[m];
        int j = 0;
        for (int s = 0; s < m; s++) {
            Series series = SERIES.get(s);
            base[s] = series.points()[0];
            for (int b = 0; b < series.upperBounds().length; b++, j++) {
                columns[j] = series.column();
                bounds[j] = series.upperBounds()[b];
                steps[j * m + s] = series.points()[b + 1] - series.points()[b];
            }
        }
        int p = News2Result.PARAMETERS.size();
        float[] toPoints = new float[m * p];
        for (int s = 0; s < m; s++) {
            if (POINT_COLUMN[s] >= 0) {
                toPoints[s * p + POINT_COLUMN[s]] = 1;
            }
        }
        float[] spo2OneHot = new float[p];
        spo2OneHot[SPO2_POINT_COLUMN] = 1;

        OnnxGraphBuilder g = new OnnxGraphBuilder("news2");
        String x = g.input(INPUT, VitalSigns.FEATURES.length);
        // [N, K] comparisons -> [N, series] points per series
        String gathered = g.op("Gather", List.of(x, g.int64s(columns)), OnnxGraphBuilder.intAttribute("axis", 1));
        String above = g.op("Cast", List.of(g.op("Greater", List.of(gathered, g.constant(bounds, k)))),
                OnnxGraphBuilder.intAttribute("to", 1 /* FLOAT */));
        String series = g.op("Add", List.of(g.op("MatMul", List.of(above, g.constant(steps, k, m))), g.constant(base, m)));
        // SpO2: scale 2 = low rows + (on oxygen) high rows; then choose scale 1 or 2. Kept as [N, 1].
        String s1 = seriesColumn(g, series, S1);
        String s2 = g.op("Add", List.of(seriesColumn(g, series, S2_LOW),
                g.op("Mul", List.of(seriesColumn(g, series, ON_O2), seriesColumn(g, series, S2_ON_O2)))));
        String spo2 = g.op("Add", List.of(s1,
                g.op("Mul", List.of(seriesColumn(g, series, SCALE2), g.op("Sub", List.of(s2, s1))))));
        String points = g.opNamed("points", "Add", List.of(
                g.op("MatMul", List.of(series, g.constant(toPoints, m, p))),
                g.op("Mul", List.of(spo2, g.constant(spo2OneHot, p)))));
        String total = g.opNamed("news2", "ReduceSum", List.of(points, g.int64s(1)),
                OnnxGraphBuilder.intAttribute("keepdims", 0));
        String maxPoint = g.op("ReduceMax", List.of(points), OnnxGraphBuilder.intsAttribute("axes", 1),
                OnnxGraphBuilder.intAttribute("keepdims", 0));
        // Scores are whole numbers held in floats; compare against half-way values to stay exact.
        String band = g.where(g.greater(total, 6.5f), g.constant(3f),
                g.where(g.greater(total, 4.5f), g.constant(2f),
                        g.where(g.greater(maxPoint, 2.5f), 1f, 0f)));
        g.opNamed("band", "Identity", List.of(band));

        g.output("news2", 0);
        g.output("band", 0);
        g.output("points", p);
        return g.toModelBytes("NEWS2 (Royal College of Physicians, 2017) generated by phi-stream News2OnnxBuilder");
    }

    /** Column s of [N, series] as [N, 1]. */
    private static String seriesColumn(OnnxGraphBuilder g, String series, int s) {
        return g.op("Gather", List.of(series, g.int64s(s)), OnnxGraphBuilder.intAttribute("axis", 1));
    }

    /** Writes the graph to a file (for inspection; the bundle is written by BuiltInModels). */
    public static void main(String[] args) throws IOException {
        Files.write(Path.of(args.length > 0 ? args[0] : "news2.onnx"), build());
    }
}
