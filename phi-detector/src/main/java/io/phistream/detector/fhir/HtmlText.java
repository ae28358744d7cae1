package io.phistream.detector.fhir;

import java.text.Normalizer;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.StringEscapeUtils;

/**
 * Text made readable for the free-text scrubber, which reads words: a name split by markup, spelled with character
 * references or invisible characters, or written with a combining accent would be no word to it, and would pass.
 * {@link #readable} for a {@code text/html} attachment (read as text, markup included): comments, processing
 * instructions, scripts and every tag but those that separate (blocks, line breaks; kept bare) are dropped,
 * character references are written out (a reference to a markup character stays, so the result is still HTML).
 * {@link #plain} for any text before it is scrubbed: invisible format characters (soft hyphen, zero-width space, word
 * joiner) are dropped and accents composed ("e" + U+0301 is "é"). The FHIR path can change text so: a FHIR resource is written out anew and has
 * no input offsets to keep. Hand-written with linear patterns: a full HTML parser would rewrite the whole document.
 */
final class HtmlText {

    private static final Pattern COMMENT = Pattern.compile("<!--.*?(?:-->|\\z)|<\\?.*?(?:\\?>|\\z)", Pattern.DOTALL);
    private static final Pattern SCRIPT = Pattern.compile(
            "<(script|style)\\b[^>]*>.*?(?:</\\1\\s*>|\\z)", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern CDATA = Pattern.compile("<!\\[CDATA\\[|\\]\\]>");
    /** A tag that separates what stands on either side: kept, so lines stay lines. */
    private static final Pattern BLOCK_TAG = Pattern.compile(
            "</?(?i:p|div|br|hr|tr|td|th|li|ul|ol|dl|dt|dd|table|thead|tbody|tfoot|caption|h[1-6]|pre|blockquote"
                    + "|body|html|head|title|section|article|header|footer)\\b[^<>]*>");
    private static final Pattern ANY_TAG = Pattern.compile("</?[A-Za-z][^<>]*>");
    /** A tag's name, after its "<" or "</". */
    private static final Pattern TAG_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
    private static final Pattern REFERENCE = Pattern.compile(
            "&(?:#[xX]([0-9A-Fa-f]{1,6});?|#([0-9]{1,7});?|([A-Za-z][A-Za-z0-9]{1,31});)");
    /** References to markup characters: written out they would change the document's structure. */
    private static final Map<Integer, String> MARKUP = Map.of((int) '<', "&lt;", (int) '>', "&gt;", (int) '&', "&amp;",
            (int) '"', "&quot;", (int) '\'', "&#39;");

    private HtmlText() {
    }

    static String readable(String html) {
        String s = html;
        if (s.indexOf('<') >= 0) {
            s = COMMENT.matcher(s).replaceAll("");
            s = SCRIPT.matcher(s).replaceAll("");
            s = CDATA.matcher(s).replaceAll("");
            s = withoutInlineTags(s);
        }
        if (s.indexOf('&') >= 0) {
            s = references(s);
        }
        return plain(s);
    }

    /**
     * Every tag dropped but the separating ones ({@link #BLOCK_TAG}), which stay without their attributes; an inline
     * tag between a digit and a letter becomes a space ({@link #wordsApart}).
     */
    private static String withoutInlineTags(String s) {
        Matcher m = ANY_TAG.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        int runEnd = -1;
        char before = 0; // the character before a run of adjacent tags ("0177</span><span>Home")
        while (m.find()) {
            String tag = m.group();
            if (m.start() != runEnd) {
                before = m.start() > 0 ? s.charAt(m.start() - 1) : 0;
            }
            runEnd = m.end();
            String with;
            if (BLOCK_TAG.matcher(tag).matches()) {
                with = bare(tag);
                before = 0;
            } else {
                boolean lastOfRun = m.end() == s.length() || s.charAt(m.end()) != '<';
                with = lastOfRun && m.end() < s.length() && wordsApart(before, s.charAt(m.end())) ? " " : "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(with));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * A tag without its attributes ({@code <p class="..." title="...">} is {@code <p>}): an attribute is free text the
     * scrubber would read as part of the markup, and a walkthrough found class and title values released as written.
     */
    private static String bare(String tag) {
        boolean closing = tag.startsWith("</");
        Matcher name = TAG_NAME.matcher(tag);
        name.find(closing ? 2 : 1);
        return (closing ? "</" : "<") + name.group() + (tag.endsWith("/>") ? "/>" : ">");
    }

    /**
     * Whether inline markup between two characters separates two words: a digit on one side and a letter on the other
     * ("555-0177</span><span>Home", "Thornwhistle<sup>1</sup>"; a walkthrough found both read as one word, and the phone
     * and the name kept). Letters on both sides are one word split by markup ("Winter<span>bourne</span>").
     */
    static boolean wordsApart(char before, char after) {
        return Character.isDigit(before) && Character.isLetter(after) || Character.isLetter(before) && Character.isDigit(after);
    }

    private static String references(String s) {
        Matcher m = REFERENCE.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            int cp = codePoint(m);
            String replacement = cp < 0 ? m.group() : MARKUP.getOrDefault(cp, new String(Character.toChars(cp)));
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The reference's character, or -1 when it names none (an unknown name, a number out of range). */
    private static int codePoint(Matcher m) {
        try {
            if (m.group(3) != null) {
                String decoded = StringEscapeUtils.unescapeHtml4(m.group());
                if (decoded.equals(m.group())) {
                    // HTML5 names of invisible characters that HTML 4's table lacks: a blank's worth of nothing
                    String name = m.group(3);
                    return name.equals("ZeroWidthSpace") || name.equals("NoBreak") || name.equals("zwj")
                            || name.equals("zwnj") || name.equals("InvisibleTimes") || name.equals("af") ? 0x200B : -1;
                }
                return decoded.codePointAt(0);
            }
            int cp = m.group(1) != null ? Integer.parseInt(m.group(1), 16) : Integer.parseInt(m.group(2));
            return cp > 0 && cp <= Character.MAX_CODE_POINT ? cp : -1;
        } catch (NumberFormatException tooLarge) {
            return -1;
        }
    }

    /** Invisible format characters dropped, accents composed. */
    static String plain(String text) {
        boolean invisible = false;
        boolean combining = false;
        for (int i = 0; i < text.length(); i++) {
            int type = Character.getType(text.charAt(i));
            invisible |= type == Character.FORMAT;
            combining |= type == Character.NON_SPACING_MARK;
        }
        String s = text;
        if (invisible) {
            StringBuilder b = new StringBuilder(s.length());
            for (int i = 0; i < s.length(); i++) {
                if (Character.getType(s.charAt(i)) != Character.FORMAT) {
                    b.append(s.charAt(i));
                }
            }
            s = b.toString();
        }
        return combining ? Normalizer.normalize(s, Normalizer.Form.NFC) : s;
    }

    /**
     * Whether at least four in five of the text's letters are Latin: text in another script, or bytes read in the wrong
     * encoding (UTF-16 of the other byte order reads as CJK), gives the detector no word it knows.
     */
    static boolean mostlyLatin(String text) {
        int letters = 0;
        int latin = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == 0xFFFD) {
                return false; // bytes the charset could not read
            }
            if (Character.isLetter(cp)) {
                letters++;
                if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN) {
                    latin++;
                }
            }
        }
        return latin * 5 >= letters * 4;
    }
}
