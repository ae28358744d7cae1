package io.phistream.detector.er7;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A lean reader and writer for HL7 v2 ER7 ("pipe and hat") messages.
 *
 * <p>Hand-written rather than HAPI because HAPI's full model parses about ten times slower than the broker
 * moves records (BRIEF section 6); HAPI stays the oracle this reader is tested against. It only splits text:
 * no message structure, no datatypes. Segment separators may be CR, LF or CRLF; MLLP framing bytes and a
 * byte-order mark are tolerated. Writing always uses CR.
 */
public final class Er7Message {

    private static final char MLLP_START = 0x0B;
    private static final char MLLP_END = 0x1C;

    private final Delimiters delimiters;
    private final List<Er7Segment> segments;

    private Er7Message(Delimiters delimiters, List<Er7Segment> segments) {
        this.delimiters = delimiters;
        this.segments = segments;
    }

    public Delimiters delimiters() {
        return delimiters;
    }

    /** The segments in order; the list itself is fixed, segments can be edited. */
    public List<Er7Segment> segments() {
        return segments;
    }

    /** First segment with this name, or null. */
    public Er7Segment first(String name) {
        for (Er7Segment s : segments) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }

    /** Raw value of one leaf: repetition, component and sub-component all 1-based. Empty when absent. */
    public String get(String segment, int field, int repetition, int component, int subcomponent) {
        Er7Segment s = first(segment);
        if (s == null) {
            return "";
        }
        if (s.isMsh() && field <= 2) {
            return s.field(field);
        }
        return Er7.leaf(s.field(field), delimiters, repetition, component, subcomponent);
    }

    /** The message as ER7 text with CR segment separators and a final CR. */
    public String encode() {
        int length = 0;
        for (Er7Segment s : segments) {
            length += s.encodedLength() + 1;
        }
        StringBuilder out = new StringBuilder(length);
        for (Er7Segment s : segments) {
            s.appendTo(out, delimiters);
            out.append('\r');
        }
        return out.toString();
    }

    public static Er7Message parse(String input) throws Er7Exception {
        int begin = 0;
        int end = input.length();
        while (begin < end && (input.charAt(begin) == MLLP_START || input.charAt(begin) == '\uFEFF'
                || Character.isWhitespace(input.charAt(begin)))) {
            begin++;
        }
        while (end > begin && (input.charAt(end - 1) == MLLP_END || Character.isWhitespace(input.charAt(end - 1)))) {
            end--;
        }
        while (end < input.length() && (input.charAt(end) == ' ' || input.charAt(end) == '\t')) {
            end++; // spaces ending the last segment are part of its last value, as they are in any other segment
        }
        if (begin == end) {
            throw new Er7Exception(Er7Exception.Problem.EMPTY, 0);
        }
        if (end - begin < 8 || !input.startsWith("MSH", begin)) {
            throw new Er7Exception(Er7Exception.Problem.NO_MSH, begin);
        }
        Delimiters d = readDelimiters(input, begin, end);

        List<Er7Segment> segments = new ArrayList<>();
        char field = d.field();
        int pos = begin;
        while (pos < end) {
            int eol = pos;
            int separators = 0;
            while (eol < end) {
                char c = input.charAt(eol);
                if (c < 0x20) { // one comparison for the common case: printable text
                    if (c == '\r' || c == '\n') {
                        break;
                    }
                    if (c != '\t') {
                        // NUL, stray MLLP bytes and other C0 controls: bytes that are not ER7 text (fail closed)
                        throw new Er7Exception(Er7Exception.Problem.BINARY_CONTENT, eol);
                    }
                } else if (c == field) {
                    separators++;
                }
                eol++;
            }
            if (!isBlank(input, pos, eol)) {
                segments.add(readSegment(input, pos, eol, d, segments.isEmpty(), separators));
            }
            pos = eol + 1;
        }
        return new Er7Message(d, Collections.unmodifiableList(segments));
    }

    private static Delimiters readDelimiters(String in, int begin, int end) throws Er7Exception {
        char field = in.charAt(begin + 3);
        int encStart = begin + 4;
        int encEnd = encStart;
        while (encEnd < end && in.charAt(encEnd) != field && in.charAt(encEnd) != '\r' && in.charAt(encEnd) != '\n') {
            encEnd++;
        }
        int n = encEnd - encStart;
        if (Character.isLetterOrDigit(field) || Character.isWhitespace(field) || n < 2 || n > 5) {
            throw new Er7Exception(Er7Exception.Problem.BAD_ENCODING_CHARACTERS, begin + 3);
        }
        char[] c = new char[5];
        for (int i = 0; i < n; i++) {
            c[i] = in.charAt(encStart + i);
            if (Character.isLetterOrDigit(c[i]) || Character.isWhitespace(c[i]) || c[i] == field) {
                throw new Er7Exception(Er7Exception.Problem.BAD_ENCODING_CHARACTERS, encStart + i);
            }
            for (int j = 0; j < i; j++) {
                if (c[j] == c[i]) {
                    throw new Er7Exception(Er7Exception.Problem.BAD_ENCODING_CHARACTERS, encStart + i);
                }
            }
        }
        return new Delimiters(field, c[0], c[1], c[2], c[3], c[4]);
    }

    /** {@code separators}: how many field separators the line holds, so the field arrays are sized once. */
    private static Er7Segment readSegment(String in, int start, int eol, Delimiters d, boolean first, int separators)
            throws Er7Exception {
        if (eol - start < 3 || !validName(in, start) || (eol - start > 3 && in.charAt(start + 3) != d.field())) {
            throw new Er7Exception(Er7Exception.Problem.BAD_SEGMENT_NAME, start);
        }
        String name = in.substring(start, start + 3);
        if (first != name.equals("MSH")) {
            // a second MSH means a batch or two messages glued together: not one message
            throw new Er7Exception(first ? Er7Exception.Problem.NO_MSH : Er7Exception.Problem.BAD_SEGMENT_NAME, start);
        }
        int capacity = separators + 2; // MSH-1 is a field of its own
        String[] fields = new String[capacity];
        int[] starts = new int[capacity];
        fields[0] = name;
        starts[0] = start;
        int n = 0;
        int pos = start + 3;
        if (first) {
            // MSH-1 is the separator itself and MSH-2 runs to the next separator
            fields[1] = String.valueOf(d.field());
            starts[1] = pos;
            n = 1;
        }
        while (pos < eol) { // pos sits on a field separator
            int fs = pos + 1;
            int fe = in.indexOf(d.field(), fs);
            if (fe < 0 || fe > eol) {
                fe = eol;
            }
            n++;
            if (n >= capacity) {
                capacity *= 2;
                fields = java.util.Arrays.copyOf(fields, capacity);
                starts = java.util.Arrays.copyOf(starts, capacity);
            }
            fields[n] = in.substring(fs, fe);
            starts[n] = fs;
            pos = fe;
        }
        return new Er7Segment(name, fields, starts, n);
    }

    private static boolean validName(String in, int start) {
        char a = in.charAt(start);
        char b = in.charAt(start + 1);
        char c = in.charAt(start + 2);
        return a >= 'A' && a <= 'Z' && isUpperOrDigit(b) && isUpperOrDigit(c);
    }

    private static boolean isUpperOrDigit(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isBlank(String in, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(in.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
