package io.phistream.topology.broker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.slf4j.Marker;

/**
 * Counts instead of printing one known, harmless broker error of the in-process broker (demo, bench, {@code broker}):
 * with Kafka 4's transactions v2, the first produce request of a transaction can reach a partition while the previous
 * transaction's markers are still being written; the broker refuses it ("Expected sequence 0 for transactions v2
 * idempotent producer with no existing state") and the producer retries it (KAFKA-18202). Under load each such refusal
 * prints an ERROR with a stack trace per partition, dozens at a time, which reads like data loss and is not: the bench
 * and the exactly-once tests check that every record came out once. Only that message, from that logger, at ERROR is
 * filtered; every other broker error prints as before. {@code phi-stream run} has no broker in its JVM, so nothing is
 * filtered there.
 */
public final class TransactionRetryNoise extends TurboFilter {

    static final String LOGGER = "kafka.server.ReplicaManager";
    static final String MESSAGE = "for transactions v2 idempotent producer with no existing state";
    private static final AtomicLong SUPPRESSED = new AtomicLong();

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level == Level.ERROR && t instanceof OutOfOrderSequenceException && LOGGER.equals(logger.getName())
                && t.getMessage() != null && t.getMessage().contains(MESSAGE)) {
            SUPPRESSED.incrementAndGet();
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }

    /** How many such refusals were counted instead of printed since the JVM started. */
    public static long suppressed() {
        return SUPPRESSED.get();
    }

    /** One line saying how many were counted, or null when none were. */
    public static String summary() {
        long n = suppressed();
        return n == 0 ? null : "in-process broker: " + n + " refusals of a transaction's first produce request while "
                + "the previous transaction's markers were written, each retried by the producer (Kafka 4 "
                + "transactions v2, KAFKA-18202); counted, not printed one by one";
    }
}
