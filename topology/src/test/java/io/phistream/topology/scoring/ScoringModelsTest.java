package io.phistream.topology.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.signature.SignatureConfig;
import io.phistream.scoring.bundle.ApprovalStatus;
import io.phistream.scoring.bundle.BundleSigner;
import io.phistream.scoring.bundle.BundleVerifier;
import io.phistream.scoring.bundle.ModelBundle;
import io.phistream.scoring.bundle.ModelManifest;
import io.phistream.scoring.bundle.ModelRegistry;
import io.phistream.scoring.drift.ReferenceDistribution;
import io.phistream.scoring.models.BuiltInModels;
import io.phistream.serdes.avro.Alert;
import io.phistream.serdes.avro.Score;
import io.phistream.synthetic.SyntheticHl7;
import io.phistream.topology.config.ConfigException;
import io.phistream.topology.config.PhiStreamConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Models beyond the default: signed bundles from a registry (shadow mode, own drift references) and configuration. */
class ScoringModelsTest {

    @TempDir
    Path root;

    static KeysetHandle approver() throws Exception {
        SignatureConfig.register();
        return KeysetHandle.generateNew(KeyTemplates.get("ED25519"));
    }

    /** Writes a NEWS2 bundle (the built-in graph) under root/news2/VERSION with the given references, signed. */
    static void bundle(Path root, KeysetHandle approver, String version, ApprovalStatus status,
                               Map<String, ReferenceDistribution> reference) throws Exception {
        ModelBundle builtIn = BuiltInModels.load(BuiltInModels.NEWS2);
        ModelManifest m = builtIn.manifest().withVersion(version);
        if (reference != null) {
            m = new ModelManifest(m.name(), m.version(), m.description(), m.input(), m.features(), m.outputs(),
                    m.score(), m.thresholds(), reference, m.modelSha256(), m.approval());
        }
        Path dir = Files.createDirectories(root.resolve("news2").resolve(version));
        Files.write(dir.resolve(ModelBundle.MODEL_FILE), builtIn.model());
        Files.write(dir.resolve(ModelBundle.MANIFEST_FILE), m.toJson());
        BundleSigner.sign(dir, approver, status, "test bundle");
    }

    static ModelRegistry registry(Path root, KeysetHandle approver) throws Exception {
        ModelRegistry r = new ModelRegistry(root, BundleVerifier.approver(approver.getPublicKeysetHandle()),
                List.of(BuiltInModels.NEWS2));
        r.poll();
        return r;
    }

    @Test
    void givenAShadowCandidate_whenAPatientIsScored_thenBothScoresAreWrittenButOnlyTheLiveOneAlerts() throws Exception {
        KeysetHandle key = approver();
        bundle(root, key, "1.1.0", ApprovalStatus.APPROVED_SHADOW, null);
        ScoringStages scoring = ScoringStages.builder(ScoringDriver.stages()).registry(registry(root, key)).build();
        try (ScoringDriver d = new ScoringDriver(scoring)) {
            SyntheticHl7 gen = new SyntheticHl7(5);
            d.hl7(Vitals.high().oru(gen, gen.patient()));

            List<Score> scores = d.scores.readValuesToList();
            assertThat(scores).extracting(s -> s.getModelVersion() + ":" + s.getShadow())
                    .containsExactly("1.0.0:false", "1.1.0:true");
            assertThat(scores).extracting(Score::getScore).containsExactly(8.0, 8.0);
            assertThat(d.alerts("rapid-response").readValuesToList()).extracting(Alert::getModelVersion)
                    .containsExactly("1.0.0");
            List<JsonNode> audit = d.auditRecords();
            assertThat(audit).filteredOn(n -> n.path("stage").asText().equals("score"))
                    .extracting(n -> n.path("modelVersion").asText() + ":" + n.path("outcome").asText())
                    .containsExactly("1.0.0:scored", "1.1.0:shadow");
        }
    }

    // ---------------------------------------------------------------- configuration

    @Test
    void givenTheDefaultConfiguration_whenCreated_thenNews2ScoresWithTheBuiltInRulesAndTheirRoutes() {
        try (ScoringStages s = ScoringStages.create(ScoringDriver.CONFIG, ScoringDriver.stages())) {
            assertThat(s.models()).containsExactly("news2");
            assertThat(s.featureTtl()).hasHours(12);
            assertThat(s.routes()).containsExactly("rapid-response", "ward", "ward-review");
            assertThat(ScoringStages.routes(ScoringDriver.CONFIG)).isEqualTo(s.routes());
            assertThat(s.registry().live("news2")).isPresent();
        }
    }

    @Test
    void givenTwoModelsAShortTtlAndARulesFile_whenCreated_thenTheyAreUsed() throws Exception {
        Path rules = root.resolve("rules.json");
        Files.writeString(rules, "{\"suppressionWindow\":\"PT30M\",\"rules\":[{\"model\":\"deterioration\","
                + "\"band\":\"medium\",\"route\":\"outreach\",\"format\":\"hl7v2\"}]}");
        PhiStreamConfig config = ScoringDriver.CONFIG.with(Map.of(PhiStreamConfig.SCORING_MODELS, "news2, deterioration",
                PhiStreamConfig.SCORING_FEATURE_TTL, "4h", PhiStreamConfig.ALERT_ROUTES, rules.toString()));
        try (ScoringStages s = ScoringStages.create(config, ScoringDriver.stages());
             ScoringDriver d = new ScoringDriver(s)) {
            assertThat(s.models()).containsExactly("news2", "deterioration");
            assertThat(s.featureTtl()).hasHours(4);
            assertThat(s.routes()).containsExactly("outreach");

            SyntheticHl7 gen = new SyntheticHl7(8);
            d.hl7(Vitals.high().oru(gen, gen.patient()));

            assertThat(d.scores.readValuesToList()).extracting(Score::getModelName)
                    .containsExactly("news2", "deterioration");
            assertThat(d.alerts("outreach").readValuesToList()).extracting(Alert::getModelName)
                    .containsExactly("deterioration");
        }
    }

    @Test
    void givenBadScoringSettings_whenLoadedOrCreated_thenTheKeyIsNamed() {
        assertThatThrownBy(() -> ScoringDriver.CONFIG.with(Map.of(PhiStreamConfig.SCORING_MODELS, "News 2")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(PhiStreamConfig.SCORING_MODELS);
        assertThatThrownBy(() -> ScoringDriver.CONFIG.with(Map.of(PhiStreamConfig.SCORING_FEATURE_TTL, "0h")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(PhiStreamConfig.SCORING_FEATURE_TTL);
        PhiStreamConfig unknown = ScoringDriver.CONFIG.with(Map.of(PhiStreamConfig.SCORING_MODELS, "sofa"));
        assertThatThrownBy(() -> ScoringStages.create(unknown, ScoringDriver.stages()))
                .isInstanceOf(ConfigException.class).hasMessageContaining(PhiStreamConfig.SCORING_MODELS);
        PhiStreamConfig noRules = ScoringDriver.CONFIG.with(Map.of(PhiStreamConfig.ALERT_ROUTES, "/nonexistent/r.json"));
        assertThatThrownBy(() -> ScoringStages.create(noRules, ScoringDriver.stages()))
                .isInstanceOf(ConfigException.class).hasMessageContaining(PhiStreamConfig.ALERT_ROUTES);
        PhiStreamConfig otherBuiltin = ScoringDriver.CONFIG.with(Map.of(PhiStreamConfig.ALERT_ROUTES, "builtin:x"));
        assertThatThrownBy(() -> ScoringStages.create(otherBuiltin, ScoringDriver.stages()))
                .isInstanceOf(ConfigException.class).hasMessageContaining(PhiStreamConfig.ALERT_ROUTES);
    }
}
