package io.phistream.topology.quality;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A path to elements of a FHIR resource in its JSON shape, a small subset of FHIRPath: {@code name.name...} where a
 * step is an element name, a choice {@code effective[x]} (any {@code effectiveDateTime}, {@code effectivePeriod},
 * ...) or a filtered name {@code coding(system='http://loinc.org')}; alternatives {@code a.b|a.c} yield the first
 * alternative that has a value. Collections flatten at every step, as in FHIRPath.
 */
public final class FhirElementPath {

    private record Step(String name, boolean choice, String filterChild, String filterValue) {
    }

    private final String text;
    private final List<List<Step>> alternatives;

    private FhirElementPath(String text, List<List<Step>> alternatives) {
        this.text = text;
        this.alternatives = alternatives;
    }

    /** Parses a path; null when it is not one. */
    public static FhirElementPath parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        List<List<Step>> alts = new ArrayList<>();
        for (String alt : split(text, '|')) {
            List<Step> steps = new ArrayList<>();
            for (String s : split(alt, '.')) {
                Step step = step(s);
                if (step == null) {
                    return null;
                }
                steps.add(step);
            }
            alts.add(List.copyOf(steps));
        }
        return new FhirElementPath(text, List.copyOf(alts));
    }

    private static Step step(String s) {
        String name = s;
        String child = null;
        String value = null;
        int paren = s.indexOf('(');
        if (paren >= 0) {
            if (!s.endsWith(")")) {
                return null;
            }
            String f = s.substring(paren + 1, s.length() - 1);
            int eq = f.indexOf('=');
            if (eq <= 0 || f.length() < eq + 3 || f.charAt(eq + 1) != '\'' || !f.endsWith("'")) {
                return null;
            }
            child = f.substring(0, eq);
            value = f.substring(eq + 2, f.length() - 1);
            name = s.substring(0, paren);
            if (!child.matches("[a-zA-Z][a-zA-Z0-9]*")) {
                return null;
            }
        }
        boolean choice = name.endsWith("[x]");
        if (choice) {
            name = name.substring(0, name.length() - 3);
        }
        return name.matches("[a-zA-Z_][a-zA-Z0-9_]*") ? new Step(name, choice, child, value) : null;
    }

    /** Splits at {@code sep} outside parentheses and quotes; empty parts are kept (and rejected by the caller). */
    private static List<String> split(String s, char sep) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == sep) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    /** The elements at this path under {@code context}: the first alternative's that has a non-empty element. */
    public List<JsonNode> select(JsonNode context) {
        List<JsonNode> out = new ArrayList<>(4);
        for (List<Step> alt : alternatives) {
            walk(context, alt, 0, out::add);
            if (out.stream().anyMatch(FhirElementPath::nonEmpty)) {
                return out;
            }
            out.clear();
        }
        return out;
    }

    private static void walk(JsonNode node, List<Step> steps, int i, Consumer<JsonNode> sink) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode e : node) {
                walk(e, steps, i, sink);
            }
            return;
        }
        if (i == steps.size()) {
            sink.accept(node);
            return;
        }
        if (!node.isObject()) {
            return;
        }
        Step s = steps.get(i);
        if (s.choice) {
            for (var it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                String k = e.getKey();
                if (k.length() > s.name.length() && k.startsWith(s.name) && Character.isUpperCase(k.charAt(s.name.length()))) {
                    filtered(e.getValue(), s, steps, i, sink);
                }
            }
        } else {
            filtered(node.get(s.name), s, steps, i, sink);
        }
    }

    private static void filtered(JsonNode v, Step s, List<Step> steps, int i, Consumer<JsonNode> sink) {
        if (s.filterChild == null || v == null) {
            walk(v, steps, i + 1, sink);
        } else if (v.isArray()) {
            for (JsonNode e : v) {
                filtered(e, s, steps, i, sink);
            }
        } else if (v.isObject() && s.filterValue.equals(v.path(s.filterChild).asText(null))) {
            walk(v, steps, i + 1, sink);
        }
    }

    /** A value (text not blank, a number or boolean) or an object with at least one element. */
    static boolean nonEmpty(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return false;
        }
        if (n.isTextual()) {
            return !n.asText().isBlank();
        }
        if (n.isContainerNode()) {
            return !n.isEmpty();
        }
        return true;
    }

    @Override
    public String toString() {
        return text;
    }
}
