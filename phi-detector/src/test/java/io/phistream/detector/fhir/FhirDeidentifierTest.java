package io.phistream.detector.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.parser.IParser;
import io.phistream.detector.DetectingScrubber;
import io.phistream.detector.FreeTextScrubber;
import io.phistream.detector.KnownPhi;
import io.phistream.detector.PhiType;
import io.phistream.detector.RejectReason;
import io.phistream.detector.ReplacedSpan;
import io.phistream.detector.deid.KeyedValues;
import io.phistream.detector.hl7.PatientKeys;
import io.phistream.detector.text.TextPhiDetector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.ExplanationOfBenefit;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FhirDeidentifierTest {

    static final FhirTestKit KIT = new FhirTestKit();
    static final FhirDeidentifier DEID = KIT.deidentifier();
    static final String MRN_SYSTEM = "http://hospital.example.org/mrn";

    /** Replaces every known structured value found in the text by "[PHI]": span-level scrubbing, for tests. */
    static final FreeTextScrubber MARK_KNOWN = (text, known) -> {
        String out = text;
        List<ReplacedSpan> spans = new ArrayList<>();
        for (KnownPhi.Value v : known.values()) {
            if (v.value().length() >= 3 && out.contains(v.value())) {
                out = out.replace(v.value(), "[PHI]");
                spans.add(new ReplacedSpan(0, 1, v.type()));
            }
        }
        return new FreeTextScrubber.Result(out, spans);
    };

    static final String PATIENT = """
            {"resourceType":"Patient","id":"pat-1",
             "identifier":[
               {"type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0203","code":"MR"}]},
                "system":"%s","value":"MRN-7654321"},
               {"system":"http://hl7.org/fhir/sid/us-ssn","value":"999-12-3456"},
               {"type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0203","code":"DL"}]},
                "system":"urn:oid:2.16.840.1.113883.4.3.25","value":"S12345678"},
               {"type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0203","code":"PPN"}]},
                "system":"http://hl7.org/fhir/sid/passport-USA","value":"X1234567"},
               {"system":"urn:example:loyalty","value":"LOY-555"}],
             "name":[{"use":"official","family":"Quackenbush","given":["Philomena","Ann"],"prefix":["Mrs."],
                      "period":{"start":"2001-05-06"}}],
             "telecom":[{"system":"phone","value":"555-867-5309","use":"home"},
                        {"system":"email","value":"philomena@example.org"},
                        {"system":"fax","value":"555-123-9999"}],
             "gender":"female","birthDate":"1980-02-29",
             "address":[{"use":"home","line":["12 Hawthorn Lane","Apt 4"],"city":"Springfield","district":"Hampden",
                         "state":"MA","postalCode":"01103-2201","country":"US","text":"12 Hawthorn Lane, Springfield"}],
             "contact":[{"name":{"family":"Quackenbush","given":["Bartholomew"]},
                         "telecom":[{"system":"phone","value":"555-222-3333"}]}],
             "photo":[{"contentType":"image/jpeg","data":"/9j/4AAQSkZJRg=="}]}
            """.formatted(MRN_SYSTEM);

    static FhirOutcome.Deidentified deid(String text) {
        return deid(DEID, text);
    }

    static FhirOutcome.Deidentified deid(FhirDeidentifier d, String text) {
        FhirOutcome o = d.deidentify(text);
        assertThat(o).isInstanceOf(FhirOutcome.Deidentified.class);
        return (FhirOutcome.Deidentified) o;
    }

    static IParser json() {
        return FhirDeidentifier.context().newJsonParser();
    }

    @SuppressWarnings("unchecked")
    static <T extends Resource> T parse(String json) {
        return (T) json().parseResource(json);
    }

    static int offset(String mrn) {
        return KIT.shifter.offsetDays(PatientKeys.of(MRN_SYSTEM, mrn));
    }

    @Nested
    class DatatypeRules {

        @Test
        void givenAPatient_whenDeidentified_thenEveryHumanNameIsRemovedButItsUseKept() {
            FhirOutcome.Deidentified out = deid(PATIENT);
            Patient p = parse(out.text());

            assertThat(p.getNameFirstRep().hasFamily()).isFalse();
            assertThat(p.getNameFirstRep().getGiven()).isEmpty();
            assertThat(p.getNameFirstRep().getPrefix()).isEmpty();
            assertThat(p.getNameFirstRep().getUse()).hasToString("OFFICIAL");
            assertThat(p.getContactFirstRep().getName().isEmpty()).isTrue();
            assertThat(out.text()).doesNotContain("Quackenbush", "Philomena", "Bartholomew");
            assertThat(out.phiCounts().get(PhiType.NAME)).isEqualTo(6);
        }

        @Test
        void givenAnAddress_whenDeidentified_thenStreetCityDistrictAndTextGoPostalCodeBecomesZip3StateAndCountryStay() {
            Patient p = parse(deid(PATIENT).text());

            var a = p.getAddressFirstRep();
            assertThat(a.getLine()).isEmpty();
            assertThat(a.hasCity()).isFalse();
            assertThat(a.hasDistrict()).isFalse();
            assertThat(a.hasText()).isFalse();
            assertThat(a.getPostalCode()).isEqualTo("011");
            assertThat(a.getState()).isEqualTo("MA");
            assertThat(a.getCountry()).isEqualTo("US");
        }

        @Test
        void givenAZipWhereTheStateBelongs_whenDeidentified_thenItIsRemovedNotKept() {
            String json = PATIENT.replace("\"state\":\"MA\"", "\"state\":\"01103\"");
            assertThat(json).contains("\"state\":\"01103\"");

            Patient p = parse(deid(json).text());
            assertThat(p.getAddressFirstRep().hasState()).isFalse();
            assertThat(p.getAddressFirstRep().getCountry()).isEqualTo("US");
        }

        @Test
        void givenARestrictedZip3_whenDeidentified_thenItBecomes000() {
            String json = PATIENT.replace("01103-2201", "03601");

            Patient p = parse(deid(json).text());
            assertThat(p.getAddressFirstRep().getPostalCode()).isEqualTo("000");
        }

        @Test
        void givenContactPoints_whenDeidentified_thenValuesGoAndAreCountedBySystem() {
            FhirOutcome.Deidentified out = deid(PATIENT);
            Patient p = parse(out.text());

            assertThat(p.getTelecom()).allSatisfy(t -> assertThat(t.hasValue()).isFalse());
            assertThat(p.getTelecomFirstRep().getSystem()).hasToString("PHONE");
            assertThat(out.phiCounts()).containsEntry(PhiType.EMAIL, 1).containsEntry(PhiType.FAX, 1)
                    .containsEntry(PhiType.PHONE, 2);
        }

        @Test
        void givenIdentifiers_whenDeidentified_thenValuesAreTokensTypedBySystemOrType() {
            FhirOutcome.Deidentified out = deid(PATIENT);
            Patient p = parse(out.text());

            assertThat(p.getIdentifier()).extracting(i -> i.getValue()).containsExactly(
                    KIT.tokenizer.token(PhiType.MRN, "MRN-7654321"),
                    KIT.tokenizer.token(PhiType.SSN, "999-12-3456"),
                    KIT.tokenizer.token(PhiType.LICENSE, "S12345678"),
                    KIT.tokenizer.token(PhiType.OTHER_ID, "X1234567"),
                    KIT.tokenizer.token(PhiType.OTHER_ID, "LOY-555"));
            assertThat(p.getIdentifier().get(1).getSystem()).isEqualTo("http://hl7.org/fhir/sid/us-ssn");
            assertThat(p.getIdentifierFirstRep().getType().getCodingFirstRep().getCode()).isEqualTo("MR");
        }

        @Test
        void givenAPhoto_whenDeidentified_thenItIsRemovedAsPhoto() {
            FhirOutcome.Deidentified out = deid(PATIENT);

            assertThat(((Patient) parse(out.text())).getPhoto()).isEmpty();
            assertThat(out.phiCounts()).containsEntry(PhiType.PHOTO, 1);
            assertThat(out.text()).doesNotContain("/9j/4AAQSkZJRg");
        }

        @Test
        void givenAnAnnotationAStringValueAndCodeableConceptText_whenDeidentified_thenTheFreeTextGoesAndCodingsStay() {
            String obs = """
                    {"resourceType":"Observation","status":"final",
                     "code":{"coding":[{"system":"http://loinc.org","code":"8867-4","display":"Heart rate"}],
                             "text":"pulse taken by Dr Quill"},
                     "valueString":"Patient says her neighbour Zebedee fed the cat",
                     "note":[{"authorString":"Nurse Ratched","time":"2020-01-01T10:00:00Z","text":"called Zebedee"}]}
                    """;
            FhirOutcome.Deidentified out = deid(obs);
            Observation o = parse(out.text());

            assertThat(o.getCode().hasText()).isFalse();
            assertThat(o.getCode().getCodingFirstRep().getDisplay()).isEqualTo("Heart rate");
            assertThat(o.hasValue()).isFalse();
            assertThat(o.getNote()).allSatisfy(n -> assertThat(n.hasText() || n.hasAuthor()).isFalse());
            assertThat(out.text()).doesNotContain("Zebedee", "Quill", "Ratched");
        }

        @Test
        void givenAnAge_whenOver89InAnyTimeUnit_thenItBecomes90YearsAndYoungerAgesStay() {
            String template = """
                    {"resourceType":"Condition","subject":{"reference":"Patient/p"},
                     "onsetAge":{"value":%s,"unit":"x","system":"http://unitsofmeasure.org","code":"%s"}}""";

            Condition old = parse(deid(template.formatted("95", "a")).text());
            Condition months = parse(deid(template.formatted("1100", "mo")).text());
            Condition young = parse(deid(template.formatted("42", "a")).text());
            Condition unreadable = parse(deid(template.formatted("3", "furlong")).text());

            assertThat(old.getOnsetAge().getValue()).isEqualByComparingTo("90");
            assertThat(months.getOnsetAge().getValue()).isEqualByComparingTo("90");
            assertThat(months.getOnsetAge().getCode()).isEqualTo("a");
            assertThat(young.getOnsetAge().getValue()).isEqualByComparingTo("42");
            assertThat(unreadable.getOnsetAge().hasValue()).isFalse();
        }

        @Test
        void givenACodesTextThatRepeatsItsDisplay_whenDeidentified_thenItIsKeptAndAnyOtherTextIsScrubbed() {
            // the free-text detector read bare labels such as "Body Height" as names; a text that only repeats a
            // kept display says nothing more (policy 1.3.0, text/@display)
            String template = """
                    {"resourceType":"Condition","subject":{"reference":"Patient/pat-1"},
                     "code":{"coding":[{"system":"http://snomed.info/sct","code":"38341003","display":"Hypertension"}],
                             "text":"%s"}}""";

            Condition same = condition(deid(bundle(PATIENT, template.formatted("hypertension"))));
            Condition other = condition(deid(bundle(PATIENT, template.formatted("Hypertension per Dr Quackenbush"))));

            assertThat(same.getCode().getText()).isEqualTo("hypertension");
            assertThat(same.getCode().getCodingFirstRep().getDisplay()).isEqualTo("Hypertension");
            assertThat(other.getCode().hasText()).isFalse(); // REDACT_ALL: free text goes whole
        }

        private static Condition condition(FhirOutcome.Deidentified out) {
            return ((Bundle) parse(out.text())).getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                    .filter(Condition.class::isInstance).map(Condition.class::cast).findFirst().orElseThrow();
        }

        @Test
        void givenAPlainTextAttachment_whenDeidentified_thenItsContentIsScrubbedWithTheMessagesKnownValues() {
            FhirDeidentifier d = KIT.deidentifier(IdentityMap.empty(), MARK_KNOWN);
            String note = "Philomena Quackenbush seen today, phone 555-867-5309.";
            String bundle = bundle(PATIENT, """
                    {"resourceType":"DocumentReference","status":"current","subject":{"reference":"Patient/pat-1"},
                     "content":[{"attachment":{"contentType":"text/plain; charset=utf-8","data":"%s",
                                 "url":"http://files.example.org/notes/quackenbush.txt","size":52,"title":"note"}}]}
                    """.formatted(b64(note)));

            Bundle out = parse(deid(d, bundle).text());
            DocumentReference doc = (DocumentReference) out.getEntry().get(1).getResource();
            String text = new String(doc.getContentFirstRep().getAttachment().getData(), StandardCharsets.UTF_8);

            assertThat(text).isEqualTo("[PHI] [PHI] seen today, phone [PHI].");
            assertThat(doc.getContentFirstRep().getAttachment().hasUrl()).isFalse();
            assertThat(doc.getContentFirstRep().getAttachment().hasSize()).isFalse();
        }

        @Test
        void givenAUtf16TextAttachmentWithItsMark_whenDeidentified_thenItIsReadAsUtf16AndWrittenBackSo() {
            // a user's walkthrough: read as UTF-8 every other byte was a NUL, no word was found, and the note stayed
            FhirDeidentifier d = KIT.deidentifier(IdentityMap.empty(), MARK_KNOWN);
            byte[] body = "Philomena Quackenbush, phone 555-867-5309.".getBytes(StandardCharsets.UTF_16LE);
            byte[] marked = new byte[body.length + 2];
            marked[0] = (byte) 0xFF;
            marked[1] = (byte) 0xFE;
            System.arraycopy(body, 0, marked, 2, body.length);
            String bundle = bundle(PATIENT, """
                    {"resourceType":"Binary","contentType":"text/plain","data":"%s"}""".formatted(
                    Base64.getEncoder().encodeToString(marked)));

            byte[] out = ((org.hl7.fhir.r4.model.Binary) ((Bundle) parse(deid(d, bundle).text())).getEntry().get(1)
                    .getResource()).getData();

            assertThat(out[0] & 0xFF).isEqualTo(0xFF);
            assertThat(out[1] & 0xFF).isEqualTo(0xFE);
            assertThat(new String(out, 2, out.length - 2, StandardCharsets.UTF_16LE)).isEqualTo("[PHI] [PHI], phone [PHI].");
        }

        @Test
        void givenATextAttachmentOfAnotherEncodingThanDeclared_whenDeidentified_thenItsContentIsRemoved() {
            String binary = """
                    {"resourceType":"Binary","contentType":"text/plain","data":"%s"}""".formatted(
                    Base64.getEncoder().encodeToString("Philomena Quackenbush".getBytes(StandardCharsets.UTF_16BE)));

            assertThat(((org.hl7.fhir.r4.model.Binary) parse(deid(binary).text())).hasData()).isFalse();
        }

        @Test
        void givenABinaryImageAndAPdfAttachment_whenDeidentified_thenTheirContentIsRemoved() {
            String binary = """
                    {"resourceType":"Binary","contentType":"image/png","data":"iVBORw0KGgo="}""";
            String doc = """
                    {"resourceType":"DocumentReference","status":"current",
                     "content":[{"attachment":{"contentType":"application/pdf","data":"JVBERi0xLjQ="}}]}""";

            FhirOutcome.Deidentified b = deid(binary);
            FhirOutcome.Deidentified p = deid(doc);

            assertThat(b.text()).doesNotContain("iVBORw0KGgo").contains("image/png");
            assertThat(b.phiCounts()).containsEntry(PhiType.PHOTO, 1);
            assertThat(p.text()).doesNotContain("JVBERi0xLjQ");
        }

        @Test
        void givenANarrative_whenScrubbedSpanBySpan_thenMarkupStaysButKnownValuesLinksAndCommentsGo() {
            FhirDeidentifier d = KIT.deidentifier(IdentityMap.empty(), MARK_KNOWN);
            String json = PATIENT.replace("\"gender\"", """
                    "text":{"status":"generated","div":"<div xmlns=\\"http://www.w3.org/1999/xhtml\\"><p>Quackenbush, \
                    <a href=\\"http://x.example/quackenbush\\">chart</a><!-- Philomena --></p></div>"},"gender\"""");

            Patient p = parse(deid(d, json).text());
            String div = p.getText().getDivAsString();

            assertThat(div).contains("<p>[PHI], <a>chart</a></p>").doesNotContain("href", "Philomena", "Quackenbush");
        }

        @Test
        void givenNarrativeAttributesHoldingWords_whenScrubbed_thenOnlyLayoutValuesOfTheirShapeStay() {
            // a walkthrough: class="ulric-bramblecote-9785550179" (and style, lang) passed as written
            FhirDeidentifier d = KIT.deidentifier(IdentityMap.empty(), MARK_KNOWN);
            String json = PATIENT.replace("\"gender\"", """
                    "text":{"status":"generated","div":"<div xmlns=\\"http://www.w3.org/1999/xhtml\\" lang=\\"en-US\\">\
                    <p class=\\"orla-fennimore-5550143\\">Seen</p><p style=\\"font-family:orla-fennimore\\">ok</p>\
                    <span lang=\\"orla-fennimore-5550143\\" xml:lang=\\"fennimore\\" dir=\\"ltr\\">ok</span>\
                    <table border=\\"1\\"><tr><td colspan=\\"2\\" width=\\"Orla Fennimore\\" align=\\"left\\">ok</td></tr>\
                    </table></div>"},"gender\"""");

            Patient p = parse(deid(d, json).text());
            String div = p.getText().getDivAsString();

            assertThat(div).doesNotContain("orla", "fennimore", "Fennimore", "5550143", "class", "style", "width")
                    .contains("lang=\"en-US\"", "dir=\"ltr\"", "border=\"1\"", "colspan=\"2\"", "align=\"left\"");
        }

        @Test
        void givenANarrative_thenItsTextNodesAreReadAsOneText_blanksBetweenAndALineBreakForEachBlock() {
            List<List<String>> read = new ArrayList<>();
            FreeTextScrubber recording = new FreeTextScrubber() {
                @Override
                public Result scrub(String text, KnownPhi known) {
                    return new Result(text, List.of());
                }

                @Override
                public List<Result> scrubParts(List<String> parts, List<String> joints, KnownPhi known) {
                    read.add(parts);
                    read.add(joints);
                    return FreeTextScrubber.super.scrubParts(parts, joints, known);
                }
            };
            String json = PATIENT.replace("\"gender\"", """
                    "text":{"status":"generated","div":"<div xmlns=\\"http://www.w3.org/1999/xhtml\\"><p>Seen with \
                    <b>Dr.</b> <b>Abernethy</b> today.</p><table><tr><td>Contact</td><td>daughter Rosalind Moss</td>\
                    </tr></table></div>"},"gender\"""");

            deid(KIT.deidentifier(IdentityMap.empty(), recording), json);

            assertThat(read).containsExactly(
                    List.of("Seen with ", "Dr.", "Abernethy", " today.", "Contact", "daughter Rosalind Moss"),
                    List.of("", " ", "", "\n", "\n"));
        }

        @Test
        void givenAPatientWithATwoLetterGivenNameThatIsAWord_whenANarrativeOpensWithIt_thenTheNameIsReplaced() {
            // a walkthrough: Patient.name.given "An", "An ambulated 100 ft." kept the name
            FhirDeidentifier d = KIT.deidentifier(IdentityMap.empty(), new DetectingScrubber(TextPhiDetector.builtIn()));
            String json = PATIENT.replace("\"given\":[\"Philomena\",\"Ann\"]", "\"given\":[\"An\"]")
                    .replace("\"gender\"", """
                    "text":{"status":"generated","div":"<div xmlns=\\"http://www.w3.org/1999/xhtml\\"><p>An ambulated \
                    100 ft, an hour after lunch.</p></div>"},"gender\"""");

            Patient p = parse(deid(d, json).text());

            assertThat(p.getText().getDivAsString()).contains("[NAME] ambulated 100 ft, an hour after lunch.");
        }

        @Test
        void givenANarrativeScrubbedByTheDetector_thenANameInBoldIsReplacedAndTheMarkupStays() {
            FhirDeidentifier d = KIT.deidentifier(IdentityMap.empty(), new DetectingScrubber(TextPhiDetector.builtIn()));
            String json = PATIENT.replace("\"gender\"", """
                    "text":{"status":"generated","div":"<div xmlns=\\"http://www.w3.org/1999/xhtml\\"><p>Seen with \
                    <b>Dr.</b> <b>Abernethy</b> today, stable for discharge.</p></div>"},"gender\"""");

            Patient p = parse(deid(d, json).text());

            assertThat(p.getText().getDivAsString()).contains("<b>Dr.</b> <b>[NAME]</b> today, stable for discharge.").doesNotContain("Abernethy");
        }

        @Test
        void givenACodeWithOnlyItsText_whenTheTextIsRemoved_thenTheCodeStaysMaskedSoTheResourceIsStillValid() {
            // a walkthrough: "code":{"text":"Heart rate"} came out with no code, which an Observation requires
            String json = """
                    {"resourceType":"Observation","status":"final","code":{"text":"Heart rate"},
                     "valueQuantity":{"value":72,"unit":"/min"}}""";

            FhirOutcome.Deidentified out = deid(json);
            org.hl7.fhir.r4.model.Observation o = (org.hl7.fhir.r4.model.Observation) Hapi.parser(FhirFormat.JSON)
                    .parseResource(out.text());

            assertThat(o.hasCode()).isTrue();
            assertThat(o.getCode().hasText()).isFalse();
            assertThat(o.getCode().getExtensionByUrl("http://hl7.org/fhir/StructureDefinition/data-absent-reason")
                    .getValue().primitiveValue()).isEqualTo("masked");
            assertThat(o.getValueQuantity().getValue().intValue()).isEqualTo(72);
        }

        @Test
        void givenAReferenceToAPersonWithADisplay_whenScrubbedByTheDetector_thenTheDisplayIsRemovedWholeAsAName() {
            // a walkthrough: "QUILLFEATHER, ZEPHYRINE" on a subject whose Patient is not in the message passed the detector
            FhirDeidentifier d = KIT.deidentifier(IdentityMap.empty(), new DetectingScrubber(TextPhiDetector.builtIn()));
            String json = """
                    {"resourceType":"Observation","status":"final","code":{"text":"x"},
                     "subject":{"reference":"Patient/px","display":"QUILLFEATHER, ZEPHYRINE"},
                     "performer":[{"reference":"https://fhir.example.org/r4/Practitioner/d7/_history/2","display":"Ezra Pound"},
                                  {"type":"RelatedPerson","display":"Orrin Thornwhistle"},
                                  {"reference":"Organization/o1","display":"Riverside Laboratory"}]}""";

            FhirOutcome.Deidentified out = deid(d, json);

            assertThat(out.text()).doesNotContain("QUILLFEATHER", "ZEPHYRINE", "Ezra", "Thornwhistle")
                    .contains("Laboratory\"}"); // an organisation's display is still free text, scrubbed span by span
            assertThat(out.phiCounts()).containsEntry(PhiType.NAME, 3);
        }

        @Test
        void givenInlineMarkupBetweenANumberAndAWord_whenScrubbedByTheDetector_thenThePhoneAndTheNameAreReplaced() {
            // a walkthrough: read as "555-555-0177Home" and "Thornwhistle1", the phone and the surname were kept
            FhirDeidentifier d = KIT.deidentifier(IdentityMap.empty(), new DetectingScrubber(TextPhiDetector.builtIn()));
            String json = PATIENT.replace("\"gender\"", """
                    "text":{"status":"generated","div":"<div xmlns=\\"http://www.w3.org/1999/xhtml\\"><p><span>Phone: \
                    555-555-0177</span><span>Home</span></p><p>Seen by Orrin Thornwhistle<sup>1</sup></p></div>"},"gender\"""");

            Patient p = parse(deid(d, json).text());

            assertThat(p.getText().getDivAsString()).doesNotContain("0177", "Thornwhistle").contains("<sup>1</sup>");
        }

        @Test
        void givenANarrativeAndTheDefaultWholeFieldScrubber_whenDeidentified_thenTheNarrativeIsRemoved() {
            String json = PATIENT.replace("\"gender\"", """
                    "text":{"status":"generated","div":"<div xmlns=\\"http://www.w3.org/1999/xhtml\\">Philomena</div>"},\
                    "gender\"""");

            Patient p = parse(deid(json).text());

            assertThat(p.hasText()).isFalse();
        }
    }

    @Nested
    class PathRules {

        @Test
        void givenABirthDate_whenThePatientIsUnder90_thenOnlyItsYearIsKept() {
            // shifted like the other dates, it was undone by anyone who learnt the patient's offset, and a live
            // stream tells it: a message's shifted time beside the time it arrived (an HL7 walkthrough)
            Patient p = parse(deid(PATIENT).text());

            assertThat(p.getBirthDateElement().getValueAsString()).isEqualTo("1980");
        }

        @Test
        void givenAnOldBundleTimestamp_whenJudgingAgeOver89_thenTheCurrentYearStillCounts() {
            // a second walkthrough: a Bundle stamped 1960 let an 1890 birth date through; ages count at release
            String old = PATIENT.replace("1980-02-29", "1915-06-01");
            String bundle2000 = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"timestamp\":\"2000-01-01T00:00:00Z\","
                    + "\"entry\":[{\"resource\":" + old + "}]}";
            String young = PATIENT.replace("1980-02-29", "1940-06-01");
            String bundle2031 = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"timestamp\":\"2031-01-01T00:00:00Z\","
                    + "\"entry\":[{\"resource\":" + young + "}]}";

            Patient in2000 = (Patient) ((Bundle) parse(deid(bundle2000).text())).getEntryFirstRep().getResource();
            Patient in2031 = (Patient) ((Bundle) parse(deid(bundle2031).text())).getEntryFirstRep().getResource();

            assertThat(in2000.hasBirthDate()).isFalse();
            assertThat(in2031.hasBirthDate()).as("90 or 91 by the Bundle's later year").isFalse();
            assertThat(((Patient) parse(deid(young).text())).hasBirthDate()).as("85 or 86 now").isTrue();
        }

        @Test
        void givenABirthDateShowingAnAgeOver89_whenDeidentified_thenItIsRemovedAndCountedAsAge() {
            FhirOutcome.Deidentified out = deid(PATIENT.replace("1980-02-29", "1930-07-04"));

            assertThat(((Patient) parse(out.text())).hasBirthDate()).isFalse();
            assertThat(out.phiCounts()).containsEntry(PhiType.AGE, 1);
        }

        @Test
        void givenDeviceCoverageLocationAndEncounterIdentifiers_whenDeidentified_thenThePathRulesApply() {
            String bundle = bundle(PATIENT,
                    """
                    {"resourceType":"Device","patient":{"reference":"Patient/pat-1"},"serialNumber":"SN-998877",
                     "lotNumber":"LOT-42","udiCarrier":[{"deviceIdentifier":"00844588003288","carrierHRF":"{01}0084"}]}""",
                    """
                    {"resourceType":"Coverage","status":"active","beneficiary":{"reference":"Patient/pat-1"},
                     "subscriberId":"SUB-13579","payor":[{"display":"Acme Health"}]}""",
                    """
                    {"resourceType":"Location","name":"Springfield Clinic West","position":{"longitude":-72.59,"latitude":42.1}}""",
                    """
                    {"resourceType":"Encounter","status":"finished","subject":{"reference":"Patient/pat-1"},
                     "identifier":[{"value":"V-24680"}]}""");

            FhirOutcome.Deidentified out = deid(bundle);

            assertThat(out.text()).contains(KIT.tokenizer.token(PhiType.DEVICE, "SN-998877"),
                    KIT.tokenizer.token(PhiType.HEALTH_PLAN, "SUB-13579"),
                    KIT.tokenizer.token(PhiType.ACCOUNT, "V-24680"));
            assertThat(out.text()).doesNotContain("00844588003288", "Springfield", "-72.59", "Acme");
            assertThat(out.phiCounts()).containsKey(PhiType.DEVICE).containsKey(PhiType.GEO);
        }
    }

    @Nested
    class Dates {

        @Test
        void givenDatesOfEveryPrecision_whenDeidentified_thenDaysShiftMonthsBecomeYearsAndYearsStay() {
            String bundle = bundle(PATIENT, """
                    {"resourceType":"Observation","status":"final","subject":{"reference":"Patient/pat-1"},
                     "code":{"text":"x"},"effectivePeriod":{"start":"2020-03-15T10:30:00+01:00","end":"2020-03"},
                     "issued":"2020-03-15T10:31:02.123Z","valueDateTime":"2019"}""");
            int days = offset("MRN-7654321");

            Observation o = (Observation) ((Bundle) parse(deid(bundle).text())).getEntry().get(1).getResource();

            assertThat(o.getEffectivePeriod().getStartElement().getValueAsString())
                    .isEqualTo(KIT.shifter.shiftFhir("2020-03-15T10:30:00+01:00", days));
            assertThat(o.getEffectivePeriod().getEndElement().getValueAsString()).isEqualTo("2020");
            assertThat(o.getIssuedElement().getValueAsString()).isEqualTo(KIT.shifter.shiftFhir("2020-03-15T10:31:02.123Z", days));
            assertThat(o.getValueDateTimeType().getValueAsString()).isEqualTo("2019");
        }

        @Test
        void givenAnyDateMoreThan89YearsAgo_whenDeidentified_thenItIsRemoved_forItShowsAnAgeOver89() {
            // a user's walkthrough: a 1926 immunisation, shifted, still gave away a patient born in 1925
            String bundle = bundle(PATIENT.replace("1980-02-29", "1925-02-11"), """
                    {"resourceType":"Immunization","status":"completed","patient":{"reference":"Patient/pat-1"},
                     "vaccineCode":{"coding":[{"system":"http://hl7.org/fhir/sid/cvx","code":"19"}]},
                     "occurrenceDateTime":"1926-01-15","recorded":"2020-03-15"}""", """
                    {"resourceType":"FamilyMemberHistory","status":"completed","patient":{"reference":"Patient/pat-1"},
                     "relationship":{"coding":[{"code":"MTH"}]},"bornDate":"1899-05-05"}""");

            FhirOutcome.Deidentified out = deid(bundle);
            Bundle b = (Bundle) parse(out.text());
            org.hl7.fhir.r4.model.Immunization i = (org.hl7.fhir.r4.model.Immunization) b.getEntry().get(1).getResource();

            assertThat(i.hasOccurrence()).isFalse();
            assertThat(i.getRecordedElement().getValueAsString())
                    .isEqualTo(KIT.shifter.shiftFhir("2020-03-15", offset("MRN-7654321")));
            assertThat(KeyedValues.without(out.text())).doesNotContain("1899", "1925", "1926");
            assertThat(out.phiCounts()).containsEntry(PhiType.AGE, 3);
        }

        @Test
        void givenAnObservationOfAnAge_whenOver89_thenItsValueBecomes90InAnyDatatype() {
            String quantity = """
                    {"resourceType":"Observation","status":"final","subject":{"reference":"Patient/pat-1"},
                     "code":{"coding":[{"system":"http://loinc.org","code":"30525-0","display":"Age"}]},
                     "valueQuantity":{"value":95,"unit":"a","system":"http://unitsofmeasure.org","code":"a"}}""";
            String integer = """
                    {"resourceType":"Observation","status":"final","subject":{"reference":"Patient/pat-1"},
                     "code":{"coding":[{"system":"http://loinc.org","code":"21612-7"}]},"valueInteger":97}""";
            String young = integer.replace("97", "64");
            String heartRate = integer.replace("21612-7", "8867-4");

            assertThat(((Observation) parse(deid(quantity).text())).getValueQuantity().getValue().intValue()).isEqualTo(90);
            assertThat(((Observation) parse(deid(integer).text())).getValueIntegerType().getValue()).isEqualTo(90);
            assertThat(((Observation) parse(deid(young).text())).getValueIntegerType().getValue()).isEqualTo(64);
            assertThat(((Observation) parse(deid(heartRate).text())).getValueIntegerType().getValue()).isEqualTo(97);
        }

        @Test
        void givenNoPatient_whenDeidentified_thenDatesKeepOnlyTheirYearAndInstantsGo() {
            String obs = """
                    {"resourceType":"Observation","status":"final","code":{"text":"x"},
                     "subject":{"reference":"Patient/unknown"},
                     "effectiveDateTime":"2020-03-15T10:30:00Z","issued":"2020-03-15T10:31:02Z"}""";

            FhirOutcome.Deidentified out = deid(obs);
            Observation o = parse(out.text());

            assertThat(out.patientToken()).isNull();
            assertThat(o.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2020");
            assertThat(o.hasIssued()).isFalse();
        }

        @Test
        void givenAResourceWhoseSubjectCarriesAnMrIdentifier_whenDeidentified_thenItsPatientsOffsetApplies() {
            String obs = """
                    {"resourceType":"Observation","status":"final","code":{"text":"x"},
                     "subject":{"identifier":{"system":"%s","value":"MRN-7654321"}},
                     "effectiveDateTime":"2020-03-15"}""".formatted(MRN_SYSTEM);

            FhirOutcome.Deidentified out = deid(obs);
            Observation o = parse(out.text());

            assertThat(out.patientToken()).isEqualTo(KIT.tokenizer.token(PhiType.MRN, PatientKeys.of(MRN_SYSTEM, "MRN-7654321")));
            assertThat(o.getEffectiveDateTimeType().getValueAsString())
                    .isEqualTo(KIT.shifter.shiftFhir("2020-03-15", offset("MRN-7654321")));
        }
    }

    @Nested
    class Extensions {

        @Test
        void givenExtensions_whenNotAllowListed_thenTheyAreRemovedAndAllowListedOnesStay() {
            String json = PATIENT.replace("\"gender\"", """
                    "extension":[
                      {"url":"http://hl7.org/fhir/StructureDefinition/patient-mothersMaidenName","valueString":"Featherstonehaugh"},
                      {"url":"http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex","valueCode":"F"},
                      {"url":"http://hl7.org/fhir/us/core/StructureDefinition/us-core-race","extension":[
                         {"url":"ombCategory","valueCoding":{"system":"urn:oid:2.16.840.1.113883.6.238","code":"2106-3"}},
                         {"url":"text","valueString":"White"}]}],
                    "modifierExtension":[{"url":"http://example.org/secret-flag","valueString":"Featherstonehaugh"}],
                    "gender\"""");

            FhirOutcome.Deidentified out = deid(json);
            Patient p = parse(out.text());

            assertThat(p.getExtension()).extracting(e -> e.getUrl()).containsExactly(
                    "http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex",
                    "http://hl7.org/fhir/us/core/StructureDefinition/us-core-race");
            assertThat(p.getModifierExtension()).isEmpty();
            assertThat(out.text()).doesNotContain("Featherstonehaugh").contains("\"valueCode\":\"F\"", "2106-3");
        }

        @Test
        void givenADataAbsentReasonWithOtherValuesThanACode_whenDeidentified_thenItsCodeStaysAndTheRestIsTreated() {
            // a walkthrough: kept as written, a reason's valueString named the husband and his phone, and dates were unshifted
            String json = PATIENT.replace("\"gender\"", """
                    "_gender":{"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/data-absent-reason",
                       "valueString":"declined per husband Orrin Thornwhistle, call 555-555-0177"}]},
                    "_maritalStatus":{"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/data-absent-reason",
                       "valueCode":"asked-declined"}]},
                    "telecom":[{"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/data-absent-reason",
                       "valueInstant":"2023-11-02T14:05:00Z"}]}],
                    "gender\"""");

            FhirOutcome.Deidentified out = deid(json);

            assertThat(KeyedValues.without(out.text())).doesNotContain("Thornwhistle", "0177", "2023-11-02")
                    .contains("\"valueCode\":\"asked-declined\"");
        }

        @Test
        void givenAUsCoreExtensionCarryingText_whenDeidentified_thenItsCodesStayAndItsTextIsFreeText() {
            // a user's walkthrough: kept as written, a birth-sex valueString and a nested extension named the mother
            String json = PATIENT.replace("\"gender\"", """
                    "extension":[
                      {"url":"http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex",
                       "valueString":"born male per mother Sabrina Oddfellow"},
                      {"url":"http://hl7.org/fhir/us/core/StructureDefinition/us-core-race","extension":[
                         {"url":"ombCategory","valueCoding":{"system":"urn:oid:2.16.840.1.113883.6.238","code":"2106-3"}},
                         {"url":"http://example.com/custom","valueString":"note by Sabrina Oddfellow"}]},
                      {"url":"http://hl7.org/fhir/us/core/StructureDefinition/us-core-genderIdentity",
                       "valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"446151000124109"}],
                                               "text":"per Marigold Featherstonehaugh"}}],
                    "gender\"""");

            String out = deid(json).text();

            assertThat(out).doesNotContain("Oddfellow", "Featherstonehaugh").contains("2106-3", "446151000124109");
        }

        @Test
        void givenAWalkedExtensionHoldingAnAddress_whenDeidentified_thenTheAddressRulesApplyInsideIt() {
            String json = PATIENT.replace("\"gender\"", """
                    "extension":[{"url":"http://hl7.org/fhir/StructureDefinition/patient-birthPlace",
                       "valueAddress":{"city":"Pawtucket","state":"RI","country":"US","postalCode":"02860"}}],
                    "gender\"""");

            Patient p = parse(deid(json).text());
            var place = (org.hl7.fhir.r4.model.Address) p.getExtension().get(0).getValue();

            assertThat(place.hasCity()).isFalse();
            assertThat(place.getState()).isEqualTo("RI");
            assertThat(place.getPostalCode()).isEqualTo("028");
        }

        @Test
        void givenExtensionsOnAPrimitiveAndInsideADatatype_whenDeidentified_thenTheyAreRemovedToo() {
            String json = PATIENT.replace("\"birthDate\":\"1980-02-29\"", """
                    "birthDate":"1980-02-29","_birthDate":{"extension":[
                      {"url":"http://hl7.org/fhir/StructureDefinition/patient-birthTime","valueDateTime":"1980-02-29T04:15:00Z"}]}""")
                    .replace("\"use\":\"home\",\"line\"", """
                    "use":"home","extension":[{"url":"http://hl7.org/fhir/StructureDefinition/geolocation","extension":[
                      {"url":"latitude","valueDecimal":42.1017},{"url":"longitude","valueDecimal":-72.5898}]}],"line\"""");

            FhirOutcome.Deidentified out = deid(json);
            Patient p = parse(out.text());

            assertThat(p.getBirthDateElement().getExtension()).isEmpty();
            assertThat(p.getAddressFirstRep().getExtension()).isEmpty();
            assertThat(out.text()).doesNotContain("04:15", "42.1017", "-72.5898");
        }

        @Test
        void givenAnExtensionOnAKeptPrimitive_whenDeidentified_thenItIsRemovedEvenWhenTheJsonNameIsEscaped() {
            String plain = """
                    {"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org",
                     "code":"8867-4","_display":{"extension":[{"url":"http://example.org/x","valueString":"Zebedee"}]}}]}}""";
            String escaped = plain.replace("\"_display\"", "\"\\u005fdisplay\"");

            for (String json : List.of(plain, escaped)) {
                FhirOutcome.Deidentified out = deid(json);
                Observation o = parse(out.text());
                assertThat(o.getCode().getCodingFirstRep().getDisplayElement().getExtension()).isEmpty();
                assertThat(out.text()).doesNotContain("Zebedee");
            }
            assertThat(escaped).contains("\\u005fdisplay");
        }

        @Test
        void givenAContainedPatient_whenDeidentified_thenTheDatatypeRulesApplyInsideItToo() {
            String obs = """
                    {"resourceType":"Observation","status":"final","code":{"text":"x"},
                     "contained":[{"resourceType":"Patient","id":"p","name":[{"family":"Thistlewood"}],
                                   "telecom":[{"system":"phone","value":"555-777-1234"}]}],
                     "subject":{"reference":"#p"}}""";

            FhirOutcome.Deidentified out = deid(obs);
            Observation o = parse(out.text());

            assertThat(out.text()).doesNotContain("Thistlewood", "555-777-1234");
            assertThat(o.getSubject().getReference()).isEqualTo("#" + DEID.pseudonym("p"));
            assertThat(out.phiCounts()).containsEntry(PhiType.NAME, 1).containsEntry(PhiType.PHONE, 1);
        }

        @Test
        void givenAKeptExtensionHoldingAReference_whenDeidentified_thenTheReferenceIsStillPseudonymised() {
            String json = PATIENT.replace("\"gender\"", """
                    "extension":[{"url":"http://hl7.org/fhir/StructureDefinition/data-absent-reason",
                       "valueReference":{"reference":"Patient/pat-9","display":"Zebedee"}}],"gender\"""");

            FhirOutcome.Deidentified out = deid(json);

            assertThat(out.text()).contains("Patient/" + DEID.pseudonym("pat-9")).doesNotContain("pat-9", "Zebedee");
        }
    }

    @Nested
    class References {

        @Test
        void givenReferencesOfEveryForm_whenDeidentified_thenIdsAreReplacedByTheTargetsPseudonym() {
            String eob = """
                    {"resourceType":"ExplanationOfBenefit","id":"eob-1","status":"active",
                     "contained":[{"resourceType":"Coverage","id":"cov","status":"active",
                                   "beneficiary":{"reference":"Patient/pat-1"},"subscriberId":"SUB-1"}],
                     "patient":{"reference":"Patient/pat-1/_history/3"},
                     "provider":{"reference":"https://ehr.example.org/fhir/Practitioner/doc-7"},
                     "claim":{"reference":"urn:uuid:0F8FAD5B-D9CB-469F-A165-70867728950E"},
                     "insurer":{"reference":"Organization?identifier=http://hl7.org/fhir/sid/us-npi|1234567893"},
                     "referral":{"reference":"mailto:someone@example.org"},
                     "insurance":[{"focal":true,"coverage":{"reference":"#cov"}}]}""";

            FhirOutcome.Deidentified out = deid(eob);
            ExplanationOfBenefit e = parse(out.text());

            String pat = DEID.pseudonym("pat-1");
            assertThat(e.getIdElement().getIdPart()).isEqualTo(DEID.pseudonym("eob-1"));
            assertThat(e.getPatient().getReference()).isEqualTo("Patient/" + pat + "/_history/3");
            assertThat(e.getProvider().getReference())
                    .isEqualTo("https://ehr.example.org/fhir/Practitioner/" + DEID.pseudonym("doc-7"));
            assertThat(e.getClaim().getReference())
                    .isEqualTo("urn:uuid:" + DEID.pseudonym("0f8fad5b-d9cb-469f-a165-70867728950e"));
            assertThat(e.getInsurer().getReference()).isEqualTo("Organization?identifier="
                    + java.net.URLEncoder.encode("http://hl7.org/fhir/sid/us-npi|"
                    + KIT.tokenizer.token(PhiType.OTHER_ID, "1234567893"), StandardCharsets.UTF_8));
            assertThat(e.getReferral().hasReference()).isFalse();
            assertThat(e.getInsuranceFirstRep().getCoverage().getReference()).isEqualTo("#" + DEID.pseudonym("cov"));
            assertThat(e.getContained().get(0).getIdElement().getIdPart()).endsWith(DEID.pseudonym("cov"));
            assertThat(out.text()).doesNotContain("pat-1", "doc-7", "0F8FAD5B", "someone@", "SUB-1");
        }

        @Test
        void givenTheSameIdsInTwoMessages_whenDeidentified_thenTheyGetTheSameValidUuidPseudonym() {
            String a = DEID.pseudonym("4e8ed886-fd5f-40bb-8feb-f339b04d853a");
            String b = DEID.pseudonym("4E8ED886-FD5F-40BB-8FEB-F339B04D853A");
            String other = KIT.deidentifier().pseudonym("x");

            assertThat(a).isEqualTo(b).matches("[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            assertThat(java.util.UUID.fromString(a).version()).isEqualTo(8);
            assertThat(other).isEqualTo(DEID.pseudonym("x")).isNotEqualTo(new FhirTestKit().deidentifier().pseudonym("x"));
        }

        @Test
        void givenATransactionBundle_whenDeidentified_thenEveryReferenceStillResolvesToAnEntry() {
            String bundle = """
                    {"resourceType":"Bundle","type":"transaction","entry":[
                     {"fullUrl":"urn:uuid:11111111-2222-4333-8444-555555555555","resource":%s,
                      "request":{"method":"PUT","url":"Patient?identifier=%s|MRN-7654321"}},
                     {"fullUrl":"urn:uuid:66666666-7777-4888-9999-000000000000","resource":
                       {"resourceType":"Encounter","id":"66666666-7777-4888-9999-000000000000","status":"finished",
                        "subject":{"reference":"urn:uuid:11111111-2222-4333-8444-555555555555"}},
                      "request":{"method":"POST","url":"Encounter"}},
                     {"fullUrl":"http://ehr.example.org/fhir/Observation/obs-1","resource":
                       {"resourceType":"Observation","id":"obs-1","status":"final","code":{"text":"x"},
                        "subject":{"reference":"urn:uuid:11111111-2222-4333-8444-555555555555"},
                        "encounter":{"reference":"urn:uuid:66666666-7777-4888-9999-000000000000"},
                        "hasMember":[{"reference":"http://ehr.example.org/fhir/Observation/obs-1"}]},
                      "request":{"method":"PUT","url":"Observation/obs-1"}}]}
                    """.formatted(PATIENT.replace("\"id\":\"pat-1\"", "\"id\":\"11111111-2222-4333-8444-555555555555\""),
                    MRN_SYSTEM);

            Bundle out = parse(deid(bundle).text());

            assertThat(out.getEntry()).hasSize(3);
            List<String> fullUrls = out.getEntry().stream().map(Bundle.BundleEntryComponent::getFullUrl).toList();
            Encounter enc = (Encounter) out.getEntry().get(1).getResource();
            Observation obs = (Observation) out.getEntry().get(2).getResource();
            assertThat(fullUrls).contains(enc.getSubject().getReference(), obs.getEncounter().getReference(),
                    obs.getHasMemberFirstRep().getReference());
            assertThat(out.getEntry().get(0).getFullUrl()).endsWith(out.getEntry().get(0).getResource().getIdElement().getIdPart());
            assertThat(out.getEntry().get(2).getRequest().getUrl()).isEqualTo("Observation/" + obs.getIdElement().getIdPart());
            assertThat(out.getEntry().get(0).getRequest().getUrl()).isEqualTo("Patient?identifier=" + java.net.URLEncoder.encode(
                    MRN_SYSTEM + "|" + KIT.tokenizer.token(PhiType.MRN, "MRN-7654321"), StandardCharsets.UTF_8));
        }
    }

    @Nested
    class PatientIdentity {

        @Test
        void givenAnUntypedIdentifierOfTheSystemThePatientTypesMr_whenDeidentified_thenBothGetTheSameToken() {
            // a walkthrough: the Patient's MR identifier became mrn-..., the same number untyped in subject.identifier
            // oid-..., and the two could not be joined; the Observation comes first here, so order must not matter
            String bundle = """
                    {"resourceType":"Bundle","type":"collection","entry":[
                     {"resource":{"resourceType":"Observation","status":"final","code":{"text":"x"},
                       "subject":{"identifier":{"system":"http://hospital.example.org/mrn","value":"4417023"}}}},
                     {"resource":{"resourceType":"Patient","identifier":[{"type":{"coding":[{"system":
                       "http://terminology.hl7.org/CodeSystem/v2-0203","code":"MR"}]},
                       "system":"http://hospital.example.org/mrn","value":"4417023"}]}}]}""";

            String out = deid(bundle).text();

            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"value\":\"([a-z]{3}-[A-Za-z0-9_-]+)\"")
                    .matcher(out);
            List<String> tokens = new ArrayList<>();
            while (m.find()) {
                tokens.add(m.group(1));
            }
            assertThat(tokens).hasSize(2).allMatch(t -> t.startsWith("mrn-"));
            assertThat(tokens.get(0)).isEqualTo(tokens.get(1));
        }

        @Test
        void givenAPatientWithAnMrIdentifier_whenDeidentified_thenThePatientTokenIsTheMrnTokenOfSystemAndValue() {
            FhirOutcome.Deidentified out = deid(PATIENT);

            assertThat(out.patientToken())
                    .isEqualTo(KIT.tokenizer.token(PhiType.MRN, PatientKeys.of(MRN_SYSTEM, "MRN-7654321")));
            assertThat(out.resourceType()).isEqualTo("Patient");
            assertThat(out.format()).isEqualTo(FhirFormat.JSON);
        }

        @Test
        void givenAnIdentityMap_whenTheSystemIsMapped_thenTheAuthorityReplacesTheSystemInThePatientKey() {
            FhirDeidentifier d = KIT.deidentifier(IdentityMap.of(java.util.Map.of(MRN_SYSTEM, "SPRINGFIELD_GH")),
                    FreeTextScrubber.REDACT_ALL);

            FhirOutcome.Deidentified out = deid(d, PATIENT);

            assertThat(out.patientToken())
                    .isEqualTo(KIT.tokenizer.token(PhiType.MRN, PatientKeys.of("SPRINGFIELD_GH", "MRN-7654321")));
        }

        @Test
        void givenABundleWithTwoPatients_whenDeidentified_thenNoSinglePatientTokenIsClaimedAndEachShiftsByItsOwn() {
            String second = PATIENT.replace("pat-1", "pat-2").replace("MRN-7654321", "MRN-1111111");
            Bundle out = parse(deid(bundle(PATIENT, second)).text());

            assertThat(deid(bundle(PATIENT, second)).patientToken()).isNull();
            assertThat(((Patient) out.getEntry().get(1).getResource()).getNameFirstRep().getPeriod().getStartElement()
                    .getValueAsString()).isEqualTo(KIT.shifter.shiftFhir("2001-05-06", offset("MRN-1111111")));
        }
    }

    @Nested
    class FailClosed {

        @Test
        void givenTextThatIsNotFhir_whenDeidentified_thenItIsRejectedAsNotFhir() {
            for (String bad : List.of("hello", "{\"resourceType\":\"NoSuchThing\"}", "{not json", "<Patient",
                    "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"e\">]><Patient xmlns=\"http://hl7.org/fhir\"/>",
                    PATIENT.replace("1980-02-29", "1980-13-45"))) {
                FhirOutcome o = DEID.deidentify(bad);
                assertThat(o).isInstanceOf(FhirOutcome.Rejected.class);
                assertThat(((FhirOutcome.Rejected) o).reason()).isEqualTo(RejectReason.NOT_FHIR);
                assertThat(o.messageId()).startsWith("c");
            }
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"1e999999999", "1e-999999999", "2.5E+0000099999", "1e1001"})
        void givenANumberWithAHugeExponent_whenDeidentified_thenItIsRejectedAsNotFhirWithoutRunningOutOfMemory(
                String number) {
            // a walkthrough: HAPI writes a decimal out in full, and 1e999999999 ended the process with OutOfMemoryError
            String observation = "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"},"
                    + "\"valueQuantity\":{\"value\":" + number + "}}";

            for (FhirOutcome o : List.of(DEID.deidentify(observation), DEID.deidentifyNdjson(observation).get(0))) {
                assertThat(o).isInstanceOf(FhirOutcome.Rejected.class);
                assertThat(((FhirOutcome.Rejected) o).reason()).isEqualTo(RejectReason.NOT_FHIR);
            }
        }

        @Test
        void givenNumbersWithOrdinaryExponentsAndAnExponentInAString_whenDeidentified_thenReleased() {
            String observation = "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"coding\":"
                    + "[{\"system\":\"http://loinc.org\",\"code\":\"1e999999999\"}]},"
                    + "\"valueQuantity\":{\"value\":6.02E23,\"unit\":\"1e999999999\"}}";

            assertThat(DEID.deidentify(observation)).isInstanceOf(FhirOutcome.Deidentified.class);
        }

        @Test
        void givenANarrativeWithAnHtmlEntityOrNestedThousandsDeep_whenDeidentified_thenTheReasonSaysWhatIsWrong() {
            // a walkthrough: both were "NOT_FHIR (the text is not a FHIR R4 resource)", which hid the cause
            String entity = PATIENT.replace("\"gender\"", """
                    "text":{"status":"generated","div":"<div xmlns=\\"http://www.w3.org/1999/xhtml\\">Seen&nbsp;with \
                    Orla&nbsp;Fennimore</div>"},"gender\"""");
            String deep = PATIENT.replace("\"gender\"", "\"text\":{\"status\":\"generated\",\"div\":\"<div xmlns=\\\"http"
                    + "://www.w3.org/1999/xhtml\\\">" + "<span>".repeat(3_000) + "Orla Fennimore" + "</span>".repeat(3_000)
                    + "</div>\"},\"gender\"");

            FhirOutcome.Rejected e = (FhirOutcome.Rejected) DEID.deidentify(entity);
            FhirOutcome.Rejected d = (FhirOutcome.Rejected) DEID.deidentify(deep);

            assertThat(e.reason()).isEqualTo(RejectReason.NOT_FHIR);
            assertThat(e.detail()).contains("HTML entity", "&#160;").doesNotContain("Orla", "Fennimore", "Seen");
            assertThat(d.reason()).isEqualTo(RejectReason.NOT_FHIR);
            assertThat(d.detail()).contains("nested deeper").doesNotContain("Orla", "Fennimore");
        }

        @Test
        void givenANoteLongerThanDetectionReads_whenScrubbedBySpans_thenItIsRemovedWholeAndTheOutcomeCountsIt() {
            FhirDeidentifier d = KIT.deidentifier(IdentityMap.empty(), new DetectingScrubber(TextPhiDetector.withConfig(
                    TextPhiDetector.Config.DEFAULT.withMaxChars(200))));
            String json = """
                    {"resourceType":"Observation","status":"final","code":{"text":"Progress note"},
                     "note":[{"text":"%s"}]}""".formatted("Seen with daughter Orla Fennimore, stable. ".repeat(10));

            FhirOutcome.Deidentified out = deid(d, json);

            assertThat(out.textsGivenUp()).isEqualTo(1);
            assertThat(out.text()).doesNotContain("Fennimore", "stable");
        }

        @Test
        void givenEmptyInput_whenDeidentified_thenItIsRejectedAsEmpty() {
            assertThat(DEID.deidentify("  \n")).isEqualTo(new FhirOutcome.Rejected(DEID.contentId("  \n"), RejectReason.EMPTY));
        }

        @Test
        void givenAFailingScrubber_whenDeidentified_thenTheMessageIsRejectedAsInternalError() {
            FhirDeidentifier d = KIT.deidentifier(IdentityMap.empty(), (text, known) -> {
                throw new IllegalStateException("boom " + text);
            });

            FhirOutcome o = d.deidentify(PATIENT.replace("\"gender\"", "\"text\":{\"status\":\"generated\","
                    + "\"div\":\"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">Philomena</div>\"},\"gender\""));

            assertThat(o).isInstanceOf(FhirOutcome.Rejected.class);
            assertThat(((FhirOutcome.Rejected) o).reason()).isEqualTo(RejectReason.INTERNAL_ERROR);
        }

        @Test
        void givenAScrubberThatPutsAKnownValueBack_whenDeidentified_thenTheResidualGuardRejectsTheMessage() {
            java.util.concurrent.atomic.AtomicReference<PhiType> putBack = new java.util.concurrent.atomic.AtomicReference<>();
            FhirDeidentifier d = KIT.deidentifier(IdentityMap.empty(), (text, known) -> {
                putBack.set(known.values().get(0).type());
                return new FreeTextScrubber.Result("about " + known.values().get(0).value(), List.of());
            });

            FhirOutcome o = d.deidentify(PATIENT.replace("\"gender\"", "\"text\":{\"status\":\"generated\","
                    + "\"div\":\"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">x</div>\"},\"gender\""));

            assertThat(o).isInstanceOf(FhirOutcome.Rejected.class);
            assertThat(((FhirOutcome.Rejected) o).reason()).isEqualTo(RejectReason.RESIDUAL_PHI);
            assertThat(((FhirOutcome.Rejected) o).residualType()).as("the type of the value put back")
                    .isNotNull().isEqualTo(putBack.get());
        }

        @Test
        void givenAContactAddressInAValueKeptByItsType_whenDeidentified_thenTheMessageIsRejected() {
            // a user's walkthrough: alone in its NDJSON line, no replaced value repeated it, and it was released
            String obs = """
                    {"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org",
                     "code":"8867-4","display":"write to evie.v@example.com"}]},"valueString":"x"}""";
            String uri = """
                    {"resourceType":"Task","status":"draft","intent":"order",
                     "input":[{"type":{"coding":[{"code":"contact"}]},"valueUri":"mailto:evie.v@example.com"}]}""";

            for (String in : List.of(obs, uri)) {
                FhirOutcome o = DEID.deidentify(in);
                assertThat(o).isInstanceOf(FhirOutcome.Rejected.class);
                assertThat(((FhirOutcome.Rejected) o).reason()).isEqualTo(RejectReason.RESIDUAL_PHI);
                assertThat(((FhirOutcome.Rejected) o).residualType()).isEqualTo(PhiType.EMAIL);
            }
        }

        @Test
        void givenAScrubberThatPutsBackOneWordOfACompoundAccentedSurname_whenDeidentified_thenTheGuardRejectsIt() {
            FhirDeidentifier d = KIT.deidentifier(IdentityMap.empty(),
                    (text, known) -> new FreeTextScrubber.Result("seen by HERNANDEZ", List.of()));
            String patient = PATIENT.replace("\"family\":\"Quackenbush\"", "\"family\":\"López de Hernández\"")
                    .replace("\"gender\"", "\"text\":{\"status\":\"generated\","
                    + "\"div\":\"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">x</div>\"},\"gender\"");

            FhirOutcome o = d.deidentify(patient);

            assertThat(patient).contains("López de Hernández");
            assertThat(o).isInstanceOf(FhirOutcome.Rejected.class);
            assertThat(((FhirOutcome.Rejected) o).residualType()).isEqualTo(PhiType.NAME);
        }

        @Test
        void givenABundleWithAnIdentifier_whenDeidentifiedTwice_thenTheMessageIdIsKeyedAndStable() {
            String b = "{\"resourceType\":\"Bundle\",\"type\":\"message\",\"identifier\":{\"system\":\"urn:x\",\"value\":\"42\"}}";

            assertThat(DEID.deidentify(b).messageId()).startsWith("m").isEqualTo(DEID.deidentify(b + " ").messageId());
            assertThat(DEID.deidentify(PATIENT).messageId()).isEqualTo(DEID.contentId(PATIENT));
        }
    }

    @Nested
    class Formats {

        @Test
        void givenXml_whenDeidentified_thenTheOutputIsXmlWithTheSameContentAsTheJsonPath() {
            String bundle = bundle(PATIENT, """
                    {"resourceType":"Observation","status":"final","subject":{"reference":"Patient/pat-1"},
                     "code":{"coding":[{"system":"http://loinc.org","code":"8867-4"}]},"effectiveDateTime":"2020-03-15"}""");
            String xml = FhirDeidentifier.context().newXmlParser().encodeResourceToString(parse(bundle));

            FhirOutcome.Deidentified fromXml = deid(xml);
            FhirOutcome.Deidentified fromJson = deid(bundle);

            assertThat(fromXml.format()).isEqualTo(FhirFormat.XML);
            assertThat(fromXml.text()).startsWith("<Bundle").doesNotContain("Quackenbush", "1980-02-29");
            Resource reparsed = (Resource) FhirDeidentifier.context().newXmlParser().parseResource(fromXml.text());
            assertThat(json().encodeResourceToString(reparsed)).isEqualTo(fromJson.text());
            assertThat(fromXml.phiCounts()).isEqualTo(fromJson.phiCounts());
        }

        @Test
        void givenAByteOrderMarkBeforeJsonOrXml_whenDeidentified_thenItIsReadAsWithout() {
            assertThat(deid("\uFEFF" + PATIENT).text()).doesNotContain("Quackenbush").startsWith("{");
            assertThat(deid("\uFEFF<Patient xmlns=\"http://hl7.org/fhir\"><gender value=\"female\"/></Patient>").text())
                    .startsWith("<Patient");
        }

        @Test
        void givenXmlComments_whenDeidentified_thenNoneIsWrittenOut() {
            // a user's walkthrough: HAPI keeps a comment with the element beside it, and wrote it out again as it was
            String xml = """
                    <Bundle xmlns="http://hl7.org/fhir"><type value="collection"/><!-- batch for Delphine Sturgewick -->
                    <entry><resource><Observation>
                      <!-- reviewed with daughter Delphine Sturgewick 555-555-0192 -->
                      <status value="final"/>
                      <code><coding><system value="http://loinc.org"/><code value="8867-4"/></coding><!-- MRN 7012399 --></code>
                      <valueQuantity><value value="66"/><!-- per Dr Pargeter --><unit value="/min"/></valueQuantity>
                    </Observation></resource></entry></Bundle>""";

            String out = deid(xml).text();

            assertThat(KeyedValues.without(out)).doesNotContain("Sturgewick", "0192", "7012399", "Pargeter", "<!--").contains("8867-4", "66");
        }

        @Test
        void givenOneDeidentifierSharedByThreads_whenUsedConcurrently_thenEveryThreadGetsTheSameOutput() throws Exception {
            String bundle = bundle(PATIENT, PATIENT.replace("pat-1", "pat-2").replace("MRN-7654321", "MRN-2"));
            FhirDeidentifier shared = KIT.deidentifier();
            String expected = deid(shared, bundle).text();
            var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                List<java.util.concurrent.Future<String>> results = new ArrayList<>();
                for (int i = 0; i < 32; i++) {
                    results.add(pool.submit(() -> ((FhirOutcome.Deidentified) shared.deidentify(bundle)).text()));
                }
                for (var r : results) {
                    assertThat(r.get()).isEqualTo(expected);
                }
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void givenABulkExportWithPatientsInAnotherFile_whenTheirLinesAreLearntFirst_thenDatesShiftWithThePatients() {
            // a user's walkthrough: split into one file per type, every non-Patient date kept only its year
            String patients = PATIENT.replace("\n", "");
            String observation = """
                    {"resourceType":"Observation","status":"final","code":{"text":"x"},
                     "subject":{"reference":"Patient/pat-1"},"effectiveDateTime":"2020-03-15"}""".replace("\n", "");
            PatientDirectory directory = new PatientDirectory();
            DEID.learnPatients(patients + "\n{\"resourceType\":\"Patient\",broken\n", directory);

            FhirOutcome.Deidentified alone = (FhirOutcome.Deidentified) DEID.deidentifyNdjsonLine(observation);
            FhirOutcome.Deidentified learnt = (FhirOutcome.Deidentified) DEID.deidentifyNdjsonLine(observation, directory);

            assertThat(directory.size()).isEqualTo(1);
            assertThat(((Observation) parse(alone.text())).getEffectiveDateTimeType().getValueAsString()).isEqualTo("2020");
            assertThat(((Observation) parse(learnt.text())).getEffectiveDateTimeType().getValueAsString())
                    .isEqualTo(KIT.shifter.shiftFhir("2020-03-15", offset("MRN-7654321")));
            assertThat(learnt.patientToken()).isEqualTo(((FhirOutcome.Deidentified) DEID.deidentify(PATIENT)).patientToken());
        }

        @Test
        void givenABulkExportLineNamingItsLearntPatientInAKeptValue_whenDeidentified_thenTheGuardRejectsIt() {
            // a user's walkthrough: as a Bundle it was quarantined, as NDJSON lines it was released
            String observation = """
                    {"resourceType":"Observation","status":"final","subject":{"reference":"Patient/pat-1"},
                     "code":{"coding":[{"system":"http://loinc.org","code":"8867-4","display":"Quackenbush, 12 Hawthorn Lane"}]}}"""
                    .replace("\n", "");
            PatientDirectory directory = new PatientDirectory();
            DEID.learnPatients(PATIENT.replace("\n", ""), directory);

            FhirOutcome alone = DEID.deidentifyNdjsonLine(observation);
            FhirOutcome learnt = DEID.deidentifyNdjsonLine(observation, directory);

            assertThat(alone).isInstanceOf(FhirOutcome.Deidentified.class);
            assertThat(learnt).isInstanceOf(FhirOutcome.Rejected.class);
            assertThat(((FhirOutcome.Rejected) learnt).reason()).isEqualTo(RejectReason.RESIDUAL_PHI);
            assertThat(DEID.deidentifyNdjsonLine(PATIENT.replace("\n", ""), directory))
                    .as("the Patient line itself").isInstanceOf(FhirOutcome.Deidentified.class);
        }

        @Test
        void givenBulkReferencesByUrnOrAbsoluteUrlOrAPatientWithoutIdentifiers_thenThePatientIsStillFound() {
            // a second walkthrough: these lines kept only the year and released the patient's name in a display
            String uuid = "0a3f1e32-6a1b-4f8e-9a55-3b4c8d1e2f70";
            String withUuid = PATIENT.replace("\"pat-1\"", "\"" + uuid + "\"").replace("\n", "");
            String noIds = "{\"resourceType\":\"Patient\",\"id\":\"p9\",\"name\":[{\"family\":\"Ollerenshaw\"}]}";
            PatientDirectory directory = new PatientDirectory();
            DEID.learnPatients(withUuid + "\n" + noIds, directory);
            String obs = "{\"resourceType\":\"Observation\",\"status\":\"final\",\"subject\":{\"reference\":\"%s\"},"
                    + "\"code\":{\"coding\":[{\"code\":\"8867-4\",\"display\":\"%s\"}]},\"effectiveDateTime\":\"2020-03-15\"}";

            FhirOutcome urn = DEID.deidentifyNdjsonLine(obs.formatted("urn:uuid:" + uuid.toUpperCase(), "x"), directory);
            FhirOutcome url = DEID.deidentifyNdjsonLine(
                    obs.formatted("https://ehr.example.org/fhir/Patient/" + uuid, "x"), directory);
            FhirOutcome named = DEID.deidentifyNdjsonLine(obs.formatted("Patient/p9", "per Ollerenshaw"), directory);

            String shifted = KIT.shifter.shiftFhir("2020-03-15", offset("MRN-7654321"));
            assertThat(((Observation) parse(((FhirOutcome.Deidentified) urn).text())).getEffectiveDateTimeType()
                    .getValueAsString()).isEqualTo(shifted);
            assertThat(((Observation) parse(((FhirOutcome.Deidentified) url).text())).getEffectiveDateTimeType()
                    .getValueAsString()).isEqualTo(shifted);
            assertThat(named).isInstanceOf(FhirOutcome.Rejected.class);
        }

        @Test
        void givenNdjson_whenDeidentified_thenEachLineGivesOneOutcomeOnOneLine() {
            String line1 = PATIENT.replace("\n", "");
            String line2 = "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"a\nb\"}}"
                    .replace("\n", "\\n");
            String ndjson = line1 + "\n\n" + line2 + "\r\n<Patient xmlns=\"http://hl7.org/fhir\"/>\n";

            List<FhirOutcome> out = DEID.deidentifyNdjson(ndjson);

            assertThat(out).hasSize(3);
            assertThat(out.get(0)).isInstanceOf(FhirOutcome.Deidentified.class);
            assertThat(((FhirOutcome.Deidentified) out.get(0)).text()).doesNotContain("\n");
            assertThat(out.get(1)).isInstanceOf(FhirOutcome.Deidentified.class);
            assertThat(((FhirOutcome.Rejected) out.get(2)).reason()).isEqualTo(RejectReason.NOT_FHIR);
        }
    }

    static String bundle(String... resources) {
        StringBuilder b = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[");
        for (int i = 0; i < resources.length; i++) {
            b.append(i == 0 ? "" : ",").append("{\"resource\":").append(resources[i]).append('}');
        }
        return b.append("]}").toString();
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
