package io.phistream.topology.quality;

import com.fasterxml.jackson.databind.JsonNode;
import io.phistream.detector.RejectReason;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One FHIR data-quality rule, compiled from a rules file ({@link FhirRules}). Paths are relative to the resource,
 * or to each element of {@code each} (e.g. every {@code component} of an Observation). Pure and thread-safe.
 *
 * @param each     null, or the elements the rule is checked in, one by one
 * @param values   for {@code in}: the allowed values
 * @param codePath for {@code units}: the codes whose units the table lists
 * @param units    for {@code units}: code → allowed units
 */
public record FhirRule(String id, RejectReason reason, Outcome outcome, Check check, FhirElementPath each,
                       FhirElementPath path, FhirFormats.Format format, Set<String> values, FhirElementPath codePath,
                       Map<String, Set<String>> units, List<Condition> when) {

    public enum Check {
        /** Some element at the path is non-empty. */
        REQUIRED,
        /** Every non-empty value at the path has the format. */
        FORMAT,
        /** Every non-empty value at the path is in the value set. */
        IN,
        /** When a code at {@code codePath} is in the unit table, every non-empty unit at the path is one it lists. */
        UNITS
    }

    /** Holds when some value at the path is in {@code values} ({@code negate}: none is), or on presence. */
    public record Condition(FhirElementPath path, Set<String> values, boolean negate, Boolean present) {
        boolean test(JsonNode context) {
            List<JsonNode> found = path.select(context);
            if (present != null) {
                return found.stream().anyMatch(FhirElementPath::nonEmpty) == present;
            }
            boolean any = false;
            for (JsonNode n : found) {
                if (n.isValueNode() && values.contains(n.asText())) {
                    any = true;
                    break;
                }
            }
            return any != negate;
        }
    }

    public FhirRule withOutcome(Outcome o) {
        return new FhirRule(id, reason, o, check, each, path, format, values, codePath, units, when);
    }

    public Finding finding() {
        return new Finding(id, reason);
    }

    /** True when the resource breaks this rule (in any of its {@code each} elements). */
    boolean violatedBy(JsonNode resource) {
        if (each == null) {
            return violatedIn(resource);
        }
        for (JsonNode e : each.select(resource)) {
            if (violatedIn(e)) {
                return true;
            }
        }
        return false;
    }

    private boolean violatedIn(JsonNode context) {
        for (Condition c : when) {
            if (!c.test(context)) {
                return false;
            }
        }
        List<JsonNode> found = path.select(context);
        return switch (check) {
            case REQUIRED -> found.stream().noneMatch(FhirElementPath::nonEmpty);
            case FORMAT -> anyValue(found, v -> !format.test(v));
            case IN -> anyValue(found, v -> !values.contains(v));
            case UNITS -> {
                Set<String> allowed = null;
                for (JsonNode c : codePath.select(context)) {
                    allowed = c.isValueNode() ? units.get(c.asText()) : null;
                    if (allowed != null) {
                        break;
                    }
                }
                Set<String> a = allowed;
                yield a != null && anyValue(found, v -> !a.contains(v));
            }
        };
    }

    /** Some non-blank value at the path fails the test; an object where a value is expected fails too. */
    private static boolean anyValue(List<JsonNode> found, java.util.function.Predicate<String> bad) {
        for (JsonNode n : found) {
            if (n.isContainerNode()) {
                return true;
            }
            String v = n.asText();
            if (!v.isBlank() && bad.test(v)) {
                return true;
            }
        }
        return false;
    }
}
