package io.phistream.detector.fuzz;

import static io.phistream.detector.fuzz.FuzzKit.pick;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.phistream.detector.DetectingScrubber;
import io.phistream.detector.FreeTextScrubber;
import io.phistream.detector.KnownPhi;
import io.phistream.detector.PhiType;
import io.phistream.detector.text.DetectionContext;
import io.phistream.detector.text.DetectionResult;
import io.phistream.detector.text.PhiSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * The free-text detector on fuzzed clinical-looking text: fragments of note phrasing, synthetic PHI values the
 * message's structure "knows" (as the pipeline hands them over), and arbitrary text between them. Invariant: no
 * exception escapes; spans lie inside the text, in order, without overlap; and after span scrubbing none of the
 * known values is left in the text (case-insensitive, as whole words).
 */
class TextDetectorFuzzTest {

    private static final List<String> PHRASES = List.of("Patient ", "Pt ", "Mr. ", "Mrs. ", "Dr. ", "seen by ",
            "called ", "daughter ", "MRN ", "MRN: ", "SSN ", "phone ", "tel: ", "lives at ", ", ", ". ", "\n", " on ",
            "DOB ", "email ", "  ", "(", ")", "-", "/", "'s ", "RN ", "at ", "in ");
    private static final List<String> KNOWN = List.of(FuzzKit.FAMILY, FuzzKit.GIVEN, FuzzKit.REL_FAMILY,
            FuzzKit.REL_GIVEN, FuzzKit.MRN, FuzzKit.SSN, FuzzKit.PHONE, FuzzKit.REL_PHONE, FuzzKit.EMAIL,
            FuzzKit.STREET, FuzzKit.CITY, FuzzKit.ACCOUNT);
    private static final FreeTextScrubber SCRUBBER = new DetectingScrubber(FuzzKit.TEXT);

    @FuzzTest(maxDuration = "3m")
    void detect(FuzzedDataProvider data) {
        StringBuilder text = new StringBuilder();
        int parts = data.consumeInt(1, 24);
        for (int i = 0; i < parts; i++) {
            switch (data.consumeInt(0, 3)) {
                case 0 -> text.append(pick(data, PHRASES));
                case 1 -> {
                    String v = pick(data, KNOWN);
                    text.append(switch (data.consumeInt(0, 2)) {
                        case 0 -> v.toUpperCase(java.util.Locale.ROOT);
                        case 1 -> v.toLowerCase(java.util.Locale.ROOT);
                        default -> v;
                    });
                }
                default -> text.append(data.consumeString(20));
            }
        }
        String input = text.toString();

        DetectionContext.Builder ctx = DetectionContext.builder().knownName(FuzzKit.FAMILY, FuzzKit.GIVEN)
                .knownName(FuzzKit.REL_FAMILY, FuzzKit.REL_GIVEN);
        KnownPhi known = known();
        known.values().forEach(v -> ctx.knownValue(v.type(), v.value()));
        DetectionResult r = FuzzKit.TEXT.analyse(input, ctx.build()); // must not throw
        int last = 0;
        for (PhiSpan s : r.spans()) {
            if (s.start() < last || s.end() > input.length() || s.start() >= s.end()) {
                throw new AssertionError("span out of order or out of bounds: " + s.start() + ".." + s.end()
                        + " in " + input.length());
            }
            last = s.end();
        }

        String scrubbed = SCRUBBER.scrub(input, known).text();
        List<String> planted = new ArrayList<>();
        for (KnownPhi.Value v : known.values()) {
            if (FuzzKit.containsWord(input.toLowerCase(java.util.Locale.ROOT), v.value().toLowerCase(java.util.Locale.ROOT))) {
                planted.add(v.value());
            }
        }
        String leak = FuzzKit.leaked(scrubbed, planted);
        if (leak != null) {
            throw new AssertionError("known value left in scrubbed text: " + leak);
        }
    }

    private static KnownPhi known() {
        KnownPhi k = new KnownPhi();
        k.add(PhiType.NAME, FuzzKit.FAMILY, true);
        k.add(PhiType.NAME, FuzzKit.GIVEN, true);
        k.add(PhiType.NAME, FuzzKit.REL_FAMILY, true);
        k.add(PhiType.NAME, FuzzKit.REL_GIVEN, true);
        k.add(PhiType.MRN, FuzzKit.MRN, true);
        k.add(PhiType.SSN, FuzzKit.SSN, true);
        k.add(PhiType.PHONE, FuzzKit.PHONE, true);
        k.add(PhiType.PHONE, FuzzKit.REL_PHONE, true);
        k.add(PhiType.EMAIL, FuzzKit.EMAIL, true);
        k.add(PhiType.GEO, FuzzKit.STREET, true);
        k.add(PhiType.GEO, FuzzKit.CITY, true);
        k.add(PhiType.ACCOUNT, FuzzKit.ACCOUNT, true);
        return k;
    }
}
