package io.phistream.detector.text.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A labelled corpus in the other forms real notes come in: hard-wrapped, in one case, with look-alike characters. Each
 * form keeps every char's offset (one char for one), so the gold spans stay where they were; wrapping breaks a span
 * that crosses a line into one gold span per line, as a reader sees it. What {@code phi-stream eval --forms} scores.
 */
public final class CorpusForms {

    /** A named form of a text; it maps each char to one char. */
    public record Form(String name, UnaryOperator<String> apply) {
    }

    /** The column notes are most often wrapped at. */
    static final int WRAP = 72;

    private CorpusForms() {
    }

    /** The forms other than the text as written, which the report before them scores. */
    public static List<Form> others() {
        return List.of(
                new Form("wrapped at " + WRAP + " columns", t -> wrap(t, WRAP)),
                new Form("upper case", t -> oneForOne(t, Character::toUpperCase)),
                new Form("lower case", t -> oneForOne(t, Character::toLowerCase)),
                new Form("Title Case", CorpusForms::titleCase),
                new Form("one line", t -> t.replace('\n', ' ')),
                new Form("no-break spaces", t -> t.replace(' ', '\u00A0')),
                new Form("en dashes for hyphens", t -> t.replace('-', '\u2013')),
                new Form("fullwidth digits",
                        t -> oneForOne(t, c -> c >= '0' && c <= '9' ? (char) (c - '0' + '\uFF10') : c)));
    }

    /** The documents in a form; gold spans that cross a line break of the form are cut at it. */
    public static List<GoldDocument> apply(Form form, List<GoldDocument> docs) {
        List<GoldDocument> out = new ArrayList<>(docs.size());
        for (GoldDocument d : docs) {
            String text = form.apply().apply(d.text());
            if (text.length() != d.text().length()) {
                throw new IllegalStateException("form " + form.name() + " changed a text's length");
            }
            List<GoldSpan> spans = new ArrayList<>(d.spans().size());
            for (GoldSpan g : d.spans()) {
                int from = g.start();
                for (int i = g.start(); i <= g.end(); i++) {
                    if (i == g.end() || text.charAt(i) == '\n' && d.text().charAt(i) != '\n') {
                        if (i > from) {
                            spans.add(new GoldSpan(g.label(), g.type(), from, i));
                        }
                        from = i + 1;
                    }
                }
            }
            out.add(new GoldDocument(d.id(), text, spans));
        }
        return out;
    }

    /** Greedy wrapping, as editors and EHR exports do it: a space becomes a line break where a line would pass width. */
    static String wrap(String t, int width) {
        char[] c = t.toCharArray();
        int column = 0;
        int lastSpace = -1;
        for (int i = 0; i < c.length; i++) {
            if (c[i] == '\n') {
                column = 0;
                lastSpace = -1;
                continue;
            }
            if (c[i] == ' ') {
                lastSpace = i;
            }
            column++;
            if (column > width && lastSpace >= 0) {
                c[lastSpace] = '\n';
                column = i - lastSpace;
                lastSpace = -1;
            }
        }
        return new String(c);
    }

    /** Every word capitalised, the rest in lower case ("Patient Seen And Examined"). */
    static String titleCase(String t) {
        char[] c = t.toCharArray();
        for (int i = 0; i < c.length; i++) {
            boolean starts = i == 0 || !Character.isLetterOrDigit(c[i - 1]) && c[i - 1] != '\'';
            c[i] = starts ? Character.toUpperCase(c[i]) : Character.toLowerCase(c[i]);
        }
        return new String(c);
    }

    private interface CharMap {
        char map(char c);
    }

    private static String oneForOne(String t, CharMap m) {
        char[] c = t.toCharArray();
        for (int i = 0; i < c.length; i++) {
            c[i] = m.map(c[i]);
        }
        return new String(c);
    }
}
