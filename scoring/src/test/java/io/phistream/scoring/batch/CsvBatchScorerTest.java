package io.phistream.scoring.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.KeysetHandle;
import io.phistream.scoring.bundle.ApprovalStatus;
import io.phistream.scoring.bundle.ModelBundle;
import io.phistream.scoring.bundle.TestBundles;
import io.phistream.scoring.models.SyntheticVitals;
import io.phistream.scoring.news2.News2Reference;
import io.phistream.scoring.news2.News2Result;
import io.phistream.scoring.news2.VitalSigns;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvBatchScorerTest {

    @TempDir
    Path tmp;
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(tmp.resolve(name), content);
    }

    @Test
    void givenVitalsCsv_whenScoredWithNews2_thenEachRowGetsTheReferenceScoreBandAndPoints() throws Exception {
        StringBuilder in = new StringBuilder("id,rr,spo2,spo2_scale,o2,sbp,hr,acvpu,temp\n");
        SplittableRandom r = new SplittableRandom(11);
        List<VitalSigns> vitals = new java.util.ArrayList<>();
        for (int i = 0; i < 600; i++) { // more than two internal batches
            VitalSigns v = SyntheticVitals.broad(r);
            vitals.add(v);
            in.append(String.format(Locale.ROOT, "r%d,%s,%s,%d,%d,%s,%s,%c,%s%n", i, (int) v.rr(), (int) v.spo2(),
                    v.spo2Scale(), v.onOxygen() ? 1 : 0, (int) v.sbp(), (int) v.hr(), v.acvpu(), v.temp()));
        }
        Path out = tmp.resolve("out.csv");
        int rc = new CsvBatchScorer(null).run("news2", write("in.csv", in.toString()), out, err);
        assertThat(rc).as(err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("id,rr,spo2,spo2_scale,o2,sbp,hr,acvpu,temp,news2,band,"
                + "points_rr,points_spo2,points_o2,points_sbp,points_hr,points_acvpu,points_temp");
        assertThat(lines).hasSize(601);
        for (int i = 0; i < vitals.size(); i++) {
            String[] cells = lines.get(i + 1).split(",");
            News2Result expected = News2Reference.score(vitals.get(i));
            assertThat(cells[0]).isEqualTo("r" + i);
            assertThat(cells[9]).isEqualTo(Integer.toString(expected.score()));
            assertThat(cells[10]).isEqualTo(expected.band().label());
            for (int p = 0; p < 7; p++) {
                assertThat(cells[11 + p]).isEqualTo(Integer.toString(expected.parameterPoints()[p]));
            }
        }
    }

    @Test
    void givenColumnsInAnotherOrderAndLowerCaseCodes_whenScored_thenRead() throws Exception {
        Path in = write("in.csv", "temp,acvpu,hr,sbp,o2,spo2_scale,spo2,rr\n39.5,v,135,85,1,2,97,30\n");
        Path out = tmp.resolve("o.csv");
        assertThat(new CsvBatchScorer(null).run("news2", in, out, err)).isZero();
        // rr 3, spo2 scale 2 on O2 at 97 3, O2 2, sbp 3, hr 3, acvpu 3, temp 2
        assertThat(Files.readAllLines(out).get(1)).startsWith("39.5,v,135,85,1,2,97,30,19,high,3,3,2,3,3,3,2");
    }

    @Test
    void givenTheDeteriorationModel_whenScored_thenRiskAndABandFromTheManifestThresholds() throws Exception {
        Path in = write("in.csv", "rr,spo2,spo2_scale,o2,sbp,hr,acvpu,temp\n16,98,1,0,120,75,A,37.0\n28,88,1,1,85,130,V,39.5\n");
        Path out = tmp.resolve("o.csv");
        assertThat(new CsvBatchScorer(null).run("deterioration", in, out, err)).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).endsWith(",risk,band");
        String[] calm = lines.get(1).split(",");
        String[] sick = lines.get(2).split(",");
        assertThat(Double.parseDouble(calm[8])).isLessThan(0.15);
        assertThat(calm[9]).isEqualTo("low");
        assertThat(Double.parseDouble(sick[8])).isGreaterThan(0.6);
        assertThat(sick[9]).isEqualTo("high");
    }

    @Test
    void givenBadRows_whenScored_thenEachProblemNamesLineAndColumnWithoutValuesAndNoOutputIsWritten() throws Exception {
        Path in = write("in.csv", String.join("\n",
                "rr,spo2,spo2_scale,o2,sbp,hr,acvpu,temp",
                "16,97,1,0,120,70,A,37.0",
                "16,97,3,0,120,70,A,37.0",
                "",
                "16,97,1,0,120,seventy-three,A,37.0",
                "16,97,1,0,120,70,Q,37.0",
                "16,977,1,0,120,70,A,",
                "16,97,1,0",
                "16,97,1,0,120,70,A,NaN") + "\n");
        Path out = tmp.resolve("o.csv");
        int rc = new CsvBatchScorer(null).run("news2", in, out, err);
        assertThat(rc).isEqualTo(CsvBatchScorer.BAD_INPUT);
        assertThat(err()).contains(
                "line 3, column spo2_scale: must be one of 1, 2",
                "line 5, column hr: not a number",
                "line 6, column acvpu: must be one of A, C, P, U, V",
                "line 7, column spo2: out of range 0..100",
                "line 7, column temp: empty",
                "line 8: expected 8 columns, found 4",
                "line 9, column temp: not a number",
                "no output written: 6 bad row(s)");
        assertThat(err()).doesNotContain("seventy", "977", "Q,");
        assertThat(out).doesNotExist();
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("in.csv");
        }
    }

    @Test
    void givenAMissingColumn_whenScored_thenReportedOnLine1() throws Exception {
        Path in = write("in.csv", "rr,spo2,o2,sbp,hr,acvpu,temp\n16,97,0,120,70,A,37\n");
        assertThat(new CsvBatchScorer(null).run("news2", in, tmp.resolve("o.csv"), err)).isEqualTo(CsvBatchScorer.BAD_INPUT);
        assertThat(err()).contains("line 1: missing column spo2_scale");
    }

    @Test
    void givenAnExistingOutputFile_whenAnotherRunFails_thenItIsLeftUntouched() throws Exception {
        Path out = write("o.csv", "previous\n");
        Path in = write("in.csv", "rr,spo2,spo2_scale,o2,sbp,hr,acvpu,temp\nx,97,1,0,120,70,A,37\n");
        new CsvBatchScorer(null).run("news2", in, out, err);
        assertThat(Files.readString(out)).isEqualTo("previous\n");
    }

    @Test
    void givenASignedBundleDirectory_whenScoredWithTheApproverKey_thenItsOutputsAreWritten() throws Exception {
        KeysetHandle key = TestBundles.newApproverKey();
        Path bundle = TestBundles.signedConstant(tmp.resolve("bundle"), "risk", "1.0.0", 0.55f, key, ApprovalStatus.APPROVED);
        Path in = write("in.csv", "rr,spo2,spo2_scale,o2,sbp,hr,acvpu,temp\n16,97,1,0,120,70,A,37\n");
        Path out = tmp.resolve("o.csv");
        assertThat(new CsvBatchScorer(TestBundles.verifier(key)).run(bundle.toString(), in, out, err)).as(err()).isZero();
        assertThat(Files.readAllLines(out)).containsExactly(
                "rr,spo2,spo2_scale,o2,sbp,hr,acvpu,temp,score,band", "16,97,1,0,120,70,A,37,0.55,medium");
    }

    @Test
    void givenATamperedBundleOrNoApproverKey_whenScored_thenModelRejected() throws Exception {
        KeysetHandle key = TestBundles.newApproverKey();
        Path bundle = TestBundles.signedConstant(tmp.resolve("bundle"), "risk", "1.0.0", 0.55f, key, ApprovalStatus.APPROVED);
        Files.write(bundle.resolve(ModelBundle.MODEL_FILE), TestBundles.constantModel(0.1f));
        Path in = write("in.csv", "rr,spo2,spo2_scale,o2,sbp,hr,acvpu,temp\n16,97,1,0,120,70,A,37\n");
        assertThat(new CsvBatchScorer(TestBundles.verifier(key)).run(bundle.toString(), in, tmp.resolve("o.csv"), err))
                .isEqualTo(CsvBatchScorer.BAD_MODEL);
        assertThat(err()).contains("MODEL_HASH_MISMATCH");
        assertThat(new CsvBatchScorer(null).run(bundle.toString(), in, tmp.resolve("o.csv"), err))
                .isEqualTo(CsvBatchScorer.BAD_MODEL);
        assertThat(new CsvBatchScorer(null).run("qsofa", in, tmp.resolve("o.csv"), err)).isEqualTo(CsvBatchScorer.BAD_MODEL);
        assertThat(tmp.resolve("o.csv")).doesNotExist();
    }

    @Test
    void givenQuotedCellsAndExtraColumns_whenScored_thenPassedThroughQuoted() throws Exception {
        Path in = write("in.csv", "note,rr,spo2,spo2_scale,o2,sbp,hr,acvpu,temp\n\"a, b\",16,97,1,0,120,70,A,37\n");
        Path out = tmp.resolve("o.csv");
        assertThat(new CsvBatchScorer(null).run("news2", in, out, err)).isZero();
        assertThat(Files.readAllLines(out).get(1)).startsWith("\"a, b\",16,");
    }

    @Test
    void givenAByteOrderMarkBeforeTheHeader_whenScored_thenTheFirstColumnIsFound() throws Exception {
        Path in = write("in.csv", "\uFEFFrr,spo2,spo2_scale,o2,sbp,hr,acvpu,temp\n16,97,1,0,120,70,A,37\n");
        Path out = tmp.resolve("o.csv");
        assertThat(new CsvBatchScorer(null).run("news2", in, out, err)).as(err()).isZero();
        assertThat(Files.readAllLines(out).get(1)).startsWith("16,97,1,0,120,70,A,37,0,low");
    }

    @Test
    void givenAnOutputFolderThatDoesNotExist_whenScored_thenTheOutputIsNamedAndNoRowIsCalledBad() throws Exception {
        Path in = write("in.csv", "rr,spo2,spo2_scale,o2,sbp,hr,acvpu,temp\n16,97,1,0,120,70,A,37\n");
        Path out = tmp.resolve("missing").resolve("o.csv");
        assertThat(new CsvBatchScorer(null).run("news2", in, out, err)).isEqualTo(CsvBatchScorer.BAD_INPUT);
        assertThat(err()).contains("cannot write " + out, "NoSuchFileException").doesNotContain("bad row");
    }
}
