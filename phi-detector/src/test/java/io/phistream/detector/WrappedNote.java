package io.phistream.detector;

import java.util.List;

/** A synthetic progress note wrapped at 60 columns, as an EHR exports it or a transcription system sends it a line per OBX. */
public final class WrappedNote {
    /** Its lines: "Mercy" ends the second and "Hospital" opens the third. */
    public static final List<String> LINES = List.of(
            "Pt seen this morning with wife at bedside, comfortable on",
            "room air, tolerating diet. Transferred yesterday from Mercy",
            "Hospital after a fall at home; family asks for updates to",
            "her daughter Rosalind Abernethy, who is the health care",
            "proxy. Plan: continue IV antibiotics, PT eval, possible d/c",
            "Friday.");

    /** The lines as one text, each ended by a line break. */
    public static final String TEXT = String.join("\n", LINES) + "\n";

    private WrappedNote() {
    }
}
