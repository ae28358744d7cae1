package io.phistream.detector.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void givenAWordSplitByInlineMarkupOrSpelledWithReferences_thenItIsOneWordAgain() {
        assertThat(HtmlText.readable("<p>Seen: Winter<span class=\"x\">bourne</span>, <B>Ann</B></p>"))
                .isEqualTo("<p>Seen: Winterbourne, Ann</p>");
        assertThat(HtmlText.readable("W&#105;nterbourne &#x41;nn Qu&#105llfeather")).isEqualTo("Winterbourne Ann Quillfeather");
    }

    @Test
    void givenInlineMarkupBetweenADigitAndALetter_thenItSeparatesTwoWords() {
        // a walkthrough: "555-555-0177Home" and "Thornwhistle1" hid the phone and the name from the detector
        assertThat(HtmlText.readable("<span>Phone: 555-555-0177</span><span>Home</span>"))
                .isEqualTo("Phone: 555-555-0177 Home");
        assertThat(HtmlText.readable("Seen by Orrin Thornwhistle<sup>1</sup>, 555-<b>0177</b>"))
                .isEqualTo("Seen by Orrin Thornwhistle 1, 555-0177");
    }

    @Test
    void givenTheWaysARecheckHidAName_thenEachComesOutAsTheWord() {
        // a second walkthrough: each of these passed the first version
        assertThat(HtmlText.readable("Quill<!---->feather")).isEqualTo("Quillfeather");
        assertThat(HtmlText.readable("Quill&shy;feather Quill&#173;feather Quill&#x200B;feather Quill&ZeroWidthSpace;feather"))
                .isEqualTo("Quillfeather Quillfeather Quillfeather Quillfeather");
        assertThat(HtmlText.readable("Z&eacute;phyrine Ze&#769;phyrine")).isEqualTo("Zéphyrine Zéphyrine");
        assertThat(HtmlText.readable("Quill<o:p></o:p>feather Quill<bdi>feather</bdi> Quill<x-y>feather"))
                .isEqualTo("Quillfeather Quillfeather Quillfeather");
        assertThat(HtmlText.readable("Quill<![CDATA[feather]]> <script>var n='Quillfeather';</script>x<?pi Quillfeather?>"))
                .isEqualTo("Quillfeather x");
    }

    @Test
    void givenBlocksAndReferencesToMarkup_thenTheyStaySoTheResultIsStillHtml() {
        assertThat(HtmlText.readable("<p>a &lt; b &amp;&#60; c</p><br/><div>d</div>"))
                .isEqualTo("<p>a &lt; b &amp;&lt; c</p><br/><div>d</div>");
        assertThat(HtmlText.readable("&#99999999; &#xFFFFFFF; &unknownthing;")).isEqualTo("&#99999999; &#xFFFFFFF; &unknownthing;");
    }

    @Test
    void givenBlockTagsWithAttributes_thenTheyStayWithoutThem() {
        // the narrative's attributes are checked one by one; an attachment's have no use to a reader of its text
        assertThat(HtmlText.readable("<div class=\"orla-fennimore-5550143\"><P TITLE=\"Orla Fennimore\" style=\"x:quillwort\">"
                + "Seen.</P><br data-x=\"quillwort\"/><td\nlang=\"quillwort\">ok</td></div>"))
                .isEqualTo("<div><P>Seen.</P><br/><td>ok</td></div>");
    }

    @Test
    void givenPlainTextWithInvisibleCharactersOrCombiningAccents_thenTheyAreDroppedOrComposed() {
        assertThat(HtmlText.plain("Quill\u00ADfeather Quill\u200Bfeather Ze\u0301phyrine")).isEqualTo("Quillfeather Quillfeather Zéphyrine");
        assertThat(HtmlText.plain("plain text")).isEqualTo("plain text");
    }

    @Test
    void givenTextInAnotherScriptOrReadInTheWrongByteOrder_thenItIsNotMostlyLatin() {
        String utf16Le = new String("Winterbourne MRN 7012361".getBytes(java.nio.charset.StandardCharsets.UTF_16LE),
                java.nio.charset.StandardCharsets.UTF_16BE);

        assertThat(HtmlText.mostlyLatin("Patient Winterbourne, José Núñez")).isTrue();
        assertThat(HtmlText.mostlyLatin(utf16Le)).isFalse();
        assertThat(HtmlText.mostlyLatin("患者 王伟")).isFalse();
    }
}
