package io.phistream.topology.quality;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks every resource of a parsed FHIR input (its JSON shape, {@link FhirReader}) against the rules of its type:
 * the root resource and, in a Bundle, each entry's resource (nested Bundles too). Contained resources are not
 * checked on their own: they are fragments of their container. One finding per rule for the whole input; the first
 * violated quarantine rule, in document and then file order, names the reason. Pure and thread-safe.
 */
public final class FhirValidator implements MessageValidator<JsonNode> {

    private final FhirRules rules;

    public FhirValidator(FhirRules rules) {
        this.rules = rules;
    }

    public FhirRules rules() {
        return rules;
    }

    @Override
    public String rulesVersion() {
        return rules.nameAndVersion();
    }

    @Override
    public Verdict validate(JsonNode root) {
        return resource(root, Verdict.PASS);
    }

    private Verdict resource(JsonNode r, Verdict v) {
        JsonNode type = r.get("resourceType");
        for (FhirRule rule : rules.profile(type != null && type.isTextual() ? type.asText() : null)) {
            if (rule.violatedBy(r)) {
                v = v.with(rule.finding(), rule.outcome());
            }
        }
        if (type != null && "Bundle".equals(type.asText())) {
            JsonNode entries = r.path("entry");
            // from XML, a single entry is an object: iterate it as a one-element collection, not over its fields
            for (JsonNode e : entries.isArray() ? entries : java.util.List.of(entries)) {
                JsonNode child = e.get("resource");
                if (child != null && child.isObject()) {
                    v = resource(child, v);
                }
            }
        }
        return v;
    }
}
