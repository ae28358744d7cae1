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

    /**
     * Every form of date the detector finds (Dates' rules, named after each), one sentence each, moved 40 days back: the
     * surrogate keeps the form as written, and a whole date is the original moved by the offset, so a text's dates keep
     * their order and distances. Birth dates keep their year only (another test); a holiday stays as written.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}: {2}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "date.iso-datetime      | Drawn 2026-03-04T09:15:00Z, resulted.    | 2026-03-04          | 2026-01-23",
        "date.numeric m/d/yyyy  | Seen on 03/04/2019 in clinic.            | 03/04/2019          | 01/23/2019",
        "date.numeric m/d/yy    | Seen on 3/4/19 in clinic.                | 3/4/19              | 1/23/19",
        "date.numeric d/m/yyyy  | Seen on 25/03/2026 in clinic.            | 25/03/2026          | 13/02/2026",
        "date.numeric yyyy-mm-dd| Seen on 2019-03-04 in clinic.            | 2019-03-04          | 2019-01-23",
        "date.numeric m-d-yyyy  | Seen on 03-04-2019 in clinic.            | 03-04-2019          | 01-23-2019",
        "date.numeric m.d.yyyy  | Seen on 3.4.2019 in clinic.              | 3.4.2019            | 1.23.2019",
        "date.numeric m/d       | Seen on 3/4 in clinic.                   | 3/4                 | 1/23",
        "date.numeric m-d       | Admitted 3-14 via ED.                    | 3-14                | 2-2",
        "date.dotted            | PPM placed 3.4 by cardiology.            | 3.4                 | 1.23",
        "date.zero-padded       | Seen 03/05 in clinic.                    | 03/05               | 01/24",
        "date.after-place       | Fell near Epping NH 6-28, seen.          | 6-28                | 5-19",
        "date.month-year m/yyyy | Last colonoscopy 03/2019, normal.        | 03/2019             | 02/2019",
        "date.spanish d de m de y| Visto el 14 de marzo de 2024 aqui.      | 14 de marzo de 2024 | 3 de febrero de 2024",
        "date.spanish abbr.     | Vino el 5 de ago. con su hija.           | 5 de ago.           | 26 de jun.",
        "date.spanish 1ro       | Operado el 1ro de julio del 2023.        | 1ro de julio del 2023 | 22 de mayo del 2023",
        "date.spanish m d, y    | Visto marzo 14, 2024 en clinica.         | \"marzo 14, 2024\"    | \"febrero 3, 2024\"",
        "date.spanish m de y    | Desde marzo de 2024 con dolor.           | marzo de 2024       | febrero de 2024",
        "date.spanish m y       | Dx enero 2023.                           | enero 2023          | diciembre 2022",
        "date.spanish m         | Dolor en marzo.                          | marzo               | febrero",
        "date.day-month d MMM   | Seen 5 JAN in clinic.                    | 5 JAN               | 26 NOV",
        "date.day-month d-MMM-y | Seen 5-JAN-2019 in clinic.               | 5-JAN-2019          | 26-NOV-2018",
        "date.day-month d-MMM-yy| Seen 12-JAN-20 in clinic.                | 12-JAN-20           | 3-DEC-19",
        "date.day-month ordinal | Seen on the 5th of March.                | 5th of March        | 24th of January",
        "date.day-month ORDINAL | SEEN 5TH MARCH 2019.                     | 5TH MARCH 2019      | 24TH JANUARY 2019",
        "date.day-words-month   | Admitted on the fifth of March.          | fifth of March      | twenty-fourth of January",
        "date.day-words-month y | Seen on the twenty-first of May, nineteen eighty-two. | \"twenty-first of May, nineteen eighty-two\" | \"eleventh of April, nineteen eighty-two\"",
        "date.month-day-words   | Surgery June third, two thousand sixteen, went well. | \"June third, two thousand sixteen\" | \"April twenty-fourth, two thousand sixteen\"",
        "date.month-day         | Seen Jan 5 in clinic.                    | Jan 5               | Nov 26",
        "date.month-day ORDINAL | SEEN JAN 5TH IN CLINIC.                  | JAN 5TH             | NOV 26TH",
        "date.month-day y       | Seen January 5, 2019 in clinic.          | \"January 5, 2019\"   | \"November 26, 2018\"",
        "date.month-day MMM-dd-yy| Seen JAN-05-19 in clinic.               | JAN-05-19           | NOV-26-18",
        "date.month-day MMM.    | Seen Jan. 5 in clinic.                   | Jan. 5              | Nov. 26",
        "date.month-year        | Last scope March 2019, normal.           | March 2019          | February 2019",
        "date.month-year 'yy    | Last scope until Aug '23, normal.        | Aug '23             | Jul '23",
        "date.month-year MMM-y  | LAST SCOPE JAN-2019.                     | JAN-2019            | DEC-2018",
        "date.month-modifier    | Given the July episode, we wait.         | July                | June",
        "date.month             | Worse since April.                       | April               | March",
        "date.month-alone       | SINCE GI BLEED IN AUG                    | AUG                 | JUL",
        "date.month-alone MMM.  | ON COUMADIN UNTIL DEC.                   | DEC.                | NOV.",
        "date.compact dMMM      | TPN started 4MAR.                        | 4MAR                | 23JAN",
        "date.compact dMMM lower| tpn started 4mar.                        | 4mar                | 23jan",
        "date.compact ddMMM     | Seen 04MAR.                              | 04MAR               | 23JAN",
        "date.compact dMMMyy    | Seen 4MAR26.                             | 4MAR26              | 23JAN26",
        "date.compact ddMMMyyyy | Seen 04MAR2019.                          | 04MAR2019           | 23JAN2019",
        "date.ordinal-day       | Seen on the 14th.                        | 14th                | 5th",
        "date.year              | Dx in 2019.                              | 2019                | 2019",
        "date.year 'yy          | Dx in '19.                               | '19                 | '19",
        "date.holiday           | Seen Thanksgiving.                       | Thanksgiving        | Thanksgiving"})
    void givenEachFormOfDateTheDetectorFinds_whenSurrogatedWithAShift_thenItKeepsItsFormAndMovesByTheShift(
            String rule, String sentence, String date, String expected) {
        int at = sentence.indexOf(date);
        List<PhiSpan> dates = d.detect(sentence, DetectionContext.EMPTY).stream()
                .filter(s -> s.type() == PhiType.DATE).toList();
        assertThat(dates).as("the detector finds the date as written")
                .anySatisfy(s -> assertThat(sentence.substring(s.start(), s.end())).isEqualTo(date));

        String out = TextScrubber.scrub(sentence, dates, Replacement.SURROGATE,
                TextScrubber.keyedSeed("key".getBytes(StandardCharsets.UTF_8), sentence),
                new TextScrubber.DateShift(-40, 2026)).text();

        assertThat(out).isEqualTo(sentence.substring(0, at) + expected + sentence.substring(at + date.length()));
        java.time.LocalDate read = TextDates.read(date, 2026);
        if (read != null) { // a whole date: the surrogate is a valid one, the original moved by the shift
            java.time.LocalDate moved = TextDates.read(expected, 2026);
            assertThat(moved).isNotNull();
            // (the year as written is compared whole above: a date without one is read in the reference year)
            assertThat(java.time.MonthDay.from(moved)).isEqualTo(java.time.MonthDay.from(read.minusDays(40)));
        }
    }

    @Test
    void givenOneTextsDatesInDayMonthForms_whenSurrogated_thenTheyKeepTheirFormOrderAndDistances() {
        // a walkthrough: "Seen 4MAR26, f/u 11MAR26. TPN started 4MAR." gave "25SEP25", "26MAY26" and "24THG"
        String t = "Seen 4MAR26, f/u 11MAR26. TPN started 4MAR.";
        List<PhiSpan> dates = d.detect(t, DetectionContext.EMPTY).stream().filter(s -> s.type() == PhiType.DATE).toList();

        String out = TextScrubber.scrub(t, dates, Replacement.SURROGATE,
                TextScrubber.keyedSeed("key".getBytes(StandardCharsets.UTF_8), t), new TextScrubber.DateShift(-200, 2026)).text();

        assertThat(out).isEqualTo("Seen 16AUG25, f/u 23AUG25. TPN started 16AUG.");
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
