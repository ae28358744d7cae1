package io.phistream.detector.deid;

import io.phistream.detector.PhiType;

/**
 * E-mail addresses and contact URIs left in a de-identified output, which both residual guards refuse whatever
 * field holds them (a walkthrough: an HL7 code's text "HF per ophelia.q@example.com" was released, while FHIR
 * refused the same).
 */
public final class ContactAddresses {

    private ContactAddresses() {
    }

    private static final String[] CONTACT_SCHEMES = {"mailto", "tel", "fax", "sms"};

    /**
     * The type of the first e-mail address or {@code mailto:}/{@code tel:}/{@code fax:}/{@code sms:} URI anywhere in
     * a de-identified output, or null; never the value. It may stand in a value the policy keeps by its type (FHIR
     * {@code valueUri "mailto:..."}, a {@code Coding.display}, an HL7 code's text) that no replaced value repeats, so a
     * guard searching for known values cannot know it. No treated output holds one (contact points are removed, free
     * text scrubbed; tokens and pseudonyms hold no '@' or ':'), so any is PHI. Hand-written rather than a regular
     * expression: a pattern that opens on a run of letters would backtrack over every start in a long base64 run;
     * this looks only around each '@' and ':'.
     */
    public static PhiType first(String output) {
        for (int at = output.indexOf('@'); at >= 0; at = output.indexOf('@', at + 1)) {
            if (at > 0 && localPart(output.charAt(at - 1)) && domainAt(output, at + 1) && !surrogateEmail(output, at)) {
                return PhiType.EMAIL;
            }
        }
        // URL-encoded ("jane%40example.org" in a kept uri), or spelled out as people do to dodge harvesters
        // ("jane [at] example.org", "jane(AT)example.org"); String.indexOf per form, as the output may be megabytes
        for (String spelled : SPELLED_AT) {
            for (int at = output.indexOf(spelled); at >= 0; at = output.indexOf(spelled, at + 1)) {
                int before = at - 1;
                if (before > 0 && output.charAt(before) == ' ') {
                    before--;
                }
                int after = at + spelled.length();
                if (after < output.length() && output.charAt(after) == ' ') {
                    after++;
                }
                if (before >= 0 && localPart(output.charAt(before)) && domainAt(output, after)) {
                    return PhiType.EMAIL;
                }
            }
        }
        for (char lookalike : new char[] {'\uFF20', '\uFE6B'}) { // fullwidth and small commercial at
            for (int at = output.indexOf(lookalike); at >= 0; at = output.indexOf(lookalike, at + 1)) {
                if (at > 0 && localPart(output.charAt(at - 1)) && domainAt(output, at + 1)) {
                    return PhiType.EMAIL;
                }
            }
        }
        for (int colon = output.indexOf(':'); colon >= 0; colon = output.indexOf(':', colon + 1)) {
            // (cheap test first: a scheme ends in o, l, x or s; JSON's own colons follow a quote)
            char last = colon > 0 ? Character.toLowerCase(output.charAt(colon - 1)) : ' ';
            if (last != 'o' && last != 'l' && last != 'x' && last != 's') {
                continue;
            }
            for (String scheme : CONTACT_SCHEMES) {
                int from = colon - scheme.length();
                // a URI's scheme in any case, the address right after it ("tel:+15550142", "TEL:555...");
                // "Tel: 555-0142" with a blank is a note's label, scrubbed already (in surrogates mode made up)
                if (from >= 0 && output.regionMatches(true, from, scheme, 0, scheme.length())
                        && (from == 0 || !Character.isLetterOrDigit(output.charAt(from - 1)))
                        && addressAfter(output, colon + 1)) {
                    return scheme.equals("mailto") ? PhiType.EMAIL
                            : PhiType.PHONE;
                }
            }
        }
        return null;
    }

    /** The at-sign as a URL encodes it and as people spell it out. */
    private static final String[] SPELLED_AT = {"%40", "[at]", "[AT]", "(at)", "(AT)"};

    private static boolean localPart(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    /** A domain from i: labels of letters, digits and '-' joined by dots, the last of two letters or more. */
    private static boolean domainAt(String s, int i) {
        int dots = 0;
        int label = 0;
        int letters = 0;
        for (int j = i; j < s.length() && j - i < 256; j++) {
            char c = s.charAt(j);
            if (c == '.' && label > 0) {
                dots++;
                label = 0;
                letters = 0;
            } else if (Character.isLetterOrDigit(c) || c == '-') {
                label++;
                letters = Character.isLetter(c) ? letters + 1 : 0;
            } else {
                break;
            }
        }
        return dots > 0 && label >= 2 && letters == label;
    }

    /** A digit, letter, '+', '(' or "//" right after a contact scheme's colon: an address follows. */
    private static boolean addressAfter(String s, int i) {
        return i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '+' || s.charAt(i) == '('
                || s.startsWith("//", i) && i + 2 < s.length() && Character.isLetterOrDigit(s.charAt(i + 2)));
    }

    /** The made-up address the text scrubber writes in surrogates mode: {@code user<digits>@example.org}. */
    private static boolean surrogateEmail(String s, int at) {
        String domain = "@example.org";
        if (!s.startsWith(domain, at) || at + domain.length() < s.length()
                && Character.isLetterOrDigit(s.charAt(at + domain.length()))) {
            return false;
        }
        int i = at;
        while (i > 0 && Character.isDigit(s.charAt(i - 1))) {
            i--;
        }
        return i < at && i >= 4 && s.startsWith("user", i - 4) && (i == 4 || !localPart(s.charAt(i - 5)));
    }
}
