package io.phistream.detector.hl7;

import com.fasterxml.jackson.databind.JsonNode;
import io.phistream.detector.PhiType;
import io.phistream.detector.deid.Treatment;
import io.phistream.detector.policy.ObservationCodes;
import io.phistream.detector.policy.LoadedPolicy;
import io.phistream.detector.policy.PolicyFile;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * An HL7 v2 de-identification policy: which field of which segment gets which treatment. Policies are data
 * (JSON, versioned; the shipped default is {@code builtin:hl7v2-safe-harbor-v1}); this class compiles one into
 * lookup tables. The policy is an allow-list: unnamed fields and unnamed segments are redacted.
 */
public final class Hl7Policy extends LoadedPolicy {

    public static final String BUILTIN_PREFIX = PolicyFile.BUILTIN_PREFIX;
    public static final String DEFAULT = BUILTIN_PREFIX + "hl7v2-safe-harbor-v1";

    private static final PolicyFile FILE = new PolicyFile(PolicyException::new);

    private final Map<String, FieldRule[]> segments;
    private final ObservationCodes ageObservationCodes;
    private final ObservationCodes birthObservationCodes;

    private Hl7Policy(PolicyFile.Header header, Map<String, FieldRule[]> segments, ObservationCodes ageObservationCodes,
                      ObservationCodes birthObservationCodes) {
        super(header);
        this.segments = segments;
        this.ageObservationCodes = ageObservationCodes;
        this.birthObservationCodes = birthObservationCodes;
    }

    /**
     * Whether an OBX-3 coded {@code system|code} ("LN|30525-0") records an age: its OBX-5 is one. The system is read
     * under HL7 table 0396's name whatever spelling the sender used ("LOINC", its OID, the FHIR URI: a walkthrough's
     * "30525-0^Age^LOINC" kept 94; {@link ObservationCodes}).
     */
    boolean ageObservation(String system, String code) {
        return ageObservationCodes.contains(system, code);
    }

    /** Whether an OBX-3 coded {@code system|code} ("LN|21112-8") records the birth date ({@code birthObservationCodes}). */
    boolean birthObservation(String system, String code) {
        return birthObservationCodes.contains(system, code);
    }

    /** The rule for field n of a segment; REDACT for anything the policy does not name. */
    FieldRule rule(String segment, int field) {
        return rule(segments.get(segment), field);
    }

    boolean knowsSegment(String segment) {
        return segments.containsKey(segment);
    }

    /**
     * The rules of one segment, indexed by field number (null entries and fields past the end are REDACT, see
     * {@link #rule(FieldRule[], int)}); null for a segment the policy does not name. One map lookup per segment
     * instead of one per field.
     */
    FieldRule[] segmentRules(String segment) {
        return segments.get(segment);
    }

    /** The rule for field n from {@link #segmentRules}; REDACT for anything the policy does not name. */
    static FieldRule rule(FieldRule[] rules, int field) {
        if (rules == null || field >= rules.length || rules[field] == null) {
            return FieldRule.Simple.REDACT;
        }
        return rules[field];
    }

    /** Loads {@code builtin:NAME} from the classpath or a file path. */
    public static Hl7Policy load(String location) {
        return parse(FILE.read(location));
    }

    public static Hl7Policy builtIn() {
        return load(DEFAULT);
    }

    static Hl7Policy parse(byte[] json) {
        JsonNode root = FILE.json(json);
        PolicyFile.Header header = FILE.header(root, json);
        Map<String, JsonNode> datatypes = new HashMap<>();
        root.path("datatypes").fields().forEachRemaining(e -> datatypes.put(e.getKey(), e.getValue()));
        java.util.Set<String> unguarded = new java.util.HashSet<>();
        root.path("unguardedSegments").forEach(n -> unguarded.add(n.asText()));
        Map<String, FieldRule[]> segments = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("segments").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> seg = it.next();
            boolean guarded = !unguarded.contains(seg.getKey());
            int max = 0;
            for (Iterator<String> f = seg.getValue().fieldNames(); f.hasNext(); ) {
                max = Math.max(max, number(seg.getKey(), f.next()));
            }
            FieldRule[] rules = new FieldRule[max + 1];
            for (Iterator<Map.Entry<String, JsonNode>> f = seg.getValue().fields(); f.hasNext(); ) {
                Map.Entry<String, JsonNode> field = f.next();
                String where = seg.getKey() + "-" + field.getKey();
                FieldRule rule = fieldRule(where, field.getValue(), datatypes);
                rules[number(seg.getKey(), field.getKey())] = guarded ? rule : unguard(rule);
            }
            segments.put(seg.getKey(), rules);
        }
        if (!segments.containsKey("MSH")) {
            throw new PolicyException("policy " + header.name() + " has no MSH rules");
        }
        return new Hl7Policy(header, Map.copyOf(segments), ObservationCodes.read(root),
                ObservationCodes.read(root, "birthObservationCodes"));
    }

    private static FieldRule unguard(FieldRule rule) {
        if (rule instanceof FieldRule.Simple s) {
            return s.unguarded();
        }
        if (rule instanceof FieldRule.Composite c) {
            FieldRule.Simple[] comps = c.components().clone();
            for (int i = 0; i < comps.length; i++) {
                comps[i] = comps[i] == null ? null : comps[i].unguarded();
            }
            return new FieldRule.Composite(c.datatype(), comps, c.otherwise().unguarded());
        }
        FieldRule.ByValueType b = (FieldRule.ByValueType) rule;
        Map<String, FieldRule.Simple> rules = new HashMap<>();
        b.rules().forEach((k, v) -> rules.put(k, v.unguarded()));
        return new FieldRule.ByValueType(Map.copyOf(rules), b.otherwise().unguarded());
    }

    private static FieldRule fieldRule(String where, JsonNode node, Map<String, JsonNode> datatypes) {
        if (node.isTextual() && node.asText().endsWith(" unguarded")) {
            String word = node.asText();
            return unguard(fieldRule(where, new com.fasterxml.jackson.databind.node.TextNode(
                    word.substring(0, word.length() - " unguarded".length())), datatypes));
        }
        if (node.isObject() && node.has("byValueType")) {
            Map<String, FieldRule.Simple> rules = new HashMap<>();
            FieldRule.Simple otherwise = FieldRule.Simple.REDACT;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.get("byValueType").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                FieldRule.Simple s = simple(where, e.getValue().asText(), PhiType.OTHER_ID);
                if (e.getKey().equals("*")) {
                    otherwise = s;
                } else {
                    rules.put(e.getKey(), s);
                }
            }
            return new FieldRule.ByValueType(Map.copyOf(rules), otherwise);
        }
        String word = node.asText();
        if (word.startsWith("@")) {
            String[] parts = word.substring(1).split("/", 2);
            JsonNode dt = datatypes.get(parts[0]);
            if (dt == null) {
                throw new PolicyException(where + ": unknown datatype " + parts[0]);
            }
            PhiType phi = FILE.phiType(where, parts.length > 1 ? parts[1] : FILE.text(dt, "phi"));
            FieldRule.Simple otherwise = simple(where, FILE.text(dt, "default"), phi);
            int max = 0;
            for (Iterator<String> c = dt.path("components").fieldNames(); c.hasNext(); ) {
                max = Math.max(max, number(where, c.next()));
            }
            FieldRule.Simple[] comps = new FieldRule.Simple[max + 1];
            for (Iterator<Map.Entry<String, JsonNode>> c = dt.path("components").fields(); c.hasNext(); ) {
                Map.Entry<String, JsonNode> e = c.next();
                comps[number(where, e.getKey())] = simple(where + "." + e.getKey(), e.getValue().asText(), phi);
            }
            FieldRule.Composite composite = new FieldRule.Composite(parts[0], comps, otherwise);
            return dt.path("guard").asBoolean(true) ? composite : unguard(composite);
        }
        return simple(where, word, null);
    }

    /** {@code treatment[/PHI_TYPE]}, or {@code date/birth}. */
    private static FieldRule.Simple simple(String where, String word, PhiType inherited) {
        String[] parts = word.split("/", 2);
        Treatment t;
        try {
            t = Treatment.parse(parts[0]);
        } catch (IllegalArgumentException e) {
            throw new PolicyException(where + ": " + e.getMessage());
        }
        boolean birth = parts.length > 1 && parts[1].equals("birth");
        PhiType phi = parts.length > 1 && !birth ? FILE.phiType(where, parts[1])
                : inherited != null ? inherited : defaultType(t);
        if (t == Treatment.KEEP) {
            return FieldRule.Simple.KEEP;
        }
        return new FieldRule.Simple(t, phi, birth, true);
    }

    private static PhiType defaultType(Treatment t) {
        return switch (t) {
            case DATE -> PhiType.DATE;
            case ZIP3, REGION -> PhiType.GEO;
            case AGE -> PhiType.AGE;
            default -> PhiType.OTHER_ID;
        };
    }

    private static int number(String where, String key) {
        try {
            int n = Integer.parseInt(key);
            if (n < 1 || n > 999) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new PolicyException(where + ": '" + key + "' is not a field or component number");
        }
    }

    /** A policy file is unusable; the message names the place in the policy (policies hold no PHI). */
    public static final class PolicyException extends RuntimeException {
        public PolicyException(String message) {
            super(message);
        }
    }
}
