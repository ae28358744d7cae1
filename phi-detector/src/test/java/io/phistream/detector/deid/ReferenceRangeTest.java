package io.phistream.detector.deid;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a reference-range slot keeps: ranges, bounds and qualitative normals; anything a person wrote is removed. */
class ReferenceRangeTest {

    @ParameterizedTest
    @ValueSource(strings = {"3.5-5.0", "70-99", "70 - 99", "1.010-1.030", "150,000-400,000", "-2 to +2", "0-0.04",
        "<200", "< 200", ">=60", "> 60", "\u2264 5.7", "3.5 - 5.0 mmol/L", "70-99 mg/dL", "4.5-11.0 x10^3/uL",
        ">60 mL/min/1.73m2", "12-18 g/dL", "0-5 %", "Negative", "NEG", "not detected", "Non-Reactive", "WNL",
        "3.5\u20135.0", "135-145 mEq/L", "7.35-7.45"})
    void keepsRangesBoundsAndQualitativeNormals(String value) {
        assertThat(ReferenceRange.isRange(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "per Dr. Smith", "3.5-5.0 Smith", "70-99 John", "03/10/2025", "3/10",
        "2025-03-10", "555-0142", "call 555-0142", "1234567-1234568", "see note", "Jones", "normal per Mary",
        "3.5-5.0; adult male", "<200 (fasting, per lab of Dr. Green)", "70-99^mg/dL", "12345678", "10-20 years",
        "3.5-5.0 mg/Smith", "10-3", "555-1234", "5.0-3.5", "123456", "72", "=5"})
    void removesAnythingElse(String value) {
        assertThat(ReferenceRange.isRange(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mg/dL", "x10^3/uL", "10*9/L", "mL/min/1.73m2", "mmol/L", "%", "U/L", "mm[Hg]"})
    void acceptsUnitsOnlyFromTheListOrUcumPowersOfTen(String unit) {
        assertThat(ReferenceRange.isUnit(unit)).isTrue();
    }
}
