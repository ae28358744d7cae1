package io.phistream.detector;

import java.util.Locale;
import java.util.Set;

/**
 * Particles inside compound names ("Colón de Jesús", "van der Berg", "Castillo del Valle"): they say nothing of whom a
 * name is, so the residual guard never searches for one alone and a surrogate keeps it between made-up words. No
 * one-letter word: "John E Smith"'s E is an initial.
 */
public final class NameParticles {

    private static final Set<String> WORDS = Set.of("de", "del", "della", "di", "da", "do", "dos", "das", "van", "von",
            "der", "den", "la", "le", "du", "des", "los", "las", "ter", "ten", "bin", "ibn", "san", "santa", "mac",
            "saint");

    private NameParticles() {
    }

    /** Whether the word, in any case, is a particle. */
    public static boolean is(String word) {
        return WORDS.contains(word.toLowerCase(Locale.ROOT));
    }
}
