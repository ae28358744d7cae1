package io.phistream.detector;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.deid.KeyedDigest;
import io.phistream.detector.text.TextPhiDetector;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectingScrubberTest {

    private static final DetectingScrubber SCRUBBER = new DetectingScrubber(TextPhiDetector.withConfig(
            TextPhiDetector.Config.DEFAULT.withTimeBudget(Duration.ofSeconds(30))));

    private static final List<String> LINES = WrappedNote.LINES;

    /** Surrogates seeded by a fresh HMAC key. */
    private static DetectingScrubber surrogates() {
        try {
            com.google.crypto.tink.mac.MacConfig.register();
            return DetectingScrubber.withSurrogates(TextPhiDetector.withConfig(
                    TextPhiDetector.Config.DEFAULT.withTimeBudget(Duration.ofSeconds(30))), new KeyedDigest(
                    com.google.crypto.tink.KeysetHandle.generateNew(
                            com.google.crypto.tink.mac.PredefinedMacParameters.HMAC_SHA256_256BITTAG).getPrimitive(
                            com.google.crypto.tink.RegistryConfiguration.get(), com.google.crypto.tink.Mac.class)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
    private static final List<String> BREAKS = Collections.nCopies(LINES.size() - 1, "\n");

    @Test
    void givenTheLinesOfOneText_thenEachLineGetsTheSpansOverIt_cutAtItsEnds_inItsOwnOffsets() {
        List<FreeTextScrubber.Result> results = SCRUBBER.scrubParts(LINES, BREAKS, new KnownPhi());

        assertThat(results).extracting(FreeTextScrubber.Result::text).containsExactly(
                "Pt seen this morning with wife at bedside, comfortable on",
                "room air, tolerating diet. Transferred yesterday from [GEO]",
                "[GEO] after a fall at home; family asks for updates to",
                "her daughter [NAME], who is the health care",
                "proxy. Plan: continue IV antibiotics, PT eval, possible d/c",
                "Friday.");
        assertThat(results.get(1).spans()).containsExactly(new ReplacedSpan(54, 59, PhiType.GEO));
        assertThat(results.get(2).spans()).containsExactly(new ReplacedSpan(0, 8, PhiType.GEO));
    }

    @Test
    void givenTheTextNodesOfAParagraph_thenANameSetInBoldIsReadWithItsTitle() {
        // <p>Discussed with <b>Dr.</b> <b>Abernethy</b> today.</p>: nothing stands between the nodes
        List<String> nodes = List.of("Discussed with ", "Dr.", " ", "Abernethy", " and the family today.");

        List<FreeTextScrubber.Result> results = SCRUBBER.scrubParts(nodes, List.of("", "", "", ""), new KnownPhi());

        assertThat(results).extracting(FreeTextScrubber.Result::text)
                .containsExactly("Discussed with ", "Dr.", " ", "[NAME]", " and the family today.");
    }

    @Test
    void givenANameSplitByInlineMarkup_whenCutIntoItsParts_thenTheBlankBetweenTheWordsStays() {
        // <p>Seen with <i>Orla</i> Fennimore today.</p>: a walkthrough found "<i>[NAME]</i>[NAME] today"
        List<String> nodes = List.of("Seen with ", "Orla", " Fennimore ", "today.");

        List<FreeTextScrubber.Result> results = SCRUBBER.scrubParts(nodes, List.of("", "", ""), new KnownPhi());

        assertThat(results).extracting(FreeTextScrubber.Result::text)
                .containsExactly("Seen with ", "[NAME]", " [NAME] ", "today.");
        assertThat(results.get(2).spans()).containsExactly(new ReplacedSpan(1, 10, PhiType.NAME));
    }

    @Test
    void givenAccentsWrittenDecomposed_thenTheNamesAreReplacedWithTheirMarks_asWhenComposed() {
        // a walkthrough: "Jose\u0301 Marti\u0301nez" became "[NAME]\u0301 [NAME]\u0301[NAME]"
        String composed = "Pt Jos\u00e9 Mart\u00ednez seen today; wife Zo\u00eb Quillfeather called 555-0143.";
        String decomposed = java.text.Normalizer.normalize(composed, java.text.Normalizer.Form.NFD);

        FreeTextScrubber.Result nfc = SCRUBBER.scrub(composed, new KnownPhi());
        FreeTextScrubber.Result nfd = SCRUBBER.scrub(decomposed, new KnownPhi());

        assertThat(nfc.text()).contains("[NAME]", "[PHONE]").doesNotContain("Mart", "Zo");
        assertThat(nfd.text()).isEqualTo(nfc.text());
        assertThat(nfd.spans()).extracting(sp -> decomposed.substring(sp.start(), sp.end()))
                .contains(java.text.Normalizer.normalize("Jos\u00e9 Mart\u00ednez", java.text.Normalizer.Form.NFD));
    }

    @Test
    void givenOneLine_thenTheSameAsScrubbingIt() {
        String line = "Daughter Rosalind Abernethy called, will visit Friday.";

        assertThat(SCRUBBER.scrubParts(List.of(line), List.of(), new KnownPhi())).containsExactly(SCRUBBER.scrub(line, new KnownPhi()));
    }

    @Test
    void givenPiecesLongerTogetherThanOneReading_thenReadARunOfWholePiecesAtATime_eachWithinTheFieldLimits() {
        DetectingScrubber limited = new DetectingScrubber(TextPhiDetector.withConfig(
                TextPhiDetector.Config.DEFAULT.withTimeBudget(Duration.ofSeconds(30)).withMaxChars(70_000)));
        String filler = "Vitals stable, tolerating diet. ".repeat(1_250); // 40,000 chars
        List<String> report = List.of(filler + "Daughter Rosalind Abernethy called.", filler + "Seen by Dr. Quill.");

        List<FreeTextScrubber.Result> results = limited.scrubParts(report, List.of("\n"), new KnownPhi());

        assertThat(report.get(0).length() + 1 + report.get(1).length()).isGreaterThan(DetectingScrubber.MAX_JOINED);
        assertThat(results.get(0).text()).startsWith(filler).endsWith("Daughter [NAME] called.");
        assertThat(results.get(1).text()).startsWith(filler).endsWith("Seen by Dr. [NAME].");
    }

    @Test
    void givenLinesThatFailClosedTogether_thenEveryLineIsRemoved() {
        DetectingScrubber small = new DetectingScrubber(TextPhiDetector.withConfig(
                TextPhiDetector.Config.DEFAULT.withMaxChars(100)));

        List<FreeTextScrubber.Result> results = small.scrubParts(LINES, BREAKS, new KnownPhi());

        assertThat(results).extracting(FreeTextScrubber.Result::text).containsOnly("");
        assertThat(results.get(5).spans()).containsExactly(new ReplacedSpan(0, 7, PhiType.OTHER_ID));
    }

    @Test
    void givenSurrogates_thenNamesGetMadeUpNamesConsistently_andDatesMoveByThePatientsOffsetInTheirForm() {
        DetectingScrubber surrogates = surrogates();
        KnownPhi known = new KnownPhi();
        known.dateShift(10, 2026);
        String note = "Seen by Dr. Quintanilla on 3/4. Daughter Rosalind called Jan 5th; Dr. Quintanilla aware.";

        FreeTextScrubber.Result r = surrogates.scrub(note, known);
        FreeTextScrubber.Result again = surrogates.scrub(note, known);

        assertThat(r.text()).doesNotContain("Quintanilla", "Rosalind", "3/4", "Jan 5th")
                .contains(" on 3/14.", " called Jan 15th;").doesNotContain("[NAME]", "[DATE]");
        assertThat(r.spans()).extracting(ReplacedSpan::type).contains(PhiType.NAME, PhiType.DATE);
        String first = r.text().substring("Seen by Dr. ".length(), r.text().indexOf(" on 3/14"));
        assertThat(first).matches("[A-Z][a-z]+");
        assertThat(r.text()).endsWith("Dr. " + first + " aware."); // the same surname, the same surrogate
        assertThat(again.text()).isEqualTo(r.text());
    }

    @Test
    void givenSurrogates_whenOneNumberIsReadAsAPhoneAndAsAFax_thenBothGetTheSameMadeUpNumber() {
        // a wife's phone got two surrogates in one Bundle: the seed held the type the detector gave each mention
        FreeTextScrubber.Result r = surrogates().scrub("Call her at 617-555-0147 after 5. Fax (617) 555-0147.",
                new KnownPhi());

        assertThat(r.spans()).extracting(ReplacedSpan::type).containsExactly(PhiType.PHONE, PhiType.FAX);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "^Call her at (\\d{3})-(\\d{3})-(\\d{4}) after 5\\. Fax \\((\\d{3})\\) (\\d{3})-(\\d{4})\\.$").matcher(r.text());
        assertThat(m.matches()).as(r.text()).isTrue();
        assertThat(m.group(4) + m.group(5) + m.group(6)).isEqualTo(m.group(1) + m.group(2) + m.group(3))
                .isNotEqualTo("6175550147");
    }

    @Test
    void givenSurrogatesAndNoPatientOffset_thenTheTextsDatesMoveTogetherKeepingTheirIntervals() {
        FreeTextScrubber.Result r = surrogates().scrub("Admitted 03/04/2019 from home, discharged 03/09/2019, "
                + "follow-up 04/02/2019.", new KnownPhi());

        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d\\d)/(\\d\\d)/(\\d{4})").matcher(r.text());
        List<java.time.LocalDate> dates = new java.util.ArrayList<>();
        while (m.find()) {
            dates.add(java.time.LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2))));
        }
        assertThat(r.text()).doesNotContain("03/04/2019", "03/09/2019", "04/02/2019");
        assertThat(dates).hasSize(3);
        assertThat(java.time.temporal.ChronoUnit.DAYS.between(dates.get(0), dates.get(1))).isEqualTo(5);
        assertThat(java.time.temporal.ChronoUnit.DAYS.between(dates.get(0), dates.get(2))).isEqualTo(29);
    }

    @Test
    void givenTokens_thenEachSpanBecomesTheReversibleTokenOfItsTextAndType() throws Exception {
        com.google.crypto.tink.daead.DeterministicAeadConfig.register();
        io.phistream.detector.deid.Tokenizer tokenizer = io.phistream.detector.deid.Tokenizer.fromKeyset(
                com.google.crypto.tink.KeysetHandle.generateNew(
                        com.google.crypto.tink.daead.PredefinedDeterministicAeadParameters.AES256_SIV));
        DetectingScrubber tokens = DetectingScrubber.withTokens(TextPhiDetector.withConfig(
                TextPhiDetector.Config.DEFAULT.withTimeBudget(Duration.ofSeconds(30))), tokenizer);

        FreeTextScrubber.Result r = tokens.scrub("Daughter Rosalind Quintanilla called 617-555-0142.", new KnownPhi());

        java.util.regex.Matcher name = java.util.regex.Pattern.compile("nam-[A-Za-z0-9_-]+").matcher(r.text());
        java.util.regex.Matcher phone = java.util.regex.Pattern.compile("tel-[A-Za-z0-9_-]+").matcher(r.text());
        assertThat(name.find()).as(r.text()).isTrue();
        assertThat(phone.find()).as(r.text()).isTrue();
        assertThat(r.text()).doesNotContain("Quintanilla", "617-555-0142").startsWith("Daughter ");
        assertThat(tokenizer.reveal(name.group())).contains("Quintanilla");
        assertThat(tokenizer.reveal(phone.group())).isEqualTo("617-555-0142");
    }
}
