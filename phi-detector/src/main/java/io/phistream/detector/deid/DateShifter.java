package io.phistream.detector.deid;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.prf.Prf;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Per-patient consistent date shifting (BRIEF 2: deid.pl, Microsoft FHIR anonymizer).
 *
 * <p>Every date of one patient moves back by the same number of days, so intervals (length of stay,
 * age at event in days) survive, while the offset is a keyed PRF of the patient key and cannot be
 * guessed or recomputed without the key. Shifts are whole days: the time of day, the fraction and the
 * zone offset are kept verbatim (a zone offset is not an identifier; a whole-day shift of a wall-clock
 * time may cross a DST change, which matters only for instants nobody can map back anyway).
 *
 * <p>Precision is kept, with one Safe Harbor rule: a month without a day ({@code YYYYMM},
 * {@code YYYY-MM}) is a date element that cannot be shifted consistently, so it degrades to its year.
 * Years alone are allowed by Safe Harbor and are returned unchanged; the age-over-89 rule on years is
 * the caller's, with {@link #yearOfHl7} / {@link #yearOfFhir} and {@link AgeGeneraliser#impliesOver89}.
 *
 * <p>Rotating the PRF key changes every patient's offset: keep the date-shift key for as long as one
 * patient's records must stay mutually consistent.
 *
 * <p>The parsers are hand-written because the formats must be preserved exactly (HAPI's HL7 and FHIR
 * date types re-render values in their own precision and zone) and because this module does not ship
 * HAPI at runtime. Invalid input throws {@link IllegalArgumentException} whose message never holds the
 * input; callers must then redact, not pass the value through.
 */
public final class DateShifter {

    private static final byte[] PRF_INPUT_PREFIX = "phi-stream/date-shift/v1/".getBytes(StandardCharsets.UTF_8);

    // HL7 DTM: YYYY[MM[DD[HH[MM[SS[.S[S[S[S]]]]]]]]][+/-ZZZZ]; v2.3 TS/DT are subsets.
    private static final Pattern HL7 = Pattern.compile(
            "([0-9]{4})(?:([0-9]{2})(?:([0-9]{2})(?:([0-9]{2})(?:([0-9]{2})(?:([0-9]{2})(?:\\.[0-9]{1,4})?)?)?)?)?)?"
                    + "([+-][0-9]{4})?");
    // FHIR R4 date / dateTime / instant. R4 requires a zone when a time is present; a zone-less time is
    // accepted and kept zone-less (lenient in what we read, the output is no less valid than the input).
    private static final Pattern FHIR = Pattern.compile(
            "([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2})(?:T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\\.[0-9]+)?"
                    + "(Z|[+-][0-9]{2}:[0-9]{2})?)?)?)?");

    private final Prf prf;
    private final int maxDays;

    public DateShifter(Prf prf, int maxDays) {
        this.prf = Objects.requireNonNull(prf, "prf");
        if (maxDays < 1) {
            throw new IllegalArgumentException("maxDays must be at least 1, was " + maxDays);
        }
        this.maxDays = maxDays;
    }

    /** Convenience: registers Tink's PRF key managers and uses the keyset's primary PRF. */
    public static DateShifter fromKeyset(KeysetHandle keyset, int maxDays) throws GeneralSecurityException {
        PrfConfig.register();
        PrfSet set = keyset.getPrimitive(RegistryConfiguration.get(), PrfSet.class);
        return new DateShifter(set.getPrfs().get(set.getPrimaryId()), maxDays);
    }

    public int maxDays() {
        return maxDays;
    }

    /**
     * The patient's shift in days, in {@code [-maxDays, -1]}: always backwards, never zero, the same
     * for the same key and patient.
     *
     * @param patientKey a stable patient identifier (e.g. the MRN or its token); must not be blank,
     *                   since every patient without a key would otherwise share one offset
     */
    public int offsetDays(String patientKey) {
        Objects.requireNonNull(patientKey, "patientKey");
        if (patientKey.isBlank()) {
            throw new IllegalArgumentException("patient key is blank");
        }
        byte[] key = patientKey.getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[PRF_INPUT_PREFIX.length + key.length];
        System.arraycopy(PRF_INPUT_PREFIX, 0, input, 0, PRF_INPUT_PREFIX.length);
        System.arraycopy(key, 0, input, PRF_INPUT_PREFIX.length, key.length);
        byte[] out;
        try {
            out = prf.compute(input, Long.BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("date-shift PRF failed");
        }
        // 64 PRF bits reduced mod maxDays: the bias is below maxDays / 2^64, i.e. negligible.
        long r = Long.remainderUnsigned(ByteBuffer.wrap(out).getLong(), maxDays);
        return -1 - (int) r;
    }

    /**
     * Shifts an HL7 v2 DT/DTM/TS value (first component only; a v2.3 {@code ^precision} component is
     * the caller's to drop) by {@code days}, keeping precision, time, fraction and zone.
     * {@code YYYYMM[zone]} becomes {@code YYYY[zone]}; {@code YYYY[zone]} is returned unchanged.
     *
     * @throws IllegalArgumentException if the value is not a valid HL7 date/time (message holds no input)
     */
    public String shiftHl7(String dtm, int days) {
        Matcher m = matchHl7(dtm);
        String year = m.group(1);
        String zone = m.group(7) == null ? "" : m.group(7);
        if (m.group(2) == null) {
            return dtm;
        }
        if (m.group(3) == null) {
            return year + zone;
        }
        LocalDate shifted = shift(m, days, 0);
        // group(3) ends where the date ends; the time, fraction and zone follow verbatim.
        return String.format(Locale.ROOT, "%04d%02d%02d", shifted.getYear(), shifted.getMonthValue(), shifted.getDayOfMonth())
                + dtm.substring(m.end(3));
    }

    /**
     * Shifts a FHIR R4 date, dateTime or instant by {@code days} with the same rules as
     * {@link #shiftHl7}: {@code YYYY-MM} becomes {@code YYYY}, {@code YYYY} is unchanged.
     *
     * @throws IllegalArgumentException if the value is not a valid FHIR date/time (message holds no input)
     */
    public String shiftFhir(String date, int days) {
        Matcher m = matchFhir(date);
        if (m.group(2) == null) {
            return date;
        }
        if (m.group(3) == null) {
            return m.group(1);
        }
        LocalDate shifted = shift(m, days, 1);
        return String.format(Locale.ROOT, "%04d-%02d-%02d", shifted.getYear(), shifted.getMonthValue(), shifted.getDayOfMonth())
                + date.substring(m.end(3));
    }

    /** The year of a valid HL7 DT/DTM/TS value. */
    public static int yearOfHl7(String dtm) {
        return Integer.parseInt(matchHl7(dtm).group(1));
    }

    /** The year of a valid FHIR date, dateTime or instant. */
    public static int yearOfFhir(String date) {
        return Integer.parseInt(matchFhir(date).group(1));
    }

    private static LocalDate shift(Matcher m, int days, int minYear) {
        LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
        LocalDate shifted;
        try {
            shifted = date.plusDays(days);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("shifted date out of range");
        }
        if (shifted.getYear() < minYear || shifted.getYear() > 9999) {
            throw new IllegalArgumentException("shifted date out of range");
        }
        return shifted;
    }

    private static Matcher matchHl7(String dtm) {
        if (dtm == null) {
            throw new IllegalArgumentException("HL7 date/time is missing");
        }
        Matcher m = HL7.matcher(dtm);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an HL7 date/time (length " + dtm.length() + ")");
        }
        checkDate(m, 0, "HL7");
        checkTime(m, 59, "HL7");
        String zone = m.group(7);
        if (zone != null) {
            checkZone(Integer.parseInt(zone.substring(1, 3)), Integer.parseInt(zone.substring(3, 5)), "HL7");
        }
        return m;
    }

    private static Matcher matchFhir(String date) {
        if (date == null) {
            throw new IllegalArgumentException("FHIR date/time is missing");
        }
        Matcher m = FHIR.matcher(date);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a FHIR date/time (length " + date.length() + ")");
        }
        checkDate(m, 1, "FHIR");
        // FHIR's own regex admits a leap second; HL7 does not mention one.
        checkTime(m, 60, "FHIR");
        String zone = m.group(7);
        if (zone != null && !zone.equals("Z")) {
            int hh = Integer.parseInt(zone.substring(1, 3));
            int mm = Integer.parseInt(zone.substring(4, 6));
            checkZone(hh, mm, "FHIR");
        }
        return m;
    }

    private static void checkDate(Matcher m, int minYear, String kind) {
        int year = Integer.parseInt(m.group(1));
        if (year < minYear) {
            throw new IllegalArgumentException(kind + " year out of range");
        }
        if (m.group(2) == null) {
            return;
        }
        int month = Integer.parseInt(m.group(2));
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException(kind + " month out of range");
        }
        if (m.group(3) == null) {
            return;
        }
        int day = Integer.parseInt(m.group(3));
        // java.time knows month lengths and leap years; its exception message would echo the date.
        if (day < 1 || day > LocalDate.of(year, month, 1).lengthOfMonth()) {
            throw new IllegalArgumentException(kind + " day out of range");
        }
    }

    private static void checkTime(Matcher m, int maxSecond, String kind) {
        if (m.group(4) != null && Integer.parseInt(m.group(4)) > 23) {
            throw new IllegalArgumentException(kind + " hour out of range");
        }
        if (m.group(5) != null && Integer.parseInt(m.group(5)) > 59) {
            throw new IllegalArgumentException(kind + " minute out of range");
        }
        if (m.group(6) != null && Integer.parseInt(m.group(6)) > maxSecond) {
            throw new IllegalArgumentException(kind + " second out of range");
        }
    }

    private static void checkZone(int hours, int minutes, String kind) {
        // Real offsets run from -12:00 to +14:00; +14:00 is the maximum ISO 8601 / FHIR admit.
        if (minutes > 59 || hours > 14 || (hours == 14 && minutes != 0)) {
            throw new IllegalArgumentException(kind + " zone offset out of range");
        }
    }
}
