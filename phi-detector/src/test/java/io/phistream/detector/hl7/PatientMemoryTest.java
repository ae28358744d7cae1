package io.phistream.detector.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.detector.DetectingScrubber;
import io.phistream.detector.PatientMemory;
import io.phistream.detector.text.TextPhiDetector;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Per-patient memory: what an earlier message taught about a patient (names of the patient and relatives, ids,
 * phone numbers, as keyed digests) is searched for in a later message's notes, even when that message carries no
 * name in its structure.
 */
class PatientMemoryTest {

    private static final TestDeidentifiers T = new TestDeidentifiers();
    private static final Hl7Deidentifier DEID = T.scrubbingWith(new DetectingScrubber(TextPhiDetector.builtIn()));

    private static String adt(String mrn, String name, String relative) {
        return "MSH|^~\\&|ADT|GHH|DEID|PS|20250101120000||ADT^A01^ADT_A01|C" + mrn + "|P|2.5.1\r"
                + "EVN|A01|20250101120000\r"
                + "PID|1||" + mrn + "^^^GHH^MR||" + name + "||19600101|F|||1 Main St^^Boston^MA^02118||6175550142\r"
                + "NK1|1|" + relative + "|DAU^Daughter\r"
                + "PV1|1|I|ICU^1^1\r";
    }

    /** An ORU with the patient's id only (no PID-5) and a nurse's note naming the patient and a relative. */
    private static String oru(String mrn, String note) {
        return "MSH|^~\\&|LAB|GHH|DEID|PS|20250102120000||ORU^R01^ORU_R01|L" + mrn + "|P|2.5.1\r"
                + "PID|1||" + mrn + "^^^GHH^MR\r"
                + "OBR|1||A1|8716-3^Vital signs^LN|||20250102110000\r"
                + "OBX|1|NM|8867-4^Heart rate^LN||88|/min|||||F\r"
                + "NTE|1||" + note + "\r";
    }

    /** Names in lower case, without a title or relation word before them: the detector alone does not see them. */
    // nothing around these words says "name" (the model reads "update given to zanthorpe" as one: a person is updated)
    private static final String NOTE = "iv site c/d/i, zanthorpe valve check done, quillfeather bedside rounds";

    /** A memory kept the way the pipeline keeps it: digests per patient token, added to, never values. */
    private static final class Store implements PatientMemory {
        final Map<String, Set<String>> byPatient = new HashMap<>();

        @Override
        public Set<String> recall(String patientToken) {
            return byPatient.getOrDefault(patientToken, Set.of());
        }

        void learn(Hl7Outcome o) {
            Hl7Outcome.Deidentified d = (Hl7Outcome.Deidentified) o;
            byPatient.computeIfAbsent(d.patientToken(), k -> new HashSet<>()).addAll(d.learned());
        }
    }

    private static String released(Hl7Outcome o) {
        assertThat(o).isInstanceOf(Hl7Outcome.Deidentified.class);
        return ((Hl7Outcome.Deidentified) o).text();
    }

    @Test
    void givenAnAdmissionThatNamedThePatientAndADaughter_whenALaterNoteNamesThemWithoutStructure_thenTheyAreScrubbed() {
        Store memory = new Store();
        memory.learn(DEID.deidentify(adt("MRN7001", "Quillfeather^Odalys", "Zanthorpe^Brisa"), memory));
        String withMemory = released(DEID.deidentify(oru("MRN7001", NOTE), memory)).toLowerCase();
        assertThat(withMemory).doesNotContain("quillfeather", "zanthorpe").contains("bedside", "valve check");
    }

    @Test
    void givenNoMemory_whenTheSameNoteIsScrubbed_thenLowerCaseNamesUnknownToTheMessageAreNotFound() {
        // the control for the test above: without memory, nothing in this message marks these words as names
        assertThat(released(DEID.deidentify(oru("MRN7001", NOTE))).toLowerCase()).contains("quillfeather", "zanthorpe");
    }

    @Test
    void givenAnotherPatient_whenTheirNoteUsesTheFirstPatientsNames_thenTheMemoryOfTheFirstDoesNotApply() {
        Store memory = new Store();
        memory.learn(DEID.deidentify(adt("MRN7001", "Quillfeather^Odalys", "Zanthorpe^Brisa"), memory));
        String other = released(DEID.deidentify(oru("MRN9009", "quillfeather valve check done"), memory));
        assertThat(other.toLowerCase()).contains("quillfeather");
    }

    @Test
    void givenTwoPatientsWithTheSameName_whenTheyAreRemembered_thenTheirDigestsDifferSoTheMemoryCannotLinkThem() {
        Store memory = new Store();
        memory.learn(DEID.deidentify(adt("MRN7001", "Quillfeather^Odalys", "Zanthorpe^Brisa"), memory));
        memory.learn(DEID.deidentify(adt("MRN7002", "Quillfeather^Odalys", "Zanthorpe^Brisa"), memory));
        assertThat(memory.byPatient).hasSize(2);
        var sets = memory.byPatient.values().iterator();
        Set<String> a = sets.next();
        Set<String> b = sets.next();
        assertThat(a).isNotEmpty().doesNotContainAnyElementsOf(b);
    }

    @Test
    void givenAMemory_whenDigestsAreLearned_thenTheyHoldNoValueInClear() {
        Store memory = new Store();
        Hl7Outcome.Deidentified d = (Hl7Outcome.Deidentified) DEID.deidentify(
                adt("MRN7001", "Quillfeather^Odalys", "Zanthorpe^Brisa"), memory);
        assertThat(d.learned()).isNotEmpty().allSatisfy(x -> assertThat(x).matches("[0-9a-f]{16}"));
        assertThat(String.join(" ", d.learned()).toLowerCase()).doesNotContain("quillfeather", "mrn7001", "6175550142");
    }

    @Test
    void givenNoMemoryKept_whenDeidentified_thenNothingIsLearnedAndNoDigestIsSpent() {
        Hl7Outcome.Deidentified d = (Hl7Outcome.Deidentified) DEID.deidentify(
                adt("MRN7001", "Quillfeather^Odalys", "Zanthorpe^Brisa"));
        assertThat(d.learned()).isEmpty();
    }
}
