package io.phistream.synthetic;

/**
 * Civil-calendar arithmetic on epoch days and local epoch seconds, written out (H. Hinnant's algorithms)
 * so the hot path formats HL7 timestamps straight into a StringBuilder without java.time objects.
 */
final class Dates {
    static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December"};

    private Dates() {
    }

    static long epochDay(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = (y >= 0 ? y : y - 399) / 400;
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    /** The civil date of an epoch day, packed as yyyymmdd. */
    static int ymd(long epochDay) {
        long z = epochDay + 719468;
        long era = (z >= 0 ? z : z - 146096) / 146097;
        long doe = z - era * 146097;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int d = (int) (doy - (153 * mp + 2) / 5 + 1);
        int m = (int) (mp < 10 ? mp + 3 : mp - 9);
        int y = (int) (yoe + era * 400 + (m <= 2 ? 1 : 0));
        return y * 10000 + m * 100 + d;
    }

    static int year(int ymd) {
        return ymd / 10000;
    }

    static int month(int ymd) {
        return ymd / 100 % 100;
    }

    static int day(int ymd) {
        return ymd % 100;
    }

    /** Whole years between two packed dates. */
    static int age(int birthYmd, int atYmd) {
        int years = year(atYmd) - year(birthYmd);
        return atYmd % 10000 < birthYmd % 10000 ? years - 1 : years;
    }

    static void pad(StringBuilder sb, int v, int width) {
        String s = Integer.toString(v);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        sb.append(s);
    }

    static void appendYmd(StringBuilder sb, int ymd) {
        pad(sb, ymd, 8);
    }

    /** HL7 DTM of local epoch seconds: YYYYMMDDHHMM, plus SS when {@code seconds}. */
    static void appendDtm(StringBuilder sb, long localSec, boolean seconds) {
        long day = Math.floorDiv(localSec, 86400);
        int sod = (int) Math.floorMod(localSec, 86400);
        appendYmd(sb, ymd(day));
        pad(sb, sod / 3600, 2);
        pad(sb, sod / 60 % 60, 2);
        if (seconds) {
            pad(sb, sod % 60, 2);
        }
    }

    static String dtm(long localSec, boolean seconds) {
        StringBuilder sb = new StringBuilder(14);
        appendDtm(sb, localSec, seconds);
        return sb.toString();
    }

    static String ordinal(int d) {
        if (d >= 11 && d <= 13) {
            return d + "th";
        }
        return switch (d % 10) {
            case 1 -> d + "st";
            case 2 -> d + "nd";
            case 3 -> d + "rd";
            default -> d + "th";
        };
    }
}
