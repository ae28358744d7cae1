package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import io.phistream.detector.WrappedNote;
import org.junit.jupiter.api.Test;

class SoftBreaksTest {

    /** A progress note as an EHR exports it: prose wrapped at 60 columns. */
    private static final String WRAPPED = WrappedNote.TEXT;

    /** The same note wrapped at 53 columns. */
    private static final String NARROWER = """
            Pt seen this morning with wife at bedside,
            comfortable on room air, tolerating diet. Transferred
            yesterday from Mercy Hospital after a fall at home;
            family asks for updates to her daughter Rosalind
            Abernethy, who is the health care proxy. Plan:
            continue IV antibiotics, PT eval, possible d/c
            Friday.
            """;

    @Test
    void givenProseWrappedAtAWidth_thenItsWrappingBreaksReadAsSpaces_offsetsKept() {
        String view = SoftBreaks.unwrap(WRAPPED).toString();

        assertThat(view).hasSameSizeAs(WRAPPED);
        assertThat(view).contains("comfortable on room air", "from Mercy Hospital after", "possible d/c Friday.");
        assertThat(view).endsWith("Friday.\n"); // the last line's break wraps nothing
    }

    @Test
    void givenANameOrAPlaceBrokenAcrossWrappedLines_thenFoundWhole() {
        assertThat(values(WRAPPED, PhiType.GEO)).containsExactly("Mercy\nHospital");
        assertThat(values(NARROWER, PhiType.NAME)).containsExactly("Rosalind\nAbernethy");
        assertThat(SoftBreaks.unwrap(NARROWER).toString()).contains("health care proxy. Plan:\ncontinue");
    }

    @Test
    void givenAStructuredNote_thenUnchanged() {
        String note = """
                NPN 0700-1900
                Neuro: A&O x3, MAE, follows commands.
                CV: NSR 80s, BP 120s/70s, no ectopy.
                Resp: LS clear, RA sat 97%.
                Social: wife Mary in this afternoon, updated by RN.
                """;

        assertThat(SoftBreaks.unwrap(note)).isSameAs(note);
    }

    @Test
    void givenOneLongParagraphAmongShortLines_thenNotTakenForWrapping() {
        String note = "Events:\nPt became hypotensive overnight to the 80s systolic, given 1 L NS with response, lactate"
                + " 1.1, cultures sent, started on vanc and zosyn per ICU team.\nPlan: wean pressors.\n";

        assertThat(SoftBreaks.unwrap(note)).isSameAs(note);
    }

    @Test
    void givenFullLinesThatEndALabelASentenceOrOpenAListItem_thenTheirBreaksStay() {
        String note = """
                Discharge plan discussed at length with the patient and his
                brother, who agrees with rehab placement and with the team.
                Follow-up appointments and services have been arranged below:
                - PCP Dr. Abernethy in 1 week; labs drawn at the clinic lab on
                1. cardiology at 2 weeks with echo before the visit, fasting
                Brother reports he lives alone in a second floor walk up with
                a cane at baseline; OT to assess stairs before discharge.
                """;

        String view = SoftBreaks.unwrap(note).toString();

        assertThat(view).contains("his brother", "walk up with a cane", "team.\nFollow-up", "below:\n- PCP",
                "lab on\n1. cardiology");
    }

    @Test
    void givenATitleAtALinesEnd_thenItsBreakIsSoft() {
        String note = """
                Patient was seen and examined in the unit this morning by Dr.
                Abernethy, who reviewed the imaging with the family and the
                nurse; the patient agrees with the plan for surgery tomorrow.
                """;

        assertThat(SoftBreaks.unwrap(note).toString()).contains("by Dr. Abernethy, who");
        assertThat(values(note, PhiType.NAME)).containsExactly("Abernethy");
    }

    @Test
    void givenWindowsLineEnds_thenTheCarriageReturnBeforeASoftBreakTurnsToASpaceToo() {
        String note = WRAPPED.replace("\n", "\r\n");

        String view = SoftBreaks.unwrap(note).toString();

        assertThat(view).hasSameSizeAs(note).contains("comfortable on  room air").endsWith("Friday.\r\n");
    }
}
