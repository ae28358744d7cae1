package io.phistream.topology.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.phistream.detector.deid.KeyedDigest;
import io.phistream.detector.fhir.FhirOutcome;
import io.phistream.synthetic.PlantedPhi;
import io.phistream.topology.Topics;
import io.phistream.topology.config.PhiStreamConfig;
import io.phistream.topology.keys.KeyStore;
import io.phistream.topology.quality.FhirQualityGate;
import io.phistream.topology.quality.FhirRules;
import io.phistream.topology.quality.FhirValidator;
import io.phistream.topology.quality.Verdict;
import io.phistream.topology.stream.Stages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's pure parts: latency percentiles, the report, the FHIR generator and the baseline topology. */
class BenchCoreTest {

    @TempDir
    Path dir;

    @Test
    void givenSamples1To100_whenSummarised_thenNearestRankPercentilesAndMax() {
        long[] s = new long[200];
        for (int i = 0; i < 100; i++) {
            s[i] = 100 - i; // unsorted input
        }
        LatencyStats st = LatencyStats.of(s, 100);
        assertThat(st).isEqualTo(new LatencyStats(100, 50, 99, 100));
        assertThat(s[0]).as("input left unchanged").isEqualTo(100);
        assertThat(LatencyStats.of(s, 0)).isEqualTo(LatencyStats.EMPTY);
    }

    @Test
    void givenARecorder_whenMoreSamplesThanItsInitialCapacity_thenAllAreKept() {
        LatencyStats.Recorder r = new LatencyStats.Recorder();
        for (int i = 1; i <= 10_000; i++) {
            r.record(i);
        }
        r.record(-5); // a clock step backwards counts as 0, not as a negative latency
        assertThat(r.stats().count()).isEqualTo(10_001);
        assertThat(r.stats().p99Ms()).isEqualTo(9_900);
        assertThat(r.stats().maxMs()).isEqualTo(10_000);
    }

    @Test
    void givenTwoApplications_whenReported_thenTheLastLineIsTheThroughputRatioAndFilesAreWritten() throws Exception {
        BenchReport.AppResult base = new BenchReport.AppResult("baseline", 1000, 1000, 0.5, 2000, 1.0, 0, 1000, 5000, 1000,
                new LatencyStats(5000, 20, 90, 120), true);
        BenchReport.AppResult pipe = new BenchReport.AppResult("pipeline", 1000, 1000, 1.0, 1000, 4.0, 3, 500, 2500, 500,
                new LatencyStats(2500, 40, 180, 260), true);
        BenchReport report = new BenchReport(Instant.parse("2026-01-02T03:04:05Z"), "hl7", 1000, 1900, 2, 1, 100,
                "embedded", 2, "JDK 17", base, pipe);

        List<String> lines = report.lines();
        assertThat(lines.get(lines.size() - 1)).isEqualTo("pipeline/baseline throughput ratio: 0.50");
        assertThat(report.cpuRatio()).isEqualTo(0.25);
        assertThat(String.join("\n", lines)).contains("p99 180 ms").contains("3 quarantined");

        Path json = report.write(dir);
        assertThat(json.getFileName().toString()).isEqualTo("bench-hl7-20260102-030405.json");
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertThat(j.get("throughputRatio").asDouble()).isEqualTo(0.5);
        assertThat(j.get("pipeline").get("latencyP99Ms").asLong()).isEqualTo(180);
        String md = Files.readString(dir.resolve("bench-hl7-20260102-030405.md"));
        assertThat(md).contains("| pipeline | 0 | 1,000 | 250 | 0 % | 500 | 40 | 180 | 260 | 3 | yes |")
                .contains("pipeline/baseline throughput ratio: 0.50");
    }

    @Test
    void givenAMixName_whenParsed_thenAnyCaseIsAcceptedAndUnknownNamesAreRefused() {
        assertThat(Workload.Mix.parse("MiXeD")).isEqualTo(Workload.Mix.MIXED);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Workload.Mix.parse("csv"))
                .hasMessageContaining("--mix");
        List<Workload.Message> mixed = Workload.generate(Workload.Mix.MIXED, 10, 1);
        assertThat(mixed).extracting(Workload.Message::fhir).containsExactly(false, true, false, true, false, true,
                false, true, false, true);
    }

    @Test
    void givenAWorkloadStream_whenManyMessagesAreDrawn_thenNoHl7MessageRepeatsAndTheStartIsTheGeneratedList() {
        Workload.Source source = Workload.stream(Workload.Mix.MIXED, 3);
        java.util.Set<String> hl7 = new java.util.HashSet<>();
        int fhir = 0;
        for (int i = 0; i < 5_000; i++) {
            Workload.Message m = source.next();
            if (m.fhir()) {
                fhir++;
            } else {
                assertThat(hl7.add(new String(m.value(), StandardCharsets.UTF_8))).as("HL7 message %d is new", i).isTrue();
            }
        }
        assertThat(fhir).isEqualTo(2_500);
        List<Workload.Message> first = Workload.generate(Workload.Mix.MIXED, 4, 3);
        Workload.Source again = Workload.stream(Workload.Mix.MIXED, 3);
        for (Workload.Message m : first) {
            assertThat(again.next().value()).isEqualTo(m.value());
        }
    }

    @Test
    void givenTwoFhirStreams_whenDrawnPastTheBuiltContents_thenTheQualityGateSeesEveryBundleAsNewAndValid() {
        KeyStore keys = KeyStore.ephemeral();
        FhirQualityGate gate = new FhirQualityGate(new FhirValidator(FhirRules.load(FhirRules.DEFAULT)),
                new KeyedDigest(keys.digest()), Stages.DEFAULT_MAX_MESSAGE_BYTES);
        java.util.Set<String> keysSeen = new java.util.HashSet<>();
        int n = Workload.FHIR_DISTINCT + 300;
        // the measured sequence and a warm-up sequence of another seed, as the bench draws them
        for (long seed : new long[] {42, 42 ^ 0x5741524dL}) {
            Workload.Source source = Workload.stream(Workload.Mix.FHIR, seed);
            for (int i = 0; i < n; i++) {
                byte[] bundle = source.next().value();
                if (i % 97 == 0 || i >= Workload.FHIR_DISTINCT - 3) { // the gate's parse costs: a sample and the seam
                    var in = gate.inspect(bundle);
                    assertThat(in.verdict()).as("Bundle %d of seed %d", i, seed)
                            .isNotInstanceOf(Verdict.Quarantine.class);
                    assertThat(keysSeen.add(in.dedupeKey())).as("Bundle %d of seed %d is new to the gate", i, seed)
                            .isTrue();
                }
            }
        }
    }

    @Test
    void givenSyntheticFhirBundles_whenDeidentifiedByThePipelineCore_thenTheyAreValidReleasedAndNoPlantedValueSurvives() {
        Stages stages = Stages.create(PhiStreamConfig.defaults(), KeyStore.ephemeral());
        SyntheticFhir gen = new SyntheticFhir(5);
        int released = 0;
        for (int i = 0; i < 40; i++) {
            SyntheticFhir.GeneratedBundle b = gen.next();
            Bundle parsed = (Bundle) io.phistream.detector.fhir.FhirDeidentifier.context().newJsonParser()
                    .parseResource(b.json());
            assertThat(parsed.getEntry().get(0).getResource()).isInstanceOf(Patient.class);
            assertThat(parsed.getEntry().get(1).getResource()).isInstanceOf(Observation.class);
            for (PlantedPhi p : b.planted()) {
                assertThat(b.json()).as("planted as written").contains(p.value());
            }
            FhirOutcome o = stages.fhir().deidentify(b.json());
            if (o instanceof FhirOutcome.Deidentified d) {
                released++;
                String out = d.text().toLowerCase(Locale.ROOT);
                for (PlantedPhi p : b.planted()) {
                    if (p.kind() != PlantedPhi.Kind.ZIP && p.value().length() >= 4) { // ZIP3 prefixes stay
                        assertThat(out).as(p.kind().name()).doesNotContain(p.value().toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        assertThat(released).as("bundles released (not quarantined)").isGreaterThanOrEqualTo(36);
    }

    @Test
    void givenThePassThroughBaseline_whenARecordArrives_thenItIsCopiedUnchangedWithItsTimestamp() {
        Topics topics = new Topics("b.", 1, (short) 1);
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
        try (TopologyTestDriver d = new TopologyTestDriver(
                PipelineBench.passThrough(topics, "b.out.hl7", "b.out.fhir"), p)) {
            var in = d.createInputTopic(topics.ingestFhir().name(), new ByteArraySerializer(), new ByteArraySerializer());
            var out = d.createOutputTopic("b.out.fhir", new ByteArrayDeserializer(), new ByteArrayDeserializer());
            in.pipeInput(null, "{}".getBytes(StandardCharsets.UTF_8), Instant.ofEpochMilli(123_456));
            var r = out.readRecord();
            assertThat(r.value()).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
            assertThat(r.timestamp()).isEqualTo(123_456);
        }
    }
}
