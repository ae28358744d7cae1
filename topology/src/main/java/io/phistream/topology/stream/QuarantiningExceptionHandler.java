package io.phistream.topology.stream;

import io.phistream.detector.RejectReason;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Kafka Streams' own error handlers (KIP-1033/1034), configured to the same effect as the processors: a record
 * that fails anywhere goes to quarantine, encrypted, and the application keeps running. Kafka's built-in
 * dead-letter record would copy the raw input in clear; this handler seals it instead. Exceptions are never
 * logged with their message (it may quote the record).
 */
public final class QuarantiningExceptionHandler implements ProcessingExceptionHandler, DeserializationExceptionHandler {

    /** Streams-config key under which the topology passes its sealer (an object, not a string). */
    public static final String SEALER = "phi-stream.quarantine.sealer";
    public static final String TOPIC = "phi-stream.quarantine.topic";
    public static final String DIGEST = "phi-stream.quarantine.digest";

    private QuarantineSealer sealer;
    private String topic;
    private java.util.function.Function<byte[], String> contentId;

    @Override
    @SuppressWarnings("unchecked")
    public void configure(Map<String, ?> configs) {
        this.sealer = (QuarantineSealer) configs.get(SEALER);
        this.topic = (String) configs.get(TOPIC);
        this.contentId = (java.util.function.Function<byte[], String>) configs.get(DIGEST);
        if (sealer == null || topic == null || contentId == null) {
            throw new IllegalStateException("quarantine handler is not configured");
        }
    }

    @Override
    public ProcessingExceptionHandler.Response handleError(ErrorHandlerContext context, Record<?, ?> record,
                                                           Exception exception) {
        if (PhiStreamTopology.AUDIT.equals(context.processorNodeId())
                || io.phistream.topology.scoring.ScoringTopology.AUDIT.equals(context.processorNodeId())) {
            // the audit log cannot skip a record: fail the task, the transaction aborts, nothing is lost
            return ProcessingExceptionHandler.Response.fail();
        }
        return ProcessingExceptionHandler.Response.resume(List.of(envelope(context)));
    }

    @Override
    public DeserializationExceptionHandler.Response handleError(ErrorHandlerContext context,
                                                                ConsumerRecord<byte[], byte[]> record,
                                                                Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof io.phistream.serdes.registry.SchemaRegistryException) {
                // the registry is down or refuses us: not the record's fault, so it must not be skipped
                return DeserializationExceptionHandler.Response.fail();
            }
        }
        return DeserializationExceptionHandler.Response.resume(List.of(envelope(context)));
    }

    private ProducerRecord<byte[], byte[]> envelope(ErrorHandlerContext context) {
        byte[] raw = context.sourceRawValue() == null ? new byte[0] : context.sourceRawValue();
        String messageId = contentId.apply(raw);
        byte[] sealed = sealer.seal(messageId, RejectReason.INTERNAL_ERROR, raw,
                QuarantineSealer.Source.of(context.topic(), context.partition(), context.offset(), context.headers(),
                        "unknown"));
        return new ProducerRecord<>(topic, null, messageId.getBytes(StandardCharsets.UTF_8), sealed,
                Headers.of(Headers.MESSAGE_ID, messageId, Headers.REASON, RejectReason.INTERNAL_ERROR.name()));
    }
}
