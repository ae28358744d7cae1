package io.phistream.detector;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * PHI values one message's structured fields held, collected while de-identifying it. Used to find the
 * same values again in free text and, as a last fail-closed check, in the finished output. Lives only for
 * the processing of one message and is never logged or stored.
 */
public final class KnownPhi {

    /**
     * One value with its type; {@code guarded} when it identifies the patient or a relative and must
     * provably not survive (a provider's or organisation's value is treated but may rightly recur).
     */
    public record Value(PhiType type, String value, boolean guarded) {
    }

    private final List<Value> values = new ArrayList<>();

    public void add(PhiType type, String value, boolean guarded) {
        String v = value.strip();
        if (!v.isEmpty()) {
            values.add(new Value(type, v, guarded));
        }
    }

    public List<Value> values() {
        return Collections.unmodifiableList(values);
    }
}
