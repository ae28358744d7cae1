package io.phistream.topology.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** /health/live and /health/ready across every Kafka Streams state. */
class ProbesTest {

    private static final EnumSet<State> LIVE = EnumSet.of(State.CREATED, State.REBALANCING, State.RUNNING);

    private final AtomicReference<State> state = new AtomicReference<>(State.CREATED);
    private OpsServer server;

    @BeforeEach
    void start() {
        server = OpsServer.startLocal(0, OpsSources.builder(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
                .state(state::get).build());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @EnumSource(State.class)
    void givenAStreamsState_whenProbed_thenLiveWhileStartingRunningOrRebalancingAndReadyOnlyWhenRunning(State s) {
        state.set(s);

        var live = Http.get(server, "/health/live");
        var ready = Http.get(server, "/health/ready");

        assertThat(live.statusCode()).as("live in %s", s).isEqualTo(LIVE.contains(s) ? 200 : 503);
        assertThat(ready.statusCode()).as("ready in %s", s).isEqualTo(s == State.RUNNING ? 200 : 503);
        assertThat(live.body()).contains("\"state\":\"" + s.name() + "\"");
        assertThat(Probes.live(s)).isEqualTo(LIVE.contains(s));
        assertThat(Probes.ready(s)).isEqualTo(s == State.RUNNING);
    }

    @Test
    void givenARunningApplication_whenShutdownBegins_thenReadyTurns503WhileLiveStays200() {
        state.set(State.RUNNING);
        assertThat(Http.get(server, "/health/ready").statusCode()).isEqualTo(200);

        server.markStopping();

        assertThat(Http.get(server, "/health/ready").statusCode()).isEqualTo(503);
        assertThat(Http.get(server, "/health/ready").body()).contains("\"stopping\":true");
        assertThat(Http.get(server, "/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void givenTheStateChanges_whenScraped_thenReadyAndLiveGaugesFollowIt() {
        state.set(State.RUNNING);
        String running = Http.get(server, "/metrics").body();
        state.set(State.ERROR);
        String failed = Http.get(server, "/metrics").body();

        assertThat(running).contains("phistream_ready 1.0").contains("phistream_live 1.0");
        assertThat(failed).contains("phistream_ready 0.0").contains("phistream_live 0.0");
    }
}
