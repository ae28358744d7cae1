package io.phistream.topology.quality;

import io.phistream.detector.RejectReason;
import io.phistream.detector.deid.KeyedDigest;
import io.phistream.detector.er7.Er7Charsets;
import io.phistream.detector.er7.Er7Exception;
import io.phistream.detector.er7.Er7Message;
import io.phistream.detector.er7.Er7Segment;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.crypto.Mac;

/**
 * The pure core of the data-quality gateway: reads raw bytes once and yields an {@link Inspection} with the
 * dedupe keys (keyed digests, never identifiers in clear), the message id and the validation verdict. Thread-safe;
 * the Kafka wrapper is {@link QualityGateProcessor}.
 *
 * <p>Unreadable input (empty, oversized, not UTF-8, not ER7) is quarantined here with the same reason codes and
 * message id the de-identifier would give it, under built-in rules that no rules file can turn off.
 */
public final class QualityGate implements Gate {

    public static final Finding EMPTY = new Finding("gate.empty", RejectReason.EMPTY);
    public static final Finding TOO_LARGE = new Finding("gate.too-large", RejectReason.TOO_LARGE);
    public static final Finding INVALID_ENCODING = new Finding("gate.utf8", RejectReason.INVALID_ENCODING);

    static final String ID_DOMAIN = "phi-stream/dedupe-v1/id";
    static final String BODY_DOMAIN = "phi-stream/dedupe-v1/body";
    static final String ID_BODY_DOMAIN = "phi-stream/dedupe-v1/id-body";
    static final String CONTENT_DOMAIN = "phi-stream/dedupe-v1/content";
    private static final byte[] BAR = {'|'};

    private final Hl7Validator validator;
    private final GateCore core;

    public QualityGate(Hl7Validator validator, KeyedDigest digest, int maxMessageBytes) {
        this.validator = validator;
        this.core = new GateCore(digest, maxMessageBytes);
    }

    @Override
    public String format() {
        return "hl7v2";
    }

    @Override
    public String rulesVersion() {
        return validator.rulesVersion();
    }

    @Override
    public Finding idReused() {
        return validator.rules().controlIdReused();
    }

    @Override
    public Outcome idReusedOutcome() {
        return validator.rules().controlIdReusedOutcome();
    }

    public Hl7Validator validator() {
        return validator;
    }

    public Hl7Rules rules() {
        return validator.rules();
    }

    @Override
    public Inspection inspect(byte[] raw) {
        byte[] bytes = raw == null ? new byte[0] : raw;
        Finding unfit = core.sizeProblem(bytes);
        if (unfit != null) {
            return quarantined(bytes, unfit);
        }
        // the JDK's UTF-8 constructor copies ASCII with a vectorised check; it replaces malformed bytes rather than
        // reporting them, so only a result with one char per byte and no U+FFFD is taken as-is (it was ASCII)
        String text = new String(bytes, StandardCharsets.UTF_8);
        boolean ascii = text.length() == bytes.length && text.indexOf('\uFFFD') < 0;
        if (!ascii) {
            text = Er7Charsets.decode(bytes); // UTF-8, or the ISO 8859 part MSH-18 declares ("8859/1")
            if (text == null) {
                return quarantined(bytes, INVALID_ENCODING);
            }
        }
        try {
            return new Inspection(this, bytes, Er7Message.parse(text), null).text(text, ascii);
        } catch (Er7Exception e) {
            return quarantined(bytes, unreadable(e.problem()));
        }
    }

    @Override
    public Inspection failed(byte[] raw, Finding finding) {
        return quarantined(raw == null ? new byte[0] : raw, finding);
    }

    private Inspection quarantined(byte[] bytes, Finding finding) {
        return new Inspection(this, bytes, null, new Verdict.Quarantine(finding, List.of()));
    }

    private static Finding unreadable(Er7Exception.Problem p) {
        return switch (p) {
            case EMPTY -> EMPTY;
            case NO_MSH, BINARY_CONTENT -> new Finding("gate.er7", RejectReason.NOT_HL7);
            case BAD_ENCODING_CHARACTERS -> new Finding("gate.er7", RejectReason.BAD_ENCODING_CHARACTERS);
            case BAD_SEGMENT_NAME -> new Finding("gate.er7", RejectReason.BAD_SEGMENT);
        };
    }

    /**
     * What the gate read from one input. Keys and ids are computed on first use; one instance serves one record
     * on one thread.
     */
    public static final class Inspection implements Gate.Inspected {
        private final QualityGate gate;
        private final byte[] raw;
        private final Er7Message message;
        private Verdict verdict;
        private String text;
        private boolean ascii;
        private String idKey;
        private String fingerprint;
        private String contentKey;
        private String messageId;

        Inspection(QualityGate gate, byte[] raw, Er7Message message, Verdict verdict) {
            this.gate = gate;
            this.raw = raw;
            this.message = message;
            this.verdict = verdict;
        }

        Inspection text(String text, boolean ascii) {
            this.text = text;
            this.ascii = ascii;
            return this;
        }

        @Override
        public String text() {
            return text;
        }

        @Override
        public Object parsed() {
            return message;
        }

        /** True when the bytes were read as an ER7 message. */
        public boolean readable() {
            return message != null;
        }

        public Verdict verdict() {
            if (verdict == null) {
                verdict = gate.validator.validate(message);
            }
            return verdict;
        }

        /**
         * Keyed digest of MSH-3 sending application, MSH-4 facility and MSH-10 control id; null when the input
         * is unreadable or MSH-10 is empty (then {@link #contentKey()} identifies the message).
         */
        public String idKey() {
            if (idKey == null && message != null && hasControlId()) {
                Er7Segment msh = msh();
                // the UTF-8 of "MSH-3|MSH-4|MSH-10", fed in parts (no concatenated copy)
                idKey = gate.core.hex(ID_DOMAIN, msh.field(3).getBytes(StandardCharsets.UTF_8), BAR,
                        msh.field(4).getBytes(StandardCharsets.UTF_8), BAR,
                        msh.field(10).getBytes(StandardCharsets.UTF_8));
            }
            return idKey;
        }

        /**
         * Keyed digest of the segments after MSH, normalised (CR separators, no framing, blank lines dropped): equal
         * for a resend that only an interface engine's MSH rewrite (routing, send time) tells apart. Null when
         * {@link #idKey()} is.
         */
        public String fingerprint() {
            if (fingerprint == null && idKey() != null) {
                fingerprint = segmentsDigest(BODY_DOMAIN, 1);
            }
            return fingerprint;
        }

        /**
         * Keyed digest of {@link #idKey()} with {@link #fingerprint()}: what identifies a message whose control id
         * another message already uses. Null when {@link #idKey()} is.
         */
        public String idBodyKey() {
            return gate.core.idBodyKey(ID_BODY_DOMAIN, idKey(), fingerprint());
        }

        /** Keyed digest of the whole normalised message (of the raw bytes when unreadable). */
        public String contentKey() {
            if (contentKey == null) {
                contentKey = message == null ? gate.core.hex(GateCore.RAW_DOMAIN, raw) : segmentsDigest(CONTENT_DOMAIN, 0);
            }
            return contentKey;
        }

        /**
         * The message id the de-identifier gives the same input ({@code Hl7Deidentifier}): a keyed digest of
         * MSH-3/4/10, else of the content. Used as the quarantine record's key and header.
         */
        public String messageId() {
            if (messageId == null) {
                messageId = gate.core.messageId("phi-stream/message", message != null && hasControlId()
                        ? msh().field(3) + "|" + msh().field(4) + "|" + msh().field(10) : null, raw);
            }
            return messageId;
        }

        public byte[] raw() {
            return raw;
        }

        private boolean hasControlId() {
            return !msh().field(10).isBlank();
        }

        private Er7Segment msh() {
            return message.segments().get(0);
        }

        /**
         * The keyed digest of segments {@code from..} as the ER7 writer would write them (each segment's text as read,
         * then CR), fed from the input: the ASCII bytes themselves, or the UTF-8 of the segment's text otherwise.
         */
        private String segmentsDigest(String domain, int from) {
            Mac m = gate.core.begin(domain);
            List<Er7Segment> segs = message.segments();
            for (int i = from; i < segs.size(); i++) {
                Er7Segment seg = segs.get(i);
                int n = seg.fieldCount();
                int start = n == 0 ? -1 : seg.fieldStart(1) - (seg.isMsh() ? 3 : 4);
                int end = n == 0 ? -1 : seg.fieldStart(n) + seg.field(n).length();
                if (start < 0 || seg.fieldStart(n) < 0) {
                    m.update(seg.name().getBytes(StandardCharsets.US_ASCII)); // a bare segment name
                } else if (ascii) {
                    m.update(raw, start, end - start);
                } else {
                    m.update(text.substring(start, end).getBytes(StandardCharsets.UTF_8));
                }
                m.update((byte) '\r');
            }
            return GateCore.hex(m);
        }
    }
}
