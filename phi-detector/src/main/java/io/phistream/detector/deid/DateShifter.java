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
import java.time.Month;
import java.time.Year;
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
        Hl7Dtm t = Hl7Dtm.parse(dtm);
        if (t.month < 0) {
            return dtm;
        }
        if (t.day < 0) {
            return t.zoneStart < 0 ? dtm.substring(0, 4) : dtm.substring(0, 4) + dtm.substring(t.zoneStart);
        }
        LocalDate shifted = shift(t.year, t.month, t.day, days, 0);
        // the date is YYYYMMDD, the first 8 characters; the time, fraction and zone follow verbatim
        StringBuilder out = new StringBuilder(dtm.length());
        digits(out, shifted.getYear(), 4);
        digits(out, shifted.getMonthValue(), 2);
        digits(out, shifted.getDayOfMonth(), 2);
        return out.append(dtm, 8, dtm.length()).toString();
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
        LocalDate shifted = shift(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), days, 1);
        StringBuilder out = new StringBuilder(date.length());
        digits(out, shifted.getYear(), 4);
        digits(out.append('-'), shifted.getMonthValue(), 2);
        digits(out.append('-'), shifted.getDayOfMonth(), 2);
        return out.append(date, m.end(3), date.length()).toString();
    }

    /** The year of a valid HL7 DT/DTM/TS value. */
    public static int yearOfHl7(String dtm) {
        return Hl7Dtm.parse(dtm).year;
    }

    /** The year of a valid FHIR date, dateTime or instant. */
    public static int yearOfFhir(String date) {
        return Integer.parseInt(matchFhir(date).group(1));
    }

    /** Appends a number in [0, 9999] as exactly {@code width} (2 or 4) digits; String.format parses its pattern per call. */
    private static void digits(StringBuilder out, int value, int width) {
        for (int div = width == 4 ? 1000 : 10; div > 0; div /= 10) {
            out.append((char) ('0' + value / div % 10));
        }
    }

    private static LocalDate shift(int year, int month, int day, int days, int minYear) {
        LocalDate date = LocalDate.of(year, month, day);
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

    /**
     * A valid HL7 DTM: {@code YYYY[MM[DD[HH[MM[SS[.S[S[S[S]]]]]]]]][+/-ZZZZ]} (v2.3 TS/DT are subsets); absent
     * parts are -1. Read by hand rather than with a regular expression: every part has a fixed width, so one pass
     * decides, and the regex match with its group extraction was the larger part of shifting a date.
     */
    private record Hl7Dtm(int year, int month, int day, int zoneStart) {

        static Hl7Dtm parse(String dtm) {
            if (dtm == null) {
                throw new IllegalArgumentException("HL7 date/time is missing");
            }
            int n = dtm.length();
            if (n < 4 || !digitsAt(dtm, 0, 4)) {
                throw notHl7(dtm);
            }
            // month, day, hour, minute, second: two digits each, each present only if the one before is
            int i = 4;
            int month = digitsAt(dtm, i, 2) ? twoDigits(dtm, i) : -1;
            i += month < 0 ? 0 : 2;
            int day = month >= 0 && digitsAt(dtm, i, 2) ? twoDigits(dtm, i) : -1;
            i += day < 0 ? 0 : 2;
            int hour = day >= 0 && digitsAt(dtm, i, 2) ? twoDigits(dtm, i) : -1;
            i += hour < 0 ? 0 : 2;
            int minute = hour >= 0 && digitsAt(dtm, i, 2) ? twoDigits(dtm, i) : -1;
            i += minute < 0 ? 0 : 2;
            int second = minute >= 0 && digitsAt(dtm, i, 2) ? twoDigits(dtm, i) : -1;
            i += second < 0 ? 0 : 2;
            if (second >= 0 && i < n && dtm.charAt(i) == '.') {
                int from = ++i;
                while (i < n && isDigit(dtm.charAt(i))) {
                    i++;
                }
                if (i - from < 1 || i - from > 4) {
                    throw notHl7(dtm);
                }
            }
            int zoneStart = -1;
            if (i < n && (dtm.charAt(i) == '+' || dtm.charAt(i) == '-')) {
                if (n - i != 5 || !digitsAt(dtm, i + 1, 4)) {
                    throw notHl7(dtm);
                }
                zoneStart = i;
                i = n;
            }
            if (i != n) {
                throw notHl7(dtm);
            }
            int year = twoDigits(dtm, 0) * 100 + twoDigits(dtm, 2);
            checkDate(year, month, day, 0, "HL7");
            checkTime(hour, minute, second, 59, "HL7");
            if (zoneStart >= 0) {
                checkZone(twoDigits(dtm, zoneStart + 1), twoDigits(dtm, zoneStart + 3), "HL7");
            }
            return new Hl7Dtm(year, month, day, zoneStart);
        }

        private static IllegalArgumentException notHl7(String dtm) {
            return new IllegalArgumentException("not an HL7 date/time (length " + dtm.length() + ")");
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9'; // ASCII only, as [0-9]: Integer.parseInt would take other scripts' digits
        }

        private static boolean digitsAt(String s, int from, int count) {
            if (from + count > s.length()) {
                return false;
            }
            for (int i = from; i < from + count; i++) {
                if (!isDigit(s.charAt(i))) {
                    return false;
                }
            }
            return true;
        }

        private static int twoDigits(String s, int at) {
            return (s.charAt(at) - '0') * 10 + (s.charAt(at + 1) - '0');
        }
    }

    private static Matcher matchFhir(String date) {
        if (date == null) {
            throw new IllegalArgumentException("FHIR date/time is missing");
        }
        Matcher m = FHIR.matcher(date);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a FHIR date/time (length " + date.length() + ")");
        }
        checkDate(Integer.parseInt(m.group(1)), group(m, 2), group(m, 3), 1, "FHIR");
        // FHIR's own regex admits a leap second; HL7 does not mention one.
        checkTime(group(m, 4), group(m, 5), group(m, 6), 60, "FHIR");
        String zone = m.group(7);
        if (zone != null && !zone.equals("Z")) {
            int hh = Integer.parseInt(zone.substring(1, 3));
            int mm = Integer.parseInt(zone.substring(4, 6));
            checkZone(hh, mm, "FHIR");
        }
        return m;
    }

    /** A two-digit group as a number, -1 when absent. */
    private static int group(Matcher m, int group) {
        String g = m.group(group);
        return g == null ? -1 : Integer.parseInt(g);
    }

    /** Month and day are -1 when absent. */
    private static void checkDate(int year, int month, int day, int minYear, String kind) {
        if (year < minYear) {
            throw new IllegalArgumentException(kind + " year out of range");
        }
        if (month < 0) {
            return;
        }
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException(kind + " month out of range");
        }
        if (day < 0) {
            return;
        }
        // java.time knows month lengths and leap years; its exception message would echo the date.
        if (day < 1 || day > Month.of(month).length(Year.isLeap(year))) {
            throw new IllegalArgumentException(kind + " day out of range");
        }
    }

    /** Parts are -1 when absent. */
    private static void checkTime(int hour, int minute, int second, int maxSecond, String kind) {
        if (hour > 23) {
            throw new IllegalArgumentException(kind + " hour out of range");
        }
        if (minute > 59) {
            throw new IllegalArgumentException(kind + " minute out of range");
        }
        if (second > maxSecond) {
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
