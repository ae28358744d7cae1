package io.phistream.topology.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.phistream.audit.AuditEntry;
import io.phistream.audit.AuditExport;
import io.phistream.audit.AuditLog;
import io.phistream.audit.AuditLogConfig;
import io.phistream.audit.AuditRecord;
import io.phistream.audit.AuditRecordDraft;
import io.phistream.audit.RecordEntry;
import io.phistream.audit.Stage;
import io.phistream.audit.checkpoint.CheckpointSigner;
import io.phistream.topology.config.ConfigException;
import io.phistream.topology.keys.KeyStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The account, beside the keys, of every attempt to see what phi-stream hid ({@code reidentify}, {@code quarantine
 * open}), written before anything is shown and holding no value: one JSON line each in {@value #LOG} for people, and
 * the same attempt as a {@code REIDENTIFY} record of a signed Merkle log in {@value #SIGNED_LOG} (the audit export's
 * format, a checkpoint signed with the audit key after every record), whose input digest is the SHA-256 of that
 * line. {@code audit verify --reversals DIR} checks both: a line changed, removed or added without the signing key
 * is found, and one cut off the end with {@code --trusted-heads}.
 */
final class Reversals {

    /** The file beside the keys where every reversal is accounted for. */
    static final String LOG = "reversals.jsonl";
    /** The signed log of the same attempts. */
    static final String SIGNED_LOG = "reversals.audit.jsonl";
    /** The signed log's Merkle frontier and last checkpoint, to append without reading the log back. */
    static final String SIGNED_STATE = "reversals.audit.state";
    private static final String LOCK = "reversals.lock";
    /** The first signed record's rule id saying how many lines of {@value #LOG} it found (older, unsigned). */
    private static final String UNSIGNED_BEFORE = "reversals.unsigned-before:";
    /** One log (partition 0 of the REIDENTIFY stage): the reversals of one key store are one sequence. */
    static final String LOG_ID = AuditRecord.logId(Stage.REIDENTIFY, 0);

    private Reversals() {
    }

    /**
     * Appends when, by which OS user and why, then {@code fields} (what was asked for, never its value, and the
     * outcome, under "outcome"), to both logs. {@code subject} names what was asked for in the signed record (a token's
     * or message's id, no value). A reversal that cannot be recorded does not happen: the failure is a configuration
     * error.
     */
    static void record(Path keysDir, KeyStore keys, String purpose, String subject, Map<String, String> fields) {
        Map<String, String> line = new LinkedHashMap<>();
        line.put("time", Instant.now().toString());
        line.put("user", System.getProperty("user.name", ""));
        line.put("purpose", purpose.strip());
        line.putAll(fields);
        Path log = keysDir.resolve(LOG);
        try (FileChannel lockFile = FileChannel.open(keysDir.resolve(LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
             FileLock ignored = lockFile.lock()) { // two operators at once must not fork the signed log
            String json = new ObjectMapper().writeValueAsString(line);
            appendSigned(keysDir, keys, json, subject, fields.getOrDefault("outcome", "attempted"),
                    fields.getOrDefault("action", "reidentify"));
            Files.writeString(log, json + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException | RuntimeException e) {
            throw new ConfigException("cannot record the reversal in " + log + " and " + SIGNED_LOG + " ("
                    + e.getClass().getSimpleName() + "): refusing to reverse without an account of it");
        }
    }

    private static void appendSigned(Path keysDir, KeyStore keys, String line, String subject, String outcome,
                                     String action) throws IOException {
        Path statePath = keysDir.resolve(SIGNED_STATE);
        Path logPath = keysDir.resolve(SIGNED_LOG);
        byte[] state = Files.exists(statePath) ? Files.readAllBytes(statePath) : null;
        if (state == null && Files.exists(logPath) && Files.size(logPath) > 0) {
            // appending from a fresh state would fork the log: an auditor would see two records at each place
            throw new IllegalStateException("the signed log's state is missing");
        }
        CheckpointSigner signer = keys.checkpointSigner();
        long now = System.currentTimeMillis();
        AuditLog signed = AuditLog.restore(new AuditLogConfig(1, 1), signer, LOG_ID, state, () -> now);
        AuditRecordDraft.Builder draft = AuditRecordDraft.builder(Stage.REIDENTIFY, subject)
                .outcome(outcome)
                .inputDigest(sha256(line))
                .instance(action)
                .eventTimeMs(now)
                .processingTimeMs(now);
        if (state == null) {
            // the lines an older phi-stream wrote unsigned: counted in the first record, so none can be added later
            Path plain = keysDir.resolve(LOG);
            long before = Files.exists(plain) ? Files.readAllLines(plain).stream().filter(l -> !l.isBlank()).count() : 0;
            draft.ruleId(UNSIGNED_BEFORE + before);
        }
        List<AuditEntry> entries = signed.append(draft.build());
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        AuditExport.writeJsonLines(entries, lines);
        Path next = keysDir.resolve(SIGNED_STATE + ".next");
        Files.write(next, signed.stateBytes());
        try (FileChannel out = FileChannel.open(logPath, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE)) {
            out.write(java.nio.ByteBuffer.wrap(lines.toByteArray()));
            out.force(true);
        }
        Files.move(next, statePath, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * What {@code audit verify --reversals} adds to the signed log's own verification: whether the lines of
     * {@value #LOG} are those the signed records digest, in order. Lines from before the signed log began (an older
     * phi-stream) may precede them; they are counted, not vouched for.
     */
    static Comparison compare(List<String> plainLines, List<AuditEntry> signedLog) {
        List<AuditRecord> records = signedLog.stream()
                .filter(e -> e instanceof RecordEntry).map(e -> ((RecordEntry) e).record())
                .filter(r -> r.logId().equals(LOG_ID))
                .sorted(java.util.Comparator.comparingLong(AuditRecord::sequence)).toList();
        List<String> digests = records.stream().map(r -> r.draft().inputDigest()).toList();
        int unsigned = records.isEmpty() ? 0 : records.get(0).draft().ruleIds().stream()
                .filter(id -> id.startsWith(UNSIGNED_BEFORE))
                .mapToInt(id -> Integer.parseInt(id.substring(UNSIGNED_BEFORE.length()))).findFirst().orElse(0);
        List<String> lines = plainLines.stream().filter(l -> !l.isBlank()).toList();
        if (lines.size() != unsigned + digests.size()) {
            return new Comparison(lines.size(), digests.size(), unsigned, "the signed log accounts for "
                    + (unsigned + digests.size()) + " lines (" + unsigned + " unsigned before it began) but " + LOG
                    + " has " + lines.size() + ": lines were added or removed");
        }
        for (int i = 0; i < digests.size(); i++) {
            if (!sha256(lines.get(unsigned + i)).equals(digests.get(i))) {
                return new Comparison(lines.size(), digests.size(), unsigned, "line " + (unsigned + i + 1) + " of "
                        + LOG + " is not the one signed record " + i + " digests: changed, removed or added");
            }
        }
        return new Comparison(lines.size(), digests.size(), unsigned, null);
    }

    /** The outcome of {@link #compare}: {@code problem} is null when every signed record has its line. */
    record Comparison(int lines, int signed, int unsigned, String problem) {
        String render() {
            String counts = "reversals: " + lines + " lines in " + LOG + ", " + signed + " signed"
                    + (unsigned > 0 ? ", the first " + unsigned + " written before the signed log began (unsigned)" : "");
            return problem == null ? counts + ": OK" : counts + ": FAILED, " + problem;
        }
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
