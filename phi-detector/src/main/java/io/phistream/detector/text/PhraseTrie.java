package io.phistream.detector.text;

/**
 * Multi-word dictionary (places, hospitals) as a trie over word ids of a {@link TokenTable}, so a
 * phrase is matched word by word on the already-tokenised input. Transitions live in one primitive
 * open-addressing map keyed by (node, word id): no per-node objects, no allocation while matching.
 */
final class PhraseTrie {
    private long[] keys = new long[1 << 16];
    private int[] vals = new int[1 << 16];
    private int count;
    private int[] value = new int[1 << 12]; // per node, -1 = not terminal
    private int nodes = 1;
    private int maxDepth;

    PhraseTrie() {
        java.util.Arrays.fill(keys, -1L);
        java.util.Arrays.fill(value, -1);
    }

    int maxDepth() {
        return maxDepth;
    }

    /** Adds a phrase (word ids); the value is combined with {@code combine} when the phrase exists. */
    int add(int[] words, int v, java.util.function.IntBinaryOperator combine) {
        int node = 0;
        for (int w : words) {
            int next = child(node, w);
            if (next < 0) {
                next = nodes++;
                if (next == value.length) {
                    int old = value.length;
                    value = java.util.Arrays.copyOf(value, old * 2);
                    java.util.Arrays.fill(value, old, value.length, -1);
                }
                put(node, w, next);
            }
            node = next;
        }
        value[node] = value[node] < 0 ? v : combine.applyAsInt(value[node], v);
        maxDepth = Math.max(maxDepth, words.length);
        return node;
    }

    int child(int node, int word) {
        if (word < 0) {
            return -1;
        }
        long k = ((long) node << 32) | word;
        int m = keys.length - 1;
        int s = mix(k) & m;
        while (true) {
            long kk = keys[s];
            if (kk == -1L) {
                return -1;
            }
            if (kk == k) {
                return vals[s];
            }
            s = (s + 1) & m;
        }
    }

    int value(int node) {
        return value[node];
    }

    private void put(int node, int word, int child) {
        if ((count + 1) * 2 > keys.length) {
            long[] ok = keys;
            int[] ov = vals;
            keys = new long[ok.length * 2];
            vals = new int[ok.length * 2];
            java.util.Arrays.fill(keys, -1L);
            count = 0;
            for (int i = 0; i < ok.length; i++) {
                if (ok[i] != -1L) {
                    raw(ok[i], ov[i]);
                }
            }
        }
        raw(((long) node << 32) | word, child);
    }

    private void raw(long k, int v) {
        int m = keys.length - 1;
        int s = mix(k) & m;
        while (keys[s] != -1L) {
            s = (s + 1) & m;
        }
        keys[s] = k;
        vals[s] = v;
        count++;
    }

    private static int mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        return (int) k;
    }

    long heapBytes() {
        return 12L * keys.length + 4L * value.length;
    }
}
