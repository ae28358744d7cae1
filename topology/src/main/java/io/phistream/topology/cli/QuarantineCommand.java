package io.phistream.topology.cli;

import io.phistream.serdes.avro.QuarantineEnvelope;
import io.phistream.topology.Topics;
import io.phistream.topology.audit.AuditTopicReader;
import io.phistream.topology.config.ConfigException;
import io.phistream.topology.config.PhiStreamConfig;
import io.phistream.topology.keys.KeyStore;
import io.phistream.topology.stream.QuarantineSealer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code phi-stream quarantine open}: the original of one quarantined message, for an operator who must see why it was
 * refused (a walkthrough had to write Java against internal classes to do it). Authorized use: a purpose is required,
 * the attempt is accounted for in the key store's {@code reversals.jsonl} before anything is decrypted, and the
 * original goes to a file, never to the terminal.
 */
@Command(name = "quarantine", mixinStandardHelpOptions = true, subcommands = QuarantineCommand.Open.class,
        description = "Read quarantined messages (authorized use only; requires the key store).")
final class QuarantineCommand implements Runnable {

    @Override
    public void run() {
        throw new ConfigException("quarantine needs a subcommand: open");
    }

    @Command(name = "open", mixinStandardHelpOptions = true,
            description = "Decrypt the quarantined original of one message id to a file; prints its reason and source.")
    static final class Open implements Callable<Integer> {
        @Option(names = "--message-id", required = true, paramLabel = "ID")
        String messageId;

        @Option(names = "--purpose", required = true, paramLabel = "TEXT", description = "why it is opened")
        String purpose;

        @Option(names = "--out", required = true, paramLabel = "FILE",
                description = "where the original bytes are written (a new file)")
        Path out;

        @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", description = "read the quarantine topic here")
        String bootstrap;

        @Mixin
        ConfigOptions config;

        @Mixin
        KeyOptions keyOptions;

        @Override
        public Integer call() throws Exception {
            if (purpose.isBlank()) {
                throw new ConfigException("--purpose must say why the message is opened");
            }
            if (!keyOptions.present()) {
                throw new ConfigException("--keys DIR is required: only the key store that sealed a message opens it");
            }
            if (Files.exists(out)) {
                throw new ConfigException("--out: " + out + " exists; a quarantined original is written to a new file");
            }
            PhiStreamConfig c = config.loadCluster(bootstrap, "--bootstrap-servers or bootstrap.servers in --config is required");
            KeyStore keys = keyOptions.load();
            QuarantineSealer sealer = QuarantineSealer.opener(keys.quarantine());
            QuarantineEnvelope found = null;
            for (var e : AuditTopicReader.readAll(c.consumerProperties(), new Topics(c).quarantine().name(),
                    Duration.ofSeconds(60))) {
                if (messageId.equals(e.key())) {
                    found = sealer.read(e.value()); // the latest, should a message have been quarantined again
                }
            }
            if (found == null) {
                record(keys, "not-found");
                System.err.println("phi-stream: no quarantined message with id " + messageId);
                return PhiStreamCli.FAILURE;
            }
            byte[] original;
            try {
                original = sealer.open(found);
            } catch (GeneralSecurityException e) {
                record(keys, "refused");
                System.err.println("phi-stream: the envelope does not open with this key store (another key, or altered)");
                return PhiStreamCli.FAILURE;
            }
            record(keys, "opened"); // before the original leaves the process: an opening that cannot be recorded does not happen
            Files.write(out, original, java.nio.file.StandardOpenOption.CREATE_NEW);
            System.out.println("message " + messageId + ": " + found.getReason() + " (" + found.getDetail() + ")");
            System.out.println("  from " + found.getSourceTopic() + " partition " + found.getSourcePartition() + " offset "
                    + found.getSourceOffset() + ", format " + found.getFormat() + ", quarantined "
                    + found.getQuarantinedAtMs() + " under policy "
                    + found.getPolicyVersion());
            System.out.println("  original (" + original.length + " bytes) written to " + out);
            return PhiStreamCli.OK;
        }

        private void record(KeyStore keys, String outcome) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("action", "quarantine-open");
            fields.put("messageId", messageId); // a keyed digest, no PHI
            fields.put("outcome", outcome);
            // the id as the signed record's subject when it has an id's shape, else its digest (what was typed)
            String subject = io.phistream.audit.Codes.isCode(messageId) ? messageId
                    : "sha256:" + Reversals.sha256(messageId);
            Reversals.record(keyOptions.keysDir, keys, purpose, subject, fields);
        }
    }
}
