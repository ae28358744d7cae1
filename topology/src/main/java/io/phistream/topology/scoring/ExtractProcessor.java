package io.phistream.topology.scoring;

import io.phistream.serdes.avro.ObservationBatch;
import io.phistream.serdes.avro.SourceFormat;
import io.phistream.topology.scoring.ObservationExtractor.Extraction;
import io.phistream.topology.stream.Headers;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The Kafka wrapper of {@link ObservationExtractor}: one de-identified message (HL7 v2 or FHIR JSON) in, at most one
 * {@link ObservationBatch} out, holding the message's vital signs under the same patient token (the record key: so it
 * stays in the task that owns the token), to the scoring processor and to the {@code observations} sink. One record per
 * message is what lets scoring apply a message's vitals as a set and score it once, and it is one broker write per
 * message instead of one per vital sign. A message without usable vitals gives no record. Never throws for data:
 * unusable input is skipped and counted.
 */
final class ExtractProcessor implements Processor<String, String, String, ObservationBatch> {

    enum Format { HL7V2, FHIR }

    private final Format format;
    private final String formatCode;
    private final SourceFormat sourceFormat;
    private final ScoringStages scoring;
    private final String scoreNode;
    private final String observationsSink;
    private ProcessorContext<String, ObservationBatch> context;

    ExtractProcessor(Format format, ScoringStages scoring, String scoreNode, String observationsSink) {
        this.format = format;
        this.formatCode = format == Format.HL7V2 ? "hl7v2" : "fhir";
        this.sourceFormat = format == Format.HL7V2 ? SourceFormat.HL7V2 : SourceFormat.FHIR;
        this.scoring = scoring;
        this.scoreNode = scoreNode;
        this.observationsSink = observationsSink;
    }

    @Override
    public void init(ProcessorContext<String, ObservationBatch> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, String> record) {
        String messageId = Headers.get(record.headers(), Headers.MESSAGE_ID);
        if (messageId == null || messageId.isBlank()) {
            // not written by our de-identification stage: name it by a keyed digest of its content
            messageId = "c" + ScoringStages.shortDigest(scoring.auditDrafts().digest(
                    (record.value() == null ? "" : record.value()).getBytes(StandardCharsets.UTF_8)));
        }
        Extraction x = format == Format.HL7V2
                ? ObservationExtractor.fromHl7(record.key(), record.value(), messageId)
                : ObservationExtractor.fromFhir(record.key(), record.value(), messageId);
        scoring.metrics().skipped(formatCode, x.skipped());
        int n = x.observations().size();
        scoring.metrics().observations(formatCode, n);
        if (n == 0) {
            return;
        }
        // the extractor puts the record key in every observation (it refuses a message without one)
        String token = x.observations().get(0).getPatientToken();
        ObservationBatch batch = ObservationBatch.newBuilder()
                .setPatientToken(token)
                .setSourceMessageId(messageId)
                .setSourceFormat(sourceFormat)
                .setObservations(x.observations())
                .build();
        Record<String, ObservationBatch> out = new Record<>(token, batch, record.timestamp(),
                Headers.of(Headers.MESSAGE_ID, messageId, Headers.PIPELINE_VERSION, scoring.pipelineVersion()));
        // straight to scoring, not through the topic: the record is already in the task that owns the token
        context.forward(out, scoreNode);
        context.forward(out, observationsSink);
    }
}
