package io.phistream.topology.poison;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.RejectReason;
import io.phistream.serdes.avro.QuarantineEnvelope;
import io.phistream.synthetic.SyntheticHl7;
import io.phistream.topology.Topics;
import io.phistream.topology.bench.SyntheticFhir;
import io.phistream.topology.broker.EmbeddedKafka;
import io.phistream.topology.chaos.KafkaTestIo;
import io.phistream.topology.config.PhiStreamConfig;
import io.phistream.topology.keys.KeyStore;
import io.phistream.topology.stream.Headers;
import io.phistream.topology.stream.Stages;
import io.phistream.topology.stream.StreamsApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Poison pills through the running pipeline (real broker, exactly_once_v2): truncated, binary, 10 MB, deeply nested
 * JSON, odd encodings and invalid UTF-8, each between ordinary messages. Each pill must come out once, in
 * quarantine, with its reason code and its original bytes sealed (they decrypt to exactly what was sent); the
 * application must stay RUNNING and every ordinary message sent after the pills must come out too.
 */
class PoisonPillIT {

    private static final int LARGE_LIMIT = 16 * 1024 * 1024;

    @TempDir
    Path dir;

    /** One poison pill: where it goes, its bytes (null: a record without a value) and the reason it must get. */
    private record Pill(String name, boolean fhir, byte[] value, RejectReason reason) {
        boolean accepts(String r) {
            return reason.name().equals(r);
        }
    }

    private static List<Pill> pills() {
        String adt = new SyntheticHl7(31).next().text();
        String bundle = new SyntheticFhir(32).next().json();
        byte[] random = new byte[4096];
        new Random(33).nextBytes(random);
        byte[] tenMb = new byte[10 * 1024 * 1024];
        byte[] head = adt.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < tenMb.length; i++) {
            tenMb[i] = head[i % head.length];
        }
        StringBuilder nested = new StringBuilder("{\"resourceType\":\"Basic\",\"extension\":[");
        nested.append("{\"url\":\"http://example.org/x\",\"extension\":[".repeat(5_000));
        nested.append("]}".repeat(5_000)).append("]}");
        String arrays = "[".repeat(200_000) + "]".repeat(200_000);
        // far deeper than any resource, and as deep as fits in record.max.bytes (HAPI's XML reader overflows a 1 MB
        // thread stack at 100,000, which no longer gets in whole)
        String nestedXml = "<Patient xmlns=\"http://hl7.org/fhir\">" + "<extension url=\"http://example.org/x\">"
                .repeat(15_000) + "</extension>".repeat(15_000) + "</Patient>";
        String mshOnly = "MSH|^~\\&|A|B|C|D|20250101||ADT^A01|X1|P|2.5.1\r";

        List<Pill> p = new ArrayList<>();
        // no MSH-7, MSH-9 or MSH-12: the quality gate reports its first violated rule, the missing message type
        p.add(new Pill("HL7 truncated inside MSH", false, utf8(adt.substring(0, 20)), RejectReason.MISSING_MESSAGE_TYPE));
        p.add(new Pill("FHIR truncated at half", true, utf8(bundle.substring(0, bundle.length() / 2)),
                RejectReason.NOT_FHIR));
        p.add(new Pill("4 KB of random bytes", false, random, RejectReason.INVALID_ENCODING));
        p.add(new Pill("HL7 with NUL and C0 control bytes", false, utf8(mshOnly + "PID|1||\u0000\u0001\u0002"),
                RejectReason.NOT_HL7));
        p.add(new Pill("10 MB", false, tenMb, RejectReason.TOO_LARGE));
        // 480 KB in, but each of 30,000 patient identifiers becomes a longer token: over record.max.bytes out (a
        // walkthrough: the failed write of such an output stopped every partition of the instance for good)
        String ids = java.util.stream.IntStream.range(0, 30_000).mapToObj(i -> (4_000_000 + i) + "^^^GHH^MR")
                .collect(java.util.stream.Collectors.joining("~"));
        p.add(new Pill("HL7 whose identifiers become an output over the record limit", false,
                utf8(adt.replaceFirst("(?m)^(PID\\|1\\|\\|)[^|]*", "$1" + ids)), RejectReason.OUTPUT_TOO_LARGE));
        p.add(new Pill("JSON nested 10,000 deep", true, utf8(nested.toString()), RejectReason.NOT_FHIR));
        p.add(new Pill("JSON arrays nested 200,000 deep", true, utf8(arrays), RejectReason.NOT_FHIR));
        // the FHIR quality gate refuses anything nested deeper than 128 levels before a recursive parser sees it
        p.add(new Pill("XML nested 15,000 deep", true, utf8(nestedXml), RejectReason.NOT_FHIR));
        p.add(new Pill("UTF-16LE with BOM", false,
                concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, adt.getBytes(StandardCharsets.UTF_16LE)),
                RejectReason.INVALID_ENCODING));
        p.add(new Pill("UTF-16BE without BOM", false, adt.getBytes(StandardCharsets.UTF_16BE), RejectReason.NOT_HL7));
        p.add(new Pill("duplicate MSH-2 encoding characters", false, utf8(mshOnly.replace("^~\\&", "^^~\\")),
                RejectReason.BAD_ENCODING_CHARACTERS));
        p.add(new Pill("FHIR string with NUL", true, utf8("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Ab\u0000c\"}]}"),
                RejectReason.NOT_FHIR));
        p.add(new Pill("invalid UTF-8 (C3 28)", false, concat(utf8("MSH|^~\\&|"), new byte[] {(byte) 0xC3, 0x28}),
                RejectReason.INVALID_ENCODING));
        p.add(new Pill("overlong UTF-8 (C0 AF)", true, concat(utf8("{\"resourceType\":\"Patient\",\"id\":\""),
                new byte[] {(byte) 0xC0, (byte) 0xAF, '"', '}'}), RejectReason.INVALID_ENCODING));
        p.add(new Pill("UTF-8-encoded surrogate (ED A0 80)", false,
                concat(utf8(mshOnly + "PID|1||"), new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}),
                RejectReason.INVALID_ENCODING));
        // an empty value has the same content id; the null value (a tombstone) stands for both
        p.add(new Pill("no value (null)", true, null, RejectReason.EMPTY));
        return p;
    }

    @Test
    void givenPoisonPillsBetweenOrdinaryMessages_whenTheyFlowThroughThePipeline_thenEachIsQuarantinedWithItsReasonAndNothingIsLost()
            throws Exception {
        try (EmbeddedKafka broker = EmbeddedKafka.start(null)) {
            Map<String, String> s = KafkaTestIo.pipelineSettings(broker.bootstrapServers(), "poison-it", 2, dir);
            // a deployment that accepts 10 MB inputs must let its quarantine take them too (sealed, a bit larger)
            s.put("kafka.producer.max.request.size", Integer.toString(LARGE_LIMIT));
            PhiStreamConfig config = PhiStreamConfig.load(null, Map.of(), s);
            Topics topics = new Topics(config);
            broker.createTopics(topics.all(io.phistream.topology.scoring.ScoringStages.routes(config)));
            try (Admin admin = broker.admin()) {
                Map<ConfigResource, java.util.Collection<AlterConfigOp>> ops = new HashMap<>();
                for (String t : List.of(topics.ingestHl7v2().name(), topics.ingestFhir().name(),
                        topics.quarantine().name())) {
                    ops.put(new ConfigResource(ConfigResource.Type.TOPIC, t), List.of(new AlterConfigOp(
                            new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(LARGE_LIMIT)),
                            AlterConfigOp.OpType.SET)));
                }
                admin.incrementalAlterConfigs(ops).all().get(30, TimeUnit.SECONDS);
            }
            Stages stages = Stages.create(config, KeyStore.ephemeral());

            // given: each pill after 4 HL7 messages and 1 FHIR Bundle, and 20 ordinary messages after the last pill
            List<Pill> pills = pills();
            SyntheticHl7 hl7 = new SyntheticHl7(34);
            SyntheticFhir fhir = new SyntheticFhir(35);
            List<Pill> sends = new ArrayList<>();
            Map<String, Pill> pillById = new LinkedHashMap<>();
            Map<String, Integer> expected = new HashMap<>();
            List<String> tailIds = new ArrayList<>();
            for (int i = 0; i <= pills.size(); i++) {
                int ordinary = i < pills.size() ? 5 : 20;
                for (int k = 0; k < ordinary; k++) {
                    boolean f = k % 5 == 4;
                    String text = f ? fhir.next().json() : hl7.next().text();
                    String id = f ? stages.fhir().deidentify(text).messageId() : stages.hl7().deidentify(text).messageId();
                    sends.add(new Pill("ordinary", f, utf8(text), null));
                    expected.merge(id, 1, Integer::sum);
                    if (i == pills.size()) {
                        tailIds.add(id);
                    }
                }
                if (i < pills.size()) {
                    Pill p = pills.get(i);
                    String id = idOf(stages, p);
                    sends.add(p);
                    pillById.put(id, p);
                    expected.merge(id, 1, Integer::sum);
                }
            }
            assertThat(pillById).as("every pill has its own id").hasSize(pills.size());

            // when
            try (KafkaStreams streams = StreamsApp.create(config, topics, stages)) {
                streams.start();
                assertThat(StreamsApp.awaitRunning(streams, Duration.ofSeconds(60))).isTrue();
                try (KafkaProducer<byte[], byte[]> producer = KafkaTestIo.producer(broker.bootstrapServers())) {
                    for (Pill p : sends) {
                        String topic = p.fhir() ? topics.ingestFhir().name() : topics.ingestHl7v2().name();
                        producer.send(new ProducerRecord<>(topic, p.value())).get(30, TimeUnit.SECONDS);
                    }
                }
                List<ConsumerRecord<byte[], byte[]>> out = KafkaTestIo.readCommitted(broker.bootstrapServers(),
                        List.of(topics.deidHl7v2().name(), topics.deidFhir().name(), topics.quarantine().name()),
                        got -> got.size() >= sends.size(), Duration.ofSeconds(2), Duration.ofSeconds(90));

                // then: nothing lost, nothing twice; the application is still running
                assertThat(KafkaTestIo.countByHeader(out, Headers.MESSAGE_ID)).isEqualTo(expected);
                assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
                List<String> outIds = out.stream().map(r -> Headers.get(r.headers(), Headers.MESSAGE_ID)).toList();
                assertThat(outIds).as("ordinary messages after the last pill").containsAll(tailIds);

                // and each pill is in quarantine with its reason and its original, sealed
                Map<String, String> reasons = new LinkedHashMap<>();
                for (ConsumerRecord<byte[], byte[]> r : out) {
                    String id = Headers.get(r.headers(), Headers.MESSAGE_ID);
                    Pill p = pillById.get(id);
                    if (p == null) {
                        continue;
                    }
                    assertThat(r.topic()).as(p.name()).isEqualTo(topics.quarantine().name());
                    String reason = Headers.get(r.headers(), Headers.REASON);
                    reasons.put(p.name(), reason);
                    QuarantineEnvelope env = stages.sealer().read(r.value());
                    assertThat(env.getReason()).as(p.name() + ": envelope and header agree").isEqualTo(reason);
                    assertThat(env.getDetail()).isEqualTo(RejectReason.valueOf(reason).description(env.getFormat()));
                    assertThat(stages.sealer().open(env)).as(p.name() + ": sealed original")
                            .isEqualTo(p.value() == null ? new byte[0] : p.value());
                    if (p.value() != null && p.value().length > 64) {
                        assertThat(indexOf(r.value(), Arrays.copyOfRange(p.value(), 0, 64)))
                                .as(p.name() + ": no clear copy in the envelope").isNegative();
                    }
                }
                assertThat(reasons.keySet()).as("pills quarantined")
                        .containsExactlyInAnyOrderElementsOf(pills.stream().map(Pill::name).toList());
                List<String> wrong = pills.stream().filter(p -> !p.accepts(reasons.get(p.name())))
                        .map(p -> p.name() + ": " + reasons.get(p.name()) + ", expected " + p.reason()).toList();
                assertThat(wrong).as("pills with another reason").isEmpty();
                long quarantined = out.stream().filter(r -> r.topic().equals(topics.quarantine().name())).count();
                System.out.printf("PoisonPillIT: %d sent (%d pills), %d out, %d quarantined; reasons %s%n",
                        sends.size(), pills.size(), out.size(), quarantined, reasons);
            }
        }
    }

    private static String idOf(Stages stages, Pill p) {
        byte[] raw = p.value() == null ? new byte[0] : p.value();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(raw)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return stages.hl7().contentId(raw);
        }
        if (raw.length == 0 || raw.length > Stages.DEFAULT_MAX_MESSAGE_BYTES) {
            return stages.hl7().contentId(raw);
        }
        return p.fhir() ? stages.fhir().deidentify(text).messageId() : stages.hl7().deidentify(text).messageId();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
