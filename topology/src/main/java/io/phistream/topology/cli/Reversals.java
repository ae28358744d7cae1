package io.phistream.topology.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.phistream.topology.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The account, beside the keys, of every attempt to see what phi-stream hid ({@code reidentify}, {@code quarantine
 * open}): one JSON line each in {@value #LOG}, written before anything is shown, and holding no value.
 */
final class Reversals {

    /** The file beside the keys where every reversal is accounted for. */
    static final String LOG = "reversals.jsonl";

    private Reversals() {
    }

    /**
     * Appends when, by which OS user and why, then {@code fields} (what was asked for, never its value, and the
     * outcome). A reversal that cannot be recorded does not happen: the failure is a configuration error.
     */
    static void record(Path keysDir, String purpose, Map<String, String> fields) {
        Path log = keysDir.resolve(LOG);
        Map<String, String> line = new LinkedHashMap<>();
        line.put("time", Instant.now().toString());
        line.put("user", System.getProperty("user.name", ""));
        line.put("purpose", purpose.strip());
        line.putAll(fields);
        try {
            Files.writeString(log, new ObjectMapper().writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new ConfigException("cannot record the reversal in " + log + " (" + e.getClass().getSimpleName()
                    + "): refusing to reverse without an account of it");
        }
    }
}
