package io.phistream.serdes;

/**
 * Configuration keys read by {@link AvroSerdeFactory#fromConfig}. The registry keys are Confluent's own
 * names, so an existing Confluent client configuration can be reused as is.
 */
public final class AvroSerdeConfig {

    /** {@code single-object} (default) or {@code confluent}. */
    public static final String WIRE_FORMAT = "phistream.serdes.wire.format";

    /** Comma-separated registry base URLs; required for the Confluent format. */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    /** Register the contract when absent (default true); false: look it up only and fail when absent. */
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    /** {@code user:password} for HTTP basic authentication. */
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    /** Static token for HTTP bearer authentication. */
    public static final String BEARER_AUTH_TOKEN = "bearer.auth.token";
    /** Truststore with the CA(s) of the registry's TLS certificate. */
    public static final String TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
    public static final String TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
    /** Truststore type, default PKCS12. */
    public static final String TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
    /** Connect and request timeout in ms, default 10000. */
    public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";

    private AvroSerdeConfig() {
    }
}
