package io.phistream.detector.deid;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a state, province or country slot may keep: a region Safe Harbor allows, by name or code. A US state or
 * territory, a Canadian province or territory, or a country. Anything else a sender writes there (a county, a town, a
 * ZIP in the wrong slot) is smaller than a state or unknown, and is removed.
 *
 * <p>Countries come from the JDK's ISO 3166 data (codes of two and three letters, English names); the US and Canadian
 * subdivisions are written here, as no library the project uses lists them.
 */
public final class Region {

    private static final Set<String> KNOWN = known();

    private Region() {
    }

    /** Whether the value names or codes a state, province, territory or country ("MA", "Nova Scotia", "DEU"). */
    public static boolean isName(String value) {
        String v = fold(value);
        return !v.isEmpty() && v.length() <= 60 && KNOWN.contains(v);
    }

    /** Upper case, accents off, dots off, blanks single: "Québec" and "QUEBEC", "U.S.A." and "USA" are one. */
    private static String fold(String value) {
        return ResidualMatch.foldAccents(value.strip()).replace(".", "").replaceAll("\\s+", " ").toUpperCase(Locale.ROOT).strip();
    }

    private static Set<String> known() {
        Set<String> k = new HashSet<>();
        String[] usStates = {
            "AL", "Alabama", "AK", "Alaska", "AZ", "Arizona", "AR", "Arkansas", "CA", "California", "CO", "Colorado",
            "CT", "Connecticut", "DE", "Delaware", "DC", "District of Columbia", "FL", "Florida", "GA", "Georgia",
            "HI", "Hawaii", "ID", "Idaho", "IL", "Illinois", "IN", "Indiana", "IA", "Iowa", "KS", "Kansas", "KY",
            "Kentucky", "LA", "Louisiana", "ME", "Maine", "MD", "Maryland", "MA", "Massachusetts", "MI", "Michigan",
            "MN", "Minnesota", "MS", "Mississippi", "MO", "Missouri", "MT", "Montana", "NE", "Nebraska", "NV",
            "Nevada", "NH", "New Hampshire", "NJ", "New Jersey", "NM", "New Mexico", "NY", "New York", "NC",
            "North Carolina", "ND", "North Dakota", "OH", "Ohio", "OK", "Oklahoma", "OR", "Oregon", "PA",
            "Pennsylvania", "RI", "Rhode Island", "SC", "South Carolina", "SD", "South Dakota", "TN", "Tennessee",
            "TX", "Texas", "UT", "Utah", "VT", "Vermont", "VA", "Virginia", "WA", "Washington", "WV", "West Virginia",
            "WI", "Wisconsin", "WY", "Wyoming", "PR", "Puerto Rico", "GU", "Guam", "VI", "Virgin Islands",
            "US Virgin Islands", "AS", "American Samoa", "MP", "Northern Mariana Islands", "FM",
            "Federated States of Micronesia", "MH", "Marshall Islands", "PW", "Palau", "AA", "AE", "AP"};
        String[] canada = {
            "AB", "Alberta", "BC", "British Columbia", "MB", "Manitoba", "NB", "New Brunswick", "NL",
            "Newfoundland and Labrador", "Newfoundland", "NS", "Nova Scotia", "NT", "Northwest Territories", "NU",
            "Nunavut", "ON", "Ontario", "PE", "Prince Edward Island", "QC", "Quebec", "SK", "Saskatchewan", "YT",
            "Yukon"};
        String[] countryForms = {
            "USA", "United States of America", "America", "UK", "Great Britain", "Britain", "England", "Scotland",
            "Wales", "Northern Ireland", "Holland", "Russia", "South Korea", "North Korea", "Korea", "Vietnam", "Iran",
            "Syria", "Laos", "Bolivia", "Venezuela", "Tanzania", "Moldova", "Czech Republic", "Ivory Coast",
            "Cape Verde", "Burma", "Swaziland", "Macedonia", "Taiwan", "Palestine", "Kosovo"};
        for (String[] list : new String[][] {usStates, canada, countryForms}) {
            for (String s : list) {
                k.add(fold(s));
            }
        }
        for (String cc : Locale.getISOCountries()) {
            Locale l = new Locale("", cc);
            k.add(cc);
            k.add(fold(l.getISO3Country()));
            k.add(fold(l.getDisplayCountry(Locale.ENGLISH)));
        }
        return Set.copyOf(k);
    }
}
