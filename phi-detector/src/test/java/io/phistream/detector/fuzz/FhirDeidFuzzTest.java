package io.phistream.detector.fuzz;

import static io.phistream.detector.fuzz.FuzzKit.pick;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phistream.detector.fhir.FhirDeidentifier;
import io.phistream.detector.fhir.FhirOutcome;
import java.util.ArrayList;
import java.util.List;

/**
 * FHIR R4 de-identification, two ways. {@link #deidentifyStructured}: a Bundle (or a bare Patient) whose Patient
 * holds synthetic PHI in its identity elements (identifier, name, telecom, birthDate, address, contact), with
 * fuzzed extensions, narrative, contained resources, Observation notes and values, ids and references around it,
 * and copies of the planted values wherever the fuzzer puts them. {@link #deidentifyRaw}: arbitrary text as JSON
 * or XML. Invariant: no exception escapes; a released resource parses again with HAPI; structured runs release
 * none of the planted values.
 */
class FhirDeidFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> COPIES = List.of(FuzzKit.FAMILY, FuzzKit.GIVEN, FuzzKit.REL_FAMILY,
            FuzzKit.MRN, FuzzKit.SSN, FuzzKit.PHONE, FuzzKit.STREET, FuzzKit.CITY, FuzzKit.EMAIL, "1980-02-29");
    private static final List<String> EXTENSION_TYPES = List.of("valueString", "valueCode", "valueDate",
            "valueInteger", "valueBoolean", "valueMarkdown", "valueUri");

    @FuzzTest(maxDuration = "3m")
    void deidentifyStructured(FuzzedDataProvider data) throws Exception {
        List<String> planted = new ArrayList<>();
        ObjectNode patient = JSON.createObjectNode().put("resourceType", "Patient").put("id", data.consumeString(20));
        if (data.consumeBoolean()) {
            ObjectNode id = patient.putArray("identifier").addObject().put("system", FuzzKit.MRN_SYSTEM)
                    .put("value", FuzzKit.MRN);
            id.putObject("type").putArray("coding").addObject()
                    .put("system", "http://terminology.hl7.org/CodeSystem/v2-0203").put("code", "MR");
            patient.withArray("identifier").addObject().put("system", "http://hl7.org/fhir/sid/us-ssn")
                    .put("value", FuzzKit.SSN);
            planted.addAll(List.of(FuzzKit.MRN, FuzzKit.SSN));
        }
        if (data.consumeBoolean()) {
            ObjectNode name = patient.putArray("name").addObject().put("family", FuzzKit.FAMILY);
            name.putArray("given").add(FuzzKit.GIVEN);
            if (data.consumeBoolean()) {
                name.put("text", FuzzKit.GIVEN + " " + FuzzKit.FAMILY);
            }
            planted.addAll(List.of(FuzzKit.FAMILY, FuzzKit.GIVEN));
        }
        if (data.consumeBoolean()) {
            ArrayNode telecom = patient.putArray("telecom");
            telecom.addObject().put("system", "phone").put("value", FuzzKit.PHONE);
            telecom.addObject().put("system", "email").put("value", FuzzKit.EMAIL);
            planted.addAll(List.of(FuzzKit.PHONE, FuzzKit.EMAIL));
        }
        if (data.consumeBoolean()) {
            patient.put("birthDate", "1980-02-29");
            planted.add("1980-02-29");
        }
        if (data.consumeBoolean()) {
            ObjectNode a = patient.putArray("address").addObject().put("city", FuzzKit.CITY).put("postalCode", "01945");
            a.putArray("line").add(FuzzKit.STREET);
            planted.addAll(List.of(FuzzKit.STREET, FuzzKit.CITY, "01945"));
        }
        if (data.consumeBoolean()) {
            patient.putArray("contact").addObject().putObject("name").put("family", FuzzKit.REL_FAMILY);
            planted.add(FuzzKit.REL_FAMILY);
        }
        int extensions = data.consumeInt(0, 3);
        for (int i = 0; i < extensions; i++) {
            ObjectNode ext = patient.withArray("extension").addObject().put("url", data.consumeString(30));
            ext.put(pick(data, EXTENSION_TYPES), text(data));
        }
        if (data.consumeBoolean()) {
            patient.putObject("text").put("status", "generated").put("div",
                    "<div xmlns=\"http://www.w3.org/1999/xhtml\">" + xml(text(data)) + "</div>");
        }
        if (data.consumeBoolean()) {
            patient.putArray("contained").addObject().put("resourceType", "Basic").put("id", "c1")
                    .putObject("code").put("text", text(data));
        }
        if (data.consumeBoolean()) {
            patient.putArray(data.consumeString(10)).add(text(data)); // an element FHIR does not have
        }

        ObjectNode root = patient;
        if (data.consumeBoolean()) {
            root = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "collection");
            ArrayNode entries = root.putArray("entry");
            String ref = data.consumeBoolean() ? "urn:uuid:9d0f3c52-6f1e-4b8a-9f7e-2a1c0b9e8d71" : "Patient/p1";
            patient.put("id", "p1");
            entries.addObject().put("fullUrl", ref).set("resource", patient);
            int observations = data.consumeInt(0, 3);
            for (int i = 0; i < observations; i++) {
                ObjectNode o = JSON.createObjectNode().put("resourceType", "Observation").put("status", "final");
                o.putObject("code").putArray("coding").addObject().put("system", "http://loinc.org")
                        .put("code", "8867-4");
                o.putObject("subject").put("reference", ref);
                o.put("effectiveDateTime", data.consumeBoolean() ? "2025-03-01T08:00:00Z" : data.consumeString(25));
                if (data.consumeBoolean()) {
                    o.put("valueString", text(data));
                } else {
                    o.putObject("valueQuantity").put("value", data.consumeInt(0, 300)).put("unit", "/min");
                }
                if (data.consumeBoolean()) {
                    o.putArray("note").addObject().put("text", text(data));
                }
                entries.addObject().put("fullUrl", "urn:uuid:" + java.util.UUID.nameUUIDFromBytes(new byte[] {(byte) i}))
                        .set("resource", o);
            }
        }
        String input = JSON.writeValueAsString(root);
        FhirOutcome outcome = FuzzKit.FHIR.deidentify(input); // must not throw
        if (outcome instanceof FhirOutcome.Deidentified released) {
            FhirDeidentifier.context().newJsonParser().parseResource(released.text());
            String leak = FuzzKit.leaked(released.text(), planted);
            if (leak != null) {
                throw new AssertionError("planted value survived in a released resource: " + leak);
            }
        }
    }

    @FuzzTest(maxDuration = "3m")
    void deidentifyRaw(FuzzedDataProvider data) {
        boolean xml = data.consumeBoolean();
        String text = data.consumeRemainingAsString();
        String input = xml ? "<Patient xmlns=\"http://hl7.org/fhir\">" + text + "</Patient>" : text;
        FhirOutcome outcome = FuzzKit.FHIR.deidentify(input); // must not throw
        if (outcome instanceof FhirOutcome.Deidentified released) {
            var parser = released.format() == io.phistream.detector.fhir.FhirFormat.XML
                    ? FhirDeidentifier.context().newXmlParser() : FhirDeidentifier.context().newJsonParser();
            parser.parseResource(released.text());
        }
    }

    /** Fuzzed text, now and then around a copy of a planted value. */
    private static String text(FuzzedDataProvider data) {
        String before = data.consumeString(16);
        String copy = data.consumeInt(0, 2) == 0 ? " " + pick(data, COPIES) + " " : "";
        return before + copy + data.consumeString(16);
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
