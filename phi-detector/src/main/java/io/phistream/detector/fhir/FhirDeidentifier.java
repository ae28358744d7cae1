package io.phistream.detector.fhir;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
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
import io.phistream.detector.deid.Zip3;
import io.phistream.detector.fhir.FhirPolicy.DatatypeRule;
import io.phistream.detector.fhir.FhirPolicy.ExtensionMode;
import io.phistream.detector.fhir.FhirPolicy.PathNode;
import io.phistream.detector.policy.ObservationCodes;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Base64BinaryType;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.FamilyMemberHistory;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MarkdownType;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.hl7.fhir.utilities.xhtml.NodeType;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;

/**
 * De-identifies one FHIR R4 resource or Bundle (JSON or XML; NDJSON line by line) according to a {@link FhirPolicy}.
 * Pure and thread-safe; it fails closed: unreadable input is {@link RejectReason#NOT_FHIR}, any failure while
 * treating it {@link RejectReason#INTERNAL_ERROR}, and as a last guard every guarded PHI value it replaced is
 * searched for in the finished output ({@link RejectReason#RESIDUAL_PHI}). Output has the input's format and
 * parses again with HAPI; entries, resource types and references are preserved.
 *
 * <p>Elements are walked generically through HAPI's runtime model (the same definitions {@code FhirTerser} uses),
 * so datatype rules apply anywhere: in every resource, in contained resources, in Bundle entries and inside
 * allow-listed extensions. The rule of an element, most specific first:
 * <ol>
 *   <li>an element named {@code id} (resource or element id, or any {@code id}-typed primitive): keyed pseudonym;</li>
 *   <li>a path rule ({@code Patient.birthDate}), rooted at the nearest resource;</li>
 *   <li>the parent datatype's rule for this child ({@code Address.postalCode: zip3});</li>
 *   <li>the element's own datatype when it is PHI-bearing ({@code HumanName}, {@code Address}, ...): these apply
 *       wherever the type occurs and no ancestor's {@code keep} switches them off;</li>
 *   <li>a rule for the element name anywhere ({@code linkId});</li>
 *   <li>the parent datatype's default;</li>
 *   <li>fail-safe fallback: composites are walked; primitives by type: string/markdown → free-text scrubber,
 *       date/dateTime/instant → date shift, id → pseudonym, code/boolean/numbers/uri/canonical/time → keep,
 *       base64Binary and any type the policy does not name → removed.</li>
 * </ol>
 * Extensions (and modifier extensions, whose removal can change meaning: documented risk) are removed unless
 * allow-listed. Dates shift by the offset of the patient the resource belongs to ({@link PatientIndex}); without
 * a patient they keep only their year (instants, which cannot be a bare year, are removed).
 */
public final class FhirDeidentifier {

    private static final String ID_DOMAIN = "phi-stream/fhir-id/v1";
    private static final String MESSAGE_DOMAIN = "phi-stream/fhir-message";
    private static final Pattern DOCTYPE = Pattern.compile("<!(?i:doctype|entity)");
    /** A named character reference other than XML's five: HTML's, which XML (and so XHTML in FHIR) does not declare. */
    private static final Pattern HTML_ENTITY = Pattern.compile("&(?!(?:amp|lt|gt|quot|apos);)[A-Za-z][A-Za-z0-9]{1,31};");
    /**
     * XHTML attributes kept, each only with a value of its shape (a number, a keyword, a language tag): an attribute is
     * free text to whoever writes it ({@code class="ulric-bramblecote-9785550179"} passed a walkthrough), so one of
     * any other name or value (href, src, title, alt, id, class, style...) is removed.
     */
    private static final Map<String, Pattern> SAFE_XHTML_ATTRIBUTES = Map.of(
            "xmlns", Pattern.compile(Pattern.quote("http://www.w3.org/1999/xhtml")),
            "lang", Pattern.compile("[A-Za-z]{2,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|[0-9]{3}))?"),
            "dir", Pattern.compile("(?i:ltr|rtl|auto)"),
            "align", Pattern.compile("(?i:left|right|center|justify|char)"),
            "valign", Pattern.compile("(?i:top|middle|bottom|baseline)"),
            "colspan", Pattern.compile("[0-9]{1,3}"),
            "rowspan", Pattern.compile("[0-9]{1,3}"),
            "width", Pattern.compile("[0-9]{1,4}(?:px|%)?"),
            "height", Pattern.compile("[0-9]{1,4}(?:px|%)?"),
            "border", Pattern.compile("[0-9]{1,2}"));
    /** XHTML elements that end a line of text: what stands on either side of one is not one phrase. */
    private static final Set<String> BLOCK_ELEMENTS = Set.of("p", "div", "br", "hr", "tr", "td", "th", "li", "ul", "ol",
            "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "caption", "h1", "h2", "h3", "h4", "h5", "h6", "pre",
            "blockquote");
    private static final String UCUM = "http://unitsofmeasure.org";

    private final FhirPolicy policy;
    private final IdentityMap identities;
    private final Tokenizer tokenizer;
    private final DateShifter shifter;
    private final Zip3 zip3;
    private final KeyedDigest digest;
    private final FreeTextScrubber freeText;
    private final Clock clock;
    private final References references;
    private final FhirContext ctx = Hapi.context();
    private final Plans plans;

    public FhirDeidentifier(FhirPolicy policy, IdentityMap identities, Tokenizer tokenizer, DateShifter shifter,
                            Zip3 zip3, KeyedDigest digest, FreeTextScrubber freeText, Clock clock) {
        this.policy = policy;
        this.identities = identities;
        this.tokenizer = tokenizer;
        this.shifter = shifter;
        this.zip3 = zip3;
        this.digest = digest;
        this.freeText = freeText;
        this.clock = clock;
        this.references = new References(ctx.getResourceTypes());
        this.plans = new Plans(policy, ctx);
    }

    /** The shared HAPI R4 context (one per JVM: building it scans the whole model). */
    public static FhirContext context() {
        return Hapi.context();
    }

    /** Builds the context and parses/encodes a small Bundle in JSON and XML; call at start-up (about 1.5-3 s). */
    public static void warmUp() {
        Hapi.warmUp();
    }

    public FhirPolicy policy() {
        return policy;
    }

    public IdentityMap identities() {
        return identities;
    }

    /** De-identifies a JSON or XML resource or Bundle (format detected from the first character). */
    public FhirOutcome deidentify(String text) {
        return deidentify(text, null, PatientMemory.NONE, PatientDirectory.NONE);
    }

    /**
     * {@link #deidentify(String)}, free text also searched for what {@code memory} holds on the message's patient
     * (when it names exactly one); the outcome carries the digests to remember from this message.
     */
    public FhirOutcome deidentify(String text, PatientMemory memory) {
        return deidentify(text, null, memory, PatientDirectory.NONE);
    }

    /**
     * Bulk-export NDJSON: one JSON resource per line, each de-identified on its own (its own patient, its own
     * outcome). Blank lines are skipped; a line that is not JSON is rejected as {@link RejectReason#NOT_FHIR}.
     */
    public List<FhirOutcome> deidentifyNdjson(String ndjson) {
        PatientDirectory patients = new PatientDirectory();
        learnPatients(ndjson, patients);
        List<FhirOutcome> out = new ArrayList<>();
        for (String line : ndjson.split("\n", -1)) {
            String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (!l.isBlank()) {
                out.add(deidentify(l, FhirFormat.JSON, PatientMemory.NONE, patients));
            }
        }
        return out;
    }

    /** One NDJSON line (must be JSON). */
    public FhirOutcome deidentifyNdjsonLine(String line) {
        return deidentify(line, FhirFormat.JSON, PatientMemory.NONE, PatientDirectory.NONE);
    }

    /**
     * One NDJSON line of a bulk export whose Patient lines were learnt first ({@link #learnPatients}): a resource that
     * names its patient only as {@code Patient/123} gets that patient's date offset and token.
     */
    public FhirOutcome deidentifyNdjsonLine(String line, PatientDirectory patients) {
        return deidentify(line, FhirFormat.JSON, PatientMemory.NONE, patients);
    }

    /**
     * Adds the Patient lines of NDJSON text to a directory (other lines are skipped unread). Run over every file of a
     * bulk export before any is de-identified; a line that does not parse is left to the de-identifying pass to reject.
     */
    public void learnPatients(String ndjson, PatientDirectory patients) {
        for (String line : ndjson.split("\n", -1)) {
            // (cheap test first: only a line that names the type is parsed)
            if (line.indexOf("\"Patient\"") < 0) {
                continue;
            }
            try {
                IBaseResource r = Hapi.parse(FhirFormat.JSON, line.strip());
                if (r instanceof Patient p) {
                    String key = PatientIndex.keyOf(p.getIdentifier(), policy, identities);
                    // the values its own de-identification would replace: a walk over a copy, nothing encoded
                    Run walk = new Run(FhirFormat.JSON, p.copy(), "", line);
                    patients.add(p, key, walk.knownValues());
                }
            } catch (RuntimeException | StackOverflowError unreadable) {
                // rejected, with its reason, when the line itself is de-identified
            }
        }
    }

    /** The keyed id of raw text that could not be read as a resource. */
    public String contentId(String input) {
        return contentId(input.getBytes(StandardCharsets.UTF_8));
    }

    /** The keyed id of raw bytes (not text, too large, not UTF-8). */
    public String contentId(byte[] raw) {
        return "c" + digest.hex("phi-stream/content", raw);
    }

    /** The keyed pseudonym a FHIR id (or the UUID of a {@code urn:uuid}) is replaced with: a UUID (version 8). */
    public String pseudonym(String id) {
        String norm = isUuid(id) ? id.toLowerCase(Locale.ROOT) : id;
        String hex = digest.hex(ID_DOMAIN, norm); // 32 hex digits = 128 bits
        char[] u = new char[36];
        for (int i = 0, j = 0; i < 32; i++, j++) {
            if (i == 8 || i == 12 || i == 16 || i == 20) {
                u[j++] = '-';
            }
            u[j] = hex.charAt(i);
        }
        u[14] = '8'; // RFC 9562 version 8 (custom), variant 10xx: a well-formed UUID with 122 keyed bits
        u[19] = "89ab".charAt(Character.digit(u[19], 16) & 0x3);
        return new String(u);
    }

    /** 8-4-4-4-12 hex digits, either case (the form of a {@code urn:uuid}); hand-written: called per id. */
    static boolean isUuid(String s) {
        if (s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            boolean ok = i == 8 || i == 13 || i == 18 || i == 23 ? c == '-'
                    : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private FhirOutcome deidentify(String text, FhirFormat required, PatientMemory memory, PatientDirectory patients) {
        if (text == null || text.isBlank()) {
            return new FhirOutcome.Rejected(contentId(text == null ? "" : text), RejectReason.EMPTY);
        }
        if (text.charAt(0) == '\uFEFF') {
            text = text.substring(1); // a byte-order mark that Windows editors write: not part of the JSON or XML
        }
        FhirFormat format = FhirFormat.detect(text);
        if (format == null || (required != null && format != required)
                || (format == FhirFormat.XML && text.contains("<!") && DOCTYPE.matcher(text).find())) {
            // DTDs are refused outright: no entity expansion, no external fetches
            return new FhirOutcome.Rejected(contentId(text), RejectReason.NOT_FHIR);
        }
        IBaseResource parsed;
        try {
            parsed = Hapi.parse(format, text);
        } catch (RuntimeException | StackOverflowError e) {
            // never e.getMessage(): HAPI's messages quote the offending value
            return new FhirOutcome.Rejected(contentId(text), RejectReason.NOT_FHIR, null, unreadable(e, text, format));
        }
        if (!(parsed instanceof Resource root)) {
            return new FhirOutcome.Rejected(contentId(text), RejectReason.NOT_FHIR);
        }
        if (format == FhirFormat.XML && text.contains("<!--")) { // (a walk of every element: only when one stands)
            try {
                dropXmlComments(root);
            } catch (RuntimeException | StackOverflowError e) {
                return new FhirOutcome.Rejected(contentId(text), RejectReason.INTERNAL_ERROR);
            }
        }
        String messageId;
        try {
            messageId = messageId(root, text);
        } catch (RuntimeException e) {
            messageId = contentId(text);
        }
        try {
            return new Run(format, root, messageId, text).execute(memory, patients);
        } catch (RuntimeException | StackOverflowError e) {
            return new FhirOutcome.Rejected(messageId, RejectReason.INTERNAL_ERROR);
        }
    }

    /**
     * What HAPI could not read, said in a fixed text (its messages quote the input), when the failure tells it: a
     * narrative's XHTML with an HTML entity or nested too deep was reported as no FHIR at all, which hid the cause.
     */
    static String unreadable(Throwable failure, String text, FhirFormat format) {
        if (failure instanceof StackOverflowError) {
            return "it is nested deeper than can be read";
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage();
            if (t instanceof org.hl7.fhir.exceptions.FHIRFormatError && m.startsWith("XHTML nesting depth exceeds")) {
                return "a narrative's XHTML (text.div) is nested deeper than the 500 elements the FHIR parser reads";
            }
            if (t instanceof ca.uhn.fhir.parser.DataFormatException && m.startsWith("HAPI-1755:")
                    || t instanceof javax.xml.stream.XMLStreamException) {
                return HTML_ENTITY.matcher(text).find()
                        ? (format == FhirFormat.XML ? "the XML" : "a narrative's XHTML (text.div)") + " uses an HTML "
                                + "entity (such as &nbsp; or &copy;) that XML does not declare: write the character itself "
                                + "or a numeric reference (&#160;)"
                        : format == FhirFormat.XML ? null : "a narrative's XHTML (text.div) is not well-formed XML";
            }
        }
        return null;
    }

    /**
     * XML comments anywhere in a resource ("<!-- reviewed with daughter ... -->"): HAPI keeps each with the element it
     * stands before or after and writes it out again, so whatever a comment says would pass through untreated. They
     * hold no data, so all are dropped (the JSON parser drops {@code fhir_comments} already).
     */
    private static void dropXmlComments(Base b) {
        if (b.hasFormatComment()) {
            b.getFormatCommentsPre().clear();
            b.getFormatCommentsPost().clear();
        }
        // (the model's own child list, not the terser's: that one stops at a Bundle entry's resource)
        for (Property p : b.children()) {
            if (p.hasValues()) {
                for (Base v : p.getValues()) {
                    if (v != null) {
                        dropXmlComments(v);
                    }
                }
            }
        }
    }

    /** Bundle.identifier, or type/id/_history/version when the resource has both; else the content's keyed id. */
    private String messageId(Resource root, String text) {
        if (root instanceof Bundle b && b.hasIdentifier() && b.getIdentifier().hasValue()) {
            return "m" + digest.hex(MESSAGE_DOMAIN, "Bundle|" + b.getIdentifier().getSystem() + "|"
                    + b.getIdentifier().getValue());
        }
        if (root.getIdElement().hasIdPart() && root.getMeta().hasVersionId()) {
            return "m" + digest.hex(MESSAGE_DOMAIN, root.fhirType() + "/" + root.getIdElement().getIdPart()
                    + "/_history/" + root.getMeta().getVersionId());
        }
        return contentId(text);
    }

    private record Shift(int days, String shifted) {
    }

    /** Where an element sits: its resource type, whether its values are guarded, its patient's date offset. */
    private record Scope(String resourceType, boolean guarded, Integer offsetDays) {
    }

    /** The state of one message's de-identification. */
    private final class Run implements References.Context {
        final FhirFormat format;
        final Resource root;
        final String messageId;
        final Map<PhiType, Integer> counts = new EnumMap<>(PhiType.class);
        /** Free texts that span detection gave up on, removed whole. */
        int textsGivenUp;
        final KnownPhi known = new KnownPhi();
        /** Our own tokens and pseudonyms: ciphertext and digests, skipped by the residual guard. */
        final Set<String> masks = new HashSet<>();
        final Map<String, String> pseudonyms = new HashMap<>();
        final Map<String, String> tokens = new HashMap<>();
        final Map<String, Integer> offsets = new HashMap<>();
        final Map<String, String> rewritten = new HashMap<>();
        final Map<String, Shift> shifts = new HashMap<>();
        /** Every shifted date written to the output, with how many times ({@link FhirResidualGuard#firstHit}). */
        final Map<String, Integer> shiftedDates = new HashMap<>();
        /** The original days (YYYYMMDD) of the dates moved ({@link FhirResidualGuard#firstHit}). */
        final Set<String> eventDays = new HashSet<>();
        /** The Bundle's person entries' urn:uuid fullUrls and types ({@link #personType}), once asked for. */
        Map<String, String> personUrls;
        /**
         * Date values an Observation or a questionnaire answer records as the birth date (by identity; null until
         * one is seen): treated as {@code date/birth}, their year only.
         */
        Set<IBase> births;
        /** Questionnaire answers that are a score on their question's scale ({@link ScoreAnswers}): kept as written. */
        Set<IBase> scores;
        /** What {@link #says(String, Pattern)} found, by word pattern and text. */
        final Map<Pattern, Map<String, Boolean>> said = new IdentityHashMap<>();
        /** Identifier systems seen and their PHI types, so conditional references tokenise alike. */
        final Map<String, PhiType> systemPhi = new HashMap<>();
        /** Free text runs after the structured pass, so every structured PHI value is known to the scrubber. */
        final List<Runnable> deferred = new ArrayList<>();
        final int referenceYear;
        /**
         * JSON without any {@code "_name"} property (and without backslash-u escapes, which could spell one): no primitive
         * has an id or extension of its own, so kept primitives need no visit.
         */
        final boolean plainJson;
        PatientIndex patients;

        Run(FhirFormat format, Resource root, String messageId, String text) {
            this.format = format;
            this.root = root;
            this.messageId = messageId;
            this.plainJson = format == FhirFormat.JSON && !text.contains("\"_") && !text.contains("\\u");
            // the later of the Bundle's timestamp and this year: ages over 89 are judged when the data is released,
            // so an old or forged timestamp cannot let an 1890 birth date through
            int now = clock.instant().atZone(ZoneOffset.UTC).getYear();
            this.referenceYear = root instanceof Bundle b && b.hasTimestamp()
                    ? Math.max(now, b.getTimestamp().toInstant().atZone(ZoneOffset.UTC).getYear()) : now;
        }

        /** Walks the resource and returns what it replaced, for {@link #learnPatients}: no output, no guard. */
        List<KnownPhi.Value> knownValues() {
            patients = PatientIndex.of(root, policy, identities);
            resource(root, null, true);
            return known.values();
        }

        FhirOutcome execute(PatientMemory memory, PatientDirectory directory) {
            patients = PatientIndex.of(root, policy, identities, directory);
            String key = patients.messageKey();
            Reference subject = PatientIndex.subject(root);
            if (subject != null && subject.hasReference()) {
                for (KnownPhi.Value v : directory.valuesOf(subject.getReference())) {
                    known.add(v.type(), v.value(), true); // the patient of another line: its values are this line's too
                }
            }
            String patientToken = key == null ? null : tokenizer.token(PhiType.MRN, key);
            // digests cost a keyed hash per form: only made when the pipeline keeps a memory
            Function<String, String> memoryHash = patientToken == null || memory == PatientMemory.NONE ? null
                    : PatientMemory.keyedHash(digest, patientToken);
            if (memoryHash != null) {
                known.recall(memory.recall(patientToken), memoryHash);
            }
            learnIdentifierTypes();
            resource(root, null, true);
            // free text's surrogate dates move with the structured ones when the message is about one patient
            known.dateShift(offsets.size() == 1 ? offsets.values().iterator().next() : null, referenceYear);
            for (int i = 0; i < deferred.size(); i++) {
                deferred.get(i).run();
            }
            String out = Hapi.parser(format).encodeResourceToString(root);
            PhiType contact = ContactAddresses.first(out);
            if (contact != null) {
                return new FhirOutcome.Rejected(messageId, RejectReason.RESIDUAL_PHI, contact);
            }
            KnownPhi.Value residual = FhirResidualGuard.firstHit(out, format, masks, known.values(), shiftedDates,
                    eventDays, known.textDates(), known.wordsKept());
            if (residual != null) {
                return new FhirOutcome.Rejected(messageId, RejectReason.RESIDUAL_PHI, residual.type());
            }
            return new FhirOutcome.Deidentified(messageId, patientToken, root.fhirType(), format, out,
                    Collections.unmodifiableMap(counts), List.<ReplacedSpan>of(),
                    memoryHash == null ? Set.of() : known.digests(memoryHash), textsGivenUp);
        }

        // ------------------------------------------------------------------------------------------ walking

        void resource(Resource r, Integer inheritedOffset, boolean ownPatient) {
            String type = r.fhirType();
            Integer offset = ownPatient ? offset(patients.keyFor(r)) : inheritedOffset;
            Scope s = new Scope(type, policy.guarded(type), offset);
            IdType id = r.getIdElement();
            if (id != null && id.hasIdPart()) {
                String original = id.getIdPart();
                boolean local = original.startsWith("#");
                if (local) {
                    original = original.substring(1);
                }
                if (s.guarded() && isPerson(type)) {
                    known.add(PhiType.OTHER_ID, original, true);
                }
                String p = pseudonym(original);
                r.setId(local ? "#" + p : p);
            }
            birthValues(r); // before the walk, which would shift them
            if (r instanceof QuestionnaireResponse q) {
                if (scores == null) {
                    scores = Collections.newSetFromMap(new IdentityHashMap<>());
                }
                ScoreAnswers.collect(q.getItem(), scores); // before the walk, which would scrub them as text
            }
            composite(r, null, policy.pathRoot(type), s, null);
            if (r instanceof Observation o) {
                ageObservation(o);
            } else if (r instanceof QuestionnaireResponse q) {
                ageAnswers(q.getItem());
            } else if (r instanceof Procedure p && p.getPerformed() instanceof Range range) {
                ageValue(range); // a range of ages (performedAge has the Age datatype's rule)
            } else if (r instanceof AllergyIntolerance a && a.getOnset() instanceof Range range) {
                ageValue(range);
            } else if (r instanceof FamilyMemberHistory h) {
                ageValue(h.getAge()); // ageRange, deceasedRange: the Age datatype has its own rule, ranges none
                ageValue(h.getDeceased());
                for (FamilyMemberHistory.FamilyMemberHistoryConditionComponent c : h.getCondition()) {
                    ageValue(c.getOnset());
                }
            } else if (r instanceof Condition c) {
                ageValue(c.getOnset());
                ageValue(c.getAbatement());
            }
        }

        /**
         * An Observation that records an age: its value, and any component's so coded, is an age, whatever datatype
         * carries it ("valueQuantity 95 a", "valueInteger 97"). Its code is in the policy's {@code ageObservationCodes}
         * (in any spelling of the system), or its code, display or text says age ("AGE", "Patient age"), as HL7 reads
         * OBX-3.
         */
        void ageObservation(Observation o) {
            if (o.hasCode()) {
                ageValue(o.getValue(), ageCode(o.getCode()));
            }
            for (Observation.ObservationComponentComponent c : o.getComponent()) {
                if (c.hasCode()) {
                    ageValue(c.getValue(), ageCode(c.getCode()));
                }
            }
        }

        /** Whether a code's texts or codes say what the words do (a coding's system is not read: "urn:x:stage"). */
        boolean says(CodeableConcept code, Pattern words) {
            if (code.hasText() && says(code.getText(), words)) {
                return true;
            }
            for (Coding c : code.getCoding()) {
                if (says(c.getCode(), words) || says(c.getDisplay(), words)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Each text is searched once per message: a Bundle repeats the same codes and displays ("Body Height") in
         * hundreds of Observations, and each is asked for both word patterns.
         */
        boolean says(String text, Pattern words) {
            return text != null && said.computeIfAbsent(words, w -> new HashMap<>())
                    .computeIfAbsent(text, t -> words.matcher(t).find());
        }

        AgeCode ageCode(CodeableConcept code) {
            for (Coding c : code.getCoding()) {
                if (c.hasSystem() && c.hasCode() && policy.ageObservation(c.getSystem(), c.getCode())) {
                    return AgeCode.LISTED;
                }
            }
            return says(code, ObservationCodes.AGE_WORD) ? AgeCode.WORD : AgeCode.NONE;
        }

        /** Answers to a question whose text or linkId says age ("Age", "Your age?", "age"), at any depth. */
        void ageAnswers(List<QuestionnaireResponse.QuestionnaireResponseItemComponent> items) {
            for (QuestionnaireResponse.QuestionnaireResponseItemComponent item : items) {
                AgeCode how = says(item.getText(), ObservationCodes.AGE_WORD)
                        || says(item.getLinkId(), ObservationCodes.AGE_WORD) ? AgeCode.WORD : AgeCode.NONE;
                for (QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent answer : item.getAnswer()) {
                    ageValue(answer.getValue(), how);
                    ageAnswers(answer.getItem());
                }
                ageAnswers(item.getItem());
            }
        }

        void ageValue(Type v) {
            ageValue(v, AgeCode.LISTED);
        }

        /**
         * An age's value: over 89 years becomes 90. A value only named an age by its words is left alone when it is
         * a quantity in a unit that is not one of time ("BMI percentile per age and sex", 95 %): the word was not
         * about it; one the policy or the datatype names an age loses a value in a unit that cannot be read.
         */
        void ageValue(Type v, AgeCode how) {
            if (how == AgeCode.NONE) {
                return;
            }
            if (v instanceof Range range) {
                ageValue(range.getLow(), how);
                ageValue(range.getHigh(), how);
            } else if (v instanceof Quantity q && q.hasValue()) {
                if (how == AgeCode.LISTED || !Double.isNaN(unitsPerYear(q.hasCode() ? q.getCode() : q.getUnit()))) {
                    age(q, q.getValueElement(), q.getValueElement().getValueAsString());
                }
            } else if (v instanceof IntegerType i && i.hasValue()
                    && i.getValue() > AgeGeneraliser.MAX_KEPT_AGE) {
                count(PhiType.AGE);
                i.setValue(Integer.parseInt(AgeGeneraliser.NINETY_OR_OLDER));
            } else if (v instanceof DecimalType d && d.hasValue()
                    && d.getValue().compareTo(BigDecimal.valueOf(AgeGeneraliser.MAX_KEPT_AGE)) > 0) {
                count(PhiType.AGE);
                d.setValue(new BigDecimal(AgeGeneraliser.NINETY_OR_OLDER));
            }
        }

        /**
         * Marks the values that record a birth date, before the walk would shift them: an Observation's (or a
         * component's) whose code is in the policy's {@code birthObservationCodes} or says DOB or date of birth, and
         * a questionnaire answer whose question says so.
         */
        void birthValues(Resource r) {
            if (r instanceof Observation o) {
                if (o.hasCode() && birthCode(o.getCode())) {
                    birth(o.getValue());
                }
                for (Observation.ObservationComponentComponent c : o.getComponent()) {
                    if (c.hasCode() && birthCode(c.getCode())) {
                        birth(c.getValue());
                    }
                }
            } else if (r instanceof QuestionnaireResponse q) {
                birthAnswers(q.getItem());
            }
        }

        boolean birthCode(CodeableConcept code) {
            for (Coding c : code.getCoding()) {
                if (c.hasSystem() && c.hasCode() && policy.birthObservation(c.getSystem(), c.getCode())) {
                    return true;
                }
            }
            return says(code, ObservationCodes.BIRTH_WORD);
        }

        void birthAnswers(List<QuestionnaireResponse.QuestionnaireResponseItemComponent> items) {
            for (QuestionnaireResponse.QuestionnaireResponseItemComponent item : items) {
                boolean birth = says(item.getText(), ObservationCodes.BIRTH_WORD)
                        || says(item.getLinkId(), ObservationCodes.BIRTH_WORD);
                for (QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent answer : item.getAnswer()) {
                    if (birth) {
                        birth(answer.getValue());
                    }
                    birthAnswers(answer.getItem());
                }
                birthAnswers(item.getItem());
            }
        }

        void birth(Type v) {
            if (births == null) {
                births = Collections.newSetFromMap(new IdentityHashMap<>());
            }
            if (v instanceof Period p) {
                if (p.hasStartElement()) {
                    births.add(p.getStartElement());
                }
                if (p.hasEndElement()) {
                    births.add(p.getEndElement());
                }
            } else if (v instanceof PrimitiveType<?> p) {
                births.add(p);
            }
        }

        void composite(IBase e, DatatypeRule dr, PathNode node, Scope s, ExtensionMode extensionMode) {
            Plans.Plan plan = plans.plan(e, dr, node);
            ExtensionMode nested = e instanceof Extension ? extensionMode : null;
            for (int i = 0; i < plan.children.length; i++) {
                Plans.Kind kind = plan.kinds[i];
                if (kind == Plans.Kind.SKIP || (plainJson && plan.keptPrimitive[i])) {
                    continue;
                }
                List<IBase> values = plan.children[i].getAccessor().getValues(e);
                if (values.isEmpty()) {
                    continue;
                }
                if (kind == Plans.Kind.EXTENSIONS) {
                    extensions(values, s, nested);
                    continue;
                }
                for (IBase v : values) {
                    if (v instanceof Resource r) {
                        resource(r, s.offsetDays(), kind != Plans.Kind.CONTAINED);
                    } else {
                        act(e, v, plans.decision(plan, i, v), plan.nodes[i], s);
                    }
                }
            }
        }

        void act(IBase parent, IBase v, Plans.Decision d, PathNode node, Scope s) {
            switch (d.op()) {
                case ID -> id((IPrimitiveType<?>) v);
                case REDACT -> redact(v, phiOf(parent, d.rule()), s, s.guarded());
                case WALK -> composite(v, d.dr(), node, s, null);
                case PRIMITIVE -> {
                    if (d.rule().action() == FhirRule.Action.KEEP) {
                        primitiveExtras(v, s);
                    } else {
                        primitive(parent, (IPrimitiveType<?>) v, d.type(), d.rule(), s);
                    }
                }
                default -> throw new IllegalStateException("unknown decision");
            }
        }

        void primitive(IBase parent, IPrimitiveType<?> p, String type, FhirRule rule, Scope s) {
            if (p instanceof XhtmlNode div) {
                if (rule.action() == FhirRule.Action.NARRATIVE) {
                    deferred.add(() -> narrative(parent, div));
                } else {
                    redact(div, rule.phi(), s, false);
                }
                return;
            }
            primitiveExtras(p, s);
            String value = p.getValueAsString();
            if (value == null || value.isEmpty()) {
                return;
            }
            switch (rule.action()) {
                case TOKEN -> token(parent, p, type, value, rule, s);
                case DATE -> date(p, type, value, rule, s);
                case ZIP3 -> {
                    count(rule.phi());
                    known.add(PhiType.GEO, value, s.guarded()); // the full code may recur in narrative and notes
                    String country = parent instanceof org.hl7.fhir.r4.model.Address a ? a.getCountry() : null;
                    p.setValueAsString(zip3.generalise(value, country));
                }
                case AGE -> age(parent, p, value);
                case REGION -> {
                    if (!Region.isName(value)) {
                        count(rule.phi()); // a code where a state or country belongs may be a ZIP: removed
                        p.setValueAsString(null);
                    }
                }
                case RANGE -> {
                    if (!ReferenceRange.isRange(value)) {
                        count(rule.phi()); // a person may write there
                        p.setValueAsString(null);
                    }
                }
                case TEXT -> {
                    String person = rule.qualifier() == FhirRule.Qualifier.PERSON ? personType(parent) : null;
                    if (person != null) {
                        // a person's name, whatever its form ("QUILLFEATHER, ZEPHYRINE" passed the detector); guarded
                        // unless a provider's, as providers' names are elsewhere (kept fields may rightly repeat them)
                        count(PhiType.NAME);
                        known.add(PhiType.NAME, value, s.guarded() && !person.startsWith("Practitioner"));
                        p.setValueAsString(null);
                    } else if (!(rule.qualifier() == FhirRule.Qualifier.DISPLAY && repeatsDisplay(parent, value))
                            && !(scores != null && scores.contains(p))) {
                        deferred.add(() -> {
                            text(p, type);
                            if (parent instanceof CodeableConcept cc && !cc.hasCoding() && p.isEmpty()
                                    && !cc.hasExtension(DATA_ABSENT_REASON)) {
                                // a code with only its text, the text removed: masked, not absent (Observation.code
                                // and others are required; a walkthrough found such resources written invalid)
                                cc.addExtension(new Extension(DATA_ABSENT_REASON, new org.hl7.fhir.r4.model.CodeType("masked")));
                            } else if (parent instanceof org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent
                                    && p instanceof org.hl7.fhir.r4.model.PrimitiveType<?> v && v.isEmpty()) {
                                // a named parameter keeps a value (inv-1: a value, a resource or parts): masked
                                v.addExtension(new Extension(DATA_ABSENT_REASON, new org.hl7.fhir.r4.model.CodeType("masked")));
                            }
                        });
                    }
                }
                case ID -> id(p);
                case REFERENCE -> {
                    if (value.indexOf('?') >= 0 || value.indexOf('=') >= 0) {
                        deferred.add(() -> reference(p, value)); // after all identifiers' PHI types are known
                    } else {
                        reference(p, value);
                    }
                }
                case ATTACHMENT -> attachment(parent, p, rule, s);
                default -> throw new IllegalStateException("treatment out of place");
            }
        }

        /** A primitive's own id and extensions (e.g. {@code _birthDate.extension}). */
        void primitiveExtras(IBase v, Scope s) {
            if (v instanceof Element el) {
                if (el.hasExtension()) {
                    extensions(new ArrayList<>(el.getExtension()), s, null);
                }
                if (el.getId() != null) {
                    el.setId(pseudonym(el.getId()));
                }
            }
        }

        void extensions(List<? extends IBase> extensions, Scope s, ExtensionMode inherited) {
            for (IBase x : extensions) {
                Extension ext = (Extension) x;
                ExtensionMode mode = inherited != null ? inherited : policy.extension(ext.getUrl());
                if (mode == null) {
                    // not allow-listed: removed; its strings still help the free-text scrubber, unguarded
                    // (an extension's words, e.g. "none", may rightly recur elsewhere)
                    redact(ext, PhiType.OTHER_ID, s, false);
                } else {
                    composite(ext, mode == ExtensionMode.KEEP ? FhirPolicy.KEEP_ALL : policy.datatype("Extension"),
                            null, s, mode);
                }
            }
        }

        // ------------------------------------------------------------------------------------------ treatments

        void redact(IBase v, PhiType phi, Scope s, boolean guarded) {
            if (v.isEmpty()) {
                return;
            }
            count(phi);
            remember(v, phi, guarded);
            clear(v);
        }

        /** Adds the string values of a removed element to the known PHI of this message. */
        void remember(IBase v, PhiType phi, boolean guarded) {
            if (v instanceof StringType || v instanceof MarkdownType || v instanceof IdType) {
                String value = ((IPrimitiveType<?>) v).getValueAsString();
                if (value != null) {
                    known.add(phi, value, guarded);
                }
            } else if (v instanceof IPrimitiveType<?> p) {
                String value = p.getValueAsString();
                if (value != null && value.length() <= 256 && !(v instanceof Base64BinaryType)) {
                    known.add(phi, value, guarded);
                }
            } else if (!(v instanceof XhtmlNode)) {
                BaseRuntimeElementCompositeDefinition<?> def = compositeDefinition(v);
                for (BaseRuntimeChildDefinition ch : def.getChildren()) {
                    if (ch.getElementName().equals("id") || ch.getElementName().equals("url")) {
                        continue;
                    }
                    for (IBase c : ch.getAccessor().getValues(v)) {
                        if (c instanceof StringType || c instanceof MarkdownType || !(c instanceof IPrimitiveType<?>)) {
                            remember(c, phi, guarded);
                        }
                    }
                }
            }
        }

        void clear(IBase v) {
            if (v instanceof XhtmlNode x) {
                x.getChildNodes().clear();
                return;
            }
            if (v instanceof Element el) {
                el.setId(null);
                if (el.hasExtension()) {
                    el.getExtension().clear();
                }
            }
            if (v instanceof IPrimitiveType<?> p) {
                p.setValueAsString(null);
                return;
            }
            BaseRuntimeElementCompositeDefinition<?> def = compositeDefinition(v);
            for (BaseRuntimeChildDefinition ch : def.getChildren()) {
                if (!ch.getAccessor().getValues(v).isEmpty()) {
                    ch.getMutator().setValue(v, null);
                }
            }
        }

        /** The rule's PHI type, or the one the parent Identifier's type/system or ContactPoint's system names. */
        PhiType phiOf(IBase parent, FhirRule rule) {
            return switch (rule.qualifier()) {
                case IDENTIFIER -> parent instanceof Identifier id ? identifierPhi(id) : rule.phi();
                case CONTACT_POINT -> contactPointPhi(parent, rule.phi());
                default -> rule.phi();
            };
        }

        void token(IBase parent, IPrimitiveType<?> p, String type, String value, FhirRule rule, Scope s) {
            PhiType phi = phiOf(parent, rule);
            count(phi);
            known.add(phi, value, s.guarded());
            if (p instanceof IdType || "id".equals(type)) {
                p.setValueAsString(pseudonym(value)); // a token does not fit an id's 64 characters
            } else if (p instanceof StringType || p instanceof MarkdownType || "code".equals(type) || "uri".equals(type)) {
                p.setValueAsString(token(phi, value));
            } else {
                p.setValueAsString(null); // numbers, booleans: nothing a token could stand for
            }
        }

        void date(IPrimitiveType<?> p, String type, String value, FhirRule rule, Scope s) {
            if (births != null && !rule.birth() && births.contains(p)) {
                rule = new FhirRule(rule.action(), rule.phi(), FhirRule.Qualifier.BIRTH);
            }
            if (rule.birth()) {
                known.add(PhiType.DATE, value, s.guarded());
                if (value.length() >= 10) {
                    try {
                        known.birthDate(java.time.LocalDate.parse(value.substring(0, 10)));
                    } catch (RuntimeException notADay) {
                        // a year or a month: the year alone, kept, says nothing more
                    }
                }
            }
            try {
                // a birth over 89 years ago, and any date as old: an event then shows the person over 89 now
                int year = leadingYear(value);
                if (AgeGeneraliser.impliesOver89(year >= 0 ? year : DateShifter.yearOfFhir(value), referenceYear)) {
                    count(PhiType.AGE);
                    p.setValueAsString(null);
                    return;
                }
                count(rule.phi());
                if (s.offsetDays() != null && !rule.birth()) {
                    eventDay(value);
                    p.setValueAsString(shift(value, s.offsetDays()));
                } else if ("instant".equals(type)) {
                    p.setValueAsString(null); // no patient to shift for, and an instant cannot be a bare year
                } else {
                    // no patient, or a birth date (shifted, it is undone by anyone who learns the patient's offset,
                    // as a live stream tells it; Safe Harbor keeps only its year): year only
                    p.setValueAsString(String.format(Locale.ROOT, "%04d", DateShifter.yearOfFhir(value)));
                }
            } catch (RuntimeException unreadable) {
                // DateShifter's IllegalArgumentException or HAPI's DataFormatException: never pass it through
                count(rule.phi());
                p.setValueAsString(null);
            }
        }

        /** A date's day (YYYY-MM-DD...), for the guard to search for unmoved. */
        void eventDay(String value) {
            if (value.length() >= 10 && value.charAt(4) == '-' && value.charAt(7) == '-') {
                eventDays.add(value.substring(0, 4) + value.substring(5, 7) + value.substring(8, 10));
            }
        }

        /** Shifted dates by value: a Bundle repeats a few dozen timestamps in hundreds of places. */
        String shift(String value, int days) {
            Shift cached = shifts.get(value);
            if (cached == null || cached.days() != days) {
                cached = new Shift(days, shifter.shiftFhir(value, days));
                shifts.put(value, cached);
            }
            if (!cached.shifted().isEmpty()) {
                shiftedDates.merge(cached.shifted().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
            }
            return cached.shifted();
        }

        /** Ages over 89 (in any UCUM time unit) become 90 years; an age in a unit we cannot read is removed. */
        void age(IBase parent, IPrimitiveType<?> p, String value) {
            if (!(parent instanceof Quantity q) || !(p instanceof DecimalType d)) {
                String g = AgeGeneraliser.generalise(value);
                if (!g.equals(value)) {
                    count(PhiType.AGE);
                    p.setValueAsString(g.isEmpty() ? null : g);
                }
                return;
            }
            double perYear = unitsPerYear(q.hasCode() ? q.getCode() : q.getUnit());
            if (Double.isNaN(perYear)) {
                count(PhiType.AGE);
                d.setValue((BigDecimal) null);
                return;
            }
            if (d.getValue().doubleValue() / perYear > 89) {
                count(PhiType.AGE);
                d.setValue(new BigDecimal(AgeGeneraliser.NINETY_OR_OLDER));
                q.setCode("a").setSystem(UCUM).setUnit("a");
            }
        }

        void text(IPrimitiveType<?> p, String type) {
            String value = p.getValueAsString();
            if (value == null || value.isEmpty()) {
                return;
            }
            String out = scrub(value);
            if (out.isEmpty()) {
                p.setValueAsString(null);
            } else if (!out.equals(value)) {
                // a scrubbed code or uri would not be valid any more: only free-text types take scrubbed text
                p.setValueAsString(p instanceof StringType || p instanceof MarkdownType ? out : null);
            }
        }

        static final String DATA_ABSENT_REASON = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";

        /** Resource types whose display is a person's name. */
        private static final Set<String> PERSONS = Set.of("Patient", "RelatedPerson", "Person", "Practitioner",
                "PractitionerRole");

        /**
         * The person type a Reference points to, or null: by its type, or the type its literal reference names
         * ("Patient/123", "https://x.example/fhir/Patient/123"); a {@code urn:uuid} by the Bundle entry it names.
         */
        String personType(IBase parent) {
            if (!(parent instanceof Reference r)) {
                return null;
            }
            if (r.hasType() && PERSONS.contains(r.getType())) {
                return r.getType();
            }
            String ref = r.getReference();
            if (ref == null) {
                return null;
            }
            if (ref.startsWith("urn:uuid:")) {
                if (personUrls == null) {
                    personUrls = personUrls();
                }
                return personUrls.get(ref.toLowerCase(Locale.ROOT));
            }
            String[] parts = ref.split("/");
            for (int i = parts.length - 2; i >= 0 && i >= parts.length - 4; i--) {
                if (PERSONS.contains(parts[i])) {
                    return parts[i]; // (".../Patient/123/_history/2" too)
                }
            }
            return null;
        }

        /** The Bundle's urn:uuid fullUrls of persons, as written and pseudonymised (a reference may be either by now). */
        private Map<String, String> personUrls() {
            Map<String, String> urls = new HashMap<>();
            if (root instanceof Bundle b) {
                for (Bundle.BundleEntryComponent e : b.getEntry()) {
                    String url = e.getFullUrl();
                    if (url != null && url.startsWith("urn:uuid:") && e.hasResource()
                            && PERSONS.contains(e.getResource().fhirType())) {
                        String uuid = url.substring("urn:uuid:".length());
                        String type = e.getResource().fhirType();
                        urls.put(url.toLowerCase(Locale.ROOT), type);
                        urls.put("urn:uuid:" + pseudonym(uuid), type);
                    }
                }
            }
            return urls;
        }

        /**
         * Whether a CodeableConcept's text is one of its codings' displays ("Hypertension" beside SNOMED 38341003
         * "Hypertension"), which the policy keeps: scrubbing the text would hide nothing, and a label read without a
         * sentence around it is where the free-text detector guesses worst.
         */
        static boolean repeatsDisplay(IBase parent, String value) {
            if (parent instanceof CodeableConcept cc) {
                String text = value.strip();
                for (org.hl7.fhir.r4.model.Coding c : cc.getCoding()) {
                    if (c.hasDisplay() && c.getDisplay().strip().equalsIgnoreCase(text)) {
                        return true;
                    }
                }
            }
            return false;
        }

        String scrub(String value) {
            FreeTextScrubber.Result r = freeText.scrub(HtmlText.plain(value), known);
            if (r.gaveUp()) {
                textsGivenUp++;
            }
            for (ReplacedSpan span : r.spans()) {
                count(span.type());
            }
            return r.text();
        }

        void id(IPrimitiveType<?> p) {
            String value = p.getValueAsString();
            if (value != null && !value.isEmpty()) {
                p.setValueAsString(pseudonym(value));
            }
        }

        void reference(IPrimitiveType<?> p, String value) {
            String out = rewritten.get(value);
            if (out == null && !rewritten.containsKey(value)) {
                out = references.rewrite(value, this);
                rewritten.put(value, out); // one patient or encounter reference recurs in every resource
            }
            if (out == null) {
                count(PhiType.OTHER_ID);
                p.setValueAsString(null);
            } else {
                p.setValueAsString(out);
            }
        }

        /** text/plain and text/html content is scrubbed (after the structured pass); anything else is removed. */
        void attachment(IBase parent, IPrimitiveType<?> p, FhirRule rule, Scope s) {
            String contentType = parent instanceof Attachment a ? a.getContentType()
                    : parent instanceof Binary b ? b.getContentType() : null;
            String base = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            Charset charset = charset(contentType);
            if ((base.equals("text/plain") || base.equals("text/html")) && charset != null
                    && p instanceof Base64BinaryType b64) {
                deferred.add(() -> {
                    byte[] bytes = b64.getValue();
                    if (bytes == null) {
                        return;
                    }
                    Decoded d = Decoded.of(bytes, charset);
                    if (d.text().indexOf('\0') >= 0 || !HtmlText.mostlyLatin(d.text())) {
                        // NULs, or letters mostly outside the Latin script: another encoding than the one read
                        // (UTF-16 without its mark, or of the other byte order), or a script the detector cannot
                        // read; the scrubber would see no name, so nothing is released
                        count(rule.phi());
                        b64.setValue(null);
                        return;
                    }
                    String out = scrub(base.equals("text/html") ? HtmlText.readable(d.text()) : d.text());
                    b64.setValue(out.isEmpty() ? null : d.encode(out));
                });
                return;
            }
            count(base.startsWith("image/") ? PhiType.PHOTO : rule.phi());
            p.setValueAsString(null);
        }

        void narrative(IBase parent, XhtmlNode div) {
            scrubXhtml(div);
            if (!hasText(div) && parent instanceof Narrative n) {
                n.setDiv(null);
                n.setStatusElement(null); // an empty narrative is omitted: DomainResource.text is optional
            }
        }

        /**
         * Scrubs a narrative's text nodes as one text: a name set in bold or a link keeps its title and its sentence,
         * and a table cell's label is read before its value. Nothing joins the nodes of one paragraph; a line break
         * joins those that a block element (paragraph, cell, list item, line break) separates. Comments, CDATA and
         * unsafe attributes go.
         */
        void scrubXhtml(XhtmlNode div) {
            TextNodes text = new TextNodes();
            textNodes(div, text);
            List<XhtmlNode> nodes = text.nodes;
            if (nodes.isEmpty()) {
                return;
            }
            List<String> parts = new ArrayList<>(nodes.size());
            for (XhtmlNode n : nodes) {
                parts.add(HtmlText.plain(n.getContent()));
            }
            List<FreeTextScrubber.Result> results =
                    freeText.scrubParts(parts, text.joints.subList(1, nodes.size()), known);
            if (results.stream().anyMatch(FreeTextScrubber.Result::gaveUp)) {
                textsGivenUp++;
            }
            for (int i = 0; i < nodes.size(); i++) {
                for (ReplacedSpan span : results.get(i).spans()) {
                    count(span.type());
                }
                nodes.get(i).setContent(results.get(i).text());
            }
            dropEmptyText(div);
        }

        /** A narrative's text nodes with words, and what stands before each: blanks, a line break for a block. */
        private static final class TextNodes {
            final List<XhtmlNode> nodes = new ArrayList<>();
            final List<String> joints = new ArrayList<>();
            final StringBuilder blank = new StringBuilder();
            boolean block;
        }

        /** Collects the text nodes in document order; strips unsafe attributes, comments and the like. */
        private void textNodes(XhtmlNode node, TextNodes text) {
            if (node.hasAttributes()) {
                node.getAttributes().entrySet().removeIf(a -> !safeAttribute(a.getKey(), a.getValue()));
            }
            for (Iterator<XhtmlNode> it = node.getChildNodes().iterator(); it.hasNext(); ) {
                XhtmlNode c = it.next();
                NodeType t = c.getNodeType();
                if (t == NodeType.Text) {
                    String content = c.getContent();
                    if (content == null || content.isBlank()) {
                        text.blank.append(content == null ? "" : content); // kept as written, read as a joint
                    } else {
                        // (nothing between the nodes of one paragraph, but a space between a digit and a letter)
                        String joint = text.block || text.blank.length() > 0 || text.nodes.isEmpty() ? text.blank.toString()
                                : wordsApart(text.nodes.get(text.nodes.size() - 1).getContent(), content) ? " " : "";
                        text.joints.add((text.block ? "\n" : "") + joint);
                        text.nodes.add(c);
                        text.blank.setLength(0);
                        text.block = false;
                    }
                } else if (t == NodeType.Element || t == NodeType.Document) {
                    boolean isBlock = c.getName() != null
                            && BLOCK_ELEMENTS.contains(c.getName().toLowerCase(Locale.ROOT));
                    text.block |= isBlock;
                    textNodes(c, text);
                    text.block |= isBlock;
                } else {
                    it.remove(); // comments, CDATA, processing instructions, doctypes
                }
            }
        }

        private static boolean safeAttribute(String name, String value) {
            Pattern shape = SAFE_XHTML_ATTRIBUTES.get(name.equals("xml:lang") ? "lang" : name);
            return shape != null && value != null && shape.matcher(value.strip()).matches();
        }

        private static boolean wordsApart(String before, String after) {
            return !before.isEmpty() && HtmlText.wordsApart(before.charAt(before.length() - 1), after.charAt(0));
        }

        private void dropEmptyText(XhtmlNode node) {
            for (Iterator<XhtmlNode> it = node.getChildNodes().iterator(); it.hasNext(); ) {
                XhtmlNode c = it.next();
                if (c.getNodeType() == NodeType.Text) {
                    if (c.getContent() == null || c.getContent().isEmpty()) {
                        it.remove(); // (blank nodes were kept as written)
                    }
                } else {
                    dropEmptyText(c);
                }
            }
        }

        boolean hasText(XhtmlNode node) {
            for (XhtmlNode c : node.getChildNodes()) {
                if ((c.getNodeType() == NodeType.Text && c.getContent() != null && !c.getContent().isBlank())
                        || (c.getNodeType() == NodeType.Element && hasText(c))) {
                    return true;
                }
            }
            return false;
        }

        // ------------------------------------------------------------------------------------------ helpers

        PhiType identifierPhi(Identifier id) {
            List<String> codes = List.of();
            if (id.hasType()) {
                codes = new ArrayList<>(1);
                for (Coding c : id.getType().getCoding()) {
                    if (c.hasCode() && policy.isIdentifierTypeSystem(c.getSystem())) {
                        codes.add(c.getCode());
                    }
                }
            }
            if (codes.isEmpty() && id.hasSystem() && systemPhi.containsKey(id.getSystem())) {
                // an untyped identifier of a system typed elsewhere in the message ("subject.identifier" beside the
                // Patient's MR): the same token, so the two join (a walkthrough found mrn- and oid- tokens of one MRN)
                return systemPhi.get(id.getSystem());
            }
            PhiType phi = policy.identifierPhi(codes, id.getSystem(), identities);
            if (id.hasSystem() && !codes.isEmpty()) {
                systemPhi.put(id.getSystem(), phi);
            } else if (id.hasSystem()) {
                systemPhi.putIfAbsent(id.getSystem(), phi);
            }
            return phi;
        }

        /** The message's Patients' typed identifiers first, so an untyped one anywhere gets their type. */
        void learnIdentifierTypes() {
            List<Resource> resources = root instanceof Bundle b
                    ? b.getEntry().stream().filter(Bundle.BundleEntryComponent::hasResource)
                            .map(Bundle.BundleEntryComponent::getResource).toList()
                    : List.of(root);
            for (Resource r : resources) {
                if (r instanceof Patient p) {
                    for (Identifier id : p.getIdentifier()) {
                        if (id.hasType() && id.hasSystem()) {
                            identifierPhi(id);
                        }
                    }
                }
            }
        }

        PhiType contactPointPhi(IBase parent, PhiType otherwise) {
            if (parent instanceof org.hl7.fhir.r4.model.ContactPoint cp && cp.hasSystem()) {
                return policy.contactPointPhi(cp.getSystemElement().getValueAsString(), otherwise);
            }
            return otherwise;
        }

        Integer offset(String patientKey) {
            if (patientKey == null) {
                return null;
            }
            return offsets.computeIfAbsent(patientKey, shifter::offsetDays);
        }

        void count(PhiType type) {
            counts.merge(type, 1, Integer::sum);
        }

        BaseRuntimeElementCompositeDefinition<?> compositeDefinition(IBase e) {
            BaseRuntimeElementDefinition<?> def = e instanceof IBaseResource r
                    ? ctx.getResourceDefinition(r) : ctx.getElementDefinition(e.getClass());
            return (BaseRuntimeElementCompositeDefinition<?>) def;
        }

        @Override
        public String pseudonym(String id) {
            String p = pseudonyms.get(id);
            if (p == null) {
                p = FhirDeidentifier.this.pseudonym(id);
                pseudonyms.put(id, p);
                masks.add(p);
            }
            return p;
        }

        @Override
        public String token(PhiType type, String value) {
            String key = type.code() + '\u0000' + value;
            String t = tokens.get(key);
            if (t == null) {
                t = tokenizer.token(type, value);
                tokens.put(key, t);
                masks.add(t);
            }
            return t;
        }

        @Override
        public PhiType identifierPhi(String system) {
            if (system == null) {
                return policy.identifierPhi(List.of(), null, identities);
            }
            PhiType seen = systemPhi.get(system);
            return seen != null ? seen : policy.identifierPhi(List.of(), system, identities);
        }
    }

    /**
     * The year of a FHIR date, dateTime or instant from its first four digits, or -1: every date is asked its year
     * (ages over 89), and HAPI has validated the value already, so the full pattern is matched only for odd ones.
     */
    private static int leadingYear(String value) {
        if (value.length() < 4 || value.length() > 4 && value.charAt(4) != '-') {
            return -1;
        }
        int year = 0;
        for (int i = 0; i < 4; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            year = year * 10 + (c - '0');
        }
        return year;
    }

    /** Resources whose id may itself identify the person, so the original id is guarded. */
    private static boolean isPerson(String resourceType) {
        return resourceType.equals("Patient") || resourceType.equals("RelatedPerson") || resourceType.equals("Person");
    }

    /**
     * An attachment's text, read in the charset its byte-order mark names (UTF-8, UTF-16 either way) or else in the one
     * its content type declares; written back in the same, mark and all. Editors on Windows save notes as UTF-16 with a
     * mark and no charset parameter: read as UTF-8, every other byte was a NUL and no word was found.
     */
    record Decoded(String text, byte[] mark, Charset charset) {
        static Decoded of(byte[] b, Charset declared) {
            if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
                return read(b, 3, StandardCharsets.UTF_8);
            }
            if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
                return read(b, 2, StandardCharsets.UTF_16LE);
            }
            if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
                return read(b, 2, StandardCharsets.UTF_16BE);
            }
            return read(b, 0, declared);
        }

        private static Decoded read(byte[] b, int markLength, Charset cs) {
            return new Decoded(new String(b, markLength, b.length - markLength, cs),
                    java.util.Arrays.copyOf(b, markLength), cs);
        }

        byte[] encode(String out) {
            byte[] body = out.getBytes(charset);
            byte[] all = java.util.Arrays.copyOf(mark, mark.length + body.length);
            System.arraycopy(body, 0, all, mark.length, body.length);
            return all;
        }
    }

    private static Charset charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String param : contentType.split(";")) {
            String p = param.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                try {
                    return Charset.forName(p.substring(8).replace("\"", "").strip());
                } catch (RuntimeException unsupported) {
                    return null;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** How many of a UCUM time unit make a year; NaN for a unit that is not a time unit. */
    /** How a value is known to be an age: not at all, by a word of its code or question, or by a listed code. */
    private enum AgeCode { NONE, WORD, LISTED }

    private static double unitsPerYear(String unit) {
        if (unit == null) {
            return 1;
        }
        String u = unit.strip().toLowerCase(Locale.ROOT);
        if (u.length() > 2 && u.startsWith("{") && u.endsWith("}")) {
            u = u.substring(1, u.length() - 1); // UCUM annotations: "{years}"
        }
        return switch (u) {
            case "a", "y", "yr", "yrs", "year", "years" -> 1;
            case "mo", "mos", "month", "months" -> 12;
            case "wk", "wks", "week", "weeks" -> 365.25 / 7;
            case "d", "day", "days" -> 365.25;
            case "h", "hour", "hours" -> 365.25 * 24;
            case "min", "minute", "minutes" -> 365.25 * 24 * 60;
            default -> Double.NaN;
        };
    }
}
