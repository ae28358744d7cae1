package io.phistream.topology.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.phistream.detector.ReplacedSpan;
import io.phistream.detector.FreeTextScrubber;
import io.phistream.detector.KnownPhi;
import io.phistream.detector.RejectReason;
import io.phistream.detector.fhir.FhirOutcome;
import io.phistream.detector.hl7.Hl7Outcome;
import io.phistream.topology.config.ConfigException;
import io.phistream.topology.config.PhiStreamConfig;
import io.phistream.topology.keys.KeyStore;
import io.phistream.topology.stream.Stages;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
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
 * under the input's file name; a file that cannot be fully de-identified gets no output and is reported by
 * name and reason code, and the command exits 1.
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
        KeyStore keys;
        if (keyOptions.present()) {
            keys = keyOptions.load();
        } else {
            keys = KeyStore.ephemeral();
            System.err.println("phi-stream: no --keys given: using a fresh throwaway keyset; "
                    + "tokens from this run can never be reversed or joined with other runs");
        }
        Stages stages = Stages.create(config, keys);
        Files.createDirectories(out);
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(in)) {
            try (Stream<Path> s = Files.list(in)) {
                s.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
        } else {
            files.add(in);
        }
        ObjectMapper json = new ObjectMapper();
        int released = 0;
        int rejected = 0;
        int textsRemoved = 0;
        try (PrintWriter spans = spansFile == null ? null : new PrintWriter(
                Files.newBufferedWriter(spansFile, StandardCharsets.UTF_8))) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String text;
                try {
                    text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
                } catch (CharacterCodingException e) {
                    System.err.println("rejected " + name + ": INVALID_ENCODING");
                    rejected++;
                    continue;
                }
                Format f = format == Format.auto ? detect(text) : format;
                if (f == Format.text && !config.textSpans()) {
                    textsRemoved++;
                }
                Result r = switch (f) {
                    case hl7v2 -> hl7(stages, text);
                    case fhir -> name.endsWith(".ndjson") ? ndjson(stages, text) : fhir(stages, text);
                    default -> text(stages, text);
                };
                if (r.rejected() != null) {
                    System.err.println("rejected " + name + ": " + r.rejected() + " (" + r.rejected().description() + ")");
                    rejected++;
                    continue;
                }
                Files.writeString(out.resolve(name), r.text(), StandardCharsets.UTF_8);
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
                released++;
            }
        }
        System.err.println("de-identified " + released + ", rejected " + rejected + ", written to " + out);
        if (textsRemoved > 0) {
            // a plain-text file is all free text: under the fail-safe default it comes out empty, which looks like a bug
            System.err.println("phi-stream: " + textsRemoved + " text file(s) written empty: text.scrubbing=redact "
                    + "(the default) removes free text whole; --set text.scrubbing=spans replaces only its PHI");
        }
        return rejected == 0 ? PhiStreamCli.OK : PhiStreamCli.FAILURE;
    }

    /** One file's result: the de-identified text and its spans, or the reason it was rejected. */
    private record Result(String text, List<ReplacedSpan> spans, RejectReason rejected) {
        static Result rejected(RejectReason reason) {
            return new Result(null, List.of(), reason);
        }
    }

    private static Result hl7(Stages stages, String text) {
        Hl7Outcome o = stages.hl7().deidentify(text);
        return o instanceof Hl7Outcome.Deidentified d ? new Result(d.text(), d.spans(), null)
                : Result.rejected(((Hl7Outcome.Rejected) o).reason());
    }

    private static Result fhir(Stages stages, String text) {
        FhirOutcome o = stages.fhir().deidentify(text);
        return o instanceof FhirOutcome.Deidentified d ? new Result(d.text(), d.spans(), null)
                : Result.rejected(((FhirOutcome.Rejected) o).reason());
    }

    /** Bulk-export NDJSON: one resource a line; one rejected line rejects the file (fail closed). */
    private static Result ndjson(Stages stages, String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (FhirOutcome o : stages.fhir().deidentifyNdjson(text)) {
            if (o instanceof FhirOutcome.Rejected r) {
                return Result.rejected(r.reason());
            }
            out.append(((FhirOutcome.Deidentified) o).text()).append('\n');
        }
        return new Result(out.toString(), List.of(), null);
    }

    /** Plain text (a note): span-level detection with no structured context; spans in input offsets. */
    private static Result text(Stages stages, String text) {
        FreeTextScrubber.Result r = stages.textScrubber().scrub(text, new KnownPhi());
        return new Result(r.text(), r.spans(), null);
    }

    static Format detect(String text) {
        String t = text.stripLeading();
        if (!t.isEmpty() && (t.charAt(0) == 0x0B || t.charAt(0) == '\uFEFF')) {
            t = t.substring(1).stripLeading();
        }
        if (t.startsWith("MSH")) {
            return Format.hl7v2;
        }
        if (t.startsWith("{") || t.startsWith("<")) {
            return Format.fhir;
        }
        return Format.text;
    }
}
