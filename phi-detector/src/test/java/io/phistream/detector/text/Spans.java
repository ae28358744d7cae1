package io.phistream.detector.text;

import io.phistream.detector.PhiType;
import java.util.List;

/** Test helpers: what the rules found, as "value|TYPE" strings. */
final class Spans {
    /**
     * Recognizer tests specify the rules, so they run without the token model, which only adds words after the rules
     * ({@code TokenClassifierTest} specifies it; the held-out, evaluation and leak tests run the whole detector). They
     * check what is found, not how fast: a budget no loaded CI machine can exceed.
     */
    static final TextPhiDetector D = TextPhiDetector.withConfig(TextPhiDetector.Config.DEFAULT
            .withTimeBudget(java.time.Duration.ofSeconds(30)).withTokenModel(false));

    /** The whole detector, the token model after the rules, for the few rules that read what the model found. */
    static final TextPhiDetector WHOLE = TextPhiDetector.withConfig(TextPhiDetector.Config.DEFAULT
            .withTimeBudget(java.time.Duration.ofSeconds(30)));

    private Spans() {
    }

    /** What the whole detector (rules, then the token model) found of one type. */
    static List<String> valuesWithModel(String text, PhiType type) {
        return WHOLE.detect(text, DetectionContext.EMPTY).stream().filter(s -> s.type() == type)
                .map(s -> text.substring(s.start(), s.end())).toList();
    }

    static List<String> found(String text) {
        return found(text, DetectionContext.EMPTY);
    }

    static List<String> found(String text, DetectionContext ctx) {
        return D.detect(text, ctx).stream().map(s -> text.substring(s.start(), s.end()) + "|" + s.type()).toList();
    }

    static List<String> values(String text, PhiType type) {
        return D.detect(text, DetectionContext.EMPTY).stream().filter(s -> s.type() == type)
                .map(s -> text.substring(s.start(), s.end())).toList();
    }

    /** Values found as identifiers of either kind: which kind a shape such as "25-0417" gets is not what tests ask. */
    static List<String> identifiers(String text) {
        return D.detect(text, DetectionContext.EMPTY).stream()
                .filter(s -> s.type() == PhiType.OTHER_ID || s.type() == PhiType.MRN)
                .map(s -> text.substring(s.start(), s.end())).toList();
    }

    static boolean anyOverlap(String text, String part) {
        int i = text.indexOf(part);
        return D.detect(text, DetectionContext.EMPTY).stream().anyMatch(s -> s.overlaps(i, i + part.length()));
    }
}
