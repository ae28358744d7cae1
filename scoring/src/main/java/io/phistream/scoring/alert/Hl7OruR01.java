package io.phistream.scoring.alert;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Renders an alert as an HL7 v2.5.1 ORU^R01 (segments separated by CR). Written by hand because the message is
 * small and fixed; HAPI HL7v2 stays out of this module (the topology's tests parse the output with HAPI).
 *
 * <p>PID carries only the patient TOKEN in PID-3 (assigning authority PHI-STREAM, identifier type TOKEN): no name,
 * birth date or address. OBX-1 is the score, OBX-2 the band, OBX-3 the alert kind.
 */
public final class Hl7OruR01 {

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ").withZone(ZoneOffset.UTC);

    private Hl7OruR01() {
    }

    public static String toEr7(AlertDecision d) {
        String ts = TS.format(Instant.ofEpochMilli(d.atMs()));
        String model = escape(d.model());
        String kind = d.kind().name().toLowerCase(Locale.ROOT);
        StringBuilder m = new StringBuilder(512);
        m.append("MSH|^~\\&|PHI-STREAM|SCORING|").append(escape(d.route())).append("|PHI-STREAM|").append(ts)
                .append("||ORU^R01^ORU_R01|").append(d.alertId()).append("|P|2.5.1\r");
        m.append("PID|1||").append(escape(d.patientToken())).append("^^^PHI-STREAM^TOKEN\r");
        String[] obr = new String[26];
        java.util.Arrays.fill(obr, "");
        obr[0] = "OBR";
        obr[1] = "1";
        obr[3] = d.alertId() + "^PHI-STREAM";                       // filler order number
        obr[4] = model + "^" + model + " risk assessment^L";        // universal service id
        obr[7] = ts;                                                // observation date/time
        obr[25] = "F";                                              // result status
        m.append(String.join("|", obr)).append('\r');
        m.append("OBX|1|NM|").append(model).append("^").append(model).append(" score^L||")
                .append(FhirRiskAssessment.formatScore(d)).append("||||||F|||").append(ts).append("\r");
        m.append("OBX|2|ST|band^risk band^L||").append(d.band().label()).append("||||||F|||").append(ts).append("\r");
        m.append("OBX|3|ST|alert^alert kind^L||").append(kind)
                .append(d.previousBand() == null ? "" : " from " + d.previousBand().label())
                .append("||||||F|||").append(ts).append("\r");
        return m.toString();
    }

    /** HL7 v2 escaping of the delimiters (| ^ ~ \ &) and of CR/LF. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '|' -> b.append("\\F\\");
                case '^' -> b.append("\\S\\");
                case '~' -> b.append("\\R\\");
                case '\\' -> b.append("\\E\\");
                case '&' -> b.append("\\T\\");
                case '\r' -> b.append("\\X0D\\");
                case '\n' -> b.append("\\X0A\\");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
