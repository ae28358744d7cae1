package io.phistream.audit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Export formats. JSON lines is the evidence format: one entry value per line, byte for byte as on the topic, so
 * {@link AuditVerifier#verifyJsonLines} checks an export exactly as it checks the topic. The FHIR R4 Bundle of
 * AuditEvent resources is for SIEMs and IHE ATNA-style repositories; it carries the records (not the checkpoints)
 * and is not itself tamper-evident.
 */
public final class AuditExport {
  static final String DCM = "http://dicom.nema.org/resources/ontology/DCM";
  static final String STAGE_SYSTEM = "urn:phi-stream:audit-stage";
  static final String INSTANCE_SYSTEM = "urn:phi-stream:instance";
  static final String MESSAGE_SYSTEM = "urn:phi-stream:message-id";
  private static final DateTimeFormatter INSTANT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private AuditExport() {}

  public static void writeJsonLines(Iterable<? extends AuditEntry> entries, OutputStream out) throws IOException {
    for (AuditEntry e : entries) {
      out.write(e.value());
      out.write('\n');
    }
    out.flush();
  }

  /** Reads an export strictly (blank lines skipped); use {@link AuditVerifier#verifyJsonLines} for suspect files. */
  public static List<AuditEntry> readJsonLines(Reader in) throws IOException {
    List<AuditEntry> out = new ArrayList<>();
    BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
    int n = 0;
    for (String line; (line = r.readLine()) != null; ) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      try {
        out.add(AuditEntry.parse(line.getBytes(StandardCharsets.UTF_8)));
      } catch (AuditException e) {
        throw new AuditException("line " + n + ": " + e.getMessage());
      }
    }
    return out;
  }

  /** A FHIR R4 Bundle (type collection) with one AuditEvent per record entry, in input order. */
  public static ObjectNode toFhirBundle(Iterable<? extends AuditEntry> entries) {
    ObjectNode bundle = Json.MAPPER.createObjectNode();
    bundle.put("resourceType", "Bundle");
    bundle.put("type", "collection");
    ArrayNode list = bundle.putArray("entry");
    for (AuditEntry e : entries) {
      if (e instanceof RecordEntry r) {
        ObjectNode entry = list.addObject();
        entry.put("fullUrl", "urn:uuid:" + UUID.nameUUIDFromBytes(r.key().getBytes(StandardCharsets.US_ASCII)));
        entry.set("resource", toAuditEvent(r));
      }
    }
    return bundle;
  }

  public static void writeFhirBundle(Iterable<? extends AuditEntry> entries, OutputStream out) throws IOException {
    Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(out, toFhirBundle(entries));
  }

  static ObjectNode toAuditEvent(RecordEntry entry) {
    AuditRecord r = entry.record();
    ObjectNode ev = Json.MAPPER.createObjectNode();
    ev.put("resourceType", "AuditEvent");
    ev.put("id", r.stage().code() + "-" + r.partition() + "-" + r.sequence());
    // DICOM 110110 "Patient Record": every stage acts on (a record derived from) a patient's message.
    coding(ev.putObject("type"), DCM, "110110", "Patient Record");
    coding(ev.putArray("subtype").addObject(), STAGE_SYSTEM, r.stage().code(), null);
    ev.put("action", action(r.stage()));
    ObjectNode period = ev.putObject("period");
    period.put("start", INSTANT.format(Instant.ofEpochMilli(r.eventTimeMs())));
    period.put("end", INSTANT.format(Instant.ofEpochMilli(r.processingTimeMs())));
    ev.put("recorded", INSTANT.format(Instant.ofEpochMilli(r.processingTimeMs())));
    ev.put("outcome", Outcomes.fhir(r.outcome(), r.ruleIds()).code());
    ev.put("outcomeDesc", Outcomes.fhirDescription(r.outcome(), r.ruleIds()));

    ObjectNode agent = ev.putArray("agent").addObject();
    coding(agent.putObject("type").putArray("coding").addObject(), DCM, "110150", "Application");
    identifier(agent.putObject("who"), INSTANCE_SYSTEM, r.instance());
    agent.put("requestor", false);

    ObjectNode source = ev.putObject("source");
    source.put("site", "phi-stream");
    identifier(source.putObject("observer"), INSTANCE_SYSTEM, r.instance());
    coding(source.putArray("type").addObject(),
        "http://terminology.hl7.org/CodeSystem/security-source-type", "4", "Application Server");

    ObjectNode entity = ev.putArray("entity").addObject();
    identifier(entity.putObject("what"), MESSAGE_SYSTEM, r.messageId());
    coding(entity.putObject("type"), "http://terminology.hl7.org/CodeSystem/audit-entity-type", "2",
        "System Object");
    ArrayNode detail = entity.putArray("detail");
    detail(detail, "inputDigest", r.inputDigest());
    detail(detail, "outputDigest", r.outputDigest());
    if (!r.phiCounts().isEmpty()) {
      StringBuilder sb = new StringBuilder();
      for (Map.Entry<String, Integer> c : r.phiCounts().entrySet()) {
        sb.append(sb.length() == 0 ? "" : ",").append(c.getKey()).append('=').append(c.getValue());
      }
      detail(detail, "phiCounts", sb.toString());
    }
    detail(detail, "ruleIds", r.ruleIds().isEmpty() ? null : String.join(",", r.ruleIds()));
    detail(detail, "policyVersion", r.policyVersion());
    detail(detail, "policyHash", r.policyHash());
    detail(detail, "keyIds", r.keyIds().isEmpty() ? null : String.join(",", r.keyIds()));
    detail(detail, "modelName", r.modelName());
    detail(detail, "modelVersion", r.modelVersion());
    detail(detail, "route", r.route());
    detail(detail, "source", r.source());
    detail(detail, "logId", r.logId());
    detail(detail, "sequence", Long.toString(r.sequence()));
    detail(detail, "leafHash", Json.b64(entry.leafHash()));
    return ev;
  }

  /** FHIR AuditEvent.action: C create, R read, E execute. */
  static String action(Stage s) {
    return switch (s) {
      case PARSE, REIDENTIFY -> "R";
      case VALIDATE, DETECT -> "E";
      case DEIDENTIFY, QUARANTINE, SCORE, ALERT -> "C";
    };
  }

  private static void coding(ObjectNode n, String system, String code, String display) {
    n.put("system", system);
    n.put("code", code);
    if (display != null) {
      n.put("display", display);
    }
  }

  private static void identifier(ObjectNode reference, String system, String value) {
    ObjectNode id = reference.putObject("identifier");
    id.put("system", system);
    id.put("value", value);
  }

  private static void detail(ArrayNode details, String type, String value) {
    if (value != null) {
      ObjectNode d = details.addObject();
      d.put("type", type);
      d.put("valueString", value);
    }
  }
}
