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
 *
 * <p>A released version is self-contained (every record it uses defined inline), so it stays what was released
 * when a record it embeds evolves. A current source may name another contract instead of repeating it (e.g.
 * {@code ObservationBatch} holds {@code io.phistream.serdes.avro.Observation}): {@link #current} resolves such
 * names from {@link #EMBEDDABLE}.
 */
public final class SchemaHistory {

    /** Contracts that other current sources may reference by full name; parsed before the one asked for. */
    static final List<String> EMBEDDABLE = List.of("Observation");

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

    /**
     * The current schema source of the named record, as bundled under {@code avro/<Name>.avsc}, with references to
     * {@link #EMBEDDABLE} contracts resolved to their current sources.
     */
    public static Schema current(String recordName) {
        Schema.Parser parser = new Schema.Parser();
        for (String embeddable : EMBEDDABLE) {
            if (!embeddable.equals(recordName)) {
                load(parser, "avro/" + embeddable + ".avsc");
            }
        }
        return load(parser, "avro/" + recordName + ".avsc")
                .orElseThrow(() -> new IllegalArgumentException("no bundled schema for " + recordName));
    }

    private static Optional<Schema> load(String resource) {
        return load(new Schema.Parser(), resource);
    }

    private static Optional<Schema> load(Schema.Parser parser, String resource) {
        try (InputStream in = SchemaHistory.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(parser.parse(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
