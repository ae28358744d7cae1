package io.phistream.topology.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.RejectReason;
import io.phistream.topology.keys.KeyStore;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped rules, one by one: a complete message passes; breaking one element trips exactly its rule. */
class Hl7ValidatorTest {

    private static final String ORU = TestGates.oru();
    private static final String ADT_A01 = String.join("\r",
            "MSH|^~\\&|ADT|WARD7|PHI|STREAM|20240311101500||ADT^A01^ADT_A01|ADT0001|P|2.5.1",
            "EVN|A01|20240311101400",
            "PID|1||MRN12345^^^HOSP^MR||DOE^JANE||19700102|F",
            "PV1|1|I|W7^12^1") + "\r";
    private static final String MDM_T02 = String.join("\r",
            "MSH|^~\\&|DOCS|WARD7|PHI|STREAM|20240311101500||MDM^T02^MDM_T02|DOC0001|P|2.5.1",
            "EVN|T02|20240311101400",
            "PID|1||MRN12345^^^HOSP^MR||DOE^JANE||19700102|F",
            "TXA|1|DS^Discharge summary|TX|20240311101000",
            "OBX|1|TX|18842-5^Discharge summary^LN||Patient stable.") + "\r";

    private final QualityGate gate = TestGates.gate(KeyStore.ephemeral());

    private Verdict verdict(String msg) {
        return gate.inspect(TestGates.bytes(msg)).verdict();
    }

    private void assertQuarantined(String msg, String ruleId, RejectReason reason) {
        Verdict v = verdict(msg);
        assertThat(v).isInstanceOf(Verdict.Quarantine.class);
        assertThat(((Verdict.Quarantine) v).cause()).isEqualTo(new Finding(ruleId, reason));
    }

    private void assertWarned(String msg, String ruleId, RejectReason reason) {
        Verdict v = verdict(msg);
        assertThat(v).isInstanceOf(Verdict.Warn.class);
        assertThat(v.warnings()).containsExactly(new Finding(ruleId, reason));
    }

    @Test
    void givenCompleteOruAdtAndMdmMessages_whenValidated_thenEachPassesWithoutWarnings() {
        assertThat(verdict(ORU)).isEqualTo(Verdict.PASS);
        assertThat(verdict(ADT_A01)).isEqualTo(Verdict.PASS);
        assertThat(verdict(MDM_T02)).isEqualTo(Verdict.PASS);
    }

    // ---------------------------------------------------------------- MSH

    @Test
    void givenNoMessageCode_whenValidated_thenQuarantinedForMissingMessageType() {
        assertQuarantined(Msgs.set(ORU, "MSH", 9, ""), "hl7.msh.message-type", RejectReason.MISSING_MESSAGE_TYPE);
    }

    @Test
    void givenAMessageCodeOutsideHl7Table0076_whenValidated_thenQuarantinedAsUnknownType() {
        assertQuarantined(Msgs.set(ORU, "MSH", 9, "XYZ^R01"), "hl7.msh.message-type-known",
                RejectReason.UNKNOWN_MESSAGE_TYPE);
    }

    @Test
    void givenNoTriggerEvent_whenValidated_thenWarnedExceptForAck() {
        assertWarned(Msgs.set(ORU, "MSH", 9, "ORU"), "hl7.msh.trigger-event", RejectReason.MISSING_MESSAGE_TYPE);
        String ack = "MSH|^~\\&|A|B|C|D|20240311101500||ACK|ACK0001|P|2.5.1\rMSA|AA|CTRL0001\r";
        assertThat(verdict(ack)).isEqualTo(Verdict.PASS);
    }

    @Test
    void givenNoMessageTime_whenValidated_thenQuarantinedForMissingEventTime() {
        assertQuarantined(Msgs.set(ORU, "MSH", 7, ""), "hl7.msh.message-time", RejectReason.MISSING_EVENT_TIME);
    }

    @Test
    void givenAnImpossibleMessageTime_whenValidated_thenQuarantinedForBadDate() {
        assertQuarantined(Msgs.set(ORU, "MSH", 7, "20240230101500"), "hl7.msh.message-time-format",
                RejectReason.BAD_DATE);
        assertQuarantined(Msgs.set(ORU, "MSH", 7, "2024-03-11T10:15"), "hl7.msh.message-time-format",
                RejectReason.BAD_DATE);
    }

    @Test
    void givenATs2xMessageTimeWithPrecisionComponent_whenValidated_thenComponentOneIsChecked() {
        assertThat(verdict(Msgs.set(ORU, "MSH", 7, "202403111015^M"))).isEqualTo(Verdict.PASS);
    }

    @Test
    void givenNoControlId_whenValidated_thenWarnedOnly() {
        assertWarned(Msgs.set(ORU, "MSH", 10, ""), "hl7.msh.control-id", RejectReason.MISSING_CONTROL_ID);
    }

    @Test
    void givenAnUnknownProcessingId_whenValidated_thenWarnedForBadValue() {
        assertWarned(Msgs.set(ORU, "MSH", 11, "X"), "hl7.msh.processing-id", RejectReason.BAD_VALUE);
    }

    @Test
    void givenAnUnsupportedOrMissingVersion_whenValidated_thenQuarantined() {
        assertQuarantined(Msgs.set(ORU, "MSH", 12, "2.9"), "hl7.msh.version-allowed",
                RejectReason.UNSUPPORTED_VERSION);
        assertQuarantined(Msgs.set(ORU, "MSH", 12, ""), "hl7.msh.version", RejectReason.UNSUPPORTED_VERSION);
    }

    // ---------------------------------------------------------------- patient

    @Test
    void givenAPatientMessageWithoutPatientIdentifier_whenValidated_thenQuarantinedForMissingPatientId() {
        assertQuarantined(Msgs.set(ORU, "PID", 3, ""), "hl7.pid.patient-id", RejectReason.MISSING_PATIENT_ID);
        assertQuarantined(Msgs.set(ORU, "PID", 3, "^^^HOSP^MR"), "hl7.pid.patient-id", RejectReason.MISSING_PATIENT_ID);
        assertQuarantined(Msgs.drop(ORU, "PID"), "hl7.pid.patient-id", RejectReason.MISSING_PATIENT_ID);
        assertQuarantined(Msgs.drop(ADT_A01, "PID"), "hl7.pid.patient-id", RejectReason.MISSING_PATIENT_ID);
    }

    @Test
    void givenTheIdentifierInALaterRepetition_whenValidated_thenThePatientIdIsPresent() {
        assertThat(verdict(Msgs.set(ORU, "PID", 3, "^^^X~MRN9^^^HOSP^MR"))).isEqualTo(Verdict.PASS);
    }

    @Test
    void givenABedStatusUpdateWithoutPatient_whenValidated_thenItPasses() {
        String a20 = "MSH|^~\\&|ADT|WARD7|PHI|STREAM|20240311101500||ADT^A20|BED0001|P|2.5.1\r"
                + "EVN|A20|20240311101400\rNPU|W7^12^1|K\r";
        assertThat(verdict(a20)).isEqualTo(Verdict.PASS);
    }

    @Test
    void givenAnImpossibleBirthDate_whenValidated_thenQuarantinedForBadDate() {
        assertQuarantined(Msgs.set(ORU, "PID", 7, "19701302"), "hl7.pid.birth-date-format", RejectReason.BAD_DATE);
    }

    @Test
    void givenABadDeathTime_whenValidated_thenQuarantinedForBadDate() {
        assertQuarantined(Msgs.set(ORU, "PID", 29, "2024031"), "hl7.pid.death-time-format", RejectReason.BAD_DATE);
    }

    @Test
    void givenBadAdmitOrDischargeTimes_whenValidated_thenQuarantinedForBadDate() {
        assertQuarantined(Msgs.set(ORU, "PV1", 44, "20241399"), "hl7.pv1.admit-time-format", RejectReason.BAD_DATE);
        assertQuarantined(Msgs.set(ORU, "PV1", 45, "yesterday"), "hl7.pv1.discharge-time-format",
                RejectReason.BAD_DATE);
    }

    // ---------------------------------------------------------------- ADT

    @Test
    void givenAnAdtWithoutEventSegment_whenValidated_thenWarnedForMissingEventTime() {
        assertWarned(Msgs.drop(ADT_A01, "EVN"), "hl7.evn.recorded-time", RejectReason.MISSING_EVENT_TIME);
    }

    @Test
    void givenAnAdtWithABadEventTime_whenValidated_thenQuarantinedForBadDate() {
        assertQuarantined(Msgs.set(ADT_A01, "EVN", 2, "20240311256"), "hl7.evn.recorded-time-format",
                RejectReason.BAD_DATE);
        assertQuarantined(Msgs.set(ADT_A01, "EVN", 6, "2024031110150"), "hl7.evn.occurred-time-format",
                RejectReason.BAD_DATE);
    }

    @Test
    void givenAnAdmissionWithoutPatientClass_whenValidated_thenWarned() {
        assertWarned(Msgs.set(ADT_A01, "PV1", 2, ""), "hl7.pv1.patient-class", RejectReason.MISSING_ELEMENT);
    }

    @Test
    void givenADischargeWithoutDischargeTime_whenValidated_thenWarned() {
        String a03 = Msgs.set(Msgs.set(ADT_A01, "MSH", 9, "ADT^A03^ADT_A03"), "EVN", 1, "A03");
        assertWarned(a03, "hl7.pv1.discharge-time", RejectReason.MISSING_EVENT_TIME);
        assertThat(verdict(Msgs.set(a03, "PV1", 45, "20240311101400"))).isEqualTo(Verdict.PASS);
    }

    // ---------------------------------------------------------------- observations

    @Test
    void givenAnObservationValueWithoutCode_whenValidated_thenQuarantinedAsObservationWithoutCode() {
        assertQuarantined(Msgs.set(ORU, "OBX", 6, 3, ""), "hl7.obx.code", RejectReason.OBSERVATION_WITHOUT_CODE);
    }

    @Test
    void givenAnEmptyObservationWithoutCode_whenValidated_thenThereIsNothingToIdentify() {
        String empty = Msgs.set(Msgs.set(Msgs.set(ORU, "OBX", 6, 3, ""), "OBX", 6, 5, ""), "OBX", 6, 6, "");
        assertThat(verdict(empty)).isEqualTo(Verdict.PASS);
    }

    @Test
    void givenAMistypedLoincCode_whenValidated_thenQuarantinedForBadCode() {
        assertQuarantined(Msgs.set(ORU, "OBX", 6, 3, "2160-1^Creatinine^LN"), "hl7.obx.loinc", RejectReason.BAD_CODE);
    }

    @Test
    void givenALocalCodeThatIsNotLoincSyntax_whenValidated_thenTheLoincRuleDoesNotApply() {
        assertThat(verdict(Msgs.set(ORU, "OBX", 6, 3, "CREA^Creatinine^L"))).isEqualTo(Verdict.PASS);
    }

    @Test
    void givenAMistypedAlternateLoincCode_whenValidated_thenWarnedForBadCode() {
        assertWarned(Msgs.set(ORU, "OBX", 6, 3, "CREA^Creatinine^L^2160-1^Creatinine^LN"),
                "hl7.obx.loinc-alternate", RejectReason.BAD_CODE);
    }

    @Test
    void givenAValueWithoutValueType_whenValidated_thenWarned() {
        assertWarned(Msgs.set(ORU, "OBX", 6, 2, ""), "hl7.obx.value-type", RejectReason.MISSING_ELEMENT);
    }

    @Test
    void givenANonNumericNmValue_whenValidated_thenWarnedForBadValue() {
        assertWarned(Msgs.set(ORU, "OBX", 6, 5, "<0.5"), "hl7.obx.numeric-value", RejectReason.BAD_VALUE);
    }

    @Test
    void givenAVitalSignWithoutUnits_whenValidated_thenQuarantinedAsObservationWithoutUnits() {
        assertQuarantined(Msgs.set(ORU, "OBX", 1, 6, ""), "hl7.obx.vital-sign-units-present",
                RejectReason.OBSERVATION_WITHOUT_UNITS);
    }

    @Test
    void givenAVitalSignInWrongUnits_whenValidated_thenQuarantinedForBadUnits() {
        assertQuarantined(Msgs.set(ORU, "OBX", 3, 6, "mg/dL"), "hl7.obx.vital-sign-units", RejectReason.BAD_UNITS);
        assertQuarantined(Msgs.set(ORU, "OBX", 5, 6, "K"), "hl7.obx.vital-sign-units", RejectReason.BAD_UNITS);
    }

    @Test
    void givenAVitalSignInACommonNonUcumSpelling_whenValidated_thenWarnedNotQuarantined() {
        assertWarned(Msgs.set(ORU, "OBX", 1, 6, "beats/min^^ISO+"), "hl7.obx.vital-sign-units-ucum",
                RejectReason.BAD_UNITS);
        assertWarned(Msgs.set(ORU, "OBX", 4, 6, "mmHg"), "hl7.obx.vital-sign-units-ucum", RejectReason.BAD_UNITS);
    }

    @Test
    void givenEachUcumUnitOfTheVitalSignTable_whenValidated_thenItPasses() {
        assertThat(verdict(Msgs.set(ORU, "OBX", 5, 6, "[degF]"))).isEqualTo(Verdict.PASS);
        assertThat(verdict(Msgs.set(ORU, "OBX", 1, 6, "{beats}/min"))).isEqualTo(Verdict.PASS);
        assertThat(verdict(Msgs.set(ORU, "OBX", 3, 3, "2708-6^SpO2 arterial^LN"))).isEqualTo(Verdict.PASS);
    }

    @Test
    void givenAnotherNumericObservationWithoutUnits_whenValidated_thenWarnedOnly() {
        assertWarned(Msgs.set(ORU, "OBX", 6, 6, ""), "hl7.obx.units-present", RejectReason.OBSERVATION_WITHOUT_UNITS);
    }

    @Test
    void givenABadObservationTime_whenValidated_thenQuarantinedForBadDate() {
        assertQuarantined(Msgs.set(ORU, "OBX", 2, 14, "2024031110100"), "hl7.obx.observation-time-format",
                RejectReason.BAD_DATE);
    }

    @Test
    void givenAResultWithoutObservationTime_whenValidated_thenWarned() {
        assertWarned(Msgs.set(ORU, "OBR", 7, ""), "hl7.obr.observation-time", RejectReason.MISSING_EVENT_TIME);
    }

    @Test
    void givenAResultWithABadObservationTime_whenValidated_thenQuarantinedForBadDate() {
        assertQuarantined(Msgs.set(ORU, "OBR", 7, "2024-03-11"), "hl7.obr.observation-time-format",
                RejectReason.BAD_DATE);
    }

    @Test
    void givenAResultWithoutObservations_whenValidated_thenWarned() {
        assertWarned(Msgs.drop(ORU, "OBX"), "hl7.oru.observation-present", RejectReason.MISSING_ELEMENT);
    }

    // ---------------------------------------------------------------- documents

    @Test
    void givenAnMdmWithoutDocumentHeader_whenValidated_thenQuarantinedForMissingElement() {
        assertQuarantined(Msgs.drop(MDM_T02, "TXA"), "hl7.txa.document-type", RejectReason.MISSING_ELEMENT);
    }

    @Test
    void givenAnMdmWithABadActivityTime_whenValidated_thenQuarantinedForBadDate() {
        assertQuarantined(Msgs.set(MDM_T02, "TXA", 4, "2024031199"), "hl7.txa.activity-time-format",
                RejectReason.BAD_DATE);
    }

    @Test
    void givenADocumentNotificationWithoutContent_whenValidated_thenWarned() {
        assertWarned(Msgs.drop(MDM_T02, "OBX"), "hl7.mdm.document-content", RejectReason.MISSING_ELEMENT);
    }

    // ---------------------------------------------------------------- verdict composition and overrides

    @Test
    void givenTheSameWarningOnSeveralObservationsAndAnotherOne_whenValidated_thenEachRuleIsReportedOnce() {
        String msg = Msgs.set(Msgs.set(ORU, "OBX", 1, 6, "bpm"), "OBX", 2, 6, "br/min");
        msg = Msgs.set(msg, "MSH", 11, "X");
        Verdict v = verdict(msg);
        assertThat(v).isInstanceOf(Verdict.Warn.class);
        assertThat(((Verdict.Warn) v).ruleIds()).containsExactly("hl7.msh.processing-id", "hl7.obx.vital-sign-units-ucum");
    }

    @Test
    void givenAQuarantineAndAWarning_whenValidated_thenTheFirstQuarantineRuleIsTheCauseAndTheWarningIsKept() {
        String msg = Msgs.set(Msgs.set(ORU, "MSH", 11, "X"), "PID", 3, "");
        Verdict.Quarantine q = (Verdict.Quarantine) verdict(msg);
        assertThat(q.ruleId()).isEqualTo("hl7.pid.patient-id");
        assertThat(q.warnings()).containsExactly(new Finding("hl7.msh.processing-id", RejectReason.BAD_VALUE));
    }

    @Test
    void givenAnOutcomeOverride_whenValidated_thenTheRuleActsAsConfigured() {
        Hl7Rules strict = TestGates.RULES.withOutcomes(Map.of("hl7.obx.units-present", Outcome.QUARANTINE,
                "hl7.pid.patient-id", Outcome.OFF));
        QualityGate g = TestGates.gate(KeyStore.ephemeral(), strict);
        Verdict unitless = g.inspect(TestGates.bytes(Msgs.set(ORU, "OBX", 6, 6, ""))).verdict();
        assertThat(unitless).isInstanceOf(Verdict.Quarantine.class);
        assertThat(((Verdict.Quarantine) unitless).ruleId()).isEqualTo("hl7.obx.units-present");
        assertThat(g.inspect(TestGates.bytes(Msgs.set(ORU, "PID", 3, ""))).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void givenEscapedSeparatorsInAUnit_whenValidated_thenTheUnescapedValueIsCompared() {
        // "mm\S\Hg" unescapes to "mm^Hg": not a unit of the table, so it is bad, not a parse artefact
        assertQuarantined(Msgs.set(ORU, "OBX", 4, 6, "mm\\S\\Hg"), "hl7.obx.vital-sign-units", RejectReason.BAD_UNITS);
    }
}
