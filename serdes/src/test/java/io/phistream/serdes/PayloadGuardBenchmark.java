package io.phistream.serdes;

import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** What the structural pre-check costs, next to Avro's own single-object decode without it. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PayloadGuardBenchmark {

    @Param({"QuarantineEnvelope", "AuditRecord"})
    public String contract;

    private Schema schema;
    private BinaryMessageDecoder<SpecificRecord> avroDecoder;
    private byte[] bytes;

    @Setup
    @SuppressWarnings("unchecked")
    public void setUp() throws Exception {
        Class<SpecificRecord> type = (Class<SpecificRecord>) Class.forName("io.phistream.serdes.avro." + contract);
        SpecificRecord record = ContractSamples.full(type);
        SingleObjectAvroSerde<SpecificRecord> serde = new SingleObjectAvroSerde<>(type);
        bytes = serde.serializer().serialize("t", record);
        schema = SpecificData.get().getSchema(type);
        avroDecoder = new BinaryMessageDecoder<>(SpecificData.getForClass(type), schema);
    }

    @Benchmark
    public void guardOnly() {
        PayloadGuard.check(schema, bytes, SingleObjectAvroSerde.HEADER_LENGTH, "t");
    }

    @Benchmark
    public SpecificRecord avroDecodeOnly() throws Exception {
        return avroDecoder.decode(bytes);
    }
}
