package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

/** Phones labelled in Spanish, Portuguese or German, and day.month.year dates that end a sentence (a user walkthrough). */
class InternationalFormsTest {

    @Test
    void givenPhonesLabelledInOtherLanguages_thenFound() {
        assertThat(values("Teléfono celular 55 1234 5678.", PhiType.PHONE)).containsExactly("55 1234 5678");
        assertThat(values("Telefon 030 12345678.", PhiType.PHONE)).containsExactly("030 12345678");
        assertThat(values("Su hijo la llama al 917 123 456 cada día.", PhiType.PHONE)).containsExactly("917 123 456");
        assertThat(values("Handy 0171 2345678", PhiType.PHONE)).containsExactly("0171 2345678");
    }

    @Test
    void givenADottedDateEndingASentence_thenFound_butAVersionNumberIsNot() {
        assertThat(values("Ingreso 14.03.2026.", PhiType.DATE)).containsExactly("14.03.2026");
        assertThat(values("DOB 02.11.1998. Conditional offer", PhiType.DATE)).containsExactly("02.11.1998");
        assertThat(values("Version 1.2.2026.4 installed.", PhiType.DATE)).isEmpty();
    }
}
