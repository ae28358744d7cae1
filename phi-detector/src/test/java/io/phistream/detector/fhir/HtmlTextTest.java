package io.phistream.detector.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void givenAWordSplitByInlineMarkupOrSpelledWithReferences_thenItIsOneWordAgain() {
        assertThat(HtmlText.readable("<p>Seen: Winter<span class=\"x\">bourne</span>, <B>Ann</B></p>"))
                .isEqualTo("<p>Seen: Winterbourne, Ann</p>");
        assertThat(HtmlText.readable("W&#105;nterbourne &#x41;nn")).isEqualTo("Winterbourne Ann");
    }

    @Test
    void givenBlocksAndReferencesToMarkup_thenTheyStaySoTheResultIsStillHtml() {
        assertThat(HtmlText.readable("<p>a &lt; b &amp;&#60; c</p><br/><div>d</div>"))
                .isEqualTo("<p>a &lt; b &amp;&#60; c</p><br/><div>d</div>");
        assertThat(HtmlText.readable("&#99999999; &#xFFFFFFF;")).isEqualTo("&#99999999; &#xFFFFFFF;");
    }
}
