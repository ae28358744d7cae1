package io.phistream.detector.deid;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TreatmentTest {

    @Test
    void givenEveryLowerCasePolicyWord_whenParsed_thenItsTreatment() {
        assertThat(Treatment.parse("token")).isEqualTo(Treatment.TOKEN);
        assertThat(Treatment.parse("redact")).isEqualTo(Treatment.REDACT);
        assertThat(Treatment.parse("date")).isEqualTo(Treatment.DATE);
        assertThat(Treatment.parse("zip3")).isEqualTo(Treatment.ZIP3);
        assertThat(Treatment.parse("age")).isEqualTo(Treatment.AGE);
        assertThat(Treatment.parse("keep")).isEqualTo(Treatment.KEEP);
        for (Treatment t : Treatment.values()) {
            assertThat(Treatment.parse(t.policyName())).isEqualTo(t);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tokenize", "TOKEN", "Keep", " redact", "hash"})
    void givenUnknownWord_whenParsed_thenRejectedNamingTheWordAndTheChoices(String word) {
        assertThatThrownBy(() -> Treatment.parse(word))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + word + "'")
                .hasMessageContaining("token, redact, date, zip3, age, keep");
    }

    @Test
    void givenMissingWord_whenParsed_thenRejected() {
        assertThatThrownBy(() -> Treatment.parse(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Treatment.parse("")).isInstanceOf(IllegalArgumentException.class);
    }
}
