package io.phistream.detector.text.eval;

import io.phistream.detector.PhiType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * Synthetic clinical notes with known PHI: terse ALL-CAPS ICU nursing notes, mixed-case discharge
 * summaries and short progress notes, with abbreviations, vitals, doses and ratios that look like
 * dates or numbers but are not PHI. Names are drawn by population frequency from the SSA and Census
 * lists (so common-word names such as Mark, Rose or Will turn up at their real rate), plus rare
 * census surnames and invented names that no list holds, so recall from context is measured too.
 * Deterministic for a seed.
 */
public final class ClinicalNoteGenerator {
    private final Random r;
    private final Weighted firsts;
    private final Weighted surnames;
    private final List<String> rareSurnames;
    private final Weighted places;
    private final List<String> hospitals;

    public ClinicalNoteGenerator(long seed) {
        this.r = new Random(seed);
        Data d = Data.get();
        this.firsts = d.firsts;
        this.surnames = d.surnames;
        this.rareSurnames = d.rareSurnames;
        this.places = d.places;
        this.hospitals = d.hospitals;
    }

    /** {@code n} notes: about half ICU nursing notes, a third discharge summaries, the rest progress notes. */
    public List<GoldDocument> generate(int n) {
        List<GoldDocument> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double k = r.nextDouble();
            Note note = k < 0.5 ? icu() : k < 0.83 ? discharge() : progress();
            out.add(new GoldDocument("note-" + i, note.sb.toString(), note.gold));
        }
        return out;
    }

    // ---------------------------------------------------------------- note builder
    private static final class Note {
        final StringBuilder sb = new StringBuilder();
        final List<GoldSpan> gold = new ArrayList<>();
        final boolean upper;

        Note(boolean upper) {
            this.upper = upper;
        }

        Note t(String s) {
            sb.append(upper ? s.toUpperCase(Locale.ROOT) : s);
            return this;
        }

        Note phi(PhiType type, String v) {
            String s = upper ? v.toUpperCase(Locale.ROOT) : v;
            int st = sb.length();
            sb.append(s);
            gold.add(new GoldSpan(type.name(), type, st, sb.length()));
            return this;
        }
    }

    private <T> T pick(List<T> l) {
        return l.get(r.nextInt(l.size()));
    }

    private String pick(String... a) {
        return a[r.nextInt(a.length)];
    }

    private boolean p(double prob) {
        return r.nextDouble() < prob;
    }

    private String first() {
        double k = r.nextDouble();
        if (k < 0.04) {
            return invented();
        }
        return title(firsts.draw(r));
    }

    private String last() {
        double k = r.nextDouble();
        if (k < 0.05) {
            return invented();
        }
        if (k < 0.15) {
            return title(pick(rareSurnames));
        }
        return title(surnames.draw(r));
    }

    private static final String[] SYL = {"ka", "lo", "ven", "dr", "ash", "mir", "tul", "bex", "qua", "zor", "pen",
        "wyn", "rho", "ist", "gal", "dov", "ule", "sk", "ny", "or"};

    /** A plausible name that is in no lexicon (context must find it). */
    private String invented() {
        StringBuilder b = new StringBuilder();
        int n = 2 + r.nextInt(2);
        for (int i = 0; i < n; i++) {
            b.append(SYL[r.nextInt(SYL.length)]);
        }
        b.append(pick("son", "ski", "ek", "ard", "ley", "ov", "ez", "berg"));
        return title(b.toString());
    }

    private static String title(String s) {
        StringBuilder b = new StringBuilder(s.toLowerCase(Locale.ROOT));
        for (int i = 0; i < b.length(); i++) {
            if (i == 0 || !Character.isLetter(b.charAt(i - 1))) {
                b.setCharAt(i, Character.toUpperCase(b.charAt(i)));
            }
        }
        return b.toString();
    }

    private String city() {
        return places.draw(r);
    }

    private String hospital(boolean upper) {
        String h = pick(hospitals);
        if (p(0.25)) {
            // how people write them: "St Joseph Hospital", "Mercy Medical Center"
            String[] w = h.split(" ");
            if (w.length >= 3) {
                h = w[0] + " " + w[1] + " " + pick("Hospital", "Medical Center", "Hosp");
            }
        }
        return upper ? h : title(h);
    }

    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};

    private String date() {
        int m = 1 + r.nextInt(12);
        int d = 1 + r.nextInt(28);
        int y = 2015 + r.nextInt(10);
        String mon = MONTHS[m - 1];
        return switch (r.nextInt(12)) {
            case 0, 1, 2 -> m + "/" + d;
            case 3 -> String.format("%02d/%02d", m, d);
            case 4 -> m + "/" + d + "/" + (y % 100);
            case 5 -> String.format("%02d/%02d/%d", m, d, y);
            case 6 -> String.format("%d-%02d-%02d", y, m, d);
            case 7 -> mon.substring(0, 3) + " " + d;
            case 8 -> mon + " " + d + ordinal(d);
            case 9 -> d + ordinal(d) + " of " + mon;
            case 10 -> mon + " " + d + ", " + y;
            default -> String.format("%02d-%s-%d", d, mon.substring(0, 3).toUpperCase(Locale.ROOT), y);
        };
    }

    private static String ordinal(int d) {
        return d % 10 == 1 && d != 11 ? "st" : d % 10 == 2 && d != 12 ? "nd" : d % 10 == 3 && d != 13 ? "rd" : "th";
    }

    private String phone() {
        int a = 200 + r.nextInt(800);
        int b = 200 + r.nextInt(800);
        int c = r.nextInt(10000);
        return switch (r.nextInt(4)) {
            case 0 -> String.format("(%d) %d-%04d", a, b, c);
            case 1 -> String.format("%d-%d-%04d", a, b, c);
            case 2 -> String.format("%d.%d.%04d", a, b, c);
            default -> String.format("%d-%04d", b, c);
        };
    }

    private String street() {
        String name = p(0.5) ? pick("Oak", "Maple", "Elm", "Cedar", "Pine", "Washington", "Lake", "Hill", "Park",
                "Main", "Church", "Spring", "Highland", "Franklin", "Chestnut", "Walnut", "Union", "Prospect")
                : title(surnames.draw(r));
        return (1 + r.nextInt(9999)) + " " + name + " " + pick("St", "Street", "Ave", "Avenue", "Rd", "Road", "Dr",
                "Lane", "Ln", "Ct", "Way", "Blvd", "Terrace", "Place");
    }

    private String relative() {
        return pick("daughter", "son", "wife", "husband", "sister", "brother", "niece", "nephew", "granddaughter",
                "grandson", "mother", "friend", "neighbor");
    }

    private String time() {
        return String.format("%02d%02d", r.nextInt(24), r.nextInt(4) * 15);
    }

    // ---------------------------------------------------------------- ICU nursing note (ALL CAPS)
    private static final String[] NEURO = {"A+OX3, MAE, FOLLOWS COMMANDS. PERRL 3MM BRISK.", "SEDATED ON PROPOFOL 30 MCG/KG/MIN, RASS -2. ",
        "ALERT, ORIENTED X2, FORGETFUL. MAE X4 WEAK BLE 4/5.", "LETHARGIC BUT AROUSABLE TO VOICE, GCS 13. CIWA 4-6.",
        "NO ACUTE CHANGES, PUPILS 2MM SLUGGISH. HOB > 30.", "CAM ICU NEG. STRENGTH 5/5 BUE, 4/5 BLE."};
    private static final String[] CV = {"NSR 80-90S, NO ECTOPY. SBP 110-130S. BP 128/64.",
        "AFIB RVR 120-140S, DILTIAZEM GTT @ 10MG/HR. BP 98/52 MAP 64.", "ST 100-110S, SBP 90-100 ON LEVOPHED 0.08 MCG/KG/MIN.",
        "SR 70S WITH OCC PVCS. K 3.4 REPLETED WITH 40 MEQ KCL. MG 1.8 REPLETED.", "HR 88 BP 142/78 PULSES +2 BILAT, +1 PEDAL EDEMA.",
        "PAIN 4/10 ON ARRIVAL, 2/10 AFTER 2MG MORPHINE IV."};
    private static final String[] RESP = {"LS CLEAR UPPER, DIM BASES. ON 4L NC, SATS 95-97%.", "VENT AC 500/14/5/40%, ABG 7.38/42/96.",
        "CPAP 10/5 TRIAL TOLERATED X2 HRS. RSBI 62.", "COARSE BS, SXN FOR THICK TAN SECRETIONS Q2-3H.",
        "ON 50% FACE TENT, RR 18-24. IS 750.", "EXTUBATED TO 2L NC, NO STRIDOR. STRONG COUGH."};
    private static final String[] GI = {"ABD SOFT, NT/ND, +BS. TOLERATING CLEARS.", "TF @ GOAL 60CC/HR VIA OGT, RESIDUALS <50.",
        "NPO FOR PROCEDURE IN AM. BROWN STOOL X1, GUAIAC NEG.", "FOLEY DRAINING 40-60 CC/HR CLEAR YELLOW URINE.",
        "UO 30-50CC/HR, BUN/CR 32/1.4. LASIX 40MG IV GIVEN.", "FS 145-180, COVERED PER RISS. GAVE 1/2 AMP D50 FOR BS 62."};
    private static final String[] ID = {"TMAX 100.4, WBC 14.2. ON VANCO/ZOSYN.", "AFEBRILE. BLOOD CX X2 PENDING.",
        "T 38.3, PAN CULTURED. CONTACT PRECAUTIONS FOR MRSA.", "PNA 2/2 ASPIRATION, CONT CEFTRIAXONE."};
    private static final String[] SKIN = {"SKIN INTACT, TURNED Q2H. BRADEN 14.", "STAGE 2 DECUB COCCYX, DUODERM C/D/I.",
        "R IJ TLC C/D/I, PIV X2 PATENT. A-LINE WAVEFORM ACCURATE.", "PICC L ARM, DSG CHANGED, NO REDNESS."};
    private static final String[] PLAN = {"CONTINUE TO MONITOR. ? TRANSFER TO FLOOR IN AM.", "WEAN VENT AS TOLERATED, SBT IN AM.",
        "WILL CALL BACK WITH AM LABS. MAY NEED REPEAT CT.", "FAMILY MEETING TOMORROW RE: GOALS OF CARE, FULL CODE FOR NOW.",
        "CONT ABX, F/U CX. PT WILL NEED PT/OT EVAL.", "MONITOR I/O, GOAL NEG 1L. HOLD LASIX IF SBP <90."};

    private Note icu() {
        Note n = new Note(true);
        n.t(pick("NPN ", "NURSING PROGRESS NOTE ", "MICU NSG NOTE ", "CCU NURSING ", "SICU RN NOTE ")).t(pick("0700-1900", "1900-0700", "7A-7P", "7P-7A")).t("\n");
        if (p(0.3)) {
            n.t("PT IS A ");
            age(n);
            n.t(" YO " + pick("M", "F", "MALE", "FEMALE") + " ADMITTED ");
            n.phi(PhiType.DATE, date());
            n.t(" WITH " + pick("UROSEPSIS", "CHF EXACERBATION", "COPD FLARE", "GI BLEED", "PNA", "DKA", "NSTEMI") + ".\n");
        }
        n.t("NEURO: ").t(pick(NEURO)).t("\n");
        n.t("CV: ").t(pick(CV)).t("\n");
        n.t("RESP: ").t(pick(RESP)).t("\n");
        n.t("GI/GU: ").t(pick(GI)).t(" ").t(pick(GI)).t("\n");
        n.t("ID: ").t(pick(ID)).t("\n");
        n.t("SKIN: ").t(pick(SKIN)).t("\n");
        n.t("SOCIAL: ");
        int social = 1 + r.nextInt(3);
        for (int i = 0; i < social; i++) {
            icuSocial(n);
            n.t(" ");
        }
        n.t("\n");
        if (p(0.5)) {
            icuClinician(n);
            n.t("\n");
        }
        n.t("PLAN: ").t(pick(PLAN)).t("\n");
        signature(n);
        return n;
    }

    private void age(Note n) {
        if (p(0.3)) {
            n.phi(PhiType.AGE, String.valueOf(90 + r.nextInt(12)));
        } else {
            n.t(String.valueOf(25 + r.nextInt(64)));
        }
    }

    private void icuSocial(Note n) {
        String f = first();
        switch (r.nextInt(9)) {
            case 0 -> n.t(relative() + " ").phi(PhiType.NAME, f).t(" CALLED FOR UPDATE, ").t(pick("WILL CALL BACK.", "UPDATED BY RN.", "QUESTIONS ANSWERED."));
            case 1 -> n.t("SPOKE WITH " + relative() + " (").phi(PhiType.NAME, f).t(") RE: PLAN OF CARE.");
            case 2 -> n.t(relative() + " ").phi(PhiType.NAME, f + " " + last()).t(" IN TO VISIT, PHONE ").phi(PhiType.PHONE, phone()).t(".");
            case 3 -> n.t("PT LIVES IN ").phi(PhiType.GEO, city()).t(" WITH " + relative() + " ").phi(PhiType.NAME, f).t(".");
            case 4 -> n.t("TRANSFERRED FROM ").phi(PhiType.GEO, hospital(true)).t(" ON ").phi(PhiType.DATE, date()).t(".");
            case 5 -> n.t("HCP IS " + relative() + " ").phi(PhiType.NAME, f + " " + last()).t(" ").phi(PhiType.PHONE, phone()).t(".");
            case 6 -> n.t("FAMILY AT BEDSIDE, " + relative() + " ").phi(PhiType.NAME, f).t(" AND " + relative() + " ").phi(PhiType.NAME, first()).t(".");
            case 7 -> n.t("LAST BM ").phi(PhiType.DATE, date()).t(". S/P CABG ").phi(PhiType.DATE, date()).t(".");
            default -> n.t("PT FROM ").phi(PhiType.GEO, hospital(true)).t(", PCP DR ").phi(PhiType.NAME, last()).t(".");
        }
    }

    private void icuClinician(Note n) {
        switch (r.nextInt(5)) {
            case 0 -> n.t("DR ").phi(PhiType.NAME, last()).t(" AWARE OF " + pick("K 3.2", "HCT 24.1", "SBP 85", "UO 15CC/HR") + ".");
            case 1 -> n.t("PAGED DR. ").phi(PhiType.NAME, last()).t(" @ " + time() + ", ORDERS RECEIVED.");
            case 2 -> n.t("SEEN BY ").phi(PhiType.NAME, last()).t(" FROM " + pick("RENAL", "CARDIOLOGY", "ID", "SURGERY") + ".");
            case 3 -> n.t("MD ").phi(PhiType.NAME, last()).t(" NOTIFIED, NO NEW ORDERS.");
            default -> n.t("DISCUSSED WITH DR ").phi(PhiType.NAME, first() + " " + last()).t(", WILL FOLLOW.");
        }
    }

    private void signature(Note n) {
        String f = first();
        String l = last();
        switch (r.nextInt(4)) {
            case 0 -> n.phi(PhiType.NAME, f + " " + l).t(", RN");
            case 1 -> n.t("- ").phi(PhiType.NAME, f.charAt(0) + ". " + l).t(" RN");
            case 2 -> n.phi(PhiType.NAME, l).t(" RN");
            default -> n.t("SIGNED: ").phi(PhiType.NAME, f + " " + l).t(", RN");
        }
        n.t("\n");
    }

    // ---------------------------------------------------------------- discharge summary (mixed case)
    private static final String[] HOSPITAL_COURSE = {
        "Blood pressure was 132/78 on admission and remained stable. Troponin peaked at 0.8. ",
        "She was diuresed with IV furosemide 40 mg twice daily with good response, net negative 3 L. ",
        "Potassium was repleted; magnesium 1.9. Pain controlled, rated 3/10 at discharge. ",
        "Cultures grew E. coli sensitive to ceftriaxone; he completed 7 days of antibiotics. ",
        "Metoprolol was uptitrated to 50 mg twice daily. Take 1/2 tablet if dizzy. ",
        "Strength 5/5 in all extremities. Gait steady with walker. ",
        "He may need a repeat echocardiogram in 3 months. Will follow up as an outpatient. ",
        "INR was 2.4 on warfarin 5 mg daily; goal 2-3. ",
        "Hemoglobin stable at 9.8 after 2 units PRBC on hospital day 2. "};

    private Note discharge() {
        Note n = new Note(false);
        String f = first();
        String l = last();
        boolean male = p(0.5);
        n.t("DISCHARGE SUMMARY\nPatient: ").phi(PhiType.NAME, l + ", " + f).t("    MRN: ").phi(PhiType.MRN, String.valueOf(1000000 + r.nextInt(9000000))).t("\n");
        n.t("Admission Date: ").phi(PhiType.DATE, date()).t("    Discharge Date: ").phi(PhiType.DATE, date()).t("\n");
        n.t("Attending: ").phi(PhiType.NAME, first() + " " + last()).t(", MD\n\n");
        n.t("HISTORY OF PRESENT ILLNESS:\n").t(male ? "Mr. " : pick("Ms. ", "Mrs. ")).phi(PhiType.NAME, l).t(" is a ");
        if (p(0.25)) {
            n.phi(PhiType.AGE, String.valueOf(90 + r.nextInt(10)));
        } else {
            n.t(String.valueOf(30 + r.nextInt(59)));
        }
        n.t("-year-old " + (male ? "man" : "woman") + " with " + pick("hypertension and CHF", "COPD on 2 L home oxygen",
                "type 2 diabetes and CKD stage 3", "atrial fibrillation on warfarin") + " who presented to ")
                .phi(PhiType.GEO, hospital(false)).t(" on ").phi(PhiType.DATE, date()).t(" with " + pick("shortness of breath",
                        "chest pain", "fever and confusion", "melena") + ".\n");
        n.t("\nHOSPITAL COURSE:\n").t(pick(HOSPITAL_COURSE)).t(pick(HOSPITAL_COURSE)).t(pick(HOSPITAL_COURSE)).t("\n");
        n.t("\nSOCIAL HISTORY:\n").t(male ? "He" : "She").t(" lives with " + (male ? "his " : "her ") + relative() + ", ")
                .phi(PhiType.NAME, first()).t(", in ").phi(PhiType.GEO, city()).t(". ");
        if (p(0.4)) {
            n.t("Address: ").phi(PhiType.GEO, street()).t(", ").phi(PhiType.GEO, city()).t(", MA ").phi(PhiType.GEO, String.format("%05d", 1000 + r.nextInt(2000))).t(". ");
        }
        n.t("Emergency contact ").phi(PhiType.NAME, first() + " " + last()).t(" at ").phi(PhiType.PHONE, phone()).t(".\n");
        n.t("\nFOLLOW-UP:\nDr. ").phi(PhiType.NAME, last()).t(" at ").phi(PhiType.GEO, hospital(false)).t(" on ")
                .phi(PhiType.DATE, date()).t(" at 10:30 AM.");
        if (p(0.3)) {
            n.t(" Fax records to ").phi(PhiType.FAX, phone()).t(".");
        }
        if (p(0.2)) {
            n.t(" Portal: ").phi(PhiType.EMAIL, (f.charAt(0) + l).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "") + "@example.org").t(".");
        }
        n.t("\n\nDictated by: ").phi(PhiType.NAME, first() + " " + last()).t(", MD\n");
        return n;
    }

    // ---------------------------------------------------------------- short progress note (mixed)
    private Note progress() {
        Note n = new Note(p(0.3));
        n.t("Progress note ").phi(PhiType.DATE, date()).t("\n");
        n.t("S: Feels better today, pain 2/10, slept well. ");
        n.t(pick("Will ambulate with PT.", "May go home tomorrow.", "No overnight events.")).t("\n");
        n.t("O: T 37.1 HR 78 BP 124/70 RR 16 SpO2 96% RA. Lungs clear, abd soft.\n");
        n.t("A/P: ").t(pick("CAP improving, switch to PO abx. ", "CHF compensated, continue home meds. ", "UTI, day 3/7 of abx. "));
        switch (r.nextInt(4)) {
            case 0 -> n.t("Discussed with ").phi(PhiType.NAME, last()).t(" (cardiology).");
            case 1 -> n.t("Updated " + relative() + " ").phi(PhiType.NAME, first()).t(" by phone ").phi(PhiType.PHONE, phone()).t(".");
            case 2 -> n.t("Plan d/c to ").phi(PhiType.GEO, title(last()) + " " + pick("Nursing Home", "Rehabilitation Center", "Manor")).t(" on ").phi(PhiType.DATE, date()).t(".");
            default -> n.t("Seen with Dr. ").phi(PhiType.NAME, first() + " " + last()).t(".");
        }
        n.t("\n").phi(PhiType.NAME, first() + " " + last()).t(", " + pick("MD", "NP", "PA-C") + "\n");
        return n;
    }

    // ---------------------------------------------------------------- weighted lists from the shipped lexicons
    private static final class Weighted {
        final List<String> items = new ArrayList<>();
        double[] cum = new double[0];
        double total;

        void add(String s, double w) {
            items.add(s);
            if (cum.length < items.size()) {
                cum = java.util.Arrays.copyOf(cum, Math.max(16, cum.length * 2));
            }
            total += w;
            cum[items.size() - 1] = total;
        }

        String draw(Random r) {
            double x = r.nextDouble() * total;
            int i = java.util.Arrays.binarySearch(cum, 0, items.size(), x);
            return items.get(i >= 0 ? i : Math.min(items.size() - 1, -i - 1));
        }
    }

    private static final class Data {
        private static volatile Data instance;
        final Weighted firsts = new Weighted();
        final Weighted surnames = new Weighted();
        final List<String> rareSurnames = new ArrayList<>();
        final Weighted places = new Weighted();
        final List<String> hospitals = new ArrayList<>();

        static Data get() {
            Data d = instance;
            if (d == null) {
                synchronized (Data.class) {
                    if (instance == null) {
                        instance = new Data();
                    }
                    d = instance;
                }
            }
            return d;
        }

        private Data() {
            read("names.tsv.gz", f -> {
                int fq = Integer.parseInt(f[1]);
                int sq = Integer.parseInt(f[2]);
                if (fq >= 26 && fq > sq - 8) {
                    firsts.add(f[0], Math.pow(10, fq / 8.0));
                }
                if (sq >= 26) {
                    surnames.add(f[0], Math.pow(10, sq / 8.0));
                } else if (sq >= 16 && sq < 20 && f[0].length() >= 4) {
                    rareSurnames.add(f[0]);
                }
            }, x -> true);
            read("places.tsv.gz", f -> {
                int pop = Integer.parseInt(f[2]);
                if (f[1].contains("P") && pop >= 30) {
                    places.add(title(f[0]), Math.pow(10, pop / 8.0));
                }
            }, x -> true);
            read("hospitals.tsv.gz", f -> hospitals.add(f[0]), x -> true);
        }

        private static void read(String name, java.util.function.Consumer<String[]> c, Predicate<String> keep) {
            try (InputStream in = new GZIPInputStream(ClinicalNoteGenerator.class.getResourceAsStream("/lexicons/" + name));
                 BufferedReader br = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                br.readLine();
                for (String line; (line = br.readLine()) != null; ) {
                    if (keep.test(line)) {
                        c.accept(line.split("\t", -1));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
