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
    private int[] keyStart = new int[1 << 16];
    private int[] keyLen = new int[1 << 16];
    private int size;
    private int[] slots = new int[1 << 17]; // id + 1, 0 = empty
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
        if (size == keyStart.length) {
            keyStart = java.util.Arrays.copyOf(keyStart, size * 2);
            keyLen = java.util.Arrays.copyOf(keyLen, size * 2);
        }
        foldedKey.getChars(0, foldedKey.length(), pool, poolSize);
        keyStart[size] = poolSize;
        keyLen[size] = foldedKey.length();
        poolSize += foldedKey.length();
        insert(size, hashOfKey(size));
        return size++;
    }

    /** Whether word id is spelled exactly {@code folded} (no allocation). */
    boolean keyEquals(int id, String folded) {
        int len = keyLen[id];
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
        return new String(pool, keyStart[id], keyLen[id]);
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
            int v = slots[s];
            if (v == 0) {
                return -1;
            }
            int id = v - 1;
            if (keyLen[id] == len && equalsFolded(id, folded, start, end)) {
                return id;
            }
            s = (s + 1) & mask;
        }
    }

    private boolean equalsFolded(int id, char[] folded, int start, int end) {
        int p = keyStart[id];
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
        for (int i = keyStart[id], e = i + keyLen[id]; i < e; i++) {
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
        while (slots[s] != 0) {
            s = (s + 1) & mask;
        }
        slots[s] = id + 1;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        mask = slots.length - 1;
        for (int id = 0; id < size; id++) {
            insert(id, hashOfKey(id));
        }
    }

    long heapBytes() {
        return 2L * pool.length + 4L * (keyStart.length + keyLen.length + slots.length);
    }
}
