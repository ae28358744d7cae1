package io.phistream.detector.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.FreeTextScrubber;
import io.phistream.detector.PhiType;
import io.phistream.detector.deid.Zip3;
import io.phistream.detector.hl7.Hl7Deidentifier;
import io.phistream.detector.hl7.Hl7Outcome;
import io.phistream.detector.hl7.Hl7Policy;
import io.phistream.synthetic.GeneratedMessage;
import io.phistream.synthetic.SyntheticHl7;
import io.phistream.synthetic.SyntheticPatient;
import java.util.Map;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/** The same synthetic person as an HL7 v2 ADT^A01 and as a FHIR Patient must join on token and shifted dates. */
class CrossFormatIdentityTest {

    static final String MRN_SYSTEM = "http://hospital.example.org/fhir/mrn";

    final FhirTestKit kit = new FhirTestKit();
    final Hl7Deidentifier hl7 = new Hl7Deidentifier(Hl7Policy.builtIn(), kit.tokenizer, kit.shifter,
            Zip3.defaultUnion(), kit.digest, FreeTextScrubber.REDACT_ALL, FhirTestKit.CLOCK);

    @Test
    void givenOnePatientInHl7AndFhir_whenTheIdentityMapNamesTheAuthority_thenTokenAndBirthYearAreEqual() {
        SyntheticHl7 gen = new SyntheticHl7(20260101L);
        for (int i = 0; i < 5; i++) {
            SyntheticPatient p = patientBornAfter1950(gen);
            GeneratedMessage adt = gen.adtA01(p);
            FhirDeidentifier fhir = kit.deidentifier(IdentityMap.of(Map.of(MRN_SYSTEM, p.assigningAuthority())),
                    FreeTextScrubber.REDACT_ALL);

            Hl7Outcome.Deidentified h = (Hl7Outcome.Deidentified) hl7.deidentify(adt.text());
            FhirOutcome.Deidentified f = (FhirOutcome.Deidentified) fhir.deidentify(fhirPatient(p));

            assertThat(f.patientToken()).isNotNull().isEqualTo(h.patientToken());
            String hl7Birth = pid(h.text(), 7);
            String fhirBirth = ((Patient) FhirDeidentifier.context().newJsonParser().parseResource(f.text()))
                    .getBirthDateElement().getValueAsString();
            // a birth date keeps its year only, in both formats alike
            assertThat(hl7Birth).isEqualTo(fhirBirth).isEqualTo(p.birthDate().substring(0, 4));
            String mrnToken = kit.tokenizer.token(PhiType.MRN, p.mrn());
            assertThat(pid(h.text(), 3)).startsWith(mrnToken + "^");
            assertThat(f.text()).contains("\"value\":\"" + mrnToken + "\"");
        }
    }

    @Test
    void givenOnePatientInHl7AndFhir_whenTheSystemIsNotMapped_thenTheTokensDiffer() {
        SyntheticHl7 gen = new SyntheticHl7(7L);
        SyntheticPatient p = patientBornAfter1950(gen);

        Hl7Outcome.Deidentified h = (Hl7Outcome.Deidentified) hl7.deidentify(gen.adtA01(p).text());
        FhirOutcome.Deidentified f = (FhirOutcome.Deidentified) kit.deidentifier().deidentify(fhirPatient(p));

        assertThat(f.patientToken()).isNotNull().isNotEqualTo(h.patientToken());
    }

    static SyntheticPatient patientBornAfter1950(SyntheticHl7 gen) {
        SyntheticPatient p;
        do {
            p = gen.patient();
        } while (Integer.parseInt(p.birthDate().substring(0, 4)) < 1950);
        return p;
    }

    static String fhirPatient(SyntheticPatient p) {
        String b = p.birthDate();
        return """
                {"resourceType":"Patient","id":"p1",
                 "identifier":[{"type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0203","code":"MR"}]},
                                "system":"%s","value":"%s"},
                               {"system":"http://hl7.org/fhir/sid/us-ssn","value":"%s"}],
                 "name":[{"family":"%s","given":["%s"]}],"gender":"%s","birthDate":"%s",
                 "address":[{"line":["%s"],"city":"%s","state":"%s","postalCode":"%s"}]}
                """.formatted(MRN_SYSTEM, p.mrn(), p.ssn(), p.family(), p.given(), p.sex().equals("F") ? "female" : "male",
                b.substring(0, 4) + "-" + b.substring(4, 6) + "-" + b.substring(6, 8), p.street(), p.city(), p.state(),
                p.zip());
    }

    /** Field n of the PID segment of an ER7 message. */
    static String pid(String er7, int n) {
        for (String seg : er7.split("[\r\n]+")) {
            if (seg.startsWith("PID|")) {
                String[] f = seg.split("\\|", -1);
                return n < f.length ? f[n] : "";
            }
        }
        throw new AssertionError("no PID segment");
    }
}
