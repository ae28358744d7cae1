package io.phistream.detector.text.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.phistream.detector.PhiType;
import io.phistream.detector.text.DetectionContext;
import io.phistream.detector.text.DetectionResult;
import io.phistream.detector.text.PhiSpan;
import io.phistream.detector.text.TextPhiDetector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Scores the free-text detector on a labelled corpus. {@link #evaluate(Path)} recognises:
 * <ul>
 *   <li>Presidio-research JSON (a list of {@code {full_text, spans:[{entity_type, start_position,
 *       end_position}]}}), as in ../shared/corpora/pii-sentences;</li>
 *   <li>JSON lines or a JSON list of {@code {text, spans:[{type|label, start, end}]}} (what
 *       {@link #write} produces for generated notes);</li>
 *   <li>brat standoff ({@code x.txt} + {@code x.ann} with {@code T1 LABEL start end});</li>
 *   <li>i2b2 2014 de-identification XML ({@code <TEXT>} + {@code <TAGS>} with start/end/TYPE).</li>
 * </ul>
 * Labels map to Safe Harbor types; labels that are not PHI under Safe Harbor (organisations, job
 * titles, nationalities, countries and states, ages up to 89, times and vague dates without a day,
 * month or year) are ignored: they count neither as misses nor, when predicted, as false alarms.
 */
public final class Evaluator {
    /** The corpus forms {@link #read} recognises, for help texts and error messages. */
    public static final String FORMATS = "Presidio JSON (.json: a list of {full_text, spans:[{entity_type, "
            + "start_position, end_position}]}), JSON lines or a JSON list of {text, spans:[{type, start, end}]} "
            + "(.jsonl, .json), brat standoff (x.txt with x.ann) or i2b2 XML (.xml)";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A corpus file that is not in its format; the message names the file and line, never the text there. */
    public static final class CorpusException extends IOException {
        private static final long serialVersionUID = 1L;

        CorpusException(Path file, long line, String problem) {
            super(file + (line > 0 ? ", line " + line : "") + ": " + problem);
        }
    }

    private final TextPhiDetector detector;
    private final boolean keepErrors;

    public Evaluator(TextPhiDetector detector) {
        this(detector, false);
    }

    /** With {@code keepErrors}, the report lists misses and false alarms with their text (synthetic data only). */
    public Evaluator(TextPhiDetector detector, boolean keepErrors) {
        this.detector = detector;
        this.keepErrors = keepErrors;
    }

    public EvalReport evaluate(Path corpus) throws IOException {
        return evaluate(corpus.getFileName() == null ? corpus.toString() : corpus.getFileName().toString(), read(corpus));
    }

    public EvalReport evaluate(String name, List<GoldDocument> docs) {
        EvalReport rep = new EvalReport(name);
        for (GoldDocument d : docs) {
            long t0 = System.nanoTime();
            DetectionResult res = detector.analyse(d.text(), DetectionContext.EMPTY);
            rep.nanos += System.nanoTime() - t0;
            rep.documents++;
            rep.chars += d.text().length();
            List<PhiSpan> pred = res.spans();
            if (res.failedClosed()) {
                rep.failedClosed++;
                pred = List.of(new PhiSpan(PhiType.OTHER_ID, 0, d.text().length(), "fail-closed", 1));
            }
            score(rep, d, pred);
        }
        return rep;
    }

    // package-private: EvalReportTest scores predictions it makes up
    void score(EvalReport rep, GoldDocument d, List<PhiSpan> pred) {
        String text = d.text();
        // spans
        for (GoldSpan g : d.spans()) {
            if (g.type() == null) {
                rep.ignoredGold++;
                continue;
            }
            boolean hit = pred.stream().anyMatch(p -> p.overlaps(g.start(), g.end()));
            EvalReport.Counts c = EvalReport.of(rep.spanRecall, g.type());
            if (hit) {
                c.tp++;
                rep.span.tp++;
            } else {
                c.fn++;
                rep.span.fn++;
                if (keepErrors) {
                    rep.errors.add("MISS " + g.type() + " [" + text.substring(g.start(), g.end()) + "] in: " + context(text, g.start(), g.end()));
                }
            }
        }
        for (PhiSpan p : pred) {
            boolean phi = d.spans().stream().anyMatch(g -> g.type() != null && p.overlaps(g.start(), g.end()));
            boolean ignored = !phi && d.spans().stream().anyMatch(g -> g.type() == null && p.overlaps(g.start(), g.end()));
            if (ignored) {
                continue;
            }
            EvalReport.Counts c = EvalReport.of(rep.spanPrecision, p.type());
            if (phi) {
                c.tp++;
                rep.span.right++;
            } else {
                c.fp++;
                rep.span.fp++;
                if (keepErrors) {
                    rep.errors.add("FP   " + p.type() + " " + p.rule() + " [" + text.substring(p.start(), p.end()) + "] in: "
                            + context(text, p.start(), p.end()));
                }
            }
        }
        // tokens
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (!Character.isLetterOrDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int s = i;
            while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            int e = i;
            GoldSpan g = null;
            boolean ignored = false;
            for (GoldSpan x : d.spans()) {
                if (x.start() < e && s < x.end()) {
                    if (x.type() == null) {
                        ignored = true;
                    } else {
                        g = x;
                    }
                }
            }
            PhiSpan p = null;
            for (PhiSpan x : pred) {
                if (x.overlaps(s, e)) {
                    p = x;
                    break;
                }
            }
            if (g == null && ignored) {
                continue;
            }
            if (g != null) {
                EvalReport.Counts c = EvalReport.of(rep.tokenRecall, g.type());
                if (p != null) {
                    c.tp++;
                    rep.token.tp++;
                } else {
                    c.fn++;
                    rep.token.fn++;
                }
            }
            if (p != null) {
                EvalReport.Counts c = EvalReport.of(rep.tokenPrecision, p.type());
                if (g != null) {
                    c.tp++;
                } else {
                    c.fp++;
                    rep.token.fp++;
                }
            }
        }
    }

    private static String context(String text, int s, int e) {
        int a = Math.max(0, s - 40);
        int b = Math.min(text.length(), e + 40);
        return text.substring(a, b).replace('\n', ' ');
    }

    // ------------------------------------------------------------------ corpus formats

    /**
     * Reads a corpus file or folder in any supported format ({@link #FORMATS}); files of other kinds are skipped.
     *
     * @throws CorpusException when a file of a supported kind is malformed
     */
    public static List<GoldDocument> read(Path corpus) throws IOException {
        List<GoldDocument> out = new ArrayList<>();
        List<Path> files;
        if (Files.isDirectory(corpus)) {
            try (Stream<Path> s = Files.list(corpus)) {
                files = s.sorted().toList();
            }
        } else {
            files = List.of(corpus);
        }
        for (Path f : files) {
            String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".json") || name.endsWith(".jsonl")) {
                readJson(f, out);
            } else if (name.endsWith(".ann")) {
                readBrat(f, out);
            } else if (name.endsWith(".xml")) {
                readI2b2(f, out);
            }
        }
        return out;
    }

    private static void readJson(Path f, List<GoldDocument> out) throws IOException {
        String raw = Files.readString(f, StandardCharsets.UTF_8);
        String s = raw.strip();
        // lines stripped off the top, so that errors give the file's own line numbers
        long skipped = raw.substring(0, raw.length() - raw.stripLeading().length()).chars()
                .filter(c -> c == '\n').count();
        List<JsonNode> docs = new ArrayList<>();
        if (s.startsWith("[")) {
            try {
                JSON.readTree(s).forEach(docs::add);
            } catch (JsonProcessingException e) {
                throw notJson(f, e.getLocation() == null ? 0 : skipped + e.getLocation().getLineNr());
            }
        } else {
            String[] lines = s.split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    try {
                        docs.add(JSON.readTree(lines[i]));
                    } catch (JsonProcessingException e) {
                        throw notJson(f, skipped + i + 1);
                    }
                }
            }
        }
        int k = 0;
        for (JsonNode d : docs) {
            String text = d.has("full_text") ? d.get("full_text").asText() : d.path("text").asText();
            List<GoldSpan> spans = new ArrayList<>();
            for (JsonNode sp : d.path("spans")) {
                String label = sp.has("entity_type") ? sp.get("entity_type").asText()
                        : sp.has("type") ? sp.get("type").asText() : sp.path("label").asText();
                int st = sp.has("start_position") ? sp.get("start_position").asInt() : sp.path("start").asInt();
                int en = sp.has("end_position") ? sp.get("end_position").asInt() : sp.path("end").asInt();
                if (st < 0 || en > text.length() || en <= st) {
                    continue;
                }
                spans.add(new GoldSpan(label, map(label, text.substring(st, en)), st, en));
            }
            out.add(new GoldDocument(f.getFileName() + "#" + k++, text, spans));
        }
    }

    /** Jackson's message can quote the text it stopped at, so only the place is kept. */
    private static CorpusException notJson(Path f, long line) {
        return new CorpusException(f, line, "not valid JSON (expected " + FORMATS + ")");
    }

    private static void readBrat(Path ann, List<GoldDocument> out) throws IOException {
        Path txt = ann.resolveSibling(ann.getFileName().toString().replaceAll("\\.ann$", ".txt"));
        if (!Files.exists(txt)) {
            return;
        }
        String text = Files.readString(txt, StandardCharsets.UTF_8);
        List<GoldSpan> spans = new ArrayList<>();
        List<String> lines = Files.readAllLines(ann, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("T")) {
                continue;
            }
            String[] cols = line.split("\t");
            if (cols.length < 2) {
                continue;
            }
            String[] meta = cols[1].split("[ ;]");
            if (meta.length < 3) {
                continue;
            }
            int st;
            int en;
            try {
                st = Integer.parseInt(meta[1]);
                en = Integer.parseInt(meta[meta.length - 1]);
            } catch (NumberFormatException e) {
                throw new CorpusException(ann, i + 1, "brat offsets are not numbers (expected T1<TAB>LABEL start end)");
            }
            if (st >= 0 && en <= text.length() && en > st) {
                spans.add(new GoldSpan(meta[0], map(meta[0], text.substring(st, en)), st, en));
            }
        }
        out.add(new GoldDocument(txt.getFileName().toString(), text, spans));
    }

    private static void readI2b2(Path f, List<GoldDocument> out) throws IOException {
        String xml = Files.readString(f, StandardCharsets.UTF_8);
        int a = xml.indexOf("<![CDATA[");
        int b = xml.indexOf("]]>", a);
        if (a < 0 || b < 0) {
            return;
        }
        String text = xml.substring(a + 9, b);
        List<GoldSpan> spans = new ArrayList<>();
        int tags = xml.indexOf("<TAGS>", b);
        int end = xml.indexOf("</TAGS>", tags);
        if (tags >= 0 && end > tags) {
            for (String tag : xml.substring(tags + 6, end).split("/>")) {
                String type = attr(tag, "TYPE");
                String st = attr(tag, "start");
                String en = attr(tag, "end");
                if (type == null || st == null || en == null) {
                    continue;
                }
                int s;
                int e;
                try {
                    s = Integer.parseInt(st);
                    e = Integer.parseInt(en);
                } catch (NumberFormatException x) {
                    throw new CorpusException(f, 0, "an i2b2 tag's start or end is not a number");
                }
                if (s >= 0 && e <= text.length() && e > s) {
                    spans.add(new GoldSpan(type, map(type, text.substring(s, e)), s, e));
                }
            }
        }
        out.add(new GoldDocument(f.getFileName().toString(), text, spans));
    }

    private static String attr(String tag, String name) {
        int i = tag.indexOf(" " + name + "=\"");
        if (i < 0) {
            return null;
        }
        int s = i + name.length() + 3;
        int e = tag.indexOf('"', s);
        return e < 0 ? null : tag.substring(s, e);
    }

    private static final Set<String> COUNTRIES_AND_STATES = Set.of("united states", "usa", "us", "america", "canada",
            "mexico", "england", "uk", "united kingdom", "france", "germany", "italy", "spain", "china", "japan", "india",
            "australia", "new zealand", "ireland", "brazil", "russia", "netherlands", "belgium", "sweden", "norway",
            "denmark", "finland", "poland", "portugal", "greece", "turkey", "israel", "egypt", "south africa", "nigeria",
            "kenya", "argentina", "chile", "peru", "colombia", "cuba", "korea", "vietnam", "thailand", "philippines",
            "indonesia", "pakistan", "iran", "iraq", "austria", "switzerland", "hungary", "czech republic", "iceland",
            "greenland", "togo", "scotland", "wales", "europe", "asia", "africa",
            "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware", "florida",
            "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine",
            "maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska",
            "nevada", "new hampshire", "new jersey", "new mexico", "new york", "north carolina", "north dakota", "ohio",
            "oklahoma", "oregon", "pennsylvania", "rhode island", "south carolina", "south dakota", "tennessee", "texas",
            "utah", "vermont", "virginia", "washington", "west virginia", "wisconsin", "wyoming", "puerto rico");

    /** Corpus label (Presidio, i2b2, brat or PhiType name) and value -> Safe Harbor type, or null if not PHI. */
    public static PhiType map(String label, String value) {
        String l = label.toUpperCase(Locale.ROOT);
        String v = value.strip();
        switch (l) {
            case "PERSON", "PER", "NAME", "PATIENT", "DOCTOR", "USERNAME", "FIRST_NAME", "LAST_NAME" -> {
                return PhiType.NAME;
            }
            case "STREET_ADDRESS", "ADDRESS", "STREET", "CITY", "ZIP", "ZIP_CODE", "HOSPITAL", "GEO", "LOCATION-OTHER" -> {
                return PhiType.GEO;
            }
            case "GPE", "LOCATION", "LOC" -> {
                return COUNTRIES_AND_STATES.contains(v.toLowerCase(Locale.ROOT)) ? null : PhiType.GEO;
            }
            case "DATE_TIME", "DATE" -> {
                return dateElement(v) ? PhiType.DATE : null;
            }
            case "AGE" -> {
                return ageOver89(v) ? PhiType.AGE : null;
            }
            case "PHONE_NUMBER", "PHONE", "CONTACT" -> {
                return PhiType.PHONE;
            }
            case "FAX" -> {
                return PhiType.FAX;
            }
            case "EMAIL_ADDRESS", "EMAIL" -> {
                return PhiType.EMAIL;
            }
            case "US_SSN", "SSN" -> {
                return PhiType.SSN;
            }
            case "MEDICALRECORD", "MRN" -> {
                return PhiType.MRN;
            }
            case "HEALTHPLAN", "HEALTH_PLAN" -> {
                return PhiType.HEALTH_PLAN;
            }
            case "ACCOUNT", "CREDIT_CARD", "IBAN_CODE", "US_BANK_NUMBER" -> {
                return PhiType.ACCOUNT;
            }
            case "LICENSE", "US_DRIVER_LICENSE", "US_PASSPORT" -> {
                return PhiType.LICENSE;
            }
            case "VEHICLE" -> {
                return PhiType.VEHICLE;
            }
            case "DEVICE" -> {
                return PhiType.DEVICE;
            }
            case "URL", "DOMAIN_NAME", "WEB" -> {
                return PhiType.URL;
            }
            case "IP_ADDRESS", "IPADDR", "IP" -> {
                return PhiType.IP;
            }
            case "IDNUM", "BIOID", "ID", "OTHER_ID", "MEDICAL_LICENSE" -> {
                return PhiType.OTHER_ID;
            }
            default -> {
                for (PhiType t : PhiType.values()) {
                    if (t.name().equals(l)) {
                        return t;
                    }
                }
                // ORGANIZATION, TITLE, NRP, PREFIX, PROFESSION, COUNTRY, STATE...: not Safe Harbor PHI
                return null;
            }
        }
    }

    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

    /** A date element under Safe Harbor: has digits or a month name ("the weekend", "Monday", "2 weeks" do not). */
    static boolean dateElement(String v) {
        String s = v.toLowerCase(Locale.ROOT);
        if (s.matches(".*\\b\\d+\\s*(day|days|week|weeks|month|months|year|years|hour|hours|min|minutes)\\b.*")
                || s.matches(".*\\d{1,2}:\\d{2}.*") && !s.matches(".*\\d+[/-]\\d+.*")) {
            return false;
        }
        for (String m : MONTHS) {
            if (s.matches(".*\\b" + m + "[a-z]*\\b.*")) {
                return true;
            }
        }
        return s.matches(".*\\d.*");
    }

    static boolean ageOver89(String v) {
        String d = v.replaceAll("[^0-9]", "");
        if (!d.isEmpty() && d.length() <= 3) {
            return Integer.parseInt(d) >= 90;
        }
        String s = v.toLowerCase(Locale.ROOT);
        return s.contains("ninety") || s.contains("hundred");
    }

    /** Writes documents as JSON lines ({@code text}, {@code spans[type,start,end]}), readable by {@link #read}. */
    public static void write(List<GoldDocument> docs, Path file) throws IOException {
        StringBuilder b = new StringBuilder();
        for (GoldDocument d : docs) {
            var o = JSON.createObjectNode();
            o.put("id", d.id());
            o.put("text", d.text());
            var arr = o.putArray("spans");
            for (GoldSpan g : d.spans()) {
                arr.addObject().put("type", g.label()).put("start", g.start()).put("end", g.end());
            }
            b.append(JSON.writeValueAsString(o)).append('\n');
        }
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
    }

    /** Dev entry point: {@code Evaluator CORPUS_DIR [--errors]} or {@code Evaluator --generated SEED N [--errors]}. */
    public static void main(String[] args) throws IOException {
        boolean errors = List.of(args).contains("--errors");
        // quality, not speed: a generous time budget so a busy machine does not fail fields closed
        Evaluator e = new Evaluator(TextPhiDetector.withConfig(
                TextPhiDetector.Config.DEFAULT.withTimeBudget(java.time.Duration.ofSeconds(10))), errors);
        EvalReport r;
        if (args.length >= 3 && args[0].equals("--generated")) {
            r = e.evaluate("generated(seed=" + args[1] + ")",
                    new ClinicalNoteGenerator(Long.parseLong(args[1])).generate(Integer.parseInt(args[2])));
        } else {
            r = e.evaluate(Path.of(args[0]));
        }
        System.out.print(r.render());
        if (errors) {
            r.errors().forEach(System.out::println);
        }
    }
}
