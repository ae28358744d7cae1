package io.phistream.topology.quality;

import io.phistream.detector.RejectReason;
import io.phistream.topology.stream.ChangelogMarker;
import io.phistream.topology.stream.Headers;
import io.phistream.topology.stream.QuarantineSealer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The Kafka Streams wrapper around a {@link Gate} (HL7 v2 or FHIR) and {@link Deduplicator}: raw bytes in; each input is
 * either forwarded unchanged to the accepted child (with a {@value #WARNINGS_HEADER} header naming the warning
 * rules), sealed into the quarantine child with its reason, or dropped as a duplicate (counted). The dedupe store
 * is a changelogged window store keyed by keyed digests: under exactly_once_v2 its writes commit with the outputs,
 * so a restart or replay decides as the first run did. Never throws for bad data.
 */
public final class QualityGateProcessor implements Processor<String, byte[], String, Object> {

    /** Comma-separated ids of the pass-with-warning rules a released message violated. */
    public static final String WARNINGS_HEADER = "phi-stream.quality-warnings";
    /** On quarantined records: the rule that quarantined it. */
    public static final String RULE_HEADER = "phi-stream.quality-rule";
    /** On quarantined and warned records: name/version of the quality rules. */
    public static final String RULES_HEADER = "phi-stream.quality-rules";
    /** The HL7 v2 gate's dedupe store; each format's gate has its own ({@link #FHIR_STORE}). */
    public static final String DEFAULT_STORE = "quality-dedupe-hl7v2";
    public static final String FHIR_STORE = "quality-dedupe-fhir";
    /** The finding of an input the gate failed on; public for 'audit message-id', which names it as the gate does. */
    public static final Finding INTERNAL = new Finding("gate.internal", RejectReason.INTERNAL_ERROR);

    /** Everything the processor needs; the lead's topology builds one from the configuration and the stages. */
    public record Wiring(Gate gate, Duration window, QuarantineSealer sealer, QualityMetrics metrics,
                         String storeName, String acceptedChild, String quarantineChild, String policyVersion,
                         String pipelineVersion, io.phistream.topology.stream.AuditDrafts audit, String auditChild,
                         boolean handOver) {

        public Wiring(Gate gate, Duration window, QuarantineSealer sealer, QualityMetrics metrics,
                      String storeName, String acceptedChild, String quarantineChild, String policyVersion,
                      String pipelineVersion, io.phistream.topology.stream.AuditDrafts audit, String auditChild) {
            this(gate, window, sealer, metrics, storeName, acceptedChild, quarantineChild, policyVersion,
                    pipelineVersion, audit, auditChild, false);
        }

        /**
         * The same wiring, forwarding accepted inputs as {@link Gate.Admitted} (bytes, text, parsed message) instead
         * of raw bytes: for a child that de-identifies them (a sink needs bytes).
         */
        public Wiring handingOver() {
            return new Wiring(gate, window, sealer, metrics, storeName, acceptedChild, quarantineChild, policyVersion,
                    pipelineVersion, audit, auditChild, true);
        }

        /** Without audit: for tests of the gate alone. */
        public Wiring(Gate gate, Duration window, QuarantineSealer sealer, QualityMetrics metrics,
                      String storeName, String acceptedChild, String quarantineChild, String policyVersion,
                      String pipelineVersion) {
            this(gate, window, sealer, metrics, storeName, acceptedChild, quarantineChild, policyVersion,
                    pipelineVersion, null, null);
        }
    }

    /**
     * The dedupe store: a persistent (RocksDB), changelogged window store of digest → first sighting, read and written
     * by point lookups in buckets one window wide ({@link BucketedSeenStore}); kept for two windows.
     */
    public static StoreBuilder<WindowStore<String, byte[]>> storeBuilder(String name, Duration window) {
        return Stores.windowStoreBuilder(Stores.persistentWindowStore(name, window.multipliedBy(2), window, false),
                Serdes.String(), Serdes.ByteArray());
    }

    /**
     * The same store held in memory (still changelogged): cheaper per lookup, but it holds every digest of the
     * window on the heap and a restart restores the whole window from the changelog before processing resumes.
     */
    public static StoreBuilder<WindowStore<String, byte[]>> inMemoryStoreBuilder(String name, Duration window) {
        return Stores.windowStoreBuilder(Stores.inMemoryWindowStore(name, window.multipliedBy(2), window, false),
                Serdes.String(), Serdes.ByteArray());
    }

    /** A supplier that also declares its store, so {@code Topology.addProcessor} adds and connects it. */
    public static ProcessorSupplier<String, byte[], String, Object> supplier(Wiring w) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, byte[], String, Object> get() {
                return new QualityGateProcessor(w);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(storeBuilder(w.storeName(), w.window()));
            }
        };
    }

    private final Wiring w;
    private final Deduplicator dedupe;
    private ProcessorContext<String, Object> context;
    private SeenStore seen;

    QualityGateProcessor(Wiring w) {
        this.w = w;
        this.dedupe = new Deduplicator(w.window());
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        WindowStore<String, byte[]> store = context.getStateStore(w.storeName());
        // init runs after the store is restored, and again whenever the task is re-initialised (migrated, revived,
        // resumed): the filter is rebuilt from the store each time, so it never misses a key the store holds
        this.seen = BucketedSeenStore.filtered(store, w.window().toMillis());
        // timestamp 0: retention drops the marker at once from a store that has seen any real record, and it never
        // moves stream time
        ChangelogMarker.writeIfEmpty(context, ChangelogMarker.isEmpty(store.all()),
                () -> store.put(ChangelogMarker.KEY, new byte[0], 0L));
    }

    @Override
    public void process(Record<String, byte[]> record) {
        Gate.Inspected in;
        Deduplicator.Result seenBefore;
        Verdict v;
        try {
            in = w.gate().inspect(record.value());
            seenBefore = dedupe.check(in, record.timestamp(), seen);
            if (seenBefore == Deduplicator.Result.DUPLICATE) {
                w.metrics().duplicate(); // before validation: a duplicate costs a lookup only
                auditDuplicate(record, in);
                return;
            }
            v = in.verdict();
        } catch (org.apache.kafka.streams.errors.StreamsException e) {
            throw e; // the store, not the data: fail the task, nothing of this record is committed
        } catch (RuntimeException | StackOverflowError e) {
            // a rule that cannot read this message fails closed; never e.getMessage() (it may quote input)
            in = w.gate().failed(record.value(), INTERNAL);
            seenBefore = dedupe.check(in, record.timestamp(), seen);
            v = in.verdict();
        }
        if (seenBefore == Deduplicator.Result.DUPLICATE) {
            w.metrics().duplicate();
            auditDuplicate(record, in);
            return;
        }
        if (seenBefore == Deduplicator.Result.CONTROL_ID_REUSED) {
            v = v.with(w.gate().idReused(), w.gate().idReusedOutcome());
        }
        w.metrics().record(v);
        if (v instanceof Verdict.Quarantine q) {
            quarantine(record, in, q);
            w.metrics().quarantined(w.gate().format(), q.reason(), record.timestamp());
        } else {
            release(record, v, in);
        }
    }

    @SuppressWarnings("unchecked")
    private void release(Record<String, byte[]> record, Verdict v, Gate.Inspected in) {
        org.apache.kafka.common.header.Headers h = record.headers();
        boolean warned = v instanceof Verdict.Warn;
        Object value = w.handOver() ? new Gate.Admitted(record.value(), in.text(), in.parsed()) : record.value();
        if (!warned && h.lastHeader(WARNINGS_HEADER) == null && h.lastHeader(RULES_HEADER) == null) {
            // unchanged headers: the (immutable) input record itself, or a copy sharing its headers
            context.forward(w.handOver() ? record.withValue(value)
                    : (Record<String, Object>) (Record<String, ?>) record, w.acceptedChild());
            return;
        }
        // a copy: the header is ours alone, an upstream producer cannot plant or clear it
        RecordHeaders copy = new RecordHeaders(h.toArray());
        copy.remove(WARNINGS_HEADER);
        copy.remove(RULES_HEADER);
        if (warned) {
            copy.add(WARNINGS_HEADER, String.join(",", ((Verdict.Warn) v).ruleIds()).getBytes(StandardCharsets.UTF_8));
            copy.add(RULES_HEADER, w.gate().rulesVersion().getBytes(StandardCharsets.UTF_8));
        }
        context.forward(new Record<String, Object>(record.key(), value, record.timestamp(), copy), w.acceptedChild());
    }

    private void quarantine(Record<String, byte[]> record, Gate.Inspected in, Verdict.Quarantine q) {
        QuarantineSealer.Source source = QuarantineSealer.Source.of(context.recordMetadata(), record.headers(),
                w.gate().format());
        String messageId = in.messageId();
        byte[] envelope = w.sealer().seal(messageId, q.reason(), in.raw(), source, w.policyVersion());
        RecordHeaders h = new RecordHeaders();
        add(h, Headers.MESSAGE_ID, messageId);
        add(h, Headers.REASON, q.reason().name());
        add(h, RULE_HEADER, q.ruleId());
        add(h, RULES_HEADER, w.gate().rulesVersion());
        if (!q.warnings().isEmpty()) {
            add(h, WARNINGS_HEADER, String.join(",", q.warnings().stream().map(Finding::ruleId).toList()));
        }
        add(h, Headers.POLICY_VERSION, w.policyVersion());
        add(h, Headers.PIPELINE_VERSION, w.pipelineVersion());
        context.forward(new Record<String, Object>(messageId, envelope, record.timestamp(), h), w.quarantineChild());
        if (w.audit() != null) {
            context.forward(new Record<String, Object>(messageId,
                    w.audit().quarantined(messageId, in.raw(), q.reason().name(), record.timestamp(), source),
                    record.timestamp()), w.auditChild());
        }
    }

    /** A dropped duplicate is a decision too: appended to the VALIDATE log (the first copy was audited as usual). */
    private void auditDuplicate(Record<String, byte[]> record, Gate.Inspected in) {
        if (w.audit() != null) {
            // the copy's own place in the topic: an auditor asking about it finds this record, not the first copy's
            QuarantineSealer.Source source = QuarantineSealer.Source.of(context.recordMetadata(), record.headers(),
                    w.gate().format());
            context.forward(new Record<String, Object>(in.messageId(),
                    w.audit().duplicate(in.messageId(), in.raw(), record.timestamp(), source), record.timestamp()),
                    w.auditChild());
        }
    }

    private static void add(RecordHeaders h, String name, String value) {
        if (value != null) {
            h.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
