package io.phistream.detector.fhir;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code text/html} attachment made readable for the free-text scrubber, which reads it as text, markup included: a
 * word split by inline markup ("Winter&lt;span&gt;bourne&lt;/span&gt;") or spelled with character references
 * ("W&amp;#105;nterbourne") would be no word to it, and would pass. Inline tags are dropped (their text stays) and
 * references that stand for a letter or a digit are written as that character; markup that separates (blocks, line
 * breaks) and references to markup characters ({@code &lt;}, {@code &amp;}) stay, so the result is still HTML.
 * Hand-written with two linear patterns: a full HTML parser would rewrite the whole document.
 */
final class HtmlText {

    private static final Pattern INLINE_TAG = Pattern.compile(
            "</?(?i:span|b|i|u|s|em|strong|font|a|small|big|sub|sup|mark|abbr|cite|code|q|tt|ins|del|wbr)\\b[^<>]*>");
    private static final Pattern CHAR_REF = Pattern.compile("&#(?:[xX]([0-9A-Fa-f]{1,6})|([0-9]{1,7}));");

    private HtmlText() {
    }

    static String readable(String html) {
        String s = html.indexOf('<') < 0 ? html : INLINE_TAG.matcher(html).replaceAll("");
        if (s.indexOf("&#") < 0) {
            return s;
        }
        Matcher m = CHAR_REF.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            int cp;
            try {
                cp = m.group(1) != null ? Integer.parseInt(m.group(1), 16) : Integer.parseInt(m.group(2));
            } catch (NumberFormatException tooLarge) {
                cp = -1;
            }
            String replacement = cp >= 0 && cp <= Character.MAX_CODE_POINT && Character.isLetterOrDigit(cp)
                    ? new String(Character.toChars(cp)) : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
