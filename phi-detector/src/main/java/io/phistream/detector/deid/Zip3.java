package io.phistream.detector.deid;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Safe Harbor ZIP generalisation, 45 CFR 164.514(b)(2)(i)(B): keep the initial three digits of a US
 * ZIP code unless the ZIP3 area holds 20,000 people or fewer, in which case {@code 000}.
 *
 * <p>The restricted prefixes are versioned resources {@code safe-harbor/zip3-restricted-<name>.txt}
 * ({@link #CENSUS_2000}: the 17 from HHS guidance; {@link #CENSUS_2010}: 14 from the 2010 Census).
 * {@link #defaultUnion()} restricts the union of both: a prefix small in either census is treated as
 * small (fail safe).
 *
 * <p>Fail safe on input too: anything that is not recognisably a US ZIP or ZIP+4 becomes {@code 000},
 * because a foreign postal code or a garbled value may identify a place more precisely than a state.
 * Immutable and thread-safe.
 */
public final class Zip3 {

    public static final String CENSUS_2000 = "census2000";
    public static final String CENSUS_2010 = "census2010";
    public static final String RESTRICTED = "000";

    private static final Pattern LIST_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,40}");
    private static final Pattern PREFIX = Pattern.compile("[0-9]{3}");
    // 12345, 12345-6789, 123456789 (whitespace removed first, so "12345 6789" is ZIP+4 too)
    private static final Pattern US_ZIP = Pattern.compile("([0-9]{3})[0-9]{2}(?:-?[0-9]{4})?");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private static final Zip3 DEFAULT_UNION = of(CENSUS_2000, CENSUS_2010);

    private final List<String> listNames;
    private final Set<String> restricted;

    private Zip3(List<String> listNames, Set<String> restricted) {
        this.listNames = listNames;
        this.restricted = restricted;
    }

    /** Both shipped lists, unioned. */
    public static Zip3 defaultUnion() {
        return DEFAULT_UNION;
    }

    /**
     * The union of the named lists, e.g. {@code of("census2010")}.
     *
     * @throws IllegalArgumentException if no name is given or a list is not shipped
     */
    public static Zip3 of(String... listNames) {
        if (listNames == null || listNames.length == 0) {
            throw new IllegalArgumentException("at least one restricted-ZIP3 list is required");
        }
        Set<String> prefixes = new TreeSet<>();
        for (String name : listNames) {
            prefixes.addAll(load(name));
        }
        return new Zip3(List.of(listNames), Collections.unmodifiableSet(prefixes));
    }

    /** Names of the lists this instance restricts, as given. */
    public List<String> listNames() {
        return listNames;
    }

    /** The restricted three-digit prefixes, sorted. */
    public Set<String> restrictedPrefixes() {
        return restricted;
    }

    public boolean isRestricted(String zip3) {
        return restricted.contains(zip3);
    }

    /**
     * As {@link #generalise(String)} for a postal code of an address in {@code country} (as written: "DEU", "Mexico",
     * "US"; null or blank when none is): {@code 000} for a country that does not use US ZIP codes. Safe Harbor's
     * three-digit exception is for US ZIP codes; "701" of a Stuttgart postal code is a German area smaller than a state.
     */
    public String generalise(String postalCode, String country) {
        return usesUsZip(country) ? generalise(postalCode) : RESTRICTED;
    }

    /** Whether an address's country, as written, is one whose postal codes are US ZIPs (none written counts as yes). */
    static boolean usesUsZip(String country) {
        if (country == null || country.isBlank()) {
            return true;
        }
        String c = country.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        return US_ZIP_COUNTRIES.contains(c);
    }

    /** The US, as ISO 3166 codes and names, and the territories that use US ZIP codes. */
    private static final Set<String> US_ZIP_COUNTRIES = Set.of("US", "USA", "840", "UNITEDSTATES",
            "UNITEDSTATESOFAMERICA", "AMERICA", "PR", "PRI", "630", "PUERTORICO", "GU", "GUM", "GUAM", "VI", "VIR",
            "USVIRGINISLANDS", "AS", "ASM", "AMERICANSAMOA", "MP", "MNP", "NORTHERNMARIANAISLANDS", "UM", "UMI");

    /**
     * The Safe Harbor form of a postal code: the first three digits of a US ZIP or ZIP+4, or
     * {@code 000} when that prefix is restricted or the value is not recognisably a US ZIP
     * (including null and empty).
     */
    public String generalise(String postalCode) {
        if (postalCode == null) {
            return RESTRICTED;
        }
        var m = US_ZIP.matcher(WHITESPACE.matcher(postalCode).replaceAll(""));
        if (!m.matches()) {
            return RESTRICTED;
        }
        String prefix = m.group(1);
        return restricted.contains(prefix) ? RESTRICTED : prefix;
    }

    private static Set<String> load(String name) {
        // the name is configuration, not PHI, so it may appear in messages; the pattern blocks path games
        if (name == null || !LIST_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid restricted-ZIP3 list name '" + name + "'");
        }
        String resource = "/safe-harbor/zip3-restricted-" + name + ".txt";
        Set<String> prefixes = new TreeSet<>();
        try (InputStream in = Zip3.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("unknown restricted-ZIP3 list '" + name + "'; shipped: "
                        + CENSUS_2000 + ", " + CENSUS_2010);
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                int hash = line.indexOf('#');
                String entry = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (entry.isEmpty()) {
                    continue;
                }
                if (!PREFIX.matcher(entry).matches()) {
                    throw new IllegalStateException("malformed entry in " + resource);
                }
                prefixes.add(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        if (prefixes.isEmpty()) {
            throw new IllegalStateException("empty list " + resource);
        }
        return prefixes;
    }
}
