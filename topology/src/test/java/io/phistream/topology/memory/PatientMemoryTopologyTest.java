package io.phistream.topology.memory;

import static io.phistream.topology.memory.MemoryMessages.adt;
import static io.phistream.topology.memory.MemoryMessages.observationWithContainedPatient;
import static io.phistream.topology.memory.MemoryMessages.oru;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.topology.Topics;
import io.phistream.topology.config.PhiStreamConfig;
import io.phistream.topology.keys.KeyStore;
import io.phistream.topology.stream.PhiStreamTopology;
import io.phistream.topology.stream.Stages;
import io.phistream.topology.stream.StreamsApp;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-patient memory in the topology: an admission's names are remembered as keyed digests on the
 * patient-memory topic, read back into the global store, and scrub a later note about the same patient that names
 * nobody in its structure. The topic and the store hold no value in clear.
 */
class PatientMemoryTopologyTest {


    private final KeyStore keys = KeyStore.ephemeral();
    private TopologyTestDriver driver;
    @TempDir
    Path state;

    private TopologyTestDriver driver(String scrubbing) {
        PhiStreamConfig config = PhiStreamConfig.load(null, Map.of(), Map.of(PhiStreamConfig.BOOTSTRAP_SERVERS,
                "unused:9092", PhiStreamConfig.APPLICATION_ID, "memory-test", PhiStreamConfig.TEXT_SCRUBBING, scrubbing,
                PhiStreamConfig.STATE_DIR, state.toString()));
        Topics topics = new Topics(config);
        Stages stages = Stages.create(config, keys);
        driver = new TopologyTestDriver(PhiStreamTopology.build(topics, stages),
                StreamsApp.properties(config, topics, stages));
        return driver;
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
    }

    private String releasedNote(TopologyTestDriver d, byte[]... inputs) {
        Topics topics = new Topics("", 1, (short) 1);
        TestInputTopic<String, byte[]> in = d.createInputTopic(topics.ingestHl7v2().name(), new StringSerializer(),
                new ByteArraySerializer());
        TestOutputTopic<String, String> out = d.createOutputTopic(topics.deidHl7v2().name(), new StringDeserializer(),
                new StringDeserializer());
        for (byte[] v : inputs) {
            in.pipeInput(null, v);
        }
        List<String> released = out.readValuesToList();
        assertThat(released).hasSize(inputs.length);
        return released.get(released.size() - 1).toLowerCase(Locale.ROOT);
    }

    @Test
    void givenAnAdmission_whenALaterNoteAboutThePatientNamesThemInLowerCase_thenTheMemoryScrubsThem() {
        String note = releasedNote(driver("spans"), adt("MRN7001", "A01"), oru("MRN7001", "L1"));
        assertThat(note).doesNotContain("quillfeather", "zanthorpe").contains("valve check");
    }

    @Test
    void givenTheSameNoteWithoutTheAdmission_whenReleased_thenTheNamesSurviveWhichIsWhatTheMemoryAdds() {
        String note = releasedNote(driver("spans"), oru("MRN7001", "L1"));
        assertThat(note).contains("quillfeather", "zanthorpe");
    }

    @Test
    void givenAnAdmission_whenAFhirObservationAboutThePatientNamesItAsAContainedPatient_thenTheMemoryScrubsItsNote() {
        TopologyTestDriver d = driver("spans");
        releasedNote(d, adt("MRN7001", "A01"));
        Topics topics = new Topics("", 1, (short) 1);
        TestInputTopic<String, byte[]> in = d.createInputTopic(topics.ingestFhir().name(), new StringSerializer(),
                new ByteArraySerializer());
        TestOutputTopic<String, String> out = d.createOutputTopic(topics.deidFhir().name(), new StringDeserializer(),
                new StringDeserializer());

        in.pipeInput(null, observationWithContainedPatient("MRN7001"));

        List<String> released = out.readValuesToList();
        assertThat(released).hasSize(1);
        assertThat(released.get(0).toLowerCase(Locale.ROOT)).doesNotContain("quillfeather", "zanthorpe")
                .contains("valve check");
    }

    @Test
    void givenAnAdmission_whenRemembered_thenTheTopicAndStoreHoldOnlyPatientTokensAndDigestsOnce() {
        TopologyTestDriver d = driver("spans");
        TestOutputTopic<String, Long> memory = d.createOutputTopic(Topics.PATIENT_MEMORY, new StringDeserializer(),
                new LongDeserializer());
        releasedNote(d, adt("MRN7001", "A01"), oru("MRN7001", "L1"), adt("MRN7001", "A08"));
        List<TestRecord<String, Long>> records = memory.readRecordsToList();
        assertThat(records).isNotEmpty()
                .allSatisfy(r -> assertThat(r.key()).matches("mrn-[A-Za-z0-9_-]+/[0-9a-f]{16}"));
        // the update (A08) teaches nothing new: no record is written twice
        assertThat(records.stream().map(TestRecord::key).distinct().count()).isEqualTo(records.size());
        String all = String.join(" ", records.stream().map(TestRecord::key).toList()).toLowerCase(Locale.ROOT);
        assertThat(all).doesNotContain("quillfeather", "odalys", "zanthorpe", "mrn7001", "boston");
        KeyValueStore<String, Long> store = d.getKeyValueStore(PatientMemoryStore.STORE);
        assertThat(store.approximateNumEntries()).isEqualTo(records.size());
    }

    @Test
    void givenARecordOnTheMemoryTopicThatPhiStreamDidNotWrite_whenRead_thenItIsSkippedAndTheStoreStillWorks() {
        TopologyTestDriver d = driver("spans");
        d.createInputTopic(Topics.PATIENT_MEMORY, new StringSerializer(), new ByteArraySerializer())
                .pipeInput("mrn-x/" + "0".repeat(32), new byte[] {1, 2, 3});
        assertThat(d.getKeyValueStore(PatientMemoryStore.STORE).approximateNumEntries()).isZero();
        assertThat(releasedNote(d, adt("MRN7001", "A01"), oru("MRN7001", "L1"))).doesNotContain("quillfeather", "zanthorpe");
    }

    @Test
    void givenWholeNoteRedaction_whenBuilt_thenNoMemoryIsKept() {
        TopologyTestDriver d = driver("redact");
        assertThat(d.getAllStateStores()).doesNotContainKey(PatientMemoryStore.STORE);
        assertThat(releasedNote(d, adt("MRN7001", "A01"), oru("MRN7001", "L1"))).doesNotContain("quillfeather", "valve check");
    }
}
