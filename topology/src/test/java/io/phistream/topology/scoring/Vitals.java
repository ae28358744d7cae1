package io.phistream.topology.scoring;

import io.phistream.synthetic.SyntheticHl7;
import io.phistream.synthetic.SyntheticPatient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A vital-signs set for tests, rendered into a synthetic patient's ORU^R01 (from {@link SyntheticHl7}, so PID, PV1
 * and the rest are realistic) with chosen values and observation time. Values are written as the given text, in
 * the generator's units unless a unit is given.
 */
final class Vitals {

    static final String HR = "8867-4";
    static final String RR = "9279-1";
    static final String SPO2 = "59408-5";
    static final String SBP = "8480-6";
    static final String TEMP = "8310-5";
    static final String ACVPU = "67775-7";
    static final String O2_FLOW = "3151-8";

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> units = new LinkedHashMap<>();
    private String dtm = "20250301080000+0000";

    /** NEWS2 0 (low): every parameter in its 0-point row, on air. */
    static Vitals normal() {
        return new Vitals().set(HR, "70").set(RR, "16").set(SPO2, "98").set(SBP, "120").set(TEMP, "37.0").set(ACVPU, "A");
    }

    /** NEWS2 5 (medium): rr 22 (2), spo2 94 (1), hr 95 (1), temp 38.5 (1). */
    static Vitals medium() {
        return normal().set(RR, "22").set(SPO2, "94").set(HR, "95").set(TEMP, "38.5");
    }

    /** NEWS2 6 (medium): medium() with sbp 105 (1) and hr 105 (1). */
    static Vitals medium6() {
        return medium().set(SBP, "105").set(HR, "105");
    }

    /** NEWS2 8 (high): rr 26 (3), spo2 91 (3), hr 115 (2). */
    static Vitals high() {
        return normal().set(RR, "26").set(SPO2, "91").set(HR, "115");
    }

    /** NEWS2 3 from one parameter (low-medium): rr 26 (3). */
    static Vitals lowMedium() {
        return normal().set(RR, "26");
    }

    Vitals set(String loinc, String value) {
        values.put(loinc, value);
        return this;
    }

    Vitals unit(String loinc, String unit) {
        units.put(loinc, unit);
        return this;
    }

    Vitals without(String loinc) {
        values.remove(loinc);
        return this;
    }

    /** OBX-14 / OBR-7 as HL7 DTM, before the pipeline's date shift. */
    Vitals at(String hl7Dtm) {
        dtm = hl7Dtm;
        return this;
    }

    /**
     * The patient's next ORU^R01 from {@code gen} with these vitals: OBX rows of other LOINC codes (diastolic) are
     * kept, rows for codes not set here are dropped, NTE comments are dropped, an oxygen row is added when set.
     */
    String oru(SyntheticHl7 gen, SyntheticPatient p) {
        String text = gen.oruR01Vitals(p).text();
        List<String> out = new ArrayList<>();
        Map<String, String> pending = new LinkedHashMap<>(values);
        String template = null;
        int set = 0;
        for (String seg : text.split("\r")) {
            if (seg.startsWith("NTE")) {
                continue;
            }
            if (seg.startsWith("OBR")) {
                String[] f = seg.split("\\|", -1);
                f[7] = dtm;
                seg = String.join("|", f);
            }
            if (seg.startsWith("OBX")) {
                String[] f = seg.split("\\|", -1);
                String loinc = f[3].split("\\^")[0];
                template = seg;
                if (!pending.containsKey(loinc) && !loinc.equals("8462-4")) {
                    continue;
                }
                String v = pending.remove(loinc);
                if (v != null) {
                    f[5] = loinc.equals(ACVPU) ? v + "^" + v : v;
                }
                if (units.containsKey(loinc)) {
                    f[6] = units.get(loinc);
                }
                f[1] = Integer.toString(++set);
                f[14] = dtm;
                seg = String.join("|", f);
            }
            out.add(seg);
        }
        for (Map.Entry<String, String> e : pending.entrySet()) { // rows the generator did not write (oxygen)
            String[] f = template.split("\\|", -1);
            f[1] = Integer.toString(++set);
            f[2] = "NM";
            f[3] = e.getKey() + "^" + e.getKey() + "^LN";
            f[5] = e.getValue();
            f[6] = units.getOrDefault(e.getKey(), e.getKey().equals(O2_FLOW) ? "L/min^liter per minute^UCUM" : "");
            f[7] = "";
            f[8] = "";
            f[14] = dtm;
            out.add(String.join("|", f));
        }
        return String.join("\r", out) + "\r";
    }
}
