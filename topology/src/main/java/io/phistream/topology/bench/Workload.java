package io.phistream.topology.bench;

import io.phistream.synthetic.SyntheticHl7;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The messages a benchmark sends: synthetic HL7 v2, synthetic FHIR Bundles, or both interleaved. */
public final class Workload {

    /** Which inputs the benchmark sends. */
    public enum Mix {
        /** ER7 messages from {@link SyntheticHl7} to {@code ingest.hl7v2}. */
        HL7,
        /** JSON Bundles from {@link SyntheticFhir} to {@code ingest.fhir}. */
        FHIR,
        /** Both, alternating one by one. */
        MIXED;

        /** {@code hl7}, {@code fhir} or {@code mixed}, any case. */
        public static Mix parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--mix: expected hl7, fhir or mixed");
            }
        }
    }

    /** One input: its bytes and whether it goes to the FHIR ingest topic. */
    public record Message(boolean fhir, byte[] value) {
    }

    private Workload() {
    }

    /** {@code n} messages of the mix, deterministic for a seed: the first {@code n} of {@link #stream}. */
    public static List<Message> generate(Mix mix, int n, long seed) {
        Source source = stream(mix, seed);
        List<Message> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(source.next());
        }
        return out;
    }

    /**
     * An endless, deterministic sequence of messages in which no message repeats: the pipeline's quality gate drops a
     * message it has already seen, so a benchmark must never resend one. HL7 messages have their own control ids.
     * FHIR Bundles are built with HAPI only for the first {@link #FHIR_DISTINCT} (building one costs about ten times
     * more than an HL7 message and would compete with what is measured); after that the same contents come again,
     * each with a Bundle identifier of its own (the sequence's seed and its number), which the gate keys on.
     */
    public static Source stream(Mix mix, long seed) {
        return new Source(mix, seed);
    }

    /** FHIR Bundle contents built in a {@link #stream} before they come again (under new identifiers). */
    public static final int FHIR_DISTINCT = 2_000;
    /** The identifier system of the benchmark's Bundles. */
    static final String BUNDLE_SYSTEM = "urn:phi-stream:bench:bundle";
    /** How HAPI's JSON of a Bundle starts; the identifier goes right after it. */
    private static final String BUNDLE_START = "{\"resourceType\":\"Bundle\",";

    /** See {@link #stream}. Not thread-safe. */
    public static final class Source {
        private final Mix mix;
        private final SyntheticHl7 hl7;
        private final SyntheticFhir fhir;
        private final List<String> bundles = new ArrayList<>();
        private final String identifierPrefix;
        private long i;
        private long fhirCount;

        private Source(Mix mix, long seed) {
            this.mix = mix;
            this.hl7 = mix == Mix.FHIR ? null : new SyntheticHl7(seed);
            this.fhir = mix == Mix.HL7 ? null : new SyntheticFhir(seed);
            this.identifierPrefix = BUNDLE_START + "\"identifier\":{\"system\":\"" + BUNDLE_SYSTEM
                    + "\",\"value\":\"" + Long.toString(seed, 36) + "-";
        }

        public Message next() {
            boolean isFhir = mix == Mix.FHIR || (mix == Mix.MIXED && i % 2 == 1);
            i++;
            if (!isFhir) {
                return new Message(false, hl7.next().text().getBytes(StandardCharsets.UTF_8));
            }
            long k = fhirCount++;
            if (k < FHIR_DISTINCT) {
                String json = fhir.next().json();
                if (!json.startsWith(BUNDLE_START)) {
                    throw new IllegalStateException("a generated Bundle does not start with " + BUNDLE_START);
                }
                bundles.add(json.substring(BUNDLE_START.length()));
            }
            String rest = bundles.get((int) (k % FHIR_DISTINCT));
            return new Message(true, (identifierPrefix + k + "\"}," + rest).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Mean size in bytes. */
    public static double meanBytes(List<Message> messages) {
        return messages.stream().mapToInt(m -> m.value().length).average().orElse(0);
    }
}
