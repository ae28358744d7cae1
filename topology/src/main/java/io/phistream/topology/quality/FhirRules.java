package io.phistream.topology.quality;

import static io.phistream.topology.quality.Hl7Rules.onlyKeys;
import static io.phistream.topology.quality.Hl7Rules.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.phistream.topology.quality.Hl7Rules.RulesException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * FHIR R4 data-quality rules as data (JSON, versioned; the shipped default is {@code builtin:fhir-r4-rules-v1}), in
 * the style of {@link Hl7Rules}: rules with an id, a reason code and an outcome; profiles per resource type say
 * which rules apply ({@code Observation}, else {@code default}), with {@code extends} and {@code without}. Every
 * resource of an input is checked against its type's profile: the root, and each Bundle entry's resource. Loading
 * is strict: an unknown key, rule, reason, format, set or path is an error naming it ({@link RulesException}).
 */
public final class FhirRules {

    public static final String DEFAULT = Hl7Rules.BUILTIN_PREFIX + "fhir-r4-rules-v1";
    public static final String FILE_FORMAT = "phi-stream/fhir-quality-rules";

    private static final Set<String> TOP_KEYS = Set.of("format", "name", "version", "description", "valueSets",
            "unitTables", "rules", "profiles", "dedupe");
    private static final Set<String> RULE_KEYS = Set.of("id", "reason", "outcome", "check", "each", "path", "format",
            "values", "codePath", "table", "when", "doc");
    private static final Set<String> CONDITION_KEYS = Set.of("path", "in", "notIn", "present");

    private final String name;
    private final String version;
    private final Map<String, FhirRule> rules;
    private final Map<String, List<String>> profileIds;
    private final Map<String, List<FhirRule>> profiles;
    private final Finding versionReused;
    private final Outcome versionReusedOutcome;

    private FhirRules(String name, String version, Map<String, FhirRule> rules, Map<String, List<String>> profileIds,
                      Finding versionReused, Outcome versionReusedOutcome) {
        this.name = name;
        this.version = version;
        this.rules = Collections.unmodifiableMap(rules);
        this.profileIds = Collections.unmodifiableMap(profileIds);
        this.versionReused = versionReused;
        this.versionReusedOutcome = versionReusedOutcome;
        Map<String, List<FhirRule>> p = new HashMap<>();
        profileIds.forEach((n, ids) -> p.put(n, ids.stream().map(rules::get)
                .filter(r -> r.outcome() != Outcome.OFF).toList()));
        this.profiles = p;
    }

    public String nameAndVersion() {
        return name + "/" + version;
    }

    /** Every rule, in file order. */
    public Map<String, FhirRule> rules() {
        return rules;
    }

    /** Every rule id the rules can report, the dedupe rule included. */
    public java.util.Set<String> ruleIds() {
        java.util.Set<String> s = new java.util.LinkedHashSet<>(rules.keySet());
        s.add(versionReused.ruleId());
        return s;
    }

    /** Profile names and the ids of the rules each applies (inheritance resolved). */
    public Map<String, List<String>> profiles() {
        return profileIds;
    }

    /** The finding recorded when a resource id and version (or Bundle identifier) returns with other content. */
    public Finding versionReused() {
        return versionReused;
    }

    public Outcome versionReusedOutcome() {
        return versionReusedOutcome;
    }

    /** The rules (outcome not off) a resource of this type is checked against, in file order. */
    List<FhirRule> profile(String resourceType) {
        List<FhirRule> p = resourceType == null ? null : profiles.get(resourceType);
        return p != null ? p : profiles.get(Hl7Rules.DEFAULT_PROFILE);
    }

    /** The same rules with some outcomes replaced (deployment overrides); an unknown rule id is an error. */
    public FhirRules withOutcomes(Map<String, Outcome> overrides) {
        Map<String, FhirRule> r = new LinkedHashMap<>(rules);
        Outcome dedupe = versionReusedOutcome;
        for (Map.Entry<String, Outcome> e : overrides.entrySet()) {
            if (e.getKey().equals(versionReused.ruleId())) {
                dedupe = e.getValue();
            } else if (r.containsKey(e.getKey())) {
                r.put(e.getKey(), r.get(e.getKey()).withOutcome(e.getValue()));
            } else {
                throw new RulesException("no rule with id " + e.getKey());
            }
        }
        return new FhirRules(name, version, r, profileIds, versionReused, dedupe);
    }

    /** Loads {@code builtin:NAME} from the classpath ({@code /quality/NAME.json}) or a file path. */
    public static FhirRules load(String location) {
        try {
            if (location.startsWith(Hl7Rules.BUILTIN_PREFIX)) {
                String resource = "/quality/" + location.substring(Hl7Rules.BUILTIN_PREFIX.length()) + ".json";
                try (InputStream in = FhirRules.class.getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new RulesException("no built-in quality rules named " + location);
                    }
                    return parse(in.readAllBytes());
                }
            }
            return parse(Files.readAllBytes(Path.of(location)));
        } catch (IOException e) {
            throw new RulesException("cannot read quality rules " + location + ": " + e.getClass().getSimpleName());
        }
    }

    public static FhirRules parse(byte[] json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new RulesException("quality rules are not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new RulesException("quality rules must be a JSON object");
        }
        onlyKeys(root, TOP_KEYS, "the rules file");
        if (!FILE_FORMAT.equals(root.path("format").asText())) {
            throw new RulesException("format must be \"" + FILE_FORMAT + "\"");
        }
        String name = text(root, "name", "the rules file");
        String version = text(root, "version", "the rules file");
        Map<String, Set<String>> valueSets = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("valueSets").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            valueSets.put(e.getKey(), Hl7Rules.strings(e.getValue(), "value set " + e.getKey()));
        }
        Map<String, Map<String, Set<String>>> unitTables = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("unitTables").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isObject()) {
                throw new RulesException("unit table " + e.getKey() + " must map codes to lists of units");
            }
            Map<String, Set<String>> table = new HashMap<>();
            e.getValue().fields().forEachRemaining(c -> table.put(c.getKey(),
                    Hl7Rules.strings(c.getValue(), "unit table " + e.getKey() + " code " + c.getKey())));
            unitTables.put(e.getKey(), Collections.unmodifiableMap(table));
            valueSets.putIfAbsent(e.getKey(), SmallSet.of(table.keySet()));
        }
        JsonNode ruleNodes = root.path("rules");
        if (!ruleNodes.isArray() || ruleNodes.isEmpty()) {
            throw new RulesException("rules must be a non-empty array");
        }
        Map<String, FhirRule> rules = new LinkedHashMap<>();
        for (JsonNode r : ruleNodes) {
            FhirRule rule = rule(r, valueSets, unitTables);
            if (rules.put(rule.id(), rule) != null) {
                throw new RulesException("rule " + rule.id() + " is defined twice");
            }
        }
        JsonNode profileNodes = root.path("profiles");
        if (!profileNodes.isObject() || !profileNodes.has(Hl7Rules.DEFAULT_PROFILE)) {
            throw new RulesException("profiles must be an object with a \"default\" profile");
        }
        Map<String, List<String>> resolved = new LinkedHashMap<>();
        for (Iterator<String> it = profileNodes.fieldNames(); it.hasNext(); ) {
            Hl7Rules.resolve(it.next(), profileNodes, rules, resolved, new LinkedHashSet<>());
        }
        JsonNode reused = root.path("dedupe").path("versionReused");
        if (!reused.isObject()) {
            throw new RulesException("dedupe.versionReused must name the rule for reused ids and versions");
        }
        String reusedId = Hl7Rules.ruleId(reused, "dedupe.versionReused");
        if (rules.containsKey(reusedId)) {
            throw new RulesException("rule " + reusedId + " is defined twice");
        }
        return new FhirRules(name, version, rules, resolved,
                new Finding(reusedId, Hl7Rules.reason(reused, reusedId)), Hl7Rules.outcome(reused, reusedId));
    }

    private static FhirRule rule(JsonNode r, Map<String, Set<String>> valueSets,
                                 Map<String, Map<String, Set<String>>> unitTables) {
        if (!r.isObject()) {
            throw new RulesException("every rule must be an object");
        }
        String id = Hl7Rules.ruleId(r, "a rule");
        onlyKeys(r, RULE_KEYS, "rule " + id);
        FhirRule.Check check = switch (text(r, "check", "rule " + id)) {
            case "required" -> FhirRule.Check.REQUIRED;
            case "format" -> FhirRule.Check.FORMAT;
            case "in" -> FhirRule.Check.IN;
            case "units" -> FhirRule.Check.UNITS;
            default -> throw new RulesException("rule " + id + ": check must be required, format, in or units");
        };
        FhirElementPath each = r.has("each") ? path(r, "each", id) : null;
        FhirElementPath path = path(r, "path", id);
        FhirFormats.Format format = null;
        Set<String> values = null;
        FhirElementPath codePath = null;
        Map<String, Set<String>> units = null;
        switch (check) {
            case FORMAT -> {
                format = FhirFormats.Format.of(text(r, "format", "rule " + id));
                if (format == null) {
                    throw new RulesException("rule " + id + ": format must be date, dateTime, instant, id, decimal or loinc");
                }
            }
            case IN -> values = Hl7Rules.set(r.get("values"), valueSets, "rule " + id + " values");
            case UNITS -> {
                codePath = path(r, "codePath", id);
                units = unitTables.get(text(r, "table", "rule " + id));
                if (units == null) {
                    throw new RulesException("rule " + id + ": no unit table named " + r.get("table").asText());
                }
            }
            default -> { }
        }
        if (!r.path("when").isMissingNode() && !r.path("when").isArray()) {
            throw new RulesException("rule " + id + ": when must be an array of conditions");
        }
        List<FhirRule.Condition> when = new ArrayList<>();
        for (JsonNode c : r.path("when")) {
            onlyKeys(c, CONDITION_KEYS, "rule " + id + " condition");
            FhirElementPath cp = path(c, "path", id);
            int kinds = (c.has("in") ? 1 : 0) + (c.has("notIn") ? 1 : 0) + (c.has("present") ? 1 : 0);
            if (kinds != 1) {
                throw new RulesException("rule " + id + ": a condition needs exactly one of in, notIn, present");
            }
            if (c.has("present")) {
                if (!c.get("present").isBoolean()) {
                    throw new RulesException("rule " + id + ": present must be true or false");
                }
                when.add(new FhirRule.Condition(cp, Set.of(), false, c.get("present").asBoolean()));
            } else {
                boolean negate = c.has("notIn");
                when.add(new FhirRule.Condition(cp, Hl7Rules.set(c.get(negate ? "notIn" : "in"), valueSets,
                        "rule " + id + " condition"), negate, null));
            }
        }
        return new FhirRule(id, Hl7Rules.reason(r, id), Hl7Rules.outcome(r, id), check, each, path, format, values,
                codePath, units, List.copyOf(when));
    }

    private static FhirElementPath path(JsonNode r, String key, String id) {
        FhirElementPath p = FhirElementPath.parse(text(r, key, "rule " + id));
        if (p == null) {
            throw new RulesException("rule " + id + ": " + key + " must be a path such as code.coding(system='x').code"
                    + " or effective[x]");
        }
        return p;
    }
}
