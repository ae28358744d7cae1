package io.phistream.topology.bench;

import ca.uhn.fhir.parser.IParser;
import io.phistream.detector.fhir.FhirDeidentifier;
import io.phistream.synthetic.PlantedPhi;
import io.phistream.synthetic.PlantedPhi.Kind;
import io.phistream.synthetic.SyntheticHl7;
import io.phistream.synthetic.SyntheticPatient;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.SplittableRandom;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

/**
 * Small synthetic (fake) FHIR R4 collection Bundles: a Patient and a few vital-sign Observations, one with a note
 * that names the patient. The patients come from {@link SyntheticHl7#patient()}, so FHIR and HL7 traffic share the
 * same kind of fake identities; every PHI value written is listed with its kind, for leak tests. Built with HAPI's
 * model and encoder rather than text templates so the output is valid FHIR by construction.
 */
public final class SyntheticFhir {

    /** One generated Bundle as JSON, with every PHI value planted in it, exactly as written there. */
    public record GeneratedBundle(String json, SyntheticPatient patient, List<PlantedPhi> planted) {
        public GeneratedBundle {
            planted = List.copyOf(planted);
        }

        @Override
        public String toString() {
            return "GeneratedBundle[" + json.length() + " chars, " + planted.size() + " PHI values]";
        }
    }

    public static final String MRN_SYSTEM_PREFIX = "urn:phi-stream:synthetic:mrn:";
    private static final String LOINC = "http://loinc.org";
    private static final String UCUM = "http://unitsofmeasure.org";
    private static final LocalDateTime EPOCH = LocalDateTime.of(2025, 3, 1, 8, 0);

    private record Vital(String loinc, String display, String unit, double low, double high) {
    }

    private static final Vital[] VITALS = {
        new Vital("8867-4", "Heart rate", "/min", 48, 130),
        new Vital("9279-1", "Respiratory rate", "/min", 10, 28),
        new Vital("59408-5", "Oxygen saturation", "%", 88, 100),
        new Vital("8480-6", "Systolic blood pressure", "mm[Hg]", 85, 180),
        new Vital("8310-5", "Body temperature", "Cel", 35.5, 39.5),
    };

    private final SyntheticHl7 people;
    private final SplittableRandom rng;
    private final List<SyntheticPatient> pool = new ArrayList<>();
    private final IParser json = FhirDeidentifier.context().newJsonParser();
    private long count;

    public SyntheticFhir(long seed) {
        this.people = new SyntheticHl7(seed);
        this.rng = new SplittableRandom(seed);
    }

    /** The next Bundle: a recurring or new patient, 3-5 vital signs, a note. Deterministic for a seed. */
    public GeneratedBundle next() {
        SyntheticPatient p;
        if (pool.size() < 200 && (pool.isEmpty() || rng.nextInt(3) == 0)) {
            p = people.patient();
            pool.add(p);
        } else {
            p = pool.get(rng.nextInt(pool.size()));
        }
        return bundleOf(p);
    }

    /** A Bundle about {@code p}. */
    public GeneratedBundle bundleOf(SyntheticPatient p) {
        long n = count++;
        List<PlantedPhi> planted = new ArrayList<>();
        String patientUrl = "urn:uuid:" + uuid(n, 0);
        Patient patient = new Patient();
        patient.setId(uuid(n, 0));
        Identifier mrn = patient.addIdentifier().setSystem(MRN_SYSTEM_PREFIX + p.assigningAuthority())
                .setValue(p.mrn());
        mrn.getType().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/v2-0203").setCode("MR");
        planted.add(new PlantedPhi(Kind.MRN, p.mrn()));
        patient.addIdentifier().setSystem("http://hl7.org/fhir/sid/us-ssn").setValue(p.ssn());
        planted.add(new PlantedPhi(Kind.SSN, p.ssn()));
        HumanName name = patient.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(p.family()).addGiven(p.given());
        planted.add(new PlantedPhi(Kind.NAME, p.family()));
        planted.add(new PlantedPhi(Kind.NAME, p.given()));
        if (!p.middle().isEmpty()) {
            name.addGiven(p.middle());
            planted.add(new PlantedPhi(Kind.NAME, p.middle()));
        }
        patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setUse(ContactPoint.ContactPointUse.HOME)
                .setValue(p.phoneHome());
        planted.add(new PlantedPhi(Kind.PHONE, p.phoneHome()));
        if (!p.email().isEmpty()) {
            patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(p.email());
            planted.add(new PlantedPhi(Kind.EMAIL, p.email()));
        }
        patient.setGender("F".equals(p.sex()) ? AdministrativeGender.FEMALE : AdministrativeGender.MALE);
        LocalDate birth = LocalDate.parse(p.birthDate(), DateTimeFormatter.BASIC_ISO_DATE);
        patient.getBirthDateElement().setValueAsString(birth.toString());
        planted.add(new PlantedPhi(Kind.BIRTH_DATE, birth.toString()));
        patient.addAddress().setUse(Address.AddressUse.HOME).addLine(p.street()).setCity(p.city())
                .setState(p.state()).setPostalCode(p.zip()).setCountry("US");
        planted.add(new PlantedPhi(Kind.STREET, p.street()));
        planted.add(new PlantedPhi(Kind.CITY, p.city()));
        planted.add(new PlantedPhi(Kind.ZIP, p.zip()));

        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.setId(uuid(n, 99));
        bundle.addEntry().setFullUrl(patientUrl).setResource(patient);
        LocalDateTime when = EPOCH.plusMinutes(n * 7 % 500_000);
        int vitals = 3 + rng.nextInt(3);
        for (int i = 0; i < vitals; i++) {
            Vital v = VITALS[(int) ((n + i) % VITALS.length)];
            Observation o = new Observation();
            o.setId(uuid(n, i + 1));
            o.setStatus(Observation.ObservationStatus.FINAL);
            o.addCategory(new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(
                    "http://terminology.hl7.org/CodeSystem/observation-category", "vital-signs", "Vital Signs")));
            o.getCode().addCoding().setSystem(LOINC).setCode(v.loinc()).setDisplay(v.display());
            o.setSubject(new Reference(patientUrl));
            o.setEffective(new DateTimeType(Date.from(when.plusMinutes(i).toInstant(ZoneOffset.UTC)),
                    ca.uhn.fhir.model.api.TemporalPrecisionEnum.SECOND, java.util.TimeZone.getTimeZone("UTC")));
            double value = v.low() + (v.high() - v.low()) * rng.nextDouble();
            o.setValue(new Quantity().setValue(BigDecimal.valueOf(Math.round(value * 10) / 10.0)).setUnit(v.unit())
                    .setSystem(UCUM).setCode(v.unit()));
            if (i == 0) {
                o.addNote(new Annotation().setText("Vitals taken for " + p.given() + " " + p.family()
                        + "; family to call back on " + p.phoneHome() + "."));
            }
            bundle.addEntry().setFullUrl("urn:uuid:" + uuid(n, i + 1)).setResource(o);
        }
        return new GeneratedBundle(json.encodeResourceToString(bundle), p, planted);
    }

    /** A deterministic, well-formed UUID per (bundle, entry): the bench sends the same bundle more than once. */
    private static String uuid(long bundle, int entry) {
        return String.format("%08x-%04x-4%03x-8%03x-%012x", bundle & 0xffffffffL, (bundle >>> 32) & 0xffff,
                entry & 0xfff, 0, bundle * 131 + entry);
    }
}
