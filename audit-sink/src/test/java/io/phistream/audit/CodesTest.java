package io.phistream.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written shape checks accept exactly what their documented regular expressions accept. */
class CodesTest {
  static final String ALPHABET = "AZaz09._:/@+=_-~ \"\\\n\u00e9#%,;!$[]{}Qq";

  @Test
  void givenRandomStrings_whenCheckedByLoopAndByRegex_thenBothAgree() {
    Pattern code = Pattern.compile(Codes.CODE_SHAPE);
    Pattern phi = Pattern.compile(Codes.PHI_TYPE_SHAPE);
    Pattern digest = Pattern.compile(Codes.DIGEST_SHAPE);
    Random rnd = new Random(514);
    for (int i = 0; i < 200_000; i++) {
      int len = rnd.nextInt(10) == 0 ? rnd.nextInt(300) : rnd.nextInt(12);
      StringBuilder sb = new StringBuilder();
      for (int k = 0; k < len; k++) {
        sb.append(ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
      }
      String s = sb.toString();
      assertThat(Codes.isCode(s)).as("code [%s]", s).isEqualTo(code.matcher(s).matches());
      assertThat(Codes.isPhiType(s)).as("phi type [%s]", s).isEqualTo(phi.matcher(s).matches());
      assertThat(Codes.isDigest(s)).as("digest [%s]", s).isEqualTo(digest.matcher(s).matches());
    }
    assertThat(Codes.isCode("x".repeat(128))).isTrue();
    assertThat(Codes.isCode("x".repeat(129))).isFalse();
    assertThat(Codes.isPhiType("SSN")).isTrue();
    assertThat(Codes.isCode(null)).isFalse();
  }
}
