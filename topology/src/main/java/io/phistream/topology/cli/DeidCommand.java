package io.phistream.topology.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.phistream.detector.ReplacedSpan;
import io.phistream.detector.FreeTextScrubber;
import io.phistream.detector.KnownPhi;
import io.phistream.detector.RejectReason;
import io.phistream.detector.fhir.FhirOutcome;
import io.phistream.detector.fhir.PatientDirectory;
import io.phistream.detector.hl7.Hl7Outcome;
import io.phistream.topology.config.ConfigException;
import io.phistream.topology.config.PhiStreamConfig;
import io.phistream.topology.keys.KeyStore;
import io.phistream.topology.stream.Stages;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code phi-stream deid}: the same de-identification core as the topology, on files. Each output is written
 * under the input's file name; a message that cannot be fully de-identified gets no output and is reported by
 * name (and for NDJSON, line) and reason code, and the command exits 1. The summary counts messages.
 */
@Command(name = "deid", mixinStandardHelpOptions = true,
        description = "De-identify a file or a directory of files offline (one message per file; NDJSON one per line).")
final class DeidCommand implements Callable<Integer> {

    enum Format { auto, hl7v2, fhir, text }

    @Option(names = "--in", required = true, paramLabel = "PATH", description = "a file or a directory of files")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
    Path out;

    @Option(names = "--format", defaultValue = "auto",
            description = "auto, hl7v2, fhir (JSON, XML; *.ndjson one resource a line) or text (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--spans", paramLabel = "FILE",
            description = "write a JSON line {file,start,end,type} for every replaced span (input character offsets)")
    Path spansFile;

    /** How outputs are named. */
    enum Names { keep, digest }

    @Option(names = "--names", defaultValue = "keep", paramLabel = "keep|digest",
            description = "output file names: the input's (default), or a keyed digest of it with the same extension, "
                    + "for inputs whose names hold PHI (Synthea names files after the patient); messages and --spans "
                    + "then use the digest name too")
    Names names;

    @Mixin
    KeyOptions keyOptions;

    @Mixin
    ConfigOptions configOptions;

    @Override
    public Integer call() throws IOException {
        if (!Files.exists(in)) {
            throw new ConfigException("--in: no such file or directory: " + in);
        }
        PhiStreamConfig config = configOptions.load(Map.of());
        KeyStore keys = keyOptions.loadOr(config).orElseGet(() -> {
            System.err.println("phi-stream: no --keys given: using a fresh throwaway keyset; "
                    + "tokens from this run can never be reversed or joined with other runs");
            return KeyStore.ephemeral();
        });
        List<Path> files = new ArrayList<>();
        int folders = 0;
        if (Files.isDirectory(in)) {
            try (Stream<Path> s = Files.list(in)) {
                for (Path p : s.sorted().toList()) {
                    if (Files.isRegularFile(p)) {
                        files.add(p);
                    } else if (Files.isDirectory(p)) {
                        folders++;
                    }
                }
            }
        } else {
            files.add(in);
        }
        checkOutputs(files);
        Stages stages = Stages.create(config, keys);
        PatientDirectory patients = bulkPatients(stages, files);
        Files.createDirectories(out);
        ObjectMapper json = new ObjectMapper();
        int released = 0;
        int rejected = 0;
        int textsRemoved = 0;
        int textsFailedClosed = 0;
        int fieldsGivenUp = 0;
        int messagesGivingUp = 0;
        int fhirWithoutSpans = 0;
        int namedFiles = 0;
        int unencodable = 0;
        try (PrintWriter spans = spansFile == null ? null : new PrintWriter(
                Files.newBufferedWriter(spansFile, StandardCharsets.UTF_8))) {
            for (Path file : files) {
                String name = outputName(stages, file.getFileName().toString());
                if (names == Names.keep && nameInFileName(name)) {
                    namedFiles++;
                }
                String text;
                // UTF-8, or for HL7 the ISO 8859 part its MSH-18 declares
                text = io.phistream.detector.er7.Er7Charsets.decode(Files.readAllBytes(file));
                if (text == null) {
                    System.err.println("rejected " + name + ": INVALID_ENCODING (" + RejectReason.INVALID_ENCODING
                            .description() + ")");
                    rejected++;
                    continue;
                }
                Format f = format == Format.auto ? detect(name, text) : format;
                if (f == Format.text && !config.textSpans()) {
                    textsRemoved++;
                }
                Result r = switch (f) {
                    case hl7v2 -> hl7(stages, text);
                    case fhir -> name.endsWith(".ndjson") ? ndjson(stages, text, patients) : fhir(stages, text);
                    default -> text(stages, text);
                };
                if (f == Format.text && config.textSpans() && r.text().isBlank() && !text.isBlank()) {
                    textsFailedClosed++;
                }
                if (r.rejected() != null) {
                    System.err.println("rejected " + name + ": " + r.rejected() + " (" + r.rejectedDetail() + ")");
                    rejected++;
                    continue;
                }
                for (String line : r.lineRejections()) {
                    System.err.println("rejected " + name + " " + line);
                    rejected++;
                }
                if (r.text() == null) {
                    continue; // every line rejected: no output
                }
                if (unpairedSurrogates(r.text())) {
                    unencodable++;
                }
                // encoded as the stream's String serde does: an unpaired surrogate (a JSON escape of one, kept in a
                // note) becomes '?' instead of failing the whole run (Files.writeString throws on it)
                Files.write(out.resolve(name), r.text().getBytes(StandardCharsets.UTF_8));
                if (r.textsGivenUp() > 0) {
                    fieldsGivenUp += r.textsGivenUp();
                    messagesGivingUp++;
                }
                if (spans != null) {
                    for (ReplacedSpan span : r.spans()) {
                        Map<String, Object> line = new LinkedHashMap<>();
                        line.put("file", name);
                        line.put("start", span.start());
                        line.put("end", span.end());
                        line.put("type", span.type().name());
                        spans.println(json.writeValueAsString(line));
                    }
                }
                released += r.messages();
                if (f == Format.fhir && spans != null) {
                    fhirWithoutSpans++;
                }
            }
        }
        System.err.println("de-identified " + released + ", rejected " + rejected + ", written to " + out);
        if (fhirWithoutSpans > 0) {
            System.err.println("phi-stream: --spans has no lines for " + fhirWithoutSpans + " FHIR file(s): a FHIR "
                    + "resource is written out anew, so its replacements have no offsets in the input");
        }
        if (unencodable > 0) {
            System.err.println("phi-stream: " + unencodable + " output file(s) held an unpaired UTF-16 surrogate (a "
                    + "JSON \\ud800 escape), which UTF-8 cannot encode: written as '?', as the stream writes it");
        }
        if (namedFiles > 0) {
            // a count only: the names are the PHI
            System.err.println("phi-stream: " + namedFiles + " output file name(s) kept from the input look like they "
                    + "hold a person's name (Synthea names files after the patient); --names digest replaces them");
        }
        if (folders > 0) {
            System.err.println("phi-stream: " + folders + " folder(s) inside " + in + " skipped: deid reads the files "
                    + "of one folder, not its subfolders");
        }
        if (textsFailedClosed > 0) {
            System.err.println("phi-stream: " + textsFailedClosed + " text file(s) written empty: detection gave up "
                    + "on them (size or time budget) and removed them whole, failing closed");
        }
        if (fieldsGivenUp > 0) {
            System.err.println("phi-stream: " + fieldsGivenUp + " free-text field(s) in " + messagesGivingUp
                    + " HL7/FHIR file(s) removed whole: detection gave up on them (size or time budget), failing "
                    + "closed");
        }
        if (textsRemoved > 0) {
            // a plain-text file is all free text: under the fail-safe default it comes out empty, which looks like a bug
            System.err.println("phi-stream: " + textsRemoved + " text file(s) written empty: text.scrubbing=redact "
                    + "(the default) removes free text whole; --set text.scrubbing=spans replaces only its PHI");
        }
        return rejected == 0 ? PhiStreamCli.OK : PhiStreamCli.FAILURE;
    }

    /**
     * One file's result: the de-identified text and its spans, or the reason it was rejected and its PHI-free detail
     * (with a residual value's type); for NDJSON, how many of its lines were released and why each other line was
     * rejected.
     */
    private record Result(String text, List<ReplacedSpan> spans, RejectReason rejected, String rejectedDetail,
                          int messages, List<String> lineRejections, int textsGivenUp) {
        Result(String text, List<ReplacedSpan> spans, RejectReason rejected, String rejectedDetail, int messages,
               List<String> lineRejections) {
            this(text, spans, rejected, rejectedDetail, messages, lineRejections, 0);
        }

        Result(String text, List<ReplacedSpan> spans) {
            this(text, spans, null, null, 1, List.of());
        }

        static Result rejected(RejectReason reason) {
            return rejected(reason, reason.description());
        }

        static Result rejected(RejectReason reason, String detail) {
            return new Result(null, List.of(), reason, detail, 1, List.of());
        }
    }

    private static Result hl7(Stages stages, String text) {
        Hl7Outcome o = stages.hl7().deidentify(text);
        if (o instanceof Hl7Outcome.Rejected r) {
            return Result.rejected(r.reason(), r.detail());
        }
        Hl7Outcome.Deidentified d = (Hl7Outcome.Deidentified) o;
        return new Result(d.text(), d.spans(), null, null, 1, List.of(), d.textsGivenUp());
    }

    private static Result fhir(Stages stages, String text) {
        FhirOutcome o = stages.fhir().deidentify(text);
        if (o instanceof FhirOutcome.Rejected r) {
            return Result.rejected(r.reason(), r.detail());
        }
        FhirOutcome.Deidentified d = (FhirOutcome.Deidentified) o;
        return new Result(d.text(), d.spans(), null, null, 1, List.of(), d.textsGivenUp());
    }

    /**
     * The Patient lines of every NDJSON input, read before any file is de-identified: a bulk export writes one file per
     * resource type, and an Observation in Observation.ndjson names its patient only as {@code Patient/123}, which
     * Patient.ndjson resolves (its dates then shift with the patient's instead of keeping only their year). The files
     * are read again when they are de-identified: holding every file's text between the passes would cost an export's
     * size in memory.
     */
    private PatientDirectory bulkPatients(Stages stages, List<Path> files) throws IOException {
        PatientDirectory patients = new PatientDirectory();
        if (format != Format.auto && format != Format.fhir) {
            return patients;
        }
        for (Path file : files) {
            if (file.getFileName().toString().endsWith(".ndjson")) {
                String text = io.phistream.detector.er7.Er7Charsets.decode(Files.readAllBytes(file));
                if (text != null) {
                    stages.fhir().learnPatients(text, patients);
                }
            }
        }
        return patients;
    }

    /** One resource a line, each its own message as in the stream: a bad line is rejected alone, by its number. */
    private static Result ndjson(Stages stages, String text, PatientDirectory patients) {
        StringBuilder out = new StringBuilder(text.length());
        List<String> rejections = new ArrayList<>();
        int released = 0;
        int givenUp = 0;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.isBlank()) {
                continue;
            }
            FhirOutcome o = stages.fhir().deidentifyNdjsonLine(line, patients);
            if (o instanceof FhirOutcome.Rejected r) {
                rejections.add("line " + (i + 1) + ": " + r.reason() + " (" + r.detail() + ")");
            } else {
                out.append(((FhirOutcome.Deidentified) o).text()).append('\n');
                givenUp += ((FhirOutcome.Deidentified) o).textsGivenUp();
                released++;
            }
        }
        return released == 0 && !rejections.isEmpty() ? new Result(null, List.of(), null, null, 0, rejections)
                : new Result(out.toString(), List.of(), null, null, released, rejections, givenUp);
    }

    /**
     * Plain text (a note): span-level detection with no structured context; spans in input offsets. Read as lines of
     * one text ({@link FreeTextScrubber#scrubParts}), so that a long document is held to the time budget a run of lines
     * at a time instead of failing closed whole.
     */
    private static Result text(Stages stages, String text) {
        List<String> lines = List.of(text.split("\n", -1));
        List<FreeTextScrubber.Result> results = stages.textScrubber().scrubParts(lines,
                java.util.Collections.nCopies(lines.size() - 1, "\n"), new KnownPhi());
        StringBuilder out = new StringBuilder(text.length());
        List<ReplacedSpan> spans = new ArrayList<>();
        boolean anyText = false;
        int at = 0;
        for (int i = 0; i < lines.size(); i++) {
            FreeTextScrubber.Result r = results.get(i);
            if (i > 0) {
                out.append('\n');
            }
            out.append(r.text());
            anyText |= !r.text().isEmpty();
            for (ReplacedSpan s : r.spans()) {
                spans.add(new ReplacedSpan(at + s.start(), at + s.end(), s.type()));
            }
            at += lines.get(i).length() + 1;
        }
        // every line removed (whole-field redaction, or detection failing closed): nothing, not a column of breaks
        return new Result(anyText ? out.toString() : "", spans);
    }

    /** Whether the text holds a surrogate that is not half of a pair: a char UTF-8 cannot encode. */
    static boolean unpairedSurrogates(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.regex.Pattern CAPITALISED = java.util.regex.Pattern.compile("\\p{Lu}\\p{Ll}{2,}");

    /**
     * Whether a file name reads as holding a person's name ("Alberto639_Atencio570_8a4b...json"): two capitalised words
     * or more (the cheap test), of which the text detector's rules read two together as a name once separators and
     * digits are blanks. The rules alone and two words: a few words without a sentence give the model no context
     * ("Patient_Bulk_Export").
     */
    static boolean nameInFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
        java.util.regex.Matcher m = CAPITALISED.matcher(stem);
        if (!(m.find() && m.find())) {
            return false;
        }
        String words = stem.replaceAll("[^\\p{L}]+", " ").strip();
        return FileNameRules.DETECTOR.detect(words, io.phistream.detector.text.DetectionContext.EMPTY).stream()
                .anyMatch(span -> span.type() == io.phistream.detector.PhiType.NAME
                        && words.substring(span.start(), span.end()).indexOf(' ') > 0);
    }

    /** Built on first use only: most runs keep no name with two capitalised words. */
    private static final class FileNameRules {
        static final io.phistream.detector.text.TextPhiDetector DETECTOR =
                io.phistream.detector.text.TextPhiDetector.withConfig(
                        io.phistream.detector.text.TextPhiDetector.Config.DEFAULT.withTokenModel(false));
    }

    /** The input's name, or with {@code --names digest} a keyed digest of it that keeps its extension. */
    private String outputName(Stages stages, String input) {
        if (names == Names.keep) {
            return input;
        }
        int dot = input.lastIndexOf('.');
        return "f" + stages.digest().hex("phi-stream/file-name", input) + (dot > 0 ? input.substring(dot) : "");
    }

    /**
     * Refuses, before anything is written, an output that would overwrite an input (the same folder) or that is not a
     * folder, and a spans file whose folder does not exist: usage errors, exit 2.
     */
    private void checkOutputs(List<Path> files) throws IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new ConfigException("--out: " + out + " is a file, not a folder");
        }
        Path outDir = out.toAbsolutePath().normalize();
        for (Path file : files) {
            Path parent = file.toAbsolutePath().normalize().getParent();
            if (outDir.equals(parent) || Files.exists(outDir) && parent != null && Files.isSameFile(outDir, parent)) {
                throw new ConfigException("--out: " + out + " holds the input files and would overwrite them; "
                        + "choose another folder");
            }
        }
        if (spansFile != null) {
            Path parent = spansFile.toAbsolutePath().normalize().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new ConfigException("--spans: the folder of " + spansFile + " does not exist");
            }
        }
    }

    /**
     * The format of a file by its name and content. Anything that looks like HL7 (a .hl7 or .er7 name, or a segment such
     * as MSH| or PID| at a line's start) goes the HL7 way, which rejects what it cannot read: read as free text, an HL7
     * message with a line before its MSH would keep its structured values wherever the text detector missed them.
     * Likewise a .json, .ndjson or .xml name goes the FHIR way, which rejects what is no resource: read as a note, a
     * JSON array of resources kept its postal codes and ids wherever the detector missed them (a walkthrough).
     */
    static Format detect(String name, String text) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".hl7") || lower.endsWith(".er7")) {
            return Format.hl7v2;
        }
        Format byContent = detect(text);
        if (byContent == Format.text && (lower.endsWith(".json") || lower.endsWith(".ndjson") || lower.endsWith(".xml"))) {
            return Format.fhir;
        }
        return byContent;
    }

    static Format detect(String text) {
        String t = text.stripLeading();
        if (!t.isEmpty() && (t.charAt(0) == 0x0B || t.charAt(0) == '\uFEFF')) {
            t = t.substring(1).stripLeading();
        }
        if (t.startsWith("MSH") || hasSegment(t)) {
            return Format.hl7v2;
        }
        if (t.startsWith("{") || t.startsWith("<") || t.startsWith("[")) {
            return Format.fhir; // ("[": a JSON array, which the FHIR way rejects; never a note)
        }
        return Format.text;
    }

    /**
     * A line that opens like an HL7 segment: three capitals or digits, the first a capital, then '|'. One pass over
     * the text: it runs on every input of {@code --format auto}, bulk NDJSON of hundreds of megabytes among them.
     */
    static boolean hasSegment(String t) {
        int n = t.length();
        int i = 0;
        while (i + 4 <= n) {
            if (t.charAt(i + 3) == '|' && Character.isUpperCase(t.charAt(i)) && segmentChar(t.charAt(i + 1))
                    && segmentChar(t.charAt(i + 2))) {
                return true;
            }
            while (i < n && t.charAt(i) != '\r' && t.charAt(i) != '\n') {
                i++;
            }
            i++;
        }
        return false;
    }

    private static boolean segmentChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
}
