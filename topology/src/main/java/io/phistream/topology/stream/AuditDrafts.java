package io.phistream.topology.stream;

import com.google.crypto.tink.Mac;
import io.phistream.audit.AuditRecordDraft;
import io.phistream.audit.Digests;
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

    public AuditRecordDraft released(String messageId, byte[] input, String output, Map<PhiType, Integer> phi,
                                     long eventTimeMs) {
        AuditRecordDraft.Builder b = base(Stage.DEIDENTIFY, messageId, "released", input, eventTimeMs)
                .outputDigest(Digests.keyed(mac, output.getBytes(StandardCharsets.UTF_8)));
        phi.forEach((t, n) -> b.phiCount(t.name(), n));
        return b.build();
    }

    public AuditRecordDraft quarantined(String messageId, byte[] input, String reason, long eventTimeMs) {
        return base(Stage.QUARANTINE, messageId, "quarantined", input, eventTimeMs).ruleId(reason).build();
    }

    private AuditRecordDraft.Builder base(Stage stage, String messageId, String outcome, byte[] input, long eventTimeMs) {
        AuditRecordDraft.Builder b = AuditRecordDraft.builder(stage, messageId)
                .outcome(outcome)
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
