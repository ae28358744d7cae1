package io.phistream.detector.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import io.phistream.detector.PhiType;
import io.phistream.detector.RejectReason;
import io.phistream.detector.ReplacedSpan;
import io.phistream.detector.deid.KeyedValues;
import io.phistream.detector.deid.Tokenizer;
import io.phistream.detector.er7.Er7;
import io.phistream.detector.er7.Er7Message;
import io.phistream.synthetic.SyntheticHl7;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Hl7DeidentifierTest {

    private static final TestDeidentifiers T = new TestDeidentifiers();
    private static final Hl7Deidentifier DEID = T.deidentifier;
    private static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;

    /** MSH-7 sets the reference year (2026) for the over-89 rule. */
    private static final String MSH = "MSH|^~\\&|LABAPP|GOODHEALTH^1.2.3^ISO|EHR|GHH|20260102030405-0500|SECRET|ORU^R01^ORU_R01|C%s|P|2.5.1";
    private static final String PID = "PID|1||MRN123^^^HOSP&1.2.3&ISO^MR~123-45-6789^^^SSA^SS||Doe^Jonathan^Quincy^^^^L||19700315|M";

    private static int control;

    private static String message(String... segments) {
        return String.format(MSH, ++control) + "\r" + String.join("\r", segments) + "\r";
    }

    /** A segment from field number / raw value pairs, e.g. {@code seg("PID", 3, "M1^^^H^MR", 19, "123")}. */
    private static String seg(String name, Object... numberValuePairs) {
        List<String> fields = new ArrayList<>(List.of(name));
        for (int i = 0; i < numberValuePairs.length; i += 2) {
            int n = (Integer) numberValuePairs[i];
            while (fields.size() <= n) {
                fields.add("");
            }
            fields.set(n, (String) numberValuePairs[i + 1]);
        }
        return String.join("|", fields);
    }

    private static Hl7Outcome.Deidentified released(String input) {
        return TestDeidentifiers.released(DEID, input);
    }

    private static Er7Message out(Hl7Outcome.Deidentified d) {
        return TestDeidentifiers.parsed(d);
    }

    private static String reveal(String token) {
        return T.reveal(token);
    }

    /** OBX-5 of every OBX, in order. */
    private static List<String> obx5(Er7Message out) {
        return out.segments().stream().filter(x -> x.name().equals("OBX")).map(x -> x.field(5)).toList();
    }

    private static int offset(String mrn, String authority) {
        return T.shifter.offsetDays(PatientKeys.of(authority, mrn));
    }

    private static String shifted(String yyyymmdd, int days) {
        return LocalDate.parse(yyyymmdd, YMD).plusDays(days).format(YMD);
    }

    @Nested
    class Token {

        @Test
        void givenAnMrn_whenDeidentified_thenItBecomesAnMrnTokenThatRevealsItAndTheAuthorityIsKept() {
            Er7Message out = out(released(message(PID)));

            String token = out.get("PID", 3, 1, 1, 1);
            assertThat(Tokenizer.looksLikeToken(token)).isTrue();
            assertThat(token).startsWith("mrn-");
            assertThat(reveal(token)).isEqualTo("MRN123");
            assertThat(out.get("PID", 3, 1, 4, 1)).isEqualTo("HOSP");
            assertThat(out.get("PID", 3, 1, 4, 2)).isEqualTo("1.2.3");
            assertThat(out.get("PID", 3, 1, 5, 1)).isEqualTo("MR");
            assertThat(reveal(out.get("PID", 3, 2, 1, 1))).isEqualTo("123-45-6789");
        }

        @Test
        void givenTheSameValueInTwoDifferentMessages_whenDeidentified_thenItGetsTheSameTokenAndAnotherValueAnother() {
            Er7Message first = out(released(message(PID, "OBX|1|NM|8867-4^HR^LN||72|/min")));
            Er7Message second = out(released(message(PID.replace("Jonathan", "Jon"), "NTE|1||other")));
            Er7Message other = out(released(message(PID.replace("MRN123", "MRN124"))));

            assertThat(second.get("PID", 3, 1, 1, 1)).isEqualTo(first.get("PID", 3, 1, 1, 1));
            assertThat(other.get("PID", 3, 1, 1, 1)).isNotEqualTo(first.get("PID", 3, 1, 1, 1));
        }

        @Test
        void givenAnSsnField_whenDeidentified_thenItIsAnSsnTokenBoundToItsType() throws Exception {
            Er7Message out = out(released(message(seg("PID", 1, "1", 3, "MRN1^^^HOSP^MR", 19, "123-45-6789"))));

            String token = out.get("PID", 19, 1, 1, 1);
            assertThat(Tokenizer.typeOf(token)).isEqualTo(PhiType.SSN);
            assertThat(reveal(token)).isEqualTo("123-45-6789");
        }

        @Test
        void givenAnEscapedValue_whenTokenized_thenTheTokenHoldsTheUnescapedValue() {
            Er7Message out = out(released(message("PID|1||MR\\T\\N1^^^HOSP^MR")));
            assertThat(reveal(out.get("PID", 3, 1, 1, 1))).isEqualTo("MR&N1");
        }
    }

    @Nested
    class Redact {

        @Test
        void givenPatientNames_whenDeidentified_thenEveryNameComponentIsRemovedAndTheNameTypeKept() {
            Hl7Outcome.Deidentified d = released(message(
                    "PID|1||MRN1^^^HOSP^MR||Doe^Jonathan^Quincy^Jr^Dr^^L~Roe^Jon^^^^^A|Smith^Mary|||||||||||||||||||||"));
            Er7Message out = out(d);

            assertThat(out.first("PID").field(5)).isEqualTo("^^^^^^L~^^^^^^A");
            assertThat(out.first("PID").field(6)).isEqualTo("");
            // the MRN's token is random text and may spell "roe" by chance: look everywhere else
            String rest = d.text().replace(out.first("PID").field(3), "");
            assertThat(rest).doesNotContainIgnoringCase("Doe").doesNotContainIgnoringCase("Jonathan")
                    .doesNotContainIgnoringCase("Quincy").doesNotContainIgnoringCase("Roe")
                    .doesNotContainIgnoringCase("Smith");
            assertThat(d.phiCounts().get(PhiType.NAME)).isGreaterThanOrEqualTo(7);
        }

        @Test
        void givenAFieldThePolicyDoesNotName_whenDeidentified_thenItIsRedacted() {
            // PID-12 county code and PID-23 birth place are not named by the policy: an allow-list redacts them
            Er7Message out = out(released(message(
                    seg("PID", 1, "1", 3, "MRN1^^^HOSP^MR", 12, "Hampshire", 23, "Springfield General", 24, "N"))));

            assertThat(out.first("PID").field(12)).isEmpty();
            assertThat(out.first("PID").field(23)).isEmpty();
            assertThat(out.first("PID").field(24)).isEqualTo("N");
        }

        @Test
        void givenMshSecurity_whenDeidentified_thenTheUnnamedMshFieldIsRedactedAndTheHeaderKept() {
            Er7Message out = out(released(message(PID)));
            assertThat(out.first("MSH").field(8)).isEmpty();
            assertThat(out.first("MSH").field(3)).isEqualTo("LABAPP");
            assertThat(out.first("MSH").field(9)).isEqualTo("ORU^R01^ORU_R01");
            assertThat(out.first("MSH").field(12)).isEqualTo("2.5.1");
        }
    }

    @Nested
    class DateShift {

        @Test
        void givenTimestampsWithTheirDegreeOfPrecision_whenDeidentified_thenTheTimeMovesAndThePrecisionStays() {
            // v2.3-2.5 TS: "time^precision"; a walkthrough found such dates dropped instead of shifted
            int days = offset("MRN123", "HOSP");
            Er7Message out = out(released(message(PID.replace("19700315", "19700315^D"),
                    seg("PV1", 1, "1", 2, "I", 44, "20250312^D", 45, "202503120830^M~20250313^X9"))));

            assertThat(out.get("PV1", 44, 1, 1, 1)).isEqualTo(shifted("20250312", days));
            assertThat(out.get("PV1", 44, 1, 2, 1)).isEqualTo("D");
            assertThat(out.first("PV1").field(45)).isEqualTo(shifted("20250312", days) + "0830^M~" + shifted("20250313", days));
            assertThat(out.first("PID").field(7)).isEqualTo("1970");
        }

        @Test
        void givenDatesOfOnePatientInTwoMessages_whenDeidentified_thenTheyMoveByTheSameKeyedOffsetKeepingPrecision() {
            int days = offset("MRN123", "HOSP");
            assertThat(days).isBetween(-T.shifter.maxDays(), -1);

            Er7Message a = out(released(message(PID, seg("PV1", 1, "1", 2, "I", 44, "202601050830", 45, "20260107"))));
            Er7Message b = out(released(message(PID, "OBR|1|||8867-4^HR^LN|||20260106101112.5-0500")));

            assertThat(a.get("PV1", 44, 1, 1, 1)).isEqualTo(shifted("20260105", days) + "0830");
            assertThat(a.get("PV1", 45, 1, 1, 1)).isEqualTo(shifted("20260107", days));
            assertThat(b.get("OBR", 7, 1, 1, 1)).isEqualTo(shifted("20260106", days) + "101112.5-0500");
            // a birth date keeps its year only: shifted, anyone who learns the offset (a live stream's arrival time
            // beside its shifted MSH-7 tells it) would have it back (a user walkthrough)
            assertThat(a.get("PID", 7, 1, 1, 1)).isEqualTo("1970");
            assertThat(b.get("PID", 7, 1, 1, 1)).isEqualTo("1970");
            assertThat(a.get("MSH", 7, 1, 1, 1)).isEqualTo(shifted("20260102", days) + "030405-0500");
        }

        @Test
        void givenAMonthOrAYearOnly_whenDeidentified_thenAMonthDegradesToItsYearAndAYearStays() {
            Er7Message out = out(released(message(PID, seg("PV1", 1, "1", 2, "I", 44, "202601", 45, "2025"))));
            assertThat(out.get("PV1", 44, 1, 1, 1)).isEqualTo("2026");
            assertThat(out.get("PV1", 45, 1, 1, 1)).isEqualTo("2025");
        }

        @Test
        void givenAnUnreadableDate_whenDeidentified_thenItIsDroppedNotPassedThrough() {
            Er7Message out = out(released(message(PID, seg("PV1", 1, "1", 2, "I", 44, "Jan 5th 2026"))));
            assertThat(out.get("PV1", 44, 1, 1, 1)).isEmpty();
        }

        @Test
        void givenAMessageThatNamesNoPatient_whenDeidentified_thenDatesKeepTheirYearOnly() {
            Hl7Outcome.Deidentified d = released(message("OBR|1|||8867-4^HR^LN|||20260106101112",
                    "OBX|1|NM|8867-4^HR^LN||72|/min|||||F|||20260106101500"));
            Er7Message out = out(d);

            assertThat(d.patientToken()).isNull();
            assertThat(out.get("OBR", 7, 1, 1, 1)).isEqualTo("2026");
            assertThat(out.get("OBX", 14, 1, 1, 1)).isEqualTo("2026");
            assertThat(out.get("MSH", 7, 1, 1, 1)).isEqualTo("2026");
        }
    }

    @Nested
    class Zip3AndAge {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({"01103, 011", "01103-1234, 011", "03601, 000", "05901, 000", "20301, 000", "89001, 000",
            "K1A 0B1, 000", "1234, 000"})
        void givenAPostalCode_whenDeidentified_thenOnlyTheSafeHarborZip3RemainsAndStreetAndCityGo(String zip,
                                                                                                     String zip3) {
            Er7Message out = out(released(message(
                    "PID|1||MRN1^^^HOSP^MR||||||||12 Elm Street^Apt 4^Springfield^MA^" + zip + "^USA^H")));

            assertThat(out.get("PID", 11, 1, 5, 1)).isEqualTo(zip3);
            assertThat(out.get("PID", 11, 1, 1, 1)).isEmpty();
            assertThat(out.get("PID", 11, 1, 2, 1)).isEmpty();
            assertThat(out.get("PID", 11, 1, 3, 1)).isEmpty();
            assertThat(out.get("PID", 11, 1, 4, 1)).isEqualTo("MA");
            assertThat(out.get("PID", 11, 1, 6, 1)).isEqualTo("USA");
            assertThat(out.get("PID", 11, 1, 7, 1)).isEqualTo("H");
        }

        @Test
        void givenAZipInTheStateSlot_whenDeidentified_thenItIsRemovedNotKept() {
            // the sender skipped the street: city in the second slot, the state in the city's, the ZIP in the state's
            Hl7Outcome.Deidentified d = released(message(
                    "PID|1||MRN1^^^HOSP^MR||||||||Research Park^Fairfax^VA^22031^USA^H"));

            assertThat(out(d).get("PID", 11, 1, 4, 1)).isEmpty();
            assertThat(out(d).get("PID", 11, 1, 5, 1)).isEqualTo("000"); // "USA" in the ZIP's slot
            assertThat(KeyedValues.without(d.text())).doesNotContain("22031");
        }

        @Test
        void givenABirthDateShowingAnAgeOver89_whenDeidentified_thenItIsRemovedAndCountedAsAge() {
            // MSH-7 is in 2026: born 1936 is 89 or 90, which counts as over 89
            Hl7Outcome.Deidentified d = released(message(PID.replace("19700315", "19360620")));

            assertThat(out(d).get("PID", 7, 1, 1, 1)).isEmpty();
            assertThat(d.phiCounts()).containsKey(PhiType.AGE);
        }

        @Test
        void givenABirthDateOf89YearsAgo_whenDeidentified_thenItsYearIsKeptNotRemoved() {
            Hl7Outcome.Deidentified d = released(message(PID.replace("19700315", "19370620")));

            assertThat(out(d).get("PID", 7, 1, 1, 1)).isEqualTo("1937");
            assertThat(d.phiCounts()).doesNotContainKey(PhiType.AGE);
        }

        @Test
        void givenAnyDateMoreThan89YearsAgo_whenDeidentified_thenItIsRemoved_forItShowsAnAgeOver89() {
            // an admission in 1930, shifted, would still say the patient was alive then (a FHIR walkthrough found it)
            Er7Message out = out(released(message(PID, seg("PV1", 1, "1", 2, "I", 44, "19300115"),
                    seg("NK1", 1, "1", 2, "Doe^Ann", 3, "MTH^Mother", 16, "19700101"))));

            assertThat(out.get("PV1", 44, 1, 1, 1)).isEmpty();
            assertThat(out.get("NK1", 16, 1, 1, 1)).isEqualTo("1970"); // a birth date: its year only
        }

        @Test
        void givenAnObservationCodedAsAnAge_whenOver89_thenItsValueBecomes90_andOtherNumbersStay() {
            // a second walkthrough: OBX-5 of a LOINC age observation was kept as any number
            Er7Message out = out(released(message(PID,
                    seg("OBX", 1, "1", 2, "NM", 3, "30525-0^Age^LN", 5, "96", 6, "a"),
                    seg("OBX", 1, "2", 2, "NM", 3, "X^Age at death^L^39016-1^Age at death^LN", 5, "101"),
                    seg("OBX", 1, "3", 2, "NM", 3, "30525-0^Age^LN", 5, "64"),
                    seg("OBX", 1, "4", 2, "NM", 3, "8867-4^Heart rate^LN", 5, "96"))));

            assertThat(out.get("OBX", 5, 1, 1, 1)).isEqualTo("90");
            assertThat(out.segments().get(3).field(5)).isEqualTo("90");
            assertThat(out.segments().get(4).field(5)).isEqualTo("64");
            assertThat(out.segments().get(5).field(5)).isEqualTo("96");
        }

        @Test
        void givenAnAgeCodedUnderAnotherSpellingOfLoincOrLocally_whenOver89_thenItsValueBecomes90Too() {
            // a third walkthrough: "LOINC" for LN, and a local code, kept 94
            Er7Message out = out(released(message(PID,
                    seg("OBX", 1, "1", 2, "NM", 3, "30525-0^Age^LOINC", 5, "94", 6, "a"),
                    seg("OBX", 1, "2", 2, "NM", 3, "30525-0^Age^2.16.840.1.113883.6.1", 5, "95"),
                    seg("OBX", 1, "3", 2, "NM", 3, "AGE^Age^L", 5, "96"),
                    seg("OBX", 1, "4", 2, "NM", 3, "X99^Patient age at onset^99LOC", 5, "97"),
                    seg("OBX", 1, "5", 2, "NM", 3, "X98^Average heart rate^99LOC", 5, "98"))));
            List<String> values = obx5(out);

            assertThat(values).containsExactly("90", "90", "90", "90", "98");
        }

        @Test
        void givenAgesCodedOnlyByTheirCodeOrInOtherWordsOrUnits_whenOver89_thenTheyBecome90Years() {
            // a second walkthrough: each of these kept its value
            Er7Message out = out(released(message(PID,
                    seg("OBX", 1, "1", 2, "NM", 3, "AGE^^L", 5, "93", 6, "a"),
                    seg("OBX", 1, "2", 2, "NM", 3, "X1^Edad^L", 5, "93"),
                    seg("OBX", 1, "3", 2, "NM", 3, "X2^AgeYears^L", 5, "94"),
                    seg("OBX", 1, "4", 2, "NM", 3, "PTAGE^Pt yrs old^L", 5, "95"),
                    seg("OBX", 1, "5", 2, "NM", 3, "30525-0^Age^LN", 5, "1116", 6, "mo"),
                    seg("OBX", 1, "6", 2, "NM", 3, "30525-0^Age^LN", 5, "92.9", 6, "a"),
                    seg("OBX", 1, "7", 2, "NM", 3, "30525-0^Age^LN", 5, "18", 6, "mo"),
                    seg("OBX", 1, "8", 2, "NM", 3, "X3^Causative agent count^L", 5, "120"))));
            List<String> values = out.segments().stream().filter(x -> x.name().equals("OBX"))
                    .map(x -> x.field(5) + "|" + x.field(6)).toList();

            assertThat(values).containsExactly("90|a", "90|", "90|", "90|", "90|a", "90|a", "18|mo", "120|");
        }

        @Test
        void givenAnObservationOfTheBirthDate_whenDeidentified_thenItKeepsItsYearOnly() {
            // a second walkthrough: PID-7 said 1950 and OBX-5 the birth date shifted by the patient's offset
            Er7Message out = out(released(message(PID,
                    seg("OBX", 1, "1", 2, "DT", 3, "21112-8^Birth date^LN", 5, "19700315"),
                    seg("OBX", 1, "2", 2, "TS", 3, "DOB^Date of birth^L", 5, "197003150830"),
                    seg("OBX", 1, "3", 2, "DT", 3, "X^Specimen drawn^L", 5, "20260101"))));
            List<String> values = obx5(out);

            assertThat(values).containsExactly("1970", "1970", shifted("20260101", offset("MRN123", "HOSP")));
        }

        @Test
        void givenAnOldMessageTimestamp_whenJudgingAgeOver89_thenTheCurrentYearStillCounts() {
            // a second walkthrough: MSH-7 of 1930 let a birth date of 1850 through
            String old = message(PID.replace("19700315", "18500101")).replace("|20260102030405-0500|", "|19300101|");

            assertThat(old).contains("|19300101|");
            assertThat(out(released(old)).get("PID", 7, 1, 1, 1)).isEmpty();
        }

        @Test
        void givenARelativesOrGuarantorsBirthDateOver89_whenDeidentified_thenItIsRemovedToo() {
            Er7Message out = out(released(message(PID,
                    seg("NK1", 1, "1", 2, "Doe^Ann", 3, "MTH^Mother", 16, "19200101"),
                    seg("GT1", 1, "1", 3, "Doe^Ann", 8, "19200101"))));
            assertThat(out.get("NK1", 16, 1, 1, 1)).isEmpty();
            assertThat(out.get("GT1", 8, 1, 1, 1)).isEmpty();
        }
    }

    @Nested
    class SegmentRules {

        @Test
        void givenObxValuesThatDoNotFitTheirValueType_whenDeidentified_thenTheyAreRemovedAndValuesThatFitStay() {
            // a user walkthrough: an NM value holding a relative's name and phone was kept, because NM is kept
            Er7Message out = out(released(message(PID,
                    seg("OBX", 1, "1", 2, "NM", 3, "8867-4^Heart rate^LN", 5, "Daughter Rosalind Vexley 508-555-0177"),
                    seg("OBX", 1, "2", 2, "NM", 3, "8867-4^Heart rate^LN", 5, "72~Vexley"),
                    seg("OBX", 1, "3", 2, "NM", 3, "8867-4^Heart rate^LN", 5, "-7.5"),
                    seg("OBX", 1, "4", 2, "SN", 3, "2160-0^Creatinine^LN", 5, ">^1.2"),
                    seg("OBX", 1, "5", 2, "SN", 3, "2160-0^Creatinine^LN", 5, "^per Ezra Plimpton"),
                    seg("OBX", 1, "6", 2, "TM", 3, "X^Time^L", 5, "0830-0500"),
                    seg("OBX", 1, "7", 2, "TM", 3, "X^Time^L", 5, "call Ann"),
                    seg("OBX", 1, "8", 2, "ID", 3, "X^Flag^L", 5, "POS"),
                    seg("OBX", 1, "9", 2, "IS", 3, "X^Flag^L", 5, "Per Ann Vexley"),
                    seg("OBX", 1, "10", 2, "NA", 3, "X^Series^L", 5, "1.5^2^3"),
                    seg("OBX", 1, "11", 2, "CWE", 3, "X^Result^L", 5,
                            "10828004^Positive^SCT^^^^^^Per partner Dorian Vexley 508-555-0199"),
                    // not NM as HL7 writes it, but as senders do, and no one's name
                    seg("OBX", 1, "12", 2, "NM", 3, "X^Count^L", 5, "<5"),
                    seg("OBX", 1, "13", 2, "NM", 3, "X^Count^L", 5, "1,200"),
                    seg("OBX", 1, "14", 2, "CQ", 3, "X^Dose^L", 5, "5^mg&milligram&UCUM"),
                    seg("OBX", 1, "15", 2, "CQ", 3, "X^Dose^L", 5, "5^per Ann Vexley"))));
            List<String> values = obx5(out);

            assertThat(values).containsExactly("", "", "-7.5", ">^1.2", "", "0830-0500", "", "POS", "", "1.5^2^3",
                    "10828004^Positive^SCT", "<5", "1,200", "5^mg&milligram&UCUM", "");
        }

        @Test
        void givenNextOfKin_whenDeidentified_thenNameAddressAndPhoneGoAndTheRelationshipStays() {
            Er7Message out = out(released(message(PID,
                    "NK1|1|Doe^Ann^B|MTH^Mother^HL70063|9 Oak Road^^Boston^MA^02115^USA|(617) 555-0100^PRN^PH^^1^617^5550100|(617) 555-0101^WPN^PH")));

            assertThat(out.first("NK1").field(2)).isEmpty();
            assertThat(out.first("NK1").field(3)).isEqualTo("MTH^Mother^HL70063");
            assertThat(out.first("NK1").field(4)).isEqualTo("^^^MA^021^USA");
            assertThat(out.first("NK1").field(5)).isEqualTo("^PRN^PH");
            assertThat(out.first("NK1").field(6)).isEqualTo("^WPN^PH");
        }

        @Test
        void givenAVisit_whenDeidentified_thenLocationStaysProviderIdsAreTokenizedNamesGoAndTheVisitNumberIsTokenized() {
            Er7Message out = out(released(message(PID,
                    seg("PV1", 1, "1", 2, "I", 3, "ICU^12^B^GHH",
                            8, "1234567890^Moran^Joseph^^^Dr.^MD^^NPI&2.16.840.1.113883.4.6&ISO^L^^^NPI", 10, "MED",
                            19, "V998877^^^GHH^VN"))));

            assertThat(out.first("PV1").field(3)).isEqualTo("ICU^12^B^GHH");
            String provider = out.get("PV1", 8, 1, 1, 1);
            assertThat(provider).startsWith("oid-");
            assertThat(reveal(provider)).isEqualTo("1234567890");
            assertThat(out.get("PV1", 8, 1, 2, 1)).isEmpty();
            assertThat(out.get("PV1", 8, 1, 3, 1)).isEmpty();
            assertThat(out.get("PV1", 8, 1, 9, 1)).isEqualTo("NPI");
            assertThat(out.get("PV1", 8, 1, 13, 1)).isEqualTo("NPI");
            assertThat(out.first("PV1").field(10)).isEqualTo("MED");
            String visit = out.get("PV1", 19, 1, 1, 1);
            assertThat(visit).startsWith("acc-");
            assertThat(reveal(visit)).isEqualTo("V998877");
        }

        @Test
        void givenInsurance_whenDeidentified_thenTheInsuredIsRemovedThePolicyNumberTokenizedAndThePlanKept() {
            Er7Message out = out(released(message(PID,
                    seg("IN1", 1, "1", 2, "HUM-MA^Humana Medicare^L", 3, "61101^^^^NIIP", 4, "Humana", 8, "GRP1",
                            16, "Doe^Jonathan", 17, "SEL^Self", 18, "19700315",
                            19, "12 Elm Street^^Springfield^MA^01103", 36, "POL778899"))));

            assertThat(out.first("IN1").field(2)).isEqualTo("HUM-MA^Humana Medicare^L");
            assertThat(out.get("IN1", 4, 1, 1, 1)).isEqualTo("Humana");
            assertThat(out.first("IN1").field(16)).isEmpty();
            assertThat(out.first("IN1").field(19)).isEqualTo("^^^MA^011");
            assertThat(out.get("IN1", 36, 1, 1, 1)).startsWith("hpn-");
            assertThat(reveal(out.get("IN1", 36, 1, 1, 1))).isEqualTo("POL778899");
            assertThat(out.get("IN1", 8, 1, 1, 1)).startsWith("hpn-");
        }

        @Test
        void givenAGuarantor_whenDeidentified_thenNameAddressPhoneGoAndTheSsnIsTokenized() {
            Er7Message out = out(released(message(PID,
                    seg("GT1", 1, "1", 2, "A405^^^GHH^AN", 3, "Doe^Ann", 5, "12 Elm Street^^Springfield^MA^01103",
                            6, "(413) 555-0100^PRN^PH", 8, "19800101", 9, "F", 11, "SPO^Spouse", 12, "987-65-4321"))));

            assertThat(out.get("GT1", 2, 1, 1, 1)).startsWith("acc-");
            assertThat(out.first("GT1").field(3)).isEmpty();
            assertThat(out.first("GT1").field(5)).isEqualTo("^^^MA^011");
            assertThat(out.first("GT1").field(6)).isEqualTo("^PRN^PH");
            assertThat(reveal(out.get("GT1", 12, 1, 1, 1))).isEqualTo("987-65-4321");
            assertThat(out.get("GT1", 9, 1, 1, 1)).isEqualTo("F");
        }

        @ParameterizedTest(name = "OBX-5 of type {0}: [{1}] -> [{2}]")
        @CsvSource(delimiter = ';', value = {
            "NM; 72; 72", "SN; >^100; >^100", "CWE; A^Alert^L; A^Alert^L", "CE; N^Normal; N^Normal",
            "ID; POS; POS", "TX; Jonathan Doe called; ''", "FT; Seen by Dr. Smith\\.br\\today; ''",
            "ST; Mrs Doe; ''", "ED; ^TEXT^^Base64^SGVsbG8=; ''", "RP; http://x/y^URI; ''", "ZZ; anything; ''"})
        void givenAnObservationValue_whenDeidentified_thenItsValueTypeDecides(String type, String value,
                                                                             String expected) {
            Er7Message out = out(released(message(PID, "OBX|1|" + type + "|1234-5^Test^LN||" + value + "|||N|||F")));
            assertThat(out.first("OBX").field(5)).isEqualTo(expected);
            assertThat(out.first("OBX").field(2)).isEqualTo(type);
            assertThat(out.first("OBX").field(11)).isEqualTo("F");
        }

        @Test
        void givenAnEmailInACodesKeptText_whenDeidentified_thenTheMessageIsRejectedAsAResidualEmail() {
            // a walkthrough: released by HL7 while FHIR refused the same address in a Coding.display
            Hl7Outcome outcome = DEID.deidentify(message(PID, "DG1|1||I50.9^HF per ophelia.q@example.com^I10|||A"));

            assertThat(outcome).isInstanceOf(Hl7Outcome.Rejected.class);
            assertThat(((Hl7Outcome.Rejected) outcome).reason()).isEqualTo(RejectReason.RESIDUAL_PHI);
            assertThat(((Hl7Outcome.Rejected) outcome).residualType()).isEqualTo(PhiType.EMAIL);
        }

        @ParameterizedTest(name = "OBX-7 [{0}] -> [{1}]")
        @CsvSource(delimiter = ';', value = {"3.5-5.0; 3.5-5.0", "70 - 99 mg/dL; 70 - 99 mg/dL", "<200; <200",
            "Negative; Negative", "per Dr. Smith; ''", "03/10/2025; ''", "call 555-0142; ''", "10-3; ''"})
        void givenAReferenceRange_whenDeidentified_thenARangeIsKeptAndAnythingElseRemoved(String range,
                                                                                       String expected) {
            Er7Message out = out(released(message(PID, "OBX|1|NM|2345-7^Glucose^LN||92|mg/dL|" + range + "|N|||F")));
            assertThat(out.first("OBX").field(7)).isEqualTo(expected);
            assertThat(out.first("OBX").field(8)).isEqualTo("N");
        }

        @Test
        void givenAnObservationDate_whenDeidentified_thenItIsShiftedLikeEveryDateOfThePatient() {
            Er7Message out = out(released(message(PID, "OBX|1|DT|1234-5^Onset^LN||20251224|||N|||F")));
            assertThat(out.first("OBX").field(5)).isEqualTo(shifted("20251224", offset("MRN123", "HOSP")));
        }

        @Test
        void givenNotes_whenDeidentified_thenTheTextIsRedactedWholeAndEachRepetitionTooButTheNoteIdStays() {
            Hl7Outcome.Deidentified d = released(message(PID,
                    "NTE|1|L|Patient Jonathan Doe said her son Bob called 555-0100~second line|RE^Remark"));
            Er7Message out = out(d);

            assertThat(out.first("NTE").field(1)).isEqualTo("1");
            assertThat(out.first("NTE").field(2)).isEqualTo("L");
            assertThat(out.first("NTE").field(3)).isEqualTo("~");
            assertThat(out.first("NTE").field(4)).isEqualTo("RE^Remark");
            // the segment, not the whole message: a random token may spell "Bob" (one key set in a few thousand did)
            String nte = java.util.Arrays.stream(d.text().split("\r")).filter(l -> l.startsWith("NTE|"))
                    .findFirst().orElseThrow();
            assertThat(nte).doesNotContain("Bob").doesNotContain("555-0100").doesNotContain("second");
            assertThat(d.text()).doesNotContain("555-0100").doesNotContain("second line");
        }

        @Test
        void givenZSegmentsAndSegmentsThePolicyDoesNotKnow_whenDeidentified_thenAllTheirFieldsAreRemoved() {
            Hl7Outcome.Deidentified d = released(message(PID,
                    "ZPI|1|Jonathan Doe|555-0100|secret",
                    "CON|1|76164006^Biopsy^SCT||20250101|||||||||12345^Surgeon^Sam",
                    "OBX|1|NM|8867-4^HR^LN||72|/min"));
            Er7Message out = out(d);

            assertThat(out.segments()).extracting(s -> s.name()).containsExactly("MSH", "PID", "ZPI", "CON", "OBX");
            assertThat(out.first("ZPI").fieldCount()).isZero();
            assertThat(out.first("CON").fieldCount()).isZero();
            assertThat(d.text()).contains("\rZPI\rCON\rOBX|1|NM|");
            assertThat(d.text()).doesNotContain("secret").doesNotContain("Surgeon").doesNotContain("Biopsy");
        }

        @Test
        void givenAMergeWithThePriorPatient_whenDeidentified_thenPriorIdsAreTokenizedAndThePriorNameRemoved() {
            Er7Message out = out(released(message(PID, seg("MRG", 1, "OLD777^^^HOSP^MR", 3, "ACC1", 7, "Doe^Johnny"))));
            assertThat(reveal(out.get("MRG", 1, 1, 1, 1))).isEqualTo("OLD777");
            assertThat(out.get("MRG", 3, 1, 1, 1)).startsWith("acc-");
            assertThat(out.first("MRG").field(7)).isEmpty();
        }
    }

    @Nested
    class RepeatedValues {

        @Test
        void givenTheSameObserverAndTimeInEveryObx_whenDeidentified_thenEachOccurrenceIsTreatedAlikeAndCountedAndSpanned() {
            String obx = "OBX|%d|NM|8867-4^HR^LN||7%d|/min|||||F|||20260106101500||1234567890^Pena^Roger^^^^RN";
            String input = message(PID, String.format(obx, 1, 1), String.format(obx, 2, 2), String.format(obx, 3, 3));
            Hl7Outcome.Deidentified d = released(input);
            Er7Message out = out(d);

            List<String> observers = new ArrayList<>();
            List<String> times = new ArrayList<>();
            out.segments().stream().filter(seg -> seg.name().equals("OBX")).forEach(seg -> {
                observers.add(Er7.part(seg.field(16), '^', 1));
                times.add(seg.field(14));
            });
            assertThat(observers).hasSize(3).containsOnly(observers.get(0));
            assertThat(reveal(observers.get(0))).isEqualTo("1234567890");
            assertThat(times).containsOnly(shifted("20260106", offset("MRN123", "HOSP")) + "101500");
            assertThat(d.spans().stream().filter(sp -> input.startsWith("1234567890|", sp.start()) ||
                    input.startsWith("1234567890^", sp.start()))).hasSize(3);
            assertThat(d.spans().stream().filter(sp -> input.startsWith("20260106101500", sp.start()))).hasSize(3);
        }

        @Test
        void givenTheSameBirthDateOver89InPidAndIn1_whenDeidentified_thenEachIsRemovedAndCountedAsAge() {
            Hl7Outcome.Deidentified d = released(message(PID.replace("19700315", "19300101"),
                    seg("IN1", 1, "1", 2, "PLAN^Plan^L", 18, "19300101")));

            assertThat(out(d).get("PID", 7, 1, 1, 1)).isEmpty();
            assertThat(out(d).get("IN1", 18, 1, 1, 1)).isEmpty();
            assertThat(d.phiCounts().get(PhiType.AGE)).isEqualTo(2);
        }
    }

    @Nested
    class PatientToken {

        @Test
        void givenTheSameAuthorityAndMrn_whenTwoMessagesAreDeidentified_thenTheyShareThePatientToken() {
            Hl7Outcome.Deidentified a = released(message(PID));
            Hl7Outcome.Deidentified b = released(message("PID|1||MRN123^^^HOSP^MR||Other^Name"));

            assertThat(a.patientToken()).isNotNull().isEqualTo(b.patientToken());
            assertThat(reveal(a.patientToken())).isEqualTo(PatientKeys.of("HOSP", "MRN123"));
        }

        @Test
        void givenTheSameMrnFromAnotherAuthority_whenDeidentified_thenThePatientTokenDiffers() {
            Hl7Outcome.Deidentified a = released(message("PID|1||MRN123^^^HOSP^MR"));
            Hl7Outcome.Deidentified b = released(message("PID|1||MRN123^^^CLINIC^MR"));

            assertThat(a.patientToken()).isNotEqualTo(b.patientToken());
            assertThat(reveal(b.patientToken())).isEqualTo("CLINIC|MRN123");
        }

        @Test
        void givenSeveralIdentifiers_whenThePatientIsKeyed_thenTheMrRepetitionWinsAndTheUniversalIdStandsInForANamespace() {
            Hl7Outcome.Deidentified d = released(message("PID|1||X9^^^OTHER^PI~MRN5^^^&1.2.840.99&ISO^MR"));
            assertThat(reveal(d.patientToken())).isEqualTo("1.2.840.99|MRN5");
        }

        @Test
        void givenNoPid3_whenThePatientIsKeyed_thenPid2IsUsed() {
            Hl7Outcome.Deidentified d = released(message("PID|1|EXT42^^^OLDSYS"));
            assertThat(reveal(d.patientToken())).isEqualTo("OLDSYS|EXT42");
        }

        @Test
        void givenTheOutcome_whenReleased_thenItNamesTheMessageTypeVersionAndAKeyedMessageId() {
            String input = message(PID);
            Hl7Outcome.Deidentified d = released(input);
            assertThat(d.messageType()).isEqualTo("ORU^R01");
            assertThat(d.version()).isEqualTo("2.5.1");
            assertThat(d.messageId()).startsWith("m").doesNotContain("C" + control);
            assertThat(DEID.deidentify(input).messageId()).isEqualTo(d.messageId());
        }
    }

    @Nested
    class Spans {

        @Test
        void givenAReleasedMessage_whenItsSpansAreRead_thenEachCoversTheReplacedInputTextWithItsType() {
            String input = "\u000B" + message(seg("PID", 1, "1",
                            3, "MRN123^^^HOSP&1.2.3&ISO^MR~123-45-6789^^^SSA^SS", 5, "Doe^Jonathan^Quincy^^^^L",
                            7, "19700315", 8, "M", 19, "123-45-6789"),
                    "NK1|1|Roe^Ann|MTH^Mother|9 Oak Road^^Boston^MA^02115") + "\u001C\r";
            Hl7Outcome.Deidentified d = released(input);

            assertThat(d.spans()).isNotEmpty();
            for (ReplacedSpan s : d.spans()) {
                assertThat(s.start()).isNotNegative().isLessThan(s.end());
                assertThat(s.end()).isLessThanOrEqualTo(input.length());
                assertThat(input.substring(s.start(), s.end())).doesNotContain("\r");
            }
            assertThat(textsOf(input, d, PhiType.SSN)).contains("123-45-6789");
            assertThat(textsOf(input, d, PhiType.MRN)).contains("MRN123", "123-45-6789");
            assertThat(textsOf(input, d, PhiType.NAME)).contains("Doe", "Jonathan", "Quincy", "Roe", "Ann");
            assertThat(textsOf(input, d, PhiType.GEO)).contains("9 Oak Road", "Boston", "02115");
            assertThat(textsOf(input, d, PhiType.DATE)).contains("19700315", "20260102030405-0500");
        }

        @Test
        void givenARedactedNote_whenItsSpanIsRead_thenItCoversTheWholeNote() {
            String input = message(PID, "NTE|1||Call Bob at home");
            Hl7Outcome.Deidentified d = released(input);
            assertThat(d.spans()).anySatisfy(s -> assertThat(input.substring(s.start(), s.end()))
                    .isEqualTo("Call Bob at home"));
        }

        @Test
        void givenFormattedTextWithEscapes_whenItsSpansAreRead_thenEachCoversTheEscapedInputOfWhatWasReplaced() {
            // a walkthrough: in a line holding escapes every span covered the whole line
            io.phistream.detector.FreeTextScrubber marking = (text, known) -> {
                List<ReplacedSpan> spans = new ArrayList<>();
                for (String[] phi : new String[][] {{"N^C", "OTHER_ID"}, {"Orla Fennimore", "NAME"},
                        {"11/20/2026", "DATE"}, {"555-0143", "PHONE"}}) {
                    int at = text.indexOf(phi[0]);
                    if (at >= 0) {
                        spans.add(new ReplacedSpan(at, at + phi[0].length(), PhiType.valueOf(phi[1])));
                    }
                }
                return new io.phistream.detector.FreeTextScrubber.Result(text, spans);
            };
            Hl7Deidentifier d = T.scrubbingWith(marking);
            String input = message(PID, "OBX|1|FT|NOTE^Note||Ratio N\\S\\C normal.\\.br\\Path \\F\\ derm per "
                    + "Orla Fennimore\\E\\\\X0D0A\\on 11/20/2026. Call 555-01\\X3433\\ later.||||||F");

            Hl7Outcome.Deidentified out = TestDeidentifiers.released(d, input);

            assertThat(textsOf(input, out, PhiType.OTHER_ID)).contains("N\\S\\C");
            assertThat(textsOf(input, out, PhiType.NAME)).contains("Orla Fennimore");
            assertThat(textsOf(input, out, PhiType.DATE)).contains("11/20/2026");
            // (a line break in hexadecimal is kept as written, between two pieces of text; digits in it are text)
            assertThat(textsOf(input, out, PhiType.PHONE)).containsExactly("555-01\\X3433\\");
        }

        @Test
        void givenANamesPrefixSuffixAndDegree_whenItsNoteIsScrubbedBySpans_thenTitlesInTheNoteStayTitles() {
            // a walkthrough: PID-5's prefix "DR" became a known name, so every "Dr." of the note was replaced
            Hl7Deidentifier d = T.scrubbingWith(
                    new io.phistream.detector.DetectingScrubber(io.phistream.detector.text.TextPhiDetector.builtIn()));
            String input = message("PID|1||MRN123^^^HOSP&1.2.3&ISO^MR||Doe^Jonathan^Quincy^Jr^Dr^MD^L||19700315|M",
                    "NTE|1||Seen by Dr. Okafor; Jonathan stable.");

            Hl7Outcome.Deidentified out = TestDeidentifiers.released(d, input);

            assertThat(out.text()).contains("Seen by Dr. [NAME]; [NAME] stable.").doesNotContain("Jonathan");
        }

        @Test
        void givenAPatientAndASpouseWithTwoLetterNamesThatAreWords_whenTheirNoteIsScrubbedBySpans_thenTheNamesGo() {
            // a walkthrough: PID-5 NGUYEN^AN and NK1 HO^BE, "An tolerated diet. Be visited" kept both names
            Hl7Deidentifier d = T.scrubbingWith(
                    new io.phistream.detector.DetectingScrubber(io.phistream.detector.text.TextPhiDetector.builtIn()));
            String input = message("PID|1||MRN123^^^HOSP&1.2.3&ISO^MR||Tran^An^Van^^^^L||19700315|M",
                    "NK1|1|Vo^Be^Thi^^^^L|SPO^Spouse", "NTE|1||An tolerated diet. Be visited and read him an article.");

            Hl7Outcome.Deidentified out = TestDeidentifiers.released(d, input);

            assertThat(out.text()).contains("NTE|1||[NAME] tolerated diet. [NAME] visited and read him an article.");
        }

        @Test
        void givenANoteLongerThanDetectionReads_whenScrubbedBySpans_thenItIsRemovedWholeAndTheOutcomeCountsIt() {
            Hl7Deidentifier d = T.scrubbingWith(
                    new io.phistream.detector.DetectingScrubber(io.phistream.detector.text.TextPhiDetector.withConfig(
                            io.phistream.detector.text.TextPhiDetector.Config.DEFAULT.withMaxChars(200))));
            String input = message(PID, "OBX|1|ST|NOTE^Note||" + "Seen with daughter Orla Fennimore, stable. ".repeat(10)
                    + "||||||F", "NTE|1||Call 555-0143 tomorrow.");

            Hl7Outcome.Deidentified out = TestDeidentifiers.released(d, input);

            assertThat(out.textsGivenUp()).isEqualTo(1);
            assertThat(out.text()).doesNotContain("Fennimore", "stable").contains("tomorrow");
        }

        private static List<String> textsOf(String input, Hl7Outcome.Deidentified d, PhiType type) {
            List<String> texts = new ArrayList<>();
            for (ReplacedSpan s : d.spans()) {
                if (s.type() == type) {
                    texts.add(input.substring(s.start(), s.end()));
                }
            }
            return texts;
        }
    }

    @Nested
    class Rejections {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = ';', value = {
            "PID-5 escaped, the same escape in a kept field;    M\\XDC\\LLERVOSS^JENS;  ICU^M\\XDC\\LLERVOSS^1",
            "the surname split by highlighting in a kept field;  QUILLFEATHER^MARGO;        ICU^QUILL\\H\\FEATHER^1",
            "the SSN without its dashes in a kept field;         QUILLFEATHER^MARGO;        ICU^123456789^1",
            "the birth date in another order in a kept field;    QUILLFEATHER^MARGO;        ICU^03/15/1970^1"})
        void givenThePatientsOwnValueWrittenAnotherWayInAKeptField_whenDeidentified_thenItIsQuarantined(
                String what, String name, String location) {
            // a walkthrough: each of these was released
            String input = message(PID.replace("Doe^Jonathan^Quincy^^^^L", name), seg("PV1", 1, "1", 2, "I", 3, location));

            Hl7Outcome outcome = DEID.deidentify(input);

            assertThat(outcome).as(what).isInstanceOf(Hl7Outcome.Rejected.class);
            assertThat(((Hl7Outcome.Rejected) outcome).reason()).isEqualTo(RejectReason.RESIDUAL_PHI);
        }

        @ParameterizedTest(name = "{1}")
        @CsvSource(delimiter = ';', value = {
            "'';                                                   EMPTY",
            "'  \r\n ';                                            EMPTY",
            "'Dear Dr Smith, please see the attached results';     NOT_HL7",
            "'{\"resourceType\":\"Patient\"}';                     NOT_HL7",
            "'MSH|^~\\&|A|B|C|D|20260102||ADT^A01|1|P|2.5\rPID|1|\u0000';  NOT_HL7",
            "'MSH|^|A|B|C|D|20260102||ADT^A01|1|P|2.5';           BAD_ENCODING_CHARACTERS",
            "'MSH|^~\\&|A|B|C|D|20260102||ADT^A01|1|P|2.5\rpid|1'; BAD_SEGMENT",
            "'MSH|^~\\&|A|B|C|D|20260102||ADT^A01|1|P|2.5\rPID|1\rMSH|^~\\&|A|B|C|D|20260102||ADT^A01|2|P|2.5'; BAD_SEGMENT",
            "'MSH|^~\\&|A|B|C|D|20260102||ADT^A01|1|P|2.2\rPID|1'; UNSUPPORTED_VERSION",
            "'MSH|^~\\&|A|B|C|D|20260102||ADT^A01|1|P|3.0\rPID|1'; UNSUPPORTED_VERSION",
            "'MSH|^~\\&|A|B|C|D|20260102||ADT^A01|1|P\rPID|1';     UNSUPPORTED_VERSION",
            "'MSH|^~\\&|A|B|C|D|20260102|||1|P|2.5\rPID|1';        MISSING_MESSAGE_TYPE",
            "'MSH|^~\\&|A|B|C|D|20260102||^A01|1|P|2.5\rPID|1';    MISSING_MESSAGE_TYPE"})
        void givenUnusableInput_whenDeidentified_thenItIsRejectedWithItsReason(String input, RejectReason reason) {
            Hl7Outcome outcome = DEID.deidentify(input);

            assertThat(outcome).isInstanceOf(Hl7Outcome.Rejected.class);
            assertThat(((Hl7Outcome.Rejected) outcome).reason()).isEqualTo(reason);
            assertThat(outcome.messageId()).matches("[cm][0-9a-f]{32}");
        }

        @Test
        void givenAPatientNamedLikeTheSendingApplication_whenDeidentified_thenTheResidualGuardQuarantinesIt_namingTheType() {
            String input = "MSH|^~\\&|SIMPSON|GHH|EHR|GHH|20260102||ADT^A01|1|P|2.5\rPID|1||MRN1^^^H^MR||Simpson^Lisa";
            Hl7Outcome outcome = DEID.deidentify(input);

            assertThat(outcome).isEqualTo(new Hl7Outcome.Rejected(outcome.messageId(), RejectReason.RESIDUAL_PHI,
                    PhiType.NAME, "MSH-3"));
            assertThat(((Hl7Outcome.Rejected) outcome).detail())
                    .isEqualTo(RejectReason.RESIDUAL_PHI.description() + " (a NAME value, in MSH-3)")
                    .doesNotContainIgnoringCase("simpson");
        }

        @Test
        void givenTheMrnInAFieldThePolicyKeeps_whenQuarantined_thenTheDetailNamesTheFieldButNotTheValue() {
            // a walkthrough: "(a MRN value)" alone sent the operator to read the original to find where it stood
            String input = "MSH|^~\\&|A|GHH|EHR|GHH|20260102||ORU^R01|1|P|2.5\rPID|1||7012399^^^H^MR||Quill^Ada\r"
                    + "OBR|1\rOBX|1|NM|8867-4^HR^LN|7012399|72|/min";

            Hl7Outcome.Rejected r = (Hl7Outcome.Rejected) DEID.deidentify(input);

            assertThat(r.reason()).isEqualTo(RejectReason.RESIDUAL_PHI);
            assertThat(r.detail()).endsWith("(a MRN value, in OBX-4)").doesNotContain("7012399");
        }

        @ParameterizedTest
        @CsvSource(delimiter = ';', value = {
            "Fernandez Ortega^Maria;    ORTEGA",
            "Fernandez Ortega^Maria;    FERNANDEZ",
            "Fernandez-Ortega^Maria;    ORTEGA",
            "López de Hernández^Ana;    LOPEZ",
            "Hernández^José;            HERNANDEZ",
            "Hernandez^Jose;            HERNÁNDEZ"})
        void givenOneWordOfACompoundOrAccentedSurnameInAKeptField_whenDeidentified_thenTheResidualGuardQuarantinesIt(
                String pid5, String sendingApplication) {
            String input = "MSH|^~\\&|" + sendingApplication + "|GHH|EHR|GHH|20260102||ADT^A01|1|P|2.5\r"
                    + "PID|1||MRN1^^^H^MR||" + pid5;

            assertThat(DEID.deidentify(input)).isInstanceOf(Hl7Outcome.Rejected.class)
                    .extracting(o -> ((Hl7Outcome.Rejected) o).residualType()).isEqualTo(PhiType.NAME);
        }

        @Test
        void givenTheFullZipOfAnAddressKeptAsZip3InAFieldThePolicyKeeps_whenDeidentified_thenQuarantinedAsGeo() {
            String input = "MSH|^~\\&|62704|GHH|EHR|GHH|20260102||ADT^A01|1|P|2.5\r"
                    + "PID|1||MRN1^^^H^MR||Quill^Ottoline||19500101|F|||452 Maple Ave^^Springfield^IL^62704^USA";

            assertThat(DEID.deidentify(input)).isInstanceOf(Hl7Outcome.Rejected.class)
                    .extracting(o -> ((Hl7Outcome.Rejected) o).residualType()).isEqualTo(PhiType.GEO);
        }

        @Test
        void givenAForeignPostalCode_whenDeidentified_thenNoneOfItsDigitsStay_whileAUsZipKeepsItsZip3() {
            String input = "MSH|^~\\&|A|GHH|EHR|GHH|20260102||ADT^A01|1|P|2.5\r"
                    + "PID|1||MRN1^^^H^MR||Quill^Ottoline||19500101|F|||Königstraße 17^^Stuttgart^^70173^DEU~"
                    + "452 Maple Ave^^Springfield^IL^62704^USA";

            String out = ((Hl7Outcome.Deidentified) DEID.deidentify(input)).text();

            assertThat(KeyedValues.without(out)).contains("^000^DEU").contains("^IL^627^USA").doesNotContain("701");
        }

        @Test
        void givenAParticleOfACompoundSurnameInAKeptField_whenDeidentified_thenReleased() {
            String input = "MSH|^~\\&|DEL|GHH|EHR|GHH|20260102||ADT^A01|1|P|2.5\r"
                    + "PID|1||MRN1^^^H^MR||Castillo del Valle^Ana";

            assertThat(DEID.deidentify(input)).isInstanceOf(Hl7Outcome.Deidentified.class);
        }

        @Test
        void givenAnSsnRepeatedInAFieldThePolicyKeeps_whenDeidentified_thenTheResidualGuardQuarantinesIt() {
            String input = message(seg("PID", 1, "1", 3, "MRN1^^^H^MR", 19, "123456789"),
                    "OBX|1|NM|123456789^Code^L||1");
            assertThat(DEID.deidentify(input)).isInstanceOf(Hl7Outcome.Rejected.class)
                    .extracting(o -> ((Hl7Outcome.Rejected) o).residualType()).isEqualTo(PhiType.SSN);
        }

        @Test
        void givenAValueThatCannotBeTokenized_whenDeidentified_thenItIsAnInternalErrorNotAnException() {
            // an unpaired surrogate cannot be encoded as UTF-8, so the tokenizer refuses it
            Hl7Outcome outcome = DEID.deidentify(message("PID|1||MRN\uD800^^^H^MR"));
            assertThat(outcome).isInstanceOf(Hl7Outcome.Rejected.class)
                    .extracting(o -> ((Hl7Outcome.Rejected) o).reason()).isEqualTo(RejectReason.INTERNAL_ERROR);
        }

        @Test
        void givenEveryReasonAnHl7MessageCanHave_whenTheRejectionTestsRun_thenEachIsReached() {
            // what the HL7 de-identifier itself decides; byte-level reasons (INVALID_ENCODING, TOO_LARGE) are the
            // caller's, and the data-quality and FHIR reasons belong to other stages
            Set<RejectReason> hl7 = EnumSet.of(RejectReason.EMPTY, RejectReason.NOT_HL7,
                    RejectReason.BAD_ENCODING_CHARACTERS, RejectReason.BAD_SEGMENT, RejectReason.UNSUPPORTED_VERSION,
                    RejectReason.MISSING_MESSAGE_TYPE, RejectReason.RESIDUAL_PHI, RejectReason.INTERNAL_ERROR);
            Set<RejectReason> reached = EnumSet.noneOf(RejectReason.class);
            for (String input : List.of("", "hello world", "MSH|^|A|B", "MSH|^~\\&|A\rpid",
                    "MSH|^~\\&|A|B|C|D|2026||ADT^A01|1|P|9.9", "MSH|^~\\&|A|B|C|D|2026|||1|P|2.5",
                    "MSH|^~\\&|DOE|B|C|D|2026||ADT^A01|1|P|2.5\rPID|1||M1^^^H^MR||Doe",
                    "MSH|^~\\&|A|B|C|D|2026||ADT^A01|1|P|2.5\rPID|1||M\uDC00")) {
                if (DEID.deidentify(input) instanceof Hl7Outcome.Rejected r) {
                    reached.add(r.reason());
                }
            }
            assertThat(reached).isEqualTo(hl7);
        }
    }

    @Test
    void givenHostileInput_whenDeidentified_thenNoExceptionEscapesAndWhatIsReleasedIsReadableEr7() {
        Random random = new Random(31_337L);
        SyntheticHl7 generator = new SyntheticHl7(99L);
        String alphabet = "|^~\\&\r\n \u000B\u001C\u0000\uD800\uFEFFMSHPIDZ09xX.";
        int released = 0;
        for (int i = 0; i < 3_000; i++) {
            StringBuilder sb = new StringBuilder(generator.next().text());
            for (int e = random.nextInt(6); e >= 0; e--) {
                int at = random.nextInt(sb.length());
                switch (random.nextInt(3)) {
                    case 0 -> sb.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 1 -> sb.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> sb.deleteCharAt(at);
                }
            }
            String input = i % 10 == 0 ? sb.substring(0, random.nextInt(sb.length())) : sb.toString();
            Hl7Outcome outcome;
            try {
                outcome = DEID.deidentify(input);
            } catch (RuntimeException | Error e) {
                throw new AssertionError("deidentify threw " + e.getClass().getName() + " on mutant #" + i);
            }
            assertThat(outcome).isNotNull();
            assertThat(outcome.messageId()).isNotBlank();
            if (outcome instanceof Hl7Outcome.Deidentified d) {
                released++;
                assertDoesNotThrow(() -> Er7Message.parse(d.text()), "mutant #" + i);
            }
        }
        assertThat(released).as("some mutants are still messages").isGreaterThan(300);
    }
}
