package io.phistream.detector.er7;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Er7Test {

    private static final Delimiters D = Delimiters.DEFAULT;
    /** MSH#*@!% : field #, component *, repetition @, escape !, sub-component % */
    private static final Delimiters CUSTOM = new Delimiters('#', '*', '@', '!', '%', '\0');
    /** v2.7 MSH|^~\&# : with a truncation character */
    private static final Delimiters TRUNCATING = new Delimiters('|', '^', '~', '\\', '&', '#');

    @Test
    void givenSeparatorsAtTheEdges_whenSplit_thenEveryPartIsKeptIncludingEmptyOnes() {
        assertThat(Er7.split("a^b^^", '^')).containsExactly("a", "b", "", "");
        assertThat(Er7.split("^a", '^')).containsExactly("", "a");
        assertThat(Er7.split("", '^')).containsExactly("");
        assertThat(Er7.split("abc", '^')).containsExactly("abc");
    }

    @Test
    void givenNoSeparatorDeclared_whenSplitOrPart_thenTheWholeValueIsOnePart() {
        assertThat(Er7.split("a&b", '\0')).containsExactly("a&b");
        assertThat(Er7.part("a&b", '\0', 1)).isEqualTo("a&b");
        assertThat(Er7.part("a&b", '\0', 2)).isEmpty();
    }

    @ParameterizedTest(name = "part {1} of \"{0}\" is \"{2}\"")
    @CsvSource(delimiter = ',', value = {
        "a^b^c, 1, a", "a^b^c, 2, b", "a^b^c, 3, c", "a^b^c, 4, ''", "a^^c, 2, ''", "'', 1, ''", "abc, 1, abc",
        "abc, 2, ''", "^x, 1, ''", "^x, 2, x"})
    void givenARawValue_whenPartIsTaken_thenItMatchesSplit(String raw, int index, String expected) {
        assertThat(Er7.part(raw, '^', index)).isEqualTo(expected);
        List<String> parts = Er7.split(raw, '^');
        assertThat(index <= parts.size() ? parts.get(index - 1) : "").isEqualTo(expected);
    }

    @Test
    void givenTrailingEmptyParts_whenJoined_thenTheyAreDroppedButInnerEmptiesStay() {
        assertThat(Er7.join(List.of("a", "", "b", "", ""), '^')).isEqualTo("a^^b");
        assertThat(Er7.join(List.of("", ""), '^')).isEmpty();
        assertThat(Er7.join(List.of("", "x"), '^')).isEqualTo("^x");
        assertThat(Er7.join(List.of("only"), '^')).isEqualTo("only");
    }

    @Test
    void givenAFieldWithRepetitionsComponentsAndSubcomponents_whenLeafIsRead_thenEachLevelIsAddressedOneBased() {
        String field = "123^^^HOSP&1.2.3&ISO^MR~999^^^SSA^SS";
        assertThat(Er7.leaf(field, D, 1, 1, 1)).isEqualTo("123");
        assertThat(Er7.leaf(field, D, 1, 4, 1)).isEqualTo("HOSP");
        assertThat(Er7.leaf(field, D, 1, 4, 2)).isEqualTo("1.2.3");
        assertThat(Er7.leaf(field, D, 1, 4, 3)).isEqualTo("ISO");
        assertThat(Er7.leaf(field, D, 1, 4, 4)).isEmpty();
        assertThat(Er7.leaf(field, D, 1, 5, 1)).isEqualTo("MR");
        assertThat(Er7.leaf(field, D, 2, 1, 1)).isEqualTo("999");
        assertThat(Er7.leaf(field, D, 2, 5, 1)).isEqualTo("SS");
        assertThat(Er7.leaf(field, D, 3, 1, 1)).isEmpty();
    }

    @Test
    void givenCustomDelimiters_whenLeafIsRead_thenTheDeclaredCharactersAreUsed() {
        String field = "123***HOSP%1.2.3*MR@999";
        assertThat(Er7.leaf(field, CUSTOM, 1, 4, 2)).isEqualTo("1.2.3");
        assertThat(Er7.leaf(field, CUSTOM, 2, 1, 1)).isEqualTo("999");
        // the default characters mean nothing here
        assertThat(Er7.leaf("a^b&c", CUSTOM, 1, 1, 1)).isEqualTo("a^b&c");
    }

    @Test
    void givenSeparatorEscapes_whenUnescaped_thenEachBecomesItsCharacter() {
        assertThat(Er7.unescape("a\\F\\b\\S\\c\\T\\d\\R\\e\\E\\f", D)).isEqualTo("a|b^c&d~e\\f");
        assertThat(Er7.unescape("a!F!b!S!c!T!d!R!e!E!f", CUSTOM)).isEqualTo("a#b*c%d@e!f");
    }

    @Test
    void givenTheTruncationEscape_whenUnescaped_thenItIsTheDeclaredCharacterOrNothing() {
        assertThat(Er7.unescape("9\\P\\", TRUNCATING)).isEqualTo("9#");
        assertThat(Er7.unescape("9\\P\\", D)).isEqualTo("9");
    }

    @Test
    void givenHexadecimalEscapes_whenUnescaped_thenEachByteBecomesACharacter() {
        assertThat(Er7.unescape("\\X4A6F\\e", D)).isEqualTo("Joe");
        // odd length or non-hex digits: not a hex escape, kept as written
        assertThat(Er7.unescape("\\X4A6\\", D)).isEqualTo("\\X4A6\\");
        assertThat(Er7.unescape("\\XZZ\\", D)).isEqualTo("\\XZZ\\");
    }

    @Test
    void givenFormattingOrCharsetEscapesOrAnUnterminatedEscape_whenUnescaped_thenTheyStayAsWritten() {
        assertThat(Er7.unescape("line\\.br\\next \\H\\bold\\N\\ \\C2842\\", D))
                .isEqualTo("line\\.br\\next \\H\\bold\\N\\ \\C2842\\");
        assertThat(Er7.unescape("dangling \\F", D)).isEqualTo("dangling \\F");
        assertThat(Er7.unescape("\\\\", D)).isEqualTo("\\\\");
    }

    @Test
    void givenNoEscapeCharacterDeclared_whenUnescaped_thenTheValueIsReturnedAsIs() {
        Delimiters noEscape = new Delimiters('|', '^', '~', '\0', '\0', '\0');
        assertThat(Er7.unescape("\\F\\", noEscape)).isEqualTo("\\F\\");
    }

    @Test
    void givenAValueWithEverySeparatorAndTheEscapeCharacter_whenEscaped_thenNoSeparatorRemainsAndUnescapeRestoresIt() {
        String value = "a|b^c~d\\e&f";
        String escaped = Er7.escape(value, D);
        assertThat(escaped).isEqualTo("a\\F\\b\\S\\c\\R\\d\\E\\e\\T\\f");
        assertThat(Er7.split(escaped, '|')).hasSize(1);
        assertThat(Er7.unescape(escaped, D)).isEqualTo(value);
    }

    @Test
    void givenAValueWithoutSpecialCharacters_whenEscaped_thenTheSameInstanceComesBack() {
        String value = "plain value 123";
        assertThat(Er7.escape(value, D)).isSameAs(value);
    }

    @Test
    void givenLineBreaks_whenEscaped_thenLfBecomesTheFormattingBreakAndCrIsDropped() {
        assertThat(Er7.escape("one\r\ntwo\nthree\r", D)).isEqualTo("one\\.br\\two\\.br\\three");
    }

    @Test
    void givenNoEscapeCharacterDeclared_whenEscaped_thenSeparatorsAreReplacedBySpaceNeverWrittenRaw() {
        Delimiters noEscape = new Delimiters('|', '^', '~', '\0', '\0', '\0');
        String escaped = Er7.escape("a|b^c~d\ne", noEscape);
        assertThat(escaped).isEqualTo("a b c d e").doesNotContain("\0");
    }

    @Test
    void givenRandomStringsWithSeparatorsAndEscapes_whenEscapedThenUnescaped_thenTheyComeBackUnchanged() {
        // the identity holds for every string without CR/LF (see Er7.escape); the alphabet is biased
        // towards the characters that matter: all separators of both delimiter sets, escape letters, hex digits
        String alphabet = "|^~\\&#*@!%FSTREPX.br0123456789ABCDEFabc \tÄé中\uD83D\uDE00";
        Random random = new Random(20260601L);
        for (Delimiters d : List.of(D, CUSTOM, TRUNCATING)) {
            for (int i = 0; i < 20_000; i++) {
                StringBuilder sb = new StringBuilder();
                int len = random.nextInt(24);
                while (sb.length() < len) {
                    int at = random.nextInt(alphabet.length());
                    char c = alphabet.charAt(at);
                    if (Character.isHighSurrogate(c)) {
                        sb.append(c).append(alphabet.charAt(at + 1));
                    } else if (!Character.isLowSurrogate(c)) {
                        sb.append(c);
                    }
                }
                String value = sb.toString();
                String escaped = Er7.escape(value, d);
                assertThat(Er7.unescape(escaped, d)).as("round trip #%d", i).isEqualTo(value);
                for (char sep : new char[] {d.field(), d.component(), d.repetition(), d.subcomponent()}) {
                    assertThat(escaped.indexOf(sep)).as("separator written raw, #%d", i).isNegative();
                }
            }
        }
    }

    @Test
    void givenDelimiters_whenTheEncodingCharactersAreWrittenBack_thenMsh2IsReproduced() {
        assertThat(D.encodingCharacters()).isEqualTo("^~\\&");
        assertThat(CUSTOM.encodingCharacters()).isEqualTo("*@!%");
        assertThat(TRUNCATING.encodingCharacters()).isEqualTo("^~\\&#");
        assertThat(new Delimiters('|', '^', '~', '\0', '\0', '\0').encodingCharacters()).isEqualTo("^~");
    }

    @Test
    void givenDelimiters_whenAskedForSeparators_thenOnlyStructuralCharactersCount() {
        assertThat(D.isSeparator('|')).isTrue();
        assertThat(D.isSeparator('&')).isTrue();
        assertThat(D.isSeparator('\\')).isFalse();
        assertThat(new Delimiters('|', '^', '~', '\\', '\0', '\0').isSeparator('\0')).isFalse();
    }

    @Test
    void givenFormattedText_thenItIsCutAtItsEscapesThatAreNoText() {
        assertThat(Er7.pieces("A\\.br\\B \\H\\C\\N\\\\.sp 2\\D\\F\\E\\Zab\\", D)).containsExactly(
                "A", "\\.br\\", "B ", "\\H\\", "C", "\\N\\", "", "\\.sp 2\\", "D\\F\\E", "\\Zab\\", "");
        assertThat(Er7.pieces("plain", D)).containsExactly("plain");
        assertThat(Er7.pieces("bad \\.xx\\ and \\.br", D)).containsExactly("bad \\.xx\\ and \\.br");
        assertThat(Er7.lineCommand("\\.in+4\\")).isTrue();
        assertThat(Er7.lineCommand("\\H\\")).isFalse();
    }

    @Test
    void givenHexadecimalData_thenOnlyLineBreaksAndBlanksAreCutOut_andWhatSpellsTextStaysInTheText() {
        // a walkthrough: "\X0D\" was decoded, then dropped from the output; "\X4A6F686E\" is "John"
        assertThat(Er7.pieces("a\\X0D\\b\\X0D0A\\c\\X09\\d\\X4A6F686E\\e\\X0D4A\\f", D)).containsExactly(
                "a", "\\X0D\\", "b", "\\X0D0A\\", "c", "\\X09\\", "d\\X4A6F686E\\e\\X0D4A\\f");
        assertThat(Er7.pieces("odd \\X0\\ and \\C2842\\x\\M244231\\y\\CZZ\\", D)).containsExactly(
                "odd \\X0\\ and ", "\\C2842\\", "x", "\\M244231\\", "y\\CZZ\\");
        assertThat(Er7.readAs("\\X0D\\")).isEqualTo("\n");
        assertThat(Er7.readAs("\\X2020\\")).isEqualTo(" ");
        assertThat(Er7.readAs("\\.br\\")).isEqualTo("\n");
        assertThat(Er7.readAs("\\Zsig\\")).isEqualTo(" ");
        assertThat(Er7.readAs("\\H\\")).isEmpty();
        assertThat(Er7.readAs("\\C2842\\")).isEmpty();
        assertThat(Er7.siteDefined("\\Zsig\\")).isTrue();
        assertThat(Er7.siteDefined("\\X0D\\")).isFalse();
    }
}
