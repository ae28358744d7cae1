package io.phistream.detector.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.DetectingScrubber;
import io.phistream.detector.text.TextPhiDetector;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.junit.jupiter.api.Test;

/**
 * A questionnaire answer that is a score on its question's scale ("Pain (0-10)": "4/10") is kept as written; read
 * alone by the free-text scrubber it was the 10th of April (a walkthrough's pain answers came out as [DATE]). A date
 * answer stays a date: under a question that asks when, or one that states no scale and says no score.
 */
class FhirQuestionnaireScoreTest {

    private static final FhirTestKit KIT = new FhirTestKit();
    private static final FhirDeidentifier DEID = KIT.deidentifier(IdentityMap.empty(),
            new DetectingScrubber(TextPhiDetector.builtIn()));

    private static final String PATIENT = """
            {"resourceType":"Patient","id":"p1",
             "identifier":[{"system":"http://hospital.example.org/mrn","value":"MRN-3141592"}],
             "name":[{"family":"Pennywhistle","given":["Odalys"]}]}""";

    /** The answers of a questionnaire of these (question text, string answer) pairs, de-identified, in order. */
    private static List<String> answers(String... questionsAndAnswers) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < questionsAndAnswers.length; i += 2) {
            items.append(i == 0 ? "" : ",").append("""
                    {"linkId":"%d","text":"%s","answer":[{"valueString":"%s"}]}"""
                    .formatted(i / 2 + 1, questionsAndAnswers[i], questionsAndAnswers[i + 1]));
        }
        String qr = """
                {"resourceType":"QuestionnaireResponse","status":"completed","subject":{"reference":"Patient/p1"},
                 "item":[%s]}""".formatted(items);
        FhirOutcome.Deidentified out = FhirDeidentifierTest.deid(DEID, FhirDeidentifierTest.bundle(PATIENT, qr));
        QuestionnaireResponse r = (QuestionnaireResponse) ((Bundle) FhirDeidentifierTest.parse(out.text()))
                .getEntry().get(1).getResource();
        return r.getItem().stream().map(QuestionnaireResponseItemComponent::getAnswerFirstRep)
                .map(a -> a.getValueStringType().getValue()).toList();
    }

    @Test
    void givenAnAnswerOnTheScaleItsPainQuestionStates_whenDeidentified_thenItIsKeptAsAScore() {
        assertThat(answers("Pain (0-10)", "4/10", "Pain score", "3/10", "Rate your fatigue (1-5)", "2/5"))
                .containsExactly("4/10", "3/10", "2/5");
    }

    @Test
    void givenTheSameShapeUnderAQuestionOfTimeOrOffTheScale_whenDeidentified_thenItIsStillADate() {
        assertThat(answers("When did the pain start?", "3/10", "Date of last pain score", "4/10",
                "Pain (0-10)", "4/12", "Pain score", "seen 4/10"))
                .containsExactly("[DATE]", "[DATE]", "[DATE]", "seen [DATE]");
    }

    @Test
    void givenAScoreQuestionWhoseAnswerSaysMore_whenDeidentified_thenTheAnswerIsScrubbedAsFreeText() {
        assertThat(answers("Pain score", "4/10, call me at 978-555-0165").get(0)).contains("[PHONE]")
                .doesNotContain("978-555-0165");
    }
}
