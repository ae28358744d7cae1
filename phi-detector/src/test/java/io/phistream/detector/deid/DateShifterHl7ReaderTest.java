package io.phistream.detector.deid;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written HL7 date reader against the regular expression it replaced: the same values are accepted,
 * shifted to the same text and give the same year; the same values are refused.
 */
class DateShifterHl7ReaderTest {

    /** The previous reader: YYYY[MM[DD[HH[MM[SS[.S[S[S[S]]]]]]]]][+/-ZZZZ] with range checks. */
    private static final Pattern HL7 = Pattern.compile(
            "([0-9]{4})(?:([0-9]{2})(?:([0-9]{2})(?:([0-9]{2})(?:([0-9]{2})(?:([0-9]{2})(?:\\.[0-9]{1,4})?)?)?)?)?)?"
                    + "([+-][0-9]{4})?");

    /** What the regex-based shiftHl7 returned, or null where it threw IllegalArgumentException. */
    private static String previousShift(String dtm, int days) {
        Matcher m = HL7.matcher(dtm);
        if (!m.matches()) {
            return null;
        }
        int year = Integer.parseInt(m.group(1));
        Integer month = m.group(2) == null ? null : Integer.parseInt(m.group(2));
        Integer day = m.group(3) == null ? null : Integer.parseInt(m.group(3));
        if (month != null && (month < 1 || month > 12)) {
            return null;
        }
        if (day != null && (day < 1 || day > LocalDate.of(year, month, 1).lengthOfMonth())) {
            return null;
        }
        if ((m.group(4) != null && Integer.parseInt(m.group(4)) > 23)
                || (m.group(5) != null && Integer.parseInt(m.group(5)) > 59)
                || (m.group(6) != null && Integer.parseInt(m.group(6)) > 59)) {
            return null;
        }
        String zone = m.group(7);
        if (zone != null) {
            int hh = Integer.parseInt(zone.substring(1, 3));
            int mm = Integer.parseInt(zone.substring(3, 5));
            if (mm > 59 || hh > 14 || (hh == 14 && mm != 0)) {
                return null;
            }
        }
        if (month == null) {
            return dtm;
        }
        if (day == null) {
            return m.group(1) + (zone == null ? "" : zone);
        }
        LocalDate shifted = LocalDate.of(year, month, day).plusDays(days);
        if (shifted.getYear() < 0 || shifted.getYear() > 9999) {
            return null;
        }
        return String.format(Locale.ROOT, "%04d%02d%02d", shifted.getYear(), shifted.getMonthValue(),
                shifted.getDayOfMonth()) + dtm.substring(m.end(3));
    }

    private static String shiftOrNull(DateShifter shifter, String dtm, int days) {
        try {
            return shifter.shiftHl7(dtm, days);
        } catch (IllegalArgumentException refused) {
            return null;
        }
    }

    @Test
    void givenRandomDateLikeTexts_whenShifted_thenSameResultsAsTheRegularExpressionReader() throws Exception {
        PrfConfig.register();
        DateShifter shifter = DateShifter.fromKeyset(KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF),
                365);
        Random random = new Random(1129);
        String[] starts = {"2024", "1999", "0000", "9999", "0001", "2024031", "20240229", "20230229", "2024123123",
                "20241231235959", "20240315143059.", "1900"};
        int accepted = 0;
        for (int round = 0; round < 200_000; round++) {
            StringBuilder sb = new StringBuilder(random.nextInt(4) == 0 ? "" : starts[random.nextInt(starts.length)]);
            int extra = random.nextInt(12);
            for (int i = 0; i < extra; i++) {
                sb.append(random.nextInt(5) == 0 ? "+-.Z 5\u0662".charAt(random.nextInt(7))
                        : (char) ('0' + random.nextInt(10)));
            }
            String dtm = sb.toString();
            int days = random.nextInt(4000) - 3000;

            String expected = previousShift(dtm, days);
            assertThat(shiftOrNull(shifter, dtm, days)).as("shift of '%s' by %d", dtm, days).isEqualTo(expected);
            if (expected != null) {
                accepted++;
                assertThat(DateShifter.yearOfHl7(dtm)).isEqualTo(Integer.parseInt(dtm.substring(0, 4)));
            }
        }
        assertThat(accepted).as("enough valid dates among the random texts").isGreaterThan(10_000);
    }
}
