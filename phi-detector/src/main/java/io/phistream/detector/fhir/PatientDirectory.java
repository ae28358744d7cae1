package io.phistream.detector.fhir;

import io.phistream.detector.KnownPhi;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hl7.fhir.r4.model.Patient;

/**
 * The patients of a bulk export, by reference: "Patient/123" to the patient's key ({@link PatientIndex#keyOf}). A bulk
 * export writes one resource per line and one file per type, so an Observation names its patient only as
 * {@code Patient/123}; without this, it has no key and its dates keep only their year, while the Patient's own birth
 * date is shifted. Filled from the Patient lines first ({@link FhirDeidentifier#learnPatients}), then read while each
 * line is de-identified, with the patient's guarded values (its names, identifiers, contacts), which every line
 * about the patient is then searched for (free text and the residual guard), as if the Patient stood in the same
 * message. A reference may be relative, absolute ({@code https://server/fhir/Patient/123}) or a {@code urn:uuid} of
 * the id. Held in memory for one run: keys and values are PHI, so it never leaves the process. Not thread-safe while
 * it is filled; read-only after.
 */
public final class PatientDirectory {

    /** No patients known: each message resolves its references within itself. */
    public static final PatientDirectory NONE = new PatientDirectory();

    /** Two Patients with one id but different keys: the reference names neither for certain. */
    private static final String AMBIGUOUS = "";

    private final Map<String, String> keys = new HashMap<>();
    private final Map<String, List<KnownPhi.Value>> values = new HashMap<>();

    public PatientDirectory() {
    }

    /** A Patient line: its key (null without identifiers: its values are still searched for) and guarded values. */
    void add(Patient p, String key, List<KnownPhi.Value> known) {
        if (this == NONE || !p.getIdElement().hasIdPart()) {
            return;
        }
        String id = p.getIdElement().getIdPart();
        List<String> refs = new ArrayList<>(List.of("Patient/" + id));
        if (FhirDeidentifier.isUuid(id)) {
            refs.add("urn:uuid:" + id.toLowerCase(Locale.ROOT));
        }
        List<KnownPhi.Value> guarded = new ArrayList<>();
        for (KnownPhi.Value v : known) {
            if (v.guarded()) {
                guarded.add(v);
            }
        }
        for (String ref : refs) {
            if (key != null) {
                keys.merge(ref, key, (a, b) -> a.equals(b) ? a : AMBIGUOUS);
            }
            // two Patients with one id (two files): both are searched for
            values.merge(ref, List.copyOf(guarded), (a, b) -> {
                List<KnownPhi.Value> both = new ArrayList<>(a);
                both.addAll(b);
                return List.copyOf(both);
            });
        }
    }

    /** The key of the patient a reference names, or null (unknown, or two patients under one id). */
    String keyOf(String reference) {
        String key = keys.isEmpty() ? null : keys.get(normalise(reference));
        return key == null || key.isEmpty() ? null : key;
    }

    /** The guarded values of the patient a reference names, learnt from its Patient line; empty when none. */
    List<KnownPhi.Value> valuesOf(String reference) {
        return values.isEmpty() ? List.of() : values.getOrDefault(normalise(reference), List.of());
    }

    /** How many references resolve. */
    public int size() {
        return values.size();
    }

    /** "Patient/123" of "https://server/fhir/Patient/123/_history/2"; a urn:uuid in lower case. */
    static String normalise(String reference) {
        if (reference == null) {
            return "";
        }
        String r = reference;
        int history = r.indexOf("/_history/");
        if (history > 0) {
            r = r.substring(0, history);
        }
        if (r.regionMatches(true, 0, "urn:uuid:", 0, 9)) {
            return r.toLowerCase(Locale.ROOT);
        }
        int patient = r.lastIndexOf("/Patient/");
        return patient >= 0 && r.indexOf("://") > 0 ? r.substring(patient + 1) : r;
    }
}
