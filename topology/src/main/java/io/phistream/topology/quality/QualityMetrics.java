package io.phistream.topology.quality;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.phistream.detector.RejectReason;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the gate decided, counted by decision, rule and reason: rule ids and reason codes are ours, so no PHI and a
 * bounded set of series. Bind to a Micrometer registry for export ({@code phistream.quality.decisions{decision}},
 * {@code phistream.quality.findings{rule,reason,outcome}}).
 */
public final class QualityMetrics implements MeterBinder {

    public enum Decision { PASSED, WARNED, QUARANTINED, DUPLICATE }

    private final Map<Decision, LongAdder> decisions = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> findings = new ConcurrentHashMap<>(); // "rule|reason|outcome"
    private volatile MeterRegistry registry;
    /** Told of each quarantine with the gate's format, reason and the input's timestamp (the pipeline's counters). */
    private volatile QuarantineListener quarantines = (format, reason, eventTimeMs) -> { };

    /** Who else counts the gate's quarantines. */
    @FunctionalInterface
    public interface QuarantineListener {
        void quarantined(String format, RejectReason reason, long eventTimeMs);
    }

    public void onQuarantine(QuarantineListener l) {
        quarantines = l;
    }

    void quarantined(String format, RejectReason reason, long eventTimeMs) {
        quarantines.quarantined(format, reason, eventTimeMs);
    }

    public QualityMetrics() {
        for (Decision d : Decision.values()) {
            decisions.put(d, new LongAdder());
        }
    }

    void record(Verdict v) {
        if (v instanceof Verdict.Quarantine q) {
            decisions.get(Decision.QUARANTINED).increment();
            finding(q.cause(), Outcome.QUARANTINE);
        } else {
            decisions.get(v instanceof Verdict.Warn ? Decision.WARNED : Decision.PASSED).increment();
        }
        for (Finding f : v.warnings()) {
            finding(f, Outcome.PASS_WITH_WARNING);
        }
    }

    void duplicate() {
        decisions.get(Decision.DUPLICATE).increment();
    }

    private void finding(Finding f, Outcome o) {
        String key = f.ruleId() + "|" + f.reason().name() + "|" + o.label();
        findings.computeIfAbsent(key, k -> {
            LongAdder a = new LongAdder();
            MeterRegistry r = registry;
            if (r != null) {
                register(r, k, a);
            }
            return a;
        }).increment();
    }

    public long count(Decision d) {
        return decisions.get(d).sum();
    }

    /** Count of one rule with one outcome. */
    public long count(String ruleId, Outcome outcome) {
        return findings.entrySet().stream()
                .filter(e -> e.getKey().startsWith(ruleId + "|") && e.getKey().endsWith("|" + outcome.label()))
                .mapToLong(e -> e.getValue().sum()).sum();
    }

    /** Counts by reason for one outcome. */
    public Map<RejectReason, Long> byReason(Outcome outcome) {
        Map<RejectReason, Long> m = new TreeMap<>();
        findings.forEach((k, v) -> {
            String[] p = k.split("\\|");
            if (p[2].equals(outcome.label())) {
                m.merge(RejectReason.valueOf(p[1]), v.sum(), Long::sum);
            }
        });
        return m;
    }

    /** Counts by rule id for one outcome. */
    public Map<String, Long> byRule(Outcome outcome) {
        Map<String, Long> m = new TreeMap<>();
        findings.forEach((k, v) -> {
            String[] p = k.split("\\|");
            if (p[2].equals(outcome.label())) {
                m.merge(p[0], v.sum(), Long::sum);
            }
        });
        return m;
    }

    @Override
    public synchronized void bindTo(MeterRegistry r) {
        registry = r; // first, so findings seen from now on register themselves (registering twice is harmless)
        for (Decision d : Decision.values()) {
            LongAdder a = decisions.get(d);
            FunctionCounter.builder("phistream.quality.decisions", a, LongAdder::doubleValue)
                    .description("inputs the data-quality gate passed, warned, quarantined or dropped as duplicates")
                    .tag("decision", d.name().toLowerCase(java.util.Locale.ROOT)).register(r);
        }
        findings.forEach((k, a) -> register(r, k, a));
    }

    private static void register(MeterRegistry r, String key, LongAdder a) {
        String[] p = key.split("\\|");
        FunctionCounter.builder("phistream.quality.findings", a, LongAdder::doubleValue)
                .description("violated data-quality rules, by rule, reason and outcome")
                .tag("rule", p[0]).tag("reason", p[1]).tag("outcome", p[2]).register(r);
    }
}
