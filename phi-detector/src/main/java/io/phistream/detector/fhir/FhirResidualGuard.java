package io.phistream.detector.fhir;

import io.phistream.detector.KnownPhi;
import io.phistream.detector.PhiType;
import io.phistream.detector.deid.DayMentions;
import io.phistream.detector.deid.ResidualMatch;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The last fail-closed check before release: no guarded value the policy replaced may still stand in the output,
 * in any case, as written or escaped. Same matching rules as the HL7 guard ({@link ResidualMatch}: values with
 * letters match as whole words, names need three letters, other values four characters, digit-only values seven
 * digits; our own tokens and pseudonyms are ciphertext/digests and are skipped), but one pass over the output instead of
 * one search per value: a Bundle has thousands of tokens and hundreds of guarded values, and a search per value (as
 * the HL7 guard does over one short message, after masking its tokens) would cost more than parsing the Bundle. Each
 * value is anchored on its first run of letters/digits; the output's runs are looked up in a map and only candidates
 * are compared in full.
 */
final class FhirResidualGuard {

    private FhirResidualGuard() {
    }

    /** The first guarded value found in the output, or null. Package-private for tests: the result is PHI. */
    static KnownPhi.Value firstHit(String output, FhirFormat format, Set<String> masks, List<KnownPhi.Value> values) {
        return firstHit(output, format, masks, values, Map.of());
    }

    /**
     * @param shiftedDates how many times the de-identifier wrote each shifted date (lower case): a value equal to one
     *                     is a residual only where it occurs more often than that. A shift of d days makes a date equal
     *                     to the original of another date d days earlier in the same resource (a birth date and a
     *                     first encounter), which would otherwise quarantine every resource of that patient for good.
     */
    static KnownPhi.Value firstHit(String output, FhirFormat format, Set<String> masks, List<KnownPhi.Value> values,
                                   Map<String, Integer> shiftedDates) {
        return firstHit(output, format, masks, values, shiftedDates, Set.of(), List.of());
    }

    /**
     * As {@link #firstHit(String, FhirFormat, Set, List, Map)}, and the original days (YYYYMMDD) of the dates the
     * de-identifier moved: such a day written unmoved in a kept string ("Admitted 3/10/2025" in a local code's
     * display) gives the event's real date, and beside the moved copy the patient's offset. {@code textDates} are the
     * moved dates the free text's scrubber wrote (surrogates), which may equal an event's original too.
     */
    static KnownPhi.Value firstHit(String output, FhirFormat format, Set<String> masks, List<KnownPhi.Value> values,
                                   Map<String, Integer> shiftedDates, Set<String> eventDays, List<String> textDates) {
        return firstHit(output, format, masks, values, shiftedDates, eventDays, textDates, Map.of());
    }

    /**
     * As {@link #firstHit(String, FhirFormat, Set, List, Map, Set, List)}, and how often the free text's scrubber kept
     * each word of a name (lower case) as the everyday word it also is ({@code KnownPhi#wordsKept}: "Son will call."
     * for a son named Will): such a name is a residual only where it stands more often than that.
     */
    static KnownPhi.Value firstHit(String output, FhirFormat format, Set<String> masks, List<KnownPhi.Value> values,
                                   Map<String, Integer> shiftedDates, Set<String> eventDays, List<String> textDates,
                                   Map<String, Integer> wordsKept) {
        String text = ResidualMatch.foldAccents(plain(output, format));
        KnownPhi.Value hit = valueHit(text, masks, values, shiftedDates, wordsKept);
        if (hit != null) {
            return hit;
        }
        Map<String, KnownPhi.Value> days = days(values, eventDays);
        // the days named in any written form, outside our own tokens, and the digit runs for the numbers: one reading
        // of the text for both (a Bundle is hundreds of kilobytes), the numbers still asked first
        StringBuilder runs = new StringBuilder(text.length() / 2 + 1);
        Map<String, Integer> named = DayMentions.named(text, days.keySet(),
                (start, end) -> !masked(text, start, end, masks), runs);
        hit = digitHit(runs.toString(), text, masks, values);
        if (hit != null) {
            return hit;
        }
        String day = DayMentions.firstUnmoved(named, shiftedDates, textDates);
        return day == null ? null : days.get(day);
    }

    /**
     * The birth days (the structured field keeps the year only) and the moved dates' original days, each with the
     * value reported when found; a birth date as written is also a value {@link #valueHit} searches.
     */
    private static Map<String, KnownPhi.Value> days(List<KnownPhi.Value> values, Set<String> eventDays) {
        Map<String, KnownPhi.Value> days = new HashMap<>();
        for (KnownPhi.Value v : values) {
            String digits = v.guarded() && v.type() == PhiType.DATE ? ResidualMatch.digitsOf(v.value(), v.type()) : null;
            if (digits != null && digits.length() >= 8) {
                days.putIfAbsent(digits.substring(0, 8), v);
            }
        }
        for (String day : eventDays) {
            days.putIfAbsent(day, new KnownPhi.Value(PhiType.DATE, day, true));
        }
        return days;
    }

    /**
     * The first guarded number (an SSN or phone of seven digits or more, an MRN or other identifier of six) the text
     * holds however it is punctuated, as the HL7 guard finds it ({@link ResidualMatch#digitsOf},
     * {@link ResidualMatch#digitRuns}, {@link ResidualMatch#digitHit}): "987654329" and "987 65 4329" for "987-65-4329", "+15555550142" and "555-0142"
     * for "(555) 555-0142", "0077123456", "771-23456" and "MRN77123456" for "77123456". Digits glued to letters count,
     * as in the HL7 guard: a label written before a number ("MRN", "#") is how systems write identifiers, and a chance
     * run of exactly the same seven digits or more elsewhere is negligible. Digits inside our own tokens and
     * pseudonyms never count (UUID pseudonyms and base64 tokens hold digit runs): the runs are read once unmasked, and
     * only when one holds a value's digits are they read again with our tokens taken out; taking them out only breaks
     * runs and removes digits, so nothing the second reading finds is missed by the first.
     */
    private static KnownPhi.Value digitHit(String runs, String text, Set<String> masks, List<KnownPhi.Value> values) {
        String maskedRuns = null;
        Set<String> searched = null;
        for (KnownPhi.Value v : values) {
            if (!v.guarded() || v.type() == PhiType.DATE) {
                continue; // a birth day is read in all its written forms with the moved dates' days
            }
            String digits = ResidualMatch.digitsOf(v.value(), v.type());
            if (digits == null) {
                continue;
            }
            if (searched == null) {
                searched = new java.util.HashSet<>();
            }
            if (!searched.add(v.type().name() + digits)) {
                continue;
            }
            boolean phone = v.type() == PhiType.PHONE || v.type() == PhiType.FAX;
            // (every digitHit form holds these digits: a ten-digit phone's last seven, or the digits themselves)
            String least = phone && digits.length() == 10 ? digits.substring(3) : digits;
            if (runs.contains(least)) {
                if (maskedRuns == null) {
                    maskedRuns = ResidualMatch.digitRuns(withoutMasks(text, masks));
                }
                if (ResidualMatch.digitHit(maskedRuns, digits, v.type())) {
                    return v;
                }
            }
        }
        return null;
    }

    /**
     * The text with each run of token characters that is one of our tokens or pseudonyms and holds a digit replaced by
     * a character that is neither a digit nor punctuation a number is written with, so it breaks digit runs.
     */
    private static String withoutMasks(String text, Set<String> masks) {
        StringBuilder b = null;
        int copied = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!tokenChar(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            boolean digit = false;
            while (i < n && tokenChar(text.charAt(i))) {
                digit |= text.charAt(i) >= '0' && text.charAt(i) <= '9';
                i++;
            }
            if (digit && masks.contains(text.substring(start, i))) {
                if (b == null) {
                    b = new StringBuilder(n);
                }
                b.append(text, copied, start).append('\u0001');
                copied = i;
            }
        }
        return b == null ? text : b.append(text, copied, n).toString();
    }

    private static KnownPhi.Value valueHit(String text, Set<String> masks, List<KnownPhi.Value> values,
                                           Map<String, Integer> shiftedDates, Map<String, Integer> wordsKept) {
        // occurrences of values equal to a shifted date, or of a name's word kept as a word, by value
        Map<String, Set<Integer>> seenAt = null;
        Map<Integer, List<Needle>> anchors = new HashMap<>();
        BitSet anchorLengths = new BitSet();
        Map<String, KnownPhi.Value> nameWords = new java.util.LinkedHashMap<>();
        List<Needle> all = new ArrayList<>();
        for (KnownPhi.Value v : values) {
            if (!v.guarded()) {
                continue;
            }
            List<Needle> needles = new ArrayList<>(2);
            String zip = ResidualMatch.zip5(v.type(), v.value());
            if (zip != null) {
                // a postal code is PHI in full (Safe Harbor B) though shorter than other guarded numbers; the
                // structure keeps its ZIP3, so the five digits (and ZIP+4) must not stand anywhere else
                needles.add(Needle.of(new KnownPhi.Value(v.type(), zip, true), v));
                String digits = v.value().replaceAll("[^0-9]", "");
                if (digits.length() == 9) {
                    needles.add(Needle.of(new KnownPhi.Value(v.type(), digits, true), v));
                }
            } else {
                // the value, and a compound name's words alone, accents off (the output's are taken off below)
                for (String form : ResidualMatch.forms(v.value(), v.type())) {
                    if (ResidualMatch.significant(form, v.type())) {
                        needles.add(Needle.of(new KnownPhi.Value(v.type(), form, true), v));
                        if (v.type() == PhiType.NAME) {
                            for (String plural : ResidualMatch.plurals(form)) { // "the Quillfeathers' dog"
                                needles.add(Needle.of(new KnownPhi.Value(v.type(), plural, true), v));
                            }
                        }
                        if (v.type() == PhiType.NAME && nameWords.size() < MAX_GLUED_NAME_WORDS
                                && form.chars().allMatch(Character::isLetterOrDigit)) {
                            nameWords.putIfAbsent(form.toLowerCase(java.util.Locale.ROOT), v);
                        }
                    }
                }
                // a street line with its suffix spelled the other way ("4417 Marrowbone Ln" for "... Lane")
                String street = ResidualMatch.streetForm(v.type(), ResidualMatch.foldAccents(v.value()));
                if (street != null) {
                    needles.add(Needle.of(new KnownPhi.Value(v.type(), street, true), v));
                }
            }
            all.addAll(needles);
        }
        // two name words written as one ("ZephyrineQuillfeather", as a user name or a file name): each pair, both orders
        for (Map.Entry<String, KnownPhi.Value> a : nameWords.entrySet()) {
            for (String b : nameWords.keySet()) {
                if (!a.getKey().equals(b)) {
                    all.add(Needle.of(new KnownPhi.Value(PhiType.NAME, a.getKey() + b, true), a.getValue()));
                }
            }
        }
        for (Needle n : all) {
            if (n != null) {
                anchors.computeIfAbsent(n.anchorHash, k -> new ArrayList<>(1)).add(n);
                anchorLengths.set(n.anchorLength);
            }
        }
        if (anchors.isEmpty()) {
            return null;
        }
        AnchorTable table = new AnchorTable(anchors);
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!letterOrDigit(text.charAt(i))) {
                i++;
                continue;
            }
            // one pass per run: find its end and fold-hash it together
            int start = i;
            int h = 0;
            while (i < n) {
                int folded = foldedLetterOrDigit(text.charAt(i));
                if (folded == 0) {
                    break;
                }
                h = 31 * h + folded;
                i++;
            }
            int len = i - start;
            if (!anchorLengths.get(len)) {
                continue;
            }
            List<Needle> candidates = table.get(h);
            if (candidates == null) {
                continue;
            }
            for (Needle needle : candidates) {
                int s = start - needle.anchorOffset;
                if (needle.anchorLength != len) {
                    continue;
                }
                if (s >= 0 && text.regionMatches(true, s, needle.text, 0, needle.text.length())
                        && ResidualMatch.wholeWord(text, s, needle.text)
                        && !masked(text, s, s + needle.text.length(), masks)) {
                    String lower = needle.text.toLowerCase(java.util.Locale.ROOT);
                    Integer written = shiftedDates.get(lower);
                    if (written == null && needle.value.type() == PhiType.NAME) {
                        written = wordsKept.get(lower); // "Son will call.": the scrubber read it as the word
                    }
                    if (written == null) {
                        return needle.value;
                    }
                    if (seenAt == null) {
                        seenAt = new HashMap<>();
                    }
                    Set<Integer> at = seenAt.computeIfAbsent(lower, k -> new java.util.HashSet<>());
                    if (at.add(s) && at.size() > written) {
                        return needle.value;
                    }
                }
            }
        }
        return null;
    }

    /** The name words whose pairs are searched glued: 40 words make 1,560 needles, one hash lookup each per run. */
    private static final int MAX_GLUED_NAME_WORDS = 40;

    private static final boolean[] ASCII_ALNUM = new boolean[128];
    private static final char[] ASCII_FOLD = new char[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_ALNUM[c] = Character.isLetterOrDigit(c);
            ASCII_FOLD[c] = Character.toLowerCase(Character.toUpperCase(c));
        }
    }

    /** ASCII letters and digits as {@link #foldedHash} folds them; 0 for any other ASCII character. */
    private static final char[] ASCII_FOLDED_ALNUM = new char[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_FOLDED_ALNUM[c] = ASCII_ALNUM[c] ? ASCII_FOLD[c] : 0;
        }
    }

    /**
     * A letter or digit folded as {@link #foldedHash} folds it, or 0 for any other character (no letter or digit
     * folds to 0): the scan's one question for every char of the output, one table lookup for ASCII.
     */
    static int foldedLetterOrDigit(char c) {
        if (c < 128) {
            return ASCII_FOLDED_ALNUM[c];
        }
        return Character.isLetterOrDigit(c) ? Character.toLowerCase(Character.toUpperCase(c)) : 0;
    }

    /** {@link Character#isLetterOrDigit(char)}, with a table for ASCII: the scan calls it for every output char. */
    private static boolean letterOrDigit(char c) {
        return c < 128 ? ASCII_ALNUM[c] : Character.isLetterOrDigit(c);
    }

    /**
     * Case-insensitive hash of text[from, to), folding each char as {@code String.regionMatches(true, ...)} compares
     * them, so a run that regionMatches a value's anchor always has the anchor's hash.
     */
    static int foldedHash(String text, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            h = 31 * h + (c < 128 ? ASCII_FOLD[c] : Character.toLowerCase(Character.toUpperCase(c)));
        }
        return h;
    }

    /** Open addressing int → candidates: the scan looks up every word of the output, without boxing or copying. */
    private static final class AnchorTable {
        private final int[] keys;
        private final Object[] lists;
        private final int mask;

        AnchorTable(Map<Integer, List<Needle>> anchors) {
            int size = Integer.highestOneBit(Math.max(4, anchors.size() * 4) - 1) << 1;
            keys = new int[size];
            lists = new Object[size];
            mask = size - 1;
            for (Map.Entry<Integer, List<Needle>> e : anchors.entrySet()) {
                int i = mix(e.getKey()) & mask;
                while (lists[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = e.getKey();
                lists[i] = e.getValue();
            }
        }

        @SuppressWarnings("unchecked")
        List<Needle> get(int key) {
            for (int i = mix(key) & mask; lists[i] != null; i = (i + 1) & mask) {
                if (keys[i] == key) {
                    return (List<Needle>) lists[i];
                }
            }
            return null;
        }

        private static int mix(int h) {
            return h ^ (h >>> 16);
        }
    }

    private record Needle(String text, int anchorHash, int anchorLength, int anchorOffset, KnownPhi.Value value) {
        /** Searches for {@code v}'s text, reporting {@code reported} (the structured value) when found. */
        static Needle of(KnownPhi.Value v, KnownPhi.Value reported) {
            String text = v.value();
            int a = 0;
            while (a < text.length() && !Character.isLetterOrDigit(text.charAt(a))) {
                a++;
            }
            if (a == text.length()) {
                return null;
            }
            int b = a;
            while (b < text.length() && Character.isLetterOrDigit(text.charAt(b))) {
                b++;
            }
            return new Needle(text, foldedHash(text, a, b), b - a, a, reported);
        }
    }

    /** Whether [s, e) lies inside a run of token characters that is one of our own tokens or pseudonyms. */
    private static boolean masked(String text, int s, int e, Set<String> masks) {
        for (int i = s; i < e; i++) {
            if (!tokenChar(text.charAt(i))) {
                return false;
            }
        }
        int a = s;
        while (a > 0 && tokenChar(text.charAt(a - 1))) {
            a--;
        }
        int b = e;
        while (b < text.length() && tokenChar(text.charAt(b))) {
            b++;
        }
        return masks.contains(text.substring(a, b));
    }

    private static boolean tokenChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    /** The output with JSON string escapes or XML character references resolved, so escaped values are found too. */
    static String plain(String output, FhirFormat format) {
        if (format == FhirFormat.JSON) {
            return output.indexOf('\\') < 0 ? output : unescapeJson(output);
        }
        return output.indexOf('&') < 0 ? output : unescapeXml(output);
    }

    private static String unescapeJson(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                b.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'u' -> {
                    if (i + 4 < s.length() && isHex(s, i + 1, i + 5)) {
                        b.append((char) Integer.parseInt(s, i + 1, i + 5, 16));
                        i += 4;
                    } else {
                        b.append('u');
                    }
                }
                default -> b.append(e);
            }
        }
        return b.toString();
    }

    private static String unescapeXml(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int semi;
            if (c != '&' || (semi = s.indexOf(';', i)) < 0 || semi - i > 10) {
                b.append(c);
                continue;
            }
            String entity = s.substring(i + 1, semi);
            String resolved = switch (entity) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> numeric(entity);
            };
            if (resolved == null) {
                b.append(c);
            } else {
                b.append(resolved);
                i = semi;
            }
        }
        return b.toString();
    }

    private static String numeric(String entity) {
        try {
            if (entity.startsWith("#x") || entity.startsWith("#X")) {
                return new String(Character.toChars(Integer.parseInt(entity.substring(2), 16)));
            }
            if (entity.startsWith("#")) {
                return new String(Character.toChars(Integer.parseInt(entity.substring(1))));
            }
        } catch (IllegalArgumentException notACharacterReference) {
            return null;
        }
        return null;
    }

    private static boolean isHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
