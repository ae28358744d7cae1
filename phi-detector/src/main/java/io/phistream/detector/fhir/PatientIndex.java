package io.phistream.detector.fhir;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Whose dates are whose. Each Patient resource's key is {@link IdentityMap#patientKey} of its best identifier (an MR
 * identifier of a mapped system, a mapped system, an MR identifier, else the first); every other resource takes the
 * key of the patient its {@code subject}/{@code patient}/{@code beneficiary}/{@code individual} reference names
 * (resolved against its own contained Patients for a {@code #id}; the message's Patient entries by fullUrl or id, a
 * version or server base aside; the {@link PatientDirectory} of a bulk export; a conditional reference's or the
 * reference's identifier, by the Patient entry holding it, else by itself).
 * Resources that name no patient take the message's patient when there is exactly one; a reference that cannot be
 * resolved gives no key (dates become years).
 */
final class PatientIndex {

    /** ResearchSubject names its patient {@code individual}. */
    private static final String[] SUBJECT_ELEMENTS = {"subject", "patient", "beneficiary", "individual"};
    private static final String MR = "MR";
    /** Two Patients of one message under one reference or identifier: it names neither for certain. */
    private static final String AMBIGUOUS = "";
    private static final String CONDITIONAL = "Patient?";

    private final Map<Resource, String> keys = new IdentityHashMap<>();
    private final String messageKey;

    private PatientIndex(Resource root, FhirPolicy policy, IdentityMap identities, PatientDirectory directory) {
        Map<String, String> byReference = new HashMap<>();
        Map<String, String> byIdentifier = new HashMap<>();
        List<Resource> resources = new ArrayList<>();
        if (root instanceof Bundle bundle) {
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                Resource r = entry.getResource();
                if (r == null) {
                    continue;
                }
                resources.add(r);
                if (r instanceof Patient p) {
                    String key = keyOf(p.getIdentifier(), policy, identities);
                    keys.put(r, key);
                    if (key != null) {
                        if (entry.hasFullUrl()) {
                            byReference.put(entry.getFullUrl(), key);
                            put(byReference, PatientDirectory.normalise(entry.getFullUrl()), key);
                        }
                        if (p.getIdElement().hasIdPart()) {
                            put(byReference, "Patient/" + p.getIdElement().getIdPart(), key);
                        }
                        for (Identifier id : p.getIdentifier()) {
                            if (id.hasValue()) {
                                put(byIdentifier, identifier(id.getSystem(), id.getValue()), key);
                            }
                        }
                    }
                }
            }
        } else {
            resources.add(root);
            if (root instanceof Patient p) {
                keys.put(root, keyOf(p.getIdentifier(), policy, identities));
            }
        }
        boolean patientsPresent = hasPatients(resources);
        Set<String> distinct = new LinkedHashSet<>();
        for (Resource r : resources) {
            if (r instanceof Patient) {
                if (keys.get(r) != null) {
                    distinct.add(keys.get(r));
                }
                continue;
            }
            Reference subject = subject(r);
            if (subject == null) {
                continue;
            }
            String key = resolve(r, subject, byReference, byIdentifier, policy, identities, directory);
            keys.put(r, key);
            if (key != null && !patientsPresent) {
                distinct.add(key);
            }
        }
        this.messageKey = distinct.size() == 1 ? distinct.iterator().next() : null;
    }

    static PatientIndex of(Resource root, FhirPolicy policy, IdentityMap identities) {
        return new PatientIndex(root, policy, identities, PatientDirectory.NONE);
    }

    /** With the patients of other lines of a bulk export: a reference the message cannot resolve is looked up there. */
    static PatientIndex of(Resource root, FhirPolicy policy, IdentityMap identities, PatientDirectory directory) {
        return new PatientIndex(root, policy, identities, directory);
    }

    /** The one patient the message is about, or null (none, or several). */
    String messageKey() {
        return messageKey;
    }

    /** The patient key whose offset shifts this top-level or Bundle entry resource's dates, or null. */
    String keyFor(Resource r) {
        if (keys.containsKey(r)) {
            return keys.get(r);
        }
        return messageKey;
    }

    private static boolean hasPatients(List<Resource> resources) {
        for (Resource r : resources) {
            if (r instanceof Patient) {
                return true;
            }
        }
        return false;
    }

    /** The first of {@code subject}, {@code patient}, {@code beneficiary} that names someone, or null. */
    static Reference subject(Resource r) {
        for (String name : SUBJECT_ELEMENTS) {
            Property p = r.getNamedProperty(name);
            if (p != null && p.hasValues()) {
                Base v = p.getValues().get(0);
                if (v instanceof Reference ref && (ref.hasReference() || ref.hasIdentifier())) {
                    return ref;
                }
            }
        }
        return null;
    }

    private static String resolve(Resource r, Reference ref, Map<String, String> byReference,
                                  Map<String, String> byIdentifier, FhirPolicy policy, IdentityMap identities,
                                  PatientDirectory directory) {
        String reference = ref.hasReference() ? ref.getReference() : null;
        String key = null;
        if (reference != null && reference.startsWith("#")) {
            // a contained Patient: the same key as the Patient standing alone, or the stream's memory of the patient
            // passes the resource by (a walkthrough's Observation kept the names an admission had taught)
            key = containedKey(r, reference.substring(1), policy, identities);
        } else if (reference != null) {
            key = byReference.get(reference);
            if (key == null) {
                // "Patient/1/_history/2", "https://server/fhir/Patient/1", a urn:uuid in other case
                key = byReference.get(PatientDirectory.normalise(reference));
            }
            if (key == null) {
                key = directory.keyOf(reference);
            }
            if (key == null) {
                key = conditionalKey(reference, byIdentifier, identities);
            }
        }
        if ((key == null || key.isEmpty()) && ref.hasIdentifier()) {
            Identifier id = ref.getIdentifier();
            key = id.hasValue() ? byIdentifier.get(identifier(id.getSystem(), id.getValue())) : null;
            if (key == null) {
                key = keyOf(List.of(id), policy, identities);
            }
        }
        return key == null || key.isEmpty() ? null : key;
    }

    /**
     * The key of a transaction's conditional reference by identifier ("Patient?identifier=system|value"): the
     * message's Patient holding that identifier, else the identifier's own key, as for a reference's identifier.
     */
    private static String conditionalKey(String reference, Map<String, String> byIdentifier, IdentityMap identities) {
        if (!reference.startsWith(CONDITIONAL)) {
            return null;
        }
        String value = null;
        for (String param : reference.substring(CONDITIONAL.length()).split("&")) {
            if (param.startsWith("identifier=")) {
                if (value != null) {
                    return null; // two identifiers: not read
                }
                try {
                    value = URLDecoder.decode(param.substring("identifier=".length()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException badEscape) {
                    return null;
                }
            }
        }
        if (value == null || value.isBlank() || value.indexOf(',') >= 0) {
            return null; // none, or a choice of several
        }
        int bar = value.indexOf('|');
        String system = bar < 0 || bar == 0 ? null : value.substring(0, bar);
        String v = bar < 0 ? value : value.substring(bar + 1);
        if (v.isBlank()) {
            return null;
        }
        String key = byIdentifier.get(identifier(system, v));
        return key != null ? key : identities.patientKey(system, v);
    }

    /** Keys by reference or identifier: one that two Patients of the message give different keys names neither. */
    private static void put(Map<String, String> map, String name, String key) {
        map.merge(name, key, (a, b) -> a.equals(b) ? a : AMBIGUOUS);
    }

    private static String identifier(String system, String value) {
        return (system == null ? "" : system) + "|" + value;
    }

    /** The key of the Patient {@code r} contains under {@code id}, or null (none, or no identifier). */
    private static String containedKey(Resource r, String id, FhirPolicy policy, IdentityMap identities) {
        if (r instanceof DomainResource d) {
            for (Resource c : d.getContained()) {
                if (c instanceof Patient p && id.equals(localId(p))) {
                    return keyOf(p.getIdentifier(), policy, identities);
                }
            }
        }
        return null;
    }

    /** A contained resource's id without the "#" a parser may keep on it. */
    private static String localId(Resource contained) {
        String id = contained.getIdElement().getIdPart();
        return id != null && id.startsWith("#") ? id.substring(1) : id;
    }

    /** The best identifier's patient key, or null when none has a value. */
    static String keyOf(List<Identifier> identifiers, FhirPolicy policy, IdentityMap identities) {
        Identifier best = null;
        int bestScore = -1;
        for (Identifier id : identifiers) {
            if (!id.hasValue() || id.getValue().isBlank()) {
                continue;
            }
            boolean mapped = identities.maps(id.getSystem());
            boolean mr = isMr(id, policy);
            int score = (mapped ? 2 : 0) + (mr ? 1 : 0);
            if (score > bestScore) {
                best = id;
                bestScore = score;
            }
        }
        return best == null ? null : identities.patientKey(best.getSystem(), best.getValue());
    }

    private static boolean isMr(Identifier id, FhirPolicy policy) {
        if (!id.hasType()) {
            return false;
        }
        for (Coding c : id.getType().getCoding()) {
            if (MR.equals(c.getCode()) && policy.isIdentifierTypeSystem(c.getSystem())) {
                return true;
            }
        }
        return false;
    }
}
