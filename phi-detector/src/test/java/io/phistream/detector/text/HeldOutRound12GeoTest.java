package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

/**
 * Place rules added after held-out batches 20 and 21 (Southern and Boston ICU nursing notes), written blind by other
 * hands: neighbourhoods named by a proper word and a district head; towns after "in from"; towns after IN in a clause
 * about where someone lives or works. One test per rule, on sentences written for these tests.
 */
class HeldOutRound12GeoTest {

    @Test
    void givenProperWordsAndADistrictHeadAfterAPlacePreposition_thenANeighbourhood() {
        assertThat(values("Pt lives with her aunt in Jamaica Plain since June.", PhiType.GEO))
                .containsExactly("Jamaica Plain");
        assertThat(values("Had a fall at work in Ybor City yesterday.", PhiType.GEO)).containsExactly("Ybor City");
        assertThat(values("Brother works nights in Little Haiti, cell on file.", PhiType.GEO))
                .containsExactly("Little Haiti");
        // clinics, hospitals, ordinary phrases, a country alone
        assertThat(values("Seen in Heart Failure Clinic. Check at Point of care. Admitted in City Hospital.",
                PhiType.GEO)).isEmpty();
        assertThat(values("Travelled to Jamaica last year.", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenAListedTownAfterInFrom_thenAPlace() {
        assertThat(values("Son Rob flying in from Denver tomorrow.", PhiType.GEO)).containsExactly("Denver");
        assertThat(values("dtr Kim flying in from denver tonight.", PhiType.GEO)).containsExactly("denver");
        assertThat(values("Son Rob flying in from home tomorrow; up from bed.", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenATownAfterInWhereSomeoneLivesOrWorks_thenAPlaceInAnyCase() {
        assertThat(values("FAMILY OWNS A BAKERY IN ALIEF.", PhiType.GEO)).containsExactly("ALIEF");
        assertThat(values("Garage fire last week in Opa-locka, smoke inhalation.", PhiType.GEO))
                .containsExactly("Opa-locka");
        // not places: where a patient lies, in-hospital
        assertThat(values("PT LIVES AT HOME, IN BED, IN ROOM. Seen in house by ortho.", PhiType.GEO)).isEmpty();
    }
}
