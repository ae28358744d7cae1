package io.phistream.scoring.models;

import io.phistream.scoring.bundle.ApprovalStatus;
import io.phistream.scoring.bundle.ModelBundle;
import io.phistream.scoring.bundle.ModelManifest;
import io.phistream.scoring.bundle.ModelManifest.Feature;
import io.phistream.scoring.bundle.ModelManifest.Output;
import io.phistream.scoring.bundle.ModelRejectedException;
import io.phistream.scoring.drift.ReferenceDistribution;
import io.phistream.scoring.news2.News2OnnxBuilder;
import io.phistream.scoring.news2.News2Reference;
import io.phistream.scoring.news2.News2Result;
import io.phistream.scoring.news2.VitalSigns;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The built-in model bundles, {@value #NEWS2} and {@value #DETERIORATION}.
 *
 * <p>They are generated at build time: Maven's process-classes phase runs {@link #main(String[])} (exec-maven-plugin)
 * which writes {@code models/<name>/model.onnx} and {@code manifest.json} into target/classes, so they ship inside
 * the jar and can be inspected. Generation is deterministic (fixed seed, no timestamps), so {@link #load(String)}
 * falls back to generating the same bytes in memory when the resources are absent (e.g. classes compiled by an IDE
 * without the Maven phase) instead of failing; a test checks the shipped files equal a fresh generation.
 *
 * <p>Built-ins are trusted code and are not signed (see {@link ModelBundle}).
 */
public final class BuiltInModels {

    public static final String NEWS2 = "news2";
    public static final String DETERIORATION = "deterioration";
    public static final String VERSION = "1.0.0";
    private static final long REFERENCE_SEED = 2017L;
    private static final int REFERENCE_SIZE = 20_000;
    private static final Map<String, ModelBundle> CACHE = new ConcurrentHashMap<>();

    /** Model and manifest bytes of one generated bundle. */
    public record Generated(byte[] model, byte[] manifest) {
    }

    private BuiltInModels() {
    }

    public static List<String> names() {
        return List.of(NEWS2, DETERIORATION);
    }

    public static boolean isBuiltIn(String name) {
        return names().contains(name);
    }

    /** The built-in bundle, from the jar's resources when present, else generated in memory. */
    public static ModelBundle load(String name) throws ModelRejectedException {
        if (!isBuiltIn(name)) {
            throw new ModelRejectedException(ModelRejectedException.Reason.UNKNOWN_MODEL,
                    "no built-in model of that name (built-ins: " + String.join(", ", names()) + ")");
        }
        ModelBundle cached = CACHE.get(name);
        if (cached != null) {
            return cached;
        }
        byte[] model = resource(name, ModelBundle.MODEL_FILE);
        byte[] manifest = resource(name, ModelBundle.MANIFEST_FILE);
        if (model == null || manifest == null) {
            Generated g = generate(name);
            model = g.model();
            manifest = g.manifest();
        }
        ModelBundle bundle = ModelBundle.trusted(ModelManifest.parse(manifest), model);
        CACHE.putIfAbsent(name, bundle);
        return CACHE.get(name);
    }

    /** The shipped resource bytes, or null when the build-time file is absent. */
    public static byte[] resource(String name, String file) {
        try (InputStream in = BuiltInModels.class.getResourceAsStream("/models/" + name + "/" + file)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Generated generate(String name) {
        byte[] model = switch (name) {
            case NEWS2 -> News2OnnxBuilder.build();
            case DETERIORATION -> DeteriorationRiskOnnxBuilder.build();
            default -> throw new IllegalArgumentException("unknown built-in model");
        };
        ModelManifest m = manifest(name).withModelSha256(ModelBundle.sha256Hex(model));
        return new Generated(model, m.toJson());
    }

    /** Writes every built-in bundle under {@code <args[0]>/models/<name>/}. */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "target/classes").resolve("models");
        for (String name : names()) {
            Generated g = generate(name);
            Path dir = Files.createDirectories(root.resolve(name));
            Files.write(dir.resolve(ModelBundle.MODEL_FILE), g.model());
            Files.write(dir.resolve(ModelBundle.MANIFEST_FILE), g.manifest());
        }
    }

    /** The 8 vital-sign features shared by both built-ins, with CSV encodings and plausibility ranges. */
    public static List<Feature> vitalFeatures() {
        Map<String, Float> acvpu = new LinkedHashMap<>();
        acvpu.put("A", 0f);
        for (String c : List.of("C", "V", "P", "U")) {
            acvpu.put(c, 1f);
        }
        return List.of(
                new Feature("rr", "/min", "9279-1", 0.0, 80.0, null),
                new Feature("spo2", "%", "59408-5", 0.0, 100.0, null),
                new Feature("spo2_scale", "code", null, null, null, Map.of("1", 1f, "2", 2f)),
                new Feature("o2", "code", null, null, null, Map.of("0", 0f, "1", 1f)),
                new Feature("sbp", "mm[Hg]", "8480-6", 0.0, 300.0, null),
                new Feature("hr", "/min", "8867-4", 0.0, 300.0, null),
                new Feature("acvpu", "code", null, null, null, acvpu),
                new Feature("temp", "Cel", "8310-5", 25.0, 45.0, null));
    }

    private static final double[][] FEATURE_EDGES = {
        {10, 12, 14, 16, 18, 20, 22, 25},
        {88, 90, 92, 94, 95, 96, 97, 98, 99},
        {1.5},
        {0.5},
        {90, 100, 110, 120, 130, 140, 150, 160, 180},
        {50, 60, 70, 80, 90, 100, 110, 130},
        {0.5},
        {35.5, 36.0, 36.5, 37.0, 37.5, 38.0, 38.5, 39.0},
    };

    static ModelManifest manifest(String name) {
        List<float[]> population = referencePopulation();
        Map<String, ReferenceDistribution> reference = new TreeMap<>();
        for (int f = 0; f < VitalSigns.FEATURES.length; f++) {
            double[] sample = new double[population.size()];
            for (int i = 0; i < sample.length; i++) {
                sample[i] = population.get(i)[f];
            }
            reference.put(VitalSigns.FEATURES[f], rounded(ReferenceDistribution.fromSample(FEATURE_EDGES[f], sample)));
        }
        double[] scores = new double[population.size()];
        ModelManifest.Approval approval = new ModelManifest.Approval(ApprovalStatus.APPROVED, "built-in", null,
                "generated by the phi-stream build from Java code; trusted like the code, not signed");
        if (name.equals(NEWS2)) {
            for (int i = 0; i < scores.length; i++) {
                scores[i] = News2Reference.score(VitalSigns.fromFeatures(population.get(i))).score();
            }
            reference.put(ModelManifest.SCORE_REFERENCE,
                    rounded(ReferenceDistribution.fromSample(new double[] {1, 2, 3, 4, 5, 6, 7, 9}, scores)));
            List<String> pointColumns = News2Result.PARAMETERS.stream().map(p -> "points_" + p).toList();
            return new ModelManifest(NEWS2, VERSION,
                    "NEWS2 (Royal College of Physicians 2017) aggregate score, band and per-parameter points",
                    News2OnnxBuilder.INPUT, vitalFeatures(),
                    List.of(new Output("news2", "int", null), new Output("band", "band", null),
                            new Output("points", "int", pointColumns)),
                    "news2", new ModelManifest.Thresholds(null, 5, 7), reference, null, approval);
        }
        for (int i = 0; i < scores.length; i++) {
            scores[i] = DeteriorationRiskOnnxBuilder.reference(population.get(i));
        }
        reference.put(ModelManifest.SCORE_REFERENCE,
                rounded(ReferenceDistribution.fromSample(new double[] {0.05, 0.1, 0.2, 0.3, 0.5, 0.7}, scores)));
        return new ModelManifest(DETERIORATION, VERSION,
                "ILLUSTRATIVE logistic deterioration risk with hand-picked weights; not clinically validated",
                DeteriorationRiskOnnxBuilder.INPUT, vitalFeatures(),
                List.of(new Output(DeteriorationRiskOnnxBuilder.OUTPUT, "probability", null)),
                DeteriorationRiskOnnxBuilder.OUTPUT, new ModelManifest.Thresholds(0.15, 0.3, 0.6), reference, null,
                approval);
    }

    /** The synthetic reference population (fixed seed) as feature rows. */
    public static List<float[]> referencePopulation() {
        SplittableRandom r = new SplittableRandom(REFERENCE_SEED);
        float[][] rows = new float[REFERENCE_SIZE][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = SyntheticVitals.ward(r).toFeatures();
        }
        return List.of(rows);
    }

    /** Six decimals keep manifests readable; the last bin absorbs rounding so proportions still sum to 1. */
    private static ReferenceDistribution rounded(ReferenceDistribution d) {
        double[] p = d.proportions();
        double sum = 0;
        for (int i = 0; i < p.length - 1; i++) {
            p[i] = Math.round(p[i] * 1e6) / 1e6;
            sum += p[i];
        }
        p[p.length - 1] = Math.max(0, Math.round((1 - sum) * 1e6) / 1e6);
        return new ReferenceDistribution(d.edges(), p);
    }
}
