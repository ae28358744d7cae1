package io.phistream.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuditExportTest {
  final TestKeys keys = TestKeys.raw();
  final List<AuditEntry> entries = Fixtures.log(keys, Stage.DEIDENTIFY, 2, 12, 5);

  @Test
  void givenEntries_whenWrittenAsJsonLinesAndReadBack_thenEqualAndOneLinePerEntry() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AuditExport.writeJsonLines(entries, out);
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text.split("\n")).hasSize(entries.size());
    assertThat(AuditExport.readJsonLines(new StringReader(text))).containsExactlyElementsOf(entries);
    assertThat(new AuditVerifier(keys.verifier()).verifyJsonLines(new StringReader(text)).ok()).isTrue();
  }

  @Test
  void givenAnUnreadableLine_whenReadStrictly_thenTheErrorNamesTheLineButNotItsContent() {
    String text = new String(entries.get(0).value(), StandardCharsets.UTF_8) + "\n{\"kind\":\"record\",\"x\":\"Jane\n";
    assertThatThrownBy(() -> AuditExport.readJsonLines(new StringReader(text)))
        .isInstanceOf(AuditException.class).hasMessageStartingWith("line 2:").message().doesNotContain("Jane");
  }

  @Test
  void givenRecords_whenExportedAsFhir_thenABundleCollectionOfR4AuditEventsWithTheMappedElements() throws Exception {
    JsonNode bundle = AuditExport.toFhirBundle(entries);
    assertThat(bundle.get("resourceType").asText()).isEqualTo("Bundle");
    assertThat(bundle.get("type").asText()).isEqualTo("collection");
    assertThat(bundle.get("entry")).hasSize(12); // records only, checkpoints stay in the evidence export

    Set<String> urls = new HashSet<>();
    for (JsonNode e : bundle.get("entry")) {
      assertThat(urls.add(e.get("fullUrl").asText())).isTrue();
      assertThat(e.get("fullUrl").asText()).matches("urn:uuid:[0-9a-f-]{36}");
      JsonNode ev = e.get("resource");
      assertThat(ev.get("resourceType").asText()).isEqualTo("AuditEvent");
      assertThat(ev.get("id").asText()).matches("[A-Za-z0-9\\-.]{1,64}");
      assertThat(ev.at("/type/system").asText()).isEqualTo("http://dicom.nema.org/resources/ontology/DCM");
      assertThat(ev.at("/subtype/0/code").asText()).isEqualTo("deidentify");
      assertThat(ev.get("action").asText()).isEqualTo("C");
      assertThat(ev.get("recorded").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
      assertThat(ev.at("/agent/0/requestor").isBoolean()).isTrue();
      assertThat(ev.at("/agent/0/who/identifier/value").asText()).isEqualTo("node-a");
      assertThat(ev.at("/source/observer/identifier/value").asText()).isEqualTo("node-a");
      assertThat(ev.at("/entity/0/what/identifier/system").asText()).isEqualTo("urn:phi-stream:message-id");
    }
    JsonNode first = bundle.at("/entry/0/resource");
    assertThat(first.get("outcome").asText()).as("msg-0 was quarantined").isEqualTo("4");
    assertThat(bundle.at("/entry/1/resource/outcome").asText()).isEqualTo("0");
    assertThat(first.at("/entity/0/what/identifier/value").asText()).isEqualTo("msg-0");
    assertThat(first.at("/period/start").asText()).isEqualTo("2026-01-01T00:00:00.000Z");
    assertThat(details(first)).contains("inputDigest", "outputDigest", "phiCounts", "ruleIds", "policyVersion",
        "logId", "sequence", "leafHash");
    assertThat(first.at("/entity/0/detail").toString()).contains("\"valueString\":\"DATE=0,NAME=1\"");
  }

  @Test
  void givenEachStage_whenMapped_thenActionAndOutcomeCodesAreFhirCodes() {
    for (Stage s : Stage.values()) {
      assertThat(AuditExport.action(s)).isIn("C", "R", "U", "D", "E");
    }
    assertThat(AuditExport.outcome("ok")).isEqualTo("0");
    assertThat(AuditExport.outcome("ok.suppressed")).isEqualTo("0");
    assertThat(AuditExport.outcome("quarantined")).isEqualTo("4");
    assertThat(AuditExport.outcome("error.parse")).isEqualTo("8");
  }

  @Test
  void givenABundle_whenWritten_thenItIsParseableJson() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AuditExport.writeFhirBundle(entries, out);
    assertThat(new ObjectMapper().readTree(out.toByteArray()).get("entry")).hasSize(12);
  }

  static Set<String> details(JsonNode ev) {
    Set<String> out = new HashSet<>();
    ev.at("/entity/0/detail").forEach(d -> out.add(d.get("type").asText()));
    return out;
  }
}
