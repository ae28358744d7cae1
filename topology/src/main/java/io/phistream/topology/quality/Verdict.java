package io.phistream.topology.quality;

import java.util.List;

/**
 * The gateway's decision on one message: pass, pass with warnings, or quarantine for one rule. Holds rule ids and
 * reason codes only, never values from the message.
 */
public sealed interface Verdict {

    Pass PASS = new Pass();

    /** Rules violated whose outcome is pass-with-warning (empty for {@link Pass}). */
    List<Finding> warnings();

    /** The verdict after one more finding with the given outcome. */
    default Verdict with(Finding f, Outcome outcome) {
        return switch (outcome) {
            case OFF -> this;
            case QUARANTINE -> this instanceof Quarantine q ? q : new Quarantine(f, warnings());
            case PASS_WITH_WARNING -> {
                if (warnings().contains(f) || (this instanceof Quarantine q0 && q0.cause().equals(f))) {
                    yield this; // the same rule on another segment: one finding per rule
                }
                if (this instanceof Quarantine q) {
                    yield new Quarantine(q.cause(), append(q.warnings(), f));
                }
                yield new Warn(append(warnings(), f));
            }
        };
    }

    private static List<Finding> append(List<Finding> list, Finding f) {
        Finding[] a = list.toArray(new Finding[list.size() + 1]);
        a[list.size()] = f;
        return List.of(a);
    }

    record Pass() implements Verdict {
        @Override
        public List<Finding> warnings() {
            return List.of();
        }
    }

    /** Passes, recording the warning rules. */
    record Warn(List<Finding> warnings) implements Verdict {
        public Warn {
            warnings = List.copyOf(warnings);
            if (warnings.isEmpty()) {
                throw new IllegalArgumentException("a warning verdict needs at least one finding");
            }
        }

        public List<String> ruleIds() {
            return warnings.stream().map(Finding::ruleId).toList();
        }
    }

    /** Quarantined for the first violated quarantine rule; {@code warnings} are the other findings kept for metrics. */
    record Quarantine(Finding cause, List<Finding> warnings) implements Verdict {
        public Quarantine {
            warnings = List.copyOf(warnings);
        }

        public String ruleId() {
            return cause.ruleId();
        }

        public io.phistream.detector.RejectReason reason() {
            return cause.reason();
        }
    }
}
