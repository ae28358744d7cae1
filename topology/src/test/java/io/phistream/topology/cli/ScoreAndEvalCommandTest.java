package io.phistream.topology.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    void givenACsvThatStartsWithAByteOrderMark_whenScored_thenTheMarkIsIgnored() throws Exception {
        Path in = dir.resolve("excel.csv");
        // Excel's "CSV UTF-8" puts U+FEFF before the first header
        Files.writeString(in, "\uFEFFrr,spo2,spo2_scale,o2,sbp,hr,acvpu,temp\n16,97,1,0,120,70,A,37.0\n");
        Path out = dir.resolve("scores.csv");
        assertThat(PhiStreamCli.execute("score", "--model", "news2", "--in", in.toString(), "--out", out.toString()))
                .isZero();
        assertThat(Files.readAllLines(out).get(0)).startsWith("rr,spo2,");
    }

    @Test
    void givenAnOutputFolderThatDoesNotExist_whenScored_thenExitTwoNamingItAndNoBadRows() throws Exception {
        Path in = dir.resolve("vitals.csv");
        Files.writeString(in, "rr,spo2,spo2_scale,o2,sbp,hr,acvpu,temp\n16,97,1,0,120,70,A,37.0\n");
        Path out = dir.resolve("no-such-dir").resolve("x.csv");
        CliRun run = CliRun.of("score", "--model", "news2", "--in", in.toString(), "--out", out.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--out", out.toString(), out.getParent() + " does not exist")
                .doesNotContain("bad row");
        assertThat(out.getParent()).doesNotExist();
    }

    @Test
    void givenAnInputThatCannotBeRead_whenScored_thenExitTwoNamingIt() throws Exception {
        Path in = dir.resolve("locked.csv");
        Files.writeString(in, "rr,spo2,spo2_scale,o2,sbp,hr,acvpu,temp\n16,97,1,0,120,70,A,37.0\n");
        assumeTrue(in.toFile().setReadable(false, false) && !Files.isReadable(in), "root reads every file: skipped");
        CliRun run = CliRun.of("score", "--model", "news2", "--in", in.toString(), "--out", dir.resolve("o.csv").toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--in", in.toString()).doesNotContain("bad row");
    }

    @Test
    void givenAFolderOrFileWithNoLabelledDocuments_whenEvaluated_thenExitTwoNamingThePathAndTheFormats()
            throws Exception {
        Path note = dir.resolve("note.txt");
        Files.writeString(note, "Seen by Dr. Velbrane today.");
        Path empty = Files.createDirectory(dir.resolve("empty"));
        for (Path corpus : List.of(note, dir, empty)) {
            CliRun run = CliRun.of("eval", "--corpus", corpus.toString());
            assertThat(run.code()).as(corpus.toString()).isEqualTo(2);
            assertThat(run.out()).doesNotContain("documents");
            assertThat(run.err()).contains("no labelled documents", corpus.toString(), ".jsonl", ".ann", ".xml")
                    .doesNotContain("Velbrane");
        }
    }

    @Test
    void givenMalformedJson_whenEvaluated_thenExitTwoNamingTheFileAndLine() throws Exception {
        Path corpus = dir.resolve("notes.jsonl");
        Files.writeString(corpus, "{\"text\":\"Seen today.\",\"spans\":[]}\n"
                + "{\"text\":\"Called Velbrane at 617-555-0123\",\"spans\":[\n"); // cut off
        CliRun run = CliRun.of("eval", "--corpus", corpus.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains(corpus.toString(), "line 2", "not valid JSON")
                .doesNotContain("Exception").doesNotContain("Velbrane")
                .doesNotContain("555-0123"); // (not "617" alone: the temporary folder's random name may hold it)
    }

    @Test
    void givenGeneratedNotes_whenEvaluated_thenTheCommandSucceedsAndUsageErrorsAreTwo() {
        assertThat(PhiStreamCli.execute("eval", "--generated", "20")).isZero();
        assertThat(PhiStreamCli.execute("eval")).isEqualTo(2);
    }

    @Test
    void givenACorpus_whenEvaluatedWithAndWithoutTheTokenModel_thenOnlyTheModelFindsTheSurnameNoListHolds(
            @TempDir Path dir) throws Exception {
        String text = "COUSIN ATLAN VELBRANE 509-555-0168 SAYS PT WAS WELL.";
        int start = text.indexOf("VELBRANE");
        Path corpus = dir.resolve("note.jsonl");
        Files.writeString(corpus, "{\"id\":\"n1\",\"text\":\"" + text + "\",\"spans\":[{\"type\":\"NAME\",\"start\":"
                + start + ",\"end\":" + (start + "VELBRANE".length()) + "}]}\n");
        assertThat(nameRecall(corpus.toString())).isEqualTo("1.000");
        assertThat(nameRecall(corpus.toString(), "--rules-only")).isEqualTo("0.000");
    }

    @Test
    void givenACorpusAndForms_whenEvaluated_thenOneOverallRowPerFormAfterTheReport(@TempDir Path dir) throws Exception {
        String text = "Daughter Rosalind Abernethy called 617-555-0123 re: d/c.";
        Path corpus = dir.resolve("note.jsonl");
        Files.writeString(corpus, "{\"id\":\"n1\",\"text\":\"" + text + "\",\"spans\":[{\"type\":\"PHONE\",\"start\":"
                + text.indexOf("617") + ",\"end\":" + (text.indexOf("617") + 12) + "}]}\n");

        List<String> lines = evalOutput("eval", "--corpus", corpus.toString(), "--forms").lines().toList();
        List<String> forms = lines.subList(lines.indexOf(lines.stream().filter(l -> l.startsWith("form "))
                .findFirst().orElseThrow()) + 1, lines.size());
        assertThat(forms).extracting(l -> l.substring(0, 24).strip()).containsExactly("as written",
                "wrapped at 72 columns", "upper case", "lower case", "Title Case", "one line", "no-break spaces",
                "en dashes for hyphens", "fullwidth digits");
        assertThat(forms).allMatch(l -> l.substring(24).trim().startsWith("1 ")); // the one gold span in every form
    }



    /** The NAME row's span recall that `eval` prints. */
    private static String nameRecall(String corpus, String... more) {
        List<String> args = new ArrayList<>(List.of("eval", "--corpus", corpus));
        args.addAll(List.of(more));
        String row = evalOutput(args.toArray(String[]::new)).lines().filter(l -> l.startsWith("NAME"))
                .findFirst().orElseThrow();
        return row.trim().split("\\s+")[5];
    }

    /** What the command prints; it must exit 0. */
    private static String evalOutput(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(PhiStreamCli.execute(args)).isZero();
        } finally {
            System.setOut(old);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
