package io.phistream.detector.deid;

/** What a state, province or country slot may keep: a name, never a code of digits that may be a ZIP. */
public final class Region {
    /** Longer than any state, province or country name a sender writes ("Federated States of Micronesia" is 30). */
    static final int MAX_LENGTH = 40;

    private Region() {
    }

    /** Letters, blanks, '.', '-', apostrophes and parentheses only, at most {@value #MAX_LENGTH} chars: "MA", "Nova Scotia". */
    public static boolean isName(String value) {
        String v = value.strip();
        if (v.isEmpty() || v.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!Character.isLetter(c) && c != ' ' && c != '.' && c != '-' && c != '\'' && c != '(' && c != ')') {
                return false;
            }
        }
        return true;
    }
}
