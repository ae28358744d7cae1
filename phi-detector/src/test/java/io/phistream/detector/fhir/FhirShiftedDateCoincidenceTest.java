package io.phistream.detector.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import io.phistream.detector.DetectingScrubber;
import io.phistream.detector.FreeTextScrubber;
import io.phistream.detector.RejectReason;
import io.phistream.detector.deid.DateShifter;
import io.phistream.detector.deid.Zip3;
import io.phistream.detector.text.TextPhiDetector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The FHIR side of the shifted-date coincidence: a shift of d days makes one of a patient's dates equal to the
 * original of another d days earlier (a newborn's birth date and the first observation a day later). That is no
 * residual; the original standing anywhere else still is.
 */
class FhirShiftedDateCoincidenceTest {

    private static final FhirTestKit KIT = new FhirTestKit();

    private static FhirDeidentifier shiftingByOneDay() throws Exception {
        return shiftingByOneDay(FreeTextScrubber.REDACT_ALL);
    }

    private static FhirDeidentifier shiftingByOneDay(FreeTextScrubber text) throws Exception {
        DateShifter oneDay = DateShifter.fromKeyset(KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF), 1);
        return new FhirDeidentifier(FhirPolicy.builtIn(), IdentityMap.empty(), KIT.tokenizer, oneDay,
                Zip3.defaultUnion(), KIT.digest, text, FhirTestKit.CLOCK);
    }

    /**
     * An admission on 2025-01-05 and an observation the next day, whose local code's display the policy keeps as
     * written, with a note.
     */
    private static String admission(String display, String note) {
        return """
                {"resourceType":"Bundle","type":"collection","entry":[
                 {"fullUrl":"urn:uuid:p1","resource":{"resourceType":"Patient",
                   "identifier":[{"system":"http://hospital.example.org/mrn","value":"MRN-5502"}],
                   "name":[{"family":"Quillfeather","given":["Arabella"]}],"birthDate":"1950-03-14"}},
                 {"fullUrl":"urn:uuid:e1","resource":{"resourceType":"Encounter","status":"finished",
                   "class":{"code":"IMP"},"subject":{"reference":"urn:uuid:p1"},"period":{"start":"2025-01-05T08:30:00Z"}}},
                 {"fullUrl":"urn:uuid:o1","resource":{"resourceType":"Observation","status":"final",
                   "code":{"coding":[{"system":"http://hospital.example.org/codes","code":"T1","display":"%s"}]},
                   "subject":{"reference":"urn:uuid:p1"},"effectiveDateTime":"2025-01-06"%s}}]}
                """.formatted(display, note == null ? "" : ",\"note\":[{\"text\":\"" + note + "\"}]");
    }

    /** A newborn and an observation a day after birth; optionally the birth date again in a kept code's text. */
    private static String bundle(String codeText) {
        return """
                {"resourceType":"Bundle","type":"collection","entry":[
                 {"fullUrl":"urn:uuid:p1","resource":{"resourceType":"Patient",
                   "identifier":[{"system":"http://hospital.example.org/mrn","value":"MRN-5501"}],
                   "name":[{"family":"Quillfeather","given":["Baby"]}],"birthDate":"2025-01-05"}},
                 {"fullUrl":"urn:uuid:o1","resource":{"resourceType":"Observation","status":"final",
                   "code":{"coding":[{"system":"http://loinc.org","code":"8339-4","display":"%s"}]},
                   "subject":{"reference":"urn:uuid:p1"},"effectiveDateTime":"2025-01-06"}}]}
                """.formatted(codeText);
    }

    @Test
    void givenABirthDateOneShiftBeforeAnObservation_whenDeidentified_thenTheShiftedObservationDateIsNoResidual()
            throws Exception {
        FhirOutcome out = shiftingByOneDay().deidentify(bundle("Birth weight"));

        assertThat(out).isInstanceOf(FhirOutcome.Deidentified.class);
        // the observation, shifted, now reads as the original birth date; the birth date keeps its year only
        assertThat(((FhirOutcome.Deidentified) out).text()).contains("\"effectiveDateTime\":\"2025-01-05\"")
                .contains("\"birthDate\":\"2025\"");
    }

    @Test
    void givenTheOriginalBirthDateAlsoInAKeptText_whenDeidentified_thenItIsStillAResidualAndQuarantined()
            throws Exception {
        FhirOutcome out = shiftingByOneDay().deidentify(bundle("Birth weight 2025-01-05"));

        assertThat(out).isInstanceOf(FhirOutcome.Rejected.class);
        assertThat(((FhirOutcome.Rejected) out).reason()).isEqualTo(RejectReason.RESIDUAL_PHI);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Admitted 1/5/2025", "Temp since 2025-01-05", "January 5, 2025 fall", "05.01.2025"})
    void givenTheAdmissionDayUnmovedInAKeptDisplay_whenDeidentified_thenItIsAResidualAndQuarantined(String display) {
        FhirOutcome out = KIT.deidentifier().deidentify(admission(display, null));

        assertThat(out).isInstanceOf(FhirOutcome.Rejected.class);
        assertThat(((FhirOutcome.Rejected) out).reason()).isEqualTo(RejectReason.RESIDUAL_PHI);
    }

    @Test
    void givenTheObservationMovedOntoTheAdmissionsOriginalDay_whenDeidentified_thenReleased() throws Exception {
        FhirOutcome out = shiftingByOneDay().deidentify(admission("Temperature", null));

        assertThat(out).isInstanceOf(FhirOutcome.Deidentified.class);
        assertThat(((FhirOutcome.Deidentified) out).text()).contains("\"effectiveDateTime\":\"2025-01-05\"");
    }

    @Test
    void givenANoteDateMovedOntoTheAdmissionsOriginalDay_whenScrubbedWithSurrogates_thenReleased() throws Exception {
        FhirOutcome out = shiftingByOneDay(DetectingScrubber.withSurrogates(TextPhiDetector.builtIn(), KIT.digest))
                .deidentify(admission("Temperature", "Rechecked 01/06/2025."));

        assertThat(out).isInstanceOf(FhirOutcome.Deidentified.class);
        assertThat(((FhirOutcome.Deidentified) out).text()).contains("01/05/2025");
    }

    @Test
    void givenTheAdmissionDayInADisplayBesidesANoteDateMovedOntoIt_whenScrubbedWithSurrogates_thenQuarantined()
            throws Exception {
        FhirOutcome out = shiftingByOneDay(DetectingScrubber.withSurrogates(TextPhiDetector.builtIn(), KIT.digest))
                .deidentify(admission("Admitted 01/05/2025", "Rechecked 01/06/2025."));

        assertThat(out).isInstanceOf(FhirOutcome.Rejected.class);
        assertThat(((FhirOutcome.Rejected) out).reason()).isEqualTo(RejectReason.RESIDUAL_PHI);
    }
}
