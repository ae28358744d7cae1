package io.phistream.scoring.batch;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.google.crypto.tink.PublicKeyVerify;
import io.phistream.scoring.Band;
import io.phistream.scoring.bundle.ModelBundle;
import io.phistream.scoring.bundle.ModelManifest;
import io.phistream.scoring.bundle.ModelRejectedException;
import io.phistream.scoring.models.BuiltInModels;
import io.phistream.scoring.onnx.OnnxScorer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Core of {@code phi-stream score --model news2|DIR --in FILE.csv --out FILE.csv}.
 *
 * <p>The input needs a header row naming the model's features (for the built-ins: rr, spo2, spo2_scale, o2, sbp,
 * hr, acvpu, temp; any order, extra columns are passed through). The output is the input plus the model's output
 * columns (for news2: news2, band, points_*) and a band column (low, low-medium, medium, high) when the model has
 * no band output. Bad rows are reported as {@code line N, column C: problem} (no cell values are echoed) and then
 * no output file is written at all: the output is written to a temporary file and moved into place only when every
 * row scored. A leading UTF-8 byte-order mark (Excel writes one) is ignored.
 */
public final class CsvBatchScorer {

    public static final int OK = 0;
    /** The input file has bad rows or columns (or cannot be read/written). */
    public static final int BAD_INPUT = 1;
    /** The model is unknown or was rejected. */
    public static final int BAD_MODEL = 2;
    private static final int BATCH = 256;
    private static final int MAX_REPORTED = 20;

    private final PublicKeyVerify approver;

    /** @param approver the approver's public key for bundle directories; null allows built-in models only */
    public CsvBatchScorer(PublicKeyVerify approver) {
        this.approver = approver;
    }

    /**
     * @param model a built-in model name (news2, deterioration) or a bundle directory
     * @return {@link #OK}, {@link #BAD_INPUT} or {@link #BAD_MODEL}
     */
    public int run(String model, Path in, Path out, PrintStream err) {
        if (BuiltInModels.isBuiltIn(model) && !Files.isDirectory(Path.of(model))) {
            try {
                return run(BuiltInModels.load(model), in, out, err);
            } catch (ModelRejectedException e) {
                err.println("model rejected: " + e.getMessage());
                return BAD_MODEL;
            }
        }
        return run(Path.of(model), in, out, err);
    }

    /** Scores with the signed bundle in {@code modelDir}. */
    public int run(Path modelDir, Path in, Path out, PrintStream err) {
        if (!Files.isDirectory(modelDir)) {
            err.println("model must be one of " + String.join(", ", BuiltInModels.names()) + " or a bundle directory");
            return BAD_MODEL;
        }
        if (approver == null) {
            err.println("a bundle directory needs the approver's public key to verify its signature");
            return BAD_MODEL;
        }
        try {
            return run(ModelBundle.load(modelDir, approver), in, out, err);
        } catch (ModelRejectedException e) {
            err.println("model rejected: " + e.getMessage());
            return BAD_MODEL;
        }
    }

    /** Scores with an already loaded bundle. */
    public int run(ModelBundle bundle, Path in, Path out, PrintStream err) {
        try (OnnxScorer scorer = OnnxScorer.open(bundle)) {
            return score(scorer, in, out, err);
        } catch (ModelRejectedException e) {
            err.println("model rejected: " + e.getMessage());
            return BAD_MODEL;
        }
    }

    private int score(OnnxScorer scorer, Path in, Path out, PrintStream err) {
        ModelManifest m = scorer.manifest();
        CsvMapper csv = new CsvMapper();
        csv.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        csv.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        csv.enable(CsvParser.Feature.TRIM_SPACES);
        Path dir = out.toAbsolutePath().getParent();
        Path tmp = null;
        List<String> errors = new ArrayList<>();
        int errorCount = 0;
        boolean writing = false;
        try (Reader reader = withoutByteOrderMark(Files.newBufferedReader(in, StandardCharsets.UTF_8));
             MappingIterator<String[]> rows = csv.readerFor(String[].class).readValues(reader)) {
            if (!rows.hasNextValue()) {
                err.println("line 1: the input is empty (a header row is required)");
                return BAD_INPUT;
            }
            String[] header = rows.nextValue();
            int[] featureColumn = new int[m.features().size()];
            List<String> headerList = Arrays.stream(header).map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
            for (int f = 0; f < featureColumn.length; f++) {
                featureColumn[f] = headerList.indexOf(m.features().get(f).name());
                if (featureColumn[f] < 0) {
                    errors.add("line 1: missing column " + m.features().get(f).name());
                }
            }
            List<String> added = new ArrayList<>(m.outputColumns());
            boolean bandFromThresholds = !added.contains("band");
            if (bandFromThresholds) {
                added.add("band");
            }
            for (String c : added) {
                if (headerList.contains(c)) {
                    errors.add("line 1: the input already has a column named " + c);
                }
            }
            if (!errors.isEmpty()) {
                errors.forEach(err::println);
                return BAD_INPUT;
            }
            writing = true;
            tmp = Files.createTempFile(dir, ".score-", ".csv.tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                 SequenceWriter writer = csv.writerFor(String[].class).writeValues(w)) {
                List<String> outHeader = new ArrayList<>(Arrays.asList(header));
                outHeader.addAll(added);
                writer.write(outHeader.toArray(String[]::new));
                List<String[]> cells = new ArrayList<>(BATCH);
                List<float[]> features = new ArrayList<>(BATCH);
                while (rows.hasNextValue()) {
                    String[] row = rows.nextValue();
                    long line = rows.getParser().currentTokenLocation().getLineNr();
                    float[] x = parse(m, featureColumn, header.length, row, line, errors);
                    if (x == null) {
                        errorCount++;
                        continue;
                    }
                    if (errorCount == 0) {
                        cells.add(row);
                        features.add(x);
                        if (cells.size() == BATCH) {
                            flush(scorer, bandFromThresholds, cells, features, writer);
                        }
                    }
                }
                if (errorCount == 0) {
                    flush(scorer, bandFromThresholds, cells, features, writer);
                }
            }
        } catch (FileSystemException e) {
            // a file that cannot be opened is not a bad row: name it (a path, never a cell) and stop
            err.println("no output written: cannot " + (writing ? "write " + out : "read " + in)
                    + " (" + e.getClass().getSimpleName() + ")");
            deleteQuietly(tmp);
            return BAD_INPUT;
        } catch (IOException | RuntimeException e) {
            // Parser messages can quote input text; report only where and what kind.
            errors.add("cannot read or write the CSV (" + e.getClass().getSimpleName() + ")");
            errorCount++;
        }
        if (errorCount > 0) {
            errors.stream().limit(MAX_REPORTED).forEach(err::println);
            if (errors.size() > MAX_REPORTED) {
                err.println("... and " + (errors.size() - MAX_REPORTED) + " more problems");
            }
            err.println("no output written: " + errorCount + " bad row(s)");
            deleteQuietly(tmp);
            return BAD_INPUT;
        }
        try {
            try {
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            err.println("cannot write the output file (" + e.getClass().getSimpleName() + ")");
            deleteQuietly(tmp);
            return BAD_INPUT;
        }
        return OK;
    }

    /**
     * {@code reader} past a leading U+FEFF: Excel's "CSV UTF-8" starts with a byte-order mark, which would otherwise
     * become part of the first header's name.
     */
    private static BufferedReader withoutByteOrderMark(BufferedReader reader) throws IOException {
        try {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            return reader;
        } catch (IOException e) {
            reader.close();
            throw e;
        }
    }

    /** The model features of one row, or null after recording each problem in {@code errors}. */
    private static float[] parse(ModelManifest m, int[] featureColumn, int width, String[] row, long line,
                                 List<String> errors) {
        if (row.length != width) {
            errors.add("line " + line + ": expected " + width + " columns, found " + row.length);
            return null;
        }
        float[] x = new float[featureColumn.length];
        boolean ok = true;
        for (int f = 0; f < featureColumn.length; f++) {
            ModelManifest.Feature feature = m.features().get(f);
            String cell = row[featureColumn[f]].trim();
            String problem = null;
            if (cell.isEmpty()) {
                problem = "empty";
            } else if (feature.codes() != null) {
                Float code = lookup(feature.codes(), cell);
                if (code == null) {
                    problem = "must be one of " + String.join(", ", new TreeSet<>(feature.codes().keySet()));
                } else {
                    x[f] = code;
                }
            } else {
                double v;
                try {
                    v = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    v = Double.NaN; // the exception message holds the cell text: dropped on purpose
                }
                if (!Double.isFinite(v)) {
                    problem = "not a number";
                } else if ((feature.min() != null && v < feature.min()) || (feature.max() != null && v > feature.max())) {
                    problem = "out of range " + plain(feature.min()) + ".." + plain(feature.max());
                } else {
                    x[f] = (float) v;
                }
            }
            if (problem != null) {
                errors.add("line " + line + ", column " + feature.name() + ": " + problem);
                ok = false;
            }
        }
        return ok ? x : null;
    }

    private static Float lookup(Map<String, Float> codes, String cell) {
        Float v = codes.get(cell);
        return v != null ? v : codes.get(cell.toUpperCase(Locale.ROOT));
    }

    private static void flush(OnnxScorer scorer, boolean bandFromThresholds, List<String[]> cells,
                              List<float[]> features, SequenceWriter writer) throws IOException {
        if (cells.isEmpty()) {
            return;
        }
        ModelManifest m = scorer.manifest();
        List<String> columns = scorer.columns();
        float[][] scored = scorer.score(features.toArray(float[][]::new));
        for (int r = 0; r < scored.length; r++) {
            String[] in = cells.get(r);
            String[] out = Arrays.copyOf(in, in.length + columns.size() + (bandFromThresholds ? 1 : 0));
            for (int c = 0; c < columns.size(); c++) {
                out[in.length + c] = format(m.columnType(columns.get(c)), scored[r][c]);
            }
            if (bandFromThresholds) {
                out[out.length - 1] = m.band(scored[r]).label();
            }
            writer.write(out);
        }
        cells.clear();
        features.clear();
    }

    static String format(String type, float v) {
        return switch (type) {
            case "int" -> Long.toString(Math.round(v));
            case "band" -> Band.fromCode(Math.round(v)).label();
            default -> Float.isFinite(v)
                    ? new BigDecimal(Float.toString(v)).stripTrailingZeros().toPlainString() : "NaN";
        };
    }

    private static String plain(Double d) {
        if (d == null) {
            return "";
        }
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // best effort: a leftover temp file holds no more than the input did
            }
        }
    }
}
