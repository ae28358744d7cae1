package io.phistream.topology.quality;

import io.phistream.topology.Topic;
import io.phistream.topology.config.IngestRekey;
import io.phistream.topology.stream.QuarantineSealer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * The way from an ingest topic to its data-quality gate. The gate's dedupe store is per partition, so copies of a
 * message are dropped only when they arrive on one partition; inputs chosen by {@link IngestRekey} go through a
 * repartition topic keyed by their dedupe digest ({@link Gate.Inspected#dedupeKey()}) first, the others straight
 * on. Kafka Streams' own repartition topic (DSL {@code repartition}) rather than a topic of ours: it is created with
 * the ingest topic's partition count and purged once its records are committed, so the raw messages it holds (PHI,
 * as on ingest) stay there no longer than processing takes.
 */
public final class IngestRekeying {

    /**
     * Where a re-keyed input was first read ({@code topic/partition/offset}), so that quarantine envelopes name the
     * ingest record rather than the repartition topic's, which is purged. Written over any a producer sent.
     */
    public static final String ORIGIN_HEADER = "phi-stream.ingest-origin";

    /** What Kafka Streams appends to the name of a repartition topic. */
    public static final String REPARTITION_SUFFIX = "-repartition";

    private IngestRekeying() {
    }

    /**
     * Reads {@code in} as node {@code sourceName} and returns the stream the gate processes: with {@code mode}
     * {@code NEVER} the source itself, else the inputs {@code mode} keeps as they are merged with the others read
     * back from repartition topic {@code <application id>-<sourceName>-by-dedupe-key-repartition}. Inputs larger than
     * {@code maxBytes} always go straight on: they could not be written there, and the gate quarantines them unread.
     */
    public static KStream<String, byte[]> gateInput(StreamsBuilder builder, Topic<String, byte[]> in, String sourceName,
                                                    Gate gate, IngestRekey mode, int maxBytes) {
        KStream<String, byte[]> source = builder.stream(in.name(),
                Consumed.with(in.keySerde(), in.valueSerde()).withName(sourceName));
        if (mode == IngestRekey.NEVER) {
            return source;
        }
        String byKey = sourceName + "-by-dedupe-key";
        Map<String, KStream<String, byte[]>> ways = source.split(Named.as(sourceName + "-"))
                .branch((k, v) -> !mode.rekeys(k) || (v != null && v.length > maxBytes), Branched.as("as-sent"))
                .defaultBranch(Branched.as("to-rekey"));
        KStream<String, byte[]> rekeyed = ways.get(sourceName + "-to-rekey")
                .processValues(OriginStamp::new, Named.as(sourceName + "-origin"))
                .selectKey((k, v) -> gate.inspect(v).dedupeKey(), Named.as(byKey))
                .repartition(Repartitioned.with(in.keySerde(), in.valueSerde()).withName(byKey));
        return ways.get(sourceName + "-as-sent").merge(rekeyed, Named.as(sourceName + "-merged"));
    }

    /** Writes {@link #ORIGIN_HEADER} from the record's metadata, over any header of that name. */
    private static final class OriginStamp implements FixedKeyProcessor<String, byte[], byte[]> {
        private FixedKeyProcessorContext<String, byte[]> context;

        @Override
        public void init(FixedKeyProcessorContext<String, byte[]> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<String, byte[]> record) {
            Headers h = record.headers();
            h.remove(ORIGIN_HEADER);
            context.recordMetadata().ifPresent(md -> h.add(ORIGIN_HEADER, new QuarantineSealer.Source(md.topic(),
                    md.partition(), md.offset(), "").coordinates().getBytes(StandardCharsets.UTF_8)));
            context.forward(record);
        }
    }
}
