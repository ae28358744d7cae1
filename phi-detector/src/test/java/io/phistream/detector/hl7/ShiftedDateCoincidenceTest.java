package io.phistream.detector.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import io.phistream.detector.DetectingScrubber;
import io.phistream.detector.FreeTextScrubber;
import io.phistream.detector.RejectReason;
import io.phistream.detector.deid.DateShifter;
import io.phistream.detector.deid.Zip3;
import io.phistream.detector.text.TextPhiDetector;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A shift of d days makes one date of a message equal to the original of another date d days earlier in it (a
 * newborn's birth time and the message time a day later). The residual guard must not take that for a leak: every
 * message of the patient would be quarantined, for good, since the shift is the patient's (Hl7LeakTest failed for
 * about one key set in sixty on the public sample corpus). It must still catch the original standing anywhere else.
 */
class ShiftedDateCoincidenceTest {

    private static final TestDeidentifiers T = new TestDeidentifiers();

    /** A de-identifier whose shift is always -1 day (maxDays 1), so the coincidence is certain. */
    private static Hl7Deidentifier shiftingByOneDay() throws Exception {
        return shiftingByOneDay(FreeTextScrubber.REDACT_ALL);
    }

    private static Hl7Deidentifier shiftingByOneDay(FreeTextScrubber text) throws Exception {
        DateShifter oneDay = DateShifter.fromKeyset(KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF), 1);
        return new Hl7Deidentifier(Hl7Policy.builtIn(), T.tokenizer, oneDay, Zip3.defaultUnion(), T.digest,
                text, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    }

    /** An admission on 2025-01-05, sent the next day, with a coded observation and a comment. */
    private static String admission(String codeText, String comment) {
        return "MSH|^~\\&|ADT|GHH|DEID|PS|20250106120000||ADT^A01^ADT_A01|C5502|P|2.5.1\r"
                + "PID|1||MRN5502^^^GHH^MR||Quillfeather^Arabella||19500314|F\r"
                + "PV1|1|I|ICU^1^1" + "|".repeat(41) + "20250105083000\r"
                + "OBX|1|CWE|X1^Admission reason^L||A1^" + codeText + "^L||||||F\r"
                + (comment == null ? "" : "NTE|1||" + comment + "\r");
    }

    /** A newborn born the day before the message was sent; optionally the birth time again in a kept OBX value. */
    private static String newbornAdt(String obxValue) {
        return "MSH|^~\\&|ADT|GHH|DEID|PS|20250106120000||ADT^A01^ADT_A01|C5501|P|2.5.1\r"
                + "EVN|A01|20250106120000\r"
                + "PID|1||MRN5501^^^GHH^MR||Quillfeather^Baby Girl||20250105120000|F\r"
                + "PV1|1|I|NICU^1^1\r"
                + (obxValue == null ? "" : "OBX|1|NM|8339-4^Birth weight^LN||" + obxValue + "|g|||||F\r");
    }

    @Test
    void givenABirthTimeOneShiftBeforeTheMessageTime_whenDeidentified_thenTheShiftedMessageTimeIsNoResidual()
            throws Exception {
        Hl7Outcome out = shiftingByOneDay().deidentify(newbornAdt(null));

        assertThat(out).isInstanceOf(Hl7Outcome.Deidentified.class);
        // the message time, shifted, now reads as the original birth time; the birth time itself keeps its year only
        assertThat(((Hl7Outcome.Deidentified) out).text()).contains("|20250105120000|").contains("||2025|F");
    }

    @Test
    void givenTheOriginalBirthTimeAlsoInAFieldKeptAsIs_whenDeidentified_thenItIsStillAResidualAndQuarantined()
            throws Exception {
        Hl7Outcome out = shiftingByOneDay().deidentify(newbornAdt("20250105120000"));

        assertThat(out).isInstanceOf(Hl7Outcome.Rejected.class);
        assertThat(((Hl7Outcome.Rejected) out).reason()).isEqualTo(RejectReason.RESIDUAL_PHI);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Admitted 1/5/2025", "admitted 01/05/2025", "seen 2025-01-05", "January 5, 2025 fall",
        "5 Jan 2025", "05-JAN-2025", "05.01.2025"})
    void givenTheAdmissionDayUnmovedInACodesText_whenDeidentified_thenItIsAResidualAndQuarantined(String codeText) {
        // a code's text is kept as the sender wrote it; the day there gives the real date, and with the moved
        // PV1-44 beside it the patient's offset
        Hl7Outcome out = T.deidentifier.deidentify(admission(codeText, null));

        assertThat(out).isInstanceOf(Hl7Outcome.Rejected.class);
        assertThat(((Hl7Outcome.Rejected) out).reason()).isEqualTo(RejectReason.RESIDUAL_PHI);
    }

    @Test
    void givenACodesTextWithoutADay_whenDeidentified_thenReleasedWithTheAdmissionMoved() {
        Hl7Outcome.Deidentified out = TestDeidentifiers.released(T.deidentifier, admission("Fall at home 2025", null));

        assertThat(out.text()).doesNotContain("20250105");
    }

    @Test
    void givenACommentDateMovedOntoTheAdmissionsOriginalDay_whenScrubbedWithSurrogates_thenReleased() throws Exception {
        // shifted back one day, the comment's 01/06/2025 is written 01/05/2025: the admission's original day, but as
        // the moved date it is, not as a leak
        Hl7Outcome out = shiftingByOneDay(DetectingScrubber.withSurrogates(TextPhiDetector.builtIn(), T.digest))
                .deidentify(admission("Fall at home", "Family meeting held 01/06/2025."));

        assertThat(out).isInstanceOf(Hl7Outcome.Deidentified.class);
        assertThat(((Hl7Outcome.Deidentified) out).text()).contains("01/05/2025");
    }

    @Test
    void givenTheAdmissionsOriginalDayBesidesACommentDateMovedOntoIt_whenScrubbedWithSurrogates_thenQuarantined()
            throws Exception {
        // the moved copy excuses one occurrence, not the unmoved one in the code's text
        Hl7Outcome out = shiftingByOneDay(DetectingScrubber.withSurrogates(TextPhiDetector.builtIn(), T.digest))
                .deidentify(admission("Admitted 01/05/2025", "Family meeting held 01/06/2025."));

        assertThat(out).isInstanceOf(Hl7Outcome.Rejected.class);
        assertThat(((Hl7Outcome.Rejected) out).reason()).isEqualTo(RejectReason.RESIDUAL_PHI);
    }
}
