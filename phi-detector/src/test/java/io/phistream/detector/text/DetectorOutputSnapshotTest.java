package io.phistream.detector.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.text.eval.ClinicalNoteGenerator;
import io.phistream.detector.text.eval.Evaluator;
import io.phistream.detector.text.eval.GoldDocument;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The detector's whole output — every span's type, start, end, rule and confidence — on the held-out batches and on
 * generated notes, pinned as one digest per note. Work meant to change no output (speed, refactoring) must leave every
 * digest as it is; a rule change that is meant to change output rewrites the snapshot on purpose:
 * {@code ./mvnw -pl phi-detector test -Dtest=DetectorOutputSnapshotTest -Dsnapshot.update=true}, and the diff of
 * {@value #SNAPSHOT} names the notes it changed. A failure lists the notes whose output moved, with their spans now.
 */
class DetectorOutputSnapshotTest {
    static final String SNAPSHOT = "src/test/resources/io/phistream/detector/text/detector-output.snapshot";
    private static final int GENERATED = 1000;

    @Test
    void everyNoteGivesTheSpansItGaveWhenTheSnapshotWasTaken() throws Exception {
        // a generous budget: on a loaded machine a note must not fail closed, which would read as a changed output
        TextPhiDetector detector = TextPhiDetector.withConfig(TextPhiDetector.Config.DEFAULT
                .withTimeBudget(Duration.ofSeconds(30)));
        Map<String, String> rendered = new LinkedHashMap<>();
        for (GoldDocument note : notes()) {
            rendered.put(note.id(), render(detector.detect(note.text(), DetectionContext.EMPTY)));
        }
        Map<String, String> now = new LinkedHashMap<>();
        rendered.forEach((id, spans) -> now.put(id, digest(spans)));

        Path file = Path.of(SNAPSHOT);
        if (Boolean.getBoolean("snapshot.update")) {
            Files.writeString(file, now.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining("\n", "", "\n")), StandardCharsets.UTF_8);
            return;
        }
        Map<String, String> pinned = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int space = line.lastIndexOf(' ');
            pinned.put(line.substring(0, space), line.substring(space + 1));
        }
        List<String> moved = new ArrayList<>();
        for (Map.Entry<String, String> e : now.entrySet()) {
            if (!e.getValue().equals(pinned.get(e.getKey()))) {
                moved.add(e.getKey());
            }
        }
        assertThat(now.keySet()).as("the notes the snapshot was taken on").isEqualTo(pinned.keySet());
        assertThat(moved).as(() -> moved.size() + " of " + now.size() + " notes changed output; the first of them, with "
                + "their spans now:\n" + moved.stream().limit(5).map(id -> id + ":\n" + rendered.get(id))
                .collect(Collectors.joining("\n")) + "\n(rewrite the snapshot with -Dsnapshot.update=true if meant)")
                .isEmpty();
    }

    @Test
    void theDigestTellsApartOutputsThatDifferInOneSpanField() {
        PhiSpan span = new PhiSpan(io.phistream.detector.PhiType.NAME, 4, 9, "name.context", 0.9);
        String pinned = digest(render(List.of(span)));
        assertThat(digest(render(List.of(new PhiSpan(span.type(), 4, 10, span.rule(), 0.9))))).isNotEqualTo(pinned);
        assertThat(digest(render(List.of(new PhiSpan(span.type(), 4, 9, "name.lexicon", 0.9))))).isNotEqualTo(pinned);
        assertThat(digest(render(List.of(new PhiSpan(span.type(), 4, 9, span.rule(), 0.8))))).isNotEqualTo(pinned);
        assertThat(digest(render(List.of()))).isNotEqualTo(pinned);
    }

    /** The held-out batches in the order of their numbers, then the generated notes. */
    private static List<GoldDocument> notes() throws IOException, URISyntaxException {
        Path dir = Path.of(DetectorOutputSnapshotTest.class.getResource("heldout").toURI());
        List<Path> batches;
        try (var files = Files.list(dir)) {
            batches = files.filter(p -> p.getFileName().toString().matches("batch\\d+\\.jsonl"))
                    .sorted(java.util.Comparator.comparingInt(p -> Integer.parseInt(
                            p.getFileName().toString().replaceAll("\\D", ""))))
                    .toList();
        }
        List<GoldDocument> notes = new ArrayList<>();
        for (Path batch : batches) {
            notes.addAll(Evaluator.read(batch));
        }
        List<GoldDocument> generated = new ClinicalNoteGenerator(42).generate(GENERATED);
        for (int i = 0; i < generated.size(); i++) {
            notes.add(new GoldDocument("generated-42#" + i, generated.get(i).text(), List.of()));
        }
        return notes;
    }

    /** Confidence to three decimals: the token model's exp may differ in its last bit between platforms. */
    static String render(List<PhiSpan> spans) {
        return spans.stream().map(p -> String.format(Locale.ROOT, "%s %d %d %s %.3f", p.type(), p.start(), p.end(),
                p.rule(), p.confidence())).collect(Collectors.joining("\n"));
    }

    static String digest(String rendered) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(rendered.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
