package io.phistream.topology.config;

/**
 * Which inputs reach the data-quality gate through a repartition topic keyed by their dedupe digest
 * ({@code ingest.rekey}). The dedupe store is per partition, so two copies of a message are dropped only if they
 * arrive on one partition.
 */
public enum IngestRekey {
    /** Inputs with a null Kafka key: the default partitioner spreads their copies, and they have no order to keep. */
    UNKEYED,
    /** Every input: for producers whose keys differ between copies (a fresh id per send). */
    ALWAYS,
    /** None: the producers key copies alike (by patient or control id), and nothing pays the extra topic. */
    NEVER;

    /** True when an input with this Kafka key goes through the repartition topic. */
    public boolean rekeys(String key) {
        return this == ALWAYS || (this == UNKEYED && key == null);
    }
}
