package io.phistream.detector.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.KnownPhi;
import io.phistream.detector.PhiType;
import io.phistream.detector.deid.ResidualMatch;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResidualPhiGuardTest {

    private static final String TOKEN = "nam-AVx3kQ_smith-Zq0r8PbLm1Nw2yTu7sVe";

    private static final TestDeidentifiers T = new TestDeidentifiers();

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
    void givenThePatientsNumbersWrittenWithOtherPunctuation_whenGuarded_thenHit() {
        // a walkthrough: "DG1|...|SSN 123456789, cb 5085550142, DOB 03/12/1958, chart 482-1377" was released
        assertThat(ResidualPhiGuard.firstHit("DG1|1|I10|R51|SSN 123456789\r", Set.of(), known(PhiType.SSN, "123-45-6789")))
                .isNotNull();
        assertThat(ResidualPhiGuard.firstHit("DG1|1|I10|R51|cb 5085550142\r", Set.of(), known(PhiType.PHONE, "5550142")))
                .isNotNull();
        assertThat(ResidualPhiGuard.firstHit("DG1|1|I10|R51|cb (508) 555-0142\r", Set.of(), known(PhiType.PHONE, "5085550142")))
                .isNotNull();
        assertThat(ResidualPhiGuard.firstHit("DG1|1|I10|R51|chart 482-1377\r", Set.of(), known(PhiType.MRN, "4821377")))
                .isNotNull();
        assertThat(ResidualPhiGuard.firstHit("DG1|1|I10|R51|DOB 03/12/1958\r", Set.of(), known(PhiType.DATE, "19580312")))
                .isNotNull();
        assertThat(ResidualPhiGuard.firstHit("DG1|1|I10|R51|DOB 12.03.1958\r", Set.of(), known(PhiType.DATE, "19580312")))
                .isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "DOB 1950-03-14;     DATE;  19500314",
        "DOB 3/14/1950;      DATE;  19500314",
        "born March 14, 1950; DATE; 19500314",
        "14-MAR-1950;        DATE;  19500314",
        "DOB 3/4/1950;       DATE;  19500304",
        "SSN 123–45–6789;    SSN;   123-45-6789",
        "SSN 123 - 45 - 6789; SSN;  123-45-6789",
        "MRN 0004821377;     MRN;   4821377",
        "lives 4417 Marrowbone Ln; GEO; 4417 Marrowbone Lane",
        "12 ELM STREET;      GEO;   12 Elm St.",
        "call 555-0142;      PHONE; (508)555-0142",
        "王小明先生;          NAME;  小明",
        "OSTERGAARD;         NAME;  Østergaard",
        "WALESA;             NAME;  Wałęsa",
        "LAERKE;             NAME;  Lærke"})
    void givenThePatientsValueInAFormTheSecondWalkthroughFoundPassing_whenGuarded_thenHit(String written, PhiType type,
                                                                                           String value) {
        assertThat(ResidualPhiGuard.firstHit("DG1|1|I10|R51^" + written + "^I10\r", Set.of(), known(type, value)))
                .isNotNull();
    }

    @Test
    void givenThePatientsPhoneWithAsterisksOrHl7sAmpersandEscapeBetweenItsGroups_whenGuarded_thenHit() throws Exception {
        // a walkthrough released "NTE|1||call 978*555*0134" and "call 978\T\555\T\0134"
        var d = io.phistream.detector.er7.Er7Message.parse("MSH|^~\\&|A|B|C|D|20260101||ADT^A01|1|P|2.5\r").delimiters();
        List<KnownPhi.Value> phone = known(PhiType.PHONE, "(978)555-0163");

        assertThat(ResidualPhiGuard.firstHit("NTE|1||call 978*555*0163\r", Set.of(), phone)).isNotNull();
        assertThat(ResidualPhiGuard.firstHit("NTE|1||call 555*0163 today\r", Set.of(), phone)).isNotNull();
        assertThat(ResidualPhiGuard.firstHit(ResidualPhiGuard.readable("NTE|1||call 978\\T\\555\\T\\0163\r", d),
                Set.of(), phone)).isNotNull();
        assertThat(ResidualPhiGuard.firstHit("NTE|1||call 978_555_0163\r", Set.of(), phone)).isNotNull();
    }

    @Test
    void givenThePatientsSurnameInThePluralOrThePluralPossessive_whenGuarded_thenHit() {
        // a walkthrough released "the Quillfeathers' dog", "Visited the Quillfeathers today."
        assertThat(ResidualPhiGuard.firstHit("NTE|1||the Pennywhistles' cat is at home.\r", Set.of(),
                known(PhiType.NAME, "PENNYWHISTLE"))).isNotNull();
        assertThat(ResidualPhiGuard.firstHit("NTE|1||Visited the PENNYWHISTLES today.\r", Set.of(),
                known(PhiType.NAME, "Pennywhistle"))).isNotNull();
        assertThat(ResidualPhiGuard.firstHit("NTE|1||Sat with the Thistlebrushes.\r", Set.of(),
                known(PhiType.NAME, "Thistlebrush"))).isNotNull();
        assertThat(ResidualPhiGuard.firstHit("NTE|1||the Pennywhistleses\r", Set.of(),
                known(PhiType.NAME, "Pennywhistle"))).isNull();
    }

    @Test
    void givenARelativesNameTheScrubberKeptAsAnEverydayWord_whenGuarded_thenHitOnlyWhereItStandsMoreOften() {
        // a walkthrough: "Son will call." quarantined a message whose NK1 names a son Will
        List<KnownPhi.Value> will = known(PhiType.NAME, "WILL");

        assertThat(ResidualPhiGuard.firstHit("OBX|1|FT|X||Son will call.\r", Set.of(), will, Map.of(), Set.of(),
                List.of(), Map.of("will", 1))).isNull();
        assertThat(ResidualPhiGuard.firstHit("OBX|1|FT|X||Son will call.\rNTE|1||Will at bedside\r", Set.of(), will,
                Map.of(), Set.of(), List.of(), Map.of("will", 1))).isNotNull();
        assertThat(ResidualPhiGuard.firstHit("OBX|1|FT|X||Son will call.\r", Set.of(), will)).isNotNull();
    }

    @Test
    void givenRelativesNamedWithEverydayWords_whenTheirNoteIsScrubbedSpanBySpan_thenReleasedUnlessCaseSaysNothing() {
        Hl7Deidentifier d = T.scrubbingWith(
                new io.phistream.detector.DetectingScrubber(io.phistream.detector.text.TextPhiDetector.builtIn()));
        String head = "MSH|^~\\&|EHR|FAC|EHR|FAC|20261129080000||ORU^R01|M1|P|2.5.1\r"
                + "PID|1||5520417^^^FAC^MR||QUENBY^ORIANE||19480314|F\r"
                + "NK1|1|QUENBY^MAY|DAU||(978)555-0141\rNK1|2|BROWN^WILL|SON\rNK1|3|QUENBY^HOPE|DAU\r"
                + "OBR|1|ORD6|FIL6|11506-3^PROGRESS NOTE^LN|||20261129080000\r"
                + "OBX|1|FT|11506-3^PROGRESS NOTE^LN||";

        for (String note : List.of("Son will call.", "The patient will go home next week.", "I hope she improves.",
                "Had brown stool. Hope visited; I hope so too.")) {
            Hl7Outcome out = d.deidentify(head + note + "||||||F\r");
            assertThat(out).as(note).isInstanceOf(Hl7Outcome.Deidentified.class);
            assertThat(((Hl7Outcome.Deidentified) out).text()).as(note).doesNotContain("Hope visited");
        }
        // all capitals: the word may be the son's name, so the guard still quarantines
        assertThat(d.deidentify(head + "SON WILL CALL.||||||F\r")).isInstanceOf(Hl7Outcome.Rejected.class);
    }

    @Test
    void givenABirthTimeEqualToAShiftedDateWritten_thenItsOwnOrderIsNoHit() {
        // the newborn case: the shift made the message time read as the birth time; it was written once, as a date
        assertThat(ResidualPhiGuard.firstHit("MSH|^~\\&|A|B|C|D|20250105120000||ADT^A01|1|P|2.5\r", Set.of(),
                known(PhiType.DATE, "20250105120000"), Map.of("20250105120000", 1))).isNull();
    }

    @Test
    void givenASixDigitRecordNumberInAKeptField_whenGuarded_thenHit_butNotInsideALongerNumber() {
        // hospitals' MRNs are often six digits; they were searched from seven (a walkthrough listed them as unsearched)
        assertThat(ResidualPhiGuard.firstHit("DG1|1|I10|R51|chart 482-137\r", Set.of(), known(PhiType.MRN, "482137")))
                .isNotNull();
        assertThat(ResidualPhiGuard.firstHit("DG1|1|I10|R51|acct 482137\r", Set.of(), known(PhiType.ACCOUNT, "482137")))
                .isNotNull();
        assertThat(ResidualPhiGuard.firstHit("OBX|1|NM|X||1482137\r", Set.of(), known(PhiType.MRN, "482137"))).isNull();
        // a six-digit phone line or date stays unsearched this way: a phone's seven, a date's days are read otherwise
        assertThat(ResidualMatch.digitsOf("555-014", PhiType.PHONE)).isNull();
    }

    @Test
    void givenOtherNumbersThatShareDigits_whenGuarded_thenNoHit() {
        // a longer run holding the digits is another number; a date's own order is the shifted-date-aware word search's
        assertThat(ResidualPhiGuard.firstHit("OBX|1|NM|X||91234567890\r", Set.of(), known(PhiType.MRN, "4821377")))
                .isNull();
        assertThat(ResidualPhiGuard.firstHit("OBX|1|NM|X||14821377\r", Set.of(), known(PhiType.MRN, "4821377")))
                .isNull();
        assertThat(ResidualPhiGuard.firstHit("OBX|1|ST|X||12 03 19 58\r", Set.of(), known(PhiType.SSN, "123-45-6789")))
                .isNull();
    }

    @Test
    void givenANameWrittenAnotherWay_whenGuarded_thenHit() {
        // a walkthrough: fullwidth letters, "STRASSE" for "Straße", "ODONNELL" and "O’DONNELL" for "O'DONNELL"
        assertThat(ResidualPhiGuard.firstHit("AL1|1|DA|X|SV|ＱＵＩＬＬＦＥＡＴＨＥＲ\r", Set.of(),
                known(PhiType.NAME, "Quillfeather"))).isNotNull();
        assertThat(ResidualPhiGuard.firstHit("AL1|1|DA|X|SV|STRASSE\r", Set.of(), known(PhiType.NAME, "Straße")))
                .isNotNull();
        assertThat(ResidualPhiGuard.firstHit("AL1|1|DA|X|SV|ODONNELL\r", Set.of(), known(PhiType.NAME, "O'DONNELL")))
                .isNotNull();
        assertThat(ResidualPhiGuard.firstHit("AL1|1|DA|X|SV|O’DONNELL\r", Set.of(), known(PhiType.NAME, "O'DONNELL")))
                .isNotNull();
    }

    @Test
    void givenANameHiddenBehindHl7Escapes_thenTheReadableOutputHoldsIt() throws Exception {
        var d = io.phistream.detector.er7.Er7Message.parse("MSH|^~\\&|A|B|C|D|20260101||ADT^A01|1|P|2.5\r").delimiters();

        assertThat(ResidualPhiGuard.readable("AL1|1|DA|X|SV|M\\XDC\\LLERVOSS family", d)).contains("MÜLLERVOSS");
        assertThat(ResidualPhiGuard.readable("AL1|1|DA|X|SV|QUILL\\H\\FEATHER\\N\\", d)).contains("QUILLFEATHER");
        assertThat(ResidualPhiGuard.readable("NTE|1||VALE\\T\\MORROW\\.br\\x", d)).contains("VALE&MORROW x");
        assertThat(ResidualPhiGuard.firstHit(ResidualPhiGuard.readable("AL1|1|DA|X|SV|M\\XDC\\LLERVOSS family", d),
                Set.of(), known(PhiType.NAME, "MÜLLERVOSS"))).isNotNull();
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
