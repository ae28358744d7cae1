package io.phistream.topology.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `score` and `eval` keep the command-line contract: outputs, and exit codes 0, 1, 2. */
class ScoreAndEvalCommandTest {

    @TempDir
    Path dir;

    @Test
    void givenVitalSigns_whenScoredWithNews2_thenEachRowGetsItsScoreAndBand() throws Exception {
        Path in = dir.resolve("vitals.csv");
        Files.writeString(in, "rr,spo2,spo2_scale,o2,sbp,hr,acvpu,temp\n"
                + "16,97,1,0,120,70,A,37.0\n"      // all normal: 0, low
                + "26,90,1,1,85,135,V,39.5\n");   // every parameter abnormal: high
        Path out = dir.resolve("scores.csv");
        assertThat(PhiStreamCli.execute("score", "--model", "news2", "--in", in.toString(), "--out", out.toString()))
                .isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).contains("news2").contains("band");
        assertThat(lines.get(1)).contains("low");
        assertThat(lines.get(2)).contains("high");
    }

    @Test
    void givenABadRowOrAnUnknownModel_whenScored_thenExitCodesAreOneAndTwo() throws Exception {
        Path in = dir.resolve("bad.csv");
        Files.writeString(in, "rr,spo2,spo2_scale,o2,sbp,hr,acvpu,temp\n16,97,1,0,120,70,X,37.0\n");
        assertThat(PhiStreamCli.execute("score", "--model", "news2", "--in", in.toString(), "--out",
                dir.resolve("o.csv").toString())).isEqualTo(1);
        assertThat(PhiStreamCli.execute("score", "--model", "no-such-model", "--in", in.toString(), "--out",
                dir.resolve("o.csv").toString())).isEqualTo(2);
    }

    @Test
    void givenGeneratedNotes_whenEvaluated_thenTheCommandSucceedsAndUsageErrorsAreTwo() {
        assertThat(PhiStreamCli.execute("eval", "--generated", "20")).isZero();
        assertThat(PhiStreamCli.execute("eval")).isEqualTo(2);
    }
}
