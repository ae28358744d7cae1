package io.phistream.synthetic;

import java.util.ArrayList;
import java.util.List;

/**
 * Appends ER7 segments to one reused StringBuilder and records every PHI value as it is written, so the
 * PHI list of a message is exactly what its text holds. Not thread-safe; one per generator.
 */
final class Er7Writer {
    final StringBuilder sb = new StringBuilder(4096);
    private final String separator;
    private final ArrayList<PlantedPhi> planted = new ArrayList<>(64);
    private int field;

    Er7Writer(String separator) {
        this.separator = separator;
    }

    void reset() {
        sb.setLength(0);
        planted.clear();
        field = 0;
    }

    /** Starts the MSH segment; the next field written is MSH-3. */
    Er7Writer msh() {
        sb.append("MSH|^~\\&");
        field = 2;
        return this;
    }

    Er7Writer seg(String id) {
        sb.append(separator).append(id);
        field = 0;
        return this;
    }

    /** Moves to field {@code n} of the current segment (must be beyond the current one). */
    Er7Writer f(int n) {
        while (field < n) {
            sb.append('|');
            field++;
        }
        return this;
    }

    Er7Writer t(String s) {
        sb.append(s);
        return this;
    }

    Er7Writer t(CharSequence s, int start, int end) {
        sb.append(s, start, end);
        return this;
    }

    Er7Writer t(char c) {
        sb.append(c);
        return this;
    }

    Er7Writer n(int v) {
        sb.append(v);
        return this;
    }

    /** Component separator. */
    Er7Writer c() {
        sb.append('^');
        return this;
    }

    /** Repetition separator. */
    Er7Writer rep() {
        sb.append('~');
        return this;
    }

    Er7Writer dtm(long localSec, boolean seconds) {
        Dates.appendDtm(sb, localSec, seconds);
        return this;
    }

    /** The message time zone; fixed, the feed is one (fake) US Eastern hospital group. */
    Er7Writer tz() {
        sb.append("-0500");
        return this;
    }

    /** Writes a PHI value and records it. */
    Er7Writer p(PlantedPhi.Kind kind, String value) {
        if (value.isEmpty()) {
            return this;
        }
        sb.append(value);
        for (int i = 0, n = planted.size(); i < n; i++) {
            PlantedPhi x = planted.get(i);
            if (x.value().equals(value)) {
                return this;
            }
        }
        planted.add(new PlantedPhi(kind, value));
        return this;
    }

    List<PlantedPhi> planted() {
        return planted;
    }

    List<String> phiValues() {
        String[] values = new String[planted.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = planted.get(i).value();
        }
        return List.of(values);
    }
}
