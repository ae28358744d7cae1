package io.phistream.serdes;

import io.phistream.serdes.ContractViolationException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Avro single-object encoding (Avro specification, "Single-object encoding"): {@code 0xC3 0x01}, the 8-byte
 * little-endian CRC-64-AVRO fingerprint of the writer schema's parsing canonical form, then the Avro binary
 * body. Encoding and schema resolution are Avro's own {@link BinaryMessageEncoder}/{@link BinaryMessageDecoder};
 * the decoder knows the current contract and every released version in {@link SchemaHistory}, so records
 * written by an older release are read as the current contract. Needs no registry.
 *
 * <p>Thread-safe: one instance may serve all stream threads.
 */
public final class SingleObjectAvroSerde<T extends SpecificRecord> implements Serde<T> {

    static final int HEADER_LENGTH = 10;
    private static final byte MAGIC_0 = (byte) 0xC3;
    private static final byte MAGIC_1 = (byte) 0x01;

    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;
    private final Map<Long, Schema> writersByFingerprint = new HashMap<>();
    private final Serializer<T> serializer = new SingleObjectSerializer();
    private final Deserializer<T> deserializer = new SingleObjectDeserializer();

    public SingleObjectAvroSerde(Class<T> type) {
        ContractClasses.trust();
        SpecificData model = SpecificData.getForClass(type);
        Schema schema = model.getSchema(type);
        this.encoder = new BinaryMessageEncoder<>(model, schema);
        this.decoder = new BinaryMessageDecoder<>(model, schema);
        writersByFingerprint.put(SchemaNormalization.parsingFingerprint64(schema), schema);
        List<Schema> history = SchemaHistory.versions(schema.getName());
        for (Schema old : history) {
            decoder.addSchema(old);
            writersByFingerprint.put(SchemaNormalization.parsingFingerprint64(old), old);
        }
    }

    /** Fingerprints of every schema version this serde reads. */
    java.util.Set<Long> fingerprints() {
        return java.util.Set.copyOf(writersByFingerprint.keySet());
    }

    static long fingerprint(byte[] data) {
        return littleEndianLong(data, 2);
    }

    static boolean hasHeader(byte[] data) {
        return data.length >= HEADER_LENGTH && data[0] == MAGIC_0 && data[1] == MAGIC_1;
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }

    private final class SingleObjectSerializer implements Serializer<T> {
        @Override
        public byte[] serialize(String topic, T data) {
            if (data == null) {
                return null;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            try {
                encoder.encode(data, out);
            } catch (IOException | RuntimeException e) {
                throw new ContractViolationException(topic, Reason.INVALID_RECORD);
            }
            return out.toByteArray();
        }
    }

    private final class SingleObjectDeserializer implements Deserializer<T> {
        @Override
        public T deserialize(String topic, byte[] data) {
            if (data == null) {
                return null;
            }
            if (data.length < HEADER_LENGTH) {
                throw new ContractViolationException(topic, Reason.TRUNCATED_HEADER);
            }
            if (data[0] != MAGIC_0 || data[1] != MAGIC_1) {
                throw new ContractViolationException(topic, Reason.BAD_MAGIC);
            }
            Schema writer = writersByFingerprint.get(littleEndianLong(data, 2));
            if (writer == null) {
                throw new ContractViolationException(topic, Reason.UNKNOWN_SCHEMA);
            }
            PayloadGuard.check(writer, data, HEADER_LENGTH, topic);
            try {
                return decoder.decode(data);
            } catch (AvroRuntimeException e) {
                // the body is structurally sound (PayloadGuard), so this is resolution failing for this
                // record, e.g. an enum symbol the reader lacks and no default
                throw new ContractViolationException(topic, Reason.INCOMPATIBLE_SCHEMA);
            } catch (IOException e) {
                throw new ContractViolationException(topic, Reason.MALFORMED_BODY);
            }
        }
    }

    private static long littleEndianLong(byte[] b, int off) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (b[off + i] & 0xFFL);
        }
        return v;
    }
}
