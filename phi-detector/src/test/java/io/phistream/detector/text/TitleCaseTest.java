package io.phistream.detector.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TitleCaseTest {

    /** A template that capitalises every word. */
    private static final String TITLE_CASED = "Patient Seen And Examined With Wife At Bedside. She Is Comfortable "
            + "And Has No Complaints, Tolerating Diet. Plan Is To Continue Current Care, And Her Daughter Rosalind "
            + "Will Visit Tomorrow From Worcester. Discussed With Charge Nurse Who Is In Agreement.";

    @Test
    void givenANoteInTitleCase_thenReadInUpperCase_charForChar() {
        assertThat(TitleCase.upper(TITLE_CASED).toString()).isEqualTo(TITLE_CASED.toUpperCase(java.util.Locale.ROOT));
    }

    @Test
    void givenANoteInTitleCase_thenItsCapitalsAreNotTakenForNames() {
        assertThat(Spans.found(TITLE_CASED)).extracting(f -> f.substring(0, f.indexOf('|')))
                .containsExactly("Rosalind", "Worcester");
    }

    @Test
    void givenANoteDenseWithNamesAndPlaces_thenReadAsWritten() {
        String note = "From: Walton Pines Community Hospital ED, DeFuniak Springs; report by RN Shelby by phone. "
                + "To: Escambia Gulf Regional Medical Center neuro ICU, accepting Dr. Pruett-Villanueva. Family: wife "
                + "Loretta is driving from Ponce de Leon, she has his list of medications; son Earl Jr. was called.";

        assertThat(TitleCase.upper(note)).isSameAs(note);
    }

    @Test
    void givenAnOrdinaryNote_thenReadAsWritten() {
        String note = "Pt seen with wife at bedside. She is comfortable and has no complaints. Daughter Rosalind will "
                + "visit tomorrow; this was discussed with the charge nurse, who is in agreement.";

        assertThat(TitleCase.upper(note)).isSameAs(note);
    }
}
