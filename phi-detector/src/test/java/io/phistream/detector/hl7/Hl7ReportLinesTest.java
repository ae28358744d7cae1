package io.phistream.detector.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.DetectingScrubber;
import io.phistream.detector.FreeTextScrubber;
import io.phistream.detector.KnownPhi;
import io.phistream.detector.WrappedNote;
import io.phistream.detector.deid.KeyedValues;
import io.phistream.detector.er7.Er7Exception;
import io.phistream.detector.er7.Er7Message;
import io.phistream.detector.text.TextPhiDetector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A report sent one OBX line at a time, or a comment one NTE at a time, is one text to whoever reads it: the detector
 * reads its lines together, and each segment gets back its own line, scrubbed.
 */
class Hl7ReportLinesTest {

    private static final TestDeidentifiers T = new TestDeidentifiers();
    private static final String MSH = "MSH|^~\\&|TRANS|GHH|EHR|GHH|20260102030405||MDM^T02^MDM_T02|R1|P|2.5.1";
    private static final String PID = "PID|1||MRN778^^^GHH^MR||Quill^Ottoline||19500101|F";

    private static final List<String> NOTE = WrappedNote.LINES;

    /** Keeps the texts it is given, line by line, and changes nothing. */
    private static final class Recording implements FreeTextScrubber {
        final List<List<String>> texts = new ArrayList<>();

        @Override
        public Result scrub(String text, KnownPhi known) {
            return new Result(text, List.of());
        }

        @Override
        public List<Result> scrubParts(List<String> lines, List<String> joints, KnownPhi known) {
            assertThat(joints).hasSize(lines.size() - 1).allMatch("\n"::equals);
            texts.add(lines);
            return FreeTextScrubber.super.scrubParts(lines, joints, known);
        }
    }

    private static Hl7Deidentifier deidentifier(FreeTextScrubber text) {
        return T.scrubbingWith(text);
    }

    private static String report(String obx3) {
        return report(obx3, "1");
    }

    /** The note one OBX line at a time; '#' in OBX-3 or OBX-4 stands for the line's number. */
    private static String report(String obx3, String subId) {
        StringBuilder m = new StringBuilder(MSH).append('\r').append(PID);
        for (int i = 0; i < NOTE.size(); i++) {
            m.append("\rOBX|").append(i + 1).append("|TX|").append(obx3.replace("#", String.valueOf(i)))
                    .append('|').append(subId.replace("#", String.valueOf(i + 1))).append('|').append(NOTE.get(i))
                    .append("||||||F");
        }
        return m.toString();
    }

    /** OBX-5 of each OBX segment of a released message. */
    private static List<String> obxText(String message) throws Er7Exception {
        return Er7Message.parse(message).segments().stream().filter(s -> s.name().equals("OBX"))
                .map(s -> s.field(5)).toList();
    }

    @Test
    void givenAReportOneLinePerObx_whenScrubbed_thenAPlaceWrappedOverTwoLinesIsReplacedOnBoth() throws Er7Exception {
        Hl7Outcome out = deidentifier(new DetectingScrubber(TextPhiDetector.builtIn())).deidentify(report("NOTE^Progress"));

        assertThat(out).isInstanceOf(Hl7Outcome.Deidentified.class);
        List<String> lines = obxText(((Hl7Outcome.Deidentified) out).text());
        assertThat(lines).hasSize(NOTE.size());
        assertThat(lines.get(1)).endsWith("from [GEO]").contains("tolerating diet");
        assertThat(lines.get(2)).startsWith("[GEO] after a fall");
        assertThat(String.join(" ", lines)).doesNotContain("Mercy", "Rosalind", "Abernethy")
                .contains("continue IV antibiotics");
    }

    @Test
    void givenLinesOfDifferentObservations_thenEachIsATextOfItsOwn() {
        Recording recording = new Recording();

        deidentifier(recording).deidentify(report("NOTE^Progress"));
        deidentifier(recording).deidentify(report("NOTE#^Line #"));

        List<List<String>> expected = new ArrayList<>();
        expected.add(NOTE); // one observation's lines: one text
        NOTE.forEach(line -> expected.add(List.of(line))); // a line per observation: a text per line
        assertThat(recording.texts).containsExactlyElementsOf(expected);
    }

    @Test
    void givenAReportWhoseLinesAreNumberedBySubId_thenItsLinesAreOneText() {
        Recording recording = new Recording();

        deidentifier(recording).deidentify(report("NOTE^Progress", "#"));

        assertThat(recording.texts).containsExactly(NOTE);
    }

    @Test
    void givenFormattedText_whenScrubbed_thenItsCommandsComeBackAsWritten_andTheTextBetweenThemIsReadAsLines()
            throws Er7Exception {
        String message = String.join("\r", MSH, PID, "OBR|1|||RAD^Chest",
                "OBX|1|FT|RAD^Report||FINDINGS:\\.br\\Reviewed with \\H\\Dr. Abernethy\\N\\ on 3/4.\\.br\\"
                        + "Daughter Ottoline\\.br\\Fairweather called.\\.sp 2\\IMPRESSION: no acute process.||||||F");

        Hl7Outcome out = deidentifier(new DetectingScrubber(TextPhiDetector.builtIn())).deidentify(message);

        assertThat(out).isInstanceOf(Hl7Outcome.Deidentified.class);
        assertThat(obxText(((Hl7Outcome.Deidentified) out).text())).containsExactly(
                "FINDINGS:\\.br\\Reviewed with \\H\\Dr. [NAME]\\N\\ on [DATE].\\.br\\Daughter [NAME]\\.br\\"
                        + "[NAME] called.\\.sp 2\\IMPRESSION: no acute process.");
    }

    @Test
    void givenEscapesThatAreNoText_whenScrubbedBySpans_thenEachComesBackExactly_andTheTextBetweenThemIsScrubbed()
            throws Er7Exception {
        // a walkthrough: "\X0D\" was dropped, and "\Zsig\" came out as "\E\Zsig\E\", its text replaced as a name
        String message = String.join("\r", MSH, PID, "OBR|1|||PATH^Surgical",
                "OBX|1|FT|PATH^Report||Reviewed with Dr. Abernethy.\\X0D\\\\.ce\\Signed: \\Zsig\\Dr. Abernethy"
                        + "\\.br\\Please call 555-0143\\X0A\\\\C2842\\\\X0D0A\\Stable.||||||F");

        Hl7Outcome out = deidentifier(new DetectingScrubber(TextPhiDetector.builtIn())).deidentify(message);

        assertThat(obxText(((Hl7Outcome.Deidentified) out).text())).containsExactly(
                "Reviewed with Dr. [NAME].\\X0D\\\\.ce\\Signed: \\Zsig\\Dr. [NAME]"
                        + "\\.br\\Please call [PHONE]\\X0A\\\\C2842\\\\X0D0A\\Stable.");
    }

    @Test
    void givenHexadecimalDataThatSpellsText_whenScrubbedBySpans_thenItIsReadAsText_andNeverPassedOnUnread()
            throws Er7Exception {
        // "\X4F74746F6C696E65\" is "Ottoline", the patient's given name; one line break before it changes nothing
        String message = String.join("\r", MSH, PID, "OBR|1|||RAD^Chest",
                "OBX|1|FT|RAD^Report||Spoke with \\X4F74746F6C696E65\\ and \\X0D4F74746F6C696E65\\ today.||||||F");

        Hl7Outcome.Deidentified out = (Hl7Outcome.Deidentified) deidentifier(
                new DetectingScrubber(TextPhiDetector.builtIn())).deidentify(message);

        assertThat(obxText(out.text())).singleElement().asString().startsWith("Spoke with [NAME] and ")
                .endsWith("[NAME] today.").doesNotContain("4F74", "Ottoline");
        assertThat(out.spans()).filteredOn(s -> s.type() == io.phistream.detector.PhiType.NAME)
                .extracting(s -> message.substring(s.start(), s.end()))
                .contains("\\X4F74746F6C696E65\\", "\\X0D4F74746F6C696E65\\");
    }

    @Test
    void givenSiteDefinedEscapesHoldingANameANumberOrWords_whenScrubbedBySpans_thenEachIsRemovedWhole()
            throws Er7Exception {
        String message = String.join("\r", MSH, PID, "OBR|1|||RAD^Chest",
                "OBX|1|FT|RAD^Report||Signed: \\ZOttoline\\ \\Z55501430\\ \\ZDr Quill\\ \\ZBOLD\\done.||||||F");

        Hl7Outcome.Deidentified out = (Hl7Outcome.Deidentified) deidentifier(
                new DetectingScrubber(TextPhiDetector.builtIn())).deidentify(message);

        assertThat(obxText(out.text())).containsExactly("Signed:    \\ZBOLD\\done.");
        assertThat(out.spans()).extracting(s -> s.type() + " " + message.substring(s.start(), s.end()))
                .contains("NAME \\ZOttoline\\", "OTHER_ID \\Z55501430\\", "OTHER_ID \\ZDr Quill\\");
    }

    @Test
    void givenANameSplitByALineBreakCommand_whenScrubbedBySpans_thenBothWordsAreFound() throws Er7Exception {
        String message = String.join("\r", MSH, PID, "OBR|1|||RAD^Chest",
                "OBX|1|FT|RAD^Report||Seen by Dr. Jane\\.br\\Fennimore today. Daughter Maeve\\X0D0A\\Abernethy called."
                        + "||||||F");

        Hl7Outcome out = deidentifier(new DetectingScrubber(TextPhiDetector.builtIn())).deidentify(message);

        assertThat(obxText(((Hl7Outcome.Deidentified) out).text())).containsExactly(
                "Seen by Dr. [NAME]\\.br\\[NAME] today. Daughter [NAME]\\X0D0A\\[NAME] called.");
    }

    @Test
    void givenFormattedTextAndWholeFieldRedaction_thenNoCommandIsLeftBehind() throws Er7Exception {
        String message = String.join("\r", MSH, PID,
                "OBX|1|FT|RAD^Report||Seen by \\H\\Dr. Abernethy\\N\\.\\.br\\Stable.\\X0D\\\\Zsig\\||||||F");

        Hl7Outcome out = deidentifier(FreeTextScrubber.REDACT_ALL).deidentify(message);

        assertThat(obxText(((Hl7Outcome.Deidentified) out).text())).containsExactly("");
    }

    @Test
    void givenACommentOneLinePerNte_thenItsLinesAreOneText() {
        Recording recording = new Recording();
        String message = String.join("\r", MSH, PID, "OBR|1|||CBC", "NTE|1||Daughter asks to be called at",
                "NTE|2||home after 5 pm, not at work.", "OBX|1|NM|WBC||7.2|10*9/L|||||F", "NTE|1||Repeat drawn.");

        deidentifier(recording).deidentify(message);

        assertThat(recording.texts).containsExactly(Arrays.asList("Daughter asks to be called at", "home after 5 pm, not at work."),
                List.of("Repeat drawn."));
    }

    @Test
    void givenTheZipOfTheStructuredAddressInANote_whenScrubbed_thenEveryOccurrenceGoes_whileTheFieldKeepsItsZip3() {
        String message = MSH + "\r" + "PID|1||MRN778^^^GHH^MR||Quill^Ottoline||19500101|F|||452 Maple Ave^^Springfield^IL^"
                + "62704^USA\r" + "NTE|1||Mailing zip 62704. La paciente recibe cartas en 62704 cada mes.\r";

        Hl7Outcome out = deidentifier(new DetectingScrubber(TextPhiDetector.builtIn())).deidentify(message);

        assertThat(out).isInstanceOf(Hl7Outcome.Deidentified.class);
        String text = ((Hl7Outcome.Deidentified) out).text();
        assertThat(KeyedValues.without(text)).doesNotContain("62704").contains("^IL^627^USA");
    }
}
