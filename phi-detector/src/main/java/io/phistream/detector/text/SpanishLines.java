package io.phistream.detector.text;

/**
 * Lines written in Spanish (or Haitian Creole, counted the same way with words of its own) inside a note ("Paciente refiere dolor desde hace tres días", a relative's words quoted, a
 * bilingual discharge instruction). The lexicons are English, so every Spanish word is an unknown word there, and the
 * name rules and the token model read unknown words as likely names: a Spanish line came out nearly all redacted.
 * In such a line, where the writer uses case, common Spanish words and unlisted lower-case words are not taken for
 * names on the lexicon's or the model's guess alone ({@link #notAGuessedName}); capitalised words inside a sentence
 * ("su hija Carmen", "en Ponce") and every rule with context stay as they are. In capitals or an all-lower-case line,
 * where case says nothing, only the listed Spanish words lose the guess. A Spanish quotation in an English line counts
 * as such a line.
 *
 * <p>A line is Spanish when it holds at least two words only Spanish writes ("que", "con", "refiere", "paciente"...)
 * and at least three Spanish words in all: English notes write "de", "la", "el", "al", "se" too (names, states, "LA").
 * Hand-written lists: function words and the commonest clinical words are facts of the language, and no public-domain
 * Spanish frequency list ships with the lexicons.
 */
final class SpanishLines {
    private SpanishLines() {
    }

    /** Function words no English sentence uses. */
    private static final Words STRICT = Words.of("QUE", "CON", "POR", "UNA", "SUS", "ESTA", "PERO", "COMO", "MUY",
            "TIENE", "HACE", "DESDE", "CUANDO", "TODOS", "TODAS", "SOBRE", "ESTE", "ESTO", "ESTAN", "NIEGA", "REFIERE",
            "USTED", "ELLA", "ELLOS", "NOSOTROS", "TAMBIEN", "PORQUE", "DONDE", "AQUI", "NADA", "MUCHO", "MUCHA", "POCO",
            "BIEN", "SIEMPRE", "NUNCA", "DESPUES", "AHORA", "TRES", "FUE", "ESTABA");
    /**
     * Function words English notes also write, as words or abbreviations: "LA", "DE", "AL", "SE", "LOS" (length of
     * stay), "para 2" (obstetrics), "Las Vegas", "Del Rio"; not "hay", "mal", "sin", "DOS" (date of service) at all.
     */
    private static final Words WEAK = Words.of("DE", "LA", "EL", "AL", "SE", "LO", "ES", "SU", "Y", "EN", "UN", "MI",
            "TU", "LOS", "LAS", "DEL", "PARA");
    /**
     * Common Spanish words of care that a line may open with, capitalised ("Paciente refiere", "Hija presente"): never
     * names, and as Spanish as the function words above. None is a common given name or surname (not Rosa, Paz, Luz,
     * Cruz, Santos, Ramos, Vega, Flores).
     */
    private static final Words CARE_WORDS = Words.of("PACIENTE", "HIJA", "HIJO", "HIJAS", "HIJOS", "ESPOSO", "ESPOSA",
            "FAMILIA", "FAMILIAR", "MADRE", "PADRE", "HERMANA", "HERMANO", "NIETA", "NIETO", "DOLOR", "FIEBRE", "CAMA",
            "MEDICAMENTOS", "MEDICAMENTO", "CUIDADO", "ACUERDO", "CABEZA", "PECHO", "ESTOMAGO", "DIAS", "SEMANA",
            "SEMANAS", "HOY", "AYER", "MANANA", "NOCHE", "CASA", "VIVE", "HABLA", "ESPANOL", "INTERPRETE", "EXPLICO",
            "ENTIENDE", "LLAMO", "COMIDA", "AGUA", "ESTOY", "TENGO", "DUELE", "GRACIAS", "SENORA", "SENOR", "DOCTORA",
            "ENFERMERA", "CLINICA", "CITA", "ORDENES", "TODO", "OTRO", "OTRA", "USO", "CONTACTO", "EMERGENCIA",
            "TELEFONO", "CELULAR", "CORREO", "DOMICILIO", "FECHA", "PROXIMA", "ALTA", "NACIDA", "NACIDO", "SOBRINA",
            "SOBRINO", "MAMA", "CORAZON", "PULMONES", "EXPLORACION", "FISICA", "DIAGNOSTICO", "TRATAMIENTO", "NOTA",
            "EVOLUCION", "ANTECEDENTES", "FALLECIO", "RITMICO", "BLANDO", "DOLOROSO", "LIMPIOS", "ARTERIAL");
    /** Spanish words English writes too ("plan", "solo", "no"): no name in a Spanish line, but no sign of one. */
    private static final Words SHARED_WORDS = Words.of("PLAN", "HOSPITAL", "DOCTOR", "NO", "SI", "SOLO", "PRESENTE",
            "TOMA", "TOMAR", "LADO", "DIA", "A", "O", "E");
    /**
     * Haitian Creole, as common in US notes as Spanish in some cities ("Pasyan an di li gen doulè nan pwatrin"): words
     * only it writes, its commonest words of care (folded: "doulè" is DOULE), and its short function words, which
     * English and the name lists also hold ("li", "nan", "la", "an", "gen", "pa"). Not "mari" (husband), "jodi"
     * (today) nor "santi" (feel), which are given names too.
     */
    private static final Words CREOLE = Words.of("MWEN", "NOU", "KI", "POU", "AVEK", "PASKE", "ANPIL", "KOUNYE",
            "YON", "BYEN", "KONNEN", "TANPRI", "MESI", "PASYAN", "ENFIMYE", "DOKTE", "LOPITAL", "DOULE", "PWATRIN",
            "MADANM", "RETE", "BEZWEN", "KONPRANN", "MANJE", "PITIT", "MANMAN", "LAFYEV", "MEDIKAMAN", "TELEFON",
            "DEMEN", "MATEN", "VLE", "KONN", "PRAL", "KOTE", "VANT", "FANMI", "GRANMOUN", "TIMOUN", "TOUSE", "GRANGOU",
            "VOMI", "TANSYON", "LESTOMAK", "SOUF", "DLO", "MALAD", "KLINIK", "RANDEVOU", "TOUJOU", "DEJA", "PIPI");
    private static final Words CREOLE_WEAK = Words.of("LI", "NAN", "LA", "AN", "GEN", "DI", "PA", "SE", "SA", "TE",
            "AP", "AK", "OU", "YO", "MEN", "KE", "WI", "AVE", "LE", "FE", "TI");
    private static final Words SPANISH = Words.union(STRICT, CARE_WORDS);
    private static final Words VOCABULARY = Words.union(STRICT, WEAK, CARE_WORDS, SHARED_WORDS, CREOLE, CREOLE_WEAK);

    /** Per token, whether its line is Spanish; null when no line is. */
    static boolean[] mark(Scan s) {
        Tokens tk = s.tk;
        boolean[] spanish = null;
        int from = 0;
        while (from < tk.n) {
            int to = from + 1;
            while (to < tk.n && !tk.nlBefore[to]) {
                to++;
            }
            // (cheap tests first: no word listed has more than twelve letters; the shared words are counted only in the
            // rare line with two Spanish ones, so an English line costs one look per word)
            int strict = 0;
            int creole = 0;
            for (int t = from; t < to; t++) {
                if (tk.kind[t] == Tokens.WORD && tk.len(t) <= 12) {
                    strict += s.isAny(t, SPANISH) ? 1 : 0;
                    creole += s.isAny(t, CREOLE) ? 1 : 0;
                }
            }
            int weak = 0;
            for (int t = from; strict >= 2 && strict + weak < 3 && t < to; t++) {
                if (tk.kind[t] == Tokens.WORD && tk.len(t) <= 3 && s.isAny(t, WEAK)) {
                    weak++;
                }
            }
            for (int t = from; creole >= 2 && creole + weak < 3 && t < to; t++) {
                if (tk.kind[t] == Tokens.WORD && tk.len(t) <= 3 && s.isAny(t, CREOLE_WEAK)) {
                    weak++;
                }
            }
            if (strict >= 2 && strict + weak >= 3 || creole >= 2 && creole + weak >= 3) {
                if (spanish == null) {
                    spanish = new boolean[tk.n];
                }
                java.util.Arrays.fill(spanish, from, to, true);
            } else if (strict >= 1) {
                spanish = quotes(s, from, to, spanish);
            }
            from = to;
        }
        return spanish;
    }

    /**
     * Marks the Spanish quotations of an English line, from..to ("pt kept saying \"tengo dolores en las piernas\"",
     * "SHE STATES \"SE FUE LA LUZ DESDE EL DOMINGO\""): a quotation is short, so one word only Spanish writes and
     * three in all are enough there.
     */
    private static boolean[] quotes(Scan s, int from, int to, boolean[] spanish) {
        Tokens tk = s.tk;
        int open = -1;
        for (int t = from; t < to; t++) {
            if (!quoteMark(tk, t)) {
                continue;
            }
            if (open < 0) {
                open = t;
                continue;
            }
            int strict = 0;
            int all = 0;
            for (int u = open + 1; u < t; u++) {
                if (tk.kind[u] == Tokens.WORD && tk.len(u) <= 12) {
                    boolean strong = s.isAny(u, SPANISH);
                    strict += strong ? 1 : 0;
                    all += strong || tk.len(u) <= 4 && s.isAny(u, WEAK) ? 1 : 0;
                }
            }
            if (strict >= 1 && all >= 3) {
                if (spanish == null) {
                    spanish = new boolean[tk.n];
                }
                java.util.Arrays.fill(spanish, open + 1, t, true);
            }
            open = -1;
        }
        return spanish;
    }

    private static boolean quoteMark(Tokens tk, int t) {
        return tk.isPunct(t, '"') || tk.isPunct(t, '\u201C') || tk.isPunct(t, '\u201D');
    }

    /**
     * Whether word t of a Spanish line (see {@link #mark}) may not be a name on a guess alone, where the writer uses
     * case: a common Spanish word in lower case or opening a sentence ("Paciente refiere"), or another word in lower case
     * that no name list holds ("su hija carmen" keeps Carmen). Never a word between capitalised ones, which may be a name's
     * or a facility's ("Colón de Jesús", "Casa de los Abuelos", "Cerro del Vigía"), nor a capitalised word inside a
     * sentence ("Clínica Familiar Tallaboa"). A line all in capitals is left to the case-blind rules.
     */
    static boolean notAGuessedName(Scan s, boolean[] spanish, int t) {
        if (spanish == null || !spanish[t]) {
            return false;
        }
        Tokens tk = s.tk;
        if (tk.caseBlind(t) || tk.allUpper(t)) {
            // case says nothing here: only the listed Spanish words ("SE FUE LA LUZ DESDE EL DOMINGO"), which the
            // census lists hold as rare surnames (LA, EL, SE, FUE), while the lists' names (LUZ, DOMINGO) stay guesses
            return s.isAny(t, VOCABULARY);
        }
        if (!tk.lowerInitial(t) && !(tk.capitalized(t) && tk.sentenceStart(t))) {
            return false;
        }
        if (!s.isAny(t, VOCABULARY) && (!tk.lowerInitial(t) || s.has(t, Lexicon.NAME_LISTED))) {
            return false;
        }
        return !betweenCapitals(tk, t);
    }

    /** Whether t lies between capitalised words on its line, with at most two more lower-case words between. */
    private static boolean betweenCapitals(Tokens tk, int t) {
        return capitalAt(tk, t, -1) && capitalAt(tk, t, 1);
    }

    private static boolean capitalAt(Tokens tk, int t, int step) {
        for (int u = t + step, k = 0; k < 3 && u >= 0 && u < tk.n; u += step, k++) {
            if (tk.kind[u] != Tokens.WORD || (step > 0 ? tk.nlBefore[u] : tk.nlBefore[u + 1])) {
                return false;
            }
            if (tk.capitalized(u)) {
                return true;
            }
            if (!tk.lowerInitial(u)) {
                return false;
            }
        }
        return false;
    }
}
