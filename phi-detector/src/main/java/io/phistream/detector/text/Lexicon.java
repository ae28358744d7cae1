package io.phistream.detector.text;

import io.phistream.detector.text.lexicon.Fold;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * The shipped lexicons, loaded once (unchanged afterwards but for a cache of folded keys whose races are harmless, so safe to share between threads): one
 * {@link TokenTable} of every word any list knows, with per-word features, and phrase tries for
 * places and hospitals.
 */
final class Lexicon {
    static final int CLINICAL = 1;
    static final int SUFFIX = 1 << 1;
    static final int SUFFIX_WEAK = 1 << 2;
    static final int DIRECTION = 1 << 3;
    static final int UNIT = 1 << 4;
    static final int STREET_NAME = 1 << 5;
    static final int USPS = 1 << 6;
    static final int MONTH = 1 << 7;
    static final int WEEKDAY = 1 << 8;
    static final int TITLE = 1 << 9;
    static final int RELATION = 1 << 10;
    static final int POSTMARK = 1 << 11;
    static final int VERB_CONTEXT = 1 << 12;
    static final int FACILITY_HEAD = 1 << 13;
    static final int ORDINAL = 1 << 14;
    static final int STOP = 1 << 15;
    static final int COMMON = 1 << 16;
    static final int NAME_LISTED = 1 << 17;
    static final int PLACE_PREP = 1 << 18;
    static final int HOSP_GENERIC = 1 << 19;
    static final int STATE_NAME = 1 << 20;
    static final int FIRST_NAME = 1 << 21;
    static final int SURNAME = 1 << 22;
    /** Words that start a special form (ages in words, holidays, PO boxes, apartments): checked per word. */
    static final int TRIGGER = 1 << 23;
    /** First word of some place or hospital phrase: lets the scanners skip the tries for most words. */
    static final int PLACE_START = 1 << 24;
    static final int HOSP_START = 1 << 25;
    /** Languages, nationalities and religions: clinical context words ("SPANISH SPEAKING") but distinctive in a
     * facility's name ("HEBREW REHAB", "JEWISH MEMORIAL"). */
    static final int GROUP = 1 << 26;
    /**
     * Genera and species epithets (clinical_terms.txt, section organisms): "S. MARCESCENS" is an organism, not an
     * initial and a surname. Past the 27 flags the token model reads, so adding it left the model's features as they were.
     */
    static final int ORGANISM = 1 << 27;

    /** Place phrase value bits. */
    static final int P_PLACE = 1;
    static final int P_SUBDIV = 2;
    static final int P_COUNTY = 4;
    static final int P_STATE = 8;

    final TokenTable words = new TokenTable();
    final PhraseTrie places = new PhraseTrie();
    final PhraseTrie hospitals = new PhraseTrie();
    final Map<String, String> stateByAbbrev = new HashMap<>();
    /** Initials of the CMS/HIFLD hospital names of two to five words (MGH, BWH, BIDMC), folded. */
    final java.util.Set<String> hospitalAcronyms = new java.util.HashSet<>();

    private byte[] firstQ = new byte[0];
    private byte[] surQ = new byte[0];
    private byte[] wordQ = new byte[0];
    private byte[] casing = new byte[0];
    private byte[] scowlWord = new byte[0];
    private int[] flags = new int[0];
    private byte[] month = new byte[0];
    private short[] hospCount = new short[0];
    private float[] nameOdds = new float[0];

    private static volatile Lexicon builtIn;

    static Lexicon builtIn() {
        Lexicon l = builtIn;
        if (l == null) {
            synchronized (Lexicon.class) {
                l = builtIn;
                if (l == null) {
                    l = new Lexicon();
                    l.load();
                    builtIn = l;
                }
            }
        }
        return l;
    }

    private void ensure(int id) {
        if (id >= flags.length) {
            int n = Math.max(id + 1, flags.length * 2 + 1024);
            firstQ = java.util.Arrays.copyOf(firstQ, n);
            surQ = java.util.Arrays.copyOf(surQ, n);
            wordQ = java.util.Arrays.copyOf(wordQ, n);
            casing = java.util.Arrays.copyOf(casing, n);
            scowlWord = java.util.Arrays.copyOf(scowlWord, n);
            flags = java.util.Arrays.copyOf(flags, n);
            month = java.util.Arrays.copyOf(month, n);
            hospCount = java.util.Arrays.copyOf(hospCount, n);
        }
    }

    /**
     * Folded spelling of word id, one String per word for the life of the lexicon: a note's words are mostly
     * lexicon words, and the rules compare them with word lists many times, so they share one key instead of each
     * call folding and allocating its own. Filled on demand; a racing fill writes an equal String (harmless).
     */
    private volatile String[] keys = new String[0];

    String key(int id) {
        String[] k = keys;
        if (id >= k.length) {
            k = java.util.Arrays.copyOf(k, Math.max(words.size(), id + 1));
            keys = k;
        }
        String key = k[id];
        if (key == null) {
            key = words.key(id);
            k[id] = key;
        }
        return key;
    }

    /** Id of the folded word, adding it: only while loading (see {@link Words#in}). */
    private int id(String folded) {
        int id = words.add(folded);
        ensure(id);
        return id;
    }

    private void flag(String folded, int f) {
        flags[id(folded)] |= f;
    }

    private void load() {
        gz("names.tsv.gz", r -> {
            int id = id(r[0]);
            firstQ[id] = (byte) Integer.parseInt(r[1]);
            surQ[id] = (byte) Integer.parseInt(r[2]);
        });
        gz("words.tsv.gz", r -> {
            int id = id(r[0]);
            wordQ[id] = (byte) Integer.parseInt(r[1]);
            casing[id] = (byte) r[2].charAt(0);
            scowlWord[id] = (byte) Integer.parseInt(r[3]);
        });
        gz("states.tsv.gz", r -> {
            int[] ids = phraseIds(r[0]);
            places.add(ids, P_STATE, (a, b) -> a | b);
            for (String w : r[0].split(" ")) {
                if (w.length() > 1) {
                    flag(w, STATE_NAME); // not the S of "U S VIRGIN ISLANDS": "STONE, S/P" is no state
                }
            }
            flag(r[1], USPS);
            stateByAbbrev.put(r[1], r[0]);
            if (!r[2].isEmpty()) {
                places.add(phraseIds(r[2]), P_STATE, (a, b) -> a | b);
            }
        });
        gz("places.tsv.gz", r -> {
            int kinds = (r[1].indexOf('P') >= 0 ? P_PLACE : 0) | (r[1].indexOf('S') >= 0 ? P_SUBDIV : 0)
                    | (r[1].indexOf('C') >= 0 ? P_COUNTY : 0);
            int v = kinds | (Integer.parseInt(r[2]) << 4);
            places.add(phraseIds(r[0]), v, (a, b) -> (a | b) & 0xF | Math.max(a >>> 4, b >>> 4) << 4);
        });
        Map<String, Integer> hospWordFreq = new HashMap<>();
        List<String> hospNames = new ArrayList<>();
        gz("hospitals.tsv.gz", r -> {
            hospNames.add(r[0]);
            for (String w : new java.util.HashSet<>(List.of(r[0].split(" ")))) {
                hospWordFreq.merge(w, 1, Integer::sum);
            }
        });
        for (Map.Entry<String, Integer> e : hospWordFreq.entrySet()) {
            int id = id(e.getKey());
            hospCount[id] = (short) Math.min(Short.MAX_VALUE, e.getValue());
        }
        text("street_words.txt", (section, w) -> {
            boolean weak = w.endsWith("*");
            String k = Fold.word(weak ? w.substring(0, w.length() - 1) : w);
            switch (section) {
                case "suffix" -> flag(k, weak ? SUFFIX | SUFFIX_WEAK : SUFFIX);
                case "direction" -> flag(k, DIRECTION);
                case "unit" -> flag(k, UNIT);
                default -> flag(k, STREET_NAME);
            }
        });
        text("clinical_terms.txt", (section, w) -> flag(Fold.word(w), switch (section) {
            case "groups" -> CLINICAL | GROUP;
            case "organisms" -> CLINICAL | ORGANISM;
            default -> CLINICAL;
        }));
        for (String t : List.of("DR", "DOCTOR", "MR", "MRS", "MS", "MISS", "MX", "PROF", "PROFESSOR", "DRS", "MESSRS",
                "SR", "SISTER", "FATHER", "REV", "NURSE", "DRE", "OFC", "OFCR", "DET", "SGT", "CPL", "FR", "PASTOR", "RABBI", "IMAM", "PANDIT",
                // law enforcement in EMS and trauma notes ("DEPUTY R. GOURD"; not WARDEN or MARSHAL, which are
                // surnames, nor TPR, which is also temperature, pulse and respiration)
                "DEPUTY", "DEP")) {
            flag(t, TITLE);
        }
        for (String t : List.of("DAUGHTER", "SON", "WIFE", "HUSBAND", "MOTHER", "FATHER", "MOM", "DAD", "SISTER",
                "BROTHER", "NIECE", "NEPHEW", "AUNT", "UNCLE", "COUSIN", "GRANDSON", "GRANDDAUGHTER", "GRANDDAUGHTERS",
                "GRANDCHILD", "GRANDMOTHER", "GRANDFATHER", "FRIEND", "NEIGHBOR", "NEIGHBOUR", "SPOUSE", "PARTNER",
                "BOYFRIEND", "GIRLFRIEND", "FIANCE", "FIANCEE", "HCP", "PROXY", "GUARDIAN", "DTR", "DAU", "STEPSON",
                "STEPDAUGHTER", "SIBLING", "CAREGIVER", "ROOMMATE", "SITTER", "SPONSOR", "SIS", "BRO", "HUSB", "GF", "BF",
                "PCP", "ATTENDING", "RESIDENT", "INTERN", "FELLOW", "SURGEON", "CARDIOLOGIST", "ONCOLOGIST",
                "NEUROLOGIST", "PHYSICIAN", "PASTOR", "CHAPLAIN", "THERAPIST", "PHARMACIST", "NP", "PA", "RN", "MD",
                "ATTG", "NURSE", "DOCTOR", "HUSBANDS", "WIFES", "SONS", "DAUGHTERS", "CHILDREN", "KIDS", "PARENTS",
                "SIBLINGS", "GRANDCHILDREN", "SISTERS", "BROTHERS", "GRANDSONS", "NIECES", "NEPHEWS", "STEPMOTHER",
                "STEPFATHER", "GODMOTHER", "GODFATHER", "EXWIFE", "EXHUSBAND", "FIANCEE", "COWORKER", "LANDLORD", "OFFICER",
                "DETECTIVE", "TROOPER", "SERGEANT", "CAPTAIN", "TEAM", "STAFF", "CHARGE",
                // grandparents and family words of other habits and languages ("GRANDMA PRECIOUS", "her mamaw Opal")
                "GRANDMA", "GRANDPA", "GRANNY", "MAMAW", "PAPAW", "MEEMAW", "ABUELA", "ABUELO", "ABUELITA", "ABUELITO",
                "STEPMOM", "STEPDAD", "CASEWORKER", "COUNSELOR", "COACH", "TEACHER",
                // "auntie Rose", "CALL HIS SUPERVISOR DONNA" (not FOREMAN: also a town and a surname)
                "AUNTIE", "AUNTY", "SUPERVISOR",
                // grandparents by side ("PGM SARAH KING", "MGM DAWN"); not DTRS, which is also deep tendon reflexes
                "MGM", "PGM", "MGF", "PGF", "NONNA", "NONNO", "GRANDDTR")) { // (not TIA, TIO: given names)
            flag(t, RELATION);
        }
        for (String t : List.of("CALLED", "CALL", "CALLING", "SPOKE", "SPOKEN", "SPEAK", "TALKED", "LIVES", "LIVING",
                "PER", "SEEN", "VISITED", "DISCUSSED", "INFORMED", "NOTIFIED", "PAGED", "UPDATED", "MET", "EXAMINED",
                "EVALUATED", "ACCOMPANIED", "REFERRED", "CONSULTED", "CONTACTED", "APPROVED", "ORDERED",
                "THANKS", "THANK", "DEAR", "ASKED", "REQUESTED", "TOLD", "HI", "HELLO", "ATTN", "SIGNED", "DICTATED",
                "COSIGNED", "ATTESTED", "AUTHOR", "TRANSCRIBED", "PT", "PATIENT", "PTS", "MR", "NAME", "CONTACT",
                "EMERGENCY", "FAMILY", "VISITOR", "VISITORS", "INTERPRETER", "SW", "CM", "ESCORTED", "ACCOMPANY")) {
            flag(t, VERB_CONTEXT);
        }
        for (String t : List.of("RN", "MD", "NP", "PA", "PAC", "DO", "PHD", "RPH", "PHARMD", "CNA", "RRT", "LPN",
                "LICSW", "MSW", "LCSW", "CRNA", "APRN", "DNP", "FNP", "ANP", "CNM", "DDS", "DMD", "MBBS", "FACP",
                "FACS", "FACC", "MPH", "RD", "OTR", "DPT", "SLP", "CCC", "BSN", "MSN", "JR", "SR", "II", "III", "IV",
                // nutrition, wound-care, critical-care and pharmacy certifications
                "LDN", "CWOCN", "WOCN", "CWON", "CWCN", "CCRN", "RNC", "COTA", "CDCES", "BCPS", "CPHT",
                // behavioral-health licences: social workers, counsellors, qualified mental-health professionals
                "LMSW", "QMHP", "LMFT", "LCPC", "CADC", "PMHNP", "LMHC", "LCADC")) {
            flag(t, POSTMARK);
        }
        for (String t : List.of("HOSPITAL", "HOSP", "CENTER", "CENTRE", "CTR", "CLINIC", "INFIRMARY", "REHAB",
                "REHABILITATION", "HOSPICE", "HEALTHCARE", "SANATORIUM", "SANITARIUM", "HOME", "MANOR",
                "NURSING", "INSTITUTE", "HEALTH", "CARE", "MEDICAL", "LTAC", "LTACH", "SNF", "ECF", "VNA", "LIFE", "LIVING",
                "PEDS", "PEDIATRICS", "SENIORLIFE", "SENIORCARE", "ASSOCIATES", "ASSOC", "ASSOCS", "PRACTICE",
                "PHYSICIANS", "PARTNERS", "GYN", "NETWORK")) {
            flag(t, FACILITY_HEAD);
        }
        for (String t : List.of("IN", "FROM", "TO", "AT", "NEAR", "OF", "VISITING", "RESIDES", "RESIDENT",
                "LIVES", "MOVED", "BORN", "NATIVE", "OUTSIDE", "AROUND", "VIA", "TOWARD", "TOWARDS", "LIVED")) {
            flag(t, PLACE_PREP);
        }
        for (String t : List.of("NINETY", "HUNDRED", "NINETIES", "CHRISTMAS", "THANKSGIVING", "EASTER", "HALLOWEEN",
                "XMAS", "NEW", "PO", "POB", "P", "APT", "APARTMENT", "SUITE", "STE", "FOURTH", "INDEPENDENCE", "LABOR",
                "MEMORIAL", "VETERANS", "MOTHERS", "FATHERS", "VALENTINES", "PRESIDENTS", "COLUMBUS", "JUNETEENTH")) {
            flag(t, TRIGGER);
        }
        String[] months = {"JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER",
            "OCTOBER", "NOVEMBER", "DECEMBER"};
        for (int m = 0; m < 12; m++) {
            int id = id(months[m]);
            flags[id] |= MONTH;
            month[id] = (byte) (m + 1);
            int ab = id(months[m].substring(0, 3));
            flags[ab] |= MONTH;
            month[ab] = (byte) (m + 1);
        }
        int sept = id("SEPT");
        flags[sept] |= MONTH;
        month[sept] = 9;
        for (String d : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY", "MON",
                "TUE", "TUES", "WED", "THU", "THUR", "THURS", "FRI", "SAT", "SUN")) {
            flag(d, WEEKDAY);
        }
        for (int i = 1; i <= 999; i++) { // (numbered streets run past 120: "2801 NE 183RD ST")
            String suf = (i % 100 >= 11 && i % 100 <= 13) ? "TH"
                    : switch (i % 10) { case 1 -> "ST"; case 2 -> "ND"; case 3 -> "RD"; default -> "TH"; };
            flag(i + suf, ORDINAL);
        }
        // hospital names: full names, plus the distinctive part without the generic head words
        for (String h : hospNames) {
            hospitals.add(phraseIds(h), 1, Math::max);
            hospitalAcronyms.add(acronym(h));
            String[] ws = h.split(" ");
            for (int v = 0; v < ws.length; v++) {
                if (ws[v].equals("SAINT") || ws[v].equals("ST")) {
                    String[] alt = ws.clone();
                    alt[v] = ws[v].equals("ST") ? "SAINT" : "ST";
                    hospitals.add(ids(alt), 1, Math::max);
                }
            }
        }
        int n = words.size();
        ensure(n);
        for (int id = 0; id < n; id++) {
            if (places.child(0, id) >= 0) {
                flags[id] |= PLACE_START;
            }
            if (hospitals.child(0, id) >= 0) {
                flags[id] |= HOSP_START;
            }
        }
        nameOdds = new float[n];
        for (int id = 0; id < n; id++) {
            computeFeatures(id);
        }
        for (String w : List.of("HOSPITAL", "MEDICAL", "CENTER", "HEALTH", "REGIONAL", "MEMORIAL", "COMMUNITY",
                "GENERAL", "COUNTY", "UNIVERSITY", "CLINIC", "SYSTEM", "CARE", "INC", "LLC", "THE", "OF", "AND",
                "SERVICES", "CAMPUS", "DISTRICT", "BEHAVIORAL", "REHABILITATION", "CHILDRENS", "SPECIALTY",
                "SURGICAL", "CITY", "STATE", "VALLEY", "NORTH", "SOUTH", "EAST", "WEST", "CENTRAL", "HOSP", "CTR",
                "MED", "HEALTHCARE", "INSTITUTE", "PSYCHIATRIC", "CRITICAL", "ACCESS", "LONG", "TERM", "ACUTE",
                "VA", "VETERANS", "AFFAIRS", "SAINT", "ST", "MERCY", "BAPTIST", "METHODIST", "PRESBYTERIAN")) {
            flag(w, HOSP_GENERIC);
        }
    }

    private static final java.util.Set<String> ACRONYM_SKIP = java.util.Set.of("OF", "AND", "THE", "AT", "FOR", "IN", "INC", "LLC");

    /** "MASSACHUSETTS GENERAL HOSPITAL" -> "MGH"; "" unless the name has two to five words that count. */
    static String acronym(String name) {
        StringBuilder b = new StringBuilder(5);
        for (String w : name.split(" ")) {
            if (!w.isEmpty() && !ACRONYM_SKIP.contains(w) && Character.isLetter(w.charAt(0))) {
                b.append(w.charAt(0));
            }
        }
        return b.length() >= 2 && b.length() <= 5 ? b.toString() : "";
    }

    private void computeFeatures(int id) {
        double first = firstQ[id] > 0 ? Math.pow(10, firstQ[id] / 8.0) / 3.3e8 : 0;
        double sur = surQ[id] > 0 ? Math.pow(10, surQ[id] / 8.0) / 2.95e8 : 0;
        double wordShare = wordShare(id);
        int f = flags[id];
        if (first > 0 || sur > 0) {
            f |= NAME_LISTED;
            if (first > sur) {
                f |= FIRST_NAME;
            } else {
                f |= SURNAME;
            }
        }
        if (wordShare >= 1e-6) {
            f |= COMMON;
        }
        if (casing[id] == 'l' && wordShare >= 3e-4) {
            f |= STOP;
        }
        flags[id] = f;
        // log10 odds that an occurrence is a person's name: names make up about 1% of clinical words
        nameOdds[id] = (first + sur) == 0 ? -9f
                : (float) (Math.log10(0.01 * (first + sur)) - Math.log10(wordShare + 1e-9));
    }

    /** Share of English running text that is this word used as an ordinary (non-name) word. */
    double wordShare(int id) {
        double scowl = switch (scowlWord[id]) {
            case 0 -> 0;
            case 10 -> 1e-4;
            case 20 -> 2e-5;
            case 35 -> 5e-6;
            case 40 -> 3e-6;
            case 50 -> 1e-6;
            case 55 -> 5e-7;
            case 60 -> 3e-7;
            case 70 -> 1e-7;
            default -> 3e-8;
        };
        if (wordQ[id] == 0) {
            return scowl;
        }
        double pm = Math.pow(10, wordQ[id] / 8.0) / 1000.0 / 1e6;
        // a word whose usual spelling is capitalised is mostly a proper noun: only its lower-case
        // dictionary use counts as a word, and that is rarer than its SCOWL tier suggests
        return casing[id] == 'c' ? scowl / 10 : Math.max(pm, scowl / 10);
    }

    private int[] phraseIds(String folded) {
        return ids(folded.split(" "));
    }

    private int[] ids(String[] ws) {
        int[] r = new int[ws.length];
        for (int i = 0; i < ws.length; i++) {
            r[i] = id(ws[i]);
        }
        return r;
    }

    int flags(int id) {
        return id < 0 ? 0 : flags[id];
    }

    /** Whether the word ends a street's name as the place rules read it: "St", "Row", "Terr" (any case, a '.' after). */
    boolean streetSuffix(String word) {
        int end = word.endsWith(".") ? word.length() - 1 : word.length();
        return has(words.find(word, 0, end), SUFFIX | SUFFIX_WEAK);
    }

    boolean has(int id, int flag) {
        return id >= 0 && (flags[id] & flag) != 0;
    }

    float nameOdds(int id) {
        return id < 0 ? -9f : nameOdds[id];
    }

    int month(int id) {
        return id < 0 ? 0 : month[id];
    }

    int hospitalCount(int id) {
        return id < 0 ? 0 : hospCount[id];
    }

    int firstQ(int id) {
        return id < 0 ? 0 : firstQ[id];
    }

    int surQ(int id) {
        return id < 0 ? 0 : surQ[id];
    }

    /** Number of word ids. */
    int size() {
        return words.size();
    }

    /** SCOWL size tier of the word (10-80), 0 when SCOWL does not hold it. */
    int scowl(int id) {
        return id < 0 ? 0 : scowlWord[id];
    }

    /** Google Books frequency of the word, quantised as in the lexicon file; 0 when absent. */
    int wordQ(int id) {
        return id < 0 ? 0 : wordQ[id];
    }

    long heapBytesEstimate() {
        long perId = 1L * flags.length * (1 + 1 + 1 + 1 + 1 + 4 + 1 + 2) + 4L * nameOdds.length;
        return words.heapBytes() + places.heapBytes() + hospitals.heapBytes() + perId;
    }

    private interface Section {
        void accept(String section, String word);
    }

    private static void text(String name, Section c) {
        try (InputStream in = open(name);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String section = "";
            for (String line; (line = r.readLine()) != null; ) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("@")) {
                    section = line.substring(1).split("\\s+")[0];
                    continue;
                }
                for (String w : line.split("\\s+")) {
                    c.accept(section, w);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("lexicon resource unreadable: " + name, e);
        }
    }

    private static void gz(String name, Consumer<String[]> c) {
        try (InputStream in = new GZIPInputStream(open(name), 1 << 16);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            r.readLine();
            for (String line; (line = r.readLine()) != null; ) {
                c.accept(line.split("\t", -1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("lexicon resource unreadable: " + name, e);
        }
    }

    private static InputStream open(String name) throws IOException {
        InputStream in = Lexicon.class.getResourceAsStream("/lexicons/" + name);
        if (in == null) {
            throw new IOException("missing lexicon resource " + name);
        }
        return in;
    }
}
