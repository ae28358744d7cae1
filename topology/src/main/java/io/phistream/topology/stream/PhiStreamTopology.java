package io.phistream.topology.stream;

import io.phistream.topology.Topic;
import io.phistream.topology.Topics;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.Topology;

/**
 * The phi-stream topology: {@code ingest.hl7v2 → de-identify → deid.hl7v2 | quarantine}, every decision appended
 * to the audit log. Built with the Processor API so one processor can route each record to exactly one typed sink.
 */
public final class PhiStreamTopology {

    static final String HL7_SOURCE = "ingest-hl7v2";
    static final String HL7_DEID = "deidentify-hl7v2";
    static final String HL7_SINK = "deid-hl7v2";
    static final String QUARANTINE_SINK = "quarantine";
    static final String AUDIT = "audit-log";
    static final String AUDIT_SINK = "audit";

    private PhiStreamTopology() {
    }

    public static Topology build(Topics topics, Stages stages) {
        Topology t = new Topology();
        Topic<String, byte[]> in = topics.ingestHl7v2();
        Topic<String, String> out = topics.deidHl7v2();
        Topic<String, byte[]> quarantine = topics.quarantine();
        t.addSource(HL7_SOURCE, in.keySerde().deserializer(), in.valueSerde().deserializer(), in.name());
        t.addProcessor(HL7_DEID, () -> new Hl7DeidProcessor(stages.hl7(), stages.sealer(), stages.metrics(),
                stages.pipelineVersion(), stages.maxMessageBytes(), HL7_SINK, QUARANTINE_SINK, stages.auditDrafts(),
                AUDIT), HL7_SOURCE);
        t.addSink(HL7_SINK, out.name(), out.keySerde().serializer(), anyValue(out.valueSerde().serializer()), HL7_DEID);
        t.addSink(QUARANTINE_SINK, quarantine.name(), quarantine.keySerde().serializer(),
                anyValue(quarantine.valueSerde().serializer()), HL7_DEID);
        Topic<String, byte[]> audit = topics.audit();
        t.addProcessor(AUDIT, () -> new AuditProcessor(stages.auditConfig(), stages.auditSigner()), HL7_DEID);
        t.addStateStore(AuditProcessor.storeBuilder(), AUDIT);
        t.addSink(AUDIT_SINK, audit.name(), audit.keySerde().serializer(), audit.valueSerde().serializer(),
                new AuditPartitioner(), AUDIT);
        return t;
    }

    /** The processor forwards Object values; each sink receives only its own type. */
    @SuppressWarnings("unchecked")
    private static <V> Serializer<Object> anyValue(Serializer<V> s) {
        return (topic, value) -> s.serialize(topic, (V) value);
    }
}
