package io.phistream.detector.hl7;

import io.phistream.detector.PhiType;
import io.phistream.detector.deid.Treatment;
import java.util.Map;

/**
 * What the policy does with one field; compiled from the policy file. A {@code guarded} value identifies the
 * patient or a relative, so the residual-PHI check proves it absent from the output; values of providers and
 * organisations are treated too but not guarded, because kept fields (a facility name) may rightly repeat them.
 */
sealed interface FieldRule {

    /** One treatment for each repetition of the field (or for one component, inside a {@link Composite}). */
    record Simple(Treatment treatment, PhiType phiType, boolean birthDate, boolean guarded) implements FieldRule {
        static final Simple KEEP = new Simple(Treatment.KEEP, PhiType.OTHER_ID, false, false);
        static final Simple REDACT = new Simple(Treatment.REDACT, PhiType.OTHER_ID, false, false);

        Simple unguarded() {
            return guarded ? new Simple(treatment, phiType, birthDate, false) : this;
        }
    }

    /** Per-component treatments of a composite datatype; components not named get {@code otherwise}. */
    record Composite(String datatype, Simple[] components, Simple otherwise) implements FieldRule {
        Simple component(int c) {
            return c < components.length && components[c] != null ? components[c] : otherwise;
        }
    }

    /** OBX-5: the treatment depends on the value type in OBX-2. */
    record ByValueType(Map<String, Simple> rules, Simple otherwise) implements FieldRule {
        Simple forType(String valueType) {
            return rules.getOrDefault(valueType, otherwise);
        }
    }
}
