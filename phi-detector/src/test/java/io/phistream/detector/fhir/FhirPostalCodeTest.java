package io.phistream.detector.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.DetectingScrubber;
import io.phistream.detector.FreeTextScrubber;
import io.phistream.detector.KnownPhi;
import io.phistream.detector.PhiType;
import io.phistream.detector.RejectReason;
import io.phistream.detector.deid.KeyedValues;
import io.phistream.detector.text.TextPhiDetector;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing finding F1 (docs/RELIABILITY.md): a Patient's full postal code, generalised to ZIP3 in the structure, must
 * not survive in the narrative or any other free text of the same resource or Bundle, and the residual guard must
 * reject the message if it does.
 */
class FhirPostalCodeTest {

    static final FhirTestKit KIT = new FhirTestKit();
    static final FhirDeidentifier SPANS = KIT.deidentifier(IdentityMap.empty(), new DetectingScrubber(TextPhiDetector.builtIn()));
    /** A scrubber that finds nothing: only the residual guard stands between the text and the output. */
    static final FhirDeidentifier BLIND = KIT.deidentifier(IdentityMap.empty(), (text, known) -> new FreeTextScrubber.Result(text, List.of()));

    static String patient(String postalCode, String narrative) {
        return """
                {"resourceType":"Patient","id":"p1","text":{"status":"generated",
                 "div":"<div xmlns=\\"http://www.w3.org/1999/xhtml\\">%s</div>"},
                 "address":[{"city":"Marblehead","postalCode":"%s"}]}""".formatted(narrative, postalCode);
    }

    static String bundle(String postalCode, String note) {
        return """
                {"resourceType":"Bundle","type":"collection","entry":[
                 {"fullUrl":"Patient/p1","resource":{"resourceType":"Patient","id":"p1",
                   "address":[{"postalCode":"%s"}]}},
                 {"fullUrl":"urn:uuid:9d0f3c52-6f1e-4b8a-9f7e-2a1c0b9e8d71","resource":{"resourceType":"Observation",
                   "status":"final","code":{"text":"hr"},"subject":{"reference":"Patient/p1"},
                   "note":[{"text":"%s"}]}}]}""".formatted(postalCode, note);
    }

    @Test
    void givenAForeignAddress_whenDeidentified_thenItsPostalCodeKeepsNoDigit() {
        String patient = """
                {"resourceType":"Patient","id":"p1","address":[{"city":"Stuttgart","postalCode":"70173","country":"DEU"},
                 {"city":"Marblehead","postalCode":"01945","country":"US"}]}""";

        String out = ((FhirOutcome.Deidentified) SPANS.deidentify(patient)).text();

        assertThat(out).contains("\"postalCode\":\"000\"").contains("\"postalCode\":\"019\"");
        assertThat(KeyedValues.without(out)).doesNotContain("701");
    }

    @Test
    void givenAPostalCodeInTheStructure_whenTheNarrativeRepeatsItAfterLivesIn_thenItIsReplacedAndTheResourceReleased() {
        FhirOutcome o = SPANS.deidentify(patient("01945", "Lives in 01945 with family"));

        assertThat(o).isInstanceOf(FhirOutcome.Deidentified.class);
        String out = ((FhirOutcome.Deidentified) o).text();
        assertThat(KeyedValues.without(out)).doesNotContain("01945").contains("\"postalCode\":\"019\"").contains("Lives in [GEO] with family");
    }

    @Test
    void givenAZipPlusFourInTheStructure_whenANoteInTheBundleHasTheFiveDigitsOrTheNineGlued_thenBothAreReplaced() {
        FhirOutcome o = SPANS.deidentify(bundle("01945-3321", "home 01945, mail to 019453321"));

        assertThat(o).isInstanceOf(FhirOutcome.Deidentified.class);
        String out = ((FhirOutcome.Deidentified) o).text();
        assertThat(KeyedValues.without(out)).doesNotContain("01945", "3321");
    }

    @Test
    void givenAScrubberThatMissesThePostalCode_whenTheNarrativeHoldsIt_thenTheResidualGuardRejectsTheMessage() {
        FhirOutcome o = BLIND.deidentify(patient("01945", "Lives in 01945 with family"));

        assertThat(o).isInstanceOf(FhirOutcome.Rejected.class);
        assertThat(((FhirOutcome.Rejected) o).reason()).isEqualTo(RejectReason.RESIDUAL_PHI);
    }

    @Test
    void givenAScrubberThatMissesThePostalCode_whenTheNarrativeHasOnlyOtherNumbers_thenTheMessageIsReleased() {
        FhirOutcome o = BLIND.deidentify(patient("01945", "HR 101945 then 1945"));

        assertThat(o).isInstanceOf(FhirOutcome.Deidentified.class);
    }

    @Test
    void givenAGuardedZipPlusFour_whenTheOutputHoldsItsFiveDigitsOrAllNine_thenTheGuardFindsItButNotItsZip3() {
        KnownPhi k = new KnownPhi();
        k.add(PhiType.GEO, "01945-3321", true);

        assertThat(FhirResidualGuard.firstHit("{\"a\":\"in 01945.\"}", FhirFormat.JSON, Set.of(), k.values())).isNotNull();
        assertThat(FhirResidualGuard.firstHit("{\"a\":\"019453321\"}", FhirFormat.JSON, Set.of(), k.values())).isNotNull();
        assertThat(FhirResidualGuard.firstHit("{\"a\":\"01945-3321\"}", FhirFormat.JSON, Set.of(), k.values())).isNotNull();
        assertThat(FhirResidualGuard.firstHit("{\"postalCode\":\"019\",\"v\":\"3321\"}", FhirFormat.JSON, Set.of(),
                k.values())).isNull();
    }
}
