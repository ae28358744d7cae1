package io.phistream.scoring.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.phistream.scoring.Band;
import io.phistream.scoring.drift.ReferenceDistribution;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The manifest of a model bundle ({@code manifest.json} next to {@code model.onnx}). It is signed as a whole
 * (the exact bytes) by an approver, so everything that decides how a model is used lives here.
 *
 * @param name        model name, lower case ([a-z0-9._-]), e.g. news2
 * @param version     dotted version, compared numerically part by part (1.10.0 > 1.9.2)
 * @param description free text about the model (no PHI)
 * @param input       name of the model's single float input [N, features.size()]
 * @param features    input features in column order, with units and how CSV text is encoded
 * @param outputs     model outputs in the order their columns appear in a scored row
 * @param score       the output column that is the model's score (for thresholds, routing and drift)
 * @param thresholds  band cut points on the score; may be null when an output of type band exists
 * @param reference   reference distributions for drift, per feature name and for {@code "score"}
 * @param modelSha256 lower-case hex SHA-256 of model.onnx
 * @param approval    approval status and approver
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "version", "description", "input", "features", "outputs", "score", "thresholds",
    "reference", "modelSha256", "approval"})
public record ModelManifest(String name, String version, String description, String input, List<Feature> features,
                            List<Output> outputs, String score, Thresholds thresholds,
                            Map<String, ReferenceDistribution> reference, String modelSha256, Approval approval) {

    /** Key of the score's reference distribution in {@link #reference}. */
    public static final String SCORE_REFERENCE = "score";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // a signed manifest must mean exactly what it says
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    /**
     * One input column.
     *
     * @param name  column name, e.g. rr
     * @param unit  UCUM-style unit, e.g. /min, %, mm[Hg], Cel, or "code"
     * @param loinc LOINC code where one exists
     * @param min   lowest accepted value (inclusive), null for none
     * @param max   highest accepted value (inclusive), null for none
     * @param codes for coded columns, the accepted texts and the number each stands for (e.g. A→0, V→1);
     *              null for numeric columns
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"name", "unit", "loinc", "min", "max", "codes"})
    public record Feature(String name, String unit, String loinc, Double min, Double max, Map<String, Float> codes) {
    }

    /**
     * One model output.
     *
     * @param name    ONNX output name
     * @param type    how values are read: int, float, probability (0..1) or band (code 0..3)
     * @param columns column names when the output is [N, k] with k > 1; null for [N] or [N, 1]
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"name", "type", "columns"})
    public record Output(String name, String type, List<String> columns) {
        public List<String> columnNames() {
            return columns == null ? List.of(name) : columns;
        }
    }

    /** Band cut points on the score: score >= high is HIGH, >= medium MEDIUM, >= lowMedium LOW_MEDIUM. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"low-medium", "medium", "high"})
    public record Thresholds(@JsonProperty("low-medium") Double lowMedium, @JsonProperty("medium") double medium,
                             @JsonProperty("high") double high) {
    }

    /**
     * @param status        approval status
     * @param approverKeyId id of the approver's signing key (Tink key id, decimal), or "built-in"
     * @param approvedAt    ISO-8601 instant
     * @param note          free text
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"status", "approverKeyId", "approvedAt", "note"})
    public record Approval(ApprovalStatus status, String approverKeyId, String approvedAt, String note) {
    }

    /** Parses and validates manifest JSON; any problem is MALFORMED. */
    public static ModelManifest parse(byte[] json) throws ModelRejectedException {
        ModelManifest m;
        try {
            m = JSON.readValue(json, ModelManifest.class);
        } catch (IOException | IllegalArgumentException e) {
            // Jackson messages may quote parts of the document; keep only the type of problem.
            throw new ModelRejectedException(ModelRejectedException.Reason.MALFORMED,
                    "manifest.json is not a valid manifest (" + e.getClass().getSimpleName() + ")");
        }
        if (m == null) {
            throw new ModelRejectedException(ModelRejectedException.Reason.MALFORMED, "manifest.json is empty");
        }
        m.validate();
        return m;
    }

    /** Checks required fields and internal consistency. */
    public void validate() throws ModelRejectedException {
        require(name != null && NAME.matcher(name).matches(), "name must match [a-z0-9][a-z0-9._-]*");
        require(version != null && !version.isBlank(), "version is required");
        require(input != null && !input.isBlank(), "input is required");
        require(features != null && !features.isEmpty(), "features are required");
        Set<String> seen = new HashSet<>();
        for (Feature f : features) {
            require(f != null && f.name() != null && seen.add(f.name()), "feature names must be present and unique");
            require(f.min() == null || f.max() == null || f.min() <= f.max(), "feature min must not exceed max");
        }
        require(outputs != null && !outputs.isEmpty(), "outputs are required");
        Set<String> columns = new HashSet<>();
        for (Output o : outputs) {
            require(o != null && o.name() != null, "outputs need a name");
            require(Set.of("int", "float", "probability", "band").contains(o.type()),
                    "output type must be int, float, probability or band");
            require(o.columns() == null || !o.columns().isEmpty(), "output columns must not be empty");
            for (String c : o.columnNames()) {
                require(columns.add(c), "output column names must be unique");
            }
        }
        require(score != null && columns.contains(score), "score must name an output column");
        boolean bandOutput = outputs.stream().anyMatch(o -> o.type().equals("band") && o.columns() == null);
        require(bandOutput || thresholds != null, "a band output or thresholds are required");
        if (thresholds != null) {
            require(thresholds.high() >= thresholds.medium()
                    && (thresholds.lowMedium() == null || thresholds.medium() >= thresholds.lowMedium()),
                    "thresholds must satisfy low-medium <= medium <= high");
        }
        if (reference != null) {
            for (String key : reference.keySet()) {
                require(key.equals(SCORE_REFERENCE) || seen.contains(key), "reference keys must be features or score");
                require(reference.get(key) != null, "reference distributions must not be null");
            }
        }
        require(modelSha256 != null && SHA256.matcher(modelSha256).matches(), "modelSha256 must be 64 lower-case hex digits");
        require(approval != null && approval.status() != null, "approval status is required");
    }

    private static void require(boolean ok, String what) throws ModelRejectedException {
        if (!ok) {
            throw new ModelRejectedException(ModelRejectedException.Reason.MALFORMED, what);
        }
    }

    /** Canonical JSON (pretty, keys in a fixed order): the bytes that are hashed and signed. */
    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("manifest serialisation failed", e);
        }
    }

    public List<String> featureNames() {
        return features.stream().map(Feature::name).toList();
    }

    /** Column names of a scored row: the outputs' columns in output order. */
    public List<String> outputColumns() {
        List<String> all = new ArrayList<>();
        outputs.forEach(o -> all.addAll(o.columnNames()));
        return all;
    }

    /** The type (int, float, probability, band) of an output column. */
    public String columnType(String column) {
        for (Output o : outputs) {
            if (o.columnNames().contains(column)) {
                return o.type();
            }
        }
        throw new IllegalArgumentException("no such output column");
    }

    public int columnIndex(String column) {
        int i = outputColumns().indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("no such output column");
        }
        return i;
    }

    /** The score in a scored row. */
    public double score(float[] row) {
        double s = row[columnIndex(score)];
        if (!Double.isFinite(s)) {
            throw new IllegalStateException("model produced a non-finite score");
        }
        return s;
    }

    /** The band of a scored row: from a band output when the model has one, else from the thresholds. */
    public Band band(float[] row) {
        for (Output o : outputs) {
            if (o.type().equals("band") && o.columns() == null) {
                float code = row[columnIndex(o.name())];
                if (!(code >= 0 && code <= 3)) {
                    throw new IllegalStateException("model band output out of range");
                }
                return Band.fromCode(Math.round(code));
            }
        }
        double s = score(row);
        if (s >= thresholds.high()) {
            return Band.HIGH;
        }
        if (s >= thresholds.medium()) {
            return Band.MEDIUM;
        }
        if (thresholds.lowMedium() != null && s >= thresholds.lowMedium()) {
            return Band.LOW_MEDIUM;
        }
        return Band.LOW;
    }

    public boolean scoreIsProbability() {
        return "probability".equals(columnType(score));
    }

    public ModelManifest withModelSha256(String sha) {
        return new ModelManifest(name, version, description, input, features, outputs, score, thresholds, reference,
                sha, approval);
    }

    public ModelManifest withApproval(Approval a) {
        return new ModelManifest(name, version, description, input, features, outputs, score, thresholds, reference,
                modelSha256, a);
    }

    public ModelManifest withVersion(String v) {
        return new ModelManifest(name, v, description, input, features, outputs, score, thresholds, reference,
                modelSha256, approval);
    }

    /** Compares dotted versions numerically part by part; non-numeric parts compare as text. */
    public static int compareVersions(String a, String b) {
        String[] x = a.split("[.-]");
        String[] y = b.split("[.-]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String p = i < x.length ? x[i] : "0";
            String q = i < y.length ? y[i] : "0";
            int c;
            if (p.matches("\\d{1,18}") && q.matches("\\d{1,18}")) {
                c = Long.compare(Long.parseLong(p), Long.parseLong(q));
            } else {
                c = p.compareTo(q);
            }
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
