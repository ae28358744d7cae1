package io.phistream.detector.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import io.phistream.detector.FreeTextScrubber;
import io.phistream.detector.RejectReason;
import io.phistream.detector.deid.DateShifter;
import io.phistream.detector.deid.Zip3;
import org.junit.jupiter.api.Test;

/**
 * The FHIR side of the shifted-date coincidence: a shift of d days makes one of a patient's dates equal to the
 * original of another d days earlier (a newborn's birth date and the first observation a day later). That is no
 * residual; the original standing anywhere else still is.
 */
class FhirShiftedDateCoincidenceTest {

    private static final FhirTestKit KIT = new FhirTestKit();

    private static FhirDeidentifier shiftingByOneDay() throws Exception {
        DateShifter oneDay = DateShifter.fromKeyset(KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF), 1);
        return new FhirDeidentifier(FhirPolicy.builtIn(), IdentityMap.empty(), KIT.tokenizer, oneDay,
                Zip3.defaultUnion(), KIT.digest, FreeTextScrubber.REDACT_ALL, FhirTestKit.CLOCK);
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
}
