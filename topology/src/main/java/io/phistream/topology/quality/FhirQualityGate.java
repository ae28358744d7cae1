package io.phistream.topology.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phistream.detector.RejectReason;
import io.phistream.detector.deid.KeyedDigest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;

/**
 * The FHIR R4 data-quality gate's pure core: reads raw bytes once ({@link FhirReader}, JSON or XML) and yields an
 * {@link Inspection}: the verdict of the rules on every resource ({@link FhirValidator}), the dedupe keys (keyed
 * digests) and the message id {@code FhirDeidentifier} gives the same input. Thread-safe.
 *
 * <p>Dedupe identity: {@code Bundle.identifier} (system and value) for a Bundle that has one, else the root's
 * resource type, id and {@code meta.versionId} when it has both; the content it names is a keyed digest of the
 * canonical content (see {@link Inspection#fingerprint()}). Without either, the canonical content itself is the key.
 * Unreadable input is quarantined with the de-identifier's reasons ({@code EMPTY}, {@code TOO_LARGE},
 * {@code INVALID_ENCODING}, {@code NOT_FHIR}) under built-in rules that no rules file can turn off.
 */
public final class FhirQualityGate implements Gate {

    public static final Finding NOT_FHIR = new Finding("gate.fhir", RejectReason.NOT_FHIR);

    static final String ID_DOMAIN = "phi-stream/dedupe-v1/fhir-id";
    static final String CANON_DOMAIN = "phi-stream/dedupe-v1/fhir-canonical";
    static final String BODY_DOMAIN = "phi-stream/dedupe-v1/fhir-body";
    static final String ID_BODY_DOMAIN = "phi-stream/dedupe-v1/fhir-id-body";
    static final String CONTENT_DOMAIN = "phi-stream/dedupe-v1/fhir-content";
    /** The de-identifier's message-id domain ({@code FhirDeidentifier}). */
    private static final String MESSAGE_DOMAIN = "phi-stream/fhir-message";

    private final FhirValidator validator;
    private final GateCore core;

    public FhirQualityGate(FhirValidator validator, KeyedDigest digest, int maxMessageBytes) {
        this.validator = validator;
        this.core = new GateCore(digest, maxMessageBytes); // the HL7 gate's subkey derivation and size limit
    }

    @Override
    public String format() {
        return "fhir";
    }

    @Override
    public String rulesVersion() {
        return validator.rulesVersion();
    }

    @Override
    public Finding idReused() {
        return validator.rules().versionReused();
    }

    @Override
    public Outcome idReusedOutcome() {
        return validator.rules().versionReusedOutcome();
    }

    public FhirValidator validator() {
        return validator;
    }

    /** One resource or Bundle, JSON or XML (by its first character). */
    @Override
    public Inspection inspect(byte[] raw) {
        return inspect(raw, null);
    }

    /**
     * Bulk-export NDJSON: each non-blank line inspected on its own as a JSON resource, as
     * {@code FhirDeidentifier.deidentifyNdjson} treats each line on its own.
     */
    public List<Inspection> inspectNdjson(byte[] raw) {
        List<Inspection> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= raw.length; i++) {
            if (i == raw.length || raw[i] == '\n') {
                int end = i > start && raw[i - 1] == '\r' ? i - 1 : i;
                byte[] line = java.util.Arrays.copyOfRange(raw, start, end);
                if (!new String(line, StandardCharsets.UTF_8).isBlank()) {
                    out.add(inspect(line, Boolean.TRUE));
                }
                start = i + 1;
            }
        }
        return out;
    }

    private Inspection inspect(byte[] raw, Boolean requireJson) {
        byte[] bytes = raw == null ? new byte[0] : raw;
        Finding unfit = core.sizeProblem(bytes);
        if (unfit != null) {
            return quarantined(bytes, unfit);
        }
        String text = GateCore.strictUtf8(bytes);
        if (text == null) {
            return quarantined(bytes, QualityGate.INVALID_ENCODING);
        }
        if (text.isBlank()) {
            return quarantined(bytes, QualityGate.EMPTY);
        }
        Boolean json = FhirReader.isJson(text);
        if (json == null || (requireJson != null && !json)) {
            return quarantined(bytes, NOT_FHIR);
        }
        try {
            return new Inspection(this, bytes, FhirReader.read(text, json), null).text(text);
        } catch (FhirReader.Unreadable e) {
            return quarantined(bytes, NOT_FHIR);
        }
    }

    @Override
    public Inspection failed(byte[] raw, Finding finding) {
        return quarantined(raw == null ? new byte[0] : raw, finding);
    }

    private Inspection quarantined(byte[] bytes, Finding finding) {
        return new Inspection(this, bytes, null, new Verdict.Quarantine(finding, List.of()));
    }

    /** What the gate read from one FHIR input. Keys are computed on first use; one record, one thread. */
    public static final class Inspection implements Gate.Inspected {
        private final FhirQualityGate gate;
        private final byte[] raw;
        private final ObjectNode resource;
        private Verdict verdict;
        private String text;
        private String identity;
        private boolean identityDone;
        private byte[] canonical;
        private String idKey;
        private String messageId;

        Inspection(FhirQualityGate gate, byte[] raw, ObjectNode resource, Verdict verdict) {
            this.gate = gate;
            this.raw = raw;
            this.resource = resource;
            this.verdict = verdict;
        }

        Inspection text(String text) {
            this.text = text;
            return this;
        }

        @Override
        public String text() {
            return text;
        }

        public boolean readable() {
            return resource != null;
        }

        /** The root resource type, e.g. {@code Bundle}; null when unreadable. */
        public String resourceType() {
            return resource == null ? null : resource.get("resourceType").asText();
        }

        @Override
        public Verdict verdict() {
            if (verdict == null) {
                verdict = gate.validator.validate(resource);
            }
            return verdict;
        }

        /**
         * {@code Bundle|system|value} of a Bundle's identifier, else {@code Type/id/_history/versionId}; null when
         * neither exists. The de-identifier's message id is the keyed digest of the same string.
         */
        private String identity() {
            if (!identityDone && resource != null) {
                identityDone = true;
                String type = resourceType();
                JsonNode ident = resource.path("identifier");
                if ("Bundle".equals(type) && ident.isObject() && FhirElementPath.nonEmpty(ident.get("value"))) {
                    // HAPI's getSystem() is null when absent, and the de-identifier concatenates it as such
                    JsonNode sys = ident.get("system");
                    identity = "Bundle|" + (sys == null || sys.isNull() ? "null" : sys.asText()) + "|"
                            + ident.get("value").asText();
                } else {
                    JsonNode id = resource.get("id");
                    JsonNode version = resource.path("meta").get("versionId");
                    if (FhirElementPath.nonEmpty(id) && FhirElementPath.nonEmpty(version)) {
                        identity = type + "/" + id.asText() + "/_history/" + version.asText();
                    }
                }
            }
            return identity;
        }

        @Override
        public String idKey() {
            if (idKey == null && identity() != null) {
                idKey = gate.core.hex(ID_DOMAIN, identity.getBytes(StandardCharsets.UTF_8));
            }
            return idKey;
        }

        /**
         * Keyed digest of the canonical content: every element in the order of its name (whitespace, property order
         * and the JSON/XML encoding aside), the root's {@code meta.lastUpdated} left out (a server that re-sends a
         * version may restamp it). Null when {@link #idKey()} is.
         */
        @Override
        public String fingerprint() {
            return idKey() == null ? null : gate.core.hex(BODY_DOMAIN, canonical());
        }

        @Override
        public String idBodyKey() {
            return gate.core.idBodyKey(ID_BODY_DOMAIN, idKey(), fingerprint());
        }

        @Override
        public String contentKey() {
            return resource == null ? gate.core.hex(GateCore.RAW_DOMAIN, raw) : gate.core.hex(CONTENT_DOMAIN, canonical());
        }

        /** As {@code FhirDeidentifier}: a keyed digest of {@link #identity()}, else of the raw content. */
        @Override
        public String messageId() {
            if (messageId == null) {
                messageId = gate.core.messageId(MESSAGE_DOMAIN, identity(), raw);
            }
            return messageId;
        }

        @Override
        public byte[] raw() {
            return raw;
        }

        /** HMAC of the canonical walk: the raw digest both content keys are derived from (one walk per input). */
        private byte[] canonical() {
            if (canonical == null) {
                Mac m = gate.core.begin(CANON_DOMAIN);
                feed(m, resource, true);
                canonical = m.doFinal();
            }
            return canonical;
        }

        /**
         * Objects as {@code {name=value...}} in name order; an array's elements each under the array's name (so one
         * element equals a one-element array, as XML cannot tell them apart); values as text.
         */
        private static void feed(Mac m, JsonNode n, boolean root) {
            if (n.isObject()) {
                List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(n.size());
                for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                    fields.add(it.next());
                }
                fields.sort(Map.Entry.comparingByKey());
                m.update((byte) '{');
                for (Map.Entry<String, JsonNode> f : fields) {
                    JsonNode v = f.getValue();
                    if (root && f.getKey().equals("meta") && v.isObject() && v.has("lastUpdated")) {
                        v = v.deepCopy();
                        ((ObjectNode) v).remove("lastUpdated");
                    }
                    byte[] name = f.getKey().getBytes(StandardCharsets.UTF_8);
                    if (v.isArray()) {
                        for (JsonNode e : v) {
                            member(m, name, e);
                        }
                    } else {
                        member(m, name, v);
                    }
                }
                m.update((byte) '}');
            } else if (n.isArray()) {
                m.update((byte) '[');
                for (JsonNode e : n) {
                    feed(m, e, false);
                }
                m.update((byte) ']');
            } else {
                byte[] v = n.asText().getBytes(StandardCharsets.UTF_8);
                m.update((byte) '"');
                m.update(ByteBuffer.allocate(4).putInt(v.length).array());
                m.update(v);
            }
        }

        private static void member(Mac m, byte[] name, JsonNode v) {
            m.update(ByteBuffer.allocate(4).putInt(name.length).array());
            m.update(name);
            m.update((byte) '=');
            feed(m, v, false);
        }
    }
}
