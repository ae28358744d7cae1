package io.phistream.detector.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A fixed list of folded words that the rules test tokens against ({@link Scan#isAny(int, Words)}), compared by
 * lexicon id instead of by string. A token's key is the lexicon's key for its id whenever it has one, so "the token
 * is one of these words" is "its id is one of theirs"; only words the lexicon does not hold (and tokens without an
 * id) fall back to comparing strings. A rule asks this of nearly every token, and comparing a few ints beats loading
 * and comparing the hash of every listed String: on the benchmark's notes the string lists were the detector's single
 * largest cost.
 */
final class Words {
    private final String[] words;
    /**
     * Not volatile: a Resolved's fields are all final, so a thread that sees another's write sees it whole, and one that
     * does not resolves its own (an equal value). A plain read lets the JIT keep it in a register across a rule's loop.
     */
    private Resolved resolved;

    private Words(String[] words) {
        this.words = words;
    }

    /** The words, already folded (upper case, no apostrophes): as {@link Scan#key} spells tokens. */
    static Words of(String... folded) {
        return new Words(folded.clone());
    }

    /** The words of all the lists, for a gate that must hold every word its rules test first. */
    static Words union(Words... lists) {
        return new Words(java.util.Arrays.stream(lists).flatMap(w -> java.util.Arrays.stream(w.words)).distinct()
                .toArray(String[]::new));
    }

    /** Whether {@code folded} is one of the words (for callers that hold a key rather than a token). */
    boolean contains(String folded) {
        for (String w : words) {
            if (w.equals(folded)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The words as ids of {@code lx}; resolved once per lexicon. A lexicon adds words only while it loads, before any
     * scan can see it ({@code Lexicon.id} is private to its loading), so its ids never change after.
     */
    Resolved in(Lexicon lx) {
        Resolved r = resolved;
        return r != null && r.lexicon == lx ? r : resolve(lx);
    }

    private Resolved resolve(Lexicon lx) {
        Resolved r = new Resolved(lx, words);
        resolved = r; // (a racing resolution writes an equal value)
        return r;
    }

    static final class Resolved {
        final Lexicon lexicon;
        /**
         * A bit per id modulo {@value #FILTER_BITS}, set for the ids of the words: most tokens are none of the words,
         * and one bit test turns nearly all of them away before the ids are searched.
         */
        private final long[] filter = new long[FILTER_BITS / 64];
        private static final int FILTER_BITS = 1024;
        /** Ids of the words the lexicon holds, sorted. */
        private final int[] ids;
        /** For longer lists, the ids + 1 in an open-addressing table (0 = empty). */
        private final int[] table;
        /** The words it does not hold: only tokens without an id can be one of these. */
        private final String[] strays;
        /** The same in a hash set when there are many. */
        private final java.util.Set<String> straySet;
        /** A bit per stray's hash modulo 64 (0 when none): a key whose hash has no bit here is none of them. */
        private final long strayHashes;

        private Resolved(Lexicon lx, String[] words) {
            lexicon = lx;
            int[] found = new int[words.length];
            int n = 0;
            List<String> other = new ArrayList<>();
            for (String w : words) {
                int id = w.isEmpty() ? -1 : lx.words.find(w, 0, w.length());
                // (a number is never looked up, so "14" is compared by string even where the lexicon holds it)
                if (id >= 0 && lx.key(id).equals(w) && !w.chars().allMatch(Character::isDigit)) {
                    found[n++] = id;
                } else {
                    other.add(w);
                }
            }
            ids = Arrays.copyOf(found, n);
            Arrays.sort(ids);
            for (int id : ids) {
                filter[(id >>> 6) & (FILTER_BITS / 64 - 1)] |= 1L << id;
            }
            if (n > 12) {
                // open addressing at load under one half: one or two probes (a binary search took eight)
                int cap = Integer.highestOneBit(n * 4 - 1);
                table = new int[cap];
                for (int id : ids) {
                    int h = mix(id) & (cap - 1);
                    while (table[h] != 0) {
                        h = (h + 1) & (cap - 1);
                    }
                    table[h] = id + 1;
                }
            } else {
                table = null;
            }
            strays = other.toArray(new String[0]);
            straySet = strays.length > 8 ? new java.util.HashSet<>(Arrays.asList(strays)) : null; // (lists may repeat a word)
            long bits = 0;
            for (String w : strays) {
                bits |= 1L << w.hashCode();
            }
            strayHashes = bits;
        }

        boolean containsId(int id) {
            // cheap test first: the filter's bit (a long shift uses the id's low six bits)
            return (filter[(id >>> 6) & (FILTER_BITS / 64 - 1)] & 1L << id) != 0 && searchId(id);
        }

        private boolean searchId(int id) {
            int[] a = ids;
            if (a.length <= 12) {
                for (int v : a) {
                    if (v == id) {
                        return true;
                    }
                }
                return false;
            }
            int[] t = table;
            int m = t.length - 1;
            for (int h = mix(id) & m; t[h] != 0; h = (h + 1) & m) {
                if (t[h] == id + 1) {
                    return true;
                }
            }
            return false;
        }

        private static int mix(int id) {
            return id * 0x9E3779B9 >>> 7;
        }

        /** Whether a key of this hash may be one of the words the lexicon does not hold ({@link #containsStray}). */
        boolean mayBeStray(int keyHash) {
            return (strayHashes & 1L << keyHash) != 0;
        }

        boolean containsStray(String key) {
            if (straySet != null) {
                return straySet.contains(key);
            }
            for (String w : strays) {
                if (w.equals(key)) {
                    return true;
                }
            }
            return false;
        }
    }
}
