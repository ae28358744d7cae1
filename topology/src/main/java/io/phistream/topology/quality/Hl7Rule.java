package io.phistream.topology.quality;

import io.phistream.detector.RejectReason;
import io.phistream.detector.er7.Er7Segment;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One compiled rule of an {@link Hl7Rules} file: a check on one segment (the first occurrence, or each one),
 * applied when its conditions hold. All paths of a rule name the same segment.
 */
public final class Hl7Rule {

    public enum Check { REQUIRED, FORMAT, IN, UNITS }

    public enum Scope { FIRST, EACH }

    /** A precondition on the first repetition of an element: in or not in a set, or present / absent. */
    record Condition(ElementPath path, Set<String> values, boolean negate, Boolean present) {
        boolean holds(SegmentValues segment) {
            String v = segment.first(path);
            if (present != null) {
                return v.isEmpty() != present;
            }
            return values.contains(v) != negate;
        }
    }

    private final String id;
    private final RejectReason reason;
    private final Outcome outcome;
    private final Check check;
    private final Scope scope;
    private final ElementPath path;
    private final Hl7Formats.Format format;
    private final Set<String> values;
    private final ElementPath codePath;
    private final Map<String, Set<String>> units;
    private final List<Condition> when;
    private final Finding finding;

    Hl7Rule(String id, RejectReason reason, Outcome outcome, Check check, Scope scope, ElementPath path,
            Hl7Formats.Format format, Set<String> values, ElementPath codePath, Map<String, Set<String>> units,
            List<Condition> when) {
        this.id = id;
        this.reason = reason;
        this.outcome = outcome;
        this.check = check;
        this.scope = scope;
        this.path = path;
        this.format = format;
        this.values = values;
        this.codePath = codePath;
        this.units = units;
        this.when = List.copyOf(when);
        this.finding = new Finding(id, reason);
    }

    Hl7Rule withOutcome(Outcome o) {
        return new Hl7Rule(id, reason, o, check, scope, path, format, values, codePath, units, when);
    }

    public String id() {
        return id;
    }

    public RejectReason reason() {
        return reason;
    }

    public Outcome outcome() {
        return outcome;
    }

    public Check check() {
        return check;
    }

    public Scope scope() {
        return scope;
    }

    public String segment() {
        return path.segment();
    }

    Finding finding() {
        return finding;
    }

    /**
     * True when the segment ({@code values.segment()}; null when absent from the message) violates this rule. An
     * absent segment violates only a requirement whose conditions hold on empty values; formats, value sets and
     * units check what is there.
     */
    boolean violatedBy(SegmentValues v) {
        for (Condition c : when) {
            if (!c.holds(v)) {
                return false;
            }
        }
        Er7Segment seg = v.segment();
        if (seg == null) {
            return check == Check.REQUIRED;
        }
        return switch (check) {
            case REQUIRED -> !present(v);
            case FORMAT -> !allValues(v, null);
            case IN -> !allValues(v, values);
            case UNITS -> {
                String code = v.first(codePath);
                Set<String> allowed = code.isEmpty() ? null : units.get(code);
                yield allowed != null && !allValues(v, allowed);
            }
        };
    }

    private boolean present(SegmentValues v) {
        if (path.segmentOnly()) {
            return true;
        }
        int reps = ElementPath.repetitions(v.segment(), path.field(), v.delimiters());
        for (int r = 1; r <= reps; r++) {
            if (!v.value(path, r).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** True when every non-empty repetition is in {@code set}, or (set null) has the rule's format. */
    private boolean allValues(SegmentValues v, Set<String> set) {
        int reps = ElementPath.repetitions(v.segment(), path.field(), v.delimiters());
        for (int r = 1; r <= reps; r++) {
            String x = v.value(path, r);
            if (!x.isEmpty() && !(set == null ? format.test(x) : set.contains(x))) {
                return false;
            }
        }
        return true;
    }
}
