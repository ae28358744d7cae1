package io.phistream.topology.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.audit.AuditEntry;
import io.phistream.audit.RecordEntry;
import io.phistream.synthetic.GeneratedMessage;
import io.phistream.synthetic.SyntheticHl7;
import io.phistream.topology.Topics;
import io.phistream.topology.config.PhiStreamConfig;
import io.phistream.topology.keys.KeyStore;
import io.phistream.topology.stream.PhiStreamTopology;
import io.phistream.topology.stream.Stages;
import io.phistream.topology.stream.StreamsApp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audit message-id}: the key holder computes, from an input file, the message id the pipeline's audit records
 * carry for that input, so that an auditor can look it up without ever seeing the input.
 */
class AuditMessageIdCommandTest {

    @TempDir
    Path dir;

    @Test
    void givenInputsThePipelineReleasedOrQuarantined_whenTheirIdsAreComputed_thenEachIsTheIdOfItsAuditRecord()
            throws Exception {
        Path keysDir = dir.resolve("keys");
        KeyStore keys = KeyStore.init(keysDir, null);
        GeneratedMessage hl7 = new SyntheticHl7(23).next();
        byte[] notHl7 = "MSH but not really a message".getBytes(StandardCharsets.UTF_8);
        byte[] fhir = ("{\"resourceType\":\"Patient\",\"id\":\"p7\",\"name\":[{\"family\":\"Quincey\"}],"
                + "\"birthDate\":\"1971-04-05\"}").getBytes(StandardCharsets.UTF_8);

        List<String> audited = auditedMessageIds(keys, List.of(hl7.text().getBytes(StandardCharsets.UTF_8), notHl7),
                List.of(fhir));
        CliRun forHl7 = CliRun.of("audit", "message-id", "--in", write("adt.hl7", hl7.text().getBytes(StandardCharsets.UTF_8)),
                "--keys", keysDir.toString());
        CliRun forNotHl7 = CliRun.of("audit", "message-id", "--in", write("broken.hl7", notHl7), "--format", "hl7v2",
                "--keys", keysDir.toString());
        CliRun forFhir = CliRun.of("audit", "message-id", "--in", write("patient.json", fhir), "--keys", keysDir.toString());

        assertThat(audited).hasSize(3);
        for (CliRun r : List.of(forHl7, forNotHl7, forFhir)) {
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out().lines().toList()).as("the id alone").hasSize(1);
        }
        assertThat(List.of(forHl7.out().strip(), forNotHl7.out().strip(), forFhir.out().strip()))
                .containsExactlyElementsOf(audited);
        String all = (forHl7.out() + forHl7.err()).toLowerCase(Locale.ROOT);
        for (String phi : hl7.phiValues()) {
            if (phi.length() >= 6) {
                assertThat(all).as("a PHI value of length %s", phi.length()).doesNotContain(phi.toLowerCase(Locale.ROOT));
            }
        }
    }

    @Test
    void givenNoKeysOrAnInputOfNoIngestFormat_whenAnIdIsAskedFor_thenExit2SayingWhatIsMissing() throws Exception {
        KeyStore.init(dir.resolve("keys"), null);
        String hl7 = write("adt.hl7", new SyntheticHl7(3).next().text().getBytes(StandardCharsets.UTF_8));
        String note = write("note.txt", "Seen today, doing well.".getBytes(StandardCharsets.UTF_8));

        CliRun withoutKeys = CliRun.of("audit", "message-id", "--in", hl7);
        CliRun ofANote = CliRun.of("audit", "message-id", "--in", note, "--keys", dir.resolve("keys").toString());

        assertThat(withoutKeys.code()).isEqualTo(PhiStreamCli.USAGE);
        assertThat(withoutKeys.err()).contains("--keys DIR (or keys.dir) is required");
        assertThat(withoutKeys.out()).isBlank();
        assertThat(ofANote.code()).isEqualTo(PhiStreamCli.USAGE);
        assertThat(ofANote.err()).contains("give --format hl7v2 or fhir").doesNotContain("doing well");
    }

    /** The message ids of the audit records the topology writes for these inputs, in input order. */
    private static List<String> auditedMessageIds(KeyStore keys, List<byte[]> hl7Inputs, List<byte[]> fhirInputs) {
        PhiStreamConfig config = PhiStreamConfig.load(null, Map.of(), Map.of(PhiStreamConfig.BOOTSTRAP_SERVERS,
                "unused:9092", PhiStreamConfig.APPLICATION_ID, "message-id-test"));
        Topics topics = new Topics(config);
        Stages stages = Stages.create(config, keys);
        List<String> ids = new ArrayList<>();
        try (TopologyTestDriver d = new TopologyTestDriver(PhiStreamTopology.build(topics, stages),
                StreamsApp.properties(config, topics, stages))) {
            var audit = d.createOutputTopic(topics.audit().name(), new StringDeserializer(), new ByteArrayDeserializer());
            var hl7 = d.createInputTopic(topics.ingestHl7v2().name(), new StringSerializer(), new ByteArraySerializer());
            var fhir = d.createInputTopic(topics.ingestFhir().name(), new StringSerializer(), new ByteArraySerializer());
            for (byte[] in : hl7Inputs) {
                hl7.pipeInput(null, in);
                ids.addAll(recordIds(audit.readValuesToList()));
            }
            for (byte[] in : fhirInputs) {
                fhir.pipeInput(null, in);
                ids.addAll(recordIds(audit.readValuesToList()));
            }
        }
        return ids;
    }

    private static List<String> recordIds(List<byte[]> values) {
        List<String> ids = new ArrayList<>();
        for (byte[] v : values) {
            if (AuditEntry.parse(v) instanceof RecordEntry r) {
                ids.add(r.record().messageId());
            }
        }
        return ids;
    }

    private String write(String name, byte[] content) throws Exception {
        return Files.write(dir.resolve(name), content).toString();
    }


}
