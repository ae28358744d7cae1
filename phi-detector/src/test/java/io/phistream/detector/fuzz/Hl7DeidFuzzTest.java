package io.phistream.detector.fuzz;

import static io.phistream.detector.fuzz.FuzzKit.pick;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.phistream.detector.er7.Delimiters;
import io.phistream.detector.er7.Er7;
import io.phistream.detector.er7.Er7Exception;
import io.phistream.detector.er7.Er7Message;
import io.phistream.detector.hl7.Hl7Outcome;
import java.util.ArrayList;
import java.util.List;

/**
 * HL7 v2 de-identification on fuzzed message structure with synthetic PHI planted where HL7 puts a patient's and a
 * relative's identity (PID-3, 5, 7, 11, 13, 18, 19, 20; NK1-2, 5), and copies of those values wherever the fuzzer
 * likes (notes, observation text, kept fields, Z-segments). Delimiters, version, message type, segment order,
 * field counts, repetitions, escapes and the text around the values are fuzzed. Invariant: no exception escapes;
 * a released message parses again and holds none of the planted values (a copy the policy cannot treat must be
 * caught by the residual guard and quarantined instead).
 */
class Hl7DeidFuzzTest {

    private static final List<Delimiters> DELIMITERS = List.of(Delimiters.DEFAULT,
            new Delimiters('|', '^', '~', '\\', '&', '#'), new Delimiters('#', '!', '$', '%', '*', '\0'),
            new Delimiters('|', '^', '~', '\\', '\0', '\0'));
    private static final List<String> VERSIONS = List.of("2.3", "2.3.1", "2.4", "2.5", "2.5.1", "2.6", "2.7", "2.8",
            "2.2", "");
    private static final List<String> TYPES = List.of("ADT^A01", "ADT^A08", "ADT^A03", "ORU^R01", "MDM^T02",
            "SIU^S12", "ADT", "");
    private static final List<String> SEGMENTS = List.of("PID", "NK1", "PV1", "OBX", "NTE", "GT1", "IN1", "EVN", "OBR",
            "DG1", "ZPI", "TXA", "PD1", "MRG", "AL1", "X1Y");
    /** Values to copy anywhere: the fuzzer picks which, and how they are cased and surrounded. */
    private static final List<String> COPIES = List.of(FuzzKit.FAMILY, FuzzKit.GIVEN, FuzzKit.REL_FAMILY,
            FuzzKit.REL_GIVEN, FuzzKit.MRN, FuzzKit.SSN, FuzzKit.PHONE, FuzzKit.STREET, FuzzKit.CITY, FuzzKit.EMAIL,
            FuzzKit.ACCOUNT, FuzzKit.LICENSE);

    private static final java.util.Set<String> NOT_PHI = java.util.Set.of("", "MR", "HOSP", "1.2.3", "ISO", "MA",
            "PRN", "PH");

    @FuzzTest(maxDuration = "3m")
    void deidentify(FuzzedDataProvider data) {
        Delimiters d = pick(data, DELIMITERS);
        List<String> planted = new ArrayList<>();
        StringBuilder msg = new StringBuilder("MSH").append(d.field()).append(d.encodingCharacters());
        String[] msh = {"LAB", "HOSP", "EHR", "HOSP", "20250301120000", "", pick(data, TYPES).replace('^', d.component()),
                "CTRL" + data.consumeInt(0, 99_999), "P", pick(data, VERSIONS)};
        for (String f : msh) {
            msg.append(d.field()).append(data.consumeBoolean() ? f : value(data, d, planted, false));
        }
        int segments = data.consumeInt(0, 10);
        boolean pid = data.consumeBoolean();
        for (int s = 0; s < segments || pid; s++) {
            String name = pid ? "PID" : pick(data, SEGMENTS);
            pid = false;
            msg.append(data.consumeBoolean() ? "\r" : data.consumeBoolean() ? "\n" : "\r\n").append(name);
            int fields = data.consumeInt(0, 25);
            for (int f = 1; f <= fields; f++) {
                msg.append(d.field()).append(field(data, d, name, f, planted));
            }
        }
        String input = msg.toString();

        Hl7Outcome outcome = FuzzKit.HL7.deidentify(input); // must not throw
        if (outcome instanceof Hl7Outcome.Deidentified released) {
            try {
                Er7Message.parse(released.text());
            } catch (Er7Exception e) {
                throw new AssertionError("released output does not parse: " + e.problem());
            }
            String leak = FuzzKit.leaked(released.text(), planted);
            if (leak != null) {
                throw new AssertionError("planted value survived in a released message: " + leak);
            }
        }
    }

    /** A field: at a PHI position sometimes the planted value there, else fuzzed content. */
    private static String field(FuzzedDataProvider data, Delimiters d, String segment, int n, List<String> planted) {
        String phi = phiAt(segment, n, d);
        if (phi != null && data.consumeBoolean()) {
            planted.addAll(List.of(phi.split("[" + java.util.regex.Pattern.quote("" + d.component() + d.subcomponent()
                    + d.repetition()) + "]")));
            planted.removeIf(NOT_PHI::contains); // codes, the assigning authority and the state are not identity
            return phi;
        }
        int reps = data.consumeInt(1, 3);
        StringBuilder f = new StringBuilder();
        for (int r = 0; r < reps; r++) {
            if (r > 0) {
                f.append(d.repetition());
            }
            int comps = data.consumeInt(1, 4);
            for (int c = 0; c < comps; c++) {
                if (c > 0) {
                    f.append(d.component());
                }
                f.append(value(data, d, planted, true));
            }
        }
        return f.toString();
    }

    /** One leaf: fuzzed text (escaped), now and then around a copy of a planted value. */
    private static String value(FuzzedDataProvider data, Delimiters d, List<String> planted, boolean copies) {
        String before = data.consumeString(12);
        String copy = "";
        if (copies && data.consumeInt(0, 3) == 0) {
            copy = pick(data, COPIES);
            copy = switch (data.consumeInt(0, 2)) {
                case 0 -> copy.toUpperCase(java.util.Locale.ROOT);
                case 1 -> copy.toLowerCase(java.util.Locale.ROOT);
                default -> copy;
            };
        }
        String after = data.consumeString(12);
        return Er7.escape(before + (copy.isEmpty() ? "" : " " + copy + " ") + after, d);
    }

    /** The planted value at an HL7 position that holds the patient's or a relative's identity, or null. */
    private static String phiAt(String segment, int n, Delimiters d) {
        char c = d.component();
        char s = d.subcomponent() == '\0' ? c : d.subcomponent();
        return switch (segment + "-" + n) {
            case "PID-3" -> FuzzKit.MRN + c + c + c + "HOSP" + s + "1.2.3" + s + "ISO" + c + "MR";
            case "PID-5" -> FuzzKit.FAMILY + c + FuzzKit.GIVEN;
            case "PID-7" -> "19800229";
            case "PID-11" -> FuzzKit.STREET + c + c + FuzzKit.CITY + c + "MA" + c + "01945";
            case "PID-13" -> FuzzKit.PHONE + c + "PRN" + c + "PH" + c + FuzzKit.EMAIL;
            case "PID-18" -> FuzzKit.ACCOUNT;
            case "PID-19" -> FuzzKit.SSN;
            case "PID-20" -> FuzzKit.LICENSE + c + "MA";
            case "NK1-2" -> FuzzKit.REL_FAMILY + c + FuzzKit.REL_GIVEN;
            case "NK1-5" -> FuzzKit.REL_PHONE;
            default -> null;
        };
    }
}
