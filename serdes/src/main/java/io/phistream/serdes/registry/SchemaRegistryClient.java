package io.phistream.serdes.registry;

import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry REST API that the Confluent wire format needs. Implementations
 * cache: each (subject, schema) and each id costs at most one successful registry call per client.
 *
 * <p>All methods throw {@link SchemaRegistryException} when the registry refuses or cannot be reached.
 */
public interface SchemaRegistryClient {

    /** Registers {@code schema} under {@code subject} (or finds it already there) and returns its global id. */
    int register(String subject, Schema schema);

    /** The global id of {@code schema} already registered under {@code subject}; 40401/40403 if it is not. */
    int lookup(String subject, Schema schema);

    /** The schema with global id {@code id}; 40403 if there is none. */
    Schema schemaById(int id);
}
