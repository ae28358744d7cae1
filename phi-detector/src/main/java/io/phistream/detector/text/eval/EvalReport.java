package io.phistream.detector.text.eval;

import io.phistream.detector.PhiType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Precision, recall and F1 per Safe Harbor type and overall, at span level (a gold span is found
 * when any prediction overlaps it; a prediction is right when it overlaps any PHI gold span) and at
 * token level. Overall figures ignore the type (what matters for de-identification is that the text
 * is removed); per-type recall is by gold type, per-type precision by predicted type.
 */
public final class EvalReport {
    /**
     * tp, fp, fn counters. At span level tp counts gold spans found (recall's numerator) and {@code right} the
     * predictions that overlap gold (precision's): one long prediction may cover two gold spans and two predictions
     * one, so the two differ, and precision is right predictions over predictions, as the class comment defines it
     * (a walkthrough found the overall row dividing gold found by gold found plus false predictions). Where the two
     * are the same count (tokens), {@code right} stays -1.
     */
    public static final class Counts {
        long tp;
        long fp;
        long fn;
        long right = -1;

        public long tp() {
            return tp;
        }

        public long fp() {
            return fp;
        }

        public long fn() {
            return fn;
        }

        /** Predictions that were right: {@code right} where counted apart, else tp. */
        public long right() {
            return right < 0 ? tp : right;
        }

        public double precision() {
            long r = right();
            return r + fp == 0 ? 1.0 : (double) r / (r + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    final String corpus;
    final Map<PhiType, Counts> spanRecall = new EnumMap<>(PhiType.class);
    final Map<PhiType, Counts> spanPrecision = new EnumMap<>(PhiType.class);
    final Map<PhiType, Counts> tokenRecall = new EnumMap<>(PhiType.class);
    final Map<PhiType, Counts> tokenPrecision = new EnumMap<>(PhiType.class);
    final Counts span = new Counts();
    final Counts token = new Counts();
    final List<String> errors = new ArrayList<>();
    long documents;
    long chars;
    long nanos;
    long ignoredGold;
    long failedClosed;

    EvalReport(String corpus) {
        this.corpus = corpus;
        span.right = 0; // the overall span row counts right predictions apart from gold found
    }

    public String corpus() {
        return corpus;
    }

    public Counts span() {
        return span;
    }

    public Counts token() {
        return token;
    }

    public long documents() {
        return documents;
    }

    /** Span-level counts for a type: tp/fn by gold type, fp by predicted type. */
    public Counts span(PhiType t) {
        Counts c = new Counts();
        Counts r = spanRecall.get(t);
        Counts p = spanPrecision.get(t);
        if (r != null) {
            c.tp = r.tp;
            c.fn = r.fn;
        }
        if (p != null) {
            c.fp = p.fp;
            c.right = p.tp;
            if (r == null) {
                c.tp = p.tp;
            }
        }
        return c;
    }

    /** Misses and false alarms with their text (synthetic corpora only; off unless asked for). */
    public List<String> errors() {
        return List.copyOf(errors);
    }

    static Counts of(Map<PhiType, Counts> m, PhiType t) {
        return m.computeIfAbsent(t, k -> new Counts());
    }

    public String render() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "corpus %s: %d documents, %d chars, %.1f MB/s, %d failed closed, %d gold spans not PHI (ignored)%n",
                corpus, documents, chars, nanos == 0 ? 0 : chars / (nanos / 1e9) / 1e6, failedClosed, ignoredGold));
        b.append(String.format(Locale.ROOT, "%-12s %8s %6s %6s %7s %7s %7s | %8s %7s %7s %7s%n", "type", "gold", "tp", "fp/fn",
                "span P", "span R", "span F1", "tok gold", "tok P", "tok R", "tok F1"));
        for (PhiType t : PhiType.values()) {
            Counts rs = spanRecall.get(t);
            Counts ps = spanPrecision.get(t);
            if (rs == null && ps == null) {
                continue;
            }
            Counts rt = tokenRecall.getOrDefault(t, new Counts());
            Counts pt = tokenPrecision.getOrDefault(t, new Counts());
            Counts r = rs == null ? new Counts() : rs;
            Counts p = ps == null ? new Counts() : ps;
            double sp = p.tp + p.fp == 0 ? Double.NaN : (double) p.tp / (p.tp + p.fp);
            double sr = r.tp + r.fn == 0 ? Double.NaN : (double) r.tp / (r.tp + r.fn);
            double tp = pt.tp + pt.fp == 0 ? Double.NaN : (double) pt.tp / (pt.tp + pt.fp);
            double tr = rt.tp + rt.fn == 0 ? Double.NaN : (double) rt.tp / (rt.tp + rt.fn);
            b.append(String.format(Locale.ROOT, "%-12s %8d %6d %6s %7s %7s %7s | %8d %7s %7s %7s%n", t.name(), r.tp + r.fn, r.tp,
                    p.fp + "/" + r.fn, f(sp), f(sr), f(f1(sp, sr)), rt.tp + rt.fn, f(tp), f(tr), f(f1(tp, tr))));
        }
        b.append(String.format(Locale.ROOT, "%-12s %8d %6d %6s %7s %7s %7s | %8d %7s %7s %7s%n", "OVERALL", span.tp + span.fn, span.tp,
                span.fp + "/" + span.fn, f(span.precision()), f(span.recall()), f(span.f1()), token.tp + token.fn,
                f(token.precision()), f(token.recall()), f(token.f1())));
        return b.toString();
    }

    /** The header of a table of overall rows ({@link #renderOverall}), its first column named {@code first}. */
    public static String overallHeader(String first) {
        return String.format(Locale.ROOT, "%-24s %8s %6s %9s %7s %7s %7s | %8s %7s %7s %7s%n", first, "gold", "tp",
                "fp/fn", "span P", "span R", "span F1", "tok gold", "tok P", "tok R", "tok F1");
    }

    /** The overall row alone, labelled: one line of a table that compares runs (forms of a corpus). */
    public String renderOverall(String label) {
        return String.format(Locale.ROOT, "%-24s %8d %6d %9s %7s %7s %7s | %8d %7s %7s %7s%n", label, span.tp + span.fn,
                span.tp, span.fp + "/" + span.fn, f(span.precision()), f(span.recall()), f(span.f1()),
                token.tp + token.fn, f(token.precision()), f(token.recall()), f(token.f1()));
    }

    private static double f1(double p, double r) {
        if (Double.isNaN(p) || Double.isNaN(r)) {
            return Double.NaN;
        }
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }
}
