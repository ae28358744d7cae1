package io.phistream.detector.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextScrubberTest {
    private final TextPhiDetector d = Spans.D;

    /** The text with its detected spans replaced by surrogates under a fixed key, dates moved by {@code shift}. */
    private String surrogates(String t, TextScrubber.DateShift shift) {
        return TextScrubber.scrub(t, d.detect(t, DetectionContext.EMPTY), Replacement.SURROGATE,
                TextScrubber.keyedSeed("key".getBytes(StandardCharsets.UTF_8), t), shift).text();
    }

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
        var shift = new TextScrubber.DateShift(-10, 2026, java.util.Set.of(java.time.LocalDate.of(1950, 1, 1)));

        String out = surrogates(t, shift);

        assertThat(out).isEqualTo("DOB 1950 (born 1950). Seen 02/22/2019.");
    }

    @Test
    void givenSurrogatesAndABirthYearThatTellsAnAgeOver89_thenItIsAggregatedIntoOneYear() {
        // a walkthrough: "DOB 4/2/1931" kept 1931 and "born in 1931" kept it too, for a patient of 95
        String t = "Pt DOB 04/02/1931, seen today. Her sister was born in 1925. Son DOB 03/14/1950.";
        String out = surrogates(t, new TextScrubber.DateShift(-10, 2026));

        assertThat(out).contains("Pt DOB 1936,", "born in 1936.", "Son DOB 1950.").doesNotContain("1931", "1925");
    }

    @Test
    void givenSurrogatesAndABirthDateSaidByItsLabelOnly_thenItKeepsItsYearOnly() {
        // a second walkthrough: with no birth date in the structure, "DOB 03/14/1950" moved by the patient's offset
        String t = "Pt DOB 03/14/1950, date of birth: March 14, 1950. Birthday 3/14, family visiting. Seen 03/04/2019.";
        String out = surrogates(t, new TextScrubber.DateShift(-10, 2026));

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
    void givenOneNameWordAloneBesideASurnameAfterACommaInCapitalsAndPossessive_whenSurrogated_thenItIsOneSurrogateEverywhere() {
        // "Casimir called" -> "Jessup" but "Casimir Abercrombie-Tull" -> "Harper Alex-Ashdown": the list a word drew
        // from, and so its surrogate, went by its place in the span (a walkthrough)
        String t = "Casimir called. Casimir Abercrombie-Tull at bedside. ABERCROMBIE-TULL, CASIMIR signed. "
                + "Mrs. Abercrombie-Tull's son; Tull and casimir agree.";
        List<PhiSpan> spans = names(t, "Casimir", "Casimir Abercrombie-Tull", "ABERCROMBIE-TULL, CASIMIR",
                "Abercrombie-Tull's", "Tull", "casimir");

        String out = surrogated(t, spans);

        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^([A-Z][a-z]+) called\\. \\1 ([A-Z][a-z]+)-([A-Z][a-z]+)"
                + " at bedside\\. ([A-Z]+)-([A-Z]+), ([A-Z]+) signed\\. Mrs\\. ([A-Z][a-z]+)-([A-Z][a-z]+)'s son; ([A-Z][a-z]+)"
                + " and ([a-z]+) agree\\.$").matcher(out);
        assertThat(m.matches()).as(out).isTrue();
        String casimir = m.group(1);
        String abercrombie = m.group(2);
        String tull = m.group(3);
        assertThat(List.of(m.group(4), m.group(5), m.group(6))).containsExactly(abercrombie.toUpperCase(),
                tull.toUpperCase(), casimir.toUpperCase());
        assertThat(List.of(m.group(7), m.group(8), m.group(9), m.group(10))).containsExactly(abercrombie, tull, tull,
                casimir.toLowerCase());
        assertThat(out).doesNotContain("Casimir", "Abercrombie", "Tull");
    }

    @Test
    void givenTitlesInitialsAndASuffix_whenSurrogated_thenTitlesAndSuffixStay_andEachInitialGetsOneOtherLetter() {
        // "Dr." alone in a span (a known name's prefix) became a surname (a walkthrough)
        String t = "Discussed with Dr. Orson Quillfeather and with Dr Z. Quillfeather; Z.M.Q. signed for Orson Quill Jr.";
        List<PhiSpan> spans = names(t, "Dr", "Orson Quillfeather", "Dr Z. Quillfeather", "Z.M.Q.",
                "Orson Quill Jr");

        String out = surrogated(t, spans);

        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^Discussed with Dr\\. ([A-Z][a-z]+) ([A-Z][a-z]+) and"
                + " with Dr ([A-Z])\\. \\2; ([A-Z])\\.([A-Z])\\.([A-Z])\\. signed for \\1 ([A-Z][a-z]+) Jr\\.$").matcher(out);
        assertThat(m.matches()).as(out).isTrue();
        assertThat(m.group(3)).isEqualTo(m.group(4)).isNotEqualTo("Z"); // Z. is one letter, never Z
        assertThat(m.group(5)).isNotEqualTo("M");
        assertThat(m.group(6)).isNotEqualTo("Q");
        assertThat(m.group(7)).isNotEqualTo(m.group(2)).isNotEqualTo("Quill");
    }

    @Test
    void givenOnePhoneWrittenInSeveralForms_whenSurrogated_thenEveryFormGetsTheSameNumber() {
        // "(978-555-0122" (a span taking its bracket) got other digits than "978-555-0122": each char drew the next
        String t = "Call 617-555-0147, (617) 555-0147, (617-555-0147, 617.555.0147, 1-617-555-0147 or +1 617 555 0147.";
        List<PhiSpan> spans = new java.util.ArrayList<>();
        for (String form : List.of("617-555-0147", "(617) 555-0147", "(617-555-0147", "617.555.0147", "1-617-555-0147",
                "+1 617 555 0147")) {
            int at = t.indexOf(form, spans.isEmpty() ? 0 : spans.get(spans.size() - 1).end());
            spans.add(new PhiSpan(PhiType.PHONE, at, at + form.length(), "phone", 0.9));
        }

        String out = surrogated(t, spans);

        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^Call (\\d{3})-(\\d{3})-(\\d{4}), \\((\\d{3})\\) "
                + "(\\d{3})-(\\d{4}), \\((\\d{3})-(\\d{3})-(\\d{4}), (\\d{3})\\.(\\d{3})\\.(\\d{4}), 1-(\\d{3})-(\\d{3})-(\\d{4}) "
                + "or \\+1 (\\d{3}) (\\d{3}) (\\d{4})\\.$").matcher(out);
        assertThat(m.matches()).as(out).isTrue();
        String number = m.group(1) + m.group(2) + m.group(3);
        assertThat(number).isNotEqualTo("6175550147");
        for (int form = 1; form < 6; form++) {
            assertThat(m.group(3 * form + 1) + m.group(3 * form + 2) + m.group(3 * form + 3)).isEqualTo(number);
        }
    }

    @Test
    void givenManyDifferentPeople_whenSurrogated_thenTheyShareSurrogatesNoMoreOftenThanChanceInLargeListsAllows() {
        // two people's names drew from 32 names (a wife and a nickname both "Whitlock"): with about 180 given names
        // and 1,000 surnames, 150 distinct made-up surnames keep about 140 surrogates, 60 given names about 50
        StringBuilder t = new StringBuilder();
        List<PhiSpan> spans = new java.util.ArrayList<>();
        String letters = "bdfgklmnprstvz";
        for (int i = 0; i < 150; i++) {
            String surname = "Q" + "aeiou".charAt(i % 5) + letters.charAt(i / 5 % 14) + "ar" + letters.charAt(i % 14)
                    + "ow" + letters.charAt(i / 70);
            spans.add(new PhiSpan(PhiType.NAME, t.length(), t.length() + surname.length(), "name.context", 0.9));
            t.append(surname).append(". ");
        }
        String given = "Rosalind Delphine Thaddeus Casimir Persephone Ottoline Cosima Leopold Orson Marguerite Winnifred "
                + "Ignatius Horatio Millicent Eugenia Cornelius Evangeline Bartholomew Philippa Augustus Clementine "
                + "Percival Henrietta Barnaby Lavinia Montgomery Araminta Ambrose Imogen Tobias Beatrix Lysander "
                + "Octavia Jasper Seraphina Rupert Cordelia Ignacio Marisol Rafael Esperanza Joaquin Guadalupe Lorenzo "
                + "Valentina Matteo Giuseppina Siobhan Declan Niamh Padraig Ingrid Sven Astrid Leif Dagmar Tomasz "
                + "Agnieszka Wojciech Bronislava";
        for (String name : given.split(" ")) {
            spans.add(new PhiSpan(PhiType.NAME, t.length(), t.length() + name.length(), "name.context", 0.9));
            t.append(name).append(". ");
        }

        String out = surrogated(t.toString(), spans);

        String[] made = out.split("\\. ");
        assertThat(java.util.Arrays.stream(made, 0, 150).distinct().count()).isGreaterThanOrEqualTo(125);
        assertThat(java.util.Arrays.stream(made, 150, made.length).distinct().count()).isGreaterThanOrEqualTo(45);
    }

    @Test
    void givenOverlappingSpans_thenWidestWins() {
        String t = "abcdef";
        List<PhiSpan> spans = List.of(new PhiSpan(PhiType.NAME, 0, 4, "x", 1), new PhiSpan(PhiType.DATE, 2, 3, "y", 1));
        assertThat(TextScrubber.scrub(t, spans, Replacement.TAG, null).text()).isEqualTo("[NAME]ef");
    }

    /** NAME spans over each of the names in the text, found in order. */
    private static List<PhiSpan> names(String t, String... names) {
        List<PhiSpan> spans = new java.util.ArrayList<>();
        int from = 0;
        for (String n : names) {
            int at = t.indexOf(n, from);
            spans.add(new PhiSpan(PhiType.NAME, at, at + n.length(), "name.context", 0.9));
            from = at + n.length();
        }
        return spans;
    }

    /** The text with its spans replaced by surrogates seeded under one fixed test key. */
    private static String surrogated(String t, List<PhiSpan> spans) {
        return TextScrubber.scrub(t, spans, Replacement.SURROGATE,
                TextScrubber.keyedSeed("key".getBytes(StandardCharsets.UTF_8), t)).text();
    }
}
