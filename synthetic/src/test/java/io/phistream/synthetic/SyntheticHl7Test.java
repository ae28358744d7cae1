package io.phistream.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.phistream.synthetic.SyntheticPatient.Relative;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntheticHl7Test {

    private static final Pattern PHONE = Pattern.compile("\\([2-9]\\d\\d\\) 555-01\\d\\d");
    private static final Pattern SSN = Pattern.compile("(?!000|666|9)\\d{3}-(?!00)\\d{2}-(?!0000)\\d{4}");
    private static final Set<String> TABLE_0063 = Set.of("SPO", "DOM", "MTH", "FTH", "DAU", "SON", "BRO", "SIS",
            "FND", "GRD");

    private static List<GeneratedMessage> feed(long seed, int n) {
        SyntheticHl7 g = new SyntheticHl7(seed);
        List<GeneratedMessage> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(g.next());
        }
        return out;
    }

    /** One message of each kind for each of {@code n} fresh patients, through the direct API. */
    private static List<GeneratedMessage> direct(long seed, int n) {
        SyntheticHl7 g = new SyntheticHl7(seed);
        List<GeneratedMessage> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            SyntheticPatient p = g.patient();
            out.add(g.adtA01(p));
            out.add(g.oruR01Vitals(p));
            out.add(g.oruR01Labs(p));
            out.add(g.adtA08(p));
            out.add(g.mdmT02(p));
            out.add(g.adtA03(p));
        }
        return out;
    }

    private static List<String[]> segments(GeneratedMessage m) {
        return Pattern.compile("\r").splitAsStream(m.text()).map(s -> s.split("\\|", -1)).toList();
    }

    private static List<String[]> named(List<String[]> segs, String id) {
        return segs.stream().filter(s -> s[0].equals(id)).toList();
    }

    private static String field(String[] seg, int n) {
        // MSH-1 is the field separator itself, so MSH-n sits at index n-1
        int i = seg[0].equals("MSH") ? n - 1 : n;
        return i < seg.length ? seg[i] : "";
    }

    private static String digits(String s) {
        return s.replaceAll("\\D", "");
    }

    private static int age(SyntheticPatient p, GeneratedMessage m) {
        LocalDate birth = LocalDate.parse(p.birthDate(), DateTimeFormatter.BASIC_ISO_DATE);
        LocalDate at = LocalDate.parse(field(segments(m).get(0), 7).substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE);
        return birth.until(at).getYears();
    }

    @Test
    void givenTheSameSeed_whenGeneratingTwice_thenTheOutputIsIdentical() {
        List<GeneratedMessage> a = feed(42, 1500);
        List<GeneratedMessage> b = feed(42, 1500);
        assertThat(a).extracting(GeneratedMessage::text).containsExactlyElementsOf(
                b.stream().map(GeneratedMessage::text).toList());
        assertThat(a).extracting(GeneratedMessage::phiValues).containsExactlyElementsOf(
                b.stream().map(GeneratedMessage::phiValues).toList());
        assertThat(direct(7, 50)).extracting(GeneratedMessage::text).containsExactlyElementsOf(
                direct(7, 50).stream().map(GeneratedMessage::text).toList());
    }

    @Test
    void givenDifferentSeeds_whenGenerating_thenMessagesAndPatientsDiffer() {
        List<GeneratedMessage> a = feed(1, 200);
        List<GeneratedMessage> b = feed(2, 200);
        Set<String> textsA = a.stream().map(GeneratedMessage::text).collect(Collectors.toSet());
        assertThat(b).noneMatch(m -> textsA.contains(m.text()));
        assertThat(new SyntheticHl7(1).patient()).isNotEqualTo(new SyntheticHl7(2).patient());
    }

    @Test
    void givenAFeed_thenControlIdsAreUniqueAndMatchMsh10() {
        List<GeneratedMessage> all = feed(3, 3000);
        assertThat(all.stream().map(GeneratedMessage::controlId).distinct().count()).isEqualTo(all.size());
        for (GeneratedMessage m : all) {
            String[] msh = segments(m).get(0);
            assertThat(field(msh, 10)).isEqualTo(m.controlId());
            assertThat(field(msh, 9)).startsWith(m.messageType() + "^");
        }
    }

    @Test
    void givenAnyMessage_thenItHasTheSegmentStructureOfItsType() {
        List<GeneratedMessage> all = new ArrayList<>(feed(11, 2000));
        all.addAll(direct(12, 100));
        Map<String, Integer> seen = new HashMap<>();
        for (GeneratedMessage m : all) {
            SyntheticPatient p = m.patient();
            List<String[]> segs = segments(m);
            List<String> ids = segs.stream().map(s -> s[0]).toList();
            String[] msh = segs.get(0);
            assertThat(msh[0]).isEqualTo("MSH");
            assertThat(field(msh, 2)).isEqualTo("^~\\&");
            assertThat(field(msh, 7)).matches("\\d{14}-0500");
            assertThat(field(msh, 12)).isEqualTo("2.5.1");

            String[] pid = named(segs, "PID").get(0);
            assertThat(field(pid, 3)).matches(Pattern.quote(p.mrn() + "^^^" + p.assigningAuthority() + "&")
                    + "[0-9.]+&ISO\\^MR~" + Pattern.quote(p.ssnDigits() + "^^^SSA&2.16.840.1.113883.4.1&ISO^SS"));
            assertThat(field(pid, 5)).startsWith(p.family() + "^" + p.given());
            assertThat(field(pid, 7)).isEqualTo(p.birthDate());
            assertThat(field(pid, 8)).isEqualTo(p.sex());
            assertThat(field(pid, 11)).startsWith(p.street() + "^^" + p.city() + "^" + p.state() + "^" + p.zip());
            assertThat(field(pid, 13)).startsWith(p.phoneHome() + "^PRN^PH");
            if (!p.email().isEmpty()) {
                assertThat(field(pid, 13)).endsWith("~^NET^Internet^" + p.email());
            }
            if (!p.phoneWork().isEmpty()) {
                assertThat(field(pid, 14)).startsWith(p.phoneWork() + "^WPN^PH");
            }
            assertThat(field(pid, 18)).startsWith(p.accountNumber() + "^");
            assertThat(field(pid, 19)).isEqualTo(p.ssn());
            if (!p.driversLicense().isEmpty()) {
                assertThat(field(pid, 20)).isEqualTo(p.driversLicense() + "^" + p.state());
            }

            String[] pv1 = named(segs, "PV1").get(0);
            assertThat(field(pv1, 7)).matches("\\d{10}\\^[^^]+\\^[^^]+\\^.*");
            assertThat(field(pv1, 19)).matches("V\\d{9}\\^.*");
            assertThat(field(pv1, 44)).matches("\\d{12}");

            String trigger = field(msh, 9).split("\\^")[1];
            seen.merge(trigger + (field(msh, 3).equals("LABSYS") ? "-labs" : ""), 1, Integer::sum);
            switch (trigger) {
                case "A01", "A08" -> {
                    assertThat(ids).startsWith("MSH", "EVN", "PID").contains("PV1", "IN1");
                    assertThat(ids.indexOf("PV1")).isLessThan(ids.indexOf("IN1"));
                    List<String[]> nk1 = named(segs, "NK1");
                    assertThat(nk1).hasSize(p.relatives().size());
                    for (int i = 0; i < nk1.size(); i++) {
                        Relative r = p.relatives().get(i);
                        assertThat(field(nk1.get(i), 2)).isEqualTo(r.family() + "^" + r.given());
                        assertThat(field(nk1.get(i), 3)).startsWith(r.relationship() + "^");
                        assertThat(field(nk1.get(i), 5)).startsWith(r.phone() + "^PRN^PH");
                    }
                    assertThat(ids.lastIndexOf("NK1")).isLessThan(ids.indexOf("PV1"));
                    String[] in1 = named(segs, "IN1").get(0);
                    assertThat(field(in1, 16)).isNotEmpty();
                    assertThat(field(in1, 8)).startsWith("GRP");
                    assertThat(field(in1, 36)).isEqualTo(p.healthPlanId());
                }
                case "A03" -> {
                    assertThat(ids).containsExactly("MSH", "EVN", "PID", "PV1", "DG1");
                    assertThat(field(pv1, 45)).matches("\\d{12}").isGreaterThan(field(pv1, 44));
                }
                case "R01" -> {
                    assertThat(ids).startsWith("MSH", "PID", "PV1", "ORC", "OBR");
                    assertThat(ids).contains("OBX");
                    if (field(msh, 3).equals("LABSYS")) {
                        String nte = field(named(segs, "NTE").get(0), 3);
                        assertThat(nte).contains(p.given() + " " + p.family());
                        assertThat(p.relatives()).anyMatch(r -> nte.contains(r.given() + " " + r.family())
                                && digits(nte).contains(digits(r.phone())));
                    } else {
                        Set<String> codes = named(segs, "OBX").stream().map(o -> field(o, 3).split("\\^")[0])
                                .collect(Collectors.toSet());
                        assertThat(codes).contains("8867-4", "9279-1", "59408-5", "8480-6", "8310-5", "67775-7");
                        assertThat(named(segs, "OBX")).allMatch(o -> field(o, 2).equals(
                                field(o, 3).startsWith("67775-7") ? "CWE" : "NM"));
                    }
                }
                case "T02" -> {
                    assertThat(ids).startsWith("MSH", "EVN", "PID", "PV1", "TXA", "OBX");
                    String note = named(segs, "OBX").stream().map(o -> field(o, 5))
                            .collect(Collectors.joining("\n"));
                    assertThat(named(segs, "OBX")).allMatch(o -> field(o, 2).equals("TX"));
                    assertThat(note).containsIgnoringCase(p.family() + ", " + p.given())
                            .contains(p.mrn(), p.street(), "Dr. ");
                    assertThat(note).matches("(?s).*\\d{1,2}/\\d{1,2}[^/].*")
                            .matches("(?s).*(January|February|March|April|May|June|July|August|September|"
                                    + "October|November|December) \\d{1,2}(st|nd|rd|th).*");
                    assertThat(p.relatives()).anyMatch(r -> note.contains(r.given() + " " + r.family())
                            && digits(note).contains(digits(r.phone())));
                    assertThat(note.split("[\n~]").length).isGreaterThanOrEqualTo(8);
                }
                default -> throw new AssertionError("unexpected trigger " + trigger);
            }
        }
        assertThat(seen.keySet()).containsExactlyInAnyOrder("A01", "A03", "A08", "R01", "R01-labs", "T02");
    }

    @Test
    void givenAnyMessage_thenPhiValuesAreNonEmptyAndEachOccursInTheText() {
        List<GeneratedMessage> all = new ArrayList<>(feed(5, 3000));
        all.addAll(direct(6, 100));
        for (GeneratedMessage m : all) {
            assertThat(m.phiValues()).isNotEmpty().doesNotHaveDuplicates();
            assertThat(m.phiValues()).allSatisfy(v -> assertThat(m.text()).contains(v));
            assertThat(m.planted()).extracting(PlantedPhi::value).containsExactlyElementsOf(m.phiValues());
        }
    }

    @Test
    void givenAnAdmission_thenPhiValuesListEveryIdentifierOfThePatientAndRelatives() {
        SyntheticHl7 g = new SyntheticHl7(9);
        for (int i = 0; i < 300; i++) {
            SyntheticPatient p = g.patient();
            GeneratedMessage m = g.adtA01(p);
            assertThat(m.phiValues()).contains(p.mrn(), p.ssn(), p.ssnDigits(), p.family(), p.given(),
                    p.birthDate(), p.street(), p.city(), p.zip(), p.phoneHome(), p.accountNumber(),
                    p.healthPlanId());
            for (String optional : List.of(p.middle(), p.phoneWork(), p.email(), p.driversLicense())) {
                if (!optional.isEmpty()) {
                    assertThat(m.phiValues()).contains(optional);
                }
            }
            for (Relative r : p.relatives()) {
                assertThat(m.phiValues()).contains(r.family(), r.given(), r.phone());
            }
            // clinicians' names in PV1-7 are PHI too
            String[] attending = field(named(segments(m), "PV1").get(0), 7).split("\\^");
            assertThat(m.phiValues()).contains(attending[1], attending[2]);
        }
    }

    @Test
    void givenPlantedPhi_thenEachKindHasTheShapeOfItsKind() {
        Map<PlantedPhi.Kind, Pattern> shapes = Map.of(
                PlantedPhi.Kind.MRN, Pattern.compile("[A-Z]{2}\\d{7}"),
                PlantedPhi.Kind.SSN, Pattern.compile("\\d{3}-?\\d{2}-?\\d{4}"),
                PlantedPhi.Kind.PHONE, Pattern.compile("(\\(\\d{3}\\) |\\d{3}[-.])?555[-.]?01\\d\\d"),
                PlantedPhi.Kind.ZIP, Pattern.compile("\\d{5}"),
                PlantedPhi.Kind.BIRTH_DATE, Pattern.compile("\\d{8}|\\d\\d/\\d\\d/\\d{4}"),
                PlantedPhi.Kind.EMAIL, Pattern.compile("[a-z.]+\\d+@[a-z.]*example\\.(com|org|net)"),
                PlantedPhi.Kind.AGE, Pattern.compile("(9\\d|1[01]\\d)-year-old"),
                PlantedPhi.Kind.NAME, Pattern.compile("[A-Za-z][A-Za-z' -]{2,}"));
        for (GeneratedMessage m : feed(21, 3000)) {
            for (PlantedPhi phi : m.planted()) {
                Pattern shape = shapes.get(phi.kind());
                if (shape != null) {
                    assertThat(phi.value()).as(phi.kind().name()).matches(shape);
                }
            }
        }
    }

    @Test
    void givenManyPatients_thenTheirFieldsLookReal() {
        SyntheticHl7 g = new SyntheticHl7(13);
        Set<String> mrns = new HashSet<>();
        int minYear = 9999;
        int maxYear = 0;
        for (int i = 0; i < 3000; i++) {
            SyntheticPatient p = g.patient();
            assertThat(mrns.add(p.mrn())).isTrue();
            assertThat(p.mrn()).matches("[A-Z0-9]{8,}").matches(".*[A-Z].*").matches(".*\\d.*");
            assertThat(p.ssn()).matches(SSN);
            assertThat(p.phoneHome()).matches(PHONE);
            if (!p.phoneWork().isEmpty()) {
                assertThat(p.phoneWork()).matches(PHONE).isNotEqualTo(p.phoneHome());
            }
            assertThat(p.sex()).isIn("F", "M");
            assertThat(p.zip()).matches("\\d{5}");
            LocalDate birth = LocalDate.parse(p.birthDate(), DateTimeFormatter.BASIC_ISO_DATE);
            minYear = Math.min(minYear, birth.getYear());
            maxYear = Math.max(maxYear, birth.getYear());
            assertThat(p.relatives()).isNotEmpty().hasSizeLessThanOrEqualTo(3);
            for (Relative r : p.relatives()) {
                assertThat(r.relationship()).isIn(TABLE_0063);
                assertThat(r.phone()).matches(PHONE);
                assertThat(r.given()).isNotEqualTo(p.given());
            }
            assertThat(p.relatives().stream().filter(r -> r.relationship().equals("SPO")
                    || r.relationship().equals("DOM")).count()).isLessThanOrEqualTo(1);
        }
        assertThat(minYear).isBetween(1925, 1927);
        assertThat(maxYear).isBetween(2022, 2024);
    }

    @Test
    void givenAThousandMessages_thenSomePatientsAreOver89() {
        long over89 = feed(17, 1000).stream().filter(m -> age(m.patient(), m) > 89).count();
        assertThat(over89).isGreaterThan(10);
    }

    @Test
    void givenNotesOfPatientsOver89_thenTheirAgeIsPlantedAsPhi() {
        List<GeneratedMessage> notes = feed(19, 6000).stream().filter(m -> m.messageType().equals("MDM^T02"))
                .filter(m -> age(m.patient(), m) > 89).toList();
        assertThat(notes).isNotEmpty();
        assertThat(notes).allMatch(m -> m.planted().stream().anyMatch(p -> p.kind() == PlantedPhi.Kind.AGE
                && p.value().equals(age(m.patient(), m) + "-year-old")));
    }

    @Test
    void givenAFeed_thenPatientsRecurAcrossSeveralMessages() {
        Map<String, Long> perPatient = feed(23, 3000).stream()
                .collect(Collectors.groupingBy(m -> m.patient().mrn(), Collectors.counting()));
        assertThat(perPatient.values().stream().filter(c -> c >= 5).count()).isGreaterThan(50);
        assertThat(perPatient.size()).isBetween(100, 250);
    }

    @Test
    void givenASmallPool_thenTheFeedCyclesOnlyThosePatients() {
        SyntheticHl7 g = new SyntheticHl7(24).withPoolSize(10);
        Set<String> mrns = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            mrns.add(g.next().patient().mrn());
        }
        assertThat(mrns).hasSize(10);
        assertThatThrownBy(() -> g.withPoolSize(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenAThousandMessages_thenEveryEscapeSequenceAndRepetitionsOccur() {
        List<GeneratedMessage> all = feed(29, 1000);
        for (String esc : List.of("\\F\\", "\\S\\", "\\T\\", "\\R\\", "\\E\\")) {
            assertThat(all).as(esc).anyMatch(m -> m.text().contains(esc));
        }
        assertThat(all).allMatch(m -> m.text().contains("~"));
        // a note as one OBX-5 with its lines as repetitions
        assertThat(all).anyMatch(m -> segments(m).stream().anyMatch(s -> s[0].equals("OBX")
                && field(s, 2).equals("TX") && field(s, 5).contains("~")));
    }

    @Test
    void givenAnyMessage_thenEveryBackslashOutsideMsh2StartsAValidEscape() {
        Pattern valid = Pattern.compile("\\\\[FSTRE]\\\\");
        for (GeneratedMessage m : feed(31, 3000)) {
            String body = m.text().substring("MSH|^~\\&".length());
            String stripped = valid.matcher(body).replaceAll("");
            assertThat(stripped).doesNotContain("\\");
        }
    }

    @Test
    void givenVitals_thenValuesAreRealisticAndSomeDeteriorate() {
        int deteriorating = 0;
        int withOxygen = 0;
        int notAlert = 0;
        for (GeneratedMessage m : feed(37, 4000)) {
            List<String[]> obx = named(segments(m), "OBX");
            if (!m.messageType().equals("ORU^R01") || !field(segments(m).get(0), 3).equals("VITALSYNC")) {
                continue;
            }
            Map<String, String> v = obx.stream().collect(Collectors.toMap(o -> field(o, 3).split("\\^")[0],
                    o -> field(o, 5), (a, b) -> a));
            int hr = Integer.parseInt(v.get("8867-4"));
            double temp = Double.parseDouble(v.get("8310-5"));
            assertThat(hr).isBetween(30, 200);
            assertThat(Integer.parseInt(v.get("59408-5"))).isBetween(70, 100);
            assertThat(temp).isBetween(34.0, 41.5);
            assertThat(Integer.parseInt(v.get("8462-4"))).isLessThanOrEqualTo(Integer.parseInt(v.get("8480-6")) - 20);
            assertThat(v.get("67775-7")).matches("[ACVPU]\\^[^^]+\\^L");
            if (hr > 110) {
                deteriorating++;
            }
            if (v.containsKey("3151-8")) {
                withOxygen++;
            }
            if (!v.get("67775-7").startsWith("A")) {
                notAlert++;
            }
        }
        assertThat(deteriorating).isGreaterThan(10);
        assertThat(withOxygen).isGreaterThan(10);
        assertThat(notAlert).isGreaterThan(0);
    }

    @Test
    void givenManyWardRounds_thenEpisodesAreRareAndEachComponentHasItsMeans() {
        Rng rng = new Rng(5);
        int n = 100_000;
        int episodes = 0;
        double stableHr = 0;
        double episodeHr = 0;
        double stableTemp = 0;
        for (int i = 0; i < n; i++) {
            WardVitals.Round r = WardVitals.draw(rng);
            if (r.episode()) {
                episodes++;
                episodeHr += r.hr();
            } else {
                stableHr += r.hr();
                stableTemp += r.tempTenths() / 10.0;
            }
        }
        assertThat(episodes / (double) n).isCloseTo(WardVitals.EPISODE_SHARE, within(0.002));
        assertThat(stableHr / (n - episodes)).isCloseTo(WardVitals.STABLE.hr(), within(0.3));
        assertThat(episodeHr / episodes).isCloseTo(WardVitals.EPISODE.hr(), within(1.5));
        assertThat(stableTemp / (n - episodes)).isCloseTo(WardVitals.STABLE.temp(), within(0.02));
    }

    @Test
    void givenTheGaussianDraws_thenTheyAreStandardNormal() {
        Rng rng = new Rng(9);
        int n = 200_000;
        double sum = 0;
        double squares = 0;
        int beyondTwo = 0;
        for (int i = 0; i < n; i++) {
            double z = rng.gaussian();
            sum += z;
            squares += z * z;
            beyondTwo += Math.abs(z) > 2 ? 1 : 0;
        }
        assertThat(sum / n).isCloseTo(0, within(0.01));
        assertThat(squares / n).isCloseTo(1, within(0.01));
        assertThat(beyondTwo / (double) n).isCloseTo(0.0455, within(0.002));
    }

    @Test
    void givenAnotherSeparator_thenTheSameMessagesUseIt() {
        List<GeneratedMessage> cr = feed(41, 300);
        SyntheticHl7 lf = new SyntheticHl7(41).withSeparator("\n");
        SyntheticHl7 crlf = new SyntheticHl7(41).withSeparator("\r\n");
        for (GeneratedMessage m : cr) {
            String a = lf.next().text();
            String b = crlf.next().text();
            assertThat(a).doesNotContain("\r").isEqualTo(m.text().replace("\r", "\n"));
            assertThat(b).isEqualTo(m.text().replace("\r", "\r\n"));
        }
        assertThat(lf.separator()).isEqualTo("\n");
        assertThatThrownBy(() -> new SyntheticHl7(1).withSeparator("|"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenAPatientWithoutRelatives_whenAskingForANote_thenItIsRefused() {
        SyntheticHl7 g = new SyntheticHl7(43);
        SyntheticPatient p = g.patient();
        SyntheticPatient alone = new SyntheticPatient(p.mrn(), p.assigningAuthority(), p.ssn(), p.family(),
                p.given(), p.middle(), p.birthDate(), p.sex(), p.street(), p.city(), p.state(), p.zip(),
                p.phoneHome(), p.phoneWork(), p.email(), p.accountNumber(), p.healthPlanId(), p.driversLicense(),
                List.of());
        assertThatThrownBy(() -> g.mdmT02(alone)).isInstanceOf(IllegalArgumentException.class);
        assertThat(g.adtA01(alone).text()).doesNotContain("NK1");
        assertThat(g.oruR01Vitals(alone).phiValues()).contains(alone.mrn());
    }

    @Test
    void givenTheBuiltInNameLists_thenTheyAreLargeAndHoldNamesThatAreEnglishWords() {
        assertThat(Lexicon.FEMALE.length + Lexicon.MALE.length).isGreaterThanOrEqualTo(300);
        assertThat(Lexicon.FAMILY.length).isGreaterThanOrEqualTo(300);
        assertThat(List.of(Lexicon.FEMALE)).contains("May", "Hope", "Rose", "Faith");
        assertThat(List.of(Lexicon.MALE)).contains("Will", "Bill", "Mark");
        assertThat(List.of(Lexicon.FAMILY)).contains("Brown", "Young", "King", "O'Brien");
        assertThat(List.of(Lexicon.FEMALE)).doesNotContainAnyElementsOf(List.of(Lexicon.MALE));

        SyntheticHl7 g = new SyntheticHl7(47);
        Function<Integer, List<SyntheticPatient>> patients = n -> {
            List<SyntheticPatient> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                out.add(g.patient());
            }
            return out;
        };
        List<SyntheticPatient> many = patients.apply(5000);
        assertThat(many).anyMatch(p -> Set.of("Will", "May", "Hope", "Bill", "Mark", "Rose", "Faith")
                .contains(p.given()));
        assertThat(many).anyMatch(p -> Set.of("Brown", "Young", "King").contains(p.family()));
    }
}
