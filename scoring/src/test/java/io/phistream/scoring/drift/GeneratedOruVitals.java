package io.phistream.scoring.drift;

import io.phistream.scoring.news2.VitalSigns;
import io.phistream.synthetic.GeneratedMessage;
import io.phistream.synthetic.SyntheticHl7;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * NEWS2 inputs read back out of the synthetic HL7 generator's ORU^R01 vitals, the way the topology's extractor
 * reads them: OBX-5 by LOINC code (OBX-3), ACVPU from the CWE code, on oxygen when an O2 flow row shows a flow above
 * zero, SpO2 scale 1 (no HL7 observation carries the scale 2 prescription).
 */
final class GeneratedOruVitals {

    static final String VITALS_PANEL = "85353-1^Vital signs panel";

    private GeneratedOruVitals() {
    }

    /** The vitals of the first {@code n} ORU^R01 vitals messages of the generator's mixed feed (as in the demo). */
    static List<VitalSigns> fromFeed(long seed, int n) {
        SyntheticHl7 gen = new SyntheticHl7(seed);
        List<VitalSigns> out = new ArrayList<>(n);
        while (out.size() < n) {
            GeneratedMessage m = gen.next();
            if (m.text().contains(VITALS_PANEL)) {
                out.add(parse(m.text()));
            }
        }
        return out;
    }

    static VitalSigns parse(String er7) {
        Map<String, String> v = new HashMap<>();
        for (String seg : er7.split("\r")) {
            if (seg.startsWith("OBX|")) {
                String[] f = seg.split("\\|", -1);
                v.put(f[3].split("\\^")[0], f[5].split("\\^")[0]);
            }
        }
        String flow = v.get("3151-8");
        return new VitalSigns(num(v, "9279-1"), num(v, "59408-5"), 1, flow != null && Double.parseDouble(flow) > 0,
                num(v, "8480-6"), num(v, "8867-4"), v.get("67775-7").charAt(0), num(v, "8310-5"));
    }

    private static double num(Map<String, String> v, String loinc) {
        String s = v.get(loinc);
        if (s == null) {
            throw new IllegalStateException("generated vitals lack LOINC " + loinc);
        }
        return Double.parseDouble(s);
    }
}
