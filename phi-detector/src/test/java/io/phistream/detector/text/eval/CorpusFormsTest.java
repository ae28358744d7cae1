package io.phistream.detector.text.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorpusFormsTest {

    private static final String TEXT = "Pt seen with wife at bedside, comfortable on room air. Transferred yesterday "
            + "from Mercy Hospital after a fall; daughter Rosalind Abernethy, 617-555-0123, asks for updates.\nPlan: d/c.";
    private static final GoldDocument NOTE = new GoldDocument("n1", TEXT, List.of(
            gold(PhiType.GEO, "Mercy Hospital"), gold(PhiType.NAME, "Rosalind Abernethy"),
            gold(PhiType.PHONE, "617-555-0123")));

    private static GoldSpan gold(PhiType type, String value) {
        int at = TEXT.indexOf(value);
        return new GoldSpan(type.name(), type, at, at + value.length());
    }

    @Test
    void givenEveryForm_thenEachTextKeepsItsLengthAndItsGoldSpansTheirPlaces() {
        for (CorpusForms.Form form : CorpusForms.others()) {
            GoldDocument d = CorpusForms.apply(form, List.of(NOTE)).get(0);

            assertThat(d.text()).as(form.name()).hasSameSizeAs(TEXT);
            assertThat(d.spans()).as(form.name()).allMatch(g -> g.start() >= 0 && g.end() <= TEXT.length());
        }
    }

    @Test
    void givenWrapping_thenNoLinePassesTheWidth_andASpanOverALineBreakBecomesOneGoldSpanPerLine() {
        String wrapped = CorpusForms.wrap(TEXT, 72);

        assertThat(wrapped.lines()).allMatch(l -> l.length() <= 72);
        assertThat(wrapped.replace('\n', ' ')).isEqualTo(TEXT.replace('\n', ' '));
        String narrow = CorpusForms.wrap(TEXT, 90);
        assertThat(narrow).contains("Mercy\nHospital");
        List<GoldSpan> spans = CorpusForms.apply(new CorpusForms.Form("wrapped at 90", t -> CorpusForms.wrap(t, 90)),
                List.of(NOTE)).get(0).spans();
        assertThat(spans).extracting(g -> narrow.substring(g.start(), g.end()))
                .containsExactly("Mercy", "Hospital", "Rosalind Abernethy", "617-555-0123");
    }

    @Test
    void givenTitleCase_thenEveryWordCapitalisedAndTheRestLowerCase() {
        assertThat(CorpusForms.titleCase("PT'S wife at bedside, 2nd visit"))
                .isEqualTo("Pt's Wife At Bedside, 2nd Visit");
    }
}
