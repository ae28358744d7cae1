package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

class PlainCharsTest {

    @Test
    void givenPlainText_thenTheViewIsTheTextItself() {
        String note = "Daughter Mary called at 617-555-0123 re: d/c on 3/4.\n";

        assertThat(PlainChars.of(note)).isSameAs(note);
    }

    @Test
    void givenLookAlikeCharacters_thenEachReadsAsItsAsciiChar_oneForOne() {
        String note = "Mary\u00A0Smith \u2013 617\u2011555\u22120123, MRN\u3000\uFF10\uFF14\uFF17 \u2014 ok\u2019d "
                + "\u201CSully\u201D";

        assertThat(PlainChars.of(note).toString())
                .isEqualTo("Mary Smith - 617-555-0123, MRN 047 - ok\u2019d \"Sully\"");
    }

    @Test
    void givenAPhoneWithEnDashes_thenFound() {
        assertThat(values("Daughter asks to be called at 617\u2013555\u20130123 after 5.", PhiType.PHONE))
                .containsExactly("617\u2013555\u20130123");
    }

    @Test
    void givenANameJoinedByANoBreakSpace_thenFoundWhole() {
        assertThat(values("Discussed with daughter Rosalind\u00A0Abernethy, HCP.", PhiType.NAME))
                .containsExactly("Rosalind\u00A0Abernethy");
    }

    @Test
    void givenADateInFullwidthDigits_thenFound() {
        assertThat(values("Admitted \uFF10\uFF13/\uFF10\uFF14/\uFF12\uFF10\uFF11\uFF19 via ED.", PhiType.DATE))
                .containsExactly("\uFF10\uFF13/\uFF10\uFF14/\uFF12\uFF10\uFF11\uFF19");
    }
}
