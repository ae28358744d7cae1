package io.phistream.scoring.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.KeysetHandle;
import io.phistream.scoring.bundle.ModelRegistry.Event;
import io.phistream.scoring.bundle.ModelRegistry.Kind;
import io.phistream.scoring.models.BuiltInModels;
import io.phistream.scoring.news2.VitalSigns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {

    private static KeysetHandle key;
    @TempDir
    Path root;
    private ModelRegistry registry;
    private static final float[][] ONE_ROW = {new VitalSigns(16, 97, 1, false, 120, 70, 'A', 37).toFeatures()};

    @BeforeAll
    static void keys() throws Exception {
        key = TestBundles.newApproverKey();
    }

    @BeforeEach
    void open() throws Exception {
        registry = new ModelRegistry(root, TestBundles.verifier(key), List.of(BuiltInModels.NEWS2));
    }

    @AfterEach
    void close() {
        registry.close();
    }

    private float scoreOf(String model) {
        return registry.score(model, ONE_ROW).rows()[0][0];
    }

    private static List<Kind> kinds(List<Event> events) {
        return events.stream().map(Event::kind).toList();
    }

    @Test
    void givenAnEmptyDirectory_whenPolled_thenOnlyTheBuiltInIsLive() {
        List<Event> events = registry.poll();
        assertThat(kinds(events)).containsExactly(Kind.LIVE_LOADED);
        assertThat(registry.models()).containsExactly("news2");
        assertThat(registry.score("news2", ONE_ROW).rows()[0][0]).isZero();
        assertThat(registry.poll()).isEmpty();
    }

    @Test
    void givenANewApprovedVersionDroppedIn_whenPolled_thenSwappedWithoutRestart() throws Exception {
        TestBundles.signedConstant(root.resolve("risk-1"), "risk", "1.0.0", 0.1f, key, ApprovalStatus.APPROVED);
        registry.poll();
        assertThat(scoreOf("risk")).isEqualTo(0.1f);

        TestBundles.signedConstant(root.resolve("risk-2"), "risk", "1.1.0", 0.9f, key, ApprovalStatus.APPROVED);
        List<Event> events = registry.poll();
        assertThat(events).containsExactly(new Event(Kind.LIVE_SWAPPED, "risk", "1.1.0", "risk-2", null));
        assertThat(scoreOf("risk")).isEqualTo(0.9f);
        assertThat(registry.live("risk").orElseThrow().version()).isEqualTo("1.1.0");
    }

    @Test
    void givenALowerVersionDroppedIn_whenPolled_thenTheHigherStaysLive() throws Exception {
        TestBundles.signedConstant(root.resolve("a"), "risk", "2.0.0", 0.2f, key, ApprovalStatus.APPROVED);
        registry.poll();
        TestBundles.signedConstant(root.resolve("b"), "risk", "1.9.9", 0.3f, key, ApprovalStatus.APPROVED);
        assertThat(registry.poll()).isEmpty();
        assertThat(scoreOf("risk")).isEqualTo(0.2f);
    }

    @Test
    void givenATamperedOrUnapprovedNewVersion_whenPolled_thenRejectedAndTheOldOneKeepsScoring() throws Exception {
        TestBundles.signedConstant(root.resolve("v1"), "risk", "1.0.0", 0.1f, key, ApprovalStatus.APPROVED);
        registry.poll();
        Path v2 = TestBundles.signedConstant(root.resolve("v2"), "risk", "2.0.0", 0.9f, key, ApprovalStatus.APPROVED);
        Files.write(v2.resolve(ModelBundle.MODEL_FILE), TestBundles.constantModel(0.66f));
        TestBundles.signedConstant(root.resolve("v3"), "risk", "3.0.0", 0.9f, key, ApprovalStatus.PENDING);
        List<Event> events = registry.poll();
        assertThat(events).containsExactlyInAnyOrder(
                new Event(Kind.REJECTED, null, null, "v2", ModelRejectedException.Reason.MODEL_HASH_MISMATCH),
                new Event(Kind.REJECTED, null, null, "v3", ModelRejectedException.Reason.UNAPPROVED));
        assertThat(scoreOf("risk")).isEqualTo(0.1f);
        assertThat(registry.poll()).as("unchanged rejected bundles are not reported again").isEmpty();
    }

    @Test
    void givenABundleThatWasIncompleteWhenFirstSeen_whenCompletedAndPolledAgain_thenLoaded() throws Exception {
        Path dir = TestBundles.signedConstant(root.resolve("late"), "risk", "1.0.0", 0.4f, key, ApprovalStatus.APPROVED);
        byte[] sig = Files.readAllBytes(dir.resolve(ModelBundle.SIGNATURE_FILE));
        Files.delete(dir.resolve(ModelBundle.SIGNATURE_FILE));
        assertThat(registry.poll()).contains(new Event(Kind.REJECTED, null, null, "late", ModelRejectedException.Reason.UNSIGNED));
        Files.write(dir.resolve(ModelBundle.SIGNATURE_FILE), sig);
        assertThat(registry.poll()).containsExactly(new Event(Kind.LIVE_LOADED, "risk", "1.0.0", "late", null));
    }

    @Test
    void givenAShadowCandidate_whenScored_thenBothModelsScoreAndOnlyLiveIsTheResult() throws Exception {
        TestBundles.signedConstant(root.resolve("live"), "risk", "1.0.0", 0.1f, key, ApprovalStatus.APPROVED);
        TestBundles.signedConstant(root.resolve("cand"), "risk", "1.1.0", 0.7f, key, ApprovalStatus.APPROVED_SHADOW);
        assertThat(registry.poll()).contains(new Event(Kind.SHADOW_LOADED, "risk", "1.1.0", "cand", null));
        ModelRegistry.Scored s = registry.score("risk", ONE_ROW);
        assertThat(s.live().version()).isEqualTo("1.0.0");
        assertThat(s.rows()[0][0]).isEqualTo(0.1f);
        assertThat(s.hasShadow()).isTrue();
        assertThat(s.shadow().version()).isEqualTo("1.1.0");
        assertThat(s.shadowRows()[0][0]).isEqualTo(0.7f);
    }

    @Test
    void givenTheShadowVersionIsLaterApproved_whenPolled_thenPromotedToLiveAndShadowCleared() throws Exception {
        TestBundles.signedConstant(root.resolve("live"), "risk", "1.0.0", 0.1f, key, ApprovalStatus.APPROVED);
        Path cand = TestBundles.signedConstant(root.resolve("cand"), "risk", "1.1.0", 0.7f, key, ApprovalStatus.APPROVED_SHADOW);
        registry.poll();
        BundleSigner.sign(cand, key, ApprovalStatus.APPROVED, "promoted");
        List<Event> events = registry.poll();
        assertThat(kinds(events)).containsExactlyInAnyOrder(Kind.LIVE_SWAPPED, Kind.SHADOW_REMOVED);
        assertThat(scoreOf("risk")).isEqualTo(0.7f);
        assertThat(registry.score("risk", ONE_ROW).hasShadow()).isFalse();
    }

    @Test
    void givenAShadowOlderThanLive_whenPolled_thenNotDeployed() throws Exception {
        TestBundles.signedConstant(root.resolve("live"), "risk", "2.0.0", 0.1f, key, ApprovalStatus.APPROVED);
        TestBundles.signedConstant(root.resolve("old"), "risk", "1.0.0", 0.7f, key, ApprovalStatus.APPROVED_SHADOW);
        registry.poll();
        assertThat(registry.shadow("risk")).isEmpty();
    }

    @Test
    void givenASignedNews2Upgrade_whenPolled_thenItReplacesTheBuiltIn() throws Exception {
        registry.poll();
        TestBundles.signedConstant(root.resolve("n2"), "news2", "1.1.0", 3f, key, ApprovalStatus.APPROVED);
        assertThat(registry.poll()).containsExactly(new Event(Kind.LIVE_SWAPPED, "news2", "1.1.0", "n2", null));
        assertThat(scoreOf("news2")).isEqualTo(3f);
    }

    @Test
    void givenTheOnlyBundleOfAModelRemoved_whenPolled_thenUnloaded() throws Exception {
        Path dir = TestBundles.signedConstant(root.resolve("r"), "risk", "1.0.0", 0.1f, key, ApprovalStatus.APPROVED);
        registry.poll();
        for (String f : List.of(ModelBundle.MODEL_FILE, ModelBundle.MANIFEST_FILE, ModelBundle.SIGNATURE_FILE)) {
            Files.delete(dir.resolve(f));
        }
        assertThat(kinds(registry.poll())).containsExactly(Kind.UNLOADED);
        assertThatThrownBy(() -> registry.score("risk", ONE_ROW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenNestedNameVersionDirectories_whenPolled_thenFound() throws Exception {
        TestBundles.signedConstant(root.resolve("risk").resolve("1.0.0"), "risk", "1.0.0", 0.5f, key, ApprovalStatus.APPROVED);
        assertThat(registry.poll()).contains(new Event(Kind.LIVE_LOADED, "risk", "1.0.0", "1.0.0", null));
    }

    @Test
    void givenScoringOnOtherThreads_whenVersionsAreSwappedRepeatedly_thenEveryCallSucceedsWithAKnownVersion()
            throws Exception {
        TestBundles.signedConstant(root.resolve("v0"), "risk", "1.0", 1f, key, ApprovalStatus.APPROVED);
        registry.poll();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> workers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            workers.add(pool.submit(() -> {
                int calls = 0;
                while (!stop.get()) {
                    float v = scoreOf("risk");
                    assertThat(v).isBetween(1f, 6f);
                    calls++;
                }
                return calls;
            }));
        }
        for (int v = 1; v <= 5; v++) {
            TestBundles.signedConstant(root.resolve("v" + v), "risk", "1." + v, 1f + v, key, ApprovalStatus.APPROVED);
            assertThat(kinds(registry.poll())).containsExactly(Kind.LIVE_SWAPPED);
        }
        stop.set(true);
        for (Future<Integer> w : workers) {
            assertThat(w.get()).isPositive();
        }
        pool.shutdown();
        assertThat(scoreOf("risk")).isEqualTo(6f);
    }
}
