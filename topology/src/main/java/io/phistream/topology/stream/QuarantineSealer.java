package io.phistream.topology.stream;

import com.google.crypto.tink.Aead;
import io.phistream.detector.RejectReason;
import io.phistream.serdes.SingleObjectAvroSerde;
import io.phistream.serdes.avro.QuarantineEnvelope;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Optional;
import io.phistream.topology.quality.IngestRekeying;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Seals a rejected input into a quarantine envelope: the original bytes encrypted with Tink AEAD (associated
 * data: the message id, so an envelope cannot be passed off as another message's), next to a reason code and
 * a fixed, PHI-free description. Nothing in the envelope is readable without the quarantine key.
 */
public final class QuarantineSealer {

    private final Aead aead;
    private final int keyId;
    private final String policyVersion;
    private final String pipelineVersion;
    private final Clock clock;
    private final Serde<QuarantineEnvelope> serde = new SingleObjectAvroSerde<>(QuarantineEnvelope.class);

    public QuarantineSealer(Aead aead, int keyId, String policyVersion, String pipelineVersion, Clock clock) {
        this.aead = aead;
        this.keyId = keyId;
        this.policyVersion = policyVersion;
        this.pipelineVersion = pipelineVersion;
        this.clock = clock;
    }

    /** One that only reads and opens envelopes (an authorized reader: {@code quarantine open}); it seals nothing. */
    public static QuarantineSealer opener(Aead aead) {
        return new QuarantineSealer(aead, 0, "", "", Clock.systemUTC());
    }

    /** Where the rejected record came from. */
    public record Source(String topic, int partition, long offset, String format) {

        /** {@code topic/partition/offset}: how the ingest-origin header and audit records write a place. */
        public String coordinates() {
            return topic + "/" + partition + "/" + offset;
        }

        /** The record being processed, by its metadata (absent: punctuation) and headers. */
        public static Source of(Optional<RecordMetadata> md, Headers headers, String format) {
            return md.map(m -> of(m.topic(), m.partition(), m.offset(), headers, format))
                    .orElseGet(() -> new Source("", -1, -1, format));
        }

        /**
         * The record read at {@code topic/partition/offset}; for one read back from an ingest repartition topic, the
         * ingest record it was first read as ({@link IngestRekeying#ORIGIN_HEADER}, which phi-stream writes on its
         * way there over any a producer sent), since the repartition topic is purged.
         */
        public static Source of(String topic, int partition, long offset, Headers headers, String format) {
            Header h = topic != null && topic.endsWith(IngestRekeying.REPARTITION_SUFFIX) && headers != null
                    ? headers.lastHeader(IngestRekeying.ORIGIN_HEADER) : null;
            String[] origin = h == null || h.value() == null ? new String[0]
                    : new String(h.value(), StandardCharsets.UTF_8).split("/", -1);
            if (origin.length == 3) {
                try {
                    return new Source(origin[0], Integer.parseInt(origin[1]), Long.parseLong(origin[2]), format);
                } catch (NumberFormatException e) {
                    // not written by phi-stream: name the repartition record
                }
            }
            return new Source(topic == null ? "" : topic, partition, offset, format);
        }
    }

    public byte[] seal(String messageId, RejectReason reason, byte[] original, Source source) {
        return seal(messageId, reason, original, source, policyVersion);
    }

    /** As {@link #seal(String, RejectReason, byte[], Source)}, naming the policy of the input's format. */
    public byte[] seal(String messageId, RejectReason reason, byte[] original, Source source, String policyVersion) {
        return seal(messageId, reason, null, original, source, policyVersion);
    }

    /**
     * The same, with the type of the value a RESIDUAL_PHI rejection found again in the readable detail
     * ({@link RejectReason#describe}): a type, never a value.
     */
    public byte[] seal(String messageId, RejectReason reason, io.phistream.detector.PhiType residualType,
                       byte[] original, Source source, String policyVersion) {
        return seal(messageId, reason, residualType, null, original, source, policyVersion);
    }

    /**
     * The same, with the core's own description of the rejection as the readable detail when it gives one (PHI-free:
     * "NOT_FHIR ...: a narrative's XHTML (text.div) is nested deeper than ..."); else the reason's.
     */
    public byte[] seal(String messageId, RejectReason reason, io.phistream.detector.PhiType residualType,
                       String detail, byte[] original, Source source, String policyVersion) {
        byte[] ciphertext;
        try {
            ciphertext = aead.encrypt(original == null ? new byte[0] : original,
                    messageId.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            // without encryption the original must not leave the process: fail the task, nothing is committed
            throw new IllegalStateException("quarantine encryption failed", null);
        }
        QuarantineEnvelope envelope = QuarantineEnvelope.newBuilder()
                .setMessageId(messageId)
                .setReason(reason.name())
                .setDetail(detail != null ? detail : residualType != null ? reason.describe(residualType)
                        : reason.description(source.format()))
                .setFormat(source.format())
                .setSourceTopic(source.topic())
                .setSourcePartition(source.partition())
                .setSourceOffset(source.offset())
                .setKeysetKeyId(keyId)
                .setCiphertext(ByteBuffer.wrap(ciphertext))
                .setPolicyVersion(policyVersion)
                .setPipelineVersion(pipelineVersion)
                .setQuarantinedAtMs(clock.instant())
                .build();
        return serde.serializer().serialize(source.topic(), envelope);
    }

    public QuarantineEnvelope read(byte[] envelope) {
        return serde.deserializer().deserialize("quarantine", envelope);
    }

    /** The original bytes, for an authorized reader holding the quarantine key. */
    public byte[] open(QuarantineEnvelope envelope) throws GeneralSecurityException {
        ByteBuffer b = envelope.getCiphertext().duplicate();
        byte[] ct = new byte[b.remaining()];
        b.get(ct);
        return aead.decrypt(ct, envelope.getMessageId().getBytes(StandardCharsets.UTF_8));
    }
}
