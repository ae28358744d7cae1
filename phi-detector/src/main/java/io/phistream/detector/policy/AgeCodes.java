package io.phistream.detector.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/**
 * The observation codes a policy names as ages ({@code "ageObservationCodes"}: {@code "system|code"}, e.g.
 * "http://loinc.org|30525-0" in FHIR, "LN|30525-0" in HL7): an observation so coded holds an age in its value, which
 * over 89 becomes 90 whatever datatype carries it. One reader for both policies.
 */
public final class AgeCodes {

    private final Set<String> codes;

    private AgeCodes(Set<String> codes) {
        this.codes = Set.copyOf(codes);
    }

    /** The list under the policy's {@code ageObservationCodes}; none when it has no such key. */
    public static AgeCodes read(JsonNode policyRoot) {
        Set<String> codes = new HashSet<>();
        policyRoot.path("ageObservationCodes").forEach(n -> codes.add(n.asText()));
        return new AgeCodes(codes);
    }

    /** Whether {@code system|code} is one of them. */
    public boolean contains(String system, String code) {
        return !codes.isEmpty() && codes.contains(system + "|" + code);
    }
}
