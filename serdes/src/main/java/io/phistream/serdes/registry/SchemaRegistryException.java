package io.phistream.serdes.registry;

import org.apache.kafka.common.KafkaException;

/**
 * The schema registry refused a request or could not be reached. Not a contract violation: a topology must
 * not quarantine records because the registry is down, it must stop (fail closed) and be restarted.
 * Messages name the operation, the HTTP status, the registry's error code and message (which are about
 * schemas and subjects, never record payloads).
 */
public class SchemaRegistryException extends KafkaException {

    private static final long serialVersionUID = 1L;

    /** Registry error codes (Confluent Schema Registry API reference), with what they mean to us. */
    public enum ErrorKind {
        SUBJECT_NOT_FOUND(40401),
        VERSION_NOT_FOUND(40402),
        SCHEMA_NOT_FOUND(40403),
        INCOMPATIBLE_SCHEMA(409),
        INVALID_SCHEMA(42201),
        INVALID_VERSION(42202),
        INVALID_COMPATIBILITY_LEVEL(42203),
        UNAUTHORIZED(401),
        FORBIDDEN(403),
        STORE_ERROR(50001),
        OPERATION_TIMEOUT(50002),
        FORWARDING_ERROR(50003),
        /** No registry URL answered (connection refused, TLS handshake failure, timeout). */
        UNREACHABLE(-1),
        /** Any other code; see {@link #errorCode()}. */
        OTHER(0);

        private final int code;

        ErrorKind(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        public static ErrorKind of(int errorCode, int httpStatus) {
            for (ErrorKind k : values()) {
                if (k.code > 0 && k.code == errorCode) {
                    return k;
                }
            }
            // registries answer 409 and 422 with error_code 409 / 422xx; auth failures often have no JSON body
            if (httpStatus == 409) {
                return INCOMPATIBLE_SCHEMA;
            }
            if (httpStatus == 401) {
                return UNAUTHORIZED;
            }
            if (httpStatus == 403) {
                return FORBIDDEN;
            }
            if (errorCode == 422 || httpStatus == 422) {
                return INVALID_SCHEMA;
            }
            return OTHER;
        }
    }

    private final ErrorKind kind;
    private final int httpStatus;
    private final int errorCode;

    public SchemaRegistryException(String message, ErrorKind kind, int httpStatus, int errorCode) {
        super(message);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.kind = ErrorKind.UNREACHABLE;
        this.httpStatus = -1;
        this.errorCode = -1;
    }

    public ErrorKind kind() {
        return kind;
    }

    /** HTTP status, or -1 when no registry answered. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The registry's {@code error_code}, the HTTP status when the body had none, or -1 when none answered. */
    public int errorCode() {
        return errorCode;
    }
}
