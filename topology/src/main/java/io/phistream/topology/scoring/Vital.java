package io.phistream.topology.scoring;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.DoubleUnaryOperator;

/**
 * The vital signs the scoring stage reads: their LOINC codes, the one UCUM unit each is normalised to, the units
 * accepted on input, and the plausible range after normalisation (the built-in manifests' feature ranges).
 *
 * <p>The unit table is hand-written: the handful of spellings that occur for these six quantities (UCUM codes,
 * their common text forms, Fahrenheit, kPa) is smaller and easier to audit than a general UCUM library, and no
 * such library is available from our registries. An empty unit is accepted only where the quantity leaves no
 * doubt (counts per minute, percent); a temperature or pressure without a unit is refused, never guessed.
 */
public enum Vital {
    HR("/min", 0, 300, List.of("8867-4"), perMinute(), true),
    RR("/min", 0, 80, List.of("9279-1"), perMinute(), true),
    SPO2("%", 0, 100, List.of("59408-5", "2708-6"), units("%", 1), true),
    SBP("mm[Hg]", 0, 300, List.of("8480-6"), pressure(), false),
    /** 8310-5 body temperature; 8331-1 oral temperature (what Synthea writes). */
    TEMP("Cel", 25, 45, List.of("8310-5", "8331-1"), temperature(), false),
    O2_FLOW("L/min", 0, 100, List.of("3151-8"), flow(), false),
    O2_CONCENTRATION("%", 0, 100, List.of("3150-0"), units("%", 1), true),
    /** Coded: A, C, V, P, U; the numeric value is the position in ACVPU (A = 0 .. U = 4). */
    ACVPU("{ACVPU}", 0, 4, List.of("67775-7"), Map.of(), false);

    /** Blood-pressure panels whose systolic component is read (85354-9; 55284-4 as Synthea writes it). */
    public static final List<String> BP_PANELS = List.of("85354-9", "55284-4");
    public static final String ACVPU_CODES = "ACVPU";

    private static final Map<String, Vital> BY_LOINC = new HashMap<>();

    static {
        for (Vital v : values()) {
            v.loinc.forEach(code -> BY_LOINC.put(code, v));
        }
    }

    private final String unit;
    private final double min;
    private final double max;
    private final List<String> loinc;
    private final Map<String, DoubleUnaryOperator> units;
    private final boolean unitOptional;

    Vital(String unit, double min, double max, List<String> loinc, Map<String, DoubleUnaryOperator> units,
          boolean unitOptional) {
        this.unit = unit;
        this.min = min;
        this.max = max;
        this.loinc = loinc;
        this.units = units;
        this.unitOptional = unitOptional;
    }

    /** The vital measured by this LOINC code, or null. */
    public static Vital byLoinc(String code) {
        return code == null ? null : BY_LOINC.get(code.trim());
    }

    /** The normalised UCUM unit. */
    public String unit() {
        return unit;
    }

    public List<String> loincCodes() {
        return loinc;
    }

    public boolean coded() {
        return this == ACVPU;
    }

    public boolean inRange(double normalised) {
        return normalised >= min && normalised <= max;
    }

    /**
     * The value in {@link #unit()}, or empty when the unit is not one this vital accepts.
     *
     * @param unitText the unit as written (UCUM code or a common spelling), null or blank when absent
     */
    public OptionalDouble normalise(double value, String unitText) {
        String u = unitText == null ? "" : unitText.trim().toLowerCase(Locale.ROOT);
        if (u.isEmpty()) {
            return unitOptional ? OptionalDouble.of(value) : OptionalDouble.empty();
        }
        DoubleUnaryOperator f = units.get(u);
        return f == null ? OptionalDouble.empty() : OptionalDouble.of(f.applyAsDouble(value));
    }

    /** True when the unit text is one this vital accepts (blank counts only where the unit may be omitted). */
    public boolean knowsUnit(String unitText) {
        String u = unitText == null ? "" : unitText.trim().toLowerCase(Locale.ROOT);
        return u.isEmpty() ? unitOptional : units.containsKey(u);
    }

    /** The ACVPU letter for a code or text (A, C, V, P, U; or Alert, New confusion, Voice, Pain, Unresponsive). */
    public static Character acvpu(String codeOrText) {
        if (codeOrText == null) {
            return null;
        }
        String s = codeOrText.trim().toLowerCase(Locale.ROOT);
        if (s.length() == 1 && ACVPU_CODES.indexOf(Character.toUpperCase(s.charAt(0))) >= 0) {
            return Character.toUpperCase(s.charAt(0));
        }
        if (s.equals("alert")) {
            return 'A';
        }
        if (s.contains("confus")) {
            return 'C';
        }
        if (s.contains("voice")) {
            return 'V';
        }
        if (s.contains("pain")) {
            return 'P';
        }
        if (s.startsWith("unresponsive")) {
            return 'U';
        }
        return null;
    }

    private static Map<String, DoubleUnaryOperator> perMinute() {
        return units("/min", 1, "1/min", 1, "{beats}/min", 1, "{beat}/min", 1, "beats/min", 1, "bpm", 1,
                "{breaths}/min", 1, "{breath}/min", 1, "breaths/min", 1);
    }

    private static Map<String, DoubleUnaryOperator> pressure() {
        return units("mm[hg]", 1, "mmhg", 1, "mm hg", 1, "kpa", 7.500617);
    }

    private static Map<String, DoubleUnaryOperator> flow() {
        return units("l/min", 1, "lpm", 1, "ml/min", 0.001);
    }

    private static Map<String, DoubleUnaryOperator> temperature() {
        Map<String, DoubleUnaryOperator> m = new HashMap<>();
        DoubleUnaryOperator celsius = x -> x;
        DoubleUnaryOperator fahrenheit = x -> (x - 32.0) * 5.0 / 9.0;
        for (String c : List.of("cel", "c", "°c", "degc", "deg c", "celsius")) {
            m.put(c, celsius);
        }
        for (String f : List.of("[degf]", "degf", "f", "°f", "deg f", "fahrenheit")) {
            m.put(f, fahrenheit);
        }
        m.put("k", x -> x - 273.15);
        return Map.copyOf(m);
    }

    private static Map<String, DoubleUnaryOperator> units(Object... unitAndFactor) {
        Map<String, DoubleUnaryOperator> m = new HashMap<>();
        for (int i = 0; i < unitAndFactor.length; i += 2) {
            double factor = ((Number) unitAndFactor[i + 1]).doubleValue();
            m.put(((String) unitAndFactor[i]).toLowerCase(Locale.ROOT), factor == 1 ? x -> x : x -> x * factor);
        }
        return Map.copyOf(m);
    }
}
