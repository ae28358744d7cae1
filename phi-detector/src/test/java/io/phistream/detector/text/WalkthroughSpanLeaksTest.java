package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

/**
 * Defects a walkthrough with span scrubbing found in the free-text rules (leaks and over-removal), on sentences
 * written for these tests.
 */
class WalkthroughSpanLeaksTest {

    @Test
    void givenAPhoneNumberFollowedByADate_thenBothAreFound() {
        assertThat(values("Left msg for niece at 413-555-0162 3/14 - will retry.", PhiType.PHONE))
                .containsExactly("413-555-0162");
        assertThat(values("Tel: 413-555-0162 10/2", PhiType.PHONE)).containsExactly("413-555-0162");
        assertThat(values("Nephew (413) 555-0162 10/02/2025 per chart.", PhiType.PHONE))
                .containsExactly("(413) 555-0162");
        assertThat(values("Nephew 413.555.0162 10/02/2025.", PhiType.PHONE)).containsExactly("413.555.0162");
        assertThat(values("Left msg for niece at 413-555-0162 3/14 - will retry.", PhiType.DATE))
                .containsExactly("3/14");
    }
}
