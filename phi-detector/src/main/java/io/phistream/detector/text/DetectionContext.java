package io.phistream.detector.text;

import io.phistream.detector.PhiType;
import io.phistream.detector.text.lexicon.Fold;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What the structured part of the same message (PID-5, NK1-2, Patient.name, addresses, ids) says
 * is PHI, so the detector finds it again in free text, also in partial forms; plus the per-patient
 * memory as keyed digests. Immutable; build one per message.
 *
 * <p>Per-patient memory never holds clear values: the Kafka layer stores
 * {@code keyedHash(form)} for every form of {@link #normalisedForms(PhiType, String)} of the values
 * it learned, and passes the set back with the same keyed hash function; the detector hashes its
 * own candidate words the same way and compares digests.
 */
public final class DetectionContext {
    public static final DetectionContext EMPTY = builder().build();

    final Set<String> nameKeys;
    final Set<String> initials;
    final Map<String, PhiType> idKeys;
    final Set<String> geoKeys;
    /** Five-digit ZIP codes from structured addresses, leading zeros kept (ZIP+4 by its first five). */
    final Set<String> zipKeys;
    final Map<String, PhiType> webKeys;
    final Set<Integer> monthDays;
    final Set<String> remembered;
    final Function<String, String> digest;
    /** The remembered digests as numbers, sorted, when the hash gives them ({@link MemoryHash}); else null. */
    private final long[] rememberedValues;

    private DetectionContext(Builder b) {
        nameKeys = Set.copyOf(b.nameKeys);
        initials = Set.copyOf(b.initials);
        idKeys = Map.copyOf(b.idKeys);
        geoKeys = Set.copyOf(b.geoKeys);
        zipKeys = Set.copyOf(b.zipKeys);
        webKeys = Map.copyOf(b.webKeys);
        monthDays = Set.copyOf(b.monthDays);
        remembered = b.remembered == null ? Set.of() : Set.copyOf(b.remembered);
        digest = b.digest;
        rememberedValues = digest instanceof MemoryHash ? values(remembered) : null;
    }

    /** The digests as sorted 64-bit values; null when one is not 16 hex digits (then they are compared as text). */
    private static long[] values(Set<String> digests) {
        long[] v = new long[digests.size()];
        int i = 0;
        for (String d : digests) {
            if (d.length() != 16 || !d.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return null; // (as MemoryHash writes them: lower-case; anything else is compared as text)
            }
            v[i++] = java.util.HexFormat.fromHexDigitsToLong(d);
        }
        java.util.Arrays.sort(v);
        return v;
    }

    /** Whether the patient's memory holds the digest of {@code prefix + form} ("n:" names, "g:" places, "i:" ids). */
    boolean remembers(String prefix, String form) {
        if (rememberedValues != null) {
            return java.util.Arrays.binarySearch(rememberedValues, ((MemoryHash) digest).hash64(prefix, form)) >= 0;
        }
        return remembered.contains(digest.apply(prefix + form));
    }

    public static Builder builder() {
        return new Builder();
    }

    boolean isEmpty() {
        return nameKeys.isEmpty() && idKeys.isEmpty() && geoKeys.isEmpty() && zipKeys.isEmpty() && webKeys.isEmpty()
                && monthDays.isEmpty() && remembered.isEmpty();
    }

    boolean hasMemory() {
        return digest != null && !remembered.isEmpty();
    }

    /**
     * Canonical form of a whole value, prefixed by its matching class so that digests of different
     * kinds never collide: {@code n:} names, {@code g:} places, {@code d:} dates, {@code w:} e-mail,
     * URL and IP, {@code i:} every numeric or coded identifier (phone numbers by their last ten digits).
     */
    public static String normalise(PhiType type, String value) {
        return switch (cls(type)) {
            case 'n' -> "n:" + Fold.phrase(value);
            case 'g' -> "g:" + Fold.phrase(value);
            case 'w' -> "w:" + value.strip().toLowerCase(java.util.Locale.ROOT);
            case 'd' -> "d:" + Fold.phrase(value);
            default -> "i:" + idKey(type, value);
        };
    }

    /**
     * Every form under which a value may come back in free text, normalised: the whole value and,
     * for names, each name part; for places, each distinctive word. The memory stores digests of
     * all of them.
     */
    public static List<String> normalisedForms(PhiType type, String value) {
        Set<String> out = new LinkedHashSet<>();
        out.add(normalise(type, value));
        char c = cls(type);
        if (c == 'n' || c == 'g') {
            String[] ws = Fold.phrase(value).split(" ");
            for (String w : ws) {
                // name particles (DE, LA, VAN) alone would match everyday abbreviations
                if (c == 'n' && (w.length() >= 3 || ws.length == 1 && w.length() == 2) || c == 'g' && distinctiveGeoWord(w)) {
                    out.add(c + ":" + w);
                }
            }
            if (c == 'n' && ws.length > 1) {
                out.add("n:" + String.join("", ws)); // DELACRUZ, OBRIEN written together
            }
        }
        return new ArrayList<>(out);
    }

    /** The digests to remember for a value: the keyed hash of each normalised form. */
    public static Set<String> digestsOf(PhiType type, String value, Function<String, String> keyedHash) {
        Set<String> s = new HashSet<>();
        for (String f : normalisedForms(type, value)) {
            s.add(keyedHash.apply(f));
        }
        return s;
    }

    static char cls(PhiType type) {
        return switch (type) {
            case NAME -> 'n';
            case GEO -> 'g';
            case EMAIL, URL, IP -> 'w';
            case DATE, AGE -> 'd';
            default -> 'i';
        };
    }

    /** Identifier key: upper-case letters and digits; phones by their last ten digits; no leading zeros. */
    static String idKey(PhiType type, CharSequence value) {
        StringBuilder b = new StringBuilder(value.length());
        boolean phone = type == PhiType.PHONE || type == PhiType.FAX;
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch >= '0' && ch <= '9') {
                b.append(ch);
            } else if (!phone && Character.isLetter(ch)) {
                b.append(Character.toUpperCase(ch));
            }
        }
        if (phone && b.length() > 10) {
            return b.substring(b.length() - 10);
        }
        int z = 0;
        while (z < b.length() - 1 && b.charAt(z) == '0') {
            z++;
        }
        return b.substring(z);
    }

    private static final Set<String> GEO_GENERIC = Set.of("STREET", "ST", "AVENUE", "AVE", "ROAD", "RD", "DRIVE",
            "DR", "LANE", "LN", "COURT", "CT", "PLACE", "PL", "BOULEVARD", "BLVD", "WAY", "APT", "UNIT", "SUITE",
            "NORTH", "SOUTH", "EAST", "WEST", "N", "S", "E", "W", "THE", "OF", "AND", "CITY", "TOWN", "COUNTY",
            "TERRACE", "CIRCLE", "HIGHWAY", "ROUTE", "BOX", "PO", "FLOOR", "FL", "SAINT", "MOUNT", "NEW");

    private static boolean digits(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (w.charAt(i) < '0' || w.charAt(i) > '9') {
                return false;
            }
        }
        return !w.isEmpty();
    }

    static boolean distinctiveGeoWord(String w) {
        if (GEO_GENERIC.contains(w) || w.length() < 3) {
            return false;
        }
        for (int i = 0; i < w.length(); i++) {
            if (Character.isLetter(w.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    public static final class Builder {
        private final Set<String> nameKeys = new HashSet<>();
        private final Set<String> initials = new HashSet<>();
        private final Map<String, PhiType> idKeys = new HashMap<>();
        private final Set<String> geoKeys = new HashSet<>();
        private final Set<String> zipKeys = new HashSet<>();
        private final Map<String, PhiType> webKeys = new HashMap<>();
        private final Set<Integer> monthDays = new HashSet<>();
        private Set<String> remembered;
        private Function<String, String> digest;

        /** A person's name from structure (patient, relative, clinician); either part may be null. */
        public Builder knownName(String family, String given) {
            List<String> parts = new ArrayList<>();
            for (String v : new String[] {given, family}) {
                if (v != null) {
                    String[] ws = Fold.phrase(v).split(" ");
                    for (String w : ws) {
                        if (!w.isEmpty()) {
                            parts.add(w);
                            // "DE LA CRUZ": the particles alone (DE, LA) are everyday abbreviations, not the name
                            if (w.length() >= 3 || ws.length == 1 && w.length() == 2) {
                                nameKeys.add(w);
                            }
                            if (w.length() >= 3) {
                                nameKeys.addAll(plurals(w)); // "the Quillfeathers' dog", "visited the Joneses"
                            }
                        }
                    }
                    if (ws.length > 1) {
                        nameKeys.add(String.join("", ws)); // DELACRUZ, OBRIEN written together
                        StringBuilder ini = new StringBuilder(); // "Mr. W-L" for Winterbourne-Lackey
                        for (String w : ws) {
                            if (!w.isEmpty()) {
                                ini.append(w.charAt(0));
                            }
                        }
                        initials.add(ini.toString());
                    }
                }
            }
            if (parts.size() >= 2) {
                StringBuilder ini = new StringBuilder();
                for (String p : parts) {
                    ini.append(p.charAt(0));
                }
                initials.add(ini.toString());
                initials.add("" + parts.get(0).charAt(0) + parts.get(parts.size() - 1).charAt(0));
            }
            return this;
        }

        /**
         * A folded name word's plural spellings, a family's ("QUILLFEATHERS", "JONESES"; with an apostrophe after them
         * they are its possessive): +S, and +ES after a sibilant. Not for two letters, which would spell abbreviations.
         */
        static List<String> plurals(String w) {
            boolean sibilant = w.endsWith("S") || w.endsWith("X") || w.endsWith("Z") || w.endsWith("CH")
                    || w.endsWith("SH");
            return sibilant ? List.of(w + "S", w + "ES") : List.of(w + "S");
        }

        /** Any other value from structure: ids, phones, streets, cities, e-mails, dates of birth... */
        public Builder knownValue(PhiType type, String value) {
            if (value == null || value.isBlank()) {
                return this;
            }
            switch (cls(type)) {
                case 'n' -> knownName(value, null);
                case 'g' -> {
                    for (String w : Fold.phrase(value).split(" ")) {
                        if (distinctiveGeoWord(w)) {
                            geoKeys.add(w);
                        } else if (digits(w) && (w.length() == 5 || w.length() == 9)) {
                            zipKeys.add(w.substring(0, 5)); // a postal code, ZIP+4 written together too
                        }
                    }
                }
                case 'w' -> webKeys.put(value.strip().toLowerCase(java.util.Locale.ROOT), type);
                case 'd' -> {
                    int[] md = DateParts.monthDay(value);
                    if (md != null) {
                        monthDays.add(md[0] * 100 + md[1]);
                    }
                }
                default -> {
                    String k = idKey(type, value);
                    if (k.length() >= 4) {
                        idKeys.put(k, type);
                    }
                }
            }
            return this;
        }

        /**
         * Digests of values remembered for this patient, and the keyed hash that produced them from
         * {@link DetectionContext#normalisedForms} forms.
         */
        public Builder rememberedDigests(Set<String> digests, Function<String, String> keyedHash) {
            this.remembered = digests;
            this.digest = keyedHash;
            return this;
        }

        /** Digests of values remembered for this patient (see {@link #digestFunction}). */
        public Builder rememberedDigests(Set<String> digests) {
            this.remembered = digests;
            return this;
        }

        /** The keyed hash that produced the remembered digests; memory is used only when both are set. */
        public Builder digestFunction(Function<String, String> keyedHash) {
            this.digest = keyedHash;
            return this;
        }

        public DetectionContext build() {
            return new DetectionContext(this);
        }
    }
}
