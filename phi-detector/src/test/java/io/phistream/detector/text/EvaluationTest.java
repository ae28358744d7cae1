package io.phistream.detector.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phistream.detector.PhiType;
import io.phistream.detector.text.eval.ClinicalNoteGenerator;
import io.phistream.detector.text.eval.EvalReport;
import io.phistream.detector.text.eval.Evaluator;
import io.phistream.detector.text.eval.GoldDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Figures on both corpora (printed to the test's output file). The floors on the generated notes are
 * set a little under what the detector reaches on seeds that were never used while developing it
 * (development used seed 1); they guard against regressions, they are not the targets.
 */
class EvaluationTest {
    static final Path PII = Path.of("..", "..", "shared", "corpora", "pii-sentences");
    // quality, not speed, is measured here: a generous budget keeps a loaded CI machine from failing notes closed
    private final Evaluator evaluator = new Evaluator(TextPhiDetector.withConfig(
            TextPhiDetector.Config.DEFAULT.withTimeBudget(java.time.Duration.ofSeconds(10))));

    @Test
    void givenGeneratedClinicalNotesOnUnseenSeeds_thenRecallAndPrecisionFloorsHold() {
        for (long seed : new long[] {20_240_611L, 777L}) {
            List<GoldDocument> notes = new ClinicalNoteGenerator(seed).generate(400);
            EvalReport r = evaluator.evaluate("generated(seed=" + seed + ")", notes);
            System.out.println(r.render());
            assertThat(r.span().recall()).as("span recall").isGreaterThanOrEqualTo(0.98);
            assertThat(r.span().precision()).as("span precision").isGreaterThanOrEqualTo(0.97);
            assertThat(r.token().recall()).as("token recall").isGreaterThanOrEqualTo(0.98);
            assertThat(r.span(PhiType.NAME).recall()).as("name recall").isGreaterThanOrEqualTo(0.98);
        }
    }

    @Test
    void givenSharedPiiSentences_thenFiguresReported() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(PII), "../shared/corpora/pii-sentences absent: skipped");
        EvalReport r = evaluator.evaluate(PII);
        System.out.println(r.render());
        assertThat(r.documents()).isEqualTo(3609);
        // general, largely non-US PII (foreign streets and towns): far from clinical notes; floors at what we reach
        // (the token model retrained on batches 1-89: P 0.906 -> 0.899 at the same recall; its threshold lowered from
        // 0.15 to 0.07: P 0.841 / R 0.852; v3, which also judges short dates, retrained on 1-105: P 0.830 / R 0.855;
        // v4, with initials and ordinal days, retrained on 1-121: P 0.827 / R 0.856; v5, with ages, on 1-145: P 0.840 /
        // R 0.861)
        assertThat(r.span().precision()).isGreaterThanOrEqualTo(0.82);
        assertThat(r.span().recall()).isGreaterThanOrEqualTo(0.80);
    }

    @Test
    void givenGeneratedNotesWrittenAsJsonLines_whenRead_thenSameDocuments(@TempDir Path dir) throws IOException {
        List<GoldDocument> notes = new ClinicalNoteGenerator(5).generate(20);
        Evaluator.write(notes, dir.resolve("notes.jsonl"));
        List<GoldDocument> back = Evaluator.read(dir);
        assertThat(back).hasSize(20);
        assertThat(back.get(3).text()).isEqualTo(notes.get(3).text());
        assertThat(back.get(3).spans()).hasSameSizeAs(notes.get(3).spans());
    }

    @Test
    void givenBratAndI2b2Files_whenRead_thenLabelsMappedAndNonPhiIgnored(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.txt"), "Seen by Dr. Smith in Boston on 3/4, a nurse.");
        Files.writeString(dir.resolve("a.ann"), "T1\tDOCTOR 12 17\tSmith\nT2\tCITY 21 27\tBoston\nT3\tDATE 31 34\t3/4\n"
                + "T4\tPROFESSION 38 43\tnurse\n");
        Files.writeString(dir.resolve("b.xml"), "<?xml version=\"1.0\"?><deIdi2b2><TEXT><![CDATA[Pt is a 93 yo, MRN 12345.]]></TEXT>"
                + "<TAGS><AGE id=\"P0\" start=\"8\" end=\"10\" text=\"93\" TYPE=\"AGE\" comment=\"\" />"
                + "<ID id=\"P1\" start=\"19\" end=\"24\" text=\"12345\" TYPE=\"MEDICALRECORD\" comment=\"\" /></TAGS></deIdi2b2>");
        List<GoldDocument> docs = Evaluator.read(dir);
        assertThat(docs).hasSize(2);
        GoldDocument brat = docs.stream().filter(d -> d.id().equals("a.txt")).findFirst().orElseThrow();
        assertThat(brat.spans()).extracting(s -> s.type()).containsExactly(PhiType.NAME, PhiType.GEO, PhiType.DATE, null);
        EvalReport r = evaluator.evaluate("tiny", docs);
        assertThat(r.span().recall()).isEqualTo(1.0);
        assertThat(r.span().fn()).isZero();
    }

    @Test
    void givenMalformedCorpusFiles_whenRead_thenTheErrorNamesFileAndLineWithoutTheirText(@TempDir Path dir)
            throws IOException {
        Path list = Files.writeString(dir.resolve("list.json"), "\n\n[\n {\"full_text\": \"Seen by Velbrane\",\n"
                + "  \"spans\": [}\n]\n"); // '}' where a span belongs, on the file's line 5
        assertThatThrownBy(() -> Evaluator.read(list))
                .hasMessageStartingWith(list + ", line 5: not valid JSON").hasMessageNotContaining("Velbrane");
        Path lines = Files.writeString(dir.resolve("notes.jsonl"), "{\"text\": \"ok\", \"spans\": []}\n\n"
                + "{\"text\": \"Velbrane\n");
        assertThatThrownBy(() -> Evaluator.read(lines)).hasMessageStartingWith(lines + ", line 3: not valid JSON")
                .hasMessageNotContaining("Velbrane");
        Files.writeString(dir.resolve("a.txt"), "Seen by Velbrane.");
        Path ann = Files.writeString(dir.resolve("a.ann"), "T1\tDOCTOR 8 16\tVelbrane\nT2\tDOCTOR x 16\tVelbrane\n");
        assertThatThrownBy(() -> Evaluator.read(ann)).hasMessageStartingWith(ann + ", line 2: ")
                .hasMessageNotContaining("Velbrane");
    }

    @Test
    void givenLabelsThatAreNotSafeHarborPhi_thenMappedToNull() {
        assertThat(Evaluator.map("ORGANIZATION", "Acme")).isNull();
        assertThat(Evaluator.map("AGE", "45")).isNull();
        assertThat(Evaluator.map("AGE", "92")).isEqualTo(PhiType.AGE);
        assertThat(Evaluator.map("DATE_TIME", "the weekend")).isNull();
        assertThat(Evaluator.map("DATE_TIME", "5/19/1937")).isEqualTo(PhiType.DATE);
        assertThat(Evaluator.map("GPE", "Texas")).isNull();
        assertThat(Evaluator.map("GPE", "Worcester")).isEqualTo(PhiType.GEO);
    }
}
