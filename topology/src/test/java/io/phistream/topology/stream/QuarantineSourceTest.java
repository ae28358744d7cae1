package io.phistream.topology.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.topology.quality.IngestRekeying;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** Which record a quarantine envelope names as its source. */
class QuarantineSourceTest {

    private static RecordHeaders origin(String value) {
        RecordHeaders h = new RecordHeaders();
        h.add(IngestRekeying.ORIGIN_HEADER, value.getBytes(StandardCharsets.UTF_8));
        return h;
    }

    @Test
    void aRecordReadBackFromARepartitionTopicIsNamedByTheIngestRecordItWasFirstReadAs() {
        QuarantineSealer.Source s = QuarantineSealer.Source.of("app-ingest-hl7v2-by-dedupe-key-repartition", 1, 7,
                origin("ingest.hl7v2/2/41"), "hl7v2");
        assertThat(s).isEqualTo(new QuarantineSealer.Source("ingest.hl7v2", 2, 41, "hl7v2"));
    }

    @Test
    void anOriginHeaderOnAnIngestRecordIsAProducersAndIsIgnored() {
        QuarantineSealer.Source s = QuarantineSealer.Source.of("ingest.hl7v2", 0, 5, origin("elsewhere/9/9"), "hl7v2");
        assertThat(s).isEqualTo(new QuarantineSealer.Source("ingest.hl7v2", 0, 5, "hl7v2"));
    }

    @Test
    void anUnreadableOriginLeavesTheRepartitionRecordNamed() {
        assertThat(QuarantineSealer.Source.of("x-repartition", 0, 3, origin("a/b/c"), "fhir"))
                .isEqualTo(new QuarantineSealer.Source("x-repartition", 0, 3, "fhir"));
        assertThat(QuarantineSealer.Source.of("x-repartition", 0, 3, new RecordHeaders(), "fhir"))
                .isEqualTo(new QuarantineSealer.Source("x-repartition", 0, 3, "fhir"));
    }
}
