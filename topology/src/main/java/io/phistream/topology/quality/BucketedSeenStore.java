package io.phistream.topology.quality;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.kafka.streams.state.WindowStore;

/**
 * {@link SeenStore} over a window store, by point lookups only. A sighting at time {@code t} is stored at the start
 * of its bucket ({@code t} rounded down to a multiple of the window), with {@code t} itself in the value's first 8
 * bytes. A sighting within one window of {@code t} lies in bucket {@code b-1}, {@code b} or {@code b+1}: at most
 * three point gets, and no range scan. A range fetch over {@code [t-W, t+W]} opens a RocksDB iterator per segment
 * (seek and JNI calls), which cost about two thirds of the gate's processor time (QualityGateBench); a point get of
 * an absent key is mostly a Bloom-filter probe. In the in-memory window store, a range fetch visits every distinct
 * timestamp in the range, a bucket lookup one.
 *
 * <p>The store keeps two windows (a bucket's start can be up to a window before the sightings it holds). Expiry is
 * still the window store's segment retention. Buckets are checked newest-first among the likely ones: the current
 * bucket, then the previous one, then the next one.
 */
final class BucketedSeenStore implements SeenStore {

    private final WindowStore<String, byte[]> store;
    private final long bucket;
    private final SeenFilter filter;

    /** Without a filter: every lookup probes the store. */
    BucketedSeenStore(WindowStore<String, byte[]> store, long windowMs) {
        this(store, windowMs, null);
    }

    /**
     * With {@code filter} in front: a bucket it rules out is not probed. The filter must have been built from this
     * store ({@link SeenFilter#rebuild}) and must see every write to it, i.e. this instance is the store's only writer
     * (but for the {@code ChangelogMarker} record, which is no key anyone looks up and which the filter skips).
     */
    BucketedSeenStore(WindowStore<String, byte[]> store, long windowMs, SeenFilter filter) {
        this.store = store;
        this.bucket = windowMs;
        this.filter = filter;
    }

    /** Builds the filter from the store as it is now (after restoration) and puts it in front. */
    static BucketedSeenStore filtered(WindowStore<String, byte[]> store, long windowMs) {
        return new BucketedSeenStore(store, windowMs,
                SeenFilter.rebuild(store, windowMs, SeenFilter.DEFAULT_INITIAL, SeenFilter.DEFAULT_MAX_BYTES));
    }

    SeenFilter filter() {
        return filter;
    }

    @Override
    public byte[] find(String key, long from, long to) {
        // [from, to] is at most two windows wide: its middle's bucket and the two beside it cover it
        long b = start(from + (to - from) / 2);
        byte[] hit = at(key, b, from, to);
        if (hit == null && b >= bucket) {
            hit = at(key, b - bucket, from, to);
        }
        if (hit == null && b <= Long.MAX_VALUE - bucket) {
            hit = at(key, b + bucket, from, to);
        }
        return hit;
    }

    private byte[] at(String key, long bucketStart, long from, long to) {
        if (bucketStart + bucket - 1 < from || bucketStart > to) {
            return null; // the bucket cannot hold a sighting in range
        }
        if (filter != null && !filter.mightContain(key, bucketStart)) {
            return null; // definitely not stored there
        }
        byte[] v = store.fetch(key, bucketStart);
        if (v == null || v.length < Long.BYTES) {
            return null;
        }
        long t = ByteBuffer.wrap(v, 0, Long.BYTES).getLong();
        return t >= from && t <= to ? Arrays.copyOfRange(v, Long.BYTES, v.length) : null;
    }

    @Override
    public void put(String key, byte[] value, long timestamp) {
        byte[] v = ByteBuffer.allocate(Long.BYTES + value.length).putLong(timestamp).put(value).array();
        long b = start(timestamp);
        if (filter != null) {
            filter.put(key, b); // first: if the store write fails, the filter only says "maybe" once too often
        }
        store.put(key, v, b);
    }

    private long start(long t) {
        return t - Math.floorMod(t, bucket);
    }
}
