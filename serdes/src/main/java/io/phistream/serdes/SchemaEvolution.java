package io.phistream.serdes;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * Backward-compatibility rules for the contracts, checked with Avro's own {@link SchemaCompatibility}:
 * a new schema must read data written with every released version (Confluent's BACKWARD_TRANSITIVE).
 */
public final class SchemaEvolution {

    private SchemaEvolution() {
    }

    /**
     * Why {@code reader} cannot read data written with each of {@code released} (oldest first); empty when it
     * can read all of them. Each entry names the version, the location and Avro's incompatibility type.
     */
    public static List<String> backwardIncompatibilities(Schema reader, List<Schema> released) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < released.size(); i++) {
            SchemaPairCompatibility pair = SchemaCompatibility.checkReaderWriterCompatibility(reader, released.get(i));
            for (Incompatibility inc : pair.getResult().getIncompatibilities()) {
                problems.add("v" + (i + 1) + " " + fieldPath(reader, inc.getLocation()) + " [" + inc.getLocation()
                        + "]: " + inc.getType() + " (" + inc.getMessage() + ")");
            }
        }
        return problems;
    }

    /** Turns Avro's JSON-pointer location (e.g. {@code /fields/5/type}) into field names (e.g. {@code sourcePartition}). */
    static String fieldPath(Schema reader, String location) {
        StringBuilder path = new StringBuilder(reader.getName());
        Schema at = reader;
        String[] parts = location.split("/");
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (at == null || p.isEmpty() || "type".equals(p)) {
                continue;
            }
            if ("fields".equals(p) && i + 1 < parts.length && at.getType() == Schema.Type.RECORD) {
                int index = Integer.parseInt(parts[++i]);
                if (index >= at.getFields().size()) {
                    break;
                }
                Schema.Field f = at.getFields().get(index);
                path.append('.').append(f.name());
                at = f.schema();
            } else if ("items".equals(p) && at.getType() == Schema.Type.ARRAY) {
                at = at.getElementType();
            } else if ("values".equals(p) && at.getType() == Schema.Type.MAP) {
                at = at.getValueType();
            } else if (at.getType() == Schema.Type.UNION && p.chars().allMatch(Character::isDigit)) {
                int index = Integer.parseInt(p);
                at = index < at.getTypes().size() ? at.getTypes().get(index) : null;
            }
        }
        return path.toString();
    }

    /**
     * Problems with a record's release history: versions that cannot read an earlier version, and a current
     * schema that differs from the newest released version (a change that was not released into history).
     */
    public static List<String> historyProblems(Schema current, List<Schema> released) {
        List<String> problems = new ArrayList<>();
        if (released.isEmpty()) {
            problems.add(current.getName() + ": no released version under avro-history");
            return problems;
        }
        for (int v = 1; v < released.size(); v++) {
            for (String p : backwardIncompatibilities(released.get(v), released.subList(0, v))) {
                problems.add(current.getName() + " v" + (v + 1) + " cannot read " + p);
            }
        }
        for (String p : backwardIncompatibilities(current, released)) {
            problems.add(current.getName() + " current cannot read " + p);
        }
        if (!current.equals(released.get(released.size() - 1))) {
            problems.add(current.getName() + ": current schema differs from v" + released.size()
                    + "; copy it to avro-history/" + current.getName() + "/v" + (released.size() + 1) + ".avsc");
        }
        return problems;
    }
}
