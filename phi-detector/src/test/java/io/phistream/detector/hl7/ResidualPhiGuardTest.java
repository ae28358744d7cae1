package io.phistream.detector.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.KnownPhi;
import io.phistream.detector.PhiType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResidualPhiGuardTest {

    private static final String TOKEN = "nam-AVx3kQ_smith-Zq0r8PbLm1Nw2yTu7sVe";

    private static List<KnownPhi.Value> known(PhiType type, String... values) {
        KnownPhi k = new KnownPhi();
        for (String v : values) {
            k.add(type, v, true);
        }
        return k.values();
    }

    /** The masking the guard did before it scanned once: one String.replace per token, then lower case. */
    private static String replaceEachToken(String text, Set<String> tokens) {
        String masked = text;
        for (String t : tokens) {
            if (!t.isEmpty()) {
                masked = masked.replace(t, String.valueOf(ResidualPhiGuard.MASK));
            }
        }
        return masked.toLowerCase(Locale.ROOT);
    }

    @Test
    void givenANameSpelledInsideAToken_whenGuarded_thenNoHit() {
        String output = "PID|1||" + TOKEN + "^^^HOSP^MR\r";

        assertThat(ResidualPhiGuard.firstHit(output, Set.of(TOKEN), known(PhiType.NAME, "Smith"))).isNull();
    }

    @Test
    void givenTheNameNextToAToken_whenGuarded_thenHit() {
        String output = "PID|1||" + TOKEN + "^Smith^^HOSP^MR\r";

        assertThat(ResidualPhiGuard.firstHit(output, Set.of(TOKEN), known(PhiType.NAME, "Smith")))
                .isEqualTo(new KnownPhi.Value(PhiType.NAME, "Smith", true));
    }

    @Test
    void givenTheNameInAnotherCaseAfterARepeatedToken_whenGuarded_thenHit() {
        String output = TOKEN + "~" + TOKEN + "|note SMITH\r";

        assertThat(ResidualPhiGuard.firstHit(output, Set.of(TOKEN), known(PhiType.NAME, "smith"), Map.of()))
                .isNotNull();
    }

    @Test
    void givenTwoTokensSideBySide_whenMasked_thenEachLeavesOneMask() {
        String other = "mrn-Q1w2E3r4T5y6U7i8O9p0_-LkJh";

        String masked = ResidualPhiGuard.maskLowerCase("A" + TOKEN + other + "B", new LinkedHashSet<>(
                List.of(TOKEN, other)));

        assertThat(masked).isEqualTo("a\u0001\u0001b");
    }

    @Test
    void givenNonAsciiText_whenMasked_thenLowerCasedAsStringToLowerCaseDoes() {
        String output = "PID|İSTANBUL ΟΔΟΣ|" + TOKEN + "|ÆRØ\r";

        assertThat(ResidualPhiGuard.maskLowerCase(output, Set.of(TOKEN)))
                .isEqualTo(replaceEachToken(output, Set.of(TOKEN)));
    }

    @Test
    void givenRandomTextsWithTokens_whenMasked_thenSameAsReplacingEachTokenInTurn() {
        Random random = new Random(20261129);
        String alphabet = "abcXYZ019|^~&\\-_ \u00e9\u0130";
        for (int round = 0; round < 2_000; round++) {
            Set<String> tokens = new LinkedHashSet<>();
            int tokenCount = random.nextInt(5);
            for (int i = 0; i < tokenCount; i++) {
                tokens.add(randomText(random, "abcXYZ019-_", 4 + random.nextInt(6)));
            }
            if (random.nextBoolean()) {
                tokens.add(""); // the empty token is never masked
            }
            List<String> pieces = new ArrayList<>(tokens);
            StringBuilder text = new StringBuilder();
            int parts = random.nextInt(8);
            for (int i = 0; i < parts; i++) {
                if (!pieces.isEmpty() && random.nextInt(3) == 0) {
                    text.append(pieces.get(random.nextInt(pieces.size())));
                } else {
                    text.append(randomText(random, alphabet, random.nextInt(6)));
                }
            }
            if (overlapping(tokens)) {
                continue; // one token inside another: replacing in turn depends on the order, masking does not
            }

            assertThat(ResidualPhiGuard.maskLowerCase(text.toString(), tokens))
                    .as("text %s, tokens %s", text, tokens)
                    .isEqualTo(replaceEachToken(text.toString(), tokens));
        }
    }

    private static boolean overlapping(Set<String> tokens) {
        for (String a : tokens) {
            for (String b : tokens) {
                if (a.isEmpty() || b.isEmpty() || a.equals(b)) {
                    continue;
                }
                for (int k = 1; k < Math.min(a.length(), b.length()) + 1; k++) {
                    if (a.contains(b) || a.endsWith(b.substring(0, Math.min(k, b.length())))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String randomText(Random random, String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
