package io.phistream.topology.scoring;

import io.phistream.scoring.alert.AlertDecision;
import io.phistream.scoring.alert.AlertFormat;
import io.phistream.scoring.alert.AlertRouter;
import io.phistream.serdes.avro.Alert;
import io.phistream.serdes.avro.AlertKind;
import io.phistream.topology.stream.ChangelogMarker;
import io.phistream.topology.stream.Headers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Runs the {@link AlertRouter} on each live score, its state in a changelogged store: ALERT becomes an Avro
 * {@link Alert} of kind RAISE, ESCALATE and RESOLVE keep their names, each on its route's sink
 * ({@code alerts.<route>}) with the route's rendering (FHIR R4 RiskAssessment JSON or HL7 v2 ORU^R01) as payload.
 * SUPPRESSED decisions send nothing. Every decision, suppressed ones included, is audited.
 *
 * <p>An alert is open on at most one route per patient and model: the router resolves it on its route before it
 * escalates or reminds on another ({@link AlertRouter}).
 *
 * <p>Alerts carry the patient token only. A route's re-identification mark is not written into the alert: it is for
 * the authorised, audited re-identification step, which should take its routes from the routing rules, not from a
 * record anyone who can write to the topic could mark.
 */
final class AlertProcessor implements Processor<String, ScoreProcessor.Scored, String, Object> {

    static final String STORE = "alert-state";
    static final String FHIR_FORMAT = "fhir-r4-json";
    static final String HL7_FORMAT = "hl7v2-er7";

    private final ScoringStages scoring;
    private final Map<String, String> sinkByRoute;
    private final String auditNode;
    private ProcessorContext<String, Object> context;
    private AlertRouter router;

    AlertProcessor(ScoringStages scoring, Map<String, String> sinkByRoute, String auditNode) {
        this.scoring = scoring;
        this.sinkByRoute = Map.copyOf(sinkByRoute);
        this.auditNode = auditNode;
    }

    static StoreBuilder<KeyValueStore<String, byte[]>> storeBuilder() {
        // cached: repeated updates of one patient's alert state within a commit interval make one changelog write
        // (flushed before every commit, in the same transaction)
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.ByteArray())
                .withCachingEnabled();
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        KeyValueStore<String, byte[]> store = context.getStateStore(STORE);
        this.router = new AlertRouter(scoring.rules(), new KeyValueAlertStateStore(store));
        // a quiet feed raises no alert for a long time: without a write its empty store made every restart re-read
        // the scoring task's other stores (the router reads patient keys only, never the marker)
        ChangelogMarker.writeIfEmpty(context, ChangelogMarker.isEmpty(store.all()),
                () -> store.put(ChangelogMarker.KEY, new byte[0]));
    }

    @Override
    public void process(Record<String, ScoreProcessor.Scored> record) {
        ScoreProcessor.Scored s = record.value();
        var e = s.event();
        List<AlertDecision> decisions = router.onScore(record.key(), e, e.observedAtMs());
        for (AlertDecision d : decisions) {
            String kind = d.kind().name().toLowerCase(Locale.ROOT);
            String payload = null;
            if (d.deliver()) {
                String sink = sinkByRoute.get(d.route());
                if (sink == null) { // the rules and the topology are built from the same rules object
                    throw new IllegalStateException("no sink for an alert route");
                }
                payload = d.render();
                Alert alert = Alert.newBuilder()
                        .setPatientToken(d.patientToken())
                        .setRoute(d.route())
                        .setBand(d.band().label())
                        .setScore(d.score())
                        .setKind(kind(d.kind()))
                        .setModelName(d.model())
                        .setModelVersion(d.modelVersion())
                        .setTimeMs(Instant.ofEpochMilli(d.atMs()))
                        .setPayloadFormat(d.format() == AlertFormat.FHIR ? FHIR_FORMAT : HL7_FORMAT)
                        .setPayload(payload)
                        .build();
                context.forward(new Record<String, Object>(d.patientToken(), alert, record.timestamp(),
                        Headers.of(Headers.MESSAGE_ID, s.messageId(),
                                Headers.PIPELINE_VERSION, scoring.pipelineVersion(),
                                ScoringHeaders.MODEL, d.model() + "@" + d.modelVersion(),
                                ScoringHeaders.ALERT_ID, d.alertId())), sink);
                // when it happened in real time (the record time) for the operator's view of recent alerts: the
                // alert's own time is shifted, and beside the real time on that page it would show the offset
                scoring.metrics().alert(d.route(), d.band().label(), kind, d.model(), d.score(), d.patientToken(),
                        record.timestamp());
            }
            List<String> rules = new ArrayList<>(3);
            rules.add("band:" + d.band().label());
            if (d.previousBand() != null) {
                rules.add("from:" + d.previousBand().label());
            }
            rules.add("score:" + ScoreProcessor.scoreCode(e));
            // Kafka record time, not d.atMs() (the score's shifted clinical time): see ScoreProcessor's audit draft
            context.forward(new Record<String, Object>(s.messageId(), scoring.auditDrafts().alerted(s.messageId(),
                    s.featuresDigest(), d.model(), d.modelVersion(), d.route(), kind, rules, payload,
                    record.timestamp()), record.timestamp()), auditNode);
        }
    }

    static AlertKind kind(AlertDecision.Kind k) {
        return switch (k) {
            case ALERT -> AlertKind.RAISE;
            case ESCALATE -> AlertKind.ESCALATE;
            case RESOLVE -> AlertKind.RESOLVE;
            case SUPPRESSED -> throw new IllegalArgumentException("suppressed decisions are not sent");
        };
    }
}
