package io.phistream.serdes;

import io.phistream.serdes.ContractViolationException.Reason;
import io.phistream.serdes.registry.SchemaRegistryClient;
import io.phistream.serdes.registry.SchemaRegistryException;
import io.phistream.serdes.registry.SchemaRegistryException.ErrorKind;
import io.phistream.serdes.registry.SubjectNameStrategy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The Confluent wire format: magic byte {@code 0}, the writer schema's registry id as a 4-byte big-endian int,
 * then the Avro binary body — what Confluent's KafkaAvroSerializer writes and what Kafka Connect, ksqlDB and
 * Flink's Confluent Avro format read. Written with Avro's own datum writer/reader; ids come from a
 * {@link SchemaRegistryClient} (our own REST client, since Confluent's is not available to this project).
 *
 * <p>The serializer registers the contract under the subject (topic-name strategy) or, with auto-register
 * off, only looks it up. The deserializer resolves any writer schema the registry returns for an id against
 * the current contract; unknown ids and incompatible writers are {@link ContractViolationException}s, while a
 * registry that cannot be reached is a {@link SchemaRegistryException} (not the record's fault). Thread-safe.
 */
public final class ConfluentAvroSerde<T extends SpecificRecord> implements Serde<T> {

    static final int HEADER_LENGTH = 5;
    private static final byte MAGIC = 0;

    private final SpecificData model;
    private final Schema readerSchema;
    /** What is registered: the bundled .avsc, without the Java-only properties the generated class adds. */
    private final Schema registeredSchema;
    private final SchemaRegistryClient registry;
    private final SubjectNameStrategy subjects;
    private final boolean isKey;
    private final boolean autoRegister;
    private final DatumWriter<T> writer;
    /** Per writer-schema id: a resolving reader, or null when the writer cannot be read as the contract. */
    private final Map<Integer, ReaderOrViolation<T>> readers = new ConcurrentHashMap<>();
    private final Serializer<T> serializer = new ConfluentSerializer();
    private final Deserializer<T> deserializer = new ConfluentDeserializer();

    private record ReaderOrViolation<T>(Schema writer, DatumReader<T> reader) {
    }

    private static final ThreadLocal<BinaryEncoder> ENCODERS = new ThreadLocal<>();
    private static final ThreadLocal<BinaryDecoder> DECODERS = new ThreadLocal<>();

    public ConfluentAvroSerde(Class<T> type, SchemaRegistryClient registry, SubjectNameStrategy subjects,
                              boolean isKey, boolean autoRegister) {
        ContractClasses.trust();
        this.model = SpecificData.getForClass(type);
        this.readerSchema = model.getSchema(type);
        this.registry = registry;
        this.subjects = subjects;
        this.isKey = isKey;
        this.autoRegister = autoRegister;
        this.writer = new SpecificDatumWriter<>(readerSchema, model);
        this.registeredSchema = portable(readerSchema);
    }

    /**
     * The generated class's schema carries {@code avro.java.string} properties meant for Java only; register
     * the bundled source schema instead (same parsing form, so the same binary encoding) so that consumers in
     * other languages see the contract as written.
     */
    private static Schema portable(Schema classSchema) {
        try {
            Schema source = SchemaHistory.current(classSchema.getName());
            if (SchemaNormalization.parsingFingerprint64(source) == SchemaNormalization.parsingFingerprint64(classSchema)) {
                return source;
            }
        } catch (IllegalArgumentException e) {
            // not one of the bundled contracts: register the class schema as is
        }
        return classSchema;
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }

    private final class ConfluentSerializer implements Serializer<T> {
        @Override
        public byte[] serialize(String topic, T data) {
            if (data == null) {
                return null;
            }
            String subject = subjects.subject(topic, isKey, registeredSchema);
            int id = autoRegister ? registry.register(subject, registeredSchema) : registry.lookup(subject, registeredSchema);
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            out.write(MAGIC);
            out.write(id >>> 24);
            out.write(id >>> 16);
            out.write(id >>> 8);
            out.write(id);
            try {
                BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, ENCODERS.get());
                ENCODERS.set(encoder);
                writer.write(data, encoder);
                encoder.flush();
            } catch (IOException | RuntimeException e) {
                throw new ContractViolationException(topic, Reason.INVALID_RECORD);
            }
            return out.toByteArray();
        }
    }

    private final class ConfluentDeserializer implements Deserializer<T> {
        @Override
        public T deserialize(String topic, byte[] data) {
            if (data == null) {
                return null;
            }
            if (data.length < HEADER_LENGTH) {
                throw new ContractViolationException(topic, Reason.TRUNCATED_HEADER);
            }
            if (data[0] != MAGIC) {
                throw new ContractViolationException(topic, Reason.BAD_MAGIC);
            }
            int id = ((data[1] & 0xFF) << 24) | ((data[2] & 0xFF) << 16) | ((data[3] & 0xFF) << 8) | (data[4] & 0xFF);
            ReaderOrViolation<T> r = readers.get(id);
            if (r == null) {
                r = resolve(topic, id);
                readers.put(id, r);
            }
            if (r.reader() == null) {
                throw new ContractViolationException(topic, Reason.INCOMPATIBLE_SCHEMA);
            }
            PayloadGuard.check(r.writer(), data, HEADER_LENGTH, topic);
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, HEADER_LENGTH, data.length - HEADER_LENGTH,
                    DECODERS.get());
            DECODERS.set(decoder);
            try {
                return r.reader().read(null, decoder);
            } catch (AvroRuntimeException e) {
                // structurally sound (PayloadGuard), so resolution failed for this record, e.g. an unknown enum symbol
                throw new ContractViolationException(topic, Reason.INCOMPATIBLE_SCHEMA);
            } catch (IOException e) {
                throw new ContractViolationException(topic, Reason.MALFORMED_BODY);
            }
        }

        private ReaderOrViolation<T> resolve(String topic, int id) {
            Schema writerSchema;
            try {
                writerSchema = registry.schemaById(id);
            } catch (SchemaRegistryException e) {
                if (e.kind() == ErrorKind.SCHEMA_NOT_FOUND) {
                    // not cached: the id may be registered later (e.g. a lagging registry follower)
                    throw new ContractViolationException(topic, Reason.UNKNOWN_SCHEMA);
                }
                throw e;
            }
            SchemaCompatibilityType compat = SchemaCompatibility
                    .checkReaderWriterCompatibility(readerSchema, writerSchema).getType();
            if (compat != SchemaCompatibilityType.COMPATIBLE) {
                return new ReaderOrViolation<>(writerSchema, null);
            }
            return new ReaderOrViolation<>(writerSchema, new SpecificDatumReader<>(writerSchema, readerSchema, model));
        }
    }
}
