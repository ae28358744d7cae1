package io.phistream.detector.text;

import io.phistream.detector.text.lexicon.Fold;

/**
 * Folded word -> dense id, looked up straight from a slice of the input without allocating.
 * Hand-written (not a HashMap, not the Aho-Corasick library): the detector looks up every word of
 * every note, and an allocation-free open-addressing table over one char pool keeps that at a few
 * nanoseconds per word and the whole lexicon at a few megabytes.
 */
final class TokenTable {
    private char[] pool = new char[1 << 20];
    private int poolSize;
    /** Where word id's key starts in the pool; it ends where the next starts (keyStart[size] = poolSize). */
    private int[] keyStart = new int[1 << 16];
    private int size;
    /**
     * The key's hash in the high half, id + 1 in the low half (0 = empty): a probe rejects another word by its hash
     * without reading the key, and a lookup that finds its word reads one slot, one pair of key bounds and the key.
     */
    private long[] slots = new long[1 << 17];
    private int mask = slots.length - 1;

    int size() {
        return size;
    }

    /** Id of the folded key, adding it when absent. */
    int add(String foldedKey) {
        int found = find(foldedKey, 0, foldedKey.length());
        if (found >= 0) {
            return found;
        }
        if ((size + 1) * 2 > slots.length) {
            rehash();
        }
        if (poolSize + foldedKey.length() > pool.length) {
            pool = java.util.Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + foldedKey.length()));
        }
        if (size + 1 == keyStart.length) {
            keyStart = java.util.Arrays.copyOf(keyStart, keyStart.length * 2);
        }
        foldedKey.getChars(0, foldedKey.length(), pool, poolSize);
        keyStart[size] = poolSize;
        poolSize += foldedKey.length();
        keyStart[size + 1] = poolSize;
        insert(size, hashOfKey(size));
        return size++;
    }

    /** Whether word id is spelled exactly {@code folded} (no allocation). */
    boolean keyEquals(int id, String folded) {
        int len = keyLen(id);
        if (len != folded.length()) {
            return false;
        }
        int p = keyStart[id];
        for (int i = 0; i < len; i++) {
            if (pool[p + i] != folded.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    String key(int id) {
        return new String(pool, keyStart[id], keyLen(id));
    }

    private int keyLen(int id) {
        return keyStart[id + 1] - keyStart[id];
    }

    /** Id of the word text[start,end) after folding (apostrophes and other separators skipped), or -1. */
    int find(CharSequence text, int start, int end) {
        if (end <= start) {
            return -1;
        }
        char[] folded = new char[end - start];
        int h = 0;
        for (int i = start; i < end; i++) {
            char f = Fold.fold(text.charAt(i));
            folded[i - start] = f == 0 ? '\'' : f; // skipped like an apostrophe
            if (f != 0 && f != '\'') {
                h = 31 * h + f;
            }
        }
        return find(folded, 0, folded.length, h);
    }

    /**
     * The same for a word already folded char by char ({@link Fold#fold}) into {@code folded[start,end)}, apostrophes
     * skipped, whose hash the caller computed while folding: the tokenizer folds every char once.
     */
    int find(char[] folded, int start, int end, int hash) {
        int len = 0;
        for (int i = start; i < end; i++) {
            if (folded[i] != '\'') {
                len++;
            }
        }
        if (len == 0) {
            return -1;
        }
        int s = mix(hash) & mask;
        while (true) {
            long v = slots[s];
            if ((int) v == 0) {
                return -1;
            }
            if ((int) (v >>> 32) == hash) {
                int id = (int) v - 1;
                int p = keyStart[id];
                if (keyStart[id + 1] - p == len && equalsFolded(p, folded, start, end)) {
                    return id;
                }
            }
            s = (s + 1) & mask;
        }
    }

    /** Whether the pool from p spells folded[start,end), apostrophes skipped. */
    private boolean equalsFolded(int p, char[] folded, int start, int end) {
        for (int i = start; i < end; i++) {
            char f = folded[i];
            if (f != '\'' && pool[p++] != f) {
                return false;
            }
        }
        return true;
    }

    private int hashOfKey(int id) {
        int h = 0;
        for (int i = keyStart[id], e = keyStart[id + 1]; i < e; i++) {
            h = 31 * h + pool[i];
        }
        return h;
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }

    private void insert(int id, int h) {
        int s = mix(h) & mask;
        while ((int) slots[s] != 0) {
            s = (s + 1) & mask;
        }
        slots[s] = (long) h << 32 | (id + 1);
    }

    private void rehash() {
        slots = new long[slots.length * 2];
        mask = slots.length - 1;
        for (int id = 0; id < size; id++) {
            insert(id, hashOfKey(id));
        }
    }

    long heapBytes() {
        return 2L * pool.length + 4L * keyStart.length + 8L * slots.length;
    }
}
