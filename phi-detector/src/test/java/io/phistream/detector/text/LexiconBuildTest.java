package io.phistream.detector.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.text.lexicon.LexiconBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LexiconBuildTest {
    static final Path SHARED = Path.of("..", "..", "shared", "lexicons");
    static final Path COMMITTED = Path.of("src", "main", "resources", "lexicons");

    @Test
    void givenSharedSources_whenRebuilt_thenCommittedLexiconsAreReproduced(@TempDir Path out) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(SHARED), "../shared/lexicons absent: rebuild check skipped");
        LexiconBuilder.build(SHARED, out);
        for (String f : LexiconBuilder.OUTPUTS) {
            // compare content, not gzip bytes (the deflater may differ between JDK builds)
            assertThat(content(out.resolve(f))).as(f).isEqualTo(content(COMMITTED.resolve(f)));
        }
    }

    @Test
    void givenCommittedLexicons_thenEachUnderTwoMegabytesAndAttributed() throws IOException {
        for (String f : LexiconBuilder.OUTPUTS) {
            assertThat(Files.size(COMMITTED.resolve(f))).as(f).isLessThan(2L * 1024 * 1024);
        }
        String attribution = Files.readString(COMMITTED.resolve("ATTRIBUTION.md"));
        assertThat(attribution).contains("CC BY 3.0").contains("Kevin Atkinson").contains("public domain");
        assertThat(Files.readString(COMMITTED.resolve("LICENSE-SCOWL.txt"))).contains("Kevin Atkinson");
    }

    @Test
    void givenLoadedLexicons_thenHeapEstimateUnderBudget() {
        assertThat(TextPhiDetector.lexiconHeapEstimate()).isLessThan(200L * 1024 * 1024);
    }

    private static byte[] content(Path p) throws IOException {
        try (InputStream in = p.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(p)) : Files.newInputStream(p)) {
            return in.readAllBytes();
        }
    }
}
