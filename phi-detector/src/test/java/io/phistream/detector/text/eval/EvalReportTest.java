package io.phistream.detector.text.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import io.phistream.detector.text.PhiSpan;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Span precision is right predictions over predictions; span recall is gold found over gold (README-text). */
class EvalReportTest {

    private static final String TEXT = "Seen by Dr Ann Lee on 3/4 with son Bo Hale at bedside.";

    private static GoldSpan gold(PhiType type, String part) {
        int at = TEXT.indexOf(part);
        return new GoldSpan(type.name(), type, at, at + part.length());
    }

    private static PhiSpan predicted(PhiType type, String part) {
        int at = TEXT.indexOf(part);
        return new PhiSpan(type, at, at + part.length(), "test", 1);
    }

    private static EvalReport scored(List<GoldSpan> gold, List<PhiSpan> predictions) {
        EvalReport rep = new EvalReport("test");
        new Evaluator(null, false).score(rep, new GoldDocument("d", TEXT, gold), predictions);
        return rep;
    }

    @Test
    void givenTwoPredictionsOnOneGoldSpanAndOneFalseAlarm_whenScored_thenPrecisionIsTwoOfThreeAndRecallWhole() {
        EvalReport rep = scored(List.of(gold(PhiType.NAME, "Ann Lee")),
                List.of(predicted(PhiType.NAME, "Ann"), predicted(PhiType.NAME, "Lee"), predicted(PhiType.NAME, "bedside")));

        assertThat(rep.span().recall()).isEqualTo(1.0);
        assertThat(rep.span().precision()).isEqualTo(2.0 / 3);
        assertThat(rep.span(PhiType.NAME).precision()).isEqualTo(2.0 / 3);
        assertThat(rep.render()).contains("OVERALL").contains("0.667");
    }

    @Test
    void givenOnePredictionOverTwoGoldSpansAndAFalseAlarm_whenScored_thenPrecisionIsOneOfTwo() {
        EvalReport rep = scored(List.of(gold(PhiType.NAME, "Ann Lee"), gold(PhiType.DATE, "3/4"), gold(PhiType.NAME, "Bo Hale")),
                List.of(predicted(PhiType.NAME, "Ann Lee on 3/4"), predicted(PhiType.NAME, "bedside")));

        assertThat(rep.span().recall()).isEqualTo(2.0 / 3);
        assertThat(rep.span().precision()).isEqualTo(0.5); // gold found over gold found + false alarms said 2/3
        assertThat(rep.span().f1()).isEqualTo(2 * 0.5 * (2.0 / 3) / (0.5 + 2.0 / 3));
    }
}
