package io.phistream.detector.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextScrubberTest {
    private final TextPhiDetector d = Spans.D;

    @Test
    void givenTagMode_thenTypedTags() {
        String t = "DR SMITH SAW PT ON 3/4.";
        ScrubResult r = TextScrubber.scrub(t, d.detect(t, DetectionContext.EMPTY), Replacement.TAG, null);
        assertThat(r.text()).isEqualTo("DR [NAME] SAW PT ON [DATE].");
        assertThat(r.counts()).containsEntry(PhiType.NAME, 1).containsEntry(PhiType.DATE, 1);
    }

    @Test
    void givenTokenMode_thenCallerTokens() {
        String t = "Call 617-555-0123.";
        ScrubResult r = TextScrubber.scrub(t, d.detect(t, DetectionContext.EMPTY), Replacement.TOKEN, s -> "<tel:" + s.type().code() + ">");
        assertThat(r.text()).isEqualTo("Call <tel:tel>.");
    }

    @Test
    void givenSurrogatesWithAPatientsShift_thenTheBirthDateKeepsItsYearOnlyAndOtherDatesMove() {
        // shifted, a birth date is undone by anyone who learns the offset; a live stream tells it (a walkthrough)
        String t = "DOB 01/01/1950 (born Jan 1, 1950). Seen 03/04/2019.";
        var seed = TextScrubber.keyedSeed("key".getBytes(StandardCharsets.UTF_8), t);
        var shift = new TextScrubber.DateShift(-10, 2026, java.util.Set.of(java.time.LocalDate.of(1950, 1, 1)));

        String out = TextScrubber.scrub(t, d.detect(t, DetectionContext.EMPTY), Replacement.SURROGATE, seed, shift).text();

        assertThat(out).isEqualTo("DOB 1950 (born 1950). Seen 02/22/2019.");
    }

    @Test
    void givenSurrogatesAndABirthDateSaidByItsLabelOnly_thenItKeepsItsYearOnly() {
        // a second walkthrough: with no birth date in the structure, "DOB 03/14/1950" moved by the patient's offset
        String t = "Pt DOB 03/14/1950, date of birth: March 14, 1950. Birthday 3/14, family visiting. Seen 03/04/2019.";
        var seed = TextScrubber.keyedSeed("key".getBytes(StandardCharsets.UTF_8), t);

        String out = TextScrubber.scrub(t, d.detect(t, DetectionContext.EMPTY), Replacement.SURROGATE, seed,
                new TextScrubber.DateShift(-10, 2026)).text();

        assertThat(out).isEqualTo("Pt DOB 1950, date of birth: 1950. Birthday [DATE], family visiting. Seen 02/22/2019.");
    }

    @Test
    void givenSurrogateMode_thenConsistentRealisticValues() {
        String t = "JOHN SMITH CALLED. SMITH WILL RETURN 03/04/2019. FROM WORCESTER.";
        var seed = TextScrubber.keyedSeed("key".getBytes(StandardCharsets.UTF_8), t);
        ScrubResult r = TextScrubber.scrub(t, d.detect(t, DetectionContext.EMPTY), Replacement.SURROGATE, seed);
        String out = r.text();
        assertThat(out).doesNotContain("SMITH").doesNotContain("JOHN").doesNotContain("WORCESTER");
        String[] w = out.split("[ .]+");
        assertThat(w[1]).isEqualTo(w[3]); // both SMITHs became the same surname
        assertThat(w[1]).isUpperCase();
        assertThat(out).containsPattern("\\d\\d/\\d\\d/2019"); // format and year kept
        // another key, other surrogates
        String other = TextScrubber.scrub(t, d.detect(t, DetectionContext.EMPTY), Replacement.SURROGATE,
                TextScrubber.keyedSeed("other".getBytes(StandardCharsets.UTF_8), t)).text();
        assertThat(other).isNotEqualTo(out);
    }

    @Test
    void givenANameSpanHoldingAHouseNumber_whenSurrogated_thenNoDigitOfItStays() {
        String t = "Lives at 42 Larkspur Row Fennimore WI.";
        List<PhiSpan> spans = List.of(new PhiSpan(PhiType.NAME, 9, 34, "name.lexicon", 0.8));

        String out = surrogated(t, spans);

        assertThat(out).startsWith("Lives at ").endsWith(" WI.").doesNotContain("42", "Larkspur", "Fennimore")
                .containsPattern("^Lives at \\d\\d [A-Z]");
    }

    @Test
    void givenAStreetSpanRunningOnIntoItsTown_whenSurrogated_thenOnlyAStreetSuffixStays() {
        String t = "Lives at 42 Larkspur Row Fennimore; moved from 9 Oak Street.";
        List<PhiSpan> spans = List.of(new PhiSpan(PhiType.GEO, 9, 34, "street", 0.9),
                new PhiSpan(PhiType.GEO, 47, 60, "street", 0.9));

        String out = surrogated(t, spans);

        assertThat(out).doesNotContain("Fennimore", "Larkspur", "Oak").endsWith(" Street.");
    }

    @Test
    void givenAStreetWithItsNumberAfterTheName_whenSurrogated_thenAMadeUpNameAndNumberInTheSameOrder() {
        String t = "Lives at Königstraße 17, 70173 Stuttgart.";
        List<PhiSpan> spans = TextPhiDetector.builtIn().detect(t, DetectionContext.EMPTY);

        String out = surrogated(t, spans);

        assertThat(out).doesNotContain("Königstraße", " 17,", "70173", "Stuttgart")
                .matches("Lives at [A-Z][a-z]+( [A-Z][a-z]+)? \\d\\d, \\d{5} [A-Z][a-z]+( [A-Z][a-z]+)?\\.");
    }

    @Test
    void givenANameWithAParticle_whenSurrogated_thenTheParticleStaysBetweenMadeUpWords() {
        String t = "Esposa Carmen Colón de Jesús presente.";
        int start = t.indexOf("Carmen");
        List<PhiSpan> spans = List.of(new PhiSpan(PhiType.NAME, start, t.indexOf(" presente"), "name.lexicon", 0.9));

        String out = surrogated(t, spans);

        assertThat(out).doesNotContain("Carmen", "Colón", "Jesús").matches("Esposa [A-Z][a-z]+ [A-Z][a-z]+ de [A-Z][a-z]+ presente\\.");
    }

    @Test
    void givenAnInternationalPhone_whenSurrogated_thenItsCountryCodeStaysAndTheRestIsMadeUp() {
        String t = "Esposo, teléfono +34 612 345 678.";
        int start = t.indexOf('+');
        List<PhiSpan> spans = List.of(new PhiSpan(PhiType.PHONE, start, t.length() - 1, "phone", 0.9));

        String out = surrogated(t, spans);

        assertThat(out).startsWith("Esposo, teléfono +34 ").doesNotContain("612 345 678")
                .matches("Esposo, teléfono \\+34 \\d{3} \\d{3} \\d{3}\\.");
    }

    @Test
    void givenOverlappingSpans_thenWidestWins() {
        String t = "abcdef";
        List<PhiSpan> spans = List.of(new PhiSpan(PhiType.NAME, 0, 4, "x", 1), new PhiSpan(PhiType.DATE, 2, 3, "y", 1));
        assertThat(TextScrubber.scrub(t, spans, Replacement.TAG, null).text()).isEqualTo("[NAME]ef");
    }

    /** The text with its spans replaced by surrogates seeded under one fixed test key. */
    private static String surrogated(String t, List<PhiSpan> spans) {
        return TextScrubber.scrub(t, spans, Replacement.SURROGATE,
                TextScrubber.keyedSeed("key".getBytes(StandardCharsets.UTF_8), t)).text();
    }
}
