package io.phistream.serdes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The released versions of each contract, as shipped in the jar under {@code avro-history/<Name>/v<n>.avsc}
 * (source: {@code serdes/src/main/avro-history}). Versions are numbered from 1 without gaps.
 */
public final class SchemaHistory {

    private SchemaHistory() {
    }

    /** All released versions of the named record (simple name, e.g. {@code QuarantineEnvelope}), oldest first. */
    public static List<Schema> versions(String recordName) {
        List<Schema> versions = new ArrayList<>();
        for (int v = 1; ; v++) {
            Optional<Schema> schema = load("avro-history/" + recordName + "/v" + v + ".avsc");
            if (schema.isEmpty()) {
                return List.copyOf(versions);
            }
            versions.add(schema.get());
        }
    }

    /** The current schema source of the named record, as bundled under {@code avro/<Name>.avsc}. */
    public static Schema current(String recordName) {
        return load("avro/" + recordName + ".avsc")
                .orElseThrow(() -> new IllegalArgumentException("no bundled schema for " + recordName));
    }

    private static Optional<Schema> load(String resource) {
        try (InputStream in = SchemaHistory.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new Schema.Parser().parse(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
