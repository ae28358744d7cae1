package io.phistream.detector.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/**
 * Observation codes a policy names ({@code "system|code"}, e.g. "http://loinc.org|30525-0" in FHIR, "LN|30525-0" in
 * HL7): {@code ageObservationCodes}, whose observations hold an age (over 89 becomes 90 whatever datatype carries it),
 * and in HL7 {@code birthObservationCodes}, whose observations hold the birth date (its year only). One reader for
 * both policies and both lists.
 */
public final class ObservationCodes {

    private final Set<String> codes;

    private ObservationCodes(Set<String> codes) {
        this.codes = Set.copyOf(codes);
    }

    /** The list under the policy's {@code ageObservationCodes}; none when it has no such key. */
    public static ObservationCodes read(JsonNode policyRoot) {
        return read(policyRoot, "ageObservationCodes");
    }

    /** The list under the policy's {@code key}; none when it has no such key. */
    public static ObservationCodes read(JsonNode policyRoot, String key) {
        Set<String> codes = new HashSet<>();
        policyRoot.path(key).forEach(n -> codes.add(n.asText()));
        return new ObservationCodes(codes);
    }

    /** Whether {@code system|code} is one of them. */
    public boolean contains(String system, String code) {
        return !codes.isEmpty() && codes.contains(system + "|" + code);
    }
}
