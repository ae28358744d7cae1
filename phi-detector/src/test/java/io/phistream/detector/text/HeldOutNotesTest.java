package io.phistream.detector.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.text.eval.EvalReport;
import io.phistream.detector.text.eval.Evaluator;
import io.phistream.detector.text.eval.GoldDocument;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Figures on hand-written ICU nursing notes (terse ALL-CAPS MICU/CCU/SICU/NICU progress notes, lower-case and
 * mixed-case notes; synthetic, labelled by hand in {@code heldout/*.src.txt}). Batch 1 was written and scored once
 * before any detector change (its first-pass figures are in README-text.md); later rules were written after studying
 * its errors, so it is now a regression guard. Batch 2 was written after those changes and scored once without further
 * tuning. Batch 3 (other units and note habits) was written and scored once before the third round of rules, which
 * were then written from its errors; batch 4 was written after them and scored once without further changes. Batch 5
 * (mostly lower-case notes with scattered capitals) was written and scored once before the round-4 case rules, which
 * were then written from its errors, so it is a regression guard, not a blind figure. Batch 6 (other disciplines:
 * respiratory therapy, pharmacy, nutrition, wound care, chaplaincy, telephone encounters, transfer forms) was written
 * after the round-4 rules and scored once before the round-5 rules, which were then written from its errors; batch 7
 * (discharge summaries, operative and radiology reports, letters, social work, hospice) likewise before round 6. The
 * floors sit a little under the figures reached; they guard against regressions and are not claims. Batches 8 (ICU
 * nursing notes in the PhysioNet corpus's manner) and 9 (ED, hospitalist, NICU, psychiatry, obstetrics, EMS) were written
 * by other hands than the detector's, blind to its rules, and scored once before the round-7 rules written from them;
 * so were batches 10-15 (ALL-CAPS ICU notes, hospitals outside New England, MIMIC-era nursing notes, longitudinal
 * outpatient records, Mid-Atlantic ICU notes, safety-net hospital notes), each before the rules written from it.
 */
class HeldOutNotesTest {
    // quality, not speed: a generous budget keeps a loaded machine from failing notes closed
    private final Evaluator evaluator = new Evaluator(TextPhiDetector.withConfig(
            TextPhiDetector.Config.DEFAULT.withTimeBudget(java.time.Duration.ofSeconds(10))));

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(HeldOutNotesTest.class.getResource("heldout/" + name).toURI());
    }

    @Test
    void givenHandWrittenIcuNotesBatch1_whenEvaluated_thenFloorsHold()
            throws IOException, URISyntaxException {
        List<GoldDocument> docs = Evaluator.read(resource("batch1.jsonl"));
        assertThat(docs).hasSize(61);
        EvalReport r = evaluator.evaluate("held-out ICU notes, batch 1", docs);
        System.out.println(r.render());
        // first pass (before any change): P 0.938 / R 0.919; now 0.996 / 0.984 after rules written from its errors
        assertThat(r.span().recall()).as("span recall").isGreaterThanOrEqualTo(0.97);
        assertThat(r.span().precision()).as("span precision").isGreaterThanOrEqualTo(0.98);
    }

    @Test
    void givenHandWrittenIcuNotesBatch2_whenEvaluated_thenFloorsHold()
            throws IOException, URISyntaxException {
        List<GoldDocument> docs = Evaluator.read(resource("batch2.jsonl"));
        assertThat(docs).hasSize(20);
        EvalReport r = evaluator.evaluate("held-out ICU notes, batch 2", docs);
        System.out.println(r.render());
        // blind run (once, after the batch-1 rules): P 0.965 / R 0.922; now 0.967 / 0.967 after one more rule
        // (lower-case notes whose only capitals are abbreviations are caseless)
        assertThat(r.span().recall()).as("span recall").isGreaterThanOrEqualTo(0.95);
        assertThat(r.span().precision()).as("span precision").isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void givenHandWrittenNotesBatch3_whenEvaluated_thenFloorsHold()
            throws IOException, URISyntaxException {
        List<GoldDocument> docs = Evaluator.read(resource("batch3.jsonl"));
        assertThat(docs).hasSize(51);
        EvalReport r = evaluator.evaluate("held-out notes, batch 3", docs);
        System.out.println(r.render());
        // first pass (before any change): P 0.949 / R 0.939; now 0.990 / 0.990 after rules written from its errors
        assertThat(r.span().recall()).as("span recall").isGreaterThanOrEqualTo(0.97);
        assertThat(r.span().precision()).as("span precision").isGreaterThanOrEqualTo(0.97);
    }

    @Test
    void givenHandWrittenNotesBatch4_whenEvaluated_thenFloorsHold()
            throws IOException, URISyntaxException {
        List<GoldDocument> docs = Evaluator.read(resource("batch4.jsonl"));
        assertThat(docs).hasSize(20);
        EvalReport r = evaluator.evaluate("held-out notes, batch 4", docs);
        System.out.println(r.render());
        // blind run (once, after the batch-3 rules): P 0.968 / R 0.953; 0.969 / 0.984 after the round-4 case rules
        assertThat(r.span().recall()).as("span recall").isGreaterThanOrEqualTo(0.97);
        assertThat(r.span().precision()).as("span precision").isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void givenHandWrittenLowerCaseNotesBatch5_whenEvaluated_thenFloorsHold()
            throws IOException, URISyntaxException {
        List<GoldDocument> docs = Evaluator.read(resource("batch5.jsonl"));
        assertThat(docs).hasSize(12);
        EvalReport r = evaluator.evaluate("held-out notes, batch 5", docs);
        System.out.println(r.render());
        // first pass (before any change, gold as corrected): P 0.917 / R 0.564; 0.950 / 0.974 after the round-4 rules
        assertThat(r.span().recall()).as("span recall").isGreaterThanOrEqualTo(0.96);
        assertThat(r.span().precision()).as("span precision").isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void givenHandWrittenNotesFromOtherDisciplinesBatch6_whenEvaluated_thenFloorsHold()
            throws IOException, URISyntaxException {
        List<GoldDocument> docs = Evaluator.read(resource("batch6.jsonl"));
        assertThat(docs).hasSize(26);
        EvalReport r = evaluator.evaluate("held-out notes, batch 6", docs);
        System.out.println(r.render());
        // blind run (once, after the round-4 rules, before any change): P 0.974 / R 0.943; 0.994 / 0.981 after the
        // round-5 rules written from its errors
        assertThat(r.span().recall()).as("span recall").isGreaterThanOrEqualTo(0.97);
        assertThat(r.span().precision()).as("span precision").isGreaterThanOrEqualTo(0.98);
    }

    @Test
    void givenHandWrittenDischargeProcedureRadiologyLettersAndHomeHealthBatch7_whenEvaluated_thenFloorsHold()
            throws IOException, URISyntaxException {
        List<GoldDocument> docs = Evaluator.read(resource("batch7.jsonl"));
        assertThat(docs).hasSize(15);
        EvalReport r = evaluator.evaluate("held-out notes, batch 7", docs);
        System.out.println(r.render());
        // blind run (once, after the round-5 rules, before any change): P 0.959 / R 0.959; 0.967 / 0.975 after the
        // round-6
        // rules written from its errors
        assertThat(r.span().recall()).as("span recall").isGreaterThanOrEqualTo(0.96);
        assertThat(r.span().precision()).as("span precision").isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void givenHandWrittenPhysioNetStyleIcuNursingNotesBatch8_whenEvaluated_thenFloorsHold()
            throws IOException, URISyntaxException {
        List<GoldDocument> docs = Evaluator.read(resource("batch8.jsonl"));
        assertThat(docs).hasSize(22);
        EvalReport r = evaluator.evaluate("held-out notes, batch 8", docs);
        System.out.println(r.render());
        // blind run (once, after the round-6 rules, before any change; written by another hand): P 0.958 / R 0.973;
        // 0.989 / 1.000 after the round-7 rules written from its and batch 9's errors
        assertThat(r.span().recall()).as("span recall").isGreaterThanOrEqualTo(0.98);
        assertThat(r.span().precision()).as("span precision").isGreaterThanOrEqualTo(0.97);
    }

    @Test
    void givenHandWrittenEdHospitalistNicuPsychObstetricAndEmsNotesBatch9_whenEvaluated_thenFloorsHold()
            throws IOException, URISyntaxException {
        List<GoldDocument> docs = Evaluator.read(resource("batch9.jsonl"));
        assertThat(docs).hasSize(22);
        EvalReport r = evaluator.evaluate("held-out notes, batch 9", docs);
        System.out.println(r.render());
        // blind run (once, after the round-6 rules, before any change; written by another hand): P 0.959 / R 0.927;
        // 0.989 / 0.996 after the round-7 rules written from its and batch 8's errors
        assertThat(r.span().recall()).as("span recall").isGreaterThanOrEqualTo(0.98);
        assertThat(r.span().precision()).as("span precision").isGreaterThanOrEqualTo(0.97);
    }

    @Test
    void givenHandWrittenAllCapsIcuNursingNotesBatch10_whenEvaluated_thenFloorsHold()
            throws IOException, URISyntaxException {
        List<GoldDocument> docs = Evaluator.read(resource("batch10.jsonl"));
        assertThat(docs).hasSize(22);
        EvalReport r = evaluator.evaluate("held-out notes, batch 10", docs);
        System.out.println(r.render());
        // blind run (once, after the round-7 rules; another hand): P 0.957 / R 0.968; 0.995 / 1.000 after rules from
        // its errors
        assertThat(r.span().recall()).as("span recall").isGreaterThanOrEqualTo(0.98);
        assertThat(r.span().precision()).as("span precision").isGreaterThanOrEqualTo(0.97);
    }

    @Test
    void givenHandWrittenNotesFromHospitalsOutsideNewEnglandBatch11_whenEvaluated_thenFloorsHold()
            throws IOException, URISyntaxException {
        List<GoldDocument> docs = Evaluator.read(resource("batch11.jsonl"));
        assertThat(docs).hasSize(22);
        EvalReport r = evaluator.evaluate("held-out notes, batch 11", docs);
        System.out.println(r.render());
        // blind run (once, after the round-7 rules; another hand): P 0.955 / R 0.945; 0.993 / 1.000 after rules from
        // its errors
        assertThat(r.span().recall()).as("span recall").isGreaterThanOrEqualTo(0.98);
        assertThat(r.span().precision()).as("span precision").isGreaterThanOrEqualTo(0.97);
    }

    @Test
    void givenHandWrittenMimicEraNursingNotesBatch12_whenEvaluated_thenFloorsHold()
            throws IOException, URISyntaxException {
        List<GoldDocument> docs = Evaluator.read(resource("batch12.jsonl"));
        assertThat(docs).hasSize(24);
        EvalReport r = evaluator.evaluate("held-out notes, batch 12", docs);
        System.out.println(r.render());
        // blind run (once, after the round-8 rules; another hand): P 0.933 / R 0.979; 0.976 / 0.996 after the rules
        // from its errors
        assertThat(r.span().recall()).as("span recall").isGreaterThanOrEqualTo(0.98);
        assertThat(r.span().precision()).as("span precision").isGreaterThanOrEqualTo(0.96);
    }

    @Test
    void givenHandWrittenLongitudinalOutpatientRecordsBatch13_whenEvaluated_thenFloorsHold()
            throws IOException, URISyntaxException {
        List<GoldDocument> docs = Evaluator.read(resource("batch13.jsonl"));
        assertThat(docs).hasSize(20);
        EvalReport r = evaluator.evaluate("held-out notes, batch 13", docs);
        System.out.println(r.render());
        // blind run (once, after the round-8 rules; another hand): P 0.961 / R 0.920; 0.995 / 0.998 after the rules
        // from its errors
        assertThat(r.span().recall()).as("span recall").isGreaterThanOrEqualTo(0.98);
        assertThat(r.span().precision()).as("span precision").isGreaterThanOrEqualTo(0.98);
    }

    @Test
    void givenHandWrittenMidAtlanticAndGreatLakesIcuNotesBatch14_whenEvaluated_thenFloorsHold()
            throws IOException, URISyntaxException {
        List<GoldDocument> docs = Evaluator.read(resource("batch14.jsonl"));
        assertThat(docs).hasSize(24);
        EvalReport r = evaluator.evaluate("held-out notes, batch 14", docs);
        System.out.println(r.render());
        // blind run (once, after the batch 12-13 names rules; another hand): P 0.965 / R 0.941; 0.975 / 0.971 after the
        // rules from its errors
        assertThat(r.span().recall()).as("span recall").isGreaterThanOrEqualTo(0.96);
        assertThat(r.span().precision()).as("span precision").isGreaterThanOrEqualTo(0.96);
    }

    @Test
    void givenHandWrittenSafetyNetHospitalNotesBatch15_whenEvaluated_thenFloorsHold()
            throws IOException, URISyntaxException {
        List<GoldDocument> docs = Evaluator.read(resource("batch15.jsonl"));
        assertThat(docs).hasSize(21);
        EvalReport r = evaluator.evaluate("held-out notes, batch 15", docs);
        System.out.println(r.render());
        // blind run (once, after the batch 12-13 names rules; another hand): P 0.980 / R 0.953; 0.993 / 0.980 after the
        // rules from its errors
        assertThat(r.span().recall()).as("span recall").isGreaterThanOrEqualTo(0.97);
        assertThat(r.span().precision()).as("span precision").isGreaterThanOrEqualTo(0.98);
    }

    @Test
    void givenHandWrittenWestAndMountainIcuNotesBatch16_whenEvaluated_thenFloorsHold()
            throws IOException, URISyntaxException {
        List<GoldDocument> docs = Evaluator.read(resource("batch16.jsonl"));
        assertThat(docs).hasSize(22);
        EvalReport r = evaluator.evaluate("held-out notes, batch 16", docs);
        System.out.println(r.render());
        // blind run (once, after the round-9 rules; another hand): P 0.936 / R 0.971; 0.972 / 0.986 after the round-10
        // rules
        assertThat(r.span().recall()).as("span recall").isGreaterThanOrEqualTo(0.97);
        assertThat(r.span().precision()).as("span precision").isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void givenHandWrittenUpperMidwestClinicNotesBatch17_whenEvaluated_thenFloorsHold()
            throws IOException, URISyntaxException {
        List<GoldDocument> docs = Evaluator.read(resource("batch17.jsonl"));
        assertThat(docs).hasSize(20);
        EvalReport r = evaluator.evaluate("held-out notes, batch 17", docs);
        System.out.println(r.render());
        // blind run (once, after the round-10 dates and names rules, before the ages after names): P 0.957 / R 0.968;
        // 0.957 / 0.983 after
        assertThat(r.span().recall()).as("span recall").isGreaterThanOrEqualTo(0.97);
        assertThat(r.span().precision()).as("span precision").isGreaterThanOrEqualTo(0.94);
    }

    @Test
    void givenHandWrittenNewYorkAreaIcuNotesBatch18_whenEvaluated_thenFloorsHold()
            throws IOException, URISyntaxException {
        List<GoldDocument> docs = Evaluator.read(resource("batch18.jsonl"));
        assertThat(docs).hasSize(25);
        EvalReport r = evaluator.evaluate("held-out notes, batch 18", docs);
        System.out.println(r.render());
        // blind run (once, after the round-10 rules; another hand): P 0.952 / R 0.919; 0.980 / 0.961 after the rules
        // from its errors
        assertThat(r.span().recall()).as("span recall").isGreaterThanOrEqualTo(0.95);
        assertThat(r.span().precision()).as("span precision").isGreaterThanOrEqualTo(0.96);
    }

    @Test
    void givenHandWrittenNteObxAndAnnotationTextBatch19_whenEvaluated_thenFloorsHold()
            throws IOException, URISyntaxException {
        List<GoldDocument> docs = Evaluator.read(resource("batch19.jsonl"));
        assertThat(docs).hasSize(24);
        EvalReport r = evaluator.evaluate("held-out notes, batch 19", docs);
        System.out.println(r.render());
        // blind run (once, after the round-10 rules; another hand): P 0.894 / R 0.978; 0.978 / 0.978 after the rules
        // from its errors
        assertThat(r.span().recall()).as("span recall").isGreaterThanOrEqualTo(0.97);
        assertThat(r.span().precision()).as("span precision").isGreaterThanOrEqualTo(0.96);
    }

    @Test
    void givenHandWrittenSouthernIcuNotesBatch20_whenEvaluated_thenFloorsHold()
            throws IOException, URISyntaxException {
        List<GoldDocument> docs = Evaluator.read(resource("batch20.jsonl"));
        assertThat(docs).hasSize(23);
        EvalReport r = evaluator.evaluate("held-out notes, batch 20", docs);
        System.out.println(r.render());
        // blind run (once, after the round-11 rules; another hand): P 0.972 / R 0.929; 1.000 / 0.929 after the names
        // and dates written from its errors (its place misses are left)
        assertThat(r.span().recall()).as("span recall").isGreaterThanOrEqualTo(0.92);
        assertThat(r.span().precision()).as("span precision").isGreaterThanOrEqualTo(0.98);
    }

    @Test
    void givenHandWrittenPhysioNetStyleBostonIcuNotesBatch21_whenEvaluated_thenFloorsHold()
            throws IOException, URISyntaxException {
        List<GoldDocument> docs = Evaluator.read(resource("batch21.jsonl"));
        assertThat(docs).hasSize(24);
        EvalReport r = evaluator.evaluate("held-out notes, batch 21", docs);
        System.out.println(r.render());
        // blind run (once, after the round-11 rules; another hand): P 0.966 / R 0.947; 1.000 / 0.954 after the names
        // and dates written from its errors (its place misses are left)
        assertThat(r.span().recall()).as("span recall").isGreaterThanOrEqualTo(0.94);
        assertThat(r.span().precision()).as("span precision").isGreaterThanOrEqualTo(0.98);
    }
}
