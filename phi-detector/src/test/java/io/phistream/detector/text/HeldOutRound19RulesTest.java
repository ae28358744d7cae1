package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

/**
 * Rules added after held-out batches 34 and 35 (README-text.md, round 19); one test per rule, on sentences written
 * for these tests, not taken from the batches.
 */
class HeldOutRound19RulesTest {

    @Test
    void givenAnAircraftRegistration_thenAVehicle() {
        assertThat(values("Flight crew boarded Cessna N4417QA at the strip; Otter N62KD on standby.", PhiType.VEHICLE))
                .containsExactly("N4417QA", "N62KD");
        assertThat(values("N95 mask on, N2O weaned, N20 needle.", PhiType.VEHICLE)).isEmpty();
    }

    @Test
    void givenEnrollmentAuthorisationMessageOrGroupNumbers_thenIdentifiers() {
        assertThat(values("Tribal enrollment KTZ-004417; auth B26-0301-44810.", PhiType.OTHER_ID))
                .containsExactly("KTZ-004417", "B26-0301-44810");
        assertThat(values("member XJQ4410982, grp K-33019", PhiType.HEALTH_PLAN)).contains("K-33019");
        assertThat(values("Mom left msg. 0125 called back, no answer.", PhiType.OTHER_ID)).isEmpty();
    }

    @Test
    void givenAnAgeInParenthesesAfterADateOfBirthOrRightAfterAName_thenAnAge() {
        assertThat(values("Calling about her father, DOB 6/2/1929 (96), who fell.", PhiType.AGE)).containsExactly("96");
        assertThat(values("Resident Halvard Tveit 102, temp 37.9, eating well.", PhiType.AGE)).containsExactly("102");
        assertThat(values("Drawn 3/14/2025 (95) mg/dL glucose.", PhiType.AGE)).isEmpty();
    }

    @Test
    void givenTheNameOpeningAnAppointmentReminder_thenAName() {
        assertThat(values("Reminder: WANJIRU has an appt with the clinic on Tue 3/4.", PhiType.NAME))
                .containsExactly("WANJIRU");
        assertThat(values("Reminder: Patient has an appt on Tue.", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenALowerCaseWordNoListKnowsRightAfterDrInMixedText_thenAName() {
        assertThat(values("Sent Mar 3 9:14 AM: she says dr nwachukwu wants labs first. Called dr office, dr aware.",
                PhiType.NAME)).containsExactly("nwachukwu");
    }

    @Test
    void givenAHighwayAndAMileMarker_thenAPlace() {
        assertThat(values("Rollover on Hwy 12 MM 140, pt ambulatory at scene.", PhiType.GEO))
                .containsExactly("Hwy 12 MM 140");
        assertThat(values("I-90 mile marker 41 closed.", PhiType.GEO)).containsExactly("I-90 mile marker 41");
        assertThat(values("RT 3 mm nodule, I 2 MM margin.", PhiType.GEO)).isEmpty();
    }
}
