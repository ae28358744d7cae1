package io.phistream.detector.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import io.phistream.detector.PhiType;
import io.phistream.detector.deid.Treatment;
import io.phistream.detector.policy.ObservationCodes;
import io.phistream.detector.policy.LoadedPolicy;
import io.phistream.detector.policy.PolicyFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A FHIR R4 de-identification policy: rules by datatype (applied wherever the datatype occurs, in any resource,
 * contained resource or extension), by element path, by primitive type, and an extension allow-list. Policies are
 * data (JSON, versioned; the shipped default is {@code builtin:fhir-safe-harbor-v1}); this class compiles one into
 * lookup tables. See {@code FhirDeidentifier} for the order in which rules apply and the fail-safe fallbacks.
 */
public final class FhirPolicy extends LoadedPolicy {

    public static final String BUILTIN_PREFIX = PolicyFile.BUILTIN_PREFIX;
    public static final String DEFAULT = BUILTIN_PREFIX + "fhir-safe-harbor-v1";

    private static final PolicyFile FILE = new PolicyFile(PolicyException::new);

    private static final Pattern PATH = Pattern.compile("[A-Z][A-Za-z]*(\\.[a-z][A-Za-z0-9]*)+");
    private static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9]*");

    /** Rules of one datatype. {@code always}: a PHI-bearing type whose rules no ancestor's {@code keep} switches off. */
    record DatatypeRule(String name, PhiType phi, boolean always, FhirRule otherwise, Map<String, FhirRule> children) {
        FhirRule child(String element) {
            return children.get(element);
        }
    }

    /** Keeps primitives; composites below it still get their own PHI-bearing datatype rules. */
    static final DatatypeRule KEEP_ALL = new DatatypeRule("(keep)", PhiType.OTHER_ID, false, FhirRule.KEEP, Map.of());

    /** One step of a path rule trie, rooted at a resource type. */
    static final class PathNode {
        private FhirRule rule;
        private final Map<String, PathNode> children = new HashMap<>(4);

        FhirRule rule() {
            return rule;
        }

        PathNode child(String element) {
            return children.get(element);
        }
    }

    enum ExtensionMode {
        /** Keep the extension as written (its nested references and PHI-bearing datatypes are still treated). */
        KEEP,
        /** Keep the extension and apply the datatype rules to its value and nested extensions. */
        WALK
    }

    private final Set<String> unguardedResources;
    private final ObservationCodes ageObservationCodes;
    private final ObservationCodes birthObservationCodes;
    private final Map<String, DatatypeRule> datatypes;
    private final Map<String, FhirRule> primitives;
    private final Map<String, FhirRule> elements;
    private final Map<String, PathNode> paths;
    private final Map<String, ExtensionMode> extensions;
    private final Set<String> identifierTypeSystems;
    private final Map<String, PhiType> identifierTypes;
    private final Map<String, PhiType> identifierSystems;
    private final List<Map.Entry<String, PhiType>> identifierSystemPrefixes;
    private final PhiType identifierDefault;
    private final Map<String, PhiType> contactPoints;

    private FhirPolicy(Builder b) {
        super(b.header);
        this.unguardedResources = Set.copyOf(b.unguardedResources);
        this.ageObservationCodes = b.ageObservationCodes;
        this.birthObservationCodes = b.birthObservationCodes;
        this.datatypes = Map.copyOf(b.datatypes);
        this.primitives = Map.copyOf(b.primitives);
        this.elements = Map.copyOf(b.elements);
        this.paths = Map.copyOf(b.paths);
        this.extensions = Map.copyOf(b.extensions);
        this.identifierTypeSystems = Set.copyOf(b.identifierTypeSystems);
        this.identifierTypes = Map.copyOf(b.identifierTypes);
        this.identifierSystems = Map.copyOf(b.identifierSystems);
        this.identifierSystemPrefixes = List.copyOf(b.identifierSystemPrefixes);
        this.identifierDefault = b.identifierDefault;
        this.contactPoints = Map.copyOf(b.contactPoints);
    }

    DatatypeRule datatype(String type) {
        return datatypes.get(type);
    }

    /** The rule of a primitive type when nothing more specific applies; unknown primitive types are redacted. */
    FhirRule primitive(String type) {
        return primitives.getOrDefault(type, FhirRule.REDACT);
    }

    /** A rule for an element name wherever it occurs (e.g. {@code linkId}), or null. */
    FhirRule element(String elementName) {
        return elements.get(elementName);
    }

    PathNode pathRoot(String resourceType) {
        return paths.get(resourceType);
    }

    /** The allow-list entry for an extension URL, or null: the extension is redacted. */
    ExtensionMode extension(String url) {
        return url == null ? null : extensions.get(url);
    }

    /**
     * Whether an Observation coded {@code system|code} records an age ("http://loinc.org|30525-0"), the system in any
     * spelling ({@link ObservationCodes}: LOINC's and SNOMED's OIDs too).
     */
    boolean ageObservation(String system, String code) {
        return ageObservationCodes.contains(system, code);
    }

    /** Whether an Observation coded {@code system|code} records the birth date ("http://loinc.org|21112-8"). */
    boolean birthObservation(String system, String code) {
        return birthObservationCodes.contains(system, code);
    }

    /** Values of a guarded resource identify the patient or a relative: the residual guard proves them absent. */
    boolean guarded(String resourceType) {
        return !unguardedResources.contains(resourceType);
    }

    boolean isIdentifierTypeSystem(String system) {
        return system == null || identifierTypeSystems.contains(system);
    }

    /**
     * The PHI type of an identifier: by its v2-0203 type code first, then by its system (exact, then prefix), then
     * MRN when the identity map names the system as a patient-identifier authority, else the policy default.
     */
    PhiType identifierPhi(List<String> typeCodes, String system, IdentityMap identities) {
        for (String code : typeCodes) {
            PhiType t = identifierTypes.get(code);
            if (t != null) {
                return t;
            }
        }
        if (system != null) {
            PhiType t = identifierSystems.get(system);
            if (t != null) {
                return t;
            }
            for (Map.Entry<String, PhiType> e : identifierSystemPrefixes) {
                if (system.startsWith(e.getKey())) {
                    return e.getValue();
                }
            }
            if (identities.maps(system)) {
                return PhiType.MRN;
            }
        }
        return identifierDefault;
    }

    /** The PHI type a ContactPoint value has by its {@code system} (phone, fax, email, url...). */
    PhiType contactPointPhi(String system, PhiType otherwise) {
        return system == null ? otherwise : contactPoints.getOrDefault(system, otherwise);
    }

    /** Loads {@code builtin:NAME} from the classpath, or a file path. */
    public static FhirPolicy load(String location) {
        return parse(FILE.read(location));
    }

    public static FhirPolicy builtIn() {
        return load(DEFAULT);
    }

    static FhirPolicy parse(byte[] json) {
        JsonNode root = FILE.json(json);
        if (root == null || !root.isObject()) {
            throw new PolicyException("policy is not a JSON object");
        }
        Builder b = new Builder();
        b.header = FILE.header(root, json);
        root.path("unguardedResources").forEach(n -> b.unguardedResources.add(n.asText()));
        b.ageObservationCodes = ObservationCodes.read(root);
        b.birthObservationCodes = ObservationCodes.read(root, "birthObservationCodes");

        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("datatypes").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            b.datatypes.put(e.getKey(), datatype(e.getKey(), e.getValue()));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("primitives").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            FhirRule r = rule("primitives." + e.getKey(), e.getValue().asText(), null);
            if (r.action() == FhirRule.Action.WALK) {
                throw new PolicyException("primitives." + e.getKey() + ": a primitive cannot be walked");
            }
            b.primitives.put(e.getKey(), r);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("elements").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!NAME.matcher(e.getKey()).matches()) {
                throw new PolicyException("elements: '" + e.getKey() + "' is not an element name");
            }
            b.elements.put(e.getKey(), rule("elements." + e.getKey(), e.getValue().asText(), null));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = e.getKey();
            if (!PATH.matcher(path).matches()) {
                throw new PolicyException("paths: '" + path + "' is not Resource.element[.element...]");
            }
            String[] steps = path.split("\\.");
            PathNode node = b.paths.computeIfAbsent(steps[0], k -> new PathNode());
            for (int i = 1; i < steps.length; i++) {
                node = node.children.computeIfAbsent(steps[i], k -> new PathNode());
            }
            node.rule = rule(path, e.getValue().asText(), null);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("extensions").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String mode = e.getValue().asText();
            switch (mode) {
                case "keep" -> b.extensions.put(e.getKey(), ExtensionMode.KEEP);
                case "walk" -> b.extensions.put(e.getKey(), ExtensionMode.WALK);
                default -> throw new PolicyException("extensions." + e.getKey() + ": '" + mode
                        + "' is neither keep nor walk");
            }
        }
        JsonNode ids = root.path("identifiers");
        ids.path("typeSystems").forEach(n -> b.identifierTypeSystems.add(n.asText()));
        ids.path("byType").fields().forEachRemaining(e -> b.identifierTypes.put(e.getKey(),
                FILE.phiType("identifiers.byType." + e.getKey(), e.getValue().asText())));
        ids.path("bySystem").fields().forEachRemaining(e ->
                b.identifierSystems.put(e.getKey(), FILE.phiType("identifiers.bySystem", e.getValue().asText())));
        ids.path("bySystemPrefix").fields().forEachRemaining(e -> b.identifierSystemPrefixes.add(
                Map.entry(e.getKey(), FILE.phiType("identifiers.bySystemPrefix", e.getValue().asText()))));
        b.identifierDefault = FILE.phiType("identifiers.default", ids.path("default").asText("OTHER_ID"));
        root.path("contactPoints").fields().forEachRemaining(e ->
                b.contactPoints.put(e.getKey(), FILE.phiType("contactPoints." + e.getKey(), e.getValue().asText())));
        if (b.primitives.isEmpty() || b.datatypes.isEmpty()) {
            throw new PolicyException("policy " + b.header.name() + " has no primitives or no datatypes");
        }
        return new FhirPolicy(b);
    }

    private static DatatypeRule datatype(String type, JsonNode node) {
        PhiType phi = node.has("phi") ? FILE.phiType(type + ".phi", node.get("phi").asText()) : null;
        FhirRule otherwise = node.has("default") ? rule(type + ".default", node.get("default").asText(), phi) : null;
        Map<String, FhirRule> children = new HashMap<>();
        node.path("children").fields().forEachRemaining(e ->
                children.put(e.getKey(), rule(type + "." + e.getKey(), e.getValue().asText(), phi)));
        return new DatatypeRule(type, phi == null ? PhiType.OTHER_ID : phi, phi != null, otherwise, Map.copyOf(children));
    }

    /** {@code action[/PHI_TYPE | /birth | /@identifier | /@contactPoint | /@display | /@person]}. */
    static FhirRule rule(String where, String word, PhiType inherited) {
        String[] parts = word.split("/", 2);
        FhirRule.Action action = action(where, parts[0]);
        FhirRule.Qualifier qualifier = FhirRule.Qualifier.NONE;
        PhiType phi = null;
        if (parts.length > 1) {
            switch (parts[1]) {
                case "birth" -> qualifier = FhirRule.Qualifier.BIRTH;
                case "@identifier" -> qualifier = FhirRule.Qualifier.IDENTIFIER;
                case "@contactPoint" -> qualifier = FhirRule.Qualifier.CONTACT_POINT;
                case "@display" -> qualifier = FhirRule.Qualifier.DISPLAY;
                case "@person" -> qualifier = FhirRule.Qualifier.PERSON;
                default -> phi = FILE.phiType(where, parts[1]);
            }
        }
        if (phi == null) {
            phi = inherited != null ? inherited : switch (action) {
                case DATE -> PhiType.DATE;
                case ZIP3, REGION -> PhiType.GEO;
                case AGE -> PhiType.AGE;
                default -> PhiType.OTHER_ID;
            };
        }
        return new FhirRule(action, phi, qualifier);
    }

    private static FhirRule.Action action(String where, String word) {
        for (FhirRule.Action a : FhirRule.Action.values()) {
            if (a.ordinal() > FhirRule.Action.TEXT.ordinal() && a.policyName().equals(word)) {
                return a;
            }
        }
        try {
            return FhirRule.Action.of(Treatment.parse(word));
        } catch (IllegalArgumentException e) {
            throw new PolicyException(where + ": " + e.getMessage() + ", walk, id, reference, attachment, narrative");
        }
    }

    private static final class Builder {
        PolicyFile.Header header;
        final Set<String> unguardedResources = new HashSet<>();
        ObservationCodes ageObservationCodes;
        ObservationCodes birthObservationCodes;
        final Map<String, DatatypeRule> datatypes = new HashMap<>();
        final Map<String, FhirRule> primitives = new HashMap<>();
        final Map<String, FhirRule> elements = new HashMap<>();
        final Map<String, PathNode> paths = new HashMap<>();
        final Map<String, ExtensionMode> extensions = new HashMap<>();
        final Set<String> identifierTypeSystems = new HashSet<>();
        final Map<String, PhiType> identifierTypes = new HashMap<>();
        final Map<String, PhiType> identifierSystems = new HashMap<>();
        final List<Map.Entry<String, PhiType>> identifierSystemPrefixes = new ArrayList<>();
        PhiType identifierDefault;
        final Map<String, PhiType> contactPoints = new HashMap<>();
    }

    /** A policy file is unusable; the message names the place in the policy (policies hold no PHI). */
    public static final class PolicyException extends RuntimeException {
        public PolicyException(String message) {
            super(message);
        }
    }
}
