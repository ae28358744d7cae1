package io.phistream.topology.quality;

/**
 * Where the gate remembers which dedupe keys it has seen, with the timestamp of each sighting. Implemented over a
 * Kafka Streams window store ({@link QualityGateProcessor}) and in memory for tests.
 */
public interface SeenStore {

    /** The value recorded for {@code key} at a timestamp in {@code [from, to]} (the earliest), or null. */
    byte[] find(String key, long from, long to);

    void put(String key, byte[] value, long timestamp);
}
