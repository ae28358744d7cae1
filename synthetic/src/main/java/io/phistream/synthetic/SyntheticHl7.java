package io.phistream.synthetic;

import static io.phistream.synthetic.PlantedPhi.Kind.ACCOUNT;
import static io.phistream.synthetic.PlantedPhi.Kind.AGE;
import static io.phistream.synthetic.PlantedPhi.Kind.BIRTH_DATE;
import static io.phistream.synthetic.PlantedPhi.Kind.CITY;
import static io.phistream.synthetic.PlantedPhi.Kind.DATE;
import static io.phistream.synthetic.PlantedPhi.Kind.EMAIL;
import static io.phistream.synthetic.PlantedPhi.Kind.HEALTH_PLAN;
import static io.phistream.synthetic.PlantedPhi.Kind.LICENSE;
import static io.phistream.synthetic.PlantedPhi.Kind.MRN;
import static io.phistream.synthetic.PlantedPhi.Kind.NAME;
import static io.phistream.synthetic.PlantedPhi.Kind.PHONE;
import static io.phistream.synthetic.PlantedPhi.Kind.SSN;
import static io.phistream.synthetic.PlantedPhi.Kind.STREET;
import static io.phistream.synthetic.PlantedPhi.Kind.VISIT_NUMBER;
import static io.phistream.synthetic.PlantedPhi.Kind.ZIP;

import io.phistream.synthetic.Lexicon.City;
import io.phistream.synthetic.Lexicon.Condition;
import io.phistream.synthetic.Lexicon.Facility;
import io.phistream.synthetic.Lexicon.Payer;
import io.phistream.synthetic.SyntheticPatient.Relative;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Deterministic generator of FAKE HL7 v2.5.1 ER7 messages (ADT^A01/A03/A08, ORU^R01 vitals and labs, MDM^T02)
 * for the demo, tests, leak tests and benchmarks. The same seed and the same sequence of calls give
 * byte-identical output on every JDK. Every name, number and address is invented.
 *
 * <p>Not thread-safe: use one generator per thread.
 */
public final class SyntheticHl7 {

    private static final long DAY_1925 = Dates.epochDay(1925, 1, 1);
    private static final long DAY_2024_END = Dates.epochDay(2024, 12, 31);
    private static final long FEED_START = Dates.epochDay(2025, 1, 6) * 86400L + 6 * 3600L;
    private static final int DEFAULT_POOL_SIZE = 250;
    private static final String NPI_AUTHORITY = "^^NPI&2.16.840.1.113883.4.6&ISO^L^^^NPI";

    private static final String[] RACES = {"2106-3^White^CDCREC", "2054-5^Black or African American^CDCREC",
        "2028-9^Asian^CDCREC", "1002-5^American Indian or Alaska Native^CDCREC", "2131-1^Other Race^CDCREC"};
    private static final String[] LAB_PANEL = {"51990-0^Basic metabolic panel - Blood^LN",
        "58410-2^CBC panel - Blood by Automated count^LN"};
    /** code^name, units, low, high (scaled by 10^decimals), decimals; per panel. */
    private static final Object[][][] LAB_ROWS = {
        {
            {"2951-2^Sodium [Moles/volume] in Serum or Plasma^LN", "mmol/L^millimole per liter^UCUM", 136, 145, 0},
            {"2823-3^Potassium [Moles/volume] in Serum or Plasma^LN", "mmol/L^millimole per liter^UCUM", 35, 51, 1},
            {"2075-0^Chloride [Moles/volume] in Serum or Plasma^LN", "mmol/L^millimole per liter^UCUM", 98, 107, 0},
            {"2028-9^Carbon dioxide, total [Moles/volume] in Serum or Plasma^LN", "mmol/L^millimole per liter^UCUM",
                22, 29, 0},
            {"3094-0^Urea nitrogen [Mass/volume] in Serum or Plasma^LN", "mg/dL^milligram per deciliter^UCUM", 7, 20, 0},
            {"2160-0^Creatinine [Mass/volume] in Serum or Plasma^LN", "mg/dL^milligram per deciliter^UCUM", 60, 130, 2},
            {"2345-7^Glucose [Mass/volume] in Serum or Plasma^LN", "mg/dL^milligram per deciliter^UCUM", 70, 99, 0},
        },
        {
            {"6690-2^Leukocytes [#/volume] in Blood by Automated count^LN", "10*3/uL^thousand per microliter^UCUM",
                45, 110, 1},
            {"718-7^Hemoglobin [Mass/volume] in Blood^LN", "g/dL^gram per deciliter^UCUM", 120, 175, 1},
            {"4544-3^Hematocrit [Volume Fraction] of Blood by Automated count^LN", "%^percent^UCUM", 36, 50, 0},
            {"777-3^Platelets [#/volume] in Blood by Automated count^LN", "10*3/uL^thousand per microliter^UCUM",
                150, 400, 0},
        },
    };
    private static final String[][] DOC_TYPES = {
        {"PN", "Progress note", "11506-3^Progress note^LN", "PROGRESS NOTE"},
        {"DS", "Discharge summary", "18842-5^Discharge summary^LN", "DISCHARGE SUMMARY"},
        {"CN", "Consultation note", "11488-4^Consult note^LN", "CONSULTATION NOTE"},
        {"HP", "History and physical", "34117-2^History and physical note^LN", "HISTORY AND PHYSICAL"},
    };
    private static final String[] PLANS = {"agrees with the current plan", "will reassess tomorrow morning",
        "recommends an echocardiogram", "suggests physical therapy evaluation", "may consider discharge in 48 hours"};

    /** A fake clinician; NPI-like id (not a real NPI). */
    record Clinician(String npi, String family, String given, String degree, boolean doctor) {
    }

    private static final class Encounter {
        final String visitNumber;
        final long admitSec;
        final String admitWritten;
        final Clinician attending;
        final Clinician admitting;
        final String location;
        final char patientClass;
        final char admissionType;
        final Condition condition;
        boolean open = true;

        Encounter(String visitNumber, long admitSec, Clinician attending, Clinician admitting, String location,
                  char patientClass, char admissionType, Condition condition) {
            this.visitNumber = visitNumber;
            this.admitSec = admitSec;
            this.admitWritten = Dates.dtm(admitSec, false);
            this.attending = attending;
            this.admitting = admitting;
            this.location = location;
            this.patientClass = patientClass;
            this.admissionType = admissionType;
            this.condition = condition;
        }
    }

    private final long seed;
    private final String separator;
    private final int poolSize;
    private final Rng rng;
    private final Er7Writer w;
    private final Clinician[] physicians;
    private final Clinician[] nurses;
    private final ArrayList<SyntheticPatient> pool = new ArrayList<>();
    private final HashMap<String, Encounter> encounters = new HashMap<>();
    private final HashMap<String, Extras> extras = new HashMap<>();
    private final HashSet<String> issuedIds = new HashSet<>();
    private final String controlPrefix;
    private long clock;
    private long messageCount;

    // state of the note being written (mdmT02)
    private int noteLine;
    private boolean noteAsRepetitions;
    private String noteCode;

    public SyntheticHl7(long seed) {
        this(seed, "\r", DEFAULT_POOL_SIZE);
    }

    private SyntheticHl7(long seed, String separator, int poolSize) {
        this.seed = seed;
        this.separator = separator;
        this.poolSize = poolSize;
        this.rng = new Rng(seed);
        this.w = new Er7Writer(separator);
        this.controlPrefix = "SYN" + Long.toString(new Rng(~seed).nextLong() >>> 40, 36).toUpperCase(Locale.ROOT)
                + "-";
        this.clock = FEED_START + 86400L * rng.nextInt(120) + rng.nextInt(3600);
        this.physicians = new Clinician[40];
        for (int i = 0; i < physicians.length; i++) {
            physicians[i] = clinician(true);
        }
        this.nurses = new Clinician[25];
        for (int i = 0; i < nurses.length; i++) {
            nurses[i] = clinician(false);
        }
    }

    /**
     * A fresh generator with the same seed and pool size (starting from the beginning) whose segments are
     * separated by {@code sep}: "\r" (the standard), "\n" or "\r\n".
     */
    public SyntheticHl7 withSeparator(String sep) {
        if (!"\r".equals(sep) && !"\n".equals(sep) && !"\r\n".equals(sep)) {
            throw new IllegalArgumentException("segment separator must be CR, LF or CRLF");
        }
        return new SyntheticHl7(seed, sep, poolSize);
    }

    /** A fresh generator with the same seed and separator whose {@link #next()} cycles {@code size} patients. */
    public SyntheticHl7 withPoolSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("pool size must be at least 1");
        }
        return new SyntheticHl7(seed, separator, size);
    }

    public String separator() {
        return separator;
    }

    /** An endless stream of {@link #next()}. */
    public Stream<GeneratedMessage> stream() {
        return Stream.generate(this::next);
    }

    /**
     * The next message of a realistic feed: a pool of recurring patients who are admitted (A01), get vitals,
     * labs, notes and updates while in hospital, and are discharged (A03), interleaved.
     */
    public GeneratedMessage next() {
        if (pool.size() < poolSize && (pool.isEmpty() || rng.chance(0.35))) {
            SyntheticPatient p = patient();
            pool.add(p);
            return adtA01(p);
        }
        SyntheticPatient p = pool.get(rng.nextInt(pool.size()));
        Encounter e = encounters.get(p.mrn());
        if (e == null || !e.open) {
            return rng.chance(0.9) ? adtA01(p) : adtA08(p);
        }
        int r = rng.nextInt(100);
        if (r < 40) {
            return oruR01Vitals(p);
        } else if (r < 60) {
            return oruR01Labs(p);
        } else if (r < 70) {
            return adtA08(p);
        } else if (r < 84) {
            return mdmT02(p);
        }
        return adtA03(p);
    }

    // ------------------------------------------------------------------------------------------ patients

    /** A new random patient (not added to the pool of {@link #next()}). */
    public SyntheticPatient patient() {
        boolean female = rng.chance(0.51);
        String[] givenNames = female ? Lexicon.FEMALE : Lexicon.MALE;
        String given = rng.pick(givenNames);
        String middle = "";
        if (rng.chance(0.7)) {
            do {
                middle = rng.pick(givenNames);
            } while (middle.equals(given));
        }
        String family = rng.pick(Lexicon.FAMILY);
        int birth = Dates.ymd(rng.betweenLong(DAY_1925, DAY_2024_END));
        int age = Dates.age(birth, today());
        City city = rng.pick(Lexicon.CITIES);
        String zip = city.zip3() + twoDigits(rng.between(1, 99));
        String street = street();

        Set<String> phones = new HashSet<>();
        String home = phone(city.areaCode(), phones);
        String work = age >= 18 && age < 75 && rng.chance(0.75)
                ? phone(rng.chance(0.7) ? city.areaCode() : rng.pick(Lexicon.CITIES).areaCode(), phones) : "";
        String email = age >= 14 && rng.chance(0.85) ? email(given, family) : "";

        Facility facility = rng.pick(Lexicon.FACILITIES);
        String mrn = uniqueId(facility.mrnPrefix(), 7);
        String ssn = ssn();
        String account = uniqueId("A", 9);
        String plan = uniqueId(letters(3), 9);
        String licence = age >= 16 ? uniqueId(letters(1), 8) : "";
        List<Relative> relatives = relatives(family, given, female, age, city.areaCode(), phones);
        return new SyntheticPatient(mrn, facility.code(), ssn, family, given, middle, Integer.toString(birth),
                female ? "F" : "M", street, city.name(), city.state(), zip, home, work, email, account, plan,
                licence, relatives);
    }

    private Clinician clinician(boolean doctor) {
        boolean female = rng.chance(0.5);
        String given = rng.pick(female ? Lexicon.FEMALE : Lexicon.MALE);
        String family = rng.pick(Lexicon.FAMILY);
        StringBuilder npi = new StringBuilder(10).append('1');
        rng.digits(npi, 9);
        String degree = doctor ? (rng.chance(0.85) ? "MD" : "DO") : "RN";
        return new Clinician(npi.toString(), family, given, degree, doctor);
    }

    private List<Relative> relatives(String family, String patientGiven, boolean patientFemale, int age,
                                     String areaCode, Set<String> phones) {
        int n = 1 + rng.nextInt(3);
        List<Relative> out = new ArrayList<>(n);
        Set<String> unique = new HashSet<>();
        String[] options = age < 18 ? new String[] {"MTH", "FTH", "MTH", "SIS", "BRO", "GRD"}
                : age < 40 ? new String[] {"SPO", "MTH", "FTH", "SIS", "BRO", "FND", "DOM"}
                : new String[] {"SPO", "SPO", "DAU", "SON", "DAU", "SIS", "BRO", "FND"};
        for (int i = 0; i < n; i++) {
            String code;
            do {
                code = rng.pick(options);
            } while (isUniqueRole(code) && !unique.add(partnerGroup(code)));
            boolean female = switch (code) {
                case "MTH", "DAU", "SIS" -> true;
                case "FTH", "SON", "BRO" -> false;
                case "SPO", "DOM" -> rng.chance(0.9) != patientFemale;
                default -> rng.chance(0.5);
            };
            String given;
            do {
                given = rng.pick(female ? Lexicon.FEMALE : Lexicon.MALE);
            } while (given.equals(patientGiven));
            double sameFamily = switch (code) {
                case "SPO" -> 0.65;
                case "DOM", "FND", "GRD" -> 0.05;
                default -> 0.8;
            };
            String relFamily = rng.chance(sameFamily) ? family : rng.pick(Lexicon.FAMILY);
            String phone = phone(rng.chance(0.8) ? areaCode : rng.pick(Lexicon.CITIES).areaCode(), phones);
            out.add(new Relative(relFamily, given, code, phone));
        }
        return out;
    }

    private static boolean isUniqueRole(String code) {
        return code.equals("SPO") || code.equals("DOM") || code.equals("MTH") || code.equals("FTH");
    }

    private static String partnerGroup(String code) {
        return code.equals("DOM") ? "SPO" : code;
    }

    private String street() {
        StringBuilder sb = new StringBuilder(24);
        sb.append(rng.between(1, 9899)).append(' ');
        if (rng.chance(0.1)) {
            sb.append(Dates.ordinal(rng.between(1, 40)));
        } else {
            sb.append(rng.pick(Lexicon.STREET_NAMES));
        }
        return sb.append(' ').append(rng.pick(Lexicon.STREET_SUFFIXES)).toString();
    }

    /** A NANP number in the 555-0100..0199 range reserved for fiction, distinct within {@code used}. */
    private String phone(String areaCode, Set<String> used) {
        while (true) {
            String s = "(" + areaCode + ") 555-01" + twoDigits(rng.nextInt(100));
            if (used.add(s)) {
                return s;
            }
        }
    }

    private String email(String given, String family) {
        String local = (given + (rng.chance(0.6) ? "." : "") + family).toLowerCase(Locale.ROOT).replace("'", "");
        String[] domains = {"example.com", "example.org", "example.net", "mail.example.com"};
        return local + rng.nextInt(100) + "@" + rng.pick(domains);
    }

    /** An SSN that passes SSA validity rules: area not 000, 666 or 9xx; group not 00; serial not 0000. */
    private String ssn() {
        int area;
        do {
            area = rng.between(1, 899);
        } while (area == 666);
        StringBuilder sb = new StringBuilder(11);
        Dates.pad(sb, area, 3);
        sb.append('-');
        Dates.pad(sb, rng.between(1, 99), 2);
        sb.append('-');
        Dates.pad(sb, rng.between(1, 9999), 4);
        return sb.toString();
    }

    private String letters(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('A' + rng.nextInt(26)));
        }
        return sb.toString();
    }

    private String uniqueId(String prefix, int digits) {
        while (true) {
            StringBuilder sb = new StringBuilder(prefix.length() + digits).append(prefix);
            sb.append((char) ('1' + rng.nextInt(9)));
            rng.digits(sb, digits - 1);
            String id = sb.toString();
            if (issuedIds.add(id)) {
                return id;
            }
        }
    }

    private static String twoDigits(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }

    private int today() {
        return Dates.ymd(Math.floorDiv(clock, 86400));
    }

    /** Per-patient facts that must stay the same in every message, derived from the patient alone. */
    private static final class Extras {
        final SyntheticPatient patient;
        final String race;
        final boolean hispanic;
        final String motherMaiden;
        final String maidenAlias;
        final Payer payer;
        final String group;
        final Relative insured;
        final Relative guarantor;
        final String marital;

        Extras(SyntheticPatient p, int age) {
            patient = p;
            Rng r = new Rng(0x5EED5EEDL * 31 + p.mrn().hashCode());
            race = r.pick(RACES);
            hispanic = r.chance(0.18);
            motherMaiden = r.chance(0.3) ? r.pick(Lexicon.FAMILY) : "";
            String alias = "";
            if (p.sex().equals("F") && age >= 25 && r.chance(0.25)) {
                alias = r.pick(Lexicon.FAMILY);
                if (alias.equals(p.family())) {
                    alias = "";
                }
            }
            maidenAlias = alias;
            // PAYERS[4] is Medicare Advantage, PAYERS[5] Medicaid
            payer = age >= 65 ? Lexicon.PAYERS[r.chance(0.6) ? 4 : r.nextInt(4)]
                    : age < 18 && r.chance(0.4) ? Lexicon.PAYERS[5]
                    : Lexicon.PAYERS[r.chance(0.1) ? 5 : r.nextInt(4)];
            StringBuilder g = new StringBuilder("GRP");
            r.digits(g, 6);
            group = g.toString();
            Relative spouse = find(p, "SPO");
            Relative parent = find(p, "MTH") != null ? find(p, "MTH") : find(p, "FTH");
            insured = age < 18 && parent != null ? parent
                    : spouse != null && age < 65 && r.chance(0.3) ? spouse : null;
            guarantor = age >= 18 ? null : parent != null ? parent
                    : p.relatives().isEmpty() ? null : p.relatives().get(0);
            marital = spouse != null ? "M^Married^HL70002"
                    : age < 18 ? "S^Single^HL70002"
                    : age > 70 && r.chance(0.5) ? "W^Widowed^HL70002"
                    : r.chance(0.3) ? "D^Divorced^HL70002" : "S^Single^HL70002";
        }

        private static Relative find(SyntheticPatient p, String code) {
            for (Relative r : p.relatives()) {
                if (r.relationship().equals(code)) {
                    return r;
                }
            }
            return null;
        }
    }

    // ------------------------------------------------------------------------------------------ encounters

    private Encounter admit(SyntheticPatient p, long admitSec) {
        Encounter previous = encounters.get(p.mrn());
        if (previous != null) {
            previous.open = false;
        }
        long minute = admitSec - Math.floorMod(admitSec, 60);
        String unit = rng.pick(new String[] {"MED", "SUR", "CCU", "ICU", "TEL", "ORT"});
        int floor = rng.between(2, 9);
        String location = unit + floor + "^" + floor + twoDigits(rng.between(1, 40)) + "^" + (rng.chance(0.5) ? 'A' : 'B')
                + "^" + p.assigningAuthority() + "^^N^MAIN^" + floor;
        int age = age(p);
        Condition condition;
        do {
            condition = rng.pick(Lexicon.CONDITIONS);
        } while (age < condition.minAge() || age > condition.maxAge());
        Encounter e = new Encounter(uniqueId("V", 9), minute, rng.pick(physicians), rng.pick(physicians), location,
                rng.chance(0.9) ? 'I' : 'E', rng.chance(0.7) ? 'E' : rng.chance(0.5) ? 'U' : 'R', condition);
        encounters.put(p.mrn(), e);
        return e;
    }

    /** The patient's open encounter, or one that began a few hours or days ago. */
    private Encounter openEncounter(SyntheticPatient p) {
        Encounter e = encounters.get(p.mrn());
        if (e != null && e.open) {
            return e;
        }
        return admit(p, clock - 3600L * rng.between(2, 72) - 60L * rng.nextInt(60));
    }

    private void tick() {
        clock += rng.between(3, 180);
    }

    // ------------------------------------------------------------------------------------------ messages

    /** ADT^A01 admit/visit notification: a new encounter starts for {@code p}. */
    public GeneratedMessage adtA01(SyntheticPatient p) {
        tick();
        Encounter e = admit(p, clock - 60L * rng.between(5, 240));
        return adt(p, e, "A01", "ADT_A01", 0);
    }

    /** ADT^A08 update patient information, within the patient's current (or a recent) encounter. */
    public GeneratedMessage adtA08(SyntheticPatient p) {
        tick();
        return adt(p, openEncounter(p), "A08", "ADT_A01", 0);
    }

    /** ADT^A03 discharge: closes the patient's current (or a recent) encounter. */
    public GeneratedMessage adtA03(SyntheticPatient p) {
        tick();
        Encounter e = openEncounter(p);
        // minute precision and strictly between admission and now, so the written value is unique
        long lastMinute = (clock - Math.floorMod(clock, 60)) / 60 - 1;
        long firstMinute = e.admitSec / 60 + 1;
        long dischargeMinute = Math.max(firstMinute, lastMinute - rng.between(0, 30));
        e.open = false;
        return adt(p, e, "A03", "ADT_A03", dischargeMinute * 60);
    }

    private GeneratedMessage adt(SyntheticPatient p, Encounter e, String trigger, String structure,
                                 long dischargeSec) {
        Facility fac = facility(p);
        String ctrl = controlId();
        Extras x = extras(p);
        begin("EPICADT", fac, "ADT", trigger, structure, ctrl);
        evn(trigger);
        pid(p, fac, x);
        if (dischargeSec == 0) {
            for (int i = 0; i < p.relatives().size(); i++) {
                nk1(p, i);
            }
        }
        pv1(p, fac, e, dischargeSec);
        if (dischargeSec != 0) {
            w.seg("DG1").f(1).t('1').f(3).t(e.condition.icd10()).c().t(e.condition.icdText()).t("^I10")
                    .f(6).t('F');
        } else {
            if (x.guarantor != null || rng.chance(0.3)) {
                gt1(p, x);
            }
            in1(p, x);
        }
        return finish(ctrl, "ADT^" + trigger, p);
    }

    /** ORU^R01 with a vital-signs panel (NEWS2 inputs) drawn from {@link WardVitals}, now and then deteriorating. */
    public GeneratedMessage oruR01Vitals(SyntheticPatient p) {
        tick();
        Encounter e = openEncounter(p);
        Facility fac = facility(p);
        String ctrl = controlId();
        Extras x = extras(p);
        begin("VITALSYNC", fac, "ORU", "R01", "ORU_R01", ctrl);
        pid(p, fac, x);
        pv1(p, fac, e, 0);
        long obs = clock - 60L * rng.between(1, 20) - rng.nextInt(60);
        orderAndRequest("VITALSYNC", "85353-1^Vital signs panel^LN", e.attending, obs);
        Clinician nurse = rng.pick(nurses);
        WardVitals.Round v = WardVitals.draw(rng);
        int hr = v.hr();
        int rr = v.rr();
        int spo2 = v.spo2();
        int sys = v.sbp();
        int dia = v.dia();
        int temp = v.tempTenths();
        int set = 0;
        obxNm(++set, "8867-4^Heart rate^LN", Integer.toString(hr), "/min^beats per minute^UCUM", "60-100",
                flag(hr, 60, 100), obs, nurse);
        obxNm(++set, "9279-1^Respiratory rate^LN", Integer.toString(rr), "/min^breaths per minute^UCUM", "12-20",
                flag(rr, 12, 20), obs, nurse);
        obxNm(++set, "59408-5^Oxygen saturation in Arterial blood by Pulse oximetry^LN", Integer.toString(spo2),
                "%^percent^UCUM", "94-100", flag(spo2, 94, 100), obs, nurse);
        obxNm(++set, "8480-6^Systolic blood pressure^LN", Integer.toString(sys), "mm[Hg]^millimeter of mercury^UCUM",
                "100-140", flag(sys, 100, 140), obs, nurse);
        obxNm(++set, "8462-4^Diastolic blood pressure^LN", Integer.toString(dia),
                "mm[Hg]^millimeter of mercury^UCUM", "60-90", flag(dia, 60, 90), obs, nurse);
        obxNm(++set, "8310-5^Body temperature^LN", fixed(temp, 1), "Cel^degree Celsius^UCUM", "36.1-37.8",
                flag(temp, 361, 378), obs, nurse);
        String level = switch (v.acvpu()) {
            case 'C' -> "C^New confusion^L";
            case 'V' -> "V^Responds to voice^L";
            case 'P' -> "P^Responds to pain^L";
            case 'U' -> "U^Unresponsive^L";
            default -> "A^Alert^L";
        };
        w.seg("OBX").f(1).n(++set).f(2).t("CWE").f(3).t("67775-7^Level of responsiveness^LN").f(5).t(level)
                .f(8).t(level.charAt(0) == 'A' ? "N" : "A").f(11).t('F').f(14).dtm(obs, true).tz().f(16);
        xcn(nurse);
        if (v.o2Flow() > 0) {
            obxNm(++set, "3151-8^Inhaled oxygen flow rate^LN", Integer.toString(v.o2Flow()),
                    "L/min^liter per minute^UCUM", "", "", obs, nurse);
        }
        if (!p.relatives().isEmpty() && rng.chance(0.2)) {
            Relative r = relative(p);
            w.seg("NTE").f(1).t('1').f(2).t('L').f(3).t(capitalize(relationWord(r))).t(' ')
                    .p(NAME, r.given()).t(' ').p(NAME, r.family()).t(" at bedside; patient resting.");
        }
        return finish(ctrl, "ORU^R01", p);
    }

    /** ORU^R01 with a chemistry or blood-count panel and NTE comments naming the patient and a relative. */
    public GeneratedMessage oruR01Labs(SyntheticPatient p) {
        requireRelative(p);
        tick();
        Encounter e = openEncounter(p);
        Facility fac = facility(p);
        String ctrl = controlId();
        Extras x = extras(p);
        begin("LABSYS", fac, "ORU", "R01", "ORU_R01", ctrl);
        pid(p, fac, x);
        pv1(p, fac, e, 0);
        long collected = clock - 60L * rng.between(20, 240) - rng.nextInt(60);
        int panel = rng.nextInt(LAB_PANEL.length);
        orderAndRequest("LABSYS", LAB_PANEL[panel], e.attending, collected);

        Relative r = relative(p);
        w.seg("NTE").f(1).t('1').f(2).t('L').f(3);
        switch (rng.nextInt(3)) {
            case 0 -> {
                w.t("Results discussed with patient ").p(NAME, p.given()).t(' ').p(NAME, p.family()).t(" and ")
                        .t(possessive(p)).t(' ').t(relationWord(r)).t(' ').p(NAME, r.given()).t(' ')
                        .p(NAME, r.family()).t(" at ");
                phoneInText(r.phone());
                w.t('.');
            }
            case 1 -> {
                w.t("Per ").t(relationWord(r)).t(' ').p(NAME, r.given()).t(' ').p(NAME, r.family()).t(" (");
                phoneInText(r.phone());
                w.t("), ").p(NAME, p.given()).t(' ').p(NAME, p.family()).t(" was fasting since midnight.");
            }
            default -> {
                w.t("Left message for ").p(NAME, p.given()).t(' ').p(NAME, p.family()).t("; ").t(relationWord(r))
                        .t(' ').p(NAME, r.given()).t(' ').p(NAME, r.family()).t(" to call back at ");
                phoneInText(r.phone());
                w.t('.');
            }
        }
        int nte = 1;
        if (rng.chance(0.4)) {
            w.seg("NTE").f(1).n(++nte).f(2).t('L').f(3).t(rng.pick(Lexicon.LAB_COMMENTS));
        }
        Object[][] rows = LAB_ROWS[panel];
        int critical = rng.chance(0.1) ? rng.nextInt(rows.length) : -1;
        long resulted = clock - 60L * rng.between(0, 10);
        Clinician tech = rng.pick(nurses);
        for (int i = 0; i < rows.length; i++) {
            Object[] row = rows[i];
            int lo = (Integer) row[2];
            int hi = (Integer) row[3];
            int dec = (Integer) row[4];
            int span = hi - lo;
            int v;
            String flag;
            if (i == critical) {
                boolean high = rng.chance(0.5);
                v = high ? hi + span + rng.between(1, Math.max(1, span))
                        : Math.max(1, lo - span / 2 - rng.between(1, Math.max(1, span / 2)));
                flag = high ? "HH" : "LL";
            } else {
                v = rng.chance(0.15) ? lo + rng.between(-span / 4 - 1, span + span / 4 + 1) : rng.between(lo, hi);
                v = Math.max(1, v);
                flag = flag(v, lo, hi);
            }
            w.seg("OBX").f(1).n(i + 1).f(2).t("NM").f(3).t((String) row[0]).f(5).t(fixed(v, dec))
                    .f(6).t((String) row[1]).f(7).t(fixed(lo, dec)).t('-').t(fixed(hi, dec)).f(8).t(flag)
                    .f(11).t('F').f(14).dtm(collected, true).tz().f(16);
            xcn(tech);
            w.f(19).dtm(resulted, true).tz();
            if (i == critical) {
                Clinician nurse = rng.pick(nurses);
                long called = resulted + 60L * rng.between(1, 9);
                StringBuilder hhmm = new StringBuilder(5);
                long sod = Math.floorMod(called, 86400);
                Dates.pad(hhmm, (int) (sod / 3600), 2);
                hhmm.append(':');
                Dates.pad(hhmm, (int) (sod / 60 % 60), 2);
                w.seg("NTE").f(1).t('1').f(2).t('L').f(3).t("Critical value called to ").p(NAME, nurse.given())
                        .t(' ').p(NAME, nurse.family()).t(", RN at ").t(hhmm.toString())
                        .t("; read back verified.");
            }
        }
        return finish(ctrl, "ORU^R01", p);
    }

    /**
     * MDM^T02 with a TXA header and the note text in OBX TX rows (one row per line, or now and then one row
     * with the lines as repetitions). The note names the patient, a relative and clinicians, and holds
     * dates, a phone number, the MRN and the street address.
     */
    public GeneratedMessage mdmT02(SyntheticPatient p) {
        requireRelative(p);
        tick();
        Encounter e = openEncounter(p);
        Facility fac = facility(p);
        String ctrl = controlId();
        int age = age(p);
        Extras x = extras(p);
        begin("TRANSCRIBE", fac, "MDM", "T02", "MDM_T02", ctrl);
        evn("T02");
        pid(p, fac, x);
        pv1(p, fac, e, 0);
        String[] doc = DOC_TYPES[rng.nextInt(DOC_TYPES.length)];
        Clinician author = rng.chance(0.6) ? e.attending : rng.pick(physicians);
        long dictated = clock - 60L * rng.between(10, 600);
        StringBuilder docNumber = new StringBuilder("DOC");
        rng.digits(docNumber, 9);
        w.seg("TXA").f(1).t('1').f(2).t(doc[0]).c().t(doc[1]).t("^HL70270").f(3).t("TX").f(4).dtm(clock, true).tz()
                .f(5);
        xcn(author);
        w.f(6).dtm(dictated, true).tz().f(9);
        xcn(author);
        w.f(12).t(docNumber.toString()).c().t(fac.code()).f(17).t("AU").f(19).t("AV");

        noteLine = 0;
        noteAsRepetitions = rng.chance(0.25);
        noteCode = doc[2];
        Relative r = relative(p);
        int admitDay = Dates.ymd(Math.floorDiv(e.admitSec, 86400));
        int nextDay = Dates.ymd(Math.floorDiv(e.admitSec, 86400) + 1);
        int birth = Integer.parseInt(p.birthDate());
        boolean he = p.sex().equals("M");

        line();
        w.t(doc[3]);
        line();
        boolean upper = rng.chance(0.3);
        w.t("Patient: ").p(NAME, upper ? p.family().toUpperCase(Locale.ROOT) : p.family()).t(", ")
                .p(NAME, upper ? p.given().toUpperCase(Locale.ROOT) : p.given()).t("    MRN: ").p(MRN, p.mrn())
                .t("    DOB: ").p(BIRTH_DATE, mdy(birth));
        line();
        if (age >= 18) {
            w.t(he ? "Mr. " : "Ms. ").p(NAME, p.family());
        } else {
            w.p(NAME, p.given());
        }
        // "an 84-year-old", "an 11-year-old", "an 8-month-old"
        w.t(" is a");
        int spoken = age >= 2 ? age : Math.max(1, monthsOld(birth));
        if (spoken == 8 || spoken == 11 || spoken == 18 || (spoken >= 80 && spoken <= 89)) {
            w.t('n');
        }
        w.t(' ');
        if (age >= 2) {
            String written = age + "-year-old";
            if (age > 89) {
                w.p(AGE, written);
            } else {
                w.t(written);
            }
        } else {
            w.t(spoken + "-month-old");
        }
        w.t(age >= 18 ? (he ? " man" : " woman") : (he ? " boy" : " girl")).t(" admitted on ")
                .p(DATE, Dates.month(admitDay) + "/" + Dates.day(admitDay)).t(" with ").t(e.condition.text())
                .t('.');
        line();
        w.t(he ? "He" : "She").t(" lives at ").p(STREET, p.street()).t(", ").p(CITY, p.city());
        if (livesWithPatient(r.relationship(), age)) {
            w.t(" with ").t(possessive(p)).t(' ').t(relationWord(r)).t(", ").p(NAME, r.given()).t(' ')
                    .p(NAME, r.family()).t('.');
        } else {
            w.t(". ").t(capitalize(possessive(p))).t(' ').t(relationWord(r)).t(", ").p(NAME, r.given()).t(' ')
                    .p(NAME, r.family()).t(", is the emergency contact.");
        }
        line();
        Clinician consultant = rng.pick(physicians);
        w.t("Seen by Dr. ").p(NAME, consultant.family()).t(" on ")
                .p(DATE, Dates.MONTHS[Dates.month(nextDay) - 1] + " " + Dates.ordinal(Dates.day(nextDay)))
                .t("; ").t(rng.pick(PLANS)).t('.');
        int clinical = rng.between(1, 3);
        int start = rng.nextInt(Lexicon.NOTE_LINES.length);
        for (int i = 0; i < clinical; i++) {
            line();
            w.t(Lexicon.NOTE_LINES[(start + i * 5) % Lexicon.NOTE_LINES.length]);
        }
        line();
        w.p(NAME, r.given()).t(" (").t(relationWord(r)).t(") can be reached at ");
        phoneInText(r.phone());
        w.t("; ").p(NAME, p.given()).t(" agrees with the plan.");
        line();
        int followUp = Dates.ymd(Math.floorDiv(clock, 86400) + rng.between(7, 28));
        w.t("Follow-up with Dr. ").p(NAME, e.attending.family()).t(" on ")
                .p(DATE, Dates.month(followUp) + "/" + Dates.day(followUp)).t('.');
        line();
        w.t("Electronically signed by ").p(NAME, author.given()).t(' ').p(NAME, author.family()).t(", ")
                .t(author.degree());
        w.f(11).t('F');
        return finish(ctrl, "MDM^T02", p);
    }

    // ------------------------------------------------------------------------------------------ segments

    private void begin(String app, Facility fac, String type, String trigger, String structure, String ctrl) {
        w.reset();
        w.msh().f(3).t(app).f(4).t(fac.code()).c().t(fac.oid()).t("^ISO").f(5).t("PHISTREAM").f(6).t("DEID")
                .f(7).dtm(clock, true).tz().f(9).t(type).c().t(trigger).c().t(structure).f(10).t(ctrl).f(11)
                .t('P').f(12).t("2.5.1").f(15).t("AL").f(16).t("NE").f(17).t("USA").f(18).t("UNICODE UTF-8");
    }

    private void evn(String trigger) {
        w.seg("EVN").f(1).t(trigger).f(2).dtm(clock, true).tz();
        if (rng.chance(0.5)) {
            Clinician operator = rng.pick(nurses);
            w.f(5).t(operator.npi()).c().p(NAME, operator.family()).c().p(NAME, operator.given());
        }
    }

    private void pid(SyntheticPatient p, Facility fac, Extras x) {
        w.seg("PID").f(1).t('1').f(3).p(MRN, p.mrn()).t("^^^").t(fac.code()).t('&').t(fac.oid()).t("&ISO^MR")
                .rep().p(SSN, p.ssnDigits()).t("^^^SSA&2.16.840.1.113883.4.1&ISO^SS");
        w.f(5).p(NAME, p.family()).c().p(NAME, p.given());
        if (p.middle().isEmpty()) {
            w.t("^^^^^L");
        } else {
            w.c().p(NAME, p.middle()).t("^^^^L");
        }
        if (!x.maidenAlias.isEmpty()) {
            w.rep().p(NAME, x.maidenAlias).c().p(NAME, p.given()).t("^^^^^M");
        }
        if (!x.motherMaiden.isEmpty()) {
            w.f(6).p(NAME, x.motherMaiden);
        }
        w.f(7).p(BIRTH_DATE, p.birthDate()).f(8).t(p.sex()).f(10).t(x.race).f(11);
        address(p);
        w.f(13);
        xtn(p.phoneHome(), "PRN");
        if (!p.email().isEmpty()) {
            w.rep().t("^NET^Internet^").p(EMAIL, p.email());
        }
        if (!p.phoneWork().isEmpty()) {
            w.f(14);
            xtn(p.phoneWork(), "WPN");
        }
        w.f(15).t("eng^English^ISO6392").f(16).t(x.marital).f(18).p(ACCOUNT, p.accountNumber()).t("^^^")
                .t(fac.code()).t("^AN").f(19).p(SSN, p.ssn());
        if (!p.driversLicense().isEmpty()) {
            w.f(20).p(LICENSE, p.driversLicense()).c().t(p.state());
        }
        w.f(22).t(x.hispanic ? "2135-2^Hispanic or Latino^CDCREC" : "2186-5^Not Hispanic or Latino^CDCREC");
    }

    private void nk1(SyntheticPatient p, int i) {
        Relative r = p.relatives().get(i);
        w.seg("NK1").f(1).n(i + 1).f(2).p(NAME, r.family()).c().p(NAME, r.given()).f(3).t(r.relationship()).c()
                .t(relationTable(r.relationship())).t("^HL70063");
        if (livesWithPatient(r.relationship(), age(p))) {
            w.f(4);
            address(p);
        }
        w.f(5);
        xtn(r.phone(), "PRN");
        w.f(7).t(i == 0 ? "EC^Emergency Contact^HL70131" : "N^Next-of-Kin^HL70131");
    }

    private void pv1(SyntheticPatient p, Facility fac, Encounter e, long dischargeSec) {
        w.seg("PV1").f(1).t('1').f(2).t(e.patientClass).f(3).t(e.location).f(4).t(e.admissionType).f(7);
        xcn(e.attending);
        w.f(10).t("MED").f(14).t(e.admissionType == 'E' ? "7" : "1").f(17);
        xcn(e.admitting);
        w.f(19).p(VISIT_NUMBER, e.visitNumber).t("^^^").t(fac.code()).t("^VN");
        if (dischargeSec != 0) {
            w.f(36).t("01");
        }
        w.f(44).p(DATE, e.admitWritten);
        if (dischargeSec != 0) {
            w.f(45).p(DATE, Dates.dtm(dischargeSec, false));
        }
    }

    private void gt1(SyntheticPatient p, Extras x) {
        Relative g = x.guarantor;
        w.seg("GT1").f(1).t('1').f(2).p(ACCOUNT, p.accountNumber()).f(3);
        if (g == null) {
            w.p(NAME, p.family()).c().p(NAME, p.given()).f(5);
            address(p);
            w.f(6);
            xtn(p.phoneHome(), "PRN");
            w.f(8).p(BIRTH_DATE, p.birthDate()).f(9).t(p.sex()).f(10).t('P').f(11).t("SEL^Self^HL70063").f(12)
                    .p(SSN, p.ssn());
        } else {
            w.p(NAME, g.family()).c().p(NAME, g.given()).f(5);
            address(p);
            w.f(6);
            xtn(g.phone(), "PRN");
            w.f(10).t('P').f(11).t(g.relationship()).c().t(relationTable(g.relationship())).t("^HL70063");
        }
    }

    private void in1(SyntheticPatient p, Extras x) {
        Payer payer = x.payer;
        w.seg("IN1").f(1).t('1').f(2).t(payer.planCode()).c().t(payer.planName()).t("^L").f(3).t(payer.payerId())
                .t("^^^^NIIP").f(4).t(payer.companyName()).f(8).t(x.group).f(16);
        Relative ins = x.insured;
        if (ins == null) {
            w.p(NAME, p.family()).c().p(NAME, p.given()).f(17).t("SEL^Self^HL70063").f(18)
                    .p(BIRTH_DATE, p.birthDate());
        } else {
            w.p(NAME, ins.family()).c().p(NAME, ins.given()).f(17).t(ins.relationship()).c()
                    .t(relationTable(ins.relationship())).t("^HL70063");
        }
        w.f(19);
        address(p);
        w.f(36).p(HEALTH_PLAN, p.healthPlanId());
    }

    private void orderAndRequest(String app, String service, Clinician orderer, long observed) {
        StringBuilder placer = new StringBuilder("PL");
        rng.digits(placer, 8);
        StringBuilder filler = new StringBuilder("FL");
        rng.digits(filler, 8);
        w.seg("ORC").f(1).t("RE").f(2).t(placer.toString()).c().t(app).f(3).t(filler.toString()).c().t(app).f(12);
        xcn(orderer);
        w.seg("OBR").f(1).t('1').f(2).t(placer.toString()).c().t(app).f(3).t(filler.toString()).c().t(app).f(4)
                .t(service).f(7).dtm(observed, true).tz().f(16);
        xcn(orderer);
        w.f(22).dtm(clock, true).tz().f(25).t('F');
    }

    private void obxNm(int set, String code, String value, String units, String range, String flag, long obs,
                       Clinician observer) {
        w.seg("OBX").f(1).n(set).f(2).t("NM").f(3).t(code).f(5).t(value).f(6).t(units).f(7).t(range).f(8).t(flag)
                .f(11).t('F').f(14).dtm(obs, true).tz().f(16);
        xcn(observer);
    }

    /** Starts the next note line: a new OBX TX row, or the next repetition of the single row. */
    private void line() {
        if (noteLine > 0) {
            if (noteAsRepetitions) {
                w.rep();
                noteLine++;
                return;
            }
            w.f(11).t('F');
        }
        noteLine++;
        w.seg("OBX").f(1).n(noteLine).f(2).t("TX").f(3).t(noteCode).f(4).t('1').f(5);
    }

    private void xcn(Clinician c) {
        w.t(c.npi()).c().p(NAME, c.family()).c().p(NAME, c.given()).t("^^^").t(c.doctor() ? "Dr." : "").c()
                .t(c.degree()).t(NPI_AUTHORITY);
    }

    private void xtn(String phone, String use) {
        // "(617) 555-0123": area code at 1..4, local number at 6..9 and 10..14
        w.p(PHONE, phone).c().t(use).t("^PH^^1^").t(phone, 1, 4).c()
                .p(PHONE, phone.substring(6, 9) + phone.substring(10, 14));
    }

    private void address(SyntheticPatient p) {
        w.p(STREET, p.street()).t("^^").p(CITY, p.city()).c().t(p.state()).c().p(ZIP, p.zip()).t("^USA^H");
    }

    /** A phone number in free text, in one of the ways people write it. */
    private void phoneInText(String phone) {
        switch (rng.nextInt(3)) {
            case 0 -> w.p(PHONE, phone);
            case 1 -> w.p(PHONE, phone.substring(1, 4) + "-" + phone.substring(6));
            default -> w.p(PHONE, phone.substring(1, 4) + "." + phone.substring(6, 9) + "." + phone.substring(10));
        }
    }

    private GeneratedMessage finish(String ctrl, String type, SyntheticPatient p) {
        return new GeneratedMessage(ctrl, type, w.sb.toString(), p, w.phiValues(), w.planted());
    }

    // ------------------------------------------------------------------------------------------ helpers

    private String controlId() {
        return controlPrefix + (++messageCount);
    }

    private static void requireRelative(SyntheticPatient p) {
        if (p.relatives().isEmpty()) {
            throw new IllegalArgumentException("this message type needs a patient with at least one relative");
        }
    }

    private Relative relative(SyntheticPatient p) {
        return p.relatives().get(rng.nextInt(p.relatives().size()));
    }

    private static Facility facility(SyntheticPatient p) {
        for (Facility f : Lexicon.FACILITIES) {
            if (f.code().equals(p.assigningAuthority())) {
                return f;
            }
        }
        return Lexicon.FACILITIES[0];
    }

    private Extras extras(SyntheticPatient p) {
        Extras x = extras.get(p.mrn());
        if (x == null || (x.patient != p && !x.patient.equals(p))) {
            x = new Extras(p, age(p));
            extras.put(p.mrn(), x);
        }
        return x;
    }

    private int age(SyntheticPatient p) {
        return Dates.age(Integer.parseInt(p.birthDate()), today());
    }

    private int monthsOld(int birth) {
        int t = today();
        return (Dates.year(t) - Dates.year(birth)) * 12 + Dates.month(t) - Dates.month(birth)
                - (Dates.day(t) < Dates.day(birth) ? 1 : 0);
    }

    private static String mdy(int ymd) {
        StringBuilder sb = new StringBuilder(10);
        Dates.pad(sb, Dates.month(ymd), 2);
        sb.append('/');
        Dates.pad(sb, Dates.day(ymd), 2);
        sb.append('/').append(Dates.year(ymd));
        return sb.toString();
    }

    private static String fixed(int scaled, int decimals) {
        if (decimals == 0) {
            return Integer.toString(scaled);
        }
        int div = decimals == 1 ? 10 : 100;
        StringBuilder sb = new StringBuilder(8).append(scaled / div).append('.');
        Dates.pad(sb, scaled % div, decimals);
        return sb.toString();
    }

    private static String flag(int v, int lo, int hi) {
        return v < lo ? "L" : v > hi ? "H" : "N";
    }

    private static boolean livesWithPatient(String code, int age) {
        return switch (code) {
            case "SPO", "DOM" -> true;
            case "MTH", "FTH", "GRD" -> age < 18;
            default -> false;
        };
    }

    private static String relationTable(String code) {
        return switch (code) {
            case "SPO" -> "Spouse";
            case "DOM" -> "Life partner";
            case "MTH" -> "Mother";
            case "FTH" -> "Father";
            case "DAU" -> "Natural daughter";
            case "SON" -> "Natural son";
            case "BRO" -> "Brother";
            case "SIS" -> "Sister";
            case "GRD" -> "Guardian";
            default -> "Friend";
        };
    }

    private static String relationWord(Relative r) {
        return switch (r.relationship()) {
            case "SPO" -> Lexicon.isFemale(r.given()) ? "wife" : "husband";
            case "DOM" -> "partner";
            case "MTH" -> "mother";
            case "FTH" -> "father";
            case "DAU" -> "daughter";
            case "SON" -> "son";
            case "BRO" -> "brother";
            case "SIS" -> "sister";
            case "GRD" -> "guardian";
            default -> "friend";
        };
    }

    private static String possessive(SyntheticPatient p) {
        return p.sex().equals("M") ? "his" : "her";
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
