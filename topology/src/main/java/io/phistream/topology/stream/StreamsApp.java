package io.phistream.topology.stream;

import io.phistream.topology.Topics;
import io.phistream.topology.config.PhiStreamConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import io.phistream.topology.scoring.ScoringStages;
import io.phistream.topology.scoring.ScoringTopology;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds and starts the Kafka Streams application from the typed configuration and the stages. */
public final class StreamsApp {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsApp.class);

    private StreamsApp() {
    }

    public static Properties properties(PhiStreamConfig config, Topics topics, Stages stages) {
        Map<String, Object> p = new HashMap<>(config.streamsProperties());
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, QuarantiningExceptionHandler.class);
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, QuarantiningExceptionHandler.class);
        p.put(QuarantiningExceptionHandler.SEALER, stages.sealer());
        p.put(QuarantiningExceptionHandler.TOPIC, topics.quarantine().name());
        p.put(QuarantiningExceptionHandler.DIGEST,
                (java.util.function.Function<byte[], String>) raw -> stages.hl7().contentId(raw));
        Properties props = new Properties();
        props.putAll(p);
        return props;
    }

    /**
     * Creates (not starts) the application: de-identification, audit and the scoring side (which reads the
     * de-identified topics only). The caller starts and closes it; the alert topics of
     * {@link ScoringStages#routes(PhiStreamConfig)} must exist.
     */
    public static KafkaStreams create(PhiStreamConfig config, Topics topics, Stages stages) {
        ScoringStages scoring = ScoringStages.create(config, stages);
        Topology topology = PhiStreamTopology.build(topics, stages);
        ScoringTopology.addTo(topology, topics, stages, scoring);
        KafkaStreams streams = new KafkaStreams(topology, properties(config, topics, stages));
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
                scoring.close(); // the ONNX sessions
            }
        });
        // data errors never reach here (they are quarantined); what does is infrastructure: retry on a new thread
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("stream thread failed with {}; replacing it", e.getClass().getName());
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        return streams;
    }

    /** Waits until the application is RUNNING; false on timeout or if it died. */
    public static boolean awaitRunning(KafkaStreams streams, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            KafkaStreams.State s = streams.state();
            if (s == KafkaStreams.State.RUNNING) {
                return true;
            }
            if (s == KafkaStreams.State.ERROR || s == KafkaStreams.State.NOT_RUNNING) {
                return false;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
