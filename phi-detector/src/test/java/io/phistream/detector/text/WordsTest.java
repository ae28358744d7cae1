package io.phistream.detector.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Word lists compared by lexicon id answer exactly as the same lists compared by folded string. */
class WordsTest {

    private static final List<String[]> LISTS = List.of(
            new String[] {"HWY", "HIGHWAY", "US", "SR", "ROUTE", "RTE", "RT", "I", "INTERSTATE"},
            new String[] {"SPEAKS", "SPEAKING"},
            // words no lexicon holds, words with separators (never a token's key), a possessive's full form
            new String[] {"TXFD", "XFERD", "S/P", "WOMENS", "SMITHS", "ZZQX", "", "MOM"},
            // numbers the lexicon also holds as words (a number token has no id): "14", "7"
            new String[] {"14", "7", "911", "HR"},
            // a long list (hashed ids) with a repeated word
            new String[] {"JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER",
                "OCTOBER", "NOVEMBER", "DECEMBER", "MAY", "HOSPITAL", "CLINIC", "DR", "WIFE", "3RD", "183RD", "2019"});

    private static final String TEXT = "Pt txf'd here 3/10 from Women's Hospital on HWY 9; wife's sister June "
            + "SPEAKS Spanish. SMITH'S son called Dr. Zzqx 555-0101 may 3rd, 183RD ST, I-90, rt arm, 2019 s/p CABG "
            + "MOM'S mom; TXFD XFERD; Hospitals CLINIC'S julyy; HR 14 7 911";

    @Test
    void givenTheSameWords_whenComparedByIdOrByString_thenEveryTokenGetsTheSameAnswer() {
        assertSameAnswers(TEXT);
    }

    @Test
    void givenRandomTextsOfListedAndUnlistedWords_thenEveryTokenGetsTheSameAnswer() {
        String[] pool = {"HWY", "hwy", "Speaks", "speaking", "TXF'D", "txfd", "Women's", "WOMENS", "smith's", "SMITHS",
            "Zzqx", "mom", "MOM'S", "May", "june", "3RD", "183rd", "2019", "Hospital", "CLINIC", "Dr.", "wife",
            "qwertyuiop", "s/p", "I", "US", "rt", "-", ",", "(", ")", "'", "12", "A1C"};
        Random r = new Random(7);
        for (int i = 0; i < 300; i++) {
            StringBuilder b = new StringBuilder();
            for (int w = 0; w < 30; w++) {
                b.append(pool[r.nextInt(pool.length)]).append(r.nextInt(5) == 0 ? "" : " ");
            }
            assertSameAnswers(b.toString());
        }
    }

    @Test
    void givenUpToEightWordsNamedOneByOne_thenEveryTokenGetsTheAnswerOfTheSameWordsAsAnArray() {
        Scan s = new Scan(TEXT, Lexicon.builtIn(), DetectionContext.EMPTY, TextPhiDetector.Config.DEFAULT, null);
        int found = 0;
        for (String[] list : LISTS) {
            for (int n = 1; n <= Math.min(8, list.length); n++) {
                String[] words = java.util.Arrays.copyOf(list, n);
                for (int t = -1; t <= s.tk.n; t++) {
                    assertThat(oneByOne(s, t, words)).as("token %d against %s", t, String.join(",", words))
                            .isEqualTo(s.isAny(t, words));
                    found += s.isAny(t, words) ? 1 : 0;
                    if (n <= 2) {
                        boolean before = n == 1 ? s.before(t, 3, words[0]) : s.before(t, 3, words[0], words[1]);
                        assertThat(before).as("before token %d", t).isEqualTo(s.before(t, 3, words));
                    }
                }
            }
        }
        assertThat(found).as("tokens found in some list").isGreaterThan(20);
    }

    /** The fixed-arity forms, which a call site naming its words picks over the varargs form. */
    private static boolean oneByOne(Scan s, int t, String[] w) {
        return switch (w.length) {
            case 1 -> s.isAny(t, w[0]);
            case 2 -> s.isAny(t, w[0], w[1]);
            case 3 -> s.isAny(t, w[0], w[1], w[2]);
            case 4 -> s.isAny(t, w[0], w[1], w[2], w[3]);
            case 5 -> s.isAny(t, w[0], w[1], w[2], w[3], w[4]);
            case 6 -> s.isAny(t, w[0], w[1], w[2], w[3], w[4], w[5]);
            case 7 -> s.isAny(t, w[0], w[1], w[2], w[3], w[4], w[5], w[6]);
            case 8 -> s.isAny(t, w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]);
            default -> throw new IllegalArgumentException("1 to 8 words");
        };
    }

    @Test
    void givenAnyText_whenATokenIsAskedForItsOwnFoldedWord_thenItIsIt() {
        // the word-list tests reject on a hash taken while tokenizing; it must be the hash of the key they compare
        String alphabet = "aZéÉßæœﬁİıΣςЖ中٣½'’ʼ-./ 0123456789\n";
        Random r = new Random(11);
        Lexicon lx = Lexicon.builtIn();
        int asked = 0;
        for (int i = 0; i < 400; i++) {
            StringBuilder b = new StringBuilder(r.nextBoolean() ? "Smith's O'Brien WOMEN'S " : "");
            for (int c = 0; c < 60; c++) {
                b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            Scan s = new Scan(b.toString(), lx, DetectionContext.EMPTY, TextPhiDetector.Config.DEFAULT, null);
            for (int t = 0; t < s.tk.n; t++) {
                if (s.tk.kind[t] == Tokens.PUNCT) {
                    continue;
                }
                String key = s.key(t);
                assertThat(s.is(t, key)).as("token %d of \"%s\" is its key %s", t, b, key).isTrue();
                assertThat(s.isAny(t, "ZZQX", key)).isTrue();
                assertThat(s.isAny(t, Words.of("ZZQX", key))).isTrue();
                asked++;
            }
        }
        assertThat(asked).isGreaterThan(2000);
    }

    private static void assertSameAnswers(String text) {
        Lexicon lx = Lexicon.builtIn();
        Scan s = new Scan(text, lx, DetectionContext.EMPTY, TextPhiDetector.Config.DEFAULT, null);
        for (String[] list : LISTS) {
            Words words = Words.of(list);
            for (int t = -1; t <= s.tk.n; t++) {
                assertThat(s.isAny(t, words)).as("token %d of \"%s\" against %s", t, text, String.join(",", list))
                        .isEqualTo(s.isAny(t, list));
                assertThat(s.before(t, 3, words)).isEqualTo(s.before(t, 3, list));
            }
        }
    }
}
