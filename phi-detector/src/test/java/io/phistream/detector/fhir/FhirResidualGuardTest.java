package io.phistream.detector.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.KnownPhi;
import io.phistream.detector.PhiType;
import io.phistream.detector.deid.ResidualMatch;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FhirResidualGuardTest {

    static List<KnownPhi.Value> values(String... v) {
        KnownPhi k = new KnownPhi();
        for (String s : v) {
            k.add(PhiType.NAME, s, true);
        }
        return k.values();
    }

    @Test
    void givenAGuardedValue_whenItStandsAsAWordInAnyCase_thenItIsFound() {
        assertThat(FhirResidualGuard.firstHit("{\"a\":\"met MCALLISTER today\"}", FhirFormat.JSON, Set.of(),
                values("McAllister"))).isNotNull();
        assertThat(FhirResidualGuard.firstHit("{\"a\":\"McAllisterville\"}", FhirFormat.JSON, Set.of(),
                values("McAllister"))).isNull();
    }

    @Test
    void givenAGuardedSurname_whenItStandsInThePluralOrThePluralPossessive_thenItIsFound() {
        // a walkthrough released an NDJSON note "kestrelwicks' cat ok."
        assertThat(FhirResidualGuard.firstHit("{\"text\":\"pennywhistles' cat ok.\"}", FhirFormat.JSON, Set.of(),
                values("Pennywhistle"))).isNotNull();
        assertThat(FhirResidualGuard.firstHit("<p>Sat with the THISTLEBRUSHES.</p>", FhirFormat.XML, Set.of(),
                values("Thistlebrush"))).isNotNull();
    }

    @Test
    void givenARelativesNameTheScrubberKeptAsAnEverydayWord_whenGuarded_thenHitOnlyWhereItStandsMoreOften() {
        // a walkthrough: "Son will call." quarantined a resource whose contact is a son named Will
        assertThat(FhirResidualGuard.firstHit("{\"text\":\"Son will call.\"}", FhirFormat.JSON, Set.of(),
                values("Will"), java.util.Map.of(), Set.of(), List.of(), java.util.Map.of("will", 1))).isNull();
        assertThat(FhirResidualGuard.firstHit("{\"text\":\"Son will call. Will here.\"}", FhirFormat.JSON, Set.of(),
                values("Will"), java.util.Map.of(), Set.of(), List.of(), java.util.Map.of("will", 1))).isNotNull();
        assertThat(FhirResidualGuard.firstHit("{\"text\":\"Son will call.\"}", FhirFormat.JSON, Set.of(),
                values("Will"))).isNotNull();
    }

    @Test
    void givenAValueOnlyVisibleOnceUnescaped_whenGuarded_thenItIsFoundInJsonAndXml() {
        List<KnownPhi.Value> v = values("O'Hara & Sons", "Jo \"Bear\" Li");

        assertThat(FhirResidualGuard.firstHit("<a value=\"O&apos;Hara &amp; Sons\"/>", FhirFormat.XML, Set.of(), v))
                .isNotNull();
        assertThat(FhirResidualGuard.firstHit("<a value=\"O&#39;Hara &#x26; Sons\"/>", FhirFormat.XML, Set.of(), v))
                .isNotNull();
        assertThat(FhirResidualGuard.firstHit("{\"a\":\"Jo \\\"Bear\\\" Li\"}", FhirFormat.JSON, Set.of(), v))
                .isNotNull();
    }

    @Test
    void givenAValueInsideOneOfOurTokens_whenGuarded_thenItIsNotAHit() {
        String token = "nam-AbCdEf-Smith_0123456789abcdefghij";

        assertThat(FhirResidualGuard.firstHit("{\"v\":\"" + token + "\"}", FhirFormat.JSON, Set.of(token), values("Smith")))
                .isNull();
        assertThat(FhirResidualGuard.firstHit("{\"v\":\"" + token + "\"}", FhirFormat.JSON, Set.of(), values("Smith")))
                .isNotNull();
    }

    @Test
    void givenShortOrUnguardedValues_whenGuarded_thenTheyAreIgnoredLikeTheHl7Guard() {
        KnownPhi k = new KnownPhi();
        k.add(PhiType.NAME, "Al", true);
        k.add(PhiType.PHONE, "123456", true);
        k.add(PhiType.NAME, "Robert", false);

        assertThat(FhirResidualGuard.firstHit("Al 123456 Robert", FhirFormat.JSON, Set.of(), k.values())).isNull();
        assertThat(ResidualMatch.significant("5551234", PhiType.PHONE)).isTrue();
    }

    static List<KnownPhi.Value> typed(PhiType type, String... v) {
        KnownPhi k = new KnownPhi();
        for (String s : v) {
            k.add(type, s, true);
        }
        return k.values();
    }

    @Test
    void givenAGuardedNumber_whenWrittenWithOtherPunctuationOrNone_thenItIsFound() {
        List<KnownPhi.Value> ssn = typed(PhiType.SSN, "987-65-4329");
        List<KnownPhi.Value> phone = typed(PhiType.PHONE, "(555) 555-0142");
        List<KnownPhi.Value> mrn = typed(PhiType.MRN, "77123456");

        for (String written : List.of("987654329", "987 65 4329", "987.65.4329", "SSN 987 - 65 - 4329")) {
            assertThat(FhirResidualGuard.firstHit("{\"d\":\"" + written + "\"}", FhirFormat.JSON, Set.of(), ssn))
                    .as(written).isNotNull();
        }
        for (String written : List.of("5555550142", "555.555.0142", "+15555550142", "+1 (555) 555-0142", "555-0142",
                "555*555*0142", "555 &amp; 555 &amp; 0142", "555_555_0142")) {
            assertThat(FhirResidualGuard.firstHit("<d value=\"" + written + "\"/>", FhirFormat.XML, Set.of(), phone))
                    .as(written).isNotNull();
        }
        for (String written : List.of("0077123456", "771-23456", "MRN77123456", "#77123456")) {
            assertThat(FhirResidualGuard.firstHit("{\"d\":\"" + written + "\"}", FhirFormat.JSON, Set.of(), mrn))
                    .as(written).isNotNull();
        }
    }

    @Test
    void givenAGuardedNumbersDigitsInsideOurOwnTokensOrPseudonyms_thenTheyAreNoHit() {
        List<KnownPhi.Value> v = typed(PhiType.SSN, "987-65-4329");
        String pseudonym = "98765432-9abc-4def-8abc-0123456789ab"; // its first groups join to the SSN's digits
        String token = "ssn-Qx_987654329-Zt";

        assertThat(FhirResidualGuard.firstHit("{\"reference\":\"Patient/" + pseudonym + "\",\"v\":\"" + token + "\"}",
                FhirFormat.JSON, Set.of(pseudonym, token), v)).isNull();
        assertThat(FhirResidualGuard.firstHit("{\"reference\":\"Patient/" + pseudonym + "\"}", FhirFormat.JSON,
                Set.of(), v)).isNotNull();
        assertThat(FhirResidualGuard.firstHit("{\"v\":\"" + token + "\"}", FhirFormat.JSON, Set.of(), v)).isNotNull();
        // the number beside one of our tokens is still found
        assertThat(FhirResidualGuard.firstHit("{\"v\":\"" + token + " 987654329\"}", FhirFormat.JSON, Set.of(token), v))
                .isNotNull();
    }

    @Test
    void givenQuantitiesCodesAndUuidsHoldingAGuardedNumbersDigitsInLongerRuns_thenTheyAreNoHit() {
        List<KnownPhi.Value> v = typed(PhiType.SSN, "987-65-4329");
        v = new java.util.ArrayList<>(v);
        v.addAll(typed(PhiType.PHONE, "555-555-0142"));

        assertThat(FhirResidualGuard.firstHit("{\"valueQuantity\":{\"value\":98.76543291},\"code\":\"987654329001\","
                + "\"loinc\":\"29463-7\",\"id\":\"19876543-2901-4abc-8def-555055501420\",\"q\":5550142.5}",
                FhirFormat.JSON, Set.of(), v)).isNull();
    }

    @Test
    void givenABirthDate_whenItsDayIsWrittenInAnyForm_thenItIsFound_unlessAMovedDateAccountsForIt() {
        List<KnownPhi.Value> v = typed(PhiType.DATE, "1961-03-14");

        for (String written : List.of("born 03/14/1961", "19610314", "March 14, 1961", "14.03.1961", "14-MAR-1961")) {
            assertThat(FhirResidualGuard.firstHit("{\"d\":\"" + written + "\"}", FhirFormat.JSON, Set.of(), v))
                    .as(written).isNotNull();
        }
        // another date moved onto the birth day is written once, and counts once
        assertThat(FhirResidualGuard.firstHit("{\"effective\":\"1961-03-14\"}", FhirFormat.JSON, Set.of(), v,
                java.util.Map.of("1961-03-14", 1))).isNull();
        assertThat(FhirResidualGuard.firstHit("{\"effective\":\"1961-03-14\",\"d\":\"03/14/1961\"}", FhirFormat.JSON,
                Set.of(), v, java.util.Map.of("1961-03-14", 1))).isNotNull();
        // inside one of our tokens the day is no hit
        assertThat(FhirResidualGuard.firstHit("{\"d\":\"19610314\"}", FhirFormat.JSON, Set.of("19610314"), v)).isNull();
    }
    @Test
    void givenALetterOrDigit_thenItIsFoldedAsTheHashFoldsIt_andAnyOtherCharacterIsZero() {
        assertThat(FhirResidualGuard.foldedLetterOrDigit('Q')).isEqualTo('q');
        assertThat(FhirResidualGuard.foldedLetterOrDigit('q')).isEqualTo('q');
        assertThat(FhirResidualGuard.foldedLetterOrDigit('7')).isEqualTo('7');
        assertThat(FhirResidualGuard.foldedLetterOrDigit('\u00c9')).isEqualTo('\u00e9'); // É
        assertThat(FhirResidualGuard.foldedLetterOrDigit('\u0130')).isEqualTo('i'); // dotted capital I, as regionMatches
        for (char c : new char[] {'-', '_', ' ', '"', ':', '\u0000', '\u2014', '\u00a0'}) {
            assertThat(FhirResidualGuard.foldedLetterOrDigit(c)).as("U+%04X", (int) c).isZero();
        }
    }

    @Test
    void givenEveryChar_thenTheFoldedLetterOrDigitAgreesWithFoldedHash() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            int folded = FhirResidualGuard.foldedLetterOrDigit(c);
            assertThat(folded != 0).as("U+%04X", (int) c).isEqualTo(Character.isLetterOrDigit(c));
            if (folded != 0 && folded != FhirResidualGuard.foldedHash(String.valueOf(c), 0, 1)) {
                throw new AssertionError(String.format("U+%04X folds unlike foldedHash", (int) c));
            }
        }
    }
}
