package io.phistream.topology.quality;

import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnels;
import io.phistream.topology.stream.ChangelogMarker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;

/**
 * A heap-only "definitely not in the store" answer in front of the dedupe window store: one Bloom filter chain per
 * store bucket ({@link BucketedSeenStore}). Most inputs are new, and a new key costs three RocksDB point gets without
 * it; a "maybe" still goes to the store, so decisions are the store's (no false negatives: every key the store holds
 * was added here, by {@link #rebuild} or {@link #put}).
 *
 * <p>It is never persisted and never restored on its own: it is rebuilt from the store each time the processor is
 * initialised, which Kafka Streams does after the store is restored (a migrated task, a promoted standby, a task
 * revived after a failed transaction, a resumed task). It only ever answers for buckets the store would still answer
 * for: a bucket {@code b} is live while {@code b > newest - 2 × window} (the window store's retention test on the
 * newest bucket written), so at most two chains exist. Older buckets are dropped here as the store expires them.
 *
 * <p>Sizing: a chain starts at {@code max(initial, 1.25 × entries of the previous bucket)} (at a rebuild: the bucket's
 * own entries × 1.25), at false-positive rate 0.5%; when full it adds a filter four times larger at half the rate
 * (a scalable Bloom filter, Almeida et al. 2007), so a chain's rate stays under 1% however many keys arrive.
 * Memory: about 11-13 bits per key (≈ 1.5 B, vs ~100 B per entry in RocksDB), and at most {@code maxBytes} for all
 * chains together: a chain that would exceed it is dropped and its bucket answers "maybe" (exact store probes, as
 * without a filter) until it expires.
 *
 * <p>Guava's {@link BloomFilter} (already on the classpath through HAPI) holds the bits; keys are keyed digests
 * (hex), so no identifier in clear is ever hashed or held here.
 */
final class SeenFilter {

    /** Default cap on all chains of one processor (one task's store). */
    static final long DEFAULT_MAX_BYTES = 64L << 20;
    /** Default first capacity of a chain with no estimate (about 100 KB). */
    static final int DEFAULT_INITIAL = 1 << 16;
    static final double FIRST_FPP = 0.005;
    private static final int GROWTH = 4;

    private final long windowMs;
    private final long initialCapacity;
    private final long maxBytes;
    private final Map<Long, Chain> chains = new HashMap<>(4);
    private long newest = Long.MIN_VALUE;
    private long bytes;

    SeenFilter(long windowMs, long initialCapacity, long maxBytes) {
        this.windowMs = windowMs;
        this.initialCapacity = Math.max(1, initialCapacity);
        this.maxBytes = maxBytes;
    }

    /**
     * Builds the filter from the store's current contents: one pass to count each bucket's entries (the chain is sized
     * to hold them in one filter), one to add them.
     */
    static SeenFilter rebuild(WindowStore<String, byte[]> store, long windowMs, long initialCapacity, long maxBytes) {
        Map<Long, Long> counts = new HashMap<>();
        try (KeyValueIterator<Windowed<String>, byte[]> it = store.all()) {
            while (it.hasNext()) {
                Windowed<String> k = it.next().key;
                if (!ChangelogMarker.KEY.equals(k.key())) { // the marker is no sighting: no chain for it
                    counts.merge(k.window().start(), 1L, Long::sum);
                }
            }
        }
        SeenFilter f = new SeenFilter(windowMs, initialCapacity, maxBytes);
        counts.keySet().stream().mapToLong(Long::longValue).max().ifPresent(f::advance);
        counts.forEach((b, n) -> {
            if (f.live(b)) {
                f.chains.put(b, f.newChain(n + n / 4));
            }
        });
        try (KeyValueIterator<Windowed<String>, byte[]> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<Windowed<String>, byte[]> kv = it.next();
                if (!ChangelogMarker.KEY.equals(kv.key.key())) {
                    f.put(kv.key.key(), kv.key.window().start());
                }
            }
        }
        return f;
    }

    /** False when the store holds no entry for {@code key} in the bucket starting at {@code bucketStart}. */
    boolean mightContain(String key, long bucketStart) {
        Chain c = chains.get(bucketStart);
        return c != null && c.mightContain(key);
    }

    /** Records that the store now holds {@code key} in the bucket starting at {@code bucketStart}. */
    void put(String key, long bucketStart) {
        advance(bucketStart);
        if (!live(bucketStart)) {
            return; // the store skips writes to expired buckets as well
        }
        Chain c = chains.get(bucketStart);
        if (c == null) {
            Chain previous = chains.get(bucketStart - windowMs);
            long estimate = previous == null ? 0 : previous.count + previous.count / 4;
            c = newChain(estimate);
            chains.put(bucketStart, c);
        }
        c.put(key);
    }

    /** Heap held by the filters' bits. */
    long bytes() {
        return bytes;
    }

    /** Live buckets with a chain (saturated ones included). */
    int buckets() {
        return chains.size();
    }

    private boolean live(long bucketStart) {
        return newest == Long.MIN_VALUE || bucketStart > newest - 2 * windowMs;
    }

    private void advance(long bucketStart) {
        if (bucketStart <= newest) {
            return;
        }
        newest = bucketStart;
        for (Iterator<Map.Entry<Long, Chain>> it = chains.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, Chain> e = it.next();
            if (!live(e.getKey())) {
                bytes -= e.getValue().bytes;
                it.remove();
            }
        }
    }

    private Chain newChain(long estimate) {
        Chain c = new Chain();
        c.grow(Math.max(initialCapacity, estimate), FIRST_FPP);
        return c;
    }

    /** Bits of a Bloom filter for {@code n} keys at rate {@code p} (Guava's formula), in bytes, rounded to longs. */
    static long filterBytes(long n, double p) {
        long bits = (long) (-n * Math.log(p) / (Math.log(2) * Math.log(2)));
        return (bits + 63) / 64 * 8;
    }

    private final class Chain {
        private final List<BloomFilter<CharSequence>> filters = new ArrayList<>(2);
        private BloomFilter<CharSequence> last;
        private long capacity;
        private double fpp;
        private long inLast;
        private long count;
        private long bytes;
        private boolean saturated;

        boolean mightContain(String key) {
            if (saturated) {
                return true;
            }
            // newest (largest) first; a new key is checked against all of them
            for (int i = filters.size() - 1; i >= 0; i--) {
                if (filters.get(i).mightContain(key)) {
                    return true;
                }
            }
            return false;
        }

        void put(String key) {
            count++;
            if (saturated) {
                return;
            }
            if (inLast >= capacity && !grow(capacity * GROWTH, fpp / 2)) {
                return;
            }
            last.put(key);
            inLast++;
        }

        /** Adds a filter; false (and the chain answers "maybe" from now on) when the memory cap would be passed. */
        boolean grow(long n, double p) {
            long b = filterBytes(n, p);
            if (SeenFilter.this.bytes + b > maxBytes) {
                SeenFilter.this.bytes -= bytes;
                bytes = 0;
                filters.clear();
                last = null;
                saturated = true;
                return false;
            }
            last = BloomFilter.create(Funnels.unencodedCharsFunnel(), n, p);
            filters.add(last);
            capacity = n;
            fpp = p;
            inLast = 0;
            bytes += b;
            SeenFilter.this.bytes += b;
            return true;
        }
    }
}
