package io.phistream.scoring.news2;

import io.phistream.scoring.Band;

/**
 * Plain-Java NEWS2 (Royal College of Physicians, 2017), written straight from the chart and kept independent
 * of the ONNX graph builder on purpose: it is the oracle the generated model is tested against.
 *
 * <p>The chart lists whole numbers (one decimal for temperature). For values between two chart rows (e.g.
 * 8.5 breaths/min or 35.05 C) each row is read as "up to and including its upper bound", so 8.5 scores like 9.
 */
public final class News2Reference {

    private News2Reference() {
    }

    public static News2Result score(VitalSigns v) {
        int[] p = {
            respiration(v.rr()),
            v.spo2Scale() == 2 ? spo2Scale2(v.spo2(), v.onOxygen()) : spo2Scale1(v.spo2()),
            v.onOxygen() ? 2 : 0,
            systolic(v.sbp()),
            pulse(v.hr()),
            v.acvpu() == 'A' ? 0 : 3,
            temperature(v.temp())
        };
        int total = 0;
        boolean anyThree = false;
        for (int x : p) {
            total += x;
            anyThree |= x == 3;
        }
        Band band;
        if (total >= 7) {
            band = Band.HIGH;
        } else if (total >= 5) {
            band = Band.MEDIUM;
        } else if (anyThree) {
            band = Band.LOW_MEDIUM;
        } else {
            band = Band.LOW;
        }
        return new News2Result(total, band, p);
    }

    /** Respiration rate /min: <=8 3 | 9-11 1 | 12-20 0 | 21-24 2 | >=25 3. */
    static int respiration(double rr) {
        if (rr <= 8) {
            return 3;
        }
        if (rr <= 11) {
            return 1;
        }
        if (rr <= 20) {
            return 0;
        }
        if (rr <= 24) {
            return 2;
        }
        return 3;
    }

    /** SpO2 scale 1 %: <=91 3 | 92-93 2 | 94-95 1 | >=96 0. */
    static int spo2Scale1(double s) {
        if (s <= 91) {
            return 3;
        }
        if (s <= 93) {
            return 2;
        }
        if (s <= 95) {
            return 1;
        }
        return 0;
    }

    /**
     * SpO2 scale 2 % (target 88-92): <=83 3 | 84-85 2 | 86-87 1 | 88-92, or >=93 on air, 0 |
     * 93-94 on O2 1 | 95-96 on O2 2 | >=97 on O2 3.
     */
    static int spo2Scale2(double s, boolean onOxygen) {
        if (s <= 83) {
            return 3;
        }
        if (s <= 85) {
            return 2;
        }
        if (s <= 87) {
            return 1;
        }
        if (s <= 92 || !onOxygen) {
            return 0;
        }
        if (s <= 94) {
            return 1;
        }
        if (s <= 96) {
            return 2;
        }
        return 3;
    }

    /** Systolic BP mmHg: <=90 3 | 91-100 2 | 101-110 1 | 111-219 0 | >=220 3. */
    static int systolic(double sbp) {
        if (sbp <= 90) {
            return 3;
        }
        if (sbp <= 100) {
            return 2;
        }
        if (sbp <= 110) {
            return 1;
        }
        if (sbp <= 219) {
            return 0;
        }
        return 3;
    }

    /** Pulse /min: <=40 3 | 41-50 1 | 51-90 0 | 91-110 1 | 111-130 2 | >=131 3. */
    static int pulse(double hr) {
        if (hr <= 40) {
            return 3;
        }
        if (hr <= 50) {
            return 1;
        }
        if (hr <= 90) {
            return 0;
        }
        if (hr <= 110) {
            return 1;
        }
        if (hr <= 130) {
            return 2;
        }
        return 3;
    }

    /** Temperature C: <=35.0 3 | 35.1-36.0 1 | 36.1-38.0 0 | 38.1-39.0 1 | >=39.1 2. */
    static int temperature(double t) {
        if (t <= 35.0) {
            return 3;
        }
        if (t <= 36.0) {
            return 1;
        }
        if (t <= 38.0) {
            return 0;
        }
        if (t <= 39.0) {
            return 1;
        }
        return 2;
    }
}
