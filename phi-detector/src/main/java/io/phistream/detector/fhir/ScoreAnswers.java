package io.phistream.detector.fhir;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.StringType;

/**
 * Questionnaire answers that are a score on their question's scale ("Pain (0-10)": "4/10"), kept as written: the
 * free-text scrubber reads an answer alone, and alone "4/10" is the 10th of April (a walkthrough's pain answers came out
 * as [DATE]). Only an answer that is exactly N/M, N at most M, under a question whose text or linkId says score, scale,
 * rating, level, severity or intensity, or whose text states a scale in parentheses, "(0-10)" (M must be its top; 10
 * without one), and says no word of time ("When did the pain start?" asks for a date). Chosen over giving the scrubber the question as context:
 * a label also changes how the detector reads names (a "Preferred name" line before a lone given name let it through),
 * while this rule only ever keeps a bare score. Free text is not touched: "seen 4/10" in a note stays a date.
 */
final class ScoreAnswers {

    private static final Pattern SCORE_WORD = Pattern.compile(
            "(?i)(?<![a-z])(?:score|scale|rating|rate|rated|level|severity|intensity|nrs|vas)(?![a-z])");
    /** "(0-10)", "(1 to 5)": the group is the scale's top. In parentheses: "Falls 1-12" is no scale. */
    private static final Pattern SCALE = Pattern.compile("\\( ?[01] ?(?:-|\u2013|to) ?([1-9][0-9]?) ?\\)");
    private static final Pattern TIME_WORD = Pattern.compile("(?i)(?<![a-z])(?:dates?|dated|when|days?|weeks?|months?"
            + "|years?|time|since|onset|start|started|began|begin|last|seen|visit|visited|appointment|born|birth|dob)"
            + "(?![a-z])");
    private static final Pattern SCORE = Pattern.compile(" *([0-9]{1,2}) ?/ ?([0-9]{1,3}) *");
    private static final int USUAL_TOP = 10;

    private ScoreAnswers() {
    }

    /** Adds the string answers of these items (at any depth) that are scores to {@code scores}. */
    static void collect(List<QuestionnaireResponseItemComponent> items, Set<IBase> scores) {
        for (QuestionnaireResponseItemComponent item : items) {
            int top = top(item.getText(), item.getLinkId());
            for (QuestionnaireResponseItemAnswerComponent answer : item.getAnswer()) {
                if (top > 0 && answer.getValue() instanceof StringType s && isScore(s.getValue(), top)) {
                    scores.add(s);
                }
                collect(answer.getItem(), scores);
            }
            collect(item.getItem(), scores);
        }
    }

    /** The top of the scale a question asks a score on; 0 when it asks for no score. */
    static int top(String text, String linkId) {
        if (says(text, TIME_WORD) || says(linkId, TIME_WORD)) {
            return 0;
        }
        Matcher m = text == null ? null : SCALE.matcher(text); // a linkId's digits are a numbering
        if (m != null && m.find()) {
            return Integer.parseInt(m.group(1));
        }
        return says(text, SCORE_WORD) || says(linkId, SCORE_WORD) ? USUAL_TOP : 0;
    }

    static boolean isScore(String answer, int top) {
        Matcher m = answer == null ? null : SCORE.matcher(answer);
        return m != null && m.matches() && Integer.parseInt(m.group(2)) == top && Integer.parseInt(m.group(1)) <= top;
    }

    private static boolean says(String s, Pattern words) {
        return s != null && words.matcher(s).find();
    }
}
