package io.phistream.serdes;

import io.phistream.serdes.avro.Alert;
import io.phistream.serdes.avro.AuditCheckpoint;
import io.phistream.serdes.avro.AuditRecord;
import io.phistream.serdes.avro.DriftEvent;
import io.phistream.serdes.avro.Observation;
import io.phistream.serdes.avro.ObservationBatch;
import io.phistream.serdes.avro.QuarantineEnvelope;
import io.phistream.serdes.avro.Score;
import io.phistream.serdes.registry.RestSchemaRegistryClient;
import io.phistream.serdes.registry.SchemaRegistryClient;
import io.phistream.serdes.registry.SubjectNameStrategy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * Builds Kafka serdes for the contract records in the configured {@link WireFormat}. Serdes are thread-safe
 * and may be shared by all stream threads.
 *
 * <p>Deserializers throw {@link ContractViolationException} for a payload that breaks its contract: route it
 * to quarantine. Anything else they throw (e.g. {@link io.phistream.serdes.registry.SchemaRegistryException}
 * when the registry is unreachable) is not the record's fault: the deserialization exception handler must
 * answer FAIL for it, not CONTINUE, so that no record is skipped.
 */
public final class AvroSerdeFactory {

    /** Every contract record, in a stable order. */
    public static final List<Class<? extends SpecificRecord>> CONTRACTS = List.of(
            QuarantineEnvelope.class, Observation.class, ObservationBatch.class, Score.class, Alert.class,
            AuditRecord.class, AuditCheckpoint.class, DriftEvent.class);

    private final WireFormat format;
    private final SchemaRegistryClient registry;
    private final SubjectNameStrategy subjects;
    private final boolean autoRegister;

    private AvroSerdeFactory(WireFormat format, SchemaRegistryClient registry, SubjectNameStrategy subjects,
                             boolean autoRegister) {
        this.format = format;
        this.registry = registry;
        this.subjects = subjects;
        this.autoRegister = autoRegister;
    }

    /** Single-object encoding with the bundled schemas; no registry. */
    public static AvroSerdeFactory singleObject() {
        return new AvroSerdeFactory(WireFormat.SINGLE_OBJECT, null, null, false);
    }

    /** Confluent wire format against {@code registry}, subjects by topic name. */
    public static AvroSerdeFactory confluent(SchemaRegistryClient registry, boolean autoRegister) {
        return new AvroSerdeFactory(WireFormat.CONFLUENT, Objects.requireNonNull(registry),
                SubjectNameStrategy.TOPIC_NAME, autoRegister);
    }

    /** From the keys in {@link AvroSerdeConfig}; values may be strings or typed (as in Kafka configs). */
    public static AvroSerdeFactory fromConfig(Map<String, ?> config) {
        WireFormat format = WireFormat.parse(string(config, AvroSerdeConfig.WIRE_FORMAT, "single-object"));
        if (format == WireFormat.SINGLE_OBJECT) {
            return singleObject();
        }
        String urls = string(config, AvroSerdeConfig.SCHEMA_REGISTRY_URL, "");
        if (urls.isBlank()) {
            throw new IllegalArgumentException(AvroSerdeConfig.SCHEMA_REGISTRY_URL + " is required for the confluent wire format");
        }
        RestSchemaRegistryClient.Builder b = RestSchemaRegistryClient.builder().urls(urls)
                .timeout(Duration.ofMillis(Long.parseLong(string(config, AvroSerdeConfig.REQUEST_TIMEOUT_MS, "10000"))));
        String userInfo = string(config, AvroSerdeConfig.BASIC_AUTH_USER_INFO, "");
        if (!userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(AvroSerdeConfig.BASIC_AUTH_USER_INFO + " must be user:password");
            }
            b.basicAuth(userInfo.substring(0, colon), userInfo.substring(colon + 1));
        }
        String token = string(config, AvroSerdeConfig.BEARER_AUTH_TOKEN, "");
        if (!token.isEmpty()) {
            b.bearerToken(token);
        }
        String trustStore = string(config, AvroSerdeConfig.TRUSTSTORE_LOCATION, "");
        if (!trustStore.isEmpty()) {
            b.trustStore(Path.of(trustStore), string(config, AvroSerdeConfig.TRUSTSTORE_PASSWORD, "").toCharArray(),
                    string(config, AvroSerdeConfig.TRUSTSTORE_TYPE, "PKCS12"));
        }
        boolean autoRegister = Boolean.parseBoolean(string(config, AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "true"));
        return confluent(b.build(), autoRegister);
    }

    private static String string(Map<String, ?> config, String key, String defaultValue) {
        Object v = config.get(key);
        if (v == null) {
            return defaultValue;
        }
        // Kafka's Password type hides its value in toString(); value() holds it
        if (v instanceof org.apache.kafka.common.config.types.Password p) {
            return p.value();
        }
        return v.toString();
    }

    public WireFormat format() {
        return format;
    }

    /** A serde for the generated contract class {@code type}; {@code isKey} selects the registry subject. */
    public <T extends SpecificRecord> Serde<T> serde(Class<T> type, boolean isKey) {
        return switch (format) {
            case SINGLE_OBJECT -> new SingleObjectAvroSerde<>(type);
            case CONFLUENT -> new ConfluentAvroSerde<>(type, registry, subjects, isKey, autoRegister);
        };
    }

    /**
     * A serde for a topic carrying several contract types; deserializes to the matching generated class.
     * In the Confluent format each type registers under {@code <topic>-<record full name>}.
     */
    @SafeVarargs
    public final Serde<SpecificRecord> multi(boolean isKey, Class<? extends SpecificRecord>... types) {
        return new MultiContractSerde(format, registry, isKey, autoRegister, List.of(types));
    }

    /** Value serde for the audit topic: {@link AuditRecord} and {@link AuditCheckpoint}. */
    public Serde<SpecificRecord> auditEntry() {
        return multi(false, AuditRecord.class, AuditCheckpoint.class);
    }

    public Serde<QuarantineEnvelope> quarantineEnvelope() {
        return serde(QuarantineEnvelope.class, false);
    }

    public Serde<Observation> observation() {
        return serde(Observation.class, false);
    }

    /** Value serde for the observations topic: one record per de-identified message with vitals. */
    public Serde<ObservationBatch> observationBatch() {
        return serde(ObservationBatch.class, false);
    }

    public Serde<Score> score() {
        return serde(Score.class, false);
    }

    public Serde<Alert> alert() {
        return serde(Alert.class, false);
    }

    public Serde<AuditRecord> auditRecord() {
        return serde(AuditRecord.class, false);
    }

    public Serde<AuditCheckpoint> auditCheckpoint() {
        return serde(AuditCheckpoint.class, false);
    }

    public Serde<DriftEvent> driftEvent() {
        return serde(DriftEvent.class, false);
    }
}
