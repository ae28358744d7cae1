package io.phistream.detector.fhir;

import io.phistream.detector.PhiType;
import io.phistream.detector.deid.Treatment;
import java.util.Locale;

/**
 * What the FHIR policy does with one element. The first seven actions are the shared {@link Treatment}s; the
 * others exist only because FHIR has structure HL7 v2 fields do not (composites to descend into, resource ids,
 * references, base64 attachments, XHTML narratives).
 *
 * @param phi       the PHI type counted and tokenised under
 * @param qualifier refines the action: a birth date, a PHI type chosen by the identifier's system/type or the
 *                  contact point's system, or a code's text that only repeats its display
 */
record FhirRule(Action action, PhiType phi, Qualifier qualifier) {

    enum Action {
        KEEP, REDACT, TOKEN, DATE, ZIP3, AGE, REGION, RANGE, TEXT,
        /** Descend into a composite and apply the rules of its datatype to its children. */
        WALK,
        /** A FHIR id: replaced by its keyed pseudonym (valid id, UUID-shaped). */
        ID,
        /** A reference, fullUrl or request URL: its id part replaced by the same pseudonym as the target's id. */
        REFERENCE,
        /** base64 content: text/plain and text/html go through the free-text scrubber, anything else is removed. */
        ATTACHMENT,
        /** XHTML narrative: text nodes go through the free-text scrubber, comments and unsafe attributes go. */
        NARRATIVE;

        String policyName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Action of(Treatment t) {
            return valueOf(t.name());
        }
    }

    /**
     * BIRTH: a birth date; IDENTIFIER and CONTACT_POINT: the PHI type comes from the parent; DISPLAY: a text kept as
     * written when it repeats a display of its parent's codings, which are kept (it says no more than they do); PERSON:
     * a text removed whole as a name when its parent Reference points to a person ({@code Patient/...}).
     */
    enum Qualifier { NONE, BIRTH, IDENTIFIER, CONTACT_POINT, DISPLAY, PERSON }

    static final FhirRule KEEP = new FhirRule(Action.KEEP, PhiType.OTHER_ID, Qualifier.NONE);
    static final FhirRule REDACT = new FhirRule(Action.REDACT, PhiType.OTHER_ID, Qualifier.NONE);
    static final FhirRule WALK = new FhirRule(Action.WALK, PhiType.OTHER_ID, Qualifier.NONE);
    static final FhirRule ID = new FhirRule(Action.ID, PhiType.OTHER_ID, Qualifier.NONE);

    boolean birth() {
        return qualifier == Qualifier.BIRTH;
    }
}
