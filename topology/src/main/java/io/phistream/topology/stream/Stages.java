package io.phistream.topology.stream;

import io.phistream.topology.scoring.ScoringMetrics;
import io.phistream.detector.DetectingScrubber;
import io.phistream.detector.FreeTextScrubber;
import io.phistream.detector.deid.DateShifter;
import io.phistream.detector.deid.KeyedDigest;
import io.phistream.detector.deid.Tokenizer;
import io.phistream.detector.deid.Zip3;
import io.phistream.detector.fhir.FhirDeidentifier;
import io.phistream.detector.fhir.FhirPolicy;
import io.phistream.detector.fhir.IdentityMap;
import io.phistream.detector.hl7.Hl7Deidentifier;
import io.phistream.detector.hl7.Hl7Policy;
import io.phistream.detector.text.TextPhiDetector;
import io.phistream.topology.PipelineVersion;
import io.phistream.topology.config.ConfigException;
import io.phistream.topology.config.IngestRekey;
import io.phistream.topology.config.PhiStreamConfig;
import io.phistream.topology.keys.KeyStore;
import io.phistream.audit.AuditLogConfig;
import io.phistream.audit.checkpoint.CheckpointSigner;
import io.phistream.serdes.AvroSerdeFactory;
import io.phistream.topology.quality.FhirQualityGate;
import io.phistream.topology.quality.QualityGate;
import io.phistream.topology.quality.QualityGates;
import io.phistream.topology.quality.QualityMetrics;
import java.time.Clock;

/**
 * The pure cores the topology wires, built once from the typed configuration and the key store.
 * Offline commands ({@code deid}) use the same instances, so the stream and the files agree.
 */
public record Stages(Hl7Deidentifier hl7, FhirDeidentifier fhir, Tokenizer tokenizer, KeyedDigest digest,
                     QuarantineSealer sealer, PipelineMetrics metrics, String pipelineVersion, int maxMessageBytes,
                     AuditDrafts auditDrafts, AuditDrafts fhirAuditDrafts, AuditLogConfig auditConfig,
                     CheckpointSigner auditSigner, FreeTextScrubber textScrubber, AvroSerdeFactory avro,
                     QualityGate quality, QualityMetrics qualityMetrics, java.time.Duration dedupeWindow,
                     FhirQualityGate fhirQuality, ScoringMetrics scoringMetrics, IngestRekey ingestRekey) {

    /**
     * Larger inputs are quarantined unread, and larger outputs quarantined ({@code record.max.bytes}; its default sits
     * under Kafka's own 1 MB, which the default producer and topics keep to).
     */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = PhiStreamConfig.defaults().recordMaxBytes();

    /** The Avro contracts' serdes in the configured wire format. */
    private static AvroSerdeFactory avro(PhiStreamConfig config) {
        try {
            return AvroSerdeFactory.fromConfig(config.serdesProperties());
        } catch (RuntimeException e) {
            throw new ConfigException(PhiStreamConfig.SERDES_PREFIX + "*: unusable schema-registry settings ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    public static Stages create(PhiStreamConfig config, KeyStore keys) {
        Hl7Policy policy;
        try {
            policy = Hl7Policy.load(config.policyHl7v2().toString());
        } catch (Hl7Policy.PolicyException e) {
            throw new ConfigException(PhiStreamConfig.POLICY_HL7V2 + ": " + e.getMessage());
        }
        Clock clock = Clock.systemUTC();
        Tokenizer tokenizer = new Tokenizer(keys.tokenization());
        KeyedDigest digest = new KeyedDigest(keys.digest());
        DateShifter shifter = new DateShifter(keys.dateShift(), config.dateShiftMaxDays());
        FreeTextScrubber text = !config.textSpans() ? FreeTextScrubber.REDACT_ALL
                : config.textSurrogates() ? DetectingScrubber.withSurrogates(TextPhiDetector.builtIn(), digest)
                : config.textTokens() ? DetectingScrubber.withTokens(TextPhiDetector.builtIn(), tokenizer)
                : new DetectingScrubber(TextPhiDetector.builtIn());
        Hl7Deidentifier hl7 = new Hl7Deidentifier(policy, tokenizer, shifter, Zip3.defaultUnion(), digest, text, clock);
        FhirPolicy fhirPolicy;
        IdentityMap identities;
        try {
            fhirPolicy = FhirPolicy.load(config.policyFhir().toString());
        } catch (FhirPolicy.PolicyException e) {
            throw new ConfigException(PhiStreamConfig.POLICY_FHIR + ": " + e.getMessage());
        }
        try {
            identities = config.fhirIdentityMap().map(IdentityMap::load).orElse(IdentityMap.empty());
        } catch (IllegalArgumentException e) {
            // IdentityMap's messages are fixed phrases that quote nothing from the file
            throw new ConfigException(PhiStreamConfig.FHIR_IDENTITY_MAP + ": " + e.getMessage()
                    + " (expected {\"systems\": {\"<FHIR identifier system>\": \"<HL7 assigning authority>\"}})");
        } catch (RuntimeException e) {
            throw new ConfigException(PhiStreamConfig.FHIR_IDENTITY_MAP + ": unreadable identity map ("
                    + e.getClass().getSimpleName() + ")");
        }
        FhirDeidentifier fhir = new FhirDeidentifier(fhirPolicy, identities, tokenizer, shifter, Zip3.defaultUnion(),
                digest, text, clock);
        FhirDeidentifier.warmUp(); // HAPI's first parse is slow: pay it at start-up, not on the first message
        String version = PipelineVersion.get();
        QuarantineSealer sealer = new QuarantineSealer(keys.quarantine(),
                keys.primaryKeyIds().getOrDefault(KeyStore.QUARANTINE, 0), policy.version(), version, clock);
        AuditDrafts drafts = new AuditDrafts(keys.digest(), policy.version(), policy.sha256(), keys.primaryKeyIds(),
                AuditDrafts.localInstance(config.applicationId()));
        CheckpointSigner signer = keys.checkpointSigner();
        AuditDrafts fhirDrafts = new AuditDrafts(keys.digest(), fhirPolicy.version(), fhirPolicy.sha256(),
                keys.primaryKeyIds(), AuditDrafts.localInstance(config.applicationId()));
        QualityGates gates = QualityGates.create(config, digest, config.recordMaxBytes()); // quality.rules.*, quality.rule.*
        PipelineMetrics metrics = new PipelineMetrics();
        QualityMetrics quality = new QualityMetrics();
        quality.onQuarantine(metrics::gateQuarantined); // every input in the records counters, the gate's too
        return new Stages(hl7, fhir, tokenizer, digest, sealer, metrics, version,
                config.recordMaxBytes(), drafts, fhirDrafts, AuditLogConfig.defaults(), signer, text, avro(config),
                gates.hl7(), quality, config.dedupeWindow(), gates.fhir(), new ScoringMetrics(),
                config.ingestRekey());
    }
}
