package io.phistream.topology.scoring;

import io.phistream.serdes.avro.Alert;
import io.phistream.serdes.avro.DriftEvent;
import io.phistream.serdes.avro.ObservationBatch;
import io.phistream.serdes.avro.Score;
import io.phistream.topology.Topic;
import io.phistream.topology.Topics;
import io.phistream.topology.stream.PhiStreamTopology;
import io.phistream.topology.stream.Stages;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.Topology;

/**
 * The scoring side of the topology, on de-identified data only, in one sub-topology:
 * <pre>
 * deid.hl7v2 ─> [extract-observations-hl7v2] ─┬─> observations (Avro ObservationBatch, one per message with vitals,
 *                                             │                  key: patient token; for consumers)
 * deid.fhir  ─> [extract-observations-fhir]  ─┤
 *                                             └─> [score] (store scoring-features) ─┬─> scores (Avro Score, live and shadow)
 *                                                                                   ├─> ops.drift (Avro DriftEvent)
 *                                                                                   └─> [route-alerts] (store alert-state) ─> alerts.&lt;route&gt; (Avro Alert)
 * [score], [route-alerts] ─> [audit-scoring] (store audit-log-state-scoring) ─> audit
 * </pre>
 * Extraction hands each message's vitals, as one batch, to {@code score} directly and also writes the batch to
 * {@code observations} for other consumers; nothing here reads that topic back. Re-reading it would repartition
 * nothing and cost every message one more read, Avro decode and transaction (about a commit interval of alert
 * latency): deid.hl7v2 and deid.fhir are already keyed by the patient token ({@code DeidProcessor} forwards under
 * {@code patientToken()} to sinks with the default partitioner) and {@link ExtractProcessor} forwards under that same key (the extractor takes the record key
 * as the token). So the task reading a token's partition owns its feature state, provided the two topics have the
 * same partition count: a task reads partition p of each, and with different counts one patient's HL7 and FHIR vitals
 * would be scored in two tasks on split state. {@code Topics} creates every topic with the one {@code topic.partitions}
 * setting, and {@code phi-stream run} refuses a cluster where the two differ. As created (all counts equal), a token
 * is in the partition {@code observations} gave it when that was this side's source: existing changelogs stay valid.
 * Score and alert stages have their own audit node: each (stage, partition) log has exactly one writer.
 */
public final class ScoringTopology {

    public static final String SOURCE_DEID_HL7 = "scoring-source-deid-hl7v2";
    public static final String SOURCE_DEID_FHIR = "scoring-source-deid-fhir";
    public static final String EXTRACT_HL7 = "extract-observations-hl7v2";
    public static final String EXTRACT_FHIR = "extract-observations-fhir";
    public static final String OBSERVATIONS_SINK = "observations";
    public static final String SCORE = "score";
    public static final String SCORES_SINK = "scores";
    public static final String DRIFT_SINK = "ops-drift";
    public static final String ALERT = "route-alerts";
    public static final String ALERT_SINK_PREFIX = "alerts-";
    public static final String AUDIT = "audit-scoring";
    public static final String AUDIT_STORE = "audit-log-state-scoring";
    public static final String AUDIT_SINK = "audit-scoring-sink";
    public static final String FEATURE_STORE = ScoreProcessor.STORE;
    public static final String ALERT_STORE = AlertProcessor.STORE;

    private ScoringTopology() {
    }

    /** Adds the scoring side to {@code t}, which must not already read deid.hl7v2 or deid.fhir. */
    public static void addTo(Topology t, Topics topics, Stages stages, ScoringStages scoring) {
        var serdes = scoring.serdes();

        Topic<String, String> deidHl7 = topics.deidHl7v2();
        Topic<String, String> deidFhir = topics.deidFhir();
        t.addSource(SOURCE_DEID_HL7, Serdes.String().deserializer(), deidHl7.valueSerde().deserializer(), deidHl7.name());
        t.addSource(SOURCE_DEID_FHIR, Serdes.String().deserializer(), deidFhir.valueSerde().deserializer(),
                deidFhir.name());
        t.addProcessor(EXTRACT_HL7, () -> new ExtractProcessor(ExtractProcessor.Format.HL7V2, scoring, SCORE,
                OBSERVATIONS_SINK), SOURCE_DEID_HL7);
        t.addProcessor(EXTRACT_FHIR, () -> new ExtractProcessor(ExtractProcessor.Format.FHIR, scoring, SCORE,
                OBSERVATIONS_SINK), SOURCE_DEID_FHIR);
        Serializer<ObservationBatch> observations = serdes.observationBatch().serializer();
        t.addSink(OBSERVATIONS_SINK, topics.observations().name(), Serdes.String().serializer(), observations,
                EXTRACT_HL7, EXTRACT_FHIR);

        t.addProcessor(SCORE, () -> new ScoreProcessor(scoring, SCORES_SINK, DRIFT_SINK, ALERT, AUDIT),
                EXTRACT_HL7, EXTRACT_FHIR);
        t.addStateStore(ScoreProcessor.storeBuilder(), SCORE);
        t.addSink(SCORES_SINK, topics.scores().name(), Serdes.String().serializer(),
                anyValue(serdes.score().serializer(), Score.class), SCORE);
        t.addSink(DRIFT_SINK, topics.opsDrift().name(), Serdes.String().serializer(),
                anyValue(serdes.driftEvent().serializer(), DriftEvent.class), SCORE);

        Map<String, String> sinkByRoute = new LinkedHashMap<>();
        for (String route : scoring.routes()) {
            sinkByRoute.put(route, ALERT_SINK_PREFIX + route);
        }
        t.addProcessor(ALERT, () -> new AlertProcessor(scoring, sinkByRoute, AUDIT), SCORE);
        t.addStateStore(AlertProcessor.storeBuilder(), ALERT);
        Serializer<Object> alerts = anyValue(serdes.alert().serializer(), Alert.class);
        sinkByRoute.forEach((route, sink) -> t.addSink(sink, topics.alerts(route).name(), Serdes.String().serializer(),
                alerts, ALERT));

        PhiStreamTopology.addAuditNode(t, topics, stages, AUDIT, AUDIT_STORE, AUDIT_SINK, SCORE, ALERT);
    }

    /** The processors forward Object values; each sink receives only its own type (checked, not assumed). */
    private static <V> Serializer<Object> anyValue(Serializer<V> s, Class<V> type) {
        return (topic, value) -> s.serialize(topic, type.cast(value));
    }
}
