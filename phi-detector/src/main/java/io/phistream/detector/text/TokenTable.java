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
     * Two longs per slot. The first: the key's hash in the high half, id + 1 in the low half (0 = empty), so that a
     * probe rejects another word by its hash without reading more. The second: the key itself when it fits
     * ({@link #pack}: most words a note holds), else its length and where it starts in the pool. A lookup that finds its
     * word reads the slot's cache line and, for a longer word only, the key's: the pool and the key bounds are far
     * larger than the caches, and each dependent read of them waited on the one before.
     */
    private long[] slots = new long[2 << 17];
    /** The number of slots less one. */
    private int mask = (slots.length >> 1) - 1;

    int size() {
        return size;
    }

    /** Id of the folded key, adding it when absent. */
    int add(String foldedKey) {
        int found = find(foldedKey, 0, foldedKey.length());
        if (found >= 0) {
            return found;
        }
        if (foldedKey.length() > Character.MAX_VALUE) {
            throw new IllegalArgumentException("key too long: " + foldedKey.length());
        }
        if ((size + 1) * 2 > mask + 1) {
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
        for (int i = start; i < end; i++) {
            if (folded[i] != '\'') {
                return findFrom(slot(hash), folded, start, end, hash);
            }
        }
        return -1;
    }

    /**
     * The first slot a lookup of {@code hash} reads past the hashes of other words: where its word may be, or an empty
     * slot. Reads only the slots, so that a caller looking up many words can take every word's slot first and let
     * those reads overlap (see {@link #findFrom}).
     */
    int slot(int hash) {
        int s = mix(hash) & mask;
        long v;
        while ((int) (v = slots[2 * s]) != 0 && (int) (v >>> 32) != hash) {
            s = (s + 1) & mask;
        }
        return s;
    }

    /**
     * {@link #find(char[], int, int, int)} from slot s, which precedes or is the word's slot (from {@link #slot}) and
     * follows every empty slot after its home: for a key of at least one char other than apostrophes.
     */
    int findFrom(int s, char[] folded, int start, int end, int hash) {
        long packed = packFolded(folded, start, end);
        while (true) {
            long v = slots[2 * s];
            if ((int) v == 0) {
                return -1;
            }
            if ((int) (v >>> 32) == hash) {
                long k = slots[2 * s + 1];
                if (packed != 0 ? k == packed : k >>> 56 == 0 && equalsFolded(k, folded, start, end)) {
                    return (int) v - 1;
                }
            }
            s = (s + 1) & mask;
        }
    }

    /**
     * A key of one to seven chars of at most 8 bits, packed into a long: its length in the top byte, its chars in the
     * bytes below, the first lowest; 0 for any other key. Equal keys pack equal, and a packed key's top byte is never 0.
     */
    private static long pack(char[] chars, int start, int end) {
        if (end - start > 7 || end == start) {
            return 0;
        }
        long packed = (long) (end - start) << 56;
        for (int i = start; i < end; i++) {
            if (chars[i] > 0xFF) {
                return 0;
            }
            packed |= (long) chars[i] << 8 * (i - start);
        }
        return packed;
    }

    /** {@link #pack} of the key folded[start,end) spells, apostrophes skipped. */
    private static long packFolded(char[] folded, int start, int end) {
        long packed = 0;
        int len = 0;
        for (int i = start; i < end; i++) {
            char f = folded[i];
            if (f != '\'') {
                if (len == 7 || f > 0xFF) {
                    return 0;
                }
                packed |= (long) f << 8 * len++;
            }
        }
        return len == 0 ? 0 : packed | (long) len << 56;
    }

    /** Whether the key a slot holds by its length and place (k) spells folded[start,end), apostrophes skipped. */
    private boolean equalsFolded(long k, char[] folded, int start, int end) {
        int p = (int) k;
        int len = (int) (k >>> 32);
        int j = 0;
        for (int i = start; i < end; i++) {
            char f = folded[i];
            if (f != '\'') {
                if (j == len || pool[p + j] != f) {
                    return false;
                }
                j++;
            }
        }
        return j == len;
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
        while ((int) slots[2 * s] != 0) {
            s = (s + 1) & mask;
        }
        int p = keyStart[id];
        int len = keyLen(id);
        long packed = pack(pool, p, p + len);
        slots[2 * s] = (long) h << 32 | (id + 1);
        slots[2 * s + 1] = packed != 0 ? packed : (long) len << 32 | p;
    }

    private void rehash() {
        slots = new long[slots.length * 2];
        mask = (slots.length >> 1) - 1;
        for (int id = 0; id < size; id++) {
            insert(id, hashOfKey(id));
        }
    }

    long heapBytes() {
        return 2L * pool.length + 4L * keyStart.length + 8L * slots.length;
    }
}
