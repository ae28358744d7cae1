package io.phistream.topology.quality;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Re-keys each input by its dedupe key ({@link Gate.Inspected#dedupeKey()}, a keyed digest), value and
 * headers unchanged. The dedupe store is per partition: when ingest producers do not key duplicates alike (null
 * keys spread them over partitions), write through this processor to a topic keyed this way before the gate, so
 * every copy of a message reaches the same task.
 */
public final class DedupeKeyProcessor implements Processor<String, byte[], String, byte[]> {

    private final Gate gate;
    private ProcessorContext<String, byte[]> context;

    public DedupeKeyProcessor(Gate gate) {
        this.gate = gate;
    }

    public static ProcessorSupplier<String, byte[], String, byte[]> supplier(Gate gate) {
        return () -> new DedupeKeyProcessor(gate);
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, byte[]> record) {
        context.forward(record.withKey(gate.inspect(record.value()).dedupeKey()));
    }
}
