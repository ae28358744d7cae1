package io.phistream.detector.fhir;

/** The two FHIR encodings read and written; output is always in the input's format. */
public enum FhirFormat {
    JSON("application/fhir+json"),
    XML("application/fhir+xml");

    private final String mediaType;

    FhirFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** By the first character after a BOM and whitespace: '{' JSON, '<' XML, else null. */
    static FhirFormat detect(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFEFF' || Character.isWhitespace(c)) {
                continue;
            }
            return c == '{' ? JSON : c == '<' ? XML : null;
        }
        return null;
    }
}
