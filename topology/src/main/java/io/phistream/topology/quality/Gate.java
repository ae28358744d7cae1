package io.phistream.topology.quality;

/**
 * One format's data-quality gate core, as {@link QualityGateProcessor}, {@link Deduplicator} and
 * {@link IngestRekeying} see it: raw bytes in, an {@link Inspected} input out. HL7 v2 is {@link QualityGate},
 * FHIR R4 {@link FhirQualityGate}. Implementations are pure and thread-safe.
 */
public interface Gate {

    /** {@code hl7v2} or {@code fhir}: quarantine envelopes name it. */
    String format();

    /** {@code name/version} of the rules, for headers and audit records. */
    String rulesVersion();

    Inspected inspect(byte[] raw);

    /** An input the gate failed on unexpectedly: quarantined with {@code finding}, deduplicated by its raw bytes. */
    Inspected failed(byte[] raw, Finding finding);

    /** The finding recorded when a message id is seen again within the window with different content. */
    Finding idReused();

    Outcome idReusedOutcome();

    /**
     * What the gate read from one input: its verdict and its dedupe keys, all keyed digests (never identifiers in
     * clear). Keys are computed on first use; one instance serves one record on one thread.
     */
    interface Inspected {

        /** The input as strictly decoded UTF-8 text, when the gate read it; else null. */
        default String text() {
            return null;
        }

        /** The format's parsed input (HL7: the {@code Er7Message}), when the gate parsed one to hand over; else null. */
        default Object parsed() {
            return null;
        }

        Verdict verdict();

        /** Keyed digest of the message's own id (HL7 MSH-3/4/10, FHIR type/id/version); null when it has none. */
        String idKey();

        /** Keyed digest of the content an id names; null when {@link #idKey()} is. */
        String fingerprint();

        /** Keyed digest of id and content together (a reused id); null when {@link #idKey()} is. */
        String idBodyKey();

        /** Keyed digest of the whole normalised content (of the raw bytes when unreadable). */
        String contentKey();

        /** The key duplicates share, for partitioning: {@link #idKey()}, else {@link #contentKey()}. */
        default String dedupeKey() {
            String id = idKey();
            return id != null ? id : contentKey();
        }

        /** The message id the de-identifier gives the same input: the quarantine record's key and header. */
        String messageId();

        byte[] raw();
    }

    /**
     * What a gate hands its accepted child instead of the raw bytes (see {@link QualityGateProcessor.Wiring#handOver}):
     * the bytes, and the text and parsed message it already made, so that de-identification does not decode and parse
     * the input a second time. {@code text} and {@code parsed} may be null. The receiver owns {@code parsed} (the HL7
     * de-identifier edits it in place).
     */
    record Admitted(byte[] raw, String text, Object parsed) {
    }
}
