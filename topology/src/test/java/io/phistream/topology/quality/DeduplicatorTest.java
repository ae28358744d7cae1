package io.phistream.topology.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phistream.topology.keys.KeyStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Duplicate suppression over an in-memory store with the window semantics of the Kafka window store. */
class DeduplicatorTest {

    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final long T0 = 1_710_000_000_000L;

    /** key → (timestamp → value), queried like WindowStore.fetch(key, from, to). */
    static final class MemorySeen implements SeenStore {
        final Map<String, TreeMap<Long, byte[]>> data = new HashMap<>();

        @Override
        public byte[] find(String key, long from, long to) {
            TreeMap<Long, byte[]> t = data.get(key);
            if (t == null) {
                return null;
            }
            var e = t.subMap(from, true, to, true).firstEntry();
            return e == null ? null : e.getValue();
        }

        @Override
        public void put(String key, byte[] value, long timestamp) {
            data.computeIfAbsent(key, k -> new TreeMap<>()).put(timestamp, value);
        }
    }

    private final QualityGate gate = TestGates.gate(KeyStore.ephemeral());
    private final Deduplicator dedupe = new Deduplicator(Duration.ofHours(24));
    private final MemorySeen seen = new MemorySeen();
    private final String oru = TestGates.oru();

    private Deduplicator.Result check(String msg, long ts) {
        return dedupe.check(gate.inspect(msg.getBytes(StandardCharsets.UTF_8)), ts, seen);
    }

    @Test
    void givenTheSameMessageTwiceWithinTheWindow_whenChecked_thenTheSecondIsADuplicate() {
        assertThat(check(oru, T0)).isEqualTo(Deduplicator.Result.FIRST);
        assertThat(check(oru, T0 + 23 * HOUR)).isEqualTo(Deduplicator.Result.DUPLICATE);
        assertThat(check(oru, T0 + 24 * HOUR)).isEqualTo(Deduplicator.Result.DUPLICATE);
    }

    @Test
    void givenTheSameMessageAfterTheWindow_whenChecked_thenItIsNewAgainAndOpensANewWindow() {
        assertThat(check(oru, T0)).isEqualTo(Deduplicator.Result.FIRST);
        assertThat(check(oru, T0 + 24 * HOUR + 1)).isEqualTo(Deduplicator.Result.FIRST);
        assertThat(check(oru, T0 + 30 * HOUR)).isEqualTo(Deduplicator.Result.DUPLICATE);
    }

    @Test
    void givenACopyWithAnEarlierTimestamp_whenChecked_thenItIsADuplicateToo() {
        assertThat(check(oru, T0)).isEqualTo(Deduplicator.Result.FIRST);
        assertThat(check(oru, T0 - 2 * HOUR)).isEqualTo(Deduplicator.Result.DUPLICATE);
    }

    @Test
    void givenResendsThatDifferOnlyInFramingSeparatorsOrMshRewrites_whenChecked_thenTheyAreDuplicates() {
        assertThat(check(oru, T0)).isEqualTo(Deduplicator.Result.FIRST);
        assertThat(check("\u000b" + oru + "\u001c\r", T0 + 1)).isEqualTo(Deduplicator.Result.DUPLICATE);
        assertThat(check(oru.replace("\r", "\r\n"), T0 + 2)).isEqualTo(Deduplicator.Result.DUPLICATE);
        String rerouted = Msgs.set(Msgs.set(oru, "MSH", 7, "20240311111500+0000"), "MSH", 5, "OTHER");
        assertThat(check(rerouted, T0 + 3)).isEqualTo(Deduplicator.Result.DUPLICATE);
    }

    @Test
    void givenCopiesWithAByteOrderMarkOrNonAsciiText_whenChecked_thenTheyAreDuplicatesOfThePlainOnes() {
        String accented = Msgs.set(oru, "PID", 5, "M\u00dcLLER^J\u00dcRGEN");
        assertThat(check(accented, T0)).isEqualTo(Deduplicator.Result.FIRST);
        assertThat(check("\uFEFF" + accented.replace("\r", "\n"), T0 + 1)).isEqualTo(Deduplicator.Result.DUPLICATE);
        String noId = Msgs.set(oru, "MSH", 10, "");
        assertThat(check(noId, T0 + 2)).isEqualTo(Deduplicator.Result.FIRST);
        assertThat(check("\uFEFF\u000b" + noId + "\u001c\r", T0 + 3)).isEqualTo(Deduplicator.Result.DUPLICATE);
    }

    @Test
    void givenAReusedControlIdWithDifferentContent_whenChecked_thenItIsNotDroppedButReported() {
        String other = Msgs.set(oru, "OBX", 1, 5, "73");
        assertThat(check(oru, T0)).isEqualTo(Deduplicator.Result.FIRST);
        assertThat(check(other, T0 + 1)).isEqualTo(Deduplicator.Result.CONTROL_ID_REUSED);
        // and from then on both are remembered
        assertThat(check(other, T0 + 2)).isEqualTo(Deduplicator.Result.DUPLICATE);
        assertThat(check(oru, T0 + 3)).isEqualTo(Deduplicator.Result.DUPLICATE);
        // a resend of the second one through an engine that rewrites MSH is still the second one
        assertThat(check(Msgs.set(other, "MSH", 7, "20240311111500+0000"), T0 + 4))
                .isEqualTo(Deduplicator.Result.DUPLICATE);
    }

    @Test
    void givenTheSameControlIdFromAnotherFacility_whenChecked_thenItIsANewMessage() {
        assertThat(check(oru, T0)).isEqualTo(Deduplicator.Result.FIRST);
        assertThat(check(Msgs.set(oru, "MSH", 4, "WARD8"), T0 + 1)).isEqualTo(Deduplicator.Result.FIRST);
    }

    @Test
    void givenMessagesWithoutControlId_whenChecked_thenTheirContentIdentifiesThem() {
        String noId = Msgs.set(oru, "MSH", 10, "");
        assertThat(check(noId, T0)).isEqualTo(Deduplicator.Result.FIRST);
        assertThat(check(noId, T0 + 1)).isEqualTo(Deduplicator.Result.DUPLICATE);
        assertThat(check(Msgs.set(noId, "OBX", 1, 5, "99"), T0 + 2)).isEqualTo(Deduplicator.Result.FIRST);
    }

    @Test
    void givenUnreadableBytesTwice_whenChecked_thenTheSecondIsADuplicate() {
        assertThat(check("NOT HL7 AT ALL", T0)).isEqualTo(Deduplicator.Result.FIRST);
        assertThat(check("NOT HL7 AT ALL", T0 + 1)).isEqualTo(Deduplicator.Result.DUPLICATE);
    }

    @Test
    void givenRememberedMessages_whenTheStoreIsInspected_thenItHoldsKeyedDigestsOnly() {
        check(oru, T0);
        check(Msgs.set(oru, "OBX", 1, 5, "73"), T0 + 1);
        check(Msgs.set(oru, "MSH", 10, ""), T0 + 2);
        assertThat(seen.data).hasSize(3);
        for (Map.Entry<String, TreeMap<Long, byte[]>> e : seen.data.entrySet()) {
            assertThat(e.getKey()).matches("[0-9a-f]{32}");
            for (byte[] v : e.getValue().values()) {
                String s = new String(v, StandardCharsets.ISO_8859_1);
                assertThat(s).doesNotContain("CTRL0001").doesNotContain("MRN12345").doesNotContain("VITALS");
            }
        }
    }

    @Test
    void givenAnotherDigestKey_whenTheSameMessageIsKeyed_thenTheKeysDiffer() {
        QualityGate other = TestGates.gate(KeyStore.ephemeral());
        byte[] b = TestGates.bytes(oru);
        assertThat(other.inspect(b).idKey()).isNotEqualTo(gate.inspect(b).idKey());
        assertThat(gate.inspect(b).idKey()).isEqualTo(gate.inspect(b).idKey());
    }

    @Test
    void givenANonPositiveWindow_whenCreated_thenItIsRefused() {
        assertThatThrownBy(() -> new Deduplicator(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
