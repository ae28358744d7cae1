package io.phistream.topology.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Records one application made the broker store, per input record: what bounds a Kafka Streams application's
 * throughput on a shared machine once its own work is small. Counted from topic end offsets after the run, so
 * transaction markers (one per partition a transaction touched) are included. Pure: no Kafka.
 *
 * @param inputs  records on the application's input topics
 * @param written records on every other topic it wrote (outputs, changelogs, repartitions), by topic name without the
 *                run's prefix
 */
public record BrokerTraffic(long inputs, Map<String, Long> written) {

    public BrokerTraffic {
        written = Map.copyOf(written);
    }

    /** Writes per input over every topic; 0 when no input was counted. */
    public double writesPerInput() {
        return inputs <= 0 ? 0 : written.values().stream().mapToLong(Long::longValue).sum() / (double) inputs;
    }

    /** Per-input writes by topic, largest first, topics that saw nothing left out. */
    public Map<String, Double> byTopic() {
        Map<String, Double> out = new LinkedHashMap<>();
        written.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.put(e.getKey(), inputs <= 0 ? 0 : Math.round(100.0 * e.getValue() / inputs) / 100.0));
        return out;
    }

    /** "pipeline  broker writes per input 4.62 (deid.hl7v2 1.00, audit 1.31, ...)". */
    public String line(String app) {
        List<String> parts = new ArrayList<>();
        byTopic().forEach((topic, perInput) -> parts.add(String.format(Locale.ROOT, "%s %.2f", topic, perInput)));
        return String.format(Locale.ROOT, "%-9s broker writes per input %.2f (%s; transaction markers included)", app,
                writesPerInput(), String.join(", ", parts));
    }

    /**
     * Splits end offsets by topic into inputs and writes: {@code inputTopics} are what the application read, the rest
     * is what it wrote. Names lose {@code prefix} (or, for internal topics, {@code applicationId + "-"}).
     */
    public static BrokerTraffic of(Map<String, Long> endOffsets, List<String> inputTopics, String prefix,
                                   String applicationId) {
        long inputs = 0;
        Map<String, Long> written = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : endOffsets.entrySet()) {
            if (inputTopics.contains(e.getKey())) {
                inputs += e.getValue();
                continue;
            }
            String name = e.getKey();
            if (name.startsWith(prefix)) {
                name = name.substring(prefix.length());
            } else if (name.startsWith(applicationId + "-")) {
                name = name.substring(applicationId.length() + 1);
            }
            written.merge(name, e.getValue(), Long::sum);
        }
        return new BrokerTraffic(inputs, written);
    }
}
