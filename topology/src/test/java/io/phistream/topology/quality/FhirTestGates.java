package io.phistream.topology.quality;

import io.phistream.detector.deid.KeyedDigest;
import io.phistream.topology.keys.KeyStore;
import io.phistream.topology.stream.Stages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Shared FHIR fixtures: a gate with throwaway keys, the shipped rules, the Synthea corpus when present. */
final class FhirTestGates {

    static final Path CORPUS = Path.of("..", "..", "shared", "corpora", "synthea-fhir-r4", "bundles");
    static final FhirRules RULES = FhirRules.load(FhirRules.DEFAULT);

    private FhirTestGates() {
    }

    static FhirQualityGate gate(KeyStore keys) {
        return gate(keys, RULES);
    }

    static FhirQualityGate gate(KeyStore keys, FhirRules rules) {
        return new FhirQualityGate(new FhirValidator(rules), new KeyedDigest(keys.digest()),
                Stages.DEFAULT_MAX_MESSAGE_BYTES);
    }

    /** Corpus file name → bytes, sorted; empty when the shared folder is absent. */
    static Map<String, byte[]> corpus() throws IOException {
        return TestGates.corpus(CORPUS);
    }

    /** A complete, valid vital-sign Observation (heart rate); tests change one element to break one rule. */
    static String observation() {
        return """
                {"resourceType":"Observation","id":"obs-1","meta":{"versionId":"1","lastUpdated":"2024-03-11T10:15:00Z"},
                 "status":"final",
                 "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"vital-signs"}]}],
                 "code":{"coding":[{"system":"http://loinc.org","code":"8867-4","display":"Heart rate"}]},
                 "subject":{"reference":"Patient/pat-1"},
                 "effectiveDateTime":"2024-03-11T10:10:00+00:00",
                 "valueQuantity":{"value":72,"unit":"beats/minute","system":"http://unitsofmeasure.org","code":"/min"}}""";
    }

    static String patient() {
        return """
                {"resourceType":"Patient","id":"pat-1","identifier":[{"system":"urn:oid:1.2.36.146.595.217.0.1","value":"MRN12345"}],
                 "name":[{"family":"Doe","given":["Jane"]}],"gender":"female","birthDate":"1970-01-02"}""";
    }

    static String encounter() {
        return """
                {"resourceType":"Encounter","id":"enc-1","status":"finished",
                 "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"IMP"},
                 "subject":{"reference":"Patient/pat-1"},
                 "period":{"start":"2024-03-10T08:00:00Z","end":"2024-03-11T12:00:00Z"}}""";
    }

    static String bundle(String... resources) {
        StringBuilder sb = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[");
        for (int i = 0; i < resources.length; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"fullUrl\":\"urn:uuid:00000000-0000-4000-8000-00000000000")
                    .append(i).append("\",\"resource\":").append(resources[i]).append('}');
        }
        return sb.append("]}").toString();
    }
}
