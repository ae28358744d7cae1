package io.phistream.detector.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.phistream.detector.hl7.PatientKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Maps FHIR identifier systems to HL7 v2 assigning authorities, so that a patient identified by
 * {@code Identifier(system X, value V)} in FHIR and by {@code PID-3 V^^^Y} in HL7 has one patient key
 * ({@link PatientKeys#of}) and therefore one token and one date shift on both streams.
 *
 * <p>JSON: {@code {"version": "1", "systems": {"http://hospital.example.org/mrn": "HOSP"}}}. Without an entry the
 * system URI itself is the authority (FHIR-only patients stay consistent across FHIR messages). Immutable.
 */
public final class IdentityMap {

    private static final IdentityMap EMPTY = new IdentityMap(Map.of());

    private final Map<String, String> authorities;

    private IdentityMap(Map<String, String> authorities) {
        this.authorities = Map.copyOf(authorities);
    }

    public static IdentityMap empty() {
        return EMPTY;
    }

    /** system URI → HL7 assigning authority (HD.1 namespace id, or HD.2 when HD.1 is empty). */
    public static IdentityMap of(Map<String, String> systemToAuthority) {
        for (Map.Entry<String, String> e : systemToAuthority.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank() || e.getValue() == null || e.getValue().isBlank()) {
                throw new IllegalArgumentException("identity map entries need a system and an authority");
            }
        }
        return new IdentityMap(systemToAuthority);
    }

    public static IdentityMap load(Path file) {
        try {
            return parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read identity map: " + e.getClass().getSimpleName());
        }
    }

    public static IdentityMap parse(byte[] json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("identity map is not valid JSON");
        }
        if (root == null || !root.path("systems").isObject()) {
            throw new IllegalArgumentException("identity map lacks the object 'systems'");
        }
        Map<String, String> map = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.get("systems").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw new IllegalArgumentException("identity map: the authority of a system must be text");
            }
            map.put(e.getKey(), e.getValue().asText());
        }
        return of(map);
    }

    /** Whether the map names this system, i.e. declares it a patient-identifier authority. */
    public boolean maps(String system) {
        return system != null && authorities.containsKey(system);
    }

    /** The assigning authority of a system: the mapped one, else the system itself; "" for no system. */
    public String authorityFor(String system) {
        if (system == null) {
            return "";
        }
        return authorities.getOrDefault(system, system);
    }

    /** The patient key of an identifier, equal to the HL7 path's for a mapped system. */
    public String patientKey(String system, String value) {
        return PatientKeys.of(authorityFor(system), value);
    }

    public int size() {
        return authorities.size();
    }
}
