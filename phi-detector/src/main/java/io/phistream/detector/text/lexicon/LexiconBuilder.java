package io.phistream.detector.text.lexicon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

/**
 * Builds the compact lexicons the free-text detector ships (phi-detector/src/main/resources/lexicons)
 * from the public-domain and CC BY sources in ../shared/lexicons.
 *
 * <p>Usage (from the repository root): {@code java -cp phi-detector/target/classes
 * io.phistream.detector.text.lexicon.LexiconBuilder [sourceDir] [outputDir]}; defaults
 * {@code ../shared/lexicons} and {@code phi-detector/src/main/resources/lexicons}.
 *
 * <p>Every output is sorted, deduplicated, folded ({@link Fold}) and gzip'd; counts become
 * logarithmic buckets {@code q = round(8 * log10(x))} (an eighth of a decade, ~33% steps), which is
 * all the detector's odds need and compresses well. Output is a pure function of the inputs.
 */
public final class LexiconBuilder {

    /** Output file names; {@link #build} writes exactly these. */
    public static final List<String> OUTPUTS = List.of(
            "names.tsv.gz", "words.tsv.gz", "places.tsv.gz", "hospitals.tsv.gz", "states.tsv.gz",
            "ATTRIBUTION.md", "LICENSE-SCOWL.txt", "MANIFEST.tsv");

    private LexiconBuilder() {
    }

    public static void main(String[] args) throws IOException {
        Path src = args.length > 0 ? Path.of(args[0]) : defaultSource();
        Path out = args.length > 1 ? Path.of(args[1]) : Path.of("phi-detector/src/main/resources/lexicons");
        if (!Files.isDirectory(src)) {
            System.err.println("lexicon sources not found: " + src.toAbsolutePath());
            System.exit(2);
        }
        build(src, out);
        System.out.println("lexicons written to " + out.toAbsolutePath());
    }

    static Path defaultSource() {
        Path p = Path.of("..", "shared", "lexicons");
        return Files.isDirectory(p) ? p : Path.of("..", "..", "shared", "lexicons");
    }

    /** Bucket of a positive quantity: eighths of a decade. */
    public static int q(double x) {
        return x <= 0 ? 0 : Math.max(1, (int) Math.round(8 * Math.log10(x)));
    }

    public static void build(Path src, Path out) throws IOException {
        Files.createDirectories(out);
        List<String[]> manifest = new ArrayList<>();
        manifest.add(new String[] {"names.tsv.gz", String.valueOf(names(src, out.resolve("names.tsv.gz")))});
        manifest.add(new String[] {"words.tsv.gz", String.valueOf(words(src, out.resolve("words.tsv.gz")))});
        manifest.add(new String[] {"places.tsv.gz", String.valueOf(places(src, out.resolve("places.tsv.gz")))});
        manifest.add(new String[] {"hospitals.tsv.gz",
                String.valueOf(hospitals(src, out.resolve("hospitals.tsv.gz")))});
        manifest.add(new String[] {"states.tsv.gz", String.valueOf(states(src, out.resolve("states.tsv.gz")))});
        Files.write(out.resolve("LICENSE-SCOWL.txt"), Files.readAllBytes(src.resolve("english_words_scowl/LICENSE-SCOWL.txt")));
        Files.writeString(out.resolve("ATTRIBUTION.md"), attribution(), StandardCharsets.UTF_8);
        StringBuilder m = new StringBuilder("file\trows\n");
        for (String[] r : manifest) {
            m.append(r[0]).append('\t').append(r[1]).append('\n');
        }
        m.append("\nsource\tsha256\n");
        for (String s : SOURCES) {
            m.append(s).append('\t').append(sha256(src.resolve(s))).append('\n');
        }
        Files.writeString(out.resolve("MANIFEST.tsv"), m.toString(), StandardCharsets.UTF_8);
    }

    static final List<String> SOURCES = List.of(
            "us_ssa_first_names/ssa_first_names_by_sex_1880_2023.tsv",
            "us_census_names_1990/first_names_1990.tsv",
            "us_census_names_1990/surnames_1990.tsv",
            "us_census_surnames_2010/surnames_2010.tsv",
            "english_word_freq_google_books/google_books_1grams_casefolded_per_million.tsv",
            "english_words_scowl/scowl_en_us_size_le80.tsv",
            "us_places/places_2016.tsv",
            "us_places/counties_2016.tsv",
            "us_places/county_subdivisions_2016.tsv",
            "us_places/states.tsv",
            "us_hospitals/cms_hospital_general_information.tsv",
            "us_hospitals/hifld_hospitals.tsv");

    // ---- names: key, first-name bucket (SSA births 1925-2023), surname bucket (2010 Census count)
    static int names(Path src, Path out) throws IOException {
        Map<String, double[]> m = new TreeMap<>();
        rows(src.resolve("us_ssa_first_names/ssa_first_names_by_sex_1880_2023.tsv"), r -> {
            double recent = Double.parseDouble(r[3]);
            // names last given before 1925 still occur in records of the very old: keep them, weakly
            double c = recent > 0 ? recent : Double.parseDouble(r[2]) / 10.0;
            m.computeIfAbsent(Fold.word(r[0]), k -> new double[2])[0] += c;
        });
        rows(src.resolve("us_census_names_1990/first_names_1990.tsv"), r -> {
            // 1990 sample: percent of that sex; ~124M people per sex
            double c = Double.parseDouble(r[3]) * 1.24e6;
            double[] v = m.computeIfAbsent(Fold.word(r[0]), k -> new double[2]);
            v[0] = Math.max(v[0], c);
        });
        rows(src.resolve("us_census_surnames_2010/surnames_2010.tsv"), r ->
                m.computeIfAbsent(Fold.word(r[0]), k -> new double[2])[1] += Double.parseDouble(r[2]));
        rows(src.resolve("us_census_names_1990/surnames_1990.tsv"), r -> {
            double c = Double.parseDouble(r[2]) * 2.487e6;
            double[] v = m.computeIfAbsent(Fold.word(r[0]), k -> new double[2]);
            if (v[1] == 0) {
                v[1] = c;
            }
        });
        return writeGz(out, "key\tfirst_q\tsur_q", m.entrySet().stream()
                .filter(e -> e.getKey().length() > 0)
                .map(e -> e.getKey() + '\t' + q(e.getValue()[0]) + '\t' + q(e.getValue()[1])).toList());
    }

    // ---- words: key, per-million bucket of the dominant casing, casing (l/c/u/-), SCOWL size of the
    // lower-case word (0 = not a SCOWL word), SCOWL size as a proper name (0 = none)
    static int words(Path src, Path out) throws IOException {
        Map<String, String[]> m = new TreeMap<>();
        rows(src.resolve("english_word_freq_google_books/google_books_1grams_casefolded_per_million.tsv"), r -> {
            String key = Fold.word(r[0]);
            if (key.isEmpty() || m.containsKey(key)) {
                return;
            }
            String w = r[0];
            char casing = w.equals(w.toLowerCase(java.util.Locale.ROOT)) ? 'l'
                    : w.equals(w.toUpperCase(java.util.Locale.ROOT)) ? 'u' : 'c';
            int pm = q(Double.parseDouble(r[1]) * 1000);
            m.put(key, new String[] {String.valueOf(pm), String.valueOf(casing), "0", "0"});
        });
        rows(src.resolve("english_words_scowl/scowl_en_us_size_le80.tsv"), r -> {
            String key = Fold.word(r[0]);
            int size = Integer.parseInt(r[1]);
            boolean proper = r[2].equals("proper-names") || r[2].equals("upper");
            if (key.isEmpty()) {
                return;
            }
            String[] v = m.get(key);
            if (v == null) {
                // rare lower-case words matter only as evidence against a name; keep the ordinary ones
                if (size > 60) {
                    return;
                }
                v = new String[] {"0", "-", "0", "0"};
                m.put(key, v);
            }
            int col = proper ? 3 : 2;
            int old = Integer.parseInt(v[col]);
            if (old == 0 || size < old) {
                v[col] = String.valueOf(size);
            }
        });
        return writeGz(out, "key\tpm_q\tcasing\tscowl_word\tscowl_proper", m.entrySet().stream()
                .map(e -> e.getKey() + '\t' + String.join("\t", e.getValue())).toList());
    }

    // ---- places: folded phrase, kinds (P place, S county subdivision, C county), population bucket
    static int places(Path src, Path out) throws IOException {
        Map<String, int[]> m = new TreeMap<>();
        rows(src.resolve("us_places/places_2016.tsv"), r -> place(m, r[0], 1, r.length > 6 ? r[6] : ""));
        rows(src.resolve("us_places/county_subdivisions_2016.tsv"), r -> place(m, r[0], 2, ""));
        rows(src.resolve("us_places/counties_2016.tsv"), r -> place(m, r[0], 4, r.length > 5 ? r[5] : ""));
        return writeGz(out, "phrase\tkinds\tpop_q", m.entrySet().stream().map(e -> {
            int k = e.getValue()[0];
            String kinds = ((k & 1) != 0 ? "P" : "") + ((k & 2) != 0 ? "S" : "") + ((k & 4) != 0 ? "C" : "");
            return e.getKey() + '\t' + kinds + '\t' + e.getValue()[1];
        }).toList());
    }

    private static void place(Map<String, int[]> m, String name, int kind, String pop) {
        // "Nashville-Davidson", "Winston-Salem": keep the whole; "(balance)" style notes are gone already
        String p = Fold.phrase(name);
        if (p.isEmpty()) {
            return;
        }
        int[] v = m.computeIfAbsent(p, k -> new int[2]);
        v[0] |= kind;
        if (!pop.isEmpty()) {
            v[1] = Math.max(v[1], q(Double.parseDouble(pop)));
        }
    }

    // ---- hospitals: folded name, state (USPS), folded city
    static int hospitals(Path src, Path out) throws IOException {
        TreeSet<String> s = new TreeSet<>();
        Consumer<String[]> add = r -> {
            String p = Fold.phrase(r[0]);
            if (!p.isEmpty()) {
                s.add(p + '\t' + r[2] + '\t' + Fold.phrase(r[1]));
            }
        };
        rows(src.resolve("us_hospitals/cms_hospital_general_information.tsv"), add);
        rows(src.resolve("us_hospitals/hifld_hospitals.tsv"), add);
        return writeGz(out, "phrase\tstate\tcity", new ArrayList<>(s));
    }

    static int states(Path src, Path out) throws IOException {
        List<String> rows = new ArrayList<>();
        rows(src.resolve("us_places/states.tsv"), r -> rows.add(Fold.phrase(r[0]) + '\t' + r[1] + '\t'
                + (r.length > 4 ? Fold.phrase(r[4]) : "")));
        rows.sort(null);
        return writeGz(out, "name\tusps\tap", rows);
    }

    private static void rows(Path p, Consumer<String[]> c) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            r.readLine();
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isEmpty()) {
                    c.accept(line.split("\t", -1));
                }
            }
        }
    }

    private static int writeGz(Path out, String header, List<String> lines) throws IOException {
        try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(out), 1 << 16);
             Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8)) {
            w.write(header);
            w.write('\n');
            for (String l : lines) {
                w.write(l);
                w.write('\n');
            }
        }
        return lines.size();
    }

    private static String sha256(Path p) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String attribution() {
        return """
                # Attribution and licences of the shipped lexicons

                These files are derived by `io.phistream.detector.text.lexicon.LexiconBuilder` from the sources
                below (copies described in ../shared/lexicons/*/SOURCE.txt; checksums in MANIFEST.tsv).
                Counts are reduced to logarithmic buckets; names and words are upper-cased and folded.

                | file | derived from | licence |
                |---|---|---|
                | names.tsv.gz | US Social Security Administration, Baby Names from Social Security Card Applications (national data 1880-2023); US Census Bureau, 1990 Census name files (dist.all.last, dist.female.first, dist.male.first); US Census Bureau, Frequently Occurring Surnames from the 2010 Census | public domain (works of the U.S. federal government, 17 U.S.C. 105) |
                | words.tsv.gz | Google Books Ngram Viewer 1-grams (version 20120701) as case-folded frequencies from github.com/streetsidesoftware/perf-testing; SCOWL (Spell Checker Oriented Word Lists) 2020.12.07 by Kevin Atkinson | CC BY 3.0 (Google Books Ngram data) and MIT (perf-testing); SCOWL notice licence (LICENSE-SCOWL.txt) |
                | places.tsv.gz, states.tsv.gz | US Census Bureau Gazetteer files 2016 (places, county subdivisions, counties) with 2010 Census population; state FIPS codes | public domain |
                | hospitals.tsv.gz | CMS Provider Data Catalog, Hospital General Information (xubh-q36u); DHS HIFLD Open, Hospitals layer (2022) | public domain / public use (U.S. government works) |

                ## Google Books Ngram (CC BY 3.0)
                Word frequencies derived from the Google Books Ngram Viewer datasets (Google Inc., CC BY 3.0,
                https://creativecommons.org/licenses/by/3.0/), via github.com/streetsidesoftware/perf-testing (MIT,
                Copyright 2023 Street Side Software). Changes: case-folded, non-word tokens dropped, frequencies
                bucketed.

                ## SCOWL
                Derived from SCOWL, Copyright 2000-2011 by Kevin Atkinson, and the sources it names. Permission to
                use, copy, modify, distribute and sell these word lists, the associated scripts, the output
                created from the scripts, and its documentation for any purpose is hereby granted without fee,
                provided that the above copyright notice appears in all copies and that both that copyright
                notice and this permission notice appear in supporting documentation. The full notice is in
                LICENSE-SCOWL.txt next to this file.

                ## Public-domain sources
                The SSA baby-name data, the Census name files, the Census Gazetteer files and the CMS and HIFLD
                hospital lists are works of the U.S. federal government and are not subject to copyright in the
                United States; they are included here as derived, reduced tables.

                ## Hand-written lists
                clinical_terms.txt and street_words.txt are written for this project (no third-party source).
                """;
    }
}
