package io.phistream.detector.er7;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A message's bytes read as UTF-8, or in the ISO 8859 part its MSH-18 declares, which then says UTF-8. */
class Er7CharsetsTest {

    private static final String LATIN1 = "MSH|^~\\&|A|B|C|D|20240101||ADT^A01|X1|P|2.5|||||USA|8859/1\r"
            + "PID|1||4471902^^^HOSP^MR||Muñoz^José||19700315|M\r";

    @Test
    void givenLatin1BytesDeclaredInMsh18_thenReadAsLatin1AndMsh18SaysUtf8() {
        String text = Er7Charsets.decode(LATIN1.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(text).contains("Muñoz^José").startsWith("MSH|^~\\&|A|B|C|D|20240101||ADT^A01|X1|P|2.5|||||USA|"
                + "UNICODE UTF-8\r");
    }

    @Test
    void givenAnotherIso8859PartWithRepetitionsInMsh18_thenItsFirstRepetitionDecides() {
        String message = LATIN1.replace("8859/1", "8859/15~8859/1").replace("Muñoz", "Muñoz €");

        String text = Er7Charsets.decode(message.getBytes(Charset.forName("ISO-8859-15")));

        assertThat(text).contains("Muñoz €").contains("|USA|UNICODE UTF-8\r");
    }

    @Test
    void givenUtf8BytesLabelledWithAnIso8859Part_thenReadAsUtf8AndMsh18SaysSo() {
        // a walkthrough: the output, UTF-8, was still labelled 8859/1
        assertThat(Er7Charsets.decode(LATIN1.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(LATIN1.replace("8859/1", "UNICODE UTF-8"));
        for (String label : new String[] {"ISO IR100", "ASCII", "KLINGON"}) {
            assertThat(Er7Charsets.decode(LATIN1.replace("8859/1", label).getBytes(StandardCharsets.UTF_8)))
                    .as(label).isEqualTo(LATIN1.replace("8859/1", "UNICODE UTF-8"));
        }
        String clinic = LATIN1.replace("|B|", "|Clínica|");
        assertThat(Er7Charsets.decode(clinic.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(clinic.replace("8859/1", "UNICODE UTF-8"));
    }

    @Test
    void givenAsciiBytesOrAnotherLabel_thenReadAsTheyAre() {
        String ascii = LATIN1.replace("Muñoz^José", "Munoz^Jose");
        assertThat(Er7Charsets.decode(ascii.getBytes(StandardCharsets.UTF_8))).isEqualTo(ascii);
        String unlabelled = LATIN1.replace("|8859/1", "");
        assertThat(Er7Charsets.decode(unlabelled.getBytes(StandardCharsets.UTF_8))).isEqualTo(unlabelled);
    }

    @Test
    void givenBytesThatAreNotUtf8AndNoSingleByteCharsetDeclared_thenNothing() {
        assertThat(Er7Charsets.decode(LATIN1.replace("|8859/1", "").getBytes(StandardCharsets.ISO_8859_1))).isNull();
        assertThat(Er7Charsets.decode(LATIN1.replace("8859/1", "UNICODE UTF-8").getBytes(StandardCharsets.ISO_8859_1)))
                .isNull();
        assertThat(Er7Charsets.decode(LATIN1.replace("8859/1", "ISO IR87").getBytes(StandardCharsets.ISO_8859_1)))
                .isNull();
        assertThat(Er7Charsets.decode(new byte[] {(byte) 0xff, (byte) 0xfe, 'M', 'S', 'H'})).isNull();
    }
}
