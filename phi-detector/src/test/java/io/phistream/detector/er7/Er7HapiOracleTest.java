package io.phistream.detector.er7;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.Location;
import ca.uhn.hl7v2.model.Composite;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.MessageVisitorSupport;
import ca.uhn.hl7v2.model.MessageVisitors;
import ca.uhn.hl7v2.model.Primitive;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.model.Varies;
import ca.uhn.hl7v2.parser.GenericModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import io.phistream.synthetic.GeneratedMessage;
import io.phistream.synthetic.SyntheticHl7;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HAPI is the oracle for the lean reader (issue 2, Fast path): for every segment, field, repetition, component
 * and sub-component, both must read the same value. HAPI parses with its generic model (no message structure,
 * no validation), which keeps every segment in input order, exactly what the lean reader sees.
 *
 * <p>Justified differences, normalised here rather than skipped:
 * <ul>
 *   <li>HAPI splits segments on CR only and wants MSH first; the lean reader also takes LF and CRLF, and
 *       tolerates a byte-order mark, MLLP framing and whitespace around the message. HAPI gets the text with its
 *       separators turned into CR and without what surrounds it (Er7MessageTest proves the separators and the
 *       framing give identical reads).</li>
 *   <li>HAPI does not keep trailing empty repetitions, components or sub-components, nor trailing empty
 *       fields; they hold no value, so both sides are compared with trailing empties dropped at every level.</li>
 *   <li>MSH-1 and MSH-2 are compared whole: they declare the separators and are never split.</li>
 *   <li>Values are compared unescaped (HAPI's primitives hold unescaped values). HAPI leaves hexadecimal escapes
 *       {@code \Xhh..\} as written while the lean reader decodes them, so those sequences are compared as written.
 *       </li>
 * </ul>
 */
class Er7HapiOracleTest {

    private static final Path CORPUS = Path.of("..", "..", "shared", "corpora", "hl7v2-samples", "messages");
    private static final Pattern HEX_ESCAPE = Pattern.compile("X[0-9A-Fa-f]+");

    private static HapiContext context;
    private static PipeParser hapi;

    @BeforeAll
    static void hapi() {
        context = new DefaultHapiContext();
        context.setValidationContext(ValidationContextFactory.noValidation());
        context.setModelClassFactory(new GenericModelClassFactory());
        hapi = context.getPipeParser();
    }

    @AfterAll
    static void close() throws IOException {
        context.close();
    }

    @Test
    void givenEveryCorpusMessage_whenReadByHapiAndTheLeanReader_thenEveryLeafIsTheSame() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS), "../shared HL7 corpus absent: skipped");
        List<Path> files;
        try (Stream<Path> s = Files.list(CORPUS)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(100);
        Map<String, String> hapiRejects = new TreeMap<>();
        int leaves = 0;
        for (Path f : files) {
            String name = f.getFileName().toString();
            Comparison c = compare(name, Files.readString(f, StandardCharsets.UTF_8), false);
            if (c.hapiError != null) {
                hapiRejects.put(name, c.hapiError);
                continue;
            }
            assertThat(c.mismatches).as(name).isEmpty();
            leaves += c.leaves;
        }
        System.out.printf("Er7HapiOracleTest corpus: %d messages, %d leaves equal%n", files.size(), leaves);
        // every corpus message is readable by HAPI: none may be excused
        assertThat(hapiRejects).isEmpty();
        assertThat(leaves).as("leaves compared").isGreaterThan(10_000);
    }

    @ParameterizedTest(name = "separator {0}")
    @ValueSource(strings = {"CR", "LF", "CRLF"})
    void givenGeneratedMessages_whenReadByHapiAndTheLeanReader_thenEveryLeafIsTheSame(String separator) {
        String sep = switch (separator) {
            case "CR" -> "\r";
            case "LF" -> "\n";
            default -> "\r\n";
        };
        SyntheticHl7 generator = new SyntheticHl7(4_2026L + separator.hashCode()).withSeparator(sep);
        int count = 2_000;
        int leaves = 0;
        for (int i = 0; i < count; i++) {
            GeneratedMessage m = generator.next();
            assertThat(m.text()).contains(sep);
            Comparison c = compare(m.messageType() + " " + m.controlId(), m.text(), false);
            assertThat(c.hapiError).as("HAPI reads %s", m).isNull();
            assertThat(c.mismatches).as(m.toString()).isEmpty();
            leaves += c.leaves;
        }
        System.out.printf("Er7HapiOracleTest generated (%s): %d messages, %d leaves equal%n", separator, count, leaves);
        assertThat(leaves).isGreaterThan(count * 20);
    }

    /**
     * Differential fuzzing: generated messages with a few random edits (separators, line breaks, MLLP bytes,
     * escape characters, letters) are read by both. Where both read a message, every leaf must agree; where only
     * one reads it, the reason must be one of the differences below, decided from what the lean reader sees.
     * <ul>
     *   <li>Lean rejects, HAPI reads: the lean reader is stricter (C0 control bytes, segment names that are not
     *       three upper-case letters or digits, letters or digits among the encoding characters). Stricter only
     *       means quarantine, the fail-closed direction.</li>
     *   <li>HAPI rejects, lean reads: (a) MSH-2 with other than 4 or 5 characters (HAPI wants the full set; the
     *       lean reader takes 2 to 5 by position, an absent one meaning "none"); (b) MSH-12 holds no HL7 version
     *       HAPI knows (the lean reader does not read MSH-12; the de-identifier rejects unsupported versions);
     *       (c) MSH-9 names no message structure HAPI can look up (the lean reader does not interpret MSH-9).</li>
     *   <li>Both read, a leaf differs: only where that leaf holds an invalid escape sequence (an escape character
     *       without its closing one, an empty sequence, or a code HL7 does not define, such as {@code \P\} without
     *       a declared truncation character). HAPI drops those escape characters; the lean reader keeps the text
     *       as written. The leaf must then equal HAPI's reading of invalid escapes.</li>
     * </ul>
     */
    @Test
    void givenMutatedMessages_whenReadByBoth_thenTheyAgreeOrDifferOnlyInTheDocumentedWays() {
        Random random = new Random(20_260_601L);
        SyntheticHl7 generator = new SyntheticHl7(6_2026L);
        String alphabet = "MSHPIDOBXZ|^~\\&#\r\n \u000B\u001Caz09";
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> unexplained = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            StringBuilder sb = new StringBuilder(generator.next().text());
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                // half of the edits hit the MSH, where the encoding characters and the header fields live
                int at = random.nextInt(random.nextBoolean() ? 60 : sb.length());
                switch (random.nextInt(3)) {
                    case 0 -> sb.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 1 -> sb.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> sb.deleteCharAt(at);
                }
            }
            String input = sb.toString();
            Er7Message lean;
            try {
                lean = Er7Message.parse(input);
            } catch (Er7Exception e) {
                outcomes.merge("lean rejects (" + e.problem() + "), HAPI " + (hapiReads(input) ? "reads" : "rejects"),
                        1, Integer::sum);
                continue;
            }
            Comparison c = compare("mutant #" + i, input, true);
            if (c.hapiError != null) {
                String why = whyHapiRejects(lean);
                outcomes.merge("HAPI rejects, lean reads: " + why, 1, Integer::sum);
                if (why.equals("unexplained")) {
                    unexplained.add("mutant #" + i + " " + c.hapiError);
                }
            } else {
                outcomes.merge(c.mismatches.isEmpty() ? "both read, all leaves equal" : "both read, leaves differ", 1,
                        Integer::sum);
                unexplained.addAll(c.mismatches);
            }
        }
        System.out.println("Er7HapiOracleTest mutants: " + outcomes);
        assertThat(unexplained).isEmpty();
        assertThat(outcomes.getOrDefault("both read, all leaves equal", 0)).isGreaterThan(1_000);
    }

    private static boolean hapiReads(String input) {
        try {
            hapi.parse(forHapi(input));
            return true;
        } catch (HL7Exception | RuntimeException e) {
            return false;
        }
    }

    private static final Set<String> HAPI_VERSIONS = Set.of(
            "2.1", "2.2", "2.3", "2.3.1", "2.4", "2.5", "2.5.1", "2.6", "2.7", "2.7.1", "2.8", "2.8.1");

    private static String whyHapiRejects(Er7Message lean) {
        Er7Segment msh = lean.first("MSH");
        int encoding = msh.field(2).length();
        if (encoding != 4 && encoding != 5) {
            return "MSH-2 has " + encoding + " encoding characters";
        }
        if (!HAPI_VERSIONS.contains(lean.get("MSH", 12, 1, 1, 1))) {
            return "MSH-12 is no HL7 version";
        }
        Delimiters d = lean.delimiters();
        String type = Er7.part(msh.field(9), d.repetition(), 1);
        if (!type.matches("[A-Z0-9_]+(" + Pattern.quote(String.valueOf(d.component())) + "[A-Z0-9_]*){0,2}")) {
            return "MSH-9 names no message structure";
        }
        return "unexplained";
    }

    /** The outcome of reading one message with both parsers. */
    private record Comparison(String hapiError, List<String> mismatches, int leaves) {
    }

    /** HAPI reads CR-separated text that starts with MSH: what the lean reader tolerates around that is taken off. */
    private static String forHapi(String input) {
        int begin = 0;
        int end = input.length();
        while (begin < end && (input.charAt(begin) == '\u000B' || input.charAt(begin) == '\uFEFF'
                || Character.isWhitespace(input.charAt(begin)))) {
            begin++;
        }
        while (end > begin && (input.charAt(end - 1) == '\u001C' || input.charAt(end - 1) == '\r'
                || input.charAt(end - 1) == '\n')) {
            end--;
        }
        return input.substring(begin, end).replace("\r\n", "\r").replace('\n', '\r');
    }

    /**
     * Reads one message with both parsers and lists the leaves that differ.
     *
     * @param lenientEscapes compare a leaf holding an invalid escape sequence with HAPI's reading of it (fuzzing);
     *                       false demands equality everywhere (corpus and generated messages)
     */
    private static Comparison compare(String label, String input, boolean lenientEscapes) {
        Er7Message lean;
        try {
            lean = Er7Message.parse(input);
        } catch (Er7Exception e) {
            throw new AssertionError(label + ": lean reader rejects it: " + e.problem());
        }
        Message message;
        try {
            message = hapi.parse(forHapi(input));
        } catch (HL7Exception | RuntimeException e) {
            return new Comparison(e.getClass().getSimpleName(), List.of(), 0);
        }
        List<Segment> segments = segments(message);
        List<String> mismatches = new ArrayList<>();
        assertThat(segments).extracting(Segment::getName).as(label + " segment names")
                .containsExactlyElementsOf(lean.segments().stream().map(Er7Segment::name).toList());
        Delimiters d = lean.delimiters();
        int leaves = 0;
        for (int s = 0; s < segments.size(); s++) {
            Segment hs = segments.get(s);
            Er7Segment ls = lean.segments().get(s);
            int fields = Math.max(ls.fieldCount(), hs.numFields());
            for (int f = 1; f <= fields; f++) {
                String where = label + " " + ls.name() + "#" + (s + 1) + "-" + f;
                List<List<List<String>>> hapiTree = hapiField(hs, f);
                if (ls.isMsh() && f <= 2) {
                    String hv = hapiTree.isEmpty() ? "" : hapiTree.get(0).get(0).get(0);
                    if (!hv.equals(ls.field(f))) {
                        mismatches.add(where + ": lean [" + ls.field(f) + "] HAPI [" + hv + "]");
                    }
                    leaves++;
                    continue;
                }
                List<List<List<String>>> leanTree = leanField(ls.field(f), d, false);
                if (!leanTree.equals(hapiTree)
                        && !(lenientEscapes && leanField(ls.field(f), d, true).equals(hapiTree))) {
                    mismatches.add(where + ": lean " + leanTree + " HAPI " + hapiTree);
                }
                leaves += leanTree.stream().flatMap(List::stream).mapToInt(List::size).sum();
            }
        }
        return new Comparison(null, mismatches, leaves);
    }

    private static List<Segment> segments(Message message) {
        List<Segment> segments = new ArrayList<>();
        try {
            MessageVisitors.visit(message, new MessageVisitorSupport() {
                @Override
                public boolean start(Segment segment, Location location) {
                    segments.add(segment);
                    return false;
                }
            });
        } catch (HL7Exception e) {
            throw new AssertionError(e);
        }
        return segments;
    }

    /** Repetitions, then components, then sub-components, as the lean reader splits them. */
    private static List<List<List<String>>> leanField(String raw, Delimiters d, boolean hapiInvalidEscapes) {
        List<List<List<String>>> reps = new ArrayList<>();
        for (String rep : Er7.split(raw, d.repetition())) {
            List<List<String>> comps = new ArrayList<>();
            for (String comp : Er7.split(rep, d.component())) {
                List<String> subs = new ArrayList<>();
                for (String sub : Er7.split(comp, d.subcomponent())) {
                    subs.add(unescapeKeepingHex(sub, d, hapiInvalidEscapes));
                }
                comps.add(trim(subs));
            }
            reps.add(trim(comps));
        }
        return trim(reps);
    }

    /**
     * The lean reader's unescaped value, except that hexadecimal sequences stay as written, as HAPI leaves them.
     * With {@code hapiInvalidEscapes}, an invalid sequence loses its escape characters and a lone escape
     * character is dropped, which is how HAPI reads them.
     */
    private static String unescapeKeepingHex(String raw, Delimiters d, boolean hapiInvalidEscapes) {
        char e = d.escape();
        if (e == '\0' || raw.indexOf(e) < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            int close = c == e ? raw.indexOf(e, i + 1) : -1;
            if (c != e) {
                out.append(c);
                i++;
            } else if (close < 0) {
                if (!hapiInvalidEscapes) {
                    out.append(c);
                }
                i++;
            } else {
                String seq = raw.substring(i + 1, close);
                if (HEX_ESCAPE.matcher(seq).matches()) {
                    out.append(raw, i, close + 1);
                } else if (hapiInvalidEscapes && !validEscape(seq, d)) {
                    out.append(seq);
                } else {
                    out.append(Er7.unescape(raw.substring(i, close + 1), d));
                }
                i = close + 1;
            }
        }
        return out.toString();
    }

    /** The escape sequences HL7 v2 defines (chapter 2, "Use of escape sequences in text fields"). */
    private static boolean validEscape(String seq, Delimiters d) {
        return switch (seq) {
            case "F", "S", "T", "R", "E", "H", "N" -> true;
            case "P" -> d.truncation() != '\0';
            default -> seq.length() > 1 && "X.CMZ".indexOf(seq.charAt(0)) >= 0;
        };
    }

    private static List<List<List<String>>> hapiField(Segment segment, int n) {
        if (n > segment.numFields()) {
            return List.of();
        }
        Type[] repetitions;
        try {
            repetitions = segment.getField(n);
        } catch (HL7Exception e) {
            throw new AssertionError(e);
        }
        List<List<List<String>>> reps = new ArrayList<>();
        for (Type rep : repetitions) {
            List<List<String>> comps = new ArrayList<>();
            Type t = unwrap(rep);
            if (t instanceof Composite c) {
                for (Type comp : c.getComponents()) {
                    comps.add(hapiSubcomponents(comp));
                }
            } else {
                comps.add(hapiSubcomponents(t));
            }
            reps.add(trim(comps));
        }
        return trim(reps);
    }

    private static List<String> hapiSubcomponents(Type type) {
        Type t = unwrap(type);
        List<String> subs = new ArrayList<>();
        if (t instanceof Composite c) {
            for (Type sub : c.getComponents()) {
                subs.add(value(unwrap(sub)));
            }
        } else {
            subs.add(value(t));
        }
        return trim(subs);
    }

    private static Type unwrap(Type t) {
        Type x = t;
        while (x instanceof Varies v) {
            x = v.getData();
        }
        return x;
    }

    private static String value(Type t) {
        if (t instanceof Primitive p) {
            return p.getValue() == null ? "" : p.getValue();
        }
        throw new AssertionError("composite nested below a sub-component: " + t.getName());
    }

    /** Drops trailing empty parts (empty strings or empty lists): HAPI keeps none. */
    private static <T> List<T> trim(List<T> parts) {
        List<T> out = new ArrayList<>(parts);
        while (!out.isEmpty() && isEmpty(out.get(out.size() - 1))) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    private static boolean isEmpty(Object part) {
        return part instanceof String str ? str.isEmpty() : ((List<?>) part).isEmpty();
    }
}
