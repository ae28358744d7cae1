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
    void givenAnEmailOrAContactUriAnywhere_thenItIsAResidual_evenWithNoReplacedValueToCompare() {
        // a user's walkthrough: a valueUri and a Coding.display kept by their type carried an address
        assertThat(FhirResidualGuard.contactAddress("{\"valueUri\":\"mailto:evie.v@example.com\"}"))
                .isEqualTo(PhiType.EMAIL);
        assertThat(FhirResidualGuard.contactAddress("{\"display\":\"ask evie.v@mail.example.net\"}"))
                .isEqualTo(PhiType.EMAIL);
        assertThat(FhirResidualGuard.contactAddress("<valueUri value=\"tel:+15555550192\"/>")).isEqualTo(PhiType.PHONE);
        // a second walkthrough: these passed the first version
        assertThat(FhirResidualGuard.contactAddress("{\"display\":\"TEL:+1-555-555-0124\"}")).isEqualTo(PhiType.PHONE);
        assertThat(FhirResidualGuard.contactAddress("{\"display\":\"sms://5555550127\"}")).isEqualTo(PhiType.PHONE);
        assertThat(FhirResidualGuard.contactAddress("{\"display\":\"evie\uFF20example.com\"}")).isEqualTo(PhiType.EMAIL);
        // left for this session: an address URL-encoded or spelled out
        assertThat(FhirResidualGuard.contactAddress("{\"valueUri\":\"https://x.example.org/?u=evie%40example.com\"}"))
                .isEqualTo(PhiType.EMAIL);
        assertThat(FhirResidualGuard.contactAddress("{\"display\":\"write to evie.v [at] example.com\"}"))
                .isEqualTo(PhiType.EMAIL);
        assertThat(FhirResidualGuard.contactAddress("{\"display\":\"evie(AT)mail.example.net\"}")).isEqualTo(PhiType.EMAIL);
    }

    @Test
    void givenWhatATreatedMessageHolds_thenNoContactIsFound() {
        assertThat(FhirResidualGuard.contactAddress("{\"resourceType\":\"Patient\",\"telecom\":[{\"system\":\"email\"}],"
                + "\"text\":{\"div\":\"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">Tel: [PHONE], user4417@example.org"
                + " (made up), a@b</div>\"},\"system\":\"urn:oid:2.16.840.1\",\"id\":\"mrn-AV3x_-9q\"}")).isNull();
        assertThat(FhirResidualGuard.contactAddress("{\"display\":\"100%40 mg\",\"text\":\"seen (at) home\"}")).isNull();
        assertThat(FhirResidualGuard.contactAddress("x".repeat(200_000) + "@" + "y".repeat(200_000))).isNull();
    }

    @Test
    void givenAGuardedValue_whenItStandsAsAWordInAnyCase_thenItIsFound() {
        assertThat(FhirResidualGuard.firstHit("{\"a\":\"met MCALLISTER today\"}", FhirFormat.JSON, Set.of(),
                values("McAllister"))).isNotNull();
        assertThat(FhirResidualGuard.firstHit("{\"a\":\"McAllisterville\"}", FhirFormat.JSON, Set.of(),
                values("McAllister"))).isNull();
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
}
