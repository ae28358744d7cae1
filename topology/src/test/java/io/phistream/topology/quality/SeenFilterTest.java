package io.phistream.topology.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.phistream.topology.keys.KeyStore;
import io.phistream.topology.stream.QuarantineSealer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Bloom filters in front of the dedupe store: never a false "not seen", about 1% false "maybe", bounded. */
class SeenFilterTest {

    private static final long W = Duration.ofHours(1).toMillis();
    private static final long T0 = 1_710_000_000_000L - Math.floorMod(1_710_000_000_000L, W);

    private final Random random = new Random(42);
    private MockProcessorContext<String, Object> context;
    private WindowStore<String, byte[]> store;
    @TempDir
    Path stateDir; // deleted by JUnit after close() closed the store

    private String key() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** A real RocksDB window store as the processor gets it (changelog off: the mock context has none). */
    private WindowStore<String, byte[]> rocks() throws Exception {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "seen-filter-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        java.io.File dir = stateDir.toFile();
        p.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
        context = new MockProcessorContext<>(p, new TaskId(0, 0), dir);
        store = QualityGateProcessor.storeBuilder(QualityGateProcessor.DEFAULT_STORE, Duration.ofMillis(W))
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        return store;
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void givenFarMoreKeysThanItsFirstCapacity_whenAsked_thenEveryAddedKeyIsMaybeAndUnderOnePercentOfOthersAre() {
        SeenFilter f = new SeenFilter(W, 1_000, SeenFilter.DEFAULT_MAX_BYTES);
        String[] added = new String[50_000];
        for (int i = 0; i < added.length; i++) {
            added[i] = key();
            f.put(added[i], T0);
        }
        for (String k : added) {
            assertThat(f.mightContain(k, T0)).isTrue();
        }
        int falsePositives = 0;
        for (int i = 0; i < 100_000; i++) {
            falsePositives += f.mightContain(key(), T0) ? 1 : 0;
        }
        assertThat(falsePositives).isLessThan(1_000);
        // 1,000 + 4,000 + 16,000 + 64,000 keys at 0.5%, 0.25%, ... : about 13 bits per key of capacity
        assertThat(f.bytes()).isLessThan(200_000);
    }

    @Test
    void givenAKeyInOneBucket_whenAnotherBucketIsAsked_thenItIsNotThere() {
        SeenFilter f = new SeenFilter(W, 1_000, SeenFilter.DEFAULT_MAX_BYTES);
        String k = key();
        f.put(k, T0);
        assertThat(f.mightContain(k, T0)).isTrue();
        assertThat(f.mightContain(k, T0 + W)).isFalse();
        assertThat(f.mightContain(k, T0 - W)).isFalse();
    }

    @Test
    void givenNewerBuckets_whenTheStoreWouldExpireABucket_thenItsFilterIsDroppedAndLateWritesToItAreIgnored() {
        SeenFilter f = new SeenFilter(W, 1_000, SeenFilter.DEFAULT_MAX_BYTES);
        String old = key();
        f.put(old, T0);
        f.put(key(), T0 + W);
        assertThat(f.mightContain(old, T0)).isTrue(); // still within the store's retention of two windows
        long before = f.bytes();
        f.put(key(), T0 + 2 * W);
        assertThat(f.mightContain(old, T0)).isFalse();
        assertThat(f.buckets()).isEqualTo(2);
        assertThat(f.bytes()).isLessThan(before * 2);
        f.put(old, T0); // the window store skips this write too
        assertThat(f.mightContain(old, T0)).isFalse();
    }

    @Test
    void givenTheMemoryCap_whenAChainWouldPassIt_thenThatBucketAnswersMaybeForEveryKey() {
        long cap = SeenFilter.filterBytes(1_000, SeenFilter.FIRST_FPP) * 2; // the first filter fits, the next does not
        SeenFilter f = new SeenFilter(W, 1_000, cap);
        for (int i = 0; i < 1_001; i++) {
            f.put(key(), T0);
        }
        assertThat(f.mightContain(key(), T0)).isTrue();
        assertThat(f.bytes()).isZero();
        assertThat(f.mightContain(key(), T0 + W)).isFalse(); // other buckets keep their own filters
    }

    @Test
    void givenRandomWritesToTheRealStore_whenTheStoreHasAKey_thenTheFilterNeverRulesItOut() throws Exception {
        WindowStore<String, byte[]> s = rocks();
        BucketedSeenStore seen = new BucketedSeenStore(s, W, new SeenFilter(W, 16, SeenFilter.DEFAULT_MAX_BYTES));
        String[] keys = new String[300];
        long[] times = new long[keys.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = key();
            // mostly advancing, sometimes late by up to three windows (the store then drops or keeps it)
            times[i] = T0 + i * (W / 100) - (random.nextInt(10) == 0 ? random.nextLong(3 * W) : 0);
            seen.put(keys[i], new byte[] {1}, Math.max(0, times[i]));
        }
        int stored = 0;
        for (int i = 0; i < keys.length; i++) {
            for (long b = T0 - 4 * W; b <= T0 + 10 * W; b += W) {
                if (s.fetch(keys[i], b) != null) {
                    stored++;
                    assertThat(seen.filter().mightContain(keys[i], b)).isTrue();
                }
            }
        }
        assertThat(stored).isGreaterThan(100); // the invariant was checked on real entries
    }

    @Test
    void givenAStoreWithEntries_whenTheFilterIsRebuilt_thenItKnowsEveryLiveEntry() throws Exception {
        WindowStore<String, byte[]> s = rocks();
        BucketedSeenStore first = new BucketedSeenStore(s, W);
        String[] keys = new String[2_000];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = key();
            first.put(keys[i], new byte[] {1}, T0 + i * (W / 1_000)); // two buckets
        }
        SeenFilter rebuilt = BucketedSeenStore.filtered(s, W).filter();
        for (int i = 0; i < keys.length; i++) {
            assertThat(rebuilt.mightContain(keys[i], T0 + (i / 1_000) * W)).isTrue();
        }
        assertThat(rebuilt.buckets()).isEqualTo(2);
    }

    @Test
    void givenAMessageSeenBeforeARestart_whenANewProcessorInitsOnTheRestoredStore_thenTheResendIsDropped()
            throws Exception {
        rocks();
        KeyStore keys = KeyStore.ephemeral();
        QualityMetrics metrics = new QualityMetrics();
        QualityGateProcessor.Wiring w = new QualityGateProcessor.Wiring(TestGates.gate(keys), Duration.ofMillis(W),
                new QuarantineSealer(keys.quarantine(), 0, "p", "v", Clock.systemUTC()), metrics,
                QualityGateProcessor.DEFAULT_STORE, "accepted", "quarantine", "p", "v");
        byte[] oru = TestGates.oru().getBytes(StandardCharsets.UTF_8);
        Processor<String, byte[], String, Object> before = QualityGateProcessor.supplier(w).get();
        before.init(context);
        before.process(new Record<>(null, oru, T0 + W - 1)); // the last millisecond of its bucket
        assertThat(context.forwarded()).hasSize(1);

        Processor<String, byte[], String, Object> after = QualityGateProcessor.supplier(w).get();
        after.init(context); // as Kafka Streams does after restoring the store: the filter is rebuilt from it
        context.resetForwards();
        after.process(new Record<>(null, oru, T0 + 2 * W - 2)); // the next bucket, within the window
        assertThat(context.forwarded()).isEmpty();
        assertThat(metrics.count(QualityMetrics.Decision.DUPLICATE)).isEqualTo(1);
    }
}
