package io.phistream.detector.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phistream.detector.PhiType;
import io.phistream.detector.hl7.PatientKeys;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FhirPolicyTest {

    static final String MINIMAL = """
            {"policy":"p","version":"2.0.0","primitives":{"string":"%s"},"datatypes":{"HumanName":{"phi":"NAME","default":"redact"}}%s}""";

    static FhirPolicy parse(String primitiveRule, String extra) {
        return FhirPolicy.parse(MINIMAL.formatted(primitiveRule, extra).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void givenTheBuiltInPolicy_whenLoaded_thenItIsNamedVersionedAndHashedAsShipped() throws Exception {
        FhirPolicy p = FhirPolicy.builtIn();

        byte[] file;
        try (InputStream in = FhirPolicy.class.getResourceAsStream("/policy/fhir-safe-harbor-v1.json")) {
            file = in.readAllBytes();
        }
        assertThat(p.name()).isEqualTo("fhir-safe-harbor");
        assertThat(p.version()).isEqualTo("1.5.0");
        assertThat(p.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file)));
        assertThat(FhirPolicy.load(FhirPolicy.DEFAULT).sha256()).isEqualTo(p.sha256());
    }

    @Test
    void givenTheBuiltInPolicy_whenAskedForRules_thenPhiBearingDatatypesApplyEverywhereAndUnknownPrimitivesAreRedacted() {
        FhirPolicy p = FhirPolicy.builtIn();

        assertThat(p.datatype("HumanName").always()).isTrue();
        assertThat(p.datatype("Address").child("postalCode").action()).isEqualTo(FhirRule.Action.ZIP3);
        assertThat(p.datatype("Coding").always()).isFalse();
        assertThat(p.primitive("string").action()).isEqualTo(FhirRule.Action.TEXT);
        assertThat(p.primitive("dateTime").action()).isEqualTo(FhirRule.Action.DATE);
        assertThat(p.primitive("someFutureType").action()).isEqualTo(FhirRule.Action.REDACT);
        assertThat(p.pathRoot("Patient").child("birthDate").rule().birth()).isTrue();
        assertThat(p.extension("http://hl7.org/fhir/us/core/StructureDefinition/us-core-race"))
                .isEqualTo(FhirPolicy.ExtensionMode.WALK);
        assertThat(p.extension("http://hl7.org/fhir/StructureDefinition/data-absent-reason"))
                .isEqualTo(FhirPolicy.ExtensionMode.WALK);
        assertThat(p.extension("http://example.org/anything")).isNull();
        assertThat(p.guarded("Patient")).isTrue();
        assertThat(p.guarded("Practitioner")).isFalse();
    }

    @Test
    void givenIdentifiers_whenTyped_thenTheTypeCodeWinsThenTheSystemThenTheIdentityMapThenTheDefault() {
        FhirPolicy p = FhirPolicy.builtIn();
        IdentityMap map = IdentityMap.of(Map.of("urn:mrn", "HOSP"));

        assertThat(p.identifierPhi(List.of("DL"), "http://hl7.org/fhir/sid/us-ssn", map)).isEqualTo(PhiType.LICENSE);
        assertThat(p.identifierPhi(List.of(), "http://hl7.org/fhir/sid/us-ssn", map)).isEqualTo(PhiType.SSN);
        assertThat(p.identifierPhi(List.of(), "urn:oid:2.16.840.1.113883.4.3.25", map)).isEqualTo(PhiType.LICENSE);
        assertThat(p.identifierPhi(List.of(), "urn:mrn", map)).isEqualTo(PhiType.MRN);
        assertThat(p.identifierPhi(List.of("PPN"), null, map)).isEqualTo(PhiType.OTHER_ID);
        assertThat(p.identifierPhi(List.of(), "urn:unknown", map)).isEqualTo(PhiType.OTHER_ID);
        assertThat(p.contactPointPhi("email", PhiType.PHONE)).isEqualTo(PhiType.EMAIL);
    }

    @Test
    void givenBadPolicies_whenParsed_thenTheErrorNamesThePlaceButNoValue() {
        assertThatThrownBy(() -> parse("shred", "")).isInstanceOf(FhirPolicy.PolicyException.class)
                .hasMessageContaining("primitives.string").hasMessageContaining("shred");
        assertThatThrownBy(() -> parse("walk", "")).hasMessageContaining("cannot be walked");
        assertThatThrownBy(() -> parse("token/WHATEVER", "")).hasMessageContaining("unknown PHI type");
        assertThatThrownBy(() -> parse("keep", ",\"paths\":{\"patient.name\":\"keep\"}"))
                .hasMessageContaining("Resource.element");
        assertThatThrownBy(() -> parse("keep", ",\"extensions\":{\"http://x\":\"maybe\"}"))
                .hasMessageContaining("neither keep nor walk");
        assertThatThrownBy(() -> FhirPolicy.parse("[]".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> FhirPolicy.load("builtin:nope")).hasMessageContaining("no built-in policy");
    }

    @Test
    void givenAPolicyFile_whenLoadedFromAPath_thenItsRulesApply(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.json");
        Files.writeString(file, MINIMAL.formatted("keep", ",\"paths\":{\"Patient.name\":\"keep\"}"));

        FhirPolicy p = FhirPolicy.load(file.toString());

        assertThat(p.version()).isEqualTo("2.0.0");
        assertThat(p.primitive("string").action()).isEqualTo(FhirRule.Action.KEEP);
        assertThat(p.pathRoot("Patient").child("name").rule().action()).isEqualTo(FhirRule.Action.KEEP);
    }

    @Test
    void givenObservationCodesInThePolicy_whenAsked_thenLoincAndSnomedMatchInEitherSpellingAndNothingElseDoes() {
        FhirPolicy p = parse("text", """
                ,"ageObservationCodes":["http://loinc.org|11111-1"],"birthObservationCodes":["http://snomed.info/sct|222"]""");

        assertThat(p.ageObservation("http://loinc.org", "11111-1")).isTrue();
        assertThat(p.ageObservation("urn:oid:2.16.840.1.113883.6.1", "11111-1")).isTrue();
        assertThat(p.ageObservation("urn:example:local", "11111-1")).isFalse();
        assertThat(p.birthObservation("urn:oid:2.16.840.1.113883.6.96", "222")).isTrue();
        assertThat(p.birthObservation("http://snomed.info/sct", "222")).isTrue();
        assertThat(p.birthObservation("http://loinc.org", "222")).isFalse();
        assertThat(FhirPolicy.builtIn().birthObservation("http://loinc.org", "21112-8")).isTrue();
        assertThat(FhirPolicy.builtIn().ageObservation("http://snomed.info/sct", "397659008")).isTrue();
    }

    @Test
    void givenAnIdentityMap_whenLoaded_thenMappedSystemsGiveTheHl7AuthorityAndOthersTheSystemItself(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("identity.json");
        Files.writeString(file, "{\"version\":\"1\",\"systems\":{\"http://h.example/mrn\":\"HOSP\"}}");

        IdentityMap map = IdentityMap.load(file);

        assertThat(map.size()).isEqualTo(1);
        assertThat(map.maps("http://h.example/mrn")).isTrue();
        assertThat(map.patientKey("http://h.example/mrn", " 123 ")).isEqualTo(PatientKeys.of("HOSP", "123"));
        assertThat(map.authorityFor("urn:other")).isEqualTo("urn:other");
        assertThat(map.authorityFor(null)).isEmpty();
        assertThat(IdentityMap.empty().maps("http://h.example/mrn")).isFalse();
        assertThatThrownBy(() -> IdentityMap.parse("{\"systems\":{\"x\":1}}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("must be text");
        assertThatThrownBy(() -> IdentityMap.parse("{}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("systems");
    }
}
