package io.phistream.topology.stream;

import io.phistream.detector.RejectReason;
import io.phistream.detector.hl7.Hl7Deidentifier;
import io.phistream.detector.hl7.Hl7Outcome;
import io.phistream.topology.stream.PipelineMetrics.Stage;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * The Kafka Streams wrapper around {@link Hl7Deidentifier}: raw ER7 bytes in; de-identified ER7 to the
 * {@code deid} sink, or a sealed envelope to the {@code quarantine} sink, plus an audit draft to the audit node.
 * It never throws for bad data: every input ends in exactly one of the two outputs, and one audit record, within
 * the same transaction.
 */
final class Hl7DeidProcessor implements Processor<String, byte[], String, Object> {

    private final Hl7Deidentifier deidentifier;
    private final QuarantineSealer sealer;
    private final PipelineMetrics metrics;
    private final String pipelineVersion;
    private final int maxMessageBytes;
    private final String deidSink;
    private final String quarantineSink;
    private final AuditDrafts audit;
    private final String auditNode;
    private ProcessorContext<String, Object> context;

    Hl7DeidProcessor(Hl7Deidentifier deidentifier, QuarantineSealer sealer, PipelineMetrics metrics,
                     String pipelineVersion, int maxMessageBytes, String deidSink, String quarantineSink,
                     AuditDrafts audit, String auditNode) {
        this.deidentifier = deidentifier;
        this.sealer = sealer;
        this.metrics = metrics;
        this.pipelineVersion = pipelineVersion;
        this.maxMessageBytes = maxMessageBytes;
        this.deidSink = deidSink;
        this.quarantineSink = quarantineSink;
        this.audit = audit;
        this.auditNode = auditNode;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, byte[]> record) {
        metrics.received(Stage.HL7);
        byte[] raw = record.value() == null ? new byte[0] : record.value();
        if (raw.length == 0) {
            quarantine(record, raw, deidentifier.contentId(""), RejectReason.EMPTY);
            return;
        }
        if (raw.length > maxMessageBytes) {
            quarantine(record, raw, deidentifier.contentId(raw), RejectReason.TOO_LARGE);
            return;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            quarantine(record, raw, deidentifier.contentId(raw), RejectReason.INVALID_ENCODING);
            return;
        }
        Hl7Outcome outcome = deidentifier.deidentify(text);
        if (outcome instanceof Hl7Outcome.Deidentified d) {
            context.forward(new Record<String, Object>(d.patientToken(), d.text(), record.timestamp(),
                    Headers.of(Headers.MESSAGE_ID, d.messageId(),
                            Headers.MESSAGE_TYPE, d.messageType(),
                            Headers.POLICY_VERSION, deidentifier.policy().version(),
                            Headers.PIPELINE_VERSION, pipelineVersion)), deidSink);
            context.forward(new Record<String, Object>(d.messageId(),
                    audit.released(d.messageId(), raw, d.text(), d.phiCounts(), record.timestamp()),
                    record.timestamp()), auditNode);
            metrics.released(Stage.HL7, d.phiCounts());
        } else {
            Hl7Outcome.Rejected r = (Hl7Outcome.Rejected) outcome;
            quarantine(record, raw, r.messageId(), r.reason());
        }
    }

    private void quarantine(Record<String, byte[]> record, byte[] raw, String messageId, RejectReason reason) {
        RecordMetadata md = context.recordMetadata().orElse(null);
        QuarantineSealer.Source source = new QuarantineSealer.Source(
                md == null ? "" : md.topic(), md == null ? -1 : md.partition(), md == null ? -1 : md.offset(), "hl7v2");
        byte[] envelope = sealer.seal(messageId, reason, raw, source);
        context.forward(new Record<String, Object>(messageId, envelope, record.timestamp(),
                Headers.of(Headers.MESSAGE_ID, messageId,
                        Headers.REASON, reason.name(),
                        Headers.POLICY_VERSION, deidentifier.policy().version(),
                        Headers.PIPELINE_VERSION, pipelineVersion)), quarantineSink);
        context.forward(new Record<String, Object>(messageId,
                audit.quarantined(messageId, raw, reason.name(), record.timestamp()), record.timestamp()), auditNode);
        metrics.quarantined(Stage.HL7, reason);
    }
}
