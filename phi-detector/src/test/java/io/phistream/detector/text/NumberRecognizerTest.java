package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

class NumberRecognizerTest {

    @Test
    void givenPhoneAndFaxNumbers_thenTypedByContext() {
        assertThat(values("Call daughter at (617) 555-0123 or 617.555.0199.", PhiType.PHONE))
                .containsExactly("(617) 555-0123", "617.555.0199");
        assertThat(values("Records faxed to 617-555-0100.", PhiType.FAX)).containsExactly("617-555-0100");
        assertThat(values("PAGER 45123", PhiType.PHONE)).containsExactly("45123");
        assertThat(values("office 877-547-3967x793 or 617-555-0123 ext. 12", PhiType.PHONE))
                .containsExactly("877-547-3967x793", "617-555-0123 ext. 12");
    }

    @Test
    void givenANumberLabelledAfterItOrALocalNumberAfterAtWhenReachingSomeone_thenAPhone() {
        assertThat(values("Spoke with daughter Mary at 555 0143 (cell).", PhiType.PHONE)).containsExactly("555 0143");
        assertThat(values("Son: 087 123 45 67 mobile, 616 0188 (h).", PhiType.PHONE))
                .containsExactly("087 123 45 67", "616 0188");
        assertThat(values("Left message for wife at 412 0199.", PhiType.PHONE)).containsExactly("412 0199");
        // not a contact sentence, or no label: numbers stay numbers
        assertThat(values("Heparin drip at 125 1000 units.", PhiType.PHONE)).isEmpty();
        assertThat(values("Discharged 3/4 home with VNA.", PhiType.PHONE)).isEmpty();
    }

    @Test
    void givenVitalsAndDoses_thenNoPhones() {
        assertThat(Spans.found("HR 110-120, SBP 90-100, K 3.4, GLUCOSE 145, INSULIN 4 UNITS")).isEmpty();
    }

    @Test
    void givenSsn_thenValidityDecidesType() {
        assertThat(values("SSN 123-45-6789", PhiType.SSN)).containsExactly("123-45-6789");
        assertThat(values("ref 666-12-3456 on file", PhiType.SSN)).isEmpty();
        assertThat(values("ref 666-12-3456 on file", PhiType.OTHER_ID)).containsExactly("666-12-3456");
    }

    @Test
    void givenCardNumbers_thenLuhnDecides() {
        assertThat(values("paid with 4111 1111 1111 1111 today", PhiType.ACCOUNT)).containsExactly("4111 1111 1111 1111");
        assertThat(values("lot 4111 1111 1111 1112", PhiType.ACCOUNT)).isEmpty();
    }

    @Test
    void givenKeywordIds_thenTypedByKeyword() {
        assertThat(values("MRN: 0012345", PhiType.MRN)).containsExactly("0012345");
        assertThat(values("ACCT # 99812-3", PhiType.ACCOUNT)).containsExactly("99812-3");
        assertThat(values("Medicaid ID XJH88812 active", PhiType.HEALTH_PLAN)).containsExactly("XJH88812");
        assertThat(values("Driver's license S123-4567-8901", PhiType.LICENSE)).containsExactly("S123-4567-8901");
        assertThat(values("LICENSE PLATE 7ABC123", PhiType.VEHICLE)).containsExactly("7ABC123");
        assertThat(values("Pacemaker serial # PJN402112", PhiType.DEVICE)).containsExactly("PJN402112");
    }

    @Test
    void givenCheckDigitCodes_thenOnlyValidOnesTyped() {
        assertThat(values("VIN 1HGCM82633A004352 ", PhiType.VEHICLE)).containsExactly("1HGCM82633A004352");
        assertThat(values("car 1HGCM82633A004353 parked", PhiType.VEHICLE)).isEmpty();
        assertThat(values("prescriber AB1234563", PhiType.LICENSE)).containsExactly("AB1234563");
        assertThat(values("prescriber AB1234564", PhiType.LICENSE)).isEmpty();
        assertThat(Numbers.npi("1234567893")).isTrue();
        assertThat(Numbers.npi("1234567890")).isFalse();
    }

    @Test
    void givenZipAfterState_thenGeo_butNotBareFiveDigits() {
        assertThat(values("Boston, MA 02114", PhiType.GEO)).contains("02114");
        assertThat(values("PLT 25000 TODAY", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenWebIdentifiers_thenFound() {
        assertThat(values("mail jdoe@example.org now", PhiType.EMAIL)).containsExactly("jdoe@example.org");
        assertThat(values("see https://portal.example.com/x?id=3.", PhiType.URL)).containsExactly("https://portal.example.com/x?id=3");
        assertThat(values("host 10.0.12.7 and fe80::1ff:fe23:4567:890a", PhiType.IP))
                .containsExactly("10.0.12.7", "fe80::1ff:fe23:4567:890a");
        assertThat(values("at 12:30:45 v1.2.3", PhiType.IP)).isEmpty();
    }

    @Test
    void givenNumberShapedRuns_whenAskedWhetherAUsNumberIsPossible_thenTheAnswerIsLibphonenumbers() {
        // the table read for most runs must answer as a parse would, for every length and every first digit
        var phones = com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance();
        java.util.Random r = new java.util.Random(5);
        String[] separators = {"", "", "-", ".", " ", "(", ")"};
        int tabled = 0;
        for (int i = 0; i < 20_000; i++) {
            boolean plus = r.nextInt(8) == 0;
            StringBuilder run = new StringBuilder(plus ? "+" : "");
            StringBuilder digits = new StringBuilder();
            int n = 1 + r.nextInt(24);
            for (int k = 0; k < n && run.length() < 32; k++) {
                char d = (char) ('0' + r.nextInt(10));
                run.append(d);
                digits.append(d);
                run.append(separators[r.nextInt(separators.length)]);
            }
            String x = run.toString();
            tabled += !plus && digits.charAt(0) >= '2' ? 1 : 0;
            assertThat(Numbers.possibleUs(x, 0, x.length(), digits.toString(), plus)).as(x)
                    .isEqualTo(phones.isPossibleNumber(x, "US"));
        }
        assertThat(tabled).isGreaterThan(10_000);
    }
}
