package io.phistream.detector.er7;

/**
 * The encoding characters a message declares in MSH-1 and MSH-2. {@code truncation} (v2.7+) and a missing
 * escape or sub-component character are {@code '\0'}.
 */
public record Delimiters(char field, char component, char repetition, char escape, char subcomponent, char truncation) {

    public static final Delimiters DEFAULT = new Delimiters('|', '^', '~', '\\', '&', '\0');

    /** True if {@code c} is one of the structural separators (field, component, repetition, sub-component). */
    public boolean isSeparator(char c) {
        return c == field || c == component || c == repetition || (c == subcomponent && c != '\0');
    }

    /** MSH-2 as it must be written back. */
    public String encodingCharacters() {
        StringBuilder sb = new StringBuilder(5).append(component).append(repetition);
        if (escape != '\0') {
            sb.append(escape);
        }
        if (subcomponent != '\0') {
            sb.append(subcomponent);
        }
        if (truncation != '\0') {
            sb.append(truncation);
        }
        return sb.toString();
    }
}
