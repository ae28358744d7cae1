package io.phistream.topology.stream;

import io.phistream.topology.Topic;
import io.phistream.topology.Topics;
import org.apache.kafka.common.serialization.Serializer;
import io.phistream.topology.memory.PatientMemoryStore;
import io.phistream.topology.quality.IngestRekeying;
import io.phistream.topology.quality.QualityGateProcessor;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Named;

/**
 * The phi-stream topology:
 * {@code ingest.hl7v2 → data-quality gate → de-identify → deid.hl7v2 | quarantine} and {@code ingest.fhir → data-quality gate → de-identify → deid.fhir |
 * quarantine}, every decision appended to the audit log. Built with the Processor API so one processor can route
 * each record to exactly one typed sink. Both formats feed one audit node, so each (stage, partition) log has
 * exactly one writer: the two ingest topics are co-partitioned (same partition count) and share tasks. With
 * span-level scrubbing, de-identification (both formats) also appends new per-patient memory digests to
 * {@code patient-memory}, which every instance reads into a global store ({@link PatientMemoryStore}).
 */
public final class PhiStreamTopology {

    static final String HL7_SOURCE = "ingest-hl7v2";
    static final String HL7_QUALITY = "quality-gate-hl7v2";
    static final String HL7_DEID = "deidentify-hl7v2";
    static final String HL7_SINK = "deid-hl7v2";
    static final String FHIR_SOURCE = "ingest-fhir";
    static final String FHIR_QUALITY = "quality-gate-fhir";
    static final String FHIR_DEID = "deidentify-fhir";
    static final String FHIR_SINK = "deid-fhir";
    static final String QUARANTINE_SINK = "quarantine";
    static final String AUDIT = "audit-log";
    static final String AUDIT_SINK = "audit";
    static final String MEMORY_SINK = "patient-memory";

    private PhiStreamTopology() {
    }

    public static Topology build(Topics topics, Stages stages) {
        // the ways in (source, re-key by dedupe digest as ingest.rekey says, data-quality gate) are DSL, for Kafka
        // Streams' own purged repartition topics; the rest routes each record to one typed sink (Processor API)
        StreamsBuilder b = new StreamsBuilder();
        // HL7 v2 passes the data-quality gate (validation as data, keyed duplicate suppression) first; its parse is
        // handed over, not repeated
        addGate(b, topics.ingestHl7v2(), HL7_SOURCE, HL7_QUALITY, stages.quality(), QualityGateProcessor.DEFAULT_STORE,
                HL7_DEID, stages.hl7().policy().version(), stages.auditDrafts(), stages);
        // FHIR R4 passes its own gate (rules per resource type, dedupe by id/version or content) first
        addGate(b, topics.ingestFhir(), FHIR_SOURCE, FHIR_QUALITY, stages.fhirQuality(), QualityGateProcessor.FHIR_STORE,
                FHIR_DEID, stages.fhir().policy().version(), stages.fhirAuditDrafts(), stages);
        Topology t = b.build();
        // per-patient memory serves span-level scrubbing only: redacted notes have nothing left to find
        boolean memory = stages.textScrubber() instanceof io.phistream.detector.DetectingScrubber;
        addDeid(t, HL7_QUALITY, HL7_DEID, topics.deidHl7v2(), HL7_SINK, Deidentification.of(stages.hl7()),
                stages.auditDrafts(), stages, memory ? MEMORY_SINK : null);
        addDeid(t, FHIR_QUALITY, FHIR_DEID, topics.deidFhir(), FHIR_SINK, Deidentification.of(stages.fhir()),
                stages.fhirAuditDrafts(), stages, memory ? MEMORY_SINK : null);
        if (memory) { // one memory for both formats: HL7 and FHIR share the patient token
            Topic<String, Long> m = topics.patientMemory();
            PatientMemoryStore.addTo(t, m);
            t.addSink(MEMORY_SINK, m.name(), m.keySerde().serializer(), anyValue(m.valueSerde().serializer()),
                    HL7_DEID, FHIR_DEID);
        }

        Topic<String, byte[]> quarantine = topics.quarantine();
        t.addSink(QUARANTINE_SINK, quarantine.name(), quarantine.keySerde().serializer(),
                anyValue(quarantine.valueSerde().serializer()), HL7_QUALITY, HL7_DEID, FHIR_QUALITY, FHIR_DEID);
        Topic<String, byte[]> audit = topics.audit();
        t.addProcessor(AUDIT, () -> new AuditProcessor(stages.auditConfig(), stages.auditSigner()),
                HL7_QUALITY, HL7_DEID, FHIR_QUALITY, FHIR_DEID);
        t.addStateStore(AuditProcessor.storeBuilder(), AUDIT);
        t.addSink(AUDIT_SINK, audit.name(), audit.keySerde().serializer(), audit.valueSerde().serializer(),
                new AuditPartitioner(), AUDIT);
        return t;
    }

    private static void addGate(StreamsBuilder b, Topic<String, byte[]> in, String source, String gateName,
                                io.phistream.topology.quality.Gate gate, String store, String deid, String policyVersion,
                                AuditDrafts drafts, Stages stages) {
        IngestRekeying.gateInput(b, in, source, gate, stages.ingestRekey(), stages.maxMessageBytes())
                .process(QualityGateProcessor.supplier(new QualityGateProcessor.Wiring(gate, stages.dedupeWindow(),
                        stages.sealer(), stages.qualityMetrics(), store, deid, QUARANTINE_SINK, policyVersion,
                        stages.pipelineVersion(), drafts, AUDIT).handingOver()), Named.as(gateName));
    }

    private static void addDeid(Topology t, String parent, String deid, Topic<String, String> out, String sink,
                                Deidentification core, AuditDrafts drafts, Stages stages, String memorySink) {
        t.addProcessor(deid, () -> new DeidProcessor(core, stages.sealer(), stages.metrics(), stages.pipelineVersion(),
                stages.maxMessageBytes(), sink, QUARANTINE_SINK, drafts, AUDIT, memorySink), parent);
        t.addSink(sink, out.name(), out.keySerde().serializer(), anyValue(out.valueSerde().serializer()), deid);
    }

    /**
     * Adds an audit node (its own log-state store and sink) under {@code parents}, for a sub-topology other than
     * de-identification (scoring, alerting). Each sub-topology needs its own node: a (stage, partition) log must
     * have exactly one writer, so parents must emit stages no other audit node emits. Parents forward
     * {@link io.phistream.audit.AuditRecordDraft} values to {@code nodeName}.
     */
    public static void addAuditNode(Topology t, Topics topics, Stages stages, String nodeName, String storeName,
                                    String sinkName, String... parents) {
        Topic<String, byte[]> audit = topics.audit();
        t.addProcessor(nodeName, () -> new AuditProcessor(storeName, stages.auditConfig(), stages.auditSigner()),
                parents);
        t.addStateStore(AuditProcessor.storeBuilder(storeName), nodeName);
        t.addSink(sinkName, audit.name(), audit.keySerde().serializer(), audit.valueSerde().serializer(),
                new AuditPartitioner(), nodeName);
    }

    /** The processor forwards Object values; each sink receives only its own type. */
    @SuppressWarnings("unchecked")
    private static <V> Serializer<Object> anyValue(Serializer<V> s) {
        return (topic, value) -> s.serialize(topic, (V) value);
    }
}
