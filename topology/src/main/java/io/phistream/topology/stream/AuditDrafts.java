package io.phistream.topology.stream;

import com.google.crypto.tink.Mac;
import io.phistream.audit.AuditRecordDraft;
import io.phistream.audit.Codes;
import io.phistream.audit.Digests;
import io.phistream.audit.Outcomes;
import io.phistream.audit.Stage;
import io.phistream.detector.PhiType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Builds the audit drafts the stage processors emit: keyed digests of input and output (never the data), PHI
 * counts by type, the policy and key ids in force, and who processed it.
 */
public final class AuditDrafts {

    private final Mac mac;
    private final String policyVersion;
    private final String policyHash;
    private final List<String> keyIds;
    private final String instance;

    public AuditDrafts(Mac mac, String policyVersion, String policyHash, Map<String, Integer> primaryKeyIds,
                       String instance) {
        this.mac = mac;
        this.policyVersion = policyVersion;
        this.policyHash = policyHash;
        this.keyIds = primaryKeyIds.entrySet().stream()
                .map(e -> e.getKey() + ":" + Integer.toUnsignedString(e.getValue())).sorted().toList();
        this.instance = instance;
    }

    private AuditDrafts(AuditDrafts base, String policyVersion, String policyHash) {
        this.mac = base.mac;
        this.policyVersion = policyVersion;
        this.policyHash = policyHash;
        this.keyIds = base.keyIds;
        this.instance = base.instance;
    }

    /**
     * The same digest key, key ids and instance under another stage's rules, e.g. the scoring stage with the alert
     * routing rules as its policy.
     */
    public AuditDrafts withPolicy(String policyVersion, String policyHash) {
        return new AuditDrafts(this, policyVersion, policyHash);
    }

    /** A keyed digest (lower-case hex) of derived bytes, e.g. a model's input row, under the audit digest key. */
    public String digest(byte[] data) {
        return Digests.keyed(mac, data);
    }

    /**
     * A model scored a patient's features ({@link Stage#SCORE}).
     *
     * @param featuresDigest keyed digest of the model input (see {@link #digest})
     * @param outcome        {@link Outcomes#SCORED} (live model) or {@link Outcomes#SHADOW}
     * @param ruleIds        codes such as {@code band:medium} and {@code score:5}
     * @param output         canonical text of the score, digested as the output
     */
    public AuditRecordDraft scored(String messageId, String featuresDigest, String model, String modelVersion,
                                   String outcome, List<String> ruleIds, String output, long eventTimeMs) {
        return derived(Stage.SCORE, messageId, outcome, featuresDigest, eventTimeMs)
                .model(model, modelVersion)
                .ruleIds(ruleIds)
                .outputDigest(Digests.keyed(mac, output.getBytes(StandardCharsets.UTF_8)))
                .build();
    }

    /**
     * The alert router decided ({@link Stage#ALERT}): outcome {@link Outcomes#ALERT}, {@link Outcomes#ESCALATE},
     * {@link Outcomes#RESOLVE} or {@link Outcomes#SUPPRESSED} (the decision kind in lower case).
     *
     * @param payload the alert as delivered (digested as the output), or null when nothing was sent
     */
    public AuditRecordDraft alerted(String messageId, String featuresDigest, String model, String modelVersion,
                                    String route, String outcome, List<String> ruleIds, String payload,
                                    long eventTimeMs) {
        AuditRecordDraft.Builder b = derived(Stage.ALERT, messageId, outcome, featuresDigest, eventTimeMs)
                .model(model, modelVersion)
                .route(route)
                .ruleIds(ruleIds);
        if (payload != null) {
            b.outputDigest(Digests.keyed(mac, payload.getBytes(StandardCharsets.UTF_8)));
        }
        return b.build();
    }

    private AuditRecordDraft.Builder derived(Stage stage, String messageId, String outcome, String inputDigest,
                                             long eventTimeMs) {
        AuditRecordDraft.Builder b = AuditRecordDraft.builder(stage, messageId)
                .outcome(outcome)
                .inputDigest(inputDigest)
                .policy(policyVersion, policyHash)
                .instance(instance)
                .eventTimeMs(Math.max(0, eventTimeMs))
                .processingTimeMs(System.currentTimeMillis());
        keyIds.forEach(b::keyId);
        return b;
    }

    /**
     * A released message (stage DEIDENTIFY), with its output's keyed digest and PHI counts by type.
     *
     * @param source where the input was read ({@link QuarantineSealer.Source#of}, so the ingest record even when it
     *               came back from a repartition topic); null or unknown: the record has no source
     */
    public AuditRecordDraft released(String messageId, byte[] input, String output, Map<PhiType, Integer> phi,
                                     long eventTimeMs, QuarantineSealer.Source source) {
        AuditRecordDraft.Builder b = base(Stage.DEIDENTIFY, messageId, Outcomes.RELEASED, input, eventTimeMs, source)
                .outputDigest(Digests.keyed(mac, output.getBytes(StandardCharsets.UTF_8)));
        phi.forEach((t, n) -> b.phiCount(t.name(), n));
        return b.build();
    }

    /** A duplicate the data-quality gate dropped (stage VALIDATE, outcome duplicate), naming where the copy was read. */
    public AuditRecordDraft duplicate(String messageId, byte[] input, long eventTimeMs, QuarantineSealer.Source source) {
        return base(Stage.VALIDATE, messageId, Outcomes.DUPLICATE, input, eventTimeMs, source).build();
    }

    /** A quarantined input, naming where it was read. */
    public AuditRecordDraft quarantined(String messageId, byte[] input, String reason, long eventTimeMs,
                                        QuarantineSealer.Source source) {
        return base(Stage.QUARANTINE, messageId, Outcomes.QUARANTINED, input, eventTimeMs, source).ruleId(reason)
                .build();
    }

    /**
     * A source as the audit record's {@code topic/partition/offset}, or null when there is none to name (punctuation)
     * or it does not fit the record's shape: the source only locates the input, so a record without it is better
     * than a failed task.
     */
    static String auditSource(QuarantineSealer.Source source) {
        if (source == null || source.partition() < 0 || source.offset() < 0) {
            return null;
        }
        String s = source.coordinates();
        return Codes.isSource(s) ? s : null;
    }

    private AuditRecordDraft.Builder base(Stage stage, String messageId, String outcome, byte[] input, long eventTimeMs,
                                          QuarantineSealer.Source source) {
        AuditRecordDraft.Builder b = AuditRecordDraft.builder(stage, messageId)
                .outcome(outcome)
                .source(auditSource(source))
                .inputDigest(Digests.keyed(mac, input))
                .policy(policyVersion, policyHash)
                .instance(instance)
                .eventTimeMs(Math.max(0, eventTimeMs))
                .processingTimeMs(System.currentTimeMillis());
        keyIds.forEach(b::keyId);
        return b;
    }

    /** A host name fit for an audit code (pod name on Kubernetes). */
    public static String localInstance(String applicationId) {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                host = "local";
            }
        }
        String s = (applicationId + "@" + host).replaceAll("[^A-Za-z0-9._:/@+=_-]", "_");
        return s.length() > 120 ? s.substring(0, 120) : s;
    }
}
