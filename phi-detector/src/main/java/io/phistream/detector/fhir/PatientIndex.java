package io.phistream.detector.fhir;

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
 * key of the patient its {@code subject}/{@code patient}/{@code beneficiary} reference names (resolved against its own
 * contained Patients for a {@code #id}, the message's Patient entries, then the {@link PatientDirectory} of a bulk
 * export, else by the reference's identifier).
 * Resources that name no patient take the message's patient when there is exactly one; a reference that cannot be
 * resolved gives no key (dates become years).
 */
final class PatientIndex {

    private static final String[] SUBJECT_ELEMENTS = {"subject", "patient", "beneficiary"};
    private static final String MR = "MR";

    private final Map<Resource, String> keys = new IdentityHashMap<>();
    private final String messageKey;

    private PatientIndex(Resource root, FhirPolicy policy, IdentityMap identities, PatientDirectory directory) {
        Map<String, String> byReference = new HashMap<>();
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
                        }
                        if (p.getIdElement().hasIdPart()) {
                            byReference.put("Patient/" + p.getIdElement().getIdPart(), key);
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
            String key = resolve(r, subject, byReference, policy, identities, directory);
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

    private static String resolve(Resource r, Reference ref, Map<String, String> byReference, FhirPolicy policy,
                                  IdentityMap identities, PatientDirectory directory) {
        if (ref.hasReference() && ref.getReference().startsWith("#")) {
            // a contained Patient: the same key as the Patient standing alone, or the stream's memory of the patient
            // passes the resource by (a walkthrough's Observation kept the names an admission had taught)
            String key = containedKey(r, ref.getReference().substring(1), policy, identities);
            if (key != null) {
                return key;
            }
        } else if (ref.hasReference()) {
            String key = byReference.get(ref.getReference());
            if (key == null) {
                key = directory.keyOf(ref.getReference());
            }
            if (key != null) {
                return key;
            }
        }
        if (ref.hasIdentifier()) {
            return keyOf(List.of(ref.getIdentifier()), policy, identities);
        }
        return null;
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
