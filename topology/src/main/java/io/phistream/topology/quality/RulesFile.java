package io.phistream.topology.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.phistream.detector.RejectReason;
import io.phistream.topology.quality.Hl7Rules.RulesException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What the HL7 v2 and FHIR rules files ({@link Hl7Rules}, {@link FhirRules}) have in common: loading from
 * {@code builtin:NAME} or a path; the header (format, name, version), value sets and unit tables; rules with an id, a
 * reason and an outcome; profiles resolved through {@code extends} and {@code without}, in the file's order; the
 * dedupe rule; and deployment outcome overrides. Each format reads its own rule bodies (paths, checks, formats)
 * through its {@link Schema}. Loading is strict: an unknown key, rule, reason or set is an error naming it, since a
 * typo would silently disable a check.
 *
 * @param <R> the format's compiled rule
 */
final class RulesFile<R> {

    static final String BUILTIN_PREFIX = "builtin:";
    static final String DEFAULT_PROFILE = "default";

    private static final Pattern RULE_ID = Pattern.compile("[a-z0-9][a-z0-9.-]{0,79}");
    private static final Set<String> TOP_KEYS = Set.of("format", "name", "version", "description", "valueSets",
            "unitTables", "rules", "profiles", "dedupe");
    private static final Set<String> CONDITION_KEYS = Set.of("path", "in", "notIn", "present");
    private static final Set<String> PROFILE_KEYS = Set.of("extends", "rules", "without", "doc");

    /**
     * What one format's rules files look like beyond the shared parts.
     *
     * @param fileFormat  the {@code format} the file must declare
     * @param ruleKeys    the keys a rule may have
     * @param dedupeKey   the key under {@code dedupe} that names the rule for a reused id
     * @param dedupeWhat  what that rule is about, for the error when it is missing
     * @param reader      compiles one rule
     */
    record Schema<R>(String fileFormat, Set<String> ruleKeys, String dedupeKey, String dedupeWhat,
                     RuleReader<R> reader) {
    }

    /** Compiles one rule: {@code r} is an object with a valid {@code id} and only the format's keys. */
    interface RuleReader<R> {
        R read(JsonNode r, String id, Sets sets);
    }

    /** A condition's constructor: both formats' conditions are (path, values, negate, present). */
    interface ConditionMaker<P, C> {
        C make(P path, Set<String> values, boolean negate, Boolean present);
    }

    /** The file's value sets (each unit table's codes included) and unit tables, by name. */
    record Sets(Map<String, Set<String>> valueSets, Map<String, Map<String, Set<String>>> unitTables) {
    }

    final String name;
    final String version;
    final Map<String, R> rules;               // by id, in file order
    final Map<String, List<String>> profiles; // profile name -> rule ids, inheritance resolved, in file order
    final Finding reused;
    final Outcome reusedOutcome;

    private RulesFile(String name, String version, Map<String, R> rules, Map<String, List<String>> profiles,
                      Finding reused, Outcome reusedOutcome) {
        this.name = name;
        this.version = version;
        this.rules = Collections.unmodifiableMap(rules);
        this.profiles = Collections.unmodifiableMap(profiles);
        this.reused = reused;
        this.reusedOutcome = reusedOutcome;
    }

    String nameAndVersion() {
        return name + "/" + version;
    }

    /** Every rule id the rules can report, the dedupe rule included. */
    Set<String> ruleIds() {
        Set<String> s = new LinkedHashSet<>(rules.keySet());
        s.add(reused.ruleId());
        return s;
    }

    /** Per profile, the rules that are not off, in the profile's (the file's) order. */
    Map<String, List<R>> activeRules(Function<R, Outcome> outcome) {
        Map<String, List<R>> p = new HashMap<>();
        profiles.forEach((n, ids) -> p.put(n, ids.stream().map(rules::get)
                .filter(r -> outcome.apply(r) != Outcome.OFF).toList()));
        return p;
    }

    /** The same rules with some outcomes replaced (deployment overrides); an unknown rule id is an error. */
    RulesFile<R> withOutcomes(Map<String, Outcome> overrides, BiFunction<R, Outcome, R> withOutcome) {
        Map<String, R> r = new LinkedHashMap<>(rules);
        Outcome dedupe = reusedOutcome;
        for (Map.Entry<String, Outcome> e : overrides.entrySet()) {
            if (e.getKey().equals(reused.ruleId())) {
                dedupe = e.getValue();
            } else if (r.containsKey(e.getKey())) {
                r.put(e.getKey(), withOutcome.apply(r.get(e.getKey()), e.getValue()));
            } else {
                throw new RulesException("no rule with id " + e.getKey());
            }
        }
        return new RulesFile<>(name, version, r, profiles, reused, dedupe);
    }

    // ---------------------------------------------------------------- loading

    /** The bytes of {@code builtin:NAME} (the classpath's {@code /quality/NAME.json}) or of a file path. */
    static byte[] read(String location) {
        try {
            if (location.startsWith(BUILTIN_PREFIX)) {
                String resource = "/quality/" + location.substring(BUILTIN_PREFIX.length()) + ".json";
                try (InputStream in = RulesFile.class.getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new RulesException("no built-in quality rules named " + location);
                    }
                    return in.readAllBytes();
                }
            }
            return Files.readAllBytes(Path.of(location));
        } catch (IOException e) {
            throw new RulesException("cannot read quality rules " + location + ": " + e.getClass().getSimpleName());
        }
    }

    static <R> RulesFile<R> parse(byte[] json, Schema<R> schema) {
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
        if (!schema.fileFormat().equals(root.path("format").asText())) {
            throw new RulesException("format must be \"" + schema.fileFormat() + "\"");
        }
        String name = text(root, "name", "the rules file");
        String version = text(root, "version", "the rules file");

        Map<String, Set<String>> valueSets = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("valueSets").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            valueSets.put(e.getKey(), strings(e.getValue(), "value set " + e.getKey()));
        }
        Map<String, Map<String, Set<String>>> unitTables = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("unitTables").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isObject()) {
                throw new RulesException("unit table " + e.getKey() + " must map codes to lists of units");
            }
            Map<String, Set<String>> table = new HashMap<>();
            e.getValue().fields().forEachRemaining(c -> table.put(c.getKey(),
                    strings(c.getValue(), "unit table " + e.getKey() + " code " + c.getKey())));
            unitTables.put(e.getKey(), Collections.unmodifiableMap(table));
            valueSets.putIfAbsent(e.getKey(), SmallSet.of(table.keySet())); // a table's codes: a set conditions can name
        }
        Sets sets = new Sets(valueSets, unitTables);

        JsonNode ruleNodes = root.path("rules");
        if (!ruleNodes.isArray() || ruleNodes.isEmpty()) {
            throw new RulesException("rules must be a non-empty array");
        }
        Map<String, R> rules = new LinkedHashMap<>();
        for (JsonNode r : ruleNodes) {
            if (!r.isObject()) {
                throw new RulesException("every rule must be an object");
            }
            String id = ruleId(r, "a rule");
            onlyKeys(r, schema.ruleKeys(), "rule " + id);
            if (rules.put(id, schema.reader().read(r, id, sets)) != null) {
                throw new RulesException("rule " + id + " is defined twice");
            }
        }

        JsonNode profileNodes = root.path("profiles");
        if (!profileNodes.isObject() || !profileNodes.has(DEFAULT_PROFILE)) {
            throw new RulesException("profiles must be an object with a \"default\" profile");
        }
        Map<String, List<String>> resolved = new LinkedHashMap<>();
        for (Iterator<String> it = profileNodes.fieldNames(); it.hasNext(); ) {
            resolve(it.next(), profileNodes, rules, resolved, new LinkedHashSet<>());
        }

        String where = "dedupe." + schema.dedupeKey();
        JsonNode reused = root.path("dedupe").path(schema.dedupeKey());
        if (!reused.isObject()) {
            throw new RulesException(where + " must name the rule for " + schema.dedupeWhat());
        }
        String reusedId = ruleId(reused, where);
        if (rules.containsKey(reusedId)) {
            throw new RulesException("rule " + reusedId + " is defined twice");
        }
        return new RulesFile<>(name, version, rules, resolved,
                new Finding(reusedId, reason(reused, reusedId)), outcome(reused, reusedId));
    }

    private static List<String> resolve(String profile, JsonNode all, Map<String, ?> rules,
                                        Map<String, List<String>> done, Set<String> visiting) {
        List<String> known = done.get(profile);
        if (known != null) {
            return known;
        }
        JsonNode p = all.get(profile);
        if (p == null || !p.isObject()) {
            throw new RulesException("no profile named " + profile);
        }
        if (!visiting.add(profile)) {
            throw new RulesException("profile " + profile + " extends itself");
        }
        onlyKeys(p, PROFILE_KEYS, "profile " + profile);
        List<String> ids = new ArrayList<>();
        if (p.has("extends")) {
            ids.addAll(resolve(p.get("extends").asText(), all, rules, done, visiting));
        } else if (!profile.equals(DEFAULT_PROFILE)) {
            throw new RulesException("profile " + profile + " must extend another profile (ultimately \"default\")");
        }
        for (String w : orderedStrings(p.path("without"), "profile " + profile + " without")) {
            if (!ids.remove(w)) {
                throw new RulesException("profile " + profile + " drops rule " + w + " that it does not inherit");
            }
        }
        // the file's order is the evaluation order: the first violated quarantine rule names the reason
        for (String id : orderedStrings(p.path("rules"), "profile " + profile + " rules")) {
            if (!rules.containsKey(id)) {
                throw new RulesException("profile " + profile + " names unknown rule " + id);
            }
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        visiting.remove(profile);
        List<String> result = List.copyOf(ids);
        done.put(profile, result);
        return result;
    }

    // ---------------------------------------------------------------- parts of a rule, for the formats' readers

    /** A path in the format's syntax ({@code parse} gives null for a bad one); {@code syntax} says what is allowed. */
    static <P> P path(JsonNode r, String key, String id, Function<String, P> parse, String syntax) {
        P p = parse.apply(text(r, key, "rule " + id));
        if (p == null) {
            throw new RulesException("rule " + id + ": " + key + " must be " + syntax);
        }
        return p;
    }

    /** The rule's {@code format}, one of the format's names ({@code of} gives null for others, listed in {@code names}). */
    static <F> F format(JsonNode r, String id, Function<String, F> of, String names) {
        F format = of.apply(text(r, "format", "rule " + id));
        if (format == null) {
            throw new RulesException("rule " + id + ": format must be " + names);
        }
        return format;
    }

    /** The rule's {@code values}: a list, or the name of a value set. */
    static Set<String> values(JsonNode r, String id, Sets sets) {
        return set(r.get("values"), sets.valueSets(), "rule " + id + " values");
    }

    /** The unit table the rule's {@code table} names: code → allowed units. */
    static Map<String, Set<String>> units(JsonNode r, String id, Sets sets) {
        Map<String, Set<String>> units = sets.unitTables().get(text(r, "table", "rule " + id));
        if (units == null) {
            throw new RulesException("rule " + id + ": no unit table named " + r.get("table").asText());
        }
        return units;
    }

    /** The rule's {@code when}: each condition's path read by {@code path}, and exactly one of in, notIn, present. */
    static <P, C> List<C> conditions(JsonNode r, String id, Sets sets, Function<JsonNode, P> path,
                                     ConditionMaker<P, C> condition) {
        if (!r.path("when").isMissingNode() && !r.path("when").isArray()) {
            throw new RulesException("rule " + id + ": when must be an array of conditions");
        }
        List<C> when = new ArrayList<>();
        for (JsonNode c : r.path("when")) {
            onlyKeys(c, CONDITION_KEYS, "rule " + id + " condition");
            P cp = path.apply(c);
            int kinds = (c.has("in") ? 1 : 0) + (c.has("notIn") ? 1 : 0) + (c.has("present") ? 1 : 0);
            if (kinds != 1) {
                throw new RulesException("rule " + id + ": a condition needs exactly one of in, notIn, present");
            }
            if (c.has("present")) {
                if (!c.get("present").isBoolean()) {
                    throw new RulesException("rule " + id + ": present must be true or false");
                }
                when.add(condition.make(cp, Set.of(), false, c.get("present").asBoolean()));
            } else {
                boolean negate = c.has("notIn");
                when.add(condition.make(cp, set(c.get(negate ? "notIn" : "in"), sets.valueSets(),
                        "rule " + id + " condition"), negate, null));
            }
        }
        return List.copyOf(when);
    }

    static RejectReason reason(JsonNode r, String id) {
        String s = text(r, "reason", "rule " + id);
        try {
            return RejectReason.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw new RulesException("rule " + id + ": unknown reason code " + s);
        }
    }

    static Outcome outcome(JsonNode r, String id) {
        Outcome o = Outcome.of(text(r, "outcome", "rule " + id));
        if (o == null) {
            throw new RulesException("rule " + id + ": outcome must be quarantine, pass-with-warning or off");
        }
        return o;
    }

    static String text(JsonNode n, String key, String where) {
        JsonNode v = n.get(key);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new RulesException(where + ": \"" + key + "\" must be a non-empty string");
        }
        return v.asText();
    }

    private static String ruleId(JsonNode r, String where) {
        String id = text(r, "id", where);
        if (!RULE_ID.matcher(id).matches()) {
            throw new RulesException(where + ": id must be 1-80 characters of [a-z0-9.-]");
        }
        return id;
    }

    private static Set<String> set(JsonNode n, Map<String, Set<String>> valueSets, String what) {
        if (n != null && n.isTextual()) {
            Set<String> s = valueSets.get(n.asText());
            if (s == null) {
                throw new RulesException(what + ": no value set named " + n.asText());
            }
            return s;
        }
        return strings(n, what);
    }

    private static Set<String> strings(JsonNode n, String what) {
        return SmallSet.of(new HashSet<>(orderedStrings(n, what)));
    }

    /** The array's strings in the file's order (a set's iteration order may differ from one JVM to the next). */
    private static List<String> orderedStrings(JsonNode n, String what) {
        if (n == null || n.isMissingNode()) {
            return List.of();
        }
        if (!n.isArray()) {
            throw new RulesException(what + " must be an array of strings");
        }
        List<String> s = new ArrayList<>();
        for (JsonNode v : n) {
            if (!v.isTextual()) {
                throw new RulesException(what + " must be an array of strings");
            }
            if (!s.contains(v.asText())) {
                s.add(v.asText());
            }
        }
        return s;
    }

    private static void onlyKeys(JsonNode n, Set<String> allowed, String where) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new RulesException(where + ": unknown key \"" + k + "\"");
            }
        }
    }
}
