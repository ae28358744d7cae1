package io.phistream.topology.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The co-partitioning rule {@code phi-stream run} applies to the de-identified topics before it starts. */
class RunCommandTest {

    @Test
    void givenEqualPartitionCounts_whenChecked_thenThereIsNoProblem() {
        assertThat(RunCommand.coPartitioningProblem("p.deid.hl7v2", 6, "p.deid.fhir", 6)).isEmpty();
    }

    @Test
    void givenDifferentPartitionCounts_whenChecked_thenTheMessageNamesBothTopicsWithTheirCounts() {
        assertThat(RunCommand.coPartitioningProblem("p.deid.hl7v2", 3, "p.deid.fhir", 6))
                .hasValueSatisfying(m -> assertThat(m)
                        .startsWith("p.deid.hl7v2 has 3 partition(s) and p.deid.fhir has 6;")
                        .contains("same count"));
    }
}
