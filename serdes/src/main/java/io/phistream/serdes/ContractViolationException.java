package io.phistream.serdes;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record on a contract topic could not be read (or written) as its Avro contract says.
 *
 * <p>The message holds the topic and a reason code only. The cause is deliberately not chained: Avro's and
 * Jackson's exception messages can quote decoded values (lengths, strings, enum symbols), i.e. parts of the
 * payload, and a payload may hold PHI. Extends Kafka's {@link SerializationException} so that Kafka Streams'
 * deserialization exception handler sees it; the topology routes it to the fail-closed quarantine path.
 */
public final class ContractViolationException extends SerializationException {

    private static final long serialVersionUID = 1L;

    /** Why a payload violates its contract. Stable codes: they appear in quarantine envelopes and metrics. */
    public enum Reason {
        /** Payload is shorter than the wire format's header. */
        TRUNCATED_HEADER,
        /** Magic bytes are not the wire format's (e.g. single-object bytes on a Confluent topic or vice versa). */
        BAD_MAGIC,
        /** The schema named by the header (fingerprint or registry id) is not known. */
        UNKNOWN_SCHEMA,
        /** The writer schema cannot be resolved to the reader's contract (incompatible evolution). */
        INCOMPATIBLE_SCHEMA,
        /** The body ends before the record does. */
        TRUNCATED_BODY,
        /** Bytes remain after the record. */
        TRAILING_BYTES,
        /** The body is not valid Avro binary for the writer schema (bad length, union index, enum symbol...). */
        MALFORMED_BODY,
        /** A record to be written does not satisfy its schema (e.g. a required field is null). */
        INVALID_RECORD
    }

    private final String topic;
    private final Reason reason;

    public ContractViolationException(String topic, Reason reason) {
        super("contract violation on topic " + topic + ": " + reason);
        this.topic = topic;
        this.reason = reason;
    }

    public String topic() {
        return topic;
    }

    public Reason reason() {
        return reason;
    }
}
