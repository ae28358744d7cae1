package io.phistream.topology.broker;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransactionRetryNoiseTest {

    private static final String REFUSAL = "Invalid sequence number for producer 12 at offset 1456 in partition "
            + "bench.deid.hl7v2-0: 6 (incoming seq. number). Expected sequence 0 for transactions v2 idempotent "
            + "producer with no existing state.";

    private final LoggerContext context = new LoggerContext();
    private final ListAppender<ILoggingEvent> printed = new ListAppender<>();

    @BeforeEach
    void setUp() {
        TransactionRetryNoise filter = new TransactionRetryNoise();
        filter.start();
        context.addTurboFilter(filter);
        printed.setContext(context);
        printed.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(printed);
    }

    @Test
    void givenTheBrokersRefusalOfATransactionsFirstRequest_whenLogged_thenCountedAndNotPrinted() {
        long before = TransactionRetryNoise.suppressed();

        context.getLogger("kafka.server.ReplicaManager").error("Error processing append operation on partition x",
                new OutOfOrderSequenceException(REFUSAL));

        assertThat(printed.list).isEmpty();
        assertThat(TransactionRetryNoise.suppressed()).isEqualTo(before + 1);
    }

    @Test
    void givenAnyOtherError_whenLogged_thenPrintedAsBefore() {
        long before = TransactionRetryNoise.suppressed();

        context.getLogger("kafka.server.ReplicaManager").error("Error processing append operation on partition x",
                new OutOfOrderSequenceException("Out of order sequence number for producer 12: 9 (incoming), 7"));
        context.getLogger("kafka.server.ReplicaManager").error("disk full", new java.io.IOException("No space"));
        context.getLogger("kafka.server.KafkaApis").error("Error processing append operation on partition x",
                new OutOfOrderSequenceException(REFUSAL));
        context.getLogger("kafka.server.ReplicaManager").warn("Error processing append operation on partition x",
                new OutOfOrderSequenceException(REFUSAL));

        assertThat(printed.list).hasSize(4);
        assertThat(TransactionRetryNoise.suppressed()).isEqualTo(before);
    }
}
