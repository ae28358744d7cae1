package io.phistream.detector.er7;

import java.util.ArrayList;
import java.util.List;

/**
 * Splitting, joining and escaping of raw ER7 field text. Splitting on the separator characters is exact
 * because ER7 writes any separator that occurs inside a value as an escape sequence (\F\, \S\, \R\, \T\, \E\),
 * whose letters are never separators.
 */
public final class Er7 {

    private Er7() {
    }

    /** Parts of {@code raw} between occurrences of {@code sep}; always at least one (possibly empty) part. */
    public static List<String> split(String raw, char sep) {
        List<String> parts = new ArrayList<>(4);
        if (sep == '\0') {
            parts.add(raw);
            return parts;
        }
        int from = 0;
        int i;
        while ((i = raw.indexOf(sep, from)) >= 0) {
            parts.add(raw.substring(from, i));
            from = i + 1;
        }
        parts.add(raw.substring(from));
        return parts;
    }

    /** Part {@code index} (1-based) of {@code raw} split on {@code sep}; empty when absent. */
    public static String part(String raw, char sep, int index) {
        if (sep == '\0') {
            return index == 1 ? raw : "";
        }
        int from = 0;
        for (int i = 1; i < index; i++) {
            int next = raw.indexOf(sep, from);
            if (next < 0) {
                return "";
            }
            from = next + 1;
        }
        int end = raw.indexOf(sep, from);
        return end < 0 ? raw.substring(from) : raw.substring(from, end);
    }

    /** Joins parts with {@code sep}, dropping trailing empty parts. */
    public static String join(List<String> parts, char sep) {
        int last = parts.size() - 1;
        while (last > 0 && parts.get(last).isEmpty()) {
            last--;
        }
        if (last == 0) {
            return parts.get(0);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i <= last; i++) {
            if (i > 0) {
                sb.append(sep);
            }
            sb.append(parts.get(i));
        }
        return sb.toString();
    }

    /** Raw leaf value at repetition, component and sub-component (all 1-based) of a raw field. */
    public static String leaf(String rawField, Delimiters d, int repetition, int component, int subcomponent) {
        String rep = part(rawField, d.repetition(), repetition);
        String comp = part(rep, d.component(), component);
        return part(comp, d.subcomponent(), subcomponent);
    }

    /**
     * A text value cut at its escapes that are not text, to be written back exactly as they came: formatting commands
     * ({@code \.br\}, {@code \.sp 2\}, {@code \.in +4\}, {@code \.ti\}, {@code \.sk\}, {@code \.ce\}, {@code \.fi\},
     * {@code \.nf\}), highlighting ({@code \H\}, {@code \N\}), character-set switches ({@code \C2842\}, {@code
     * \M2442\}), hexadecimal data that decodes to line breaks and blanks only ({@code \X0D0A\}) and site-defined escapes
     * ({@code \Zsig\}, which the caller must judge: {@link #siteDefined}). Text, escape, text, ..., text: an odd count,
     * the texts still escaped, so that a scrubber reads the texts; the separators' escapes and hexadecimal data that
     * holds anything else (it may spell a name) stay inside the texts, to be read as text.
     */
    public static List<String> pieces(String raw, Delimiters d) {
        char e = d.escape();
        List<String> pieces = new ArrayList<>();
        int from = 0;
        int i = e == '\0' ? -1 : raw.indexOf(e);
        while (i >= 0) {
            int close = raw.indexOf(e, i + 1);
            if (close < 0) {
                break;
            }
            if (formatting(raw, i + 1, close) || charset(raw, i + 1, close) || blankHex(raw, i + 1, close)
                    || raw.charAt(i + 1) == 'Z' && close > i + 2) {
                pieces.add(raw.substring(from, i));
                pieces.add(raw.substring(i, close + 1));
                from = close + 1;
            }
            i = raw.indexOf(e, close + 1);
        }
        pieces.add(raw.substring(from));
        return pieces;
    }

    /** Whether an escape from {@link #pieces} is a site-defined one ({@code \Zsig\}): its content may be anything. */
    public static boolean siteDefined(String escape) {
        return escape.length() > 3 && escape.charAt(1) == 'Z';
    }

    /**
     * What an escape from {@link #pieces} reads as in the text around it: a line break for a line command and for
     * hexadecimal line breaks, a blank for other hexadecimal blanks and for a site-defined escape (which may stand
     * between two words), nothing for highlighting and character-set switches.
     */
    public static String readAs(String escape) {
        if (lineCommand(escape)) {
            return "\n";
        }
        if (escape.length() > 3 && escape.charAt(1) == 'X') {
            for (int k = 2; k + 1 < escape.length() - 1; k += 2) {
                int b = Integer.parseInt(escape, k, k + 2, 16);
                if (b == 0x0D || b == 0x0A) {
                    return "\n";
                }
            }
            return " ";
        }
        return siteDefined(escape) ? " " : "";
    }

    /** Whether a formatting command from {@link #pieces} breaks the line ({@code \.br\}, {@code \.sp 2\}) rather than highlights. */
    public static boolean lineCommand(String command) {
        return command.length() > 2 && command.charAt(1) == '.';
    }

    private static boolean formatting(String raw, int from, int to) {
        if (to - from == 1) {
            return raw.charAt(from) == 'H' || raw.charAt(from) == 'N';
        }
        if (to - from < 3 || raw.charAt(from) != '.') {
            return false;
        }
        String cmd = raw.substring(from + 1, Math.min(to, from + 3));
        if (!cmd.equals("br") && !cmd.equals("sp") && !cmd.equals("fi") && !cmd.equals("nf") && !cmd.equals("in")
                && !cmd.equals("ti") && !cmd.equals("sk") && !cmd.equals("ce")) {
            return false;
        }
        // an argument, if any: a sign and digits, maybe after a blank ("\.sp 2\", "\.in+4\")
        for (int k = from + 3; k < to; k++) {
            char c = raw.charAt(k);
            if (c != ' ' && c != '+' && c != '-' && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    /** {@code \C2842\}, {@code \M2442\}, {@code \M244231\}: a character set's designator, hexadecimal digits only. */
    private static boolean charset(String raw, int from, int to) {
        char c = raw.charAt(from);
        int n = to - from - 1;
        return (c == 'C' && n == 4 || c == 'M' && (n == 4 || n == 6)) && isHex(raw.substring(from + 1, to), 0);
    }

    /** Hexadecimal data ({@code \X0D0A\}) whose every byte is a line break, a tab, a form feed or a blank. */
    private static boolean blankHex(String raw, int from, int to) {
        if (raw.charAt(from) != 'X' || to - from < 3 || !isHex(raw.substring(from + 1, to), 0)) {
            return false;
        }
        for (int k = from + 1; k + 1 < to; k += 2) {
            int b = Integer.parseInt(raw, k, k + 2, 16);
            if (b != 0x0D && b != 0x0A && b != 0x09 && b != 0x0B && b != 0x0C && b != 0x20) {
                return false;
            }
        }
        return true;
    }

    /** Decodes ER7 escape sequences for the separators and hexadecimal data; other sequences are kept as written. */
    public static String unescape(String raw, Delimiters d) {
        char e = d.escape();
        if (e == '\0' || raw.indexOf(e) < 0) {
            return raw;
        }
        return unescape(raw, d, null);
    }

    /**
     * {@link #unescape} with where each char of the text came from: offsets in the text map back to the raw value, an
     * escape whole ("N\S\C": the "^" is the three chars of its escape).
     */
    public static Unescaped unescapeMapped(String raw, Delimiters d) {
        int[] from = new int[raw.length() + 1];
        String text = d.escape() == '\0' ? raw : unescape(raw, d, from);
        if (d.escape() == '\0') {
            java.util.Arrays.setAll(from, k -> k);
        }
        return new Unescaped(text, java.util.Arrays.copyOf(from, text.length()), raw.length());
    }

    /** Decoded text and, for each of its chars, the raw offset of the char or escape it was written as. */
    public record Unescaped(String text, int[] from, int rawLength) {

        /** The raw offset where a stretch of the text that starts at {@code start} starts. */
        public int rawStart(int start) {
            return start < from.length ? from[start] : rawLength;
        }

        /** The raw offset where a stretch of the text that ends at {@code end} ends: after the escape of its last char. */
        public int rawEnd(int end) {
            if (end <= 0) {
                return rawStart(0);
            }
            int last = from[end - 1];
            int next = end;
            while (next < from.length && from[next] == last) {
                next++; // the other chars of one hexadecimal escape
            }
            return rawStart(next);
        }
    }

    /** @param from null, or filled with the raw offset each char of the result was read at */
    private static String unescape(String raw, Delimiters d, int[] from) {
        char e = d.escape();
        StringBuilder out = new StringBuilder(raw.length());
        int i = 0;
        int n = raw.length();
        while (i < n) {
            char c = raw.charAt(i);
            int close = c == e ? raw.indexOf(e, i + 1) : -1;
            int made = out.length();
            if (close < 0) {
                out.append(c);
            } else {
                unescapeOne(raw, i, close, d, out);
            }
            if (from != null) {
                java.util.Arrays.fill(from, made, out.length(), i);
            }
            i = close < 0 ? i + 1 : close + 1;
        }
        return out.toString();
    }

    /** The escape sequence from {@code raw[open]} to {@code raw[close]}, both escape characters, decoded. */
    private static void unescapeOne(String raw, int open, int close, Delimiters d, StringBuilder out) {
        String seq = raw.substring(open + 1, close);
        switch (seq) {
            case "F" -> out.append(d.field());
            case "S" -> out.append(d.component());
            case "T" -> out.append(d.subcomponent());
            case "R" -> out.append(d.repetition());
            case "E" -> out.append(d.escape());
            case "P" -> out.append(d.truncation() == '\0' ? "" : String.valueOf(d.truncation()));
            default -> {
                if (seq.length() > 1 && seq.charAt(0) == 'X' && isHex(seq, 1)) {
                    for (int k = 1; k + 1 < seq.length(); k += 2) {
                        out.append((char) Integer.parseInt(seq, k, k + 2, 16));
                    }
                } else {
                    out.append(raw, open, close + 1); // formatting (\.br\, \H\ ...) and charset escapes stay as written
                }
            }
        }
    }

    /**
     * Encodes a plain value so it can stand as one leaf: every separator and the escape character are escaped.
     * A line feed becomes the formatting line break {@code \.br\} and a carriage return is dropped (neither may
     * stand in a segment), so only values without CR and LF round-trip through {@link #unescape} exactly.
     */
    public static String escape(String value, Delimiters d) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String rep = null;
            if (c == d.escape() && c != '\0') {
                rep = "E";
            } else if (c == d.field()) {
                rep = "F";
            } else if (c == d.component()) {
                rep = "S";
            } else if (c == d.subcomponent() && c != '\0') {
                rep = "T";
            } else if (c == d.repetition()) {
                rep = "R";
            } else if (c == '\r' || c == '\n') {
                rep = c == '\n' ? ".br" : "";
            }
            if (rep == null) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(value.length() + 16).append(value, 0, i);
            }
            if (d.escape() == '\0') {
                out.append(' '); // MSH-2 declares no escape character: a separator cannot be escaped, so it becomes a space
            } else if (!rep.isEmpty()) {
                out.append(d.escape()).append(rep).append(d.escape());
            }
        }
        return out == null ? value : out.toString();
    }

    private static boolean isHex(String s, int from) {
        if ((s.length() - from) % 2 != 0) {
            return false;
        }
        for (int i = from; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
