package io.phistream.topology.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.phistream.serdes.avro.Observation;
import io.phistream.synthetic.SyntheticHl7;
import io.phistream.synthetic.SyntheticPatient;
import io.phistream.topology.scoring.ObservationExtractor.Extraction;
import io.phistream.topology.scoring.ObservationExtractor.Skip;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The pure extraction core: vital signs out of ORU^R01 OBX and FHIR Observations, units normalised, never failing. */
class ObservationExtractorTest {

    private static final String TOKEN = "mrn-TESTTOKEN";
    private final SyntheticHl7 gen = new SyntheticHl7(11);
    private final SyntheticPatient patient = gen.patient();

    private static Map<String, Observation> byLoinc(Extraction x) {
        return x.observations().stream().collect(Collectors.toMap(Observation::getLoincCode, Function.identity()));
    }

    // ---------------------------------------------------------------- HL7 v2

    @Test
    void givenAnOruVitalsPanel_whenExtracted_thenEachVitalIsOneObservationInItsUcumUnitAtTheObxTime() {
        String oru = Vitals.medium().at("20250301081500-0500").oru(gen, patient);

        Extraction x = ObservationExtractor.fromHl7(TOKEN, oru, "m123");

        Map<String, Observation> obs = byLoinc(x);
        assertThat(obs.keySet()).containsExactlyInAnyOrder(Vitals.HR, Vitals.RR, Vitals.SPO2, Vitals.SBP, Vitals.TEMP,
                Vitals.ACVPU); // the diastolic row is not a NEWS2 input and is ignored
        assertThat(x.skipped()).isEmpty();
        assertThat(obs.get(Vitals.RR).getValue()).isEqualTo(22.0);
        assertThat(obs.get(Vitals.RR).getUnit()).isEqualTo("/min");
        assertThat(obs.get(Vitals.SPO2).getUnit()).isEqualTo("%");
        assertThat(obs.get(Vitals.SBP).getUnit()).isEqualTo("mm[Hg]");
        assertThat(obs.get(Vitals.TEMP).getValue()).isEqualTo(38.5);
        assertThat(obs.get(Vitals.TEMP).getUnit()).isEqualTo("Cel");
        assertThat(obs.get(Vitals.ACVPU).getValueCode()).isEqualTo("A");
        assertThat(obs.get(Vitals.ACVPU).getValue()).isEqualTo(0.0);
        assertThat(x.observations()).allSatisfy(o -> {
            assertThat(o.getPatientToken()).isEqualTo(TOKEN);
            assertThat(o.getSourceMessageId()).isEqualTo("m123");
            assertThat(o.getEffectiveTimeMs()).isEqualTo(Instant.parse("2025-03-01T13:15:00Z"));
        });
    }

    @Test
    void givenFahrenheitKpaAndMillilitresPerMinute_whenExtracted_thenValuesAreInCelsiusMmHgAndLitresPerMinute() {
        String oru = Vitals.normal().set(Vitals.TEMP, "101.3").unit(Vitals.TEMP, "[degF]^degree Fahrenheit^UCUM")
                .set(Vitals.SBP, "16").unit(Vitals.SBP, "kPa^kilopascal^UCUM")
                .set(Vitals.O2_FLOW, "2000").unit(Vitals.O2_FLOW, "mL/min^millilitre per minute^UCUM")
                .oru(gen, patient);

        Map<String, Observation> obs = byLoinc(ObservationExtractor.fromHl7(TOKEN, oru, "m1"));

        assertThat(obs.get(Vitals.TEMP).getValue()).isCloseTo(38.5, within(1e-9));
        assertThat(obs.get(Vitals.TEMP).getUnit()).isEqualTo("Cel");
        assertThat(obs.get(Vitals.SBP).getValue()).isCloseTo(120.0, within(0.01));
        assertThat(obs.get(Vitals.O2_FLOW).getValue()).isCloseTo(2.0, within(1e-9));
        assertThat(obs.get(Vitals.O2_FLOW).getUnit()).isEqualTo("L/min");
    }

    @Test
    void givenAUnitGivenOnlyAsText_whenExtracted_thenTheTextIsRead() {
        String oru = Vitals.normal().set(Vitals.TEMP, "98.6").unit(Vitals.TEMP, "^Fahrenheit").oru(gen, patient);

        assertThat(byLoinc(ObservationExtractor.fromHl7(TOKEN, oru, "m1")).get(Vitals.TEMP).getValue())
                .isCloseTo(37.0, within(1e-9));
    }

    @Test
    void givenUnusableResults_whenExtracted_thenEachIsSkippedAndCountedByReasonAndTheOthersStillCome() {
        String oru = Vitals.normal()
                .set(Vitals.HR, "<40")                                    // a comparator is not a value
                .set(Vitals.TEMP, "37.0").unit(Vitals.TEMP, "")           // a temperature without a unit is not guessed
                .set(Vitals.SBP, "120").unit(Vitals.SBP, "furlong")       // unknown unit
                .set(Vitals.RR, "180")                                    // implausible
                .set(Vitals.ACVPU, "Q")                                   // not an ACVPU code
                .oru(gen, patient);

        Extraction x = ObservationExtractor.fromHl7(TOKEN, oru, "m1");

        assertThat(byLoinc(x).keySet()).containsExactly(Vitals.SPO2);
        assertThat(x.skipped()).containsExactlyInAnyOrderEntriesOf(Map.of(Skip.NOT_A_NUMBER, 1, Skip.UNKNOWN_UNIT, 2,
                Skip.OUT_OF_RANGE, 1, Skip.UNKNOWN_CODE, 1));
    }

    @Test
    void givenAWithdrawnResultAndOneWithoutTime_whenExtracted_thenTheyAreSkippedAsStatusAndNoTime() {
        String oru = Vitals.normal().oru(gen, patient)
                .replaceFirst("(OBX\\|\\d+\\|NM\\|8867-4[^\r]*?\\|)F(\\|)", "$1W$2")
                .replaceAll("(OBR(\\|[^|\r]*){6}\\|)[^|\r]*", "$1");
        String noTime = oru.replaceFirst("(OBX\\|\\d+\\|NM\\|9279-1[^|\r]*(\\|[^|\r]*){10}\\|)[^|\r]*", "$1");

        Extraction x = ObservationExtractor.fromHl7(TOKEN, noTime, "m1");

        assertThat(x.skipped()).containsEntry(Skip.STATUS, 1).containsEntry(Skip.NO_TIME, 1);
        assertThat(byLoinc(x)).doesNotContainKeys(Vitals.HR, Vitals.RR).containsKey(Vitals.SPO2);
    }

    @Test
    void givenMalformedOrAmbiguousMessages_whenExtracted_thenNothingComesOutAndTheMessageIsCountedNeverThrown() {
        String oru = Vitals.normal().oru(gen, patient);
        String twoPatients = oru.replaceFirst("\r(PV1)", "\rPID|2||x^^^A^MR\r$1");

        assertThat(ObservationExtractor.fromHl7(TOKEN, "not hl7 at all", "m").skipped())
                .isEqualTo(Map.of(Skip.UNREADABLE, 1));
        assertThat(ObservationExtractor.fromHl7(TOKEN, null, "m").skipped()).isEqualTo(Map.of(Skip.UNREADABLE, 1));
        assertThat(ObservationExtractor.fromHl7(null, oru, "m").skipped()).isEqualTo(Map.of(Skip.NO_PATIENT, 1));
        assertThat(ObservationExtractor.fromHl7(TOKEN, twoPatients, "m").skipped())
                .isEqualTo(Map.of(Skip.AMBIGUOUS_PATIENT, 1));
        assertThat(ObservationExtractor.fromHl7(TOKEN, twoPatients, "m").observations()).isEmpty();
    }

    @Test
    void givenGeneratedTraffic_whenEveryMessageIsExtracted_thenOnlyOruVitalsGiveObservationsAndNoneIsSkipped() {
        SyntheticHl7 traffic = new SyntheticHl7(99);
        int vitals = 0;
        for (int i = 0; i < 400; i++) {
            var m = traffic.next();
            Extraction x = ObservationExtractor.fromHl7(TOKEN, m.text(), "m" + i);
            assertThat(x.skipped()).as("synthetic vitals are all usable").isEmpty();
            if (m.text().contains("85353-1^Vital signs panel")) {
                vitals++;
                assertThat(x.observations()).hasSizeGreaterThanOrEqualTo(6);
            } else {
                assertThat(x.observations()).as(m.messageType()).isEmpty();
            }
        }
        assertThat(vitals).isGreaterThan(50);
    }

    @Test
    void givenHl7DateTimes_whenParsed_thenPrecisionOffsetsAndFractionsAreHonouredAndDatesAloneRefused() {
        assertThat(ObservationExtractor.hl7Time("202503010815")).isEqualTo(Instant.parse("2025-03-01T08:15:00Z"));
        assertThat(ObservationExtractor.hl7Time("20250301081530.25+0130"))
                .isEqualTo(Instant.parse("2025-03-01T06:45:30.250Z"));
        assertThat(ObservationExtractor.hl7Time("20250301")).isNull();
        assertThat(ObservationExtractor.hl7Time("20251301081500")).isNull();
        assertThat(ObservationExtractor.hl7Time("2025030108151x")).isNull();
        assertThat(ObservationExtractor.hl7Time("20250301081500+05")).isNull();
    }

    // ---------------------------------------------------------------- FHIR

    static String quantity(String loinc, double value, String ucum) {
        return "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":"
                + "\"http://loinc.org\",\"code\":\"" + loinc + "\"}]},\"subject\":{\"reference\":\"Patient/p1\"},"
                + "\"effectiveDateTime\":\"2025-03-01T08:00:00+01:00\",\"valueQuantity\":{\"value\":" + value
                + ",\"system\":\"http://unitsofmeasure.org\",\"code\":\"" + ucum + "\"}}";
    }

    static String bpPanel(double systolic) {
        return "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":"
                + "\"http://loinc.org\",\"code\":\"85354-9\"}]},\"subject\":{\"reference\":\"Patient/p1\"},"
                + "\"effectiveDateTime\":\"2025-03-01T08:00:00+01:00\",\"component\":["
                + "{\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"8480-6\"}]},"
                + "\"valueQuantity\":{\"value\":" + systolic + ",\"unit\":\"mmHg\",\"system\":\"http://unitsofmeasure.org\","
                + "\"code\":\"mm[Hg]\"}},{\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"8462-4\"}]},"
                + "\"valueQuantity\":{\"value\":70,\"unit\":\"mmHg\",\"code\":\"mm[Hg]\"}}]}";
    }

    static String acvpu(String code, String display) {
        return "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":"
                + "\"http://loinc.org\",\"code\":\"67775-7\"}]},\"subject\":{\"reference\":\"Patient/p1\"},"
                + "\"effectiveDateTime\":\"2025-03-01T08:00:00+01:00\",\"valueCodeableConcept\":{\"coding\":[{\"code\":\""
                + code + "\",\"display\":\"" + display + "\"}]}}";
    }

    static String bundle(String... resources) {
        return "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":["
                + Stream.of(resources).map(r -> "{\"resource\":" + r + "}").collect(Collectors.joining(",")) + "]}";
    }

    @Test
    void givenAFhirBundleOfVitals_whenExtracted_thenQuantitiesComponentsAndCodesAreReadAndNormalised() {
        String json = bundle(quantity("8867-4", 95, "/min"), quantity("9279-1", 22, "/min"),
                quantity("2708-6", 94, "%"), bpPanel(118.0), quantity("8310-5", 101.3, "[degF]"),
                acvpu("V", "Responds to voice"),
                "{\"resourceType\":\"Patient\",\"id\":\"p1\"}");

        Extraction x = ObservationExtractor.fromFhir(TOKEN, json, "c42");

        Map<String, Observation> obs = byLoinc(x);
        assertThat(obs.keySet()).containsExactlyInAnyOrder("8867-4", "9279-1", "2708-6", "8480-6", "8310-5", "67775-7");
        assertThat(obs.get("8480-6").getValue()).isEqualTo(118.0);
        assertThat(obs.get("8310-5").getValue()).isCloseTo(38.5, within(1e-9));
        assertThat(obs.get("8310-5").getUnit()).isEqualTo("Cel");
        assertThat(obs.get("67775-7").getValueCode()).isEqualTo("V");
        assertThat(obs.get("67775-7").getValue()).isEqualTo(2.0);
        assertThat(x.observations()).allSatisfy(o -> {
            assertThat(o.getEffectiveTimeMs()).isEqualTo(Instant.parse("2025-03-01T07:00:00Z"));
            assertThat(o.getSourceMessageId()).isEqualTo("c42");
        });
        assertThat(x.skipped()).isEmpty();
    }

    @Test
    void givenFhirProblems_whenExtracted_thenTheyAreSkippedAndCountedNeverThrown() {
        String noUnit = quantity("8310-5", 37, "").replace(",\"system\":\"http://unitsofmeasure.org\",\"code\":\"\"", "");
        String enteredInError = quantity("8867-4", 80, "/min").replace("\"final\"", "\"entered-in-error\"");
        String dateOnly = quantity("9279-1", 16, "/min").replace("2025-03-01T08:00:00+01:00", "2025-03-01");
        String text = quantity("59408-5", 97, "%").replace("\"valueQuantity\":{\"value\":97.0,"
                + "\"system\":\"http://unitsofmeasure.org\",\"code\":\"%\"}", "\"valueString\":\"ninety\"");

        Extraction x = ObservationExtractor.fromFhir(TOKEN, bundle(noUnit, enteredInError, dateOnly, text), "c1");

        assertThat(x.observations()).isEmpty();
        assertThat(x.skipped()).containsExactlyInAnyOrderEntriesOf(Map.of(Skip.UNKNOWN_UNIT, 1, Skip.STATUS, 1,
                Skip.NO_TIME, 1, Skip.NOT_A_NUMBER, 1));
        assertThat(ObservationExtractor.fromFhir(TOKEN, "<Observation xmlns=\"http://hl7.org/fhir\"/>", "c").skipped())
                .isEqualTo(Map.of(Skip.UNSUPPORTED_FORMAT, 1));
        assertThat(ObservationExtractor.fromFhir(TOKEN, "{not json", "c").skipped()).isEqualTo(Map.of(Skip.UNREADABLE, 1));
        assertThat(ObservationExtractor.fromFhir(TOKEN, "[]", "c").skipped()).isEqualTo(Map.of(Skip.UNREADABLE, 1));
        String twoSubjects = bundle(quantity("8867-4", 80, "/min"),
                quantity("9279-1", 16, "/min").replace("Patient/p1", "Patient/p2"));
        assertThat(ObservationExtractor.fromFhir(TOKEN, twoSubjects, "c").skipped())
                .isEqualTo(Map.of(Skip.AMBIGUOUS_PATIENT, 1));
        assertThat(ObservationExtractor.fromFhir(TOKEN, "{\"resourceType\":\"Patient\"}", "c").observations()).isEmpty();
    }

    @Test
    void givenSyntheaBundles_whenExtracted_thenBloodPressurePanelsGiveSystolicValuesAndNothingFails() throws Exception {
        Path dir = Path.of("..", "..", "shared", "corpora", "synthea-fhir-r4", "bundles");
        Assumptions.assumeTrue(Files.isDirectory(dir), "shared Synthea corpus absent: skipped");
        int systolic = 0;
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted(Comparator.naturalOrder()).toList();
        }
        for (Path f : files) {
            Extraction x = ObservationExtractor.fromFhir(TOKEN, Files.readString(f), "c1");
            for (Observation o : x.observations()) {
                if (o.getLoincCode().equals("8480-6")) {
                    systolic++;
                    assertThat(o.getValue()).isBetween(60.0, 250.0);
                }
            }
        }
        assertThat(systolic).isGreaterThan(10);
    }
}
