package io.phistream.detector.fhir;

import io.phistream.detector.KnownPhi;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Patient;

/**
 * The patients of a bulk export, by reference: "Patient/123" to the patient's key ({@link PatientIndex#keyOf}). A bulk
 * export writes one resource per line and one file per type, so an Observation names its patient only as
 * {@code Patient/123}; without this, it has no key and its dates keep only their year, while the Patient's own birth
 * date is shifted. Filled from the Patient lines first ({@link FhirDeidentifier#learnPatients}), then read while each
 * line is de-identified, with the patient's guarded values (its names, identifiers, contacts), which every line about the
 * patient is then searched for (free text and the residual guard), as if the Patient stood in the same message. Held in
 * memory for one run: keys and values are PHI, so it never leaves the process.
 * Not thread-safe while it is filled; read-only after.
 */
public final class PatientDirectory {

    /** No patients known: each message resolves its references within itself. */
    public static final PatientDirectory NONE = new PatientDirectory();

    private final Map<String, String> keys = new HashMap<>();
    /** Each patient's guarded values (names, identifiers, contacts, birth date), by key: searched for in its lines. */
    private final Map<String, List<KnownPhi.Value>> values = new HashMap<>();

    public PatientDirectory() {
    }

    void add(Patient p, String key, List<KnownPhi.Value> known) {
        if (this != NONE && key != null && p.getIdElement().hasIdPart()) {
            keys.put("Patient/" + p.getIdElement().getIdPart(), key);
            List<KnownPhi.Value> guarded = new ArrayList<>();
            for (KnownPhi.Value v : known) {
                if (v.guarded()) {
                    guarded.add(v);
                }
            }
            values.merge(key, List.copyOf(guarded), (a, b) -> {
                List<KnownPhi.Value> both = new ArrayList<>(a);
                both.addAll(b);
                return List.copyOf(both);
            });
        }
    }

    /** The guarded values of the patient with this key, learnt from its Patient line; empty when none. */
    List<KnownPhi.Value> valuesOf(String key) {
        return key == null ? List.of() : values.getOrDefault(key, List.of());
    }

    /** The key of the patient a reference names ("Patient/123", with or without a version), or null. */
    String keyOf(String reference) {
        if (keys.isEmpty() || reference == null) {
            return null;
        }
        int history = reference.indexOf("/_history/");
        return keys.get(history > 0 ? reference.substring(0, history) : reference);
    }

    /** How many patients are known. */
    public int size() {
        return keys.size();
    }
}
