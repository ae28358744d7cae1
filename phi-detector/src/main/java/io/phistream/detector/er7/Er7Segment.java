package io.phistream.detector.er7;

import java.util.Arrays;

/**
 * One segment with its fields as raw (still escaped) text, numbered as HL7 numbers them: field n of MSH is
 * MSH-n, so MSH-1 is the field separator and MSH-2 the encoding characters. Each field remembers where it
 * started in the original input so that replacements can be reported as input offsets.
 */
public final class Er7Segment {

    private final String name;
    private String[] fields; // [0] = segment name
    private int[] starts;    // input offset of each field, -1 once replaced or when absent
    private int count;       // highest field number present

    Er7Segment(String name, String[] fields, int[] starts, int count) {
        this.name = name;
        this.fields = fields;
        this.starts = starts;
        this.count = count;
    }

    public String name() {
        return name;
    }

    public boolean isMsh() {
        return "MSH".equals(name);
    }

    /** Highest field number present (0 for a bare segment name). */
    public int fieldCount() {
        return count;
    }

    /** Raw text of field n (1-based); empty when the segment has fewer fields. */
    public String field(int n) {
        return n >= 1 && n <= count ? fields[n] : "";
    }

    /** Offset of field n in the original input, or -1 when unknown (absent or already replaced). */
    public int fieldStart(int n) {
        return n >= 1 && n <= count ? starts[n] : -1;
    }

    /** Replaces field n with raw ER7 text (already escaped), extending the segment when needed. */
    public void setField(int n, String raw) {
        if (n < 1) {
            throw new IllegalArgumentException("field numbers start at 1");
        }
        if (isMsh() && n <= 2) {
            throw new IllegalArgumentException("MSH-1 and MSH-2 define the encoding and cannot be replaced");
        }
        if (n >= fields.length) {
            int size = Math.max(n + 1, fields.length * 2);
            fields = Arrays.copyOf(fields, size);
            int old = starts.length;
            starts = Arrays.copyOf(starts, size);
            Arrays.fill(starts, old, size, -1);
        }
        for (int i = count + 1; i < n; i++) {
            fields[i] = "";
            starts[i] = -1;
        }
        fields[n] = raw;
        starts[n] = -1;
        count = Math.max(count, n);
    }

    /** Removes every field, keeping the segment name (how unknown segments are redacted). */
    public void clearFields() {
        if (isMsh()) {
            throw new IllegalArgumentException("MSH cannot be cleared");
        }
        count = 0;
    }

    /** Length of {@link #appendTo}'s output. */
    int encodedLength() {
        int length = name.length();
        for (int i = isMsh() ? 2 : 1; i <= count; i++) {
            length += 1 + fields[i].length();
        }
        return length;
    }

    void appendTo(StringBuilder out, Delimiters d) {
        out.append(name);
        if (isMsh()) {
            out.append(d.field()).append(fields[2]);
            for (int i = 3; i <= count; i++) {
                out.append(d.field()).append(fields[i]);
            }
            return;
        }
        // every field as read, trailing empty ones too: an unedited message encodes byte for byte as it came
        for (int i = 1; i <= count; i++) {
            out.append(d.field()).append(fields[i]);
        }
    }
}
