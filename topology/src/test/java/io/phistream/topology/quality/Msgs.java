package io.phistream.topology.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Edits of test messages in ER7 text: set or drop fields and segments. */
final class Msgs {

    private Msgs() {
    }

    /** The message with field {@code field} of the {@code nth} (1-based) segment {@code name} set to {@code value}. */
    static String set(String msg, String name, int nth, int field, String value) {
        List<String> lines = new ArrayList<>(List.of(msg.split("\r")));
        int seen = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(name + "|") && ++seen == nth) {
                List<String> parts = new ArrayList<>(Arrays.asList(lines.get(i).split("\\|", -1)));
                int index = name.equals("MSH") ? field - 1 : field;
                while (parts.size() <= index) {
                    parts.add("");
                }
                parts.set(index, value);
                lines.set(i, String.join("|", parts));
                return String.join("\r", lines) + "\r";
            }
        }
        throw new IllegalArgumentException("no segment " + name + " #" + nth);
    }

    static String set(String msg, String name, int field, String value) {
        return set(msg, name, 1, field, value);
    }

    /** The message without any segment named {@code name}. */
    static String drop(String msg, String name) {
        List<String> lines = new ArrayList<>();
        for (String l : msg.split("\r")) {
            if (!l.startsWith(name + "|")) {
                lines.add(l);
            }
        }
        return String.join("\r", lines) + "\r";
    }

    /** The message with a segment appended. */
    static String append(String msg, String segment) {
        return msg + segment + "\r";
    }
}
