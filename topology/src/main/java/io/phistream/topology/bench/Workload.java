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

    /** {@code n} messages of the mix, deterministic for a seed. */
    public static List<Message> generate(Mix mix, int n, long seed) {
        SyntheticHl7 hl7 = new SyntheticHl7(seed);
        SyntheticFhir fhir = mix == Mix.HL7 ? null : new SyntheticFhir(seed);
        List<Message> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            boolean isFhir = mix == Mix.FHIR || (mix == Mix.MIXED && i % 2 == 1);
            String text = isFhir ? fhir.next().json() : hl7.next().text();
            out.add(new Message(isFhir, text.getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    /** Mean size in bytes. */
    public static double meanBytes(List<Message> messages) {
        return messages.stream().mapToInt(m -> m.value().length).average().orElse(0);
    }
}
