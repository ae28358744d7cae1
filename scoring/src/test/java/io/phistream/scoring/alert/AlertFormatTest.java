package io.phistream.scoring.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.phistream.scoring.Band;
import io.phistream.scoring.alert.AlertDecision.Kind;
import org.junit.jupiter.api.Test;

class AlertFormatTest {

    private static final long T = 1_767_225_600_000L; // 2026-01-01T00:00:00Z

    private static AlertDecision decision(Kind kind, String token, double score, Band band, Band previous, boolean probability) {
        return new AlertDecision(kind, token, "news2", "1.0.0", "rapid-response", AlertFormat.FHIR, false, band,
                previous, score, probability, T, "3f1c2b9e-0000-3000-8000-000000000001");
    }

    @Test
    void givenAnEscalation_whenRenderedAsFhir_thenARiskAssessmentAboutTheTokenOnly() throws Exception {
        JsonNode r = new ObjectMapper().readTree(FhirRiskAssessment.toJson(
                decision(Kind.ESCALATE, "tok-1", 8, Band.HIGH, Band.MEDIUM, false)));
        assertThat(r.path("resourceType").asText()).isEqualTo("RiskAssessment");
        assertThat(r.path("status").asText()).isEqualTo("final");
        assertThat(r.path("subject").path("identifier").path("system").asText()).isEqualTo(FhirRiskAssessment.TOKEN_SYSTEM);
        assertThat(r.path("subject").path("identifier").path("value").asText()).isEqualTo("tok-1");
        assertThat(r.path("subject").has("reference")).isFalse();
        assertThat(r.path("occurrenceDateTime").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(r.path("method").path("coding").get(0).path("code").asText()).isEqualTo("news2");
        JsonNode p = r.path("prediction").get(0);
        assertThat(p.path("qualitativeRisk").path("coding").get(0).path("code").asText()).isEqualTo("high");
        assertThat(p.path("qualitativeRisk").path("text").asText()).isEqualTo("high");
        assertThat(p.path("rationale").asText()).isEqualTo("news2 band high (score 8)");
        assertThat(p.has("probabilityDecimal")).isFalse();
        assertThat(r.path("meta").path("tag").get(0).path("code").asText()).isEqualTo("escalate");
        assertThat(r.path("note").get(0).path("text").asText()).isEqualTo("route rapid-response; escalate from medium");
    }

    @Test
    void givenAProbabilityModel_whenRenderedAsFhir_thenProbabilityDecimalAndModerateForMedium() throws Exception {
        JsonNode p = new ObjectMapper().readTree(FhirRiskAssessment.toJson(
                decision(Kind.ALERT, "t", 0.42, Band.MEDIUM, null, true))).path("prediction").get(0);
        assertThat(p.path("probabilityDecimal").asDouble()).isEqualTo(0.42);
        assertThat(p.path("qualitativeRisk").path("coding").get(0).path("code").asText()).isEqualTo("moderate");
    }

    @Test
    void givenAnAlert_whenRenderedAsHl7_thenOruR01WithTokenInPid3AndResultsInObx() {
        String er7 = Hl7OruR01.toEr7(decision(Kind.ALERT, "tok|^~\\&x", 7, Band.HIGH, null, false));
        String[] segments = er7.split("\r");
        assertThat(segments).extracting(s -> s.substring(0, 3)).containsExactly("MSH", "PID", "OBR", "OBX", "OBX", "OBX");
        String[] msh = segments[0].split("\\|", -1);
        assertThat(msh[8]).isEqualTo("ORU^R01^ORU_R01");          // MSH-9 (MSH-1 is the separator itself)
        assertThat(msh[11]).isEqualTo("2.5.1");
        assertThat(msh[4]).isEqualTo("rapid-response");
        String[] pid = segments[1].split("\\|", -1);
        assertThat(pid).hasSize(4);
        assertThat(pid[3]).isEqualTo("tok\\F\\\\S\\\\R\\\\E\\\\T\\x^^^PHI-STREAM^TOKEN");
        String[] obr = segments[2].split("\\|", -1);
        assertThat(obr).hasSize(26);
        assertThat(obr[7]).isEqualTo("20260101000000+0000");
        assertThat(obr[25]).isEqualTo("F");
        String[] obx1 = segments[3].split("\\|", -1);
        assertThat(obx1[2]).isEqualTo("NM");
        assertThat(obx1[5]).isEqualTo("7");
        assertThat(obx1[11]).isEqualTo("F");
        assertThat(obx1[14]).isEqualTo("20260101000000+0000");
        assertThat(segments[4].split("\\|", -1)[5]).isEqualTo("high");
        assertThat(segments[5].split("\\|", -1)[5]).isEqualTo("alert");
    }

    @Test
    void givenADecision_whenRenderedThroughItsFormat_thenMatchesTheFormatter() {
        AlertDecision d = decision(Kind.RESOLVE, "t", 2, Band.LOW, Band.MEDIUM, false);
        assertThat(d.render()).isEqualTo(FhirRiskAssessment.toJson(d));
        assertThat(AlertFormat.HL7V2.render(d)).contains("OBX|3|ST|alert^alert kind^L||resolve from medium|");
    }
}
