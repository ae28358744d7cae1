package io.phistream.topology.quality;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;

/**
 * An immutable set of a few strings whose {@code contains} compares by equality instead of hashing: the values the
 * rules look up are fresh substrings of each message, whose hash codes would be computed on every lookup.
 */
final class SmallSet extends AbstractSet<String> {

    private static final int LIMIT = 8;

    private final String[] values;

    private SmallSet(String[] values) {
        this.values = values;
    }

    /** A small set as an array, a larger one as an immutable hash set. */
    static Set<String> of(Set<String> s) {
        return s.size() <= LIMIT ? new SmallSet(s.toArray(new String[0])) : Set.copyOf(s);
    }

    @Override
    public boolean contains(Object o) {
        for (String v : values) {
            if (v.equals(o)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Iterator<String> iterator() {
        return Arrays.asList(values).iterator();
    }

    @Override
    public int size() {
        return values.length;
    }
}
