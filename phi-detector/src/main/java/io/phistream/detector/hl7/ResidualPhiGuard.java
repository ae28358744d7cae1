package io.phistream.detector.hl7;

import io.phistream.detector.KnownPhi;
import io.phistream.detector.PhiType;
import io.phistream.detector.deid.DayMentions;
import io.phistream.detector.deid.ResidualMatch;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

/**
 * The last fail-closed check before release: no value that the policy treated as PHI may still stand in the
 * output, in any case. Tokens are masked first (a token is ciphertext, and random base64 can spell a short
 * name). Values with letters must match as whole words; digit-only values need seven digits or more, so that
 * shifted dates and measurements do not collide with them by chance; an identifier's digits are also found from six,
 * as a whole run however punctuated ({@link ResidualMatch#digitsOf}).
 */
final class ResidualPhiGuard {

    private static final Set<PhiType> GUARDED = EnumSet.of(PhiType.NAME, PhiType.SSN, PhiType.MRN,
            PhiType.ACCOUNT, PhiType.HEALTH_PLAN, PhiType.LICENSE, PhiType.PHONE, PhiType.FAX, PhiType.EMAIL,
            PhiType.VEHICLE, PhiType.DEVICE, PhiType.URL, PhiType.IP, PhiType.GEO, PhiType.DATE);

    /** What a masked token leaves behind: not a letter or digit, so the text on either side keeps its word ends. */
    static final char MASK = '\u0001';

    private ResidualPhiGuard() {
    }

    static KnownPhi.Value firstHit(String output, Collection<String> tokens, List<KnownPhi.Value> values) {
        return firstHit(output, tokens, values, Map.of());
    }

    /**
     * The first value found again, or null. Package-private for tests: the result is PHI.
     *
     * @param shiftedDates how many times the de-identifier wrote each shifted date. A shift of d days makes a date
     *                     equal to the original of another date d days earlier in the same message (a message time
     *                     and an event time, an admission and a discharge d days apart); that original then stands
     *                     in the output only as the shifted later date, and every message of that patient would be
     *                     quarantined, for good (the shift is the patient's). So a value equal to a shifted date is a
     *                     residual only where it occurs more often than it was written as one.
     */
    static KnownPhi.Value firstHit(String output, Collection<String> tokens, List<KnownPhi.Value> values,
                                   Map<String, Integer> shiftedDates) {
        return firstHit(output, tokens, values, shiftedDates, Set.of(), List.of());
    }

    /**
     * As {@link #firstHit(String, Collection, List, Map)}, and the original days (YYYYMMDD) of the dates the
     * de-identifier moved: such a day written unmoved in a kept field ("Admitted 3/10/2025" in a code's text) gives
     * the event's real date, and with it the patient's offset. {@code textDates} are the moved dates the free text's
     * scrubber wrote (surrogates): one of them may equal an event's original, as a moved structured date may.
     */
    static KnownPhi.Value firstHit(String output, Collection<String> tokens, List<KnownPhi.Value> values,
                                   Map<String, Integer> shiftedDates, Set<String> eventDays, List<String> textDates) {
        return firstHit(output, tokens, values, shiftedDates, eventDays, textDates, Map.of());
    }

    /**
     * As {@link #firstHit(String, Collection, List, Map, Set, List)}, and how often the free text's scrubber kept each
     * word of a name (lower case) as the everyday word it also is ({@code KnownPhi#wordsKept}: "Son will call." for a
     * son named Will): such a name is a residual only where it stands more often than that.
     */
    static KnownPhi.Value firstHit(String output, Collection<String> tokens, List<KnownPhi.Value> values,
                                   Map<String, Integer> shiftedDates, Set<String> eventDays, List<String> textDates,
                                   Map<String, Integer> wordsKept) {
        // accents off both sides: "HERNANDEZ" in a field the policy keeps is the patient's "Hernández"
        String haystack = ResidualMatch.foldAccents(maskLowerCase(output, tokens));
        Set<String> searched = null;
        String runs = null;
        Map<String, KnownPhi.Value> days = null; // the birth days to search for, with the value each came from
        for (KnownPhi.Value v : values) {
            if (!v.guarded() || !GUARDED.contains(v.type())) {
                continue;
            }
            // a number however punctuated ("123456789" for "123-45-6789", "(508) 555-0142", "482-1377"); a walkthrough
            // found each passing. A birth day is searched with the moved dates' days below, in all its written forms
            String digits = ResidualMatch.digitsOf(v.value(), v.type());
            if (digits != null && v.type() == PhiType.DATE) {
                if (digits.length() >= 8) {
                    if (days == null) {
                        days = new java.util.LinkedHashMap<>();
                    }
                    days.putIfAbsent(digits.substring(0, 8), v);
                }
            } else if (digits != null) {
                if (runs == null) {
                    runs = ResidualMatch.digitRuns(haystack);
                }
                if (ResidualMatch.digitHit(runs, digits, v.type())) {
                    return v;
                }
            }
            String zip = ResidualMatch.zip5(v.type(), v.value());
            List<String> forms = zip != null ? List.of(zip) : ResidualMatch.forms(v.value(), v.type());
            // a street line with its suffix spelled the other way ("4417 Marrowbone Ln"), as the FHIR guard searches
            String street = zip == null ? ResidualMatch.streetForm(v.type(), ResidualMatch.foldAccents(v.value())) : null;
            if (street != null) {
                forms = new java.util.ArrayList<>(forms);
                forms.add(street);
            }
            for (String form : forms) {
                String needle = form.toLowerCase(Locale.ROOT);
                if (zip == null && !ResidualMatch.significant(needle, v.type())) {
                    continue;
                }
                if (searched == null) {
                    searched = new HashSet<>();
                }
                // one search per distinct value: an ORU names the same observer in every OBX
                if (!searched.add(needle)) {
                    continue;
                }
                // (any type: the components of a name or address field may hold dates of their own)
                if (shiftedDates.containsKey(needle)) {
                    if (countWords(haystack, needle, false) > shiftedDates.get(needle)) {
                        return v;
                    }
                } else if (v.type() == PhiType.NAME && wordsKept.containsKey(needle)) {
                    if (countWords(haystack, needle, true) > wordsKept.get(needle)) {
                        return v;
                    }
                } else if (containsWord(haystack, needle, v.type() == PhiType.NAME)) {
                    return v;
                }
            }
        }
        for (String day : eventDays) {
            if (days == null) {
                days = new java.util.LinkedHashMap<>();
            }
            days.putIfAbsent(day, new KnownPhi.Value(PhiType.DATE, day, true));
        }
        if (days == null) {
            return null;
        }
        // in any written form ("20250310", "2025-03-10", "03/10/2025", "10.3.2025", "March 10, 2025")
        String day = DayMentions.firstUnmoved(haystack, days.keySet(), (start, end) -> true, shiftedDates, textDates);
        return day == null ? null : days.get(day);
    }

    /**
     * The output as a reader sees it: escape sequences decoded (a name spelled "M\XDC\LLER" is "MÜLLER"), highlighting
     * dropped and formatting commands read as spaces ("QUILL\H\FEATHER" is "QUILLFEATHER"), so a value cannot hide
     * behind HL7's escapes (a walkthrough). Searched besides the output as written.
     */
    static String readable(String output, io.phistream.detector.er7.Delimiters d) {
        char e = d.escape();
        // MSH-2 holds the escape character itself: only one after it means there may be anything to decode
        int mshEnd = output.startsWith("MSH") ? output.indexOf(d.field(), 4) : 0;
        if (e == '\0' || mshEnd < 0 || output.indexOf(e, mshEnd) < 0) {
            return output;
        }
        StringBuilder b = new StringBuilder(output.length());
        int from = 0;
        while (from < output.length()) {
            int end = output.indexOf('\r', from);
            end = end < 0 ? output.length() : end;
            // one segment at a time (no escape spans two), and MSH's encoding characters as they are
            int start = from;
            if (output.startsWith("MSH", from)) {
                int msh2 = output.indexOf(d.field(), from + 4);
                start = msh2 < 0 || msh2 > end ? end : msh2;
            }
            b.append(output, from, start).append(readableSegment(output.substring(start, end), d));
            if (end < output.length()) {
                b.append('\r');
            }
            from = end + 1;
        }
        return b.toString();
    }

    private static String readableSegment(String segment, io.phistream.detector.er7.Delimiters d) {
        char e = d.escape();
        if (segment.indexOf(e) < 0) {
            return segment;
        }
        StringBuilder b = new StringBuilder(segment.length());
        int i = 0;
        while (i < segment.length()) {
            char c = segment.charAt(i);
            int close = c == e ? segment.indexOf(e, i + 1) : -1;
            if (close > i + 1) {
                String seq = segment.substring(i + 1, close);
                if (seq.equals("H") || seq.equals("N")) {
                    i = close + 1;
                    continue;
                }
                if (seq.charAt(0) == '.') {
                    b.append(' ');
                    i = close + 1;
                    continue;
                }
                b.append(segment, i, close + 1); // the others Er7.unescape reads, whole
                i = close + 1;
                continue;
            }
            b.append(c);
            i++;
        }
        return io.phistream.detector.er7.Er7.unescape(b.toString(), d);
    }

    /**
     * Occurrences not preceded or followed by a letter or digit; with {@code plurals} (a name's) also those followed
     * by a plural's "s" or "es" and then a word's end ("the Quillfeathers' dog").
     */
    private static int countWords(String haystack, String needle, boolean plurals) {
        int n = 0;
        int i = haystack.indexOf(needle);
        while (i >= 0) {
            if (plurals ? ResidualMatch.wholeWordOrPlural(haystack, i, needle)
                    : ResidualMatch.wholeWord(haystack, i, needle)) {
                n++;
            }
            i = haystack.indexOf(needle, i + 1);
        }
        return n;
    }

    /** Occurrence not preceded or followed by a letter or digit, or by a plural's ending as {@link #countWords}. */
    private static boolean containsWord(String haystack, String needle, boolean plurals) {
        int from = 0;
        int i;
        while ((i = haystack.indexOf(needle, from)) >= 0) {
            if (plurals ? ResidualMatch.wholeWordOrPlural(haystack, i, needle)
                    : ResidualMatch.wholeWord(haystack, i, needle)) {
                return true;
            }
            from = i + 1;
        }
        return false;
    }

    /**
     * Every token occurrence replaced by {@link #MASK}, and the whole in lower case ({@code toLowerCase(Locale.ROOT)}).
     * Replacing the tokens one by one ({@code String.replace} per token) copied the whole message once per token
     * and was half the guard's cost; here each token is searched for ({@code indexOf}, a vectorised intrinsic) and
     * the text is copied once, masking the union of the occurrences found.
     */
    static String maskLowerCase(String text, Collection<String> tokens) {
        long[] found = null; // start << 32 | end of each occurrence
        int count = 0;
        for (String token : tokens) {
            if (token.isEmpty()) {
                continue;
            }
            int i = text.indexOf(token);
            while (i >= 0) {
                if (found == null) {
                    found = new long[8];
                } else if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = (long) i << 32 | (i + token.length());
                i = text.indexOf(token, i + token.length());
            }
        }
        if (count == 0) {
            return text.toLowerCase(Locale.ROOT);
        }
        Arrays.sort(found, 0, count);
        StringBuilder out = new StringBuilder(text.length());
        boolean ascii = true;
        int copied = 0;
        for (int k = 0; k < count; k++) {
            int start = (int) (found[k] >>> 32);
            int end = (int) found[k];
            if (start < copied) { // overlaps the occurrence masked before it: extend that mask
                copied = Math.max(copied, end);
                continue;
            }
            ascii &= appendLower(out, text, copied, start);
            out.append(MASK);
            copied = end;
        }
        ascii &= appendLower(out, text, copied, text.length());
        String masked = out.toString();
        // String.toLowerCase knows the non-ASCII special cases (dotted capital I, final sigma); ASCII is done
        return ascii ? masked : masked.toLowerCase(Locale.ROOT);
    }

    /** Appends text[from, to) with ASCII letters lower-cased; false if it holds a non-ASCII character. */
    private static boolean appendLower(StringBuilder out, String text, int from, int to) {
        boolean ascii = true;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            } else if (c >= 0x80) {
                ascii = false;
            }
            out.append(c);
        }
        return ascii;
    }
}
