package io.phistream.topology.stream;

import io.phistream.detector.PatientMemory;
import io.phistream.detector.PhiType;
import io.phistream.detector.RejectReason;
import io.phistream.topology.memory.PatientMemoryStore;
import io.phistream.topology.quality.Gate;
import io.phistream.topology.stream.Deidentification.Outcome;
import java.util.Set;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The Kafka Streams wrapper around one format's de-identification core: raw bytes in; de-identified text to the
 * {@code deid} sink, or a sealed envelope to the {@code quarantine} sink, plus an audit draft to the audit node.
 * It never throws for bad data: every input ends in exactly one of the two outputs, and one audit record, within
 * the same transaction.
 */
final class DeidProcessor implements Processor<String, Object, String, Object> {

    private static final String[] QUALITY_HEADERS = {
        io.phistream.topology.quality.QualityGateProcessor.WARNINGS_HEADER,
        io.phistream.topology.quality.QualityGateProcessor.RULES_HEADER};

    private final Deidentification core;
    private final QuarantineSealer sealer;
    private final PipelineMetrics metrics;
    private final String pipelineVersion;
    private final int maxMessageBytes;
    private final String deidSink;
    private final String quarantineSink;
    private final AuditDrafts audit;
    private final String auditNode;
    private final String memorySink;
    private ProcessorContext<String, Object> context;
    private PatientMemory memory = PatientMemory.NONE;
    private Set<String> recalled = Set.of();

    DeidProcessor(Deidentification core, QuarantineSealer sealer, PipelineMetrics metrics, String pipelineVersion,
                  int maxMessageBytes, String deidSink, String quarantineSink, AuditDrafts audit, String auditNode) {
        this(core, sealer, metrics, pipelineVersion, maxMessageBytes, deidSink, quarantineSink, audit, auditNode, null);
    }

    /** @param memorySink the sink of new patient-memory digests; null: no memory kept */
    DeidProcessor(Deidentification core, QuarantineSealer sealer, PipelineMetrics metrics, String pipelineVersion,
                  int maxMessageBytes, String deidSink, String quarantineSink, AuditDrafts audit, String auditNode,
                  String memorySink) {
        this.core = core;
        this.sealer = sealer;
        this.metrics = metrics;
        this.pipelineVersion = pipelineVersion;
        this.maxMessageBytes = maxMessageBytes;
        this.deidSink = deidSink;
        this.quarantineSink = quarantineSink;
        this.audit = audit;
        this.auditNode = auditNode;
        this.memorySink = memorySink;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        if (memorySink != null) {
            PatientMemory store = PatientMemoryStore.reader(context.getStateStore(PatientMemoryStore.STORE));
            memory = token -> recalled = store.recall(token); // kept to write only what is new
        }
    }

    @Override
    public void process(Record<String, Object> record) {
        metrics.received(core.stage());
        // from the quality gate: the bytes with the text and message it already decoded and parsed
        Gate.Admitted admitted = record.value() instanceof Gate.Admitted a ? a : null;
        byte[] raw = admitted != null ? admitted.raw() : (byte[]) record.value();
        if (raw == null) {
            raw = new byte[0];
        }
        if (raw.length == 0) {
            quarantine(record, raw, core.contentId(raw), RejectReason.EMPTY);
            return;
        }
        if (raw.length > maxMessageBytes) {
            quarantine(record, raw, core.contentId(raw), RejectReason.TOO_LARGE);
            return;
        }
        String text = admitted != null ? admitted.text() : null;
        if (text == null) {
            text = io.phistream.detector.er7.Er7Charsets.decode(raw); // UTF-8, or the ISO 8859 part MSH-18 declares
            if (text == null) {
                quarantine(record, raw, core.contentId(raw), RejectReason.INVALID_ENCODING);
                return;
            }
        }
        recalled = Set.of();
        Outcome o = core.apply(text, admitted != null && admitted.text() != null ? admitted.parsed() : null, memory);
        if (o.rejected() != null) {
            quarantine(record, raw, o.messageId(), o.rejected(), o.residualType(), o.detail());
            return;
        }
        if (utf8Longer(o.text(), maxMessageBytes)) {
            // tokens are longer than the values they replace: a walkthrough's 400 KB ADT of 20,000 identifiers came out
            // over Kafka's limit, and the failed write took every record of the transaction with it, for ever
            quarantine(record, raw, o.messageId(), RejectReason.OUTPUT_TOO_LARGE);
            return;
        }
        org.apache.kafka.common.header.internals.RecordHeaders out = Headers.of(Headers.MESSAGE_ID, o.messageId(),
                Headers.MESSAGE_TYPE, o.messageType(),
                Headers.POLICY_VERSION, core.policyVersion(),
                Headers.PIPELINE_VERSION, pipelineVersion);
        // the data-quality gate's warnings (rule ids, no data) travel with the released message
        for (String name : QUALITY_HEADERS) {
            var h = record.headers().lastHeader(name);
            if (h != null) {
                out.add(name, h.value());
            }
        }
        context.forward(new Record<String, Object>(o.patientToken(), o.text(), record.timestamp(), out), deidSink);
        // the gate hands over in the same task, so the metadata is still that of the ingest (or repartition) record
        QuarantineSealer.Source source = QuarantineSealer.Source.of(context.recordMetadata(), record.headers(),
                core.format());
        context.forward(new Record<String, Object>(o.messageId(),
                audit.released(o.messageId(), raw, o.text(), o.phiCounts(), record.timestamp(), source),
                record.timestamp()), auditNode);
        metrics.released(core.stage(), o.phiCounts(), record.timestamp());
        if (memorySink != null && o.patientToken() != null) {
            for (String digest : PatientMemoryStore.newDigests(o.learned(), recalled)) {
                context.forward(new Record<String, Object>(PatientMemoryStore.key(o.patientToken(), digest),
                        record.timestamp(), record.timestamp()), memorySink);
            }
        }
    }

    /** Whether the text takes more than {@code limit} bytes in UTF-8, counted without encoding it. */
    static boolean utf8Longer(String text, int limit) {
        // (no char takes more than three bytes, so most texts need no count)
        return (long) text.length() * 3 > limit && org.apache.kafka.common.utils.Utils.utf8Length(text) > limit;
    }

    private void quarantine(Record<String, Object> record, byte[] raw, String messageId, RejectReason reason) {
        quarantine(record, raw, messageId, reason, null, null);
    }

    /**
     * residualType: for RESIDUAL_PHI, the type of the value found again (in the envelope's detail and a header);
     * detail: the core's PHI-free description of the rejection ("... uses an HTML entity ..."), or null for the
     * reason's own.
     */
    private void quarantine(Record<String, Object> record, byte[] raw, String messageId, RejectReason reason,
                            PhiType residualType, String detail) {
        QuarantineSealer.Source source = QuarantineSealer.Source.of(context.recordMetadata(), record.headers(),
                core.format());
        byte[] envelope = sealer.seal(messageId, reason, residualType, detail, raw, source, core.policyVersion());
        context.forward(new Record<String, Object>(messageId, envelope, record.timestamp(),
                Headers.of(Headers.MESSAGE_ID, messageId,
                        Headers.REASON, reason.name(),
                        Headers.RESIDUAL_TYPE, residualType == null ? null : residualType.name(),
                        Headers.POLICY_VERSION, core.policyVersion(),
                        Headers.PIPELINE_VERSION, pipelineVersion)), quarantineSink);
        context.forward(new Record<String, Object>(messageId,
                audit.quarantined(messageId, raw, reason.name(), record.timestamp(), source), record.timestamp()),
                auditNode);
        metrics.quarantined(core.stage(), reason, record.timestamp());
    }
}
