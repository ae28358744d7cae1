package io.phistream.topology.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.crypto.tink.signature.Ed25519PublicKey;
import io.phistream.audit.AuditEntry;
import io.phistream.audit.AuditExport;
import io.phistream.audit.AuditLog;
import io.phistream.audit.AuditLogConfig;
import io.phistream.audit.Outcomes;
import io.phistream.audit.Stage;
import io.phistream.audit.checkpoint.CheckpointSigner;
import io.phistream.detector.PhiType;
import io.phistream.detector.RejectReason;
import io.phistream.scoring.alert.AlertDecision;
import io.phistream.topology.keys.KeyStore;
import io.phistream.topology.stream.AuditDrafts;
import io.phistream.topology.stream.QuarantineSealer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The auditor's commands on an export file written by the pipeline's own {@link AuditDrafts} (so with the real
 * outcome words), without a broker; {@link AuditCommandIT} runs them against a live pipeline's audit topic.
 */
class AuditCommandTest {

    @TempDir
    Path dir;

    Path export;
    Path publicKeyset;

    @BeforeEach
    void anExportWithAReleaseAndTwoQuarantines() throws Exception {
        KeyStore keys = KeyStore.init(dir.resolve("keys"), null);
        publicKeyset = dir.resolve("keys").resolve(KeyStore.AUDIT_VERIFY_FILE);
        AuditDrafts drafts = new AuditDrafts(keys.digest(), "policy-1", "sha256-0011223344", keys.primaryKeyIds(),
                "node-a");
        CheckpointSigner signer = new CheckpointSigner(keys.auditSigner(), CheckpointSigner.DEFAULT_KEY_NAME,
                (Ed25519PublicKey) keys.auditVerifyKeyset().getPrimary().getKey());
        byte[] input = "MSH|^~\\&|synthetic".getBytes(StandardCharsets.UTF_8);
        List<AuditEntry> entries = new ArrayList<>();
        AuditLog deid = AuditLog.create(new AuditLogConfig(1, 60_000), signer, Stage.DEIDENTIFY, 0, () -> 1L);
        entries.addAll(deid.append(drafts.released("m-released", input, "MSH|^~\\&|out", Map.of(PhiType.NAME, 1), 1L,
                ingestRecord(0))));
        AuditLog quarantine = AuditLog.create(new AuditLogConfig(1, 60_000), signer, Stage.QUARANTINE, 0, () -> 1L);
        entries.addAll(quarantine.append(drafts.quarantined("m-refused", input, RejectReason.NOT_HL7.name(), 1L,
                ingestRecord(1))));
        entries.addAll(quarantine.append(
                drafts.quarantined("m-failed", input, RejectReason.INTERNAL_ERROR.name(), 1L, ingestRecord(2))));
        export = dir.resolve("audit.jsonl");
        try (OutputStream o = Files.newOutputStream(export)) {
            AuditExport.writeJsonLines(entries, o);
        }
    }

    private static QuarantineSealer.Source ingestRecord(long offset) {
        return new QuarantineSealer.Source("ingest.hl7v2", 0, offset, "hl7v2");
    }

    @Test
    void givenAnInputsPlaceInTheIngestTopic_whenShownBySource_thenItsDecisionRecordIsPrinted() {
        CliRun r = CliRun.of("audit", "show", "--file", export.toString(), "--source", "ingest.hl7v2/0/1");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().toList()).singleElement().asString()
                .contains("\"messageId\":\"m-refused\"", "\"source\":\"ingest.hl7v2/0/1\"", "\"NOT_HL7\"");
    }

    @Test
    void givenAPlaceNoRecordNamesOrThatIsNoPlace_whenShownBySource_thenExit1OrExit2() {
        CliRun absent = CliRun.of("audit", "show", "--file", export.toString(), "--source", "ingest.hl7v2/0/3");
        CliRun malformed = CliRun.of("audit", "show", "--file", export.toString(), "--source", "John Smith");
        CliRun both = CliRun.of("audit", "show", "--file", export.toString(), "--source", "ingest.hl7v2/0/1",
                "--message-id", "m-refused");

        assertThat(absent.code()).isEqualTo(PhiStreamCli.FAILURE);
        assertThat(absent.err()).contains("no audit record for source ingest.hl7v2/0/3");
        assertThat(malformed.code()).isEqualTo(PhiStreamCli.USAGE);
        assertThat(malformed.err()).contains("--source: expected TOPIC/PARTITION/OFFSET").doesNotContain("John");
        assertThat(both.code()).as("one or the other").isEqualTo(PhiStreamCli.USAGE);
    }

    @Test
    void givenPipelineRecords_whenExportedAsFhir_thenReleasesSucceedQuarantinesAreMinorAndErrorsSerious()
            throws Exception {
        Path fhir = dir.resolve("audit-fhir.json");

        CliRun r = CliRun.of("audit", "export", "--file", export.toString(), "--fhir", "--out", fhir.toString());

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode bundle = new ObjectMapper().readTree(fhir.toFile());
        assertThat(bundle.get("entry")).hasSize(3);
        JsonNode released = event(bundle, "m-released");
        assertThat(released.get("outcome").asText()).isEqualTo("0");
        assertThat(released.get("outcomeDesc").asText()).isEqualTo("released");
        JsonNode refused = event(bundle, "m-refused");
        assertThat(refused.get("outcome").asText()).isEqualTo("4");
        assertThat(refused.get("outcomeDesc").asText()).isEqualTo("quarantined: NOT_HL7");
        JsonNode failed = event(bundle, "m-failed");
        assertThat(failed.get("outcome").asText()).isEqualTo("8");
        assertThat(failed.get("outcomeDesc").asText()).isEqualTo("quarantined: INTERNAL_ERROR");
    }

    @Test
    void givenAnExportWithoutAnyLog_whenVerified_thenItFails() throws Exception {
        // a walkthrough: a wrong topic.prefix verified "OK, 0 logs" with exit 0
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "");

        CliRun r = CliRun.of("audit", "verify", "--file", empty.toString(), "--public-keyset", publicKeyset.toString());

        assertThat(r.code()).isEqualTo(PhiStreamCli.FAILURE);
        assertThat(r.out()).contains("no audit log found");
    }

    @Test
    void givenNoLogAtAll_whenVerified_thenOneFailureLineAndNoOkLineBeforeIt() throws Exception {
        // a walkthrough: "audit verification: OK, 0 logs" followed by "no audit log found" contradicted itself
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "");

        CliRun r = CliRun.of("audit", "verify", "--file", empty.toString(), "--public-keyset", publicKeyset.toString());

        assertThat(r.code()).isEqualTo(PhiStreamCli.FAILURE);
        assertThat(r.out().lines().toList()).containsExactly(
                "audit verification: FAILED, no audit log found (check topic.prefix, bootstrap.servers or the export)");
        assertThat(r.out()).doesNotContain("OK");
    }

    @Test
    void givenHeadsKeptFromAGoodLog_whenALogIsLaterRemovedOrCutShort_thenVerifyingAgainstThemFails() throws Exception {
        Path heads = dir.resolve("heads.jsonl");
        CliRun kept = CliRun.of("audit", "verify", "--file", export.toString(), "--public-keyset", publicKeyset.toString(),
                "--write-heads", heads.toString());
        assertThat(kept.code()).as(kept.err()).isZero();
        assertThat(Files.readAllLines(heads)).hasSize(2); // deidentify/0 and quarantine/0, their latest checkpoints

        List<AuditEntry> all = AuditExport.readJsonLines(Files.newBufferedReader(export));
        Path withoutQuarantine = exportOf("no-quarantine.jsonl",
                all.stream().filter(e -> !e.logId().startsWith("quarantine/")).toList());
        Path cutShort = exportOf("cut-short.jsonl", all.subList(0, all.size() - 2)); // the last record and checkpoint

        for (Path tampered : List.of(withoutQuarantine, cutShort)) {
            CliRun alone = CliRun.of("audit", "verify", "--file", tampered.toString(), "--public-keyset", publicKeyset.toString());
            CliRun trusted = CliRun.of("audit", "verify", "--file", tampered.toString(), "--public-keyset",
                    publicKeyset.toString(), "--trusted-heads", heads.toString());

            assertThat(alone.code()).as("alone, a removal leaves nothing to contradict: %s", tampered).isZero();
            assertThat(trusted.code()).as(tampered.toString()).isEqualTo(PhiStreamCli.FAILURE);
            assertThat(trusted.out()).contains("quarantine/0").containsPattern("TRUNCATED|MISSING");
        }
    }

    private Path exportOf(String name, List<AuditEntry> entries) throws Exception {
        Path file = dir.resolve(name);
        try (OutputStream o = Files.newOutputStream(file)) {
            AuditExport.writeJsonLines(entries, o);
        }
        return file;
    }

    @Test
    void givenAnIdWithoutRecords_whenProved_thenTheSameMessageAndExitCodeAsShow() {
        CliRun show = CliRun.of("audit", "show", "--file", export.toString(), "--message-id", "m-unknown");
        CliRun prove = CliRun.of("audit", "prove", "--file", export.toString(), "--message-id", "m-unknown",
                "--public-keyset", publicKeyset.toString());

        assertThat(show.code()).isEqualTo(PhiStreamCli.FAILURE);
        assertThat(show.err()).contains("no audit record for message id m-unknown");
        assertThat(prove.code()).isEqualTo(show.code());
        assertThat(prove.err()).contains("no audit record for message id m-unknown").doesNotContain("FAILED");
        assertThat(prove.out()).as("no empty proof document").isBlank();
    }

    @Test
    void givenAnIdWithRecords_whenProved_thenExitZeroAndTheProofIsPrinted() {
        CliRun prove = CliRun.of("audit", "prove", "--file", export.toString(), "--message-id", "m-released",
                "--public-keyset", publicKeyset.toString());

        assertThat(prove.code()).as(prove.err()).isZero();
        assertThat(prove.out()).contains("\"messageId\":\"m-released\"");
        assertThat(prove.err()).contains("proof: 1 record(s) proven").doesNotContain("FAILED");
    }

    @Test
    void givenAProofWrittenByProve_whenCheckedWithThePublicKeysetAlone_thenOkNamingTheLogRecordAndCheckpointSize() {
        Path proof = proofOf("m-released");

        CliRun check = CliRun.of("audit", "check-proof", "--proof", proof.toString(), "--public-keyset", publicKeyset.toString());

        assertThat(check.code()).as(check.err()).isZero();
        assertThat(check.out().lines().toList()).containsExactly(
                "proof of message m-released: OK, 1 record(s) proven against signed checkpoints, 0 failed,"
                        + " 0 not yet covered by a checkpoint",
                "  ok   deidentify/0 record 0 (released) is in the signed checkpoint of size 1");
    }

    @Test
    void givenAProofWhoseRecordWasEdited_whenChecked_thenExit1NamingTheBrokenPath() throws Exception {
        Path proof = proofOf("m-refused");
        Path edited = Files.writeString(dir.resolve("edited.json"),
                Files.readString(proof).replace("\"NOT_HL7\"", "\"NOT_HL8\""));

        CliRun check = CliRun.of("audit", "check-proof", "--proof", edited.toString(), "--public-keyset",
                publicKeyset.toString());

        assertThat(check.code()).isEqualTo(PhiStreamCli.FAILURE);
        assertThat(check.out()).startsWith("proof of message m-refused: FAILED, 0 record(s) proven")
                .contains("FAIL proof #0: inclusion path does not lead to the signed root");
    }

    @Test
    void givenAnotherPipelinesPublicKeyset_whenAProofIsChecked_thenExit1SayingTheSignatureDoesNotVerify()
            throws Exception {
        Path proof = proofOf("m-released");
        KeyStore.init(dir.resolve("other-keys"), null);
        Path otherKeyset = dir.resolve("other-keys").resolve(KeyStore.AUDIT_VERIFY_FILE);

        CliRun check = CliRun.of("audit", "check-proof", "--proof", proof.toString(), "--public-keyset", otherKeyset.toString());

        assertThat(check.code()).isEqualTo(PhiStreamCli.FAILURE);
        assertThat(check.out()).contains("FAILED").contains("BAD_SIGNATURE");
    }

    @Test
    void givenATruncatedOrMissingProofFile_whenChecked_thenExit2NamingTheFileAsNoProof() throws Exception {
        String whole = Files.readString(proofOf("m-released"));
        Path truncated = Files.writeString(dir.resolve("truncated.json"), whole.substring(0, whole.length() / 2));

        CliRun cut = CliRun.of("audit", "check-proof", "--proof", truncated.toString(), "--public-keyset",
                publicKeyset.toString());
        CliRun missing = CliRun.of("audit", "check-proof", "--proof", dir.resolve("absent.json").toString(),
                "--public-keyset", publicKeyset.toString());

        assertThat(cut.code()).isEqualTo(PhiStreamCli.USAGE);
        assertThat(cut.err()).contains("--proof: not a phi-stream inclusion proof").contains(truncated.toString());
        assertThat(cut.out()).as("no verdict on a file that is no proof").isBlank();
        assertThat(missing.code()).isEqualTo(PhiStreamCli.USAGE);
        assertThat(missing.err()).contains("--proof: no such file");
    }

    private Path proofOf(String messageId) {
        Path proof = dir.resolve("proof-" + messageId + ".json");
        CliRun prove = CliRun.of("audit", "prove", "--file", export.toString(), "--message-id", messageId,
                "--public-keyset", publicKeyset.toString(), "--out", proof.toString());
        assertThat(prove.code()).as(prove.err()).isZero();
        return proof;
    }

    @Test
    void givenEveryAlertDecisionKind_whenAudited_thenItsOutcomeWordIsOneTheFhirMappingKnows() {
        // AlertProcessor writes the decision kind in lower case; the other writers use the Outcomes constants
        for (AlertDecision.Kind k : AlertDecision.Kind.values()) {
            String word = k.name().toLowerCase(Locale.ROOT);
            assertThat(Outcomes.isKnown(word)).as(word).isTrue();
            assertThat(Outcomes.fhir(word, List.of())).as(word).isEqualTo(Outcomes.Fhir.SUCCESS);
        }
    }

    private static JsonNode event(JsonNode bundle, String messageId) {
        for (JsonNode e : bundle.get("entry")) {
            if (e.at("/resource/entity/0/what/identifier/value").asText().equals(messageId)) {
                return e.get("resource");
            }
        }
        throw new AssertionError("no AuditEvent for " + messageId);
    }


}
