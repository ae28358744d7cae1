package io.phistream.detector.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The one HAPI {@link FhirContext} (creating one scans the R4 model: slow; it is thread-safe once built) and the
 * parser settings de-identification relies on. Parsers are cheap and not thread-safe: one per call.
 */
final class Hapi {

    private static final FhirContext CONTEXT = create();

    private Hapi() {
    }

    static FhirContext context() {
        return CONTEXT;
    }

    private static FhirContext create() {
        FhirContext ctx = FhirContext.forR4();
        // keep resource ids and versioned references exactly as written, so pseudonyms line up with references
        ctx.getParserOptions().setOverrideResourceIdWithBundleEntryFullUrl(false);
        ctx.getParserOptions().setStripVersionsFromReferences(false);
        ctx.getParserOptions().setAutoContainReferenceTargetsWithNoId(false);
        return ctx;
    }

    static IParser parser(FhirFormat format) {
        IParser p = format == FhirFormat.JSON ? CONTEXT.newJsonParser() : CONTEXT.newXmlParser();
        p.setParserErrorHandler(FailClosed.INSTANCE);
        p.setPrettyPrint(false);
        return p;
    }

    /**
     * Parses a resource, refusing first (with HAPI's own exception type, which the callers take for unreadable input)
     * a JSON number whose exponent is beyond ±{@value #MAX_EXPONENT}: HAPI writes every decimal out in full, so
     * "1e999999999" asked for a string of a billion digits and ended the process (a walkthrough); a real value never
     * needs such an exponent.
     */
    static IBaseResource parse(FhirFormat format, String text) {
        if (format == FhirFormat.JSON && hugeExponent(text)) {
            throw new DataFormatException("a number out of range");
        }
        return parser(format).parseResource(text);
    }

    static final int MAX_EXPONENT = 1000;

    /**
     * Whether a JSON number outside the strings has an exponent beyond {@link #MAX_EXPONENT}. Hand-written: one pass
     * that only tracks strings, before the parser sees the text (Jackson's own limits bound a number's length, not the
     * size of its value).
     */
    static boolean hugeExponent(String json) {
        // first, without tracking strings, whether any exponent of four digits or more stands anywhere (indexOf is an
        // intrinsic; almost no input has one): only then is it read again, strings told apart
        if (!bigExponentAnywhere(json, 'e') && !bigExponentAnywhere(json, 'E')) {
            return false;
        }
        int n = json.length();
        for (int i = 0; i < n; i++) {
            char c = json.charAt(i);
            if (c == '"') {
                // strings hold most of a Bundle's characters (and the digits and e's of base64 and ids that made the
                // first look above say yes): jump over each to its closing quote rather than reading it
                i = closingQuote(json, i + 1);
                if (i < 0) {
                    return false;
                }
            } else if ((c == 'e' || c == 'E') && i > 0 && (Character.isDigit(json.charAt(i - 1)) || json.charAt(i - 1) == '.')) {
                int j = i + 1;
                if (j < n && (json.charAt(j) == '+' || json.charAt(j) == '-')) {
                    j++;
                }
                while (j < n && json.charAt(j) == '0') {
                    j++; // leading zeros say nothing of the size
                }
                int start = j;
                while (j < n && Character.isDigit(json.charAt(j))) {
                    j++;
                }
                if (j - start > 4 || j > start && Integer.parseInt(json, start, j, 10) > MAX_EXPONENT) {
                    return true;
                }
                i = j - 1;
            }
        }
        return false;
    }

    /**
     * The index of the quote that closes a JSON string whose text starts at {@code from}, or -1: the first quote
     * after an even number of backslashes (each pair is one escaped backslash; an odd one left escapes the quote).
     */
    static int closingQuote(String json, int from) {
        for (int q = json.indexOf('"', from); q >= 0; q = json.indexOf('"', q + 1)) {
            int backslashes = 0;
            while (q - backslashes - 1 >= from && json.charAt(q - backslashes - 1) == '\\') {
                backslashes++;
            }
            if (backslashes % 2 == 0) {
                return q;
            }
        }
        return -1;
    }

    private static boolean bigExponentAnywhere(String json, char e) {
        for (int i = json.indexOf(e, 1); i >= 0; i = json.indexOf(e, i + 1)) {
            char before = json.charAt(i - 1);
            if (!Character.isDigit(before) && before != '.') {
                continue;
            }
            int j = i + 1;
            if (j < json.length() && (json.charAt(j) == '+' || json.charAt(j) == '-')) {
                j++;
            }
            int digits = 0;
            while (j < json.length() && Character.isDigit(json.charAt(j))) {
                j++;
                digits++;
            }
            if (digits >= 4) {
                return true;
            }
        }
        return false;
    }

    /** Parses and encodes a small Bundle in both formats once, so the first real message is not slow. */
    static void warmUp() {
        String json = """
                {"resourceType":"Bundle","type":"collection","timestamp":"2020-01-01T00:00:00Z","entry":[
                 {"fullUrl":"urn:uuid:0a3f1e32-6a1b-4f8e-9a55-3b4c8d1e2f70","resource":{"resourceType":"Patient",
                  "id":"0a3f1e32-6a1b-4f8e-9a55-3b4c8d1e2f70","text":{"status":"generated",
                  "div":"<div xmlns=\\"http://www.w3.org/1999/xhtml\\">x</div>"},
                  "identifier":[{"system":"urn:example","value":"1"}],"name":[{"family":"X"}],"birthDate":"2000-01-01",
                  "address":[{"postalCode":"00000"}],"telecom":[{"system":"phone","value":"0"}]}},
                 {"fullUrl":"urn:uuid:1b4f2e43-7b2c-4f9e-8b66-4c5d9e2f3a81","resource":{"resourceType":"Observation",
                  "status":"final","code":{"coding":[{"system":"http://loinc.org","code":"8867-4"}]},
                  "subject":{"reference":"urn:uuid:0a3f1e32-6a1b-4f8e-9a55-3b4c8d1e2f70"},
                  "effectiveDateTime":"2020-01-01T00:00:00Z","valueQuantity":{"value":60,"unit":"/min"}}}]}""";
        for (String type : CONTEXT.getResourceTypes()) {
            CONTEXT.getResourceDefinition(type); // scan every resource type now rather than on first sight
        }
        IBaseResource r = parser(FhirFormat.JSON).parseResource(json);
        String xml = parser(FhirFormat.XML).encodeResourceToString(r);
        parser(FhirFormat.JSON).encodeResourceToString(parser(FhirFormat.XML).parseResource(xml));
    }

    /**
     * Unknown elements and attributes are dropped silently (they never reach the output); invalid values reject
     * the message. HAPI's lenient handler would log the offending value, i.e. PHI; this one logs nothing and its
     * exception holds no input.
     */
    static final class FailClosed implements IParserErrorHandler {
        static final FailClosed INSTANCE = new FailClosed();

        @Override
        public void invalidValue(IParseLocation location, String value, String error) {
            throw new DataFormatException("invalid primitive value");
        }

        @Override
        public void containedResourceWithNoId(IParseLocation location) {
        }

        @Override
        public void incorrectJsonType(IParseLocation location, String elementName, BaseJsonLikeValue.ValueType expected,
                                      BaseJsonLikeValue.ScalarType expectedScalar, BaseJsonLikeValue.ValueType found,
                                      BaseJsonLikeValue.ScalarType foundScalar) {
        }

        @Override
        public void missingRequiredElement(IParseLocation location, String elementName) {
        }

        @Override
        public void unexpectedRepeatingElement(IParseLocation location, String elementName) {
        }

        @Override
        public void unknownAttribute(IParseLocation location, String attributeName) {
        }

        @Override
        public void unknownElement(IParseLocation location, String elementName) {
        }

        @Override
        public void unknownReference(IParseLocation location, String reference) {
        }

        @Override
        public void invalidInternalReference(IParseLocation location, String reference) {
        }

        @Override
        public void extensionContainsValueAndNestedExtensions(IParseLocation location) {
        }
    }
}
