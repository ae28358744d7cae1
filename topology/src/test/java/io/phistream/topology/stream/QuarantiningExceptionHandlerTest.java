package io.phistream.topology.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.RejectReason;
import io.phistream.serdes.avro.QuarantineEnvelope;
import io.phistream.topology.keys.KeyStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

/** Kafka Streams' own error path must seal the input too: no dead-letter record in clear, no crash. */
class QuarantiningExceptionHandlerTest {

    @Test
    void givenAProcessingFailure_whenHandled_thenProcessingResumesAndTheInputGoesToQuarantineEncrypted()
            throws Exception {
        KeyStore keys = KeyStore.ephemeral();
        QuarantineSealer sealer = new QuarantineSealer(keys.quarantine(), 1, "1.0.0", "test", Clock.systemUTC());
        QuarantiningExceptionHandler handler = new QuarantiningExceptionHandler();
        handler.configure(Map.of(QuarantiningExceptionHandler.SEALER, sealer,
                QuarantiningExceptionHandler.TOPIC, "quarantine",
                QuarantiningExceptionHandler.DIGEST, (java.util.function.Function<byte[], String>) b -> "c-test"));
        byte[] raw = "MSH|^~\\&|A|B|||||ADT^A01|1|P|2.5\rPID|1||123^^^H^MR||DOE^JANE".getBytes(StandardCharsets.UTF_8);

        ProcessingExceptionHandler.Response response = handler.handleError(context(raw),
                new Record<>("k", raw, 0L), new IllegalStateException("boom with JANE DOE inside"));

        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).hasSize(1);
        ProducerRecord<byte[], byte[]> dlq = response.deadLetterQueueRecords().get(0);
        assertThat(dlq.topic()).isEqualTo("quarantine");
        assertThat(new String(dlq.value(), StandardCharsets.ISO_8859_1)).doesNotContain("DOE");
        QuarantineEnvelope env = sealer.read(dlq.value());
        assertThat(env.getReason()).isEqualTo(RejectReason.INTERNAL_ERROR.name());
        assertThat(sealer.open(env)).isEqualTo(raw);
    }

    private static ErrorHandlerContext context(byte[] raw) {
        return new ErrorHandlerContext() {
            public String topic() { return "ingest.hl7v2"; }
            public int partition() { return 0; }
            public long offset() { return 42; }
            public org.apache.kafka.common.header.Headers headers() { return new RecordHeaders(); }
            public String processorNodeId() { return "deidentify-hl7v2"; }
            public TaskId taskId() { return new TaskId(0, 0); }
            public long timestamp() { return 0; }
            public byte[] sourceRawKey() { return null; }
            public byte[] sourceRawValue() { return raw; }
        };
    }
}
