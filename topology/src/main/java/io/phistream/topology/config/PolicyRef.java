package io.phistream.topology.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a de-identification policy comes from: a policy shipped inside phi-stream ({@code builtin:NAME})
 * or a policy file. Exactly one of {@link #builtin()} and {@link #file()} is non-null.
 */
public record PolicyRef(String builtin, Path file) {
    public static final String BUILTIN_PREFIX = "builtin:";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    public PolicyRef {
        if ((builtin == null) == (file == null)) {
            throw new IllegalArgumentException("exactly one of builtin and file must be set");
        }
    }

    public static PolicyRef ofBuiltin(String name) {
        return new PolicyRef(Objects.requireNonNull(name), null);
    }

    public static PolicyRef ofFile(Path file) {
        return new PolicyRef(null, Objects.requireNonNull(file));
    }

    /**
     * Parses {@code builtin:NAME} or a file path.
     *
     * @throws IllegalArgumentException without the input in its message
     */
    public static PolicyRef parse(String value) {
        if (value.startsWith(BUILTIN_PREFIX)) {
            String name = value.substring(BUILTIN_PREFIX.length());
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("builtin name must match " + NAME.pattern());
            }
            return ofBuiltin(name);
        }
        try {
            return ofFile(Path.of(value));
        } catch (RuntimeException e) { // InvalidPathException echoes the input
            throw new IllegalArgumentException("not a valid file path");
        }
    }

    public boolean isBuiltin() {
        return builtin != null;
    }

    @Override
    public String toString() {
        return isBuiltin() ? BUILTIN_PREFIX + builtin : file.toString();
    }
}
