package io.phistream.topology.quality;

import static io.phistream.topology.quality.FhirTestGates.bundle;
import static io.phistream.topology.quality.FhirTestGates.observation;
import static io.phistream.topology.quality.FhirTestGates.patient;
import static io.phistream.topology.quality.FhirValidatorTest.edit;
import static io.phistream.topology.quality.FhirValidatorTest.node;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phistream.detector.RejectReason;
import io.phistream.topology.bench.SyntheticFhir;
import io.phistream.topology.config.PhiStreamConfig;
import io.phistream.topology.keys.KeyStore;
import io.phistream.topology.stream.Stages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The FHIR gate core: reading JSON, XML and NDJSON, unreadable input, message ids and dedupe keys. */
class FhirQualityGateTest {

    private static final KeyStore KEYS = KeyStore.ephemeral();
    private static final FhirQualityGate GATE = FhirTestGates.gate(KEYS);

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static RejectReason reason(byte[] raw) {
        Verdict v = GATE.inspect(raw).verdict();
        return v instanceof Verdict.Quarantine q ? q.reason() : null;
    }

    @Test
    void givenUnreadableInput_whenInspected_thenItIsQuarantinedWithTheDeidentifiersReason() {
        assertThat(reason(new byte[0])).isEqualTo(RejectReason.EMPTY);
        assertThat(reason(utf8("  \n"))).isEqualTo(RejectReason.EMPTY);
        assertThat(reason(new byte[] {'{', (byte) 0xC3, 0x28, '}'})).isEqualTo(RejectReason.INVALID_ENCODING);
        assertThat(reason(utf8("MSH|^~\\&|A"))).isEqualTo(RejectReason.NOT_FHIR);
        assertThat(reason(utf8("{\"resourceType\":\"Patient\""))).as("truncated").isEqualTo(RejectReason.NOT_FHIR);
        assertThat(reason(utf8("{\"id\":\"x\"}"))).as("no resourceType").isEqualTo(RejectReason.NOT_FHIR);
        assertThat(reason(utf8(patient() + "\n" + patient()))).as("two NDJSON lines in one record")
                .isEqualTo(RejectReason.NOT_FHIR);
        assertThat(reason(utf8("<?xml version=\"1.0\"?><!DOCTYPE Patient [<!ENTITY x \"y\">]>"
                + "<Patient xmlns=\"http://hl7.org/fhir\"><id value=\"&x;\"/></Patient>"))).as("DTD")
                .isEqualTo(RejectReason.NOT_FHIR);
        String deep = "<Patient xmlns=\"http://hl7.org/fhir\">" + "<extension url=\"u\">".repeat(10_000)
                + "</extension>".repeat(10_000) + "</Patient>";
        assertThat(reason(utf8(deep))).as("nested beyond any real resource").isEqualTo(RejectReason.NOT_FHIR);
        assertThat(reason(utf8("{\"resourceType\":\"Basic\",\"extension\":[" + "{\"extension\":[".repeat(5_000)
                + "]}".repeat(5_000) + "]}"))).isEqualTo(RejectReason.NOT_FHIR);
    }

    @Test
    void givenTheSameResourceInXmlAndJson_whenInspected_thenBothReadAlikeAndShareTheirContentKey() {
        String xml = """
                <Patient xmlns="http://hl7.org/fhir"><id value="pat-1"/>
                  <identifier><system value="urn:oid:1.2.36.146.595.217.0.1"/><value value="MRN12345"/></identifier>
                  <name><family value="Doe"/><given value="Jane"/></name><gender value="female"/>
                  <birthDate value="1970-01-02"/></Patient>""";
        FhirQualityGate.Inspection x = GATE.inspect(utf8(xml));
        FhirQualityGate.Inspection j = GATE.inspect(utf8(patient()));
        assertThat(x.readable()).isTrue();
        assertThat(x.verdict()).isEqualTo(Verdict.PASS);
        assertThat(x.contentKey()).isEqualTo(j.contentKey());
        assertThat(GATE.inspect(utf8(xml.replace("MRN12345", "MRN12346"))).contentKey()).isNotEqualTo(j.contentKey());
        assertThat(reason(utf8(xml.replace("<identifier>", "<identifierx>").replace("</identifier>", "</identifierx>"))))
                .isEqualTo(RejectReason.MISSING_PATIENT_ID);
    }

    @Test
    void givenAnXmlBundle_whenInspected_thenEachEntrysResourceIsValidated() {
        String xml = """
                <Bundle xmlns="http://hl7.org/fhir"><type value="collection"/>
                 <entry><resource><Observation><status value="final"/>
                   <code><coding><system value="http://loinc.org"/><code value="8867-4"/></coding></code>
                   <effectiveDateTime value="2024-03-11T10:10:00Z"/>
                   <valueQuantity><value value="72"/><system value="http://unitsofmeasure.org"/><code value="kg"/></valueQuantity>
                   <text><status value="generated"/><div xmlns="http://www.w3.org/1999/xhtml"><p>HR <b>72</b></p></div></text>
                 </Observation></resource></entry></Bundle>""";
        Verdict v = GATE.inspect(utf8(xml)).verdict();
        assertThat(v).isInstanceOf(Verdict.Quarantine.class);
        assertThat(((Verdict.Quarantine) v).ruleId()).isEqualTo("fhir.observation.vital-sign-units");
    }

    @Test
    void givenCopiesThatDifferOnlyInLayoutOrLastUpdated_whenInspected_thenTheyShareTheirDedupeKeys() throws Exception {
        ObjectMapper m = new ObjectMapper();
        String pretty = m.writerWithDefaultPrettyPrinter().writeValueAsString(node(observation()));
        String restamped = edit(observation(), o -> ((ObjectNode) o.get("meta")).put("lastUpdated", "2025-01-01T00:00:00Z"));
        FhirQualityGate.Inspection a = GATE.inspect(utf8(observation()));
        for (String copy : List.of(pretty, restamped)) {
            FhirQualityGate.Inspection b = GATE.inspect(utf8(copy));
            assertThat(b.idKey()).isEqualTo(a.idKey()).isNotNull();
            assertThat(b.fingerprint()).isEqualTo(a.fingerprint());
            assertThat(b.dedupeKey()).isEqualTo(a.dedupeKey());
        }
        FhirQualityGate.Inspection changed = GATE.inspect(utf8(edit(observation(),
                o -> ((ObjectNode) o.get("valueQuantity")).put("value", 73))));
        assertThat(changed.idKey()).as("same id and version").isEqualTo(a.idKey());
        assertThat(changed.fingerprint()).as("other content").isNotEqualTo(a.fingerprint());
        FhirQualityGate.Inspection v2 = GATE.inspect(utf8(edit(observation(),
                o -> ((ObjectNode) o.get("meta")).put("versionId", "2"))));
        assertThat(v2.idKey()).isNotEqualTo(a.idKey());
    }

    @Test
    void givenResourcesWithoutVersionOrBundlesWithAnIdentifier_whenInspected_thenTheKeyIsTheContentOrTheIdentifier() {
        FhirQualityGate.Inspection p = GATE.inspect(utf8(patient()));
        assertThat(p.idKey()).as("an id without meta.versionId names no version").isNull();
        assertThat(p.dedupeKey()).isEqualTo(p.contentKey()).matches("[0-9a-f]{32}");
        String b = edit(bundle(patient()), x -> x.set("identifier", node("{\"system\":\"urn:s\",\"value\":\"b-1\"}")));
        FhirQualityGate.Inspection withId = GATE.inspect(utf8(b));
        assertThat(withId.idKey()).isNotNull();
        assertThat(GATE.inspect(utf8(b.replace("Jane", "Janet"))).idKey()).isEqualTo(withId.idKey());
    }

    @Test
    void givenNdjson_whenInspected_thenEachLineIsOneResource() {
        String nd = patient().replace("\n", "") + "\r\n\n" + observation().replace("\n", "") + "\n<Patient/>\n";
        List<FhirQualityGate.Inspection> lines = GATE.inspectNdjson(utf8(nd));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).resourceType()).isEqualTo("Patient");
        assertThat(lines.get(1).resourceType()).isEqualTo("Observation");
        assertThat(lines.get(2).verdict()).as("NDJSON lines are JSON").isInstanceOf(Verdict.Quarantine.class);
    }

    @Test
    void givenGeneratedAndCorpusInputs_whenInspected_thenMessageIdsEqualTheDeidentifiers(@TempDir Path state)
            throws Exception {
        Stages stages = Stages.create(PhiStreamConfig.load(null, Map.of(), Map.of(PhiStreamConfig.BOOTSTRAP_SERVERS,
                "unused:9092", PhiStreamConfig.APPLICATION_ID, "t", PhiStreamConfig.STATE_DIR,
                state.toString())), KEYS);
        FhirQualityGate gate = new FhirQualityGate(new FhirValidator(FhirTestGates.RULES), stages.digest(),
                Stages.DEFAULT_MAX_MESSAGE_BYTES);
        SyntheticFhir gen = new SyntheticFhir(5);
        List<String> inputs = new java.util.ArrayList<>(List.of(patient(), observation(), "{\"resourceType\":1}",
                edit(bundle(patient()), x -> x.set("identifier", node("{\"value\":\"b-1\"}")))));
        for (int i = 0; i < 20; i++) {
            inputs.add(gen.next().json());
        }
        FhirTestGates.corpus().values().stream().limit(3).forEach(b -> inputs.add(new String(b, StandardCharsets.UTF_8)));
        for (String text : inputs) {
            assertThat(gate.inspect(utf8(text)).messageId()).isEqualTo(stages.fhir().deidentify(text).messageId());
        }
    }
}
