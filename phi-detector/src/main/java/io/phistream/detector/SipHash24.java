package io.phistream.detector;

/**
 * SipHash-2-4 of the UTF-8 bytes of two ASCII strings written one after the other, as Guava's
 * {@code Hashing.sipHash24(k0, k1).hashString(a + b, UTF_8).asLong()} computes it. Hand-written because the detector
 * hashes hundreds of candidate words per note with memory on, and Guava's streaming hasher allocates a byte array and a
 * buffer per call, which made the lookup most of memory's cost; {@code SipHash24Test} checks it against Guava. Callers fall back to Guava for text that is not ASCII.
 */
final class SipHash24 {
    private SipHash24() {
    }

    static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The hash of {@code a} then {@code b}, both ASCII (see {@link #ascii}). */
    static long hash(long k0, long k1, String a, String b) {
        long[] v = {0x736f6d6570736575L ^ k0, 0x646f72616e646f6dL ^ k1, 0x6c7967656e657261L ^ k0,
            0x7465646279746573L ^ k1};
        int la = a.length();
        int len = la + b.length();
        long m = 0;
        int shift = 0;
        for (int i = 0; i < len; i++) {
            long c = i < la ? a.charAt(i) : b.charAt(i - la);
            m |= c << shift;
            shift += 8;
            if (shift == 64) {
                compress(v, m);
                m = 0;
                shift = 0;
            }
        }
        compress(v, m | ((long) len) << 56);
        v[2] ^= 0xff;
        rounds(v, 4);
        return v[0] ^ v[1] ^ v[2] ^ v[3];
    }

    /** One 8-byte word of the message, little-endian, through two rounds. */
    private static void compress(long[] v, long m) {
        v[3] ^= m;
        rounds(v, 2);
        v[0] ^= m;
    }

    private static void rounds(long[] v, int n) {
        long v0 = v[0];
        long v1 = v[1];
        long v2 = v[2];
        long v3 = v[3];
        for (int r = 0; r < n; r++) {
            v0 += v1;
            v2 += v3;
            v1 = Long.rotateLeft(v1, 13);
            v3 = Long.rotateLeft(v3, 16);
            v1 ^= v0;
            v3 ^= v2;
            v0 = Long.rotateLeft(v0, 32);
            v2 += v1;
            v0 += v3;
            v1 = Long.rotateLeft(v1, 17);
            v3 = Long.rotateLeft(v3, 21);
            v1 ^= v2;
            v3 ^= v0;
            v2 = Long.rotateLeft(v2, 32);
        }
        v[0] = v0;
        v[1] = v1;
        v[2] = v2;
        v[3] = v3;
    }
}
