package io.phistream.detector.text;

import io.phistream.detector.PhiType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds PHI spans in free text (notes, NTE/OBX text, FHIR narratives). Built once, immutable and
 * thread-safe; every call is independent and bounded by a size limit and a time budget, and fails
 * closed: when either is exceeded, or on any internal error, the result says so and the caller must
 * redact the whole field.
 *
 * <p>No backtracking regular expressions touch the input: the built-in recognizers are hand-written
 * linear scanners over one tokenisation, and patterns from configuration run on RE2/J (linear time).
 */
public final class TextPhiDetector {

    /** A site-specific identifier pattern (RE2 syntax) and the type it stands for. */
    public record CustomPattern(PhiType type, String re2, String rule) {
        public CustomPattern {
            Objects.requireNonNull(type);
            Objects.requireNonNull(re2);
            Objects.requireNonNull(rule);
        }
    }

    /**
     * @param maxChars     fields longer than this fail closed (default 1,000,000 chars, about 1 MB)
     * @param timeBudget   per-field time budget (default 200 ms)
     * @param yearsAlone   whether a bare year with date context ("in 2019") is reported as a DATE;
     *                     Safe Harbor allows years, so callers wanting maximal utility turn it off
     * @param patterns     extra site patterns (RE2/J)
     * @param tokenModel   whether the token model adds, after the rules, the words it judges part of a name or a place
     *                     ({@code model.token}; see README-text); on by default, off to see the rules alone
     */
    public record Config(int maxChars, Duration timeBudget, boolean yearsAlone, List<CustomPattern> patterns,
                         boolean tokenModel) {
        public static final Config DEFAULT = new Config(1_000_000, Duration.ofMillis(200), true, List.of(), true);

        public Config {
            if (maxChars <= 0 || timeBudget.isNegative() || timeBudget.isZero()) {
                throw new IllegalArgumentException("budget must be positive");
            }
            patterns = List.copyOf(patterns);
        }

        /** The configuration as it was before the token model: with it on, as by default. */
        public Config(int maxChars, Duration timeBudget, boolean yearsAlone, List<CustomPattern> patterns) {
            this(maxChars, timeBudget, yearsAlone, patterns, true);
        }

        public Config withMaxChars(int m) {
            return new Config(m, timeBudget, yearsAlone, patterns, tokenModel);
        }

        public Config withTimeBudget(Duration d) {
            return new Config(maxChars, d, yearsAlone, patterns, tokenModel);
        }

        public Config withYearsAlone(boolean y) {
            return new Config(maxChars, timeBudget, y, patterns, tokenModel);
        }

        public Config withPattern(PhiType type, String re2, String rule) {
            List<CustomPattern> p = new ArrayList<>(patterns);
            p.add(new CustomPattern(type, re2, rule));
            return new Config(maxChars, timeBudget, yearsAlone, p, tokenModel);
        }

        public Config withTokenModel(boolean on) {
            return new Config(maxChars, timeBudget, yearsAlone, patterns, on);
        }
    }

    private static volatile TextPhiDetector builtIn;

    private final Lexicon lexicon;
    private final Config config;
    private final List<com.google.re2j.Pattern> compiled;
    private final TokenClassifier model;

    private TextPhiDetector(Lexicon lexicon, Config config) {
        this(lexicon, config, config.tokenModel() ? TokenClassifier.builtIn() : null);
    }

    private TextPhiDetector(Lexicon lexicon, Config config, TokenClassifier model) {
        this.lexicon = lexicon;
        this.config = config;
        this.model = model;
        List<com.google.re2j.Pattern> c = new ArrayList<>();
        for (CustomPattern p : config.patterns()) {
            c.add(com.google.re2j.Pattern.compile(p.re2()));
        }
        this.compiled = List.copyOf(c);
    }

    /** The detector over the shipped lexicons with the default budget; lexicons load once per JVM. */
    public static TextPhiDetector builtIn() {
        TextPhiDetector d = builtIn;
        if (d == null) {
            synchronized (TextPhiDetector.class) {
                d = builtIn;
                if (d == null) {
                    d = new TextPhiDetector(Lexicon.builtIn(), Config.DEFAULT);
                    warmUp(d);
                    builtIn = d;
                }
            }
        }
        return d;
    }

    /** The shipped lexicons (shared, loaded once) with another configuration. */
    public static TextPhiDetector withConfig(Config config) {
        builtIn();
        return new TextPhiDetector(Lexicon.builtIn(), config);
    }

    /** The shipped lexicons with another token model (or none): for training and comparing models. */
    static TextPhiDetector withModel(Config config, TokenClassifier model) {
        return new TextPhiDetector(Lexicon.builtIn(), config.withTokenModel(model != null), model);
    }

    /** Synthetic sample exercising every recognizer; no real data. */
    private static final String WARM_UP = "NPN 0700-1900\nPT IS A 92 YO F ADMITTED 3/4 FROM ST JOSEPH HOSPITAL. BP 120/80, "
            + "PAIN 3/10. DAUGHTER MARY CALLED 617-555-0123, WILL CALL BACK. DR SMITH AWARE. LIVES AT 12 OAK ST, "
            + "WORCESTER, MA 01609. MRN 0012345. Seen Jan 5th, 2019 by Dr. Jones at Mercy Medical Center; "
            + "email a.b@example.org, www.example.org, 10.0.0.1, SSN 123-45-6789, VIN 1HGCM82633A004352.\n";

    /**
     * Runs the detector a few hundred times on a synthetic sample so the JIT has compiled the hot
     * paths before the first real field meets the time budget (a cold first call can take longer
     * than 200 ms and would fail closed needlessly).
     */
    private static void warmUp(TextPhiDetector d) {
        TextPhiDetector generous = new TextPhiDetector(d.lexicon, Config.DEFAULT.withTimeBudget(Duration.ofSeconds(10)));
        for (int i = 0; i < 300; i++) {
            generous.analyse(WARM_UP, DetectionContext.EMPTY);
        }
    }

    public Config config() {
        return config;
    }

    /**
     * Non-overlapping spans sorted by start. When the field fails closed, the single span returned
     * covers the whole text (rule {@code fail-closed}), so that even a caller that ignores
     * {@link #analyse} redacts everything.
     */
    public List<PhiSpan> detect(CharSequence text, DetectionContext ctx) {
        DetectionResult r = analyse(text, ctx);
        if (r.failedClosed()) {
            return text.length() == 0 ? List.of()
                    : List.of(new PhiSpan(PhiType.OTHER_ID, 0, text.length(), "fail-closed", 1.0));
        }
        return r.spans();
    }

    /** Detection with the outcome: spans, or failed closed with a reason. */
    public DetectionResult analyse(CharSequence text, DetectionContext ctx) {
        long t0 = System.nanoTime();
        if (text == null) {
            return DetectionResult.ok(List.of(), 0);
        }
        if (text.length() > config.maxChars()) {
            return DetectionResult.failed(DetectionResult.Reason.TOO_LARGE, System.nanoTime() - t0);
        }
        try {
            Budget budget = new Budget(config.timeBudget().toNanos());
            Scan s = rules(text, ctx, budget);
            if (model != null) {
                model.detect(s);
                budget.check();
            }
            Names.wholeHyphenatedWords(s);
            Geo.zipsAfterPlaces(s);
            for (int i = 0; i < compiled.size(); i++) {
                CustomPattern p = config.patterns().get(i);
                com.google.re2j.Matcher m = compiled.get(i).matcher(text);
                while (m.find()) {
                    s.add(p.type(), m.start(), m.end(), p.rule(), 0.9);
                    budget.check();
                }
            }
            List<PhiSpan> spans = s.resolve();
            return DetectionResult.ok(spans, Known.wordsKept(s, spans), System.nanoTime() - t0);
        } catch (Budget.Exceeded e) {
            return DetectionResult.failed(DetectionResult.Reason.TIME_BUDGET, System.nanoTime() - t0);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // fail closed; the exception may quote the input, so it is neither logged nor rethrown
            return DetectionResult.failed(DetectionResult.Reason.INTERNAL_ERROR, System.nanoTime() - t0);
        }
    }

    /** The rules' pass over a text: what the token model (and its training) sees before it adds anything. */
    Scan rules(CharSequence text, DetectionContext ctx, Budget budget) {
        // look-alike chars read as ASCII, a hard-wrapped text's wrapping breaks as spaces, a Title Case text in upper
        // case: each a view of the same length, so the spans' offsets are the text's
        CharSequence view = TitleCase.upper(SoftBreaks.unwrap(PlainChars.of(text)));
        Scan s = new Scan(view, lexicon, ctx == null ? DetectionContext.EMPTY : ctx, config, budget);
        Web.detect(s);
        Dates.detect(s);
        Numbers.detect(s);
        Names.detect(s);
        Geo.detect(s);
        Dates.afterPlaces(s);
        Known.detect(s);
        budget.check();
        return s;
    }

    /** Approximate heap held by the shipped lexicons and the token model's weights, in bytes (for the README's memory figure). */
    public static long lexiconHeapEstimate() {
        Lexicon lexicon = Lexicon.builtIn();
        return lexicon.heapBytesEstimate() + 4L * (TokenClassifier.SIZE + lexicon.size());
    }
}
