package io.phistream.topology.quality;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * Decides whether an input repeats one seen within the window, by keyed digests only.
 *
 * <p>The key is the digest of MSH-3/4/10 ({@link QualityGate.Inspection#idKey()}); the value remembered with it
 * is the digest of the message body. A second sighting with the same body is a duplicate (dropped). One with a
 * different body is not the same message: the sender reused a control id (counters reset after a restart, test
 * feeds); dropping it would lose data, so it is remembered under the digest of id and body together
 * ({@link QualityGate.Inspection#idBodyKey()}) and reported as {@link Result#CONTROL_ID_REUSED}. Either way the
 * same control id with the same body is one message, whatever an interface engine rewrote in MSH. Messages without
 * MSH-10 are keyed by the digest of their whole normalised content.
 *
 * <p>Time is the record timestamp (stream time): a replay of the same records decides the same way, and a resend
 * is a duplicate when its timestamp is within the window of the first sighting, before or after it.
 */
public final class Deduplicator {

    public enum Result { FIRST, DUPLICATE, CONTROL_ID_REUSED }

    private static final byte[] SEEN = {1};

    private final long windowMs;

    public Deduplicator(Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the dedupe window must be positive");
        }
        this.windowMs = window.toMillis();
    }

    public Duration window() {
        return Duration.ofMillis(windowMs);
    }

    /** Looks the input up and records it when it is new; the store then knows it for the window. */
    public Result check(Gate.Inspected in, long timestamp, SeenStore store) {
        long from = timestamp - windowMs < 0 ? 0 : timestamp - windowMs;
        long to = timestamp > Long.MAX_VALUE - windowMs ? Long.MAX_VALUE : timestamp + windowMs;
        String id = in.idKey();
        if (id != null) {
            byte[] body = in.fingerprint().getBytes(StandardCharsets.US_ASCII);
            byte[] seen = store.find(id, from, to);
            if (seen == null) {
                store.put(id, body, timestamp);
                return Result.FIRST;
            }
            if (Arrays.equals(seen, body)) {
                return Result.DUPLICATE;
            }
            String reused = in.idBodyKey();
            if (store.find(reused, from, to) != null) {
                return Result.DUPLICATE;
            }
            store.put(reused, SEEN, timestamp);
            return Result.CONTROL_ID_REUSED;
        }
        String content = in.contentKey();
        if (store.find(content, from, to) != null) {
            return Result.DUPLICATE;
        }
        store.put(content, SEEN, timestamp);
        return Result.FIRST;
    }
}
