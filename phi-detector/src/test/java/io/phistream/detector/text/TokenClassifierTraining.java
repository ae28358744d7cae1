package io.phistream.detector.text;

import io.phistream.detector.text.eval.EvalReport;
import io.phistream.detector.text.eval.Evaluator;
import io.phistream.detector.text.eval.GoldDocument;
import io.phistream.detector.text.eval.GoldSpan;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Trains the token model ({@link TokenClassifier}) from held-out note batches and measures it: logistic regression on
 * hashed features, AdaGrad with L2, a fixed seed (the same batches give the same weights).
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) io.phistream.detector.text.TokenClassifierTraining \
 *   --heldout src/test/resources/io/phistream/detector/text/heldout --train 1-60 --test 61-89
 * ... --train 1-145 --threshold 0.07 --out src/main/resources/model/token-classifier-v5.bin.gz
 * </pre>
 *
 * Examples are the word tokens, the short numeric pairs ({@link TokenClassifier#dateCandidate}), the dotted initials,
 * the ordinal days and the numbers 90-125 ({@link TokenClassifier#otherCandidate}) the rules left uncovered; one is positive when it overlaps a gold PHI span, negative when it overlaps none, and left out when it
 * overlaps only a label that is not PHI (an organisation, a ward).
 */
public final class TokenClassifierTraining {
    private static final Duration GENEROUS = Duration.ofSeconds(10);

    private final List<int[]> examples = new ArrayList<>();
    private final List<Boolean> labels = new ArrayList<>();
    /** Examples and positive ones by candidate kind. */
    private final int[] candidates = new int[TokenClassifier.PAIR + 1];
    private final int[] positives = new int[TokenClassifier.PAIR + 1];

    public static void main(String[] args) throws IOException {
        Path heldout = null;
        String train = null;
        String test = null;
        Path out = null;
        int epochs = 8;
        double l2 = 1e-5;
        double rate = 0.1;
        float threshold = 0.5f;
        boolean lines = false;
        Path shortTexts = null;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--heldout" -> heldout = Path.of(args[i + 1]);
                case "--train" -> train = args[i + 1];
                case "--test" -> test = args[i + 1];
                case "--out" -> out = Path.of(args[i + 1]);
                case "--epochs" -> epochs = Integer.parseInt(args[i + 1]);
                case "--l2" -> l2 = Double.parseDouble(args[i + 1]);
                case "--rate" -> rate = Double.parseDouble(args[i + 1]);
                case "--threshold" -> threshold = Float.parseFloat(args[i + 1]);
                case "--lines" -> lines = Boolean.parseBoolean(args[i + 1]);
                case "--short" -> shortTexts = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (heldout == null || train == null) {
            throw new IllegalArgumentException("--heldout DIR --train A-B [--test C-D] [--out FILE] required");
        }
        TokenClassifierTraining t = new TokenClassifierTraining();
        for (GoldDocument d : docs(heldout, train)) {
            t.add(d);
            if (lines) {
                for (GoldDocument line : lines(d)) {
                    t.add(line);
                }
            }
        }
        float[] w = t.train(epochs, l2, rate);
        System.out.printf("trained on batches %s: %d examples, %d positive (%d short dates, %d positive), %d non-zero"
                + " weights%n", train, t.examples.size(), t.labels.stream().filter(b -> b).count(),
                t.candidates[TokenClassifier.PAIR], t.positives[TokenClassifier.PAIR], nonZero(w));
        System.out.printf("initials %d (%d positive), ordinal days %d (%d positive), ages %d (%d positive)%n",
                t.candidates[TokenClassifier.INITIALS], t.positives[TokenClassifier.INITIALS],
                t.candidates[TokenClassifier.ORDINAL], t.positives[TokenClassifier.ORDINAL],
                t.candidates[TokenClassifier.AGE], t.positives[TokenClassifier.AGE]);
        if (test != null) {
            List<GoldDocument> docs = docs(heldout, test);
            if (lines) {
                List<GoldDocument> each = new ArrayList<>();
                for (GoldDocument d : docs) {
                    each.addAll(lines(d));
                }
                print("each line alone, rules alone", TextPhiDetector.withModel(config(), null), each);
                print("each line alone, model at 0.07", TextPhiDetector.withModel(config(), new TokenClassifier(w, 0.07f)), each);
            }
            print("rules alone", TextPhiDetector.withModel(config(), null), docs);
            for (float th : new float[] {0.03f, 0.05f, 0.07f, 0.1f, 0.15f, 0.2f, 0.25f, 0.3f, 0.5f}) {
                print("with the model at " + th, TextPhiDetector.withModel(config(), new TokenClassifier(w, th)), docs);
            }
        }
        if (shortTexts != null) {
            List<String> texts = Files.readAllLines(shortTexts);
            for (float th : new float[] {0.07f, 0.15f, 0.3f}) {
                TextPhiDetector d = TextPhiDetector.withModel(config(), new TokenClassifier(w, th));
                int marked = 0;
                for (String x : texts) {
                    marked += d.detect(x, DetectionContext.EMPTY).isEmpty() ? 0 : 1;
                }
                System.out.printf("short texts with a span at %s: %d of %d%n", th, marked, texts.size());
            }
        }
        if (out != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
            try (OutputStream o = Files.newOutputStream(out)) {
                TokenClassifier.write(w, threshold, o);
            }
            System.out.println("wrote " + out + " (" + Files.size(out) + " bytes), threshold " + threshold);
        }
    }

    static TextPhiDetector.Config config() {
        return TextPhiDetector.Config.DEFAULT.withTimeBudget(GENEROUS);
    }

    /** Batches A to B of the held-out folder, in order. */
    static List<GoldDocument> docs(Path heldout, String range) throws IOException {
        String[] ab = range.split("-");
        List<GoldDocument> docs = new ArrayList<>();
        for (int b = Integer.parseInt(ab[0]); b <= Integer.parseInt(ab[ab.length - 1]); b++) {
            docs.addAll(Evaluator.read(heldout.resolve("batch" + b + ".jsonl")));
        }
        return docs;
    }

    /**
     * Each line of the note as a text of its own, with its gold spans: HL7 and FHIR hand the detector short texts (a
     * lab value, a code's text, one comment line), whose ends a note's only two ends teach the model almost nothing of.
     */
    static List<GoldDocument> lines(GoldDocument d) {
        List<GoldDocument> out = new ArrayList<>();
        String text = d.text();
        int start = 0;
        int k = 0;
        while (start <= text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            if (text.substring(start, end).strip().length() > 0) {
                List<GoldSpan> spans = new ArrayList<>();
                for (GoldSpan g : d.spans()) {
                    if (g.start() < end && g.end() > start) { // a span over a line break is clipped to each line
                        spans.add(new GoldSpan(g.label(), g.type(), Math.max(g.start(), start) - start,
                                Math.min(g.end(), end) - start));
                    }
                }
                out.add(new GoldDocument(d.id() + "/" + k++, text.substring(start, end), spans));
            }
            if (nl < 0) {
                break;
            }
            start = nl + 1;
        }
        return out;
    }

    private static void print(String what, TextPhiDetector d, List<GoldDocument> docs) {
        EvalReport r = new Evaluator(d).evaluate(what, docs);
        String table = r.render();
        String overall = table.lines().filter(l -> l.startsWith("OVERALL")).findFirst().orElse("?");
        String age = table.lines().filter(l -> l.startsWith("AGE ")).findFirst().orElse("AGE ?");
        System.out.println(what + ": " + overall + " | " + age);
    }

    private final TextPhiDetector rulesOnly = TextPhiDetector.withModel(config(), null);

    void add(GoldDocument d) {
        Scan s = rulesOnly.rules(d.text(), null, new Budget(GENEROUS.toNanos()));
        TokenClassifier.View v = new TokenClassifier.View(s);
        int[] f = new int[TokenClassifier.MAX_FEATURES];
        // words, then pairs, then the other kinds: the order the examples have always had, which the seeded shuffle of
        // training follows (another order gives other weights)
        for (int pass = 0; pass < 3; pass++) {
            for (int t = 0; t < s.tk.n; t++) {
                int c = TokenClassifier.candidateAt(s, t, v);
                if (c < 0) {
                    continue;
                }
                int kind = TokenClassifier.kindOf(c);
                if (pass != (kind == TokenClassifier.WORD ? 0 : kind == TokenClassifier.PAIR ? 1 : 2)) {
                    continue;
                }
                Boolean label = label(d, s.tk.start[t], s.tk.end[TokenClassifier.lastOf(t, c)]);
                if (label == null) {
                    continue;
                }
                int k = TokenClassifier.featuresOf(s, t, c, v, f);
                examples.add(java.util.Arrays.copyOf(f, k));
                labels.add(label);
                candidates[kind]++;
                positives[kind] += label ? 1 : 0;
            }
        }
    }

    /** True over gold PHI, false over nothing labelled, null over labels that are not PHI. */
    private static Boolean label(GoldDocument d, int start, int end) {
        boolean notPhi = false;
        for (GoldSpan g : d.spans()) {
            if (g.start() < end && start < g.end()) {
                if (g.type() != null) {
                    return true;
                }
                notPhi = true;
            }
        }
        return notPhi ? null : false;
    }

    float[] train(int epochs, double l2, double rate) {
        float[] w = new float[TokenClassifier.SIZE];
        float[] g2 = new float[TokenClassifier.SIZE];
        int[] order = new int[examples.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(20261129L);
        for (int e = 0; e < epochs; e++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int x = order[i];
                order[i] = order[j];
                order[j] = x;
            }
            for (int i : order) {
                int[] f = examples.get(i);
                double z = 0;
                for (int k : f) {
                    z += w[k];
                }
                double p = 1 / (1 + Math.exp(-z));
                double err = p - (labels.get(i) ? 1 : 0);
                for (int k : f) {
                    double grad = err + l2 * w[k];
                    g2[k] += (float) (grad * grad);
                    w[k] -= (float) (rate * grad / Math.sqrt(g2[k] + 1e-8));
                }
            }
        }
        return w;
    }

    private static int nonZero(float[] w) {
        int n = 0;
        for (float x : w) {
            n += x != 0 ? 1 : 0;
        }
        return n;
    }
}
