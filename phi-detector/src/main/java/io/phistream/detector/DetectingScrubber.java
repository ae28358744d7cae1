package io.phistream.detector;

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
 * detected spans become typed tags ({@code [NAME]}). When the detector gives up (size or time budget, internal
 * error) the whole field is removed: fail closed.
 */
public final class DetectingScrubber implements FreeTextScrubber {

    private final TextPhiDetector detector;

    public DetectingScrubber(TextPhiDetector detector) {
        this.detector = detector;
    }

    @Override
    public Result scrub(String text, KnownPhi known) {
        if (text.isBlank()) {
            return new Result(text, List.of());
        }
        DetectionContext.Builder context = DetectionContext.builder();
        for (KnownPhi.Value v : known.values()) {
            context.knownValue(v.type(), v.value());
        }
        if (known.memoryHash() != null && !known.remembered().isEmpty()) {
            context.rememberedDigests(known.remembered(), known.memoryHash());
        }
        DetectionResult detected = detector.analyse(text, context.build());
        if (detected.failedClosed()) {
            return REDACT_ALL.scrub(text, known);
        }
        ScrubResult scrubbed = TextScrubber.scrub(text, detected.spans(), Replacement.TAG, null);
        List<ReplacedSpan> spans = new ArrayList<>(detected.spans().size());
        for (PhiSpan s : detected.spans()) {
            spans.add(new ReplacedSpan(s.start(), s.end(), s.type()));
        }
        return new Result(scrubbed.text(), spans);
    }
}
