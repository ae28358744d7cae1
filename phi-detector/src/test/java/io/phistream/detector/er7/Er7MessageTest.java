package io.phistream.detector.er7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import io.phistream.detector.er7.Er7Exception.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class Er7MessageTest {

    private static final Path CORPUS = Path.of("..", "..", "shared", "corpora", "hl7v2-samples", "messages");

    private static final List<String> ORU = List.of(
            "MSH|^~\\&|LAB|GOOD HEALTH^1.2.3^ISO|EHR|GHH|20260102030405||ORU^R01^ORU_R01|CTRL-1|P|2.5.1",
            "PID|1||MRN123^^^HOSP&1.2.3&ISO^MR~123-45-6789^^^SSA^SS||Doe^John^Q||19700101|M",
            "OBR|1|ORD1|FIL1|8867-4^Heart rate^LN",
            "OBX|1|NM|8867-4^Heart rate^LN||72|/min|||||F",
            "NTE|1||Patient said \\F\\ hello \\T\\ goodbye");

    private static String join(String sep, List<String> segments) {
        return String.join(sep, segments);
    }

    @ParameterizedTest(name = "separator {0}")
    @ValueSource(strings = {"\r", "\n", "\r\n"})
    void givenCrLfOrCrlfSegmentSeparators_whenParsed_thenTheSameSegmentsAndFieldsAreRead(String sep) throws Exception {
        Er7Message msg = Er7Message.parse(join(sep, ORU) + sep);

        assertThat(msg.segments()).extracting(Er7Segment::name).containsExactly("MSH", "PID", "OBR", "OBX", "NTE");
        assertThat(msg.get("PID", 3, 2, 1, 1)).isEqualTo("123-45-6789");
        assertThat(msg.get("PID", 3, 1, 4, 2)).isEqualTo("1.2.3");
        assertThat(msg.get("OBX", 5, 1, 1, 1)).isEqualTo("72");
        assertThat(msg.get("NTE", 3, 1, 1, 1)).isEqualTo("Patient said \\F\\ hello \\T\\ goodbye");
        assertThat(msg.encode()).isEqualTo(join("\r", ORU) + "\r");
    }

    @Test
    void givenMixedSeparatorsAndBlankLines_whenParsed_thenBlankLinesAreNotSegments() throws Exception {
        Er7Message msg = Er7Message.parse(ORU.get(0) + "\r\n\r\n" + ORU.get(1) + "\n  \n" + ORU.get(2) + "\r");
        assertThat(msg.segments()).extracting(Er7Segment::name).containsExactly("MSH", "PID", "OBR");
    }

    @Test
    void givenMllpFramingAndAByteOrderMark_whenParsed_thenTheyAreIgnoredAndOffsetsStillPointIntoTheInput()
            throws Exception {
        String input = "\u000B\uFEFF" + join("\r", ORU) + "\r\u001C\r";

        Er7Message msg = Er7Message.parse(input);

        assertThat(msg.segments()).hasSize(5);
        assertThat(msg.encode()).isEqualTo(join("\r", ORU) + "\r");
        Er7Segment pid = msg.first("PID");
        assertThat(input.substring(pid.fieldStart(5))).startsWith("Doe^John^Q|");
    }

    @Test
    void givenAnyParsedMessage_whenFieldStartsAreRead_thenEachPointsAtItsFieldInTheInput() throws Exception {
        String input = join("\r\n", ORU);
        Er7Message msg = Er7Message.parse(input);
        for (Er7Segment s : msg.segments()) {
            for (int n = 1; n <= s.fieldCount(); n++) {
                int start = s.fieldStart(n);
                assertThat(input.startsWith(s.field(n), start)).as("%s-%d", s.name(), n).isTrue();
                if (!(s.isMsh() && n <= 2)) {
                    assertThat(input.charAt(start - 1)).as("%s-%d preceded by |", s.name(), n).isEqualTo('|');
                }
            }
            assertThat(s.fieldStart(s.fieldCount() + 1)).isEqualTo(-1);
            assertThat(s.fieldStart(0)).isEqualTo(-1);
        }
    }

    @Test
    void givenMsh_whenFieldsAreNumbered_thenMsh1IsTheFieldSeparatorAndMsh2TheEncodingCharacters() throws Exception {
        Er7Message msg = Er7Message.parse(join("\r", ORU));
        Er7Segment msh = msg.first("MSH");

        assertThat(msh.isMsh()).isTrue();
        assertThat(msh.field(1)).isEqualTo("|");
        assertThat(msh.field(2)).isEqualTo("^~\\&");
        assertThat(msh.field(3)).isEqualTo("LAB");
        assertThat(msh.field(9)).isEqualTo("ORU^R01^ORU_R01");
        assertThat(msh.field(12)).isEqualTo("2.5.1");
        assertThat(msh.fieldCount()).isEqualTo(12);
        // get() must not split MSH-1 and MSH-2 on the characters they declare
        assertThat(msg.get("MSH", 1, 1, 1, 1)).isEqualTo("|");
        assertThat(msg.get("MSH", 2, 1, 1, 1)).isEqualTo("^~\\&");
        assertThat(msg.get("MSH", 9, 1, 2, 1)).isEqualTo("R01");
        assertThat(msg.get("MSH", 4, 1, 2, 1)).isEqualTo("1.2.3");
    }

    @Test
    void givenCustomEncodingCharacters_whenParsed_thenTheDeclaredCharactersSplitTheFields() throws Exception {
        String input = "MSH#*@!%#LAB#FAC#EHR#GHH#20260102##ORU*R01#C1#P#2.5\r"
                + "PID#1##MRN1***HOSP%1.2*MR@SSN9***SSA*SS##Doe*Jane!F!Smith\r";

        Er7Message msg = Er7Message.parse(input);

        Delimiters d = msg.delimiters();
        assertThat(d).isEqualTo(new Delimiters('#', '*', '@', '!', '%', '\0'));
        assertThat(msg.first("MSH").field(1)).isEqualTo("#");
        assertThat(msg.first("MSH").field(2)).isEqualTo("*@!%");
        assertThat(msg.get("MSH", 9, 1, 2, 1)).isEqualTo("R01");
        assertThat(msg.get("PID", 3, 1, 4, 2)).isEqualTo("1.2");
        assertThat(msg.get("PID", 3, 2, 1, 1)).isEqualTo("SSN9");
        assertThat(Er7.unescape(msg.get("PID", 5, 1, 2, 1), d)).isEqualTo("Jane#Smith");
        assertThat(msg.encode()).isEqualTo(input);
    }

    @Test
    void givenAV27TruncationCharacter_whenParsed_thenItIsDeclaredAndWrittenBack() throws Exception {
        String input = "MSH|^~\\&#|A|B|C|D|20260102||ADT^A01|1|P|2.7\rPID|1||X1\r";

        Er7Message msg = Er7Message.parse(input);

        assertThat(msg.delimiters().truncation()).isEqualTo('#');
        assertThat(msg.first("MSH").field(2)).isEqualTo("^~\\&#");
        assertThat(msg.delimiters().encodingCharacters()).isEqualTo("^~\\&#");
        assertThat(msg.encode()).isEqualTo(input);
    }

    @Test
    void givenOnlyComponentAndRepetitionCharacters_whenParsed_thenEscapeAndSubcomponentAreAbsent() throws Exception {
        Er7Message msg = Er7Message.parse("MSH|^~|A|B|C|D|20260102||ADT^A01|1|P|2.3\rPID|1||X1&Y\\F\\");

        assertThat(msg.delimiters().escape()).isEqualTo('\0');
        assertThat(msg.delimiters().subcomponent()).isEqualTo('\0');
        assertThat(msg.get("PID", 3, 1, 1, 1)).isEqualTo("X1&Y\\F\\");
    }

    @Test
    void givenTrailingEmptyFieldsAndSpaces_whenEncodedUnmodified_thenTheOutputIsByteIdenticalWithCrSeparators()
            throws Exception {
        String input = "MSH|^~\\&|A|B|C|D|20260102||ADT^A01|1|P|2.5|||\r"
                + "PID|1||X1^^^^MR||Doe^Jo ||||||||||||\r"
                + "PD1|S^^ACR||20150202^20150202 \r"
                + "ZPI|||\r"
                + "NTE|1||ends in spaces  ";

        assertThat(Er7Message.parse(input).encode()).isEqualTo(input + "\r");
        assertThat(Er7Message.parse(input + "\r").encode()).isEqualTo(input + "\r");
        assertThat(Er7Message.parse(input.replace("\r", "\n") + "\n").encode()).isEqualTo(input + "\r");
        assertThat(Er7Message.parse(input.replace("\r", "\r\n") + "\r\n").encode()).isEqualTo(input + "\r");
        assertThat(Er7Message.parse("\u000B" + input + "\u001C\r").encode()).isEqualTo(input + "\r");
    }

    @Test
    void givenEveryCorpusMessage_whenEncodedUnmodified_thenTheOutputIsTheInputWithCrSeparators() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS), "../shared HL7 corpus absent: skipped");
        List<Path> files;
        try (Stream<Path> s = Files.list(CORPUS)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            String input = Files.readString(f, StandardCharsets.UTF_8);
            String expected = input.replace("\uFEFF", "").replace("\r\n", "\r").replace('\n', '\r').replaceFirst("\r+$", "") + "\r";
            Er7Message msg = assertDoesNotThrow(() -> Er7Message.parse(input), f.getFileName().toString());
            assertThat(msg.encode()).as(f.getFileName().toString()).isEqualTo(expected);
        }
    }

    @Test
    void givenASegment_whenAFieldBeyondTheEndIsSet_thenTheGapIsPaddedWithEmptyFields() throws Exception {
        Er7Message msg = Er7Message.parse("MSH|^~\\&|A|B|C|D|20260102||ADT^A01|1|P|2.5\rPID|1||X1");
        Er7Segment pid = msg.first("PID");

        pid.setField(8, "F");

        assertThat(pid.fieldCount()).isEqualTo(8);
        assertThat(pid.field(8)).isEqualTo("F");
        assertThat(pid.field(5)).isEmpty();
        assertThat(pid.fieldStart(5)).isEqualTo(-1);
        assertThat(pid.fieldStart(8)).isEqualTo(-1);
        assertThat(msg.encode()).endsWith("\rPID|1||X1|||||F\r");
    }

    @Test
    void givenASegment_whenAFieldFarBeyondItsCapacityIsSet_thenItGrows() throws Exception {
        Er7Segment pid = Er7Message.parse("MSH|^~\\&|A|B|C|D|20260102||ADT^A01|1|P|2.5\rPID|1").first("PID");

        pid.setField(200, "x");

        assertThat(pid.fieldCount()).isEqualTo(200);
        assertThat(pid.field(199)).isEmpty();
        assertThat(pid.field(200)).isEqualTo("x");
    }

    @Test
    void givenAnExistingField_whenReplaced_thenItsInputOffsetIsForgotten() throws Exception {
        Er7Message msg = Er7Message.parse("MSH|^~\\&|A|B|C|D|20260102||ADT^A01|1|P|2.5\rPID|1||X1||Doe");
        Er7Segment pid = msg.first("PID");

        pid.setField(3, "T");

        assertThat(pid.field(3)).isEqualTo("T");
        assertThat(pid.fieldStart(3)).isEqualTo(-1);
        assertThat(pid.fieldStart(5)).isPositive();
        assertThat(msg.encode()).endsWith("PID|1||T||Doe\r");
    }

    @Test
    void givenMsh1OrMsh2OrFieldZero_whenSet_thenTheEditIsRefused() throws Exception {
        Er7Message msg = Er7Message.parse("MSH|^~\\&|A|B|C|D|20260102||ADT^A01|1|P|2.5\rPID|1");
        assertThatThrownBy(() -> msg.first("MSH").setField(1, "#")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> msg.first("MSH").setField(2, "*@!%")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> msg.first("PID").setField(0, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> msg.first("MSH").clearFields()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenAnUnknownSegment_whenCleared_thenOnlyItsNameIsWritten() throws Exception {
        Er7Message msg = Er7Message.parse("MSH|^~\\&|A|B|C|D|20260102||ADT^A01|1|P|2.5\rZPI|secret|more\rPID|1");

        msg.first("ZPI").clearFields();

        assertThat(msg.first("ZPI").fieldCount()).isZero();
        assertThat(msg.first("ZPI").field(1)).isEmpty();
        assertThat(msg.encode()).isEqualTo("MSH|^~\\&|A|B|C|D|20260102||ADT^A01|1|P|2.5\rZPI\rPID|1\r");
    }

    @Test
    void givenRepeatedSegments_whenFirstIsAsked_thenTheFirstInOrderOrNullComesBack() throws Exception {
        Er7Message msg = Er7Message.parse(
                "MSH|^~\\&|A|B|C|D|20260102||ORU^R01|1|P|2.5\rOBX|1|NM|a||1\rOBX|2|NM|b||2\rNTE|1||x");
        assertThat(msg.first("OBX").field(1)).isEqualTo("1");
        assertThat(msg.first("PID")).isNull();
        assertThat(msg.get("PID", 3, 1, 1, 1)).isEmpty();
        assertThatThrownBy(() -> msg.segments().add(msg.first("OBX"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void givenABareSegmentName_whenParsed_thenItHasNoFields() throws Exception {
        Er7Message msg = Er7Message.parse("MSH|^~\\&|A|B|C|D|20260102||ADT^A01|1|P|2.5\rZZZ\rPID|1");
        assertThat(msg.first("ZZZ").fieldCount()).isZero();
        assertThat(msg.encode()).contains("\rZZZ\r");
    }

    static Stream<Arguments> malformed() {
        String msh = "MSH|^~\\&|A|B|C|D|20260102||ADT^A01|1|P|2.5";
        return Stream.of(
                Arguments.of("", Problem.EMPTY, 0),
                Arguments.of(" \r\n\t ", Problem.EMPTY, 0),
                Arguments.of("\u000B\u001C\r", Problem.EMPTY, 0),
                Arguments.of("PID|1||X", Problem.NO_MSH, 0),
                Arguments.of("MSH|^~", Problem.NO_MSH, 0),
                Arguments.of("<html><body>hello</body></html>", Problem.NO_MSH, 0),
                Arguments.of("\u000BMSA|AA|1|ok", Problem.NO_MSH, 1),
                Arguments.of("MSHA^~\\&|B|C", Problem.BAD_ENCODING_CHARACTERS, 3),
                Arguments.of("MSH ^~\\&|B|C", Problem.BAD_ENCODING_CHARACTERS, 3),
                Arguments.of("MSH|^|A|B|C|D", Problem.BAD_ENCODING_CHARACTERS, 3),
                Arguments.of("MSH|^~\\&#$|A|B", Problem.BAD_ENCODING_CHARACTERS, 3),
                Arguments.of("MSH|^^\\&|A|B|C", Problem.BAD_ENCODING_CHARACTERS, 5),
                Arguments.of("MSH|^~1&|A|B|C", Problem.BAD_ENCODING_CHARACTERS, 6),
                Arguments.of("MSH|^~ &|A|B|C", Problem.BAD_ENCODING_CHARACTERS, 6),
                Arguments.of("MSH|\rPID|1|2|3", Problem.BAD_ENCODING_CHARACTERS, 3),
                Arguments.of(msh + "\rpid|1", Problem.BAD_SEGMENT_NAME, msh.length() + 1),
                Arguments.of(msh + "\rPI", Problem.BAD_SEGMENT_NAME, msh.length() + 1),
                Arguments.of(msh + "\rPIDX|1", Problem.BAD_SEGMENT_NAME, msh.length() + 1),
                Arguments.of(msh + "\r1ID|1", Problem.BAD_SEGMENT_NAME, msh.length() + 1),
                Arguments.of(msh + "\rPID^1", Problem.BAD_SEGMENT_NAME, msh.length() + 1),
                Arguments.of(msh + "\rPID|1\r" + msh, Problem.BAD_SEGMENT_NAME, msh.length() + 7),
                Arguments.of(msh + "\rPID|1|\u0000|x", Problem.BINARY_CONTENT, msh.length() + 7),
                Arguments.of(msh + "\u000B\rPID|1", Problem.BINARY_CONTENT, msh.length()),
                Arguments.of(msh + "\rPID|1\u001C\rPID|2", Problem.BINARY_CONTENT, msh.length() + 6));
    }

    @ParameterizedTest(name = "[{index}] {1} at {2}")
    @MethodSource("malformed")
    void givenMalformedInput_whenParsed_thenTheProblemAndItsOffsetAreReportedWithoutInputText(
            String input, Problem problem, int offset) {
        Er7Exception e = catchThrowableOfType(Er7Exception.class, () -> Er7Message.parse(input));

        assertThat(e).as("no exception").isNotNull();
        assertThat(e.problem()).isEqualTo(problem);
        assertThat(e.offset()).isEqualTo(offset);
        assertThat(e.getMessage()).isEqualTo(problem + " at offset " + offset);
        assertThat(e.getStackTrace()).as("no stack trace is collected").isEmpty();
    }

    @Test
    void givenEveryProblemKind_whenMalformedInputIsParsed_thenEachIsReachable() {
        assertThat(malformed().map(a -> (Problem) a.get()[1]).distinct()).containsExactlyInAnyOrder(Problem.values());
    }

    @Test
    void givenRandomAndMutatedInput_whenParsed_thenOnlyEr7ExceptionEverEscapesAndParsedMessagesReencodeStably() {
        Random random = new Random(7_2026L);
        String seed = join("\r", ORU) + "\rZPI|a~b^c&d\\E\\|";
        String alphabet = "MSHPIDOBXZ|^~\\&#*@!%\r\n \t\u000B\u001C\u0000\uFEFFaz09.\\";
        int parsed = 0;
        for (int i = 0; i < 30_000; i++) {
            String input = i % 3 == 0 ? randomText(random, alphabet, random.nextInt(40)) : mutate(random, seed, alphabet);
            Er7Message msg;
            try {
                msg = Er7Message.parse(input);
            } catch (Er7Exception expected) {
                continue;
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("parse threw " + e.getClass().getName() + " on input #" + i, e);
            }
            parsed++;
            // whatever was read must survive a write and a re-read unchanged
            String encoded = msg.encode();
            Er7Message again = assertDoesNotThrow(() -> Er7Message.parse(encoded), "re-parse of #" + i);
            assertThat(again.encode()).as("stable encoding #%d", i).isEqualTo(encoded);
            for (Er7Segment s : msg.segments()) {
                for (int n = 1; n <= s.fieldCount() + 1; n++) {
                    msg.get(s.name(), n, 2, 2, 2);
                }
            }
        }
        assertThat(parsed).as("the mutations must also produce readable messages").isGreaterThan(1_000);
    }

    private static String randomText(Random random, String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static String mutate(Random random, String seed, String alphabet) {
        StringBuilder sb = new StringBuilder(seed);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && sb.length() > 0; e++) {
            int at = random.nextInt(sb.length());
            switch (random.nextInt(3)) {
                case 0 -> sb.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                case 1 -> sb.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                default -> sb.deleteCharAt(at);
            }
        }
        return sb.toString();
    }
}
