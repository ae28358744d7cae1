package io.phistream.topology.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's usage errors, caught before a broker starts (the demo itself runs in DemoCommandIT). */
class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void givenAnUnknownSetting_whenTheDemoStarts_thenExitTwoBeforeAnyBrokerStarts() {
        String out = run(2, "demo", "--set", "foo=1");

        assertThat(out).doesNotContain("starting an in-process Kafka broker");
    }

    @Test
    void givenAKeepFolderWithAnEarlierDemosData_whenTheDemoStarts_thenExitTwoNamingIt() throws Exception {
        Files.writeString(Files.createDirectories(dir.resolve("kept")).resolve("meta.properties"), "node.id=1\n");

        String out = run(2, "demo", "--keep", dir.resolve("kept").toString());

        assertThat(out).contains("--keep").contains("not empty").doesNotContain("starting an in-process Kafka broker");
    }

    @Test
    void givenAFolderThatIsNoKeptDemo_whenTheBrokerIsAskedToServeIt_thenExitTwoBeforeAnyStoreIsWritten() throws Exception {
        // a walkthrough: a folder of message files was formatted as a new empty Kafka store
        Path messages = Files.createDirectories(dir.resolve("msgs"));
        Files.writeString(messages.resolve("a.hl7"), "MSH|^~\\&|synthetic\r");

        String out = run(2, "broker", "--data", messages.toString());

        assertThat(out).contains("not a kept demo directory");
        assertThat(messages.resolve("kafka-logs")).doesNotExist();
    }

    /** Runs the command, checks its exit code, and gives back what it wrote to stdout and stderr. */
    private static String run(int expectedExit, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        try {
            assertThat(PhiStreamCli.execute(args)).isEqualTo(expectedExit);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
