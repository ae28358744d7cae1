package io.phistream.topology.quality;

import static io.phistream.topology.quality.RulesFile.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.phistream.detector.RejectReason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * HL7 v2 data-quality rules as data (JSON, versioned; the shipped default is {@code builtin:hl7v2-rules-v1}):
 * rules with an id, a reason code and an outcome, and profiles per message type that say which rules apply.
 * A message's profile is its {@code CODE^TRIGGER} (MSH-9.1^MSH-9.2), else its {@code CODE}, else {@code default};
 * profiles inherit with {@code extends} and drop inherited rules with {@code without}. Loading is strict: an
 * unknown key, rule, reason, format, set or path is an error naming it, since a typo would silently disable a check.
 */
public final class Hl7Rules {

    public static final String BUILTIN_PREFIX = RulesFile.BUILTIN_PREFIX;
    public static final String DEFAULT = BUILTIN_PREFIX + "hl7v2-rules-v1";
    public static final String FILE_FORMAT = "phi-stream/hl7v2-quality-rules";

    private static final RulesFile.Schema<Hl7Rule> SCHEMA = new RulesFile.Schema<>(FILE_FORMAT,
            Set.of("id", "reason", "outcome", "check", "scope", "path", "format", "values", "codePath", "table", "when",
                    "doc"),
            "controlIdReused", "reused control ids", Hl7Rules::rule);

    private final RulesFile<Hl7Rule> file;
    private final Map<String, Profile> profiles;

    private Hl7Rules(RulesFile<Hl7Rule> file) {
        this.file = file;
        Map<String, Profile> p = new HashMap<>();
        file.activeRules(Hl7Rule::outcome).forEach((n, rules) -> p.put(n, new Profile(n, rules)));
        this.profiles = p;
    }

    public String name() {
        return file.name;
    }

    public String version() {
        return file.version;
    }

    /** {@code name/version}, as headers and audit records carry it. */
    public String nameAndVersion() {
        return file.nameAndVersion();
    }

    /** Every rule, in file order. */
    public Map<String, Hl7Rule> rules() {
        return file.rules;
    }

    /** Profile names and the ids of the rules each applies (inheritance resolved). */
    public Map<String, List<String>> profiles() {
        return file.profiles;
    }

    /** The finding recorded when an MSH-10 is seen again within the window with different content. */
    public Finding controlIdReused() {
        return file.reused;
    }

    public Outcome controlIdReusedOutcome() {
        return file.reusedOutcome;
    }

    /** Every rule id the rules can report, the dedupe rule included. */
    public Set<String> ruleIds() {
        return file.ruleIds();
    }

    Profile profile(String code, String trigger) {
        Profile p = trigger.isEmpty() ? null : profiles.get(code + "^" + trigger);
        if (p == null) {
            p = profiles.get(code);
        }
        return p != null ? p : profiles.get(RulesFile.DEFAULT_PROFILE);
    }

    /** The name of the profile that applies to a message type, e.g. {@code ORU^R01} → {@code ORU^R01} or {@code ORU}. */
    public String profileName(String code, String trigger) {
        return profile(code, trigger).name;
    }

    /** The same rules with some outcomes replaced (deployment overrides); an unknown rule id is an error. */
    public Hl7Rules withOutcomes(Map<String, Outcome> overrides) {
        return new Hl7Rules(file.withOutcomes(overrides, Hl7Rule::withOutcome));
    }

    // ---------------------------------------------------------------- loading

    /** Loads {@code builtin:NAME} from the classpath ({@code /quality/NAME.json}) or a file path. */
    public static Hl7Rules load(String location) {
        return parse(RulesFile.read(location));
    }

    public static Hl7Rules parse(byte[] json) {
        return new Hl7Rules(RulesFile.parse(json, SCHEMA));
    }

    /** An HL7 rule's own parts: a segment scope, ER7 paths that all name one segment, HL7 value formats. */
    private static Hl7Rule rule(JsonNode r, String id, RulesFile.Sets sets) {
        RejectReason reason = RulesFile.reason(r, id);
        Outcome outcome = RulesFile.outcome(r, id);
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
            case FORMAT -> format = RulesFile.format(r, id, Hl7Formats.Format::of, "dtm, dt, nm or loinc");
            case IN -> values = RulesFile.values(r, id, sets);
            case UNITS -> {
                codePath = path(r, "codePath", id, path.segment());
                units = RulesFile.units(r, id, sets);
            }
            default -> { }
        }
        List<Hl7Rule.Condition> when = RulesFile.conditions(r, id, sets, c -> {
            ElementPath cp = path(c, "path", id, path.segment());
            if (cp.segmentOnly()) {
                throw new RulesException("rule " + id + ": a condition must name an element, not a segment");
            }
            return cp;
        }, Hl7Rule.Condition::new);
        return new Hl7Rule(id, reason, outcome, check, scope, path, format, values, codePath, units, when);
    }

    private static ElementPath path(JsonNode r, String key, String id, String segment) {
        ElementPath p = RulesFile.path(r, key, id, ElementPath::parse, "SEG, SEG-F, SEG-F.C or SEG-F.C.S (not MSH-1/2)");
        if (segment != null && !segment.equals(p.segment())) {
            throw new RulesException("rule " + id + ": every path of a rule must name segment " + segment);
        }
        return p;
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
