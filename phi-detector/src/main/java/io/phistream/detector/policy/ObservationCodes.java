package io.phistream.detector.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Observation codes a policy names ({@code "system|code"}, e.g. "http://loinc.org|30525-0" in FHIR, "LN|30525-0" in
 * HL7): {@code ageObservationCodes}, whose observations hold an age (over 89 becomes 90 whatever datatype carries it),
 * and {@code birthObservationCodes}, whose observations hold the birth date (its year only). One reader for both
 * policies and both lists. A coding system is matched under its HL7 table 0396 name whatever spelling the policy or
 * the sender used ("LOINC", "http://loinc.org", "urn:oid:2.16.840.1.113883.6.1" are all "LN": an HL7 walkthrough's
 * "30525-0^Age^LOINC" and a FHIR one's LOINC OID kept ages over 89).
 */
public final class ObservationCodes {

    /**
     * A code or its text that says "age" ("Age", "AGE", "AgeYears", "Patient age"; not "AGENT", "Average"), "Edad",
     * "yrs old", "y/o": a local code is no less an age, and capping a number over 89 at 90 costs little where it is
     * not one.
     */
    public static final Pattern AGE_WORD = Pattern.compile(
            "(?<![A-Za-z])(?:AGE(?![A-Za-z])|[Aa]ge(?![a-z]))|(?i)(?<![a-z])(?:edad|years old|yrs old|y/o)(?![a-z])");

    /** A code or its text that says the birth date: "DOB", "Date of birth", "birthDate", "Fecha de nacimiento". */
    public static final Pattern BIRTH_WORD = Pattern.compile(
            "(?i)(?<![a-z])(?:dob|d\\.o\\.b\\.?|birth ?date|date of birth|fecha de nacimiento|born)(?![a-z])");

    /** Spellings of the coding systems the policies' observation codes name, to their table 0396 names. */
    private static final Map<String, String> TABLE_0396 = Map.ofEntries(Map.entry("LN", "LN"), Map.entry("LOINC", "LN"),
            Map.entry("2.16.840.1.113883.6.1", "LN"), Map.entry("HTTP://LOINC.ORG", "LN"), Map.entry("SCT", "SCT"),
            Map.entry("SNM", "SCT"), Map.entry("SNOMED", "SCT"), Map.entry("SNOMEDCT", "SCT"),
            Map.entry("SNOMED CT", "SCT"), Map.entry("SNOMED-CT", "SCT"), Map.entry("2.16.840.1.113883.6.96", "SCT"),
            Map.entry("HTTP://SNOMED.INFO/SCT", "SCT"));

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
        policyRoot.path(key).forEach(n -> {
            String entry = n.asText();
            int bar = entry.lastIndexOf('|');
            codes.add(bar < 0 ? entry : system(entry.substring(0, bar)) + entry.substring(bar));
        });
        return new ObservationCodes(codes);
    }

    /** Whether {@code system|code} is one of them, the system in any of its spellings. */
    public boolean contains(String system, String code) {
        return !codes.isEmpty() && system != null && code != null
                && codes.contains(system(system) + "|" + code.strip());
    }

    /** The table 0396 name of a coding system ("urn:oid:2.16.840.1.113883.6.1" → "LN"); others as written. */
    static String system(String system) {
        String s = system.strip().toUpperCase(Locale.ROOT);
        if (s.startsWith("URN:OID:")) {
            s = s.substring("URN:OID:".length());
        }
        return TABLE_0396.getOrDefault(s, system);
    }
}
