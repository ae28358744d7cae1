package io.phistream.detector.text.eval;

import java.util.List;

/** One evaluation document: its text and gold spans. */
public record GoldDocument(String id, String text, List<GoldSpan> spans) {
    public GoldDocument {
        spans = List.copyOf(spans);
    }
}
