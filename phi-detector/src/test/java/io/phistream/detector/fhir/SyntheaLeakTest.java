package io.phistream.detector.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.util.FhirTerser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Synthea bundle in ../shared/corpora/synthea-fhir-r4/bundles, as JSON and converted to XML: released, valid,
 * same entries and resource types, references resolvable, and no value of the Patient's name, address line, city,
 * postal code (beyond ZIP3), telecom, identifiers or birth date (as written) anywhere in the output.
 */
class SyntheaLeakTest {

    static final FhirTestKit KIT = new FhirTestKit();
    static final FhirDeidentifier DEID = KIT.deidentifier();
    static final FhirContext CTX = FhirDeidentifier.context();

    static Stream<Arguments> bundles() {
        if (!FhirTestKit.syntheaPresent()) {
            return Stream.of(Arguments.of(Path.of("absent"), FhirFormat.JSON));
        }
        return FhirTestKit.syntheaBundles().stream()
                .flatMap(p -> Stream.of(Arguments.of(p, FhirFormat.JSON), Arguments.of(p, FhirFormat.XML)));
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("bundles")
    void givenASyntheaBundle_whenDeidentified_thenNoPatientValueSurvivesAndTheBundleStaysValid(Path file, FhirFormat format)
            throws IOException {
        assumeTrue(Files.isDirectory(FhirTestKit.SYNTHEA), FhirTestKit.SYNTHEA + " absent: skipped");
        Bundle original = (Bundle) CTX.newJsonParser().parseResource(Files.readString(file));
        String input = format == FhirFormat.JSON ? Files.readString(file) : CTX.newXmlParser().encodeResourceToString(original);

        FhirOutcome outcome = DEID.deidentify(input);

        assertThat(outcome).isInstanceOf(FhirOutcome.Deidentified.class);
        FhirOutcome.Deidentified out = (FhirOutcome.Deidentified) outcome;
        assertThat(out.format()).isEqualTo(format);
        assertThat(out.patientToken()).isNotNull();
        Bundle result = (Bundle) (format == FhirFormat.JSON ? CTX.newJsonParser() : CTX.newXmlParser())
                .parseResource(out.text());
        assertThat(result.getEntry()).hasSameSizeAs(original.getEntry());
        for (int i = 0; i < original.getEntry().size(); i++) {
            assertThat(result.getEntry().get(i).getResource().fhirType())
                    .isEqualTo(original.getEntry().get(i).getResource().fhirType());
        }
        assertReferencesResolve(result);
        String text = out.text().toLowerCase(Locale.ROOT);
        for (String value : patientValues(original)) {
            assertThat(containsWord(text, value.toLowerCase(Locale.ROOT)))
                    .as("a patient value of %s survived", file.getFileName()).isFalse();
        }
        for (String zip : postalCodes(original)) {
            assertThat(containsNumber(text, zip)).as("a full postal code survived").isFalse();
        }
    }

    static void assertReferencesResolve(Bundle b) {
        Set<String> fullUrls = new HashSet<>();
        b.getEntry().forEach(e -> fullUrls.add(e.getFullUrl()));
        FhirTerser terser = CTX.newTerser();
        int checked = 0;
        for (Bundle.BundleEntryComponent e : b.getEntry()) {
            Set<String> contained = new HashSet<>();
            if (e.getResource() instanceof org.hl7.fhir.r4.model.DomainResource d) {
                d.getContained().forEach(c -> contained.add("#" + c.getIdElement().getIdPart().replace("#", "")));
            }
            for (Reference r : terser.getAllPopulatedChildElementsOfType(e.getResource(), Reference.class)) {
                String ref = r.getReference();
                if (ref == null) {
                    continue;
                }
                assertThat(ref.startsWith("#") ? contained : fullUrls).as("dangling reference").contains(ref);
                checked++;
            }
        }
        assertThat(checked).isPositive();
    }

    /** Name parts, address lines and city, telecom values, identifier values and the birth date as written. */
    static List<String> patientValues(Bundle b) {
        List<String> values = new ArrayList<>();
        for (Bundle.BundleEntryComponent e : b.getEntry()) {
            Resource r = e.getResource();
            if (!(r instanceof Patient p)) {
                continue;
            }
            p.getName().forEach(n -> {
                values.add(n.getFamily());
                n.getGiven().forEach(g -> values.add(g.getValue()));
            });
            p.getAddress().forEach(a -> {
                a.getLine().forEach(l -> values.add(l.getValue()));
                values.add(a.getCity());
            });
            p.getTelecom().forEach(t -> values.add(t.getValue()));
            p.getIdentifier().forEach(i -> values.add(i.getValue()));
            values.add(p.getBirthDateElement().getValueAsString());
        }
        values.removeIf(v -> v == null || v.isBlank());
        assertThat(values).hasSizeGreaterThan(8);
        return values;
    }

    static List<String> postalCodes(Bundle b) {
        List<String> zips = new ArrayList<>();
        b.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Patient.class::isInstance)
                .forEach(p -> ((Patient) p).getAddress().forEach(a -> zips.add(a.getPostalCode())));
        zips.removeIf(z -> z == null || z.length() <= 3);
        return zips;
    }

    /** Occurrence not preceded or followed by a letter or digit (the residual guard's notion of a word). */
    static boolean containsWord(String haystack, String needle) {
        return contains(haystack, needle, false);
    }

    /** Like {@link #containsWord}, but a '.' also joins, so "42.01220" does not count as the ZIP 01220. */
    static boolean containsNumber(String haystack, String needle) {
        return contains(haystack, needle, true);
    }

    private static boolean contains(String haystack, String needle, boolean dotJoins) {
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            int end = i + needle.length();
            boolean before = i > 0 && joins(haystack.charAt(i - 1), dotJoins);
            boolean after = end < haystack.length() && joins(haystack.charAt(end), dotJoins);
            if (!before && !after) {
                return true;
            }
        }
        return false;
    }

    private static boolean joins(char c, boolean dotJoins) {
        return Character.isLetterOrDigit(c) || (dotJoins && c == '.');
    }
}
