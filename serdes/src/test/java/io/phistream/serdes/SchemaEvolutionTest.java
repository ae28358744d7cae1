package io.phistream.serdes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The build gate for schema evolution: every contract's current schema must read data written with every
 * released version under src/main/avro-history (BACKWARD_TRANSITIVE), and must itself be released.
 */
class SchemaEvolutionTest {

    static Stream<Class<? extends SpecificRecord>> contracts() {
        return AvroSerdeFactory.CONTRACTS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void givenContract_whenCheckedAgainstItsHistory_thenBackwardCompatibleAndReleased(Class<? extends SpecificRecord> type) {
        Schema current = SchemaHistory.current(type.getSimpleName());

        List<String> problems = SchemaEvolution.historyProblems(current, SchemaHistory.versions(current.getName()));

        assertThat(problems).as("schema evolution problems for " + current.getName()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void givenContract_whenGenerated_thenMatchesBundledSourceAndEveryFieldIsDocumented(Class<? extends SpecificRecord> type) {
        Schema generated = SpecificData.get().getSchema(type);
        Schema current = SchemaHistory.current(type.getSimpleName());

        // the generated class adds Java-only properties (avro.java.string); the contract itself is the same
        assertThat(SchemaNormalization.toParsingForm(generated)).isEqualTo(SchemaNormalization.toParsingForm(current));
        assertThat(current.getNamespace()).isEqualTo("io.phistream.serdes.avro");
        assertThat(current.getDoc()).isNotBlank();
        assertThat(current.getFields()).allSatisfy(f -> assertThat(f.doc()).as(f.name()).isNotBlank());
    }

    @Test
    void givenAllReleasedVersions_whenFingerprinted_thenNoCollisionAcrossContracts() {
        Set<Long> seen = new HashSet<>();
        int count = 0;
        for (Class<? extends SpecificRecord> type : AvroSerdeFactory.CONTRACTS) {
            for (Schema s : SchemaHistory.versions(type.getSimpleName())) {
                seen.add(SchemaNormalization.parsingFingerprint64(s));
                count++;
            }
        }
        assertThat(seen).hasSize(count);
    }

    @Test
    void givenIncompatibleChange_whenChecked_thenEachBreakIsNamed() throws IOException {
        Schema candidate = testSchema("QuarantineEnvelope-incompatible.avsc");

        List<String> problems = SchemaEvolution.backwardIncompatibilities(candidate, SchemaHistory.versions("QuarantineEnvelope"));

        assertThat(problems).hasSize(2);
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("v1").contains("severity")
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("sourcePartition").contains("TYPE_MISMATCH"));
    }

    @Test
    void givenIncompatibleChangeAsCurrent_whenHistoryChecked_thenFailsAndAsksForRelease() throws IOException {
        Schema candidate = testSchema("QuarantineEnvelope-incompatible.avsc");

        List<String> problems = SchemaEvolution.historyProblems(candidate, SchemaHistory.versions("QuarantineEnvelope"));

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("current cannot read v1"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("avro-history/QuarantineEnvelope/v2.avsc"));
    }

    @Test
    void givenOptionalFieldAdded_whenChecked_thenCompatible() throws IOException {
        Schema candidate = testSchema("QuarantineEnvelope-compatible.avsc");

        assertThat(SchemaEvolution.backwardIncompatibilities(candidate, SchemaHistory.versions("QuarantineEnvelope")))
                .isEmpty();
    }

    @Test
    void givenReleasedCompatibleVersion_whenHistoryHasBoth_thenNoProblems() throws IOException {
        Schema v2 = testSchema("QuarantineEnvelope-compatible.avsc");
        List<Schema> history = Stream.concat(SchemaHistory.versions("QuarantineEnvelope").stream(), Stream.of(v2)).toList();

        assertThat(SchemaEvolution.historyProblems(v2, history)).isEmpty();
    }

    @Test
    void givenVersionThatCannotReadAnEarlierOne_whenHistoryChecked_thenNamed() throws IOException {
        Schema bad = testSchema("QuarantineEnvelope-incompatible.avsc");
        Schema good = testSchema("QuarantineEnvelope-compatible.avsc");
        List<Schema> history = List.of(SchemaHistory.versions("QuarantineEnvelope").get(0), bad, good);

        assertThat(SchemaEvolution.historyProblems(good, history))
                .anySatisfy(p -> assertThat(p).startsWith("QuarantineEnvelope v2 cannot read v1"));
    }

    @Test
    void givenObservationBatch_whenReleased_thenSelfContainedAndItsElementIsTheObservationContract() {
        List<Schema> released = SchemaHistory.versions("ObservationBatch");
        Schema current = SchemaHistory.current("ObservationBatch");

        // v1 parsed on its own (no other file known): every record it uses is defined inline
        assertThat(released).hasSize(1);
        Schema element = released.get(0).getField("observations").schema().getElementType();
        assertThat(SchemaNormalization.toParsingForm(element))
                .isEqualTo(SchemaNormalization.toParsingForm(SchemaHistory.current("Observation")));
        // the current source names Observation instead of repeating it; resolved, it is the released v1
        assertThat(current.getField("observations").schema().getElementType())
                .isEqualTo(SchemaHistory.current("Observation"));
        assertThat(current).isEqualTo(released.get(0));
    }

    @Test
    void givenObservationEvolves_whenObservationBatchIsChecked_thenItMustBeReleasedAgainToo() throws IOException {
        // an optional field added to Observation: compatible, but ObservationBatch embeds it, so its newest release
        // no longer describes what is written
        Schema.Parser parser = new Schema.Parser();
        parser.parse(SchemaHistory.current("Observation").toString().replace("\"fields\":[",
                "\"fields\":[{\"name\":\"method\",\"type\":[\"null\",\"string\"],\"default\":null},"));
        Schema batch;
        try (InputStream in = SchemaHistory.class.getClassLoader().getResourceAsStream("avro/ObservationBatch.avsc")) {
            batch = parser.parse(in);
        }

        List<String> problems = SchemaEvolution.historyProblems(batch, SchemaHistory.versions("ObservationBatch"));

        assertThat(problems).singleElement().asString().contains("avro-history/ObservationBatch/v2.avsc");
    }

    private static Schema testSchema(String name) throws IOException {
        try (InputStream in = SchemaEvolutionTest.class.getResourceAsStream("/evolution/" + name)) {
            return new Schema.Parser().parse(in);
        }
    }
}
