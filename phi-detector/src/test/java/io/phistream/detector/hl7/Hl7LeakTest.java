package io.phistream.detector.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.RejectReason;
import io.phistream.detector.er7.Delimiters;
import io.phistream.detector.er7.Er7;
import io.phistream.detector.er7.Er7Exception;
import io.phistream.detector.er7.Er7Message;
import io.phistream.detector.er7.Er7Segment;
import io.phistream.synthetic.GeneratedMessage;
import io.phistream.synthetic.PlantedPhi;
import io.phistream.synthetic.PlantedPhi.Kind;
import io.phistream.synthetic.SyntheticHl7;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Issue 2, Proof: no value of a PHI field of the input appears anywhere in a released output, in any case or
 * spacing. The PHI is found independently of the policy under test: for the corpus by a list of PHI field paths
 * written here, for generated messages by what the generator says it planted. Quarantined messages leak nothing
 * and count as safe, but the release rate must stay above a floor, or quarantining everything would pass.
 */
class Hl7LeakTest {

    private static final TestDeidentifiers T = new TestDeidentifiers();

    /**
     * The corpus release floor. Measured: 123 of 139 released. The 16 quarantined are RESIDUAL_PHI hits the guard
     * rightly makes: in 12 MDM samples the patient is named PROSOLV like the sending application (MSH-3), in one
     * a relative's city (FOWL) and in one a birth date recur in fields the policy keeps, and in two (LAB-ORU-1/2) the
     * results time stands unmoved in OBR-23, a kept field a sender filled with OBR-22's timestamp. A floor a few messages
     * below the measured figure lets the policy tighten a little, but fails a de-identifier that starts
     * quarantining whole classes of messages.
     */
    private static final int CORPUS_RELEASE_FLOOR = 120;

    /**
     * Generated messages plant PHI only where the policy names it, so nearly all must be released. Measured:
     * 9,954 of 10,000; the 46 quarantined name patients whose family name is White, as the kept race text is.
     */
    private static final double GENERATED_RELEASE_FLOOR = 0.99;

    // ----------------------------------------------------------------------------------- independent paths

    /** A PHI field: segment, field, the components to read (empty: the whole repetition) and the kind. */
    private record PhiPath(String segment, int field, int[] components, Kind kind) {
    }

    private static PhiPath path(String segment, int field, Kind kind, int... components) {
        return new PhiPath(segment, field, components, kind);
    }

    private static final int[] NAME_PARTS = {1, 2, 3}; // family (with its sub-components), given, middle
    private static final List<PhiPath> PATHS = new ArrayList<>();

    static {
        for (int f : new int[] {2, 3, 4, 21}) {
            PATHS.add(path("PID", f, Kind.MRN, 1));
        }
        for (int f : new int[] {5, 6, 9}) {
            PATHS.add(path("PID", f, Kind.NAME, NAME_PARTS));
        }
        PATHS.add(path("PID", 7, Kind.BIRTH_DATE, 1));
        address("PID", 11);
        for (int f : new int[] {13, 14, 40}) {
            phone("PID", f);
        }
        PATHS.add(path("PID", 18, Kind.ACCOUNT, 1));
        PATHS.add(path("PID", 19, Kind.SSN));
        PATHS.add(path("PID", 20, Kind.LICENSE, 1));

        PATHS.add(path("NK1", 2, Kind.NAME, NAME_PARTS));
        address("NK1", 4);
        phone("NK1", 5);
        phone("NK1", 6);
        PATHS.add(path("NK1", 12, Kind.MRN, 1));
        PATHS.add(path("NK1", 16, Kind.BIRTH_DATE, 1));
        PATHS.add(path("NK1", 30, Kind.NAME, NAME_PARTS));
        phone("NK1", 31);
        address("NK1", 32);
        PATHS.add(path("NK1", 33, Kind.MRN, 1));
        PATHS.add(path("NK1", 37, Kind.SSN));

        PATHS.add(path("GT1", 2, Kind.ACCOUNT, 1));
        PATHS.add(path("GT1", 3, Kind.NAME, NAME_PARTS));
        PATHS.add(path("GT1", 4, Kind.NAME, NAME_PARTS));
        address("GT1", 5);
        phone("GT1", 6);
        phone("GT1", 7);
        PATHS.add(path("GT1", 8, Kind.BIRTH_DATE, 1));
        PATHS.add(path("GT1", 12, Kind.SSN));

        PATHS.add(path("IN1", 16, Kind.NAME, NAME_PARTS));
        PATHS.add(path("IN1", 18, Kind.BIRTH_DATE, 1));
        address("IN1", 19);
        PATHS.add(path("IN1", 36, Kind.HEALTH_PLAN));
        PATHS.add(path("IN1", 49, Kind.HEALTH_PLAN, 1));

        PATHS.add(path("IN2", 1, Kind.MRN, 1));
        PATHS.add(path("IN2", 2, Kind.SSN));
        PATHS.add(path("IN2", 6, Kind.HEALTH_PLAN));
        PATHS.add(path("IN2", 7, Kind.NAME, NAME_PARTS));
        PATHS.add(path("IN2", 8, Kind.HEALTH_PLAN));

        for (int f = 1; f <= 6; f++) {
            PATHS.add(path("MRG", f, Kind.MRN, 1));
        }
        PATHS.add(path("MRG", 7, Kind.NAME, NAME_PARTS));
        PATHS.add(path("PV1", 19, Kind.VISIT_NUMBER, 1));

        // a contact (CTD) and an allergy's reporter (IAM-14): named by policy 1.4.0, no longer emptied
        PATHS.add(path("CTD", 2, Kind.NAME, NAME_PARTS));
        address("CTD", 3);
        phone("CTD", 5);
        PATHS.add(path("IAM", 14, Kind.NAME, NAME_PARTS));
    }

    private static void address(String segment, int field) {
        PATHS.add(path(segment, field, Kind.STREET, 1));
        PATHS.add(path(segment, field, Kind.CITY, 3));
        PATHS.add(path(segment, field, Kind.ZIP, 5));
    }

    private static void phone(String segment, int field) {
        PATHS.add(path(segment, field, Kind.PHONE, 1)); // the number as written
        PATHS.add(path(segment, field, Kind.EMAIL, 4));
        PATHS.add(path(segment, field, Kind.PHONE, 6, 7)); // area code and local number
        PATHS.add(path(segment, field, Kind.PHONE, 12)); // unformatted number
    }

    /** Every value at the PHI paths of one message, unescaped; each sub-component of a name separately. */
    private static List<PlantedPhi> phiOf(Er7Message msg) {
        Delimiters d = msg.delimiters();
        List<PlantedPhi> values = new ArrayList<>();
        for (Er7Segment seg : msg.segments()) {
            for (PhiPath p : PATHS) {
                if (!p.segment().equals(seg.name())) {
                    continue;
                }
                for (String rep : Er7.split(seg.field(p.field()), d.repetition())) {
                    if (p.components().length == 0) {
                        values.add(new PlantedPhi(p.kind(), Er7.unescape(rep, d)));
                        continue;
                    }
                    StringBuilder joined = new StringBuilder();
                    for (int c : p.components()) {
                        for (String sub : Er7.split(Er7.part(rep, d.component(), c), d.subcomponent())) {
                            String v = Er7.unescape(sub, d);
                            if (p.kind() == Kind.NAME) {
                                values.add(new PlantedPhi(Kind.NAME, v));
                            } else {
                                joined.append(joined.length() > 0 ? " " : "").append(v);
                            }
                        }
                    }
                    if (p.kind() != Kind.NAME) {
                        values.add(new PlantedPhi(p.kind(), joined.toString()));
                    }
                }
            }
        }
        values.removeIf(v -> v.value().isBlank());
        return values;
    }

    /** Fresh keys of their own, for telling a copied date from another date shifted onto the same day. */
    private static TestDeidentifiers other;

    /**
     * A date is shifted by a key: another date of the message may land on this one's value (the corpus has 20010415
     * and a birth date of 20010412, three days apart). A value copied through is there under any key; a coincidence of
     * one key almost never repeats under another (1 in 365).
     */
    private static boolean shifted(PlantedPhi v) {
        return v.kind() == Kind.BIRTH_DATE || v.kind() == Kind.DATE;
    }

    private static String underOtherKeys(String input) {
        if (other == null) {
            other = new TestDeidentifiers();
        }
        Hl7Outcome outcome = other.deidentifier.deidentify(input);
        return outcome instanceof Hl7Outcome.Deidentified d
                ? other.maskProvenTokens(d.text()).toLowerCase(Locale.ROOT) : "";
    }

    // ----------------------------------------------------------------------------------------------- tests

    @Test
    void givenEveryCorpusMessage_whenReleased_thenNoValueOfItsPhiFieldsAppearsInTheOutput() throws IOException {
        Assumptions.assumeTrue(TestDeidentifiers.corpusPresent(), "../shared HL7 corpus absent: skipped");
        List<Path> files;
        try (Stream<Path> s = Files.list(TestDeidentifiers.HL7_CORPUS)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        int released = 0;
        int checked = 0;
        Map<String, RejectReason> quarantined = new TreeMap<>();
        List<String> leaks = new ArrayList<>();
        for (Path f : files) {
            String input = Files.readString(f, StandardCharsets.UTF_8);
            List<PlantedPhi> phi;
            try {
                phi = phiOf(Er7Message.parse(input));
            } catch (Er7Exception e) {
                throw new AssertionError(f.getFileName() + " is not readable: " + e.problem());
            }
            Hl7Outcome outcome = T.deidentifier.deidentify(input);
            if (outcome instanceof Hl7Outcome.Rejected r) {
                quarantined.put(f.getFileName().toString(), r.reason());
                continue;
            }
            released++;
            String output = T.maskProvenTokens(((Hl7Outcome.Deidentified) outcome).text()).toLowerCase(Locale.ROOT);
            for (PlantedPhi v : phi) {
                checked++;
                if (leaks(v, output) && !(shifted(v) && !leaks(v, underOtherKeys(input)))) {
                    leaks.add(f.getFileName() + ": " + v);
                }
            }
        }
        System.out.printf("Hl7LeakTest corpus: %d of %d released, %d PHI values checked; quarantined: %s%n",
                released, files.size(), checked, quarantined);
        assertThat(leaks).isEmpty();
        assertThat(quarantined.values()).as("quarantine reasons").containsOnly(RejectReason.RESIDUAL_PHI);
        assertThat(released).as("release rate").isGreaterThanOrEqualTo(CORPUS_RELEASE_FLOOR);
        assertThat(checked).isGreaterThan(2_000);
    }

    @Test
    void givenTenThousandGeneratedMessages_whenReleased_thenNoPlantedValueAppearsInTheOutput() {
        SyntheticHl7 generator = new SyntheticHl7(2_026_0601L);
        int total = 10_000;
        int released = 0;
        int checked = 0;
        Map<Kind, Integer> checkedByKind = new EnumMap<>(Kind.class);
        Map<RejectReason, Integer> quarantined = new EnumMap<>(RejectReason.class);
        List<String> leaks = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            GeneratedMessage m = generator.next();
            Hl7Outcome outcome = T.deidentifier.deidentify(m.text());
            if (outcome instanceof Hl7Outcome.Rejected r) {
                quarantined.merge(r.reason(), 1, Integer::sum);
                continue;
            }
            released++;
            String output = T.maskProvenTokens(((Hl7Outcome.Deidentified) outcome).text()).toLowerCase(Locale.ROOT);
            assertThat(m.phiValues()).isNotEmpty();
            for (PlantedPhi v : m.planted()) {
                checked++;
                checkedByKind.merge(v.kind(), 1, Integer::sum);
                if (leaks(v, output)) {
                    leaks.add(m + ": " + v);
                }
            }
        }
        System.out.printf("Hl7LeakTest generated: %d of %d released, %d planted values checked %s; quarantined: %s%n",
                released, total, checked, checkedByKind, quarantined);
        assertThat(leaks).isEmpty();
        assertThat(released).isGreaterThanOrEqualTo((int) (total * GENERATED_RELEASE_FLOOR));
        // the free text of notes and documents carries names, dates and ages: they were checked too
        assertThat(checkedByKind).containsKeys(Kind.NAME, Kind.MRN, Kind.SSN, Kind.PHONE, Kind.STREET, Kind.CITY,
                Kind.BIRTH_DATE, Kind.DATE);
    }

    // --------------------------------------------------------------------------------------------- matching


    /** Whether a PHI value is found in the token-masked, lower-cased output, by the rules of its kind. */
    static boolean leaks(PlantedPhi phi, String haystack) {
        String value = phi.value().toLowerCase(Locale.ROOT).strip();
        return switch (phi.kind()) {
            case NAME -> {
                // names of three letters or more, word by word: shorter ones are initials and codes
                for (String word : value.split("[^\\p{L}]+")) {
                    if (word.length() >= 3 && found(haystack, List.of(word))) {
                        yield true;
                    }
                }
                yield false;
            }
            case MRN, SSN, ACCOUNT, HEALTH_PLAN, LICENSE, VISIT_NUMBER -> {
                // identifiers character by character, so that any spacing or punctuation in between still matches
                List<String> chars = alphanumericChars(value);
                yield chars.size() >= 5 && found(haystack, chars);
            }
            case PHONE -> {
                List<String> digits = alphanumericChars(value.replaceAll("[^0-9]", ""));
                yield digits.size() >= 7 && found(haystack, digits);
            }
            case STREET, CITY -> {
                List<String> words = List.of(value.split("[^\\p{L}\\p{N}]+")).stream().filter(w -> !w.isEmpty())
                        .toList();
                yield !words.isEmpty() && String.join("", words).length() >= 3 && found(haystack, words);
            }
            // an XTN-4 without @ is no e-mail address but some other identifier (the corpus has "5555")
            case EMAIL -> value.indexOf('@') > 0 ? found(haystack, List.of(value))
                    : leaks(new PlantedPhi(Kind.MRN, value), haystack);
            // as written: a ZIP, a date or an age in the words of a note
            case ZIP, BIRTH_DATE, DATE, AGE -> value.length() >= 3 && found(haystack, List.of(value));
        };
    }

    private static List<String> alphanumericChars(String value) {
        List<String> chars = new ArrayList<>();
        for (int i = 0; i < value.length(); i++) {
            if (Character.isLetterOrDigit(value.charAt(i))) {
                chars.add(String.valueOf(value.charAt(i)));
            }
        }
        return chars;
    }

    /** Spacing and punctuation that may stand between the parts of a value ("any spacing"). */
    private static boolean gap(char c) {
        return Character.isWhitespace(c) || "-.,/()#+_'".indexOf(c) >= 0;
    }

    /**
     * Whether the parts occur in order, separated only by gaps (possibly none), and not inside a longer word or
     * number.
     */
    private static boolean found(String haystack, List<String> parts) {
        String first = parts.get(0);
        int from = 0;
        int at;
        while ((at = haystack.indexOf(first, from)) >= 0) {
            from = at + 1;
            if (at > 0 && Character.isLetterOrDigit(haystack.charAt(at - 1))
                    && Character.isLetterOrDigit(first.charAt(0))) {
                continue;
            }
            int pos = at + first.length();
            boolean all = true;
            for (int k = 1; k < parts.size() && all; k++) {
                while (pos < haystack.length() && gap(haystack.charAt(pos))) {
                    pos++;
                }
                if (haystack.startsWith(parts.get(k), pos)) {
                    pos += parts.get(k).length();
                } else {
                    all = false;
                }
            }
            String last = parts.get(parts.size() - 1);
            if (all && (pos == haystack.length() || !Character.isLetterOrDigit(haystack.charAt(pos))
                    || !Character.isLetterOrDigit(last.charAt(last.length() - 1)))) {
                return true;
            }
        }
        return false;
    }
}
