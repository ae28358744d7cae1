package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import org.junit.jupiter.api.Test;

/**
 * Date and vehicle-plate rules added after held-out batches 10 and 11 (README-text.md, "Held-out ICU nursing notes",
 * round 8); one test per rule, on sentences written for these tests, not taken from the batches.
 */
class HeldOutRound8DatesTest {

    @Test
    void givenAShortDateAfterAVerbOfMovingOrAdmittingAPatient_thenADateEvenWhenShapedLikeAHalf() {
        assertThat(values("Airlifted 1/2 from the ferry dock after the crash.", PhiType.DATE)).containsExactly("1/2");
        assertThat(values("MEDEVAC'D 3/9 TO THE REGIONAL TRAUMA CENTER.", PhiType.DATE)).containsExactly("3/9");
        assertThat(values("Readmitted 4/2 with a wound infection.", PhiType.DATE)).containsExactly("4/2");
        // a dose after the pair keeps it a quantity, whatever came before
        assertThat(values("Started 1/2 NS at 100 mL/h; pt on 1/2 tab of labetalol since 3/4 tab made her dizzy.",
                PhiType.DATE)).isEmpty();
        assertThat(values("Ate 1/2 of breakfast, drank 3/4 of the shake.", PhiType.DATE)).isEmpty();
    }

    @Test
    void givenTheAndAnOrdinalDayAfterATimeWordOrAVerb_thenTheDayIsADate_butOrdinalCountsAreNot() {
        assertThat(values("Daughter expected the 9th; she returns the 23rd.", PhiType.DATE))
                .containsExactly("9th", "23rd");
        assertThat(values("Came back on the 4th from the rehab unit.", PhiType.DATE)).containsExactly("4th");
        assertThat(values("DISCHARGED THE 17TH TO HOME WITH VNA.", PhiType.DATE)).containsExactly("17TH");
        assertThat(values("This is the 3rd time he pulled the line. Moved to the 6th floor.", PhiType.DATE)).isEmpty();
        assertThat(values("Lac on the 4th digit, 2nd degree burn, given the 2nd dose. She is the 3rd of five kids.",
                PhiType.DATE)).isEmpty();
    }

    @Test
    void givenASpanishDateWithDeOrAFullSpanishMonth_thenADate_butEnglishWordsStayWords() {
        assertThat(values("Fecha de ingreso: 21 de enero de 2025.", PhiType.DATE)).containsExactly("21 de enero de 2025");
        assertThat(values("Se cayó en casa el 9 de abril y llegó por ambulancia.", PhiType.DATE))
                .containsExactly("9 de abril");
        assertThat(values("Última mamografía 3 de ago. de 2022; próxima el 15 de dic.", PhiType.DATE))
                .containsExactly("3 de ago. de 2022", "15 de dic.");
        assertThat(values("CITA 1RO DE JUNIO DEL 2025 CON NEFROLOGIA.", PhiType.DATE)).containsExactly("1RO DE JUNIO DEL 2025");
        assertThat(values("Visto octubre 8, 2024 en la clínica; sin control desde febrero de 2023.", PhiType.DATE))
                .containsExactly("octubre 8, 2024", "febrero de 2023");
        assertThat(values("Regresa en septiembre para laboratorios.", PhiType.DATE)).containsExactly("septiembre");
        // abbreviations only in the Spanish form; MAYO and JULIO are also a clinic and a given name
        assertThat(values("Fell 3 days ago; set 2 goals. Seen at Mayo 3 times. Julio 4 veces llamó.", PhiType.DATE))
                .isEmpty();
        assertThat(values("Toma 2 de las tabletas y 1 de la crema.", PhiType.DATE)).isEmpty();
    }

    @Test
    void givenAShortDateRightAfterAProcedureThatStatusPostOpens_thenADate_butNotAfterAnyOtherWordsOrBeforeAUnit() {
        assertThat(values("POD 3 S/P DECEASED DONOR LIVER TX 4-17, LFTS TRENDING DOWN.", PhiType.DATE))
                .containsExactly("4-17");
        assertThat(values("s/p laparoscopic sigmoid colectomy 10-3 for diverticulitis.", PhiType.DATE))
                .containsExactly("10-3");
        assertThat(values("Status post L total knee replacement 2/5, ambulating.", PhiType.DATE)).containsExactly("2/5");
        assertThat(values("s/p CVA with R arm weakness 4-5 weeks ago; s/p fall 3-4 days ago.", PhiType.DATE)).isEmpty();
        assertThat(values("S/P REPAIR, 2-3 L NC.", PhiType.DATE)).isEmpty();
    }

    @Test
    void givenAPlateWrittenInTwoGroupsAfterPlate_thenOneVehicleSpan_butOrthopaedicPlatesAreNoPlates() {
        assertThat(values("His van (TX plate JWD 5821) was impounded.", PhiType.VEHICLE)).containsExactly("JWD 5821");
        assertThat(values("Ride share plate # 8MQ 442 per security.", PhiType.VEHICLE)).containsExactly("8MQ 442");
        assertThat(values("PLATE NO. KA 30117 NOTED BY EMS.", PhiType.VEHICLE)).containsExactly("KA 30117");
        assertThat(values("license plate 6TRB-904 on the incident form", PhiType.VEHICLE)).containsExactly("6TRB-904");
        assertThat(values("ORIF L DISTAL RADIUS, VOLAR PLATE 7 HOLE AND SCREWS. Plate 3.5 mm x 6 holes.",
                PhiType.VEHICLE)).isEmpty();
        assertThat(values("PLATE AND 8 SCREWS; LCP PLATE 12 X 4 MM.", PhiType.VEHICLE)).isEmpty();
    }

    @Test
    void givenDayAndACountOutOfACourse_thenNoDate_butAnEventsDayStaysADate() {
        assertThat(values("Cefazolin day 6/7. Fluconazole day #3/14.", PhiType.DATE)).isEmpty();
        assertThat(values("ABX DAY 4/5, AFEBRILE.", PhiType.DATE)).isEmpty();
        assertThat(values("Discharge day 3/4 per team.", PhiType.DATE)).containsExactly("3/4");
    }

    @Test
    void givenAScoreAfterAScaleAStrengthAfterALimbOrTrainOfFour_thenNoDate_butADoctorOfTheSameNameKeepsHisDate() {
        assertThat(values("TINETTI 11/28, BERG 22/56. MoCA 9/30. PHQ-9 11/27. AUDIT-C 7/12. SLUMS was 12/30.",
                PhiType.DATE)).isEmpty();
        assertThat(values("L arm 3/5, L leg 1/5; R deltoid 4/5, hip flexion 2/5.", PhiType.DATE)).isEmpty();
        assertThat(values("VEC GTT, TOF 2/4. TRAIN OF FOUR 3/4 AT 1400.", PhiType.DATE)).isEmpty();
        assertThat(values("Seen by Dr. Berg 3/12, plan unchanged.", PhiType.DATE)).containsExactly("3/12");
        assertThat(values("Arm cast placed 3/5 in the ED.", PhiType.DATE)).containsExactly("3/5");
    }

    @Test
    void givenAClockTimeShapedLikeAYearAfterUntilTillByOrInARange_thenNoDate_butYearsAfterOtherWordsStay() {
        assertThat(values("Wife at bedside until 2100. Nephew stayed till 1930. Lasix due by 2000.", PhiType.DATE))
                .isEmpty();
        assertThat(values("Restraints from 1900 to 2300; visitors between 2000 and 2045.", PhiType.DATE)).isEmpty();
        assertThat(values("Sober since 2005. Lived in Tulsa until 2017.", PhiType.DATE)).containsExactly("2005", "2017");
    }
}
