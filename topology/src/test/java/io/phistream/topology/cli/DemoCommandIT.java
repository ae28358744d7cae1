package io.phistream.topology.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.topology.broker.EmbeddedKafka;
import io.phistream.topology.keys.KeyStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, {@code phi-stream demo}: a real in-process broker, the whole topology and synthetic
 * traffic with poison; it must end with every input accounted for (exit 0) and show a de-identified message.
 */
class DemoCommandIT {

    @TempDir
    Path kept;

    private static String run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        try (PrintStream p = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(p);
            code = PhiStreamCli.execute(args);
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(code).as(out).isZero();
        return out;
    }

    @Test
    void givenSpanLevelScrubbing_whenTheDemoRuns_thenEveryInputIsAccountedForAndNotesKeepTheirTextWithTypedTags() {
        String out = run("demo", "--duration", "4s", "--rate", "60", "--set", "text.scrubbing=spans");

        assertThat(out).contains("topology RUNNING (exactly_once_v2)")
                .contains("every message sent came out exactly once")
                .contains("--- the same message after (deid.hl7v2) ---")
                .containsPattern("quarantined by reason: \\{.*NOT_HL7=\\d+");
        String after = out.substring(out.indexOf("--- the same message after"));
        assertThat(after).contains("NTE|").contains("[NAME]");
    }

    @Test
    void givenAKeptDemo_whenItsBrokerServesItAgain_thenTheAuditLogVerifiesWithEveryLogSealedToItsLastRecord()
            throws Exception {
        String demo = run("demo", "--duration", "3s", "--rate", "40", "--keep", kept.toString());
        assertThat(demo).contains("sealing the audit logs").contains("every message sent came out exactly once");
        assertThat(kept.resolve("kafka-logs").resolve("meta.properties")).as("what 'broker --data' checks").isRegularFile();

        String verify;
        try (EmbeddedKafka broker = EmbeddedKafka.start(kept)) {
            verify = run("audit", "verify", "--bootstrap-servers", broker.bootstrapServers(), "--set", "topic.prefix=",
                    "--public-keyset", kept.resolve("keys").resolve(KeyStore.AUDIT_VERIFY_FILE).toString());
        }

        assertThat(verify).contains("audit verification: OK").contains("deidentify/").doesNotContain("unsealed");
    }
}
