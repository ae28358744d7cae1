package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

/**
 * Rules added after held-out batches 22 and 23 (README-text.md, round 13); one test per rule, on sentences written
 * for these tests, not taken from the batches.
 */
class HeldOutRound13RulesTest {

    @Test
    void givenAUserNameAfterItsCue_thenAnIdentifier() {
        assertThat(values("Proxy access: portal user kbrandvold.rn, sister.", PhiType.OTHER_ID))
                .containsExactly("kbrandvold.rn");
        assertThat(values("10:02:13 LOGIN_FAIL user=tnakashima04 src=portal", PhiType.OTHER_ID))
                .containsExactly("tnakashima04");
        assertThat(values("New account, username ovallejo_care, link sent.", PhiType.OTHER_ID))
                .containsExactly("ovallejo_care");
        assertThat(values("Son Dmitri has proxy access, portal user dpolvanko.", PhiType.OTHER_ID))
                .containsExactly("dpolvanko");
    }

    @Test
    void givenAnOrdinaryWordAfterUser_thenNothing() {
        assertThat(values("Daily cannabis user since age 15; IV drug user in the past.", PhiType.OTHER_ID)).isEmpty();
        assertThat(values("The app is not user friendly for her.", PhiType.OTHER_ID)).isEmpty();
    }

    @Test
    void givenATagInGroupsAfterItsState_thenAVehicle() {
        assertThat(values("Parked: blue minivan, MD tag KT 40921, moved by security.", PhiType.VEHICLE))
                .containsExactly("KT 40921");
        assertThat(values("Skin tag 3 mm removed; name tag on the door.", PhiType.VEHICLE)).isEmpty();
    }

    @Test
    void givenALicenceNumberInBlankSeparatedGroups_thenOneLicence() {
        assertThat(values("Driver: NJ DL 44 710 382 on file.", PhiType.LICENSE)).containsExactly("44 710 382");
    }

    @Test
    void givenAMakeOrModelBeforeADeviceOrVehicleNoun_thenNotAName() {
        assertThat(values("Device: Boston Vitalio PPM, SN 55120931.", PhiType.NAME)).isEmpty();
        assertThat(values("Home unit: Philips Dorma CPAP, serial on file.", PhiType.NAME)).isEmpty();
        assertThat(values("Family drives a 2019 Lincoln Navigator; a silver Honda Odyssey was towed.", PhiType.NAME))
                .isEmpty();
        // a person before the same nouns is still a person
        assertThat(values("Dr. Whitlock ICD clinic called; hired driver Amos Reber in his van.", PhiType.NAME))
                .containsExactly("Whitlock", "Amos Reber");
    }

    @Test
    void givenAPersonsNameFollowedByAClass_thenAClassificationNotAName() {
        assertThat(values("Ankle fracture (Danis B), and a hip fracture (Garden III).", PhiType.NAME)).isEmpty();
        assertThat(values("Dr. Garden B. saw her.", PhiType.NAME)).containsExactly("Garden B.");
    }

    @Test
    void givenACatheterSizeInFrench_thenTheWordAfterIsAMakeNotAFather() {
        assertThat(values("A 6 Fr Amplatz left 1 and a 24 Fr Malecot tube were placed.", PhiType.NAME)).isEmpty();
        assertThat(values("Fr. Kowalczyk gave the anointing of the sick.", PhiType.NAME)).containsExactly("Kowalczyk");
    }

    @Test
    void givenAnEponymBeforeItsLesionTechniqueOrGuideline_thenNotAName() {
        assertThat(values("Off-track Hill-Sachs lesion; open Hasson technique; Fleischner guidelines apply.",
                PhiType.NAME)).isEmpty();
        assertThat(values("Popliteal (Baker's) cyst and a peritoneovenous (LeVeen) shunt.", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenAMarkerGluedToANumberOrAPhoneLabel_thenNotAName() {
        assertThat(values("Ki-67 12%, CA-125 normal. Tel 602-555-0148.", PhiType.NAME)).isEmpty();
    }

    @Test
    void givenAPracticeNamedBeforeItsKindAndSpecialty_thenAFacility() {
        assertThat(values("Saguaro Flats Internal Medicine - ANNUAL VISIT\nSeen today.", PhiType.GEO))
                .containsExactly("Saguaro Flats Internal Medicine");
        assertThat(values("SNAKE RIVER CARDIOLOGY - DEVICE CLINIC\nRemote check normal.", PhiType.GEO))
                .containsExactly("SNAKE RIVER CARDIOLOGY");
        assertThat(values("Internal Medicine - PROGRESS NOTE\nSeen today.", PhiType.GEO)).isEmpty();
    }

    @Test
    void givenACenterOrAssociatesNamedAfterAService_thenAFacilityWhenAProperWordNamesIt() {
        assertThat(values("Referred to Wasatch Bench Liver & Transplant Center for listing.", PhiType.GEO))
                .containsExactly("Wasatch Bench Liver & Transplant Center");
        assertThat(values("Faxed to Mogollon Rim Endocrine Associates today.", PhiType.GEO))
                .containsExactly("Mogollon Rim Endocrine Associates");
        assertThat(values("Follow up in the Sleep Disorders Center in 6 weeks.", PhiType.GEO)).isEmpty();
    }
}
