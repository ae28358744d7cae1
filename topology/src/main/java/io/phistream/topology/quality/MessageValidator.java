package io.phistream.topology.quality;

/**
 * Validation of one parsed message against quality rules. Pure and thread-safe. HL7 v2 ({@link Hl7Validator},
 * over the lean ER7 reader) comes first; a FHIR validator (resource type → required elements, value formats) will
 * implement the same contract over its own parsed form, so the gate and its processor stay format-agnostic.
 *
 * @param <M> the parsed message form
 */
public interface MessageValidator<M> {

    Verdict validate(M message);

    /** Name and version of the rule set, for headers and audit records. */
    String rulesVersion();
}
