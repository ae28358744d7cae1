package io.phistream.topology.quality;

import java.util.Locale;

/** What a violated rule does to the message. Configurable per rule in the rules file. */
public enum Outcome {
    /** The message is sealed into the quarantine with the rule's reason. */
    QUARANTINE("quarantine"),
    /** The message passes; the rule id is recorded in the {@code phi-stream.quality-warnings} header and metrics. */
    PASS_WITH_WARNING("pass-with-warning"),
    /** The rule is not evaluated. */
    OFF("off");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Parses the label used in rules files; null when unknown. */
    public static Outcome of(String label) {
        String l = label == null ? "" : label.strip().toLowerCase(Locale.ROOT);
        for (Outcome o : values()) {
            if (o.label.equals(l)) {
                return o;
            }
        }
        return null;
    }
}
