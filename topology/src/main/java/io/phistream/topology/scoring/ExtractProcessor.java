package io.phistream.topology.scoring;

import io.phistream.serdes.avro.Observation;
import io.phistream.topology.scoring.ObservationExtractor.Extraction;
import io.phistream.topology.stream.Headers;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The Kafka wrapper of {@link ObservationExtractor}: one de-identified message (HL7 v2 or FHIR JSON) in, its vital
 * signs out as {@link Observation} records under the same patient token (the record key: so they stay in the task
 * that owns the token), each to the scoring processor and to the {@code observations} sink. Every observation of one
 * message carries {@link ScoringHeaders#BATCH} ("i/n"), so the scoring processor scores a message's vitals once, as a
 * set, when the last one arrives. Never throws for data: unusable input is skipped and counted.
 */
final class ExtractProcessor implements Processor<String, String, String, Observation> {

    enum Format { HL7V2, FHIR }

    private final Format format;
    private final String formatCode;
    private final ScoringStages scoring;
    private final String scoreNode;
    private final String observationsSink;
    private ProcessorContext<String, Observation> context;

    ExtractProcessor(Format format, ScoringStages scoring, String scoreNode, String observationsSink) {
        this.format = format;
        this.formatCode = format == Format.HL7V2 ? "hl7v2" : "fhir";
        this.scoring = scoring;
        this.scoreNode = scoreNode;
        this.observationsSink = observationsSink;
    }

    @Override
    public void init(ProcessorContext<String, Observation> context) {
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
        for (int i = 0; i < n; i++) {
            Observation o = x.observations().get(i);
            Record<String, Observation> out = new Record<>(o.getPatientToken(), o, record.timestamp(),
                    Headers.of(Headers.MESSAGE_ID, messageId,
                            Headers.PIPELINE_VERSION, scoring.pipelineVersion(),
                            ScoringHeaders.BATCH, (i + 1) + "/" + n));
            // straight to scoring, not through the topic: the record is already in the task that owns the token
            context.forward(out, scoreNode);
            context.forward(out, observationsSink);
        }
    }
}
