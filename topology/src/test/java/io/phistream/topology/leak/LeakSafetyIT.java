package io.phistream.topology.leak;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import io.phistream.synthetic.GeneratedMessage;
import io.phistream.synthetic.PlantedPhi;
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
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Leak safety: synthetic PHI through the running pipeline (real broker), then a search for every planted value in
 * everything that is not a de-identified payload: all log events of this JVM (phi-stream at DEBUG, Kafka client and
 * broker logs, with exception messages and stack traces), standard output and error, the pipeline's metrics and
 * every Kafka Streams metric (names, descriptions, tags, values), the application's state-store changelog topics
 * (read uncommitted: aborted data too), the quarantine and audit topics, and the keys and headers of every output.
 * Inputs include messages built to make parsers throw with the value in their message (bad dates, bad numbers)
 * and messages that are quarantined with PHI inside (unsupported version, invalid UTF-8, residual PHI).
 */
class LeakSafetyIT {

    @TempDir
    Path dir;

    @Test
    void givenSyntheticPhiThroughThePipeline_whenLogsMetricsChangelogsAndQuarantineAreSearched_thenNoPlantedValueIsFoundInClear()
            throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger ours = (Logger) LoggerFactory.getLogger("io.phistream");
        Logger kafka = (Logger) LoggerFactory.getLogger("org.apache.kafka");
        Level oursBefore = ours.getLevel();
        Level kafkaBefore = kafka.getLevel();
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.setContext(root.getLoggerContext());
        logs.start();
        root.addAppender(logs);
        ours.setLevel(Level.DEBUG);
        kafka.setLevel(Level.INFO);
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new Tee(out, console), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(err, console), true, StandardCharsets.UTF_8));
        try {
            run(logs, console);
        } finally {
            System.setOut(out);
            System.setErr(err);
            root.detachAppender(logs);
            ours.setLevel(oursBefore);
            kafka.setLevel(kafkaBefore);
        }
    }

    private void run(ListAppender<ILoggingEvent> logs, ByteArrayOutputStream console) throws Exception {
        try (EmbeddedKafka broker = EmbeddedKafka.start(null)) {
            String bootstrap = broker.bootstrapServers();
            PhiStreamConfig config = PhiStreamConfig.load(null, Map.of(), Map.of(
                    PhiStreamConfig.BOOTSTRAP_SERVERS, bootstrap,
                    PhiStreamConfig.APPLICATION_ID, "leak-it",
                    PhiStreamConfig.TOPIC_PARTITIONS, "2",
                    PhiStreamConfig.TOPIC_REPLICATION_FACTOR, "1",
                    PhiStreamConfig.STATE_DIR, dir.toString()));
            Topics topics = new Topics(config);
            broker.createTopics(topics.all(io.phistream.topology.scoring.ScoringStages.routes(config)));
            Stages stages = Stages.create(config, KeyStore.ephemeral());

            // given: synthetic traffic, some of it built to be quarantined or to make a parser throw
            List<ProducerRecord<byte[], byte[]>> inputs = new ArrayList<>();
            Set<PlantedPhi> planted = new LinkedHashSet<>();
            SyntheticHl7 hl7 = new SyntheticHl7(4_242);
            SyntheticFhir fhir = new SyntheticFhir(4_243);
            for (int i = 0; i < 240; i++) {
                if (i % 4 == 3) {
                    SyntheticFhir.GeneratedBundle b = fhir.next();
                    String json = b.json();
                    if (i % 16 == 7) { // a birth date HAPI cannot parse, quoting it in its exception message
                        String bad = "19" + (10 + i % 80) + "-13-4" + (i % 10);
                        json = json.replaceFirst("\"birthDate\":\"[^\"]+\"", "\"birthDate\":\"" + bad + "\"");
                        planted.add(new PlantedPhi(PlantedPhi.Kind.BIRTH_DATE, bad));
                    }
                    inputs.add(new ProducerRecord<>(topics.ingestFhir().name(), utf8(json)));
                    planted.addAll(b.planted());
                    continue;
                }
                GeneratedMessage m = hl7.next();
                String text = m.text();
                byte[] value = utf8(text);
                if (i % 20 == 5) {
                    text = text.replaceFirst("\\|2\\.5\\.1", "|2.1"); // unsupported version: quarantined whole
                    value = utf8(text);
                } else if (i % 20 == 9) {
                    value = concat(value, new byte[] {(byte) 0xC3, 0x28}); // invalid UTF-8: quarantined unread
                } else if (i % 20 == 13) { // values where numbers and dates are parsed
                    text = text.replaceFirst("(\rPID(?:\\|[^|]*){6}\\|)(\\d{8})",
                            "$1$2ZQX" + i);
                    planted.add(new PlantedPhi(PlantedPhi.Kind.BIRTH_DATE, "ZQX" + i));
                    value = utf8(text);
                }
                inputs.add(new ProducerRecord<>(topics.ingestHl7v2().name(), value));
                planted.addAll(m.planted());
            }
            List<String> needles = needles(planted);

            // when
            try (KafkaStreams streams = StreamsApp.create(config, topics, stages)) {
                streams.start();
                assertThat(StreamsApp.awaitRunning(streams, Duration.ofSeconds(60))).isTrue();
                try (KafkaProducer<byte[], byte[]> p = KafkaTestIo.producer(bootstrap)) {
                    for (ProducerRecord<byte[], byte[]> r : inputs) {
                        p.send(r);
                    }
                }
                List<ConsumerRecord<byte[], byte[]>> outputs = KafkaTestIo.readCommitted(bootstrap,
                        List.of(topics.deidHl7v2().name(), topics.deidFhir().name(), topics.quarantine().name()),
                        got -> got.size() >= inputs.size(), Duration.ofSeconds(1), Duration.ofSeconds(90));
                assertThat(outputs).hasSize(inputs.size());

                // then: the search itself works: it finds the planted values in the raw inputs
                List<ConsumerRecord<byte[], byte[]>> raw = KafkaTestIo.readAll(bootstrap,
                        List.of(topics.ingestHl7v2().name(), topics.ingestFhir().name()), Duration.ofMillis(500));
                assertThat(hits(needles, Map.of("ingest", records(raw, true))).size())
                        .as("planted values found in the raw input (control)").isGreaterThan(needles.size() * 9 / 10);

                Map<String, String> places = new LinkedHashMap<>();
                List<ConsumerRecord<byte[], byte[]>> quarantine = outputs.stream()
                        .filter(r -> r.topic().equals(topics.quarantine().name())).toList();
                assertThat(quarantine.size()).as("quarantined inputs carrying PHI").isGreaterThanOrEqualTo(20);
                places.put("quarantine topic (keys, headers, sealed values)", records(quarantine, true));
                places.put("keys and headers of de-identified outputs", records(outputs.stream()
                        .filter(r -> !r.topic().equals(topics.quarantine().name())).toList(), false));
                places.put("audit topic", records(KafkaTestIo.readAll(bootstrap, List.of(topics.audit().name()),
                        Duration.ofMillis(500)), true));
                List<String> changelogs;
                try (var admin = broker.admin()) {
                    changelogs = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                            .filter(t -> t.startsWith(config.applicationId() + "-") && t.endsWith("-changelog"))
                            .sorted().toList();
                }
                assertThat(changelogs).as("state-store changelogs").isNotEmpty();
                places.put("changelogs " + changelogs, records(readUncommitted(bootstrap, changelogs), true));
                places.put("Kafka Streams metrics", kafkaMetrics(streams.metrics()));
                places.put("pipeline metrics", stages.metrics().phiByType() + " " + stages.metrics().quarantinedByReason()
                        + " " + stages.metrics().received() + " " + stages.metrics().released() + " "
                        + stages.metrics().quarantined());
                places.put("log events, exception messages and stack traces", logText(logs.list));
                places.put("standard output and error", console.toString(StandardCharsets.UTF_8));

                Map<String, List<String>> found = hits(needles, places);
                System.out.printf("LeakSafetyIT: %d inputs, %d planted values searched in %d places (%s); %d "
                                + "quarantined; %d log events; %d changelog topics; hits: %s%n", inputs.size(),
                        needles.size(), places.size(), sizes(places), quarantine.size(), logs.list.size(),
                        changelogs.size(), found.size());
                assertThat(found).as("planted value -> where it was found in clear").isEmpty();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ the search

    /** Values worth searching for: distinctive kinds as written, names and cities only when long enough to be words. */
    private static List<String> needles(Set<PlantedPhi> planted) {
        Set<String> out = new LinkedHashSet<>();
        for (PlantedPhi p : planted) {
            String v = p.value().strip();
            switch (p.kind()) {
                case NAME, CITY -> {
                    if (v.length() >= 5) {
                        out.add(v);
                    }
                }
                case ZIP, AGE -> {
                    // a ZIP (5 digits) or an age occurs by chance in offsets, sizes and metric values
                }
                default -> {
                    if (v.length() >= 6) {
                        out.add(v);
                    }
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** Where each needle occurs as a whole word (case-sensitive), by place. */
    private static Map<String, List<String>> hits(List<String> needles, Map<String, String> places) {
        Map<String, List<String>> found = new TreeMap<>();
        for (Map.Entry<String, String> place : places.entrySet()) {
            String hay = place.getValue();
            for (String n : needles) {
                String latin = new String(utf8(n), StandardCharsets.ISO_8859_1);
                if (containsWord(hay, latin)) {
                    found.computeIfAbsent(n, k -> new ArrayList<>()).add(place.getKey());
                }
            }
        }
        return found;
    }

    private static boolean containsWord(String hay, String needle) {
        int from = 0;
        int at;
        while ((at = hay.indexOf(needle, from)) >= 0) {
            from = at + 1;
            boolean startOk = at == 0 || !Character.isLetterOrDigit(hay.charAt(at - 1))
                    || !Character.isLetterOrDigit(needle.charAt(0));
            int end = at + needle.length();
            boolean endOk = end == hay.length() || !Character.isLetterOrDigit(hay.charAt(end))
                    || !Character.isLetterOrDigit(needle.charAt(needle.length() - 1));
            if (startOk && endOk) {
                return true;
            }
        }
        return false;
    }

    /** Keys, headers and (optionally) values, bytes as ISO-8859-1 so any ASCII or UTF-8 value stays findable. */
    private static String records(List<ConsumerRecord<byte[], byte[]>> records, boolean values) {
        StringBuilder sb = new StringBuilder();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            sb.append(latin(r.key())).append('\n');
            for (Header h : r.headers()) {
                sb.append(h.key()).append('=').append(latin(h.value())).append('\n');
            }
            if (values) {
                sb.append(latin(r.value())).append('\n');
            }
        }
        return sb.toString();
    }

    private static List<ConsumerRecord<byte[], byte[]>> readUncommitted(String bootstrap, List<String> topics) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = KafkaTestIo.reader(bootstrap, topics, false)) {
            long quietSince = System.nanoTime();
            while (System.nanoTime() - quietSince < Duration.ofMillis(800).toNanos()) {
                var batch = c.poll(Duration.ofMillis(200));
                if (!batch.isEmpty()) {
                    quietSince = System.nanoTime();
                }
                batch.forEach(out::add);
            }
        }
        return out;
    }

    private static String kafkaMetrics(Map<MetricName, ? extends Metric> metrics) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<MetricName, ? extends Metric> e : metrics.entrySet()) {
            MetricName n = e.getKey();
            sb.append(n.group()).append(' ').append(n.name()).append(' ').append(n.description()).append(' ')
                    .append(n.tags()).append(' ').append(e.getValue().metricValue()).append('\n');
        }
        return sb.toString();
    }

    private static String logText(List<ILoggingEvent> events) {
        StringBuilder sb = new StringBuilder();
        for (ILoggingEvent e : events) {
            sb.append(e.getLoggerName()).append(' ').append(e.getFormattedMessage()).append('\n');
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                sb.append(t.getClassName()).append(": ").append(t.getMessage()).append('\n');
                for (StackTraceElementProxy s : t.getStackTraceElementProxyArray()) {
                    sb.append(s.getSTEAsString()).append('\n');
                }
            }
        }
        return sb.toString();
    }

    private static Map<String, Integer> sizes(Map<String, String> places) {
        Map<String, Integer> m = new LinkedHashMap<>();
        places.forEach((k, v) -> m.put(k.replaceAll(" \\[.*", ""), v.length()));
        return m;
    }

    private static String latin(byte[] b) {
        return b == null ? "" : new String(b, StandardCharsets.ISO_8859_1);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** Writes to the original stream and keeps a copy. */
    private static final class Tee extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final ByteArrayOutputStream b;

        Tee(java.io.OutputStream a, ByteArrayOutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }
}
