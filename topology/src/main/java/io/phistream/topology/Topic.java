package io.phistream.topology;

import org.apache.kafka.common.serialization.Serde;

import java.util.Objects;

/** A topic's full name with the serdes of its keys and values (Kafka Streams 4 has no default serdes). */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {
    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
    }

    @Override
    public String toString() {
        return name;
    }
}
