package io.phistream.detector.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.phistream.detector.er7.Delimiters;
import io.phistream.detector.er7.Er7;
import io.phistream.detector.er7.Er7Exception;
import io.phistream.detector.er7.Er7Message;

/**
 * The lean ER7 reader and writer on arbitrary text: the reader either reads a message or says why not
 * ({@link Er7Exception}), never anything else; what it reads, the writer writes as text the reader reads back to the
 * same message (encoding is a fixed point); escaping a value and unescaping it gives the value back.
 */
class Er7FuzzTest {

    @FuzzTest(maxDuration = "3m")
    void readerAndWriter(FuzzedDataProvider data) {
        boolean escapeTest = data.consumeBoolean();
        String input = data.consumeRemainingAsString();
        if (escapeTest) {
            escapeRoundTrip(input);
            return;
        }
        Er7Message msg;
        try {
            msg = Er7Message.parse(input);
        } catch (Er7Exception rejected) {
            return; // a reason, not a crash
        }
        String encoded = msg.encode();
        Er7Message again;
        try {
            again = Er7Message.parse(encoded);
        } catch (Er7Exception e) {
            throw new AssertionError("the writer's output does not read back: " + e.problem());
        }
        assertThat(again.encode()).isEqualTo(encoded);
        assertThat(again.segments()).hasSameSizeAs(msg.segments());
        assertThat(again.delimiters()).isEqualTo(msg.delimiters());
    }

    private static void escapeRoundTrip(String value) {
        String plain = value.replace("\r", "").replace("\n", "");
        for (Delimiters d : new Delimiters[] {Delimiters.DEFAULT, new Delimiters('#', '!', '$', '%', '*', '\0')}) {
            String escaped = Er7.escape(plain, d);
            for (char c : new char[] {d.field(), d.component(), d.repetition(), d.subcomponent()}) {
                assertThat(escaped.indexOf(c)).as("separator left unescaped").isNegative();
            }
            assertThat(Er7.unescape(escaped, d)).isEqualTo(plain);
        }
    }
}
