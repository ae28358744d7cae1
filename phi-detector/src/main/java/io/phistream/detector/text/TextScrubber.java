package io.phistream.detector.text;

import io.phistream.detector.PhiType;
import io.phistream.detector.text.lexicon.Fold;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces detected spans: typed tags, caller tokens, or consistent surrogates. In SURROGATE mode
 * the token function supplies the seed (a keyed hash of the value, e.g. {@link #keyedSeed}); names
 * are replaced word by word, each word by the seed of that word alone, so "JOHN SMITH", a later "Smith", "SMITH, JOHN"
 * and "Smith's" get the same fake surname.
 */
public final class TextScrubber {
    /** Made-up given names, for a word the lexicon knows mostly as a given name. */
    private static final String[] FIRST = {"Casey", "Quinn", "Rowan", "Emery", "Reese", "Skyler", "Dakota", "Elliot",
        "Finley", "Hayden", "Kendall", "Marlow", "Peyton", "Sawyer", "Blair", "Frankie", "Kai", "Noel", "Ainsley",
        "Alden", "Arden", "Brynn", "Channing", "Corin", "Dallin", "Darby", "Delaney", "Eden", "Emerson", "Everett",
        "Fallon", "Flynn", "Hadley", "Harlow", "Hollis", "Jules", "Keegan", "Kerry", "Lennox", "Linden", "Loren", "Lyle",
        "Merritt", "Remy", "Rory", "Royce", "Sasha", "Shay", "Sidney", "Stevie", "Tatum", "Teagan", "Tierney", "Toby",
        "Tristan", "Wren", "Wynn", "Arlo", "Bellamy", "Bryce", "Callan", "Cassidy", "Dorian", "Ellery", "Greer", "Ira",
        "Jody", "Landry", "Larkin", "Leighton", "Lindsay", "Lowell", "Mallory", "Nico", "Oren", "Payton", "Quincy",
        "Ramsey", "Reilly", "Sloane", "Tanner", "Tobin", "Winslow", "Yael", "Zephyr", "Shiloh", "Adair", "Auden",
        "Bexley", "Brodie", "Carey", "Darcy", "Dell", "Eliot", "Emory", "Haskell", "Jaden", "Jess", "Kendrick", "Kiernan",
        "Lacey", "Laine", "Lonnie", "Marlo", "Micah", "Nevin", "Paxton", "Piper", "Raine", "Reagan", "Rene", "Rylan",
        "Sheridan", "Silas", "Tegan", "Torin", "Aubrey", "Blaine", "Dane", "Ellison", "Hollace", "Jarvis", "Kasey",
        "Keaton", "Lyndon", "Ari", "Billie", "Bowie", "Cade", "Charlie", "Ezra", "Jackie", "Jaime", "Kaden", "Kris",
        "Lennon", "Lesley", "Lou", "Mackenzie", "Marion", "Mel", "Nat", "Nicky", "Reggie", "Rowe", "Sam", "Val",
        "Whitney", "Wynne", "Ariel", "Bennie", "Bret", "Cary", "Codie", "Colby", "Dorsey", "Easton", "Ellington", "Fenn",
        "Halden", "Harley", "Jalen", "Jory", "Kamryn", "Keely", "Kenzie", "Lennie", "Lowen", "Marlee", "Merle", "Milo",
        "Nolan", "Odell", "Orrin", "Parris", "Quentin", "Rayne", "Rennie", "Romy", "Rylee", "Sammie", "Sherwin", "Sully",
        "Zane"};
    private static final String[] PLACES = {"Riverton", "Lakeside", "Fairview", "Brookfield", "Glenwood", "Oakridge",
        "Maple Grove", "Cedar Falls", "Pinecrest", "Westbury", "Elmhurst", "Stonebridge", "Ashford", "Millbrook",
        "Hillcrest", "Kingsport"};
    /**
     * Made-up surnames, a first part and an ending ("Hartwell", "Pemberton"): about a thousand, so that two people's
     * surnames share a surrogate by chance about once in a thousand (a town's made-up name left out).
     */
    private static final String[] LAST = surnames(new String[] {"Ash", "Bel", "Black", "Brad", "Brom", "Cal", "Carr",
        "Chad", "Cran", "Dal", "Den", "Dun", "Eller", "Fair", "Fen", "Gil", "Glad", "Hart", "Hal", "Haw", "Kel", "Kings",
        "Lang", "Lock", "Mar", "Mer", "North", "Oak", "Pem", "Pres", "Rad", "Ross", "Sher", "Stan", "Thorn", "Under",
        "Wal", "Wes", "Whit", "Win", "Yard", "Alder", "Bram", "Elm", "Hol", "Lind", "Pen", "Rook", "Sel", "Thack"},
        new String[] {"by", "croft", "dale", "field", "ford", "grove", "ham", "hurst", "ington", "land", "ley", "mont",
            "more", "ridge", "stead", "ton", "wick", "well", "wood", "worth"});
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};
    /** Titles kept even when a span holds nothing else ("Dr" matched alone as a known name's prefix). */
    private static final java.util.Set<String> HONORIFICS = java.util.Set.of("DR", "MR", "MRS", "MS", "MX", "MISS",
            "PROF", "REV", "FR", "DRS");
    /** Generational suffixes, kept after a name: they say nothing of who it is. */
    private static final java.util.Set<String> SUFFIXES = java.util.Set.of("JR", "SR", "II", "III", "IV");

    private TextScrubber() {
    }

    private static String[] surnames(String[] starts, String[] ends) {
        java.util.Set<String> places = java.util.Set.of(PLACES);
        List<String> names = new ArrayList<>(starts.length * ends.length);
        for (String a : starts) {
            for (String b : ends) {
                if (!places.contains(a + b)) {
                    names.add(a + b);
                }
            }
        }
        return names.toArray(String[]::new);
    }

    /** The made-up first names and surnames surrogates are drawn from, in lower case. */
    public static java.util.Set<String> surrogateNames() {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (String n : FIRST) {
            names.add(n.toLowerCase(Locale.ROOT));
        }
        for (String n : LAST) {
            names.add(n.toLowerCase(Locale.ROOT));
        }
        return java.util.Set.copyOf(names);
    }

    /**
     * A patient's date offset, the year in which a date written without one is read ({@link TextDates}), and the
     * patient's birth dates, which are written as their year only, never shifted: shifted, anyone who learns the
     * offset (a live stream tells it) would have them back. {@code written} is told each moved date as written: a
     * moved date may equal another date's original, which the residual guards must then not take for a leak.
     */
    public record DateShift(int days, int referenceYear, java.util.Set<java.time.LocalDate> births,
                            java.util.function.Consumer<String> written) {
        public DateShift {
            births = java.util.Set.copyOf(births);
            java.util.Objects.requireNonNull(written, "written");
        }

        public DateShift(int days, int referenceYear, java.util.Set<java.time.LocalDate> births) {
            this(days, referenceYear, births, moved -> { });
        }

        public DateShift(int days, int referenceYear) {
            this(days, referenceYear, java.util.Set.of());
        }
    }

    public static ScrubResult scrub(String text, List<PhiSpan> spans, Replacement mode, Function<PhiSpan, String> tokenFn) {
        return scrub(text, spans, mode, tokenFn, null);
    }

    /**
     * As {@link #scrub(String, List, Replacement, Function)}; in SURROGATE mode with a {@code shift}, a date is moved
     * by the patient's offset in the form it was written (intervals between a patient's dates survive), and only a
     * date {@link TextDates} cannot read gets a seeded one.
     */
    public static ScrubResult scrub(String text, List<PhiSpan> spans, Replacement mode, Function<PhiSpan, String> tokenFn,
                                    DateShift shift) {
        if (mode != Replacement.TAG && tokenFn == null) {
            throw new IllegalArgumentException("TOKEN and SURROGATE need a token function");
        }
        List<PhiSpan> sorted = new ArrayList<>(spans);
        sorted.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(b.end(), a.end()));
        StringBuilder out = new StringBuilder(text.length() + 16);
        Map<PhiType, Integer> counts = new EnumMap<>(PhiType.class);
        int pos = 0;
        int n = 0;
        for (PhiSpan s : sorted) {
            if (s.start() < pos || s.end() > text.length()) {
                continue; // overlapping or out of range: the earlier, wider span already covers it
            }
            out.append(text, pos, s.start());
            out.append(switch (mode) {
                case TAG -> "[" + s.type().name() + "]";
                case TOKEN -> tokenFn.apply(s);
                case SURROGATE -> surrogate(text, s, tokenFn, shift);
            });
            pos = s.end();
            n++;
            counts.merge(s.type(), 1, Integer::sum);
        }
        out.append(text, pos, text.length());
        return new ScrubResult(out.toString(), n, counts);
    }

    /**
     * A seed function: HMAC-SHA256 under {@code key} of the span's type class and normalised value,
     * so equal values get equal seeds (and surrogates) while the seed reveals nothing without the key.
     */
    public static Function<PhiSpan, String> keyedSeed(byte[] key, String text) {
        SecretKeySpec k = new SecretKeySpec(key, "HmacSHA256");
        return span -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(k);
                String v = DetectionContext.normalise(span.type(), text.substring(span.start(), span.end()));
                return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(v.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException | InvalidKeyException e) {
                throw new IllegalStateException("HmacSHA256 unavailable", e);
            }
        };
    }

    private static long seed(String s) {
        long h = 1125899906842597L;
        for (int i = 0; i < s.length(); i++) {
            h = 31 * h + s.charAt(i);
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h & Long.MAX_VALUE;
    }

    /** "DOB 03/14/1950", "born March 14, 1950", "born in 1931", "Birthday 3/14": a birth date's label right before it. */
    private static final java.util.regex.Pattern BORN = java.util.regex.Pattern.compile(
            "(?i)(?:\\bdob|\\bd\\.o\\.b\\.?|date of birth|birth ?date|birth ?day|\\bborn(?: on| in)?|\\bb-?day"
                    + "|fecha de nacimiento|\\bnacid[oa](?: el)?)\\W{0,3}$");

    private static boolean bornBefore(String text, int start) {
        return BORN.matcher(text.substring(Math.max(0, start - 28), start)).find();
    }

    /** Whether the date as written holds a year (four digits, or a third numeric group). */
    private static boolean hasYear(String v) {
        int groups = 0;
        int run = 0;
        for (int i = 0; i <= v.length(); i++) {
            if (i < v.length() && Character.isDigit(v.charAt(i))) {
                run++;
            } else {
                if (run >= 4) {
                    return true;
                }
                groups += run > 0 ? 1 : 0;
                run = 0;
            }
        }
        return groups >= 3;
    }

    /**
     * A birth year as written: one that tells an age of 90 or more is aggregated into one category (Safe Harbor), the
     * latest such year, so that "DOB 4/2/1931" and "born 1925" in a note of 2026 both read 1936.
     */
    static int birthYear(int year, int referenceYear) {
        return referenceYear - year >= 90 ? referenceYear - 90 : year;
    }

    private static boolean birth(String v, DateShift shift) {
        if (shift.births().isEmpty()) {
            return false;
        }
        java.time.LocalDate d = TextDates.read(v, shift.referenceYear());
        return d != null && shift.births().contains(d);
    }

    private static String surrogate(String text, PhiSpan s, Function<PhiSpan, String> seedFn, DateShift shift) {
        String v = text.substring(s.start(), s.end());
        boolean born = s.type() == PhiType.DATE && shift != null && (birth(v, shift) || bornBefore(text, s.start()));
        if (born) {
            // a birth date, known from the structure or said by its label: its year, never a shifted day
            if (v.length() == 4 && v.chars().allMatch(Character::isDigit)) {
                return String.valueOf(birthYear(Integer.parseInt(v), shift.referenceYear())); // "born in 1925"
            }
            java.time.LocalDate d = TextDates.read(v, shift.referenceYear());
            return d != null && hasYear(v) ? String.valueOf(birthYear(d.getYear(), shift.referenceYear())) : "[DATE]";
        }
        String shifted = s.type() != PhiType.DATE || shift == null ? null
                : TextDates.shift(v, shift.days(), shift.referenceYear());
        return switch (s.type()) {
            case NAME -> name(text, s, seedFn);
            case DATE -> {
                if (shifted == null) {
                    yield date(v, seed(seedFn.apply(s)));
                }
                shift.written().accept(shifted);
                yield shifted;
            }
            case AGE -> "90+";
            // (FhirResidualGuard.surrogateEmail knows this form: the only address a released FHIR message may hold)
            case EMAIL -> "user" + (seed(seedFn.apply(s)) % 10000) + "@example.org";
            case URL -> "https://example.org/" + Long.toHexString(seed(seedFn.apply(s)) % 0xFFFFFF);
            case IP -> v.indexOf(':') >= 0 ? "2001:db8::" + Long.toHexString(seed(seedFn.apply(s)) % 0xFFFF)
                    : "192.0.2." + (1 + seed(seedFn.apply(s)) % 254);
            case GEO -> geo(v, seed(seedFn.apply(s)));
            case PHONE, FAX -> phone(v, seed(seedFn.apply(s)));
            default -> shape(v, seed(seedFn.apply(s)));
        };
    }

    /**
     * Word by word, each word by the seed of its own normalised form and nothing else, so that a name part gets one
     * surrogate wherever it stands: alone, before or after a comma, in a hyphenated name, in any case, with a
     * possessive. Which list it draws from is the word's own too (a given name the lexicon knows draws a given name),
     * never its place in the span. Titles before a name, particles between its words and generational suffixes stay;
     * an initial gets a letter seeded by itself.
     */
    private static String name(String text, PhiSpan s, Function<PhiSpan, String> seedFn) {
        List<int[]> words = nameWords(text, s.start(), s.end());
        StringBuilder b = new StringBuilder();
        int pos = s.start();
        long h0 = seed(seedFn.apply(s));
        Lexicon lexicon = Lexicon.builtIn();
        boolean leading = true;
        for (int w = 0; w < words.size(); w++) {
            int[] r = words.get(w);
            b.append(digitsMadeUp(text.substring(pos, r[0]), h0 + w)); // "42 Larkspur Row": no digit of a span stays
            String word = text.substring(r[0], r[1]);
            int stem = possessiveStem(text, r[0], r[1]);
            int id = lexicon.words.find(text, r[0], stem);
            String folded = Fold.phrase(text.substring(r[0], stem));
            boolean last = w == words.size() - 1;
            leading &= lexicon.has(id, Lexicon.TITLE) && (!last || HONORIFICS.contains(folded));
            if (leading || last && SUFFIXES.contains(folded)) {
                b.append(word); // "Dr.", "Jr.": a title or suffix says nothing of who it is
            } else if (w > 0 && !last && io.phistream.detector.NameParticles.is(word)) {
                b.append(word); // "Colón de Jesús" -> "Ingram de Holloway": a particle between names says nothing
            } else {
                // (a given name in real use: a name the lexicon holds a handful of times decides nothing)
                boolean given = lexicon.has(id, Lexicon.FIRST_NAME) && lexicon.firstQ(id) >= 16;
                b.append(madeUp(text, r[0], stem, s, seedFn, given));
                b.append(text, stem, r[1]); // "Quillfeather's" -> "Hartwell's"
            }
            pos = r[1];
        }
        b.append(digitsMadeUp(text.substring(pos, s.end()), h0 + words.size()));
        return b.toString();
    }

    /** The words of a name: letters, with an apostrophe inside a word ("O'Brien", "Smith's") part of it. */
    private static List<int[]> nameWords(String text, int start, int end) {
        List<int[]> words = new ArrayList<>();
        int i = start;
        while (i < end) {
            if (Character.isLetter(text.charAt(i))) {
                int j = i + 1;
                while (j < end && (Character.isLetter(text.charAt(j))
                        || apostrophe(text.charAt(j)) && j + 1 < end && Character.isLetter(text.charAt(j + 1)))) {
                    j++;
                }
                words.add(new int[] {i, j});
                i = j;
            } else {
                i++;
            }
        }
        return words;
    }

    private static boolean apostrophe(char c) {
        return c == '\'' || c == '\u2019' || c == '\u02BC';
    }

    /** Where the word ends without a possessive "'s" (its end when it has none). */
    private static int possessiveStem(String text, int start, int end) {
        return end - start > 3 && apostrophe(text.charAt(end - 2)) && (text.charAt(end - 1) == 's'
                || text.charAt(end - 1) == 'S') ? end - 2 : end;
    }

    /**
     * The surrogate of the word text[start, end): a made-up given name or surname by its seed, or for an initial (a
     * letter, or up to three letters without a vowel, "ZQ") a letter per letter, each by its own seed.
     */
    private static String madeUp(String text, int start, int end, PhiSpan s, Function<PhiSpan, String> seedFn,
                                 boolean givenName) {
        String word = text.substring(start, end);
        if (word.length() == 1 || word.length() <= 3 && word.chars().noneMatch(c -> "AEIOUYaeiouy".indexOf(c) >= 0)) {
            StringBuilder b = new StringBuilder(word.length());
            for (int i = start; i < end; i++) {
                long h = seed(seedFn.apply(new PhiSpan(PhiType.NAME, i, i + 1, s.rule(), s.confidence())));
                int own = Character.toUpperCase(text.charAt(i)) - 'A';
                // never the letter itself, which would read as kept (a letter outside A-Z is any letter)
                char c = (char) ('A' + (own >= 0 && own < 26 ? (own + 1 + h % 25) % 26 : h % 26));
                b.append(Character.isLowerCase(text.charAt(i)) ? Character.toLowerCase(c) : c);
            }
            return b.toString();
        }
        long h = seed(seedFn.apply(new PhiSpan(PhiType.NAME, start, end, s.rule(), s.confidence())));
        return caseLike(word, givenName ? FIRST[(int) (h % FIRST.length)] : LAST[(int) (h % LAST.length)]);
    }

    /** The chars between a name's words, their digits made up (a span typed NAME may hold a house number). */
    private static String digitsMadeUp(String between, long h) {
        for (int i = 0; i < between.length(); i++) {
            if (Character.isDigit(between.charAt(i))) {
                return shape(between, h);
            }
        }
        return between;
    }

    private static String caseLike(String original, String fake) {
        if (original.equals(original.toUpperCase(Locale.ROOT))) {
            return fake.toUpperCase(Locale.ROOT);
        }
        if (original.equals(original.toLowerCase(Locale.ROOT))) {
            return fake.toLowerCase(Locale.ROOT);
        }
        return fake;
    }

    /** Keeps the format: numbers stay numbers of the same width, month names stay month names; years stay. */
    private static String date(String v, long h) {
        int month = 1 + (int) (h % 12);
        int day = 1 + (int) ((h / 12) % 28);
        StringBuilder b = new StringBuilder();
        int group = 0;
        int i = 0;
        while (i < v.length()) {
            char c = v.charAt(i);
            if (Character.isDigit(c)) {
                int j = i;
                while (j < v.length() && Character.isDigit(v.charAt(j))) {
                    j++;
                }
                int w = j - i;
                if (w == 4 || w == 2 && i > 0 && apostrophe(v.charAt(i - 1))) { // a year stays: "2019", "'19"
                    b.append(v, i, j);
                } else {
                    int val = group++ == 0 && !hasMonthName(v) ? month : day;
                    String s = String.valueOf(val);
                    if (w == 2 && s.length() == 1 && c == '0') { // "03" pads, "14" did not
                        s = "0" + s;
                    }
                    b.append(s);
                }
                i = j;
            } else if (Character.isLetter(c)) {
                int j = i;
                while (j < v.length() && Character.isLetter(v.charAt(j))) {
                    j++;
                }
                String word = v.substring(i, j);
                if (monthIndex(word) >= 0) {
                    String m = MONTHS[month - 1];
                    if (word.length() <= 4) {
                        m = m.substring(0, 3);
                    }
                    b.append(caseLike(word, m));
                } else if (word.equalsIgnoreCase("st") || word.equalsIgnoreCase("nd") || word.equalsIgnoreCase("rd")
                        || word.equalsIgnoreCase("th")) {
                    String suf = day % 10 == 1 && day != 11 ? "st" : day % 10 == 2 && day != 12 ? "nd"
                            : day % 10 == 3 && day != 13 ? "rd" : "th";
                    b.append(caseLike(word, suf));
                } else {
                    b.append(word);
                }
                i = j;
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }

    private static boolean hasMonthName(String v) {
        for (String w : v.split("[^A-Za-z]+")) {
            if (monthIndex(w) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static int monthIndex(String w) {
        if (w.length() < 3) {
            return -1;
        }
        for (int m = 0; m < 12; m++) {
            if (MONTHS[m].regionMatches(true, 0, w, 0, Math.min(w.length(), MONTHS[m].length()))
                    && w.length() <= MONTHS[m].length()) {
                return m;
            }
        }
        return -1;
    }

    private static String geo(String v, long h) {
        boolean digits = v.chars().anyMatch(Character::isDigit);
        boolean letters = v.chars().anyMatch(Character::isLetter);
        if (digits && !letters) {
            return shape(v, h); // ZIP
        }
        String place = PLACES[(int) (h % PLACES.length)];
        if (digits) {
            // street: keep the house-number shape, fake the name, keep the last word only when it is a street's
            // suffix ("Row", "St."): a span that runs on into its town ("42 Larkspur Row Fennimore") must not keep it
            String[] parts = v.split(" ");
            String last = parts[parts.length - 1];
            if (!Character.isDigit(parts[0].charAt(0)) && Character.isDigit(last.charAt(0))) {
                // the house number after the name, the European way: "Königstraße 17" -> "Lakeside 42"
                return caseLike(v, place) + " " + shape(last, h);
            }
            String num = shape(parts[0], h);
            // (the lexicon's street suffixes, the ones the place rules read)
            boolean suffix = parts.length > 2 && Lexicon.builtIn().streetSuffix(last.replace(",", ""));
            return num + " " + caseLike(v, place) + (suffix ? " " + last : "");
        }
        return caseLike(v, place);
    }

    /**
     * A made-up number of the same shape that keeps an international number's country code ("+34 612 345 678" -> "+34
     * 907 ...") and a North American number's leading 1: a country is no PHI, and a made-up code ("+68") names none.
     * Its digits are drawn from the last one back, as the seed's value is its last ten digits, so the number gets the
     * same surrogate digits however it is written: "(978) 555-0122", "978-555-0122", "1-978-555-0122".
     */
    private static String phone(String v, long h) {
        int space = v.indexOf(' ');
        if (v.startsWith("+") && space > 1 && space <= 4) {
            return v.substring(0, space) + shape(v.substring(space), h);
        }
        int first = 0;
        int digits = 0;
        for (int i = v.length() - 1; i >= 0; i--) {
            if (Character.isDigit(v.charAt(i))) {
                digits++;
                first = i;
            }
        }
        return digits == 11 && v.charAt(first) == '1' ? v.substring(0, first + 1) + shape(v.substring(first + 1), h)
                : shape(v, h);
    }

    /**
     * Same shape: digits -> digits, letters -> letters of the same case, separators kept. Each letter or digit is drawn
     * by its place counted from the value's end, separators not counted, so that forms of one value that differ in
     * separators or leading zeros (which its seed does not see) share their surrogate.
     */
    private static String shape(String v, long h) {
        char[] b = v.toCharArray();
        long k = 0;
        for (int i = b.length - 1; i >= 0; i--) {
            char c = b[i];
            if (!Character.isLetterOrDigit(c)) {
                continue;
            }
            long x = h + 0x9E3779B97F4A7C15L * ++k; // SplitMix64: one independent draw per place
            x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
            x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
            int r = (int) ((x ^ (x >>> 31)) >>> 33);
            if (Character.isDigit(c)) {
                b[i] = (char) ('0' + r % 10);
            } else if (Character.isUpperCase(c)) {
                b[i] = (char) ('A' + r % 26);
            } else if (Character.isLowerCase(c)) {
                b[i] = (char) ('a' + r % 26);
            }
        }
        return new String(b);
    }
}
