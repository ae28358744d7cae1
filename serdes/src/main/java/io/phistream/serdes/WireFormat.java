package io.phistream.serdes;

import java.util.Locale;

/** How contract records are framed on Kafka; chosen by configuration. */
public enum WireFormat {
    /** Avro single-object encoding with the bundled schemas: {@code C3 01}, 8-byte fingerprint, body. No registry. */
    SINGLE_OBJECT("single-object"),
    /** Confluent wire format: magic {@code 00}, 4-byte big-endian registry schema id, body. Needs a registry. */
    CONFLUENT("confluent");

    private final String configName;

    WireFormat(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    /** Parses {@code single-object} or {@code confluent} (case-insensitive; {@code _} accepted for {@code -}). */
    public static WireFormat parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (WireFormat f : values()) {
            if (f.configName.equals(v)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown wire format '" + value + "'; expected single-object or confluent");
    }
}
