package io.phistream.detector.hl7;

import io.phistream.detector.FreeTextScrubber;
import io.phistream.detector.KnownPhi;
import io.phistream.detector.PatientMemory;
import io.phistream.detector.PhiType;
import io.phistream.detector.RejectReason;
import io.phistream.detector.ReplacedSpan;
import io.phistream.detector.deid.AgeGeneraliser;
import io.phistream.detector.deid.DateShifter;
import io.phistream.detector.deid.KeyedDigest;
import io.phistream.detector.deid.ContactAddresses;
import io.phistream.detector.deid.ReferenceRange;
import io.phistream.detector.deid.Region;
import io.phistream.detector.deid.Tokenizer;
import io.phistream.detector.deid.Treatment;
import io.phistream.detector.deid.Zip3;
import io.phistream.detector.er7.Delimiters;
import io.phistream.detector.er7.Er7;
import io.phistream.detector.er7.Er7Exception;
import io.phistream.detector.er7.Er7Message;
import io.phistream.detector.er7.Er7Segment;
import io.phistream.detector.policy.ObservationCodes;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * De-identifies one HL7 v2 message according to an {@link Hl7Policy}. Pure and thread-safe; it fails closed:
 * anything it cannot read, or any value it cannot treat, ends in {@link Hl7Outcome.Rejected} rather than in
 * output. As a last guard, every PHI value it replaced is searched for in the finished output and a hit
 * rejects the message ({@link RejectReason#RESIDUAL_PHI}).
 */
public final class Hl7Deidentifier {

    private static final PhiType[] PHI_TYPES = PhiType.values();

    private static final Set<String> VERSIONS = Set.of(
            "2.3", "2.3.1", "2.4", "2.5", "2.5.1", "2.6", "2.7", "2.7.1", "2.8", "2.8.1", "2.8.2");

    private final Hl7Policy policy;
    private final Tokenizer tokenizer;
    private final DateShifter shifter;
    private final Zip3 zip3;
    private final KeyedDigest digest;
    private final FreeTextScrubber freeText;
    private final Clock clock;

    public Hl7Deidentifier(Hl7Policy policy, Tokenizer tokenizer, DateShifter shifter, Zip3 zip3,
                           KeyedDigest digest, FreeTextScrubber freeText, Clock clock) {
        this.policy = policy;
        this.tokenizer = tokenizer;
        this.shifter = shifter;
        this.zip3 = zip3;
        this.digest = digest;
        this.freeText = freeText;
        this.clock = clock;
    }

    public Hl7Policy policy() {
        return policy;
    }

    public Hl7Outcome deidentify(String input) {
        return deidentify(input, PatientMemory.NONE);
    }

    /**
     * De-identifies one message; free text is also searched for what {@code memory} remembers about the
     * message's patient, and the outcome carries the digests to remember from this message.
     */
    public Hl7Outcome deidentify(String input, PatientMemory memory) {
        Er7Message msg;
        try {
            msg = Er7Message.parse(input);
        } catch (Er7Exception e) {
            return new Hl7Outcome.Rejected(contentId(input), reason(e.problem()));
        }
        return deidentifyParsed(msg, input, memory);
    }

    /** {@link #deidentify(Er7Message, String, PatientMemory)} without a patient memory. */
    public Hl7Outcome deidentify(Er7Message parsed, String input) {
        return deidentify(parsed, input, PatientMemory.NONE);
    }

    /**
     * De-identifies a message the caller has already read with {@link Er7Message#parse} (the pipeline's quality
     * gate parses every message first), so it is not read twice. Gives the same outcome as
     * {@link #deidentify(String, PatientMemory) deidentify(input, memory)}.
     *
     * @param parsed {@code Er7Message.parse(input)}; it is <b>edited in place</b> into the de-identified message,
     *               so the caller must not use it afterwards (it no longer holds the input)
     * @param input  the text {@code parsed} was read from: the message id of a message without a control id is
     *               the keyed digest of this text
     */
    public Hl7Outcome deidentify(Er7Message parsed, String input, PatientMemory memory) {
        java.util.Objects.requireNonNull(parsed, "parsed");
        java.util.Objects.requireNonNull(input, "input");
        return deidentifyParsed(parsed, input, memory);
    }

    private Hl7Outcome deidentifyParsed(Er7Message msg, String input, PatientMemory memory) {
        String messageId = messageId(msg, input);
        try {
            return deidentifyMessage(msg, messageId, memory);
        } catch (RuntimeException | StackOverflowError e) {
            // never e.getMessage(): library messages may quote the value that failed
            return new Hl7Outcome.Rejected(messageId, RejectReason.INTERNAL_ERROR);
        }
    }

    /** The keyed id of raw bytes that could not be read as a message. */
    public String contentId(String input) {
        return contentId(input.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The keyed id of raw bytes (not text, too large, not UTF-8). */
    public String contentId(byte[] raw) {
        return "c" + digest.hex("phi-stream/content", raw);
    }

    private Hl7Outcome deidentifyMessage(Er7Message msg, String messageId, PatientMemory memory) {
        Er7Segment msh = msg.segments().get(0);
        Delimiters d = msg.delimiters();
        String version = Er7.part(Er7.part(msh.field(12), d.repetition(), 1), d.component(), 1);
        if (!VERSIONS.contains(version)) {
            return new Hl7Outcome.Rejected(messageId, RejectReason.UNSUPPORTED_VERSION);
        }
        String type9 = Er7.part(msh.field(9), d.repetition(), 1);
        String code = Er7.part(type9, d.component(), 1);
        if (code.isEmpty()) {
            return new Hl7Outcome.Rejected(messageId, RejectReason.MISSING_MESSAGE_TYPE);
        }
        String trigger = Er7.part(type9, d.component(), 2);
        String messageType = trigger.isEmpty() ? code : code + "^" + trigger;

        String patientKey = patientKey(msg);
        Run run = new Run(d, patientKey == null ? null : shifter.offsetDays(patientKey), referenceYear(msh, d));
        String patientToken = patientKey == null ? null : tokenizer.token(PhiType.MRN, patientKey);
        // digests cost a keyed hash per form: only made when the pipeline keeps a memory
        Function<String, String> memoryHash = patientToken == null || memory == PatientMemory.NONE ? null
                : PatientMemory.keyedHash(digest, patientToken);
        if (memoryHash != null) {
            run.known.recall(memory.recall(patientToken), memoryHash);
        }
        List<TextField> textFields = new ArrayList<>();
        int index = -1;
        for (Er7Segment seg : msg.segments()) {
            index++;
            FieldRule[] rules = policy.segmentRules(seg.name());
            if (!seg.isMsh() && rules == null) {
                redactSegment(seg, run);
                continue;
            }
            for (int n = seg.isMsh() ? 3 : 1; n <= seg.fieldCount(); n++) {
                FieldRule rule = Hl7Policy.rule(rules, n);
                if (isText(rule, seg, d)) {
                    textFields.add(new TextField(seg, n, index));
                } else {
                    apply(seg, n, rule, run);
                }
            }
        }
        // after the structured fields, so all their PHI is known
        for (List<TextField> text : texts(textFields, d)) {
            applyText(text, run);
        }
        String text = msg.encode();
        Residual residual = run.residualPhi(text);
        if (residual != null) {
            return new Hl7Outcome.Rejected(messageId, RejectReason.RESIDUAL_PHI, residual.type(),
                    run.whereFound(text, residual));
        }
        return new Hl7Outcome.Deidentified(messageId, patientToken, messageType, version, text,
                Collections.unmodifiableMap(run.counts()), Collections.unmodifiableList(run.spans),
                memoryHash == null ? Set.of() : run.known.digests(memoryHash), run.textsGivenUp);
    }

    private boolean isText(FieldRule rule, Er7Segment seg, Delimiters d) {
        if (rule instanceof FieldRule.Simple s) {
            return s.treatment() == Treatment.TEXT;
        }
        if (rule instanceof FieldRule.ByValueType b) {
            return b.forType(valueType(seg, d)).treatment() == Treatment.TEXT;
        }
        return false;
    }

    /** An age observation's value: over 89 becomes 90, as PID ages do; unguarded, as the OBX segment is. */
    private static final FieldRule.Simple AGE_VALUE = new FieldRule.Simple(Treatment.AGE, PhiType.AGE, false, false);
    /** A birth date an observation records: its year only, as PID-7's (a second walkthrough found it shifted). */
    private static final FieldRule.Simple BIRTH_VALUE = new FieldRule.Simple(Treatment.DATE, PhiType.DATE, true, false);
    /** A coded OBX-5 value kept: every component but the original text (9), as the policy's CWE datatype has it. */
    private static final FieldRule.Composite CODED_VALUE = codedValue();

    private static FieldRule.Composite codedValue() {
        FieldRule.Simple[] components = new FieldRule.Simple[10];
        components[9] = FieldRule.Simple.REDACT;
        return new FieldRule.Composite("CWE", components, FieldRule.Simple.KEEP);
    }

    /**
     * Whether OBX-3 (its first or alternate code) is one the policy names as an age ({@code ageObservationCodes}), or
     * a code of any system whose text says "age" ("AGE^Age^L", "X^Age at death^99LOC"): a local code is no less an
     * age, and capping a number over 89 at 90 costs nothing where it is not one.
     */
    private boolean ageCoded(Er7Segment seg, Delimiters d) {
        return observationCoded(seg, d, policy::ageObservation, ObservationCodes.AGE_WORD);
    }

    /** Whether OBX-3's first or alternate code (system, code) is {@code listed}, or a code or text has {@code words}. */
    private static boolean observationCoded(Er7Segment seg, Delimiters d,
                                            java.util.function.BiPredicate<String, String> listed,
                                            java.util.regex.Pattern words) {
        if (!seg.name().equals("OBX")) {
            return false;
        }
        String id = seg.field(3);
        char c = d.component();
        return listed.test(Er7.part(id, c, 3), Er7.part(id, c, 1)) || listed.test(Er7.part(id, c, 6), Er7.part(id, c, 4))
                || says(id, c, words);
    }

    /** Whether a component of OBX-3 (a code or its text) has the pattern: "AGE^^L", "X^Edad^L", "DOB^^L". */
    private static boolean says(String id, char c, java.util.regex.Pattern words) {
        for (int k = 1; k <= 5; k++) {
            if (k != 3 && words.matcher(Er7.part(id, c, k)).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether OBX-3 (its first or alternate code) is one the policy names as the birth date
     * ({@code birthObservationCodes}), or a code or text that says so ("DOB^^L", "X^Date of birth^99LOC").
     */
    private boolean birthCoded(Er7Segment seg, Delimiters d) {
        return observationCoded(seg, d, policy::birthObservation, ObservationCodes.BIRTH_WORD);
    }

    /** Whether an age observation in months, weeks or days (OBX-6) is over 89 years. */
    private static boolean over89InOtherUnits(Er7Segment seg, Delimiters d) {
        String unit = Er7.part(seg.field(6), d.component(), 1).strip().toLowerCase(java.util.Locale.ROOT);
        double perYear = switch (unit) {
            case "mo", "mos", "month", "months", "{month}", "{months}" -> 12;
            case "wk", "wks", "week", "weeks" -> 52.1775;
            case "d", "day", "days" -> 365.25;
            default -> 0;
        };
        if (perYear == 0) {
            return false;
        }
        try {
            return Double.parseDouble(Er7.part(seg.field(5), d.component(), 1).strip()) / perYear >= 90;
        } catch (NumberFormatException notANumber) {
            return false; // the age treatment removes what it cannot read
        }
    }

    private static String valueType(Er7Segment seg, Delimiters d) {
        return Er7.part(seg.field(2), d.component(), 1);
    }

    private void apply(Er7Segment seg, int n, FieldRule rule, Run run) {
        String raw = seg.field(n);
        if (raw.isEmpty()) {
            return;
        }
        int start = seg.fieldStart(n);
        if (rule instanceof FieldRule.Simple s) {
            if (s.treatment() == Treatment.KEEP) {
                return;
            }
            if (s.treatment() == Treatment.REDACT) {
                run.replaced(start, raw, s, Treatment.REDACT);
                seg.setField(n, "");
                return;
            }
            seg.setField(n, eachRepetition(raw, start, run, (rep, at) -> treat(s, rep, at, run)));
        } else if (rule instanceof FieldRule.ByValueType b) {
            String type = valueType(seg, run.d);
            FieldRule.Simple s = b.forType(type);
            if (s.treatment() == Treatment.KEEP && ageCoded(seg, run.d)) {
                if (over89InOtherUnits(seg, run.d)) { // "1116^mo": 93 years, not "90 months"
                    run.replaced(start, raw, AGE_VALUE, Treatment.AGE);
                    seg.setField(n, AgeGeneraliser.NINETY_OR_OLDER);
                    seg.setField(6, "a");
                    return;
                }
                s = AGE_VALUE; // "OBX|1|NM|30525-0^Age^LN||96|a": a number kept by its type, but an age
            } else if (s.treatment() == Treatment.DATE && birthCoded(seg, run.d)) {
                s = BIRTH_VALUE; // "OBX|1|DT|21112-8^Birth date^LN||19500314": its year only, as PID-7's
            } else if (s.treatment() == Treatment.KEEP && !ObxValueShape.fits(type, raw, run.d)) {
                s = FieldRule.Simple.REDACT; // "NM" holding a relative's name and phone: kept by a type it is not
            } else if (s.treatment() == Treatment.KEEP && ObxValueShape.coded(type)) {
                apply(seg, n, CODED_VALUE, run); // the code and its text stay; what a person wrote (9) goes
                return;
            }
            apply(seg, n, s, run);
        } else {
            FieldRule.Composite c = (FieldRule.Composite) rule;
            seg.setField(n, eachRepetition(raw, start, run, (rep, at) -> treatComponents(c, rep, at, run)));
        }
    }

    /**
     * Each component of one repetition by its rule, joined as {@link Er7#join} does (trailing empty components
     * dropped). Written out with indexes rather than split into a list and joined: composites are most fields.
     */
    private String treatComponents(FieldRule.Composite c, String rep, int at, Run run) {
        char sep = run.d.component();
        StringBuilder out = new StringBuilder(rep.length() + 32);
        int kept = 0; // length up to the end of the last non-empty component (the first one always counts)
        int from = 0;
        for (int i = 1; ; i++) {
            int end = rep.indexOf(sep, from);
            if (end < 0) {
                end = rep.length();
            }
            if (i > 1) {
                out.append(sep);
            }
            int partStart = out.length();
            FieldRule.Simple rule = c.component(i);
            // an address's postal code is read with its country, XAD-6 (a foreign code keeps no digit: Zip3)
            boolean postalCode = rule.treatment() == Treatment.ZIP3 && "XAD".equals(c.datatype());
            if (postalCode) {
                run.addressCountry = Er7.unescape(Er7.part(rep, sep, 6), run.d);
            }
            if (end > from) { // an empty component stays empty under every treatment
                if (rule.treatment() == Treatment.KEEP) {
                    out.append(rep, from, end);
                } else {
                    out.append(treat(rule, rep.substring(from, end), at < 0 ? -1 : at + from, run));
                }
            }
            if (postalCode) {
                run.addressCountry = null; // (a postal code in a field of its own has no country beside it)
            }
            if (i == 1 || out.length() > partStart) {
                kept = out.length();
            }
            if (end == rep.length()) {
                break;
            }
            from = end + 1;
        }
        out.setLength(kept);
        return out.toString();
    }

    private interface RepetitionFn {
        String apply(String repetition, int offset);
    }

    private static String eachRepetition(String raw, int start, Run run, RepetitionFn fn) {
        if (raw.indexOf(run.d.repetition()) < 0) {
            return fn.apply(raw, start); // most fields have one repetition: no list to split into and join
        }
        List<String> reps = Er7.split(raw, run.d.repetition());
        int pos = start;
        for (int i = 0; i < reps.size(); i++) {
            String rep = reps.get(i);
            reps.set(i, fn.apply(rep, pos));
            pos = pos < 0 ? -1 : pos + rep.length() + 1;
        }
        return String.join(String.valueOf(run.d.repetition()), reps);
    }

    /** Treats one repetition or component. Sub-components are treated one by one for per-value treatments. */
    private String treat(FieldRule.Simple s, String raw, int offset, Run run) {
        if (raw.isEmpty() || s.treatment() == Treatment.KEEP) {
            return raw;
        }
        Delimiters d = run.d;
        switch (s.treatment()) {
            case REDACT -> {
                run.replaced(offset, raw, s, Treatment.REDACT);
                return "";
            }
            case TOKEN -> {
                run.replaced(offset, raw, s, Treatment.TOKEN);
                String key = Run.memoKey(s, raw);
                String token = run.memo.get(key);
                if (token == null) {
                    token = tokenizer.token(s.phiType(), Er7.unescape(raw, d));
                    run.memo.put(key, token);
                }
                run.tokens.add(token);
                return token;
            }
            case REGION -> {
                if (Region.isName(Er7.unescape(raw, d))) {
                    return raw;
                }
                run.replaced(offset, raw, s, Treatment.REDACT); // a code where a state belongs may be a ZIP
                return "";
            }
            case RANGE -> {
                if (ReferenceRange.isRange(Er7.unescape(raw, d))) {
                    return raw;
                }
                run.replaced(offset, raw, s, Treatment.REDACT); // a person may write there
                return "";
            }
            case DATE, ZIP3, AGE -> {
                int cut = s.treatment() == Treatment.DATE ? raw.indexOf(d.component()) : -1;
                if (cut >= 0) {
                    // a v2.3-2.5 TS: the time, then its degree of precision ("20250314093000^S"), which is a code;
                    // a walkthrough found such dates dropped, unread. A birth date keeps its year only: no precision
                    String time = treat(s, raw.substring(0, cut), offset, run);
                    String precision = raw.substring(cut + 1);
                    return precision.length() == 1 && Character.isLetter(precision.charAt(0)) && !time.isEmpty()
                            && !s.birthDate() ? time + d.component() + precision : time;
                }
                run.replaced(offset, raw, s, s.treatment());
                // a birth date may count an AGE on the way, so it is worked out every time, not remembered
                String key = s.birthDate() ? null : Run.memoKey(s, raw);
                String done = key == null ? null : run.memo.get(key);
                if (done != null) {
                    run.wrote(s.treatment(), done, d);
                    return done;
                }
                if (d.subcomponent() == '\0' || raw.indexOf(d.subcomponent()) < 0) {
                    done = Er7.escape(generalise(s, Er7.unescape(raw, d), run), d);
                } else {
                    List<String> subs = Er7.split(raw, d.subcomponent());
                    for (int i = 0; i < subs.size(); i++) {
                        subs.set(i, Er7.escape(generalise(s, Er7.unescape(subs.get(i), d), run), d));
                    }
                    done = Er7.join(subs, d.subcomponent());
                }
                if (key != null) {
                    run.memo.put(key, done);
                }
                run.wrote(s.treatment(), done, d);
                return done;
            }
            default -> throw new IllegalStateException("treatment out of place");
        }
    }

    private String generalise(FieldRule.Simple s, String value, Run run) {
        if (value.isBlank()) {
            return value;
        }
        switch (s.treatment()) {
            case ZIP3:
                return zip3.generalise(value, run.addressCountry);
            case AGE:
                return AgeGeneraliser.generalise(value);
            default:
                break;
        }
        try {
            // a birth over 89 years ago, and any date as old: an event then shows the person over 89 now
            if (AgeGeneraliser.impliesOver89(DateShifter.yearOfHl7(value), run.referenceYear)) {
                run.count(PhiType.AGE);
                return "";
            }
            if (run.offsetDays == null || s.birthDate()) {
                // no patient to shift for, or a birth date: year only. A birth date shifted like the rest is undone by
                // anyone who learns the patient's offset, and a live stream tells it: a message's shifted MSH-7 beside
                // the time it arrived (Safe Harbor keeps no more of a birth date than its year)
                return String.valueOf(DateShifter.yearOfHl7(value));
            }
            return shifter.shiftHl7(value, run.offsetDays);
        } catch (IllegalArgumentException unreadableDate) {
            return ""; // a date we cannot read cannot be shifted: drop it
        }
    }

    /** A value found again in the output: its type, and the known value (null for a contact address). */
    private record Residual(PhiType type, KnownPhi.Value value) {
    }

    /** A free-text field: field n of the message's segment number index. */
    private record TextField(Er7Segment seg, int n, int index) {
    }

    /**
     * The text fields grouped into the texts they write: a field that continues the one before (the same field of the
     * next segment, for OBX of the same observation and value type) is its next line. Reports are sent one OBX line at
     * a time and comments one NTE at a time; read a line alone, a label loses its value and a wrapped name its half.
     * The sub-id (OBX-4) is not compared: senders number a report's lines with it ("1", "2", ...) as often as they
     * leave it alone, and spans are cut back to each line, so joining never moves text between segments.
     */
    private static List<List<TextField>> texts(List<TextField> fields, Delimiters d) {
        List<List<TextField>> texts = new ArrayList<>();
        TextField last = null;
        for (TextField f : fields) {
            if (last != null && continues(last, f, d)) {
                texts.get(texts.size() - 1).add(f);
            } else {
                texts.add(new ArrayList<>(List.of(f)));
            }
            last = f;
        }
        return texts;
    }

    private static boolean continues(TextField before, TextField f, Delimiters d) {
        if (f.index() != before.index() + 1 || f.n() != before.n() || !f.seg().name().equals(before.seg().name())) {
            return false;
        }
        return !f.seg().name().equals("OBX") || f.seg().field(3).equals(before.seg().field(3))
                && valueType(f.seg(), d).equals(valueType(before.seg(), d));
    }

    /**
     * Scrubs one text: every repetition of its fields is a line, scrubbed with the others as one text. Escapes that are
     * no text ({@code \.br\}, {@code \H\}, {@code \X0D\}...: {@link Er7#pieces}) are kept as written between the
     * pieces they separate, read as a line break, a blank or nothing. A site-defined one ({@code \Zsig\}) is kept only
     * when it is a short code the detector, reading it as a word where it stands, finds nothing in; else it is removed
     * whole. A repetition left with escapes and no text is emptied.
     */
    private void applyText(List<TextField> text, Run run) {
        List<String> parts = new ArrayList<>();
        List<String> joints = new ArrayList<>();
        List<List<String>> pieces = new ArrayList<>(); // per repetition, in order: text, escape, text, ...
        for (TextField f : text) {
            String raw = f.seg().field(f.n());
            if (!raw.isEmpty()) {
                for (String rep : Er7.split(raw, run.d.repetition())) {
                    List<String> p = Er7.pieces(rep, run.d);
                    pieces.add(p);
                    for (int i = 0; i < p.size(); i += 2) {
                        if (!parts.isEmpty()) {
                            joints.add(i == 0 ? "\n" : Er7.readAs(p.get(i - 1)));
                        }
                        parts.add(Er7.unescape(p.get(i), run.d));
                        if (i + 1 < p.size() && siteCode(p.get(i + 1))) {
                            joints.add(" ");
                            parts.add(p.get(i + 1).substring(2, p.get(i + 1).length() - 1)); // read as a word: judged
                        }
                    }
                }
            }
        }
        if (parts.isEmpty()) {
            return;
        }
        List<FreeTextScrubber.Result> scrubbed = freeText.scrubParts(parts, joints, run.known);
        if (scrubbed.stream().anyMatch(FreeTextScrubber.Result::gaveUp)) {
            run.textsGivenUp++;
        }
        Iterator<FreeTextScrubber.Result> results = scrubbed.iterator();
        Iterator<String> plains = parts.iterator(); // the same pieces, in the same order
        Iterator<List<String>> repetitions = pieces.iterator();
        for (TextField f : text) {
            String raw = f.seg().field(f.n());
            if (raw.isEmpty()) {
                continue;
            }
            f.seg().setField(f.n(), eachRepetition(raw, f.seg().fieldStart(f.n()), run, (rep, at) -> {
                List<String> p = repetitions.next();
                StringBuilder out = new StringBuilder(rep.length());
                boolean anyText = false;
                int pos = at;
                for (int i = 0; i < p.size(); i++) {
                    String piece = p.get(i);
                    if (i % 2 == 1) {
                        PhiType held = null;
                        if (Er7.siteDefined(piece)) {
                            held = PhiType.OTHER_ID; // anything but a short code, unread
                            if (siteCode(piece)) {
                                FreeTextScrubber.Result r = results.next();
                                plains.next();
                                held = r.gaveUp() || !r.spans().isEmpty()
                                        ? r.spans().isEmpty() ? PhiType.OTHER_ID : r.spans().get(0).type() : null;
                            }
                        }
                        if (held == null) {
                            out.append(piece); // an escape that is no text, as written
                        } else {
                            run.count(held);
                            if (pos >= 0) {
                                run.spans.add(new ReplacedSpan(pos, pos + piece.length(), held));
                            }
                        }
                    } else {
                        FreeTextScrubber.Result r = results.next();
                        String plain = plains.next();
                        // offsets in the unescaped text, mapped back onto the escapes they were read from
                        Er7.Unescaped mapped = pos >= 0 && !r.spans().isEmpty() && plain.length() != piece.length()
                                ? Er7.unescapeMapped(piece, run.d) : null;
                        for (ReplacedSpan span : r.spans()) {
                            run.count(span.type());
                            if (pos >= 0) {
                                run.spans.add(mapped == null
                                        ? new ReplacedSpan(pos + span.start(), pos + span.end(), span.type())
                                        : new ReplacedSpan(pos + mapped.rawStart(span.start()),
                                                pos + mapped.rawEnd(span.end()), span.type()));
                            }
                        }
                        anyText |= !r.text().isEmpty();
                        out.append(Er7.escape(r.text(), run.d));
                    }
                    pos = pos < 0 ? -1 : pos + piece.length();
                }
                return anyText ? out.toString() : "";
            }));
        }
    }

    /**
     * Whether a site-defined escape ({@code \Zsig\}) holds a short code: up to ten letters and digits, at most four of
     * them digits. Anything longer, or a number, may be an identifier.
     */
    private static boolean siteCode(String escape) {
        if (!Er7.siteDefined(escape) || escape.length() - 3 > 10) {
            return false;
        }
        int digits = 0;
        for (int k = 2; k < escape.length() - 1; k++) {
            char c = escape.charAt(k);
            digits += c >= '0' && c <= '9' ? 1 : 0;
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return digits <= 4;
    }

    private void redactSegment(Er7Segment seg, Run run) {
        for (int n = 1; n <= seg.fieldCount(); n++) {
            String raw = seg.field(n);
            if (!raw.isEmpty()) {
                run.replaced(seg.fieldStart(n), raw, FieldRule.Simple.REDACT, Treatment.REDACT);
            }
        }
        seg.clearFields();
    }

    /** Assigning authority and identifier of the patient: PID-3 (the MR repetition, else the first), then PID-2. */
    private static String patientKey(Er7Message msg) {
        Er7Segment pid = msg.first("PID");
        if (pid == null) {
            return null;
        }
        Delimiters d = msg.delimiters();
        String chosen = null;
        for (String rep : Er7.split(pid.field(3), d.repetition())) {
            String id = Er7.part(rep, d.component(), 1);
            if (id.isBlank()) {
                continue;
            }
            if (chosen == null || "MR".equals(Er7.part(rep, d.component(), 5))) {
                chosen = rep;
                if ("MR".equals(Er7.part(rep, d.component(), 5))) {
                    break;
                }
            }
        }
        if (chosen == null) {
            chosen = Er7.part(pid.field(2), d.repetition(), 1);
            if (Er7.part(chosen, d.component(), 1).isBlank()) {
                return null;
            }
        }
        String id = Er7.unescape(Er7.part(chosen, d.component(), 1), d).strip();
        String hd = Er7.part(chosen, d.component(), 4);
        String authority = Er7.part(hd, d.subcomponent(), 1);
        if (authority.isBlank()) {
            authority = Er7.part(hd, d.subcomponent(), 2);
        }
        return PatientKeys.of(Er7.unescape(authority, d), id);
    }

    /**
     * The later of the message's year (MSH-7) and this year: ages over 89 are judged when the data is released, so an
     * old or forged timestamp ("MSH-7 1930") cannot let a birth date of 1850 through.
     */
    private int referenceYear(Er7Segment msh, Delimiters d) {
        int now = clock.instant().atZone(ZoneOffset.UTC).getYear();
        try {
            return Math.max(now, DateShifter.yearOfHl7(Er7.part(msh.field(7), d.component(), 1)));
        } catch (IllegalArgumentException e) {
            return now;
        }
    }

    private String messageId(Er7Message msg, String input) {
        Er7Segment msh = msg.segments().get(0);
        String control = msh.field(10);
        if (control.isBlank()) {
            return contentId(input);
        }
        return "m" + digest.hex("phi-stream/message", msh.field(3) + "|" + msh.field(4) + "|" + control);
    }

    private static RejectReason reason(Er7Exception.Problem p) {
        return switch (p) {
            case EMPTY -> RejectReason.EMPTY;
            case NO_MSH, BINARY_CONTENT -> RejectReason.NOT_HL7;
            case BAD_ENCODING_CHARACTERS -> RejectReason.BAD_ENCODING_CHARACTERS;
            case BAD_SEGMENT_NAME -> RejectReason.BAD_SEGMENT;
        };
    }

    /** State of one message's de-identification. */
    private static final class Run {
        final Delimiters d;
        /** XAD-6 of the address whose postal code is being treated ({@link Zip3#generalise(String, String)}). */
        String addressCountry;
        final Integer offsetDays;
        final int referenceYear;
        /** Replacements per {@link PhiType#ordinal()}: an int array, as counting is done for every value. */
        final int[] counts = new int[PHI_TYPES.length];
        final List<ReplacedSpan> spans = new ArrayList<>();
        /** Free texts that span detection gave up on, removed whole. */
        int textsGivenUp;
        final KnownPhi known = new KnownPhi();
        final Set<String> tokens = new LinkedHashSet<>();
        /** Shifted dates as written to the output, with how many times ({@link ResidualPhiGuard#firstHit}). */
        final Map<String, Integer> shiftedDates = new HashMap<>();
        /** The original days (YYYYMMDD) of the dates moved, birth dates aside ({@link ResidualPhiGuard#firstHit}). */
        final Set<String> eventDays = new HashSet<>();
        /**
         * Results of tokens and generalisations already worked out in this message. Within one message they are
         * pure functions of treatment, type and raw value (one patient, one date offset, one reference year),
         * and a result (an ORU repeats the same date and observer in every OBX) costs an AES-SIV or a date parse.
         */
        final Map<String, String> memo = new HashMap<>();
        /** Values already added to {@link #known} (type, guard and raw value): a repeated value is split once. */
        final Set<String> remembered = new HashSet<>();

        Run(Delimiters d, Integer offsetDays, int referenceYear) {
            this.d = d;
            this.offsetDays = offsetDays;
            this.referenceYear = referenceYear;
            known.dateShift(offsetDays, referenceYear); // surrogate dates in free text move with the structured ones
        }

        void count(PhiType type) {
            counts[type.ordinal()]++;
        }

        Map<PhiType, Integer> counts() {
            Map<PhiType, Integer> map = new EnumMap<>(PhiType.class);
            for (PhiType t : PHI_TYPES) {
                if (counts[t.ordinal()] > 0) {
                    map.put(t, counts[t.ordinal()]);
                }
            }
            return map;
        }

        /** A birth date's day (YYYYMMDD...), for the free text to write as its year only too. */
        void birthDay(String raw) {
            if (raw.length() >= 8) {
                try {
                    known.birthDate(java.time.LocalDate.of(Integer.parseInt(raw.substring(0, 4)),
                            Integer.parseInt(raw.substring(4, 6)), Integer.parseInt(raw.substring(6, 8))));
                } catch (RuntimeException notADay) {
                    // no whole day to find again: the year alone says nothing more
                }
            }
        }

        static String memoKey(FieldRule.Simple s, String raw) {
            return new StringBuilder(raw.length() + 2).append((char) s.treatment().ordinal())
                    .append((char) s.phiType().ordinal()).append(raw).toString();
        }

        void replaced(int offset, String raw, FieldRule.Simple rule, Treatment treatment) {
            PhiType type = rule.phiType();
            count(type);
            if (offset >= 0) {
                spans.add(new ReplacedSpan(offset, offset + raw.length(), type));
            }
            // (a ZIP kept as its ZIP3 too: its five digits must not stand in the free text or any other field)
            boolean remember = treatment == Treatment.REDACT || treatment == Treatment.TOKEN || treatment == Treatment.ZIP3
                    || rule.birthDate();
            if (treatment == Treatment.DATE && !rule.birthDate()) {
                eventDays(raw);
            }
            if (!remember) {
                return;
            }
            if (rule.birthDate()) {
                birthDay(raw);
            }
            // KnownPhi gets each (type, guard, value) once: an ORU names the same observer in every OBX
            String key = new StringBuilder(raw.length() + 2).append((char) type.ordinal())
                    .append(rule.guarded() ? 'g' : 'u').append(raw).toString();
            if (!remembered.add(key)) {
                return;
            }
            // names are checked word by word (each sub-component); other values (a street line, a number) as whole
            // components, their sub-components joined by spaces. One pass over the raw text, no lists.
            boolean name = type == PhiType.NAME;
            boolean bySub = name && d.subcomponent() != '\0';
            int n = raw.length();
            int from = 0;
            for (int i = 0; i <= n; i++) {
                char ch = i < n ? raw.charAt(i) : d.repetition();
                if (ch != d.repetition() && ch != d.component() && !(bySub && ch == d.subcomponent())) {
                    continue;
                }
                if (i > from) { // an empty piece adds nothing (KnownPhi skips blank values)
                    String value = Er7.unescape(raw.substring(from, i), d);
                    known.add(type, name ? value : value.replace(d.subcomponent(), ' '), rule.guarded());
                }
                from = i + 1;
            }
        }

        /** Each whole day (the first eight digits of a digit run, a valid YYYYMMDD) in a date's raw value. */
        void eventDays(String raw) {
            int n = raw.length();
            int i = 0;
            while (i < n) {
                if (raw.charAt(i) < '0' || raw.charAt(i) > '9') {
                    i++;
                    continue;
                }
                int start = i;
                while (i < n && raw.charAt(i) >= '0' && raw.charAt(i) <= '9') {
                    i++;
                }
                if (i - start >= 8 && (start == 0 || !Character.isLetter(raw.charAt(start - 1)))) {
                    int month = Integer.parseInt(raw, start + 4, start + 6, 10);
                    int day = Integer.parseInt(raw, start + 6, start + 8, 10);
                    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
                        eventDays.add(raw.substring(start, start + 8));
                    }
                }
            }
        }

        /**
         * The type of the first value the policy replaced that still stands in the output, or of an e-mail address or
         * contact URI anywhere in it; or null.
         */
        Residual residualPhi(String output) {
            PhiType contact = ContactAddresses.first(output);
            if (contact != null) {
                return new Residual(contact, null);
            }
            KnownPhi.Value hit = hit(output, known.values());
            return hit == null ? null : new Residual(hit.type(), hit);
        }

        /** The guard's first hit among {@code values} in the output as written, else as a reader sees it. */
        private KnownPhi.Value hit(String output, List<KnownPhi.Value> values) {
            KnownPhi.Value hit = ResidualPhiGuard.firstHit(output, tokens, values, shiftedDates, eventDays,
                    known.textDates(), known.wordsKept());
            String readable = hit == null ? ResidualPhiGuard.readable(output, d) : output;
            if (readable != output) { // (the same instance when no escape stands after MSH-2)
                hit = ResidualPhiGuard.firstHit(readable, tokens, values, shiftedDates, eventDays,
                        known.textDates(), known.wordsKept());
            }
            return hit;
        }

        /**
         * The first field ({@code "OBX-4"}) that holds the residual alone, searched as the guard searches the whole;
         * null when none does (a value counted over several fields, as a date written more often than it was moved).
         * Only on the way to quarantine, so one search per field costs nothing that matters.
         */
        String whereFound(String output, Residual residual) {
            for (String line : output.split("\r")) {
                if (line.length() < 4) {
                    continue;
                }
                List<String> fields = Er7.split(line, d.field());
                boolean msh = line.startsWith("MSH");
                for (int i = msh ? 2 : 1; i < fields.size(); i++) {
                    String f = fields.get(i);
                    boolean found = !f.isEmpty() && (residual.value() == null ? ContactAddresses.first(f) != null
                            : hit(f, List.of(residual.value())) != null);
                    if (found) {
                        return line.substring(0, 3) + "-" + (msh ? i + 1 : i); // MSH-1 is the separator itself
                    }
                }
            }
            return null;
        }

        /** Records a shifted date written to the output (each subcomponent of a repeated one on its own). */
        void wrote(Treatment treatment, String written, Delimiters d) {
            if (treatment != Treatment.DATE || written.isEmpty()) {
                return;
            }
            if (d.subcomponent() != '\0' && written.indexOf(d.subcomponent()) >= 0) {
                for (String part : Er7.split(written, d.subcomponent())) {
                    if (!part.isEmpty()) {
                        shiftedDates.merge(part.toLowerCase(Locale.ROOT), 1, Integer::sum);
                    }
                }
            } else {
                shiftedDates.merge(written.toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
    }
}
