package io.phistream.serdes;

import io.phistream.serdes.ContractViolationException.Reason;
import io.phistream.serdes.registry.SchemaRegistryClient;
import io.phistream.serdes.registry.SchemaRegistryException;
import io.phistream.serdes.registry.SchemaRegistryException.ErrorKind;
import io.phistream.serdes.registry.SubjectNameStrategy;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A serde for a topic that carries several contract types (the audit topic holds AuditRecord and
 * AuditCheckpoint). Writes each record with its own type's serde; reads by looking at the header: the
 * single-object fingerprint, or the Confluent schema id's record name. In the Confluent format each type has
 * its own subject ({@link SubjectNameStrategy#TOPIC_RECORD_NAME}), so each evolves on its own.
 */
public final class MultiContractSerde implements Serde<SpecificRecord> {

    private final Map<Class<?>, Serde<SpecificRecord>> byClass = new LinkedHashMap<>();
    private final Map<Long, Serde<SpecificRecord>> byFingerprint = new HashMap<>();
    private final Map<String, Serde<SpecificRecord>> byFullName = new HashMap<>();
    private final WireFormat format;
    private final SchemaRegistryClient registry;
    private final Serializer<SpecificRecord> serializer = this::serialize;
    private final Deserializer<SpecificRecord> deserializer = this::deserialize;

    @SuppressWarnings({"unchecked", "rawtypes"})
    MultiContractSerde(WireFormat format, SchemaRegistryClient registry, boolean isKey, boolean autoRegister,
                       List<Class<? extends SpecificRecord>> types) {
        if (types.isEmpty()) {
            throw new IllegalArgumentException("at least one contract type");
        }
        this.format = format;
        this.registry = registry;
        for (Class<? extends SpecificRecord> type : types) {
            Serde<SpecificRecord> serde;
            if (format == WireFormat.SINGLE_OBJECT) {
                SingleObjectAvroSerde single = new SingleObjectAvroSerde(type);
                for (Object fp : single.fingerprints()) {
                    byFingerprint.put((Long) fp, single);
                }
                serde = single;
            } else {
                serde = new ConfluentAvroSerde(type, registry, SubjectNameStrategy.TOPIC_RECORD_NAME, isKey, autoRegister);
            }
            byClass.put(type, serde);
            byFullName.put(org.apache.avro.specific.SpecificData.get().getSchema(type).getFullName(), serde);
        }
    }

    @Override
    public Serializer<SpecificRecord> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<SpecificRecord> deserializer() {
        return deserializer;
    }

    private byte[] serialize(String topic, SpecificRecord data) {
        if (data == null) {
            return null;
        }
        Serde<SpecificRecord> serde = byClass.get(data.getClass());
        if (serde == null) {
            throw new ContractViolationException(topic, Reason.INVALID_RECORD);
        }
        return serde.serializer().serialize(topic, data);
    }

    private SpecificRecord deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        Serde<SpecificRecord> first = byClass.values().iterator().next();
        Serde<SpecificRecord> serde;
        if (format == WireFormat.SINGLE_OBJECT) {
            if (!SingleObjectAvroSerde.hasHeader(data)) {
                return first.deserializer().deserialize(topic, data); // names the header problem
            }
            serde = byFingerprint.get(SingleObjectAvroSerde.fingerprint(data));
            if (serde == null) {
                throw new ContractViolationException(topic, Reason.UNKNOWN_SCHEMA);
            }
        } else {
            if (data.length < ConfluentAvroSerde.HEADER_LENGTH || data[0] != 0) {
                return first.deserializer().deserialize(topic, data);
            }
            int id = ((data[1] & 0xFF) << 24) | ((data[2] & 0xFF) << 16) | ((data[3] & 0xFF) << 8) | (data[4] & 0xFF);
            String name;
            try {
                name = registry.schemaById(id).getFullName();
            } catch (SchemaRegistryException e) {
                if (e.kind() == ErrorKind.SCHEMA_NOT_FOUND) {
                    throw new ContractViolationException(topic, Reason.UNKNOWN_SCHEMA);
                }
                throw e;
            }
            serde = byFullName.get(name);
            if (serde == null) {
                throw new ContractViolationException(topic, Reason.INCOMPATIBLE_SCHEMA);
            }
        }
        return serde.deserializer().deserialize(topic, data);
    }
}
