package io.phistream.topology.quality;

import java.time.YearMonth;
import java.util.regex.Pattern;

/**
 * Value formats the FHIR rules name: the R4 primitive types' regular expressions (FHIR R4 datatypes page), plus a
 * calendar check (a 30 February passes the regular expression). Regular expressions are enough here: FHIR values
 * are checked per resource, and de-identification of the same input costs far more.
 */
public final class FhirFormats {

    private static final String YEAR = "([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)";
    private static final String DATE = YEAR + "(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1]))?)?";
    private static final String FULL_DATE = YEAR + "-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])";
    private static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?";
    private static final String ZONE = "(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))";
    private static final Pattern P_DATE = Pattern.compile(DATE);
    private static final Pattern P_DATE_TIME = Pattern.compile(DATE + "(T" + TIME + ZONE + ")?");
    private static final Pattern P_INSTANT = Pattern.compile(FULL_DATE + "T" + TIME + ZONE);
    private static final Pattern P_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
    private static final Pattern P_DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private FhirFormats() {
    }

    /** A named format of a FHIR rules file; the names are the file's vocabulary. */
    public enum Format {
        DATE("date"), DATE_TIME("dateTime"), INSTANT("instant"), ID("id"), DECIMAL("decimal"),
        /** A LOINC code: 1-7 digits, a hyphen and the mod-10 check digit ({@link Hl7Formats#isLoinc}). */
        LOINC("loinc");

        private final String label;

        Format(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean test(String v) {
            return switch (this) {
                case DATE -> P_DATE.matcher(v).matches() && validDay(v);
                case DATE_TIME -> P_DATE_TIME.matcher(v).matches() && validDay(v);
                case INSTANT -> P_INSTANT.matcher(v).matches() && validDay(v);
                case ID -> P_ID.matcher(v).matches();
                case DECIMAL -> P_DECIMAL.matcher(v).matches();
                case LOINC -> Hl7Formats.isLoinc(v);
            };
        }

        public static Format of(String label) {
            for (Format f : values()) {
                if (f.label.equals(label)) {
                    return f;
                }
            }
            return null;
        }
    }

    /** After a regex match: a full date's day exists in its month and year. */
    private static boolean validDay(String v) {
        if (v.length() < 10 || v.charAt(7) != '-') {
            return true; // year or year-month only
        }
        int year = Integer.parseInt(v, 0, 4, 10);
        int month = Integer.parseInt(v, 5, 7, 10);
        int day = Integer.parseInt(v, 8, 10, 10);
        return YearMonth.of(year, month).isValidDay(day);
    }
}
