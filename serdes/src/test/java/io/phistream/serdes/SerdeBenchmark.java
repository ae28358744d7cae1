package io.phistream.serdes;

import io.phistream.serdes.registry.RestSchemaRegistryClient;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Serialize and deserialize throughput per contract and wire format (one thread). The Confluent case talks
 * to the in-test registry once per schema, then runs from the client's cache like production.
 * Run: see serdes/README.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SerdeBenchmark {

    @Param({"QuarantineEnvelope", "Observation", "ObservationBatch", "Score", "Alert", "AuditRecord", "AuditCheckpoint", "DriftEvent"})
    public String contract;

    @Param({"SINGLE_OBJECT", "CONFLUENT"})
    public String format;

    private FakeSchemaRegistry registry;
    private Serde<SpecificRecord> serde;
    private SpecificRecord record;
    private byte[] bytes;
    private String topic;

    @Setup(Level.Trial)
    @SuppressWarnings("unchecked")
    public void setUp() throws Exception {
        Class<SpecificRecord> type = (Class<SpecificRecord>) Class.forName("io.phistream.serdes.avro." + contract);
        AvroSerdeFactory factory;
        if (WireFormat.valueOf(format) == WireFormat.CONFLUENT) {
            registry = FakeSchemaRegistry.http();
            factory = AvroSerdeFactory.confluent(RestSchemaRegistryClient.builder().urls(registry.url()).build(), true);
        } else {
            factory = AvroSerdeFactory.singleObject();
        }
        serde = factory.serde(type, false);
        record = ContractSamples.full(type);
        topic = "bench." + contract;
        bytes = serde.serializer().serialize(topic, record);
        serde.deserializer().deserialize(topic, bytes);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (registry != null) {
            registry.close();
        }
    }

    @Benchmark
    public byte[] serialize() {
        return serde.serializer().serialize(topic, record);
    }

    @Benchmark
    public SpecificRecord deserialize() {
        return serde.deserializer().deserialize(topic, bytes);
    }
}
