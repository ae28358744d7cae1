package io.phistream.detector.er7;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads an HL7 v2 message's bytes as text: as UTF-8, or, when they are not UTF-8, in the single-byte ISO 8859 part
 * its MSH-18 declares ("8859/1": many interface engines send Latin-1, and a "Muñoz" in it is not valid UTF-8). A
 * message read that way is Unicode text from then on and is written out as UTF-8, so its MSH-18 is rewritten to
 * {@value #UTF8} to keep saying the truth, as is that of UTF-8 bytes labelled with such a part. Anything else (no MSH-18, UTF-8 declared, a multi-byte charset) reads as
 * nothing, and the caller rejects it as badly encoded.
 */
public final class Er7Charsets {
    /** HL7 table 0211's name for UTF-8. */
    public static final String UTF8 = "UNICODE UTF-8";

    private static final Map<String, String> SINGLE_BYTE = Map.ofEntries(
            Map.entry("8859/1", "ISO-8859-1"), Map.entry("8859/2", "ISO-8859-2"), Map.entry("8859/3", "ISO-8859-3"),
            Map.entry("8859/4", "ISO-8859-4"), Map.entry("8859/5", "ISO-8859-5"), Map.entry("8859/6", "ISO-8859-6"),
            Map.entry("8859/7", "ISO-8859-7"), Map.entry("8859/8", "ISO-8859-8"), Map.entry("8859/9", "ISO-8859-9"),
            Map.entry("8859/15", "ISO-8859-15"));

    private Er7Charsets() {
    }

    /** The text of the message, or null when its bytes are neither UTF-8 nor in the ISO 8859 part MSH-18 names. */
    public static String decode(byte[] bytes) {
        String utf8 = strict(bytes, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return nonAscii(bytes) ? relabelled(utf8) : utf8;
        }
        int[] msh18 = msh18(bytes);
        if (msh18 == null) {
            return null;
        }
        String declared = new String(bytes, msh18[0], msh18[1] - msh18[0], StandardCharsets.ISO_8859_1);
        int end = declared.length();
        for (int i = 0; i < declared.length(); i++) { // the first repetition's first component names the charset
            char c = declared.charAt(i);
            if (c == (char) (bytes[msh18[2]] & 0xff) || c == (char) (bytes[msh18[3]] & 0xff)) {
                end = i;
                break;
            }
        }
        String name = SINGLE_BYTE.get(declared.substring(0, end).strip());
        if (name == null || !Charset.isSupported(name)) {
            return null;
        }
        String text = strict(bytes, Charset.forName(name));
        // one byte is one char in these charsets: MSH-18's byte offsets are its char offsets
        return text == null ? null : text.substring(0, msh18[0]) + UTF8 + text.substring(msh18[1]);
    }

    /**
     * Where MSH-18 starts and ends in the bytes, and where the component and repetition separators stand (MSH-2's
     * first two bytes), or null when the bytes do not open with an MSH segment that has an MSH-18.
     */
    private static int[] msh18(byte[] b) {
        int i = 0;
        while (i < b.length && (b[i] == 0x0B || b[i] == ' ' || b[i] == '\r' || b[i] == '\n' || b[i] == '\t')) {
            i++; // MLLP's start block and blank lines before the message
        }
        if (i + 8 > b.length || b[i] != 'M' || b[i + 1] != 'S' || b[i + 2] != 'H') {
            return null;
        }
        byte sep = b[i + 3];
        int components = i + 4;
        int repetitions = i + 5;
        int field = 2; // MSH-1 is the separator itself: the bytes after it are MSH-2
        int start = i + 4;
        for (int k = i + 4; k < b.length && b[k] != '\r' && b[k] != '\n'; k++) {
            if (b[k] == sep) {
                field++;
                if (field == 18) {
                    start = k + 1;
                } else if (field == 19) {
                    return new int[] {start, k, components, repetitions};
                }
            }
        }
        if (field == 18) {
            int end = start;
            while (end < b.length && b[end] != '\r' && b[end] != '\n') {
                end++;
            }
            return new int[] {start, end, components, repetitions};
        }
        return null;
    }

    private static boolean nonAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * UTF-8 text whose MSH-18 names another charset, with MSH-18 saying UTF-8: the bytes were UTF-8 whatever the label
     * said, and the output is UTF-8 (walkthroughs found it written out still labelled "8859/1", "ISO IR100", "ASCII").
     * Pure ASCII reads the same in every charset and keeps its label.
     */
    private static String relabelled(String text) {
        int i = 0;
        while (i < text.length() && (text.charAt(i) == 0x0B || Character.isWhitespace(text.charAt(i)))) {
            i++;
        }
        if (!text.startsWith("MSH", i) || i + 5 >= text.length()) {
            return text;
        }
        char sep = text.charAt(i + 3);
        char component = text.charAt(i + 4);
        char repetition = text.charAt(i + 5);
        int field = 2;
        int start = -1;
        int k = i + 4;
        for (; k < text.length() && text.charAt(k) != '\r' && text.charAt(k) != '\n'; k++) {
            if (text.charAt(k) == sep) {
                field++;
                if (field == 18) {
                    start = k + 1;
                } else if (field == 19) {
                    break;
                }
            }
        }
        if (start < 0) {
            return text;
        }
        int end = start;
        while (end < k && text.charAt(end) != component && text.charAt(end) != repetition) {
            end++;
        }
        String label = text.substring(start, end).strip();
        // any label but UTF-8's ("8859/1", "ISO IR100", "ASCII", a name no table has): the bytes were UTF-8
        return label.isEmpty() || label.equals(UTF8) || label.equals("UNICODE")
                ? text : text.substring(0, start) + UTF8 + text.substring(end);
    }

    private static String strict(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
