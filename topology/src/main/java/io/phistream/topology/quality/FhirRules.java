package io.phistream.topology.quality;

import static io.phistream.topology.quality.RulesFile.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.phistream.topology.quality.Hl7Rules.RulesException;
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

    public static final String DEFAULT = RulesFile.BUILTIN_PREFIX + "fhir-r4-rules-v1";
    public static final String FILE_FORMAT = "phi-stream/fhir-quality-rules";

    private static final RulesFile.Schema<FhirRule> SCHEMA = new RulesFile.Schema<>(FILE_FORMAT,
            Set.of("id", "reason", "outcome", "check", "each", "path", "format", "values", "codePath", "table", "when",
                    "doc"),
            "versionReused", "reused ids and versions", FhirRules::rule);

    private final RulesFile<FhirRule> file;
    private final Map<String, List<FhirRule>> profiles;

    private FhirRules(RulesFile<FhirRule> file) {
        this.file = file;
        this.profiles = file.activeRules(FhirRule::outcome);
    }

    public String nameAndVersion() {
        return file.nameAndVersion();
    }

    /** Every rule, in file order. */
    public Map<String, FhirRule> rules() {
        return file.rules;
    }

    /** Every rule id the rules can report, the dedupe rule included. */
    public Set<String> ruleIds() {
        return file.ruleIds();
    }

    /** Profile names and the ids of the rules each applies (inheritance resolved). */
    public Map<String, List<String>> profiles() {
        return file.profiles;
    }

    /** The finding recorded when a resource id and version (or Bundle identifier) returns with other content. */
    public Finding versionReused() {
        return file.reused;
    }

    public Outcome versionReusedOutcome() {
        return file.reusedOutcome;
    }

    /** The rules (outcome not off) a resource of this type is checked against, in file order. */
    List<FhirRule> profile(String resourceType) {
        List<FhirRule> p = resourceType == null ? null : profiles.get(resourceType);
        return p != null ? p : profiles.get(RulesFile.DEFAULT_PROFILE);
    }

    /** The same rules with some outcomes replaced (deployment overrides); an unknown rule id is an error. */
    public FhirRules withOutcomes(Map<String, Outcome> overrides) {
        return new FhirRules(file.withOutcomes(overrides, FhirRule::withOutcome));
    }

    /** Loads {@code builtin:NAME} from the classpath ({@code /quality/NAME.json}) or a file path. */
    public static FhirRules load(String location) {
        return parse(RulesFile.read(location));
    }

    public static FhirRules parse(byte[] json) {
        return new FhirRules(RulesFile.parse(json, SCHEMA));
    }

    /** A FHIR rule's own parts: element paths relative to the resource or to each {@code each} element, R4 formats. */
    private static FhirRule rule(JsonNode r, String id, RulesFile.Sets sets) {
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
            case FORMAT -> format = RulesFile.format(r, id, FhirFormats.Format::of,
                    "date, dateTime, instant, id, decimal or loinc");
            case IN -> values = RulesFile.values(r, id, sets);
            case UNITS -> {
                codePath = path(r, "codePath", id);
                units = RulesFile.units(r, id, sets);
            }
            default -> { }
        }
        List<FhirRule.Condition> when = RulesFile.conditions(r, id, sets, c -> path(c, "path", id),
                FhirRule.Condition::new);
        return new FhirRule(id, RulesFile.reason(r, id), RulesFile.outcome(r, id), check, each, path, format, values,
                codePath, units, when);
    }

    private static FhirElementPath path(JsonNode r, String key, String id) {
        return RulesFile.path(r, key, id, FhirElementPath::parse,
                "a path such as code.coding(system='x').code or effective[x]");
    }
}
