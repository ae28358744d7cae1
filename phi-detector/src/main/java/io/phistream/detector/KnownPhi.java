package io.phistream.detector;

import io.phistream.detector.text.DetectionContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * PHI values one message's structured fields held, collected while de-identifying it. Used to find the
 * same values again in free text and, as a last fail-closed check, in the finished output. Lives only for
 * the processing of one message and is never logged or stored.
 */
public final class KnownPhi {

    /**
     * One value with its type; {@code guarded} when it identifies the patient or a relative and must
     * provably not survive (a provider's or organisation's value is treated but may rightly recur).
     */
    public record Value(PhiType type, String value, boolean guarded) {
    }

    private final List<Value> values = new ArrayList<>();
    private Set<String> remembered = Set.of();
    private Function<String, String> memoryHash;
    private Integer dateShiftDays;
    private int referenceYear;
    private final Set<java.time.LocalDate> birthDates = new java.util.HashSet<>();
    private final List<String> textDates = new ArrayList<>(0);
    private final java.util.Map<String, Integer> wordsKept = new java.util.HashMap<>(0);

    public void add(PhiType type, String value, boolean guarded) {
        String v = value.strip();
        if (!v.isEmpty() && !(type == PhiType.NAME && NOT_NAME_PARTS.contains(
                v.replace(".", "").toUpperCase(java.util.Locale.ROOT)))) {
            values.add(new Value(type, v, guarded));
        }
    }

    /**
     * A name's prefix, suffix and degree components (XPN/XCN: "DR", "JR", "MD"): they name no one, and as known values
     * they made every "Dr." of the message's free text a name.
     */
    private static final Set<String> NOT_NAME_PARTS = Set.of("DR", "DRS", "MR", "MRS", "MS", "MISS", "MX", "PROF",
            "REV", "FR", "SR", "JR", "II", "III", "IV", "MD", "DO", "RN", "NP", "PA", "PHD", "DDS", "DMD", "ESQ", "LPN",
            "APRN", "CNM", "PHARMD", "DPM", "OD");

    /**
     * The patient's date offset for the text about to be scrubbed (null: no single patient), and the year a date
     * written without one is read in: surrogate dates in free text move with the structured ones.
     */
    public void dateShift(Integer days, int referenceYear) {
        this.dateShiftDays = days;
        this.referenceYear = referenceYear;
    }

    /**
     * A birth date the structured fields held (kept as its year only): the same day in free text gets its year only
     * too, not a shifted date, which anyone who learns the patient's offset would undo.
     */
    public void birthDate(java.time.LocalDate day) {
        birthDates.add(day);
    }

    public Set<java.time.LocalDate> birthDates() {
        return Collections.unmodifiableSet(birthDates);
    }

    /** A date the free text's scrubber moved by the offset, as it wrote it (surrogates only). */
    public void wroteTextDate(String written) {
        textDates.add(written);
    }

    /** The moved dates the free text's scrubber wrote, in order ({@link #wroteTextDate}). */
    public List<String> textDates() {
        return Collections.unmodifiableList(textDates);
    }

    /**
     * A word of a known name the free text's scrubber kept as the everyday word it also is ("Son will call." for a son
     * named Will), once per occurrence: the residual guards allow that many of it.
     */
    public void keptAsWord(String word) {
        wordsKept.merge(word.toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
    }

    /** How often the free text's scrubber kept each word (lower case) as a word ({@link #keptAsWord}). */
    public java.util.Map<String, Integer> wordsKept() {
        return Collections.unmodifiableMap(wordsKept);
    }

    public Integer dateShiftDays() {
        return dateShiftDays;
    }

    public int referenceYear() {
        return referenceYear;
    }

    public List<Value> values() {
        return Collections.unmodifiableList(values);
    }

    /**
     * Adds what is remembered about this message's patient: digests made by {@code keyedHash} from normalised
     * forms ({@link DetectionContext#normalisedForms}); free text is then searched for them too.
     */
    public void recall(Set<String> digests, Function<String, String> keyedHash) {
        this.remembered = Set.copyOf(digests);
        this.memoryHash = keyedHash;
    }

    public Set<String> remembered() {
        return remembered;
    }

    /** The keyed hash of the remembered digests; null when nothing is remembered. */
    public Function<String, String> memoryHash() {
        return memoryHash;
    }

    /** The digests to remember of this message's guarded values (patient and relatives), by {@code keyedHash}. */
    public Set<String> digests(Function<String, String> keyedHash) {
        Set<String> out = new HashSet<>();
        for (Value v : values) {
            if (v.guarded()) {
                out.addAll(DetectionContext.digestsOf(v.type(), v.value(), keyedHash));
            }
        }
        return out;
    }
}
