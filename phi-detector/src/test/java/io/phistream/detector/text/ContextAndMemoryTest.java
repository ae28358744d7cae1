package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.found;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class ContextAndMemoryTest {

    private static Function<String, String> keyedHash(byte[] key) {
        return v -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                return java.util.HexFormat.of().formatHex(mac.doFinal(v.getBytes(StandardCharsets.UTF_8)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    @Test
    void givenStructuredName_whenPartialFormsInText_thenAllFound() {
        DetectionContext ctx = DetectionContext.builder().knownName("Quonzalves", "Pearl").build();
        String t = "QUONZALVES RESTING. PEARL ASKED FOR WATER. P.Q. AGREES. quonzalves family updated";
        assertThat(found(t, ctx)).contains("QUONZALVES|NAME", "PEARL|NAME", "quonzalves|NAME");
        assertThat(found(t, DetectionContext.EMPTY)).doesNotContain("QUONZALVES|NAME");
    }

    @Test
    void givenKnownIdsAndPhone_whenOtherSeparators_thenFound() {
        DetectionContext ctx = DetectionContext.builder()
                .knownValue(PhiType.MRN, "00981234")
                .knownValue(PhiType.PHONE, "+1 (617) 555-0142")
                .knownValue(PhiType.GEO, "77 Wexcombe Lane")
                .knownValue(PhiType.EMAIL, "P.Q@Example.org").build();
        String t = "Chart 981234 reviewed; call 617 555 0142. Lives on wexcombe lane. Mail p.q@example.org";
        assertThat(found(t, ctx)).contains("981234|MRN", "617 555 0142|PHONE", "p.q@example.org|EMAIL")
                .anyMatch(s -> s.startsWith("wexcombe") && s.endsWith("|GEO"));
    }

    @Test
    void givenKnownDateOfBirth_whenShortFormInRatioContext_thenStillFound() {
        DetectionContext ctx = DetectionContext.builder().knownValue(PhiType.DATE, "19370519").build();
        assertThat(found("BP 5/19 NOTED", ctx)).contains("5/19|DATE");
    }

    @Test
    void givenRememberedDigests_whenNoStructureInThisMessage_thenNameAndIdScrubbed() {
        Function<String, String> h = keyedHash("k1-secret".getBytes(StandardCharsets.UTF_8));
        Set<String> memory = new HashSet<>();
        memory.addAll(DetectionContext.digestsOf(PhiType.NAME, "Quonzalves Pearl", h));
        memory.addAll(DetectionContext.digestsOf(PhiType.MRN, "A7781234", h));
        DetectionContext ctx = DetectionContext.builder().rememberedDigests(memory, h).build();
        String t = "F/U NOTE: QUONZALVES DOING WELL, ID A7781234 CONFIRMED";
        assertThat(found(t, ctx)).contains("QUONZALVES|NAME").anyMatch(s -> s.startsWith("A7781234"));
        // another key gives other digests: nothing is recognised from memory
        DetectionContext other = DetectionContext.builder()
                .rememberedDigests(memory, keyedHash("k2".getBytes(StandardCharsets.UTF_8))).build();
        assertThat(found(t, other)).doesNotContain("QUONZALVES|NAME");
    }

    @Test
    void givenAMemoryHashThatGivesItsValue_whenLookedUpAsNumbers_thenTheSameNamesIdsAndPlacesAreFoundAsWithText() {
        // a 64-bit hash standing in for the pipeline's SipHash: the context compares values, not hex strings
        MemoryHash h = (prefix, form) -> java.util.Arrays.hashCode((prefix + form).getBytes(StandardCharsets.UTF_8))
                * 0x9E3779B97F4A7C15L;
        Set<String> memory = new HashSet<>();
        memory.addAll(DetectionContext.digestsOf(PhiType.NAME, "Quonzalves Pearl", h));
        memory.addAll(DetectionContext.digestsOf(PhiType.MRN, "A7781234", h));
        memory.addAll(DetectionContext.digestsOf(PhiType.GEO, "Wexcombe", h));
        String t = "F/U NOTE: QUONZALVES DOING WELL, ID A7781234 CONFIRMED, BACK HOME IN WEXCOMBE";
        Function<String, String> asText = h::apply; // the same digests through the text path

        List<String> byValue = found(t, DetectionContext.builder().rememberedDigests(memory, h).build());
        assertThat(byValue).contains("QUONZALVES|NAME", "WEXCOMBE|GEO").anyMatch(s -> s.startsWith("A7781234"));
        assertThat(byValue).isEqualTo(found(t, DetectionContext.builder().rememberedDigests(memory, asText).build()));
    }

    @Test
    void givenNormalise_thenClassPrefixedAndSeparatorFree() {
        assertThat(DetectionContext.normalise(PhiType.PHONE, "+1 (617) 555-0142")).isEqualTo("i:6175550142");
        assertThat(DetectionContext.normalise(PhiType.MRN, "00-981234")).isEqualTo("i:981234");
        assertThat(DetectionContext.normalise(PhiType.NAME, "O'Brien")).isEqualTo("n:OBRIEN");
        assertThat(DetectionContext.normalisedForms(PhiType.NAME, "Mary Ann Smith"))
                .containsExactly("n:MARY ANN SMITH", "n:MARY", "n:ANN", "n:SMITH", "n:MARYANNSMITH");
        assertThat(DetectionContext.normalisedForms(PhiType.NAME, "De La Cruz")).doesNotContain("n:DE", "n:LA")
                .contains("n:CRUZ", "n:DELACRUZ");
    }

    @Test
    void givenPatientNamedWill_thenModalVerbsStayButTheNameGoes() {
        DetectionContext ctx = DetectionContext.builder().knownName("Brown", "Will").build();
        String t = "WILL BROWN RESTING. DAUGHTER WILL CALL BACK. MR BROWN AWARE.";
        assertThat(found(t, ctx)).containsExactly("WILL BROWN|NAME", "BROWN|NAME");
    }

    @Test
    void givenMultiPartSurname_thenFoundSpacedOrJoined_butParticlesAloneAreNot() {
        DetectionContext ctx = DetectionContext.builder().knownName("De La Cruz", "Ana").build();
        assertThat(found("MRS DELACRUZ AWAKE. LA ENLARGED ON ECHO. Ana de la Cruz called.", ctx))
                .contains("DELACRUZ|NAME", "Ana de la Cruz|NAME").doesNotContain("LA|NAME");
    }

    @Test
    void givenARelativesTwoLetterNameThatIsAWordOnlyInMemory_whenCapitalised_thenTheNameGoesAndTheWordStays() {
        // a walkthrough (stream): NK1 HO^BE in one message, "Be called at 0800." in the next kept the name
        Function<String, String> h = keyedHash("k1-secret".getBytes(StandardCharsets.UTF_8));
        Set<String> memory = new HashSet<>(DetectionContext.digestsOf(PhiType.NAME, "Be", h));
        DetectionContext ctx = DetectionContext.builder().rememberedDigests(memory, h).build();

        assertThat(found("Be called at 0800. Will be back.", ctx)).containsExactly("Be|NAME");
        assertThat(found("BE AT BEDSIDE.", ctx)).containsExactly("BE|NAME");
    }
}
