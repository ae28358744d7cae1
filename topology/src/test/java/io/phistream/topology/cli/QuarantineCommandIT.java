package io.phistream.topology.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.RejectReason;
import io.phistream.topology.Topics;
import io.phistream.topology.broker.EmbeddedKafkaExtension;
import io.phistream.topology.chaos.KafkaTestIo;
import io.phistream.topology.keys.KeyStore;
import io.phistream.topology.stream.QuarantineSealer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** An operator opens one quarantined message from a real broker's quarantine topic, and every attempt is accounted. */
class QuarantineCommandIT {

    @RegisterExtension
    static final EmbeddedKafkaExtension kafka = new EmbeddedKafkaExtension();

    @TempDir
    Path dir;



    @Test
    void givenAQuarantinedMessage_whenOpenedWithAPurpose_thenTheOriginalIsWrittenToAFileAndEveryAttemptIsAccounted()
            throws Exception {
        Path keysDir = dir.resolve("keys");
        KeyStore keys = KeyStore.init(keysDir, null);
        Topics topics = new Topics("qopen.", 1, (short) 1);
        kafka.createTopics(List.of(topics.newTopic(topics.quarantine())));
        byte[] original = "MSH|^~\\&|LAB|GHH|||20250101||ORU^R01|Q1|P|2.5.1\rPID|1||4821377^^^GHH^MR||Quillfeather^Arabella\r"
                .getBytes(StandardCharsets.UTF_8);
        QuarantineSealer sealer = new QuarantineSealer(keys.quarantine(), 1, "1.4.0", "test", Clock.systemUTC());
        byte[] envelope = sealer.seal("m-quarantined-1", RejectReason.RESIDUAL_PHI, original,
                new QuarantineSealer.Source("qopen.ingest.hl7v2", 0, 41, "hl7v2"));
        try (KafkaProducer<byte[], byte[]> p = KafkaTestIo.producer(kafka.bootstrapServers())) {
            p.send(new ProducerRecord<>(topics.quarantine().name(), "m-quarantined-1".getBytes(StandardCharsets.UTF_8),
                    envelope)).get(30, TimeUnit.SECONDS);
        }
        String[] common = {"quarantine", "open", "--bootstrap-servers", kafka.bootstrapServers(), "--set",
            "topic.prefix=qopen.", "--keys", keysDir.toString(), "--purpose", "why was it refused"};

        CliRun opened = CliRun.of(concat(common, "--message-id", "m-quarantined-1", "--out", dir.resolve("m1.hl7").toString()));
        CliRun unknown = CliRun.of(concat(common, "--message-id", "m-unknown", "--out", dir.resolve("m2.hl7").toString()));
        CliRun again = CliRun.of(concat(common, "--message-id", "m-quarantined-1", "--out", dir.resolve("m1.hl7").toString()));
        CliRun noPurpose = CliRun.of("quarantine", "open", "--bootstrap-servers", kafka.bootstrapServers(), "--keys",
                keysDir.toString(), "--message-id", "m-quarantined-1", "--out", dir.resolve("m3.hl7").toString());

        assertThat(opened.code()).as(opened.err()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("m1.hl7"))).isEqualTo(original);
        assertThat(opened.out()).contains("RESIDUAL_PHI").contains("qopen.ingest.hl7v2 partition 0 offset 41")
                .doesNotContain("Quillfeather", "4821377");
        assertThat(unknown.code()).isEqualTo(PhiStreamCli.FAILURE);
        assertThat(unknown.err()).contains("no quarantined message with id m-unknown");
        assertThat(again.code()).as("an existing file is not overwritten").isEqualTo(PhiStreamCli.USAGE);
        assertThat(noPurpose.code()).isEqualTo(PhiStreamCli.USAGE);
        List<String> account = Files.readAllLines(keysDir.resolve(Reversals.LOG));
        assertThat(account).hasSize(2);
        assertThat(account.get(0)).contains("\"action\":\"quarantine-open\"", "\"messageId\":\"m-quarantined-1\"",
                "\"purpose\":\"why was it refused\"", "\"outcome\":\"opened\"").doesNotContain("Quillfeather");
        assertThat(account.get(1)).contains("\"messageId\":\"m-unknown\"", "\"outcome\":\"not-found\"");
        CliRun signed = CliRun.of("audit", "verify", "--reversals", keysDir.toString(), "--public-keyset",
                keysDir.resolve(io.phistream.topology.keys.KeyStore.AUDIT_VERIFY_FILE).toString());
        assertThat(signed.code()).as(signed.out()).isZero();
        assertThat(signed.out()).contains("2 lines in reversals.jsonl, 2 signed: OK");
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
