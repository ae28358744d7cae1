package io.phistream.topology.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.RejectReason;
import io.phistream.serdes.avro.QuarantineEnvelope;
import io.phistream.synthetic.GeneratedMessage;
import io.phistream.synthetic.SyntheticHl7;
import io.phistream.topology.Topics;
import io.phistream.topology.config.PhiStreamConfig;
import io.phistream.topology.keys.KeyStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The topology's routing contract, on Kafka's TopologyTestDriver: every input ends in exactly one output. */
class PhiStreamTopologyTest {

    private final KeyStore keys = KeyStore.ephemeral();
    private final PhiStreamConfig config = PhiStreamConfig.load(null, Map.of(),
            Map.of(PhiStreamConfig.BOOTSTRAP_SERVERS, "unused:9092", PhiStreamConfig.APPLICATION_ID, "topology-test"));
    private final Topics topics = new Topics(config);
    private final Stages stages = Stages.create(config, keys);
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> ingest;
    private TestOutputTopic<String, String> deid;
    private TestOutputTopic<String, byte[]> quarantine;
    private TestOutputTopic<String, byte[]> audit;

    @BeforeEach
    void start() {
        Properties props = StreamsApp.properties(config, topics, stages);
        driver = new TopologyTestDriver(PhiStreamTopology.build(topics, stages), props);
        ingest = driver.createInputTopic(topics.ingestHl7v2().name(), new StringSerializer(), new ByteArraySerializer());
        deid = driver.createOutputTopic(topics.deidHl7v2().name(), new StringDeserializer(), new StringDeserializer());
        quarantine = driver.createOutputTopic(topics.quarantine().name(), new StringDeserializer(),
                new ByteArrayDeserializer());
        audit = driver.createOutputTopic(topics.audit().name(), new StringDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void givenSyntheticMessages_whenProcessed_thenEachIsReleasedOnceKeyedByPatientTokenWithoutItsPhi() {
        SyntheticHl7 gen = new SyntheticHl7(7);
        for (int i = 0; i < 200; i++) {
            GeneratedMessage m = gen.next();
            ingest.pipeInput(null, m.text().getBytes(StandardCharsets.UTF_8));
            List<TestRecord<String, String>> out = deid.readRecordsToList();
            List<TestRecord<String, byte[]>> q = quarantine.readRecordsToList();
            assertThat(out.size() + q.size()).as("exactly one output per input").isEqualTo(1);
            if (out.isEmpty()) {
                assertThat(Headers.get(q.get(0).headers(), Headers.REASON)).isEqualTo(RejectReason.RESIDUAL_PHI.name());
                continue;
            }
            TestRecord<String, String> r = out.get(0);
            assertThat(r.key()).startsWith("mrn-");
            assertThat(Headers.get(r.headers(), Headers.MESSAGE_ID)).startsWith("m");
            assertThat(Headers.get(r.headers(), Headers.POLICY_VERSION)).isEqualTo("1.5.0");
            assertThat(Headers.get(r.headers(), Headers.PIPELINE_VERSION)).isNotBlank();
            String lower = r.value().toLowerCase(Locale.ROOT);
            for (String phi : m.phiValues()) {
                if (phi.length() >= 6) { // short values are covered by the leak tests with tokens masked
                    assertThat(lower).as("PHI value of type %s survived", phi.length())
                            .doesNotContain(phi.toLowerCase(Locale.ROOT));
                }
            }
        }
    }

    @Test
    void givenReleasedAndQuarantinedMessages_whenProcessed_thenTheAuditLogHasOneRecordEachAndVerifies()
            throws Exception {
        SyntheticHl7 gen = new SyntheticHl7(3);
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            byte[] value = i % 10 == 9 ? ("not hl7 " + i).getBytes(StandardCharsets.UTF_8)
                    : gen.next().text().getBytes(StandardCharsets.UTF_8);
            ingest.pipeInput(null, value);
        }
        deid.readRecordsToList().forEach(r -> ids.add(Headers.get(r.headers(), Headers.MESSAGE_ID)));
        quarantine.readRecordsToList().forEach(r -> ids.add(r.key()));
        driver.advanceWallClockTime(java.time.Duration.ofSeconds(10)); // the punctuator seals a checkpoint

        List<TestRecord<String, byte[]>> entries = audit.readRecordsToList();
        java.util.Set<String> keys = new java.util.HashSet<>();
        List<io.phistream.audit.AuditVerifier.RawEntry> raw = new java.util.ArrayList<>();
        int records = 0;
        for (TestRecord<String, byte[]> e : entries) {
            assertThat(keys.add(e.key())).as("audit keys are unique (the topic is compacted)").isTrue();
            assertThat(e.value()).isNotNull();
            raw.add(new io.phistream.audit.AuditVerifier.RawEntry(e.key(), e.value()));
            String json = new String(e.value(), StandardCharsets.UTF_8);
            if (json.contains("\"kind\":\"record\"")) {
                records++;
                assertThat(ids.stream().anyMatch(json::contains)).isTrue();
            }
        }
        assertThat(records).isEqualTo(40);
        var verifier = new io.phistream.audit.AuditVerifier(
                new io.phistream.audit.checkpoint.CheckpointVerifier(keys().auditVerifyKeyset()));
        var report = verifier.verifyRaw(raw);
        assertThat(report.ok()).as(report.render()).isTrue();
    }

    private KeyStore keys() {
        return keys;
    }

    @Test
    void givenOnePatientAsHl7AndAsFhir_whenTheIdentityMapJoinsTheirSystems_thenBothOutputsHaveTheSameKey(
            @TempDir java.nio.file.Path dir) throws Exception {
        SyntheticHl7 gen = new SyntheticHl7(19);
        var patient = gen.patient();
        java.nio.file.Path map = dir.resolve("identity-map.json");
        java.nio.file.Files.writeString(map, "{\"version\":\"1\",\"systems\":{\"urn:example:mrn\":\""
                + patient.assigningAuthority() + "\"}}");
        PhiStreamConfig joined = PhiStreamConfig.load(null, Map.of(), Map.of(
                PhiStreamConfig.BOOTSTRAP_SERVERS, "unused:9092", PhiStreamConfig.APPLICATION_ID, "topology-test-x",
                PhiStreamConfig.FHIR_IDENTITY_MAP, map.toString()));
        Stages joinedStages = Stages.create(joined, keys);
        String fhirPatient = "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"identifier\":[{\"type\":{\"coding\":"
                + "[{\"system\":\"http://terminology.hl7.org/CodeSystem/v2-0203\",\"code\":\"MR\"}]},"
                + "\"system\":\"urn:example:mrn\",\"value\":\"" + patient.mrn() + "\"}],"
                + "\"name\":[{\"family\":\"" + patient.family() + "\",\"given\":[\"" + patient.given() + "\"]}],"
                + "\"birthDate\":\"1980-02-03\"}";
        try (TopologyTestDriver d = new TopologyTestDriver(PhiStreamTopology.build(topics, joinedStages),
                StreamsApp.properties(joined, topics, joinedStages))) {
            d.createInputTopic(topics.ingestHl7v2().name(), new StringSerializer(), new ByteArraySerializer())
                    .pipeInput(null, gen.adtA01(patient).text().getBytes(StandardCharsets.UTF_8));
            d.createInputTopic(topics.ingestFhir().name(), new StringSerializer(), new ByteArraySerializer())
                    .pipeInput(null, fhirPatient.getBytes(StandardCharsets.UTF_8));
            var hl7 = d.createOutputTopic(topics.deidHl7v2().name(), new StringDeserializer(), new StringDeserializer())
                    .readRecordsToList();
            var fhir = d.createOutputTopic(topics.deidFhir().name(), new StringDeserializer(), new StringDeserializer())
                    .readRecordsToList();
            assertThat(hl7).hasSize(1);
            assertThat(fhir).hasSize(1);
            assertThat(fhir.get(0).key()).isEqualTo(hl7.get(0).key()).startsWith("mrn-");
            assertThat(fhir.get(0).value()).doesNotContain(patient.mrn()).doesNotContain(patient.family())
                    .doesNotContain("1980-02-03");
        }
    }

    @Test
    void givenTheSamePatientTwice_whenProcessed_thenBothOutputsHaveTheSameKey() {
        SyntheticHl7 gen = new SyntheticHl7(11);
        var patient = gen.patient();
        ingest.pipeInput(null, gen.adtA01(patient).text().getBytes(StandardCharsets.UTF_8));
        ingest.pipeInput(null, gen.oruR01Vitals(patient).text().getBytes(StandardCharsets.UTF_8));
        List<TestRecord<String, String>> out = deid.readRecordsToList();
        assertThat(out).hasSize(2);
        assertThat(out.get(0).key()).isEqualTo(out.get(1).key());
    }

    @Test
    void givenAPatientNamedLikeTheSendingApplication_whenProcessed_thenQuarantinedAsResidualPhiNamingTheTypeAndFieldOnly()
            throws Exception {
        String message = new SyntheticHl7(11).next().text();
        String pid = message.lines().filter(l -> l.startsWith("PID|")).findFirst().orElseThrow();
        String surname = pid.split("\\|", -1)[5].split("\\^")[0];
        String[] msh = message.split("\r", 2);
        String[] fields = msh[0].split("\\|", -1);
        fields[2] = surname; // MSH-3, which the policy keeps: the surname now stands in the output
        String input = String.join("|", fields) + "\r" + msh[1];

        ingest.pipeInput(null, input.getBytes(StandardCharsets.UTF_8));

        assertThat(deid.isEmpty()).isTrue();
        TestRecord<String, byte[]> q = quarantine.readRecord();
        assertThat(Headers.get(q.headers(), Headers.REASON)).isEqualTo(RejectReason.RESIDUAL_PHI.name());
        assertThat(Headers.get(q.headers(), Headers.RESIDUAL_TYPE)).isEqualTo("NAME");
        QuarantineEnvelope env = stages.sealer().read(q.value());
        assertThat(env.getDetail()).isEqualTo(RejectReason.RESIDUAL_PHI.description() + " (a NAME value, in MSH-3)")
                .doesNotContainIgnoringCase(surname);
        assertThat(stages.sealer().open(env)).isEqualTo(input.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void givenAFhirNarrativeWithAnHtmlEntity_whenProcessed_thenTheQuarantineSaysWhatIsWrongWithoutQuotingIt()
            throws Exception {
        // offline deid said what was wrong; the stream's envelope gave only "not a FHIR R4 resource"
        String resource = "{\"resourceType\":\"Observation\",\"id\":\"o1\",\"status\":\"final\","
                + "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"8310-5\"}]},"
                + "\"effectiveDateTime\":\"2026-11-30T08:00:00Z\","
                + "\"subject\":{\"identifier\":{\"system\":\"urn:example:mrn\","
                + "\"value\":\"MRN-5517\"}},\"text\":{\"status\":\"generated\",\"div\":"
                + "\"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">Seen&nbsp;by Odile Quarrington</div>\"}}";
        driver.createInputTopic(topics.ingestFhir().name(), new StringSerializer(), new ByteArraySerializer())
                .pipeInput(null, resource.getBytes(StandardCharsets.UTF_8));

        TestRecord<String, byte[]> q = quarantine.readRecord();
        QuarantineEnvelope env = stages.sealer().read(q.value());
        assertThat(env.getReason()).isEqualTo(RejectReason.NOT_FHIR.name());
        assertThat(env.getDetail()).startsWith(RejectReason.NOT_FHIR.description()).contains("HTML entity")
                .doesNotContain("Quarrington");
    }

    @Test
    void givenAnInputWhoseDeidentifiedFormExceedsTheRecordLimit_whenProcessed_thenItIsQuarantinedAndTheNextReleased()
            throws Exception {
        // a walkthrough: a 400 KB ADT of 20,000 identifiers came out over Kafka's 1 MB, and the failed write stopped the
        // instance for good; tokens are longer than the numbers they replace
        PhiStreamConfig small = PhiStreamConfig.load(null, Map.of(), Map.of(PhiStreamConfig.BOOTSTRAP_SERVERS,
                "unused:9092", PhiStreamConfig.APPLICATION_ID, "topology-test-size", PhiStreamConfig.RECORD_MAX_BYTES, "65536"));
        Stages smallStages = Stages.create(small, keys);
        String ids = java.util.stream.IntStream.range(0, 3_000).mapToObj(i -> (4_000_000 + i) + "^^^GHH^MR")
                .collect(java.util.stream.Collectors.joining("~"));
        String manyIds = "MSH|^~\\&|ADT|GHH|DEID|PS|20250106120000||ADT^A01^ADT_A01|C9001|P|2.5.1\r"
                + "EVN|A01|20250106120000\rPID|1||" + ids + "||Quillfeather^Arabella||19500314|F\rPV1|1|I|ICU^1^1\r";
        String ordinary = new SyntheticHl7(23).adtA01(new SyntheticHl7(23).patient()).text();
        assertThat(manyIds.length()).isLessThan(65_536);

        try (TopologyTestDriver d = new TopologyTestDriver(PhiStreamTopology.build(topics, smallStages),
                StreamsApp.properties(small, topics, smallStages))) {
            var in = d.createInputTopic(topics.ingestHl7v2().name(), new StringSerializer(), new ByteArraySerializer());
            var out = d.createOutputTopic(topics.deidHl7v2().name(), new StringDeserializer(), new StringDeserializer());
            var q = d.createOutputTopic(topics.quarantine().name(), new StringDeserializer(), new ByteArrayDeserializer());
            in.pipeInput(null, manyIds.getBytes(StandardCharsets.UTF_8));
            in.pipeInput(null, ordinary.getBytes(StandardCharsets.UTF_8));

            TestRecord<String, byte[]> quarantined = q.readRecord();
            assertThat(Headers.get(quarantined.headers(), Headers.REASON)).isEqualTo(RejectReason.OUTPUT_TOO_LARGE.name());
            assertThat(smallStages.sealer().open(smallStages.sealer().read(quarantined.value())))
                    .isEqualTo(manyIds.getBytes(StandardCharsets.UTF_8));
            assertThat(out.readValuesToList()).hasSize(1);
        }
    }

    @Test
    void givenTheRecordLimit_thenTheProducerAndEveryTopicTakeIt_theQuarantineAnEnvelopeAroundIt() {
        PhiStreamConfig large = PhiStreamConfig.load(null, Map.of(), Map.of(PhiStreamConfig.BOOTSTRAP_SERVERS,
                "unused:9092", PhiStreamConfig.RECORD_MAX_BYTES, "4000000"));
        Topics largeTopics = new Topics(large);

        assertThat(large.streamsProperties()).containsEntry("producer.max.request.size",
                4_000_000 + 2 * PhiStreamConfig.RECORD_OVERHEAD_BYTES);
        for (var t : largeTopics.all(List.of())) {
            int max = Integer.parseInt(t.configs().get("max.message.bytes"));
            assertThat(max).as(t.name()).isGreaterThan(4_000_000);
            if (t.name().endsWith(topics.quarantine().name())) {
                assertThat(max).isEqualTo(4_000_000 + 2 * PhiStreamConfig.RECORD_OVERHEAD_BYTES);
            }
        }
    }

    @Test
    void givenBrokenInputs_whenProcessed_thenEachIsQuarantinedEncryptedWithItsReason() throws Exception {
        Map<RejectReason, byte[]> inputs = Map.of(
                RejectReason.EMPTY, new byte[0],
                RejectReason.NOT_HL7, "PATIENT JOHN SMITH DOB 01/02/1950".getBytes(StandardCharsets.UTF_8),
                RejectReason.INVALID_ENCODING, new byte[] {'M', 'S', 'H', '|', (byte) 0xC3, (byte) 0x28},
                RejectReason.BAD_ENCODING_CHARACTERS, "MSH|AB|x".getBytes(StandardCharsets.UTF_8),
                RejectReason.TOO_LARGE, new byte[Stages.DEFAULT_MAX_MESSAGE_BYTES + 1]);
        for (Map.Entry<RejectReason, byte[]> e : inputs.entrySet()) {
            ingest.pipeInput(null, e.getValue());
            assertThat(deid.isEmpty()).isTrue();
            TestRecord<String, byte[]> q = quarantine.readRecord();
            assertThat(quarantine.isEmpty()).isTrue();
            QuarantineEnvelope env = stages.sealer().read(q.value());
            assertThat(env.getReason()).isEqualTo(e.getKey().name());
            assertThat(env.getDetail()).isEqualTo(e.getKey().description());
            assertThat(env.getMessageId()).isEqualTo(q.key());
            assertThat(stages.sealer().open(env)).isEqualTo(e.getValue());
            if (e.getValue().length > 8) {
                assertThat(new String(q.value(), StandardCharsets.ISO_8859_1))
                        .doesNotContain(new String(e.getValue(), 0, 8, StandardCharsets.ISO_8859_1));
            }
        }
    }

    @Test
    void givenNullKeyedInputs_whenQuarantinedAfterTheirRepartition_thenTheEnvelopeNamesTheIngestRecord() throws Exception {
        ingest.pipeInput(null, "MSH|^~\\&|first".getBytes(StandardCharsets.UTF_8)); // offset 0, passed
        ingest.pipeInput(null, "not hl7 at all".getBytes(StandardCharsets.UTF_8)); // offset 1
        List<TestRecord<String, byte[]>> q = quarantine.readRecordsToList();
        QuarantineEnvelope env = stages.sealer().read(q.get(q.size() - 1).value());
        assertThat(env.getSourceTopic()).isEqualTo(topics.ingestHl7v2().name());
        assertThat(env.getSourcePartition()).isZero();
        assertThat(env.getSourceOffset()).isEqualTo(1L);
    }

    @Test
    void givenInputsReleasedQuarantinedAndDuplicated_whenAudited_thenEachDecisionNamesItsIngestRecordAsSource() {
        // an auditor holding only an input's place in the topic finds its audit record without reading the input
        byte[] message = new SyntheticHl7(11).next().text().getBytes(StandardCharsets.UTF_8);
        ingest.pipeInput(null, message);                                          // offset 0: de-identification
        ingest.pipeInput(null, "not hl7 at all".getBytes(StandardCharsets.UTF_8)); // offset 1: gate quarantine
        ingest.pipeInput(null, message);                                          // offset 2: duplicate dropped
        ingest.pipeInput("sent-with-a-key", new SyntheticHl7(12).next().text()
                .getBytes(StandardCharsets.UTF_8));                               // offset 3: not re-keyed

        Map<String, String> stageBySource = new java.util.TreeMap<>();
        for (TestRecord<String, byte[]> e : audit.readRecordsToList()) {
            if (io.phistream.audit.AuditEntry.parse(e.value()) instanceof io.phistream.audit.RecordEntry r) {
                assertThat(stageBySource.put(r.record().source(), r.record().stage().code()))
                        .as("one record per input").isNull();
            }
        }

        String in = topics.ingestHl7v2().name();
        assertThat(stageBySource).as("the ingest record, also for those read back from the repartition topic")
                .containsOnlyKeys(in + "/0/0", in + "/0/1", in + "/0/2", in + "/0/3");
        assertThat(stageBySource.get(in + "/0/0")).isIn("deidentify", "quarantine");
        assertThat(stageBySource.get(in + "/0/1")).isEqualTo("quarantine");
        assertThat(stageBySource.get(in + "/0/2")).isEqualTo("validate");
        assertThat(stageBySource.get(in + "/0/3")).isIn("deidentify", "quarantine");
    }

    @Test
    void givenTheDefaultIngestRekey_thenNullKeyedInputsOfEachFormatPassARepartitionTopicKeyedByDedupeDigest() {
        String described = PhiStreamTopology.build(topics, stages).describe().toString();
        assertThat(described).contains("ingest-hl7v2-by-dedupe-key-repartition", "ingest-fhir-by-dedupe-key-repartition");
    }

    @Test
    void givenIngestRekeyNever_thenTheGatesReadTheIngestTopicsOnly() {
        PhiStreamConfig never = PhiStreamConfig.load(null, Map.of(), Map.of(PhiStreamConfig.BOOTSTRAP_SERVERS,
                "unused:9092", PhiStreamConfig.INGEST_REKEY, "never"));
        String described = PhiStreamTopology.build(topics, Stages.create(never, keys)).describe().toString();
        assertThat(described).doesNotContain("repartition").contains("quality-gate-hl7v2", "quality-gate-fhir");
    }

    @Test
    void givenTwoCopiesOfAMessage_oneKeyedOneNot_whenProcessed_thenBothWaysReachTheOneGate() {
        byte[] message = new SyntheticHl7(5).next().text().getBytes(StandardCharsets.UTF_8);
        ingest.pipeInput("sent-with-a-key", message);
        ingest.pipeInput(null, message);
        // on one partition (the test driver's) the copy meets the first in the gate's store, whichever way it came
        assertThat(deid.readRecordsToList().size() + quarantine.readRecordsToList().size()).isEqualTo(1);
    }
}
