package io.phistream.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditEntryKeyTest {

    @Test
    void givenSequenceNumbers_whenKeyed_thenTwentyDigitsThatSortAsTheNumbersDo() {
        assertThat(AuditEntry.recordKey("log", 0)).isEqualTo("r/log/00000000000000000000");
        assertThat(AuditEntry.recordKey("log", 42)).isEqualTo("r/log/00000000000000000042");
        assertThat(AuditEntry.checkpointKey("log", Long.MAX_VALUE)).isEqualTo("c/log/09223372036854775807");
        assertThat(AuditEntry.recordKey("log", 9)).isLessThan(AuditEntry.recordKey("log", 10));
    }

    @Test
    void givenAnyNumber_whenPadded_thenAsStringFormatWouldHaveIt() {
        for (long n : new long[] {0, 1, 9, 10, 99_999, 1L << 40, Long.MAX_VALUE, -1, Long.MIN_VALUE}) {
            assertThat(AuditEntry.pad(n)).isEqualTo(String.format("%020d", n));
        }
    }
}
