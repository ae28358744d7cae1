package io.phistream.serdes;

import io.phistream.serdes.avro.QuarantineEnvelope;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * Builds Kafka serdes for the contract records in the configured {@link WireFormat}. Serdes are thread-safe
 * and may be shared by all stream threads. Deserializers throw {@link ContractViolationException} for any
 * payload that does not meet its contract.
 */
public final class AvroSerdeFactory {

    private final WireFormat format;

    private AvroSerdeFactory(WireFormat format) {
        this.format = format;
    }

    /** Single-object encoding with the bundled schemas; no registry. */
    public static AvroSerdeFactory singleObject() {
        return new AvroSerdeFactory(WireFormat.SINGLE_OBJECT);
    }

    public WireFormat format() {
        return format;
    }

    /** A serde for the generated contract class {@code type}; {@code isKey} selects the registry subject. */
    public <T extends SpecificRecord> Serde<T> serde(Class<T> type, boolean isKey) {
        return new SingleObjectAvroSerde<>(type);
    }

    /** Value serde for the quarantine topic. */
    public Serde<QuarantineEnvelope> quarantineEnvelope() {
        return serde(QuarantineEnvelope.class, false);
    }
}
