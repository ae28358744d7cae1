package io.phistream.topology.quality;

import io.phistream.detector.er7.Delimiters;
import io.phistream.detector.er7.Er7;
import io.phistream.detector.er7.Er7Message;
import io.phistream.detector.er7.Er7Segment;

/**
 * Validates an HL7 v2 message, read by the lean ER7 reader, against {@link Hl7Rules}: one pass over the segments,
 * each rule evaluated on the segments it names. Pure and thread-safe.
 *
 * <p>Not HAPI's validation: HAPI validates against its full message model, whose parse runs at about 2.8k
 * messages/s per core (BRIEF 6), ten times below the broker path this gate sits on; and its rules (datatype
 * primitives, field lengths, conformance profiles) are not the clinical completeness this gate checks (a patient
 * identifier, an event time, codes and units of observations). The lean reader is already proven equal to HAPI
 * on every corpus message, so the few elements the rules name are read from it directly.
 */
public final class Hl7Validator implements MessageValidator<Er7Message> {

    private final Hl7Rules rules;

    public Hl7Validator(Hl7Rules rules) {
        this.rules = rules;
    }

    public Hl7Rules rules() {
        return rules;
    }

    @Override
    public String rulesVersion() {
        return rules.nameAndVersion();
    }

    @Override
    public Verdict validate(Er7Message msg) {
        Delimiters d = msg.delimiters();
        Er7Segment msh = msg.segments().get(0);
        String type = Er7.part(msh.field(9), d.repetition(), 1);
        Hl7Rules.Profile p = rules.profile(Er7.part(type, d.component(), 1).strip(),
                Er7.part(type, d.component(), 2).strip());
        Verdict v = Verdict.PASS;
        SegmentValues values = new SegmentValues(d);
        boolean[] seen = new boolean[p.segments.length];
        for (Er7Segment seg : msg.segments()) {
            int i = p.indexOf(seg.name());
            if (i < 0) {
                continue;
            }
            v = apply(p.each[i], values.of(seg), v);
            if (!seen[i]) {
                seen[i] = true;
                v = apply(p.first[i], values.of(seg), v);
            }
        }
        for (int i = 0; i < seen.length; i++) {
            if (!seen[i]) {
                v = apply(p.first[i], values.of(null), v);
            }
        }
        return v;
    }

    private static Verdict apply(Hl7Rule[] rules, SegmentValues values, Verdict v) {
        for (Hl7Rule r : rules) {
            if (r.violatedBy(values)) {
                v = v.with(r.finding(), r.outcome());
            }
        }
        return v;
    }
}
