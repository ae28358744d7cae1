package io.phistream.topology.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phistream.detector.PhiType;
import io.phistream.topology.keys.KeyStore;
import io.phistream.detector.deid.Tokenizer;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The latest-alerts list shows tokens only and stays bounded. */
class RecentAlertsTest {

    private final String token = new Tokenizer(KeyStore.ephemeral().tokenization()).token(PhiType.MRN, "MRN123456");

    @Test
    void givenARealToken_whenAnAlertIsAdded_thenItIsKeptNewestFirstWithinCapacity() {
        RecentAlerts alerts = new RecentAlerts(2);
        for (int i = 0; i < 3; i++) {
            alerts.add(new RecentAlerts.Alert(Instant.ofEpochSecond(i), "icu", "high", i, "news2", token));
        }

        assertThat(alerts.latest()).extracting(RecentAlerts.Alert::score).containsExactly(2.0, 1.0);
    }

    @Test
    void givenSomethingThatIsNotAToken_whenAnAlertIsBuilt_thenItIsRefusedWithoutQuotingIt() {
        for (String notAToken : new String[] {"MRN123456", "SMITH^JOHN", "mrn-short", "", null}) {
            assertThatThrownBy(() -> new RecentAlerts.Alert(Instant.EPOCH, "icu", "high", 7, "news2", notAToken))
                    .isInstanceOf(IllegalArgumentException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("MRN123456").doesNotContain("SMITH"));
        }
        assertThatThrownBy(() -> new RecentAlerts.Alert(Instant.EPOCH, "icu ward", "high", 7, "news2", token))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
