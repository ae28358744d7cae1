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
  void givenEachStage_whenMapped_thenActionCodesAreFhirCodes() {
    for (Stage s : Stage.values()) {
      assertThat(AuditExport.action(s)).isIn("C", "R", "U", "D", "E");
    }
  }

  @Test
  void givenThePipelinesOutcomeWords_whenExportedAsFhir_thenOutcomeFollowsTheR4ValueSet() {
    // the words AuditDrafts, ScoreProcessor and AlertProcessor write
    for (String done : List.of("ok", "released", "duplicate", "scored", "shadow", "alert", "escalate", "resolve",
        "suppressed")) {
      JsonNode ev = fhirEvent(record(Stage.DEIDENTIFY, done));
      assertThat(ev.get("outcome").asText()).as(done).isEqualTo("0");
      assertThat(ev.get("outcomeDesc").asText()).as(done).isEqualTo(done);
    }
    JsonNode refused = fhirEvent(record(Stage.QUARANTINE, "quarantined", "NOT_HL7"));
    assertThat(refused.get("outcome").asText()).as("refused by design: minor failure").isEqualTo("4");
    assertThat(refused.get("outcomeDesc").asText()).isEqualTo("quarantined: NOT_HL7");
    JsonNode failed = fhirEvent(record(Stage.QUARANTINE, "quarantined", "INTERNAL_ERROR"));
    assertThat(failed.get("outcome").asText()).as("the pipeline failed: serious failure").isEqualTo("8");
    assertThat(failed.get("outcomeDesc").asText()).isEqualTo("quarantined: INTERNAL_ERROR");
    assertThat(fhirEvent(record(Stage.QUARANTINE, "quarantined")).get("outcomeDesc").asText())
        .isEqualTo("quarantined");
  }

  @Test
  void givenAnUnknownOutcomeWord_whenExportedAsFhir_thenItIsNotReportedAsSuccess() {
    for (String unknown : List.of("ok-ish", "success", "okay", "frobnicated")) {
      assertThat(fhirEvent(record(Stage.DEIDENTIFY, unknown)).get("outcome").asText()).as(unknown).isEqualTo("4");
    }
  }

  private static AuditRecordDraft record(Stage stage, String outcome, String... ruleIds) {
    return AuditRecordDraft.builder(stage, "msg-1").outcome(outcome)
        .inputDigest(String.format("%064x", 0xabcdefL)).ruleIds(List.of(ruleIds)).instance("node-a").build();
  }

  private JsonNode fhirEvent(AuditRecordDraft draft) {
    AuditLog log = AuditLog.create(new AuditLogConfig(100, 60_000), keys.signer, draft.stage(), 0, () -> 1L);
    return AuditExport.toFhirBundle(log.append(draft)).at("/entry/0/resource");
  }

  @Test
  void givenABundle_whenWritten_thenItIsParseableJson() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AuditExport.writeFhirBundle(entries, out);
    assertThat(new ObjectMapper().readTree(out.toByteArray()).get("entry")).hasSize(12);
  }

  @Test
  void givenARecordNamingItsSource_whenExportedAsFhir_thenTheEntityHasASourceDetailAndOthersHaveNone()
      throws Exception {
    AuditLog log = AuditLog.create(new AuditLogConfig(10, 60_000), keys.signer, Stage.QUARANTINE, 0, () -> 1L);
    List<AuditEntry> two = new java.util.ArrayList<>(log.append(Fixtures.draft(Stage.QUARANTINE, 0)));
    AuditRecordDraft d = Fixtures.draft(Stage.QUARANTINE, 1);
    two.addAll(log.append(AuditRecordDraft.builder(d.stage(), d.messageId()).outcome(d.outcome())
        .inputDigest(d.inputDigest()).instance(d.instance()).source("ingest.hl7v2/0/7").build()));

    JsonNode bundle = AuditExport.toFhirBundle(two);

    assertThat(details(bundle.at("/entry/0/resource"))).doesNotContain("source");
    assertThat(bundle.at("/entry/1/resource/entity/0/detail").toString())
        .contains("{\"type\":\"source\",\"valueString\":\"ingest.hl7v2/0/7\"}");
  }

  static Set<String> details(JsonNode ev) {
    Set<String> out = new HashSet<>();
    ev.at("/entity/0/detail").forEach(d -> out.add(d.get("type").asText()));
    return out;
  }
}
