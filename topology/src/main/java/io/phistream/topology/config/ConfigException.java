package io.phistream.topology.config;

/**
 * A configuration, option or key-material problem the user must fix (command-line exit code 2).
 *
 * <p>Messages name the offending key, option or file and the expected form. They never carry the
 * value of a key that looks secret, nor key bytes, nor any message content.
 */
public class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    /** The cause is kept for its type and stack only; callers must not pass a cause whose message echoes secrets. */
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
