package io.phistream.detector.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.phistream.detector.PhiType;
import io.phistream.detector.text.eval.ClinicalNoteGenerator;
import io.phistream.detector.text.eval.GoldDocument;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The token model: a second opinion that adds the words the rules left and it judges part of a name or a place. */
class TokenClassifierTest {
    private static final TextPhiDetector.Config GENEROUS = TextPhiDetector.Config.DEFAULT.withTimeBudget(Duration.ofSeconds(30));
    private static final TextPhiDetector WHOLE = TextPhiDetector.withConfig(GENEROUS);
    private static final TextPhiDetector RULES = TextPhiDetector.withConfig(GENEROUS.withTokenModel(false));

    private static List<String> found(TextPhiDetector d, String text) {
        return d.detect(text, DetectionContext.EMPTY).stream()
                .map(s -> text.substring(s.start(), s.end()) + "|" + s.type() + "|" + s.rule()).toList();
    }

    @Test
    void givenUnlistedSurnamesAndTownsInContextsTheRulesDoNotQuiteKnow_thenTheModelAddsThem() {
        // invented words no lexicon holds, in the shapes of notes the model learned from
        assertThat(found(WHOLE, "COUSIN ATLAN VELBRANE 509-555-0168 SAYS PT WAS WELL."))
                .contains("VELBRANE|NAME|model.token");
        assertThat(found(WHOLE, "SENDING MD DR TOVE QUARNSETH. ACCEPTING TRAUMA ATTG."))
                .contains("QUARNSETH|NAME|model.token");
        assertThat(found(WHOLE, "ROLLOVER, EJECTED, HWY 155 NR TESKAMOOT ~2330."))
                .anyMatch(s -> s.startsWith("TESKAMOOT|") && s.endsWith("|model.token"));
        assertThat(found(RULES, "COUSIN ATLAN VELBRANE 509-555-0168 SAYS PT WAS WELL."))
                .noneMatch(s -> s.startsWith("VELBRANE"));
    }

    @Test
    void givenABareValueOrLabel_thenPlainWordsAreNoNamesButNamesAreStillFound() {
        // an OBX's value, a code's text: four words or fewer, nothing around them to read; the model, which learns
        // mostly from sentences, had read each of these as a name (TokenClassifier.BARE_WORDS)
        for (String value : List.of("Yellow", "Cloudy", "Negative", "Hemolyzed", "Fasting", "Body Height",
                "Sinus Tachycardia", "Right Upper Lobe", "Hypertension", "Epilepsy", "Ankle")) {
            assertThat(found(WHOLE, value)).as(value).isEmpty();
        }
        // a bare word that looks like nothing but a name still is one, and the rules' names stand
        assertThat(found(WHOLE, "Quillane")).containsExactly("Quillane|NAME|model.token");
        assertThat(found(WHOLE, "Given to Tavisha")).containsExactly("Tavisha|NAME|model.token");
        assertThat(found(WHOLE, "-Marielys RN")).anyMatch(f -> f.startsWith("Marielys|NAME|"));
    }

    @Test
    void givenOrganismsAfterTheirGenussInitial_thenTheyAreNoNames_butAnInitialAndASurnameStillAre() {
        // the model had read species no name list holds as surnames after an initial
        for (String culture : List.of("A. BAUMANNII, S. MARCESCENS, E. CLOACAE, K. OXYTOCA, S. MALTOPHILIA",
                "B. FRAGILIS, M. TUBERCULOSIS AFB PENDING", "N. MENINGITIDIS ON CSF, L. MONOCYTOGENES",
                "BCX GROWING S. AUREUS, MSSA PER MICRO.")) {
            assertThat(found(WHOLE, culture)).as(culture).noneMatch(f -> f.contains("|NAME|"));
        }
        assertThat(found(WHOLE, "Report called to C.McG, RN at 1400.")).anyMatch(f -> f.startsWith("McG|NAME|"));
    }

    /** That the model alone finds {@code value} in {@code text}, as the type and rule given ("DATE|model.date"). */
    private static void onlyTheModelFinds(String text, String value, String typeAndRule) {
        assertThat(found(WHOLE, text)).as(text).contains(value + "|" + typeAndRule);
        assertThat(found(RULES, text)).as(text).noneMatch(f -> f.startsWith(value + "|"));
    }

    @Test
    void givenShortDatesAfterEventsTheRulesDoNotKnow_thenTheModelAddsThemAsDates() {
        String date = "DATE|" + TokenClassifier.DATE_RULE;
        onlyTheModelFinds("72 YO M S/P MVR 3.27 (DR. VOSKAN), HX RHEUMATIC HEART DZ.", "3.27", date);
        onlyTheModelFinds("KNOWN GRADE 3 VARICES, BANDED 3-12. OCTREOTIDE GTT.", "3-12", date);
        onlyTheModelFinds("fell off his boat 10/10, found clinging to a float", "10/10", date);
        onlyTheModelFinds("bcx 6/10 still +. ct surg consult", "6/10", date);
    }

    @Test
    void givenDottedInitialsSigningOrNamingSomeone_thenTheModelAddsThemAsNames() {
        String name = "NAME|" + TokenClassifier.RULE;
        onlyTheModelFinds("ivs d/c'd, skin intact. /k.l. rn", "k.l.", name);
        onlyTheModelFinds("TURNED Q2H, TOLERATED WELL. -- A.B., RN", "A.B.", name);
        onlyTheModelFinds("rn kerry and rt j.m.t. assisted with the turn", "j.m.t.", name);
    }

    @Test
    void givenAnAgeOverEightyNineThatNoRuleReads_thenTheModelAddsIt_butNotAVitalSignOrALabValue() {
        String age = "AGE|" + TokenClassifier.AGE_RULE;
        onlyTheModelFinds("pt says \"I'm 96, I'm going home.\"", "96", age);
        onlyTheModelFinds("no other kin; mother died in 2011 at 90.", "90", age);
        String vitals = "HR 96, SBP 110/60, sats 94% on 2L, BS 102, temp 99.1, wt 101 kg, UOP 95 cc/hr, plt 97";
        Scan s = RULES.rules(vitals, null, new Budget(Duration.ofSeconds(30).toNanos()));
        TokenClassifier.View v = new TokenClassifier.View(s);
        for (String notAnAge : List.of("110", "94", "99")) {
            int t = s.tokenAt(vitals.indexOf(notAnAge));
            assertThat(TokenClassifier.otherCandidate(s, t, v, TokenClassifier.AGE)).as(notAnAge).isEqualTo(-1);
        }
        assertThat(found(WHOLE, vitals)).noneMatch(f -> f.contains("|AGE|"));
    }

    @Test
    void givenDottedLatinAbbreviations_thenTheyAreNoInitials() {
        String text = "take 1 tab p.o. b.i.d., i.e. with meals, and q.h.s. prn; seen at 9 a.m. by the n.p.";
        Scan s = RULES.rules(text, null, new Budget(Duration.ofSeconds(30).toNanos()));
        TokenClassifier.View v = new TokenClassifier.View(s);
        for (String abbreviation : List.of("p.o.", "b.i.d.", "i.e.", "q.h.s.", "a.m.", "n.p.")) {
            int t = s.tokenAt(text.indexOf(abbreviation));
            assertThat(TokenClassifier.otherCandidate(s, t, v, TokenClassifier.INITIALS)).as(abbreviation).isEqualTo(-1);
        }
        assertThat(found(WHOLE, text)).noneMatch(f -> f.endsWith("|" + TokenClassifier.RULE));
    }

    @Test
    void givenAnOrdinalDayOfAnEvent_thenTheModelAddsItAsADate_butNotAnOrdinalThatCountsSomething() {
        String events = "adm the 4th w/ adhf. court date the 24TH in brockton.";
        assertThat(found(WHOLE, events)).contains("4th|DATE|" + TokenClassifier.DATE_RULE,
                "24TH|DATE|" + TokenClassifier.DATE_RULE);
        String counts = "PMI 5th ICS, 2nd dose given, 3rd floor, 1st degree AVB, 4th rib fx";
        Scan s = RULES.rules(counts, null, new Budget(Duration.ofSeconds(30).toNanos()));
        TokenClassifier.View v = new TokenClassifier.View(s);
        for (String ordinal : List.of("5th", "2nd", "3rd", "1st", "4th")) {
            int t = s.tokenAt(counts.indexOf(ordinal));
            assertThat(TokenClassifier.otherCandidate(s, t, v, TokenClassifier.ORDINAL)).as(ordinal).isEqualTo(-1);
        }
        assertThat(found(WHOLE, counts)).noneMatch(f -> f.contains("|DATE|"));
    }

    @Test
    void givenDosesScoresGradesAndLabValuesShapedLikeDates_thenNoneIsJudgedADate() {
        String text = "Take 1/2 tablet if dizzy. PAIN 4/10 ON ARRIVAL, 2/10 AFTER 2MG MORPHINE. Strength 5/5 in all "
                + "extremities. 3/4 TAB QHS. VENT AC 14/450/5/40%. BP 118/64. K 3.4, MG 1.9. O2 2-4 L NC. "
                + "DTRS 2/4 THROUGHOUT. ABX DAY 3/7.";
        Scan s = RULES.rules(text, null, new Budget(Duration.ofSeconds(30).toNanos()));
        TokenClassifier.View v = new TokenClassifier.View(s);
        for (String quantity : List.of("1/2", "2/10", "5/5", "3/4", "2-4", "2/4", "3/7")) {
            int t = s.tokenAt(text.indexOf(quantity + " "));
            assertThat(TokenClassifier.dateCandidate(s, t, v)).as(quantity).isFalse();
        }
        for (String inARun : List.of("14/450", "450/5", "118/64")) {
            assertThat(TokenClassifier.dateCandidate(s, s.tokenAt(text.indexOf(inARun)), v)).as(inARun).isFalse();
        }
        assertThat(found(WHOLE, text)).noneMatch(f -> f.contains("|DATE|"));
    }

    @Test
    void givenAPairTheRulesLeftWithNothingAgainstIt_thenItIsACandidate() {
        String text = "KNOWN GRADE 3 VARICES, BANDED 3-12. K 3.4.";
        Scan s = RULES.rules(text, null, new Budget(Duration.ofSeconds(30).toNanos()));
        TokenClassifier.View v = new TokenClassifier.View(s);
        assertThat(TokenClassifier.dateCandidate(s, s.tokenAt(text.indexOf("3-12")), v)).isTrue();
        // a lab value is a candidate too: the model, not a rule, knows that K before it says potassium
        assertThat(TokenClassifier.dateCandidate(s, s.tokenAt(text.indexOf("3.4")), v)).isTrue();
        assertThat(found(WHOLE, text)).noneMatch(f -> f.startsWith("3.4|"));
    }

    @Test
    void givenWeekdaysCommonWordsAndClinicalText_thenTheModelAddsNothing() {
        assertThat(found(WHOLE, "SEEN WEDNESDAY. WILL CALL BACK. OK PER MD. Plan: will recheck lytes.")).isEmpty();
        assertThat(found(WHOLE, "R FACIAL DROOP OLD FROM BELL'S PALSY PER SON. hx bell's palsy, L side."))
                .noneMatch(s -> s.endsWith("|" + TokenClassifier.RULE));
        assertThat(found(WHOLE, "NEURO: A&OX3, MAE. CV: NSR 80S, SBP 110-130. RESP: LS CLEAR, 2L NC. GI: TF @ GOAL."))
                .isEmpty();
    }

    @Test
    void givenTheRulesFindings_thenTheModelOnlyAddsAndNeverTakesAway() {
        for (GoldDocument d : new ClinicalNoteGenerator(31).generate(150)) {
            List<PhiSpan> rules = RULES.detect(d.text(), DetectionContext.EMPTY);
            List<PhiSpan> whole = WHOLE.detect(d.text(), DetectionContext.EMPTY);
            for (PhiSpan r : rules) {
                assertThat(whole).as("a rules' span in note %s", d.id())
                        .anyMatch(w -> w.start() <= r.start() && w.end() >= r.end());
            }
        }
    }

    @Test
    void givenAConfigurationWrittenBeforeTheModel_thenTheModelIsOnAsByDefault() {
        TextPhiDetector.Config old = new TextPhiDetector.Config(1_000, Duration.ofSeconds(1), true, List.of());
        assertThat(old.tokenModel()).isTrue();
        assertThat(TextPhiDetector.Config.DEFAULT.tokenModel()).isTrue();
        assertThat(old.withTokenModel(false).withMaxChars(50).tokenModel()).isFalse();
    }

    @Test
    void givenTheModelTurnedOff_thenNoSpanComesFromIt() {
        for (GoldDocument d : new ClinicalNoteGenerator(32).generate(100)) {
            assertThat(RULES.detect(d.text(), DetectionContext.EMPTY)).noneMatch(s -> s.rule().equals(TokenClassifier.RULE));
        }
    }

    @Test
    void givenAnyWord_thenTheCachedScoreIsTheScoreOfAllItsFeatures() {
        TokenClassifier model = TokenClassifier.builtIn();
        int[] f = new int[TokenClassifier.MAX_FEATURES];
        int[] g = new int[TokenClassifier.MAX_FEATURES];
        int compared = 0;
        int possessives = 0;
        List<String> texts = new ArrayList<>(List.of("hx bell's palsy 2016 L side.",
                "R FACIAL DROOP OLD FROM BELL'S PALSY 1998 PER SON.", "updated pt, gave her grace's # to get more.",
                "WALKER'S DTR CALLED. SMITH'S WIFE AT BEDSIDE, QUARNSETH'S SON TOO."));
        for (GoldDocument d : new ClinicalNoteGenerator(33).generate(40)) {
            texts.add(d.text());
        }
        for (String text : texts) {
            Scan s = RULES.rules(text, null, new Budget(Duration.ofSeconds(30).toNanos()));
            TokenClassifier.View v = new TokenClassifier.View(s);
            for (int t = 0; t < s.tk.n; t++) {
                if (TokenClassifier.candidate(s, t, v)) {
                    double all = model.probability(g, TokenClassifier.features(s, t, v, g));
                    assertThat(model.score(s, t, v, f)).as("token %d of %s", t, text).isCloseTo(all, within(1e-5));
                    compared++;
                    possessives += s.possessive(t) ? 1 : 0;
                }
            }
        }
        assertThat(compared).isGreaterThan(1000);
        assertThat(possessives).as("possessives compared: the cache is keyed by the word without 's").isPositive();
    }

    @Test
    void givenWeightsWrittenAndReadBack_thenTheSameModel() throws IOException {
        float[] w = new float[TokenClassifier.SIZE];
        w[7] = 1.25f;
        w[TokenClassifier.SIZE - 1] = -0.5f;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TokenClassifier.write(w, 0.3f, out);
        TokenClassifier read = TokenClassifier.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(read.threshold()).isEqualTo(0.3f);
        assertThat(read.probability(new int[] {7, TokenClassifier.SIZE - 1, 8}, 3)).isEqualTo(1 / (1 + Math.exp(-0.75)));
    }

    @Test
    void givenAFileOfAnotherKindOrACorruptOne_thenItIsRefused() throws IOException {
        ByteArrayOutputStream notGzip = new ByteArrayOutputStream();
        notGzip.write(new byte[] {1, 2, 3, 4});
        assertThatThrownBy(() -> TokenClassifier.read(new ByteArrayInputStream(notGzip.toByteArray())))
                .isInstanceOf(IOException.class);
        float[] one = new float[TokenClassifier.SIZE];
        one[3] = 0.5f;
        ByteArrayOutputStream good = new ByteArrayOutputStream();
        TokenClassifier.write(one, 0.5f, good);
        byte[] truncated = Arrays.copyOf(good.toByteArray(), good.size() - 12);
        assertThatThrownBy(() -> TokenClassifier.read(new ByteArrayInputStream(truncated))).isInstanceOf(IOException.class);
        byte[] badCrc = good.toByteArray();
        badCrc[badCrc.length - 8] ^= 0x55;
        assertThatThrownBy(() -> TokenClassifier.read(new ByteArrayInputStream(badCrc))).isInstanceOf(IOException.class);
        float[] notANumber = one.clone();
        notANumber[9] = Float.NaN;
        ByteArrayOutputStream nan = new ByteArrayOutputStream();
        TokenClassifier.write(notANumber, 0.5f, nan);
        assertThatThrownBy(() -> TokenClassifier.read(new ByteArrayInputStream(nan.toByteArray())))
                .isInstanceOf(IOException.class);
        ByteArrayOutputStream empty = new ByteArrayOutputStream();
        TokenClassifier.write(new float[TokenClassifier.SIZE], 0.5f, empty);
        assertThatThrownBy(() -> TokenClassifier.read(new ByteArrayInputStream(empty.toByteArray())))
                .as("no weights would mark every word").isInstanceOf(IOException.class);
        ByteArrayOutputStream wrongThreshold = new ByteArrayOutputStream();
        TokenClassifier.write(one, 1.5f, wrongThreshold);
        assertThatThrownBy(() -> TokenClassifier.read(new ByteArrayInputStream(wrongThreshold.toByteArray())))
                .isInstanceOf(IOException.class).hasMessageContaining("header");
    }

    @Test
    void givenAModelOfAnEarlierVersion_thenItIsRefused() throws IOException {
        // versions 1-3 have no weights for some candidates (short dates; initials and ordinal days; ages over 89): read
        // now, each such candidate would score 0.5 and be added
        for (int version : new int[] {1, 2, 3}) {
            ByteArrayOutputStream old = new ByteArrayOutputStream();
            java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(old);
            java.io.DataOutputStream d = new java.io.DataOutputStream(gz);
            d.writeInt(0x50484954);
            d.writeInt(version);
            d.writeInt(TokenClassifier.BITS);
            d.writeFloat(0.15f);
            d.writeInt(1);
            d.writeInt(3);
            d.writeFloat(0.5f);
            d.flush();
            gz.finish();
            assertThatThrownBy(() -> TokenClassifier.read(new ByteArrayInputStream(old.toByteArray())))
                    .as("version %d", version).isInstanceOf(IOException.class).hasMessageContaining("version");
        }
    }

    @Test
    void givenTheSameBatches_thenTrainingGivesTheSameWeights() throws IOException, URISyntaxException {
        Path heldout = Path.of(TokenClassifierTest.class.getResource("heldout/batch1.jsonl").toURI()).getParent();
        float[] first = trained(heldout);
        float[] second = trained(heldout);
        // Arrays.equals: AssertJ's element-wise comparison of two million-entry arrays takes minutes
        assertThat(Arrays.equals(first, second)).as("the same weights from the same batches").isTrue();
        assertThat(IntStream.range(0, first.length).filter(i -> first[i] != 0).count()).as("weights learned")
                .isGreaterThan(1000);
    }

    private static float[] trained(Path heldout) throws IOException {
        TokenClassifierTraining t = new TokenClassifierTraining();
        for (GoldDocument d : TokenClassifierTraining.docs(heldout, "1-2")) {
            t.add(d);
        }
        return t.train(2, 1e-5, 0.1);
    }

    @Test
    void givenAWordNextToAPlaceFound_thenItIsNoCandidate() {
        // the words after a facility's name are its kind ("Internal Medicine"); the place is redacted already
        Scan s = RULES.rules("TRANSFERRED FROM WORCESTER ZELVORA FOR CATH.", null, new Budget(Duration.ofSeconds(30).toNanos()));
        TokenClassifier.View v = new TokenClassifier.View(s);
        int worcester = s.tokenAt("TRANSFERRED FROM ".length());
        assertThat(v.cover[worcester]).isEqualTo((byte) (PhiType.GEO.ordinal() + 1));
        assertThat(TokenClassifier.candidate(s, worcester + 1, v)).isFalse();
        Scan alone = RULES.rules("TRANSFERRED FOR CATH, ZELVORA AWARE.", null, new Budget(Duration.ofSeconds(30).toNanos()));
        assertThat(TokenClassifier.candidate(alone, alone.tokenAt("TRANSFERRED FOR CATH, ".length()),
                new TokenClassifier.View(alone))).isTrue();
    }
}
