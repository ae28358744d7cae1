package io.phistream.scoring.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.phistream.scoring.bundle.ModelBundle;
import io.phistream.scoring.bundle.ModelManifest;
import io.phistream.scoring.bundle.ModelRejectedException;
import io.phistream.scoring.bundle.ModelRejectedException.Reason;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores float feature rows with onnxruntime. One process-wide {@link OrtEnvironment}; one session per model.
 * {@code OrtSession.run} is thread-safe, and per-call tensors are private to the caller, so one scorer can be
 * shared by all threads.
 *
 * <p>A scored row is the concatenation of the manifest's outputs, in {@link #columns()} order. The session uses
 * one intra-op and one inter-op thread: the graphs are tiny, so the caller's threads (Kafka Streams tasks) are
 * the parallelism, and onnxruntime's spinning thread pools would only take cores from them.
 */
public final class OnnxScorer implements AutoCloseable {

    private static final int REUSABLE_FLOATS = 1 << 16;
    private static final ThreadLocal<FloatBuffer> INPUT = new ThreadLocal<>();

    private final ModelManifest manifest;
    private final OrtSession session;
    private final String inputName;
    private final int width;
    private final List<String> outputNames;
    private final int[] outputWidths;
    private final Set<String> requested;
    private final List<String> columns;

    private OnnxScorer(ModelManifest manifest, OrtSession session, List<String> outputNames, int[] outputWidths) {
        this.manifest = manifest;
        this.session = session;
        this.inputName = manifest.input();
        this.width = manifest.features().size();
        this.outputNames = outputNames;
        this.outputWidths = outputWidths;
        this.requested = new LinkedHashSet<>(outputNames);
        this.columns = manifest.outputColumns();
    }

    /** The shared onnxruntime environment (created on first use; lives as long as the JVM). */
    public static OrtEnvironment environment() {
        return OrtEnvironment.getEnvironment();
    }

    /**
     * Opens a session for a (verified or built-in) bundle and checks that the model's input and outputs match
     * its manifest.
     */
    public static OnnxScorer open(ModelBundle bundle) throws ModelRejectedException {
        ModelManifest m = bundle.manifest();
        OrtSession session = null;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            session = environment().createSession(bundle.model(), options);
            List<String> names = new ArrayList<>();
            int[] widths = new int[m.outputs().size()];
            checkInput(session, m);
            Map<String, NodeInfo> outs = session.getOutputInfo();
            for (int i = 0; i < m.outputs().size(); i++) {
                ModelManifest.Output o = m.outputs().get(i);
                NodeInfo info = outs.get(o.name());
                if (info == null || !(info.getInfo() instanceof TensorInfo t) || t.type != OnnxJavaType.FLOAT) {
                    throw new ModelRejectedException(Reason.INCOMPATIBLE, "model has no float output " + o.name());
                }
                long[] shape = t.getShape();
                int declared = o.columnNames().size();
                boolean ok = shape.length == 1 ? declared == 1
                        : shape.length == 2 && (shape[1] == declared || shape[1] < 0);
                if (!ok) {
                    throw new ModelRejectedException(Reason.INCOMPATIBLE,
                            "output " + o.name() + " shape does not match its manifest columns");
                }
                names.add(o.name());
                widths[i] = declared;
            }
            OnnxScorer scorer = new OnnxScorer(m, session, List.copyOf(names), widths);
            session = null;
            return scorer;
        } catch (OrtException e) {
            throw new ModelRejectedException(Reason.INVALID_MODEL, "onnxruntime cannot load model " + m.name(), e);
        } finally {
            if (session != null) {
                try {
                    session.close();
                } catch (OrtException ignored) {
                    // already failing; the load error is what matters
                }
            }
        }
    }

    private static void checkInput(OrtSession session, ModelManifest m) throws OrtException, ModelRejectedException {
        Map<String, NodeInfo> ins = session.getInputInfo();
        NodeInfo in = ins.get(m.input());
        if (ins.size() != 1 || in == null || !(in.getInfo() instanceof TensorInfo t) || t.type != OnnxJavaType.FLOAT) {
            throw new ModelRejectedException(Reason.INCOMPATIBLE, "model must have exactly one float input named " + m.input());
        }
        long[] shape = t.getShape();
        if (shape.length != 2 || (shape[1] >= 0 && shape[1] != m.features().size())) {
            throw new ModelRejectedException(Reason.INCOMPATIBLE,
                    "model input must be [N, " + m.features().size() + "] as the manifest lists");
        }
    }

    public ModelManifest manifest() {
        return manifest;
    }

    /** Names of the values in a scored row. */
    public List<String> columns() {
        return columns;
    }

    /** Scores one row. */
    public float[] score(float[] features) {
        return score(new float[][] {features})[0];
    }

    /**
     * Scores a batch.
     *
     * @param features rows of {@code manifest().features().size()} values each
     * @return one row per input row, values in {@link #columns()} order
     */
    public float[][] score(float[][] features) {
        int n = features.length;
        if (n == 0) {
            return new float[0][];
        }
        FloatBuffer in = inputBuffer(n * width);
        for (int r = 0; r < n; r++) {
            float[] row = features[r];
            if (row.length != width) {
                throw new IllegalArgumentException("row " + r + " has " + row.length + " values, model expects " + width);
            }
            in.put(row);
        }
        in.flip();
        float[][] out = new float[n][columns.size()];
        try (OnnxTensor tensor = OnnxTensor.createTensor(environment(), in, new long[] {n, width});
             OrtSession.Result result = session.run(Map.of(inputName, tensor), requested)) {
            int col = 0;
            for (int o = 0; o < outputNames.size(); o++) {
                FloatBuffer values = ((OnnxTensor) result.get(o)).getFloatBuffer();
                int w = outputWidths[o];
                if (values.remaining() != n * w) {
                    throw new IllegalStateException("model output " + outputNames.get(o) + " has an unexpected size");
                }
                for (int r = 0; r < n; r++) {
                    values.get(out[r], col, w);
                }
                col += w;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("onnxruntime failed to score model " + manifest.name(), e);
        }
        return out;
    }

    /** A direct, native-order buffer that onnxruntime can use without a copy; reused per thread when small. */
    private static FloatBuffer inputBuffer(int floats) {
        if (floats > REUSABLE_FLOATS) {
            return ByteBuffer.allocateDirect(floats * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
        }
        FloatBuffer b = INPUT.get();
        if (b == null || b.capacity() < floats) {
            b = ByteBuffer.allocateDirect(Math.max(floats, 512) * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
            INPUT.set(b);
        }
        b.clear();
        return b;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("onnxruntime session close failed", e);
        }
    }
}
