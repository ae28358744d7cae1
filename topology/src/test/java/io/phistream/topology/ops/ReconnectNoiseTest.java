package io.phistream.topology.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReconnectNoiseTest {

    private static final String WARNING = "[Producer clientId=app-StreamThread-1-producer] Connection to node {} ({}) "
            + "could not be established. Node may not be available.";

    private final AtomicLong clock = new AtomicLong();
    private final ReconnectNoise filter = new ReconnectNoise(clock::get);
    private final LoggerContext context = new LoggerContext();
    private final ListAppender<ILoggingEvent> printed = new ListAppender<>();

    @BeforeEach
    void setUp() {
        filter.start();
        context.addTurboFilter(filter);
        printed.setContext(context);
        printed.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(printed);
    }

    private static final String DISCONNECTED = "[Consumer clientId=app-StreamThread-1-consumer, groupId=app] Bootstrap "
            + "broker {} disconnected";

    private void reconnectWarnings(int count) {
        for (int i = 0; i < count; i++) {
            if (i % 2 == 0) {
                context.getLogger(ReconnectNoise.LOGGER).warn(WARNING, -1, "localhost/127.0.0.1:1");
            } else {
                context.getLogger(ReconnectNoise.LOGGER).warn(DISCONNECTED, "localhost:1 (id: -1 rack: null)");
            }
            clock.addAndGet(TimeUnit.SECONDS.toNanos(1));
        }
    }

    @Test
    void givenABrokerDownForTwoMinutes_whenEveryClientWarnsEachSecond_thenOneWarningAMinutePrintsAndOneLineSaysSo() {
        reconnectWarnings(125);

        assertThat(printed.list).extracting(ILoggingEvent::getLoggerName).containsExactly(ReconnectNoise.LOGGER,
                ReconnectNoise.class.getName(), ReconnectNoise.LOGGER, ReconnectNoise.LOGGER);
        assertThat(printed.list.get(1).getFormattedMessage()).contains("once a minute").contains("bootstrap.servers");
        assertThat(filter.suppressed()).isEqualTo(122);
    }

    @Test
    void givenOtherClientWarnings_whenLogged_thenPrintedAsBefore() {
        reconnectWarnings(2);
        printed.list.clear();

        context.getLogger(ReconnectNoise.LOGGER).warn("[AdminClient clientId=a] Error while fetching metadata with "
                + "correlation id {} : {}", 7, "{deid.fhir=UNKNOWN_TOPIC_OR_PARTITION}");
        context.getLogger("org.apache.kafka.common.network.Selector").warn("Connection to node 1 could not be established");
        context.getLogger(ReconnectNoise.LOGGER).error(WARNING, -1, "localhost/127.0.0.1:1");

        assertThat(printed.list).hasSize(3);
    }
}
