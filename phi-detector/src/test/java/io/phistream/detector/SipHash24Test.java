package io.phistream.detector;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written SipHash-2-4 of the memory lookup gives Guava's value for every ASCII input. */
class SipHash24Test {

    @Test
    void givenRandomKeysAndAsciiStringsOfEveryLengthUpToForty_thenTheValueIsGuavasOfTheConcatenation() {
        Random r = new Random(20261129);
        for (int n = 0; n < 20_000; n++) {
            long k0 = r.nextLong();
            long k1 = r.nextLong();
            String prefix = n % 3 == 0 ? "" : n % 3 == 1 ? "n:" : "g:";
            StringBuilder form = new StringBuilder();
            for (int i = r.nextInt(41); i > 0; i--) {
                form.append((char) r.nextInt(0x80));
            }
            long guava = Hashing.sipHash24(k0, k1).hashString(prefix + form, StandardCharsets.UTF_8).asLong();
            assertThat(SipHash24.hash(k0, k1, prefix, form.toString())).as("input #%d", n).isEqualTo(guava);
        }
    }

    @Test
    void givenTextWithAnAccentOrASymbol_thenItIsNotAscii() {
        assertThat(SipHash24.ascii("SMITH")).isTrue();
        assertThat(SipHash24.ascii("MUÑOZ")).isFalse();
        assertThat(SipHash24.ascii("O\u2019BRIEN")).isFalse();
    }
}
