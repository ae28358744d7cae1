package io.phistream.topology.cli;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.signature.SignatureConfig;
import io.phistream.audit.AuditEntry;
import io.phistream.audit.AuditExport;
import io.phistream.audit.AuditLogConfig;
import io.phistream.audit.AuditVerifier;
import io.phistream.audit.AuditVerifier.RawEntry;
import io.phistream.audit.CheckpointEntry;
import io.phistream.audit.InclusionProver;
import io.phistream.audit.ProofChecker;
import io.phistream.audit.RecordEntry;
import io.phistream.audit.VerifyReport;
import io.phistream.audit.checkpoint.CheckpointVerifier;
import io.phistream.topology.Topics;
import io.phistream.topology.audit.AuditTopicReader;
import io.phistream.topology.config.ConfigException;
import io.phistream.topology.config.PhiStreamConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code phi-stream audit verify|export|show|prove|check-proof|message-id}: read the audit log from the topic
 * (read_committed) or from an export, and prove what happened to a message without seeing PHI; check such a proof
 * with the public keyset alone; give the keyed message id of an input, for the key holder to hand to an auditor.
 * Exit 1 when verification finds any problem.
 */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Verify, export and query the audit log.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Export.class, AuditCommand.Show.class,
                AuditCommand.Prove.class, AuditCommand.CheckProof.class, AuditCommand.MessageId.class})
final class AuditCommand implements Runnable {

    @Override
    public void run() {
        throw new ConfigException("audit needs a subcommand: verify, export, show, prove, check-proof or message-id");
    }

    /** Where the log comes from: an export file, or the topic of a configured cluster. */
    static final class Source {
        @Option(names = "--file", paramLabel = "F", description = "a JSON-lines export (from 'audit export')")
        Path file;

        @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", description = "read the audit topic here")
        String bootstrap;

        @Mixin
        ConfigOptions config;

        List<RawEntry> read() throws IOException {
            if (file != null) {
                if (!Files.isRegularFile(file)) {
                    throw new ConfigException("--file: no such file: " + file);
                }
                return exportLines(file);
            }
            PhiStreamConfig c = config.loadCluster(bootstrap,
                    "--file F, --bootstrap-servers or bootstrap.servers in --config is required");
            return AuditTopicReader.readAll(c.consumerProperties(), new Topics(c).audit().name(), Duration.ofSeconds(60));
        }

        List<AuditEntry> entries() throws IOException {
            return parsed(read());
        }
    }

    /** The lines of an export file (or of the key store's signed reversals) as raw entries. */
    static List<RawEntry> exportLines(Path file) throws IOException {
        List<RawEntry> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                out.add(new RawEntry(null, line.getBytes(StandardCharsets.UTF_8)));
            }
        }
        return out;
    }

    /** Raw entries (topic values or export lines) as entries. */
    static List<AuditEntry> parsed(List<RawEntry> raw) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (RawEntry e : raw) {
            lines.append(new String(e.value(), StandardCharsets.UTF_8)).append('\n');
        }
        return AuditExport.readJsonLines(new StringReader(lines.toString()));
    }

    /** The auditors' key: the public keyset from 'keys export-public'. */
    static final class PublicKey {
        @Option(names = "--public-keyset", required = true, paramLabel = "FILE",
                description = "audit verification keyset (from 'phi-stream keys export-public')")
        Path file;

        KeysetHandle load() {
            try {
                SignatureConfig.register();
                return TinkJsonProtoKeysetFormat.parseKeysetWithoutSecret(Files.readString(file));
            } catch (IOException | java.security.GeneralSecurityException e) {
                throw new ConfigException("--public-keyset: not a readable public Tink keyset: " + file);
            }
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Recompute every hash, check every checkpoint signature; report gaps, forks, alterations.")
    static final class Verify implements Callable<Integer> {
        @Mixin
        Source source;
        @Mixin
        PublicKey key;
        @Option(names = "--trusted-heads", paramLabel = "F",
                description = "checkpoints kept from an earlier verification (--write-heads): every log they name must"
                        + " still be there and still extend them, so a log deleted or cut short since is found")
        Path trustedHeads;
        @Option(names = "--write-heads", paramLabel = "F",
                description = "when the log verifies, write each log's latest signed checkpoint here (JSON lines), to"
                        + " keep where the audited party cannot change it and pass as --trusted-heads next time")
        Path writeHeads;
        @Option(names = "--reversals", paramLabel = "DIR",
                description = "verify a key store's account of reversals (reidentify, quarantine open) instead: its"
                        + " signed log " + Reversals.SIGNED_LOG + ", and that " + Reversals.LOG
                        + " holds exactly the lines it signs")
        Path reversals;

        @Override
        public Integer call() throws Exception {
            CheckpointVerifier checkpoints = new CheckpointVerifier(key.load());
            AuditVerifier verifier = new AuditVerifier(checkpoints)
                    // the pipeline signs at least every this many records (AuditLogConfig.defaults())
                    .expectCheckpointEvery(AuditLogConfig.defaults().checkpointEveryRecords());
            if (trustedHeads != null) {
                if (!Files.isRegularFile(trustedHeads)) {
                    throw new ConfigException("--trusted-heads: no such file: " + trustedHeads);
                }
                try (var in = Files.newBufferedReader(trustedHeads)) {
                    for (AuditEntry e : AuditExport.readJsonLines(in)) {
                        if (e instanceof CheckpointEntry c) {
                            verifier.trustHead(c.note());
                        }
                    }
                } catch (RuntimeException | IOException e) {
                    throw new ConfigException("--trusted-heads: not checkpoints this key signed for this pipeline: "
                            + trustedHeads);
                }
            }
            List<RawEntry> raw = reversals == null ? source.read() : signedReversals();
            VerifyReport report = verifier.verifyRaw(raw);
            if (report.logs().isEmpty()) {
                // nothing verified is no proof: a wrong topic.prefix or an empty export looked like success. The
                // report alone would say "OK, 0 logs", so it is not printed: one line that says FAILED, and why
                System.out.println("audit verification: FAILED, no audit log found (check topic.prefix,"
                        + " bootstrap.servers or the export)");
                return PhiStreamCli.FAILURE;
            }
            System.out.print(report.render());
            if (!report.ok()) {
                return PhiStreamCli.FAILURE;
            }
            if (reversals != null) {
                Path plain = reversals.resolve(Reversals.LOG);
                Reversals.Comparison c = Reversals.compare(
                        Files.exists(plain) ? Files.readAllLines(plain, StandardCharsets.UTF_8) : List.of(), parsed(raw));
                System.out.println(c.render());
                if (c.problem() != null) {
                    return PhiStreamCli.FAILURE;
                }
            }
            if (writeHeads != null) {
                writeHeads(raw, checkpoints, writeHeads);
            }
            return PhiStreamCli.OK;
        }

        private List<RawEntry> signedReversals() throws IOException {
            if (source.file != null || source.bootstrap != null) {
                throw new ConfigException("--reversals DIR verifies the key store's own log: give it without --file"
                        + " or --bootstrap-servers");
            }
            Path log = reversals.resolve(Reversals.SIGNED_LOG);
            if (!Files.isRegularFile(log)) {
                throw new ConfigException("--reversals: no " + Reversals.SIGNED_LOG + " in " + reversals
                        + " (no reversal was signed with this key store yet)");
            }
            return exportLines(log);
        }

        /** Each log's largest validly signed checkpoint, as an export line. */
        private static void writeHeads(List<RawEntry> raw, CheckpointVerifier checkpoints, Path out) throws IOException {
            Map<String, CheckpointEntry> heads = new java.util.TreeMap<>();
            for (AuditEntry e : parsed(raw)) {
                if (e instanceof CheckpointEntry c && checkpoints.verify(c.note()).valid()) {
                    heads.merge(c.logId(), c, (a, b) -> a.size() >= b.size() ? a : b);
                }
            }
            try (var w = Files.newOutputStream(out)) {
                AuditExport.writeJsonLines(heads.values(), w);
            }
            System.out.println("wrote " + heads.size() + " trusted heads to " + out);
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the log as JSON lines (verifiable), or as a FHIR R4 Bundle of AuditEvent (--fhir).")
    static final class Export implements Callable<Integer> {
        @Mixin
        Source source;
        @Option(names = "--out", required = true, paramLabel = "F")
        Path out;
        @Option(names = "--fhir", description = "a FHIR R4 Bundle of AuditEvent resources (for SIEMs, IHE ATNA)")
        boolean fhir;

        @Override
        public Integer call() throws Exception {
            List<AuditEntry> entries = source.entries();
            try (OutputStream o = Files.newOutputStream(out)) {
                if (fhir) {
                    AuditExport.writeFhirBundle(entries, o);
                } else {
                    AuditExport.writeJsonLines(entries, o);
                }
            }
            System.err.println("exported " + entries.size() + " entries to " + out);
            return PhiStreamCli.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "The lineage of one message across stages, or the records of one input by its place.")
    static final class Show implements Callable<Integer> {
        @Mixin
        Source source;
        @ArgGroup(exclusive = true, multiplicity = "1")
        Which which;

        /** One message id, or one input's place in an ingest topic. */
        static final class Which {
            @Option(names = "--message-id", required = true, paramLabel = "ID")
            String messageId;
            @Option(names = "--source", required = true, paramLabel = "TOPIC/PARTITION/OFFSET",
                    description = "the records of the input read there (the gate's and de-identification's decision;"
                            + " each names its message id for --message-id): an auditor needs no access to the input")
            String source;
        }

        @Override
        public Integer call() throws Exception {
            if (which.source != null && !io.phistream.audit.Codes.isSource(which.source)) {
                throw new ConfigException("--source: expected TOPIC/PARTITION/OFFSET, e.g. ingest.hl7v2/0/41");
            }
            int found = 0;
            for (AuditEntry e : source.entries()) {
                boolean match = which.source != null
                        ? e instanceof RecordEntry r && which.source.equals(r.record().source())
                        : isRecordOf(e, which.messageId);
                if (match) {
                    System.out.println(new String(((RecordEntry) e).record().canonicalBytes(), StandardCharsets.UTF_8));
                    found++;
                }
            }
            if (found == 0 && which.source != null) {
                // records written before audit records named their source have none: say so, it is not proof of loss
                System.err.println("no audit record for source " + which.source + " (records written before"
                        + " phi-stream named sources have none: look them up by --message-id)");
                return PhiStreamCli.FAILURE;
            }
            return found == 0 ? noRecord(which.messageId) : PhiStreamCli.OK;
        }
    }

    static boolean isRecordOf(AuditEntry e, String messageId) {
        return e instanceof RecordEntry r && r.record().messageId().equals(messageId);
    }

    /** show and prove agree on an id the log has never seen: this message on standard error, exit 1. */
    static int noRecord(String messageId) {
        System.err.println("no audit record for message id " + messageId);
        return PhiStreamCli.FAILURE;
    }

    @Command(name = "prove", mixinStandardHelpOptions = true,
            description = "An inclusion proof of a message's records against signed checkpoints, checkable offline.")
    static final class Prove implements Callable<Integer> {
        @Mixin
        Source source;
        @Mixin
        PublicKey key;
        @Option(names = "--message-id", required = true, paramLabel = "ID")
        String messageId;
        @Option(names = "--out", paramLabel = "F", description = "write the proof here (default: standard output)")
        Path out;

        @Override
        public Integer call() throws Exception {
            KeysetHandle keys = key.load();
            List<AuditEntry> entries = source.entries();
            if (entries.stream().noneMatch(e -> isRecordOf(e, messageId))) {
                return noRecord(messageId); // not an empty proof document and "FAILED []"
            }
            String proof = new InclusionProver(entries, new CheckpointVerifier(keys)).prove(messageId);
            ProofChecker.Result check = ProofChecker.check(proof, keys);
            if (out != null) {
                Files.writeString(out, proof);
            } else {
                System.out.println(proof);
            }
            System.err.println("proof: " + check.proven() + " record(s) proven against signed checkpoints, "
                    + check.unproven() + " not yet covered by a checkpoint"
                    + (check.failures().isEmpty() ? "" : "; FAILED " + check.failures()));
            return check.ok() && check.proven() > 0 ? PhiStreamCli.OK : PhiStreamCli.FAILURE;
        }
    }

    @Command(name = "check-proof", mixinStandardHelpOptions = true,
            description = "Check a proof written by 'audit prove' offline, with the public keyset only (no broker, no"
                    + " keys folder): signatures, log, record index, message id and the path to the signed root.")
    static final class CheckProof implements Callable<Integer> {
        @Option(names = "--proof", required = true, paramLabel = "F", description = "the proof ('audit prove --out F')")
        Path proof;
        @Mixin
        PublicKey key;

        @Override
        public Integer call() throws Exception {
            if (!Files.isRegularFile(proof)) {
                throw new ConfigException("--proof: no such file: " + proof);
            }
            String json;
            try {
                json = Files.readString(proof, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ConfigException("--proof: not readable as UTF-8 text: " + proof);
            }
            ProofChecker.Result check = ProofChecker.check(json, key.load());
            if (!check.readable()) {
                // a cut or mangled file proves nothing either way: the input is wrong (exit 2), not the log (exit 1)
                throw new ConfigException("--proof: not a phi-stream inclusion proof (" + check.failures().get(0)
                        + "): " + proof);
            }
            System.out.println("proof of message " + check.messageId() + ": " + (check.ok() ? "OK" : "FAILED") + ", "
                    + check.proven() + " record(s) proven against signed checkpoints, " + check.failures().size()
                    + " failed, " + check.unproven() + " not yet covered by a checkpoint");
            for (ProofChecker.Proven p : check.records()) {
                System.out.println("  ok   " + p.logId() + " record " + p.leafIndex() + " (" + p.outcome()
                        + ") is in the signed checkpoint of size " + p.treeSize());
            }
            for (String f : check.failures()) {
                System.out.println("  FAIL " + f);
            }
            if (check.proven() == 0 && check.failures().isEmpty()) {
                System.out.println("  nothing is proven: no record of this message is covered by a checkpoint yet");
            }
            return check.ok() ? PhiStreamCli.OK : PhiStreamCli.FAILURE;
        }
    }

    @Command(name = "message-id", mixinStandardHelpOptions = true,
            description = "The message id the pipeline gives one input (a keyed digest, printed alone), for 'audit show"
                    + " --message-id': run by the key holder, so that an auditor never needs the input.")
    static final class MessageId implements Callable<Integer> {
        enum Format { auto, hl7v2, fhir }

        @Option(names = "--in", required = true, paramLabel = "FILE",
                description = "one message, its bytes exactly as sent to the ingest topic")
        Path in;
        @Option(names = "--format", defaultValue = "auto", paramLabel = "auto|hl7v2|fhir",
                description = "the ingest topic it was sent to: hl7v2 or fhir (default: ${DEFAULT-VALUE}, by content"
                        + " as 'deid' decides)")
        Format format;
        @Mixin
        KeyOptions keyOptions;
        @Mixin
        ConfigOptions configOptions;

        @Override
        public Integer call() throws Exception {
            if (!Files.isRegularFile(in)) {
                throw new ConfigException("--in: no such file: " + in);
            }
            PhiStreamConfig config = configOptions.load(Map.of());
            // a throwaway key would give an id no log holds
            io.phistream.topology.keys.KeyStore keys = keyOptions.loadOr(config).orElseThrow(() -> new ConfigException(
                    "--keys DIR (or keys.dir) is required: the id is keyed with the pipeline's digest key"));
            byte[] raw = Files.readAllBytes(in); // the bytes, not a decoding: an id without MSH-10 digests them
            Format f = format == Format.auto ? detect(raw) : format;
            // the gates alone (not every stage: the text detector's model and HAPI's warm-up cost seconds for nothing)
            io.phistream.topology.quality.QualityGates gates = io.phistream.topology.quality.QualityGates.create(config,
                    new io.phistream.detector.deid.KeyedDigest(keys.digest()), config.recordMaxBytes());
            io.phistream.topology.quality.Gate gate = f == Format.fhir ? gates.fhir() : gates.hl7();
            io.phistream.topology.quality.Gate.Inspected inspected;
            try {
                inspected = gate.inspect(raw);
            } catch (RuntimeException | StackOverflowError e) {
                // as QualityGateProcessor: an input the gate cannot read is named by its raw bytes
                inspected = gate.failed(raw, io.phistream.topology.quality.QualityGateProcessor.INTERNAL);
            }
            // the id alone: nothing of the input, which holds PHI, reaches the terminal
            System.out.println(inspected.messageId());
            return PhiStreamCli.OK;
        }

        /** As 'deid --format auto' decides, except that text is no ingest format. */
        private Format detect(byte[] raw) {
            String text = io.phistream.detector.er7.Er7Charsets.decode(raw);
            DeidCommand.Format d = text == null ? DeidCommand.Format.text
                    : DeidCommand.detect(in.getFileName().toString(), text);
            return switch (d) {
                case hl7v2 -> Format.hl7v2;
                case fhir -> Format.fhir;
                default -> throw new ConfigException("--in: neither HL7 v2 nor FHIR by its name or content: give"
                        + " --format hl7v2 or fhir (the ingest topic it was sent to)");
            };
        }
    }
}
