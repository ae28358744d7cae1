package io.phistream.topology.scoring;

import io.phistream.audit.Codes;
import io.phistream.audit.Outcomes;
import io.phistream.scoring.alert.ScoreEvent;
import io.phistream.scoring.bundle.ModelManifest;
import io.phistream.scoring.bundle.ModelRegistry;
import io.phistream.serdes.avro.Observation;
import io.phistream.serdes.avro.ObservationBatch;
import io.phistream.serdes.avro.Score;
import io.phistream.topology.stream.Headers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Keeps the latest value of each vital sign per patient token in a changelogged store and scores the patient with
 * every configured model when an {@link ObservationBatch} (the vitals of one source message, applied as a set) has
 * been applied and a model's input row differs from the one it last scored. Live scores go to {@code scores}, to the
 * alert router and to drift monitoring; shadow scores go to {@code scores} only (flagged). Every score is audited.
 *
 * <p>Times are the patient's own (effective times after that patient's date shift): a feature is valid for the
 * configured TTL after its effective time, measured against the newest observation of the same patient. Patients
 * nobody has measured for a TTL of wall-clock time are purged from the store by a punctuator.
 */
final class ScoreProcessor implements Processor<String, ObservationBatch, String, Object> {

    static final String STORE = "scoring-features";
    static final Duration PURGE_EVERY_MAX = Duration.ofMinutes(10);

    /** What the alert router needs beside the Avro score. */
    record Scored(ScoreEvent event, String featuresDigest, String messageId) {
    }

    private final ScoringStages scoring;
    private final String scoresSink;
    private final String driftSink;
    private final String alertNode;
    private final String auditNode;
    private final long ttlMs;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, byte[]> store;

    ScoreProcessor(ScoringStages scoring, String scoresSink, String driftSink, String alertNode, String auditNode) {
        this.scoring = scoring;
        this.scoresSink = scoresSink;
        this.driftSink = driftSink;
        this.alertNode = alertNode;
        this.auditNode = auditNode;
        this.ttlMs = scoring.featureTtl().toMillis();
    }

    static StoreBuilder<KeyValueStore<String, byte[]>> storeBuilder() {
        // logging (the changelog) is on by default: the state survives a restart on an empty state directory.
        // Cached: a patient measured several times within a commit interval is one store and changelog write per
        // commit (exactly-once is kept: the cache is flushed into the store and its changelog before every commit,
        // in the same transaction)
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.ByteArray())
                .withCachingEnabled();
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        Duration every = scoring.featureTtl().compareTo(PURGE_EVERY_MAX) < 0 ? scoring.featureTtl() : PURGE_EVERY_MAX;
        context.schedule(every, PunctuationType.WALL_CLOCK_TIME, this::purge);
    }

    @Override
    public void process(Record<String, ObservationBatch> record) {
        ObservationBatch batch = record.value();
        if (batch == null || batch.getPatientToken() == null
                || (record.key() != null && !record.key().equals(batch.getPatientToken()))) {
            scoring.metrics().skipped("observations", Map.of(ObservationExtractor.Skip.NO_PATIENT, 1));
            return; // a record under another key would split a patient's state across partitions
        }
        String token = batch.getPatientToken();
        List<Observation> set = batch.getObservations();
        for (Observation o : set) {
            if (!token.equals(o.getPatientToken())) {
                // one patient's vitals per batch, or the set would be scored on the wrong patient's state
                scoring.metrics().skipped("observations", Map.of(ObservationExtractor.Skip.AMBIGUOUS_PATIENT, 1));
                return;
            }
        }
        if (set.isEmpty()) {
            return; // nothing changed; phi-stream never writes one
        }
        FeatureState state = load(token);
        long nowMs = context.currentSystemTimeMs();
        for (Observation o : set) {
            state.apply(o, nowMs);
        }
        state.expire(state.newestTimeMs(), ttlMs);
        String source = batch.getSourceMessageId();
        String messageId = Codes.isCode(source) ? source
                : "c" + ScoringStages.shortDigest(scoring.auditDrafts().digest(
                        source.getBytes(StandardCharsets.UTF_8)));
        for (String model : scoring.models()) {
            score(model, token, state, messageId, record.timestamp());
        }
        if (state.isEmpty()) {
            store.delete(token);
        } else {
            store.put(token, state.toBytes());
        }
    }

    /** The patient's state; an unreadable one (e.g. written by a newer layout) starts over rather than block them. */
    private FeatureState load(String token) {
        byte[] stored = store.get(token);
        if (stored == null) {
            return new FeatureState();
        }
        try {
            return FeatureState.fromBytes(stored);
        } catch (IllegalArgumentException e) {
            scoring.metrics().corruptState(STORE);
            return new FeatureState();
        }
    }

    private void score(String model, String token, FeatureState state, String messageId, long timestamp) {
        ModelRegistry registry = scoring.registry();
        ModelManifest manifest = registry.live(model).orElse(null);
        if (manifest == null) {
            scoring.metrics().incomplete(model);
            return;
        }
        ModelInputs.Assembled in = ModelInputs.assemble(manifest, state);
        if (in.row() == null) {
            scoring.metrics().incomplete(model);
            return;
        }
        if (Arrays.equals(in.row(), state.lastScored(model))) {
            scoring.metrics().unchanged(model);
            return;
        }
        ModelRegistry.Scored scored = registry.score(model, new float[][] {in.row()});
        if (!scored.live().featureNames().equals(manifest.featureNames())) {
            // a hot swap to a model with other inputs happened between reading the manifest and scoring
            manifest = scored.live();
            in = ModelInputs.assemble(manifest, state);
            if (in.row() == null) {
                scoring.metrics().incomplete(model);
                return;
            }
            scored = registry.score(model, new float[][] {in.row()});
        }
        String digest = featuresDigest(scored.live(), in.row());
        ScoreEvent event = ScoreEvent.of(scored.live(), scored.rows()[0], in.timeMs());
        emit(token, scored.live(), scored.rows()[0], event, digest, false, messageId, timestamp);
        context.forward(new Record<String, Object>(token, new Scored(event, digest, messageId), timestamp,
                Headers.of(Headers.MESSAGE_ID, messageId)), alertNode);
        for (io.phistream.serdes.avro.DriftEvent e : scoring.drift(scored.live())
                .observe(in.row(), event.score(), in.timeMs(), scoring.metrics())) {
            context.forward(new Record<String, Object>(e.getModelName() + "/" + e.getFeature(), e, timestamp,
                    Headers.of(Headers.PIPELINE_VERSION, scoring.pipelineVersion())), driftSink);
        }
        if (scored.hasShadow()) {
            ModelManifest shadow = scored.shadow();
            float[] row = scored.shadowRows()[0];
            emit(token, shadow, row, ScoreEvent.of(shadow, row, in.timeMs()), digest, true, messageId, timestamp);
        }
        state.lastScored(model, in.row());
    }

    private void emit(String token, ModelManifest m, float[] row, ScoreEvent event, String digest, boolean shadow,
                      String messageId, long timestamp) {
        Map<String, Double> outputs = new LinkedHashMap<>();
        List<String> columns = m.outputColumns();
        for (int i = 0; i < columns.size(); i++) {
            if (!columns.get(i).equals(m.score())) {
                outputs.put(columns.get(i), (double) row[i]);
            }
        }
        String band = event.band().label();
        Score score = Score.newBuilder()
                .setPatientToken(token)
                .setModelName(m.name())
                .setModelVersion(m.version())
                .setScore(event.score())
                .setBand(band)
                .setFeaturesDigest(digest)
                .setOutputs(outputs)
                .setShadow(shadow)
                .setTimeMs(Instant.ofEpochMilli(event.observedAtMs()))
                .build();
        context.forward(new Record<String, Object>(token, score, timestamp,
                Headers.of(Headers.MESSAGE_ID, messageId, Headers.PIPELINE_VERSION, scoring.pipelineVersion(),
                        ScoringHeaders.MODEL, m.name() + "@" + m.version())), scoresSink);
        String scoreText = scoreCode(event);
        // the audit event time is the Kafka record time, as de-identification writes it, never the score's clinical
        // (shifted) time: the audit log is PHI-free, and a message's deidentify record beside its score record
        // would otherwise give away the patient's date-shift offset
        context.forward(new Record<String, Object>(messageId, scoring.auditDrafts().scored(messageId, digest, m.name(),
                m.version(), shadow ? Outcomes.SHADOW : Outcomes.SCORED, List.of("band:" + band, "score:" + scoreText),
                m.name() + "|" + m.version() + "|" + scoreText + "|" + band, timestamp), timestamp),
                auditNode);
        scoring.metrics().scored(m.name(), m.version(), band, shadow);
    }

    /** The score as an audit code: integers plain, probabilities to four decimals. */
    static String scoreCode(ScoreEvent e) {
        double s = e.score();
        return s == Math.rint(s) && !e.probability() ? Long.toString((long) s) : String.format(Locale.ROOT, "%.4f", s);
    }

    /** Keyed digest of the model input: feature names and float bits, so an auditor with the key can match inputs. */
    private String featuresDigest(ModelManifest m, float[] row) {
        List<String> names = m.featureNames();
        byte[] text = String.join(",", names).getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(text.length + 1 + row.length * Float.BYTES);
        b.put(text).put((byte) 0);
        for (float f : row) {
            b.putFloat(f);
        }
        return scoring.auditDrafts().digest(b.array());
    }

    private void purge(long nowMs) {
        List<String> stale = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> kv = it.next();
                long updated;
                try {
                    updated = FeatureState.fromBytes(kv.value).updatedWallMs();
                } catch (IllegalArgumentException e) {
                    updated = Long.MIN_VALUE; // unreadable: nothing in it can be used
                }
                if (updated < nowMs - ttlMs) {
                    stale.add(kv.key);
                }
            }
        }
        stale.forEach(store::delete);
        scoring.metrics().purged(stale.size());
    }
}
