package io.phistream.topology.quality;

import io.phistream.detector.deid.KeyedDigest;
import io.phistream.topology.config.ConfigException;
import io.phistream.topology.config.PhiStreamConfig;
import io.phistream.topology.config.PolicyRef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Both formats' gates as the configuration asks: the rules files ({@value PhiStreamConfig#QUALITY_RULES_HL7V2},
 * {@value PhiStreamConfig#QUALITY_RULES_FHIR}) and per-rule outcome overrides
 * ({@value PhiStreamConfig#QUALITY_RULE_PREFIX}{@code <rule id>}). Rule ids are checked here, against the rules
 * actually loaded: an id that neither rules file defines is a {@link ConfigException} naming its key (the built-in
 * {@code gate.*} rules for unreadable input are in no file, so they cannot be overridden).
 */
public record QualityGates(QualityGate hl7, FhirQualityGate fhir) {

    public static QualityGates create(PhiStreamConfig config, KeyedDigest digest, int maxMessageBytes) {
        Hl7Rules hl7 = load(config.qualityRulesHl7v2(), PhiStreamConfig.QUALITY_RULES_HL7V2, Hl7Rules::load);
        FhirRules fhir = load(config.qualityRulesFhir(), PhiStreamConfig.QUALITY_RULES_FHIR, FhirRules::load);
        Map<String, Outcome> hl7Outcomes = new LinkedHashMap<>();
        Map<String, Outcome> fhirOutcomes = new LinkedHashMap<>();
        config.qualityRuleOutcomes().forEach((id, label) -> {
            String key = PhiStreamConfig.QUALITY_RULE_PREFIX + id;
            Outcome o = Outcome.of(label);
            if (o == null) {
                throw new ConfigException(key + ": expected quarantine, pass-with-warning or off");
            }
            boolean known = false;
            if (hl7.ruleIds().contains(id)) {
                hl7Outcomes.put(id, o);
                known = true;
            }
            if (fhir.ruleIds().contains(id)) {
                fhirOutcomes.put(id, o);
                known = true;
            }
            if (!known) {
                throw new ConfigException(key + ": no rule with id " + id + " in " + hl7.nameAndVersion() + " ("
                        + PhiStreamConfig.QUALITY_RULES_HL7V2 + ") or " + fhir.nameAndVersion() + " ("
                        + PhiStreamConfig.QUALITY_RULES_FHIR + ")");
            }
        });
        return new QualityGates(
                new QualityGate(new Hl7Validator(hl7.withOutcomes(hl7Outcomes)), digest, maxMessageBytes),
                new FhirQualityGate(new FhirValidator(fhir.withOutcomes(fhirOutcomes)), digest, maxMessageBytes));
    }

    private static <R> R load(PolicyRef ref, String key, Function<String, R> loader) {
        try {
            return loader.apply(ref.toString());
        } catch (Hl7Rules.RulesException e) { // names ids, paths and JSON keys of the rules file, never message data
            throw new ConfigException(key + ": " + e.getMessage());
        }
    }
}
