package io.phistream.detector.deid;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

/** What both residual guards refuse wherever it stands: an e-mail address or a contact URI. */
class ContactAddressesTest {

    @Test
    void givenAnEmailOrAContactUriAnywhere_thenItIsAResidual_evenWithNoReplacedValueToCompare() {
        // a user's walkthrough: a valueUri and a Coding.display kept by their type carried an address
        assertThat(ContactAddresses.first("{\"valueUri\":\"mailto:evie.v@example.com\"}"))
                .isEqualTo(PhiType.EMAIL);
        assertThat(ContactAddresses.first("{\"display\":\"ask evie.v@mail.example.net\"}"))
                .isEqualTo(PhiType.EMAIL);
        assertThat(ContactAddresses.first("<valueUri value=\"tel:+15555550192\"/>")).isEqualTo(PhiType.PHONE);
        // a second walkthrough: these passed the first version
        assertThat(ContactAddresses.first("{\"display\":\"TEL:+1-555-555-0124\"}")).isEqualTo(PhiType.PHONE);
        assertThat(ContactAddresses.first("{\"display\":\"sms://5555550127\"}")).isEqualTo(PhiType.PHONE);
        assertThat(ContactAddresses.first("{\"display\":\"evie\uFF20example.com\"}")).isEqualTo(PhiType.EMAIL);
        // left for this session: an address URL-encoded or spelled out
        assertThat(ContactAddresses.first("{\"valueUri\":\"https://x.example.org/?u=evie%40example.com\"}"))
                .isEqualTo(PhiType.EMAIL);
        assertThat(ContactAddresses.first("{\"display\":\"write to evie.v [at] example.com\"}"))
                .isEqualTo(PhiType.EMAIL);
        assertThat(ContactAddresses.first("{\"display\":\"evie(AT)mail.example.net\"}")).isEqualTo(PhiType.EMAIL);
    }

    @Test
    void givenWhatATreatedMessageHolds_thenNoContactIsFound() {
        assertThat(ContactAddresses.first("{\"resourceType\":\"Patient\",\"telecom\":[{\"system\":\"email\"}],"
                + "\"text\":{\"div\":\"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">Tel: [PHONE], user4417@example.org"
                + " (made up), a@b</div>\"},\"system\":\"urn:oid:2.16.840.1\",\"id\":\"mrn-AV3x_-9q\"}")).isNull();
        assertThat(ContactAddresses.first("{\"display\":\"100%40 mg\",\"text\":\"seen (at) home\"}")).isNull();
        assertThat(ContactAddresses.first("x".repeat(200_000) + "@" + "y".repeat(200_000))).isNull();
    }

    @Test
    void givenAnHl7CodesTextWithAnEmail_thenItIsAResidual() {
        // a walkthrough: DG1-3's text "HF per ophelia.q@example.com" was released by HL7, refused by FHIR
        assertThat(ContactAddresses.first("DG1|1||I50.9^HF per ophelia.q@example.com^I10|||A")).isEqualTo(PhiType.EMAIL);
        assertThat(ContactAddresses.first("MSH|^~\\&|APP|FAC|||20250310||ORU^R01|oid-AV3x|P|2.5.1\rOBX|1|NM|"
                + "8867-4^HR^LN||72|/min")).isNull();
    }
}
