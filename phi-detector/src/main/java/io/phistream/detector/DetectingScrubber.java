package io.phistream.detector;

import io.phistream.detector.deid.KeyedDigest;
import io.phistream.detector.deid.Tokenizer;
import io.phistream.detector.text.DetectionContext;
import io.phistream.detector.text.DetectionResult;
import io.phistream.detector.text.PhiSpan;
import io.phistream.detector.text.Replacement;
import io.phistream.detector.text.ScrubResult;
import io.phistream.detector.text.TextPhiDetector;
import io.phistream.detector.text.TextScrubber;
import java.util.ArrayList;
import java.util.List;

/**
 * Span-level free-text scrubbing: the structured PHI of the same message is handed to the detector as context,
 * detected spans become typed tags ({@code [NAME]}), reversible tokens ({@link #withTokens}) or realistic surrogates
 * ({@link #withSurrogates}). When the detector gives up (size or time budget, internal error) the whole field is removed: fail closed.
 */
public final class DetectingScrubber implements FreeTextScrubber {

    private final TextPhiDetector detector;
    /** Keyed digest that seeds surrogates; null: no surrogates. */
    private final KeyedDigest surrogateSeeds;
    /** Tokenizer of reversible tokens; null: no tokens. Neither: typed tags. */
    private final Tokenizer tokens;

    public DetectingScrubber(TextPhiDetector detector) {
        this(detector, null, null);
    }

    private DetectingScrubber(TextPhiDetector detector, KeyedDigest surrogateSeeds, Tokenizer tokens) {
        this.detector = detector;
        this.surrogateSeeds = surrogateSeeds;
        this.tokens = tokens;
    }

    /**
     * Spans replaced by the keyed, reversible token of their text and type ({@code nam-AV3x...}), as structured
     * identifiers are: equal values get equal tokens, and whoever holds the key store can reverse one
     * ({@code phi-stream reidentify}).
     */
    public static DetectingScrubber withTokens(TextPhiDetector detector, Tokenizer tokens) {
        return new DetectingScrubber(detector, null, java.util.Objects.requireNonNull(tokens));
    }

    /**
     * Spans replaced by surrogates of their kind: a name by made-up names word by word (a surname alone later gets the
     * same one), a date moved by the patient's offset in its own form, numbers by numbers of the same shape. Each is
     * seeded by a keyed digest of the normalised value (a name's each word), so equal values get equal surrogates across
     * messages under the same key while the surrogate says nothing of the value to whoever lacks the key.
     */
    public static DetectingScrubber withSurrogates(TextPhiDetector detector, KeyedDigest seeds) {
        return new DetectingScrubber(detector, java.util.Objects.requireNonNull(seeds), null);
    }

    @Override
    public Result scrub(String text, KnownPhi known) {
        return scrubParts(List.of(text), List.of(), known).get(0); // one part: the text, read whole
    }

    /**
     * The parts joined and detected as one text; each part then gets the spans over it, cut at its ends (a place
     * wrapped over two lines is replaced on both). When the text fails closed, every part is removed. A text longer
     * than {@link #MAX_JOINED} chars is read a run of whole parts at a time, so that a long report is held to the
     * per-field time budget piece by piece instead of failing closed whole.
     */
    @Override
    public List<Result> scrubParts(List<String> parts, List<String> joints, KnownPhi known) {
        if (joints.size() != parts.size() - 1) {
            throw new IllegalArgumentException("one joint between each two parts");
        }
        DetectionContext context = context(known);
        TextScrubber.DateShift shift = surrogateSeeds == null ? null : dateShift(parts, known);
        List<Result> results = new ArrayList<>(parts.size());
        int from = 0;
        while (from < parts.size()) {
            int to = from + 1;
            int length = parts.get(from).length();
            while (to < parts.size() && length + joints.get(to - 1).length() + parts.get(to).length() <= MAX_JOINED) {
                length += joints.get(to - 1).length() + parts.get(to).length();
                to++;
            }
            scrubTogether(parts.subList(from, to), joints.subList(from, to - 1), context, known, shift, results);
            from = to;
        }
        return results;
    }

    private static final String SEED_DOMAIN = "text-surrogate";

    /** Chars of pieces read as one text at most: about 20 ms of detection, a tenth of the default budget. */
    static final int MAX_JOINED = 64 * 1024;

    private void scrubTogether(List<String> parts, List<String> joints, DetectionContext context, KnownPhi known,
                               TextScrubber.DateShift shift, List<Result> results) {
        StringBuilder joined = new StringBuilder(parts.get(0));
        for (int i = 1; i < parts.size(); i++) {
            joined.append(joints.get(i - 1)).append(parts.get(i));
        }
        String text = joined.toString();
        Composed composed = Composed.of(text);
        DetectionResult detected = text.isBlank() ? null : detector.analyse(composed.text(), context);
        List<PhiSpan> spans = detected == null ? List.of() : composed.back(detected.spans());
        if (detected != null && !detected.failedClosed()) {
            detected.wordsKept().forEach(known::keptAsWord); // the guards allow these
        }
        int next = 0; // spans are sorted and do not overlap: each part starts from the first span not before it
        int at = 0;
        for (int p = 0; p < parts.size(); p++) {
            String part = parts.get(p);
            int end = at + part.length();
            if (detected != null && detected.failedClosed()) {
                Result removed = REDACT_ALL.scrub(part, known);
                results.add(new Result(removed.text(), removed.spans(), true));
            } else {
                while (next < spans.size() && spans.get(next).end() <= at) {
                    next++;
                }
                List<PhiSpan> own = new ArrayList<>();
                for (int i = next; i < spans.size() && spans.get(i).start() < end; i++) {
                    PhiSpan s = spans.get(i);
                    int from = Math.max(s.start(), at);
                    int to = Math.min(s.end(), end);
                    // a span cut at a part's end leaves the blanks there: "<i>Tad</i> Wexcombe" keeps its space
                    while (from < to && s.start() < at && Character.isWhitespace(text.charAt(from))) {
                        from++;
                    }
                    while (to > from && s.end() > end && Character.isWhitespace(text.charAt(to - 1))) {
                        to--;
                    }
                    if (!blank(text, from, to)) {
                        own.add(new PhiSpan(s.type(), from - at, to - at, s.rule(), s.confidence()));
                    }
                }
                results.add(replaced(part, own, shift));
            }
            at = end + (p + 1 < parts.size() ? joints.get(p).length() : 0);
        }
    }

    /**
     * Text with its accents composed ("e" + U+0301 is "é"), which the detector reads as letters of a word: decomposed,
     * "José Martínez" was read as "Jose", "Marti" and "nez" and its marks were left standing between the tags. Each
     * char knows the stretch of the text it was composed from, so spans go back to the text's own offsets.
     */
    private record Composed(String text, int[] from, int[] to, int length) {

        static Composed of(String text) {
            if (java.text.Normalizer.isNormalized(text, java.text.Normalizer.Form.NFC)) {
                return new Composed(text, null, null, text.length());
            }
            StringBuilder out = new StringBuilder(text.length());
            int[] from = new int[text.length()];
            int[] to = new int[text.length()];
            int i = 0;
            while (i < text.length()) {
                int j = i + Character.charCount(text.codePointAt(i));
                while (j < text.length() && mark(text.codePointAt(j))) {
                    j += Character.charCount(text.codePointAt(j));
                }
                int made = out.length();
                // (a letter and its marks compose to no more chars than they are)
                out.append(java.text.Normalizer.normalize(text.substring(i, j), java.text.Normalizer.Form.NFC));
                java.util.Arrays.fill(from, made, out.length(), i);
                java.util.Arrays.fill(to, made, out.length(), j);
                i = j;
            }
            return new Composed(out.toString(), from, to, text.length());
        }

        private static boolean mark(int cp) {
            int type = Character.getType(cp);
            return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK;
        }

        /** Spans of the composed text in the text's offsets: a letter's marks go with it. */
        List<PhiSpan> back(List<PhiSpan> spans) {
            if (from == null) {
                return spans;
            }
            List<PhiSpan> mapped = new ArrayList<>(spans.size());
            int before = 0;
            for (PhiSpan s : spans) {
                int start = Math.max(before, s.start() < text.length() ? from[s.start()] : length);
                int end = s.end() > s.start() ? to[s.end() - 1] : start;
                if (end > start) { // (two spans in one letter's marks would overlap: the first keeps them)
                    mapped.add(new PhiSpan(s.type(), start, end, s.rule(), s.confidence()));
                    before = end;
                }
            }
            return mapped;
        }
    }

    private static boolean blank(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static DetectionContext context(KnownPhi known) {
        DetectionContext.Builder context = DetectionContext.builder();
        for (KnownPhi.Value v : known.values()) {
            context.knownValue(v.type(), v.value());
        }
        if (known.memoryHash() != null && !known.remembered().isEmpty()) {
            context.rememberedDigests(known.remembered(), known.memoryHash());
        }
        return context.build();
    }

    /**
     * How surrogate dates move: by the patient's offset when the message names one patient; otherwise by one offset for
     * the whole text (1 to 365 days back, from a keyed digest of it), so that its dates keep their order and intervals
     * instead of each getting a date of its own.
     */
    private TextScrubber.DateShift dateShift(List<String> parts, KnownPhi known) {
        int year = known.referenceYear() > 0 ? known.referenceYear()
                : java.time.Year.now(java.time.ZoneOffset.UTC).getValue();
        if (known.dateShiftDays() != null) {
            return new TextScrubber.DateShift(known.dateShiftDays(), year, known.birthDates(), known::wroteTextDate);
        }
        String digest = surrogateSeeds.hex(SEED_DOMAIN + "/document-shift", String.join("\n", parts));
        return new TextScrubber.DateShift(-1 - Integer.parseUnsignedInt(digest.substring(0, 7), 16) % 365, year,
                known.birthDates(), known::wroteTextDate);
    }

    private Result replaced(String text, List<PhiSpan> found, TextScrubber.DateShift shift) {
        ScrubResult scrubbed;
        if (tokens != null) {
            scrubbed = TextScrubber.scrub(text, found, Replacement.TOKEN,
                    span -> tokens.token(span.type(), text.substring(span.start(), span.end())));
        } else if (surrogateSeeds != null) {
            // (a number read as a fax in one place and a phone in another is one number: one surrogate)
            scrubbed = TextScrubber.scrub(text, found, Replacement.SURROGATE, span -> surrogateSeeds.hex(SEED_DOMAIN,
                    (span.type() == PhiType.FAX ? PhiType.PHONE : span.type()).name() + ':'
                            + DetectionContext.normalise(span.type(), text.substring(span.start(), span.end()))), shift);
        } else {
            scrubbed = TextScrubber.scrub(text, found, Replacement.TAG, null);
        }
        List<ReplacedSpan> spans = new ArrayList<>(found.size());
        for (PhiSpan s : found) {
            spans.add(new ReplacedSpan(s.start(), s.end(), s.type()));
        }
        return new Result(scrubbed.text(), spans);
    }
}
