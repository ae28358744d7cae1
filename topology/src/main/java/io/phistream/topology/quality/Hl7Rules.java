package io.phistream.topology.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.phistream.detector.RejectReason;
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
import java.util.regex.Pattern;

/**
 * HL7 v2 data-quality rules as data (JSON, versioned; the shipped default is {@code builtin:hl7v2-rules-v1}):
 * rules with an id, a reason code and an outcome, and profiles per message type that say which rules apply.
 * A message's profile is its {@code CODE^TRIGGER} (MSH-9.1^MSH-9.2), else its {@code CODE}, else {@code default};
 * profiles inherit with {@code extends} and drop inherited rules with {@code without}. Loading is strict: an
 * unknown key, rule, reason, format, set or path is an error naming it, since a typo would silently disable a check.
 */
public final class Hl7Rules {

    public static final String BUILTIN_PREFIX = "builtin:";
    public static final String DEFAULT = BUILTIN_PREFIX + "hl7v2-rules-v1";
    public static final String FILE_FORMAT = "phi-stream/hl7v2-quality-rules";
    static final String DEFAULT_PROFILE = "default";

    private static final Pattern RULE_ID = Pattern.compile("[a-z0-9][a-z0-9.-]{0,79}");
    private static final Set<String> TOP_KEYS = Set.of("format", "name", "version", "description", "valueSets",
            "unitTables", "rules", "profiles", "dedupe");
    private static final Set<String> RULE_KEYS = Set.of("id", "reason", "outcome", "check", "scope", "path", "format",
            "values", "codePath", "table", "when", "doc");
    private static final Set<String> CONDITION_KEYS = Set.of("path", "in", "notIn", "present");
    private static final Set<String> PROFILE_KEYS = Set.of("extends", "rules", "without", "doc");

    private final String name;
    private final String version;
    private final Map<String, Hl7Rule> rules;          // by id, in file order
    private final Map<String, List<String>> profileIds; // profile name -> rule ids, inheritance resolved
    private final Map<String, Profile> profiles;
    private final Finding controlIdReused;
    private final Outcome controlIdReusedOutcome;

    private Hl7Rules(String name, String version, Map<String, Hl7Rule> rules, Map<String, List<String>> profileIds,
                     Finding controlIdReused, Outcome controlIdReusedOutcome) {
        this.name = name;
        this.version = version;
        this.rules = Collections.unmodifiableMap(rules);
        this.profileIds = Collections.unmodifiableMap(profileIds);
        this.controlIdReused = controlIdReused;
        this.controlIdReusedOutcome = controlIdReusedOutcome;
        Map<String, Profile> p = new HashMap<>();
        profileIds.forEach((n, ids) -> p.put(n, new Profile(n, ids.stream().map(rules::get)
                .filter(r -> r.outcome() != Outcome.OFF).toList())));
        this.profiles = p;
    }

    public String name() {
        return name;
    }

    public String version() {
        return version;
    }

    /** {@code name/version}, as headers and audit records carry it. */
    public String nameAndVersion() {
        return name + "/" + version;
    }

    /** Every rule, in file order. */
    public Map<String, Hl7Rule> rules() {
        return rules;
    }

    /** Profile names and the ids of the rules each applies (inheritance resolved). */
    public Map<String, List<String>> profiles() {
        return profileIds;
    }

    /** The finding recorded when an MSH-10 is seen again within the window with different content. */
    public Finding controlIdReused() {
        return controlIdReused;
    }

    public Outcome controlIdReusedOutcome() {
        return controlIdReusedOutcome;
    }

    /** Every rule id the rules can report, the dedupe rule included. */
    public Set<String> ruleIds() {
        Set<String> s = new LinkedHashSet<>(rules.keySet());
        s.add(controlIdReused.ruleId());
        return s;
    }

    Profile profile(String code, String trigger) {
        Profile p = trigger.isEmpty() ? null : profiles.get(code + "^" + trigger);
        if (p == null) {
            p = profiles.get(code);
        }
        return p != null ? p : profiles.get(DEFAULT_PROFILE);
    }

    /** The name of the profile that applies to a message type, e.g. {@code ORU^R01} → {@code ORU^R01} or {@code ORU}. */
    public String profileName(String code, String trigger) {
        return profile(code, trigger).name;
    }

    /** The same rules with some outcomes replaced (deployment overrides); an unknown rule id is an error. */
    public Hl7Rules withOutcomes(Map<String, Outcome> overrides) {
        Map<String, Hl7Rule> r = new LinkedHashMap<>(rules);
        Outcome dedupe = controlIdReusedOutcome;
        for (Map.Entry<String, Outcome> e : overrides.entrySet()) {
            if (e.getKey().equals(controlIdReused.ruleId())) {
                dedupe = e.getValue();
            } else if (r.containsKey(e.getKey())) {
                r.put(e.getKey(), r.get(e.getKey()).withOutcome(e.getValue()));
            } else {
                throw new RulesException("no rule with id " + e.getKey());
            }
        }
        return new Hl7Rules(name, version, r, profileIds, controlIdReused, dedupe);
    }

    // ---------------------------------------------------------------- loading

    /** Loads {@code builtin:NAME} from the classpath ({@code /quality/NAME.json}) or a file path. */
    public static Hl7Rules load(String location) {
        try {
            if (location.startsWith(BUILTIN_PREFIX)) {
                String resource = "/quality/" + location.substring(BUILTIN_PREFIX.length()) + ".json";
                try (InputStream in = Hl7Rules.class.getResourceAsStream(resource)) {
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

    public static Hl7Rules parse(byte[] json) {
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

        JsonNode ruleNodes = root.path("rules");
        if (!ruleNodes.isArray() || ruleNodes.isEmpty()) {
            throw new RulesException("rules must be a non-empty array");
        }
        Map<String, Hl7Rule> rules = new LinkedHashMap<>();
        for (JsonNode r : ruleNodes) {
            Hl7Rule rule = rule(r, valueSets, unitTables);
            if (rules.put(rule.id(), rule) != null) {
                throw new RulesException("rule " + rule.id() + " is defined twice");
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

        JsonNode reused = root.path("dedupe").path("controlIdReused");
        if (!reused.isObject()) {
            throw new RulesException("dedupe.controlIdReused must name the rule for reused control ids");
        }
        String reusedId = ruleId(reused, "dedupe.controlIdReused");
        if (rules.containsKey(reusedId)) {
            throw new RulesException("rule " + reusedId + " is defined twice");
        }
        return new Hl7Rules(name, version, rules, resolved,
                new Finding(reusedId, reason(reused, reusedId)), outcome(reused, reusedId));
    }

    static List<String> resolve(String profile, JsonNode all, Map<String, ?> rules,
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

    private static Hl7Rule rule(JsonNode r, Map<String, Set<String>> valueSets,
                                Map<String, Map<String, Set<String>>> unitTables) {
        if (!r.isObject()) {
            throw new RulesException("every rule must be an object");
        }
        String id = ruleId(r, "a rule");
        onlyKeys(r, RULE_KEYS, "rule " + id);
        RejectReason reason = reason(r, id);
        Outcome outcome = outcome(r, id);
        Hl7Rule.Check check = switch (text(r, "check", "rule " + id)) {
            case "required" -> Hl7Rule.Check.REQUIRED;
            case "format" -> Hl7Rule.Check.FORMAT;
            case "in" -> Hl7Rule.Check.IN;
            case "units" -> Hl7Rule.Check.UNITS;
            default -> throw new RulesException("rule " + id + ": check must be required, format, in or units");
        };
        Hl7Rule.Scope scope = switch (r.path("scope").asText("first")) {
            case "first" -> Hl7Rule.Scope.FIRST;
            case "each" -> Hl7Rule.Scope.EACH;
            default -> throw new RulesException("rule " + id + ": scope must be first or each");
        };
        ElementPath path = path(r, "path", id, null);
        if (path.segmentOnly() && check != Hl7Rule.Check.REQUIRED) {
            throw new RulesException("rule " + id + ": only a required check can name a whole segment");
        }
        Hl7Formats.Format format = null;
        Set<String> values = null;
        ElementPath codePath = null;
        Map<String, Set<String>> units = null;
        switch (check) {
            case FORMAT -> {
                format = Hl7Formats.Format.of(text(r, "format", "rule " + id));
                if (format == null) {
                    throw new RulesException("rule " + id + ": format must be dtm, dt, nm or loinc");
                }
            }
            case IN -> values = set(r.get("values"), valueSets, "rule " + id + " values");
            case UNITS -> {
                codePath = path(r, "codePath", id, path.segment());
                units = unitTables.get(text(r, "table", "rule " + id));
                if (units == null) {
                    throw new RulesException("rule " + id + ": no unit table named " + r.get("table").asText());
                }
            }
            default -> { }
        }
        List<Hl7Rule.Condition> when = new ArrayList<>();
        if (!r.path("when").isMissingNode() && !r.path("when").isArray()) {
            throw new RulesException("rule " + id + ": when must be an array of conditions");
        }
        for (JsonNode c : r.path("when")) {
            onlyKeys(c, CONDITION_KEYS, "rule " + id + " condition");
            ElementPath cp = path(c, "path", id, path.segment());
            if (cp.segmentOnly()) {
                throw new RulesException("rule " + id + ": a condition must name an element, not a segment");
            }
            int kinds = (c.has("in") ? 1 : 0) + (c.has("notIn") ? 1 : 0) + (c.has("present") ? 1 : 0);
            if (kinds != 1) {
                throw new RulesException("rule " + id + ": a condition needs exactly one of in, notIn, present");
            }
            if (c.has("present")) {
                if (!c.get("present").isBoolean()) {
                    throw new RulesException("rule " + id + ": present must be true or false");
                }
                when.add(new Hl7Rule.Condition(cp, Set.of(), false, c.get("present").asBoolean()));
            } else {
                boolean negate = c.has("notIn");
                when.add(new Hl7Rule.Condition(cp, set(c.get(negate ? "notIn" : "in"), valueSets,
                        "rule " + id + " condition"), negate, null));
            }
        }
        return new Hl7Rule(id, reason, outcome, check, scope, path, format, values, codePath, units, when);
    }

    private static ElementPath path(JsonNode r, String key, String id, String segment) {
        ElementPath p = ElementPath.parse(text(r, key, "rule " + id));
        if (p == null) {
            throw new RulesException("rule " + id + ": " + key + " must be SEG, SEG-F, SEG-F.C or SEG-F.C.S (not MSH-1/2)");
        }
        if (segment != null && !segment.equals(p.segment())) {
            throw new RulesException("rule " + id + ": every path of a rule must name segment " + segment);
        }
        return p;
    }

    static Set<String> set(JsonNode n, Map<String, Set<String>> valueSets, String what) {
        if (n != null && n.isTextual()) {
            Set<String> s = valueSets.get(n.asText());
            if (s == null) {
                throw new RulesException(what + ": no value set named " + n.asText());
            }
            return s;
        }
        return strings(n, what);
    }

    static Set<String> strings(JsonNode n, String what) {
        return SmallSet.of(new HashSet<>(orderedStrings(n, what)));
    }

    /** The array's strings in the file's order (a set's iteration order may differ from one JVM to the next). */
    static List<String> orderedStrings(JsonNode n, String what) {
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

    static String ruleId(JsonNode r, String where) {
        String id = text(r, "id", where);
        if (!RULE_ID.matcher(id).matches()) {
            throw new RulesException(where + ": id must be 1-80 characters of [a-z0-9.-]");
        }
        return id;
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

    static void onlyKeys(JsonNode n, Set<String> allowed, String where) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new RulesException(where + ": unknown key \"" + k + "\"");
            }
        }
    }

    /** A rules file that cannot be used; the message names the file's own keys and ids, never message content. */
    public static final class RulesException extends IllegalArgumentException {
        public RulesException(String message) {
            super(message);
        }
    }

    /** The rules of one profile, grouped by segment for a single pass over a message. */
    static final class Profile {
        final String name;
        final List<Hl7Rule> rules;
        /** Packed segment names ({@link #pack}) the profile's rules read, and per name its each/first rules. */
        final int[] segments;
        final Hl7Rule[][] each;
        final Hl7Rule[][] first;

        Profile(String name, List<Hl7Rule> rules) {
            this.name = name;
            this.rules = rules;
            Map<String, List<Hl7Rule>> eachBy = new LinkedHashMap<>();
            Map<String, List<Hl7Rule>> firstBy = new LinkedHashMap<>();
            Set<String> names = new LinkedHashSet<>();
            for (Hl7Rule r : rules) {
                names.add(r.segment());
                (r.scope() == Hl7Rule.Scope.EACH ? eachBy : firstBy).computeIfAbsent(r.segment(), k -> new ArrayList<>())
                        .add(r);
            }
            segments = new int[names.size()];
            each = new Hl7Rule[names.size()][];
            first = new Hl7Rule[names.size()][];
            int i = 0;
            for (String n : names) {
                segments[i] = pack(n);
                each[i] = eachBy.getOrDefault(n, List.of()).toArray(new Hl7Rule[0]);
                first[i] = firstBy.getOrDefault(n, List.of()).toArray(new Hl7Rule[0]);
                i++;
            }
        }

        /** Index of a segment name among {@link #segments}, or -1: a scan of a few ints, no hashing of the name. */
        int indexOf(String segmentName) {
            int k = pack(segmentName);
            for (int i = 0; i < segments.length; i++) {
                if (segments[i] == k) {
                    return i;
                }
            }
            return -1;
        }

        static int pack(String segmentName) {
            return segmentName.charAt(0) << 16 | segmentName.charAt(1) << 8 | segmentName.charAt(2);
        }
    }
}
