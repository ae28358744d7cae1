package io.phistream.detector.text;

import static io.phistream.detector.text.Spans.valuesWithModel;
import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.PhiType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spanish in an English note: its words are not names on a guess alone; its names still are. */
class SpanishLinesTest {

    private static final String NOTE = "Pt resting comfortably. Daughter at bedside, translating. Paciente refiere dolor "
            + "abdominal desde hace tres días y niega fiebre. Vive con su hija Carmen en Ponce. Dr. Smith aware. Family: "
            + "\"la paciente habla solo español, se usó intérprete y toma sus medicamentos todos los días\". Husband Juan "
            + "Rivera called at 1400. Seen at Centro de Salud Familiar Cerro del Vigía. Esposa Carmen Iris Colón de Jesús "
            + "presente, quien le administra la insulina. Se explicó el plan de cuidado, la paciente está de acuerdo.";

    @Test
    void givenSpanishSentencesInACapitalisedNote_thenTheirWordsAreKept_butTheirNamesFound() {
        List<String> names = valuesWithModel(NOTE, PhiType.NAME);

        assertThat(names).contains("Carmen", "Smith", "Juan Rivera", "Jesús");
        assertThat(String.join(" ", names)).doesNotContain("refiere", "habla", "medicamentos", "paciente", "acuerdo",
                "cuidado", "fiebre", "días");
    }

    @Test
    void givenClinicalSpanish_thenADiagnosisAndTheFormsWordsStay() {
        String text = "Contacto de emergencia: su esposo Jorge Ruiz, teléfono 612 345 678. Refiere que su madre, Rosa "
                + "Gómez, falleció de cáncer de mama. Exploración física: abdomen blando. Corazón rítmico. Fecha de la "
                + "próxima cita: mañana.";
        String names = String.join(" ", valuesWithModel(text, PhiType.NAME));

        assertThat(names).contains("Jorge Ruiz", "Rosa").doesNotContain("Contacto", "emergencia", "mama", "Corazón",
                "Fecha", "Exploración");
    }

    @Test
    void givenANameOrFacilityWithSpanishParticles_thenTheParticlesStayInside() {
        List<PhiSpan> spans = Spans.WHOLE.detect(NOTE, DetectionContext.EMPTY);
        int de = NOTE.indexOf("Colón de Jesús") + "Colón ".length();
        int del = NOTE.indexOf("Cerro del Vigía") + "Cerro ".length();

        assertThat(spans).anyMatch(s -> s.start() <= de && s.end() >= de + 2);
        assertThat(spans).anyMatch(s -> s.start() <= del && s.end() >= del + 3);
    }

    @Test
    void givenEnglishWithTheSameShortWords_thenNoLineIsSpanish() {
        String text = "Transferred from LA to DE via AL. G3 para 2. LOS 5 days. El Paso resident, Dr. De La Cruz aware.";
        Scan s = new Scan(text, Lexicon.builtIn(), DetectionContext.EMPTY, TextPhiDetector.Config.DEFAULT, null);

        assertThat(SpanishLines.mark(s)).isNull();
    }

    @Test
    void givenALowerCaseNameInASpanishSentence_thenItIsStillAGuess() {
        String text = "Dr. Smith aware. Paciente refiere que vive con su hija carmen y su esposo.";
        Scan s = new Scan(text, Lexicon.builtIn(), DetectionContext.EMPTY, TextPhiDetector.Config.DEFAULT, null);
        int carmen = tokenAt(s, text.indexOf("carmen"));
        int vive = tokenAt(s, text.indexOf("vive"));

        assertThat(s.notAGuessedName(vive)).isTrue();
        assertThat(s.notAGuessedName(carmen)).as("a listed first name in lower case").isFalse();
    }

    @Test
    void givenASpanishQuotationInAnEnglishLine_thenItsWordsAreNoGuessedNames_butAnEnglishQuotationsAre() {
        String text = "Pt kept saying \"tengo dolores en las piernas\" - leg cramps. Wife said \"ask Dolores\" again.";
        Scan s = new Scan(text, Lexicon.builtIn(), DetectionContext.EMPTY, TextPhiDetector.Config.DEFAULT, null);

        assertThat(s.notAGuessedName(tokenAt(s, text.indexOf("piernas")))).isTrue();
        assertThat(s.notAGuessedName(tokenAt(s, text.indexOf("las")))).isTrue();
        assertThat(s.notAGuessedName(tokenAt(s, text.indexOf("Dolores")))).as("outside the Spanish quotation").isFalse();
    }

    @Test
    void givenSpanishInCapitals_thenOnlyItsListedWordsLoseTheGuess() {
        String text = "Pt resting. SHE STATES \"SE FUE LA LUZ DESDE EL DOMINGO\" (NO POWER SINCE SUNDAY).";
        Scan s = new Scan(text, Lexicon.builtIn(), DetectionContext.EMPTY, TextPhiDetector.Config.DEFAULT, null);

        assertThat(s.notAGuessedName(tokenAt(s, text.indexOf("DESDE")))).isTrue();
        assertThat(s.notAGuessedName(tokenAt(s, text.indexOf(" LA ") + 1))).isTrue();
        assertThat(s.notAGuessedName(tokenAt(s, text.indexOf("DOMINGO")))).as("a name, no listed word").isFalse();
        assertThat(valuesWithModel(text, PhiType.NAME)).doesNotContain("SE", "LA", "EL", "DESDE", "FUE");
    }

    private static int tokenAt(Scan s, int offset) {
        for (int t = 0; t < s.tk.n; t++) {
            if (s.tk.start[t] == offset) {
                return t;
            }
        }
        throw new AssertionError("no token at " + offset);
    }

    @Test
    void givenAHaitianCreoleLine_thenItsFunctionWordsAreNoNames_butItsNamesAndPlacesAreFound() {
        String text = "Nòt enfimyè: Pasyan an di li gen doulè nan vant li depi maten. Pitit fi li Guerline la avè l. "
                + "Li rete Dorchester. Telefòn 617-555-0142.";
        String names = String.join(" ", valuesWithModel(text, PhiType.NAME));

        assertThat(names).contains("Guerline", "Dorchester").doesNotContain("Pasyan", "nan", "vant", "avè", "Li ");
        assertThat(valuesWithModel(text, PhiType.NAME)).noneMatch(n -> n.equals("li") || n.equals("la"));
    }
}
