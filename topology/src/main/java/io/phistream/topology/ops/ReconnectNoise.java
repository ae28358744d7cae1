package io.phistream.topology.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Marker;

/**
 * Thins out the Kafka clients' "Connection to node ... could not be established" and "Bootstrap broker ...
 * disconnected" warnings to one a minute. While a
 * broker is down every client of the application (the stream threads' consumers and producers, the admin clients)
 * warns at each reconnect attempt, about once a second each: a user who started {@code run} against a wrong address
 * saw a screen of identical lines a minute and nothing else. The first warning prints, then one a minute while they
 * last; the ones in between are counted, and a line says so once. Every other client warning prints as before.
 */
public final class ReconnectNoise extends TurboFilter {

    static final String LOGGER = "org.apache.kafka.clients.NetworkClient";
    /** The two warnings of a client that cannot reach a broker (parts of their formats). */
    static final String UNREACHABLE = "could not be established";
    static final String BOOTSTRAP_DISCONNECTED = "Bootstrap broker";
    static final long INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final LongSupplier nanoTime;
    private final AtomicLong lastPrinted = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong suppressed = new AtomicLong();

    public ReconnectNoise() {
        this(System::nanoTime);
    }

    ReconnectNoise(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level != Level.WARN || format == null || !LOGGER.equals(logger.getName())
                || !format.contains(UNREACHABLE) && !format.contains(BOOTSTRAP_DISCONNECTED)) {
            return FilterReply.NEUTRAL;
        }
        long now = nanoTime.getAsLong();
        long last = lastPrinted.get();
        if ((last == Long.MIN_VALUE || now - last >= INTERVAL_NANOS) && lastPrinted.compareAndSet(last, now)) {
            return FilterReply.NEUTRAL;
        }
        if (suppressed.getAndIncrement() == 0) {
            logger.getLoggerContext().getLogger(ReconnectNoise.class).warn("the Kafka clients cannot reach a broker "
                    + "(check bootstrap.servers and the network); their reconnect warnings now print once a minute");
        }
        return FilterReply.DENY;
    }

    /** How many reconnect warnings were counted instead of printed. */
    public long suppressed() {
        return suppressed.get();
    }
}
